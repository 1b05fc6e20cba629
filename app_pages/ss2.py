"""SS-2 Tata Kelola: the three IKSS (Indeks RB, Opini BPK, Indeks SPBE), their detail tables and an SPBE simulator."""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

import pandas as pd
import pyarrow as pa
import streamlit as st

from kpi import headline, rb, spbe
from kpi.capaian import capaian_pct
from kpi.status import status_of
from ui import data
from ui.charts import ss2 as charts
from kpi.format import fmt_number, fmt_pct, fmt_signed
from ui.i18n import in_lang, lang, t, tr
from views.theme import STATUS_COLOR
from ui.widgets import built, downloads, page_findings, query_choice, source_line, status_badge, vega

L = lang()
signed = partial(fmt_signed, lang=L)
YEAR = 2024
SS = "SS-2"
SIM_STATE = "ss2_sim_levels"

S: dict[str, tuple[str, str]] = {
    "ss_caption": (
        "Sasaran Strategis 2: meningkatnya tata kelola pemerintahan yang baik. Capaian SS-2 = rata-rata capaian "
        "tiga IKSS (Tabel 3.2).",
        "Strategic Goal 2: better good governance. SS-2 achievement = mean achievement of its three indicators "
        "(Tabel 3.2).",
    ),
    "tile_ss2": ("Capaian SS-2 2024", "SS-2 result 2024"),
    "tile_rb": ("Indeks RB", "RB index"),
    "tile_bpk": ("Opini BPK", "BPK opinion"),
    "tile_spbe": ("Indeks SPBE", "SPBE index"),
    "target_is": ("Target {y}: {t}", "Target {y}: {t}"),
    "prev_is": ("{y}: {v}", "{y}: {v}"),
    "tile_predikat": ("Predikat SPBE 2024", "SPBE rating 2024"),
    "printed": ("dicetak", "printed"),
    "vs": ("vs", "vs"),
    "help_ss2": (
        "Rata-rata capaian Indeks RB, Opini BPK dan Indeks SPBE, dihitung ulang dari target dan realisasi Tabel 3.2: "
        "({a} + {b} + {c}) ÷ 3.",
        "Mean achievement of the RB index, the audit opinion and the SPBE index, recomputed from target and actual "
        "in Tabel 3.2: ({a} + {b} + {c}) ÷ 3.",
    ),
    "help_capaian": (
        "Capaian = realisasi ÷ target × 100 (Tabel 3.2).",
        "Achievement = actual ÷ target × 100 (Tabel 3.2).",
    ),
    "help_bpk": (
        "Opini ordinal: WTP memenuhi target WTP (100 %).",
        "Ordinal opinion: an unqualified opinion (WTP) meets the WTP target (100%).",
    ),
    "predikat_target": (
        "Target predikat: {p} (indeks ≥ {v}, Lampiran 8)",
        "Target rating: {p} (index ≥ {v}, Lampiran 8)",
    ),
    "note_ss2": (
        "⚠️ Laporan mencetak capaian SS-2 {p} (Bab 3.1, Bab 3.2.2 dan Bab IV); rata-rata ketiga capaian yang dihitung "
        "ulang adalah {r} (dengan capaian tercetak yang dibulatkan: {q}).",
        "⚠️ The report prints an SS-2 achievement of {p} (Bab 3.1, Bab 3.2.2 and Bab IV); the mean of the three "
        "recomputed achievements is {r} (from the rounded printed achievements: {q}).",
    ),
    "note_rb_target": (
        "⚠️ Bab IV menyebut target Indeks RB 2024 sebesar {b4}, sedangkan Tabel 3.2 dan Ringkasan Eksekutif {t32}. "
        "Halaman ini memakai {t32}; dengan {b4} capaiannya {c}.",
        "⚠️ Bab IV gives an RB index target of {b4} for 2024, while Tabel 3.2 and the Executive Summary give {t32}. "
        "This page uses {t32}; against {b4} the achievement would be {c}.",
    ),
    # RB
    "h_rb": ("Reformasi Birokrasi (evaluasi pelaksanaan RB {y})", "Bureaucratic reform (evaluation of RB {y})"),
    "rb_intro": (
        "Indeks RB = nilai RB General (maks. 100) + nilai RB Tematik (maks. 10) = {g} + {tm} = {i}; kategori {k} "
        "(Tabel 3.16, Lampiran 7).",
        "RB index = RB General score (max 100) + RB Thematic score (max 10) = {g} + {tm} = {i}; category {k} "
        "(Tabel 3.16, Lampiran 7).",
    ),
    "comp_title": ("Nilai komponen terhadap bobot maksimum", "Component score against maximum weight"),
    "nilai": ("Nilai", "Score"),
    "gap": ("Sisa ke maksimum", "Gap to maximum"),
    "komponen": ("Komponen", "Component"),
    "bobot": ("Bobot", "Weight"),
    "pct_bobot": ("Nilai/bobot", "Score/weight"),
    "hist_title": ("Indeks RB per tahun evaluasi", "RB index per evaluation year"),
    "hist_label": ("Indeks RB", "RB index"),
    "eval_year": ("Evaluasi {e} (LKj {y})", "Evaluation {e} (LKj {y})"),
    "target_2024": ("Target 2024", "Target 2024"),
    "hist_note": (
        "Kenaikan evaluasi {a} → {b}: {d} poin ({p}; laporan mencetak {pp} poin dan {ppp}). Tahun sebelum 2021 hanya "
        "digambar di Gambar 3.4.",
        "Change evaluation {a} → {b}: {d} points ({p}; the report prints {pp} points and {ppp}). Years before 2021 "
        "are only drawn in Gambar 3.4.",
    ),
    "tematik_note": (
        "⚠️ Bobot keenam indikator RB Tematik di Tabel 3.17 berjumlah {s}, bukan {b} seperti dicetak untuk komponen "
        "ini; nilai {n} tetap sama dengan jumlah skor bobotnya.",
        "⚠️ The six RB Thematic indicator weights in Tabel 3.17 add up to {s}, not the {b} printed for the "
        "component; its score {n} still equals the sum of their weighted scores.",
    ),
    "h_rb_ind": ("34 indikator penilaian RB (Tabel 3.17)", "The 34 RB assessment indicators (Tabel 3.17)"),
    "sort": ("Urutkan", "Sort by"),
    "sort_nomor": ("Nomor", "Number"),
    "sort_capaian_naik": ("Capaian terendah dulu", "Lowest achievement first"),
    "sort_capaian_turun": ("Capaian tertinggi dulu", "Highest achievement first"),
    "sort_gap": ("Sisa poin terbesar dulu", "Largest open points first"),
    "ind_title": ("Capaian tiap indikator (skor bobot ÷ bobot)", "Achievement per indicator (weighted score ÷ weight)"),
    "no": ("No.", "No."),
    "indikator": ("Indikator", "Indicator"),
    "skor": ("Skor", "Score"),
    "skor_bobot": ("Skor bobot", "Weighted score"),
    "capaian_printed": ("Capaian (dicetak)", "Achievement (printed)"),
    "capaian_recomputed": ("Capaian (hitung ulang)", "Achievement (recomputed)"),
    "sisa": ("Sisa poin", "Open points"),
    "ind_caption": (
        "{n} indikator di bawah 70 %; sisa poin terbesar: {top}.",
        "{n} indicators below 70%; largest open points: {top}.",
    ),
    # BPK
    "h_bpk": ("Opini BPK", "Audit Board (BPK) opinion"),
    "bpk_title": ("Opini BPK atas laporan keuangan", "BPK opinion on the financial statements"),
    "tahun_lk": ("Laporan keuangan tahun", "Financial statements of"),
    "tahun_lkj": ("Dilaporkan di LKj", "Reported in LKj"),
    "opini": ("Opini", "Opinion"),
    "arti": ("Arti", "Meaning"),
    "bpk_note": (
        "Riwayat 2019-2023 hanya digambar di Gambar 3.5; tabel ini memuat angka yang dicetak di Tabel 3.2.",
        "The 2019-2023 history is only drawn in Gambar 3.5; this table holds what Tabel 3.2 prints.",
    ),
    # SPBE
    "h_spbe": ("Sistem Pemerintahan Berbasis Elektronik (SPBE)", "E-government (SPBE)"),
    "spbe_intro": (
        "Indeks SPBE 2024 = Σ bobot aspek × nilai aspek = {i} (dicetak {p}, predikat {k}); nilai aspek = rata-rata "
        "tingkat kematangan indikatornya (Lampiran 8).",
        "SPBE index 2024 = Σ aspect weight × aspect value = {i} (printed {p}, rating {k}); an aspect's value is the "
        "mean maturity level of its indicators (Lampiran 8).",
    ),
    "level": ("Tampilkan", "Show"),
    "lv_domain": ("Domain", "Domains"),
    "lv_aspect": ("Aspek", "Aspects"),
    "cmp_title": (
        "{w} 2024 dibanding rata-rata",
        "{w} 2024 against the averages",
    ),
    "kemnaker": ("Kemnaker", "Kemnaker"),
    "rata_kementerian": ("Rata-rata Kementerian", "Ministry average"),
    "rata_nasional": ("Rata-rata nasional", "National average"),
    "groups_title": (
        "Indeks SPBE 2024 per kelompok",
        "SPBE index 2024 by group",
    ),
    "tab_chart": ("Grafik", "Chart"),
    "tab_table": ("Tabel", "Table"),
    "trend_title": ("{w} 2022–2024", "{w} 2022–2024"),
    "t319": ("Tabel 3.19: nilai per {w}", "Tabel 3.19: value per {w}"),
    "nama": ("Nama", "Name"),
    "domain": ("Domain", "Domain"),
    "aspek": ("Aspek", "Aspect"),
    "bobot_pct": ("Bobot 2024", "Weight 2024"),
    "nilai_y": ("Nilai {y}", "Value {y}"),
    "d4_note": (
        "⚠️ Teks Bab 3.2.2 menyebut Domain Layanan turun {p} poin dari 2023, tetapi Tabel 3.19 memberi {a} → {b}, "
        "turun {d} poin.",
        "⚠️ The Bab 3.2.2 text says the Services domain fell {p} points from 2023, but Tabel 3.19 gives {a} → {b}, "
        "a fall of {d} points.",
    ),
    "h_spbe_ind": ("47 indikator SPBE 2024 (Lampiran 8)", "The 47 SPBE indicators 2024 (Lampiran 8)"),
    "tingkat": ("Tingkat", "Level"),
    "bobot_tingkat": ("Poin indeks per tingkat", "Index points per level"),
    "di_bawah": ("Di bawah target tingkat {m}", "Below target level {m}"),
    "ya": ("ya", "yes"),
    "spbe_ind_caption": (
        "{n} dari 47 indikator di bawah target tingkat kematangan minimal {m} (Lampiran 8). Bobot per tingkat = "
        "bobot aspek ÷ jumlah indikator aspek (laporan tidak mencetak bobot indikator).",
        "{n} of 47 indicators are below the minimum target maturity level {m} (Lampiran 8). Weight per level = "
        "aspect weight ÷ number of the aspect's indicators (the report prints no indicator weights).",
    ),
    # simulator
    "h_sim": ("Simulator Indeks SPBE", "SPBE index simulator"),
    "sim_intro": (
        "Pilih indikator dan ubah tingkat kematangannya; perubahan terkumpul sampai direset. Indeks dihitung ulang "
        "dari 47 tingkat (awal: evaluasi 2024, {i}).",
        "Pick an indicator and change its maturity level; changes add up until reset. The index is recomputed from "
        "the 47 levels (start: the 2024 evaluation, {i}).",
    ),
    "sim_indikator": ("Indikator", "Indicator"),
    "sim_tingkat": ("Tingkat kematangan", "Maturity level"),
    "sim_index": ("Indeks baru", "New index"),
    "sim_delta": ("Perubahan vs {b}", "Change vs {b}"),
    "sim_predikat": ("Predikat baru", "New rating"),
    "sim_changed": ("Indikator diubah", "Indicators changed"),
    "sim_capaian": ("Capaian vs target {t}", "Achievement vs target {t}"),
    "reset": ("Reset ke evaluasi 2024", "Reset to the 2024 evaluation"),
    "apply_path": ("Terapkan jalur", "Apply the path"),
    "bands_title": ("Posisi pada pita predikat (Tabel 3.18)", "Position on the rating bands (Tabel 3.18)"),
    "mark_eval": ("Evaluasi 2024", "2024 evaluation"),
    "mark_sim": ("Simulasi", "Simulation"),
    "changes": ("Perubahan yang disimulasikan", "Simulated changes"),
    "tingkat_awal": ("Tingkat awal", "Original level"),
    "tingkat_baru": ("Tingkat baru", "New level"),
    "delta_index": ("Δ indeks", "Δ index"),
    "h_raises": (
        "Kenaikan satu tingkat dengan tambahan indeks terbesar",
        "Single-level raises that add the most to the index",
    ),
    "peringkat": ("Peringkat", "Rank"),
    "gain": ("Tambahan indeks", "Index gain"),
    "index_baru": ("Indeks sesudahnya", "Index after"),
    "h_path": ("Jalur termurah", "Cheapest path"),
    "goal": ("Sasaran", "Goal"),
    "goal_next": ("Predikat berikutnya", "Next rating"),
    "goal_target": ("Target IKSS {t}", "Indicator target {t}"),
    "path_result": (
        "Menuju **{g}** (indeks ≥ {v}): paling sedikit **{n} kenaikan tingkat**, indeks menjadi {i}.",
        "To reach **{g}** (index ≥ {v}): at least **{n} level raises**, bringing the index to {i}.",
    ),
    "path_none": ("Sasaran sudah tercapai: tidak perlu kenaikan.", "Goal already reached: no raise needed."),
    "path_top": ("Predikat tertinggi (Memuaskan) sudah tercapai.", "The top rating (Memuaskan) is already reached."),
    "langkah": ("Langkah", "Step"),
    "path_count": ("Jumlah kenaikan tingkat", "Number of level raises"),
}
LANG_INDEX = 1 if L == "en" else 0


