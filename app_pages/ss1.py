"""SS-1 Produktivitas: the IKSS, its formula worked out, the PyB programmes, a what-if and the supporting tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import NamedTuple

import pandas as pd
import streamlit as st

from kpi import productivity as prod
from kpi.capaian import capaian_pct
from kpi.status import status_of
from ui import data
from ui.charts import ss1 as charts
from kpi.format import fmt_number, fmt_pct, fmt_rp, fmt_signed
from ui.i18n import in_lang, lang, page_text, t, tr
from ui.widgets import built, downloads, page_findings, query_choice, source_line, status_badge, tile, vega

L = lang()
signed = partial(fmt_signed, lang=L)
YEAR = 2024
IKSS = "produktivitas"

S: dict[str, tuple[str, str]] = {
    "ikss": ("Kontribusi terhadap Produktivitas Tenaga Kerja Nasional", "Contribution to national labour productivity"),
    "ss_caption": (
        "Sasaran Strategis 1: tenaga kerja yang kompeten, produktif dan berdaya saing dalam hubungan industrial yang kondusif.",
        "Strategic Goal 1: a competent, productive and competitive workforce in sound industrial relations.",
    ),
    "target": ("Target 2024", "Target 2024"),
    "realisasi": ("Realisasi 2024", "Actual 2024"),
    "capaian": ("Capaian 2024", "Achievement 2024"),
    "vs2022": ("Perubahan sejak 2022", "Change since 2022"),
    "poin_vs": ("poin vs", "pts vs"),
    "poin": ("poin persen", "percentage points"),
    "trend_title": ("Realisasi 2022–2024 terhadap target", "Actual 2022–2024 against target"),
    "realisasi_short": ("Realisasi", "Actual"),
    "target_short": ("Target", "Target"),
    "help_capaian": (
        "Capaian = realisasi ÷ target × 100 (Tabel 3.2).",
        "Achievement = actual ÷ target × 100 (Tabel 3.2).",
    ),
    # formula
    "h_formula": ("Rumus dan perhitungan", "Formula and computation"),
    "formula_intro": (
        "Perhitungan terurai setelah Tabel 3.2 (w = rata-rata upah Sakernas Agustus, w̄ = rata-rata UMP; "
        "10 % = bagian pemerintah menurut model OSF 70:20:10):",
        "Worked computation after Tabel 3.2 (w = mean Sakernas wage in August, w̄ = mean provincial minimum wage; "
        "10 % = the government's share under the OSF 70:20:10 model):",
    ),
    "konteks": ("Angka yang dipakai", "Figures used"),
    "konteks_perhitungan": ("Rumus terhitung (PyB penta 709.432)", "Worked computation (PyB penta 709,432)"),
    "konteks_variabel": ("Daftar variabel (PyB penta 709.436)", "Variable list (PyB penta 709,436)"),
    "with_values": ("Dengan angka laporan:", "With the report's figures:"),
    "result": ("Hasil P", "Result P"),
    "printed": ("Dicetak laporan", "Printed in the report"),
    "konteks_note": (
        "Daftar variabel setelah Tabel 3.2 mencetak PyB penta 709.436 orang (sama dengan Tabel 3.3 dan 3.4), "
        "tetapi rumus terhitung menulis 709.432. Selisih 4 orang hanya mengubah P pada desimal kelima "
        "({a} vs {b}); keduanya dibulatkan menjadi 4,01 %. ΔPyB dan PyB formal hanya ada di daftar variabel. "
        "Narasi sebelum rumus menyebut 4,17 %, angka yang tidak dihasilkan oleh rumus mana pun.",
        "The variable list after Tabel 3.2 prints PyB penta 709,436 persons (as Tabel 3.3 and 3.4 do), "
        "but the worked computation writes 709,432. The 4-person gap moves P only in the fifth decimal "
        "({a} vs {b}); both round to 4.01%. ΔPyB and PyB formal appear only in the variable list. "
        "The narrative before the formula says 4.17%, a figure neither formula gives.",
    ),
    "var_table": ("Variabel", "Variable"),
    "h_literal": ("Rumus Tabel 3.1 apa adanya", "Tabel 3.1 formula as printed"),
    "literal_note": (
        "Tabel 3.1 mengalikan kedua suku dengan w̄ (UMP) lalu membagi dengan w (upah Sakernas). Perhitungan "
        "terurai mengalikan suku penciptaan kerja dengan w, sehingga suku itu tidak dikoreksi rasio "
        "UMP/Sakernas ({r}). Dengan angka yang sama, rumus apa adanya memberi {lit}, bukan {p}; laporan memakai {p}.",
        "Tabel 3.1 multiplies both terms by w̄ (minimum wage) and divides by w (Sakernas wage). The worked "
        "computation multiplies the job-creation term by w instead, so that term escapes the "
        "minimum-wage/Sakernas ratio ({r}). With the same figures the literal formula gives {lit}, not {p}; "
        "the report uses {p}.",
    ),
    # contributions
    "h_contrib": ("Sumbangan tiap komponen PyB terhadap P", "What each PyB component adds to P"),
    "contrib_title": ("P disusun dari komponennya (poin persen)", "P built from its components (percentage points)"),
    "komponen": ("Komponen", "Component"),
    "kontribusi": ("Sumbangan (poin persen)", "Contribution (pct points)"),
    "pangsa": ("Pangsa dari P", "Share of P"),
    "contrib_note": (
        "Irisan PyB PHI ∩ Binwas mengurangi P karena pekerja yang dibina kedua Ditjen hanya dihitung sekali.",
        "The PHI ∩ Binwas overlap lowers P because workers coached by both directorates-general count once.",
    ),
    # tables 3.3 / 3.4
    "h_programs": ("Program pendukung dan penciptaan kerja", "Supporting programmes and job creation"),
    "t33_title": ("Tabel 3.3: PyB per Ditjen 2022–2024", "Tabel 3.3: PyB per directorate-general 2022–2024"),
    "t34_title": ("Tabel 3.4: penciptaan tenaga kerja baru", "Tabel 3.4: new jobs created"),
    "total_printed": ("Total (dicetak)", "Total (printed)"),
    "realisasi_y": ("Realisasi {y}", "Actual {y}"),
    "target_y": ("Target {y}", "Target {y}"),
    "capaian_y": ("Capaian {y}", "Achievement {y}"),
    "delta_y": ("Δ {y} vs {p}", "Δ {y} vs {p}"),
    "kode": ("Kode", "Code"),
    "intervensi": ("Intervensi", "Intervention"),
    "pelaksana": ("Pelaksana", "Implementer"),
    # what-if
    "h_whatif": ("Simulasi (what-if)", "What-if simulation"),
    "whatif_intro": (
        "Ubah angka di bawah (awal: angka perhitungan laporan) untuk melihat P dan capaiannya terhadap target 9,85 %.",
        "Change the figures below (starting at the report's computation) to see P and its achievement against the 9.85% target.",
    ),
    "new_p": ("P simulasi", "Simulated P"),
    "new_capaian": ("Capaian simulasi", "Simulated achievement"),
    "gap": ("Kekurangan terhadap target", "Gap to target"),
    "vs_report": ("vs laporan", "vs report"),
    "reset": ("Reset ke nilai laporan", "Reset to report values"),
    "report_value": ("Nilai laporan", "Report value"),
    "h_goal": ("Cari nilai (goal seek)", "Goal seek"),
    "goal_input": ("Ubah input", "Input to change"),
    "goal_target": ("Target P (%)", "Target P (%)"),
    "goal_result": (
        "Agar P = {t}, **{n}** harus menjadi **{v}** (sekarang {c}; selisih {d}), input lain tetap.",
        "For P = {t}, **{n}** must become **{v}** (now {c}; difference {d}), other inputs unchanged.",
    ),
    "goal_unreachable": (
        "{n} saja tidak dapat membawa P ke {t}: menaikkan atau menurunkannya tidak cukup selama input lain tetap.",
        "{n} alone cannot bring P to {t}: no positive value reaches it while the other inputs stay as they are.",
    ),
    "h_sens": ("Kepekaan P terhadap tiap input", "How sensitive P is to each input"),
    "sens_input": ("Input", "Input"),
    "sens_now": ("Nilai sekarang", "Current value"),
    "sens_step": ("Perubahan uji", "Test change"),
    "sens_effect": ("Dampak ke P (poin persen)", "Effect on P (pct points)"),
    "sens_per_point": ("Perubahan untuk +0,1 poin P", "Change for +0.1 pt of P"),
    "orang": ("orang", "persons"),
    # detail tabs
    "h_detail": ("Tabel pendukung", "Supporting tables"),
    "tab_uptp": ("Pelatihan UPTP", "UPTP training"),
    "tab_kejuruan": ("Kejuruan", "Vocations"),
    "tab_blkk": ("BLK Komunitas", "Community BLK"),
    "tab_placement": ("Penempatan DN", "Domestic placement"),
    "tab_pmi": ("PMI per negara", "Migrant workers"),
    "tab_wlkp": ("WLKP", "WLKP"),
    "tab_phi": ("Fokus PHI", "Industrial relations"),
    "tab_jamsos": ("Jamsos", "Social security"),
    "tab_bps": ("Angkatan kerja BPS", "BPS labour force"),
    "uptp": ("UPTP", "Training centre (UPTP)"),
    "peserta": ("peserta", "trainees"),
    "uptp_title": (
        "Tabel 3.6: target dan realisasi pelatihan per UPTP 2024",
        "Tabel 3.6: training target and actual per UPTP 2024",
    ),
    "kejuruan": ("Kejuruan", "Vocation"),
    "no": ("No.", "No."),
    "kejuruan_caption": ("{n} kejuruan yang diselenggarakan pada 2024.", "{n} vocations held in 2024."),
    "blkk_uptp_title": (
        "Tabel 3.7: BLK Komunitas per UPTP pembina s.d. 2024",
        "Tabel 3.7: community BLK per supervising UPTP up to 2024",
    ),
    "blkk_trend_title": ("Tabel 3.8: BLK Komunitas binaan 2022–2024", "Tabel 3.8: community BLK 2022–2024"),
    "mandiri": ("Mandiri", "Independent"),
    "berkembang": ("Berkembang", "Developing"),
    "tumbuh": ("Tumbuh", "Growing"),
    "pembangunan_baru": ("Pembangunan baru", "Newly built"),
    "jumlah_blkk": ("Jumlah BLK-K", "Total BLK-K"),
    "tipe": ("Tipe", "Type"),
    "kriteria": ("Kriteria", "Criterion"),
    "criteria_title": (
        "Tabel 3.9: kriteria klasifikasi BLK Komunitas",
        "Tabel 3.9: community BLK classification criteria",
    ),
    "year_col": ("Tahun", "Year"),
    "placement_title": (
        "Tabel 3.10: penempatan dalam negeri per intervensi 2024",
        "Tabel 3.10: domestic placement per intervention 2024",
    ),
    "nomor": ("No.", "No."),
    "pmi_title": (
        "Tabel 3.11: 10 negara penempatan PMI terbesar 2024",
        "Tabel 3.11: top 10 destinations of Indonesian migrant workers 2024",
    ),
    "negara": ("Negara", "Country"),
    "penempatan_pmi": ("Penempatan PMI (orang)", "Placements (persons)"),
    "wlkp_title": (
        "Tabel 3.12: perusahaan terdaftar WLKP per skala",
        "Tabel 3.12: companies registered in WLKP by size",
    ),
    "skala": ("Skala", "Size"),
    "jumlah_perusahaan": ("Jumlah perusahaan", "Companies"),
    "prev_year": ("Tahun sebelumnya ({y})", "Previous year ({y})"),
    "change_pct": ("Perubahan", "Change"),
    "phi_title": (
        "Tabel 3.13: perusahaan dibina per fokus hubungan industrial",
        "Tabel 3.13: companies coached per industrial-relations focus",
    ),
    "fokus": ("Fokus pembinaan", "Focus"),
    "jamsos_title": (
        "Tabel 3.14: kepesertaan jaminan sosial ketenagakerjaan",
        "Tabel 3.14: employment social security participants",
    ),
    "kategori": ("Kategori peserta", "Participant category"),
    "aktif": ("Aktif", "Active"),
    "non_aktif": ("Non-aktif", "Inactive"),
    "jht": ("JHT", "Old-age (JHT)"),
    "jkk": ("JKK", "Work accident (JKK)"),
    "jkm": ("JKM", "Death (JKM)"),
    "jp": ("JP", "Pension (JP)"),
    "bps_title": (
        "Tabel 3.15: penduduk usia kerja dan angkatan kerja",
        "Tabel 3.15: working-age population and labour force",
    ),
    "bps_unit": ("juta orang, Agustus", "million, August"),
    "tpak_title": ("TPAK (persen)", "Labour force participation rate (%)"),
    "indikator": ("Indikator", "Indicator"),
    "nilai": ("Nilai", "Value"),
    "satuan": ("Satuan", "Unit"),
    "printed_change": ("Perubahan Agt 2023–Agt 2024 (dicetak)", "Change Aug 2023–Aug 2024 (printed)"),
}
s = page_text(S)

INPUT_LABELS: dict[str, tuple[str, str]] = {
    "pyb_vokasi": ("PyB vokasi (orang)", "PyB vocational (persons)"),
    "pyb_penta": ("PyB penta (orang)", "PyB placement (persons)"),
    "pyb_phi": ("PyB PHI (orang)", "PyB industrial relations (persons)"),
    "pyb_binwas": ("PyB Binwas (orang)", "PyB labour inspection (persons)"),
    "pyb_irisan": ("Irisan PyB PHI ∩ Binwas (orang)", "Overlap PHI ∩ Binwas (persons)"),
    "delta_pyb": ("ΔPyB: tambahan penduduk bekerja (orang)", "ΔPyB: growth in employed population (persons)"),
    "pyb_formal": ("PyB formal (orang)", "Formal-sector workers (persons)"),
    "ump_rp": ("Rata-rata UMP (Rp/bulan)", "Mean provincial minimum wage (Rp/month)"),
    "sakernas_wage_rp": ("Rata-rata upah Sakernas (Rp/bulan)", "Mean Sakernas wage (Rp/month)"),
}
COMPONENT_LABELS: dict[str, tuple[str, str]] = {
    "pyb_vokasi": ("PyB Vokasi", "PyB Vocational"),
    "pyb_penta": ("PyB Penta", "PyB Placement"),
    "pyb_phi": ("PyB PHI", "PyB Ind. relations"),
    "pyb_binwas": ("PyB Binwas", "PyB Inspection"),
    "pyb_irisan": ("Irisan PHI ∩ Binwas", "Overlap PHI ∩ Binwas"),
}
WAGES = ("ump_rp", "sakernas_wage_rp")
DENOMINATORS = ("delta_pyb", "pyb_formal", "sakernas_wage_rp")
SKALA_EN = {"Mikro": "Micro", "Kecil": "Small", "Menengah": "Medium", "Besar": "Large"}
TIPE_EN = {"Mandiri": "Independent", "Berkembang": "Developing", "Tumbuh": "Growing"}
BPS_EN = {
    "puk": "Working-age population",
    "angkatan_kerja": "Labour force",
    "bekerja": "Employed",
    "pengangguran": "Unemployed",
    "bukan_angkatan_kerja": "Outside the labour force",
    "tpak": "Participation rate (TPAK)",
    "tpak_laki_laki": "Men",
    "tpak_perempuan": "Women",
}


FORMATTERS: dict[str, Callable[[object, str], str]] = {
    "int": lambda v, lang: fmt_number(v, 0, lang),
    "dec2": lambda v, lang: fmt_number(v, 2, lang),
    "dec4": lambda v, lang: fmt_number(v, 4, lang),
    "dec5": lambda v, lang: fmt_signed(v, 5, lang),
    "pct": lambda v, lang: fmt_pct(v, 2, lang),
    "pct0": lambda v, lang: fmt_pct(v, 0, lang),
    "rp": lambda v, lang: fmt_rp(v, lang),
}


class TableView(NamedTuple):
    """A table ready to draw: what is shown, what the downloads hold, and the column settings."""

    shown: pd.DataFrame
    download: pd.DataFrame
    config: dict


def table_view(raw: pd.DataFrame | Mapping[str, list], columns: dict[str, tuple[str, str]], lang: str) -> TableView:
    """``columns`` maps a column of ``raw`` (a frame or a dict of lists) to (header, kind).

    Kinds in FORMATTERS are numbers shown through kpi.format in ``lang``, right-aligned; ``num_text``
    is an already formatted number (right-aligned); anything else is text. Downloads keep raw values.
    Each frame is made in one go from lists: adding columns one by one costs pandas a millisecond
    or more each, which the what-if pays on every change.
    """
    shown: dict[str, list] = {}
    for col, (header, kind) in columns.items():
        values = list(raw[col])
        if kind in FORMATTERS:
            shown[header] = [FORMATTERS[kind](v, lang) for v in values]
        elif kind == "num_text":
            shown[header] = values
        else:
            shown[header] = ["" if _missing(v) else str(v) for v in values]
    config = {
        header: st.column_config.TextColumn(header, alignment="right")
        for header, kind in columns.values()
        if kind in FORMATTERS or kind == "num_text"
    }
    download = pd.DataFrame({header: list(raw[col]) for col, (header, _) in columns.items()})
    return TableView(pd.DataFrame(shown), download, config)


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def show_view(view: TableView, name: str, key: str, sources: tuple[str, ...]) -> None:
    """A table built by :func:`table_view`, its source line and its download buttons."""
    st.dataframe(view.shown, hide_index=True, width="stretch", column_config=view.config, key=key)
    source_line(*sources)
    downloads(view.download, name, key)


def show_table(
    raw: pd.DataFrame, columns: dict[str, tuple[str, str]], name: str, key: str, sources: tuple[str, ...]
) -> None:
    """:func:`table_view` of ``raw`` drawn by :func:`show_view` (for the detail tabs: one runs per rerun)."""
    show_view(built(table_view, raw, columns, L), name, key, sources)


def plain_tile(label: str, value: str, key: str, delta: str | None = None, delta_color: str = "normal") -> None:
    """A bordered metric without a capaian line (ui.widgets.tile adds one whenever a delta is given)."""
    with st.container(border=True, key=key):
        st.metric(label, value, delta=delta, delta_color=delta_color)


# --- Sections built once per data version and language ---------------------------------------
# Each takes only small arguments (``ui.widgets.built`` hashes them on every rerun) and reads its
# tables through ui.data, whose cache the ``version`` argument follows.


def ikss_figures(version: int) -> tuple[dict[int, float], float, float, float]:
    """The IKSS per year, and the report year's target, realisasi and capaian (Tabel 3.2)."""
    ikss = data.table("ikss_capaian")
    ikss = ikss[ikss["ikss_code"] == IKSS].sort_values("year")
    by_year = dict(zip(ikss["year"].astype(int), ikss["realisasi"].astype(float), strict=True))
    row_now = ikss[ikss["year"] == YEAR].iloc[0]
    target, realisasi = float(row_now["target"]), float(row_now["realisasi"])
    printed_capaian = row_now["capaian_pct"]
    capaian = float(printed_capaian) if pd.notna(printed_capaian) else capaian_pct(target, realisasi)
    return by_year, target, realisasi, capaian


