"""Strategic goals and their indicators: Tabel 2.1-2.3, 3.2-3.4, the SS-1 formula and Lampiran 1-4.

``unit`` and ``program`` (specs in :mod:`loaders.datasets.core`) are produced by the same extractor.
"""

from loaders.schema import Col, Dataset

SS_CODES = ("SS-1", "SS-2")
IKSS_CODES = ("produktivitas", "indeks_rb", "opini_bpk", "indeks_spbe")
REVISI = ("januari", "juni", "oktober", "desember")
PYB_VARIABLES = (
    "pyb_vokasi",
    "pyb_penta",
    "pyb_phi",
    "pyb_binwas",
    "pyb_irisan",
    "delta_pyb",
    "pyb_formal",
    "ump_avg_rp",
    "sakernas_wage_rp",
)
OPINI = ("WTP", "WDP", "TW", "TMP")
"""The Opini BPK grades (``kpi.capaian.OPINI_BPK_RANK``): the only text a target or realisasi of an IKSS holds."""
PYB_KOMPONEN = ("pyb_vokasi", "pyb_penta", "pyb_binwas", "pyb_phi", "pyb_irisan")

SASARAN = Dataset(
    "sasaran",
    "Sasaran Strategis (SS)",
    (
        Col("code", choices=SS_CODES, doc="Kode sasaran: SS-1, SS-2"),
        Col("name", doc="Rumusan sasaran strategis sebagaimana dicetak di Tabel 2.1"),
    ),
    key=("code",),
    doc="Tabel 2.1: the two strategic goals of the Renstra 2020-2024; one row per goal for each "
    "year the report gives IKSS figures (2022-2024).",
)

IKSS = Dataset(
    "ikss",
    "Indikator Kinerja Sasaran Strategis (IKSS)",
    (
        Col("code", choices=IKSS_CODES, doc="Kode indikator: produktivitas, indeks_rb, opini_bpk, indeks_spbe"),
        Col("ss_code", ref="sasaran.code", doc="Sasaran strategis yang diukur indikator ini"),
        Col("name", doc="Nama indikator sebagaimana dicetak di Tabel 3.2"),
        Col("satuan", doc="Satuan: '%', 'poin' (indeks) atau 'opini'"),
        Col("arah", choices=("naik", "turun"), doc="'naik': makin tinggi makin baik"),
        Col("jenis", choices=("angka", "ordinal"), doc="'angka' (numerik) atau 'ordinal' (Opini BPK: WTP/WDP/…)"),
    ),
    key=("code",),
    doc="The four IKSS (Tabel 2.1 / 3.2) with their goal, unit and direction; one row per indicator per year 2022-2024.",
)

IKSS_CAPAIAN = Dataset(
    "ikss_capaian",
    "Capaian IKSS 2022-2024 (Tabel 3.2)",
    (
        Col("ikss_code", ref="ikss.code", doc="Kode indikator"),
        Col("target", "float", required=False, doc="Target numerik (hanya 2024; kosong untuk Opini BPK)"),
        Col("target_text", required=False, choices=OPINI, doc="Target non-numerik, mis. 'WTP'"),
        Col("realisasi", "float", required=False, doc="Realisasi numerik (kosong untuk Opini BPK)"),
        Col("realisasi_text", required=False, choices=OPINI, doc="Realisasi non-numerik: 'WDP', 'WTP'"),
        Col("capaian_pct", "pct", required=False, doc="Capaian kinerja sebagaimana dicetak (hanya 2024)", printed=True),
    ),
    key=("ikss_code",),
    doc="Tabel 3.2: realisasi of each IKSS in 2022 and 2023, and target, realisasi and printed capaian in 2024.",
)

PK_TARGET = Dataset(
    "pk_target",
    "Target IKSS pada Perjanjian Kinerja dan perubahannya (Lampiran 1-4)",
    (
        Col("revisi", choices=REVISI, doc="Dokumen PK: januari (PK awal), juni, oktober, desember (perubahan 1-3)"),
        Col("ikss_code", ref="ikss.code", doc="Kode indikator"),
        Col("target", "float", required=False, doc="Target numerik (kosong untuk Opini BPK)"),
        Col("target_text", required=False, choices=OPINI, doc="Target non-numerik, mis. 'WTP'"),
    ),
    key=("revisi", "ikss_code"),
    doc="The IKSS targets of the Menteri's PK 2024 (Lampiran 1) and its three revisions (Lampiran 2-4). "
    "Tabel 2.2 prints the same targets without naming a revision; they are in printed_figure (T2.2.*).",
)

