"""Texts of the SS-2 Tata Kelola page, and the English names of the report's Indonesian labels it shows."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "ss_caption": (
        "Sasaran Strategis 2: meningkatnya tata kelola pemerintahan yang baik. Capaian SS-2 = rata-rata capaian "
        "tiga IKSS (Tabel 3.2).",
        "Strategic Goal 2: better good governance. SS-2 achievement = mean achievement of its three indicators "
        "(Tabel 3.2).",
    ),
    "tile_ss2": ("Capaian SS-2 {y}", "SS-2 result {y}"),
    "tile_rb": ("Indeks RB", "RB index"),
    "tile_bpk": ("Opini BPK", "BPK opinion"),
    "tile_spbe": ("Indeks SPBE", "SPBE index"),
    "target_is": ("Target {y}: {t}", "Target {y}: {t}"),
    "prev_is": ("{y}: {v}", "{y}: {v}"),
    "tile_predikat": ("Predikat SPBE {y}", "SPBE rating {y}"),
    "printed": ("dicetak", "printed"),
    "not_printed": ("rata-rata tiga IKSS (belum dicetak)", "mean of the three indicators (not yet printed)"),
    "vs": ("vs", "vs"),
    "help_ss2": (
        "Rata-rata capaian Indeks RB, Opini BPK dan Indeks SPBE, dihitung ulang dari target dan realisasi Tabel 3.2: "
        "({a} + {b} + {c}) ÷ 3.",
        "Mean achievement of the RB index, the audit opinion and the SPBE index, recomputed from target and actual "
        "in Tabel 3.2: ({a} + {b} + {c}) ÷ 3.",
    ),
    "help_capaian": (
        "Capaian = realisasi ÷ target × 100 (Tabel 3.2).",
        "Achievement = actual ÷ target × 100 (Tabel 3.2).",
    ),
    "help_bpk": (
        "Opini ordinal: WTP memenuhi target WTP (100 %).",
        "Ordinal opinion: an unqualified opinion (WTP) meets the WTP target (100%).",
    ),
    "predikat_target": (
        "Target predikat: {p} (indeks ≥ {v}, Lampiran 8)",
        "Target rating: {p} (index ≥ {v}, Lampiran 8)",
    ),
    "predikat_target_ikss": (
        "Target predikat: {p} (indeks ≥ {v}, dari target IKSS {t})",
        "Target rating: {p} (index ≥ {v}, from the indicator target {t})",
    ),
    "note_ss2": (
        "⚠️ Laporan mencetak capaian SS-2 {p} (Bab 3.1, Bab 3.2.2 dan Bab IV); rata-rata ketiga capaian yang dihitung "
        "ulang adalah {r} (dengan capaian tercetak yang dibulatkan: {q}).",
        "⚠️ The report prints an SS-2 achievement of {p} (Bab 3.1, Bab 3.2.2 and Bab IV); the mean of the three "
        "recomputed achievements is {r} (from the rounded printed achievements: {q}).",
    ),
    "note_rb_target": (
        "⚠️ Bab IV menyebut target Indeks RB {y} sebesar {b4}, sedangkan Tabel 3.2 dan Ringkasan Eksekutif {t32}. "
        "Halaman ini memakai {t32}; dengan {b4} capaiannya {c}.",
        "⚠️ Bab IV gives an RB index target of {b4} for {y}, while Tabel 3.2 and the Executive Summary give {t32}. "
        "This page uses {t32}; against {b4} the achievement would be {c}.",
    ),
    # RB
    "h_rb": ("Reformasi Birokrasi (evaluasi pelaksanaan RB {y})", "Bureaucratic reform (evaluation of RB {y})"),
    "h_rb_plain": ("Reformasi Birokrasi", "Bureaucratic reform"),
    "rb_intro": (
        "Indeks RB = nilai RB General (maks. 100) + nilai RB Tematik (maks. 10) = {g} + {tm} = {i}; kategori {k} "
        "(Tabel 3.16, Lampiran 7).",
        "RB index = RB General score (max 100) + RB Thematic score (max 10) = {g} + {tm} = {i}; category {k} "
        "(Tabel 3.16, Lampiran 7).",
    ),
    "comp_title": ("Nilai komponen terhadap bobot maksimum", "Component score against maximum weight"),
    "nilai": ("Nilai", "Score"),
    "gap": ("Sisa ke maksimum", "Gap to maximum"),
    "komponen": ("Komponen", "Component"),
    "bobot": ("Bobot", "Weight"),
    "pct_bobot": ("Nilai/bobot", "Score/weight"),
    "hist_title": ("Indeks RB per tahun evaluasi", "RB index per evaluation year"),
    "hist_label": ("Indeks RB", "RB index"),
    "eval_year": ("Evaluasi {e} (LKj {y})", "Evaluation {e} (LKj {y})"),
    "target_y": ("Target {y}", "Target {y}"),
    "hist_note": (
        "Kenaikan evaluasi {a} → {b}: {d} poin ({p}; laporan mencetak {pp} poin dan {ppp}). Tahun sebelum {f} hanya "
        "digambar di grafik laporan (Gambar 3.4).",
        "Change evaluation {a} → {b}: {d} points ({p}; the report prints {pp} points and {ppp}). Years before {f} "
        "are only drawn in the report's chart (Gambar 3.4).",
    ),
    "hist_note_plain": (
        "Kenaikan evaluasi {a} → {b}: {d} poin ({p}).",
        "Change evaluation {a} → {b}: {d} points ({p}).",
    ),
    "tematik_note": (
        "⚠️ Bobot {k} indikator RB Tematik di Tabel 3.17 berjumlah {s}, bukan {b} seperti dicetak untuk komponen "
        "ini; nilai {n} tetap sama dengan jumlah skor bobotnya.",
        "⚠️ The {k} RB Thematic indicator weights in Tabel 3.17 add up to {s}, not the {b} printed for the "
        "component; its score {n} still equals the sum of their weighted scores.",
    ),
    "h_rb_ind": ("{n} indikator penilaian RB (Tabel 3.17)", "The {n} RB assessment indicators (Tabel 3.17)"),
    "sort": ("Urutkan", "Sort by"),
    "sort_nomor": ("Nomor", "Number"),
    "sort_capaian_naik": ("Capaian terendah dulu", "Lowest achievement first"),
    "sort_capaian_turun": ("Capaian tertinggi dulu", "Highest achievement first"),
    "sort_gap": ("Sisa poin terbesar dulu", "Largest open points first"),
    "ind_title": ("Capaian tiap indikator (skor bobot ÷ bobot)", "Achievement per indicator (weighted score ÷ weight)"),
    "no": ("No.", "No."),
    "indikator": ("Indikator", "Indicator"),
    "skor": ("Skor", "Score"),
    "skor_bobot": ("Skor bobot", "Weighted score"),
    "capaian_printed": ("Capaian (dicetak)", "Achievement (printed)"),
    "capaian_recomputed": ("Capaian (hitung ulang)", "Achievement (recomputed)"),
    "sisa": ("Sisa poin", "Open points"),
    "ind_caption": (
        "{n} indikator di bawah 70 %; sisa poin terbesar: {top}.",
        "{n} indicators below 70%; largest open points: {top}.",
    ),
    # BPK
    "h_bpk": ("Opini BPK", "Audit Board (BPK) opinion"),
    "bpk_title": ("Opini BPK atas laporan keuangan", "BPK opinion on the financial statements"),
    "tahun_lk": ("Laporan keuangan tahun", "Financial statements of"),
    "tahun_lkj": ("Dilaporkan di LKj", "Reported in LKj"),
    "opini": ("Opini", "Opinion"),
    "arti": ("Arti", "Meaning"),
    "bpk_note": (
        "Riwayat yang lebih awal hanya digambar di grafik laporan (Gambar 3.5); tabel ini memuat opini yang dicetak di "
        "Tabel 3.2 tiap LKj sampai {y}.",
        "The earlier history is only drawn in the report's chart (Gambar 3.5); this table holds the opinions Tabel 3.2 "
        "prints in each LKj up to {y}.",
    ),
    "opini_WTP": ("Wajar Tanpa Pengecualian", "Unqualified opinion"),
    "opini_WDP": ("Wajar Dengan Pengecualian", "Qualified opinion"),
    "opini_TW": ("Tidak Wajar", "Adverse opinion"),
    "opini_TMP": ("Tidak Menyatakan Pendapat", "Disclaimer of opinion"),
    # SPBE
    "h_spbe": ("Sistem Pemerintahan Berbasis Elektronik (SPBE)", "E-government (SPBE)"),
    "spbe_intro": (
        "Indeks SPBE {y} = Σ bobot aspek × nilai aspek = {i} (dicetak {p}, predikat {k}); nilai aspek = rata-rata "
        "tingkat kematangan indikatornya (Lampiran 8).",
        "SPBE index {y} = Σ aspect weight × aspect value = {i} (printed {p}, rating {k}); an aspect's value is the "
        "mean maturity level of its indicators (Lampiran 8).",
    ),
    "spbe_intro_plain": (
        "Indeks SPBE {y} = Σ bobot aspek × nilai aspek = {i} (predikat {k}); nilai aspek = rata-rata tingkat "
        "kematangan indikatornya (Lampiran 8).",
        "SPBE index {y} = Σ aspect weight × aspect value = {i} (rating {k}); an aspect's value is the mean maturity "
        "level of its indicators (Lampiran 8).",
    ),
    "level": ("Tampilkan", "Show"),
    "lv_domain": ("Domain", "Domains"),
    "lv_aspect": ("Aspek", "Aspects"),
    "cmp_title": ("{w} {y} dibanding rata-rata", "{w} {y} against the averages"),
    "kemnaker": ("Kemnaker", "Kemnaker"),
    "rata_kementerian": ("Rata-rata Kementerian", "Ministry average"),
    "rata_nasional": ("Rata-rata nasional", "National average"),
    "groups_title": ("Indeks SPBE {y} per kelompok", "SPBE index {y} by group"),
    "no_groups": (
        "Rata-rata Indeks SPBE per kelompok instansi {y} belum dicetak (Lampiran 8).",
        "The {y} SPBE index averages per group of institutions are not printed yet (Lampiran 8).",
    ),
    "tab_chart": ("Grafik", "Chart"),
    "tab_table": ("Tabel", "Table"),
    "trend_title": ("{w} {a}–{b}", "{w} {a}–{b}"),
    "nama": ("Nama", "Name"),
    "domain": ("Domain", "Domain"),
    "aspek": ("Aspek", "Aspect"),
    "bobot_pct": ("Bobot {y}", "Weight {y}"),
    "nilai_y": ("Nilai {y}", "Value {y}"),
    "change_y": ("Perubahan {a}→{b}", "Change {a}→{b}"),
    "d4_note": (
        "⚠️ Teks Bab 3.2.2 menyebut Domain Layanan turun {p} poin dari {py}, tetapi Tabel 3.19 memberi {a} → {b}, "
        "turun {d} poin.",
        "⚠️ The Bab 3.2.2 text says the Services domain fell {p} points from {py}, but Tabel 3.19 gives {a} → {b}, "
        "a fall of {d} points.",
    ),
    "h_spbe_ind": ("{n} indikator SPBE {y} (Lampiran 8)", "The {n} SPBE indicators {y} (Lampiran 8)"),
    "tingkat": ("Tingkat", "Level"),
    "tingkat_y": ("Tingkat {y}", "Level {y}"),
    "bobot_tingkat": ("Poin indeks per tingkat", "Index points per level"),
    "di_bawah": ("Di bawah target tingkat {m}", "Below target level {m}"),
    "ya": ("ya", "yes"),
    "spbe_ind_caption": (
        "{n} dari {total} indikator di bawah target tingkat kematangan minimal {m} (Lampiran 8). Bobot per tingkat = "
        "bobot aspek ÷ jumlah indikator aspek (laporan tidak mencetak bobot indikator).",
        "{n} of {total} indicators are below the minimum target maturity level {m} (Lampiran 8). Weight per level = "
        "aspect weight ÷ number of the aspect's indicators (the report prints no indicator weights).",
    ),
    "no_spbe": ("Belum ada data indikator SPBE {y}.", "No SPBE indicator data for {y} yet."),
    # simulator
    "h_sim": ("Simulator Indeks SPBE", "SPBE index simulator"),
    "sim_intro": (
        "Pilih indikator dan ubah tingkat kematangannya; perubahan terkumpul sampai direset. Indeks dihitung ulang "
        "dari {n} tingkat (awal: evaluasi {y}, {i}).",
        "Pick an indicator and change its maturity level; changes add up until reset. The index is recomputed from "
        "the {n} levels (start: the {y} evaluation, {i}).",
    ),
    "sim_indikator": ("Indikator", "Indicator"),
    "sim_tingkat": ("Tingkat kematangan", "Maturity level"),
    "sim_index": ("Indeks baru", "New index"),
    "sim_delta": ("Perubahan vs {b}", "Change vs {b}"),
    "sim_predikat": ("Predikat baru", "New rating"),
    "sim_changed": ("Indikator diubah", "Indicators changed"),
    "sim_capaian": ("Capaian vs target {t}", "Achievement vs target {t}"),
    "reset": ("Reset ke evaluasi {y}", "Reset to the {y} evaluation"),
    "apply_path": ("Terapkan jalur", "Apply the path"),
    "bands_title": ("Posisi pada pita predikat (Tabel 3.18)", "Position on the rating bands (Tabel 3.18)"),
    "mark_eval": ("Evaluasi {y}", "{y} evaluation"),
    "mark_sim": ("Simulasi", "Simulation"),
    "changes": ("Perubahan yang disimulasikan", "Simulated changes"),
    "tingkat_awal": ("Tingkat awal", "Original level"),
    "tingkat_baru": ("Tingkat baru", "New level"),
    "delta_index": ("Δ indeks", "Δ index"),
    "h_raises": (
        "Kenaikan satu tingkat dengan tambahan indeks terbesar",
        "Single-level raises that add the most to the index",
    ),
    "peringkat": ("Peringkat", "Rank"),
    "gain": ("Tambahan indeks", "Index gain"),
    "index_baru": ("Indeks sesudahnya", "Index after"),
    "h_path": ("Jalur termurah", "Cheapest path"),
    "goal": ("Sasaran", "Goal"),
    "goal_next": ("Predikat berikutnya", "Next rating"),
    "goal_target": ("Target IKSS {t}", "Indicator target {t}"),
    "path_result": (
        "Menuju **{g}** (indeks ≥ {v}): paling sedikit **{n} kenaikan tingkat**, indeks menjadi {i}.",
        "To reach **{g}** (index ≥ {v}): at least **{n} level raises**, bringing the index to {i}.",
    ),
    "path_none": ("Sasaran sudah tercapai: tidak perlu kenaikan.", "Goal already reached: no raise needed."),
    "path_top": ("Predikat tertinggi ({p}) sudah tercapai.", "The top rating ({p}) is already reached."),
    "path_unreachable": (
        "Sasaran {v} tidak tercapai walau semua indikator di tingkat tertinggi.",
        "The goal {v} cannot be reached even with every indicator at the top level.",
    ),
    "langkah": ("Langkah", "Step"),
    "path_count": ("Jumlah kenaikan tingkat", "Number of level raises"),
}

PREDIKAT_EN: dict[str, str] = {
    "Memuaskan": "Satisfactory",
    "Sangat Baik": "Very good",
    "Baik": "Good",
    "Cukup": "Fair",
    "Kurang": "Poor",
}
"""The SPBE predikat of Tabel 3.18 in English."""

COMPONENT_EN: dict[str, str] = {"RB Generik": "RB General", "RB Tematik": "RB Thematic"}
"""Tabel 3.16's component names in English."""

