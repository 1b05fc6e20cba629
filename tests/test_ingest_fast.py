"""The fast ingest path (issue 7) against the per-cell implementation it replaced.

``loaders.validate`` checks the cells that are obviously fine with vectorised pandas operations and
sends every other cell through the per-cell code; ``loaders.db`` writes plain rows. The reference
column typing is the per-cell code (``_coerce_cell``) applied to every cell, the other reference
functions are verbatim copies of the code before the fast path: the new code must give the same
typed series, the same problems in the same order and the same database rows on every input.
"""

from __future__ import annotations

import math
import random
import re
import sys
from contextlib import contextmanager, nullcontext
from datetime import datetime
from unittest import mock

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert, text

from bench import synth
from loaders import db, readers
from loaders import validate as v
from loaders.datasets import DATASETS
from loaders.numbers import parse_id_number, parse_machine_number
from loaders.readers import read_csv_dir
from loaders.schema import MIN_MAGNITUDE, Col, Dataset
from loaders.validate import MAX_INT, Problem, RawTable, ValidationError
from tests.conftest import DATA_DIR

# --- reference: the per-cell implementation before the fast path -------------------------------


def reference_coerce_column(raw: RawTable, col: Col, problems: list[Problem]) -> pd.Series:
    """Every cell through the per-cell code (``_coerce_cell``, which holds the rules: bounds, text limits)."""
    out = [v._coerce_cell(raw, col, i, value, problems) for i, value in enumerate(raw.frame[col.name].tolist())]
    dtype = {"int": "Int64", "str": "string"}.get(col.kind, "Float64")
    return pd.Series(out, dtype=dtype, name=col.name)


def reference_check_keys(raw: RawTable, spec: Dataset, typed: pd.DataFrame, problems: list[Problem]) -> None:
    key = list(spec.full_key)
    dup = typed.duplicated(subset=key, keep="first")
    for i in dup[dup].index:
        values = ", ".join(f"{k}={typed.at[i, k]}" for k in key)
        problems.append(
            Problem(
                raw.origin, raw.row_number(int(i)), ", ".join(key), values, "kunci baris ini sudah dipakai baris lain"
            )
        )


def reference_check_refs(
    tables: dict[str, tuple[RawTable, pd.DataFrame]], existing: dict[str, pd.DataFrame], problems: list[Problem]
) -> None:
    for name, (raw, typed) in tables.items():
        spec = DATASETS[name]
        for col in spec.columns:
            if not col.ref:
                continue
            ref_name, ref_col = col.ref.split(".")
            ref_frame = tables[ref_name][1] if ref_name in tables else existing.get(ref_name)
            known: set[tuple[int, str]] = set()
            if ref_frame is not None and len(ref_frame):
                # rows with a blank year or code are reported by the required-column check; skip them here
                usable = ref_frame[ref_frame["year"].notna() & ref_frame[ref_col].notna()]
                known = set(zip(usable["year"].astype(int), usable[ref_col].astype(str), strict=True))
            for i, (year, value) in enumerate(zip(typed["year"], typed[col.name], strict=True)):
                if pd.isna(value) or pd.isna(year):
                    continue
                if (int(year), str(value)) not in known:
                    problems.append(
                        Problem(
                            raw.origin,
                            raw.row_number(i),
                            col.name,
                            str(value),
                            f"kode tidak dikenal di '{ref_name}' tahun {int(year)}",
                        )
                    )


def reference_records(frame: pd.DataFrame) -> list[dict]:
    clean = frame.astype(object).where(frame.notna(), None)
    return clean.to_dict("records")


# --- helpers ----------------------------------------------------------------------------------------


@contextmanager
def fast_path_for_every_column():
    """Short columns take the fast path too (they normally go cell by cell)."""
    with mock.patch.object(v, "FAST_PATH_MIN_ROWS", 0):
        yield


@contextmanager
def reference_checks():
    """``validate`` running the reference implementations (the code before the fast path)."""
    with (
        mock.patch.object(v, "_coerce_column", reference_coerce_column),
        mock.patch.object(v, "_check_keys", reference_check_keys),
        mock.patch.object(v, "_check_refs", reference_check_refs),
    ):
        yield


def _exact(series: pd.Series) -> list[str]:
    """The values with their types (``-0.0`` is not ``0.0``, ``1`` is not ``1.0``)."""
    return [repr(x) if x is not pd.NA else "NA" for x in series.tolist()]


