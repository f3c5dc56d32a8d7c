"""Sub-commands of `python -m dasbor`, one module per feature; each registers itself with daftarkan()."""
