"""Published versions of the data: prepare an upload, preview it, publish it, roll back.

Publishing is one transaction: the replaced years of every dataset, the ``data_load`` row the
pages' caches key on, the new ``data_version`` row (with a snapshot of the whole database
content after the publish, so any version can be restored) and the audit row. A failure at
any point leaves the previous version intact and current.

Concurrency: a publication carries the version its preview was made against
(``base_version``). The writer takes the database's write lock first (``LOCK TABLE`` on
PostgreSQL, a write statement that takes SQLite's single RESERVED lock), then compares; if
another publication got in between, :class:`VersionConflict` is raised and nothing is written.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import math
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError

from loaders import audit, db
from loaders.auth import Actor, PermissionDenied
from loaders.datasets import DATASETS
from loaders.readers import read_upload
from loaders.validate import Problem, ValidationError, validate

CURRENT, SUPERSEDED, ROLLED_BACK = "current", "superseded", "rolled_back"

CheckRunner = Callable[[Mapping[str, pd.DataFrame], int], Sequence[object]]
"""The Kualitas Data checks of one year, passed in by the caller (``kpi.checks.run_checks``)."""


class PublishError(Exception):
    """A publication or rollback was refused; the message (Indonesian) says why. Nothing was written."""


class VersionConflict(PublishError):
    """Someone else published since this upload was previewed."""


class ChecksFailed(PublishError):
    """The Kualitas Data checks found errors that this upload introduces."""


class PublishFailed(PublishError):
    """The database refused the write (a constraint, a type, a lost connection); nothing was written."""


# --------------------------------------------------------------------------- snapshots


def _json_value(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def snapshot_bytes(frames: Mapping[str, pd.DataFrame]) -> bytes:
    """Every dataset as gzip-compressed JSON (columns and rows), exact for ints, floats and text."""
    payload = {}
    for name in sorted(frames):
        frame = frames[name]
        cols = [c.name for c in DATASETS[name].all_columns]
        rows = [[_json_value(v) for v in row] for row in frame[cols].astype(object).itertuples(index=False)]
        payload[name] = {"columns": cols, "rows": rows}
    return gzip.compress(json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8"), 6)


def frames_from_snapshot(blob: bytes) -> dict[str, pd.DataFrame]:
    """The typed frames a snapshot holds (same dtypes as :func:`loaders.db.read_table`)."""
    payload = json.loads(gzip.decompress(blob).decode("utf-8"))
    out = {}
    for name, part in payload.items():
        if name not in DATASETS:
            continue
        frame = pd.DataFrame(part["rows"], columns=part["columns"], dtype=object)
        for col in DATASETS[name].all_columns:
            dtype = {"int": "Int64", "str": "string"}.get(col.kind, "Float64")
            frame[col.name] = frame[col.name].astype(dtype) if len(frame) else pd.Series([], dtype=dtype)
        out[name] = frame
    return out


# --------------------------------------------------------------------------- reading versions


def _ensure_schema(engine: Engine) -> None:
    db.create_schema(engine)


def current_version(conn: Connection | Engine) -> int:
    """The id of the current version, 0 when nothing was ever published through versions."""
    stmt = select(func.coalesce(func.max(db.data_version.c.id), 0)).where(db.data_version.c.status == CURRENT)
    if isinstance(conn, Engine):
        # Cheap enough for every page run (the sidebar shows it): no schema check, a missing table means 0.
        try:
            with conn.connect() as c:
                return int(c.execute(stmt).scalar_one())
        except (OperationalError, ProgrammingError):
            return 0
    return int(conn.execute(stmt).scalar_one())


def list_versions(engine: Engine) -> pd.DataFrame:
    """Every version, newest first, without the snapshots."""
    _ensure_schema(engine)
    t = db.data_version
    cols = [c for c in t.c if c.name != "snapshot"]
    with engine.connect() as conn:
        rows = conn.execute(select(*cols).order_by(t.c.id.desc())).all()
    return pd.DataFrame(rows, columns=[c.name for c in cols])


def version_frames(engine: Engine, version_id: int) -> dict[str, pd.DataFrame]:
    with engine.connect() as conn:
        blob = conn.execute(
            select(db.data_version.c.snapshot).where(db.data_version.c.id == version_id)
        ).scalar_one_or_none()
    if blob is None:
        raise PublishError(f"versi {version_id} tidak ada")
    return frames_from_snapshot(blob)


# --------------------------------------------------------------------------- preparing an upload


@dataclass
class TableChange:
    """Rows of one dataset an upload adds, changes and removes for the years it replaces."""

    name: str
    added: int
    changed: int
    removed: int
    unchanged: int


@dataclass
class Prepared:
    """A validated upload, ready to preview and publish against ``base_version``."""

    file_name: str
    sha256: str
    frames: dict[str, pd.DataFrame]
    years: list[int]
    base_version: int
    rows: int
    findings: list = field(default_factory=list)
    known_errors: list = field(default_factory=list)
    carried_from: dict[int, int] = field(default_factory=dict)
    """New year -> the loaded year it was compared with: its error findings are carried over, not new."""

    @property
    def new_errors(self) -> list:
        """Error findings this upload introduces (not already present in the published data); a crash always."""
        known = {_finding_key(f) for f in self.known_errors}
        return [
            f
            for f in self.findings
            if isinstance(f, CheckCrash) or (getattr(f, "severity", "") == "error" and _finding_key(f) not in known)
        ]

    @property
    def crashes(self) -> list:
        """Check runs that raised on the data after this upload: they block publishing, even for an admin."""
        return [f for f in self.findings if isinstance(f, CheckCrash)]


def _source_year(current: Mapping[str, pd.DataFrame], year: int) -> int | None:
    """The newest loaded report year before ``year`` (``db.REPORT_YEAR_DATASET`` rows), or ``None``."""
    frame = current.get(db.REPORT_YEAR_DATASET)
    if frame is None or not len(frame):
        return None
    earlier = [int(y) for y in frame["year"].dropna().unique() if int(y) < year]
    return max(earlier) if earlier else None


def _finding_key(f: object) -> tuple:
    return (getattr(f, "rule_id", ""), getattr(f, "row_key", ""), getattr(f, "year", None))


@dataclass(frozen=True)
class CheckCrash:
    """Stands in for the findings of a check run that raised: an error that blocks publishing.

    Data on which a check cannot run is data some page, the PDF or ``python -m kpi`` cannot show either;
    not even an admin can accept it (:func:`publish`).
    """

    year: int
    error: str
    rule_id: str = "cek-gagal"
    severity: str = "error"
    row_key: str = ""
    page: str = ""
    tables: tuple = ()
    datasets: tuple = ()

    @property
    def message_id(self) -> str:
        return f"Cek Kualitas Data tahun {self.year} tidak dapat dijalankan seluruhnya: {self.error}"

    @property
    def message_en(self) -> str:
        return f"The Data Quality checks for {self.year} could not all run: {self.error}"

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


def _run_checks(runner: CheckRunner, frames: Mapping[str, pd.DataFrame], year: int) -> list:
    try:
        return list(runner(frames, year))
    except Exception as exc:  # noqa: BLE001 - reported as a finding that blocks publishing, never a traceback
        return [CheckCrash(year, f"{type(exc).__name__}: {str(exc)[:200]}{_where(exc)}")]


def _where(exc: BaseException) -> str:
    """`` (kpi/productivity.py:49)``: the innermost line of the project's own code that raised, for a bug report."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "site-packages" not in f.filename]
    if not frames:
        return ""
    path = Path(frames[-1].filename)
    shown = "/".join(path.parts[-2:])
    return f" ({shown}:{frames[-1].lineno})"


