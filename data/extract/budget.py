"""Budget: Tabel 3.20-3.24 and the budget figures the narrative repeats (Bab 3.3, 3.4, 4, Ringkasan Eksekutif).

Each table has a ``NO`` column (except 3.24), a name column and one column per figure whose
header names the quantity and, in brackets, its year (``PAGU (2023)``, ``REALISASI (Rp) (2024)``).
Columns are mapped from those headers, so a year or column added to a table is read, not lost.
"""

from __future__ import annotations

import re

import pandas as pd

from data.extract.seed import Row, SeedDoc
from loaders.numbers import parse_id_number

YEAR = 2024

PROGRAM_CODES = {
    "Dukungan Manajemen": "WA",
    "Pembinaan Ketenagakerjaan": "DN",
    "Pendidikan dan Pelatihan Vokasi": "DL",
}
UNIT_CODES = {
    "Sekretariat Jenderal": "SETJEN",
    "Inspektorat Jenderal": "ITJEN",
    "Ditjen Binapenta dan PKK": "BINAPENTA",
    "Ditjen PHI dan Jamsos Tenaga Kerja": "PHIJSK",
    "Ditjen Binwasnaker dan K3": "BINWASNAKER",
    "Barenbang": "BARENBANG",
    "Ditjen Binalavotas": "BINALAVOTAS",
}
# Each dekonsentrasi bidang is the field of one Ditjen.
BIDANG_UNITS = {
    "Pembinaan Pendidikan dan Pelatihan Vokasi": "BINALAVOTAS",
    "Pembinaan Penempatan Tenaga Kerja dan Perluasan Kesempatan Kerja": "BINAPENTA",
    "Pembinaan Pengawasan Ketenagakerjaan dan K3": "BINWASNAKER",
    "Pembinaan Hubungan Industrial dan Jaminan Sosial Tenaga Kerja": "PHIJSK",
}
SS_BY_PREFIX = {
    "Terwujudnya tenaga kerja yang kompeten": "SS-1",
    "Meningkatnya tata kelola pemerintahan yang baik": "SS-2",
}

# header text (without the year) -> column name
_HEADER_COLS = {
    "PAGU": "pagu_rp",
    "PAGU (RP)": "pagu_rp",
    "PAGU (Rp)": "pagu_rp",
    "REALISASI": "realisasi_rp",
    "REALISASI (Rp)": "realisasi_rp",
    "REALISASI (RP)": "realisasi_rp",
    "REALISASI (%)": "penyerapan_pct",
    "CAPAIAN %": "penyerapan_pct",
    "CAPAIAN (%)": "capaian_pct",
    "PAGU BLOKIR": "blokir_rp",
    "CAPAIAN ANGGARAN (%)": "capaian_anggaran_pct",
    "CAPAIAN SS (%)": "capaian_ss_pct",
}
_SATUAN = {"rp": "rp", "pct": "pct"}
_YEAR_IN_HEADER = re.compile(r"^(.*?)\s*\((\d{4})\)$")


def _figure(figure: str, label: str, value: float | None, satuan: str, sumber: str, year: int = YEAR) -> dict:
    return {
        "year": year,
        "figure": figure,
        "label": label,
        "value": value,
        "text_value": None,
        "satuan": satuan,
        "sumber": sumber,
    }


def _columns(header: list[str], n_label_cols: int) -> list[tuple[str, int]]:
    """(column name, year) of each figure column of a header row."""
    out = []
    for text in header[n_label_cols:]:
        m = _YEAR_IN_HEADER.match(text)
        base, year = (m.group(1), int(m.group(2))) if m else (text, YEAR)
        if base not in _HEADER_COLS:
            raise ValueError(f"unknown column header {text!r}")
        out.append((_HEADER_COLS[base], year))
    return out


def _read_table(doc: SeedDoc, table_id: str, label_cols: tuple[str, ...]) -> tuple[list[dict], dict]:
    """The detail rows (label cells and figures by (column, year)) and the TOTAL row's figures."""
    rows: list[Row] = doc.table_rows(table_id)
    header = rows[0].cells
    cols = _columns(header, len(label_cols))
    details, total = [], None
    for row in rows[1:]:
        cells = row.cells
        if cells[0] == "TOTAL":
            # The TOTAL label spans the label columns; its figures are the last ones.
            figures = [c for c in cells[1:] if c]
            if len(figures) != len(cols):
                raise ValueError(f"{table_id} line {row.lineno}: TOTAL has {figures}, header {cols}")
            total = {c: parse_id_number(v) for c, v in zip(cols, figures, strict=True)}
            continue
        if len(cells) != len(label_cols) + len(cols):
            raise ValueError(f"{table_id} line {row.lineno}: expected {len(label_cols) + len(cols)} cells, got {cells}")
        rec = dict(zip(label_cols, cells[: len(label_cols)], strict=True))
        rec["values"] = {c: parse_id_number(v) for c, v in zip(cols, cells[len(label_cols) :], strict=True)}
        details.append(rec)
    if total is None:
        raise ValueError(f"{table_id}: no TOTAL row")
    return details, total


