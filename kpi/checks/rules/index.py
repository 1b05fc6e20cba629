"""Kind ``index``: an index recomputed from its printed components agrees with the printed index.

Lampiran 8 compares the ministry's SPBE with seven groups of institutions (Nasional, Kementerian,
… Kota): each group's index is the weighted sum of its four domains, each domain the weighted
mean of its aspects, with the weights Lampiran 8 prints for the year. Tabel 3.17 prints each RB
indicator's score, weight and weighted score: the weighted score is score × weight on the
indicator's scale. Tolerances follow the printed rounding of the parts and of the result
(:func:`~kpi.checks.rules.base.derived_tolerance`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kpi.checks.engine import Context, Outcome, tolerance
from kpi.checks.rules.base import _f, derived_tolerance, rule
from kpi.format import fmt_number

PRINTED_DECIMALS = 2
"""Lampiran 8 prints every group average with two decimals."""


def _slug(text: str) -> str:
    """The id part the extractor gives an institution group: ``LNS dan Instansi Lainnya`` -> ``lns_dan_instansi_lainnya``."""
    return re.sub(r"\W+", "_", str(text).strip().lower()).strip("_")


def _weights(ctx: Context) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    """The year's domain weights and, per domain, its aspects' weights (percent), as Lampiran 8 prints them."""
    dom, asp = ctx.get("spbe_domain"), ctx.get("spbe_aspect")
    domains = {str(c): float(w) for c, w in zip(dom["code"], dom["bobot_pct"], strict=True) if _f(w) is not None}
    aspects: dict[str, dict[str, float]] = {}
    for code, d, w in zip(asp["code"], asp["domain_code"], asp["bobot_pct"], strict=True):
        if _f(w) is not None:
            aspects.setdefault(str(d), {})[str(code)] = float(w)
    return domains, aspects


@rule(
    "index.spbe_levels",
    kind="index",
    tables=("Lampiran 8",),
    datasets=("spbe_rata_rata", "spbe_domain", "spbe_aspect", "printed_figure"),
    severity="warning",
    page="ss2",
    description=(
        "Lampiran 8, tiap kelompok instansi (Nasional, Kementerian, LPNK, LNS, Provinsi, Kabupaten, Kota): indeks "
        "SPBE = Σ bobot domain × nilai domain; nilai domain = rata-rata tertimbang aspeknya.",
        "Lampiran 8, each institution group (Nasional, Kementerian, LPNK, LNS, Provinsi, Kabupaten, Kota): SPBE "
        "index = Σ domain weight × domain value; domain value = weighted mean of its aspects.",
    ),
)
def _spbe_levels(ctx: Context) -> Iterator[Outcome]:
    """Each group's domains from its aspects, and its index from its domains.

    When a domain and its aspects disagree, the printed index tells which one it was computed
    with: the finding says so (Kabupaten: the index follows domain 2,51, not aspect 3,23).
    """
    ra = ctx.get("spbe_rata_rata")
    if ra.empty:
        return
    domains, aspects = _weights(ctx)
    if not domains:
        return
    for kelompok, rows in ra.groupby("kelompok", sort=False):
        vals = {str(c): _f(v) for c, v in zip(rows["code"], rows["nilai"], strict=True)}
        fig = f"L8.rata.SPBE.{_slug(kelompok)}"
        printed = ctx.printed(fig)
        complete = all(vals.get(d) is not None for d in domains)
        index_tol = derived_tolerance(PRINTED_DECIMALS, [(w / 100, PRINTED_DECIMALS) for w in domains.values()])

        def index_of(values: dict[str, float | None], domains: dict[str, float] = domains) -> float:
            return sum(w / 100 * values[d] for d, w in domains.items())  # type: ignore[operator]

        for d, parts in aspects.items():
            total = sum(parts.values())
            if d not in vals or vals[d] is None or not total or any(vals.get(a) is None for a in parts):
                continue
            rec = sum(w * vals[a] for a, w in parts.items()) / total
            tol = derived_tolerance(PRINTED_DECIMALS, [(w / total, PRINTED_DECIMALS) for w in parts.values()])
            names = " + ".join(parts)
            note = ("", "")
            if abs(vals[d] - rec) > tol and printed is not None and complete:
                other = index_of({**vals, d: rec})
                if abs(printed - index_of(vals)) <= index_tol < abs(printed - other):
                    idx = fmt_number(printed, PRINTED_DECIMALS, "id"), fmt_number(printed, PRINTED_DECIMALS, "en")
                    alt = fmt_number(other, PRINTED_DECIMALS, "id"), fmt_number(other, PRINTED_DECIMALS, "en")
                    note = (
                        f"Indeks {kelompok} tercetak ({idx[0]}) dihitung dengan nilai domain ini; dengan aspeknya "
                        f"menjadi {alt[0]}: nilai aspek yang menyimpang.",
                        f"The printed {kelompok} index ({idx[1]}) was computed with this domain value; with its "
                        f"aspects it would be {alt[1]}: the aspect value is the odd one.",
                    )
            yield Outcome(
                f"{kelompok}/{d}",
                vals[d],
                rec,
                f"{kelompok}, domain {d} vs rata-rata tertimbang aspeknya ({names})",
                f"{kelompok}, domain {d} vs the weighted mean of its aspects ({names})",
                tol=tol,
                dataset="spbe_rata_rata",
                decimals=PRINTED_DECIMALS,
                note_id=note[0],
                note_en=note[1],
            )
        if printed is None or not complete:
            continue
        yield Outcome(
            fig,
            printed,
            index_of(vals),
            f"indeks SPBE {kelompok} vs Σ bobot × nilai domain",
            f"SPBE index {kelompok} vs Σ weight × domain value",
            tol=index_tol,
            dataset="printed_figure",
            decimals=PRINTED_DECIMALS,
        )


RB_SCALES: tuple[tuple[str, str, float | None], ...] = (
    ("0-100", "0-100", 100.0),
    ("0-5", "0-5", 5.0),
    ("0-4", "0-4", 4.0),
    ("sudah berbobot", "already weighted", None),
)
"""Scales an RB indicator's score is printed on: a percentage, a level 0-5 or 0-4, or already weighted (score = weighted score)."""


