"""Prioritas Nasional: pagu and realisasi of the PN tree (Tabel 2.4, Lampiran 5), per output and per PN."""

from __future__ import annotations

from functools import partial

import pandas as pd
import streamlit as st

from kpi.budget import absorption_pct, source_gap_table
from kpi.hierarchy import parent_by_order
from kpi.status import AMBER_FROM_PCT, GREEN_FROM_PCT
from ui import data
from ui.charts.pn import pn_budget_bars, pn_treemap
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import COMMON, LANGS, lang, t, tr
from views.theme import STATUS_ICON
from ui.widgets import (
    built,
    downloads,
    page_findings,
    query_choice,
    source_line,
    status_badge,
    tile,
    vega,
    year_select,
)

LEVELS = ("pn", "program", "kegiatan", "output")
SOURCES = ("Lampiran 5", "Tabel 2.4")
STATUSES = ("hijau", "kuning", "merah", "abu")

S = {
    "intro": (
        "Anggaran Kemnaker yang mendukung Prioritas Nasional (PN) 1, 3 dan 7, dari PN ke program, kegiatan dan "
        "output: pagu (Tabel 2.4) dan realisasinya (Lampiran 5).",
        "Kemnaker's budget supporting National Priorities (PN) 1, 3 and 7, from PN down to programme, activity "
        "(kegiatan) and output: the ceiling (Tabel 2.4) and its realisation (Lampiran 5).",
    ),
    "tile_pagu": ("Pagu PN", "PN budget ceiling"),
    "tile_real": ("Realisasi PN", "PN spending"),
    "tile_abs": ("Penyerapan PN", "PN absorption"),
    "tile_outputs": ("Output PN", "PN outputs"),
    "tile_reached": ("Output tercapai", "Outputs met"),
    "help_pagu": (
        "{full} (jumlah baris PN); Grand Total Tabel 2.4: {v}",
        "{full} (sum of the PN rows); Grand Total, Tabel 2.4: {v}",
    ),
    "help_real": (
        "{full} (jumlah baris PN); Grand Total Lampiran 5: {v}",
        "{full} (sum of the PN rows); Grand Total, Lampiran 5: {v}",
    ),
    "help_abs": ("Realisasi ÷ pagu × 100 (Lampiran 5)", "Spending ÷ ceiling × 100 (Lampiran 5)"),
    "help_outputs": ("Output di {n} kegiatan, {p} program", "Outputs in {n} activities, {p} programmes"),
    "help_reached": (
        "{a} dari {b} output: realisasi output ≥ target output (Lampiran 5)",
        "{a} of {b} outputs: output delivered ≥ output target (Lampiran 5)",
    ),
    "treemap_title": ("Pohon anggaran PN", "PN budget tree"),
    "treemap_hint": (
        "Luas kotak = pagu, warna = penyerapan. Klik kotak untuk masuk ke tingkat berikutnya (PN → program → kegiatan → "
        "output), atau pilih tingkat di atas; tombol ⬆ kembali satu tingkat. Warna dipusatkan pada penyerapan seluruh "
        "PN ({v}): merah di bawahnya, biru di atasnya.",
        "Box size = ceiling, colour = absorption. Click a box to go one level down (PN → programme → activity → "
        "output), or choose the level above; the ⬆ button goes back up one level. Colours are centred on the "
        "absorption of all PN ({v}): red below it, blue above it.",
    ),
    "f_node": ("Tingkat yang ditampilkan", "Level shown"),
    "up": ("⬆ Naik satu tingkat", "⬆ Up one level"),
    "tip_name": ("Nama", "Name"),
    "tip_hint": ("Isi", "Contains"),
    "open_hint": ("{n} {what} · klik untuk membuka", "{n} {what} · click to open"),
    "what_program": ("program", "programmes"),
    "what_kegiatan": ("kegiatan", "activities"),
    "what_output": ("output", "outputs"),
    "root": ("Seluruh PN", "All PN"),
    "colorbar": ("Penyerapan (%)", "Absorption (%)"),
    "target_output": ("Target output", "Output target"),
    "real_output": ("Realisasi output", "Output delivered"),
    "table_head": ("Rincian output", "Outputs in detail"),
    "f_pn": ("Prioritas Nasional", "National Priority"),
    "f_program": ("Program", "Programme"),
    "f_kegiatan": ("Kegiatan", "Activity (kegiatan)"),
    "f_status": ("Status capaian output", "Output achievement status"),
    "all_pn": ("Semua PN", "All PN"),
    "all_program": ("Semua program", "All programmes"),
    "all_kegiatan": ("Semua kegiatan", "All activities"),
    "all_status": ("Semua status", "All statuses"),
    "rows_shown": ("{n} dari {m} output ditampilkan.", "{n} of {m} outputs shown."),
    "col_pn": ("PN", "PN"),
    "col_program": ("Program", "Programme"),
    "col_kode": ("Kode output", "Output code"),
    "col_output": ("Output", "Output"),
    "col_satuan": ("Satuan", "Unit"),
    "col_pagu": ("Pagu (Rp)", "Ceiling (Rp)"),
    "col_real": ("Realisasi (Rp)", "Spending (Rp)"),
    "col_abs": ("Penyerapan", "Absorption"),
    "col_target": ("Target output", "Output target"),
    "col_real_out": ("Realisasi output", "Output delivered"),
    "col_cap": ("Capaian output", "Output achievement"),
    "col_status": ("Status", "Status"),
    "bars_title": ("Pagu dan realisasi per PN", "Ceiling and spending per PN"),
    "bars_axis": ("Rp miliar", "Rp billion"),
    "compare_head": ("Tabel 2.4 dan Lampiran 5", "Tabel 2.4 and Lampiran 5"),
    "compare_same": (
        "Pagu pada Tabel 2.4 sama dengan pagu pada Lampiran 5 di seluruh {n} baris (PN, program, kegiatan, "
        "output); Grand Total keduanya {v}.",
        "The ceiling in Tabel 2.4 equals the ceiling in Lampiran 5 on all {n} rows (PN, programme, activity, "
        "output); both Grand Totals are {v}.",
    ),
    "compare_diff": (
        "Pagu pada Tabel 2.4 berbeda dengan Lampiran 5 pada {n} baris:",
        "The ceiling in Tabel 2.4 differs from Lampiran 5 on {n} rows:",
    ),
    "compare_total_diff": (
        "Grand Total tercetak: Tabel 2.4 {a}, Lampiran 5 {b}.",
        "Printed Grand Totals: Tabel 2.4 {a}, Lampiran 5 {b}.",
    ),
    "compare_names": ("Nama yang dieja berbeda:", "Names spelt differently:"),
    "col_t24": ("Pagu Tabel 2.4", "Ceiling, Tabel 2.4"),
    "col_l5": ("Pagu Lampiran 5", "Ceiling, Lampiran 5"),
    "col_diff": ("Selisih", "Difference"),
}
L = lang()
ROOT = "root"
NODE_KEY = "qp_node"
ALL = "semua"


