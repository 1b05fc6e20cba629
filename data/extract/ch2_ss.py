"""Units, programs, strategic goals and their indicators: Bab 1.4, Tabel 2.1-2.3, 3.2-3.4, Lampiran 1-4.

Also the SS-1 variable list and worked formula (Bab 3.2.1) and the headline figures of the
Ringkasan Eksekutif, Bab 3.1/3.2.1 and Bab IV, which go to ``printed_figure``.
"""

from __future__ import annotations

import re

import pandas as pd

from data.extract.seed import SeedDoc
from loaders.numbers import parse_id_number

REPORT_YEAR = 2024
# The report gives per-unit/program/IKSS figures for 2022-2024, so the dimensions exist in each.
DIM_YEARS = (2022, 2023, 2024)

# Eselon I units in the order Bab 1.4 lists them: code, pattern on the printed name, short name.
UNITS = (
    ("SETJEN", r"^Sekretariat Jenderal$", "Setjen"),
    ("BINALAVOTAS", r"^Direktorat Jenderal .*Pelatihan Vokasi", "Ditjen Binalavotas"),
    ("BINAPENTA", r"^Direktorat Jenderal .*Penempatan", "Ditjen Binapenta dan PKK"),
    ("PHIJSK", r"^Direktorat Jenderal .*Hubungan Industrial", "Ditjen PHI dan Jamsos"),
    ("BINWASNAKER", r"^Direktorat Jenderal .*Pengawasan", "Ditjen Binwasnaker dan K3"),
    ("ITJEN", r"^Inspektorat Jenderal$", "Itjen"),
    ("BARENBANG", r"^Badan Perencanaan dan Pengembangan", "Barenbang"),
)
PROGRAMS = {
    "Dukungan Manajemen": "WA",
    "Pembinaan Ketenagakerjaan": "DN",
    "Pendidikan dan Pelatihan Vokasi": "DL",
}
# IKSS as printed in Tabel 3.2: code, satuan, jenis.
IKSS = {
    "Kontribusi terhadap Produktivitas Tenaga Kerja Nasional": ("produktivitas", "%", "angka"),
    "Indeks Reformasi Birokrasi": ("indeks_rb", "poin", "angka"),
    "Opini BPK": ("opini_bpk", "opini", "ordinal"),
    "Indeks SPBE": ("indeks_spbe", "poin", "angka"),
}
OPINI = ("WTP", "WDP", "TW", "TMP")
REVISI_BY_MONTH = {"Januari": "januari", "Juni": "juni", "Oktober": "oktober", "Desember": "desember"}
PYB_LABELS = {
    "PYB_Vokasi": "pyb_vokasi",
    "PYB_Penta": "pyb_penta",
    "PYB_Binwas": "pyb_binwas",
    "PYB_PHI": "pyb_phi",
    "PYB_PHI ∩ PYB_Binwas": "pyb_irisan",
}
# The SS-1 variable list after Tabel 3.2, in printed order.
VARIABLE_LIST = (
    (r"PyB_\{vokasi\}", "pyb_vokasi", "orang"),
    (r"PyB_\{penta\}", "pyb_penta", "orang"),
    (r"^\$PyB_\{PHI\}\$$", "pyb_phi", "orang"),
    (r"PyB_\{Binwas\}\$$", "pyb_binwas", "orang"),
    (r"\\cap", "pyb_irisan", "orang"),
    (r"Delta PyB", "delta_pyb", "orang"),
    (r"PyB_\{formal\}", "pyb_formal", "orang"),
    (r"Upah Minimum Provinsi", "ump_avg_rp", "rp"),
    (r"upah Sakernas", "sakernas_wage_rp", "rp"),
)
# The numbers of the worked computation, in the order they are printed:
# ((vokasi + penta) x sakernas) + (((phi + binwas - irisan) x ump) x 10%) / sakernas x 100%.
WORKED_ORDER = (
    "pyb_vokasi",
    "pyb_penta",
    "sakernas_wage_rp",
    "pyb_phi",
    "pyb_binwas",
    "pyb_irisan",
    "ump_avg_rp",
    "sakernas_wage_rp",
)

