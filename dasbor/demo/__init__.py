"""Seeded, deterministic synthetic data, labelled synthetic wherever shown: the Kalimantan Selatan demo calibrated on
its published values (generator.py, kalibrasi.py), the national rehearsal of every pemda or one province
(nasional.py), and the portal exports both are imported through (ekspor_portal.py, lewat_portal.py)."""
