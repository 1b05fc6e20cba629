"""Budget: absorption (Tabel 3.20-3.23, Lampiran 5-6), blokir (Tabel 3.22), efficiency (section 3.4, Tabel 3.24) and unit cost."""

from __future__ import annotations

import pandas as pd

from kpi.capaian import ratio_pct


def absorption_pct(pagu_rp: float | None, realisasi_rp: float | None) -> float | None:
    """Penyerapan anggaran: realisasi / pagu × 100 (Tabel 3.20-3.23 'capaian' or '%' columns)."""
    return ratio_pct(realisasi_rp, pagu_rp)


def absorption_excl_blokir_pct(pagu_rp: float, blokir_rp: float, realisasi_rp: float) -> float | None:
    """Absorption of the budget that could be spent: realisasi / (pagu − blokir) × 100 (Tabel 3.22)."""
    return ratio_pct(realisasi_rp, pagu_rp - blokir_rp)


def efficiency_rate(capaian_ss_pct: float | None, absorption_pct: float | None) -> float | None:
    """Tingkat efisiensi (section 3.4): capaian of the goal divided by the capaian of budget realisation.

    Above 1 the goal was reached further than the money was spent.
    """
    if capaian_ss_pct is None or absorption_pct in (None, 0):
        return None
    return capaian_ss_pct / absorption_pct


def cost_per_output_rp(realisasi_rp: float | None, realisasi_output: float | None) -> float | None:
    """Rupiah spent per unit of output delivered (Lampiran 6), where both are known and output is non-zero."""
    if realisasi_rp is None or realisasi_output in (None, 0):
        return None
    return realisasi_rp / realisasi_output


def absorption_table(
    frame: pd.DataFrame, by: list[str], pagu: str = "pagu_rp", realisasi: str = "realisasi_rp"
) -> pd.DataFrame:
    """Pagu, realisasi and absorption in percent, summed per group of ``by`` columns."""
    missing = [c for c in [*by, pagu, realisasi] if c not in frame.columns]
    if missing:
        raise KeyError(f"absorption_table needs columns {missing}")
    out = frame.groupby(by, dropna=False, sort=False)[[pagu, realisasi]].sum(min_count=1).reset_index()
    out["penyerapan_pct"] = [absorption_pct(p, r) for p, r in zip(out[pagu], out[realisasi], strict=True)]
    out["penyerapan_pct"] = out["penyerapan_pct"].astype("Float64")
    return out
