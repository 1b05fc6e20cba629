"""Traffic-light status of a capaian: the one place its thresholds live."""

from __future__ import annotations

from typing import Literal

Status = Literal["hijau", "kuning", "merah", "abu"]

GREEN_FROM_PCT = 100.0
AMBER_FROM_PCT = 80.0


def status_of(
    capaian_pct: float | None, green_from: float = GREEN_FROM_PCT, amber_from: float = AMBER_FROM_PCT
) -> Status:
    """hijau ≥ 100 %, kuning 80 to < 100 %, merah < 80 %; unknown capaian is abu (grey), never green."""
    if capaian_pct is None or capaian_pct != capaian_pct:
        return "abu"
    if capaian_pct >= green_from:
        return "hijau"
    if capaian_pct >= amber_from:
        return "kuning"
    return "merah"
