"""SS-2 tata kelola: Tabel 3.16-3.19, the RB and Opini BPK rows of Tabel 3.2, Lampiran 7 and 8.

Three places print decimals with a point instead of the Indonesian comma: Tabel 3.18 (``4.2 – 5.0``),
the Lampiran 7 letter (``78.73``) and the Lampiran 8 summary (``3.4225``). Those cells are turned
into the comma form by :func:`_point_decimal` (which accepts nothing but ``digits.digits``) before
they go through ``parse_id_number``.
"""

from __future__ import annotations

import re

import pandas as pd

from data.extract.seed import SeedDoc, clean_cell
from loaders.numbers import parse_id_number

YEAR = 2024
T32, T316, T317, T318, T319 = "Tabel 3.2", "Tabel 3.16", "Tabel 3.17", "Tabel 3.18", "Tabel 3.19"
L7, L8 = "Lampiran 7", "Lampiran 8"
NARRATIVE = "Bab 3.2.2"

# Lampiran 8 numbers the 47 indicators aspect by aspect (PermenPANRB 59/2020); its narrative
# ("Kekuatan dan Kelemahan") names the indicators of each aspect in the same order.
ASPECT_INDICATORS = {
    "A1": range(1, 11),
    "A2": range(11, 15),
    "A3": range(15, 19),
    "A4": range(19, 21),
    "A5": range(21, 29),
    "A6": range(29, 32),
    "A7": range(32, 42),
    "A8": range(42, 48),
}
ASPECT_DOMAIN = {"A1": "D1", "A2": "D2", "A3": "D2", "A4": "D2", "A5": "D3", "A6": "D3", "A7": "D4", "A8": "D4"}
# Lampiran 8 and Tabel 3.19 print domains and aspects in this order.
SPBE_ORDER = ("D1", "A1", "D2", "A2", "A3", "A4", "D3", "A5", "A6", "D4", "A7", "A8")

_BAND = re.compile(r"^(?:(?P<lo>\d+[.,]\d+)\s*[–-]\s*)?(?:<\s*)?(?P<hi>\d+[.,]\d+)\s*(?P<rest>.*)$")


def _num(text: str) -> float:
    value = parse_id_number(text)
    if value is None:
        raise ValueError(f"expected a number, got {text!r}")
    return value


def _point_decimal(text: str) -> str:
    """``78.73`` -> ``78,73`` for the few cells printed with a decimal point (see module doc)."""
    text = text.strip()
    if not re.fullmatch(r"\d+\.\d+", text):
        raise ValueError(f"{text!r} is not a number with a decimal point")
    return text.replace(".", ",")


