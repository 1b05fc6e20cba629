"""The database: one table per dataset spec, written in a single transaction, read back typed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import lru_cache

import numpy as np
import pandas as pd
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection

from loaders.config import database_url, require_database
from loaders.datasets import DATASETS
from loaders.schema import Col, Dataset

metadata = MetaData()

_TYPES = {"int": Integer, "float": Float, "pct": Float, "rp": Float}
"""Rupiah amounts up to 10^15 are exact in a double; no report amount comes near that."""


def _column(col: Col) -> Column:
    # text columns as long as the spec allows (loaders.schema.Col.max_length), which validation enforces,
    # so a text too long for PostgreSQL is refused by validation on every backend, never at publish
    sa_type = _TYPES.get(col.kind) or String(col.max_length)
    return Column(col.name, sa_type, nullable=not col.required, comment=col.doc or None)


def _is_dimension_key(ref: str) -> bool:
    ds, col = ref.split(".")
    spec = DATASETS.get(ds)
    return spec is not None and spec.key == (col,) and spec.col(col).required


def _table(spec: Dataset) -> Table:
    cols = [Column("row_id", Integer, primary_key=True, autoincrement=True)]
    cols += [_column(c) for c in spec.all_columns]
    extras: list = [Index(f"ix_{spec.name}_key", *spec.full_key)]
    if all(spec.col(k).required for k in spec.full_key):
        extras.append(UniqueConstraint(*spec.full_key, name=f"uq_{spec.name}_key"))
    for c in spec.columns:
        # A reference to a dimension's code becomes a real foreign key on (year, code).
        if c.ref and _is_dimension_key(c.ref) and c.ref.split(".")[0] != spec.name:
            ref_table, ref_col = c.ref.split(".")
            extras.append(
                ForeignKeyConstraint(
                    ["year", c.name],
                    [f"{ref_table}.year", f"{ref_table}.{ref_col}"],
                    name=f"fk_{spec.name}_{c.name}",
                )
            )
    return Table(spec.name, metadata, *cols, *extras, comment=spec.title)


TABLES: dict[str, Table] = {name: _table(spec) for name, spec in DATASETS.items()}

data_load = Table(
    "data_load",
    metadata,
    Column("load_id", Integer, primary_key=True, autoincrement=True),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("source", String(500), nullable=False),
    Column("years", String(200), nullable=False),
    Column("rows", Integer, nullable=False),
    comment="Every write of data: when, from what, which years, how many rows",
)

data_version = Table(
    "data_version",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Column("published_by", String(200), nullable=False),
    Column("file_name", String(500), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("years", String(200), nullable=False),
    Column("rows", Integer, nullable=False),
    Column("note", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("base_version", Integer, nullable=True, comment="The version the upload was previewed against"),
    Column("restored_from", Integer, nullable=True, comment="For a rollback: the version whose content it restores"),
    Column("load_id", Integer, nullable=True, comment="The data_load row written with this version"),
    Column("snapshot", LargeBinary, nullable=False, comment="gzip JSON of every dataset after this version"),
    comment="Published versions of the data: who, when, from which file; current, superseded or rolled back",
)

app_user = Table(
    "app_user",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(100), nullable=False, unique=True),
    Column("role", String(20), nullable=False),
    Column("password_hash", String(500), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_attempts", Integer, nullable=False, default=0),
    Column("locked_until", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_login_at", DateTime(timezone=True), nullable=True),
    comment="Users of the Kelola Data page: role viewer, perencana or admin; argon2 password hashes",
)

api_token = Table(
    "api_token",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, nullable=False),
    Column("label", String(200), nullable=False, default=""),
    Column("token_hash", String(64), nullable=False, unique=True, comment="sha256 of the token (never the token)"),
    Column("prefix", String(16), nullable=False, comment="The token's first characters, to tell tokens apart"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(200), nullable=False),
    Column("last_used_at", DateTime(timezone=True), nullable=True),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("revoked_by", String(200), nullable=True),
    ForeignKeyConstraint(["user_id"], ["app_user.id"], name="fk_api_token_user"),
    comment="Bearer tokens of the read-only API (loaders.tokens): one user each, stored hashed, revocable",
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("username", String(200), nullable=False),
    Column("action", String(50), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    comment="Append-only log: logins, uploads, validations, publications, rollbacks, user changes",
)

login_throttle = Table(
    "login_throttle",
    metadata,
    Column("key", String(300), primary_key=True, comment="'klien:<address>' or 'pasangan:<address>|<name as typed>'"),
    Column("username", String(100), nullable=True, comment="The name of a 'pasangan' key (to lift its backoff)"),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure_at", DateTime(timezone=True), nullable=True),
    Column("blocked_until", DateTime(timezone=True), nullable=True),
    comment="Failed logins per client and per client and name (loaders.auth): the backoff before the next try",
)

triwulan_note = Table(
    "triwulan_note",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("year", Integer, nullable=False),
    Column("quarter", Integer, nullable=False),
    Column("level", String(20), nullable=False, comment="ikss, ikp, ikk, program or unit"),
    Column("code", String(100), nullable=False),
    Column("note", Text, nullable=False, comment="Plain text, one paragraph (loaders.notes)"),
    Column("author", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_triwulan_note_key", "year", "quarter", "level", "code"),
    comment="Follow-up notes (catatan tindak lanjut) on an indicator or budget line in a quarter; kept beside "
    "the data, not in its versions: a new version of a quarter keeps the answers given to it",
)

_APPEND_ONLY = "audit_log is append-only: rows are never updated or deleted"
_AUDIT_TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$",
        "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log "
        "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    ],
}


@event.listens_for(audit_log, "after_create")
def _audit_log_append_only(target, connection, **_kw) -> None:
    """The audit log refuses UPDATE and DELETE in the database too (a trigger), not only in ``loaders.audit``."""
    protect_audit_log(connection)


def protect_audit_log(connection: Connection) -> None:
    """Create the append-only triggers of ``audit_log`` (idempotent; for a database made before they existed)."""
    for statement in _AUDIT_TRIGGERS.get(connection.dialect.name, []):
        connection.exec_driver_sql(statement)


ADMIN_TABLES = ("data_load", "data_version", "app_user", "api_token", "audit_log")


def get_engine(url: str | None = None, create: bool = False) -> Engine:
    """The engine for ``url`` (default: ``DATABASE_URL`` or the SQLite file), one per URL.

    A SQLite file named by ``DATABASE_URL`` must exist unless ``create`` (``python -m loaders build``):
    a mistyped path raises :class:`loaders.config.DatabaseNotFound` instead of becoming a new empty database.
    """
    if url is None:
        url = database_url()
        if not create:
            require_database(url)
    return _engine(url)


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        transactional_ddl(engine)
    return engine


def transactional_ddl(engine: Engine) -> None:
    """Let SQLAlchemy, not the ``sqlite3`` module, open SQLite transactions, so DDL is inside them too.

    Python's ``sqlite3`` starts a transaction only before INSERT/UPDATE/DELETE: each CREATE TABLE of
    a first build ran and committed on its own (45 commits, each a sync to disk). With the driver in
    autocommit mode and ``BEGIN`` sent when SQLAlchemy begins (the recipe in SQLAlchemy's SQLite
    dialect documentation), a build creates its tables and writes its rows in one transaction: all
    or nothing, and 40 % faster at 1x (BENCHMARKS.md, section 1).
    """

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")


def create_schema(engine: Engine) -> None:
    metadata.create_all(engine)


def _plain(column: pd.Series) -> list:
    """The values of ``column`` as plain Python objects (``int``, ``float``, ``str``), ``None`` where missing."""
    values = column.to_numpy(dtype=object, na_value=None)
    if column.dtype == object:  # may hold NumPy scalars, which the drivers do not take
        return [v.item() if isinstance(v, np.generic) else v for v in values]
    return values.tolist()


def _records(frame: pd.DataFrame) -> dict[str, list]:
    """The rows of ``frame`` to insert, column by column: plain Python values, ``None`` where missing."""
    return {name: _plain(frame[name]) for name in frame.columns}


def _insert(conn: Connection, table: Table, columns: dict[str, list]) -> None:
    """Insert the rows given column by column (as :func:`_records` gives them) with one executemany.

    On SQLite the statement SQLAlchemy compiles goes straight to the driver's ``executemany`` with
    tuples, the values passed through the same bind processors SQLAlchemy would apply: its per-row
    parameter handling costs more than SQLite's insert itself. Elsewhere (PostgreSQL) and for anything
    unusual the rows go through SQLAlchemy Core's ``executemany`` as dicts.
    """
    names = list(columns)
    if conn.dialect.name == "sqlite" and set(names) <= set(table.c.keys()):
        compiled = insert(table).compile(dialect=conn.dialect, column_keys=names)
        if compiled.positiontup is not None and sorted(compiled.positiontup) == sorted(names):
            values = []
            for name in compiled.positiontup:
                process = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
                values.append(columns[name] if process is None else [process(v) for v in columns[name]])
            conn.exec_driver_sql(compiled.string, list(zip(*values, strict=True)))
            return
    conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)])


def replaced_keys(
    name: str, frames: Mapping[str, pd.DataFrame], years: Iterable[int] | None
) -> tuple[tuple[str, ...], set[tuple[int, ...]]] | None:
    """Which rows of dataset ``name`` a write of ``frames`` for ``years`` replaces.

    ``None``: every row (``years=None``, a rebuild or a rollback). Otherwise ``(columns, keys)``: the
    rows whose ``columns`` hold one of ``keys``.

    - An annual dataset: the rows of ``years`` when the write holds any annual dataset (a year's
      upload replaces the whole year, as it always did); none when it holds only quarterly ones.
    - A quarterly dataset (``Dataset.per_quarter``): the (year, quarter) pairs its own frame has rows
      of. Publishing the second quarter keeps the first; a workbook of only the ``triwulan_*``
      sheets leaves the year's annual tables as they are; an empty or absent sheet replaces nothing.
    """
    if years is None:
        return None
    spec = DATASETS[name]
    if spec.per_quarter:
        frame = frames.get(name)
        if frame is None or not len(frame):
            return ("year", "quarter"), set()
        pairs = frame[["year", "quarter"]].dropna().drop_duplicates().astype(int)
        return ("year", "quarter"), set(pairs.itertuples(index=False, name=None))
    annual = any(n in DATASETS and not DATASETS[n].per_quarter for n in frames)
    return ("year",), {(int(y),) for y in years} if annual else set()


def replaced_rows(name: str, frame: pd.DataFrame, frames: Mapping[str, pd.DataFrame], years) -> pd.Series:
    """The rows of ``frame`` (dataset ``name``, as loaded) that a write of ``frames`` for ``years`` replaces."""
    scope = replaced_keys(name, frames, years)
    if scope is None:
        return pd.Series(True, index=frame.index)
    columns, keys = scope
    if not keys or not len(frame):
        return pd.Series(False, index=frame.index)
    values = pd.MultiIndex.from_frame(frame[list(columns)].astype("Int64").fillna(-1).astype(int))
    return pd.Series(values.isin(list(keys)), index=frame.index)


def write_tables(conn: Connection, frames: dict[str, pd.DataFrame], source: str, years: set[int] | None = None) -> int:
    """Replace data inside an open transaction: all rows (``years=None``) or only those years.

    The replaced rows of every dataset (:func:`replaced_keys`: the years' rows; a quarterly table's
    only for the quarters written) are deleted first (children before parents), then the given
    frames are inserted (parents first). Returns the number of rows written.
    """
    metadata.create_all(conn)
    ordered = [t for t in metadata.sorted_tables if t.name in TABLES]
    for table in reversed(ordered):
        scope = replaced_keys(table.name, frames, years)
        if scope is None:
            conn.execute(delete(table))
            continue
        columns, keys = scope
        if columns == ("year",):
            if keys:
                conn.execute(delete(table).where(table.c.year.in_(sorted(k[0] for k in keys))))
            continue
        for key in sorted(keys):  # a (year, quarter) pair: a handful per write
            conn.execute(delete(table).where(*[table.c[c] == v for c, v in zip(columns, key, strict=True)]))
    written = 0
    for table in ordered:
        frame = frames.get(table.name)
        if frame is None or frame.empty:
            continue
        _insert(conn, table, _records(frame))
        written += len(frame)
    all_years = sorted({int(y) for f in frames.values() if len(f) for y in f["year"].unique()})
    conn.execute(
        insert(data_load).values(
            loaded_at=datetime.now(UTC),
            source=source[:500],
            years=",".join(map(str, all_years))[:200],
            rows=written,
        )
    )
    return written


def replace_all(engine: Engine, frames: dict[str, pd.DataFrame], source: str) -> int:
    """Rebuild every table from ``frames`` in one transaction: all or nothing."""
    with engine.begin() as conn:
        return write_tables(conn, frames, source)


def load_years(engine: Engine, frames: dict[str, pd.DataFrame], source: str) -> tuple[set[int], int]:
    """Replace every year present in ``frames`` (all its tables) in one transaction; other years stay.

    Returns the years replaced and the number of rows written.
    """
    years = {int(y) for f in frames.values() if len(f) for y in f["year"].unique()}
    if not years:
        return years, 0
    with engine.begin() as conn:
        return years, write_tables(conn, frames, source, years=years)


def read_table(conn: Connection | Engine, name: str, year: int | None = None) -> pd.DataFrame:
    """A dataset as a typed frame (spec order and dtypes), optionally for one year."""
    spec = DATASETS[name]
    table = TABLES[name]
    stmt = select(*[table.c[c.name] for c in spec.all_columns]).order_by(table.c.row_id)
    if year is not None:
        stmt = stmt.where(table.c.year == year)
    if isinstance(conn, Engine):
        with conn.connect() as c:
            rows = c.execute(stmt).all()
    else:
        rows = conn.execute(stmt).all()
    frame = pd.DataFrame(rows, columns=[c.name for c in spec.all_columns])
    for col in spec.all_columns:
        dtype = {"int": "Int64", "str": "string"}.get(col.kind, "Float64")
        frame[col.name] = frame[col.name].astype(dtype)
    return frame


def read_all(conn: Connection | Engine) -> dict[str, pd.DataFrame]:
    return {name: read_table(conn, name) for name in TABLES}


def has_data(engine: Engine) -> bool:
    """Whether any data has been loaded (the load log is not empty)."""
    from sqlalchemy import inspect

    if not inspect(engine).has_table("data_load"):
        return False
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(data_load)).scalar_one() > 0


REPORT_YEAR_DATASET = "output_capaian"
"""A year is a loaded report year when it has Lampiran 6 rows: every LKj prints them, and a year's
template prefills them. Earlier years that only appear as comparison rows (2022 and 2023 in the
LKj 2024) are not report years of their own."""


def years_loaded(engine: Engine, dataset: str = REPORT_YEAR_DATASET) -> list[int]:
    """Years that have rows in ``dataset``, oldest first (default: the report years, see ``views.common``)."""
    table = TABLES[dataset]
    with engine.connect() as conn:
        rows = conn.execute(select(func.distinct(table.c.year)).order_by(table.c.year)).all()
    return [int(r[0]) for r in rows]
