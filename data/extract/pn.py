"""Prioritas Nasional: the Bab 2.2 narrative budget figures, Tabel 2.4 and Lampiran 5.

Both tables print one hierarchy, PN -> program -> kegiatan -> output, with the code at the
start of the label (``01``, ``DN``, ``2172``, ``001``). Page breaks repeat the header line and
shift the indentation, and one Lampiran 5 label wraps onto the next page; rows are therefore
read from their non-empty cells, not from column positions.
"""

from __future__ import annotations

import re

import pandas as pd

from data.extract.seed import Row, SeedDoc
from loaders.numbers import parse_id_number

YEAR = 2024
T24 = "Tabel 2.4"
L5 = "Lampiran 5"
NARRATIVE = "Bab 2.2"

_HEADER = re.compile(r"^PRIORI(TAS|TY) NASIONAL/PROGRAM/KEGIATAN/OUTPUT")
_PROGRAM = re.compile(r"^(WA|DN|DL)\s+(Program\b.*)$")
_CODED = re.compile(r"^(\d{2,4})\s+(.*)$")
_SATUAN = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_LEVEL_BY_DIGITS = {2: "pn", 4: "kegiatan", 3: "output"}
_HIERARCHY_COLS = ("urutan", "level", "pn_code", "program_code", "kegiatan_code", "output_code", "name", "satuan")
_RP = re.compile(r"Rp\.?(\d{1,3}(?:\.\d{3})+)")


def _label_and_numbers(rows: list[Row], n_numbers: int) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """(label, number cells) per printed row, wrapped labels joined; and the Grand Total cells."""
    items: list[tuple[str, list[str]]] = []
    grand: list[str] | None = None
    for row in rows:
        cells = row.filled
        if not cells or _HEADER.match(cells[0]):
            continue
        if cells[0] == "Grand Total":
            grand = cells[1:]
            continue
        if len(cells) == 1 and items and not (_PROGRAM.match(cells[0]) or _CODED.match(cells[0])):
            # A label wrapped across a page break: the continuation has no code and no figures.
            label, numbers = items[-1]
            items[-1] = (f"{label} {cells[0]}", numbers)
            continue
        if len(cells) != 1 + n_numbers:
            raise ValueError(f"line {row.lineno}: expected a label and {n_numbers} figures, got {cells}")
        items.append((cells[0], cells[1:]))
    if grand is None:
        raise ValueError("no Grand Total row found")
    return items, grand


def _hierarchy(items: list[tuple[str, list[str]]]) -> list[dict]:
    """The code columns, level, name and satuan of each row, in printed order."""
    out = []
    pn = program = kegiatan = None
    for urutan, (label, numbers) in enumerate(items, start=1):
        rec: dict = {"urutan": urutan, "satuan": None}
        if m := _PROGRAM.match(label):
            level, program, kegiatan = "program", m.group(1), None
            rec["name"] = m.group(2)
        elif m := _CODED.match(label):
            code, name = m.groups()
            level = _LEVEL_BY_DIGITS[len(code)]
            if level == "pn":
                pn, program, kegiatan = code, None, None
            elif level == "kegiatan":
                kegiatan = code
            else:
                s = _SATUAN.match(name)
                if not s:
                    raise ValueError(f"output {label!r} has no (Satuan) at the end")
                name, rec["satuan"] = s.group(1), s.group(2)
            rec["name"] = name
        else:
            raise ValueError(f"cannot read the code of {label!r}")
        if (
            pn is None
            or (level in ("kegiatan", "output") and program is None)
            or (level == "output" and kegiatan is None)
        ):
            raise ValueError(f"{label!r} has no parent row")
        rec.update(
            level=level,
            pn_code=pn,
            program_code=program if level != "pn" else None,
            kegiatan_code=kegiatan if level in ("kegiatan", "output") else None,
            output_code=code if level == "output" else None,
            numbers=[parse_id_number(x) for x in numbers],
        )
        out.append(rec)
    return out


def _frame(recs: list[dict], number_cols: list[str], sumber: str) -> pd.DataFrame:
    rows = []
    for r in recs:
        nums = dict(zip(number_cols, r["numbers"], strict=True))
        rows.append(
            {
                "year": YEAR,
                **{k: r[k] for k in _HIERARCHY_COLS},
                **nums,
                "sumber": sumber,
            }
        )
    return pd.DataFrame(rows)


