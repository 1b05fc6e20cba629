"""Lampiran 6 (Capaian Output 2024): the full SS -> program -> kegiatan -> output hierarchy, and provinces."""

from loaders.schema import Col, Dataset

LEVELS = (
    "ss",
    "ikss",
    "program",
    "program_unit",
    "sasaran_program",
    "ikp",
    "kegiatan",
    "sasaran_kegiatan",
    "ikk",
    "output",
)

PROVINCE = Dataset(
    "province",
    "Provinsi",
    (
        Col("code", doc="Kode wilayah BPS dua digit, mis. '11' Aceh, '31' DKI Jakarta, '94' Papua"),
        Col("name", doc="Nama provinsi baku (BPS); laporan kadang menulisnya lain, mis. 'D.I Yogyakarta'"),
    ),
    key=("code",),
    doc="The provinces the report names (the per-province PBK outputs of Lampiran 6), with BPS codes.",
)

OUTPUT_CAPAIAN = Dataset(
    "output_capaian",
    "Capaian Output Kementerian Ketenagakerjaan (Lampiran 6)",
    (
        Col("urutan", "int", min=1, doc="Urutan baris sebagaimana dicetak (1 = baris pertama)"),
        Col(
            "level",
            choices=LEVELS,
            doc="Jenis baris: ss, ikss, program (total program), program_unit "
            "(program per unit Eselon I), sasaran_program, ikp, kegiatan, sasaran_kegiatan, ikk, output",
        ),
        Col("ss_code", choices=("SS-1", "SS-2"), doc="Sasaran strategis induk"),
        Col("program_code", required=False, ref="program.code", doc="Kode program WA/DN/DL (kosong pada SS/IKSS)"),
        Col(
            "unit_code",
            required=False,
            ref="unit.code",
            doc="Unit Eselon I (dari '(Ditjen Binalavotas)' dsb.; kosong pada SS, IKSS dan total program)",
        ),
        Col("kegiatan_code", required=False, doc="Kode kegiatan 4 digit (kosong di atas tingkat kegiatan)"),
        Col("output_code", required=False, doc="Kode output 3 digit; bisa berulang dalam satu kegiatan"),
        Col(
            "parent_urutan",
            "int",
            required=False,
            min=1,
            ref="output_capaian.urutan",
            doc="Urutan baris induk (kosong pada baris SS)",
        ),
        Col(
            "name",
            doc="Uraian sebagaimana dicetak, tanpa kode, awalan 'SP :'/'IKK :' dsb., "
            "tanpa '(Satuan)', '(PNx)' dan '(Unit)' di akhir",
        ),
        Col("satuan", required=False, doc="Satuan output (teks dalam kurung di akhir nama output)"),
        Col("pn_flag", required=False, doc="Penanda Prioritas Nasional di akhir nama output, mis. 'PN3'"),
        Col(
            "province_code",
            required=False,
            ref="province.code",
            doc="Provinsi pada output per provinsi (PBK Provinsi ...)",
        ),
        Col("anggaran_rp", "rp", required=False, doc="Belanja: anggaran (pagu)"),
        Col("realisasi_rp", "rp", required=False, doc="Belanja: realisasi (Monev Kemenkeu, bukan OM-SPAN)"),
        Col(
            "penyerapan_pct",
            "pct",
            required=False,
            doc="Belanja: % realisasi terhadap anggaran, sebagaimana dicetak (bulat)",
        ),
        Col("target", "float", required=False, doc="Capaian kinerja: target (angka)"),
        Col("realisasi", "float", required=False, doc="Capaian kinerja: realisasi (angka)"),
        Col("capaian_pct", "pct", required=False, doc="Capaian kinerja: % sebagaimana dicetak (bulat)", printed=True),
        Col("target_text", required=False, doc="Target bila dicetak sebagai teks, mis. 'WTP', 'A'"),
        Col("realisasi_text", required=False, doc="Realisasi bila dicetak sebagai teks, mis. 'WTP', 'A'"),
    ),
    key=("urutan",),
    doc="Lampiran 6, every printed row in order: SS and IKSS, program totals, program per Eselon I "
    "unit, sasaran/indikator program, kegiatan, sasaran/indikator kegiatan and outputs, each with "
    "parent_urutan. Levels are entities, not totals to add up across levels: sum one level at a "
    "time. Budget realisasi is from Monev Kemenkeu (28 Feb 2025), not OM-SPAN as in Bab 3. "
    "The report prints no grand total in this appendix.",
)

DATASETS = (PROVINCE, OUTPUT_CAPAIAN)