NUM = r"((?:Rp\.?)?\d[\d.]*(?:,\d+)?)"
"""A number as printed in the narrative (the trailing sentence dot is not part of it)."""

_figures: list[dict] = []


def _num(text: str) -> float | None:
    return parse_id_number(text.strip().rstrip("."))


def _pk_number(text: str) -> float | None:
    """A target of the PK documents (Lampiran 1-4), which print a decimal point: '9.85%', '81.75', '4.0'.

    A dot followed by fewer than three digits cannot be a thousands separator, so it is read as the
    decimal mark (rewritten to a comma) before the text goes to ``parse_id_number``.
    """
    s = text.strip()
    if re.fullmatch(r"\d+\.\d{1,2}%?", s):
        s = s.replace(".", ",")
    return parse_id_number(s)


def _fig(
    figure: str,
    label: str,
    value: float | None,
    satuan: str,
    sumber: str,
    year: int = REPORT_YEAR,
    text_value: str | None = None,
) -> None:
    _figures.append(
        {
            "year": year,
            "figure": figure,
            "label": label,
            "value": value,
            "text_value": text_value,
            "satuan": satuan,
            "sumber": sumber,
        }
    )


def _section(doc: SeedDoc, start_pattern: str, end_pattern: str) -> tuple[int, int, str]:
    start = doc.find(start_pattern)
    end = doc.find(end_pattern, start + 1)
    return start, end, "\n".join(doc.lines[start:end])


def _narrative(text: str, sumber: str, prefix: str, specs: list[tuple[str, list[tuple[str, str, str]]]]) -> None:
    """Each spec is a regex with one group per figure (id suffix, label, satuan) found in ``text``."""
    for pattern, figs in specs:
        m = re.search(pattern, text, flags=re.S)
        if m is None:
            raise LookupError(f"{sumber}: pattern {pattern!r} not found")
        for (suffix, label, satuan), raw in zip(figs, m.groups(), strict=True):
            if satuan == "opini":
                _fig(f"{prefix}.{suffix}", label, None, satuan, sumber, text_value=raw)
            else:
                _fig(f"{prefix}.{suffix}", label, _num(raw), satuan, sumber)


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["year", *columns, "sumber"])


# --- dimensions -------------------------------------------------------------------------------


def _units(doc: SeedDoc) -> pd.DataFrame:
    start, end, _ = _section(doc, r"1\.4\. Struktur Organisasi", r"^\*\*Gambar 1\.2\*\*")
    names = []
    for line in doc.lines[start:end]:
        m = re.match(r"^(\d+)\.\s+(.+?), berada di bawah", line)
        if m:
            names.append(m.group(2))
    rows = []
    for code, pattern, short in UNITS:
        hits = [n for n in names if re.search(pattern, n)]
        if len(hits) != 1:
            raise LookupError(f"unit {code}: {hits}")
        rows += [
            {"year": y, "code": code, "name": hits[0], "short_name": short, "sumber": "Bab 1.4"} for y in DIM_YEARS
        ]
    m = re.search(r"jumlah pegawai sebanyak " + NUM + " orang", "\n".join(doc.lines[start:end]))
    _fig(
        "B1.4.jumlah_pegawai",
        "Jumlah pegawai (ASN) Kementerian Ketenagakerjaan 2024",
        _num(m.group(1)),
        "orang",
        "Bab 1.4",
    )
    return _frame(rows, ["code", "name", "short_name"])


# --- Tabel 2.1, 2.2, 2.3 ------------------------------------------------------------------------


def _sasaran(doc: SeedDoc) -> pd.DataFrame:
    rows = []
    for r in doc.table_rows("Tabel 2.1"):
        c = r.filled
        if not c[0].isdigit():
            continue
        rows += [{"year": y, "code": f"SS-{c[0]}", "name": c[1], "sumber": "Tabel 2.1"} for y in DIM_YEARS]
    return _frame(rows, ["code", "name"])