def quarterly_only(raws: Sequence[object]) -> bool:
    """Whether an upload's tables are all quarterly ones (``Dataset.per_quarter``): it then publishes quarters only."""
    specs = [DATASETS.get(getattr(r, "name", "")) for r in raws]
    return bool(specs) and all(spec is not None and spec.per_quarter for spec in specs)


def quarters_of(frames: Mapping[str, pd.DataFrame]) -> list[tuple[int, int]]:
    """The (year, quarter) pairs the quarterly tables of ``frames`` hold rows of, in order."""
    pairs: set[tuple[int, int]] = set()
    for name, frame in frames.items():
        if name in DATASETS and DATASETS[name].per_quarter and len(frame):
            pairs |= set(frame[["year", "quarter"]].dropna().astype(int).itertuples(index=False, name=None))
    return sorted(pairs)


def merged(current: Mapping[str, pd.DataFrame], frames: Mapping[str, pd.DataFrame], years: Sequence[int]) -> dict:
    """What the database would hold after replacing ``years`` with ``frames`` (``loaders.db.replaced_keys``)."""
    out = {}
    for name in DATASETS:
        old = current.get(name)
        keep = old[~db.replaced_rows(name, old, frames, years)] if old is not None and len(old) else None
        new = frames.get(name)
        parts = [p for p in (keep, new) if p is not None and len(p)]
        out[name] = (
            pd.concat(parts, ignore_index=True)
            if parts
            else (new if new is not None else old if old is not None else pd.DataFrame())
        )
    return out