def trend_chart(lang: str, version: int) -> dict:
    """The IKSS realisasi per year against the report year's target (Tabel 3.2)."""
    by_year, target, _, _ = built(ikss_figures, version)
    return charts.ikss_trend(
        list(by_year),
        list(by_year.values()),
        target,
        YEAR,
        lang,
        s("trend_title"),
        s("realisasi_short"),
        s("target_short"),
    )


def formula_inputs(version: int) -> dict[str, prod.PybInputs]:
    """The formula's inputs as the worked computation and as the variable list print them."""
    variables = data.table("pyb_variable", YEAR)
    return {k: prod.inputs_from_variables(variables, k) for k in ("perhitungan", "variabel")}


def variables_view(lang: str, version: int) -> TableView:
    """Both contexts' inputs side by side."""
    inputs = built(formula_inputs, version)
    frame = pd.DataFrame(
        {
            "variable": list(prod.INPUT_NAMES),
            "label": [tr(INPUT_LABELS[n]) for n in prod.INPUT_NAMES],
            "perhitungan": [getattr(inputs["perhitungan"], n) for n in prod.INPUT_NAMES],
            "variabel": [getattr(inputs["variabel"], n) for n in prod.INPUT_NAMES],
        }
    )
    columns = {
        "label": (s("var_table"), "text"),
        "perhitungan": (s("konteks_perhitungan"), "int"),
        "variabel": (s("konteks_variabel"), "int"),
    }
    return table_view(frame, columns, lang)