def s(key: str, **kw: object) -> str:
    """The page's text ``key`` in the run's language (``ui.i18n.page_text`` without a session-state read per call)."""
    text = S[key][LANG_INDEX]
    return text.format(**kw) if kw else text


PREDIKAT_EN = {
    "Memuaskan": "Satisfactory",
    "Sangat Baik": "Very good",
    "Baik": "Good",
    "Cukup": "Fair",
    "Kurang": "Poor",
}
OPINI_MEANING = {
    "WTP": ("Wajar Tanpa Pengecualian", "Unqualified opinion"),
    "WDP": ("Wajar Dengan Pengecualian", "Qualified opinion"),
    "TW": ("Tidak Wajar", "Adverse opinion"),
    "TMP": ("Tidak Menyatakan Pendapat", "Disclaimer of opinion"),
}
COMPONENT_EN = {"RB Generik": "RB General", "RB Tematik": "RB Thematic"}
RB_KOMPONEN_EN = {
    "Strategi Pelaksanaan RB General": "RB General implementation strategy",
    "Capaian Pelaksanaan Kebijakan Reformasi Birokrasi": "RB policy implementation results",
    "Capaian Sasaran Strategis Reformasi Birokrasi": "RB strategic goal results",
    "Capaian Utama RB Tematik": "Main RB Thematic results",
}
SPBE_EN = {
    "D1": "Domain: SPBE policy",
    "D2": "Domain: SPBE governance",
    "D3": "Domain: SPBE management",
    "D4": "Domain: SPBE services",
    "A1": "Internal SPBE governance policy",
    "A2": "Strategic planning",
    "A3": "Information and communication technology",
    "A4": "SPBE organisers",
    "A5": "SPBE management practice",
    "A6": "ICT audit",
    "A7": "Electronic administration services",
    "A8": "Electronic public services",
}
KELOMPOK_EN = {
    "Nasional": "National",
    "Kementerian": "Ministries",
    "LPNK": "Non-ministerial agencies",
    "LNS dan Instansi Lainnya": "Other agencies",
    "Provinsi": "Provinces",
    "Kabupaten": "Regencies",
    "Kota": "Cities",
}


