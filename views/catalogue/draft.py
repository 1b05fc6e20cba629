"""Texts of the regenerated LKj tables and the Word draft (``report/tables.py``, ``report/draft.py``).

Table titles and column headers follow the printed LKj; ``{y}`` is the report year, ``{y1}``
the year before, ``{y2}`` and ``{y3}`` two and three years before, ``{e}`` the evaluation year
(the year before). Paragraph texts (``p_<table>``) are the factual sentences written after each
table; their numbers come in already formatted (``kpi.format``). No text names a year itself.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # ---- the download button (``ui/report_buttons.py``) ----------------------------------------
    "btn_docx": ("Unduh draf LKj (Word)", "Download LKj draft (Word)"),
    "btn_docx_help": (
        "Draf LKj {y} yang dapat disunting: struktur laporan dan setiap tabel Bab II, Bab III serta Lampiran 5, 6 "
        "dan 8 dari basis data, masing-masing dengan paragraf fakta dan tempat analisis penulis.",
        "An editable draft of the LKj {y}: the report's outline and every table of Bab II, Bab III and Lampiran 5, 6 "
        "and 8 from the database, each with a factual paragraph and a place for the writer's analysis.",
    ),
    # ---- document ------------------------------------------------------------------------
    "doc_title": ("LAPORAN KINERJA", "PERFORMANCE REPORT"),
    "doc_ministry": ("KEMENTERIAN KETENAGAKERJAAN", "MINISTRY OF MANPOWER"),
    "doc_year": ("TAHUN {y}", "YEAR {y}"),
    "doc_draft": (
        "DRAF — tabel dan paragraf fakta dibuat otomatis dari basis data Dasbor Kinerja Kemnaker "
        "(versi data {v}, {when}). Bagian bertanda [ANALISIS PENULIS] diisi oleh penulis.",
        "DRAFT — tables and factual paragraphs generated from the Kemnaker Performance Dashboard database "
        "(data version {v}, {when}). Parts marked [WRITER'S ANALYSIS] are for the writer.",
    ),
    "toc": ("DAFTAR ISI", "CONTENTS"),
    "toc_hint": (
        "Klik kanan lalu pilih Perbarui Bidang (Update Field) untuk menyusun daftar isi.",
        "Right-click and choose Update Field to build the table of contents.",
    ),
    "preface": ("KATA PENGANTAR", "FOREWORD"),
    "exec_summary": ("RINGKASAN EKSEKUTIF", "EXECUTIVE SUMMARY"),
    "bab1": ("BAB I PENDAHULUAN", "CHAPTER I INTRODUCTION"),
    "bab1_1": ("1.1. Latar Belakang", "1.1. Background"),
    "bab1_2": ("1.2. Maksud dan Tujuan", "1.2. Purpose"),
    "bab1_3": ("1.3. Tugas dan Fungsi Kementerian Ketenagakerjaan", "1.3. Duties and Functions"),
    "bab1_4": (
        "1.4. Struktur Organisasi dan Sumber Daya Manusia Kementerian Ketenagakerjaan",
        "1.4. Organisation and Human Resources",
    ),
    "bab1_5": ("1.5. Potensi dan Tantangan", "1.5. Potential and Challenges"),
    "bab2": ("BAB II PERENCANAAN KINERJA", "CHAPTER II PERFORMANCE PLANNING"),
    "bab2_1": ("2.1. Rencana Strategis Kementerian Ketenagakerjaan", "2.1. Strategic Plan"),
    "bab2_2": ("2.2. Perjanjian Kinerja Kementerian Ketenagakerjaan Tahun {y}", "2.2. Performance Agreement {y}"),
    "bab3": ("BAB III AKUNTABILITAS KINERJA", "CHAPTER III PERFORMANCE ACCOUNTABILITY"),
    "bab3_1": ("3.1. Capaian Kinerja Kementerian Ketenagakerjaan Tahun {y}", "3.1. Performance in {y}"),
    "bab3_2": ("3.2. Analisis Capaian Kinerja", "3.2. Performance Analysis"),
    "bab3_2_1": ("3.2.1. Sasaran Strategis Ke-1 (SS-1)", "3.2.1. Strategic Goal 1 (SS-1)"),
    "bab3_2_2": ("3.2.2. Sasaran Strategis Ke-2 (SS-2)", "3.2.2. Strategic Goal 2 (SS-2)"),
    "bab3_3": ("3.3. Analisis Kinerja Anggaran", "3.3. Budget Performance"),
    "bab3_4": ("3.4. Efisiensi Penggunaan Sumber Daya", "3.4. Efficiency of Resource Use"),
    "bab4": ("BAB IV PENUTUP", "CHAPTER IV CLOSING"),
    "lampiran": ("LAMPIRAN", "APPENDICES"),
    "lamp_1": (
        "Lampiran 1. Perjanjian Kinerja Menteri Ketenagakerjaan Tahun {y}",
        "Appendix 1. Performance Agreement {y}",
    ),
    "lamp_2": (
        "Lampiran 2-4. Perubahan Perjanjian Kinerja Menteri Ketenagakerjaan Tahun {y}",
        "Appendices 2-4. Revisions of the Performance Agreement {y}",
    ),
    "lamp_7": ("Lampiran 7. Laporan Hasil Evaluasi RB {e}", "Appendix 7. RB Evaluation Report {e}"),
    "lamp_doc": (
        "[Lampirkan pindaian dokumen yang ditandatangani.]",
        "[Attach the scan of the signed document.]",
    ),
    "writer": (
        "[ANALISIS PENULIS: uraikan penyebab capaian, perbandingan dengan tahun sebelumnya dan target jangka "
        "menengah, kendala, serta upaya ke depan.]",
        "[WRITER'S ANALYSIS: explain the causes of the result, the comparison with earlier years and the "
        "medium-term target, obstacles and next steps.]",
    ),
    "writer_text": (
        "[TEKS PENULIS: bagian ini ditulis oleh Biro Perencanaan.]",
        "[WRITER'S TEXT: this part is written by the planning bureau.]",
    ),
    "not_in_db": (
        "[{n} tidak tersedia di basis data (isi teks, bukan angka): salin dari laporan sebelumnya dan perbarui.]",
        "[{n} is not in the database (text, not figures): copy it from the previous report and update it.]",
    ),
    "source": (
        "Sumber: {what}, basis data Dasbor Kinerja Kemnaker (versi data {v}).",
        "Source: {what}, dashboard database (data version {v}).",
    ),
    "exec_facts": (
        "Pada tahun {y}, capaian SS-1 sebesar {ss1} dan SS-2 sebesar {ss2}, dengan rata-rata capaian sasaran "
        "strategis {avg}. Penyerapan anggaran sebesar {abs} (realisasi Rp{r} dari pagu Rp{p}).",
        "In {y}, SS-1 achieved {ss1} and SS-2 {ss2}, an average of {avg} over the strategic goals. Budget "
        "absorption was {abs} (Rp{r} of Rp{p}).",
    ),
    # ---- titles ------------------------------------------------------------------------------
    "t_T2.1": ("SS dan IKSS Kementerian Ketenagakerjaan Tahun {y}", "Strategic goals and their indicators, {y}"),
    "t_T2.2": ("Target Kinerja Pada PK Menteri Ketenagakerjaan Tahun {y}", "Performance targets of the {y} agreement"),
    "t_T2.3": (
        "Perubahan Alokasi Anggaran Pada PK Menteri Ketenagakerjaan Tahun {y}",
        "Budget revisions of the {y} performance agreement",
    ),
    "t_T2.4": ("Prioritas Nasional Kementerian Ketenagakerjaan", "National priorities of the ministry"),
    "t_T3.1": ("Perubahan Cara Perhitungan IKSS", "Changes in how the indicators are computed"),
    "t_T3.2": ("Capaian Kinerja Kementerian Ketenagakerjaan Tahun {y}", "Ministry performance in {y}"),
    "t_T3.3": ("Kinerja Program Pendukung Pencapaian SS-1", "Programme performance behind SS-1"),
    "t_T3.4": ("Penciptaan Tenaga Kerja Baru Tahun {y2}-{y}", "New jobs created, {y2}-{y}"),
    "t_T3.5": ("Kejuruan yang Diselenggarakan Tahun {y}", "Vocational fields offered in {y}"),
    "t_T3.6": ("Realisasi Program Pelatihan Tahun {y}", "Training delivered in {y}"),
    "t_T3.7": ("Klasifikasi Tipe BLK Komunitas s.d. Tahun {y}", "Community training centres by type up to {y}"),
    "t_T3.8": ("Jumlah BLK-K binaan Kemnaker tahun {y2}-{y}", "Community training centres, {y2}-{y}"),
    "t_T3.9": ("Klasifikasi BLK Komunitas", "Community training centre classification"),
    "t_T3.10": (
        "Penempatan Dalam Negeri Berdasarkan Intervensi di Tahun {y}",
        "Domestic placement by intervention, {y}",
    ),
    "t_T3.11": ("Negara dengan Penempatan PMI Terbesar Tahun {y}", "Largest destinations of migrant workers, {y}"),
    "t_T3.12": (
        "Jumlah Perusahaan Yang Terdaftar pada WLKP online dan melaporkan kondisi ketenagakerjaannya Tahun {y2}-{y}",
        "Companies registered in WLKP online, {y2}-{y}",
    ),
    "t_T3.13": (
        "Fokus Pembinaan Hubungan Industrial dan Dialog Sosial tahun {y}",
        "Industrial relations and social dialogue, {y}",
    ),
    "t_T3.14": ("Data Kepesertaan Jaminan Sosial Tenaga Kerja", "Social security membership"),
    "t_T3.15": (
        "Penduduk Usia Kerja (PUK) dan Angkatan Kerja Agustus {y3}-Agustus {y}",
        "Working-age population and labour force, August {y3}-August {y}",
    ),
    "t_T3.16": (
        "Hasil Evaluasi Atas Implementasi RB Kemnaker oleh Kementerian PAN dan RB",
        "Bureaucratic reform evaluation by KemenPAN-RB",
    ),
    "t_T3.17": (
        "Indeks RB General dan Tematik Kementerian Ketenagakerjaan Tahun {e}",
        "General and thematic RB index, {e}",
    ),
    "t_T3.18": ("Predikat Penilaian SPBE", "SPBE rating bands"),
    "t_T3.19": (
        "Hasil Pemantauan dan Evaluasi SPBE Kementerian Ketenagakerjaan",
        "SPBE monitoring and evaluation results",
    ),
    "t_T3.20": ("Pagu dan Realisasi Anggaran Berdasarkan Program", "Budget and spending by programme"),
    "t_T3.21": ("Pagu dan Realisasi Anggaran Berdasarkan Unit Kerja Tahun {y}", "Budget and spending by unit, {y}"),
    "t_T3.22": ("Pagu Blokir per Unit Eselon I", "Blocked budget by Echelon I unit"),
    "t_T3.23": ("Dana Dekonsentrasi Kementerian Ketenagakerjaan Tahun {y}", "Deconcentration funds, {y}"),
    "t_T3.24": ("Penggunaan Sumber Daya Anggaran", "Use of budget resources"),
    "t_L5": ("Realisasi PN Kemnaker", "National priority realisation"),
    "t_L6": ("Capaian Output Kementerian Ketenagakerjaan {y}", "Output achievement {y}"),
    "t_L8": ("Laporan Hasil Evaluasi SPBE {y}", "SPBE evaluation report {y}"),
    "t_L8.bobot": ("Domain dan Aspek Penilaian SPBE dan Bobotnya", "SPBE domains and aspects with their weights"),
    "t_L8.rata": ("Rata-Rata Nilai Indeks SPBE {y} per Kelompok Instansi", "Average SPBE index {y} by group"),
    "t_L8.indikator": ("Nilai Tingkat Kematangan Indikator SPBE {y}", "SPBE indicator maturity levels {y}"),
    # ---- column headers and fixed labels -----------------------------------------------------
    "c_no": ("NO", "NO"),
    "c_ss": ("SASARAN STRATEGIS", "STRATEGIC GOAL"),
    "c_ikss": ("INDIKATOR KINERJA SASARAN STRATEGIS", "STRATEGIC GOAL INDICATOR"),
    "c_ikss_short": ("IKSS", "INDICATOR"),
    "c_target": ("TARGET", "TARGET"),
    "c_target_y": ("TARGET {y}", "TARGET {y}"),
    "c_realisasi": ("REALISASI", "ACTUAL"),
    "c_realisasi_y": ("REALISASI {y}", "ACTUAL {y}"),
    "c_capaian_y": ("CAPAIAN KINERJA {y}", "ACHIEVEMENT {y}"),
    "c_capaian": ("CAPAIAN", "ACHIEVEMENT"),
    "c_capaian_pct": ("CAPAIAN (%)", "ACHIEVEMENT (%)"),
    "c_program": ("PROGRAM", "PROGRAMME"),
    "c_pagu_rev": ("PAGU ANGGARAN {y} ({rev})", "BUDGET {y} ({rev})"),
    "c_pn": ("PRIORITAS NASIONAL/PROGRAM/KEGIATAN/OUTPUT", "NATIONAL PRIORITY/PROGRAMME/ACTIVITY/OUTPUT"),
    "c_pagu": ("PAGU", "BUDGET"),
    "c_target_output": ("TARGET OUTPUT", "OUTPUT TARGET"),
    "c_realisasi_output": ("REALISASI OUTPUT", "OUTPUT ACTUAL"),
    "c_kinerja_program": ("KINERJA PROGRAM", "PROGRAMME"),
    "c_real_year_orang": ("REALISASI TAHUN {y} (ORANG)", "ACTUAL {y} (PERSONS)"),
    "c_target_year_orang": ("TARGET TAHUN {y} (ORANG)", "TARGET {y} (PERSONS)"),
    "c_delta_real": ("△ REALISASI", "△ ACTUAL"),
    "c_intervensi": ("INTERVENSI", "INTERVENTION"),
    "c_intervensi_kemnaker": ("Intervensi Kementerian Ketenagakerjaan", "Ministry intervention"),
    "c_real_ta": ("Realisasi T.A {y} (Orang)", "Actual {y} (persons)"),
    "c_delta_pct": ("Δ Realisasi (%)", "Δ actual (%)"),
    "c_pelaksana": ("PELAKSANA", "IMPLEMENTER"),
    "c_kejuruan": ("KEJURUAN", "FIELD"),
    "c_unit_pelaksana": ("UNIT PELAKSANA", "UNIT"),
    "c_uptp": ("NAMA BBPVP/BPPV UPTP", "TRAINING CENTRE"),
    "c_klasifikasi": ("KLASIFIKASI TIPE BLKK", "TYPE"),
    "c_mandiri": ("MANDIRI", "INDEPENDENT"),
    "c_berkembang": ("BERKEMBANG", "DEVELOPING"),
    "c_tumbuh": ("TUMBUH", "GROWING"),
    "c_pembangunan_y": ("TAHUN PEMBANGUNAN {y}", "BUILT IN {y}"),
    "c_pembangunan_baru": ("PEMBANGUNAN BARU", "NEWLY BUILT"),
    "c_jumlah_blkk": ("JUMLAH BLK KOMUNITAS", "COMMUNITY CENTRES"),
    "c_tahun": ("TAHUN", "YEAR"),
    "c_blkk_tipe": ("BLK-K {t}", "BLK-K {t}"),
    "c_negara": ("NEGARA", "COUNTRY"),
    "c_penempatan_pmi": ("PENEMPATAN PMI", "MIGRANT WORKERS PLACED"),
    "c_perusahaan": ("PERUSAHAAN", "COMPANIES"),
    "c_total_perusahaan": ("TOTAL PERUSAHAAN", "TOTAL COMPANIES"),
    "c_fokus": ("FOKUS PEMBINAAN", "FOCUS"),
    "c_jumlah_pembinaan": ("JUMLAH PEMBINAAN (PERUSAHAAN)", "COMPANIES REACHED"),
    "c_uraian": ("URAIAN", "ITEM"),
    "c_aktif": ("JUMLAH KEPESERTAAN AKTIF", "ACTIVE MEMBERS"),
    "c_non_aktif": ("JUMLAH KEPESERTAAN NON-AKTIF", "INACTIVE MEMBERS"),
    "c_program_aktif": ("PROGRAM KEPESERTAAN AKTIF", "ACTIVE MEMBERSHIP BY PROGRAMME"),
    "c_jht": ("JAMINAN HARI TUA (JHT)", "OLD-AGE SAVINGS (JHT)"),
    "c_jkk": ("JAMINAN KECELAKAAN KERJA (JKK)", "WORK ACCIDENT (JKK)"),
    "c_jkm": ("JAMINAN KEMATIAN (JKM)", "DEATH BENEFIT (JKM)"),
    "c_jp": ("JAMINAN PENSIUN (JP)", "PENSION (JP)"),
    "c_status_naker": ("STATUS KEADAAN KETENAGAKERJAAN", "LABOUR FORCE STATUS"),
    "c_agustus": ("AGUSTUS {y}", "AUGUST {y}"),
    "c_perubahan": ("PERUBAHAN AGT {y1} – AGT {y}", "CHANGE AUG {y1} – AUG {y}"),
    "c_perubahan_juta": ("PERUBAHAN (JUTA ORANG)", "CHANGE (MILLION)"),
    "c_perubahan_persen": ("PERUBAHAN (PERSEN)", "CHANGE (PERCENT)"),
    "c_fokus_penilaian": ("FOKUS PENILAIAN", "ASSESSED"),
    "c_bobot": ("BOBOT", "WEIGHT"),
    "c_nilai": ("NILAI", "VALUE"),
    "c_komponen": ("KOMPONEN", "COMPONENT"),
    "c_indikator_penilaian": ("INDIKATOR PENILAIAN", "INDICATOR"),
    "c_skor": ("SKOR", "SCORE"),
    "c_skor_bobot": ("SKOR BOBOT", "WEIGHTED SCORE"),
    "c_pct_capaian": ("% CAPAIAN", "% ACHIEVED"),
    "c_nilai_indeks": ("NILAI INDEKS", "INDEX VALUE"),
    "c_predikat": ("PREDIKAT", "RATING"),
    "c_nama_indeks": ("NAMA INDEKS", "INDEX"),
    "c_nilai_kemnaker": ("NILAI KEMNAKER {y}", "KEMNAKER {y}"),
    "c_rata_kementerian": ("RATA-RATA NILAI KEMENTERIAN", "MINISTRIES' AVERAGE"),
    "c_pagu_y": ("PAGU ({y})", "BUDGET ({y})"),
    "c_realisasi_paren_y": ("REALISASI ({y})", "ACTUAL ({y})"),
    "c_capaian_pct_y": ("CAPAIAN % ({y})", "ABSORPTION % ({y})"),
    "c_unit_kerja": ("UNIT KERJA", "UNIT"),
    "c_realisasi_rp_y": ("REALISASI (Rp) ({y})", "ACTUAL (Rp) ({y})"),
    "c_realisasi_pct_y": ("REALISASI (%) ({y})", "ACTUAL (%) ({y})"),
    "c_blokir_y": ("PAGU BLOKIR ({y})", "BLOCKED ({y})"),
    "c_bidang": ("BIDANG", "FIELD"),
    "c_pagu_rp": ("PAGU (RP)", "BUDGET (RP)"),
    "c_realisasi_rp": ("REALISASI (RP)", "ACTUAL (RP)"),
    "c_pagu_rp2": ("PAGU (Rp)", "BUDGET (Rp)"),
    "c_realisasi_rp2": ("REALISASI (Rp)", "ACTUAL (Rp)"),
    "c_capaian_anggaran": ("CAPAIAN ANGGARAN (%)", "BUDGET ABSORPTION (%)"),
    "c_capaian_ss": ("CAPAIAN SS (%)", "GOAL ACHIEVEMENT (%)"),
    "c_belanja": ("BELANJA", "SPENDING"),
    "c_capaian_kinerja": ("CAPAIAN KINERJA", "PERFORMANCE"),
    "c_anggaran": ("ANGGARAN", "BUDGET"),
    "c_pct": ("%", "%"),
    "c_domain_aspek": ("Domain dan Aspek Penilaian", "Domain and aspect"),
    "c_bobot_plain": ("Bobot", "Weight"),
    "c_indeks": ("Indeks", "Index"),
    "c_rata_nilai": ("Rata-Rata Nilai", "Average"),
    "c_no_plain": ("No", "No"),
    "c_indikator": ("Indikator", "Indicator"),
    "c_tingkat_y": ("Nilai Tingkat Kematangan {y}", "Maturity level {y}"),
    "r_total": ("TOTAL", "TOTAL"),
    "r_total_plain": ("Total", "Total"),
    "r_jumlah": ("JUMLAH", "TOTAL"),
    "r_grand_total": ("Grand Total", "Grand total"),
    "r_kemnaker": ("Kementerian Ketenagakerjaan", "Ministry of Manpower"),
    "r_total_penempatan": ("Total Penempatan Tenaga Kerja Dalam Negeri", "Total domestic placement"),
    "r_binapenta": ("Ditjen Binapenta dan PKK", "Ditjen Binapenta dan PKK"),
    "r_jamsos_program": ("Jumlah Kepesertaan Berdasarkan Program", "Membership by programme"),
    "r_jamsos_total": ("TOTAL KEPESERTAAN AKTIF DAN NON AKTIF", "TOTAL ACTIVE AND INACTIVE"),
    "r_persen": ("Persen", "Percent"),
    "r_persen_poin": ("Persen Poin", "Percentage points"),
    "r_juta_orang": ("JUTA ORANG", "MILLION"),
    "r_predikat": ("PREDIKAT", "RATING"),
    "r_indeks_rb": ("Indeks RB", "RB index"),
    "r_nilai_total": ("Nilai Total", "Total"),
    "r_spbe": ("SPBE", "SPBE"),
    "r_ss_prefix": ("{code} {name}", "{code} {name}"),
    # ---- factual paragraphs ------------------------------------------------------------------
    "p_T2.1": (
        "Pada tahun {y}, Kementerian Ketenagakerjaan menetapkan {n_ss} sasaran strategis (SS) yang diukur "
        "dengan {n_ikss} indikator kinerja sasaran strategis (IKSS): {list}.",
        "In {y} the ministry set {n_ss} strategic goals measured by {n_ikss} indicators: {list}.",
    ),
    "p_T2.2": (
        "Perjanjian Kinerja Menteri Ketenagakerjaan tahun {y} (revisi {rev}) menetapkan target {list}.",
        "The minister's {y} performance agreement (revision {rev}) sets these targets: {list}.",
    ),
    "p_T2.3": (
        "Total pagu pada Perjanjian Kinerja tahun {y} berubah dari Rp{first} (revisi {rev_first}) menjadi Rp{last} "
        "(revisi {rev_last}), {dir} Rp{diff} ({pct}).",
        "The {y} agreement's total budget went from Rp{first} ({rev_first}) to Rp{last} ({rev_last}), {dir} Rp{diff} "
        "({pct}).",
    ),
    "p_T2.4": (
        "Untuk mendukung {n_pn} Prioritas Nasional tahun {y} dialokasikan pagu Rp{pagu} bagi {n_out} output: {list}.",
        "Rp{pagu} was allocated to {n_out} outputs supporting {n_pn} national priorities in {y}: {list}.",
    ),
    "p_T3.2": (
        "Pada tahun {y}, capaian kinerja SS-1 sebesar {ss1} dan SS-2 sebesar {ss2}. {list}",
        "In {y}, SS-1 achieved {ss1} and SS-2 {ss2}. {list}",
    ),
    "p_T3.2_item": (
        "{name}: target {t}, realisasi {r}, capaian {c} ({status}){prev}.",
        "{name}: target {t}, actual {r}, achievement {c} ({status}){prev}.",
    ),
    "p_prev": ("; realisasi tahun {py} {v}", "; {py} actual {v}"),
    "p_T3.3": (
        "Kinerja program pendukung SS-1 tahun {y} mencapai {c} ({status}): realisasi {r} orang dari target {t} "
        "orang, {change} dibanding realisasi tahun {py} ({rp} orang). {list}",
        "Programme performance behind SS-1 in {y} reached {c} ({status}): {r} persons against a target of {t}, "
        "{change} on {py} ({rp}). {list}",
    ),
    "p_T3.3_item": ("{name} {c} ({status})", "{name} {c} ({status})"),
    "p_capaian_list": ("Capaian per intervensi: {items}.", "Achievement per intervention: {items}."),
    "p_T3.4": (
        "Penciptaan tenaga kerja baru tahun {y} sebanyak {r} orang, {change} dibanding tahun {py} ({rp} orang). {list}",
        "{r} new jobs were created in {y}, {change} on {py} ({rp}). {list}",
    ),
    "p_T3.4_item": ("{name} {r} orang ({change})", "{name} {r} ({change})"),
    "p_T3.5": (
        "Pada tahun {y}, pelatihan diselenggarakan pada {n} kejuruan.",
        "In {y}, training was offered in {n} vocational fields.",
    ),
    "p_T3.6": (
        "Realisasi pelatihan berbasis kompetensi di {n} UPTP tahun {y} sebanyak {r} orang dari target {t} orang "
        "(capaian {c}, {status}). {k} UPTP mencapai 100 % atau lebih; capaian terendah pada {low} ({low_c}).",
        "Competency-based training at {n} centres in {y} reached {r} persons against a target of {t} "
        "({c}, {status}). {k} centres reached 100% or more; the lowest was {low} ({low_c}).",
    ),
    "p_T3.7": (
        "Sampai dengan tahun {y} terdapat {total} BLK Komunitas binaan {n} UPTP: {m} mandiri, {b} berkembang dan "
        "{g} tumbuh, dengan {p} BLK Komunitas dibangun pada tahun {y}.",
        "Up to {y} there were {total} community training centres under {n} UPTP: {m} independent, {b} developing, "
        "{g} growing, {p} of them built in {y}.",
    ),
    "p_T3.8": (
        "Jumlah BLK Komunitas tahun {y} sebanyak {total}, {change} dibanding tahun {py} ({prev}); {m} mandiri, "
        "{b} berkembang dan {g} tumbuh.",
        "There were {total} community training centres in {y}, {change} on {py} ({prev}); {m} independent, "
        "{b} developing, {g} growing.",
    ),
    "p_T3.9": (
        "Klasifikasi BLK Komunitas memakai {n} kriteria: {list}.",
        "The classification uses {n} criteria: {list}.",
    ),
    "p_T3.9_item": ("tipe {t} {k} kriteria", "type {t} {k} criteria"),
    "p_T3.10": (
        "Penempatan tenaga kerja dalam negeri melalui intervensi Kementerian Ketenagakerjaan tahun {y} sebanyak "
        "{r} orang dari target {t} orang (capaian {c}, {status}).",
        "Domestic placement through ministry interventions in {y} reached {r} persons against a target of {t} "
        "({c}, {status}).",
    ),
    "p_T3.11": (
        "Penempatan PMI tahun {y} terbesar ke {top} ({n} orang); {k} negara tujuan terbesar menampung {sum} PMI.",
        "Most migrant workers placed in {y} went to {top} ({n}); the {k} largest destinations took {sum}.",
    ),
    "p_T3.12": (
        "Jumlah perusahaan yang terdaftar pada WLKP online tahun {y} sebanyak {n}, {change} dibanding tahun {py} "
        "({prev}).",
        "{n} companies were registered in WLKP online in {y}, {change} on {py} ({prev}).",
    ),
    "p_T3.13": ("Pembinaan hubungan industrial tahun {y}: {list}.", "Industrial relations work in {y}: {list}."),
    "p_T3.13_item": ("{name} {n} perusahaan ({change})", "{name} {n} companies ({change})"),
    "p_T3.14": (
        "Kepesertaan aktif jaminan sosial ketenagakerjaan sebanyak {a} orang dan kepesertaan non-aktif {na} orang, "
        "seluruhnya {t} orang.",
        "Social security had {a} active and {na} inactive members, {t} in all.",
    ),
    "p_T3.15": (
        "Pada Agustus {y}, penduduk yang bekerja sebanyak {b} juta orang ({db} juta orang dibanding Agustus {py}), "
        "pengangguran {u} juta orang ({du} juta orang) dan TPAK {tpak} ({dtpak} persen poin).",
        "In August {y}, {b} million people worked ({db} million on August {py}), {u} million were unemployed "
        "({du} million) and the participation rate was {tpak} ({dtpak} points).",
    ),
    "p_T3.16": (
        "Indeks Reformasi Birokrasi hasil evaluasi tahun {e} sebesar {i} dari bobot {w} (RB General {g}, RB Tematik "
        "{t}){pred}{prev}.",
        "The bureaucratic reform index of the {e} evaluation is {i} of {w} (general {g}, thematic {t}){pred}{prev}.",
    ),
    "p_pred": (", predikat {p}", ", rating {p}"),
    "p_T3.16_prev": ("; evaluasi sebelumnya {v} ({change})", "; previous evaluation {v} ({change})"),
    "p_T3.17": (
        "Dari {n} indikator penilaian RB, {k} memperoleh capaian 100 %; capaian terendah pada {low} ({low_c}).",
        "Of {n} RB indicators, {k} scored 100%; the lowest was {low} ({low_c}).",
    ),
    "p_T3.18": ("Predikat indeks SPBE ditetapkan dalam {n} rentang: {list}.", "SPBE ratings have {n} bands: {list}."),
    "p_T3.19": (
        "Indeks SPBE Kementerian Ketenagakerjaan tahun {y} sebesar {v}{pred}, {change} dibanding tahun {py} ({pv}); "
        "rata-rata nilai kementerian {avg}. Domain tertinggi {hi} ({hi_v}), terendah {lo} ({lo_v}).",
        "The ministry's SPBE index in {y} is {v}{pred}, {change} on {py} ({pv}); the ministries' average is {avg}. "
        "Highest domain {hi} ({hi_v}), lowest {lo} ({lo_v}).",
    ),
    "p_T3.20": (
        "Pagu anggaran tahun {y} sebesar Rp{p} dengan realisasi Rp{r} (penyerapan {c}); pagu {change} Rp{d} "
        "dibanding tahun {py}. Penyerapan tertinggi pada program {hi} ({hi_c}).",
        "The {y} budget was Rp{p} with Rp{r} spent ({c}); the budget {change} by Rp{d} on {py}. Highest absorption: "
        "{hi} ({hi_c}).",
    ),
    "p_T3.21": (
        "Penyerapan anggaran per unit kerja tahun {y} tertinggi pada {hi} ({hi_c}) dan terendah pada {lo} ({lo_c}).",
        "By unit, {y} absorption was highest at {hi} ({hi_c}) and lowest at {lo} ({lo_c}).",
    ),
    "p_T3.22": (
        "Pagu yang diblokir tahun {y} sebesar Rp{b}, terbesar pada {hi} (Rp{hi_b}).",
        "Rp{b} of the {y} budget was blocked, most of it at {hi} (Rp{hi_b}).",
    ),
    "p_T3.23": (
        "Dana dekonsentrasi tahun {y} sebesar Rp{p} dengan realisasi Rp{r} (capaian {c}); capaian terendah pada "
        "bidang {lo} ({lo_c}).",
        "Deconcentration funds in {y} were Rp{p} with Rp{r} spent ({c}); lowest: {lo} ({lo_c}).",
    ),
    "p_T3.24": (
        "Rata-rata capaian sasaran strategis tahun {y} sebesar {c}, dengan penggunaan anggaran {a} dari pagu "
        "Kementerian Ketenagakerjaan.",
        "The strategic goals achieved {c} on average in {y}, using {a} of the ministry's budget.",
    ),
    "p_L5": (
        "Realisasi anggaran Prioritas Nasional tahun {y} sebesar Rp{r} dari pagu Rp{p} ({c}); {k} dari {n} output "
        "mencapai target volumenya.",
        "National priority spending in {y} was Rp{r} of Rp{p} ({c}); {k} of {n} outputs reached their volume target.",
    ),
    "p_L6": (
        "Lampiran 6 memuat {n} output tahun {y}: {k} mencapai target (capaian 100 % atau lebih) dan {m} di bawah "
        "target; penyerapan anggaran seluruh program {c}.",
        "Appendix 6 lists {n} outputs for {y}: {k} reached their target and {m} did not; overall absorption {c}.",
    ),
    "p_L8.bobot": (
        "Indeks SPBE dihitung dari {n} domain: {list}.",
        "The SPBE index is computed from {n} domains: {list}.",
    ),
    "p_L8.rata": (
        "Indeks SPBE rata-rata nasional tahun {y} sebesar {nat} dan rata-rata kementerian {kem}; indeks "
        "Kementerian Ketenagakerjaan {v}.",
        "The national average SPBE index in {y} is {nat} and the ministries' average {kem}; the ministry's is {v}.",
    ),
    "p_L8.indikator": (
        "Dari {n} indikator SPBE tahun {y}, {k} berada pada tingkat kematangan 3 atau lebih dan {m} di bawahnya.",
        "Of {n} SPBE indicators in {y}, {k} are at maturity level 3 or above and {m} below.",
    ),
    "naik": ("naik {v}", "up {v}"),
    "turun": ("turun {v}", "down {v}"),
    "tetap": ("tetap", "unchanged"),
    "and": ("dan", "and"),
}
