"""Budget: Tabel 3.20 (per program), 3.21 (per unit), 3.22 (blokir), 3.23 (dekonsentrasi), 3.24 (efficiency)."""

from loaders.schema import Col, Dataset

URUTAN = Col("urutan", "int", min=1, doc="Nomor urut sebagaimana dicetak (kolom NO)")

BUDGET_PROGRAM = Dataset(
    "budget_program",
    "Pagu dan realisasi anggaran per program (Tabel 3.20)",
    (
        Col("program_code", ref="program.code", doc="Kode program: WA, DN, DL"),
        URUTAN,
        Col("program_name", doc="Nama program sebagaimana dicetak"),
        Col("pagu_rp", "rp", doc="Pagu anggaran (termasuk pagu blokir)"),
        Col("realisasi_rp", "rp", required=False, doc="Realisasi anggaran (hanya 2024)"),
        Col(
            "penyerapan_pct",
            "pct",
            required=False,
            doc="Kolom CAPAIAN % sebagaimana dicetak (hanya 2024)",
            printed=True,
        ),
    ),
    key=("program_code",),
    doc="Tabel 3.20 (OM-SPAN): pagu per program for 2023 and 2024, realisasi and printed absorption "
    "for 2024. The report prints no blokir per program; the TOTAL row is in printed_figure (T3.20.*).",
)

BUDGET_UNIT = Dataset(
    "budget_unit",
    "Pagu dan realisasi anggaran per unit Eselon I (Tabel 3.21)",
    (
        Col("unit_code", ref="unit.code", doc="Kode unit Eselon I"),
        URUTAN,
        Col("unit_name", doc="Nama unit sebagaimana dicetak"),
        Col("pagu_rp", "rp", doc="Pagu anggaran (termasuk pagu blokir)"),
        Col("realisasi_rp", "rp", required=False, doc="Realisasi anggaran (hanya 2024)"),
        Col(
            "penyerapan_pct",
            "pct",
            required=False,
            doc="Kolom REALISASI (%) sebagaimana dicetak (hanya 2024)",
            printed=True,
        ),
    ),
    key=("unit_code",),
    doc="Tabel 3.21 (OM-SPAN; 2022-2023 from the earlier LKj): pagu per Eselon I unit for 2022, "
    "2023 and 2024, realisasi and printed absorption for 2024. TOTAL row in printed_figure (T3.21.*).",
)

BUDGET_BLOKIR = Dataset(
    "budget_blokir",
    "Pagu blokir per unit Eselon I (Tabel 3.22)",
    (
        Col("unit_code", ref="unit.code", doc="Kode unit Eselon I"),
        URUTAN,
        Col("unit_name", doc="Nama unit sebagaimana dicetak"),
        Col("blokir_rp", "rp", doc="Pagu blokir 2024"),
    ),
    key=("unit_code",),
    doc="Tabel 3.22 (Satu DJA): the blocked part of each unit's 2024 pagu. The table prints only the "
    "blokir; pagu and realisasi of the same unit are in budget_unit. TOTAL in printed_figure (T3.22.*).",
)

DEKONSENTRASI = Dataset(
    "dekonsentrasi",
    "Dana dekonsentrasi per bidang (Tabel 3.23)",
    (
        Col("unit_code", ref="unit.code", doc="Ditjen yang membina bidang ini"),
        URUTAN,
        Col("bidang", doc="Bidang sebagaimana dicetak"),
        Col("pagu_rp", "rp", doc="Pagu dekonsentrasi 2024"),
        Col("realisasi_rp", "rp", doc="Realisasi dekonsentrasi 2024"),
        Col("capaian_pct", "pct", doc="Kolom CAPAIAN (%) sebagaimana dicetak (penyerapan)"),
    ),
    key=("unit_code",),
    doc="Tabel 3.23 (Satu DJA): deconcentration funds given to the provinces in 2024, per bidang "
    "(one bidang per Ditjen). The report prints no per-province split. TOTAL in printed_figure (T3.23.*).",
)

EFFICIENCY_SS = Dataset(
    "efficiency_ss",
    "Penggunaan sumber daya anggaran per sasaran strategis (Tabel 3.24)",
    (
        Col("ss_code", ref="sasaran.code", doc="Kode sasaran: SS-1, SS-2"),
        Col("sasaran_name", doc="Rumusan sasaran sebagaimana dicetak"),
        Col("pagu_rp", "rp", doc="Pagu anggaran untuk sasaran ini"),
        Col("realisasi_rp", "rp", doc="Realisasi anggaran untuk sasaran ini"),
        Col("capaian_anggaran_pct", "pct", doc="CAPAIAN ANGGARAN (%) sebagaimana dicetak"),
        Col("capaian_ss_pct", "pct", doc="CAPAIAN SS (%) sebagaimana dicetak"),
    ),
    key=("ss_code",),
    doc="Tabel 3.24: budget and achievement of each strategic goal in 2024 (SS-1 = programs DN + DL, "
    "SS-2 = program WA, by their figures). The table prints no efficiency rate; section 3.4 only gives "
    "the formula capaian SS / capaian anggaran. TOTAL in printed_figure (T3.24.*).",
)

DATASETS = (BUDGET_PROGRAM, BUDGET_UNIT, BUDGET_BLOKIR, DEKONSENTRASI, EFFICIENCY_SS)
