"""SS-1 detail tables of chapter 3.2.1: Tabel 3.5-3.15 (training, BLK Komunitas, placement, WLKP, PHI, Jamsos, BPS)."""

from loaders.schema import Col, Dataset

URUTAN = Col("urutan", "int", min=1, doc="Urutan baris sebagaimana dicetak (1 = baris pertama)")

KEJURUAN = Dataset(
    "kejuruan",
    "Kejuruan yang diselenggarakan (Tabel 3.5)",
    (
        URUTAN,
        Col("kejuruan", doc="Nama kejuruan sebagaimana dicetak"),
    ),
    key=("urutan",),
    doc="Tabel 3.5: the 28 training vocations held in 2024 (printed in two side-by-side blocks, "
    "unfolded here in the printed numbering).",
)

TRAINING_UPTP = Dataset(
    "training_uptp",
    "Realisasi program pelatihan per UPTP (Tabel 3.6)",
    (
        URUTAN,
        Col("uptp", doc="Unit pelaksana (BBPVP/BPVP) sebagaimana dicetak, mis. 'BBPVP Bandung'"),
        Col("target", "int", min=0, doc="Target peserta pelatihan (orang)"),
        Col("realisasi", "int", min=0, doc="Realisasi peserta pelatihan (orang)"),
        Col("capaian_pct", "pct", doc="Capaian sebagaimana dicetak (persen)"),
    ),
    key=("uptp",),
    doc="Tabel 3.6: training target and realisation of each of the 21 central training centres "
    "(UPTP) in 2024. The TOTAL row is in printed_figure (T3.6.total.*).",
)

_BLKK_COUNTS = (
    Col("mandiri", "int", min=0, doc="BLK-K tipe Mandiri"),
    Col("berkembang", "int", min=0, doc="BLK-K tipe Berkembang"),
    Col("tumbuh", "int", min=0, doc="BLK-K tipe Tumbuh"),
)

BLK_KOMUNITAS_UPTP = Dataset(
    "blk_komunitas_uptp",
    "Klasifikasi tipe BLK Komunitas per UPTP s.d. 2024 (Tabel 3.7)",
    (
        URUTAN,
        Col("uptp", doc="BBPVP/BPVP pembina sebagaimana dicetak (huruf besar), mis. 'BBPVP MEDAN'"),
        *_BLKK_COUNTS,
        Col("pembangunan_baru", "int", min=0, doc="BLK-K dibangun tahun 2024"),
        Col("jumlah_blkk", "int", min=0, doc="Jumlah BLK Komunitas sebagaimana dicetak (kolom jumlah per baris)"),
    ),
    key=("uptp",),
    doc="Tabel 3.7: BLK Komunitas supervised by each UPTP up to 2024, by classification, with "
    "the 2024 new builds and the printed per-row count (mandiri + berkembang + tumbuh + "
    "pembangunan_baru). The JUMLAH row is in printed_figure (T3.7.total.*).",
)

BLK_KOMUNITAS_TREND = Dataset(
    "blk_komunitas_trend",
    "Jumlah BLK-K binaan Kemnaker 2022-2024 (Tabel 3.8)",
    (
        URUTAN,
        *_BLKK_COUNTS,
        Col("pembangunan_baru", "int", min=0, doc="BLK-K dibangun pada tahun itu"),
        Col("jumlah_blkk", "int", min=0, doc="Jumlah BLK Komunitas sebagaimana dicetak"),
    ),
    key=("urutan",),
    doc="Tabel 3.8: national BLK Komunitas counts by classification, one row per year 2022-2024; "
    "jumlah_blkk is the printed row count (classified + newly built).",
)

BLK_KOMUNITAS_CRITERIA = Dataset(
    "blk_komunitas_criteria",
    "Kriteria klasifikasi BLK Komunitas (Tabel 3.9)",
    (
        Col("tipe", choices=("Mandiri", "Berkembang", "Tumbuh"), doc="Tipe BLK-K"),
        URUTAN,
        Col("kriteria", doc="Kriteria sebagaimana dicetak"),
    ),
    key=("tipe", "urutan"),
    doc="Tabel 3.9: the criteria each BLK-K type meets (one row per type and criterion).",
)

PLACEMENT_DOMESTIC = Dataset(
    "placement_domestic",
    "Penempatan dalam negeri berdasarkan intervensi 2024 (Tabel 3.10)",
    (
        URUTAN,
        Col("nomor", doc="Nomor sebagaimana dicetak: '1', '2.a' … '2.e'"),
        Col("kelompok", doc="Baris bernomor induk: intervensi penempatan (1) atau 'Perluasan Kesempatan Kerja' (2)"),
        Col("intervensi", doc="Intervensi sebagaimana dicetak (tanpa huruf urut)"),
        Col("target", "int", min=0, doc="Target (orang)"),
        Col("realisasi", "int", min=0, doc="Realisasi (orang)"),
        Col("capaian_pct", "pct", doc="Capaian sebagaimana dicetak (persen, dibulatkan)"),
        Col("pelaksana", doc="Direktorat pelaksana"),
    ),
    key=("nomor",),
    doc="Tabel 3.10: domestic placement per intervention in 2024, detail rows only (row 1 and "
    "the sub-items 2.a-2.e). The printed subtotal of row 2 and the total are in printed_figure "
    "(T3.10.2.*, T3.10.total.*).",
)

