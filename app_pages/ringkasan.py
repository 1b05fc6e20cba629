"""Ringkasan Eksekutif: the LKj year at a glance (Tabel 3.2, Bab 3.1, Tabel 3.20-3.24)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi.budget import absorption_pct
from kpi.capaian import OPINI_BPK_RANK
from kpi.headline import headline, ikss_table
from kpi.status import Status, status_of
from loaders.datasets import DATASETS
from ui import data
from ui.charts import ringkasan as charts
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_rp_short
from ui.i18n import COMMON, lang, t, tr
from ui.report_buttons import report_downloads
from views.theme import STATUS_ICON, STATUS_MARKDOWN_COLOR
from ui.widgets import built, downloads, page_findings, source_line, status_badge, vega, year_select

L = lang()

IKSS_NAME: dict[str, tuple[str, str]] = {
    "produktivitas": ("Kontribusi produktivitas", "Productivity contribution"),
    "indeks_rb": ("Indeks Reformasi Birokrasi", "Bureaucratic Reform Index"),
    "opini_bpk": ("Opini BPK", "BPK audit opinion"),
    "indeks_spbe": ("Indeks SPBE", "E-government (SPBE) index"),
}
IKSS_HELP: dict[str, tuple[str, str]] = {
    "produktivitas": (
        "Kontribusi Kemnaker terhadap produktivitas tenaga kerja nasional (SS-1), dalam persen.",
        "The ministry's contribution to national labour productivity (SS-1), in percent.",
    ),
    "indeks_rb": (
        "Nilai evaluasi Reformasi Birokrasi oleh Kementerian PANRB atas tahun sebelumnya (SS-2).",
        "Bureaucratic Reform score from the Ministry of Administrative Reform, for the previous year (SS-2).",
    ),
    "opini_bpk": (
        "Opini BPK atas laporan keuangan tahun sebelumnya: WTP > WDP > TW > TMP (SS-2).",
        "The audit board's opinion on the previous year's financial statements: WTP (unqualified) > WDP > TW > TMP (SS-2).",
    ),
    "indeks_spbe": (
        "Indeks Sistem Pemerintahan Berbasis Elektronik (skala 1-5) hasil evaluasi tahun sebelumnya (SS-2).",
        "E-government (SPBE) index, scale 1-5, from the previous year's evaluation (SS-2).",
    ),
}
S: dict[str, tuple[str, str]] = {
    "title": ("Ringkasan Eksekutif", "Executive Summary"),
    "subtitle": (
        "Kinerja Kementerian Ketenagakerjaan menurut Laporan Kinerja (LKj) {y}.",
        "Performance of the Ministry of Manpower according to its {y} Performance Report (LKj).",
    ),
    "overall_line": ("Rata-rata capaian sasaran strategis", "Average achievement of the strategic goals"),
    "fallback": (
        "Tahun {req} belum dimuat; yang ditampilkan tahun {y}.",
        "Year {req} is not loaded; showing {y} instead.",
    ),
    "fallback_bad": (
        "Tahun yang diminta di alamat tidak dikenal; yang ditampilkan tahun {y}.",
        "The year in the address is not recognised; showing {y} instead.",
    ),
    "sec_ikss": ("Indikator kinerja sasaran strategis (IKSS)", "Strategic goal indicators (IKSS)"),
    "sec_ss": ("Sasaran strategis", "Strategic goals"),
    "sec_budget": ("Anggaran", "Budget"),
    "sec_eff": ("Efisiensi penggunaan sumber daya", "Efficiency of resource use"),
    "sec_trend": ("Tren", "Trends"),
    "sec_table": ("Tabel capaian IKSS", "IKSS achievement table"),
    "sec_links": ("Rincian", "Details"),
    "realisasi_year": ("Realisasi {y}", "Actual {y}"),
    "points": ("poin", "pts"),
    "vs": ("vs", "vs"),
    "same_as": ("tetap {v} sejak {y}", "unchanged since {y} ({v})"),
    "up_from": ("naik dari {v} ({y})", "up from {v} ({y})"),
    "down_from": ("turun dari {v} ({y})", "down from {v} ({y})"),
    "ss1": ("SS-1 Tenaga kerja produktif", "SS-1 Productive workforce"),
    "ss2": ("SS-2 Tata kelola yang baik", "SS-2 Good governance"),
    "overall": ("Rata-rata SS-1 dan SS-2", "Average of SS-1 and SS-2"),
    "ss_help": (
        "Capaian sasaran strategis = rata-rata capaian IKSS-nya (Bab 3.1, Tabel 3.2), dihitung ulang dari target dan realisasi.",
        "A strategic goal's achievement is the mean achievement of its indicators (section 3.1, Tabel 3.2), recomputed from target and actual.",
    ),
    "printed_differs": (
        "⚠️ Laporan mencetak {p}",
        "⚠️ The report prints {p}",
    ),
    "printed_help": (
        "Dihitung ulang: {v} (tepatnya {x}). Laporan mencetak {p}: angka itu dipotong setelah dua desimal, bukan dibulatkan.",
        "Recomputed: {v} (exactly {x}). The report prints {p}: it truncates after two decimals instead of rounding.",
    ),
    "pagu_help": ("Pagu {y} (Tabel 3.20): {full}.", "Budget ceiling {y} (Tabel 3.20): {full}."),
    "realisasi_help": ("Realisasi anggaran {y} (Tabel 3.20): {full}.", "Budget spent in {y} (Tabel 3.20): {full}."),
    "absorption_help": (
        "Realisasi ÷ pagu (Tabel 3.20). Target penyerapan {y}: {target} (Bab 3.3).",
        "Spent ÷ ceiling (Tabel 3.20). Absorption target for {y}: {target} (Bab 3.3).",
    ),
    "absorption_target": ("Target penyerapan {target}", "Absorption target {target}"),
    "excl_blokir": ("Penyerapan tanpa blokir", "Absorption excl. blokir"),
    "excl_blokir_help": (
        "Realisasi ÷ (pagu − anggaran diblokir {blokir}) (Tabel 3.22, Bab 3.3).",
        "Spent ÷ (ceiling − blocked funds {blokir}) (Tabel 3.22, Bab 3.3).",
    ),
    "blokir_caption": ("Diblokir {blokir}", "Blocked {blokir}"),
    "eff_total": ("Efficiency rate total", "Efficiency rate, total"),
    "eff_ss1": ("Efficiency rate SS-1", "Efficiency rate SS-1"),
    "eff_ss2": ("Efficiency rate SS-2", "Efficiency rate SS-2"),
    "eff_help": (
        "Capaian sasaran strategis {c} ÷ capaian realisasi anggaran {a} (Tabel 3.24).",
        "Goal achievement {c} ÷ budget absorption {a} (Tabel 3.24).",
    ),
    "eff_explain": (
        "Efficiency rate = capaian sasaran strategis ÷ capaian realisasi anggaran (Bab 3.4). "
        "Di atas 1: sasaran tercapai lebih jauh daripada anggaran yang terserap; di bawah 1: sebaliknya.",
        "Efficiency rate = strategic goal achievement ÷ budget absorption (section 3.4). "
        "Above 1, the goal was reached further than the money was spent; below 1, the reverse.",
    ),
    "trend_ikss": ("Realisasi IKSS per tahun, dengan target {y}", "IKSS actuals per year, with the {y} target"),
    "trend_budget": ("Pagu Kemnaker per tahun", "Ministry budget ceiling per year"),
    "peak": ("Pagu tertinggi pada {y}: {total}; {note}.", "Highest ceiling in {y}: {total}; {note}."),
    "largest_unit": ("terbesar: {u} {v}", "largest: {u} {v}"),
    "col_ss": ("SS", "Goal"),
    "col_ikss": ("IKSS", "Indicator"),
    "col_satuan": ("Satuan", "Unit"),
    "col_real": ("Realisasi {y}", "Actual {y}"),
    "col_target": ("Target {y}", "Target {y}"),
    "col_cap": ("Capaian {y}", "Achievement {y}"),
    "col_cap_printed": ("Capaian tercetak", "Achievement as printed"),
    "col_status": ("Status", "Status"),
    "link_ss1": (
        "Produktivitas, pelatihan, penempatan, PHI",
        "Productivity, training, placement, industrial relations",
    ),
    "link_ss2": ("Reformasi Birokrasi, Opini BPK, SPBE", "Bureaucratic reform, audit opinion, e-government"),
    "link_anggaran": ("Pagu, realisasi, blokir, dekonsentrasi", "Ceiling, spending, blocked funds, deconcentration"),
    "link_pn": ("Prioritas Nasional: pagu dan output", "National priorities: budget and outputs"),
    "link_output": ("Capaian output per unit dan provinsi", "Output achievement per unit and province"),
    "link_kualitas": ("Angka laporan yang tidak saling cocok", "Report figures that disagree"),
}
SATUAN: dict[str, tuple[str, str]] = {"%": ("%", "%"), "poin": ("poin", "points"), "opini": ("opini", "opinion")}


# --- Data and views (cached per data version) ---------------------------------------------------
# Everything a rerun would recompute from the same tables is built once per data version, year and
# language through ``built`` and shared (read-only: nobody mutates what it returns); a rerun only draws.


def _in(pair: tuple[str, str], language: str) -> str:
    """The text of an ``(indonesian, english)`` pair in ``language`` (a cache key, so not read from the session)."""
    return pair[1 if language == "en" else 0]


def _headline(version: int, year: int) -> dict:
    """Every headline figure of ``year`` (kpi.headline), once per data version."""
    return headline({name: data.table(name) for name in DATASETS}, year)


def _ikss(version: int, year: int) -> pd.DataFrame:
    return ikss_table(data.table("ikss"), data.table("ikss_capaian"), year)


def _report_years(version: int) -> list[int]:
    """Years for which the IKSS have targets, i.e. years this page can show in full."""
    cap = data.table("ikss_capaian")
    has_target = cap["target"].notna() | cap["target_text"].notna()
    return sorted(int(y) for y in cap.loc[has_target, "year"].unique())


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _history(year: int) -> pd.DataFrame:
    """The IKSS realisasi of ``year`` and the years before it, oldest first."""
    history = data.table("ikss_capaian")
    return history[history["year"] <= year].sort_values("year", kind="stable")


def _ikss_name(code: str, name: object, language: str) -> str:
    return _in(IKSS_NAME[code], language) if code in IKSS_NAME else str(name)


def _trend_specs(version: int, year: int, language: str) -> list[tuple[str, dict]]:
    """``(ikss code, Vega-Lite spec)`` of each IKSS's small trend, in the order of the tiles."""
    history = _history(year)
    own_rows = dict(tuple(history.groupby("ikss_code", sort=False)))
    empty = history.iloc[0:0]
    target_word = _in(COMMON["target"], language)
    specs = []
    for row in built(_ikss, version, year).itertuples():
        code = str(row.code)
        own = own_rows.get(code, empty)
        years = own["year"].astype(int).tolist()
        name = _ikss_name(code, row.name, language)
        if row.jenis == "ordinal":
            spec = charts.ordinal_trend(
                years,
                [_text(v) for v in own["realisasi_text"]],
                _text(row.target_text),
                OPINI_BPK_RANK,
                year,
                language,
                name,
                target_word,
            )
        else:
            spec = charts.ikss_trend(
                years,
                [_num(v) for v in own["realisasi"]],
                _num(row.target),
                year,
                language,
                name,
                target_word,
                suffix="%" if row.satuan == "%" else "",
            )
        specs.append((code, spec))
    return specs