def _tidy(
    details: list[dict], code_col: str, codes: dict[str, str], name_col: str, value_cols: list[str], sumber: str
) -> pd.DataFrame:
    """One row per entity per year of the printed columns."""
    years = sorted({y for d in details for (_, y) in d["values"]})
    out = []
    for year in years:
        for d in details:
            name = d[name_col]
            if name not in codes:
                raise ValueError(f"{sumber}: no code for {name!r}")
            rec = {"year": year, code_col: codes[name]}
            if "NO" in d:
                no = parse_id_number(d["NO"])
                rec["urutan"] = int(no) if no is not None else None
            rec[name_col] = name
            for col in value_cols:
                rec[col] = d["values"].get((col, year))
            rec["sumber"] = sumber
            out.append(rec)
    return pd.DataFrame(out)


def _total_figures(prefix: str, total: dict, what: str, sumber: str) -> list[dict]:
    labels = {
        "pagu_rp": "Total pagu",
        "realisasi_rp": "Total realisasi",
        "penyerapan_pct": "Total penyerapan (%)",
        "blokir_rp": "Total pagu blokir",
        "capaian_pct": "Total capaian/penyerapan (%)",
        "capaian_anggaran_pct": "Total capaian anggaran (%)",
        "capaian_ss_pct": "Capaian SS rata-rata (%)",
    }
    out = []
    for (col, year), value in total.items():
        satuan = "pct" if col.endswith("_pct") else "rp"
        out.append(
            _figure(
                f"{prefix}.total.{col}.{year}", f"{labels[col]} {year} {what} ({sumber})", value, satuan, sumber, year
            )
        )
    return out


# --- narrative -------------------------------------------------------------------------------

_RP = r"Rp\.?\s?(\d{1,3}(?:\.\d{3})+)"
_PCT = r"(\d+(?:,\d+)?)\s*(?:persen|%)"


def _narrative(
    doc: SeedDoc, start: int, end: int | None, sumber: str, wanted: list[tuple[str, list[tuple[str, str, str, str]]]]
) -> list[dict]:
    """Figures of narrative lines: per line regex, (figure, label, satuan, regex with one group)."""
    out = []
    for line_rx, figures in wanted:
        line = doc.lines[doc.find(line_rx, start, end)]
        for figure, label, satuan, rx in figures:
            m = re.search(rx, line)
            if not m:
                raise ValueError(f"{figure}: {rx!r} not found in the line matching {line_rx!r}")
            out.append(_figure(figure, label, parse_id_number(m.group(1)), satuan, sumber))
    return out