PMI_COUNTRY = Dataset(
    "pmi_country",
    "Negara dengan penempatan PMI terbesar 2024 (Tabel 3.11)",
    (
        URUTAN,
        Col("negara", doc="Negara penempatan sebagaimana dicetak"),
        Col("penempatan_pmi", "int", min=0, doc="Jumlah penempatan Pekerja Migran Indonesia (orang)"),
    ),
    key=("negara",),
    doc="Tabel 3.11: the 10 destination countries with most Indonesian migrant worker placements "
    "in 2024 (source BP2MI; printed in two blocks, unfolded). A top-10 list: no total printed.",
)

WLKP_COMPANY = Dataset(
    "wlkp_company",
    "Perusahaan terdaftar WLKP online per skala 2022-2024 (Tabel 3.12)",
    (
        URUTAN,
        Col("skala", choices=("Mikro", "Kecil", "Menengah", "Besar"), doc="Skala perusahaan"),
        Col("jumlah_perusahaan", "int", min=0, doc="Perusahaan terdaftar dan melapor"),
    ),
    key=("skala",),
    doc="Tabel 3.12: companies registered in WLKP online by size, one row per size per year "
    "2022-2024. TOTAL PERUSAHAAN per year is in printed_figure (T3.12.total.<year>).",
)

PHI_FOCUS = Dataset(
    "phi_focus",
    "Fokus pembinaan hubungan industrial dan dialog sosial 2022-2024 (Tabel 3.13)",
    (
        URUTAN,
        Col("fokus_pembinaan", doc="Fokus pembinaan sebagaimana dicetak"),
        Col("jumlah_perusahaan", "int", min=0, doc="Jumlah pembinaan (perusahaan)"),
    ),
    key=("fokus_pembinaan",),
    doc="Tabel 3.13: companies coached per industrial-relations focus, one row per focus per year "
    "2022-2024. The report prints no total for this table.",
)

JAMSOS_PARTICIPATION = Dataset(
    "jamsos_participation",
    "Kepesertaan jaminan sosial tenaga kerja (Tabel 3.14)",
    (
        URUTAN,
        Col("kategori_peserta", doc="Kategori peserta sebagaimana dicetak (PU, BPU, Jasa Konstruksi)"),
        Col("aktif", "int", min=0, doc="Jumlah kepesertaan aktif"),
        Col("non_aktif", "int", required=False, min=0, doc="Jumlah kepesertaan non-aktif ('-' = kosong)"),
        Col("jht", "int", required=False, min=0, doc="Peserta aktif Jaminan Hari Tua"),
        Col("jkk", "int", required=False, min=0, doc="Peserta aktif Jaminan Kecelakaan Kerja"),
        Col("jkm", "int", required=False, min=0, doc="Peserta aktif Jaminan Kematian"),
        Col("jp", "int", required=False, min=0, doc="Peserta aktif Jaminan Pensiun"),
    ),
    key=("kategori_peserta",),
    doc="Tabel 3.14: BPJS Ketenagakerjaan participants by category (no year printed; taken as "
    "2024). The JUMLAH and TOTAL rows are in printed_figure (T3.14.total.*).",
)

LABOUR_FORCE_BPS = Dataset(
    "labour_force_bps",
    "Penduduk usia kerja dan angkatan kerja Agustus 2021-2024 (Tabel 3.15)",
    (
        URUTAN,
        Col(
            "kode",
            doc="Kode indikator: puk, angkatan_kerja, bekerja, pengangguran, bukan_angkatan_kerja, "
            "tpak, tpak_laki_laki, tpak_perempuan",
        ),
        Col("indikator", doc="Status keadaan ketenagakerjaan sebagaimana dicetak"),
        Col(
            "induk",
            required=False,
            doc="Kode indikator induk (bekerja/pengangguran -> angkatan_kerja; "
            "angkatan_kerja/bukan_angkatan_kerja -> puk; tpak_* -> tpak)",
        ),
        Col("nilai", "float", min=0, doc="Nilai pada Agustus tahun itu"),
        Col("satuan", choices=("juta orang", "persen"), doc="juta orang atau persen"),
    ),
    key=("kode",),
    doc="Tabel 3.15 (BPS Sakernas, August of each year 2021-2024): working-age population, labour "
    "force and participation rate. Every printed row is an indicator in its own right (PUK and "
    "angkatan kerja are not table totals), linked by induk. The printed change Agt 2023-Agt 2024 "
    "is in printed_figure (T3.15.<kode>.perubahan, .perubahan_pct).",
)

DATASETS = (
    KEJURUAN,
    TRAINING_UPTP,
    BLK_KOMUNITAS_UPTP,
    BLK_KOMUNITAS_TREND,
    BLK_KOMUNITAS_CRITERIA,
    PLACEMENT_DOMESTIC,
    PMI_COUNTRY,
    WLKP_COMPANY,
    PHI_FOCUS,
    JAMSOS_PARTICIPATION,
    LABOUR_FORCE_BPS,
)
