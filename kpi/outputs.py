"""Capaian Output (Lampiran 6): recomputed percentages, status, quadrants, the hierarchy and province rows.

Lampiran 6 prints one row per SS, IKSS, program, program per unit, sasaran/indikator program,
kegiatan, sasaran/indikator kegiatan and output; ``parent_urutan`` links each row to its
parent. It prints penyerapan (realisasi / anggaran) and capaian (realisasi / target) as whole
percent; the functions here recompute both from the printed amounts.
"""

from __future__ import annotations

import math
from typing import Literal

import pandas as pd

from kpi.budget import absorption_pct
from kpi.capaian import OPINI_BPK_RANK, capaian_pct, opini_capaian_pct
from kpi.status import GREEN_FROM_PCT, Status, status_of

Quadrant = Literal["terserap_tercapai", "hemat_tercapai", "terserap_belum_tercapai", "belum_terserap_belum_tercapai"]
QUADRANTS: tuple[Quadrant, ...] = (
    "terserap_tercapai",
    "hemat_tercapai",
    "terserap_belum_tercapai",
    "belum_terserap_belum_tercapai",
)
STATUSES: tuple[Status, ...] = ("hijau", "kuning", "merah", "abu")
PRINTED_DECIMALS = 0
"""Lampiran 6 prints penyerapan and capaian as whole percent."""

_NEEDED = ("urutan", "level", "parent_urutan", "anggaran_rp", "realisasi_rp", "target", "realisasi")


class OutputFrameError(KeyError):
    """The Lampiran 6 frame lacks a column a function needs."""


