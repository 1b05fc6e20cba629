"""Every formula of the LKj, once, as pure functions over numbers and data frames.

No Streamlit, no database, no files: callers read the data and pass it in. Each function's
docstring names the LKj table or formula it implements.
"""
