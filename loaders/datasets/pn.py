"""Prioritas Nasional (PN): Tabel 2.4 (pagu and output targets) and Lampiran 5 (realisation)."""

from loaders.schema import Col, Dataset

LEVELS = ("pn", "program", "kegiatan", "output")

PN = Dataset(
    "pn",
    "Prioritas Nasional",
    (
        Col("code", doc="Kode PN dua digit sebagaimana dicetak: 01, 03, 07"),
        Col("name", doc="Nama PN sebagaimana dicetak di Tabel 2.4"),
    ),
    key=("code",),
    doc="The Prioritas Nasional the ministry supports in 2024 (Tabel 2.4).",
)


def _hierarchy_cols() -> tuple[Col, ...]:
    return (
        Col("urutan", "int", min=1, doc="Urutan baris sebagaimana dicetak (1 = baris pertama)"),
        Col("level", choices=LEVELS, doc="Tingkat baris: pn, program, kegiatan, output"),
        Col("pn_code", ref="pn.code", doc="Kode PN induk"),
        Col("program_code", required=False, ref="program.code", doc="Kode program (kosong pada baris PN)"),
        Col("kegiatan_code", required=False, doc="Kode kegiatan 4 digit (kosong di atas tingkat kegiatan)"),
        Col("output_code", required=False, doc="Kode output 3 digit (kosong di atas tingkat output)"),
        Col("name", doc="Uraian sebagaimana dicetak, tanpa kode dan tanpa '(Satuan)' di akhir nama output"),
        Col("satuan", required=False, doc="Satuan output (teks dalam kurung di akhir nama output)"),
    )


PN_ITEM = Dataset(
    "pn_item",
    "Prioritas Nasional: program, kegiatan dan output (Tabel 2.4)",
    (
        *_hierarchy_cols(),
        Col("pagu_rp", "rp", doc="Pagu anggaran 2024"),
        Col("target_output", "float", doc="Target output; pada baris PN/program/kegiatan jumlah yang dicetak"),
    ),
    key=("urutan",),
    doc="Tabel 2.4: every PN, program, kegiatan and output row as printed, one row each (the "
    "hierarchy levels are entities, not totals; only the Grand Total goes to printed_figure). "
    "(pn_code, program_code, kegiatan_code, output_code, name) is unique too; output codes "
    "may repeat within a kegiatan (two '001' under 4053 and under 5586).",
)

PN_REALISASI = Dataset(
    "pn_realisasi",
    "Realisasi Prioritas Nasional (Lampiran 5)",
    (
        *_hierarchy_cols(),
        Col("pagu_rp", "rp", doc="Pagu anggaran 2024"),
        Col("realisasi_rp", "rp", doc="Realisasi anggaran 2024"),
        Col("target_output", "float", doc="Target output"),
        Col("realisasi_output", "float", doc="Realisasi output"),
    ),
    key=("urutan",),
    doc="Lampiran 5: the Tabel 2.4 hierarchy with realised budget and output. The report prints "
    "no penyerapan or capaian percentages here; the Grand Total goes to printed_figure.",
)

DATASETS = (PN, PN_ITEM, PN_REALISASI)
