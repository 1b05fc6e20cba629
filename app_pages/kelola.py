"""Kelola Data: template, upload with validation and checks, preview, publish; versions, users and audit for admins.

Layout, forms and session only: texts and tables from ``views.kelola``, reading and writing from ``loaders``
(which never import ``kpi``: the page hands ``kpi.checks.run_checks`` to ``versions.prepare``).
"""

from __future__ import annotations

import hashlib

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

import kpi.checks
from loaders import audit, auth, db, versions
from loaders.readers import max_upload_bytes
from loaders.template import template_bytes
from loaders.validate import ValidationError
from ui import data, widgets
from ui.i18n import chosen_year, lang, page_text, t
from views import kelola as view
from views.common import escape_markdown

LANG = lang()
s = page_text("kelola")


def _error(exc: Exception, icon: str = "⛔") -> None:
    # messages of the loaders quote user names and file names: shown as text, not Markdown
    st.error(escape_markdown(exc), icon=icon)


def _client() -> str:
    """The visitor's address for the login backoff: the proxy's X-Forwarded-For when the request comes
    from a proxy on this machine (deploy/: nginx on 127.0.0.1), else the peer's own address."""
    peer = st.context.ip_address
    peer = peer if isinstance(peer, str) and peer else "-"  # None (or a stand-in) outside a real server
    forwarded = st.context.headers.get("X-Forwarded-For")
    forwarded = forwarded.split(",")[0].strip() if isinstance(forwarded, str) else ""
    return forwarded if forwarded and peer in ("127.0.0.1", "::1") else peer


def _role(role: str) -> str:
    return view.role_label(role, LANG)


def _table_or(model, key: str, none: str) -> None:
    if len(model):
        widgets.table(model, key)
    else:
        st.info(none)


# --------------------------------------------------------------------------- login


def login_form(engine) -> None:
    st.subheader(s("login"))
    st.caption(s("login_intro"))
    with st.form("kelola_login_form"):
        username = st.text_input(s("username"), key="kelola_username")
        password = st.text_input(s("password"), type="password", key="kelola_password")
        submitted = st.form_submit_button(s("login"), type="primary")
    if submitted:
        try:
            actor = auth.authenticate(engine, username.strip(), password, client=_client())
        except auth.AuthError as exc:
            _error(exc, "🔒")
            return
        auth.start_session(st.session_state, actor)
        st.rerun()


def user_bar(actor: auth.Actor) -> None:
    c1, c2 = st.columns([5, 1])
    c1.text(view.user_bar(actor.username, actor.role, LANG))
    if c2.button(s("logout"), key="kelola_logout"):
        auth.end_session(st.session_state)
        st.session_state.pop("kelola_prepared", None)
        st.rerun()


# --------------------------------------------------------------------------- template


@st.cache_data(show_spinner=False, max_entries=8)
def _template(version: int, year: int | None, as_year: int | None) -> bytes:
    return template_bytes(data.frames() if year is not None else None, year, as_year)


def template_tab() -> None:
    st.caption(s("tpl_intro"))
    choices = view.template_choices(data.loaded_years(), LANG)
    choice = st.selectbox(
        s("tpl_choice"),
        choices,
        index=view.default_template(choices, chosen_year()),
        key="kelola_tpl_choice",
        format_func=lambda c: c.label,
        help=s("tpl_help"),
    )
    if st.button(s("tpl_make"), key="kelola_tpl_make"):
        with st.spinner(s("building")):
            st.session_state["kelola_tpl"] = (choice.key, _template(data.data_version(), choice.year, choice.as_year))
    made = st.session_state.get("kelola_tpl")
    if made and made[0] == choice.key:
        st.download_button(
            s("tpl_download"),
            made[1],
            choice.file_name,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="kelola_tpl_download",
            type="primary",
        )


# --------------------------------------------------------------------------- upload, preview, publish


def _prepare(engine, content: bytes, file_name: str, actor: auth.Actor) -> tuple:
    """Validate and check the upload once; with its diff and headline figures (kept in the session)."""
    try:
        prepared = versions.prepare(engine, content, file_name, actor, checks=kpi.checks.run_checks)
    except ValidationError as exc:
        return exc, None, None
    current = db.read_all(engine)
    changes = versions.diff(current, prepared.frames, prepared.years)
    after = versions.merged(current, prepared.frames, prepared.years)
    return prepared, changes, view.headline_values(current, after, prepared.years)


