"""SS-2 tata kelola: Reformasi Birokrasi (Tabel 3.16/3.17), RB and Opini BPK history (Tabel 3.2),
SPBE (Tabel 3.18/3.19) and the SPBE evaluation 2024 (Lampiran 8)."""

from loaders.schema import Col, Dataset

OPINI = ("WTP", "WDP", "TW", "TMP")
SPBE_KELOMPOK = ("Nasional", "Kementerian", "LPNK", "LNS dan Instansi Lainnya", "Provinsi", "Kabupaten", "Kota")

RB_COMPONENT = Dataset(
    "rb_component",
    "Indeks Reformasi Birokrasi per komponen (Tabel 3.16)",
    (
        Col("code", choices=("GENERAL", "TEMATIK"), doc="Kode komponen: GENERAL (RB Generik/General), TEMATIK"),
        Col("name", doc="Fokus penilaian sebagaimana dicetak di Tabel 3.16"),
        Col("tahun_evaluasi", "int", min=2000, max=2100, doc="Tahun pelaksanaan RB yang dievaluasi (n-1)"),
        Col("bobot", "float", min=0, max=100, doc="Bobot (nilai maksimum) komponen"),
        Col("nilai", "float", min=0, max=100, doc="Nilai komponen; Indeks RB = jumlah nilai komponen"),
    ),
    key=("code",),
    doc="Tabel 3.16: the two parts of the RB index (RB General max 100, RB Tematik max 10). The "
    "Indeks RB row (110 / 78,73) and the predikat go to printed_figure; the index is the plain sum "
    "of the component nilai. Year is the LKj year (2024), the evaluation is of RB 2023.",
)

RB_INDICATOR = Dataset(
    "rb_indicator",
    "Indikator penilaian RB General dan Tematik (Tabel 3.17)",
    (
        Col("nomor", "int", min=1, doc="Nomor indikator sebagaimana dicetak (1-34)"),
        Col("component_code", ref="rb_component.code", doc="GENERAL (no. 1-28) atau TEMATIK (no. 29-34)"),
        Col("komponen", doc="Komponen sebagaimana dicetak"),
        Col("indikator", doc="Indikator penilaian sebagaimana dicetak"),
        Col("bobot", "float", min=0, max=100, doc="Bobot (skor bobot maksimum)"),
        Col("skor", "float", min=0, max=100, doc="Skor mentah; skalanya beda per indikator (0-5, 0-100, ...)"),
        Col("skor_bobot", "float", min=0, max=100, doc="Skor terbobot; Indeks RB = jumlah skor bobot"),
        Col("capaian_pct", "pct", min=0, doc="% capaian sebagaimana dicetak (= skor bobot / bobot)"),
    ),
    key=("nomor",),
    doc="Tabel 3.17: the 34 indicators of the RB 2023 evaluation (PermenPANRB 3/2023). The group rows "
    "(RB General 100 / 74,79; RB Tematik 10 / 3,94) and Nilai Total (110 / 78,73) go to printed_figure. "
    "The RB Tematik indicator bobot add to 6, not the printed 10.",
)

RB_HISTORY = Dataset(
    "rb_history",
    "Indeks Reformasi Birokrasi per tahun (Tabel 3.2)",
    (
        Col("tahun_evaluasi", "int", min=2000, max=2100, doc="Tahun pelaksanaan RB yang dievaluasi (n-1)"),
        Col("indeks", "float", min=0, max=110, doc="Indeks RB sebagaimana dicetak"),
    ),
    key=("tahun_evaluasi",),
    doc="Realisasi of the Indeks RB IKSS per LKj year as Tabel 3.2 prints it (2022-2024). Earlier "
    "years are only drawn in Gambar 3.4 (no figures in the text).",
)

OPINI_BPK_HISTORY = Dataset(
    "opini_bpk_history",
    "Opini BPK per tahun (Tabel 3.2)",
    (
        Col("tahun_laporan_keuangan", "int", min=2000, max=2100, doc="Tahun laporan keuangan yang diperiksa (n-1)"),
        Col("opini", choices=OPINI, doc="WTP, WDP, TW atau TMP"),
    ),
    key=("tahun_laporan_keuangan",),
    doc="Realisasi of the Opini BPK IKSS per LKj year as Tabel 3.2 prints it (2022-2024). The "
    "2019-2023 history is only drawn in Gambar 3.5.",
)

SPBE_PREDIKAT = Dataset(
    "spbe_predikat",
    "Predikat Indeks SPBE (Tabel 3.18)",
    (
        Col("urutan", "int", min=1, doc="Nomor sebagaimana dicetak (1 = Memuaskan)"),
        Col("predikat", doc="Predikat sebagaimana dicetak"),
        Col(
            "batas_bawah",
            "float",
            required=False,
            min=0,
            max=5,
            doc="Batas bawah indeks (termasuk); kosong untuk 'Kurang' (< 1,8)",
        ),
        Col(
            "batas_atas", "float", min=0, max=5, doc="Batas atas indeks (tidak termasuk, kecuali 5,0 pada 'Memuaskan')"
        ),
    ),
    key=("predikat",),
    doc="Tabel 3.18 (PermenPANRB 59/2020): index bands of each predikat. A value v has the predikat "
    "whose batas_bawah <= v < batas_atas (the top band includes 5,0). Lampiran 8 repeats the bands "
    "(printed_figure L8.predikat.*).",
)