def _budget_view(version: int, year: int, language: str) -> tuple[dict, str | None]:
    """The spec of the ceiling per year (Tabel 3.21) and, when an earlier year was higher, the caption saying why."""
    units = data.table("budget_unit")
    units = units[units["year"] <= year]
    per_year = units.groupby("year", sort=True)["pagu_rp"].sum()
    # the largest unit of each year: one sort, then the first row per year
    top = units.sort_values("pagu_rp", ascending=False, kind="stable").drop_duplicates("year").set_index("year")
    notes = [
        _in(S["largest_unit"], language).format(
            u=top.at[y, "unit_name"], v=fmt_rp_short(top.at[y, "pagu_rp"], language)
        )
        for y in per_year.index
    ]
    spec = charts.budget_trend(
        [int(y) for y in per_year.index],
        per_year.tolist(),
        notes,
        year,
        language,
        None,
        _in(COMMON["pagu"], language),
        height=490,
    )
    peak = int(per_year.idxmax()) if len(per_year) else year
    caption = None
    if peak != year:  # an earlier year stands out: say which unit made it so
        caption = _in(S["peak"], language).format(
            y=peak, total=fmt_rp_short(per_year.max(), language), note=notes[list(per_year.index).index(peak)]
        )
    return spec, caption


def _value_in(value: float | None, satuan: str, language: str) -> str:
    return fmt_pct(value, 2, language) if satuan == "%" else fmt_number(value, 2, language)