def _text(pair: tuple[str, str], lang_: str) -> str:
    """A text pair in ``lang_`` (the cached builders below get the language as an argument, not from the session)."""
    return pair[LANGS.index(lang_)]


def _ratio_pct(part: pd.Series, whole: pd.Series) -> pd.Series:
    """``part / whole × 100`` per row, ``<NA>`` where either is missing or the whole is zero (kpi.capaian.ratio_pct)."""
    part, whole = part.astype("Float64"), whole.astype("Float64")
    return (part / whole * 100).where(whole.ne(0).fillna(False))


def _status(capaian: pd.Series) -> pd.Series:
    """kpi.status.status_of per row: hijau ≥ 100 %, kuning ≥ 80 %, merah below, abu unknown."""
    out = pd.Series("abu", index=capaian.index, dtype=object)
    out[capaian.lt(AMBER_FROM_PCT).fillna(False)] = "merah"
    out[capaian.ge(AMBER_FROM_PCT).fillna(False)] = "kuning"
    out[capaian.ge(GREEN_FROM_PCT).fillna(False)] = "hijau"
    return out


# --- Data, once per year and data version ----------------------------------------------------


def _model(year: int, version: int) -> dict:
    """Lampiran 5 of ``year`` with each row's parent, code, label, absorption and output status, and the totals.

    ``version`` (ui.data.data_version) is part of the cache key only: a new load gives a new model.
    """
    real = data.table("pn_realisasi", year).sort_values("urutan").reset_index(drop=True)
    if real.empty:
        return {"real": real}
    level = real["level"]
    real["parent"] = parent_by_order(real, LEVELS)
    code = (real["kegiatan_code"] + "." + real["output_code"]).astype(object)
    code = code.mask(level == "kegiatan", real["kegiatan_code"]).mask(level == "program", real["program_code"])
    real["code"] = code.mask(level == "pn", "PN " + real["pn_code"])
    real["label"] = real["code"] + " · " + real["name"]
    real["id"] = "n" + real["urutan"].astype(str)
    real["parent_id"] = ("n" + real["parent"].astype("string")).fillna(ROOT)
    real["penyerapan_pct"] = _ratio_pct(real["realisasi_rp"], real["pagu_rp"])
    real["capaian_output_pct"] = _ratio_pct(real["realisasi_output"], real["target_output"])
    real["status"] = _status(real["capaian_output_pct"])
    real["children"] = real["id"].map(real["parent_id"].value_counts()).fillna(0).astype(int)
    pn_rows = real[level == "pn"]
    outputs = real[level == "output"]
    total_pagu = float(pn_rows["pagu_rp"].sum())
    total_real = float(pn_rows["realisasi_rp"].sum())
    absorption = absorption_pct(total_pagu, total_real)
    pct = real["penyerapan_pct"].dropna().astype(float)
    lo = float(pct.min()) if len(pct) else 0.0
    hi = max(100.0, float(pct.max()) if len(pct) else 100.0)
    item = data.table("pn_item", year)
    gap = source_gap_table(item, real, "urutan", "pagu_rp", ("pagu_t24", "pagu_l5"))
    names = item[["urutan", "name"]].merge(real[["urutan", "name"]], on="urutan", suffixes=("_t24", "_l5"))
    return {
        "real": real,
        "pn_rows": pn_rows,
        "outputs": outputs,
        "total_pagu": total_pagu,
        "total_real": total_real,
        "absorption": absorption,
        "colour_domain": (lo, absorption if absorption is not None else (lo + hi) / 2, hi),
        "reached": int((outputs["realisasi_output"] >= outputs["target_output"]).fillna(False).sum()),
        "n_program": int((level == "program").sum()),
        "n_kegiatan": int((level == "kegiatan").sum()),
        "branches": [ROOT, *real.loc[(level != "output") & (real["children"] > 0), "id"]],
        "by_id": real.set_index("id"),
        "gap_rows": len(gap),
        "differ": gap[gap["selisih"].fillna(0) != 0],
        "names": names[names["name_t24"] != names["name_l5"]],
        "names_by_code": {
            lv: dict(zip(rows[f"{lv}_code"], rows["name"], strict=True))
            for lv, rows in (
                (lv, real[level == lv].drop_duplicates(f"{lv}_code")) for lv in ("pn", "program", "kegiatan")
            )
        },
    }


