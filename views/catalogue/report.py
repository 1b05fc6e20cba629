"""Texts of the PDF report, the year's workbook and their download buttons (``report/``, ``ui/report_buttons``).

Read with ``views.i18n.texts("report", lang)``: keys without an entry here fall back to
``common`` (``year``, ``data_version``, ``target``, ``realisasi``, ``capaian``, ``pagu``,
``penyerapan``, ``status_<status>``). ``{y}`` is the report year: no text names a year itself.
Names of codes in the data: ``ikss_<code>``, ``satuan_<satuan>``, ``comp_<variable>``,
``rb_<component code>``; a code without an entry is shown with its name from the data.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # cover
    "title": ("Laporan Kinerja", "Performance Report"),
    "ministry": ("Kementerian Ketenagakerjaan", "Ministry of Manpower"),
    "subtitle": (
        "Ringkasan kinerja tahun {y} dari Dasbor Kinerja Kemnaker, dihitung ulang dari tabel LKj {y}.",
        "Summary of {y} performance from the Kemnaker Performance Dashboard, recomputed from the LKj {y} tables.",
    ),
    "generated": ("Dibuat", "Generated"),
    "contents": ("Daftar isi", "Contents"),
    "footer": (
        "Dasbor Kinerja Kemnaker · LKj {y} · versi data {v}",
        "Kemnaker Performance Dashboard · LKj {y} · data version {v}",
    ),
    "page": ("Halaman {n} dari {t}", "Page {n} of {t}"),
    "source_line": ("Sumber: LKj Kemnaker {y} — {tables}", "Source: Kemnaker LKj {y} — {tables}"),
    "source_quality": (
        "Sumber: pemeriksaan Kualitas Data Dasbor Kinerja Kemnaker atas tabel LKj Kemnaker {y}",
        "Source: the dashboard's data quality checks of the Kemnaker LKj {y} tables",
    ),
    "cover_note": (
        "Angka dihitung ulang dari data tabel laporan; bila laporan mencetak angka lain, keduanya ditampilkan. "
        "Status: Tercapai ≥ 100 %, Hampir tercapai 80 % sampai < 100 %, Belum tercapai < 80 %.",
        "Figures are recomputed from the report's table data; where the report prints another figure, both are shown. "
        "Status: Achieved ≥ 100%, Nearly achieved 80% to < 100%, Not achieved < 80%.",
    ),
    # headline tiles
    "k_ss1": ("Capaian SS-1", "SS-1 achievement"),
    "k_ss2": ("Capaian SS-2", "SS-2 achievement"),
    "k_overall": ("Rata-rata capaian SS", "Average goal achievement"),
    "k_pagu": ("Pagu anggaran", "Budget ceiling"),
    "k_realisasi": ("Realisasi anggaran", "Budget spent"),
    "k_absorption": ("Penyerapan anggaran", "Budget absorption"),
    # sections
    "sec_ikss": ("1. Indikator Kinerja Sasaran Strategis (IKSS)", "1. Strategic goal indicators (IKSS)"),
    "sec_ss": ("2. Capaian Sasaran Strategis", "2. Strategic goal achievement"),
    "sec_budget": ("3. Anggaran", "3. Budget"),
    "sec_prod": ("4. Kontribusi terhadap produktivitas (SS-1)", "4. Contribution to productivity (SS-1)"),
    "sec_spbe": ("5. Indeks SPBE", "5. E-government (SPBE) index"),
    "sec_rb": ("6. Reformasi Birokrasi", "6. Bureaucratic reform"),
    "sec_outputs": ("7. Output di bawah target", "7. Outputs below target"),
    "sec_quality": ("8. Kualitas Data", "8. Data quality"),
    # IKSS
    "ikss_intro": (
        "Capaian = realisasi ÷ target × 100 (Tabel 3.2); Opini BPK dinilai sebagai peringkat (WTP > WDP > TW > TMP).",
        "Achievement = actual ÷ target × 100 (Tabel 3.2); the audit opinion is ranked (WTP > WDP > TW > TMP).",
    ),
    "c_ss": ("SS", "Goal"),
    "c_ikss": ("Indikator", "Indicator"),
    "c_satuan": ("Satuan", "Unit"),
    "c_real_prev": ("Realisasi {y}", "Actual {y}"),
    "c_printed": ("Tercetak", "Printed"),
    "c_status": ("Status", "Status"),
    "chart_ikss": ("Capaian IKSS {y} (garis: 100 %)", "IKSS achievement {y} (line: 100%)"),
    "ikss_produktivitas": (
        "Kontribusi terhadap produktivitas tenaga kerja nasional",
        "Contribution to national labour productivity",
    ),
    "ikss_indeks_rb": ("Indeks Reformasi Birokrasi", "Bureaucratic Reform index"),
    "ikss_opini_bpk": ("Opini BPK", "BPK audit opinion"),
    "ikss_indeks_spbe": ("Indeks SPBE", "E-government (SPBE) index"),
    "satuan_%": ("%", "%"),
    "satuan_poin": ("poin", "points"),
    "satuan_opini": ("opini", "opinion"),
    # SS
    "ss_intro": (
        "Capaian sasaran strategis = rata-rata capaian IKSS-nya (Bab 3.1). Efficiency rate = capaian SS ÷ "
        "penyerapan anggaran SS (Bab 3.4, Tabel 3.24): di atas 1, sasaran tercapai lebih jauh daripada anggaran terserap.",
        "A strategic goal's achievement is the mean of its indicators' (section 3.1). Efficiency rate = goal "
        "achievement ÷ the goal's budget absorption (section 3.4, Tabel 3.24): above 1, the goal went further than the money.",
    ),
    "c_sasaran": ("Sasaran strategis", "Strategic goal"),
    "c_eff": ("Efficiency rate", "Efficiency rate"),
    "overall": ("Rata-rata SS-1 dan SS-2", "Average of SS-1 and SS-2"),
    "ss1": ("SS-1 Tenaga kerja produktif", "SS-1 Productive workforce"),
    "ss2": ("SS-2 Tata kelola yang baik", "SS-2 Good governance"),
    # budget
    "budget_intro": (
        "Pagu {pagu}, realisasi {real}, penyerapan {abs}. Tanpa anggaran diblokir ({blokir}) penyerapan {excl}.",
        "Budget ceiling {pagu}, spent {real}, absorption {abs}. Excluding blocked funds ({blokir}) absorption is {excl}.",
    ),
    "h_program": ("Per program", "By programme"),
    "h_unit": ("Per unit Eselon I", "By Echelon I unit"),
    "c_program": ("Program", "Programme"),
    "c_unit": ("Unit", "Unit"),
    "c_blokir": ("Blokir", "Blocked"),
    "c_excl": ("Penyerapan tanpa blokir", "Absorption excl. blocked"),
    "total": ("Jumlah", "Total"),
    "chart_program": (
        "Pagu dan realisasi per program {y} (Rp triliun)",
        "Budget ceiling and spending by programme {y} (Rp trillion)",
    ),
    "chart_unit": ("Penyerapan per unit Eselon I {y}", "Absorption by Echelon I unit {y}"),
    "legend_pagu": ("Pagu", "Ceiling"),
    "legend_realisasi": ("Realisasi", "Spent"),
    "legend_with": ("Penyerapan", "Absorption"),
    "legend_excl": ("Tanpa blokir", "Excl. blocked"),
    # productivity
    "prod_intro": (
        "P = ((PyB vokasi + PyB penta) ÷ ΔPyB × upah Sakernas + (PyB PHI + PyB Binwas − irisan) ÷ PyB formal × UMP) "
        "× 10 % ÷ upah Sakernas. P {y} = {p} terhadap target {t}: capaian {c}.",
        "P = ((PyB vocational + PyB placement) ÷ ΔPyB × Sakernas wage + (PyB PHI + PyB Binwas − overlap) ÷ formal "
        "workers × UMP) × 10% ÷ Sakernas wage. P {y} = {p} against a target of {t}: achievement {c}.",
    ),
    "c_component": ("Komponen", "Component"),
    "c_value": ("Nilai", "Value"),
    "c_contrib": ("Sumbangan (poin persen)", "Contribution (pct points)"),
    "c_share": ("Bagian dari P", "Share of P"),
    "chart_prod": (
        "Sumbangan tiap komponen PyB terhadap P {y} (poin persen)",
        "Contribution of each PyB component to P {y} (pct points)",
    ),
    "comp_pyb_vokasi": ("PyB vokasi", "PyB vocational"),
    "comp_pyb_penta": ("PyB penta", "PyB placement"),
    "comp_pyb_phi": ("PyB PHI", "PyB industrial relations"),
    "comp_pyb_binwas": ("PyB Binwas", "PyB labour inspection"),
    "comp_pyb_irisan": ("Irisan PHI ∩ Binwas", "Overlap PHI ∩ Binwas"),
    "comp_delta_pyb": ("ΔPyB (tambahan penduduk bekerja)", "ΔPyB (growth in employed population)"),
    "comp_pyb_formal": ("PyB formal", "Formal-sector workers"),
    "comp_ump_rp": ("Rata-rata UMP", "Mean provincial minimum wage"),
    "comp_sakernas_wage_rp": ("Upah rata-rata Sakernas", "Mean Sakernas wage"),
    # spbe
    "spbe_intro": (
        "Indeks SPBE {y}: {idx} (dihitung ulang dari 47 indikator: {rec}), predikat {pred}. {next}",
        "SPBE index {y}: {idx} (recomputed from the 47 indicators: {rec}), rating {pred}. {next}",
    ),
    "spbe_next": ("Predikat berikutnya, {p}, mulai {lo}.", "The next rating, {p}, starts at {lo}."),
    "c_domain": ("Domain", "Domain"),
    "c_bobot": ("Bobot", "Weight"),
    "c_kemnaker": ("Kemnaker", "Kemnaker"),
    "c_kementerian": ("Rata-rata kementerian", "Ministries' mean"),
    "c_nasional": ("Nasional", "National"),
    "chart_spbe": (
        "Nilai domain SPBE {y}: Kemnaker, rata-rata kementerian, nasional",
        "SPBE domain values {y}: Kemnaker, ministries' mean, national",
    ),
    # rb
    "rb_intro": (
        "Indeks RB (evaluasi {e}): {idx} terhadap target {t}, capaian {c}. Opini BPK atas laporan keuangan {o_y}: {o}.",
        "RB index (evaluation of {e}): {idx} against a target of {t}, achievement {c}. BPK opinion on the {o_y} "
        "financial statements: {o}.",
    ),
    "c_komponen": ("Komponen", "Component"),
    "c_gap": ("Selisih ke bobot", "Gap to weight"),
    "c_pct_bobot": ("% dari bobot", "% of weight"),
    "c_tahun_eval": ("Tahun evaluasi", "Evaluation year"),
    "c_indeks": ("Indeks RB", "RB index"),
    "c_opini": ("Opini BPK", "BPK opinion"),
    "h_history": ("Riwayat", "History"),
    "c_lkj_year": ("LKj", "LKj"),
    "rb_GENERAL": ("RB Generik", "General RB"),
    "rb_TEMATIK": ("RB Tematik", "Thematic RB"),
    # outputs
    "outputs_intro": (
        "{n} output Lampiran 6: {h} tercapai, {k} hampir tercapai, {m} belum tercapai, {a} tanpa data. "
        "Berikut {top} output dengan capaian terendah (capaian dan penyerapan dihitung ulang).",
        "{n} Lampiran 6 outputs: {h} achieved, {k} nearly achieved, {m} not achieved, {a} without data. "
        "The {top} outputs with the lowest achievement follow (achievement and absorption recomputed).",
    ),
    "c_kode": ("Kode", "Code"),
    "c_output": ("Output", "Output"),
    "chart_outputs": ("Status {n} output Lampiran 6 ({y})", "Status of the {n} Lampiran 6 outputs ({y})"),
    # quality
    "quality_intro": (
        "{ran} perbandingan angka tercetak dengan angka yang dihitung ulang; {f} temuan: {e} galat, {w} peringatan, {i} info. "
        "Galat di bawah ini adalah angka laporan yang tidak saling cocok.",
        "{ran} comparisons of printed figures with recomputed ones; {f} findings: {e} errors, {w} warnings, {i} info. "
        "The errors below are report figures that disagree with each other.",
    ),
    "c_table": ("Tabel", "Table"),
    "c_finding": ("Temuan", "Finding"),
    "c_ran": ("Diperiksa", "Checked"),
    "c_failed": ("Temuan", "Findings"),
    "h_errors": ("Galat", "Errors"),
    "h_by_table": ("Temuan per tabel", "Findings by table"),
    "none": ("Tidak ada.", "None."),
    # workbook
    "wb_title": ("Data Laporan Kinerja Kemnaker {y}", "Kemnaker Performance Report data {y}"),
    "wb_cover": ("Sampul", "Cover"),
    "wb_note": (
        "Satu lembar per tabel data tahun {y}, sebagaimana tersimpan di basis data. Persen dalam persen (40,71 berarti 40,71 %), "
        "uang dalam Rupiah. Teks yang diawali = + - @ diberi tanda kutip agar tidak dijalankan sebagai rumus.",
        "One sheet per data table of {y}, as stored in the database. Percentages are in percent (40.71 means 40.71%), "
        "money in Rupiah. Text starting with = + - @ gets a quote mark so that it is not run as a formula.",
    ),
    "wb_sheet": ("Lembar", "Sheet"),
    "wb_table": ("Tabel", "Table"),
    "wb_rows": ("Baris", "Rows"),
    "wb_contents": ("Isi", "Contents"),
    # the download buttons (ui/report_buttons.py)
    "btn_pdf": ("Unduh Laporan (PDF)", "Download report (PDF)"),
    "btn_xlsx": ("Unduh Workbook", "Download workbook"),
    "btn_pdf_help": (
        "Laporan kinerja {y} siap cetak (A4): IKSS, capaian SS, anggaran, produktivitas, SPBE, RB, output di bawah "
        "target dan Kualitas Data, dengan grafik dan sumber tiap tabel.",
        "The printable {y} performance report (A4): IKSS, goal achievement, budget, productivity, SPBE, RB, outputs "
        "below target and data quality, with charts and the source of each table.",
    ),
    "btn_xlsx_help": (
        "Seluruh tabel data tahun {y} dalam satu file Excel, satu lembar per tabel.",
        "Every data table of {y} in one Excel file, one sheet per table.",
    ),
}
