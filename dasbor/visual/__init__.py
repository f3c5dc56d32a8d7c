"""Figures, palette and number formatting shared by the pages, the bimtek slides and the command line (no Streamlit)."""
