"""Colours, status palette and chart styling: the one theme every chart uses."""

from __future__ import annotations

from kpi.status import Status

STATUS_COLOR: dict[Status, str] = {"hijau": "#1a7f37", "kuning": "#d4a72c", "merah": "#cf222e", "abu": "#8c959f"}
STATUS_MARKDOWN_COLOR: dict[Status, str] = {"hijau": "green", "kuning": "orange", "merah": "red", "abu": "gray"}
"""Streamlit's markdown colour names (``:green[...]``) nearest to ``STATUS_COLOR``: no HTML needed."""
STATUS_ICON: dict[Status, str] = {"hijau": "✅", "kuning": "⚠️", "merah": "⛔", "abu": "⬜"}
PRIMARY = "#0b4f8a"
SERIES = ["#0b4f8a", "#e07b00", "#2a9d8f", "#8e44ad", "#c0392b", "#7f8c8d", "#16a085", "#d35400"]