def contributions_view(konteks: str, lang: str, version: int) -> tuple[dict, TableView]:
    """The waterfall of P's components and their table, for the chosen context."""
    x = built(formula_inputs, version)[konteks]
    parts = prod.component_contributions_pct(x)
    shares = prod.component_shares_pct(x)
    labels = {k: tr(COMPONENT_LABELS[k]) for k in parts}
    spec = charts.contribution_waterfall(parts, labels, "P", lang, s("contrib_title"))
    frame = pd.DataFrame(
        {"komponen": list(labels.values()), "kontribusi": list(parts.values()), "pangsa": [shares[k] for k in parts]}
    )
    columns = {
        "komponen": (s("komponen"), "text"),
        "kontribusi": (s("kontribusi"), "dec4"),
        "pangsa": (s("pangsa"), "pct"),
    }
    return spec, table_view(frame, columns, lang)


def programs_view(lang: str, version: int) -> tuple[dict, TableView, dict, TableView]:
    """Tabel 3.3 (PyB per directorate-general) and 3.4 (job creation): a chart and a table each."""
    pyb = data.table("pyb_program")
    years = sorted(int(y) for y in pyb["year"].unique())
    wide = pyb.pivot_table(index=["urutan", "komponen"], columns="year", values="realisasi").reset_index()
    wide.columns = ["urutan", "komponen", *[f"r{y}" for y in years]]
    now = pyb[pyb["year"] == YEAR].set_index("komponen")
    for col in ("target", "capaian_pct", "delta_pct"):
        wide[col] = wide["komponen"].map(now[col])
    wide = wide.sort_values("urutan")
    wide["label"] = wide["komponen"].map(lambda k: tr(COMPONENT_LABELS[k]))
    total = {f"r{y}": data.printed(f"T3.3.total.realisasi_{y}", y) for y in years} | {
        "target": data.printed(f"T3.3.total.target_{YEAR}", YEAR),
        "capaian_pct": data.printed(f"T3.3.total.capaian_{YEAR}", YEAR),
        "delta_pct": data.printed(f"T3.3.total.delta_{YEAR}", YEAR),
        "label": s("total_printed"),
    }
    series = {f"r{y}": s("realisasi_y", y=y) for y in years} | {"target": s("target_y", y=YEAR)}
    t33_spec = charts.grouped_bars(wide, "label", series, lang, s("t33_title"))
    cols33 = {"label": (s("komponen"), "text")} | {f"r{y}": (s("realisasi_y", y=y), "int") for y in years if y < YEAR}
    cols33 |= {
        "target": (s("target_y", y=YEAR), "int"),
        f"r{YEAR}": (s("realisasi_y", y=YEAR), "int"),
        "capaian_pct": (s("capaian_y", y=YEAR), "pct"),
        "delta_pct": (s("delta_y", y=YEAR, p=YEAR - 1), "pct"),
    }
    t33 = table_view(pd.concat([wide, pd.DataFrame([total])], ignore_index=True), cols33, lang)

    jc = data.table("job_creation")
    jc_years = sorted(int(y) for y in jc["year"].unique())
    jc_totals = {y: data.printed(f"T3.4.total.realisasi_{y}", y) for y in jc_years}
    t34_spec = charts.job_creation_stack(jc, jc_totals, lang, s("t34_title"), s("total_printed"))
    jw = jc.pivot_table(index=["urutan", "kode"], columns="year", values="realisasi").reset_index()
    jw.columns = ["urutan", "kode", *[f"r{y}" for y in jc_years]]
    meta = jc[jc["year"] == YEAR].set_index("kode")
    is_child = meta["parent_kode"].notna() & (meta["parent_kode"].astype("string").fillna("") != "")
    jw["intervensi"] = jw["kode"].map(is_child.map({True: "↳ ", False: ""}) + meta["intervensi"])
    jw["pelaksana"] = jw["kode"].map(meta["pelaksana"])
    jw["delta_pct"] = jw["kode"].map(meta["delta_pct"])
    jw = jw.sort_values("urutan")
    jtotal = {f"r{y}": jc_totals[y] for y in jc_years} | {
        "kode": "",
        "intervensi": s("total_printed"),
        "delta_pct": data.printed(f"T3.4.total.delta_{YEAR}", YEAR),
    }
    cols34 = {"kode": (s("kode"), "text"), "intervensi": (s("intervensi"), "text")}
    cols34 |= {f"r{y}": (s("realisasi_y", y=y), "int") for y in jc_years}
    cols34 |= {"delta_pct": (s("delta_y", y=YEAR, p=YEAR - 1), "pct"), "pelaksana": (s("pelaksana"), "text")}
    t34 = table_view(pd.concat([jw, pd.DataFrame([jtotal])], ignore_index=True), cols34, lang)
    return t33_spec, t33, t34_spec, t34


