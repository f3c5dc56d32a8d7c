"""The app opens in a real headless Chromium and shows the ranking with the synthetic-data label."""

from playwright.sync_api import Page, expect


def test_ranking_opens_with_synthetic_label(page: Page, app_url: str, screenshot) -> None:
    page.goto(app_url)
    expect(page.get_by_role("heading", name="Indeks Inovasi Daerah — Kalimantan Selatan")).to_be_visible(timeout=30000)
    expect(page.get_by_text("SINTETIS").first).to_be_visible(timeout=30000)
    screenshot(page, "ringkasan")