def predikat_label(p: str | None) -> str:
    if p is None:
        return "–"
    return f"{PREDIKAT_EN.get(p, p)} ({p})" if L == "en" else p


def num(v: object, decimals: int = 2) -> str:
    return fmt_number(None if v is None or pd.isna(v) else float(v), decimals, L)


def pct(v: object, decimals: int = 2) -> str:
    return fmt_pct(None if v is None or pd.isna(v) else float(v), decimals, L)


class Table(NamedTuple):
    """A table as shown (Arrow, formatted text), its numeric columns (right-aligned) and the downloads' frame."""

    shown: pa.Table
    raw: pd.DataFrame
    right: tuple[str, ...]


def table(display: pd.DataFrame, raw: pd.DataFrame, right: tuple[str, ...] = ()) -> Table:
    """A :class:`Table` whose display frame is converted to Arrow once (st.dataframe sends an Arrow table as is)."""
    return Table(pa.Table.from_pandas(display, preserve_index=False), raw, right)


def show_table(tab: Table, name: str, key: str, sources: tuple[str, ...], height: int | str = "auto") -> None:
    """A cached :class:`Table` with its source line and downloads (``ui.widgets.formatted_table`` without
    converting and re-scanning every cell on each rerun: the builders say which columns are numeric)."""
    config = {c: st.column_config.TextColumn(c, alignment="right") for c in tab.right}
    st.dataframe(tab.shown, hide_index=True, width="stretch", column_config=config, key=key, height=height)
    source_line(*sources)
    downloads(tab.raw, name, key)


def ikss_tile(
    label: str,
    value: str,
    key: str,
    foot: str,
    capaian: float | None = None,
    status_of_value: float | None = None,
    delta: str | None = None,
    neutral: bool = False,
    help: str | None = None,
) -> None:
    """A bordered metric, its status in words (with the capaian when there is one) and a footnote (the target).

    Like ``ui.widgets.tile`` plus the footnote line, so the label can stay short enough for five tiles in a row.
    """
    with st.container(border=True, key=key):
        st.metric(
            label,
            value,
            delta=delta,
            help=help,
            delta_color="off" if neutral else "normal",
            delta_arrow="off" if neutral else "auto",
        )
        status = status_of(capaian if capaian is not None else status_of_value)
        badge = f"<span style='color:{STATUS_COLOR[status]};font-weight:600'>{status_badge(status)}</span>"
        if capaian is not None:
            badge += f" · {t('capaian')} {pct(capaian)}"
        st.markdown(badge, unsafe_allow_html=True)
        st.caption(foot)