def _figure(figure: str, label: str, value: float | None, satuan: str, sumber: str) -> dict:
    return {
        "year": YEAR,
        "figure": figure,
        "label": label,
        "value": value,
        "text_value": None,
        "satuan": satuan,
        "sumber": sumber,
    }


def _narrative(doc: SeedDoc, start: int, end: int) -> list[dict]:
    """The PN budget figures of the paragraph and list printed just before Tabel 2.4."""
    # (regex of the line, then one (figure, label) per Rupiah amount of that line, in order)
    wanted = [
        (
            r"Program Pendidikan dan Pelatihan Vokasi yang digunakan untuk mendukung Prioritas Nasional \(PN\) 3",
            [
                ("B2.pn3_dl_pagu", "Pagu Program Pendidikan dan Pelatihan Vokasi (DL) untuk PN 3 (narasi)"),
                ("B2.pn_dn_pagu", "Pagu Program Pembinaan Ketenagakerjaan (DN) untuk PN (narasi)"),
            ],
        ),
        (
            r"^- Untuk mendukung Prioritas Nasional \(PN\) 1:",
            [
                ("B2.pn1_dn_pagu", "Pagu Program DN untuk PN 1 (narasi)"),
            ],
        ),
        (
            r"^- Untuk mendukung Prioritas Nasional \(PN\) 3:",
            [
                ("B2.pn3_dn_pagu", "Pagu Program DN untuk PN 3 (narasi)"),
            ],
        ),
        (
            r"^- Untuk mendukung Prioritas Nasional \(PN\) 7:",
            [
                ("B2.pn7_dn_pagu", "Pagu Program DN untuk PN 7 (narasi)"),
            ],
        ),
        (
            r"total anggaran .* Prioritas Nasional \(PN\) 1, 3 dan 7",
            [
                ("B2.pn_total_pagu", "Total anggaran untuk mendukung PN 1, 3 dan 7 (narasi)"),
            ],
        ),
    ]
    out = []
    for pattern, figures in wanted:
        line = doc.lines[doc.find(pattern, start, end)]
        amounts = _RP.findall(line)
        if len(amounts) != len(figures):
            raise ValueError(f"{figures[0][0]}: expected {len(figures)} Rupiah amounts, found {amounts}")
        for (figure, label), amount in zip(figures, amounts, strict=True):
            out.append(_figure(figure, label, parse_id_number(amount), "rp", NARRATIVE))
    return out


def extract(doc: SeedDoc) -> dict[str, pd.DataFrame]:
    # Tabel 2.4
    cap = doc.caption(T24)
    t_end = doc.find(r"Grand Total", cap)
    items, grand = _label_and_numbers(doc.rows(cap + 1, t_end + 1), 2)
    t24 = _frame(_hierarchy(items), ["pagu_rp", "target_output"], T24)
    if len(grand) != 1:
        raise ValueError(f"Tabel 2.4 Grand Total: expected the pagu only, got {grand}")
    figures = [_figure("T2.4.total.pagu_rp", "Grand Total pagu PN (Tabel 2.4)", parse_id_number(grand[0]), "rp", T24)]

    # Narrative of Bab 2.2, between Tabel 2.3 and Tabel 2.4.
    figures = _narrative(doc, doc.caption("Tabel 2.3"), cap) + figures

    # Lampiran 5
    start = doc.find(r"^Lampiran 5\. Realisasi PN Kemnaker\s*$")
    l_end = doc.find(r"Grand Total", start)
    items, grand = _label_and_numbers(doc.rows(start + 1, l_end + 1), 4)
    l5 = _frame(_hierarchy(items), ["pagu_rp", "realisasi_rp", "target_output", "realisasi_output"], L5)
    if len(grand) != 2:
        raise ValueError(f"Lampiran 5 Grand Total: expected pagu and realisasi, got {grand}")
    figures += [
        _figure("L5.total.pagu_rp", "Grand Total pagu PN (Lampiran 5)", parse_id_number(grand[0]), "rp", L5),
        _figure("L5.total.realisasi_rp", "Grand Total realisasi PN (Lampiran 5)", parse_id_number(grand[1]), "rp", L5),
    ]

    pn_rows = t24[t24["level"] == "pn"]
    pn = pd.DataFrame({"year": YEAR, "code": pn_rows["pn_code"], "name": pn_rows["name"], "sumber": T24})
    return {
        "pn": pn.reset_index(drop=True),
        "pn_item": t24,
        "pn_realisasi": l5,
        "printed_figure": pd.DataFrame(figures),
    }
