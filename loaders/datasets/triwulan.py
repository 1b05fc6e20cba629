"""Pemantauan Triwulan: cumulative realisation per quarter of every indicator and budget line of a year.

Not tables of the LKj: what the Eselon I units report each quarter (SAKIP / e-Monev), so that the
dashboard can tell in June whether December's targets will be met (``kpi.progress``). Both tables
are ``per_quarter``: a year's upload need not hold them, and publishing one replaces only the
quarters it holds rows of (``loaders.db.replaced_keys``). The codes are explained in
:mod:`loaders.triwulan_codes`; the committed ``data/`` holds no quarterly rows (the report has none).
"""

from loaders.schema import Col, Dataset
from loaders.triwulan_codes import (
    ARAH,
    BUDGET_LEVELS,
    INDICATOR_LEVELS,
    JENIS,
    budget_code_problems,
    indicator_code_problems,
)

QUARTER = Col("quarter", "int", min=1, max=4, doc="Triwulan 1-4: angka kumulatif sampai akhir triwulan ini")

TRIWULAN_INDIKATOR = Dataset(
    "triwulan_indikator",
    "Pemantauan triwulan: realisasi kumulatif indikator (IKSS, IKP, IKK)",
    (
        QUARTER,
        Col("level", choices=INDICATOR_LEVELS, doc="Jenis indikator: ikss, ikp atau ikk"),
        Col(
            "code",
            length=100,
            doc="Kode indikator: IKSS seperti sheet ikss (mis. 'produktivitas'); IKP '<program>.<unit>.<n>' "
            "(mis. 'DL.BINALAVOTAS.1'); IKK '<kode kegiatan>.<n>' (mis. '2217.1'); n = urutan indikator di "
            "Lampiran 6 tahun yang sama. Templat triwulan sudah mengisinya.",
        ),
        Col(
            "target_triwulan",
            "float",
            required=False,
            doc="Target sampai akhir triwulan ini menurut rencana aksi (kumulatif, satuan indikator); "
            "kosong = dibandingkan dengan garis lurus dari target tahunan",
        ),
        Col(
            "realisasi_kumulatif",
            "float",
            required=False,
            doc="Realisasi kumulatif sampai akhir triwulan (indikator 'tingkat': nilai terakhir); "
            "kosong = belum dilaporkan",
        ),
        Col(
            "jenis",
            required=False,
            choices=JENIS,
            doc="kumulatif (jumlah yang bertambah sepanjang tahun) atau tingkat (persentase, indeks, nilai: "
            "yang dihitung nilai terakhirnya); kosong = kumulatif bila nama diawali 'Jumlah', selain itu tingkat",
        ),
        Col(
            "arah",
            required=False,
            choices=ARAH,
            doc="naik (makin tinggi makin baik) atau turun; kosong = arah IKSS di sheet ikss, atau naik",
        ),
        Col("catatan", required=False, length=1000, doc="Catatan pelapor (teks biasa), mis. kendala triwulan ini"),
    ),
    key=("quarter", "level", "code"),
    doc="One row per indicator and quarter: the cumulative realisation at the quarter's end, optionally the "
    "rencana aksi target to that quarter. kpi.progress divides it by the annual target (ikss_capaian for "
    "IKSS, Lampiran 6 for IKP and IKK) and projects the year's end.",
    per_quarter=True,
    row_check=indicator_code_problems,
)

TRIWULAN_ANGGARAN = Dataset(
    "triwulan_anggaran",
    "Pemantauan triwulan: realisasi anggaran kumulatif per program dan unit Eselon I",
    (
        QUARTER,
        Col("level", choices=BUDGET_LEVELS, doc="program (Tabel 3.20) atau unit (Eselon I, Tabel 3.21)"),
        Col("code", length=100, doc="Kode program (WA, DN, DL) atau kode unit Eselon I (mis. SETJEN)"),
        Col(
            "realisasi_kumulatif_rp",
            "rp",
            required=False,
            doc="Realisasi anggaran kumulatif sampai akhir triwulan (Rupiah penuh); kosong = belum dilaporkan",
        ),
    ),
    key=("quarter", "level", "code"),
    doc="One row per budget line and quarter: the cumulative realisation (OM-SPAN) at the quarter's end, "
    "against the pagu of budget_program / budget_unit of the same year.",
    per_quarter=True,
    row_check=budget_code_problems,
)

DATASETS = (TRIWULAN_INDIKATOR, TRIWULAN_ANGGARAN)