PK_PAGU_PROGRAM = Dataset(
    "pk_pagu_program",
    "Pagu program pada Perjanjian Kinerja dan perubahannya (Tabel 2.3, Lampiran 1-4)",
    (
        Col("revisi", choices=REVISI, doc="Dokumen PK: januari, juni, oktober, desember"),
        Col("program_code", ref="program.code", doc="Kode program: WA, DN, DL"),
        Col("pagu_rp", "rp", doc="Pagu anggaran program pada dokumen PK tersebut"),
    ),
    key=("revisi", "program_code", "sumber"),
    doc="Program budgets of each PK version as printed twice: in Tabel 2.3 (four columns) and in the "
    "PK documents themselves (Lampiran 1-4); each is kept with its sumber. Totals go to printed_figure.",
)

PYB_VARIABLE = Dataset(
    "pyb_variable",
    "Variabel perhitungan IKSS SS-1 (Kontribusi terhadap Produktivitas Tenaga Kerja Nasional)",
    (
        Col("variable", choices=PYB_VARIABLES, doc="Variabel rumus SS-1"),
        Col(
            "konteks",
            choices=("variabel", "perhitungan"),
            doc="'variabel': daftar variabel setelah Tabel 3.2; 'perhitungan': angka yang dicetak di rumus terhitung",
        ),
        Col("nilai", "float", doc="Nilai sebagaimana dicetak (irisan dicetak positif, sebagai pengurang)"),
        Col("satuan", choices=("orang", "rp"), doc="orang atau rp"),
    ),
    key=("variable", "konteks"),
    doc="The inputs of the SS-1 productivity formula (Bab 3.2.1): the printed variable list, and the "
    "numbers actually written in the worked computation (which uses PyB penta 709.432 where the list "
    "says 709.436, and prints neither delta_pyb nor pyb_formal). The printed result P is in printed_figure.",
)

PYB_PROGRAM = Dataset(
    "pyb_program",
    "Kinerja program pendukung SS-1 (Tabel 3.3)",
    (
        Col("komponen", choices=PYB_KOMPONEN, doc="Komponen PyB; pyb_irisan = PyB PHI ∩ PyB Binwas (pengurang)"),
        Col("label", doc="Label sebagaimana dicetak, mis. 'PYB_Vokasi'"),
        Col("urutan", "int", min=1, doc="Urutan baris sebagaimana dicetak"),
        Col("target", "float", required=False, doc="Target (orang), hanya 2024"),
        Col("realisasi", "float", doc="Realisasi (orang); irisan bernilai negatif (dicetak dalam kurung)"),
        Col("capaian_pct", "pct", required=False, doc="Capaian kinerja 2024 sebagaimana dicetak", printed=True),
        Col("delta_pct", "pct", required=False, doc="Δ realisasi 2024 terhadap 2023 sebagaimana dicetak", printed=True),
    ),
    key=("komponen",),
    doc="Tabel 3.3: people reached by each Ditjen's intervention (PyB) 2022-2024, the 2024 target, "
    "capaian and change; the intersection PHI ∩ Binwas is negative so the rows add up to the total.",
)

JOB_CREATION = Dataset(
    "job_creation",
    "Penciptaan tenaga kerja baru 2022-2024 (Tabel 3.4)",
    (
        Col("kode", doc="Nomor baris: '1', '1a', '1b', …, '2', '2a', '2b'"),
        Col("parent_kode", required=False, ref="job_creation.kode", doc="Kode baris induk (kosong pada baris 1 dan 2)"),
        Col("urutan", "int", min=1, doc="Urutan baris sebagaimana dicetak"),
        Col("intervensi", doc="Intervensi sebagaimana dicetak (tanpa nomor)"),
        Col("realisasi", "float", doc="Realisasi (orang)"),
        Col(
            "delta_pct",
            "pct",
            required=False,
            doc="Δ realisasi 2024 terhadap 2023 sebagaimana dicetak (baris 2024)",
            printed=True,
        ),
        Col("pelaksana", required=False, doc="Unit pelaksana sebagaimana dicetak (baris induk saja)"),
    ),
    key=("kode",),
    doc="Tabel 3.4: new jobs created through training placement (1a-1c) and domestic/overseas "
    "placement (2a-2b), 2022-2024; rows 1 and 2 are the printed subtotals of their children.",
)

DATASETS = (SASARAN, IKSS, IKSS_CAPAIAN, PK_TARGET, PK_PAGU_PROGRAM, PYB_VARIABLE, PYB_PROGRAM, JOB_CREATION)