# --- Models --------------------------------------------------------------------------------------
# Everything below is pure per (year, language, data version) and the widget values passed in, so it
# is built once through ui.widgets.built and shared by every rerun and session; the script only draws.
# The ``lang`` argument is part of each cache key: the texts inside follow the run's language.


def spbe_base(year: int, version: int) -> dict:
    """The SPBE frames and the per-indicator lookups the simulator needs, once per data version."""
    ind = data.table("spbe_indicator", year)
    asp = data.table("spbe_aspect", year)
    nomor = ind["nomor"].astype(int).tolist()
    return {
        "ind": ind,
        "asp": asp,
        "bands": data.table("spbe_predikat", year),
        "weights": dict(zip(nomor, spbe.indicator_weights(ind, asp).astype(float).tolist(), strict=True)),
        "levels": dict(zip(nomor, ind["tingkat"].astype(int).tolist(), strict=True)),
        "names": dict(zip(nomor, ind["name"], strict=True)),
        "aspects": dict(zip(nomor, ind["aspect_code"], strict=True)),
        "eval": spbe.spbe_index(ind, asp),
    }


def header_model(year: int, lang: str, version: int) -> dict:
    """The five tiles of the headline row and the notes under them (Tabel 3.2, Bab IV, Lampiran 8)."""
    rows = headline.ikss_table(data.table("ikss"), data.table("ikss_capaian"), year)
    ss2_rows = rows[rows["ss_code"] == SS].set_index("code")
    ss2_capaian = headline.ss_capaian(rows)[SS]
    ss2_printed = data.printed("B4.ss2_capaian", year)
    rb_row, bpk_row, spbe_row = (ss2_rows.loc[c] for c in ("indeks_rb", "opini_bpk", "indeks_spbe"))
    bands = data.table("spbe_predikat", year)
    predikat_now = spbe.predikat(float(spbe_row["realisasi"]), bands)
    predikat_prev = spbe.predikat(float(spbe_row["realisasi_prev"]), bands)
    pf = data.table("printed_figure", year)
    target_predikat = pf.loc[pf["figure"] == "L8.target.predikat", "text_value"]
    target_predikat = str(target_predikat.iloc[0]) if not target_predikat.empty else "Baik"
    target_min_index = data.printed("L8.target.indeks_minimal", year)
    prev_year = int(rb_row["year_prev"])

    def change(row: pd.Series) -> str:
        return f"{signed(float(row['realisasi']) - float(row['realisasi_prev']))} {s('vs')} {prev_year}"

    def prev_help(row: pd.Series) -> str:
        return f"{s('help_capaian')} {s('prev_is', y=prev_year, v=num(row['realisasi_prev']))}"

    tiles = [
        {
            "label": s("tile_ss2"),
            "value": pct(ss2_capaian),
            "key": "ss2_tile_ss2",
            "foot": f"{s('printed')}: {pct(ss2_printed)}",
            "capaian": ss2_capaian,
            "help": s(
                "help_ss2", a=pct(rb_row["capaian_pct"]), b=pct(bpk_row["capaian_pct"]), c=pct(spbe_row["capaian_pct"])
            ),
        },
        {
            "label": s("tile_rb"),
            "value": num(rb_row["realisasi"]),
            "key": "ss2_tile_rb",
            "foot": s("target_is", y=year, t=num(rb_row["target"])),
            "capaian": float(rb_row["capaian_pct"]),
            "delta": change(rb_row),
            "help": prev_help(rb_row),
        },
        {
            "label": s("tile_bpk"),
            "value": str(bpk_row["realisasi_text"]),
            "key": "ss2_tile_bpk",
            "foot": s("target_is", y=year, t=bpk_row["target_text"]),
            "capaian": float(bpk_row["capaian_pct"]),
            "delta": s("prev_is", y=prev_year, v=bpk_row["realisasi_prev_text"]),
            "neutral": True,
            "help": s("help_bpk"),
        },
        {
            "label": s("tile_spbe"),
            "value": num(spbe_row["realisasi"]),
            "key": "ss2_tile_spbe",
            "foot": s("target_is", y=year, t=num(spbe_row["target"])),
            "capaian": float(spbe_row["capaian_pct"]),
            "delta": change(spbe_row),
            "help": prev_help(spbe_row),
        },
        {
            # the predikat has no capaian: its status is the index against the lower bound of the target predikat
            "label": s("tile_predikat"),
            "value": PREDIKAT_EN.get(predikat_now, predikat_now) if lang == "en" else predikat_now,
            "key": "ss2_tile_predikat",
            "foot": s("predikat_target", p=predikat_label(target_predikat), v=num(target_min_index, 1)),
            "status_of_value": capaian_pct(target_min_index, float(spbe_row["realisasi"]))
            if target_min_index
            else None,
            "delta": s("prev_is", y=prev_year, v=predikat_label(predikat_prev)),
            "neutral": True,
        },
    ]
    mean_printed = float(ss2_rows["capaian_printed_pct"].astype(float).mean())
    notes = [s("note_ss2", p=pct(ss2_printed), r=pct(ss2_capaian), q=pct(mean_printed))]
    b4_target = data.printed("B4.rb_target", year)
    if b4_target is not None and abs(b4_target - float(rb_row["target"])) > 1e-9:
        notes.append(
            s(
                "note_rb_target",
                b4=num(b4_target),
                t32=num(rb_row["target"]),
                c=pct(capaian_pct(b4_target, float(rb_row["realisasi"]))),
            )
        )
    return {
        "tiles": tiles,
        "notes": notes,
        "rb_target": float(rb_row["target"]),
        "spbe_target": float(spbe_row["target"]),
        "spbe_realisasi": float(spbe_row["realisasi"]),
    }