def _narrative_figures(doc: SeedDoc) -> list[dict]:
    b33 = doc.find(r"^#+\s*3\.3\.\s*Analisis Kinerja Anggaran")
    b34 = doc.find(r"^#+\s*3\.4\.\s*Efisiensi Penggunaan Sumber Daya", b33)
    bab4 = doc.find(r"^#+\s*\**PENUTUP", b34)
    lamp = doc.find(r"^#+\s*LAMPIRAN", bab4)
    re_start = doc.find(r"^#+\s*\**RINGKASAN EKSEKUTIF")
    re_end = doc.find(r"^#+\s*\**BAB I\b", re_start)
    out = _narrative(
        doc,
        b33,
        b34,
        "Bab 3.3",
        [
            (
                r"Tahun 2024 memperoleh anggaran sebesar Rp",
                [
                    (
                        "B3.3.pagu_rp",
                        "Pagu anggaran Kemnaker 2024 (narasi, awal 3.3)",
                        "rp",
                        r"anggaran sebesar " + _RP,
                    ),
                ],
            ),
            (
                r"realisasi anggaran Kementerian Ketenagakerjaan tahun 2024 adalah sebesar",
                [
                    (
                        "B3.3.penyerapan_pct",
                        "Realisasi anggaran 2024 terhadap pagu (%)",
                        "pct",
                        r"adalah sebesar " + _PCT,
                    ),
                    ("B3.3.realisasi_rp", "Realisasi anggaran 2024", "rp", r"atau sebesar " + _RP),
                    (
                        "B3.3.target_penyerapan_pct",
                        "Target penyerapan anggaran 2024 (%)",
                        "pct",
                        r"penyerapan anggaran tahun 2024 adalah sebesar " + _PCT,
                    ),
                    (
                        "B3.3.capaian_kinerja_anggaran_pct",
                        "Capaian kinerja anggaran 2024 (realisasi % / target %)",
                        "pct",
                        r"capaian kinerja anggaran Kementerian Ketenagakerjaan adalah sebesar \**" + _PCT,
                    ),
                    (
                        "B3.3.pagu_rp_2",
                        "Pagu anggaran 2024 (narasi, kalimat pagu blokir)",
                        "rp",
                        r"apabila pagu anggaran sebesar " + _RP,
                    ),
                    ("B3.3.blokir_rp", "Pagu blokir 2024", "rp", r"pagu blokir sebesar " + _RP),
                    (
                        "B3.3.penyerapan_excl_blokir_pct",
                        "Realisasi anggaran 2024 terhadap pagu tanpa blokir (%)",
                        "pct",
                        r"tahun 2024 mencapai \**" + _PCT,
                    ),
                    (
                        "B3.3.capaian_excl_blokir_pct",
                        "Realisasi tanpa blokir terhadap target penyerapan (%)",
                        "pct",
                        r"Realisasi tersebut mencapai " + _PCT,
                    ),
                    (
                        "B3.3.target_penyerapan_pct_2",
                        "Target penyerapan anggaran akhir tahun 2024 (%), disebut kedua kali",
                        "pct",
                        r"anggaran 2024 yang sebesar " + _PCT,
                    ),
                ],
            ),
            (
                r"Secara total \(termasuk pagu blokir\)",
                [
                    (
                        "B3.3.kenaikan_pagu_rp",
                        "Kenaikan pagu 2024 (termasuk blokir) terhadap pagu 2023",
                        "rp",
                        r"peningkatan sebesar " + _RP,
                    ),
                    (
                        "B3.3.penurunan_pagu_excl_blokir_rp",
                        "Penurunan pagu 2024 tanpa blokir terhadap pagu 2023",
                        "rp",
                        r"penurunan sebesar " + _RP,
                    ),
                ],
            ),
        ],
    )
    out += _narrative(
        doc,
        b34,
        bab4,
        "Bab 3.4",
        [
            (
                r"rata-rata capaian sasaran strategis",
                [
                    (
                        "B3.4.capaian_ss_rata_pct",
                        "Rata-rata capaian sasaran strategis 2024 (%)",
                        "pct",
                        r"tahun 2024 adalah sebesar " + _PCT,
                    ),
                    (
                        "B3.4.penyerapan_pct",
                        "Penggunaan anggaran dari pagu 2024 (%)",
                        "pct",
                        r"pagu kementerian sebesar " + _PCT,
                    ),
                ],
            ),
        ],
    )
    out += _narrative(
        doc,
        bab4,
        lamp,
        "Bab 4",
        [
            (
                r"^3\. Realisasi anggaran Kementerian Ketenagakerjaan tahun 2024",
                [
                    ("B4.budget.realisasi_rp", "Realisasi anggaran 2024 (Penutup)", "rp", r"mencapai " + _RP),
                    (
                        "B4.budget.penyerapan_pct",
                        "Realisasi 2024 terhadap pagu termasuk blokir (%) (Penutup)",
                        "pct",
                        r"atau " + _PCT,
                    ),
                    (
                        "B4.budget.pagu_rp",
                        "Pagu total 2024 termasuk blokir (Penutup)",
                        "rp",
                        r"blokir\) sebesar " + _RP,
                    ),
                    (
                        "B4.budget.penyerapan_excl_blokir_pct",
                        "Realisasi 2024 terhadap pagu tanpa blokir (%) (Penutup)",
                        "pct",
                        r"dan " + _PCT + r" dari pagu tanpa blokir",
                    ),
                    (
                        "B4.budget.pagu_excl_blokir_rp",
                        "Pagu 2024 tanpa blokir (Penutup)",
                        "rp",
                        r"pagu tanpa blokir sebesar " + _RP,
                    ),
                ],
            ),
        ],
    )
    out += _narrative(
        doc,
        re_start,
        re_end,
        "Ringkasan Eksekutif",
        [
            (
                r"^4\. Kementerian Ketenagakerjaan memperoleh anggaran",
                [
                    (
                        "RE.budget.pagu_rp",
                        "Pagu anggaran 2024 (Ringkasan Eksekutif)",
                        "rp",
                        r"memperoleh anggaran sebesar " + _RP,
                    ),
                    (
                        "RE.budget.realisasi_rp",
                        "Realisasi anggaran 2024 (Ringkasan Eksekutif)",
                        "rp",
                        r"mencapai sebesar " + _RP,
                    ),
                    (
                        "RE.budget.penyerapan_pct",
                        "Realisasi 2024 terhadap pagu (%) (Ringkasan Eksekutif)",
                        "pct",
                        r"atau " + _PCT,
                    ),
                    (
                        "RE.budget.pagu_rp_2",
                        "Pagu anggaran 2024, disebut kedua kali (Ringkasan Eksekutif)",
                        "rp",
                        r"dari pagu anggaran sebesar " + _RP,
                    ),
                    (
                        "RE.budget.pagu_excl_blokir_rp",
                        "Pagu 2024 tanpa blokir (Ringkasan Eksekutif)",
                        "rp",
                        r"pagu tanpa blokir yang sebesar " + _RP,
                    ),
                    (
                        "RE.budget.penyerapan_excl_blokir_pct",
                        "Realisasi 2024 terhadap pagu tanpa blokir (%) (Ringkasan Eksekutif)",
                        "pct",
                        r"mencapai sebesar " + _PCT,
                    ),
                ],
            ),
        ],
    )
    return out


