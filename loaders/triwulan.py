"""Pemantauan Triwulan in the loaders: the quarterly template, the quarters loaded, the mark of example data.

A quarter is published like any upload (``loaders.versions.prepare`` + ``publish``): a workbook of only
the ``triwulan_*`` sheets replaces, for each (year, quarter) it holds rows of, those rows, and leaves
the year's annual tables and its other quarters as they are (``loaders.db.replaced_keys``). The
template of a quarter (:func:`template_bytes`) holds just those two sheets, one row per indicator and
budget line of the year with its code filled in, and a ``_uraian`` sheet naming each code.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pandas as pd

from loaders.datasets import DATASETS
from loaders.template import write_template
from loaders.triwulan_codes import budget_lines, indicators

SHEETS = ("triwulan_indikator", "triwulan_anggaran")
REFERENCE_SHEET = "_uraian"
"""The names of the codes (skipped by the reader: its name starts with ``_``)."""
DEMO_PREFIX = "CONTOH demo-triwulan"
DEMO_SUMBER = f"{DEMO_PREFIX}, bukan data resmi"
"""The ``sumber`` of every synthetic row (``python -m loaders demo-triwulan``): the page marks such a quarter."""
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quarters_loaded(frames: Mapping[str, pd.DataFrame], year: int) -> list[int]:
    """The quarters of ``year`` with any quarterly row, in order."""
    found: set[int] = set()
    for name in SHEETS:
        frame = frames.get(name)
        if frame is not None and len(frame):
            found |= {int(q) for q in frame.loc[frame["year"] == year, "quarter"].dropna()}
    return sorted(found)


def is_demo(frames: Mapping[str, pd.DataFrame], year: int) -> bool:
    """Whether any quarterly row of ``year`` is synthetic example data (its ``sumber`` is :data:`DEMO_SUMBER`)."""
    for name in SHEETS:
        frame = frames.get(name)
        if frame is not None and len(frame):
            rows = frame[frame["year"] == year]
            if rows["sumber"].astype("string").str.startswith(DEMO_PREFIX).fillna(False).any():
                return True
    return False


def _existing(frames: Mapping[str, pd.DataFrame], name: str, year: int, quarter: int) -> dict[tuple, dict]:
    frame = frames.get(name)
    if frame is None or not len(frame):
        return {}
    rows = frame[(frame["year"] == year) & (frame["quarter"] == quarter)]
    return {(str(r["level"]), str(r["code"])): r for r in rows.astype(object).to_dict("records")}


def _blank(value: object) -> object:
    return None if value is None or pd.isna(value) else value


def template_frames(frames: Mapping[str, pd.DataFrame], year: int, quarter: int) -> dict[str, pd.DataFrame]:
    """The two quarterly sheets of ``year`` and ``quarter``: every indicator and budget line with its code,
    prefilled with what is already loaded for that quarter (to correct it), else empty figures."""
    sumber = f"Laporan triwulan {ROMAN[quarter]} {year}"
    old = _existing(frames, "triwulan_indikator", year, quarter)
    rows = []
    for r in indicators(frames, year).to_dict("records"):
        have = old.get((r["level"], r["code"]), {})
        rows.append(
            {
                "year": year,
                "quarter": quarter,
                "level": r["level"],
                "code": r["code"],
                "target_triwulan": _blank(have.get("target_triwulan")),
                "realisasi_kumulatif": _blank(have.get("realisasi_kumulatif")),
                "jenis": _blank(have.get("jenis")) or r["jenis"],
                "arah": _blank(have.get("arah")) or r["arah"],
                "catatan": _blank(have.get("catatan")),
                "sumber": _blank(have.get("sumber")) or sumber,
            }
        )
    old_budget = _existing(frames, "triwulan_anggaran", year, quarter)
    budget = []
    for r in budget_lines(frames, year).to_dict("records"):
        have = old_budget.get((r["level"], r["code"]), {})
        budget.append(
            {
                "year": year,
                "quarter": quarter,
                "level": r["level"],
                "code": r["code"],
                "realisasi_kumulatif_rp": _blank(have.get("realisasi_kumulatif_rp")),
                "sumber": _blank(have.get("sumber")) or sumber,
            }
        )
    out = {}
    for name, part in (("triwulan_indikator", rows), ("triwulan_anggaran", budget)):
        out[name] = pd.DataFrame(part, columns=[c.name for c in DATASETS[name].all_columns])
    return out


def _about(year: int, quarter: int) -> list[str]:
    return [
        f"Templat laporan triwulan {ROMAN[quarter]} tahun {year}: satu baris per indikator (IKSS, IKP, IKK) dan per"
        " program dan unit Eselon I, kodenya sudah terisi. Nama setiap kode ada di sheet _uraian.",
        "Isi realisasi kumulatif sampai akhir triwulan (indikator 'tingkat': nilai terakhirnya) dan, bila ada rencana"
        " aksi, target sampai triwulan ini. Baris yang realisasinya kosong dianggap belum melapor.",
        f"Unggah di halaman Kelola Data: hanya triwulan {ROMAN[quarter]} {year} yang diganti (versi data baru);"
        " data tahunan dan triwulan lain tetap.",
    ]


def _reference(frames: Mapping[str, pd.DataFrame], year: int) -> pd.DataFrame:
    ind = indicators(frames, year)
    ind = ind.assign(
        target=[
            t if isinstance(t, str) and t else (None if v is None or pd.isna(v) else float(v))
            for v, t in zip(ind["target"], ind["target_text"], strict=True)
        ]
    )
    bud = budget_lines(frames, year).rename(columns={"pagu_rp": "target"})
    bud = bud.assign(satuan="Rp", unit_code="", kegiatan_code="")
    cols = ["level", "code", "name", "satuan", "target", "unit_code", "kegiatan_code"]
    return pd.concat([ind[cols], bud[cols]], ignore_index=True)


def template_bytes(frames: Mapping[str, pd.DataFrame], year: int, quarter: int) -> bytes:
    """The quarterly template of ``year`` and ``quarter`` as an ``.xlsx`` (see module doc)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    from loaders.workbook import neutralise

    if quarter not in ROMAN:
        raise ValueError(f"triwulan harus 1-4, bukan {quarter}")
    buf = io.BytesIO()
    write_template(buf, template_frames(frames, year, quarter), year, datasets=SHEETS, about=_about(year, quarter))
    wb = load_workbook(io.BytesIO(buf.getvalue()))
    ws = wb.create_sheet(REFERENCE_SHEET)
    ref = _reference(frames, year)
    header = ["level", "code", "uraian", "satuan", f"target {year} (pagu untuk anggaran)", "unit", "kegiatan"]
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in ref.astype(object).itertuples(index=False):
        ws.append([None if v is None or (not isinstance(v, str) and pd.isna(v)) else neutralise(v) for v in row])
    for letter, width in zip("ABCDEFG", (8, 22, 90, 12, 22, 16, 10), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
