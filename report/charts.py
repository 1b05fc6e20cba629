"""Static chart images for the PDF: matplotlib, drawn off-screen (no display, no browser) to PNG bytes.

Every builder takes plain numbers and labels already chosen by ``report.content`` and returns
PNG bytes at :data:`DPI`. Figures are made with ``matplotlib.figure.Figure`` directly (no
pyplot), so building charts from several threads of the app is safe. Colours are ``views.theme``'s.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from kpi.format import fmt_number, fmt_pct
from kpi.status import Status
from views.theme import PRIMARY, STATUS_COLOR

DPI = 220
SECOND = "#e07b00"
THIRD = "#8c959f"
FONT_SIZE = 8.5
LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "pad": 0.6}
"""Behind value labels, so a reference line never runs through the digits."""


def _figure(width_in: float, height_in: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(width_in, height_in), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.tick_params(labelsize=FONT_SIZE, length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color("#c8ccd0")
    return fig, ax


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, facecolor="white")
    return buf.getvalue()


def status_bars(
    labels: Sequence[str],
    values: Sequence[float | None],
    statuses: Sequence[Status],
    status_words: Sequence[str],
    lang: str,
    reference: float = 100.0,
) -> bytes:
    """Horizontal bars of capaian in percent, coloured by status and labelled with value and status word."""
    n = len(labels)
    fig, ax = _figure(6.6, 0.36 * n + 0.5)
    ys = list(range(n))[::-1]
    vals = [v if v is not None else 0.0 for v in values]
    ax.barh(ys, vals, color=[STATUS_COLOR[s] for s in statuses], height=0.6)
    top = max([reference, *vals]) * 1.45
    for y, v, word in zip(ys, values, status_words, strict=True):
        ax.text(
            (v or 0) + top * 0.01,
            y,
            f"{fmt_pct(v, 2, lang)} · {word}",
            va="center",
            fontsize=FONT_SIZE,
            bbox=LABEL_BOX,
            zorder=4,
        )
    ax.axvline(reference, color="#333", lw=0.8, ls="--", zorder=3)
    ax.set_yticks(ys, labels)
    ax.set_xlim(0, top)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt_number(x, 0, lang)))
    ax.grid(axis="x", color="#eee", lw=0.6)
    ax.set_axisbelow(True)
    return _png(fig)


def paired_bars(
    labels: Sequence[str],
    first: Sequence[float],
    second: Sequence[float],
    names: tuple[str, str],
    lang: str,
    scale: float = 1.0,
    decimals: int = 2,
) -> bytes:
    """Vertical bar pairs (e.g. pagu beside realisasi), values divided by ``scale`` and written on the bars."""
    fig, ax = _figure(6.6, 2.3)
    xs = range(len(labels))
    w = 0.38
    for offset, series, name, colour in ((-w / 2, first, names[0], PRIMARY), (w / 2, second, names[1], SECOND)):
        scaled = [v / scale for v in series]
        bars = ax.bar([x + offset for x in xs], scaled, width=w, color=colour, label=name)
        ax.bar_label(bars, labels=[fmt_number(v, decimals, lang) for v in scaled], fontsize=FONT_SIZE - 0.5, padding=2)
    ax.set_xticks(list(xs), labels)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: fmt_number(y, 1, lang)))
    ax.set_ylim(0, max(*first, *second) / scale * 1.18)
    ax.grid(axis="y", color="#eee", lw=0.6)
    ax.set_axisbelow(True)
    ax.legend(fontsize=FONT_SIZE, frameon=False, loc="upper left", ncols=2)
    return _png(fig)


def grouped_hbars(
    labels: Sequence[str],
    series: Sequence[Sequence[float | None]],
    names: Sequence[str],
    lang: str,
    value_fmt: str = "pct",
    decimals: int = 2,
    reference: float | None = None,
) -> bytes:
    """Horizontal bars, one group per label and one bar per series, each value written beside its bar."""
    n, k = len(labels), len(series)
    fig, ax = _figure(6.6, 0.19 * n * k + 0.7)
    colours = (PRIMARY, SECOND, THIRD, "#2a9d8f")
    h = 0.8 / k
    top = max((abs(v) for s in series for v in s if v is not None), default=0.0) or 1.0
    for j, (values, name) in enumerate(zip(series, names, strict=True)):
        ys = [(n - 1 - i) + (k - 1) / 2 * h - j * h for i in range(n)]
        vals = [v if v is not None else 0.0 for v in values]
        ax.barh(ys, vals, height=h * 0.92, color=colours[j % len(colours)], label=name)
        for y, v in zip(ys, values, strict=True):
            text = fmt_pct(v, decimals, lang) if value_fmt == "pct" else fmt_number(v, decimals, lang)
            ax.text((v or 0) + top * 0.01, y, text, va="center", fontsize=FONT_SIZE - 1)
    if reference is not None:
        ax.axvline(reference, color="#333", lw=0.8, ls="--")
    ax.set_yticks(range(n), list(labels)[::-1])
    ax.set_xlim(0, top * 1.18)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt_number(x, 0 if top > 10 else 1, lang)))
    ax.grid(axis="x", color="#eee", lw=0.6)
    ax.set_axisbelow(True)
    ax.legend(fontsize=FONT_SIZE, frameon=False, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=k)
    return _png(fig)


def signed_hbars(labels: Sequence[str], values: Sequence[float], lang: str, decimals: int = 2) -> bytes:
    """Horizontal bars that may be negative (component contributions), the value written at each bar's end."""
    n = len(labels)
    fig, ax = _figure(6.6, 0.34 * n + 0.45)
    ys = list(range(n))[::-1]
    ax.barh(ys, values, color=[PRIMARY if v >= 0 else "#cf222e" for v in values], height=0.6)
    span = max(abs(v) for v in values)
    for y, v in zip(ys, values, strict=True):
        ax.text(
            v + (span * 0.01 if v >= 0 else -span * 0.01),
            y,
            fmt_number(v, decimals, lang),
            va="center",
            ha="left" if v >= 0 else "right",
            fontsize=FONT_SIZE,
        )
    ax.axvline(0, color="#333", lw=0.8)
    ax.set_yticks(ys, labels)
    lo = min(0.0, *values)
    ax.set_xlim(lo - span * 0.18 if lo < 0 else 0, max(values) + span * 0.2)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt_number(x, 1, lang)))
    ax.grid(axis="x", color="#eee", lw=0.6)
    ax.set_axisbelow(True)
    return _png(fig)


def status_counts(labels: Sequence[str], counts: Sequence[int], statuses: Sequence[Status], lang: str) -> bytes:
    """One horizontal bar per status with its count: how many outputs are achieved, nearly, not, unknown."""
    n = len(labels)
    fig, ax = _figure(6.6, 0.25 * n + 0.3)
    ys = list(range(n))[::-1]
    ax.barh(ys, counts, color=[STATUS_COLOR[s] for s in statuses], height=0.6)
    top = max(max(counts), 1)
    for y, c in zip(ys, counts, strict=True):
        ax.text(c + top * 0.01, y, fmt_number(c, 0, lang), va="center", fontsize=FONT_SIZE)
    ax.set_yticks(ys, labels)
    ax.set_xlim(0, top * 1.12)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt_number(x, 0, lang)))
    ax.grid(axis="x", color="#eee", lw=0.6)
    ax.set_axisbelow(True)
    return _png(fig)
