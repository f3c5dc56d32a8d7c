"""The baseline of benchmarks/halaman.py: a Streamlit page with nothing but one minimal plotly chart, so the
time to its first drawn chart is what Streamlit, the websocket and plotly.js cost before any dashboard work."""

import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a"], y=[1])), theme=None)
