"""The floor of the new-visitor benchmark: the same Streamlit, a title and four metrics, nothing else.

``bench.browser.new_visitor`` loads it in a fresh browser context between the dashboard's pages:
what any Streamlit page costs a first-time visitor on this machine, measured in the same run.
"""

import streamlit as st

st.set_page_config(page_title="Floor", layout="wide")
st.title("Floor")
for col, (label, value) in zip(
    st.columns(4), (("Target", "5,50"), ("Realisasi", "6,02"), ("Capaian", "109,45 %"), ("Status", "✓")), strict=True
):
    col.metric(label, value)
