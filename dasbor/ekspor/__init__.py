"""Writers of downloadable files (Excel, CSV); no Streamlit, no database."""