def _tabel_3_2(doc: SeedDoc) -> tuple[pd.DataFrame, pd.DataFrame]:
    ikss_rows, capaian = [], []
    ss = None
    years = (2022, 2023)
    for r in doc.table_rows("Tabel 3.2"):
        c = r.filled
        m = re.match(r"^(SS-\d)\s", c[0])
        if m:
            ss = m.group(1)
            continue
        if c[0] not in IKSS:
            continue  # header
        code, satuan, jenis = IKSS[c[0]]
        ikss_rows += [
            {
                "year": y,
                "code": code,
                "ss_code": ss,
                "name": c[0],
                "satuan": satuan,
                "arah": "naik",
                "jenis": jenis,
                "sumber": "Tabel 3.2",
            }
            for y in DIM_YEARS
        ]
        real22, real23, target, real24, cap = c[1:6]
        for year, real in zip(years, (real22, real23), strict=True):
            capaian.append(_capaian_row(year, code, None, real, None))
        capaian.append(_capaian_row(REPORT_YEAR, code, target, real24, _num(cap)))
    cols = ["ikss_code", "target", "target_text", "realisasi", "realisasi_text", "capaian_pct"]
    return _frame(ikss_rows, ["code", "ss_code", "name", "satuan", "arah", "jenis"]), _frame(capaian, cols)


def _capaian_row(year: int, code: str, target: str | None, real: str, cap: float | None) -> dict:
    def split(text: str | None) -> tuple[float | None, str | None]:
        if text is None:
            return None, None
        if text in OPINI:
            return None, text
        return _num(text), None

    t, tt = split(target)
    r, rt = split(real)
    return {
        "year": year,
        "ikss_code": code,
        "target": t,
        "target_text": tt,
        "realisasi": r,
        "realisasi_text": rt,
        "capaian_pct": cap,
        "sumber": "Tabel 3.2",
    }


def _tabel_2_2(doc: SeedDoc, ikss: pd.DataFrame) -> None:
    """Tabel 2.2 merges the three SS-2 indicators into one cell: split names and targets in order."""
    names = ikss[ikss["year"] == REPORT_YEAR].set_index("name")["code"]
    for r in doc.table_rows("Tabel 2.2"):
        c = r.filled
        if not re.match(r"^\d\.$", c[0]):
            continue
        label, targets = c[2], c[3].split()
        found = [n for n in names.index if n.lower() in label.lower()]
        found.sort(key=lambda n: label.lower().index(n.lower()))
        if len(found) != len(targets):
            raise ValueError(f"Tabel 2.2: cannot pair {found} with {targets}")
        for name, target in zip(found, targets, strict=True):
            code = names[name]
            if target in OPINI:
                _fig(f"T2.2.target.{code}", f"Target PK 2024 {name}", None, "opini", "Tabel 2.2", text_value=target)
            else:
                satuan = "pct" if target.endswith("%") else "poin"
                _fig(f"T2.2.target.{code}", f"Target PK 2024 {name}", _num(target), satuan, "Tabel 2.2")


def _tabel_2_3(doc: SeedDoc) -> list[dict]:
    rows = []
    table = doc.table_rows("Tabel 2.3")
    header = table[0].filled
    months = [re.search(r"\((\w+)\)", h).group(1).title() for h in header[2:]]
    revisi = [REVISI_BY_MONTH[m] for m in months]
    for r in table[1:]:
        c = r.filled
        if c[0] == "TOTAL":
            for rev, v in zip(revisi, c[1:], strict=True):
                _fig(f"T2.3.total.pagu_{rev}", f"Total pagu PK 2024 ({rev})", _num(v), "rp", "Tabel 2.3")
            continue
        code = PROGRAMS[c[1]]
        for rev, v in zip(revisi, c[2:], strict=True):
            rows.append(
                {"year": REPORT_YEAR, "revisi": rev, "program_code": code, "pagu_rp": _num(v), "sumber": "Tabel 2.3"}
            )
    return rows


def _programs(doc: SeedDoc) -> pd.DataFrame:
    rows = []
    for r in doc.table_rows("Tabel 2.3")[1:]:
        c = r.filled
        if c[1] in PROGRAMS:
            rows += [{"year": y, "code": PROGRAMS[c[1]], "name": c[1], "sumber": "Tabel 2.3"} for y in DIM_YEARS]
    return _frame(rows, ["code", "name"])


# --- Lampiran 1-4: the PK documents -------------------------------------------------------------