def assert_same_column(raw: RawTable, col: Col) -> None:
    """The fast implementation gives the reference's series and problems (in the same order)."""
    new_problems: list[Problem] = []
    ref_problems: list[Problem] = []
    new = v._coerce_column(raw, col, new_problems)
    ref = reference_coerce_column(raw, col, ref_problems)
    pd.testing.assert_series_equal(new, ref, check_exact=True)
    assert _exact(new) == _exact(ref)
    assert new_problems == ref_problems
    assert [type(p.row) for p in new_problems] == [type(p.row) for p in ref_problems]


def assert_same_validation(make_raws) -> tuple[str, object]:
    """``validate`` gives the same frames (or the same problems) as with the reference checks; returns those."""
    outcomes = []
    for context in (reference_checks, fast_path_for_every_column, nullcontext):
        with context():
            try:
                outcomes.append(("ok", v.validate(make_raws())))
            except ValidationError as exc:
                outcomes.append(("problems", exc.problems))
    ref = outcomes[0]
    for kind, result in outcomes[1:]:
        assert kind == ref[0]
        if kind == "problems":
            assert result == ref[1]
        else:
            assert result.keys() == ref[1].keys()
            for name in result:
                pd.testing.assert_frame_equal(result[name], ref[1][name], check_exact=True, obj=name)
    return ref


def _raws(frames: dict[str, pd.DataFrame]) -> list[RawTable]:
    return [RawTable(name, frame.copy(), f"x/{name}.csv") for name, frame in sorted(frames.items())]


# --- the real data and the synthetic 10x ------------------------------------------------------------


def test_every_column_of_the_real_data_is_typed_as_before():
    for raw in read_csv_dir(DATA_DIR):
        for col in DATASETS[raw.name].all_columns:
            assert_same_column(raw, col)
            with fast_path_for_every_column():
                assert_same_column(raw, col)


def test_every_column_of_synthetic_10x_is_typed_as_before():
    for raw in synth.raw_tables(synth.scale("10x")):
        for col in DATASETS[raw.name].all_columns:
            assert_same_column(raw, col)


def test_validate_of_the_real_data_gives_the_frames_it_gave():
    kind, frames = assert_same_validation(lambda: read_csv_dir(DATA_DIR))
    assert kind == "ok" and len(frames) == len(DATASETS)


