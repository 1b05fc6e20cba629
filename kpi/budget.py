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


def blokir_absorption_table(units: pd.DataFrame, blokir: pd.DataFrame, key: str = "unit_code") -> pd.DataFrame:
    """Per unit: pagu, blokir, pagu without blokir, realisasi, absorption with and without blokir.

    Tabel 3.21 (pagu and realisasi per Eselon I unit) joined with Tabel 3.22 (pagu blokir per
    unit); the unit-level counterpart of the Bab 3.3 figure 96,61 % (realisasi / (pagu − blokir)).
    A unit missing from ``blokir`` has no blokir (0).
    """
    need = {"units": [key, "pagu_rp", "realisasi_rp"], "blokir": [key, "blokir_rp"]}
    for name, frame in (("units", units), ("blokir", blokir)):
        missing = [c for c in need[name] if c not in frame.columns]
        if missing:
            raise KeyError(f"blokir_absorption_table: {name} lacks columns {missing}")
    out = units.merge(blokir[[key, "blokir_rp"]], on=key, how="left", validate="one_to_one")
    out["blokir_rp"] = out["blokir_rp"].fillna(0)
    out["pagu_excl_blokir_rp"] = out["pagu_rp"] - out["blokir_rp"]
    out["penyerapan_pct"] = pd.array(
        [absorption_pct(p, r) for p, r in zip(out["pagu_rp"], out["realisasi_rp"], strict=True)], dtype="Float64"
    )
    out["penyerapan_excl_blokir_pct"] = pd.array(
        [
            absorption_excl_blokir_pct(p, b, r)
            for p, b, r in zip(out["pagu_rp"], out["blokir_rp"], out["realisasi_rp"], strict=True)
        ],
        dtype="Float64",
    )
    return out


def source_gap_table(
    first: pd.DataFrame, second: pd.DataFrame, by: str, value: str, names: tuple[str, str]
) -> pd.DataFrame:
    """The same quantity from two sources side by side: ``first − second`` in value and in percent of ``first``.

    Used for realisasi per program from OM-SPAN (Tabel 3.20) against Monev Kemenkeu (Lampiran 6,
    program rows). Output columns: ``by``, ``names[0]``, ``names[1]``, ``selisih``, ``selisih_pct``.
    """
    for label, frame in (("first", first), ("second", second)):
        missing = [c for c in (by, value) if c not in frame.columns]
        if missing:
            raise KeyError(f"source_gap_table: {label} lacks columns {missing}")
    a = first[[by, value]].rename(columns={value: names[0]})
    b = second[[by, value]].rename(columns={value: names[1]})
    out = a.merge(b, on=by, how="outer", sort=False, validate="one_to_one")
    out["selisih"] = out[names[0]] - out[names[1]]
    out["selisih_pct"] = pd.array(
        [
            ratio_pct(d, f) if pd.notna(d) and pd.notna(f) else None
            for d, f in zip(out["selisih"], out[names[0]], strict=True)
        ],
        dtype="Float64",
    )
    return out


def pagu_revision_changes(frame: pd.DataFrame, order: tuple[str, ...], by: str = "program_code") -> pd.DataFrame:
    """Pagu per program at each PK revision with its change from the previous revision and from the first.

    Tabel 2.3 (Perubahan Alokasi Anggaran pada PK 2024; Lampiran 1-4): ``order`` gives the
    revisions in time order, e.g. januari, juni, oktober, desember. Adds ``perubahan_rp`` (vs the
    previous revision, 0 at the first) and ``perubahan_kumulatif_rp`` (vs the first revision).
    """
    missing = [c for c in (by, "revisi", "pagu_rp") if c not in frame.columns]
    if missing:
        raise KeyError(f"pagu_revision_changes needs columns {missing}")
    unknown = sorted(set(frame["revisi"]) - set(order))
    if unknown:
        raise ValueError(f"pagu_revision_changes: revisi {unknown} not in order {list(order)}")
    out = frame[[by, "revisi", "pagu_rp"]].copy()
    out["_pos"] = out["revisi"].map({r: i for i, r in enumerate(order)})
    out = out.sort_values([by, "_pos"], kind="stable")
    grouped = out.groupby(by, sort=False)["pagu_rp"]
    out["perubahan_rp"] = grouped.diff().fillna(0)
    out["perubahan_kumulatif_rp"] = out["pagu_rp"] - grouped.transform("first")
    return out.drop(columns="_pos").reset_index(drop=True)