def uptp_view(lang: str, version: int) -> tuple[dict, TableView]:
    """Tabel 3.6: training target and realisation per UPTP, with the printed total (the first detail tab)."""
    up = data.table("training_uptp", YEAR).sort_values("urutan")
    series = {"target": s("target_short"), "realisasi": s("realisasi_short")}
    spec = charts.grouped_bars(up, "uptp", series, lang, s("uptp_title"))
    total = {"uptp": s("total_printed")} | {
        c: data.printed(f"T3.6.total.{c}", YEAR) for c in ("target", "realisasi", "capaian_pct")
    }
    columns = {
        "uptp": (s("uptp"), "text"),
        "target": (s("target_short"), "int"),
        "realisasi": (s("realisasi_short"), "int"),
        "capaian_pct": (t("capaian"), "pct"),
    }
    return spec, table_view(pd.concat([up, pd.DataFrame([total])], ignore_index=True), columns, lang)


# --- 1. Header -------------------------------------------------------------------------------

VERSION = data.data_version()
by_year, target, realisasi, capaian = built(ikss_figures, VERSION)

st.title(t("page_ss1"))
page_findings("ss1", YEAR)
st.caption(s("ss_caption"))
st.subheader(s("ikss"))

left, right = st.columns([3, 2], gap="medium")
with left:
    c1, c2 = st.columns(2)
    with c1:
        tile(s("target"), fmt_pct(target, 2, L), key="ss1_tile_target")
    with c2:
        plain_tile(
            s("realisasi"),
            fmt_pct(realisasi, 2, L),
            key="ss1_tile_realisasi",
            delta=f"{signed(realisasi - by_year[YEAR - 1])} {s('poin_vs')} {YEAR - 1} ({fmt_pct(by_year[YEAR - 1], 2, L)})",
        )
    c3, c4 = st.columns(2)
    with c3:
        tile(s("capaian"), fmt_pct(capaian, 2, L), capaian=capaian, help=s("help_capaian"), key="ss1_tile_capaian")
    with c4:
        first = min(by_year)
        plain_tile(
            s("vs2022"),
            f"{signed(realisasi - by_year[first])} {tr(('poin', 'pts'))}",
            key="ss1_tile_2022",
            delta=f"{first}: {fmt_pct(by_year[first], 2, L)} → {YEAR}: {fmt_pct(realisasi, 2, L)}",
            delta_color="off",
        )