def rb_model(year: int, lang: str, version: int, rb_target: float) -> dict:
    """RB: the intro, the component and history charts, Tabel 3.16 and the notes (Tabel 3.16, 3.17, Lampiran 7)."""
    components = data.table("rb_component", year)
    rb_ind = rb.indicator_gaps(data.table("rb_indicator", year))
    eval_year = int(components["tahun_evaluasi"].iloc[0])
    pf = data.table("printed_figure", year)
    kategori = pf.loc[pf["figure"] == "T3.16.predikat", "text_value"]
    comp_name = in_lang(COMPONENT_EN)
    gen = components.set_index("code")["nilai"]
    hist = data.table("rb_history").sort_values("tahun_evaluasi")
    a, b = hist.iloc[-2], hist.iloc[-1]
    d = float(b["indeks"]) - float(a["indeks"])
    gaps = rb.component_gaps(components)
    tem = rb_ind[rb_ind["component_code"] == "TEMATIK"]
    tem_bobot = float(components.set_index("code")["bobot"].get("TEMATIK", 0))
    top = rb_ind.sort_values("gap", ascending=False).head(3)
    headers = (s("bobot"), s("nilai"), s("gap"), s("pct_bobot"))
    return {
        "title": s("h_rb", y=eval_year),
        "intro": s(
            "rb_intro",
            g=num(gen.get("GENERAL")),
            tm=num(gen.get("TEMATIK")),
            i=num(rb.rb_index(components)),
            k=kategori.iloc[0] if not kategori.empty else "–",
        ),
        "components": charts.rb_components(
            [comp_name(n) for n in components["name"]],
            components["nilai"].astype(float).tolist(),
            components["bobot"].astype(float).tolist(),
            lang,
            s("comp_title"),
            s("nilai"),
            s("gap"),
            s("bobot"),
        ),
        "history": charts.index_history(
            [
                s("eval_year", e=int(e), y=int(y)).replace(" (", "\n(")
                for e, y in zip(hist["tahun_evaluasi"], hist["year"], strict=True)
            ],
            hist["indeks"].astype(float).tolist(),
            lang,
            s("hist_title"),
            s("hist_label"),
            target=rb_target,
            target_label=s("target_2024"),
        ),
        "history_note": s(
            "hist_note",
            a=int(a["tahun_evaluasi"]),
            b=int(b["tahun_evaluasi"]),
            d=signed(d),
            p=pct(d / float(a["indeks"]) * 100),
            pp=num(data.printed("B3.2.2.rb.kenaikan_poin", year)),
            ppp=pct(data.printed("B3.2.2.rb.kenaikan_pct", year)),
        ),
        "gaps": table(
            pd.DataFrame(
                {
                    s("komponen"): gaps["name"].map(comp_name),
                    headers[0]: gaps["bobot"].map(num),
                    headers[1]: gaps["nilai"].map(num),
                    headers[2]: gaps["gap"].map(num),
                    headers[3]: gaps["pct_of_bobot"].map(pct),
                }
            ),
            gaps,
            headers,
        ),
        "tematik_note": (
            s("tematik_note", s=num(tem["bobot"].sum(), 0), b=num(tem_bobot, 0), n=num(gen.get("TEMATIK")))
            if abs(tem["bobot"].sum() - tem_bobot) > 1e-9
            else None
        ),
        "ind_caption": s(
            "ind_caption",
            n=int((rb_ind["capaian_recomputed_pct"] < 70).sum()),
            top="; ".join(f"{i} ({num(g)})" for i, g in zip(top["indikator"], top["gap"], strict=True)),
        ),
    }


RB_SORTERS = {
    "nomor": (["nomor"], [True]),
    "capaian_naik": (["capaian_recomputed_pct", "nomor"], [True, True]),
    "capaian_turun": (["capaian_recomputed_pct", "nomor"], [False, True]),
    "gap": (["gap", "nomor"], [False, True]),
}


def rb_indicators_model(year: int, lang: str, version: int, sort_key: str, part: str) -> dict | Table:
    """The 34 indicators of Tabel 3.17 in the chosen order: the chart (``part="chart"``) or the table."""
    components = data.table("rb_component", year)
    by, asc = RB_SORTERS[sort_key]
    rb_sorted = rb.indicator_gaps(data.table("rb_indicator", year)).sort_values(by, ascending=asc)
    rb_sorted = rb_sorted.reset_index(drop=True)
    if part == "chart":
        comp_name = in_lang(COMPONENT_EN)
        comp_labels = {c: comp_name(n) for c, n in zip(components["code"], components["name"], strict=True)}
        return charts.rb_indicators(rb_sorted, lang, s("ind_title"), comp_labels, s("bobot"), s("skor_bobot"))
    numeric = (s("bobot"), s("skor"), s("skor_bobot"), s("capaian_printed"), s("capaian_recomputed"), s("sisa"))
    return table(
        pd.DataFrame(
            {
                s("no"): rb_sorted["nomor"].astype(int).astype(str),
                s("komponen"): rb_sorted["komponen"].map(in_lang(RB_KOMPONEN_EN)),
                s("indikator"): rb_sorted["indikator"],
                numeric[0]: rb_sorted["bobot"].map(num),
                numeric[1]: rb_sorted["skor"].map(num),
                numeric[2]: rb_sorted["skor_bobot"].map(num),
                numeric[3]: rb_sorted["capaian_pct"].map(pct),
                numeric[4]: rb_sorted["capaian_recomputed_pct"].map(pct),
                numeric[5]: rb_sorted["gap"].map(num),
            }
        ),
        rb_sorted.drop(columns=["year", "sumber"], errors="ignore"),
        (s("no"), *numeric),
    )


def bpk_model(year: int, lang: str, version: int) -> dict:
    """The Opini BPK timeline and its table (Tabel 3.2)."""
    bpk = data.table("opini_bpk_history").sort_values("tahun_laporan_keuangan")
    years = bpk["tahun_laporan_keuangan"].astype(int).astype(str)
    return {
        "chart": charts.opini_timeline(years.tolist(), bpk["opini"].tolist(), lang, s("bpk_title")),
        "table": table(
            pd.DataFrame(
                {
                    s("tahun_lk"): years,
                    s("tahun_lkj"): bpk["year"].astype(int).astype(str),
                    s("opini"): bpk["opini"],
                    s("arti"): bpk["opini"].map(lambda o: tr(OPINI_MEANING.get(o, (o, o)))),
                }
            ),
            bpk.drop(columns=["sumber"], errors="ignore"),
        ),
    }