def prepare(
    engine: Engine,
    data: bytes,
    file_name: str,
    actor: Actor,
    checks: CheckRunner | None,
) -> Prepared:
    """Read, validate and check an upload; :class:`ValidationError` lists every problem. Nothing is written.

    The upload and its validation result go to the audit log. ``checks`` is the Kualitas Data
    check runner, ``(frames, year) -> findings`` (the callers pass ``kpi.checks.run_checks``:
    loaders sit below kpi and never import it); it runs on the merged data of every uploaded
    year, and on the published data of those years to tell the errors the upload introduces.
    ``None`` runs no checks (said explicitly: there is no default).
    """
    actor.require("perencana")
    _ensure_schema(engine)
    sha = hashlib.sha256(data).hexdigest()
    audit.record(engine, actor.username, "upload", "ok", {"file": file_name, "bytes": len(data), "sha256": sha})
    try:
        with engine.connect() as conn:
            base = current_version(conn)
        raws = read_upload(data, file_name)
        # a workbook of only the quarterly sheets publishes a quarter: the year's annual tables stay, and its
        # codes are checked against them as loaded
        quarterly = quarterly_only(raws)
        current = db.read_all(engine) if checks is not None or quarterly else None
        frames = validate(raws, existing=current if quarterly else None, require_all=not quarterly)
        years = sorted({int(y) for f in frames.values() if len(f) for y in f["year"].dropna().unique()})
        if not years:
            raise ValidationError([Problem(file_name, None, None, "", "tidak ada satu baris data pun untuk dimuat")])
    except ValidationError as exc:
        audit.record(
            engine,
            actor.username,
            "validasi",
            "gagal",
            {"file": file_name, "sha256": sha, "masalah": len(exc.problems)},
        )
        raise
    rows = sum(len(f) for f in frames.values())
    prepared = Prepared(file_name, sha, frames, years, base, rows)
    if checks is not None and current is not None:
        after = merged(current, frames, years)
        for year in years:
            prepared.findings.extend(_run_checks(checks, after, year))
            if any((f["year"] == year).any() for f in current.values() if len(f)):
                known = _run_checks(checks, current, year)
                prepared.known_errors.extend(f for f in known if getattr(f, "severity", "") == "error")
            elif (source := _source_year(current, year)) is not None:
                # a new year starts as a copy of the last one (the template): a disagreement the copied
                # rows already had there is carried over, not introduced by this upload
                carried = [f for f in _run_checks(checks, current, source) if getattr(f, "severity", "") == "error"]
                prepared.known_errors.extend(dataclasses.replace(f, year=year) for f in carried)
                prepared.carried_from[year] = source
    audit.record(
        engine,
        actor.username,
        "validasi",
        "ok",
        {
            "file": file_name,
            "sha256": sha,
            "tahun": years,
            "baris": rows,
            "temuan_error_baru": len(prepared.new_errors),
            "temuan": len(prepared.findings),
        },
    )
    return prepared