class _Figures:
    """Collects printed_figure rows."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(
        self, figure: str, label: str, value: float | None, satuan: str, sumber: str, text: str | None = None
    ) -> None:
        self.rows.append(
            {
                "year": YEAR,
                "figure": figure,
                "label": label,
                "value": value,
                "text_value": text,
                "satuan": satuan,
                "sumber": sumber,
            }
        )

    def frame(self) -> pd.DataFrame:
        df = pd.DataFrame(self.rows)
        if df["figure"].duplicated().any():
            raise ValueError(f"duplicate figure ids: {df.loc[df['figure'].duplicated(), 'figure'].tolist()}")
        return df


def _slug(text: str) -> str:
    return re.sub(r"\W+", "_", text.strip().lower()).strip("_")


def _section(doc: SeedDoc, start_pattern: str, end_pattern: str) -> tuple[int, int, str]:
    start = doc.find(start_pattern)
    end = doc.find(end_pattern, start + 1)
    return start, end, "\n".join(doc.lines[start:end])


def _search(pattern: str, text: str) -> re.Match:
    m = re.search(pattern, text, flags=re.S)
    if m is None:
        raise LookupError(f"pattern {pattern!r} not found")
    return m


# --- Reformasi Birokrasi -------------------------------------------------------------------------


def _component_code(name: str) -> str:
    if re.match(r"RB Gener(ik|al)$", name):
        return "GENERAL"
    if name == "RB Tematik":
        return "TEMATIK"
    raise ValueError(f"unknown RB component {name!r}")


def _rb_component(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    out = []
    for row in doc.table_rows(T316):
        c = row.filled
        if c[0] in ("NO", "(1)") or c[0].startswith("---"):
            continue
        if c[0] == "PREDIKAT":
            figs.add("T3.16.predikat", "Predikat Indeks RB (Tabel 3.16)", None, "predikat", T316, c[1].strip("()"))
            continue
        nomor, name, bobot, nilai = c
        if name == "Indeks RB":
            figs.add("T3.16.indeks_rb.bobot", "Bobot Indeks RB (Tabel 3.16)", _num(bobot), "poin", T316)
            figs.add("T3.16.indeks_rb.nilai", "Indeks RB 2023 (Tabel 3.16)", _num(nilai), "indeks", T316)
            continue
        out.append(
            {
                "year": YEAR,
                "code": _component_code(name),
                "name": name,
                "tahun_evaluasi": YEAR - 1,
                "bobot": _num(bobot),
                "nilai": _num(nilai),
                "sumber": T316,
            }
        )
    return pd.DataFrame(out)


def _rb_indicator(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    out = []
    group = None
    for row in doc.table_rows(T317):
        cells = row.cells + [""] * 7
        first = row.filled[0]
        if first == "NO":
            continue
        if first == "RB General":
            group = "GENERAL"
            figs.add("T3.17.rb_general.bobot", "Bobot RB General (Tabel 3.17)", _num(cells[3]), "poin", T317)
            figs.add(
                "T3.17.rb_general.nilai", "Nilai RB General (Tabel 3.17, kolom skor)", _num(cells[4]), "poin", T317
            )
            continue
        if first == "RB Tematik":
            group = "TEMATIK"
            figs.add("T3.17.rb_tematik.bobot", "Bobot RB Tematik (Tabel 3.17)", _num(cells[3]), "poin", T317)
            figs.add(
                "T3.17.rb_tematik.nilai",
                "Nilai RB Tematik (Tabel 3.17, kolom skor bobot)",
                _num(cells[5]),
                "poin",
                T317,
            )
            continue
        if first == "Nilai Total":
            figs.add("T3.17.total.bobot", "Total bobot Indeks RB (Tabel 3.17)", _num(cells[3]), "poin", T317)
            figs.add("T3.17.total.skor_bobot", "Nilai total Indeks RB (Tabel 3.17)", _num(cells[5]), "indeks", T317)
            continue
        if not cells[0].isdigit() or group is None:
            raise ValueError(f"line {row.lineno}: unexpected Tabel 3.17 row {row.filled}")
        out.append(
            {
                "year": YEAR,
                "nomor": int(cells[0]),
                "component_code": group,
                "komponen": cells[1],
                "indikator": cells[2],
                "bobot": _num(cells[3]),
                "skor": _num(cells[4]),
                "skor_bobot": _num(cells[5]),
                "capaian_pct": _num(cells[6]),
                "sumber": T317,
            }
        )
    return pd.DataFrame(out)


def _lampiran7(doc: SeedDoc, figs: _Figures) -> None:
    start = doc.find(r"^Lampiran 7\.")
    end = doc.find(r"^## KATA PENGANTAR", start)
    text = "\n".join(doc.lines[start:end])
    m = _search(r"Indeks RB Kementerian Ketenagakerjaan tahun 2023 adalah (\d+\.\d+) dengan kategori \"(\w+)\"", text)
    figs.add(
        "L7.text.indeks_rb", "Indeks RB 2023 (surat KemenPANRB, kalimat)", _num(_point_decimal(m[1])), "indeks", L7
    )
    figs.add("L7.text.predikat", "Kategori Indeks RB 2023 (surat KemenPANRB, kalimat)", None, "predikat", L7, m[2])
    header = doc.find(r"^No\tPenilaian\tBobot\tNilai", start, end)
    ids = {"RB General": "rb_general", "RB Tematik": "rb_tematik", "Indeks RB": "indeks_rb"}
    for row in doc.rows(header + 1, end):
        c = row.filled
        if not c:
            break
        if len(c) == 1:
            figs.add(
                "L7.predikat",
                "Kategori Indeks RB 2023 (surat KemenPANRB, tabel)",
                None,
                "predikat",
                L7,
                c[0].strip("()"),
            )
            break
        _, name, bobot, nilai = c
        key = ids[name]
        figs.add(f"L7.{key}.bobot", f"Bobot {name} (Lampiran 7)", _num(bobot), "poin", L7)
        figs.add(
            f"L7.{key}.nilai",
            f"Nilai {name} (Lampiran 7)",
            _num(_point_decimal(nilai)),
            "indeks" if key == "indeks_rb" else "poin",
            L7,
        )


def _history(doc: SeedDoc) -> tuple[pd.DataFrame, pd.DataFrame]:
    rb, opini = [], []
    for row in doc.table_rows(T32):
        c = row.filled
        if c[0] == "Indeks Reformasi Birokrasi":
            for year, cell in zip((2022, 2023, 2024), (c[1], c[2], c[4]), strict=True):
                rb.append({"year": year, "tahun_evaluasi": year - 1, "indeks": _num(cell), "sumber": T32})
        elif c[0] == "Opini BPK":
            for year, cell in zip((2022, 2023, 2024), (c[1], c[2], c[4]), strict=True):
                opini.append({"year": year, "tahun_laporan_keuangan": year - 1, "opini": cell, "sumber": T32})
    if len(rb) != 3 or len(opini) != 3:
        raise ValueError("Tabel 3.2: RB or Opini BPK row not found")
    return pd.DataFrame(rb), pd.DataFrame(opini)


def _narrative(doc: SeedDoc, figs: _Figures) -> None:
    _, _, text = _section(doc, r"3\.2\.2\. Sasaran Strategis Ke-2", r"Strategi dan Upaya Kementerian .* SS-2")
    n = NARRATIVE
    m = _search(r"Opini BPK sama dengan tahun sebelumnya yaitu Wajar Tanpa Pengecualian \((\w+)\)", text)
    figs.add("B3.2.2.intro.opini_bpk", "Opini BPK 2024 sama dengan tahun sebelumnya", None, "predikat", n, m[1])
    m = _search(r"Indeks SPBE memiliki capaian kinerja sebesar ([\d,]+) persen", text)
    figs.add("B3.2.2.intro.spbe.capaian_pct", "Capaian kinerja Indeks SPBE 2024 (pengantar SS-2)", _num(m[1]), "pct", n)
    m = _search(r"Reformasi Birokrasi pencapaian kinerjanya sudah cukup baik, yaitu ([\d,]+) persen", text)
    figs.add("B3.2.2.intro.rb.capaian_pct", "Capaian kinerja Indeks RB 2024 (pengantar SS-2)", _num(m[1]), "pct", n)
    m = _search(r"sudah berhasil mencapai ([\d,]+) persen", text)
    figs.add("B3.2.2.intro.ss2.capaian_pct", "Capaian kinerja SS-2 2024 (rata-rata tiga IKSS)", _num(m[1]), "pct", n)

    m = _search(r"Reformasi Birokrasi 2023 sebesar ([\d,]+) dengan kategori \W(\w+)\W", text)
    figs.add("B3.2.2.rb.indeks", "Indeks RB atas pelaksanaan RB 2023", _num(m[1]), "indeks", n)
    figs.add("B3.2.2.rb.kategori", "Kategori Indeks RB atas pelaksanaan RB 2023", None, "predikat", n, m[2])
    m = _search(r"peningkatan nilai indeks sebesar ([\d,]+) poin atau meningkat sebesar ([\d,]+) persen", text)
    figs.add("B3.2.2.rb.kenaikan_poin", "Kenaikan Indeks RB 2023 dibanding RB 2022", _num(m[1]), "poin", n)
    figs.add("B3.2.2.rb.kenaikan_pct", "Kenaikan Indeks RB 2023 dibanding RB 2022, persen", _num(m[2]), "pct", n)
    m = _search(r"Indeks Reformasi Birokrasi yaitu sebesar ([\d,]+) poin", text)
    figs.add("B3.2.2.rb.kenaikan_2020_2024_poin", "Kenaikan Indeks RB 2020-2024 (Gambar 3.4)", _num(m[1]), "poin", n)

    m = _search(
        r"Laporan Keuangan Kementerian Ketenagakerjaan Tahun 2023 adalah Wajar Tanpa Pengecualian \((\w+)\)", text
    )
    figs.add("B3.2.2.opini_bpk.lk2023", "Opini BPK atas Laporan Keuangan 2023", None, "predikat", n, m[1])

    m = _search(
        r"memperoleh nilai\s+([\d,]+) dengan peringkat \W+(\w+)\W+ dimana pada tahun 2023 nilai SPBE "
        r"Kementerian adalah ([\d,]+)\. .*?target indeks SPBE sebesar ([\d,]+) di tahun 2024, maka capaian "
        r"kinerja yang diperoleh adalah sebesar ([\d,]+) persen",
        text,
    )
    figs.add("B3.2.2.spbe.indeks_2024", "Indeks SPBE 2024 (KepmenPANRB 663/2024)", _num(m[1]), "indeks", n)
    figs.add("B3.2.2.spbe.predikat_2024", "Predikat Indeks SPBE 2024", None, "predikat", n, m[2])
    figs.add("B3.2.2.spbe.indeks_2023", "Indeks SPBE 2023", _num(m[3]), "indeks", n)
    figs.add("B3.2.2.spbe.target_2024", "Target Indeks SPBE 2024", _num(m[4]), "indeks", n)
    figs.add("B3.2.2.spbe.capaian_pct", "Capaian kinerja Indeks SPBE 2024", _num(m[5]), "pct", n)

    m = _search(
        r"nilai indeks SPBE tahun 2024 mengalami peningkatan sebesar ([\d,]+) poin.*?"
        r"domain Kebijakan SPBE sebesar ([\d,]+) poin, domain Tata Kelola SPBE sebesar ([\d,]+) dan "
        r"domain Manajemen SPBE sebesar ([\d,]+)\..*?Domain Layanan SPBE .*?penurunan sebesar ([\d,]+) poin",
        text,
    )
    figs.add("B3.2.2.spbe.kenaikan_2024", "Kenaikan Indeks SPBE 2024 dibanding 2023", _num(m[1]), "poin", n)
    for i, (code, name) in enumerate((("D1", "Kebijakan"), ("D2", "Tata Kelola"), ("D3", "Manajemen")), start=2):
        figs.add(
            f"B3.2.2.spbe.{code}.kenaikan_2024",
            f"Kenaikan domain {name} SPBE 2024 dibanding 2023",
            _num(m[i]),
            "poin",
            n,
        )
    figs.add(
        "B3.2.2.spbe.D4.penurunan_2024", "Penurunan domain Layanan SPBE 2024 dibanding 2023", _num(m[5]), "poin", n
    )

    m = _search(
        r"Pencapaian tertinggi Indeks SPBE terjadi pada tahun 2024 yakni ([\d,]+) dengan predikat (\w+)\. "
        r"Sedangkan pada tahun 2022, .*?predikat \**(\w+)\**\. Memperhatikan rata-rata nilai SPBE "
        r"Kementerian sebesar ([\d,]+),",
        text,
    )
    figs.add("B3.2.2.gambar3.7.indeks_2024", "Indeks SPBE 2024 (teks Gambar 3.7)", _num(m[1]), "indeks", n)
    figs.add("B3.2.2.gambar3.7.predikat_2024", "Predikat Indeks SPBE 2024 (teks Gambar 3.7)", None, "predikat", n, m[2])
    figs.add("B3.2.2.gambar3.7.predikat_2022", "Predikat Indeks SPBE 2022 (teks Gambar 3.7)", None, "predikat", n, m[3])
    figs.add(
        "B3.2.2.gambar3.7.rata_kementerian",
        "Rata-rata nilai SPBE Kementerian (teks Gambar 3.7)",
        _num(m[4]),
        "indeks",
        n,
    )


# --- SPBE ----------------------------------------------------------------------------------------


def _band(text: str, decimal_point: bool) -> tuple[float | None, float, str]:
    m = _BAND.match(text.strip())
    if m is None:
        raise ValueError(f"not a predikat band: {text!r}")
    conv = _point_decimal if decimal_point else (lambda s: s)
    lo = _num(conv(m["lo"])) if m["lo"] else None
    return lo, _num(conv(m["hi"])), m["rest"].strip()


def _spbe_predikat(doc: SeedDoc) -> pd.DataFrame:
    out = []
    for row in doc.table_rows(T318):
        c = row.filled
        if c[0] == "NO.":
            continue
        lo, hi, _ = _band(c[1], decimal_point=True)
        out.append(
            {
                "year": YEAR,
                "urutan": int(c[0].rstrip(".")),
                "predikat": c[2],
                "batas_bawah": lo,
                "batas_atas": hi,
                "sumber": T318,
            }
        )
    return pd.DataFrame(out)


def _tabel_319(doc: SeedDoc, figs: _Figures) -> list[dict]:
    """Tabel 3.19 rows as {code, name, nilai per year, rata-rata kementerian}."""
    items = []
    for row in doc.table_rows(T319):
        c = row.filled
        if c[0] == "NAMA INDEKS":
            continue
        if c[0] == "SPBE":
            for col, year in ((1, 2022), (2, 2023), (3, 2024)):
                figs.add(
                    f"T3.19.spbe.nilai_{year}",
                    f"Indeks SPBE Kemnaker {year} (Tabel 3.19)",
                    _num(c[col]),
                    "indeks",
                    T319,
                )
            figs.add(
                "T3.19.spbe.rata_kementerian",
                "Rata-rata Indeks SPBE kementerian (Tabel 3.19)",
                _num(c[4]),
                "indeks",
                T319,
            )
            continue
        items.append(
            {
                "name": c[0],
                "nilai": {2022: _num(c[1]), 2023: _num(c[2]), 2024: _num(c[3])},
                "rata_kementerian": _num(c[4]),
            }
        )
    if len(items) != len(SPBE_ORDER):
        raise ValueError(f"Tabel 3.19: expected {len(SPBE_ORDER)} domain/aspect rows, got {len(items)}")
    for code, item in zip(SPBE_ORDER, items, strict=True):
        if code.startswith("D") != item["name"].startswith("Domain"):
            raise ValueError(f"Tabel 3.19: row {item['name']!r} is not {code}")
        item["code"] = code
    return items


def _lampiran8(doc: SeedDoc, figs: _Figures) -> tuple[dict, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Weights by code, the averages per group, the 47 indicators and the Lampiran 8 predikat bands."""
    start = doc.find(r"^## KATA PENGANTAR", doc.find(r"^Lampiran 7\."))
    # Weights and the predikat bands side by side.
    head = doc.find(r"^Domain dan Aspek Penilaian\tBobot", start)
    weights: dict[str, float] = {}
    bands = []
    for row in doc.rows(head + 1, doc.find(r"^\s*$", head)):
        c = row.cells + [""] * 4
        if c[0] == "NO":
            continue
        m = re.match(r"^(Domain|Aspek) (\d) - (.*)$", c[0])
        if m is None:
            raise ValueError(f"line {row.lineno}: unexpected Lampiran 8 weight row {row.filled}")
        weights[f"{m[1][0]}{m[2]}"] = _num(c[1])
        if c[2]:
            lo, hi, predikat = _band(c[3], decimal_point=False)
            bands.append((int(c[2]), predikat.replace("*)", "").strip(), lo, hi))
    for _urutan, predikat, lo, hi in bands:
        key = _slug(predikat)
        if lo is not None:
            figs.add(
                f"L8.predikat.{key}.batas_bawah", f"Batas bawah predikat {predikat} (Lampiran 8)", lo, "indeks", L8
            )
        figs.add(f"L8.predikat.{key}.batas_atas", f"Batas atas predikat {predikat} (Lampiran 8)", hi, "indeks", L8)
    m = _search(r"Target penilaian: Predikat (\w+) \(indeks minimal ([\d,]+)\)", "\n".join(doc.lines[head : head + 20]))
    figs.add("L8.target.predikat", "Target penilaian SPBE: predikat", None, "predikat", L8, m[1])
    figs.add("L8.target.indeks_minimal", "Target penilaian SPBE: indeks minimal", _num(m[2]), "indeks", L8)

    # Averages per group of institutions.
    avg_head = doc.find(r"^Indeks\tRata-Rata Nilai", head)
    groups = [g for g in doc.rows(avg_head + 1, avg_head + 2)[0].filled]
    avg_rows = []
    order = iter(SPBE_ORDER)
    for row in doc.rows(avg_head + 2, doc.find(r"^\s*$", avg_head)):
        c = row.filled
        values = [_num(v) for v in c[1:]]
        if len(values) != len(groups):
            raise ValueError(f"line {row.lineno}: expected {len(groups)} averages")
        if c[0] == "SPBE":
            for g, v in zip(groups, values, strict=True):
                figs.add(f"L8.rata.SPBE.{_slug(g)}", f"Rata-rata Indeks SPBE 2024, {g} (Lampiran 8)", v, "indeks", L8)
            continue
        code = next(order)
        if code.startswith("D") != c[0].startswith("Domain"):
            raise ValueError(f"line {row.lineno}: {c[0]!r} is not {code}")
        for g, v in zip(groups, values, strict=True):
            avg_rows.append({"year": YEAR, "code": code, "kelompok": g, "nilai": v, "sumber": L8})

    # The index of the ministry.
    idx = doc.find(r"^## INDEKS SPBE – KEMENTERIAN KETENAGAKERJAAN", avg_head)
    m = _search(r"\*\*([\d,]+)\*\*\s*\n\s*\((\w+)\)", "\n".join(doc.lines[idx : idx + 5]))
    figs.add("L8.indeks_spbe", "Indeks SPBE Kemnaker 2024 (Lampiran 8)", _num(m[1]), "indeks", L8)
    figs.add("L8.predikat_spbe", "Predikat Indeks SPBE Kemnaker 2024 (Lampiran 8)", None, "predikat", L8, m[2])
    rest = "\n".join(doc.lines[idx:])
    m = _search(r"menggambarkan predikat (\w+) \((\d+\.\d+)\)", rest)
    figs.add(
        "L8.ringkasan.indeks_spbe",
        "Indeks SPBE Kemnaker 2024, 4 desimal (ringkasan rekomendasi)",
        _num(_point_decimal(m[2])),
        "indeks",
        L8,
    )
    figs.add(
        "L8.ringkasan.predikat_spbe",
        "Predikat Indeks SPBE Kemnaker 2024 (ringkasan rekomendasi)",
        None,
        "predikat",
        L8,
        m[1],
    )
    m = _search(r"Target nilai tingkat kematangan untuk setiap indikator adalah minimal (\d+)", rest)
    figs.add(
        "L8.target.tingkat_indikator", "Target tingkat kematangan minimal tiap indikator", _num(m[1]), "tingkat", L8
    )

    # The 47 indicators.
    ind_head = doc.find(r"^No\tIndikator\tNilai Tingkat Kematangan 2024", idx)
    ind_end = doc.find(r"^\*\*panrb\*\*", ind_head)
    aspect_of = {n: a for a, numbers in ASPECT_INDICATORS.items() for n in numbers}
    indicators = []
    for row in doc.rows(ind_head + 1, ind_end):
        nomor, name, level = row.filled
        tingkat = _num(level)
        aspect = aspect_of[int(nomor)]
        indicators.append(
            {
                "year": YEAR,
                "nomor": int(nomor),
                "name": clean_cell(name),
                "aspect_code": aspect,
                "domain_code": ASPECT_DOMAIN[aspect],
                "tingkat": int(tingkat),
                "sumber": L8,
            }
        )
    ind = pd.DataFrame(indicators)
    if ind["nomor"].tolist() != list(range(1, 48)):
        raise ValueError("Lampiran 8: indicators are not numbered 1-47")
    # The aspect assignment must agree with the indicator names.
    checks = {"A1": "Kebijakan Internal", "A6": "Audit", "A7": "Layanan", "A8": "Layanan"}
    for aspect, word in checks.items():
        names = ind.loc[ind["aspect_code"] == aspect, "name"]
        if not names.str.contains(word).all():
            raise ValueError(f"Lampiran 8: an indicator of {aspect} lacks {word!r}")
    if set(weights) != set(SPBE_ORDER):
        raise ValueError(f"Lampiran 8: weights for {sorted(weights)}")
    return weights, pd.DataFrame(avg_rows), ind, pd.DataFrame(bands)