def spbe_model(year: int, lang: str, version: int, spbe_realisasi: float) -> dict:
    """The SPBE intro and the chart of the groups' averages (Lampiran 8)."""
    base = built(spbe_base, year, version)
    pf = data.table("printed_figure", year)
    rata = pf[pf["figure"].str.startswith("L8.rata.SPBE.")]
    kel = in_lang(KELOMPOK_EN)
    group_labels = [kel(lbl.split(", ")[-1].replace(" (Lampiran 8)", "")) for lbl in rata["label"]]
    return {
        "intro": s(
            "spbe_intro",
            i=num(base["eval"], 4),
            p=num(data.printed("L8.indeks_spbe", year)),
            k=predikat_label(spbe.predikat(base["eval"], base["bands"])),
        ),
        "groups": charts.spbe_groups(
            [*group_labels, s("kemnaker")],
            [*rata["value"].astype(float).tolist(), spbe_realisasi],
            s("kemnaker"),
            lang,
            s("groups_title"),
        ),
    }


def spbe_level_model(year: int, lang: str, version: int, level: str) -> dict:
    """Tabel 3.19 per domain or aspect: the comparison and trend charts, the table, the D4 note."""
    frame_all = data.table("spbe_domain" if level == "domain" else "spbe_aspect")
    what = s("lv_" + level)
    now = frame_all[frame_all["year"] == year].sort_values("code")
    names = [f"{c} {SPBE_EN.get(c, n) if lang == 'en' else n}" for c, n in zip(now["code"], now["name"], strict=True)]
    label_of = dict(zip(now["code"], names, strict=True))
    trend = frame_all.assign(label=frame_all["code"].map(label_of)).sort_values(["code", "year"])
    wide = trend.pivot_table(index="code", columns="year", values="nilai", aggfunc="first")
    display = pd.DataFrame({s("nama"): [label_of[c] for c in wide.index]})
    cur = now.set_index("code").loc[wide.index]
    if level == "aspect":
        display[s("domain")] = cur["domain_code"].to_numpy()
    numeric = []
    for y in sorted(int(y) for y in wide.columns):
        numeric.append(s("nilai_y", y=y))
        display[numeric[-1]] = wide[y].map(num).to_numpy()
    numeric += [s("bobot_pct"), s("rata_kementerian"), s("rata_nasional")]
    display[s("bobot_pct")] = cur["bobot_pct"].map(lambda v: pct(v, 1)).to_numpy()
    display[s("rata_kementerian")] = cur["nilai_rata_kementerian"].map(num).to_numpy()
    display[s("rata_nasional")] = cur["nilai_nasional"].map(num).to_numpy()
    d4_note = None
    dom = data.table("spbe_domain").set_index(["code", "year"])["nilai"]
    d4_printed = data.printed("B3.2.2.spbe.D4.penurunan", year)
    if ("D4", year - 1) in dom.index and d4_printed is not None:
        a, b = float(dom[("D4", year - 1)]), float(dom[("D4", year)])
        if abs(a - b - d4_printed) > 0.005:
            d4_note = s("d4_note", p=num(d4_printed), a=num(a), b=num(b), d=num(a - b))
    return {
        "compare": charts.spbe_compare(
            names,
            {
                s("kemnaker"): now["nilai"].astype(float).tolist(),
                s("rata_kementerian"): now["nilai_rata_kementerian"].astype(float).tolist(),
                s("rata_nasional"): now["nilai_nasional"].astype(float).tolist(),
            },
            lang,
            s("cmp_title", w=what),
            height=330 if level == "domain" else 360,
        ),
        "trend": charts.spbe_trend(trend[["year", "label", "nilai"]], lang, s("trend_title", w=what)),
        "table": table(display, frame_all.drop(columns=["sumber"], errors="ignore"), tuple(numeric)),
        "d4_note": d4_note,
    }


def spbe_indicators_model(year: int, lang: str, version: int) -> dict:
    """The 47 SPBE indicators of Lampiran 8 with their index points per level and the ones below target."""
    base = built(spbe_base, year, version)
    ind = base["ind"]
    min_level = data.printed("L8.target.tingkat_indikator", year) or 3
    raw = ind.assign(bobot_per_tingkat=ind["nomor"].astype(int).map(base["weights"])).drop(columns=["year", "sumber"])
    below = s("di_bawah", m=int(min_level))
    return {
        "table": table(
            pd.DataFrame(
                {
                    s("no"): raw["nomor"].astype(str),
                    s("indikator"): raw["name"],
                    s("aspek"): raw["aspect_code"],
                    s("domain"): raw["domain_code"],
                    s("tingkat"): raw["tingkat"].astype(int).astype(str),
                    s("bobot_tingkat"): raw["bobot_per_tingkat"].map(lambda v: num(v, 4)),
                    below: (raw["tingkat"] < min_level).map({True: "⚠️ " + s("ya"), False: ""}),
                }
            ),
            raw,
            (s("no"), s("tingkat"), s("bobot_tingkat")),
        ),
        "caption": s("spbe_ind_caption", n=int((ind["tingkat"] < min_level).sum()), m=int(min_level)),
    }