RB_KOMPONEN_EN: dict[str, str] = {
    "Strategi Pelaksanaan RB General": "RB General implementation strategy",
    "Capaian Pelaksanaan Kebijakan Reformasi Birokrasi": "RB policy implementation results",
    "Capaian Sasaran Strategis Reformasi Birokrasi": "RB strategic goal results",
    "Capaian Utama RB Tematik": "Main RB Thematic results",
}
"""Tabel 3.17's sub-component names in English."""

SPBE_EN: dict[str, str] = {
    "D1": "Domain: SPBE policy",
    "D2": "Domain: SPBE governance",
    "D3": "Domain: SPBE management",
    "D4": "Domain: SPBE services",
    "A1": "Internal SPBE governance policy",
    "A2": "Strategic planning",
    "A3": "Information and communication technology",
    "A4": "SPBE organisers",
    "A5": "SPBE management practice",
    "A6": "ICT audit",
    "A7": "Electronic administration services",
    "A8": "Electronic public services",
}
"""Tabel 3.19's domains and aspects in English, by code."""

KELOMPOK_EN: dict[str, str] = {
    "Nasional": "National",
    "Kementerian": "Ministries",
    "LPNK": "Non-ministerial agencies",
    "LNS dan Instansi Lainnya": "Other agencies",
    "Provinsi": "Provinces",
    "Kabupaten": "Regencies",
    "Kota": "Cities",
}
"""Lampiran 8's groups of institutions in English."""