def _spbe_levels(items: list[dict], weights: dict, averages: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    nasional = averages[averages["kelompok"] == "Nasional"].set_index("code")["nilai"]
    domains, aspects = [], []
    for item in items:
        code = item["code"]
        for year in (2022, 2023, 2024):
            last = year == YEAR
            row = {"year": year, "code": code, "name": item["name"]}
            if code.startswith("A"):
                row["domain_code"] = ASPECT_DOMAIN[code]
            row.update(
                {
                    "bobot_pct": weights[code] if last else None,
                    "nilai": item["nilai"][year],
                    "nilai_rata_kementerian": item["rata_kementerian"] if last else None,
                    "nilai_nasional": float(nasional[code]) if last else None,
                    "sumber": f"{T319}; {L8}" if last else T319,
                }
            )
            (domains if code.startswith("D") else aspects).append(row)
    return pd.DataFrame(domains), pd.DataFrame(aspects)


def extract(doc: SeedDoc) -> dict[str, pd.DataFrame]:
    figs = _Figures()
    rb_component = _rb_component(doc, figs)
    rb_indicator = _rb_indicator(doc, figs)
    _lampiran7(doc, figs)
    rb_history, opini = _history(doc)
    _narrative(doc, figs)
    predikat = _spbe_predikat(doc)
    items = _tabel_319(doc, figs)
    weights, averages, indicators, _ = _lampiran8(doc, figs)
    domains, aspects = _spbe_levels(items, weights, averages)
    return {
        "rb_component": rb_component,
        "rb_indicator": rb_indicator,
        "rb_history": rb_history,
        "opini_bpk_history": opini,
        "spbe_predikat": predikat,
        "spbe_domain": domains,
        "spbe_aspect": aspects,
        "spbe_rata_rata": averages,
        "spbe_indicator": indicators,
        "printed_figure": figs.frame(),
    }