def sim_model(year: int, lang: str, version: int, levels: tuple[tuple[int, int], ...], target: float) -> dict:
    """The simulated index, its predikat and capaian, the strip chart, the changes and the single raises."""
    base = built(spbe_base, year, version)
    ind, asp, bands, weights = base["ind"], base["asp"], base["bands"], base["weights"]
    chosen = dict(levels)
    index = spbe.spbe_index(ind, asp, chosen)
    cap = capaian_pct(target, round(index, 2))
    changes = None
    if chosen:
        changed = pd.DataFrame(
            {
                "nomor": list(chosen),
                "name": [base["names"][n] for n in chosen],
                "tingkat_awal": [base["levels"][n] for n in chosen],
                "tingkat_baru": list(chosen.values()),
            }
        ).sort_values("nomor")
        changed["delta_index"] = (changed["tingkat_baru"] - changed["tingkat_awal"]) * changed["nomor"].map(weights)
        changes = table(
            pd.DataFrame(
                {
                    s("no"): changed["nomor"].astype(str),
                    s("indikator"): changed["name"],
                    s("tingkat_awal"): changed["tingkat_awal"].astype(str),
                    s("tingkat_baru"): changed["tingkat_baru"].astype(str),
                    s("delta_index"): changed["delta_index"].map(lambda v: signed(v, 4)),
                }
            ),
            changed,
            (s("no"), s("tingkat_awal"), s("tingkat_baru"), s("delta_index")),
        )
    raises = spbe.single_raises(ind, asp, chosen)
    return {
        "index": index,
        "metrics": [
            (s("sim_index"), num(index, 4), num(index, 2)),
            (s("sim_delta", b=num(base["eval"], 4)), signed(index - base["eval"], 4), None),
            (s("sim_predikat"), predikat_label(spbe.predikat(index, bands)), None),
            (s("sim_capaian", t=num(target)), pct(cap), None),
        ],
        "status": status_of(cap),
        "bands": charts.predikat_bands(
            bands,
            {s("mark_eval"): base["eval"], s("mark_sim"): index},
            lang,
            s("bands_title"),
            {p: predikat_label(p) for p in bands["predikat"]},
        ),
        "changes": changes,
        "next": spbe.next_predikat(index, bands),
        "raises": table(
            pd.DataFrame(
                {
                    s("peringkat"): [str(i + 1) for i in range(len(raises))],
                    s("no"): raises["nomor"].astype(str),
                    s("indikator"): raises["name"],
                    s("aspek"): raises["aspect_code"],
                    s("tingkat"): raises["tingkat"].astype(int).astype(str),
                    s("tingkat_baru"): raises["tingkat_baru"].astype(int).astype(str),
                    s("gain"): raises["gain"].map(lambda v: signed(v, 4)),
                    s("index_baru"): raises["index_baru"].map(lambda v: num(v, 4)),
                }
            ),
            raises,
            (s("peringkat"), s("no"), s("tingkat"), s("tingkat_baru"), s("gain"), s("index_baru")),
        ),
    }


def path_model(year: int, lang: str, version: int, levels: tuple[tuple[int, int], ...], goal_value: float) -> dict:
    """The fewest level raises from the simulated levels to ``goal_value`` (kpi.spbe.path_to_index)."""
    base = built(spbe_base, year, version)
    path = spbe.path_to_index(base["ind"], base["asp"], goal_value, dict(levels))
    if path.empty:
        return {"count": 0}
    return {
        "count": len(path),
        "index_after": float(path["index_baru"].iloc[-1]),
        "steps": [(int(n), int(lv)) for n, lv in zip(path["nomor"], path["tingkat_baru"], strict=True)],
        "table": table(
            pd.DataFrame(
                {
                    s("langkah"): [str(i + 1) for i in range(len(path))],
                    s("no"): path["nomor"].astype(str),
                    s("indikator"): path["name"],
                    s("tingkat_baru"): path["tingkat_baru"].astype(int).astype(str),
                    s("gain"): path["gain"].map(lambda v: signed(v, 4)),
                    s("index_baru"): path["index_baru"].map(lambda v: num(v, 4)),
                }
            ),
            path,
            (s("langkah"), s("no"), s("tingkat_baru"), s("gain"), s("index_baru")),
        ),
    }


def page_model(year: int, lang: str, version: int) -> dict:
    """Every section that depends only on (year, language, data version): one cache look-up per rerun."""
    head = header_model(year, lang, version)
    return {
        "head": head,
        "rb": rb_model(year, lang, version, head["rb_target"]),
        "bpk": bpk_model(year, lang, version),
        "spbe": spbe_model(year, lang, version, head["spbe_realisasi"]),
        "base": built(spbe_base, year, version),
    }


# --- 1. Headline ---------------------------------------------------------------------------------

VERSION = data.data_version()
MODEL = built(page_model, YEAR, L, VERSION)
head = MODEL["head"]

st.title(t("page_ss2"))
page_findings("ss2", YEAR)
st.caption(s("ss_caption"))
for column, tile in zip(st.columns(5), head["tiles"], strict=True):
    with column:
        ikss_tile(**tile)
for note in head["notes"]:
    st.caption(note)

# --- 2. Reformasi Birokrasi ------------------------------------------------------------------

st.divider()
rbm = MODEL["rb"]
st.subheader(rbm["title"])
st.markdown(rbm["intro"])
left, right = st.columns([3, 2], gap="medium")
with left:
    vega(rbm["components"], "ss2_rb_components", "Tabel 3.16")
with right:
    vega(rbm["history"], "ss2_rb_history", "Tabel 3.2")
    st.caption(rbm["history_note"])
show_table(rbm["gaps"], "tabel_3_16_rb_komponen", "ss2_rb_comp_table", ("Tabel 3.16", "Lampiran 7"))
if rbm["tematik_note"]:
    st.caption(rbm["tematik_note"])
st.markdown(f"**{s('h_rb_ind')}**")
sort_key = query_choice(
    s("sort"),
    list(RB_SORTERS),
    "rb_urut",
    default="nomor",
    format_func=lambda k: s("sort_" + k),
)
rb_tabs = st.tabs([s("tab_chart"), s("tab_table")], key="ss2_rb_tab", bind="query-params")
with rb_tabs[0]:
    if rb_tabs[0].open:  # only the open tab runs (tabs bound to the URL)
        vega(built(rb_indicators_model, YEAR, L, VERSION, sort_key, "chart"), "ss2_rb_indicators", "Tabel 3.17")
with rb_tabs[1]:
    if rb_tabs[1].open:
        show_table(
            built(rb_indicators_model, YEAR, L, VERSION, sort_key, "table"),
            "tabel_3_17_rb_indikator",
            "ss2_rb_ind_table",
            ("Tabel 3.17",),
            height=34 * 35 + 40,
        )
        st.caption(rbm["ind_caption"])

# --- 3. Opini BPK ----------------------------------------------------------------------------

st.divider()
st.subheader(s("h_bpk"))
bpk = MODEL["bpk"]
bl, br = st.columns([1, 1], gap="medium")
with bl:
    vega(bpk["chart"], "ss2_bpk", "Tabel 3.2")
