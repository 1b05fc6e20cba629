"""Pure page models: frames + year + language (+ widget values) in, small dataclasses out.

One module per page. Nothing here imports streamlit, reads the URL or the session, or touches
the database: the page script (``app_pages/``) reads those once, calls its view and draws what
comes back; ``ui`` caches around the view call. ``report/`` reads the same views.
"""
