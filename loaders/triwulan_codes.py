"""The codes a quarterly report names its indicators and budget lines by, derived from a year's annual tables.

Lampiran 6 prints codes for programs (WA, DN, DL), kegiatan (4 digits) and outputs, but none for the
indicators themselves, so the quarterly sheets (``triwulan_indikator``, ``triwulan_anggaran``) use:

- IKSS: the code of the ``ikss`` table (``produktivitas``, ``indeks_rb``, ``opini_bpk``, ``indeks_spbe``);
- IKP: ``<program>.<unit>.<n>``, the n-th IKP of that program and Eselon I unit in Lampiran 6
  (``DL.BINALAVOTAS.1`` is "Persentase Tenaga Kerja yang ditingkatkan kompetensinya dan ditempatkan");
- IKK: ``<kegiatan>.<n>``, the n-th IKK of that kegiatan in Lampiran 6 (``2217.1`` is "Jumlah BLK
  Pemerintah yang terakreditasi");
- budget lines: the program code (``program`` level) or the Eselon I unit code (``unit`` level).

The codes are those of the same year's tables: a quarter of 2025 names the indicators of the 2025
Lampiran 6. Pure pandas, no import of the dataset specs (they import this module for their row check).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import pandas as pd

INDICATOR_LEVELS = ("ikss", "ikp", "ikk")
BUDGET_LEVELS = ("program", "unit")
JENIS = ("kumulatif", "tingkat")
"""``kumulatif``: a count that adds up over the year (the target is the year's total); ``tingkat``: a level
measured at a moment (a percentage, an index, a score), whose latest value is what counts."""
ARAH = ("naik", "turun")

INDICATOR_COLUMNS = [
    "level",
    "code",
    "name",
    "satuan",
    "target",
    "target_text",
    "arah",
    "jenis",
    "ss_code",
    "program_code",
    "unit_code",
    "kegiatan_code",
    "kegiatan_name",
    "urutan",
]
BUDGET_COLUMNS = ["level", "code", "name", "pagu_rp", "realisasi_rp"]


def _num(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def default_jenis(name: str) -> str:
    """``kumulatif`` for a count ("Jumlah ..."), ``tingkat`` for anything else (persentase, indeks, nilai, tingkat)."""
    return "kumulatif" if name.strip().lower().startswith("jumlah") else "tingkat"


def _year(frame: pd.DataFrame | None, year: int) -> pd.DataFrame:
    if frame is None or not len(frame):
        return pd.DataFrame()
    return frame[frame["year"] == year].reset_index(drop=True)


def indicators(frames: Mapping[str, pd.DataFrame], year: int) -> pd.DataFrame:
    """Every IKSS, IKP and IKK of ``year`` with its code, name, annual target, direction and place in Lampiran 6."""
    rows: list[dict] = []
    ikss = _year(frames.get("ikss"), year)
    cap = _year(frames.get("ikss_capaian"), year)
    targets = {str(r["ikss_code"]): r for r in cap.to_dict("records")} if len(cap) else {}
    for r in ikss.to_dict("records"):
        t = targets.get(str(r["code"]), {})
        rows.append(
            {
                "level": "ikss",
                "code": str(r["code"]),
                "name": _text(r["name"]),
                "satuan": _text(r.get("satuan")),
                "target": _num(t.get("target")),
                "target_text": _text(t.get("target_text")),
                "arah": _text(r.get("arah")) or "naik",
                "jenis": "tingkat",  # every IKSS is a level: a contribution, an index, an opinion
                "ss_code": _text(r.get("ss_code")),
                "program_code": "",
                "unit_code": "",
                "kegiatan_code": "",
                "kegiatan_name": "",
                "urutan": None,
            }
        )
    l6 = _year(frames.get("output_capaian"), year)
    if len(l6):
        l6 = l6.sort_values("urutan").reset_index(drop=True)
        kegiatan = {
            _text(r["kegiatan_code"]): _text(r["name"]) for r in l6[l6["level"] == "kegiatan"].to_dict("records")
        }
        seen: dict[tuple, int] = {}
        for r in l6[l6["level"].isin(["ikp", "ikk"])].to_dict("records"):
            level = str(r["level"])
            group = (
                (level, _text(r["program_code"]), _text(r["unit_code"]))
                if level == "ikp"
                else (level, _text(r["kegiatan_code"]))
            )
            seen[group] = seen.get(group, 0) + 1
            code = ".".join([*group[1:], str(seen[group])])
            name = _text(r["name"])
            rows.append(
                {
                    "level": level,
                    "code": code,
                    "name": name,
                    "satuan": _text(r.get("satuan")),
                    "target": _num(r.get("target")),
                    "target_text": _text(r.get("target_text")),
                    "arah": "naik",
                    "jenis": default_jenis(name),
                    "ss_code": _text(r.get("ss_code")),
                    "program_code": _text(r.get("program_code")),
                    "unit_code": _text(r.get("unit_code")),
                    "kegiatan_code": _text(r.get("kegiatan_code")) if level == "ikk" else "",
                    "kegiatan_name": kegiatan.get(_text(r.get("kegiatan_code")), "") if level == "ikk" else "",
                    "urutan": int(r["urutan"]),
                }
            )
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def budget_lines(frames: Mapping[str, pd.DataFrame], year: int) -> pd.DataFrame:
    """Every program (Tabel 3.20) and Eselon I unit (Tabel 3.21) of ``year`` with its pagu and realisasi."""
    rows: list[dict] = []
    for level, name, code_col, name_col in (
        ("program", "budget_program", "program_code", "program_name"),
        ("unit", "budget_unit", "unit_code", "unit_name"),
    ):
        frame = _year(frames.get(name), year)
        if len(frame):
            frame = frame.sort_values("urutan")
        for r in frame.to_dict("records"):
            rows.append(
                {
                    "level": level,
                    "code": str(r[code_col]),
                    "name": _text(r[name_col]),
                    "pagu_rp": _num(r["pagu_rp"]),
                    "realisasi_rp": _num(r.get("realisasi_rp")),
                }
            )
    return pd.DataFrame(rows, columns=BUDGET_COLUMNS)


Lookup = Callable[[str], "pd.DataFrame | None"]


def _known(lookup: Lookup, catalogue: Callable[[Mapping[str, pd.DataFrame], int], pd.DataFrame], needs, year: int):
    frames = {name: lookup(name) for name in needs}
    return set(zip(*(catalogue(frames, year)[c] for c in ("level", "code")), strict=True))


def _unknown_codes(
    frame: pd.DataFrame,
    lookup: Lookup,
    catalogue: Callable[[Mapping[str, pd.DataFrame], int], pd.DataFrame],
    needs: tuple[str, ...],
    where: str,
) -> Iterator[tuple[int, str, object, str]]:
    ok = frame["year"].notna() & frame["level"].notna() & frame["code"].notna()
    known: dict[int, set] = {}
    loaded: dict[int, bool] = {}
    reported: set[int] = set()
    for i in frame.index[ok]:
        year = int(frame.at[i, "year"])
        if year not in known:
            known[year] = _known(lookup, catalogue, needs, year)
            loaded[year] = bool(known[year])
        level, code = str(frame.at[i, "level"]), str(frame.at[i, "code"])
        if (level, code) in known[year]:
            continue
        if not loaded[year]:
            if year in reported:
                continue
            reported.add(year)
            yield (
                i,
                "year",
                year,
                f"tahun {year} belum dimuat: muat dulu data tahunannya ({where}), baru laporan triwulannya",
            )
        else:
            yield i, "code", code, f"kode {level} tidak dikenal untuk tahun {year} ({where})"


INDICATOR_TABLES = ("ikss", "ikss_capaian", "output_capaian")
BUDGET_TABLES = ("budget_program", "budget_unit")


def indicator_code_problems(frame: pd.DataFrame, lookup: Lookup) -> Iterator[tuple[int, str, object, str]]:
    """Rows of ``triwulan_indikator`` whose code is no IKSS, IKP or IKK of the same year (row check)."""
    yield from _unknown_codes(frame, lookup, indicators, INDICATOR_TABLES, "sheet ikss dan Lampiran 6")


def budget_code_problems(frame: pd.DataFrame, lookup: Lookup) -> Iterator[tuple[int, str, object, str]]:
    """Rows of ``triwulan_anggaran`` whose code is no program (Tabel 3.20) or unit (Tabel 3.21) of the year."""
    yield from _unknown_codes(frame, lookup, budget_lines, BUDGET_TABLES, "sheet budget_program dan budget_unit")