with br:
    show_table(bpk["table"], "opini_bpk", "ss2_bpk_table", ("Tabel 3.2",))
    st.caption(s("bpk_note"))

# --- 4. SPBE ---------------------------------------------------------------------------------

st.divider()
st.subheader(s("h_spbe"))
sp = MODEL["spbe"]
st.markdown(sp["intro"])
level = query_choice(
    s("level"), ["domain", "aspect"], "spbe_level", default="domain", format_func=lambda k: s("lv_" + k)
)
lv = built(spbe_level_model, YEAR, L, VERSION, level)
sl, sr = st.columns([1, 1], gap="medium")
with sl:
    vega(lv["compare"], "ss2_spbe_compare", "Tabel 3.19", "Lampiran 8")
with sr:
    vega(lv["trend"], "ss2_spbe_trend", "Tabel 3.19")
tl, tr_ = st.columns([2, 3], gap="medium")
with tl:
    vega(sp["groups"], "ss2_spbe_groups", "Lampiran 8")
with tr_:
    show_table(lv["table"], f"tabel_3_19_spbe_{level}", f"ss2_t319_{level}", ("Tabel 3.19", "Lampiran 8"))
    if lv["d4_note"]:
        st.caption(lv["d4_note"])

indicators = st.expander(s("h_spbe_ind"), expanded=False, key="ss2_spbe_ind", on_change="rerun")
if indicators.open:  # the 47 rows are built and sent only when the reader opens them
    with indicators:
        spi = built(spbe_indicators_model, YEAR, L, VERSION)
        show_table(
            spi["table"], "lampiran_8_spbe_indikator", "ss2_spbe_ind_table", ("Lampiran 8",), height=47 * 35 + 40
        )
        st.caption(spi["caption"])

# --- 5. SPBE simulator -----------------------------------------------------------------------

BASE = MODEL["base"]
BASE_LEVELS: dict[int, int] = BASE["levels"]


def _sim_levels() -> dict[int, int]:
    return st.session_state.setdefault(SIM_STATE, {})


def _level_of(nomor: int) -> int:
    return _sim_levels().get(nomor, BASE_LEVELS[nomor])


def _on_pick() -> None:
    st.session_state["sim_tingkat"] = _level_of(int(st.session_state["sim_indikator"]))


def _on_level() -> None:
    nomor, level = int(st.session_state["sim_indikator"]), int(st.session_state["sim_tingkat"])
    levels = _sim_levels()
    if level == BASE_LEVELS[nomor]:
        levels.pop(nomor, None)
    else:
        levels[nomor] = level


def _reset() -> None:
    st.session_state[SIM_STATE] = {}
    st.session_state["sim_tingkat"] = BASE_LEVELS[int(st.session_state["sim_indikator"])]


def _apply(steps: list[tuple[int, int]]) -> None:
    levels = _sim_levels()
    for nomor, level in steps:
        levels[nomor] = level
    _on_pick()


def _path(sim: dict, levels: tuple[tuple[int, int], ...], target: float) -> None:
    st.markdown(f"**{s('h_path')}**")
    goal = st.segmented_control(
        s("goal"),
        ["next", "target"],
        default="next",
        key="sim_goal",
        format_func=lambda g: s("goal_next") if g == "next" else s("goal_target", t=num(target)),
    )
    if goal == "target":
        goal_name, goal_value = s("goal_target", t=num(target)), target
    elif sim["next"] is None:
        st.success(s("path_top"))
        return
    else:
        goal_name, goal_value = predikat_label(sim["next"][0]), sim["next"][1]
    path = built(path_model, YEAR, L, VERSION, levels, goal_value)
    if not path["count"]:
        st.success(s("path_none"))
        return
    st.metric(s("path_count"), str(path["count"]))
    st.markdown(s("path_result", g=goal_name, v=num(goal_value, 2), n=path["count"], i=num(path["index_after"], 4)))
    show_table(path["table"], "simulasi_spbe_jalur", "ss2_sim_path", ("Tabel 3.18", "Lampiran 8"))
    st.button(s("apply_path"), key="sim_apply", on_click=_apply, args=(path["steps"],), icon="✨")


@st.fragment
def simulator() -> None:
    st.caption(s("sim_intro", i=num(BASE["eval"], 4)))
    pick, slide = st.columns([3, 2], gap="medium")
    mark = s("mark_eval").lower()
    nomor = pick.selectbox(
        s("sim_indikator"),
        list(BASE_LEVELS),
        key="sim_indikator",
        on_change=_on_pick,
        format_func=lambda n: f"{n}. {BASE['names'][n]} ({BASE['aspects'][n]}, {mark}: {BASE_LEVELS[n]})",
    )
    st.session_state.setdefault("sim_tingkat", _level_of(int(nomor)))
    slide.slider(
        s("sim_tingkat"),
        spbe.MIN_LEVEL,
        spbe.MAX_LEVEL,
        key="sim_tingkat",
        on_change=_on_level,
        help=f"{s('bobot_tingkat')}: {num(BASE['weights'][int(nomor)], 4)}",
    )
    levels = tuple(sorted(_sim_levels().items()))
    target = head["spbe_target"]
    sim = built(sim_model, YEAR, L, VERSION, levels, target)
    for column, (label, value, help_) in zip(st.columns(4), sim["metrics"], strict=True):
        column.metric(label, value, help=help_)
    column.markdown(status_badge(sim["status"]))
    vega(sim["bands"], "ss2_sim_bands", "Tabel 3.18", "Lampiran 8")
    if sim["changes"] is not None:
        st.markdown(f"**{s('changes')}**")
        show_table(sim["changes"], "simulasi_spbe_perubahan", "ss2_sim_changes", ("Lampiran 8",))
    st.button(s("reset"), key="sim_reset", on_click=_reset, icon="↩️")
    _path(sim, levels, target)
    raises = st.expander(s("h_raises"), key="ss2_sim_raises_open", on_change="rerun")
    if raises.open:  # the ranked list of all single raises is one click away: the path above answers first
        with raises:
            show_table(sim["raises"], "simulasi_spbe_kenaikan_tunggal", "ss2_sim_raises", ("Lampiran 8",), height=420)


st.divider()
st.subheader(s("h_sim"))
simulator()
