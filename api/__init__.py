"""The read-only HTTP API beside the dashboard (FastAPI): ``python -m api --port 8502``; see :mod:`api.app`."""
