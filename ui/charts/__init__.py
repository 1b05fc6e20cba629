"""Chart builders, one module per page: each returns a plotly figure and never calls Streamlit."""
