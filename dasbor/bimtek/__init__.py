"""Bimtek mode: a slide deck built from the live data, shown full-screen and exported as PPTX, PDF and Excel.

model.py holds the plain slide model, susun.py builds a deck from the services, figur.py draws its charts,
celah.py prices evidence gaps in IID points, and ekspor*.py write the files.
"""
