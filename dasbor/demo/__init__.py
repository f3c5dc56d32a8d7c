"""Seeded, deterministic synthetic demo data for Kalimantan Selatan (labelled synthetic wherever shown)."""