def _require(frame: pd.DataFrame, cols: tuple[str, ...] | list[str], where: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise OutputFrameError(f"{where} needs column(s) {missing} of output_capaian")


def _num(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def quadrant_of(
    absorption: float | None,
    capaian: float | None,
    absorption_from: float = 100.0,
    capaian_from: float = GREEN_FROM_PCT,
) -> Quadrant | None:
    """Where an output sits in absorption (x) vs capaian (y), Lampiran 6 anggaran/realisasi vs target/realisasi.

    ``terserap_tercapai``: budget spent and target reached; ``hemat_tercapai``: target reached
    with budget left over; ``terserap_belum_tercapai``: budget spent, target not reached;
    ``belum_terserap_belum_tercapai``: neither. ``None`` when either percentage is unknown.
    """
    if absorption is None or capaian is None or absorption != absorption or capaian != capaian:
        return None
    spent = absorption >= absorption_from
    reached = capaian >= capaian_from
    if reached:
        return "terserap_tercapai" if spent else "hemat_tercapai"
    return "terserap_belum_tercapai" if spent else "belum_terserap_belum_tercapai"


def printed_differs(printed_pct: float | None, recomputed_pct: float | None, decimals: int = PRINTED_DECIMALS) -> bool:
    """True when a printed percentage is further from the recomputed one than its rounding allows.

    Lampiran 6 prints whole percent, so 93,42 % may print as 93 % but not as 94 % (half a unit of
    the last printed digit, plus a hair for floating point). Unknown values never differ.
    """
    if printed_pct is None or recomputed_pct is None:
        return False
    if printed_pct != printed_pct or recomputed_pct != recomputed_pct:
        return False
    return abs(printed_pct - recomputed_pct) > 0.5 * 10**-decimals + 1e-9


def with_recomputed(frame: pd.DataFrame) -> pd.DataFrame:
    """Every row with ``penyerapan_calc_pct``, ``capaian_calc_pct``, ``status`` and mismatch flags added.

    Penyerapan = realisasi_rp / anggaran_rp × 100 (``kpi.budget.absorption_pct``); capaian =
    realisasi / target × 100 (``kpi.capaian.capaian_pct``; Lampiran 6 gives no direction, all its
    indicators are 'higher is better'; the text-valued Opini BPK rows use ``opini_capaian_pct``, other
    text rows such as SAKIP 'A' stay unknown). ``status`` is the traffic light of the recomputed
    capaian; ``penyerapan_differs`` / ``capaian_differs`` mark printed values that rounding does
    not explain (``printed_differs``); ``quadrant`` is ``quadrant_of`` at 100 % / 100 %.
    """
    _require(frame, [*_NEEDED, "penyerapan_pct", "capaian_pct"], "with_recomputed")
    out = frame.copy()
    absorb = [absorption_pct(_num(a), _num(r)) for a, r in zip(out["anggaran_rp"], out["realisasi_rp"], strict=True)]
    cap = [capaian_pct(_num(t), _num(r)) for t, r in zip(out["target"], out["realisasi"], strict=True)]
    if "target_text" in out.columns and "realisasi_text" in out.columns:
        # Opini BPK rows print 'WTP' for target and realisasi (capaian 100 %): rank them as Tabel 3.2 does.
        for i, (tt, rt) in enumerate(zip(out["target_text"], out["realisasi_text"], strict=True)):
            ranked = (
                isinstance(tt, str)
                and isinstance(rt, str)
                and {tt.strip().upper(), rt.strip().upper()} <= set(OPINI_BPK_RANK)
            )
            if cap[i] is None and ranked:
                cap[i] = opini_capaian_pct(tt, rt)
    out["penyerapan_calc_pct"] = pd.array(absorb, dtype="Float64")
    out["capaian_calc_pct"] = pd.array(cap, dtype="Float64")
    out["status"] = [status_of(c) for c in cap]
    out["penyerapan_differs"] = [
        printed_differs(_num(p), c) for p, c in zip(out["penyerapan_pct"], absorb, strict=True)
    ]
    out["capaian_differs"] = [printed_differs(_num(p), c) for p, c in zip(out["capaian_pct"], cap, strict=True)]
    out["quadrant"] = [quadrant_of(a, c) for a, c in zip(absorb, cap, strict=True)]
    return out


def outputs(frame: pd.DataFrame) -> pd.DataFrame:
    """The output rows (level ``output``) of Lampiran 6, recomputed (see ``with_recomputed``)."""
    _require(frame, ["level"], "outputs")
    rows = frame[frame["level"] == "output"]
    if "status" not in rows.columns:
        rows = with_recomputed(rows)
    return rows.reset_index(drop=True)


def status_counts(statuses: pd.Series | list[str]) -> dict[str, int]:
    """How many outputs have each status, every status present (zero when none), in hijau-kuning-merah-abu order."""
    counts = pd.Series(list(statuses), dtype="object").value_counts()
    return {s: int(counts.get(s, 0)) for s in STATUSES}


def under_target(rows: pd.DataFrame, capaian_from: float = GREEN_FROM_PCT) -> pd.DataFrame:
    """Outputs whose recomputed capaian is below target (< 100 %), largest gap first.

    Adds ``gap_pp`` (100 − capaian, in percentage points) and ``gap_units`` (target − realisasi,
    in the output's satuan). Ties keep the printed order.
    """
    _require(rows, ["capaian_calc_pct", "target", "realisasi", "urutan"], "under_target")
    cap = rows["capaian_calc_pct"].astype("Float64")
    out = rows[cap.notna() & (cap < capaian_from)].copy()
    out["gap_pp"] = (capaian_from - out["capaian_calc_pct"].astype("Float64")).astype("Float64")
    out["gap_units"] = (out["target"].astype("Float64") - out["realisasi"].astype("Float64")).astype("Float64")
    return out.sort_values(["gap_pp", "urutan"], ascending=[False, True], kind="stable").reset_index(drop=True)


# --- the hierarchy -------------------------------------------------------------------------------


def children(frame: pd.DataFrame, parent: int | None) -> pd.DataFrame:
    """The rows whose ``parent_urutan`` is ``parent`` (``None``: the top rows, the SS), in printed order."""
    _require(frame, ["urutan", "parent_urutan"], "children")
    mask = frame["parent_urutan"].isna() if parent is None else frame["parent_urutan"] == parent
    return frame[mask.fillna(False)].sort_values("urutan").reset_index(drop=True)


def ancestors(frame: pd.DataFrame, urutan: int) -> list[int]:
    """The ``urutan`` of a row's ancestors, top first, ending with the row itself (breadcrumbs)."""
    _require(frame, ["urutan", "parent_urutan"], "ancestors")
    parent_of = dict(zip(frame["urutan"].astype(int), frame["parent_urutan"], strict=True))
    if urutan not in parent_of:
        raise KeyError(f"no row with urutan {urutan} in output_capaian")
    chain = [urutan]
    while True:
        p = parent_of[chain[-1]]
        if p is None or p is pd.NA or p != p:
            break
        chain.append(int(p))
        if len(chain) > len(parent_of):
            raise ValueError(f"parent_urutan loops at urutan {urutan}")
    return chain[::-1]


def subtree(frame: pd.DataFrame, root: int, include_root: bool = True) -> pd.DataFrame:
    """A row and all its descendants through ``parent_urutan``, in printed order."""
    _require(frame, ["urutan", "parent_urutan"], "subtree")
    kids: dict[int, list[int]] = {}
    for u, p in zip(frame["urutan"].astype(int), frame["parent_urutan"], strict=True):
        if p is not None and p is not pd.NA and p == p:
            kids.setdefault(int(p), []).append(u)
    keep, todo = set(), [root]
    while todo:
        u = todo.pop()
        if u in keep:
            continue
        keep.add(u)
        todo.extend(kids.get(u, []))
    if not include_root:
        keep.discard(root)
    return frame[frame["urutan"].astype(int).isin(keep)].sort_values("urutan").reset_index(drop=True)


def child_counts(frame: pd.DataFrame) -> pd.Series:
    """Number of direct children per ``urutan`` (0 for leaves), indexed by urutan."""
    _require(frame, ["urutan", "parent_urutan"], "child_counts")
    counts = frame["parent_urutan"].dropna().astype(int).value_counts()
    return frame["urutan"].astype(int).map(counts).fillna(0).astype(int).set_axis(frame["urutan"].astype(int))


def children_sum_gap(frame: pd.DataFrame, col: str) -> pd.Series:
    """Per row, its printed ``col`` minus the sum of its direct children's ``col``.

    Only where the row and at least one child print the column; elsewhere NA. In Lampiran 6 every
    gap is 0 except the realisasi of 'WA Program Dukungan Manajemen (Setjen)', which is
    Rp 31.522.144.606 above its kegiatan (2163 Hubungan Masyarakat counted twice).
    """
    _require(frame, ["urutan", "parent_urutan", col], "children_sum_gap")
    kids = frame.dropna(subset=["parent_urutan", col])
    sums = kids.groupby(kids["parent_urutan"].astype(int))[col].sum()
    own = frame.set_index(frame["urutan"].astype(int))[col].astype("Float64")
    return (own - sums.reindex(own.index).astype("Float64")).astype("Float64")


def outputs_in_scope(
    rows: pd.DataFrame,
    unit: str | None = None,
    program: str | None = None,
    kegiatan: str | None = None,
    statuses: list[str] | None = None,
) -> pd.DataFrame:
    """Output rows narrowed by Eselon I unit, program, kegiatan code and status (``None``/empty: all)."""
    _require(rows, ["unit_code", "program_code", "kegiatan_code"], "outputs_in_scope")
    mask = pd.Series(True, index=rows.index)
    if unit:
        mask &= (rows["unit_code"] == unit).fillna(False)
    if program:
        mask &= (rows["program_code"] == program).fillna(False)
    if kegiatan:
        mask &= (rows["kegiatan_code"] == kegiatan).fillna(False)
    if statuses:
        _require(rows, ["status"], "outputs_in_scope")
        mask &= rows["status"].isin(statuses)
    return rows[mask].reset_index(drop=True)


# --- budget tree and provinces -------------------------------------------------------------------


def budget_tree(rows: pd.DataFrame, names: dict[str, dict[str, str]] | None = None) -> pd.DataFrame:
    """Nodes program → unit → kegiatan → output for a treemap, budgets summed from the given outputs.

    Columns: id, parent (``""`` at the top), level, code, label, anggaran_rp, realisasi_rp,
    penyerapan_pct (recomputed), status (outputs only). ``names`` maps a level ('program', 'unit',
    'kegiatan') to {code: name} for the labels ('WA Dukungan Manajemen'). Summing the outputs reproduces the
    printed kegiatan, unit and program anggaran (Lampiran 6 adds up at every level).
    """
    _require(
        rows,
        ["urutan", "program_code", "unit_code", "kegiatan_code", "output_code", "name", "anggaran_rp", "realisasi_rp"],
        "budget_tree",
    )
    r = rows.copy()
    r["_p"] = r["program_code"].astype("string").fillna("?")
    r["_u"] = r["_p"] + "/" + r["unit_code"].astype("string").fillna("?")
    r["_k"] = r["_u"] + "/" + r["kegiatan_code"].astype("string").fillna("?")
    nodes: list[pd.DataFrame] = []
    names = names or {}
    for level, key, parent, code in (
        ("program", "_p", None, "program_code"),
        ("unit", "_u", "_p", "unit_code"),
        ("kegiatan", "_k", "_u", "kegiatan_code"),
    ):
        g = r.groupby(key, sort=False).agg(
            parent=(parent, "first") if parent else (key, lambda s: ""),
            code=(code, "first"),
            anggaran_rp=("anggaran_rp", "sum"),
            realisasi_rp=("realisasi_rp", "sum"),
        )
        g = g.reset_index().rename(columns={key: "id"})
        g["level"] = level
        known = names.get(level, {})
        g["label"] = [f"{c} {known[str(c)]}" if str(c) in known else str(c) for c in g["code"]]
        nodes.append(g)
    leaves = pd.DataFrame(
        {
            "id": "o" + r["urutan"].astype(int).astype(str),
            "parent": r["_k"],
            "level": "output",
            "code": r["output_code"],
            "label": r["output_code"].astype(str) + " " + r["name"].astype(str),
            "anggaran_rp": r["anggaran_rp"],
            "realisasi_rp": r["realisasi_rp"],
        }
    )
    if "status" in r.columns:
        leaves["status"] = r["status"].to_numpy()
    out = pd.concat([*nodes, leaves], ignore_index=True)
    out["anggaran_rp"] = out["anggaran_rp"].astype("Float64")
    out["realisasi_rp"] = out["realisasi_rp"].astype("Float64")
    out["penyerapan_pct"] = pd.array(
        [absorption_pct(_num(a), _num(b)) for a, b in zip(out["anggaran_rp"], out["realisasi_rp"], strict=True)],
        dtype="Float64",
    )
    return out


def province_rows(rows: pd.DataFrame, provinces: pd.DataFrame) -> pd.DataFrame:
    """The per-province outputs (``province_code`` set, e.g. 4057 'PBK Provinsi …') with the province name.

    ``provinces`` is the ``province`` table (code, name). Sorted by kegiatan, then printed order.
    """
    _require(rows, ["province_code", "kegiatan_code", "urutan"], "province_rows")
    _require(provinces, ["code", "name"], "province_rows (province table)")
    names = provinces.drop_duplicates("code").set_index("code")["name"]
    out = rows[rows["province_code"].notna()].copy()
    out["province_name"] = out["province_code"].map(names)
    return out.sort_values(["kegiatan_code", "urutan"]).reset_index(drop=True)