with right:
    vega(built(trend_chart, L, VERSION), "ss1_trend", "Tabel 3.2")

# --- 2. Formula ------------------------------------------------------------------------------

st.divider()
st.subheader(s("h_formula"))
inputs = built(formula_inputs, VERSION)
p_of = {k: prod.productivity_contribution_pct(x) for k, x in inputs.items()}
printed_p = data.printed("B3.2.1.perhitungan.p", YEAR)

st.markdown(s("formula_intro"))
st.latex(charts.FORMULA_WORKED)
for line in charts.TERMS:
    st.latex(line)
konteks = query_choice(
    s("konteks"), ["perhitungan", "variabel"], "konteks", default="perhitungan", format_func=lambda k: s("konteks_" + k)
)
x_chosen = inputs[konteks]
st.markdown(s("with_values"))
for line in charts.terms_substituted(x_chosen.as_dict(), L):
    st.latex(line)
st.latex(charts.formula_substituted(x_chosen.as_dict(), p_of[konteks], L))
m1, m2, m3 = st.columns(3)
m1.metric(s("result"), fmt_pct(p_of[konteks], 2, L), help=fmt_number(p_of[konteks], 5, L))
m2.metric(s("printed"), fmt_pct(printed_p, 2, L))
m3.metric(s("capaian"), fmt_pct(capaian_pct(target, round(p_of[konteks], 2)), 2, L))
st.info(s("konteks_note", a=fmt_number(p_of["perhitungan"], 5, L), b=fmt_number(p_of["variabel"], 5, L)), icon="ℹ️")

with st.expander(s("var_table")):
    show_view(built(variables_view, L, VERSION), "ss1_variabel", "ss1_var_table", ("Bab 3.2.1",))

literal = prod.productivity_contribution_literal_pct(x_chosen)
with st.container(border=True):
    st.markdown(f"**{s('h_literal')}**")
    st.latex(charts.FORMULA_LITERAL)
    st.latex(charts.formula_substituted(x_chosen.as_dict(), literal, L, literal=True))
    st.markdown(
        s(
            "literal_note",
            r=fmt_number(x_chosen.ump_rp / x_chosen.sakernas_wage_rp, 3, L),
            lit=fmt_pct(literal, 2, L),
            p=fmt_pct(p_of[konteks], 2, L),
        )
    )
    source_line("Tabel 3.1", "Bab 3.2.1")

# --- 3. Contributions ------------------------------------------------------------------------

st.divider()
st.subheader(s("h_contrib"))
waterfall, contrib = built(contributions_view, konteks, L, VERSION)
vega(waterfall, "ss1_waterfall", "Bab 3.2.1")
show_view(contrib, "ss1_kontribusi", "ss1_contrib_table", ("Bab 3.2.1",))
st.caption(s("contrib_note"))

# --- 4. Tabel 3.3 and 3.4 --------------------------------------------------------------------

st.divider()
st.subheader(s("h_programs"))
t33_spec, t33, t34_spec, t34 = built(programs_view, L, VERSION)
vega(t33_spec, "ss1_t33_chart", "Tabel 3.3")
show_view(t33, "tabel_3_3_pyb", "ss1_t33_table", ("Tabel 3.3",))
vega(t34_spec, "ss1_t34_chart", "Tabel 3.4")
show_view(t34, "tabel_3_4_penciptaan_kerja", "ss1_t34_table", ("Tabel 3.4",))

