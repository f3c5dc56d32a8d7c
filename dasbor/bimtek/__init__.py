"""Bimtek mode: a slide deck built from the live data, shown full-screen and exported as PPTX, PDF and Excel.

model.py holds the plain slide model, bahan.py gathers a year's data from the services, susun.py builds the
slides from it (pure functions), figur.py draws its charts, celah.py prices evidence gaps in IID points, and
ekspor*.py write the files.
"""
