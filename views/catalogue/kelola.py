"""Texts of the Kelola Data page: login, template, upload and preview, versions, users, audit log."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Kelola Data", "Manage Data"),
    "intro": (
        "Memuat tahun data baru dengan aman: unduh templat, isi, unggah, periksa semua masalah sekaligus, lihat "
        "pratinjau perubahan, lalu terbitkan sebagai versi baru. Setiap versi dapat dikembalikan dan setiap "
        "perubahan tercatat di log audit.",
        "Load a new year of data safely: download the template, fill it in, upload it, see every problem at once, "
        "preview the changes, then publish it as a new version. Every version can be rolled back and every change "
        "is in the audit log.",
    ),
    # ---- login
    "login": ("Masuk", "Log in"),
    "login_intro": (
        "Menulis data selalu memerlukan login. Akun dibuat oleh admin (`python -m loaders create-user`).",
        "Writing data always requires a login. Accounts are created by an admin (`python -m loaders create-user`).",
    ),
    "username": ("Nama pengguna", "Username"),
    "password": ("Kata sandi", "Password"),
    "logout": ("Keluar", "Log out"),
    "user_bar": ("Masuk sebagai: {user} · Peran: {role}", "Logged in as: {user} · Role: {role}"),
    "role": ("Peran", "Role"),
    "viewer_only": (
        "Peran Anda hanya untuk melihat dasbor. Unggah dan publikasi memerlukan peran perencana atau admin.",
        "Your role can only view the dashboard. Uploading and publishing need the perencana or admin role.",
    ),
    # ---- tabs
    "tab_template": ("Templat", "Template"),
    "tab_upload": ("Unggah & terbitkan", "Upload & publish"),
    "tab_versions": ("Versi data", "Data versions"),
    "tab_users": ("Pengguna", "Users"),
    "tab_audit": ("Log audit", "Audit log"),
    # ---- template
    "tpl_intro": (
        "Templat Excel dibuat dari skema: satu sheet per tabel, baris 1 nama kolom (arahkan kursor untuk "
        "penjelasan), daftar pilihan untuk kode, format angka, dan sheet Petunjuk.",
        "The Excel template is generated from the schema: one sheet per table, column names in row 1 (hover for "
        "a description), drop-down lists for codes, number formats and a Petunjuk (instructions) sheet.",
    ),
    "tpl_choice": ("Templat", "Template"),
    "tpl_next": (
        "Templat tahun baru {y} (diisi dari data {base}; angka cetak laporan dikosongkan)",
        "Template for the new year {y} (prefilled from {base}; the report's printed figures left empty)",
    ),
    "tpl_year": ("Templat tahun {y} (seperti dimuat)", "Template of year {y} (as loaded)"),
    "tpl_blank": ("Templat kosong", "Blank template"),
    "tpl_help": (
        "Tahun baru: mulai tahun berikutnya dari data tahun terbaru, lalu ubah angkanya. Tahun yang dimuat: "
        "perbaiki data tahun itu dan unggah kembali.",
        "New year: start the next year from the newest year's data, then change its figures. A loaded year: "
        "correct that year's data and upload it again.",
    ),
    "tpl_make": ("Buat templat", "Build template"),
    "tpl_download": ("Unduh templat (.xlsx)", "Download template (.xlsx)"),
    "tpl_file": ("templat_lkj_{label}.xlsx", "templat_lkj_{label}.xlsx"),
    "tpl_file_blank": ("kosong", "kosong"),
    # ---- upload
    "up_intro": (
        "Unggah workbook .xlsx (atau .zip berisi berkas .csv per tabel), maksimal {mb}. Semua sheet harus ada; "
        "tahun yang ada di berkas menggantikan seluruh data tahun itu, tahun lain tidak berubah; berkas yang hanya "
        "berisi sheet triwulan_* menggantikan triwulan yang dimuatnya saja.",
        "Upload an .xlsx workbook (or a .zip of one .csv per table), at most {mb}. Every sheet must be present; "
        "the years in the file replace all data of those years, other years stay as they are; a file of only the "
        "triwulan_* sheets replaces only the quarters it holds.",
    ),
    "mb": ("{n} MB", "{n} MB"),
    "up_file": ("Berkas", "File"),
    "checking": ("Memeriksa berkas…", "Checking the file…"),
    "building": ("Membuat templat…", "Building the template…"),
    "up_problems": ("{n} masalah ditemukan; tidak ada yang ditulis", "{n} problems found; nothing was written"),
    "up_fix": (
        "Perbaiki semua baris di bawah, simpan, lalu unggah lagi.",
        "Fix every row below, save, then upload again.",
    ),
    "up_ok": (
        "Berkas valid: {rows} baris untuk tahun {years}. Pratinjau dibuat terhadap versi {base}.",
        "File is valid: {rows} rows for {years}. Preview made against version {base}.",
    ),
    "findings": ("Temuan Kualitas Data", "Data Quality findings"),
    "findings_none": ("Tidak ada temuan error atau peringatan.", "No error or warning findings."),
    "findings_new": (
        "{n} error baru karena unggahan ini: publikasi diblokir sampai diperbaiki.",
        "{n} new errors caused by this upload: publishing is blocked until they are fixed.",
    ),
    "findings_counts": (
        "{e} error ({k} sudah ada di data terbit), {w} peringatan",
        "{e} errors ({k} already in the published data), {w} warnings",
    ),
    "preview": ("Pratinjau perubahan", "Preview of changes"),
    "preview_none": ("Tidak ada baris yang berubah.", "No rows change."),
    "headline": ("Angka utama sebelum dan sesudah", "Headline figures before and after"),
    "publish": ("Terbitkan sebagai versi baru", "Publish as a new version"),
    "note": ("Catatan versi (opsional)", "Version note (optional)"),
    "accept": (
        "Saya (admin) menerima temuan error di atas dan tetap menerbitkan",
        "I (admin) accept the error findings above and publish anyway",
    ),
    "published": (
        "Versi {v} diterbitkan. Semua halaman kini membaca versi ini.",
        "Version {v} published. Every page now reads this version.",
    ),
    "already": (
        "Berkas ini sudah diterbitkan. Unggah berkas lain untuk perubahan berikutnya.",
        "This file has been published. Upload another file for the next change.",
    ),
    # ---- versions
    "current": ("Versi terkini", "Current version"),
    "rollback_to": ("Kembalikan ke versi", "Roll back to version"),
    "rollback_confirm": ("Ya, kembalikan isi data ke versi ini", "Yes, restore the data to this version"),
    "rollback": ("Kembalikan", "Roll back"),
    "rolled_back": ("Isi versi {n} dipulihkan sebagai versi {v}.", "Version {n} restored as version {v}."),
    "no_versions": (
        "Belum ada versi. `python -m loaders build` membuat versi 1.",
        "No versions yet. `python -m loaders build` creates version 1.",
    ),
    # ---- users
    "new_user": ("Tambah pengguna", "Add user"),
    "create": ("Simpan", "Save"),
    "user_created": ("Pengguna dibuat.", "User created."),
    "change_user": ("Ubah pengguna", "Change user"),
    "new_role": ("Peran baru", "New role"),
    "active": ("Aktif", "Active"),
    "yes": ("ya", "yes"),
    "no": ("tidak", "no"),
    "new_password": ("Kata sandi baru (kosongkan bila tidak diganti)", "New password (leave empty to keep)"),
    "saved": ("Perubahan disimpan.", "Changes saved."),
    # ---- audit
    "audit_intro": (
        "Log audit hanya ditambah, tidak pernah diubah atau dihapus oleh aplikasi. 5.000 baris terbaru.",
        "The audit log is only appended to, never changed or deleted by the application. Newest 5,000 rows.",
    ),
    "action": ("Tindakan", "Action"),
    "all": ("(semua)", "(all)"),
    # ---- words in tables
    "status_current": ("terkini", "current"),
    "status_superseded": ("digantikan", "superseded"),
    "status_rolled_back": ("dibatalkan", "rolled back"),
    "severity_error": ("galat", "error"),
    "severity_warning": ("peringatan", "warning"),
    "role_viewer": ("pembaca", "viewer"),
    "role_perencana": ("perencana", "planner"),
    "role_admin": ("admin", "admin"),
    # ---- headline figures (kpi.headline keys)
    "fig_overall_capaian_pct": ("Capaian kinerja keseluruhan", "Overall achievement"),
    "fig_ss1_capaian_pct": ("Capaian SS-1", "SS-1 achievement"),
    "fig_ss2_capaian_pct": ("Capaian SS-2", "SS-2 achievement"),
    "fig_productivity_contribution_pct": ("Kontribusi produktivitas", "Productivity contribution"),
    "fig_rb_index": ("Indeks RB", "RB index"),
    "fig_spbe_index": ("Indeks SPBE", "SPBE index"),
    "fig_budget_pagu_rp": ("Pagu", "Budget ceiling"),
    "fig_budget_realisasi_rp": ("Realisasi anggaran", "Budget spent"),
    "fig_budget_absorption_pct": ("Penyerapan", "Absorption"),
    # ---- column headers
    "col_lokasi": ("Lokasi", "Location"),
    "col_baris": ("Baris", "Row"),
    "col_kolom": ("Kolom", "Column"),
    "col_nilai": ("Nilai", "Value"),
    "col_seharusnya": ("Seharusnya", "Expected"),
    "col_severity": ("Tingkat", "Severity"),
    "col_status_new": ("Baru?", "New?"),
    "col_message": ("Temuan", "Finding"),
    "col_tables": ("Tabel LKj", "LKj tables"),
    "col_year": ("Tahun", "Year"),
    "col_name": ("Tabel", "Table"),
    "col_added": ("Ditambah", "Added"),
    "col_changed": ("Diubah", "Changed"),
    "col_removed": ("Dihapus", "Removed"),
    "col_unchanged": ("Tetap", "Unchanged"),
    "col_figure": ("Angka", "Figure"),
    "col_before": ("Sebelum", "Before"),
    "col_after": ("Sesudah", "After"),
    "col_id": ("Versi", "Version"),
    "col_published_at": ("Waktu (UTC)", "Time (UTC)"),
    "col_published_by": ("Oleh", "By"),
    "col_file_name": ("Berkas", "File"),
    "col_sha256": ("SHA-256", "SHA-256"),
    "col_years": ("Tahun", "Years"),
    "col_rows": ("Baris", "Rows"),
    "col_note": ("Catatan", "Note"),
    "col_status": ("Status", "Status"),
    "col_base_version": ("Dari versi", "Based on"),
    "col_restored_from": ("Memulihkan", "Restores"),
    "col_load_id": ("Load", "Load"),
    "col_username": ("Nama pengguna", "Username"),
    "col_role": ("Peran", "Role"),
    "col_active": ("Aktif", "Active"),
    "col_failed_attempts": ("Gagal berturut", "Failed in a row"),
    "col_locked_until": ("Terkunci sampai", "Locked until"),
    "col_created_at": ("Dibuat", "Created"),
    "col_last_login_at": ("Login terakhir", "Last login"),
    "col_no": ("No.", "No."),
    "col_at": ("Waktu (UTC)", "Time (UTC)"),
    "col_action": ("Tindakan", "Action"),
    "col_outcome": ("Hasil", "Outcome"),
    "col_detail": ("Rincian", "Detail"),
}