def _outputs_table(year: int, version: int, lang_: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every output of ``year`` as shown (numbers as Indonesian or English text) and as downloaded (numbers)."""
    out = built(_model, year, version)["outputs"]
    status_text = {s: f"{STATUS_ICON[s]} {_text(COMMON['status_' + s], lang_)}" for s in STATUSES}
    col = {k: _text(S[k], lang_) for k in S if k.startswith("col_")}
    raw = pd.DataFrame(
        {
            col["col_pn"]: out["pn_code"],
            col["col_program"]: out["program_code"],
            col["col_kode"]: out["kegiatan_code"] + "." + out["output_code"],
            col["col_output"]: out["name"],
            col["col_satuan"]: out["satuan"],
            col["col_pagu"]: out["pagu_rp"],
            col["col_real"]: out["realisasi_rp"],
            col["col_abs"]: out["penyerapan_pct"].round(2),
            col["col_target"]: out["target_output"],
            col["col_real_out"]: out["realisasi_output"],
            col["col_cap"]: out["capaian_output_pct"].round(2),
            col["col_status"]: out["status"].map(status_text),
        }
    ).reset_index(drop=True)
    shown = raw.copy()
    for c in ("col_pagu", "col_real", "col_target", "col_real_out"):
        shown[col[c]] = [fmt_number(v, 0, lang_) for v in raw[col[c]]]
    for c in ("col_abs", "col_cap"):
        shown[col[c]] = [fmt_pct(v, 2, lang_) for v in raw[col[c]]]
    return shown, raw


def _pagu_differences(year: int, version: int, lang_: str) -> pd.DataFrame:
    """The rows whose pagu differs between Tabel 2.4 and Lampiran 5, amounts as text."""
    m = built(_model, year, version)
    differ, labels = m["differ"], m["by_id"].set_index("urutan")["label"]
    return pd.DataFrame(
        {
            _text(S["col_output"], lang_): differ["urutan"].map(labels),
            _text(S["col_t24"], lang_): [fmt_rp(v, lang_) for v in differ["pagu_t24"]],
            _text(S["col_l5"], lang_): [fmt_rp(v, lang_) for v in differ["pagu_l5"]],
            _text(S["col_diff"], lang_): [fmt_rp(v, lang_) for v in differ["selisih"]],
        }
    )


def _node_titles(year: int, version: int, lang_: str) -> dict[str, str]:
    """``PN 01 › DN › 2172 · Pengembangan Model …`` per branch of the tree: the path to it, its own name last."""
    by_id = built(_model, year, version)["by_id"]
    code, parent, name = by_id["code"].to_dict(), by_id["parent_id"].to_dict(), by_id["name"].to_dict()
    titles = {ROOT: _text(S["root"], lang_)}
    for node in built(_model, year, version)["branches"][1:]:
        path, at = [], node
        while at != ROOT:
            path.append(str(code[at]))
            at = parent[at]
        own = str(name[node])
        titles[node] = " › ".join(reversed(path)) + " · " + (own if len(own) <= 70 else own[:68].rstrip() + " …")
    return titles


def _treemap(year: int, version: int, lang_: str, node: str) -> dict:
    """The treemap spec of ``node``'s children."""
    m = built(_model, year, version)
    real = m["real"]
    kids = real[real["parent_id"] == node]
    below = {"pn": "what_program", "program": "what_kegiatan", "kegiatan": "what_output"}
    hint = [
        _text(S["open_hint"], lang_).format(n=fmt_number(n, 0, lang_), what=_text(S[below[lv]], lang_))
        if n and lv in below
        else ""
        for n, lv in zip(kids["children"], kids["level"], strict=True)
    ]
    labels = {
        "name": _text(S["tip_name"], lang_),
        "pagu": _text(COMMON["pagu"], lang_),
        "realisasi": _text(COMMON["realisasi"], lang_),
        "penyerapan": _text(COMMON["penyerapan"], lang_),
        "target": _text(S["target_output"], lang_),
        "realisasi_output": _text(S["real_output"], lang_),
        "hint": _text(S["tip_hint"], lang_),
        "colour": _text(S["colorbar"], lang_),
    }
    nodes = kids[["id", "code", "name", "pagu_rp", "realisasi_rp", "penyerapan_pct", "target_output"]].assign(
        realisasi_output=kids["realisasi_output"], satuan=kids["satuan"], hint=hint
    )
    at = real.loc[real["id"] == node]
    pagu = m["total_pagu"] if node == ROOT else float(at["pagu_rp"].iloc[0])
    pct = m["absorption"] if node == ROOT else at["penyerapan_pct"].iloc[0]
    subtitle = (
        f"{built(_node_titles, year, version, lang_)[node]} — {fmt_rp_short(pagu, lang_)} · {fmt_pct(pct, 2, lang_)}"
    )
    return pn_treemap(nodes, lang_, _text(S["treemap_title"], lang_), subtitle, labels, m["colour_domain"])


def _budget_bars(year: int, version: int, lang_: str) -> dict:
    """Pagu and realisasi per PN (the bar chart's spec)."""
    pn_rows = built(_model, year, version)["pn_rows"]
    return pn_budget_bars(
        pn_rows.assign(label="PN " + pn_rows["pn_code"]),
        lang_,
        _text(S["bars_title"], lang_),
        _text(COMMON["pagu"], lang_),
        _text(COMMON["realisasi"], lang_),
        _text(S["bars_axis"], lang_),
        _text(COMMON["penyerapan"], lang_),
    )


def _go(node: str) -> None:
    """Show ``node``'s children (a callback: the level selectbox takes the node, the URL follows it)."""
    st.session_state[NODE_KEY] = node


def _open_clicked(key: str, branches: frozenset[str]) -> None:
    """A click on a box of the treemap opens it, when it has boxes inside."""
    event = st.session_state.get(key)
    selection = getattr(event, "selection", None) or {}
    picked = [*(selection.get("node") or []), *(selection.get("node_label") or [])]
    for point in picked:
        if isinstance(point, dict) and point.get("id") in branches:
            _go(point["id"])
            return


year = year_select(data.years("pn_realisasi"))
version = data.data_version()
model = built(_model, year, version)
real = model["real"]
if real.empty:
    st.info(t("no_data"))
    st.stop()
pn_rows, outputs, absorption = model["pn_rows"], model["outputs"], model["absorption"]
total_pagu, total_real, reached = model["total_pagu"], model["total_real"], model["reached"]
printed_t24 = data.printed("T2.4.total.pagu_rp", year)
printed_l5_pagu = data.printed("L5.total.pagu_rp", year)
printed_l5_real = data.printed("L5.total.realisasi_rp", year)

# --- Header and tiles ------------------------------------------------------------------------

st.title(f"{t('page_pn')} {year}")
page_findings("pn", year)
st.caption(tr(S["intro"]))

cols = st.columns([1.25, 1.25, 1.1, 0.8, 0.9])
with cols[0]:
    tile(
        tr(S["tile_pagu"]),
        fmt_rp_short(total_pagu, L),
        help=tr(S["help_pagu"]).format(full=fmt_rp(total_pagu, L), v=fmt_rp(printed_t24, L)),
        key="pn_tile_pagu",
    )
with cols[1]:
    tile(
        tr(S["tile_real"]),
        fmt_rp_short(total_real, L),
        help=tr(S["help_real"]).format(full=fmt_rp(total_real, L), v=fmt_rp(printed_l5_real, L)),
        key="pn_tile_real",
    )
with cols[2]:
    tile(tr(S["tile_abs"]), fmt_pct(absorption, 2, L), help=tr(S["help_abs"]), key="pn_tile_abs")
with cols[3]:
    tile(
        tr(S["tile_outputs"]),
        fmt_number(len(outputs), 0, L),
        key="pn_tile_outputs",
        help=tr(S["help_outputs"]).format(n=model["n_kegiatan"], p=model["n_program"]),
    )
with cols[4]:
    tile(
        tr(S["tile_reached"]),
        fmt_number(reached, 0, L),
        key="pn_tile_reached",
        help=tr(S["help_reached"]).format(a=fmt_number(reached, 0, L), b=fmt_number(len(outputs), 0, L)),
    )
source_line(*SOURCES)

# --- Treemap, one level at a time ------------------------------------------------------------

branches = model["branches"]
up, pick = st.columns([1, 5], vertical_alignment="bottom")
with pick:
    # Not query_choice: clicks and the ⬆ button set this selectbox from callbacks, which its URL-derived index would fight.
    if st.session_state.get(NODE_KEY) not in branches:  # a new session (or year): the level from the URL
        st.session_state[NODE_KEY] = st.query_params.get("node") if st.query_params.get("node") in branches else ROOT
    node = st.selectbox(
        tr(S["f_node"]), branches, key=NODE_KEY, format_func=built(_node_titles, year, version, L).__getitem__
    )
    st.query_params["node"] = node
with up:
    parent = None if node == ROOT else model["by_id"].at[node, "parent_id"]
    st.button(tr(S["up"]), key="pn_up", on_click=_go, args=(parent,), disabled=parent is None, width="stretch")
tm_key = f"pn_treemap_{node}"  # a fresh chart (no stale selection) on every level
vega(
    built(_treemap, year, version, L, node),
    tm_key,
    on_select=partial(_open_clicked, tm_key, frozenset(branches)),
    selection_mode=["node", "node_label"],
)
st.caption(tr(S["treemap_hint"]).format(v=fmt_pct(absorption, 2, L)))
source_line(*SOURCES)

# --- Filterable table of outputs ------------------------------------------------------------

st.subheader(tr(S["table_head"]))
names = model["names_by_code"]


def _pick(label: str, codes: list[str], key: str, names: dict[str, str], all_text: str, prefix: str = "") -> str:
    """One code (or all) from a selectbox kept in the URL: ``?pn=03``."""
    return query_choice(
        label,
        [ALL, *codes],
        key,
        default=ALL,
        format_func=lambda c: all_text if c == ALL else f"{prefix}{c} · {names[c]}",
    )


mask = pd.Series(True, index=outputs.index)
f1, f2, f3, f4 = st.columns([1.2, 1, 1.4, 1])
with f1:
    chosen_pn = _pick(tr(S["f_pn"]), list(names["pn"]), "pn", names["pn"], tr(S["all_pn"]), prefix="PN ")
if chosen_pn != ALL:
    mask &= outputs["pn_code"] == chosen_pn
with f2:
    offered = list(dict.fromkeys(outputs.loc[mask, "program_code"]))
    chosen_prog = _pick(tr(S["f_program"]), offered, "program", names["program"], tr(S["all_program"]))
if chosen_prog != ALL:
    mask &= outputs["program_code"] == chosen_prog
with f3:
    offered = list(dict.fromkeys(outputs.loc[mask, "kegiatan_code"]))
    chosen_keg = _pick(tr(S["f_kegiatan"]), offered, "kegiatan", names["kegiatan"], tr(S["all_kegiatan"]))
if chosen_keg != ALL:
    mask &= outputs["kegiatan_code"] == chosen_keg
with f4:
    present = [s for s in STATUSES if s in set(outputs["status"])]
    chosen_status = query_choice(
        tr(S["f_status"]),
        [ALL, *present],
        "status",
        default=ALL,
        format_func=lambda c: tr(S["all_status"]) if c == ALL else status_badge(c),
    )
if chosen_status != ALL:
    mask &= outputs["status"] == chosen_status

table, raw = built(_outputs_table, year, version, L)
keep = mask.to_numpy()
shown = table[keep] if not keep.all() else table
st.caption(tr(S["rows_shown"]).format(n=fmt_number(len(shown), 0, L), m=fmt_number(len(outputs), 0, L)))
if shown.empty:
    st.info(t("no_data"))
right_aligned = [tr(S[c]) for c in ("col_pagu", "col_real", "col_abs", "col_target", "col_real_out", "col_cap")]
st.dataframe(
    shown,
    hide_index=True,
    width="stretch",
    key="pn_table",
    height="auto" if len(shown) <= 10 else 420,
    column_config={
        tr(S["col_kode"]): st.column_config.TextColumn(pinned=True),
        tr(S["col_output"]): st.column_config.TextColumn(width="medium", pinned=True),
        **{c: st.column_config.TextColumn(alignment="right") for c in right_aligned},
    },
)
source_line(*SOURCES)
downloads(raw[keep] if not keep.all() else raw, f"prioritas_nasional_output_{year}", "pn_table")

# --- Per PN, and Tabel 2.4 against Lampiran 5 -----------------------------------------------

left, right = st.columns([3, 2])
with left:
    vega(built(_budget_bars, year, version, L), "pn_bars", "Lampiran 5")
with right:
    st.subheader(tr(S["compare_head"]))
    differ = model["differ"]
    if differ.empty and printed_t24 == printed_l5_pagu:
        st.success(
            tr(S["compare_same"]).format(n=fmt_number(model["gap_rows"], 0, L), v=fmt_rp(printed_t24, L)), icon="✅"
        )
    else:
        if not differ.empty:
            st.warning(tr(S["compare_diff"]).format(n=fmt_number(len(differ), 0, L)), icon="⚠️")
            st.dataframe(
                built(_pagu_differences, year, version, L),
                hide_index=True,
                width="stretch",
                key="pn_pagu_diff",
                height="auto" if len(differ) <= 10 else 360,
            )
        if printed_t24 != printed_l5_pagu:
            st.warning(tr(S["compare_total_diff"]).format(a=fmt_rp(printed_t24, L), b=fmt_rp(printed_l5_pagu, L)))
    spelt = model["names"]
    if not spelt.empty:
        st.markdown(tr(S["compare_names"]))
        st.markdown(
            "\n".join(
                f"- Tabel 2.4: *{a}*\n- Lampiran 5: *{b}*"
                for a, b in zip(spelt["name_t24"], spelt["name_l5"], strict=True)
            )
        )
    source_line(*reversed(SOURCES))
