"""Chart builders, one module per page: each returns a Vega-Lite spec (``vega.finish``) and never calls Streamlit."""
