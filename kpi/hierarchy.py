"""Printed hierarchies (PN -> program -> kegiatan -> output): parents, child sums and roll-ups.

Tabel 2.4 and Lampiran 5 print the Prioritas Nasional tree as flat rows in order, each with a
``level``; Lampiran 6 does the same for the Capaian Output tree and stores ``parent_urutan``.
These functions are generic over that shape: a frame with a key column (``urutan``), a level
column and either a parent column or the code columns that identify each level. They are pure
(frames in, frames out) so the PN page and the Capaian Output page share them.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


class HierarchyError(ValueError):
    """A hierarchy that cannot be read: unknown level, orphan row or missing column."""


def _need(frame: pd.DataFrame, cols: Sequence[str], func: str) -> None:
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        raise HierarchyError(f"{func} needs columns {missing}")


def parent_by_order(frame: pd.DataFrame, levels: Sequence[str], level: str = "level", key: str = "urutan") -> pd.Series:
    """The key of each row's parent: the nearest earlier row (by ``key``) whose level is higher.

    ``levels`` lists the levels from the top down, e.g. ``("pn", "program", "kegiatan",
    "output")``. Rows of the top level get ``<NA>``; any other row with no higher row before it
    raises :class:`HierarchyError`. The result is aligned with ``frame``'s index.
    """
    _need(frame, [level, key], "parent_by_order")
    depth = {name: i for i, name in enumerate(levels)}
    unknown = sorted(set(frame[level]) - set(depth))
    if unknown:
        raise HierarchyError(f"parent_by_order: levels {unknown} not in {list(levels)}")
    ordered = frame.sort_values(key, kind="stable")
    open_at: dict[int, object] = {}  # depth -> key of the latest row at that depth
    parents: dict[object, object] = {}
    for idx, lvl, k in zip(ordered.index, ordered[level], ordered[key], strict=True):
        d = depth[lvl]
        above = [open_at[i] for i in range(d - 1, -1, -1) if i in open_at]
        if d > 0 and not above:
            raise HierarchyError(f"parent_by_order: row {key}={k} ({lvl}) has no {levels[d - 1]} before it")
        parents[idx] = above[0] if d > 0 else pd.NA
        open_at = {i: v for i, v in open_at.items() if i < d}
        open_at[d] = k
    return pd.Series([parents[i] for i in frame.index], index=frame.index, dtype="Int64", name="parent")


def parent_by_codes(
    frame: pd.DataFrame, levels: Sequence[str], codes: Sequence[str], level: str = "level", key: str = "urutan"
) -> pd.Series:
    """The key of each row's parent, found by codes: level ``i`` is identified by ``codes[: i + 1]``.

    E.g. levels ``("pn", "program", "kegiatan", "output")`` with codes ``("pn_code",
    "program_code", "kegiatan_code", "output_code")``: a kegiatan's parent is the program row
    with the same ``pn_code`` and ``program_code``. Only parents must be unique by their codes
    (output codes may repeat, as ``4053.001`` does in Tabel 2.4). Top-level rows get ``<NA>``.
    """
    if len(levels) != len(codes):
        raise HierarchyError("parent_by_codes: one code column per level")
    _need(frame, [level, key, *codes], "parent_by_codes")
    unknown = sorted(set(frame[level]) - set(levels))
    if unknown:
        raise HierarchyError(f"parent_by_codes: levels {unknown} not in {list(levels)}")
    out = pd.Series(pd.NA, index=frame.index, dtype="Int64", name="parent")
    for d in range(1, len(levels)):
        ident = list(codes[:d])
        parents = frame[frame[level] == levels[d - 1]]
        dup = parents[parents.duplicated(ident, keep=False)]
        if not dup.empty:
            raise HierarchyError(f"parent_by_codes: {levels[d - 1]} rows not unique by {ident}: {list(dup[key])}")
        lookup = {tuple(r): k for r, k in zip(parents[ident].itertuples(index=False), parents[key], strict=True)}
        children = frame[frame[level] == levels[d]]
        for idx, r in zip(children.index, children[ident].itertuples(index=False), strict=True):
            if tuple(r) not in lookup:
                raise HierarchyError(
                    f"parent_by_codes: {levels[d]} row {key}={frame.at[idx, key]} has no parent {tuple(r)}"
                )
            out[idx] = lookup[tuple(r)]
    return out


def children_sum(
    frame: pd.DataFrame, values: Sequence[str], key: str = "urutan", parent: str = "parent"
) -> pd.DataFrame:
    """Sum of each row's direct children for the ``values`` columns, indexed by ``key``.

    Rows without children are absent (a leaf has nothing to add up). Use it to check a printed
    parent against its parts, one level at a time (Tabel 2.4, Lampiran 5, Lampiran 6).
    """
    _need(frame, [key, parent, *values], "children_sum")
    kids = frame[frame[parent].notna()]
    out = kids.groupby(parent, sort=True)[list(values)].sum(min_count=1)
    out.index = out.index.rename(key)
    return out


def rollup_gaps(
    frame: pd.DataFrame, values: Sequence[str], key: str = "urutan", parent: str = "parent"
) -> pd.DataFrame:
    """Parents whose printed value differs from the sum of their children: one row per (parent, column).

    Columns: ``key``, ``kolom``, ``printed``, ``children_sum``, ``selisih`` (printed − sum).
    Empty when every parent adds up, which is the case for Tabel 2.4 and Lampiran 5.
    """
    sums = children_sum(frame, values, key, parent)
    printed = frame.set_index(key).loc[sums.index, list(values)]
    rows = []
    for col in values:
        diff = printed[col] - sums[col]
        for k in diff[diff.fillna(0) != 0].index:
            rows.append(
                {
                    key: k,
                    "kolom": col,
                    "printed": printed.at[k, col],
                    "children_sum": sums.at[k, col],
                    "selisih": diff[k],
                }
            )
    return pd.DataFrame(rows, columns=[key, "kolom", "printed", "children_sum", "selisih"])


def leaf_rollup(
    frame: pd.DataFrame, values: Sequence[str], key: str = "urutan", parent: str = "parent"
) -> pd.DataFrame:
    """Each row's ``values`` as the sum over its leaf descendants (a leaf keeps its own), indexed by ``key``.

    For trees where only the leaves carry figures, or to recompute every level from the outputs
    instead of trusting the printed subtotals.
    """
    _need(frame, [key, parent, *values], "leaf_rollup")
    children: dict[object, list[object]] = {}
    for k, p in zip(frame[key], frame[parent], strict=True):
        if pd.notna(p):
            children.setdefault(p, []).append(k)
    own = frame.set_index(key)[list(values)]
    memo: dict[object, pd.Series] = {}

    def total(k: object) -> pd.Series:
        if k not in memo:
            kids = children.get(k)
            memo[k] = own.loc[k] if not kids else sum((total(c) for c in kids[1:]), total(kids[0]))
        return memo[k]

    out = pd.DataFrame([total(k) for k in own.index], index=own.index)
    return out.astype(own.dtypes.to_dict())