# --- tables ----------------------------------------------------------------------------------


def extract(doc: SeedDoc) -> dict[str, pd.DataFrame]:
    figures: list[dict] = []

    details, total = _read_table(doc, "Tabel 3.20", ("NO", "program_name"))
    program = _tidy(
        details,
        "program_code",
        PROGRAM_CODES,
        "program_name",
        ["pagu_rp", "realisasi_rp", "penyerapan_pct"],
        "Tabel 3.20",
    )
    figures += _total_figures("T3.20", total, "per program", "Tabel 3.20")

    details, total = _read_table(doc, "Tabel 3.21", ("NO", "unit_name"))
    unit = _tidy(
        details, "unit_code", UNIT_CODES, "unit_name", ["pagu_rp", "realisasi_rp", "penyerapan_pct"], "Tabel 3.21"
    )
    figures += _total_figures("T3.21", total, "per unit Eselon I", "Tabel 3.21")

    details, total = _read_table(doc, "Tabel 3.22", ("NO", "unit_name"))
    blokir = _tidy(details, "unit_code", UNIT_CODES, "unit_name", ["blokir_rp"], "Tabel 3.22")
    figures += _total_figures("T3.22", total, "per unit Eselon I", "Tabel 3.22")

    details, total = _read_table(doc, "Tabel 3.23", ("NO", "bidang"))
    dekon = _tidy(
        details, "unit_code", BIDANG_UNITS, "bidang", ["pagu_rp", "realisasi_rp", "capaian_pct"], "Tabel 3.23"
    )
    figures += _total_figures("T3.23", total, "dana dekonsentrasi", "Tabel 3.23")

    details, total = _read_table(doc, "Tabel 3.24", ("sasaran_name",))
    ss_codes = {}
    for d in details:
        code = [c for p, c in SS_BY_PREFIX.items() if d["sasaran_name"].lower().startswith(p.lower())]
        if len(code) != 1:
            raise ValueError(f"Tabel 3.24: cannot tell the SS of {d['sasaran_name']!r}")
        ss_codes[d["sasaran_name"]] = code[0]
    eff = _tidy(
        details,
        "ss_code",
        ss_codes,
        "sasaran_name",
        ["pagu_rp", "realisasi_rp", "capaian_anggaran_pct", "capaian_ss_pct"],
        "Tabel 3.24",
    )
    figures += _total_figures("T3.24", total, "per sasaran strategis", "Tabel 3.24")

    figures += _narrative_figures(doc)
    return {
        "budget_program": program,
        "budget_unit": unit,
        "budget_blokir": blokir,
        "dekonsentrasi": dekon,
        "efficiency_ss": eff,
        "printed_figure": pd.DataFrame(figures),
    }