# --- 5. What-if ------------------------------------------------------------------------------

st.divider()
st.subheader(s("h_whatif"))
BASE = inputs["perhitungan"]
REPORT_P = realisasi


def _reset_what_if() -> None:
    for name in prod.INPUT_NAMES:
        st.session_state[f"wi_{name}"] = int(round(getattr(BASE, name)))


def signed_input(name: str, value: float) -> str:
    """A signed change of an input: ``+47.896 orang`` or ``−Rp 142.469``."""
    return ("+" if value >= 0 else "−") + _fmt_input(name, abs(value))


def _fmt_input(name: str, value: float) -> str:
    return fmt_rp(value, L) if name in WAGES else f"{fmt_number(value, 0, L)} {s('orang')}"


def sensitivity_view(values: tuple[float, ...], lang: str) -> TableView:
    """How much P moves for a test change of each input, at the simulated ``values`` (INPUT_NAMES order)."""
    x = prod.PybInputs(*values)
    sens = prod.sensitivity(x)
    steps = {name: 100_000 if name in WAGES else 1_000 for name in prod.INPUT_NAMES}
    orang = s("orang")
    rows = {
        "label": [tr(INPUT_LABELS[name]) for name in prod.INPUT_NAMES],
        "now": list(values),
        "step": [
            ("+" + fmt_rp(step, lang)) if name in WAGES else f"+{fmt_number(step, 0, lang)} {orang}"
            for name, step in steps.items()
        ],
        "effect": [sens[name] * step for name, step in steps.items()],
        "per_point_text": [signed_input(name, 0.1 / sens[name]) if sens[name] else "–" for name in prod.INPUT_NAMES],
    }
    columns = {
        "label": (s("sens_input"), "text"),
        "now": (s("sens_now"), "int"),
        "step": (s("sens_step"), "text"),
        "effect": (s("sens_effect"), "dec5"),
        "per_point_text": (s("sens_per_point"), "num_text"),
    }
    return table_view(rows, columns, lang)


@st.fragment
def what_if() -> None:
    st.caption(s("whatif_intro"))
    for name in prod.INPUT_NAMES:
        st.session_state.setdefault(f"wi_{name}", int(round(getattr(BASE, name))))
    cols = st.columns(3)
    values = {}
    for i, name in enumerate(prod.INPUT_NAMES):
        values[name] = cols[i % 3].number_input(
            tr(INPUT_LABELS[name]),
            min_value=1 if name in DENOMINATORS else 0,
            step=10_000 if name in WAGES else 1_000,
            format="%d",
            key=f"wi_{name}",
            help=f"{s('report_value')}: {_fmt_input(name, getattr(BASE, name))}",
        )
    x = prod.PybInputs(**{k: float(v) for k, v in values.items()})
    p = prod.productivity_contribution_pct(x)
    cap = capaian_pct(target, round(p, 2))  # the report divides the printed, rounded P (4,01 / 9,85)
    r1, r2, r3 = st.columns(3)
    r1.metric(s("new_p"), fmt_pct(p, 2, L), delta=f"{signed(p - REPORT_P)} {s('poin_vs')} {fmt_pct(REPORT_P, 2, L)}")
    r2.metric(s("new_capaian"), fmt_pct(cap, 2, L))
    r2.markdown(status_badge(status_of(cap)))
    r3.metric(s("gap"), f"{fmt_number(max(target - p, 0.0), 2, L)} {tr(('poin', 'pts'))}")
    st.button(s("reset"), key="wi_reset", on_click=_reset_what_if, icon="↩️")

    st.markdown(f"**{s('h_goal')}**")
    g1, g2 = st.columns([2, 1])
    goal_name = g1.selectbox(
        s("goal_input"), list(prod.INPUT_NAMES), key="wi_goal_input", format_func=lambda n: tr(INPUT_LABELS[n])
    )
    goal_target = g2.number_input(
        s("goal_target"), min_value=0.01, value=target, step=0.05, format="%.2f", key="wi_goal_target"
    )
    label = tr(INPUT_LABELS[goal_name])
    try:
        needed = prod.goal_seek(x, goal_name, goal_target)
    except prod.GoalUnreachable:
        st.warning(s("goal_unreachable", n=label, t=fmt_pct(goal_target, 2, L)), icon="🚫")
    else:
        now_v = getattr(x, goal_name)
        diff = needed - now_v
        sign = "+" if diff >= 0 else "−"
        st.success(
            s(
                "goal_result",
                t=fmt_pct(goal_target, 2, L),
                n=label,
                v=_fmt_input(goal_name, needed),
                c=_fmt_input(goal_name, now_v),
                d=sign + _fmt_input(goal_name, abs(diff)),
            ),
            icon="🎯",
        )

    st.markdown(f"**{s('h_sens')}**")
    # not cached: every typed value would be a new entry, pushing the pages' charts out of the cache
    sens = sensitivity_view(tuple(float(values[n]) for n in prod.INPUT_NAMES), L)
    show_view(sens, "ss1_kepekaan", "ss1_sens_table", ("Bab 3.2.1",))


what_if()


# --- 6. Supporting tables --------------------------------------------------------------------

st.divider()
st.subheader(s("h_detail"))
tabs = st.tabs(
    [
        f"{s(k)} ({n})"
        for k, n in (
            ("tab_uptp", "3.6"),
            ("tab_kejuruan", "3.5"),
            ("tab_blkk", "3.7–3.9"),
            ("tab_placement", "3.10"),
            ("tab_pmi", "3.11"),
            ("tab_wlkp", "3.12"),
            ("tab_phi", "3.13"),
            ("tab_jamsos", "3.14"),
            ("tab_bps", "3.15"),
        )
    ],
    key="ss1_tab",
    bind="query-params",
)


def year_pick(name: str, key: str) -> tuple[int, int | None]:
    """A year of ``name`` chosen in the tab (kept in the URL), and the year before it if the table has it."""
    ys = data.years(name)
    y = query_choice(t("year"), sorted(ys, reverse=True), key, default=max(ys))
    return int(y), (int(y) - 1 if int(y) - 1 in ys else None)