def _rb_candidates(skor: float, bobot: float) -> list[tuple[str, str, float, float]]:
    """Each scale's weighted score for ``skor`` and ``bobot``: (scale id, scale en, value, tolerance)."""
    out = []
    for name_id, name_en, top in RB_SCALES:
        span = bobot if top is None else top
        value = skor if top is None else skor / top * bobot
        # the weighted score is printed with two decimals, and so is the score (scaled by bobot / span)
        out.append((name_id, name_en, value, derived_tolerance(2, [(bobot / span, 2)])))
    return out


@rule(
    "index.rb_skor",
    kind="index",
    tables=("Tabel 3.17",),
    datasets=("rb_indicator",),
    severity="warning",
    page="ss2",
    description=(
        "Tabel 3.17: skor bobot tiap indikator RB = skor × bobot pada skala skornya (0-100, 0-5, 0-4 atau sudah "
        "berbobot); skala disimpulkan dari angkanya.",
        "Tabel 3.17: each RB indicator's weighted score = score × weight on its score's scale (0-100, 0-5, 0-4 or "
        "already weighted); the scale is inferred from the figures.",
    ),
)
def _rb_skor(ctx: Context) -> Iterator[Outcome]:
    """The weighted score from score and weight, not only their ratio (``pct.T3.17`` checks the % capaian).

    Tabel 3.17 does not print each score's scale; the one that reproduces the weighted score is
    taken. An indicator no scale reproduces is listed with the nearest, since the evaluation may
    convert a score non-linearly (then the table should say how).
    """
    ind = ctx.get("rb_indicator")
    for _, row in ind.iterrows():
        skor, bobot, printed = _f(row["skor"]), _f(row["bobot"]), _f(row["skor_bobot"])
        if skor is None or not bobot or printed is None:
            continue
        candidates = _rb_candidates(skor, bobot)
        fits = [c for c in candidates if abs(c[2] - printed) <= c[3]]
        best = fits[0] if fits else min(candidates, key=lambda c: abs(c[2] - printed))
        k = str(row["nomor"])
        label = f"indikator RB {k} «{row['indikator']}»: skor {fmt_number(skor, 2, 'id')} × bobot {_w(bobot, 'id')}"
        label_en = (
            f"RB indicator {k} «{row['indikator']}»: score {fmt_number(skor, 2, 'en')} × weight {_w(bobot, 'en')}"
        )
        tried = (
            "; ".join(f"skala {c[0]}: {fmt_number(c[2], 2, 'id')}" for c in candidates),
            "; ".join(f"scale {c[1]}: {fmt_number(c[2], 2, 'en')}" for c in candidates),
        )
        yield Outcome(
            k,
            printed,
            best[2],
            f"{label} (skala {best[0]}) vs skor bobot tercetak",
            f"{label_en} (scale {best[1]}) vs the printed weighted score",
            tol=best[3] if fits else tolerance(2),
            dataset="rb_indicator",
            decimals=2,
            note_id="" if fits else f"Tidak ada skala yang menghasilkan skor bobot tercetak ({tried[0]}).",
            note_en="" if fits else f"No scale gives the printed weighted score ({tried[1]}).",
        )


def _w(bobot: float, lang: str) -> str:
    return fmt_number(bobot, 0 if float(bobot).is_integer() else 1, lang)