def _lampiran_pk(doc: SeedDoc, ikss: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    start = doc.find(r"^## LAMPIRAN")
    end = doc.find(r"^Lampiran 5\.", start)
    names = ikss[ikss["year"] == REPORT_YEAR].set_index("name")["code"]
    lower = {n.lower(): code for n, code in names.items()}
    targets, pagu = [], []
    heads = [i for i in range(start, end) if doc.lines[i].startswith("No\tSasaran Strategis\t")]
    if len(heads) != 4:
        raise LookupError(f"expected 4 PK documents in Lampiran 1-4, found {len(heads)}")
    for n, head in enumerate(heads, start=1):
        sumber = f"Lampiran {n}"
        # The PK is dated on its signature page just before the table ("Jakarta, 30 Juni 2024").
        date_line = max(i for i in range(start, head) if doc.lines[i].startswith("Jakarta,"))
        month = re.search(r"(\w+) 2024", doc.lines[date_line]).group(1)
        rev = REVISI_BY_MONTH[month]
        after = doc.find(r"^Jakarta,", head)
        for r in doc.rows(head + 1, after):
            c = r.filled
            if c[0] == "No":
                continue
            if c[0] == "JUMLAH":
                _fig(f"L{n}.jumlah.anggaran", f"Jumlah anggaran PK 2024 ({rev})", _num(c[1]), "rp", sumber)
            elif c[-2] in PROGRAMS:
                pagu.append(
                    {
                        "year": REPORT_YEAR,
                        "revisi": rev,
                        "program_code": PROGRAMS[c[-2]],
                        "pagu_rp": _num(c[-1]),
                        "sumber": sumber,
                    }
                )
            else:
                code = lower[c[-2].lower()]
                t = c[-1]
                row = {
                    "year": REPORT_YEAR,
                    "revisi": rev,
                    "ikss_code": code,
                    "target": None,
                    "target_text": None,
                    "sumber": sumber,
                }
                if t in OPINI:
                    row["target_text"] = t
                else:
                    row["target"] = _pk_number(t)
                targets.append(row)
    return _frame(targets, ["revisi", "ikss_code", "target", "target_text"]), pagu


# --- SS-1: variables, worked formula, Tabel 3.3, Tabel 3.4 --------------------------------------


def _pyb_variables(doc: SeedDoc) -> pd.DataFrame:
    head = doc.find(r"^VARIABEL MENJADI DASAR PERHITUNGAN IKSS\t")
    rows = []
    table = doc.rows(head + 1, doc.find(r"^---", head))
    for (pattern, variable, satuan), r in zip(VARIABLE_LIST, table, strict=True):
        label, value = r.cells[0], r.cells[1]
        if not re.search(pattern, label):
            raise ValueError(f"variable list: {label!r} is not {variable}")
        value = re.sub(r"^:\s*|\s*orang$", "", value)
        rows.append(
            {
                "year": REPORT_YEAR,
                "variable": variable,
                "konteks": "variabel",
                "nilai": _num(value),
                "satuan": satuan,
                "sumber": "Bab 3.2.1",
            }
        )
    formula = doc.find(r"^\$\$p = ", head)
    numbers = re.findall(r"\d{1,3}(?:\.\d{3})+", doc.lines[formula])
    if len(numbers) != len(WORKED_ORDER):
        raise ValueError(f"worked formula: {numbers}")
    seen: dict[str, float] = {}
    for variable, text in zip(WORKED_ORDER, numbers, strict=True):
        value = _num(text)
        if variable in seen:
            if seen[variable] != value:
                raise ValueError(f"worked formula prints {variable} twice differently")
            continue
        seen[variable] = value
        rows.append(
            {
                "year": REPORT_YEAR,
                "variable": variable,
                "konteks": "perhitungan",
                "nilai": value,
                "satuan": "rp" if variable.endswith("_rp") else "orang",
                "sumber": "Bab 3.2.1",
            }
        )
    result = doc.find(r"^\$\$p = [\d,]+\\%\$\$$", formula + 1)
    m = re.search(r"p = ([\d,]+)\\%", doc.lines[result])
    _fig("B3.2.1.perhitungan.p", "Hasil rumus terhitung SS-1 (P)", _num(m.group(1)), "pct", "Bab 3.2.1")
    return _frame(rows, ["variable", "konteks", "nilai", "satuan"])


def _tabel_3_3(doc: SeedDoc) -> pd.DataFrame:
    table = doc.table_rows("Tabel 3.3")
    rows = []
    for r in table[1:]:
        c = r.cells
        if r.bold:
            label, vals = c[0], c[2:8]
            names = ("realisasi_2022", "realisasi_2023", "target_2024", "realisasi_2024", "capaian_2024", "delta_2024")
            for name, v in zip(names, vals, strict=True):
                kind, year = name.rsplit("_", 1)
                satuan = "pct" if kind in ("capaian", "delta") else "orang"
                _fig(f"T3.3.total.{name}", f"{label}: {kind} {year}", _num(v), satuan, "Tabel 3.3", int(year))
            continue
        urutan = int(c[0].rstrip("."))
        komponen = PYB_LABELS[c[1]]
        r22, r23, target, r24, cap, delta = c[2:8]
        base = {"komponen": komponen, "label": c[1], "urutan": urutan, "sumber": "Tabel 3.3"}
        rows.append(
            {"year": 2022, **base, "target": None, "realisasi": _num(r22), "capaian_pct": None, "delta_pct": None}
        )
        rows.append(
            {"year": 2023, **base, "target": None, "realisasi": _num(r23), "capaian_pct": None, "delta_pct": None}
        )
        rows.append(
            {
                "year": 2024,
                **base,
                "target": _num(target),
                "realisasi": _num(r24),
                "capaian_pct": _num(cap),
                "delta_pct": _num(delta),
            }
        )
    return _frame(rows, ["komponen", "label", "urutan", "target", "realisasi", "capaian_pct", "delta_pct"])


def _tabel_3_4(doc: SeedDoc) -> pd.DataFrame:
    table = doc.table_rows("Tabel 3.4")
    rows = []
    parent = None
    urutan = 0
    for r in table[1:]:
        c = r.cells
        if c[0] == "Total":
            for year, v in zip((2022, 2023, 2024), c[2:5], strict=True):
                _fig(
                    f"T3.4.total.realisasi_{year}",
                    f"Total penciptaan tenaga kerja baru {year}",
                    _num(v),
                    "orang",
                    "Tabel 3.4",
                    year,
                )
            _fig(
                "T3.4.total.delta_2024",
                "Total penciptaan tenaga kerja baru: Δ realisasi 2024",
                _num(c[5]),
                "pct",
                "Tabel 3.4",
            )
            continue
        urutan += 1
        if c[0]:
            kode, parent_kode, intervensi = c[0].rstrip("."), None, c[1]
            parent = kode
        else:
            m = re.match(r"^([a-z])\.\s+(.+)$", c[1])
            kode, parent_kode, intervensi = parent + m.group(1), parent, m.group(2)
        pelaksana = c[6] if len(c) > 6 and c[6] else None
        for i, year in enumerate((2022, 2023, 2024)):
            rows.append(
                {
                    "year": year,
                    "kode": kode,
                    "parent_kode": parent_kode,
                    "urutan": urutan,
                    "intervensi": intervensi,
                    "realisasi": _num(c[2 + i]),
                    "delta_pct": _num(c[5]) if year == 2024 else None,
                    "pelaksana": pelaksana,
                    "sumber": "Tabel 3.4",
                }
            )
    return _frame(rows, ["kode", "parent_kode", "urutan", "intervensi", "realisasi", "delta_pct", "pelaksana"])


# --- narrative figures ---------------------------------------------------------------------------


def _ringkasan(doc: SeedDoc) -> None:
    _, _, text = _section(doc, r"^## \*\*RINGKASAN EKSEKUTIF\*\*", r"^## \*\*BAB I\*\*")
    _narrative(
        text,
        "Ringkasan Eksekutif",
        "RE",
        [
            (
                r"Rata-rata capaian kinerja .*? sebesar " + NUM + " persen",
                [("ss_rata_capaian", "Rata-rata capaian kinerja 2 sasaran strategis", "pct")],
            ),
            (
                r"terealisasi sebesar "
                + NUM
                + r" persen dari target ditahun 2024 sebesar "
                + NUM
                + r" persen\. .*?mencapai sebesar "
                + NUM
                + " persen",
                [
                    ("ss1_realisasi", "Realisasi SS-1 Kontribusi terhadap Produktivitas TK Nasional", "pct"),
                    ("ss1_target", "Target SS-1 Kontribusi terhadap Produktivitas TK Nasional", "pct"),
                    ("ss1_capaian", "Capaian SS-1 Kontribusi terhadap Produktivitas TK Nasional", "pct"),
                ],
            ),
            (
                r"Opini BPK dapat terelasi sesuai target yang ditetapkan yaitu (WTP), .*?sebesar " + NUM + " persen",
                [
                    ("bpk_target", "Target dan realisasi Opini BPK", "opini"),
                    ("bpk_capaian", "Capaian Opini BPK", "pct"),
                ],
            ),
            (
                r"Indeks SPBE terealisasi sebesar "
                + NUM
                + " poin dari target sebesar "
                + NUM
                + r" poin, sehingga capaiannya sebesar "
                + NUM
                + " persen",
                [
                    ("spbe_realisasi", "Realisasi Indeks SPBE", "poin"),
                    ("spbe_target", "Target Indeks SPBE", "poin"),
                    ("spbe_capaian", "Capaian Indeks SPBE", "pct"),
                ],
            ),
            (
                r"Indeks Reformasi Birokrasi mampu terealisasi sebesar "
                + NUM
                + " poin dari target "
                + NUM
                + r" poin, sehingga capaiannya sebesar "
                + NUM
                + " persen",
                [
                    ("rb_realisasi", "Realisasi Indeks RB", "poin"),
                    ("rb_target", "Target Indeks RB", "poin"),
                    ("rb_capaian", "Capaian Indeks RB", "pct"),
                ],
            ),
            (
                r"memperoleh anggaran sebesar "
                + NUM
                + r" untuk .*?realisasinya mencapai sebesar "
                + NUM
                + " atau "
                + NUM
                + r" persen dari pagu anggaran sebesar "
                + NUM
                + r"\. .*?pagu tanpa blokir yang sebesar "
                + NUM
                + r", .*?mencapai sebesar "
                + NUM
                + " persen",
                [
                    ("pagu_rp", "Pagu anggaran Kemnaker 2024", "rp"),
                    ("realisasi_rp", "Realisasi anggaran 2024", "rp"),
                    ("penyerapan_pct", "Realisasi anggaran terhadap pagu", "pct"),
                    ("pagu_rp_ulang", "Pagu anggaran Kemnaker 2024 (disebut ulang)", "rp"),
                    ("pagu_tanpa_blokir_rp", "Pagu tanpa blokir 2024", "rp"),
                    ("penyerapan_tanpa_blokir_pct", "Realisasi anggaran terhadap pagu tanpa blokir", "pct"),
                ],
            ),
        ],
    )


def _bab_3(doc: SeedDoc) -> None:
    start = doc.find(r"^Pada Tabel 3\.2 menjabarkan pencapaian kinerja")
    _narrative(
        doc.lines[start],
        "Bab 3.1",
        "B3.1",
        [
            (
                r"SS-1 dengan indikator .*?capaian kinerja sebesar " + NUM + " persen",
                [("ss1_capaian", "Capaian SS-1", "pct")],
            ),
            (
                r"untuk SS-2, diperoleh capaian kinerja sebesar " + NUM + " persen",
                [("ss2_capaian", "Capaian SS-2 (rata-rata tiga IKSS)", "pct")],
            ),
            (
                r"peningkatan kinerja SS-1 di tahun 2024 sebesar " + NUM + " persen",
                [("ss1_kenaikan", "Kenaikan realisasi SS-1 2024 terhadap 2023", "pct")],
            ),
            (
                r"Reformasi Birokrasi memperlihatkan peningkatan kinerja sebesar " + NUM + " poin",
                [("rb_kenaikan", "Kenaikan Indeks RB 2024 terhadap 2023", "poin")],
            ),
            (
                r"Indeks SPBE memperlihatkan adanya peningkatan sebesar " + NUM + " poin",
                [("spbe_kenaikan", "Kenaikan Indeks SPBE 2024 terhadap 2023", "poin")],
            ),
        ],
    )
    start, end, text = _section(doc, r"^#### 3\.2\.1\. Sasaran Strategis Ke-1", r"^\*\*Tabel 3\.5\*\*")
    _narrative(
        text,
        "Bab 3.2.1",
        "B3.2.1",
        [
            (
                r"Berdasarkan Tabel 3\.2, realisasi .*? adalah sebesar " + NUM + " persen",
                [("ss1_realisasi_narasi", "Realisasi SS-1 2024 menurut narasi sebelum rumus", "pct")],
            ),
            (
                r"pencapaian \(realisasi\) kinerja SS-1 adalah sebesar "
                + NUM
                + r" persen\. .*?sebesar "
                + NUM
                + r" persen, capaian kinerja pada SS-1 mencapai sebesar "
                + NUM
                + " persen",
                [
                    ("ss1_realisasi", "Realisasi SS-1 2024 (setelah rumus)", "pct"),
                    ("ss1_target", "Target SS-1 2024", "pct"),
                    ("ss1_capaian", "Capaian SS-1 2024", "pct"),
                ],
            ),
            (
                r"kinerja program untuk mendukung capaian SS-1 tahun 2024 mencapai " + NUM + " persen",
                [("pyb_capaian", "Capaian kinerja program pendukung SS-1 (Tabel 3.3)", "pct")],
            ),
            (
                r"PYB Vokasi tahun 2024 mencapai kinerja sebesar " + NUM + " persen",
                [("pyb_vokasi_capaian", "Capaian PyB Vokasi 2024", "pct")],
            ),
            (
                r"PyB PHI ∩ PyB Binwas sebesar " + NUM + " orang atau " + NUM + " persen .*?pada " + r"([\d.]+)<sup>",
                [
                    ("pyb_irisan", "Irisan PyB PHI ∩ PyB Binwas 2024", "orang"),
                    ("pyb_irisan_pct", "Irisan terhadap total PyB PHI dan PyB Binwas", "pct"),
                    ("perusahaan_wlkp", "Perusahaan tempat pekerja PyB PHI/Binwas (WLKP)", "perusahaan"),
                ],
            ),
            (
                r"mengalami penurunan kinerja sebesar " + NUM + " persen",
                [("pyb_vokasi_penurunan", "Penurunan realisasi PyB Vokasi 2024 terhadap 2023", "pct")],
            ),
            (
                r"menyumbang sebanyak " + NUM + r" penciptaan tenaga kerja baru",
                [("tenaga_kerja_baru", "Penciptaan tenaga kerja baru 2024", "orang")],
            ),
            (
                r"SAKERNAS Agustus tahun 2024 sebanyak "
                + NUM
                + r" juta orang, .*?berkontribusi sebesar "
                + NUM
                + " persen",
                [
                    ("delta_pyb_juta", "Penambahan penduduk bekerja (Sakernas Agustus 2024)", "juta orang"),
                    ("kontribusi_penciptaan_pct", "Tenaga kerja baru terhadap penambahan penduduk bekerja", "pct"),
                ],
            ),
            (
                r"pembinaan kepada " + NUM + " pekerja",
                [("pekerja_dibina", "Pekerja dibina PHI dan Binwas (setelah irisan)", "orang")],
            ),
            (
                r"intervensi Kementerian Ketenagakerjaan mencapai sebesar " + NUM + " pekerja atau " + NUM + " persen",
                [
                    ("intervensi_total", "Total hasil intervensi Kemnaker 2024", "orang"),
                    ("intervensi_pct_bekerja", "Hasil intervensi terhadap penduduk bekerja", "pct"),
                ],
            ),
        ],
    )


def _bab_4(doc: SeedDoc) -> None:
    _, _, text = _section(doc, r"^## \*\*BAB IV\*\*", r"^## LAMPIRAN")
    _narrative(
        text,
        "Bab IV",
        "B4",
        [
            (
                r"ditarget pada 2024 sebesar "
                + NUM
                + " persen dapat terealisasi sebesar "
                + NUM
                + r" persen\. .*?mencapai "
                + NUM
                + " persen",
                [
                    ("ss1_target", "Target SS-1 2024", "pct"),
                    ("ss1_realisasi", "Realisasi SS-1 2024", "pct"),
                    ("ss1_capaian", "Capaian SS-1 2024", "pct"),
                ],
            ),
            (
                r"rata-rata nilai capaian kinerja sebesar " + NUM + " persen",
                [("ss2_capaian", "Capaian SS-2 (rata-rata)", "pct")],
            ),
            (
                r"Reformasi Birokrasi yang memiliki target tahun 2024 sebesar "
                + NUM
                + " dapat terealisasi "
                + NUM
                + " dengan pencapaian kinerja sebesar "
                + NUM
                + " persen",
                [
                    ("rb_target", "Target Indeks RB 2024 menurut Bab IV", "poin"),
                    ("rb_realisasi", "Realisasi Indeks RB", "poin"),
                    ("rb_capaian", "Capaian Indeks RB", "pct"),
                ],
            ),
            (
                r"mendapatkan opini (WTP) sehingga pencapaian kinerja tahun 2024 adalah " + NUM + " persen",
                [("bpk_realisasi", "Opini BPK 2024", "opini"), ("bpk_capaian", "Capaian Opini BPK", "pct")],
            ),
            (
                r"Elektronik, target tahun 2024 adalah "
                + NUM
                + " dengan realisasi sebesar "
                + NUM
                + " sehingga pencapaian kinerja tahun 2024 adalah "
                + NUM
                + " persen",
                [
                    ("spbe_target", "Target Indeks SPBE", "poin"),
                    ("spbe_realisasi", "Realisasi Indeks SPBE", "poin"),
                    ("spbe_capaian", "Capaian Indeks SPBE", "pct"),
                ],
            ),
            (
                r"tahun 2024 mencapai "
                + NUM
                + " atau "
                + NUM
                + r" persen dari pagu total .*?sebesar "
                + NUM
                + " dan "
                + NUM
                + " persen dari pagu tanpa blokir sebesar "
                + NUM,
                [
                    ("realisasi_rp", "Realisasi anggaran 2024", "rp"),
                    ("penyerapan_pct", "Realisasi terhadap pagu total", "pct"),
                    ("pagu_rp", "Pagu total 2024 (termasuk blokir)", "rp"),
                    ("penyerapan_tanpa_blokir_pct", "Realisasi terhadap pagu tanpa blokir", "pct"),
                    ("pagu_tanpa_blokir_rp", "Pagu tanpa blokir 2024", "rp"),
                ],
            ),
        ],
    )


# --- entry point ----------------------------------------------------------------------------------


def extract(doc: SeedDoc) -> dict[str, pd.DataFrame]:
    _figures.clear()
    unit = _units(doc)
    program = _programs(doc)
    sasaran = _sasaran(doc)
    ikss, ikss_capaian = _tabel_3_2(doc)
    _tabel_2_2(doc, ikss)
    pagu = _tabel_2_3(doc)
    pk_target, pagu_lampiran = _lampiran_pk(doc, ikss)
    pk_pagu = _frame(pagu + pagu_lampiran, ["revisi", "program_code", "pagu_rp"])
    pyb_variable = _pyb_variables(doc)
    pyb_program = _tabel_3_3(doc)
    job = _tabel_3_4(doc)
    _ringkasan(doc)
    _bab_3(doc)
    _bab_4(doc)
    printed = _frame(list(_figures), ["figure", "label", "value", "text_value", "satuan"])
    if printed["figure"].duplicated().any():
        raise ValueError(f"duplicate figure ids: {printed['figure'][printed['figure'].duplicated()].tolist()}")
    return {
        "unit": unit,
        "program": program,
        "sasaran": sasaran,
        "ikss": ikss,
        "ikss_capaian": ikss_capaian,
        "pk_target": pk_target,
        "pk_pagu_program": pk_pagu,
        "pyb_variable": pyb_variable,
        "pyb_program": pyb_program,
        "job_creation": job,
        "printed_figure": printed,
    }