with tabs[0]:
    if tabs[0].open:  # only the open tab runs (tabs bound to the URL); this one is open by default
        uptp_spec, uptp = built(uptp_view, L, VERSION)
        vega(uptp_spec, "ss1_uptp_chart", "Tabel 3.6")
        show_view(uptp, "tabel_3_6_pelatihan_uptp", "ss1_uptp_table", ("Tabel 3.6",))

with tabs[1]:
    if tabs[1].open:  # only the open tab runs (tabs bound to the URL)
        kj = data.table("kejuruan", YEAR).sort_values("urutan")
        st.caption(s("kejuruan_caption", n=len(kj)))
        show_table(
            kj,
            {"urutan": (s("no"), "int"), "kejuruan": (s("kejuruan"), "text")},
            "tabel_3_5_kejuruan",
            "ss1_kejuruan_table",
            ("Tabel 3.5",),
        )

with tabs[2]:
    if tabs[2].open:  # only the open tab runs (tabs bound to the URL)
        types = {
            "mandiri": s("mandiri"),
            "berkembang": s("berkembang"),
            "tumbuh": s("tumbuh"),
            "pembangunan_baru": s("pembangunan_baru"),
        }
        bk = data.table("blk_komunitas_uptp", YEAR).sort_values("urutan")
        vega(
            built(charts.grouped_bars, bk, "uptp", types, L, s("blkk_uptp_title"), stacked=True),
            "ss1_blkk_chart",
            "Tabel 3.7",
        )
        bk_total = pd.DataFrame(
            [{"uptp": s("total_printed")} | {c: data.printed(f"T3.7.total.{c}", YEAR) for c in [*types, "jumlah_blkk"]}]
        )
        show_table(
            pd.concat([bk, bk_total], ignore_index=True),
            {"uptp": (s("uptp"), "text")}
            | {c: (h, "int") for c, h in types.items()}
            | {"jumlah_blkk": (s("jumlah_blkk"), "int")},
            "tabel_3_7_blk_komunitas",
            "ss1_blkk_table",
            ("Tabel 3.7",),
        )
        trend = data.table("blk_komunitas_trend").sort_values("year")
        trend["tahun"] = trend["year"].astype(str)
        vega(
            built(charts.grouped_bars, trend, "tahun", types, L, s("blkk_trend_title"), horizontal=False, stacked=True),
            "ss1_blkk_trend_chart",
            "Tabel 3.8",
        )
        show_table(
            trend,
            {"tahun": (s("year_col"), "text")}
            | {c: (h, "int") for c, h in types.items()}
            | {"jumlah_blkk": (s("jumlah_blkk"), "int")},
            "tabel_3_8_blk_komunitas_tren",
            "ss1_blkk_trend_table",
            ("Tabel 3.8",),
        )
        crit = data.table("blk_komunitas_criteria", YEAR).sort_values(
            ["tipe", "urutan"],
            key=lambda c: c.map({"Mandiri": 0, "Berkembang": 1, "Tumbuh": 2}) if c.name == "tipe" else c,
        )
        crit["tipe_label"] = crit["tipe"].map(in_lang(TIPE_EN))
        st.markdown(f"**{s('criteria_title')}**")
        show_table(
            crit,
            {"tipe_label": (s("tipe"), "text"), "urutan": (s("no"), "int"), "kriteria": (s("kriteria"), "text")},
            "tabel_3_9_kriteria_blk_komunitas",
            "ss1_criteria_table",
            ("Tabel 3.9",),
        )

with tabs[3]:
    if tabs[3].open:  # only the open tab runs (tabs bound to the URL)
        pl = data.table("placement_domestic", YEAR).sort_values("urutan")
        pl["short"] = (
            pl["nomor"]
            + " "
            + pl["intervensi"]
            .str.slice(0, 42)
            .where(pl["intervensi"].str.len() <= 42, pl["intervensi"].str.slice(0, 40) + "…")
        )
        vega(
            built(
                charts.grouped_bars,
                pl,
                "short",
                {"target": s("target_short"), "realisasi": s("realisasi_short")},
                L,
                s("placement_title"),
            ),
            "ss1_placement_chart",
            "Tabel 3.10",
        )
        pl_extra = pd.DataFrame(
            [
                {
                    "nomor": "2",
                    "intervensi": tr(("Perluasan Kesempatan Kerja (subtotal)", "Job opportunity expansion (subtotal)")),
                }
                | {c: data.printed(f"T3.10.2.{c}", YEAR) for c in ("target", "realisasi", "capaian_pct")},
                {"nomor": "", "intervensi": s("total_printed")}
                | {c: data.printed(f"T3.10.total.{c}", YEAR) for c in ("target", "realisasi", "capaian_pct")},
            ]
        )
        show_table(
            pd.concat([pl, pl_extra], ignore_index=True),
            {
                "nomor": (s("nomor"), "text"),
                "intervensi": (s("intervensi"), "text"),
                "target": (s("target_short"), "int"),
                "realisasi": (s("realisasi_short"), "int"),
                "capaian_pct": (t("capaian"), "pct0"),
                "pelaksana": (s("pelaksana"), "text"),
            },
            "tabel_3_10_penempatan_dn",
            "ss1_placement_table",
            ("Tabel 3.10",),
        )

with tabs[4]:
    if tabs[4].open:  # only the open tab runs (tabs bound to the URL)
        pm = data.table("pmi_country", YEAR).sort_values("urutan")
        vega(
            built(charts.grouped_bars, pm, "negara", {"penempatan_pmi": s("penempatan_pmi")}, L, s("pmi_title")),
            "ss1_pmi_chart",
            "Tabel 3.11",
        )
        show_table(
            pm,
            {
                "urutan": (s("no"), "int"),
                "negara": (s("negara"), "text"),
                "penempatan_pmi": (s("penempatan_pmi"), "int"),
            },
            "tabel_3_11_pmi_negara",
            "ss1_pmi_table",
            ("Tabel 3.11",),
        )


def year_compare(name: str, category: str, value: str, key: str, order: str = "urutan") -> pd.DataFrame:
    """Rows of the chosen year with the previous year's value and the change beside them."""
    y, prev = year_pick(name, key)
    cur = data.table(name, y).sort_values(order)
    if prev is not None:
        before = data.table(name, prev).set_index(category)[value]
        cur["prev"] = cur[category].map(before)
        cur["change"] = (cur[value] / cur["prev"] - 1) * 100
    else:
        cur["prev"] = None
        cur["change"] = None
    cur.attrs["year"], cur.attrs["prev"] = y, prev
    return cur