def _ikss_frames(version: int, year: int, language: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The IKSS table as shown (formatted text, status in words) and as downloaded (machine numbers)."""
    rows, history = built(_ikss, version, year), _history(year)
    earlier = sorted(int(y) for y in history["year"].unique() if y < year)[-2:]
    by_code_year = history.drop_duplicates(["ikss_code", "year"]).set_index(["ikss_code", "year"])
    col_real, col_target = _in(S["col_real"], language), _in(S["col_target"], language)
    col_cap = _in(S["col_cap"], language).format(y=year)
    col_status, col_printed = _in(S["col_status"], language), _in(S["col_cap_printed"], language)
    shown_rows, raw_rows = [], []
    for row in rows.itertuples():
        code, ordinal = str(row.code), row.jenis == "ordinal"
        status = status_of(_num(row.capaian_pct))
        shown = {
            _in(S["col_ss"], language): row.ss_code,
            _in(S["col_ikss"], language): _ikss_name(code, row.name, language),
        }
        unit = _in(SATUAN[row.satuan], language) if row.satuan in SATUAN else str(row.satuan)
        raw = {**shown, _in(S["col_satuan"], language): unit}
        cells = []
        for y in earlier:  # an earlier year's realisasi
            found = (code, y) in by_code_year.index
            value = _num(by_code_year.at[(code, y), "realisasi"]) if found else None
            text = _text(by_code_year.at[(code, y), "realisasi_text"]) if found else None
            cells.append((col_real.format(y=y), value, text))
        cells.append((col_target.format(y=year), _num(row.target), _text(row.target_text)))
        cells.append((col_real.format(y=year), _num(row.realisasi), _text(row.realisasi_text)))
        for col, value, text in cells:
            shown[col] = (text or "–") if ordinal else _value_in(value, row.satuan, language)
            raw[col] = text if ordinal else value
        shown[col_cap] = fmt_pct(_num(row.capaian_pct), 2, language)
        shown[col_status] = f"{STATUS_ICON[status]} {_in(COMMON['status_' + status], language)}"
        shown[col_printed] = fmt_pct(_num(row.capaian_printed_pct), 2, language)
        raw[col_cap] = _num(row.capaian_pct)
        raw[col_status] = _in(COMMON["status_" + status], language)
        raw[col_printed] = _num(row.capaian_printed_pct)
        shown_rows.append(shown)
        raw_rows.append(raw)
    return pd.DataFrame(shown_rows), pd.DataFrame(raw_rows)


# --- Small drawing helpers ---------------------------------------------------------------------


def _pill(status: Status) -> str:
    """Status as a coloured badge with icon and words, in Streamlit markdown (``:red-badge[⛔ Belum tercapai]``).

    A markdown badge rather than an HTML ``<span>``: the browser needs no HTML parser for it
    (``unsafe_allow_html`` markdown is the slowest element to draw).
    """
    return f":{STATUS_MARKDOWN_COLOR[status]}-badge[{status_badge(status)}]"


def _value(value: float | None, satuan: str) -> str:
    return fmt_pct(value, 2, L) if satuan == "%" else fmt_number(value, 2, L)


def _nb(text: str) -> str:
    """Keep ``40,71 %`` on one line."""
    return text.replace(" %", "\u00a0%")


def _signed(delta: float) -> str:
    sign = "+" if delta > 0 else ("-" if delta < 0 else "±")
    return sign + fmt_number(abs(delta), 2, L)


def _ordinal_delta(now: str | None, prev: str | None, prev_year: int) -> tuple[str | None, str]:
    if not now or not prev:
        return None, "off"
    r_now, r_prev = OPINI_BPK_RANK.get(now, 0), OPINI_BPK_RANK.get(prev, 0)
    if r_now == r_prev:
        return tr(S["same_as"]).format(v=prev, y=prev_year), "off"
    key = "up_from" if r_now > r_prev else "down_from"
    return tr(S[key]).format(v=prev, y=prev_year), "normal"


def ikss_tile(row, year: int) -> None:
    """One IKSS: realisasi big, change against the previous year, target, capaian and status."""
    code = str(row.code)
    name = tr(IKSS_NAME[code]) if code in IKSS_NAME else str(row.name)
    prev_year = None if pd.isna(row.year_prev) else int(row.year_prev)
    if row.jenis == "ordinal":
        value = _text(row.realisasi_text) or "–"
        target = _text(row.target_text) or "–"
        delta, color = _ordinal_delta(_text(row.realisasi_text), _text(row.realisasi_prev_text), prev_year or 0)
    else:
        value = _value(_num(row.realisasi), row.satuan)
        target = _value(_num(row.target), row.satuan)
        now, prev = _num(row.realisasi), _num(row.realisasi_prev)
        delta = None
        if now is not None and prev is not None:
            delta = f"{_signed(now - prev)} {tr(S['points'])} {tr(S['vs'])} {prev_year}"
        color = "inverse" if row.arah == "turun" else "normal"
    cap = _num(row.capaian_pct)
    status = status_of(cap)
    with st.container(border=True, key=f"tile_{code}"):
        st.markdown(f"**{name}**")
        st.metric(
            tr(S["realisasi_year"]).format(y=year),
            value,
            delta=delta,
            delta_color=color,
            delta_arrow="off" if color == "off" else "auto",
            help=tr(IKSS_HELP[code]) if code in IKSS_HELP else None,
        )
        # one element for target, capaian and the status pill: a rerun pays per element
        st.markdown(
            f"{t('target')} **{_nb(target)}**  \n{t('capaian')} **{_nb(fmt_pct(cap, 2, L))}**\n\n{_pill(status)}"
        )


def ss_tile(label: str, value: float | None, printed: float | None, key: str) -> None:
    """Capaian of a strategic goal, with a visible warning when the report prints a different figure."""
    differs = printed is not None and value is not None and round(printed, 2) != round(value, 2)
    help_text = tr(S["ss_help"])
    if differs:
        help_text += " " + tr(S["printed_help"]).format(
            v=fmt_pct(value, 2, L), x=fmt_number(value, 4, L), p=fmt_pct(printed, 2, L)
        )
    with st.container(border=True, key=key):
        st.metric(("⚠️ " if differs else "") + label, fmt_pct(value, 2, L), help=help_text)
        st.markdown(_pill(status_of(value)))
        if differs:
            st.caption(tr(S["printed_differs"]).format(p=fmt_pct(printed, 2, L)))


# --- Page --------------------------------------------------------------------------------------

version = data.data_version()
years = built(_report_years, version)
requested = st.query_params.get("year")
year = year_select(years) if years else 0
if not year:
    st.warning(t("no_data"))
    st.stop()
if requested is not None and requested != str(year):
    if requested.isdigit() and len(requested) == 4:
        st.info(tr(S["fallback"]).format(req=requested, y=year), icon="ℹ️")
    else:
        st.info(tr(S["fallback_bad"]).format(y=year), icon="ℹ️")
    st.query_params["year"] = str(year)

h = built(_headline, version, year)
rows = built(_ikss, version, year)

st.title(f"{tr(S['title'])} {year}")
page_findings("ringkasan", year)
st.caption(tr(S["subtitle"]).format(y=year))
report_downloads(year, L)
overall = h.get("overall_capaian_pct")
st.subheader(f"{tr(S['overall_line'])} **{fmt_pct(overall, 2, L)}** {_pill(status_of(overall))}", anchor=False)

# --- IKSS tiles --------------------------------------------------------------------------------
st.subheader(tr(S["sec_ikss"]))
cols = st.columns(max(len(rows), 1))
for col, row in zip(cols, rows.itertuples(), strict=False):
    with col:
        ikss_tile(row, year)
source_line("Tabel 3.2")

# --- Strategic goals, budget, efficiency -------------------------------------------------------
st.subheader(tr(S["sec_ss"]))
c1, c2, c3 = st.columns(3)
with c1:
    ss_tile(tr(S["ss1"]), h.get("ss1_capaian_pct"), data.printed("RE.ss1_capaian", year), "tile_ss1")
with c2:
    ss_tile(tr(S["ss2"]), h.get("ss2_capaian_pct"), data.printed("B3.1.ss2_capaian", year), "tile_ss2")
with c3:
    ss_tile(tr(S["overall"]), overall, data.printed("RE.ss_rata_capaian", year), "tile_overall")
source_line("Tabel 3.2", "Bab 3.1")

st.subheader(tr(S["sec_budget"]))
pagu, real = h.get("budget_pagu_rp"), h.get("budget_realisasi_rp")
blokir, absorption = h.get("budget_blokir_rp"), h.get("budget_absorption_pct")
target_absorption = data.printed("B3.3.target_penyerapan_pct", year)
b1, b2, b3, b4 = st.columns(4)
with b1.container(border=True, key="tile_pagu"):
    st.metric(t("pagu"), fmt_rp_short(pagu, L), help=tr(S["pagu_help"]).format(y=year, full=fmt_rp(pagu, L)))
    st.caption(fmt_rp(pagu, L))
with b2.container(border=True, key="tile_realisasi"):
    st.metric(t("realisasi"), fmt_rp_short(real, L), help=tr(S["realisasi_help"]).format(y=year, full=fmt_rp(real, L)))
    st.caption(fmt_rp(real, L))
with b3.container(border=True, key="tile_absorption"):
    st.metric(
        t("penyerapan"),
        fmt_pct(absorption, 2, L),
        help=tr(S["absorption_help"]).format(y=year, target=fmt_pct(target_absorption, 2, L)),
    )
    if target_absorption is not None:
        st.caption(tr(S["absorption_target"]).format(target=fmt_pct(target_absorption, 2, L)))
with b4.container(border=True, key="tile_excl_blokir"):
    st.metric(
        tr(S["excl_blokir"]),
        fmt_pct(h.get("budget_absorption_excl_blokir_pct"), 2, L),
        help=tr(S["excl_blokir_help"]).format(blokir=fmt_rp(blokir, L)),
    )
    st.caption(tr(S["blokir_caption"]).format(blokir=fmt_rp_short(blokir, L)))
source_line("Tabel 3.20", "Tabel 3.22", "Bab 3.3")

st.subheader(tr(S["sec_eff"]))
eff = st.columns(3)
ss_budget = data.table("efficiency_ss", year)
absorption_by_ss = {
    str(r.ss_code): absorption_pct(_num(r.pagu_rp), _num(r.realisasi_rp)) for r in ss_budget.itertuples()
}
for col, (label, key, cap, absorbed) in zip(
    eff,
    [
        (S["eff_total"], "efficiency_rate_total", overall, absorption),
        (S["eff_ss1"], "efficiency_rate_ss1", h.get("ss1_capaian_pct"), absorption_by_ss.get("SS-1")),
        (S["eff_ss2"], "efficiency_rate_ss2", h.get("ss2_capaian_pct"), absorption_by_ss.get("SS-2")),
    ],
    strict=True,
):
    with col.container(border=True, key=f"tile_{key}"):
        st.metric(
            tr(label),
            fmt_number(h.get(key), 2, L),
            help=tr(S["eff_help"]).format(c=fmt_pct(cap, 2, L), a=fmt_pct(absorbed, 2, L)),
        )
st.caption(tr(S["eff_explain"]))
source_line("Tabel 3.24", "Bab 3.4")

# --- Trends ------------------------------------------------------------------------------------
st.subheader(tr(S["sec_trend"]))
left, right = st.columns([3, 2], gap="medium")
with left:
    st.markdown(f"**{tr(S['trend_ikss']).format(y=year)}**")
    for i, (code, spec) in enumerate(built(_trend_specs, version, year, L)):
        if i % 2 == 0:  # rows of two, so a phone shows the charts in the order of the tiles
            grid = st.columns(2)
        with grid[i % 2]:
            vega(spec, f"trend_{code}")
    source_line("Tabel 3.2")
with right:
    st.markdown(f"**{tr(S['trend_budget'])}**")
    budget_spec, peak_caption = built(_budget_view, version, year, L)
    vega(budget_spec, "trend_budget")
    if peak_caption:
        st.caption(peak_caption)
    source_line("Tabel 3.21")

# --- IKSS table --------------------------------------------------------------------------------
st.subheader(tr(S["sec_table"]))
shown_table, raw_table = built(_ikss_frames, version, year, L)
st.dataframe(shown_table, hide_index=True, width="stretch", key="ringkasan_ikss")
source_line("Tabel 3.2")
downloads(raw_table, f"ikss_{year}", "ringkasan_ikss_dl")

# --- Links to the detail pages -----------------------------------------------------------------
st.subheader(tr(S["sec_links"]))
links = [
    ("app_pages/ss1.py", "page_ss1", "👷", "link_ss1"),
    ("app_pages/ss2.py", "page_ss2", "🏢", "link_ss2"),
    ("app_pages/anggaran.py", "page_anggaran", "💰", "link_anggaran"),
    ("app_pages/pn.py", "page_pn", "🎯", "link_pn"),
    ("app_pages/output.py", "page_output", "📦", "link_output"),
    ("app_pages/kualitas.py", "page_kualitas", "🔎", "link_kualitas"),
]
link_cols = st.columns(3)
for i, (page, title_key, icon, text_key) in enumerate(links):
    with link_cols[i % 3].container(border=True):
        st.page_link(page, label=t(title_key), icon=icon)
        st.caption(tr(S[text_key]))