def diff(current: Mapping[str, pd.DataFrame], frames: Mapping[str, pd.DataFrame], years: Sequence[int]) -> list:
    """Per dataset: rows added, changed and removed (by key) in the replaced ``years`` (and quarters)."""
    out = []
    for name, spec in DATASETS.items():
        key = list(spec.full_key)
        old = current.get(name)
        old = (
            old[db.replaced_rows(name, old, frames, years)]
            if old is not None and len(old)
            else pd.DataFrame(columns=key)
        )
        new = frames.get(name, pd.DataFrame(columns=key))
        old_rows = {_row_key(r, key): r for r in old.astype(object).to_dict("records")}
        new_rows = {_row_key(r, key): r for r in new.astype(object).to_dict("records")}
        added = len(new_rows.keys() - old_rows.keys())
        removed = len(old_rows.keys() - new_rows.keys())
        both = new_rows.keys() & old_rows.keys()
        changed = sum(1 for k in both if _norm(new_rows[k]) != _norm(old_rows[k]))
        out.append(TableChange(name, added, changed, removed, len(both) - changed))
    return out


def _norm(row: dict) -> dict:
    return {k: _json_value(v) for k, v in row.items()}


def _row_key(row: dict, key: list[str]) -> tuple:
    return tuple(_json_value(row.get(k)) for k in key)


# --------------------------------------------------------------------------- writing


