"""Tabel 3.5-3.15 (SS-1 detail: training, BLK Komunitas, placement, PMI, WLKP, PHI, Jamsos, BPS labour force)."""

from __future__ import annotations

import re

import pandas as pd

from data.extract.seed import Row, SeedDoc
from loaders.numbers import parse_id_number

YEAR = 2024
NARRATIVE = "Bab 3.2.1"


def _num(text: str) -> float | None:
    return parse_id_number(text)


def _int(text: str) -> int | None:
    value = parse_id_number(text)
    if value is None:
        return None
    if not float(value).is_integer():
        raise ValueError(f"{text!r} is not a whole number")
    return int(value)


class _Figures:
    """Collects the printed_figure rows of this group."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, figure: str, label: str, value: float | None, satuan: str, sumber: str, year: int = YEAR) -> None:
        if value is None:
            raise ValueError(f"printed figure {figure} has no value")
        self.rows.append(
            {
                "year": year,
                "figure": figure,
                "label": label,
                "value": float(value),
                "text_value": None,
                "satuan": satuan,
                "sumber": sumber,
            }
        )

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.rows)


def _frame(rows: list[dict], columns: list[str], sumber: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    frame["sumber"] = sumber
    if "year" not in frame.columns:
        frame["year"] = YEAR
    return frame[["year", *columns, "sumber"]]


def _is_header(row: Row) -> bool:
    first = row.filled[0].upper() if row.filled else ""
    return first in ("NO", "NO.", "(1)") or first.startswith("URAIAN") or first.startswith("STATUS")


# --- Tabel 3.5 ---------------------------------------------------------------------------------


def _kejuruan(doc: SeedDoc) -> pd.DataFrame:
    items: list[tuple[int, str]] = []
    for row in doc.table_rows("Tabel 3.5"):
        if _is_header(row):
            continue
        cells = row.cells
        # Two side-by-side blocks: NO, KEJURUAN, NO, KEJURUAN.
        for i in range(0, len(cells) - 1, 2):
            if cells[i]:
                items.append((_int(cells[i]), cells[i + 1]))
    items.sort()
    rows = [{"urutan": no, "kejuruan": name} for no, name in items]
    return _frame(rows, ["urutan", "kejuruan"], "Tabel 3.5")


# --- Tabel 3.6 ---------------------------------------------------------------------------------


def _training_uptp(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    rows = []
    total = None
    for row in doc.table_rows("Tabel 3.6"):
        if _is_header(row):
            continue
        f = row.filled
        if f[0].upper() == "TOTAL":
            total = f
            continue
        rows.append(
            {
                "urutan": _int(f[0]),
                "uptp": f[1],
                "target": _int(f[2]),
                "realisasi": _int(f[3]),
                "capaian_pct": _num(f[4]),
            }
        )
    if total is None:
        raise LookupError("Tabel 3.6: TOTAL row not found")
    src = "Tabel 3.6"
    figs.add("T3.6.total.target", "Tabel 3.6 TOTAL target pelatihan", _int(total[1]), "orang", src)
    figs.add("T3.6.total.realisasi", "Tabel 3.6 TOTAL realisasi pelatihan", _int(total[2]), "orang", src)
    figs.add("T3.6.total.capaian_pct", "Tabel 3.6 TOTAL capaian pelatihan", _num(total[3]), "pct", src)
    return _frame(rows, ["urutan", "uptp", "target", "realisasi", "capaian_pct"], src)


# --- Tabel 3.7 and 3.8 -------------------------------------------------------------------------

_BLKK_NUMS = ["mandiri", "berkembang", "tumbuh", "pembangunan_baru", "jumlah_blkk"]
_BLKK_LABELS = {
    "mandiri": "BLK-K Mandiri",
    "berkembang": "BLK-K Berkembang",
    "tumbuh": "BLK-K Tumbuh",
    "pembangunan_baru": "BLK-K dibangun 2024",
    "jumlah_blkk": "jumlah BLK Komunitas",
}


def _blkk_uptp(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    rows = []
    total = None
    for row in doc.table_rows("Tabel 3.7"):
        f = row.filled
        if _is_header(row) or f[0].upper() == "MANDIRI":
            continue
        if f[0].upper() == "JUMLAH":
            total = f[1:]
            continue
        rows.append({"urutan": _int(f[0]), "uptp": f[1], **dict(zip(_BLKK_NUMS, map(_int, f[2:7]), strict=True))})
    if total is None:
        raise LookupError("Tabel 3.7: JUMLAH row not found")
    for col, text in zip(_BLKK_NUMS, total, strict=True):
        figs.add(f"T3.7.total.{col}", f"Tabel 3.7 JUMLAH {_BLKK_LABELS[col]}", _int(text), "lembaga", "Tabel 3.7")
    return _frame(rows, ["urutan", "uptp", *_BLKK_NUMS], "Tabel 3.7")


def _blkk_trend(doc: SeedDoc) -> pd.DataFrame:
    rows = []
    for row in doc.table_rows("Tabel 3.8"):
        f = row.filled
        if _is_header(row) or f[0].upper() == "MANDIRI":
            continue
        rows.append({"year": _int(f[1]), "urutan": _int(f[0]), **dict(zip(_BLKK_NUMS, map(_int, f[2:7]), strict=True))})
    return _frame(rows, ["urutan", *_BLKK_NUMS], "Tabel 3.8")


# --- Tabel 3.9 ---------------------------------------------------------------------------------


def _blkk_criteria(doc: SeedDoc) -> pd.DataFrame:
    table = doc.table_rows("Tabel 3.9")
    types = [re.sub(r"^BLK-K\s+", "", c) for c in table[0].cells]
    rows = []
    for t_index, tipe in enumerate(types):
        n = 0
        for row in table[1:]:
            cells = row.cells + [""] * len(types)
            if cells[t_index]:
                n += 1
                rows.append({"tipe": tipe, "urutan": n, "kriteria": cells[t_index]})
    return _frame(rows, ["tipe", "urutan", "kriteria"], "Tabel 3.9")


# --- Tabel 3.10 --------------------------------------------------------------------------------


def _placement_domestic(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    src = "Tabel 3.10"
    rows = []
    urutan = 0
    for row in doc.table_rows("Tabel 3.10"):
        if _is_header(row):
            continue
        f = row.filled
        if f[0].lower().startswith("total"):
            figs.add("T3.10.total.target", "Tabel 3.10 total target penempatan dalam negeri", _int(f[1]), "orang", src)
            figs.add(
                "T3.10.total.realisasi", "Tabel 3.10 total realisasi penempatan dalam negeri", _int(f[2]), "orang", src
            )
            figs.add(
                "T3.10.total.capaian_pct", "Tabel 3.10 total capaian penempatan dalam negeri", _num(f[3]), "pct", src
            )
            continue
        no = f[0].rstrip(".")
        label, targets, reals, pcts, pelaksana = f[1], f[2].split(), f[3].split(), f[4].split(), f[5]
        # A numbered row whose label lists lettered sub-items: the first figure of each cell is the
        # numbered row's own (sub)total, the next ones belong to the sub-items a., b., ...
        parts = re.split(r"\s+([a-z])\.\s*", label)
        kelompok, subs = parts[0].rstrip(". ").strip(), list(zip(parts[1::2], parts[2::2], strict=True))
        if not subs:
            urutan += 1
            rows.append(
                {
                    "urutan": urutan,
                    "nomor": no,
                    "kelompok": label,
                    "intervensi": label,
                    "target": _int(targets[0]),
                    "realisasi": _int(reals[0]),
                    "capaian_pct": _num(pcts[0]),
                    "pelaksana": pelaksana,
                }
            )
            continue
        if not (len(targets) == len(reals) == len(pcts) == len(subs) + 1):
            raise ValueError(f"{src} row {no}: {len(subs)} sub-items but {len(targets)} figures")
        figs.add(f"T3.10.{no}.target", f"Tabel 3.10 baris {no} ({kelompok}) target", _int(targets[0]), "orang", src)
        figs.add(f"T3.10.{no}.realisasi", f"Tabel 3.10 baris {no} ({kelompok}) realisasi", _int(reals[0]), "orang", src)
        figs.add(f"T3.10.{no}.capaian_pct", f"Tabel 3.10 baris {no} ({kelompok}) capaian", _num(pcts[0]), "pct", src)
        for i, (letter, name) in enumerate(subs, start=1):
            urutan += 1
            rows.append(
                {
                    "urutan": urutan,
                    "nomor": f"{no}.{letter}",
                    "kelompok": kelompok,
                    "intervensi": name.strip(),
                    "target": _int(targets[i]),
                    "realisasi": _int(reals[i]),
                    "capaian_pct": _num(pcts[i]),
                    "pelaksana": pelaksana,
                }
            )
    cols = ["urutan", "nomor", "kelompok", "intervensi", "target", "realisasi", "capaian_pct", "pelaksana"]
    return _frame(rows, cols, src)


# --- Tabel 3.11 --------------------------------------------------------------------------------


def _pmi_country(doc: SeedDoc) -> pd.DataFrame:
    rows = []
    for row in doc.table_rows("Tabel 3.11"):
        if _is_header(row):
            continue
        f = row.filled
        rows.append({"urutan": _int(f[0].rstrip(".")), "negara": f[1], "penempatan_pmi": _int(f[2])})
    return _frame(rows, ["urutan", "negara", "penempatan_pmi"], "Tabel 3.11")


# --- Tabel 3.12 --------------------------------------------------------------------------------


def _wlkp(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    table = doc.table_rows("Tabel 3.12")
    sizes = [c.title() for c in table[1].filled]  # MIKRO, KECIL, MENENGAH, BESAR
    if sizes != ["Mikro", "Kecil", "Menengah", "Besar"]:
        raise ValueError(f"Tabel 3.12: unexpected sub-header {sizes}")
    rows = []
    for row in table[2:]:
        f = row.filled
        year = _int(f[1])
        for i, size in enumerate(sizes):
            rows.append({"year": year, "urutan": i + 1, "skala": size, "jumlah_perusahaan": _int(f[2 + i])})
        figs.add(
            f"T3.12.total.{year}",
            f"Tabel 3.12 total perusahaan terdaftar WLKP {year}",
            _int(f[6]),
            "perusahaan",
            "Tabel 3.12",
            year,
        )
    return _frame(rows, ["urutan", "skala", "jumlah_perusahaan"], "Tabel 3.12")


# --- Tabel 3.13 --------------------------------------------------------------------------------


def _phi_focus(doc: SeedDoc) -> pd.DataFrame:
    table = doc.table_rows("Tabel 3.13")
    years = [_int(c) for c in table[1].filled]
    rows = []
    for row in table:
        f = row.filled
        if _is_header(row) or not f[0].isdigit() or len(f) != 2 + len(years):
            continue
        for year, text in zip(years, f[2:], strict=True):
            rows.append({"year": year, "urutan": _int(f[0]), "fokus_pembinaan": f[1], "jumlah_perusahaan": _int(text)})
    return _frame(rows, ["urutan", "fokus_pembinaan", "jumlah_perusahaan"], "Tabel 3.13")


# --- Tabel 3.14 --------------------------------------------------------------------------------

_JAMSOS_NUMS = ["aktif", "non_aktif", "jht", "jkk", "jkm", "jp"]


def _jamsos(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    src = "Tabel 3.14"
    rows = []
    for row in doc.table_rows("Tabel 3.14"):
        cells = row.cells
        label = cells[0]
        match = re.match(r"^([a-z])\.\s*(.+)$", label)
        if match:
            values = cells[1:7]
            rows.append(
                {
                    "urutan": len(rows) + 1,
                    "kategori_peserta": match.group(2),
                    **dict(zip(_JAMSOS_NUMS, map(_int, values), strict=True)),
                }
            )
        elif label.upper() == "JUMLAH":
            figs.add("T3.14.total.aktif", "Tabel 3.14 JUMLAH kepesertaan aktif", _int(cells[1]), "orang", src)
            figs.add("T3.14.total.non_aktif", "Tabel 3.14 JUMLAH kepesertaan non-aktif", _int(cells[2]), "orang", src)
        elif label.upper().startswith("TOTAL KEPESERTAAN"):
            figs.add(
                "T3.14.total.aktif_non_aktif",
                "Tabel 3.14 total kepesertaan aktif dan non-aktif",
                _int(cells[1]),
                "orang",
                src,
            )
    return _frame(rows, ["urutan", "kategori_peserta", *_JAMSOS_NUMS], src)


# --- Tabel 3.15 --------------------------------------------------------------------------------

_BPS_CODES = {
    "Penduduk Usia Kerja (PUK)": ("puk", None),
    "Angkatan Kerja": ("angkatan_kerja", "puk"),
    "Bekerja": ("bekerja", "angkatan_kerja"),
    "Pengangguran": ("pengangguran", "angkatan_kerja"),
    "Bukan Angkatan Kerja": ("bukan_angkatan_kerja", "puk"),
    "Tingkat Partisipasi Angkatan Kerja (TPAK)": ("tpak", None),
    "Laki-laki": ("tpak_laki_laki", "tpak"),
    "Perempuan": ("tpak_perempuan", "tpak"),
}


def _labour_force(doc: SeedDoc, figs: _Figures) -> pd.DataFrame:
    src = "Tabel 3.15"
    table = doc.table_rows("Tabel 3.15")
    years = [_int(m) for m in re.findall(r"AGUSTUS (\d{4})", doc.lines[table[0].lineno - 1])]
    if years != [2021, 2022, 2023, 2024]:
        raise ValueError(f"{src}: unexpected year header {years}")
    rows = []
    satuan = "juta orang"
    for row in table[1:]:
        cells = row.cells
        if not cells[0]:
            if cells[1].lower() == "persen":
                satuan = "persen"
            continue
        if cells[0] == "(1)":
            continue
        label = cells[0].removeprefix("- ").strip()
        kode, induk = _BPS_CODES[label]
        for year, text in zip(years, cells[1:5], strict=True):
            rows.append(
                {
                    "year": year,
                    "urutan": len(rows) // len(years) + 1,
                    "kode": kode,
                    "indikator": label,
                    "induk": induk,
                    "nilai": _num(text),
                    "satuan": satuan,
                }
            )
        if satuan == "juta orang":
            figs.add(
                f"T3.15.{kode}.perubahan",
                f"Tabel 3.15 perubahan Agt 2023-Agt 2024: {label}",
                _num(cells[5]),
                "juta orang",
                src,
            )
            figs.add(
                f"T3.15.{kode}.perubahan_pct",
                f"Tabel 3.15 perubahan Agt 2023-Agt 2024 (persen): {label}",
                _num(cells[6]),
                "pct",
                src,
            )
        else:
            figs.add(
                f"T3.15.{kode}.perubahan",
                f"Tabel 3.15 perubahan Agt 2023-Agt 2024 (persen poin): {label}",
                _num(cells[5]),
                "poin",
                src,
            )
    return _frame(rows, ["urutan", "kode", "indikator", "induk", "nilai", "satuan"], src)


# --- narrative figures of Bab 3.2.1 that repeat these tables ------------------------------------

_N = r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?)"  # one Indonesian number, without a trailing full stop
_NARRATIVE_FIGURES: tuple[tuple[str, str, str, str], ...] = (
    # (figure id after "B3.2.1.", label, satuan, regex with the number as group 1)
    (
        "uptp.jumlah",
        "Jumlah UPTP (BPVP) penyelenggara pelatihan berbasis kompetensi",
        "unit",
        rf"di {_N} Unit Pelaksana Tugas Pusat",
    ),
    ("uptd.jumlah", "Jumlah BPVP/BLK UPTD binaan", "unit", rf"dan {_N} Balai Pendidikan Vokasi dan Produktivitas"),
    ("kejuruan.jumlah", "Jumlah kejuruan yang diselenggarakan 2024", "kejuruan", rf"dengan total {_N} kejuruan"),
    ("blkk.jumlah_2024", "Jumlah BLK-K binaan s.d. 2024", "lembaga", rf"membina sebanyak {_N} BLK-K"),
    ("blkk.pembangunan_2024", "Pembangunan BLK-K tahun 2024", "lembaga", rf"tahun 2024 adalah sebanyak {_N} BLK-K"),
    ("blkk.tumbuh_kenaikan", "Kenaikan BLK-K Tumbuh 2023-2024", "lembaga", rf"yang tumbuh adalah sebesar {_N} lembaga"),
    ("blkk.tumbuh_2023", "BLK-K Tumbuh 2023", "lembaga", rf"tumbuh adalah sebesar \S+ lembaga dari {_N} BLKK"),
    ("blkk.tumbuh_2024", "BLK-K Tumbuh 2024", "lembaga", rf"BLKK di tahun 2023 menjadi {_N} BLK-K di tahun 2024"),
    (
        "blkk.berkembang_penurunan",
        "Penurunan BLK-K Berkembang 2023-2024",
        "lembaga",
        rf"berkembang turun sebesar {_N} lembaga",
    ),
    (
        "blkk.berkembang_2023",
        "BLK-K Berkembang 2023",
        "lembaga",
        rf"berkembang turun sebesar \S+ lembaga dari {_N} BLK-K",
    ),
    (
        "blkk.berkembang_2024",
        "BLK-K Berkembang 2024",
        "lembaga",
        rf"berkembang turun sebesar \S+ lembaga dari \S+ BLK-K di tahun 2023 menjadi {_N} BLK-K",
    ),
    (
        "blkk.mandiri_kenaikan",
        "Kenaikan BLK-K Mandiri 2023-2024",
        "lembaga",
        rf"kenaikan BLKK mandiri adalah sebesar {_N} lembaga",
    ),
    ("blkk.mandiri_2023", "BLK-K Mandiri 2023", "lembaga", rf"mandiri adalah sebesar \S+ lembaga dari {_N} BLK-K"),
    (
        "blkk.mandiri_2024",
        "BLK-K Mandiri 2024",
        "lembaga",
        rf"mandiri adalah sebesar \S+ lembaga dari \S+ BLK-K di tahun 2023 menjadi {_N} BLK-K",
    ),
    (
        "placement_domestic.realisasi_2024",
        "Penempatan tenaga kerja dalam negeri 2024",
        "orang",
        rf"berhasil menempatkan sebanyak {_N} orang pada tahun 2024",
    ),
    (
        "placement_domestic.kenaikan_pct",
        "Kenaikan penempatan dalam negeri 2024 dibanding 2023",
        "pct",
        rf"mengalami peningkatan sebesar {_N} persen dari realisasi",
    ),
    (
        "placement_domestic.realisasi_2023",
        "Penempatan tenaga kerja dalam negeri 2023",
        "orang",
        rf"realisasi di tahun 2023 sebesar {_N}",
    ),
    (
        "wlkp.penambahan_2024",
        "Penambahan perusahaan terdaftar WLKP 2024",
        "perusahaan",
        rf"tahun 2024 sebanyak {_N} perusahaan dari",
    ),
    (
        "wlkp.total_2024",
        "Total perusahaan terdaftar WLKP 2024",
        "perusahaan",
        rf"terdaftar di tahun 2024 sebanyak {_N} perusahaan",
    ),
    (
        "bps.bekerja_2024",
        "Penduduk bekerja Agustus 2024",
        "juta orang",
        rf"bekerja pada Agustus 2024 mencapai {_N} juta",
    ),
    (
        "bps.bekerja_perubahan",
        "Kenaikan penduduk bekerja Agt 2023-Agt 2024",
        "juta orang",
        rf"meningkat sebesar {_N} juta orang",
    ),
    (
        "bps.bekerja_perubahan_pct",
        "Kenaikan penduduk bekerja Agt 2023-Agt 2024 (persen)",
        "pct",
        rf"juta orang atau {_N} persen dibandingkan",
    ),
    ("bps.pengangguran_2024", "Pengangguran Agustus 2024", "juta orang", rf"pengangguran mencapai {_N} juta"),
    (
        "bps.pengangguran_penurunan",
        "Penurunan pengangguran Agt 2023-Agt 2024 (dicetak '390 ribu orang', dalam juta)",
        "juta orang",
        rf"penurunan sebesar {_N} ribu orang",
    ),
    (
        "bps.pengangguran_penurunan_pct",
        "Penurunan pengangguran Agt 2023-Agt 2024 (persen)",
        "pct",
        rf"ribu orang atau {_N} persen",
    ),
)


def _narrative(doc: SeedDoc, figs: _Figures) -> None:
    start = doc.find(r"^#### 3\.2\.1\.")
    end = doc.find(r"^#### A\. Strategi", start)
    text = "\n".join(doc.lines[start:end])
    for figure, label, satuan, pattern in _NARRATIVE_FIGURES:
        match = re.search(pattern, text)
        if not match:
            raise LookupError(f"narrative figure {figure} not found: {pattern!r}")
        value = _num(match.group(1))
        if figure == "bps.pengangguran_penurunan":
            value = value / 1000  # printed in thousands, stored in millions like Tabel 3.15
        year = 2023 if figure.endswith("_2023") else YEAR  # the year the figure belongs to
        figs.add(f"B3.2.1.{figure}", label, value, satuan, NARRATIVE, year)


def extract(doc: SeedDoc) -> dict[str, pd.DataFrame]:
    figs = _Figures()
    out = {
        "kejuruan": _kejuruan(doc),
        "training_uptp": _training_uptp(doc, figs),
        "blk_komunitas_uptp": _blkk_uptp(doc, figs),
        "blk_komunitas_trend": _blkk_trend(doc),
        "blk_komunitas_criteria": _blkk_criteria(doc),
        "placement_domestic": _placement_domestic(doc, figs),
        "pmi_country": _pmi_country(doc),
        "wlkp_company": _wlkp(doc, figs),
        "phi_focus": _phi_focus(doc),
        "jamsos_participation": _jamsos(doc, figs),
        "labour_force_bps": _labour_force(doc, figs),
    }
    _narrative(doc, figs)
    out["printed_figure"] = figs.frame()
    return out
