"""The report's headline figures, recomputed from the stored tables of one year.

``headline(frames, year)`` is what ``python -m kpi --year 2024 --json`` prints and what the
Ringkasan Eksekutif page shows. Every value is derived from detail rows: the IKSS capaian
from target and realisasi (Tabel 3.2), SS and overall capaian as means (section 3.1), the
productivity contribution from the PyB variables, the RB and SPBE indices from their
components, budget sums from Tabel 3.20-3.24, Lampiran 5 and Lampiran 6. Printed values are
returned beside the recomputed ones only where the key says so (``rb_index`` and
``spbe_index`` are the printed realisasi of Tabel 3.2).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kpi import budget, capaian, productivity, rb, spbe

Frames = Mapping[str, pd.DataFrame]


def _year(frames: Frames, name: str, year: int) -> pd.DataFrame:
    frame = frames.get(name)
    if frame is None:
        return pd.DataFrame()
    return frame[frame["year"] == year].reset_index(drop=True)


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _sum(frame: pd.DataFrame, col: str) -> float | None:
    if frame.empty or col not in frame or frame[col].isna().all():
        return None
    return float(frame[col].astype(float).sum())


def ikss_table(ikss: pd.DataFrame, ikss_capaian: pd.DataFrame, year: int) -> pd.DataFrame:
    """One row per IKSS of ``year``: target, realisasi, printed and recomputed capaian, and the previous years' realisasi.

    Capaian is realisasi / target (direction-aware); the Opini BPK indicator is ordinal
    (WTP > WDP > TW > TMP). Columns: code, ss_code, name, satuan, jenis, target, target_text,
    realisasi, realisasi_text, capaian_pct (recomputed), capaian_printed_pct, realisasi_prev,
    realisasi_prev_text, year_prev.
    """
    meta = ikss[ikss["year"] == year][["code", "ss_code", "name", "satuan", "arah", "jenis"]]
    cap = ikss_capaian.rename(columns={"ikss_code": "code"})
    now = cap[cap["year"] == year]
    rows = meta.merge(now, on="code", how="left")
    prev_years = sorted(y for y in cap["year"].unique() if y < year)
    prev = cap[cap["year"] == prev_years[-1]] if prev_years else cap.iloc[0:0]
    prev = prev[["code", "realisasi", "realisasi_text"]].rename(
        columns={"realisasi": "realisasi_prev", "realisasi_text": "realisasi_prev_text"}
    )
    rows = rows.merge(prev, on="code", how="left")
    rows["year_prev"] = prev_years[-1] if prev_years else pd.NA
    rows["capaian_printed_pct"] = rows["capaian_pct"]
    rows["capaian_pct"] = [
        capaian.opini_capaian_pct(_text(r.target_text), _text(r.realisasi_text))
        if r.jenis == "ordinal"
        else capaian.capaian_pct(_num(r.target), _num(r.realisasi), r.arah)
        for r in rows.itertuples()
    ]
    rows["capaian_pct"] = rows["capaian_pct"].astype("Float64")
    return rows.drop(columns=["year", "sumber"], errors="ignore")


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def ss_capaian(ikss_rows: pd.DataFrame) -> dict[str, float | None]:
    """SS capaian = mean of its IKSS capaian (section 3.1), per ``ss_code``."""
    return {
        ss: capaian.mean_capaian_pct(_num(v) for v in group["capaian_pct"])
        for ss, group in ikss_rows.groupby("ss_code", sort=True)
    }


def headline(frames: Frames, year: int) -> dict[str, float | int | str | None]:
    """The headline figures of ``year`` from the stored tables, at full precision (no rounding)."""
    out: dict[str, float | int | str | None] = {"year": year}

    ikss_rows = ikss_table(frames["ikss"], frames["ikss_capaian"], year) if "ikss" in frames else pd.DataFrame()
    per_ss = ss_capaian(ikss_rows) if not ikss_rows.empty else {}
    out["ss1_capaian_pct"] = per_ss.get("SS-1")
    out["ss2_capaian_pct"] = per_ss.get("SS-2")
    out["overall_capaian_pct"] = capaian.mean_capaian_pct(per_ss.values()) if per_ss else None
    for row in ikss_rows.itertuples():
        out[f"ikss_{row.code}_capaian_pct"] = _num(row.capaian_pct)

    variables = _year(frames, "pyb_variable", year)
    try:
        out["productivity_contribution_pct"] = productivity.productivity_contribution_pct(
            productivity.inputs_from_variables(variables)
        )
    except KeyError:
        out["productivity_contribution_pct"] = None

    def printed_realisasi(code: str) -> tuple[float | None, str | None]:
        hit = ikss_rows[ikss_rows["code"] == code] if not ikss_rows.empty else ikss_rows
        if hit.empty:
            return None, None
        return _num(hit.iloc[0]["realisasi"]), _text(hit.iloc[0]["realisasi_text"])

    out["rb_index"] = printed_realisasi("indeks_rb")[0]
    components = _year(frames, "rb_component", year)
    out["rb_index_recomputed"] = rb.rb_index(components) if not components.empty else None
    out["spbe_index"] = printed_realisasi("indeks_spbe")[0]
    indicators, aspects = _year(frames, "spbe_indicator", year), _year(frames, "spbe_aspect", year)
    recomputed = spbe.spbe_index(indicators, aspects) if not indicators.empty and not aspects.empty else None
    out["spbe_index_recomputed"] = recomputed
    bands = _year(frames, "spbe_predikat", year)
    out["spbe_predikat"] = spbe.predikat(recomputed, bands) if not bands.empty else None
    out["opini_bpk"] = printed_realisasi("opini_bpk")[1]

    programs = _year(frames, "budget_program", year)
    out["budget_pagu_rp"] = _sum(programs, "pagu_rp")
    out["budget_realisasi_rp"] = _sum(programs, "realisasi_rp")
    out["budget_absorption_pct"] = budget.absorption_pct(out["budget_pagu_rp"], out["budget_realisasi_rp"])
    out["budget_blokir_rp"] = _sum(_year(frames, "budget_blokir", year), "blokir_rp")
    out["budget_absorption_excl_blokir_pct"] = (
        budget.absorption_excl_blokir_pct(out["budget_pagu_rp"], out["budget_blokir_rp"], out["budget_realisasi_rp"])
        if None not in (out["budget_pagu_rp"], out["budget_blokir_rp"], out["budget_realisasi_rp"])
        else None
    )

    per_ss_budget = _year(frames, "efficiency_ss", year)
    for row in per_ss_budget.itertuples():
        key = "efficiency_rate_" + str(row.ss_code).lower().replace("-", "")
        out[key] = budget.efficiency_rate(
            per_ss.get(row.ss_code), budget.absorption_pct(_num(row.pagu_rp), _num(row.realisasi_rp))
        )
    out["efficiency_rate_total"] = budget.efficiency_rate(
        out["overall_capaian_pct"],
        budget.absorption_pct(_sum(per_ss_budget, "pagu_rp"), _sum(per_ss_budget, "realisasi_rp")),
    )

    dekon = _year(frames, "dekonsentrasi", year)
    out["dekonsentrasi_pagu_rp"] = _sum(dekon, "pagu_rp")
    out["dekonsentrasi_realisasi_rp"] = _sum(dekon, "realisasi_rp")
    out["dekonsentrasi_absorption_pct"] = budget.absorption_pct(
        out["dekonsentrasi_pagu_rp"], out["dekonsentrasi_realisasi_rp"]
    )

    pn = _year(frames, "pn_realisasi", year)
    pn_top = pn[pn["level"] == "pn"] if not pn.empty else pn
    out["pn_pagu_rp"] = _sum(pn_top, "pagu_rp")
    out["pn_realisasi_rp"] = _sum(pn_top, "realisasi_rp")
    out["pn_absorption_pct"] = budget.absorption_pct(out["pn_pagu_rp"], out["pn_realisasi_rp"])
    out["n_pn_outputs"] = int((pn["level"] == "output").sum()) if not pn.empty else 0

    training = _year(frames, "training_uptp", year)
    out["training_target_total"] = _sum(training, "target")
    out["training_realisasi_total"] = _sum(training, "realisasi")
    out["training_capaian_pct"] = capaian.capaian_pct(out["training_target_total"], out["training_realisasi_total"])

    jobs = _year(frames, "job_creation", year)
    out["job_creation_total"] = _sum(jobs[jobs["parent_kode"].isna()], "realisasi") if not jobs.empty else None

    outputs = _year(frames, "output_capaian", year)
    out["n_lampiran6_outputs"] = int((outputs["level"] == "output").sum()) if not outputs.empty else 0
    out["n_spbe_indicators"] = len(indicators)
    return out
