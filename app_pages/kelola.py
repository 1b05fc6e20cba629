"""Kelola Data: template, upload with validation and checks, preview, publish; versions, users and audit for admins."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from loaders import audit, auth, db, versions
from loaders.readers import max_upload_bytes
from loaders.template import template_bytes
from loaders.validate import ValidationError
from ui import data
from kpi.format import fmt_number, fmt_pct, fmt_rp
from ui.i18n import lang, t, tr
from ui.widgets import downloads

S = {
    "title": ("Kelola Data", "Manage Data"),
    "intro": (
        "Memuat tahun data baru dengan aman: unduh templat, isi, unggah, periksa semua masalah sekaligus, lihat "
        "pratinjau perubahan, lalu terbitkan sebagai versi baru. Setiap versi dapat dikembalikan dan setiap "
        "perubahan tercatat di log audit.",
        "Load a new year of data safely: download the template, fill it in, upload it, see every problem at once, "
        "preview the changes, then publish it as a new version. Every version can be rolled back and every change "
        "is in the audit log.",
    ),
    "login": ("Masuk", "Log in"),
    "login_intro": (
        "Menulis data selalu memerlukan login. Akun dibuat oleh admin (`python -m loaders create-user`).",
        "Writing data always requires a login. Accounts are created by an admin (`python -m loaders create-user`).",
    ),
    "username": ("Nama pengguna", "Username"),
    "password": ("Kata sandi", "Password"),
    "logout": ("Keluar", "Log out"),
    "logged_in": ("Masuk sebagai", "Logged in as"),
    "role": ("Peran", "Role"),
    "viewer_only": (
        "Peran Anda hanya untuk melihat dasbor. Unggah dan publikasi memerlukan peran perencana atau admin.",
        "Your role can only view the dashboard. Uploading and publishing need the perencana or admin role.",
    ),
    "tab_template": ("Templat", "Template"),
    "tab_upload": ("Unggah & terbitkan", "Upload & publish"),
    "tab_versions": ("Versi data", "Data versions"),
    "tab_users": ("Pengguna", "Users"),
    "tab_audit": ("Log audit", "Audit log"),
    "tpl_intro": (
        "Templat Excel dibuat dari skema: satu sheet per tabel, baris 1 nama kolom (arahkan kursor untuk "
        "penjelasan), daftar pilihan untuk kode, format angka, dan sheet Petunjuk.",
        "The Excel template is generated from the schema: one sheet per table, column names in row 1 (hover for "
        "a description), drop-down lists for codes, number formats and a Petunjuk (instructions) sheet.",
    ),
    "tpl_prefill": ("Isi dengan data tahun", "Prefill with the data of year"),
    "tpl_blank": ("(kosong)", "(blank)"),
    "tpl_as_year": ("Tulis sebagai tahun", "Label the rows as year"),
    "tpl_as_year_help": (
        "Mis. isi dengan 2024 dan tulis sebagai 2025 untuk memulai tahun baru dari data tahun lalu.",
        "E.g. prefill with 2024 and label as 2025 to start a new year from last year's data.",
    ),
    "tpl_make": ("Buat templat", "Build template"),
    "tpl_download": ("Unduh templat (.xlsx)", "Download template (.xlsx)"),
    "up_intro": (
        "Unggah workbook .xlsx (atau .zip berisi berkas .csv per tabel), maksimal {mb}. Semua sheet harus ada; "
        "tahun yang ada di berkas menggantikan seluruh data tahun itu, tahun lain tidak berubah.",
        "Upload an .xlsx workbook (or a .zip of one .csv per table), at most {mb}. Every sheet must be present; "
        "the years in the file replace all data of those years, other years stay as they are.",
    ),
    "up_file": ("Berkas", "File"),
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
    "current": ("Versi terkini", "Current version"),
    "rollback_to": ("Kembalikan ke versi", "Roll back to version"),
    "rollback_confirm": ("Ya, kembalikan isi data ke versi ini", "Yes, restore the data to this version"),
    "rollback": ("Kembalikan", "Roll back"),
    "rolled_back": ("Isi versi {n} dipulihkan sebagai versi {v}.", "Version {n} restored as version {v}."),
    "no_versions": (
        "Belum ada versi. `python -m loaders build` membuat versi 1.",
        "No versions yet. `python -m loaders build` creates version 1.",
    ),
    "new_user": ("Tambah pengguna", "Add user"),
    "create": ("Simpan", "Save"),
    "user_created": ("Pengguna dibuat.", "User created."),
    "change_user": ("Ubah pengguna", "Change user"),
    "new_role": ("Peran baru", "New role"),
    "active": ("Aktif", "Active"),
    "new_password": ("Kata sandi baru (kosongkan bila tidak diganti)", "New password (leave empty to keep)"),
    "saved": ("Perubahan disimpan.", "Changes saved."),
    "audit_intro": (
        "Log audit hanya ditambah, tidak pernah diubah atau dihapus oleh aplikasi. 5.000 baris terbaru.",
        "The audit log is only appended to, never changed or deleted by the application. Newest 5,000 rows.",
    ),
    "action": ("Tindakan", "Action"),
    "all": ("(semua)", "(all)"),
}

COLS = {
    "lokasi": ("Lokasi", "Location"),
    "baris": ("Baris", "Row"),
    "kolom": ("Kolom", "Column"),
    "nilai": ("Nilai", "Value"),
    "seharusnya": ("Seharusnya", "Expected"),
    "severity": ("Tingkat", "Severity"),
    "status_new": ("Baru?", "New?"),
    "message": ("Temuan", "Finding"),
    "tables": ("Tabel LKj", "LKj tables"),
    "year": ("Tahun", "Year"),
    "name": ("Tabel", "Table"),
    "added": ("Ditambah", "Added"),
    "changed": ("Diubah", "Changed"),
    "removed": ("Dihapus", "Removed"),
    "unchanged": ("Tetap", "Unchanged"),
    "figure": ("Angka", "Figure"),
    "before": ("Sebelum", "Before"),
    "after": ("Sesudah", "After"),
    "id": ("Versi", "Version"),
    "published_at": ("Waktu (UTC)", "Time (UTC)"),
    "published_by": ("Oleh", "By"),
    "file_name": ("Berkas", "File"),
    "sha256": ("SHA-256", "SHA-256"),
    "years": ("Tahun", "Years"),
    "rows": ("Baris", "Rows"),
    "note": ("Catatan", "Note"),
    "status": ("Status", "Status"),
    "base_version": ("Dari versi", "Based on"),
    "restored_from": ("Memulihkan", "Restores"),
    "load_id": ("Load", "Load"),
    "username": ("Nama pengguna", "Username"),
    "role": ("Peran", "Role"),
    "active": ("Aktif", "Active"),
    "failed_attempts": ("Gagal berturut", "Failed in a row"),
    "locked_until": ("Terkunci sampai", "Locked until"),
    "created_at": ("Dibuat", "Created"),
    "last_login_at": ("Login terakhir", "Last login"),
    "at": ("Waktu (UTC)", "Time (UTC)"),
    "action": ("Tindakan", "Action"),
    "outcome": ("Hasil", "Outcome"),
    "detail": ("Rincian", "Detail"),
}

HEADLINE = [
    ("overall_capaian_pct", ("Capaian kinerja keseluruhan", "Overall achievement"), "pct"),
    ("ss1_capaian_pct", ("Capaian SS-1", "SS-1 achievement"), "pct"),
    ("ss2_capaian_pct", ("Capaian SS-2", "SS-2 achievement"), "pct"),
    ("productivity_contribution_pct", ("Kontribusi produktivitas", "Productivity contribution"), "pct"),
    ("rb_index", ("Indeks RB", "RB index"), "num"),
    ("spbe_index", ("Indeks SPBE", "SPBE index"), "num"),
    ("budget_pagu_rp", ("Pagu", "Budget ceiling"), "rp"),
    ("budget_realisasi_rp", ("Realisasi anggaran", "Budget spent"), "rp"),
    ("budget_absorption_pct", ("Penyerapan", "Absorption"), "pct"),
]

STATUS_TEXT = {
    "current": ("terkini", "current"),
    "superseded": ("digantikan", "superseded"),
    "rolled_back": ("dibatalkan", "rolled back"),
}
SEVERITY = {"error": ("galat", "error"), "warning": ("peringatan", "warning")}
ROLE_TEXT = {"viewer": ("pembaca", "viewer"), "perencana": ("perencana", "planner"), "admin": ("admin", "admin")}


def _headers(frame: pd.DataFrame) -> pd.DataFrame:
    """Column headers in the current language."""
    return frame.rename(columns={c: tr(COLS[c]) for c in frame.columns if c in COLS})


def _mb(size: int) -> str:
    return f"{fmt_number(size / 1024 / 1024, 0, lang())} MB"


def _value(value: object, kind: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if kind == "pct":
        return fmt_pct(float(value), 2, lang())
    if kind == "rp":
        return fmt_rp(float(value), lang())
    return fmt_number(float(value), 2, lang())


# --------------------------------------------------------------------------- login


def login_form(engine) -> None:
    st.subheader(tr(S["login"]))
    st.caption(tr(S["login_intro"]))
    with st.form("kelola_login_form"):
        username = st.text_input(tr(S["username"]), key="kelola_username")
        password = st.text_input(tr(S["password"]), type="password", key="kelola_password")
        submitted = st.form_submit_button(tr(S["login"]), type="primary")
    if submitted:
        try:
            actor = auth.authenticate(engine, username.strip(), password)
        except auth.AuthError as exc:
            st.error(str(exc), icon="🔒")
            return
        auth.start_session(st.session_state, actor)
        st.rerun()


def user_bar(actor: auth.Actor) -> None:
    c1, c2 = st.columns([5, 1])
    c1.text(f"{tr(S['logged_in'])}: {actor.username} · {tr(S['role'])}: {tr(ROLE_TEXT[actor.role])}")
    if c2.button(tr(S["logout"]), key="kelola_logout"):
        auth.end_session(st.session_state)
        st.session_state.pop("kelola_prepared", None)
        st.rerun()


# --------------------------------------------------------------------------- template


@st.cache_data(show_spinner=False, max_entries=8)
def _template(version: int, year: int | None, as_year: int | None) -> bytes:
    frames = db.read_all(data.engine()) if year is not None else None
    return template_bytes(frames, year, as_year)


def template_tab() -> None:
    st.caption(tr(S["tpl_intro"]))
    years = data.years("printed_figure")
    options = [None, *sorted(years, reverse=True)]
    c1, c2 = st.columns(2)
    year = c1.selectbox(
        tr(S["tpl_prefill"]),
        options,
        index=1 if years else 0,
        key="kelola_tpl_year",
        format_func=lambda y: tr(S["tpl_blank"]) if y is None else str(y),
    )
    as_year = c2.number_input(
        tr(S["tpl_as_year"]),
        min_value=2000,
        max_value=2100,
        value=year or max(years, default=2024),
        step=1,
        key="kelola_tpl_as_year",
        help=tr(S["tpl_as_year_help"]),
        disabled=year is None,
    )
    as_year = None if year is None or int(as_year) == year else int(as_year)
    if st.button(tr(S["tpl_make"]), key="kelola_tpl_make"):
        with st.spinner("…"):
            st.session_state["kelola_tpl"] = (year, as_year, _template(data.data_version(), year, as_year))
    made = st.session_state.get("kelola_tpl")
    if made and made[:2] == (year, as_year):
        label = as_year or year
        st.download_button(
            tr(S["tpl_download"]),
            made[2],
            f"templat_lkj_{label or 'kosong'}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="kelola_tpl_download",
            type="primary",
        )


# --------------------------------------------------------------------------- upload, preview, publish


def _findings_table(prepared: versions.Prepared) -> pd.DataFrame:
    new = {id(f) for f in prepared.new_errors}
    rows = [
        {
            "severity": tr(SEVERITY.get(f.severity, (f.severity, f.severity))),
            "status_new": "✔" if id(f) in new else "",
            "message": f.message(lang()),
            "tables": ", ".join(getattr(f, "tables", ()) or ()),
            "year": getattr(f, "year", None),
        }
        for f in prepared.findings
        if f.severity in ("error", "warning")
    ]
    return pd.DataFrame(rows, columns=["severity", "status_new", "message", "tables", "year"])


def _headline_table(before: dict, after: dict, years: list[int]) -> pd.DataFrame:
    from kpi.headline import headline

    rows = []
    for year in years:
        try:
            old = headline(before, year)
        except Exception:  # noqa: BLE001 - a year without data has no headline; shown as '–'
            old = {}
        try:
            new = headline(after, year)
        except Exception:  # noqa: BLE001
            new = {}
        for key, label, kind in HEADLINE:
            rows.append(
                {
                    "year": str(year),
                    "figure": tr(label),
                    "before": _value(old.get(key), kind),
                    "after": _value(new.get(key), kind),
                }
            )
    return pd.DataFrame(rows, columns=["year", "figure", "before", "after"])


def upload_tab(engine, actor: auth.Actor) -> None:
    st.caption(tr(S["up_intro"]).format(mb=_mb(max_upload_bytes())))
    uploaded = st.file_uploader(tr(S["up_file"]), type=["xlsx", "zip"], key="kelola_upload")
    if uploaded is None:
        st.session_state.pop("kelola_prepared", None)
        return
    content = uploaded.getvalue()
    sha = hashlib.sha256(content).hexdigest()
    if st.session_state.get("kelola_done") == sha:
        st.info(tr(S["already"]), icon="✅")
        return
    version_now = versions.current_version(engine)
    cached = st.session_state.get("kelola_prepared")
    if not cached or cached[0] != (sha, uploaded.name, version_now):
        with st.spinner("Memeriksa berkas…" if lang() == "id" else "Checking the file…"):
            try:
                result = versions.prepare(engine, content, uploaded.name, actor)
            except ValidationError as exc:
                result = exc
        st.session_state["kelola_prepared"] = ((sha, uploaded.name, version_now), result)
    result = st.session_state["kelola_prepared"][1]
    if isinstance(result, ValidationError):
        st.error(tr(S["up_problems"]).format(n=fmt_number(len(result.problems), 0, lang())), icon="🚫")
        st.caption(tr(S["up_fix"]))
        problems = result.to_frame()
        st.dataframe(_headers(problems), hide_index=True, width="stretch", key="kelola_problems")
        downloads(problems, "masalah_unggahan", "kelola_problems_dl")
        return
    prepared: versions.Prepared = result
    st.success(
        tr(S["up_ok"]).format(
            rows=fmt_number(prepared.rows, 0, lang()),
            years=", ".join(map(str, prepared.years)),
            base=prepared.base_version,
        ),
        icon="✅",
    )

    st.subheader(tr(S["findings"]))
    findings = _findings_table(prepared)
    errors = sum(1 for f in prepared.findings if f.severity == "error")
    warnings = sum(1 for f in prepared.findings if f.severity == "warning")
    blocking = prepared.new_errors
    st.caption(tr(S["findings_counts"]).format(e=errors, k=errors - len(blocking), w=warnings))
    if blocking:
        st.error(tr(S["findings_new"]).format(n=len(blocking)), icon="⛔")
    if findings.empty:
        st.info(tr(S["findings_none"]))
    else:
        st.dataframe(_headers(findings), hide_index=True, width="stretch", key="kelola_findings")
        downloads(findings, "temuan_unggahan", "kelola_findings_dl")

    st.subheader(tr(S["preview"]))
    current = db.read_all(engine)
    changes = pd.DataFrame([c.__dict__ for c in versions.diff(current, prepared.frames, prepared.years)])
    changed = changes[(changes[["added", "changed", "removed"]].sum(axis=1)) > 0]
    if changed.empty:
        st.info(tr(S["preview_none"]))
    else:
        st.dataframe(_headers(changed), hide_index=True, width="stretch", key="kelola_diff")
    st.markdown(f"**{tr(S['headline'])}**")
    after = versions.merged(current, prepared.frames, prepared.years)
    st.dataframe(
        _headers(_headline_table(current, after, prepared.years)),
        hide_index=True,
        width="stretch",
        key="kelola_headline",
    )

    note = st.text_input(tr(S["note"]), key="kelola_note", max_chars=500)
    accept = False
    if blocking and actor.can("admin"):
        accept = st.checkbox(tr(S["accept"]), key="kelola_accept")
    disabled = bool(blocking) and not accept
    if st.button(tr(S["publish"]), key="kelola_publish", type="primary", disabled=disabled):
        try:
            vid = versions.publish(engine, prepared, actor, note=note, accept_errors=accept)
        except (versions.PublishError, auth.PermissionDenied) as exc:
            st.error(str(exc), icon="⛔")
            return
        st.session_state.pop("kelola_prepared", None)
        st.session_state["kelola_done"] = prepared.sha256
        st.session_state["kelola_flash"] = tr(S["published"]).format(v=vid)
        data.refresh()
        st.rerun()


# --------------------------------------------------------------------------- admin


def versions_tab(engine, actor: auth.Actor) -> None:
    table = versions.list_versions(engine)
    if table.empty:
        st.info(tr(S["no_versions"]))
        return
    current = versions.current_version(engine)
    st.metric(tr(S["current"]), str(current))
    shown = table.copy()
    shown["status"] = shown["status"].map(lambda s: tr(STATUS_TEXT.get(s, (s, s))))
    shown["sha256"] = shown["sha256"].str.slice(0, 12)
    st.dataframe(_headers(shown), hide_index=True, width="stretch", key="kelola_versions")
    downloads(shown, "versi_data", "kelola_versions_dl")
    choices = [int(v) for v in table["id"] if int(v) != current]
    if not choices:
        return
    with st.form("kelola_rollback_form"):
        target = st.selectbox(tr(S["rollback_to"]), choices, key="kelola_rollback_to")
        sure = st.checkbox(tr(S["rollback_confirm"]), key="kelola_rollback_sure")
        go = st.form_submit_button(tr(S["rollback"]))
    if go and sure:
        try:
            vid = versions.rollback(engine, int(target), actor, expected_version=current)
        except (versions.PublishError, auth.PermissionDenied) as exc:
            st.error(str(exc), icon="⛔")
            return
        st.session_state["kelola_flash"] = tr(S["rolled_back"]).format(n=target, v=vid)
        data.refresh()
        st.rerun()


def users_tab(engine, actor: auth.Actor) -> None:
    users = auth.list_users(engine)
    shown = users.copy()
    shown["role"] = shown["role"].map(lambda r: tr(ROLE_TEXT.get(r, (r, r))))
    st.dataframe(_headers(shown), hide_index=True, width="stretch", key="kelola_users")
    c1, c2 = st.columns(2)
    with c1, st.form("kelola_new_user", clear_on_submit=True):
        st.markdown(f"**{tr(S['new_user'])}**")
        name = st.text_input(tr(S["username"]), key="kelola_new_name")
        role = st.selectbox(tr(S["role"]), auth.ROLES, index=1, key="kelola_new_role")
        password = st.text_input(tr(S["password"]), type="password", key="kelola_new_password")
        if st.form_submit_button(tr(S["create"])):
            try:
                actor.require("admin")
                auth.create_user(engine, name.strip(), password, role, by=actor.username)
                st.success(tr(S["user_created"]))
            except auth.AuthError as exc:
                st.error(str(exc))
    if users.empty:
        return
    with c2, st.form("kelola_change_user"):
        st.markdown(f"**{tr(S['change_user'])}**")
        who = st.selectbox(tr(S["username"]), users["username"].tolist(), key="kelola_change_name")
        row = users[users["username"] == who].iloc[0]
        new_role = st.selectbox(
            tr(S["new_role"]), auth.ROLES, index=auth.ROLES.index(row["role"]), key="kelola_change_role"
        )
        active = st.checkbox(tr(S["active"]), value=bool(row["active"]), key="kelola_change_active")
        new_password = st.text_input(tr(S["new_password"]), type="password", key="kelola_change_password")
        if st.form_submit_button(tr(S["create"])):
            try:
                if new_role != row["role"]:
                    auth.set_role(engine, who, new_role, actor)
                if active != bool(row["active"]):
                    auth.set_active(engine, who, active, actor)
                if new_password:
                    auth.set_password(engine, who, new_password, actor)
                st.session_state["kelola_flash"] = tr(S["saved"])
                st.rerun()
            except auth.AuthError as exc:
                st.error(str(exc))


def audit_tab(engine) -> None:
    st.caption(tr(S["audit_intro"]))
    everything = tr(S["all"])
    actions = [everything, "login", "upload", "validasi", "publikasi", "rollback", "pengguna"]
    action = st.selectbox(tr(S["action"]), actions, key="kelola_audit_action")
    action = None if action == everything else action
    log = audit.read(engine, limit=5000, action=action)
    st.dataframe(_headers(log), hide_index=True, width="stretch", key="kelola_audit")
    downloads(log, "log_audit", "kelola_audit_dl")


# --------------------------------------------------------------------------- page

st.title(tr(S["title"]))
st.caption(tr(S["intro"]))
try:
    engine = data.engine()
    actor = auth.session_actor(st.session_state, engine)
except SQLAlchemyError:
    st.error(t("db_down"), icon="🔌")
    st.stop()

if actor is None:
    login_form(engine)
    st.stop()

user_bar(actor)
flash = st.session_state.pop("kelola_flash", None)
if flash:
    st.success(flash, icon="✅")
if not actor.can("perencana"):
    st.info(tr(S["viewer_only"]), icon="👁️")
    st.stop()

names = [S["tab_template"], S["tab_upload"]]
if actor.can("admin"):
    names += [S["tab_versions"], S["tab_users"], S["tab_audit"]]
tabs = st.tabs([tr(n) for n in names])
with tabs[0]:
    template_tab()
with tabs[1]:
    upload_tab(engine, actor)
if actor.can("admin"):
    with tabs[2]:
        versions_tab(engine, actor)
    with tabs[3]:
        users_tab(engine, actor)
    with tabs[4]:
        audit_tab(engine)