def upload_tab(engine, actor: auth.Actor) -> None:
    st.caption(s("up_intro", mb=view.upload_limit(max_upload_bytes(), LANG)))
    uploaded = st.file_uploader(s("up_file"), type=["xlsx", "zip"], key="kelola_upload")
    if uploaded is None:
        st.session_state.pop("kelola_prepared", None)
        return
    content = uploaded.getvalue()
    sha = hashlib.sha256(content).hexdigest()
    if st.session_state.get("kelola_done") == sha:
        st.info(s("already"), icon="✅")
        return
    key = (sha, uploaded.name, versions.current_version(engine))
    cached = st.session_state.get("kelola_prepared")
    if not cached or cached[0] != key:
        with st.spinner(s("checking")):
            st.session_state["kelola_prepared"] = (key, *_prepare(engine, content, uploaded.name, actor))
    _, result, changes, values = st.session_state["kelola_prepared"]
    if isinstance(result, ValidationError):
        problems = view.problems(result.to_frame(), LANG)
        st.error(problems.message, icon="🚫")
        st.caption(problems.hint)
        widgets.table(problems.table, "kelola_problems")
        return
    model = view.preview(result, changes, values, LANG)
    st.success(model.summary, icon="✅")

    st.subheader(s("findings"))
    st.caption(model.counts)
    if model.blocking:
        st.error(model.blocking_text, icon="⛔")
    _table_or(model.findings, "kelola_findings", model.findings_none)

    st.subheader(s("preview"))
    _table_or(model.changes, "kelola_diff", model.changes_none)
    st.markdown(f"**{s('headline')}**")
    widgets.table(model.headline, "kelola_headline")

    note = st.text_input(s("note"), key="kelola_note", max_chars=500)
    accept = model.blocking > 0 and actor.can("admin") and st.checkbox(s("accept"), key="kelola_accept")
    if st.button(s("publish"), key="kelola_publish", type="primary", disabled=model.blocking > 0 and not accept):
        try:
            vid = versions.publish(engine, result, actor, note=note, accept_errors=accept)
        except (versions.PublishError, auth.PermissionDenied) as exc:
            _error(exc)
            return
        st.session_state.pop("kelola_prepared", None)
        st.session_state["kelola_done"] = result.sha256
        st.session_state["kelola_flash"] = s("published", v=vid)
        data.refresh()
        st.rerun()


# --------------------------------------------------------------------------- admin


def versions_tab(engine, actor: auth.Actor) -> None:
    listed = versions.list_versions(engine)
    if listed.empty:
        st.info(s("no_versions"))
        return
    current = versions.current_version(engine)
    st.metric(s("current"), str(current))
    widgets.table(view.versions_table(listed, LANG), "kelola_versions")
    choices = [int(v) for v in listed["id"] if int(v) != current]
    if not choices:
        return
    with st.form("kelola_rollback_form"):
        target = st.selectbox(s("rollback_to"), choices, key="kelola_rollback_to")
        sure = st.checkbox(s("rollback_confirm"), key="kelola_rollback_sure")
        go = st.form_submit_button(s("rollback"))
    if go and sure:
        try:
            vid = versions.rollback(engine, int(target), actor, expected_version=current)
        except (versions.PublishError, auth.PermissionDenied) as exc:
            _error(exc)
            return
        st.session_state["kelola_flash"] = s("rolled_back", n=target, v=vid)
        data.refresh()
        st.rerun()


def users_tab(engine, actor: auth.Actor) -> None:
    users = auth.list_users(engine)
    widgets.table(view.users_table(users, LANG), "kelola_users")
    c1, c2 = st.columns(2)
    with c1, st.form("kelola_new_user", clear_on_submit=True):
        st.markdown(f"**{s('new_user')}**")
        name = st.text_input(s("username"), key="kelola_new_name")
        role = st.selectbox(s("role"), auth.ROLES, index=1, key="kelola_new_role", format_func=_role)
        password = st.text_input(s("password"), type="password", key="kelola_new_password")
        if st.form_submit_button(s("create")):
            try:
                actor.require("admin")
                auth.create_user(engine, name.strip(), password, role, by=actor.username)
                st.success(s("user_created"))
            except auth.AuthError as exc:
                _error(exc)
    if users.empty:
        return
    with c2, st.form("kelola_change_user"):
        st.markdown(f"**{s('change_user')}**")
        who = st.selectbox(s("username"), users["username"].tolist(), key="kelola_change_name")
        row = users[users["username"] == who].iloc[0]
        index = auth.ROLES.index(row["role"])
        new_role = st.selectbox(s("new_role"), auth.ROLES, index=index, key="kelola_change_role", format_func=_role)
        active = st.checkbox(s("active"), value=bool(row["active"]), key="kelola_change_active")
        new_password = st.text_input(s("new_password"), type="password", key="kelola_change_password")
        if st.form_submit_button(s("create")):
            try:
                if new_role != row["role"]:
                    auth.set_role(engine, who, new_role, actor)
                if active != bool(row["active"]):
                    auth.set_active(engine, who, active, actor)
                if new_password:
                    auth.set_password(engine, who, new_password, actor)
                st.session_state["kelola_flash"] = s("saved")
                st.rerun()
            except auth.AuthError as exc:
                _error(exc)


def audit_tab(engine) -> None:
    st.caption(s("audit_intro"))
    action = st.selectbox(
        s("action"),
        [None, *view.AUDIT_ACTIONS],
        key="kelola_audit_action",
        format_func=lambda a: s("all") if a is None else a,
    )
    widgets.table(view.audit_table(audit.read(engine, limit=5000, action=action), LANG), "kelola_audit")


# --------------------------------------------------------------------------- page

st.title(s("title"))
st.caption(s("intro"))
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
    st.info(s("viewer_only"), icon="👁️")
    st.stop()

names = ["tab_template", "tab_upload"] + (["tab_versions", "tab_users", "tab_audit"] if actor.can("admin") else [])
tabs = st.tabs([s(n) for n in names])
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