_SPBE_VALUES = (
    Col(
        "bobot_pct",
        "pct",
        required=False,
        min=0,
        max=100,
        doc="Bobot dalam indeks SPBE (Lampiran 8); hanya dicetak untuk evaluasi 2024",
    ),
    Col("nilai", "float", min=0, max=5, doc="Nilai Kemnaker (Tabel 3.19)"),
    Col(
        "nilai_rata_kementerian",
        "float",
        required=False,
        min=0,
        max=5,
        doc="Rata-rata nilai kementerian (Tabel 3.19, sama di Lampiran 8); hanya 2024",
    ),
    Col("nilai_nasional", "float", required=False, min=0, max=5, doc="Rata-rata nasional (Lampiran 8); hanya 2024"),
)

SPBE_DOMAIN = Dataset(
    "spbe_domain",
    "Indeks SPBE per domain (Tabel 3.19, Lampiran 8)",
    (
        Col("code", choices=("D1", "D2", "D3", "D4"), doc="Kode domain: D1-D4 (Lampiran 8: Domain 1-4)"),
        Col("name", doc="Nama domain sebagaimana dicetak di Tabel 3.19"),
        *_SPBE_VALUES,
    ),
    key=("code",),
    doc="Tabel 3.19 domain rows for 2022-2024; for 2024 also the weight and the national average "
    "from Lampiran 8 (sumber 'Tabel 3.19; Lampiran 8'). The SPBE index row goes to printed_figure.",
)

SPBE_ASPECT = Dataset(
    "spbe_aspect",
    "Indeks SPBE per aspek (Tabel 3.19, Lampiran 8)",
    (
        Col("code", choices=tuple(f"A{i}" for i in range(1, 9)), doc="Kode aspek: A1-A8 (Lampiran 8: Aspek 1-8)"),
        Col("name", doc="Nama aspek sebagaimana dicetak di Tabel 3.19"),
        Col("domain_code", ref="spbe_domain.code", doc="Domain induk"),
        *_SPBE_VALUES,
    ),
    key=("code",),
    doc="Tabel 3.19 aspect rows for 2022-2024; for 2024 also the weight and the national average "
    "from Lampiran 8. Domain = bobot-weighted mean of its aspects.",
)

SPBE_RATA_RATA = Dataset(
    "spbe_rata_rata",
    "Rata-rata nilai SPBE 2024 per kelompok instansi (Lampiran 8)",
    (
        Col(
            "code",
            choices=("D1", "D2", "D3", "D4", *(f"A{i}" for i in range(1, 9))),
            doc="Kode domain (D1-D4) atau aspek (A1-A8)",
        ),
        Col("kelompok", choices=SPBE_KELOMPOK, doc="Kelompok instansi sebagaimana dicetak"),
        Col("nilai", "float", min=0, max=5, doc="Rata-rata nilai"),
    ),
    key=("code", "kelompok"),
    doc="Lampiran 8: average domain and aspect values of each group of institutions. The overall "
    "SPBE average of each group goes to printed_figure (L8.rata.SPBE.*).",
)

SPBE_INDICATOR = Dataset(
    "spbe_indicator",
    "Tingkat kematangan 47 indikator SPBE 2024 (Lampiran 8)",
    (
        Col("nomor", "int", min=1, max=47, doc="Nomor indikator (1-47)"),
        Col("name", doc="Nama indikator sebagaimana dicetak (terpotong di cetakan)"),
        Col("aspect_code", ref="spbe_aspect.code", doc="Aspek: urutan nomor per aspek Lampiran 8"),
        Col("domain_code", ref="spbe_domain.code", doc="Domain aspek tersebut"),
        Col("tingkat", "int", min=1, max=5, doc="Nilai tingkat kematangan 2024 (1-5)"),
    ),
    key=("nomor",),
    doc="Lampiran 8: maturity level of each indicator in the 2024 evaluation. The report prints no "
    "per-indicator weight and no 2023 level; the aspect of each indicator follows the numbering of "
    "PermenPANRB 59/2020 (A1 1-10, A2 11-14, A3 15-18, A4 19-20, A5 21-28, A6 29-31, A7 32-41, "
    "A8 42-47), as the Lampiran 8 narrative lists them. Every indicator of an aspect weighs the "
    "same: aspect bobot_pct / number of its indicators.",
)

DATASETS = (
    RB_COMPONENT,
    RB_INDICATOR,
    RB_HISTORY,
    OPINI_BPK_HISTORY,
    SPBE_PREDIKAT,
    SPBE_DOMAIN,
    SPBE_ASPECT,
    SPBE_RATA_RATA,
    SPBE_INDICATOR,
)