with tabs[5]:
    if tabs[5].open:  # only the open tab runs (tabs bound to the URL)
        wl_all = data.table("wlkp_company").copy()
        wl_all["skala_label"] = wl_all["skala"].map(in_lang(SKALA_EN))
        vega(
            built(
                charts.bars_by_year,
                wl_all.sort_values(["urutan", "year"]),
                "skala_label",
                "jumlah_perusahaan",
                L,
                s("wlkp_title"),
                horizontal=True,
            ),
            "ss1_wlkp_chart",
            "Tabel 3.12",
        )
        wl = year_compare("wlkp_company", "skala", "jumlah_perusahaan", "wlkp_year")
        wl["skala_label"] = wl["skala"].map(in_lang(SKALA_EN))
        y = wl.attrs["year"]
        wl_tot = {"skala_label": s("total_printed"), "jumlah_perusahaan": data.printed(f"T3.12.total.{y}", y)}
        if wl.attrs["prev"]:
            p_ = wl.attrs["prev"]
            wl_tot |= {"prev": data.printed(f"T3.12.total.{p_}", p_)}
            wl_tot["change"] = (wl_tot["jumlah_perusahaan"] / wl_tot["prev"] - 1) * 100
        show_table(
            pd.concat([wl, pd.DataFrame([wl_tot])], ignore_index=True),
            {
                "skala_label": (s("skala"), "text"),
                "jumlah_perusahaan": (f"{s('jumlah_perusahaan')} {y}", "int"),
                "prev": (s("prev_year", y=wl.attrs["prev"] or "–"), "int"),
                "change": (s("change_pct"), "pct"),
            },
            f"tabel_3_12_wlkp_{y}",
            "ss1_wlkp_table",
            ("Tabel 3.12",),
        )

with tabs[6]:
    if tabs[6].open:  # only the open tab runs (tabs bound to the URL)
        ph_all = data.table("phi_focus").sort_values(["urutan", "year"])
        vega(
            built(
                charts.bars_by_year, ph_all, "fokus_pembinaan", "jumlah_perusahaan", L, s("phi_title"), horizontal=True
            ),
            "ss1_phi_chart",
            "Tabel 3.13",
        )
        ph = year_compare("phi_focus", "fokus_pembinaan", "jumlah_perusahaan", "phi_year")
        y = ph.attrs["year"]
        show_table(
            ph,
            {
                "fokus_pembinaan": (s("fokus"), "text"),
                "jumlah_perusahaan": (f"{s('jumlah_perusahaan')} {y}", "int"),
                "prev": (s("prev_year", y=ph.attrs["prev"] or "–"), "int"),
                "change": (s("change_pct"), "pct"),
            },
            f"tabel_3_13_fokus_phi_{y}",
            "ss1_phi_table",
            ("Tabel 3.13",),
        )

with tabs[7]:
    if tabs[7].open:  # only the open tab runs (tabs bound to the URL)
        js = data.table("jamsos_participation", YEAR).sort_values("urutan")
        progs = {c: s(c) for c in ("jht", "jkk", "jkm", "jp")}
        vega(
            built(
                charts.grouped_bars,
                js,
                "kategori_peserta",
                {"aktif": s("aktif"), "non_aktif": s("non_aktif")} | progs,
                L,
                s("jamsos_title"),
            ),
            "ss1_jamsos_chart",
            "Tabel 3.14",
        )
        js_total = pd.DataFrame(
            [
                {
                    "kategori_peserta": s("total_printed"),
                    "aktif": data.printed("T3.14.total.aktif", YEAR),
                    "non_aktif": data.printed("T3.14.total.non_aktif", YEAR),
                }
            ]
        )
        show_table(
            pd.concat([js, js_total], ignore_index=True),
            {
                "kategori_peserta": (s("kategori"), "text"),
                "aktif": (s("aktif"), "int"),
                "non_aktif": (s("non_aktif"), "int"),
            }
            | {c: (h, "int") for c, h in progs.items()},
            "tabel_3_14_jamsos",
            "ss1_jamsos_table",
            ("Tabel 3.14",),
        )

with tabs[8]:
    if tabs[8].open:  # only the open tab runs (tabs bound to the URL)
        bps = data.table("labour_force_bps").sort_values(["urutan", "year"]).copy()
        bps["label"] = bps["kode"].map(BPS_EN) if L == "en" else bps["indikator"]
        b1, b2 = st.columns(2)
        with b1:
            vega(
                built(
                    charts.bars_by_year,
                    bps[bps["satuan"] == "juta orang"],
                    "label",
                    "nilai",
                    L,
                    s("bps_title"),
                    horizontal=True,
                    number_format=",.2f",
                    subtitle=s("bps_unit"),
                ),
                "ss1_bps_chart",
                "Tabel 3.15",
            )
        with b2:
            vega(
                built(
                    charts.lines_by_year, bps[bps["satuan"] == "persen"], "label", "nilai", L, s("tpak_title"), unit="%"
                ),
                "ss1_tpak_chart",
                "Tabel 3.15",
            )
        bp = year_compare("labour_force_bps", "kode", "nilai", "bps_year")
        bp["label"] = bp["kode"].map(BPS_EN) if L == "en" else bp["indikator"]
        bp["diff"] = bp["nilai"] - bp["prev"]
        bp["printed_change"] = [
            data.printed(f"T3.15.{k}.perubahan", YEAR) if bp.attrs["year"] == YEAR else None for k in bp["kode"]
        ]
        bp["satuan_label"] = bp["satuan"].map({"juta orang": tr(("juta orang", "million")), "persen": "%"})
        y = bp.attrs["year"]
        show_table(
            bp,
            {
                "label": (s("indikator"), "text"),
                "satuan_label": (s("satuan"), "text"),
                "nilai": (f"{s('nilai')} {y}", "dec2"),
                "prev": (s("prev_year", y=bp.attrs["prev"] or "–"), "dec2"),
                "diff": (tr(("Selisih", "Difference")), "dec2"),
                "printed_change": (s("printed_change"), "dec2"),
            },
            f"tabel_3_15_angkatan_kerja_{y}",
            "ss1_bps_table",
            ("Tabel 3.15",),
        )