def test_validate_of_broken_data_gives_the_same_problems_in_the_same_order():
    """Blanks, formulas, spaces, bad numbers, out-of-range values, duplicate keys and unknown codes."""
    real = {r.name: r.frame for r in read_csv_dir(DATA_DIR)}
    rng = random.Random(7)
    junk = ["", " ", " 12 ", "=SUM(A1)", "abc", "1.234,5", "1e5", "-3", "2147483648", "99999", "12.5", "nan", "-0"]
    broken = {}
    for name, frame in real.items():
        frame = pd.concat([frame, frame.iloc[: max(1, len(frame) // 10)]], ignore_index=True)  # duplicate keys
        for _ in range(max(3, len(frame) // 5)):
            frame.iat[rng.randrange(len(frame)), rng.randrange(frame.shape[1])] = rng.choice(junk)
        broken[name] = frame
    broken["unit"] = broken["unit"].iloc[3:]  # codes other tables refer to
    kind, problems = assert_same_validation(lambda: _raws(broken))
    assert kind == "problems"
    found = {p.expected.split(" ")[0] for p in problems}
    assert {"wajib", "rumus", "kunci", "kode", "bilangan", "salah"} <= found, found


def test_workbook_cells_are_typed_as_before():
    """Cells as a workbook gives them (ints, floats, text, None) with the workbook's number parser."""
    real = {r.name: r.frame for r in read_csv_dir(DATA_DIR)}
    rng = random.Random(11)
    odd = [None, 3, 2.5, -0.0, math.nan, math.inf, True, 2**60, "1.234,5", " 7 ", datetime(2024, 1, 2), np.int64(4)]
    raws = []
    for name, frame in sorted(real.items()):
        spec = DATASETS[name]
        cells = frame.astype(object)
        for col in spec.all_columns:
            if col.is_number:
                numbers = pd.to_numeric(frame[col.name].replace("", None))
                held = [None if pd.isna(x) else (int(x) if float(x).is_integer() else float(x)) for x in numbers]
                cells[col.name] = pd.Series(held, index=cells.index, dtype=object)
        for _ in range(len(cells) // 4):
            cells.iat[rng.randrange(len(cells)), rng.randrange(cells.shape[1])] = rng.choice(odd)
        rows = [rng.randrange(2, 10**6) for _ in range(len(cells))]
        raws.append((name, cells, rows))

    def make():
        return [
            RawTable(n, c.copy(), f"wb, sheet '{n}'", number_parser=readers._workbook_number, row_numbers=r)
            for n, c, r in raws
        ]

    for raw in make():
        for col in DATASETS[raw.name].all_columns:
            with fast_path_for_every_column():
                assert_same_column(raw, col)
    kind, problems = assert_same_validation(make)
    assert kind == "problems" and len(problems) > 100


# --- hypothesis: random cells in columns of every kind ----------------------------------------------

_SPACE_CHARS = [" ", "\t", "\n", "\xa0", "\u2003", "\u3000", "\x1c", "\x85", "\u200b", "\ufeff"]
# fmt: off
_WORDS = [
    "", " ", "  ", " 12 ", "1e5", "12.5", "-3", "1.234,5", "=SUM(A1)", " =1", "abc", "a b", "a", "b", " a",
    "0", "-0", "-0.0", "00012", "1.", ".5", "+5", "2000", "2100", "2100.000001", "1999.9999", "10000", "10000.5",
    "2147483647", "2147483648", "-2147483648", "-2147483647", "9007199254740993", "1" * 400, "0." + "0" * 400 + "1",
    "nan", "inf", "-inf", "1_000", "٣٤", "１２", "5\n", "\t5", "5\xa0", "\u20005", "-", "NA", "Rp 5", "(3)", "4%",
    "0.1000000000000000055511151231257827021181583404541015625", "123456789012345678901234567890.123456789",
]
# fmt: on
_STRINGS = st.one_of(
    st.sampled_from(_WORDS),
    st.from_regex(v._PLAIN_DECIMAL, fullmatch=True),
    st.text(alphabet=st.sampled_from([*"0123456789.-=,e ab", *_SPACE_CHARS]), max_size=12),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.integers(-(2**40), 2**40).map(str),
    st.builds(
        lambda s, a, b: a + s + b,
        st.sampled_from(_WORDS),
        st.sampled_from(["", *_SPACE_CHARS]),
        st.sampled_from(["", *_SPACE_CHARS]),
    ),
)
_OBJECTS = st.one_of(
    _STRINGS,
    st.none(),
    st.just(pd.NA),
    st.booleans(),
    st.integers(),
    st.integers(-(2**53) - 2, 2**53 + 2),
    st.sampled_from([MAX_INT, MAX_INT + 1, -MAX_INT, -MAX_INT - 1, 2**53, 2**53 + 1, 10**400, 2000, 2100, 0]),
    st.floats(),
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 1e308, 5e-324, 2100.0, 1999.5, 2.5, 1e16]),
    st.sampled_from([np.int64(3), np.float64(2.5), np.float64("nan"), np.bool_(True), datetime(2024, 5, 1)]),
)
_COLS = st.builds(
    Col,
    name=st.just("c"),
    kind=st.sampled_from(["int", "float", "pct", "rp", "str"]),
    required=st.booleans(),
    min=st.sampled_from([None, 0, 1, 2000, -5.5, 0.1, 2**60 + 1]),
    max=st.sampled_from([None, 5, 100, 110, 2100, 10_000, 1e300]),
    choices=st.sampled_from([None, None, ("a", "b"), ("a", " a", "12.5"), ("0", "-0")]),
)
_PARSERS = st.sampled_from(
    [parse_machine_number, readers._workbook_number, parse_id_number, lambda x: parse_machine_number(x)]
)


@st.composite
def _raw_columns(draw):
    col = draw(_COLS)
    as_text = draw(st.booleans())
    cells = draw(st.lists(_STRINGS | st.none() if as_text else _OBJECTS, max_size=25))
    if as_text:
        column = pd.Series(cells, dtype=draw(st.sampled_from(["str", "string", object])))
    else:
        column = pd.Series(cells, dtype=object)
    if draw(st.booleans()) and len(column):
        column.index = pd.RangeIndex(len(column))[::-1]  # readers give a fresh index, but nothing should rely on it
    rows = draw(st.one_of(st.none(), st.lists(st.integers(2, 10**6), min_size=len(column), max_size=len(column))))
    raw = RawTable(
        "t",
        pd.DataFrame({"c": column}),
        "t.csv",
        first_row=draw(st.integers(1, 5)),
        number_parser=draw(_PARSERS),
        row_numbers=rows,
    )
    return raw, col


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_raw_columns())
def test_random_cells_are_typed_as_before(case):
    raw, col = case
    with fast_path_for_every_column():
        assert_same_column(raw, col)


def _around(x: float) -> list[float]:
    return [np.nextafter(x, -math.inf), x, np.nextafter(x, math.inf), x - 0.5, x + 0.5, x - 1, x + 1]


def test_cells_at_and_beside_every_bound_are_typed_as_before():
    """Numbers just below, at and just above each bound (and MAX_INT), as text and as workbook numbers."""
    bounds = [0, 1, 5, 100, 110, 2000, 2100, 10_000, -5.5, 0.1]
    numbers = sorted({float(y) for b in [*bounds, MAX_INT, -MAX_INT] for y in _around(b)})
    texts = [t for x in numbers for t in (repr(x), f"{x:.0f}", f"{x:.20f}") if re.fullmatch(v._PLAIN_DECIMAL, t)]
    workbook = [c for x in numbers for c in (x, int(x))]
    for kind in ("int", "float", "pct", "rp"):
        for lo, hi in [(None, None), *zip([None, *bounds], [*bounds, None], strict=True), (2000, 2100), (0, 5)]:
            for required in (True, False):
                col = Col("c", kind, required=required, min=lo, max=hi)
                with fast_path_for_every_column():
                    assert_same_column(RawTable("t", pd.DataFrame({"c": pd.Series(texts, dtype="str")}), "t"), col)
                    frame = pd.DataFrame({"c": pd.Series(workbook, dtype=object)})
                    assert_same_column(RawTable("t", frame, "t", number_parser=readers._workbook_number), col)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(st.from_regex(v._PLAIN_DECIMAL, fullmatch=True), min_size=1))
def test_plain_decimals_become_what_float_makes_of_them(texts):
    fine, numbers = v._fast_cells(pd.Series(texts, dtype="str"), Col("c", "float"), parse_machine_number)
    expected = [float(t) for t in texts]
    for ok, got, want in zip(fine, numbers, expected, strict=True):
        # fine: finite, within the float kind's range and not nearer zero than MIN_MAGNITUDE (issue 14)
        assert ok == (math.isfinite(want) and abs(want) <= 1e16 and (want == 0 or abs(want) >= MIN_MAGNITUDE))
        if ok:
            assert repr(float(got)) == repr(want)


def test_long_decimals_round_like_float():
    """Correct rounding of long digit strings (where parsers that are not exact go wrong)."""
    rng = random.Random(3)
    texts = []
    for _ in range(20_000):
        whole = "".join(rng.choice("123456789") for _ in range(rng.randint(1, 16)))  # within ±10^16
        frac = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
        texts.append(rng.choice(["", "-"]) + whole + (("." + frac) if rng.random() < 0.8 else ""))
    fine, numbers = v._fast_cells(pd.Series(texts, dtype="str"), Col("c", "float"), parse_machine_number)
    assert fine.all()
    assert [repr(float(x)) for x in numbers] == [repr(float(t)) for t in texts]


def test_the_spaces_stripped_are_those_of_str_strip():
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()) == v._SPACES


# --- keys and references ----------------------------------------------------------------------------

_KEY = st.sampled_from(["A", "B", "C", " A", None])
_YEAR = st.sampled_from([2023, 2024, None])


@st.composite
def _typed_tables(draw):
    """A random ``unit`` (the referenced codes) and ``budget_unit`` (its references), typed as validate types them."""

    def typed(name, n):
        spec = DATASETS[name]
        data = {}
        for c in spec.all_columns:
            if c.name == "year":
                data[c.name] = pd.array(draw(st.lists(_YEAR, min_size=n, max_size=n)), dtype="Int64")
            elif c.kind == "str":
                data[c.name] = pd.array(draw(st.lists(_KEY, min_size=n, max_size=n)), dtype="string")
            elif c.kind == "int":
                data[c.name] = pd.array(
                    draw(st.lists(st.sampled_from([1, 2, None]), min_size=n, max_size=n)), dtype="Int64"
                )
            else:
                data[c.name] = pd.array(
                    draw(st.lists(st.sampled_from([1.5, -0.0, None]), min_size=n, max_size=n)), dtype="Float64"
                )
        return pd.DataFrame(data)

    n_unit, n_budget = draw(st.integers(0, 8)), draw(st.integers(0, 12))
    unit, budget = typed("unit", n_unit), typed("budget_unit", n_budget)
    rows = draw(st.one_of(st.none(), st.lists(st.integers(2, 99), min_size=n_budget, max_size=n_budget)))
    raws = {
        "unit": RawTable("unit", pd.DataFrame(), "unit.csv"),
        "budget_unit": RawTable("budget_unit", pd.DataFrame(), "budget_unit.csv", row_numbers=rows),
    }
    return raws, unit, budget, draw(st.booleans())


@settings(max_examples=100, deadline=None, derandomize=True)
@given(_typed_tables())
def test_key_and_reference_problems_are_as_before(case):
    raws, unit, budget, unit_exists_already = case
    for name, frame in (("unit", unit), ("budget_unit", budget)):
        new: list[Problem] = []
        ref: list[Problem] = []
        v._check_keys(raws[name], DATASETS[name], frame, new)
        reference_check_keys(raws[name], DATASETS[name], frame, ref)
        assert new == ref
        assert [type(p.row) for p in new] == [type(p.row) for p in ref]
    tables = {"budget_unit": (raws["budget_unit"], budget)}
    existing = {}
    if unit_exists_already:
        existing["unit"] = unit
    else:
        tables["unit"] = (raws["unit"], unit)
    new, ref = [], []
    v._check_refs(tables, existing, new)
    reference_check_refs(tables, existing, ref)
    assert new == ref
    assert [type(p.row) for p in new] == [type(p.row) for p in ref]


# --- the database write -----------------------------------------------------------------------------


def _odd_frames(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The typed frames with a few columns as NumPy and object dtypes (as callers may build them)."""
    out = dict(frames)
    unit = frames["unit"].copy()
    unit["year"] = unit["year"].astype("int64")
    unit["name"] = unit["name"].astype(object)
    out["unit"] = unit
    budget = frames["budget_unit"].copy()
    budget["year"] = pd.Series([np.int64(y) for y in budget["year"]], dtype=object)
    assert type(budget["year"].iloc[0]) is np.int64
    budget["pagu_rp"] = budget["pagu_rp"].round().astype("int64")  # whole Rupiah as NumPy ints in a Float column
    budget["realisasi_rp"] = budget["realisasi_rp"].astype("float64")  # NaN for missing
    out["budget_unit"] = budget
    return out


def test_records_are_the_plain_values_of_before():
    frames = v.validate(read_csv_dir(DATA_DIR))
    for name, frame in _odd_frames(frames).items():
        columns = db._records(frame)
        rows = [dict(zip(columns, row, strict=True)) for row in zip(*columns.values(), strict=True)]
        ref = reference_records(frame)
        assert rows == ref, name
        assert [[type(x) for x in r.values()] for r in rows] == [[type(x) for x in r.values()] for r in ref], name


def _dump(engine) -> dict[str, list]:
    with engine.connect() as conn:
        out = {}
        for name, table in db.TABLES.items():
            cols = [c.name for c in table.columns]
            select = ", ".join(f"{c}, typeof({c})" for c in cols)
            out[name] = conn.execute(text(f"SELECT {select} FROM {name} ORDER BY row_id")).all()
        return out


def test_sqlite_gets_the_rows_and_storage_types_of_before(tmp_path):
    frames = _odd_frames(v.validate(read_csv_dir(DATA_DIR)))
    new = create_engine(f"sqlite:///{tmp_path / 'new.sqlite'}")
    db.replace_all(new, frames, "x")
    ref = create_engine(f"sqlite:///{tmp_path / 'ref.sqlite'}")
    with (
        mock.patch.object(db, "_records", lambda frame: frame),
        mock.patch.object(
            db, "_insert", lambda conn, table, frame: conn.execute(insert(table), reference_records(frame))
        ),
    ):
        db.replace_all(ref, frames, "x")  # as before: SQLAlchemy Core's executemany of the old records
    assert _dump(new) == _dump(ref)
    new.dispose()
    ref.dispose()
