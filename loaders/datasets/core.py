"""Dimensions every other table refers to, and the catalogue of figures the report prints as totals."""

from loaders.schema import Col, Dataset

UNIT = Dataset(
    "unit",
    "Unit Eselon I",
    (
        Col("code", doc="Kode unit: SETJEN, ITJEN, BINALAVOTAS, BINAPENTA, PHIJSK, BINWASNAKER, BARENBANG"),
        Col("name", doc="Nama unit sebagaimana dicetak"),
        Col("short_name", doc="Nama singkat, mis. 'Ditjen Binalavotas'"),
    ),
    key=("code",),
)

PROGRAM = Dataset(
    "program",
    "Program",
    (
        Col("code", choices=None, doc="Kode program: WA, DN, DL"),
        Col("name", doc="Nama program sebagaimana dicetak"),
    ),
    key=("code",),
)

PRINTED_FIGURE = Dataset(
    "printed_figure",
    "Angka yang dicetak laporan (baris total, angka narasi, angka berulang)",
    (
        Col("figure", doc="Pengenal unik, mis. 'T3.20.total.pagu_2024'"),
        Col("label", doc="Apa angka ini, dalam Bahasa Indonesia"),
        Col("value", "float", required=False, doc="Nilai numerik sebagaimana dicetak"),
        Col("text_value", required=False, doc="Nilai teks (mis. 'WTP') bila bukan angka"),
        Col("satuan", doc="rp, pct, orang, indeks, poin, unit, …"),
    ),
    key=("figure",),
    doc="Every printed total row/column and every figure the narrative repeats, kept as printed "
    "so the Kualitas Data checks can compare it with what the detail rows give.",
)

DATASETS = (UNIT, PROGRAM, PRINTED_FIGURE)