def _lock(conn: Connection) -> None:
    """Take the database's write lock before reading the current version (serialises publishers)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("LOCK TABLE data_version IN EXCLUSIVE MODE"))
    else:
        # Any write statement takes SQLite's single RESERVED lock, even when it changes no row.
        conn.execute(update(db.data_version).where(db.data_version.c.id == -1).values(status=CURRENT))


def _write_version(
    conn: Connection,
    *,
    user: str,
    file_name: str,
    sha256: str,
    years: Sequence[int] | None,
    note: str,
    base_version: int | None,
    restored_from: int | None = None,
    frames: Mapping[str, pd.DataFrame] | None = None,
    snapshot: bytes | None = None,
) -> int:
    """Inside the locked transaction: write the data, the data_load row and the version row; return its id."""
    if frames is not None:
        rows = db.write_tables(conn, dict(frames), file_name, years=set(years) if years is not None else None)
    else:
        rows = 0
    load_id = conn.execute(select(func.max(db.data_load.c.load_id))).scalar_one()
    blob = snapshot if snapshot is not None else snapshot_bytes(db.read_all(conn))
    conn.execute(update(db.data_version).where(db.data_version.c.status == CURRENT).values(status=SUPERSEDED))
    result = conn.execute(
        insert(db.data_version).values(
            published_at=datetime.now(UTC),
            published_by=user[:200],
            file_name=file_name[:500],
            sha256=sha256,
            years=",".join(map(str, sorted(years))) if years else "semua",
            rows=rows,
            note=note or "",
            status=CURRENT,
            base_version=base_version,
            restored_from=restored_from,
            load_id=load_id,
            snapshot=blob,
        )
    )
    return int(result.inserted_primary_key[0])


def _baseline(conn: Connection) -> int:
    """Data loaded before versions existed becomes a version of its own, so the first publish can be rolled back."""
    blob = snapshot_bytes(db.read_all(conn))
    return _write_version(
        conn,
        user="sistem",
        file_name="data sebelum versi pertama",
        sha256=hashlib.sha256(blob).hexdigest(),
        years=None,
        note="isi basis data saat publikasi pertama lewat versi",
        base_version=None,
        snapshot=blob,
    )


def _check_base(conn: Connection, expected: int | None) -> int:
    now = current_version(conn)
    if expected is not None and now != expected:
        raise VersionConflict(
            f"data sudah diubah orang lain: versi terkini sekarang {now}, sedangkan pratinjau Anda dibuat dari versi "
            f"{expected}. Tidak ada yang ditulis; unggah ulang untuk melihat pratinjau terbaru."
        )
    return now


def _database_error(exc: SQLAlchemyError) -> PublishFailed:
    """What the database refused, in one line without the SQL statement or the row values it quotes."""
    orig = getattr(exc, "orig", None) or exc
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    reason = f"{type(orig).__name__}: {first}"[:200]
    return PublishFailed(
        f"publikasi gagal: basis data menolak penulisan ({reason}). Tidak ada yang ditulis; versi sebelumnya tetap "
        "berlaku. Laporkan pesan ini kepada admin."
    )


def _locked_error(exc: OperationalError) -> PublishError:
    return VersionConflict(
        "basis data sedang dipakai publikasi lain; tidak ada yang ditulis. Coba lagi sebentar lagi. "
        f"({type(exc.orig).__name__ if exc.orig else 'OperationalError'})"
    )


def publish_frames(
    engine: Engine,
    frames: Mapping[str, pd.DataFrame],
    actor: Actor,
    *,
    file_name: str,
    sha256: str,
    years: Sequence[int] | None,
    base_version: int | None,
    note: str = "",
) -> int:
    """Write validated frames as a new current version in one transaction; ``years=None`` replaces everything."""
    actor.require("perencana")
    _ensure_schema(engine)
    try:
        with engine.begin() as conn:
            _lock(conn)
            base = _check_base(conn, base_version)
            if base == 0 and conn.execute(select(func.count()).select_from(db.data_load)).scalar_one():
                base = _baseline(conn)
            vid = _write_version(
                conn,
                user=actor.username,
                file_name=file_name,
                sha256=sha256,
                years=years,
                note=note,
                base_version=base,
                frames=frames,
            )
            audit.record(
                conn,
                actor.username,
                "publikasi",
                "ok",
                {"versi": vid, "file": file_name, "sha256": sha256, "tahun": list(years or []), "dari_versi": base},
            )
    except OperationalError as exc:
        locked = "locked" in str(exc).lower() or "lock" in str(exc.orig or "").lower()
        err = _locked_error(exc) if locked else _database_error(exc)
        audit.record(engine, actor.username, "publikasi", "gagal", {"file": file_name, "alasan": str(err)})
        raise err from exc
    except SQLAlchemyError as exc:
        # a constraint or a value the database refuses: validation should have caught it; said in words, logged
        err = _database_error(exc)
        audit.record(engine, actor.username, "publikasi", "gagal", {"file": file_name, "alasan": str(err)})
        raise err from exc
    except VersionConflict as exc:
        audit.record(engine, actor.username, "publikasi", "gagal", {"file": file_name, "alasan": str(exc)})
        raise
    return vid


def publish(engine: Engine, prepared: Prepared, actor: Actor, note: str = "", accept_errors: bool = False) -> int:
    """Publish a prepared upload as the new current version (see module doc); return the version id.

    Error findings the upload introduces block the publication unless an admin accepts them
    (``accept_errors``, recorded in the note and the audit log).
    """
    actor.require("perencana")
    if prepared.crashes:
        audit.record(
            engine,
            actor.username,
            "publikasi",
            "ditolak",
            {"file": prepared.file_name, "alasan": "cek kualitas data gagal dijalankan", "tahun": prepared.years},
        )
        raise ChecksFailed(
            "cek Kualitas Data tidak dapat dijalankan pada data ini ("
            + "; ".join(c.error for c in prepared.crashes)[:300]
            + "): halaman, PDF dan workbook pun tidak dapat menampilkannya. Periksa angka yang sangat besar "
            "atau tidak wajar, lalu unggah ulang; publikasi ini tidak dapat diterima, juga oleh admin."
        )
    blocking = prepared.new_errors
    if blocking and not accept_errors:
        audit.record(
            engine,
            actor.username,
            "publikasi",
            "ditolak",
            {"file": prepared.file_name, "alasan": "cek kualitas data", "error": len(blocking)},
        )
        raise ChecksFailed(
            f"{len(blocking)} temuan Kualitas Data bertingkat error muncul karena unggahan ini; "
            "perbaiki datanya, atau admin dapat menerima temuan tersebut secara tertulis."
        )
    if blocking:
        actor.require("admin")
        note = (note + " " if note else "") + f"[{len(blocking)} temuan error diterima oleh {actor.username}]"
    quarters = quarters_of(prepared.frames)
    if quarters:  # the versions list says which quarters a version published
        note = (note + " " if note else "") + "[triwulan " + ", ".join(f"{y}-T{q}" for y, q in quarters) + "]"
    return publish_frames(
        engine,
        prepared.frames,
        actor,
        file_name=prepared.file_name,
        sha256=prepared.sha256,
        years=prepared.years,
        base_version=prepared.base_version,
        note=note,
    )


def publish_all(engine: Engine, frames: Mapping[str, pd.DataFrame], actor: Actor, source: str) -> int:
    """Replace the whole database with ``frames`` as a new version (``python -m loaders build``)."""
    blob = snapshot_bytes(frames)
    return publish_frames(
        engine,
        frames,
        actor,
        file_name=source,
        sha256=hashlib.sha256(blob).hexdigest(),
        years=None,
        base_version=None,
        note="dibangun ulang dari " + source,
    )


def rollback(engine: Engine, version_id: int, actor: Actor, expected_version: int | None = None) -> int:
    """Restore the content of version ``version_id`` as a new current version; versions after it become rolled back."""
    actor.require("admin")
    _ensure_schema(engine)
    t = db.data_version
    try:
        with engine.begin() as conn:
            _lock(conn)
            base = _check_base(conn, expected_version)
            row = conn.execute(select(t.c.id, t.c.snapshot, t.c.sha256).where(t.c.id == version_id)).first()
            if row is None:
                raise PublishError(f"versi {version_id} tidak ada; lihat daftar versi")
            if version_id == base:
                raise PublishError(f"versi {version_id} sudah versi terkini; tidak ada yang dikembalikan")
            frames = frames_from_snapshot(row.snapshot)
            conn.execute(update(t).where(t.c.id > version_id, t.c.status != ROLLED_BACK).values(status=ROLLED_BACK))
            vid = _write_version(
                conn,
                user=actor.username,
                file_name=f"rollback ke versi {version_id}",
                sha256=row.sha256,
                years=None,
                note=f"mengembalikan isi versi {version_id}",
                base_version=base,
                restored_from=version_id,
                frames=frames,
                snapshot=row.snapshot,
            )
            audit.record(
                conn, actor.username, "rollback", "ok", {"versi_baru": vid, "ke_versi": version_id, "dari": base}
            )
    except PublishError as exc:
        audit.record(engine, actor.username, "rollback", "gagal", {"ke_versi": version_id, "alasan": str(exc)})
        raise
    except OperationalError as exc:
        err = _locked_error(exc) if "lock" in str(exc).lower() else _database_error(exc)
        audit.record(engine, actor.username, "rollback", "gagal", {"ke_versi": version_id, "alasan": str(err)})
        raise err from exc
    except SQLAlchemyError as exc:
        err = _database_error(exc)
        audit.record(engine, actor.username, "rollback", "gagal", {"ke_versi": version_id, "alasan": str(err)})
        raise err from exc
    return vid


__all__ = [
    "CheckRunner",
    "ChecksFailed",
    "PermissionDenied",
    "Prepared",
    "PublishError",
    "PublishFailed",
    "TableChange",
    "VersionConflict",
    "current_version",
    "diff",
    "list_versions",
    "prepare",
    "publish",
    "publish_all",
    "rollback",
]
