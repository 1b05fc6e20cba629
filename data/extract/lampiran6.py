"""Lampiran 6, Capaian Output 2024: SS -> program (per unit) -> SP/IKP -> kegiatan -> SK/IKK -> output.

Every printed row becomes one row of ``output_capaian``; the kind of row is read from the start
of its label (``SS :``, ``IKSS :``, ``DL Program``, ``SP :``, ``IKP :``, a 4-digit kegiatan code,
``SK :``, ``IKK :``, a 3-digit output code). Page breaks repeat the header and shift the
indentation, some rows print a figure one column to the right or two figures in one cell
(``41 100%``), and one SK label wraps onto the next page; rows are therefore read from their
non-empty cells, not from column positions. The provinces of the per-province outputs
(``PBK Provinsi Aceh``) give the ``province`` list, with BPS codes.
"""

from __future__ import annotations

import re

import pandas as pd

from data.extract.seed import Row, SeedDoc
from loaders.numbers import NumberFormatError, parse_id_number

YEAR = 2024
L6 = "Lampiran 6"

# Canonical BPS name and code of each province, and how the report writes them.
PROVINCES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua Barat",
    "92": "Papua Barat Daya",
    "93": "Papua Selatan",
    "94": "Papua",
    "95": "Papua Tengah",
    "96": "Papua Pegunungan",
}
PROVINCE_ALIASES: dict[str, str] = {
    **{_name.lower(): _code for _code, _name in PROVINCES.items()},
    "d.i yogyakarta": "34",
    "d.i. yogyakarta": "34",
    "di yogyakarta": "34",
    "daerah istimewa yogyakarta": "34",
    "yogyakarta": "34",
    "dki jakarta": "31",
    "jakarta": "31",
    "bangka belitung": "19",
    "babel": "19",
    "ntb": "52",
    "ntt": "53",
}

# How the report names the Eselon I units in "(...)" after a program or kegiatan.
UNIT_ALIASES: dict[str, str] = {
    "setjen": "SETJEN",
    "itjen": "ITJEN",
    "ditjen binalavotas": "BINALAVOTAS",
    "ditjen binapenta": "BINAPENTA",
    "ditjen binapenta & pkk": "BINAPENTA",
    "ditjen phi dan jamsos": "PHIJSK",
    "ditjen phi & jamsos": "PHIJSK",
    "ditjen binwasnaker & k3": "BINWASNAKER",
    "barenbang": "BARENBANG",
}

_PREFIXED = {"IKSS": "ikss", "SP": "sasaran_program", "IKP": "ikp", "SK": "sasaran_kegiatan", "IKK": "ikk"}
_PREFIX = re.compile(r"^(IKSS|SP|IKP|SK|IKK)\s*:\s*(.*)$")
_SS = re.compile(r"^SS\s*:\s*(.*)$")
_PROGRAM = re.compile(r"^(WA|DN|DL)\s+(Program\b.*)$")
_KEGIATAN = re.compile(r"^(\d{4})\s+(.*)$")
_OUTPUT = re.compile(r"^(\d{3})\s+(.*)$")
_TRAILING = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_PN = re.compile(r"^PN\d+$")
_PROVINSI = re.compile(r"\bProvinsi\s+(.+)$")
_HEADER_CELLS = {"NO", "URAIAN", "BELANJA", "CAPAIAN KINERJA", "ANGGARAN"}

# Rows that print the budget block only, the performance block only, or both.
_BUDGET_ONLY = {"program_unit"}
_PERFORMANCE_ONLY = {"ikss", "ikp", "ikk", "sasaran_program", "sasaran_kegiatan"}


def unit_code(text: str) -> str | None:
    """The unit code of a printed unit name such as 'Ditjen BINAPENTA & PKK', or None."""
    return UNIT_ALIASES.get(re.sub(r"\s+", " ", text.strip().lower()))


def province_code(text: str) -> str:
    key = re.sub(r"\s+", " ", text.strip().lower())
    if key not in PROVINCE_ALIASES:
        raise ValueError(f"unknown province {text!r}: add it to PROVINCE_ALIASES")
    return PROVINCE_ALIASES[key]


def _split_unit(name: str) -> tuple[str, str | None]:
    """'Program X (Ditjen Binalavotas)' -> ('Program X', 'BINALAVOTAS'); no unit suffix -> (name, None)."""
    m = _TRAILING.match(name)
    if m and (code := unit_code(m.group(2))):
        return m.group(1), code
    return name, None


def _items(rows: list[Row]) -> list[dict]:
    """One dict per printed row: level, the raw label parts, number cells and line number."""
    items: list[dict] = []
    for row in rows:
        cells = row.filled
        if not cells or cells[0] in _HEADER_CELLS:
            continue
        ss_no = None
        if re.fullmatch(r"\d", cells[0]) and len(cells) > 1 and _SS.match(cells[1]):
            ss_no, cells = cells[0], cells[1:]
        label, numbers = cells[0], [x for c in cells[1:] for x in c.split()]
        item = {"lineno": row.lineno, "label": label, "numbers": numbers}
        if ss_no is not None:
            item.update(level="ss", ss_code=f"SS-{ss_no}", text=_SS.match(label).group(1))
        elif m := _PREFIX.match(label):
            item.update(level=_PREFIXED[m.group(1)], text=m.group(2))
        elif m := _PROGRAM.match(label):
            name, unit = _split_unit(m.group(2))
            item.update(level="program_unit" if unit else "program", program=m.group(1), text=name, unit=unit)
        elif m := _KEGIATAN.match(label):
            name, unit = _split_unit(m.group(2))
            item.update(level="kegiatan", code=m.group(1), text=name, unit=unit)
        elif m := _OUTPUT.match(label):
            item.update(level="output", code=m.group(1), text=m.group(2))
        elif not numbers and items and items[-1]["level"] in ("sasaran_program", "sasaran_kegiatan"):
            # A sasaran label wrapped across a page break: the continuation has no prefix, no figures.
            items[-1]["text"] += f" {label}"
            continue
        else:
            raise ValueError(f"line {row.lineno}: cannot tell what kind of row {cells} is")
        items.append(item)
    return items


def _num(text: str) -> float | None:
    return parse_id_number(text)


def _figures(item: dict) -> dict:
    """The budget and performance columns of one row, placed by the kind of row."""
    out: dict = dict.fromkeys(
        (
            "anggaran_rp",
            "realisasi_rp",
            "penyerapan_pct",
            "target",
            "realisasi",
            "capaian_pct",
            "target_text",
            "realisasi_text",
        )
    )
    nums, level = item["numbers"], item["level"]
    if len(nums) == 6:
        budget, perf = nums[:3], nums[3:]
    elif len(nums) == 3 and level in _BUDGET_ONLY:
        budget, perf = nums, []
    elif len(nums) == 3 and level in _PERFORMANCE_ONLY:
        budget, perf = [], nums
    elif not nums and level in _BUDGET_ONLY | _PERFORMANCE_ONLY | {"ss"}:
        budget, perf = [], []
    else:
        raise ValueError(f"line {item['lineno']}: unexpected figures {nums} on a {level} row")
    if budget:
        out["anggaran_rp"], out["realisasi_rp"], out["penyerapan_pct"] = (_num(x) for x in budget)
    if perf:
        for col, text in (("target", perf[0]), ("realisasi", perf[1])):
            try:
                out[col] = _num(text)
            except NumberFormatError:
                if not re.fullmatch(r"[A-Z]{1,4}", text):
                    raise
                out[f"{col}_text"] = text  # 'WTP' (Opini BPK), 'A' (nilai SAKIP)
        out["capaian_pct"] = _num(perf[2])
    return out


def _hierarchy(items: list[dict]) -> list[dict]:
    """Codes, parent and name of each row, in printed order."""
    out: list[dict] = []
    last: dict[str, int | None] = {}
    ctx: dict[str, str | None] = {"ss": None, "program": None, "unit": None, "kegiatan": None}
    # Which levels a new row of a level closes (their "last seen" no longer applies).
    below = {
        "ss": ["ikss", "program", "program_unit", "sasaran_program", "ikp", "kegiatan", "sasaran_kegiatan", "ikk"],
        "program": ["program_unit", "sasaran_program", "ikp", "kegiatan", "sasaran_kegiatan", "ikk"],
        "program_unit": ["sasaran_program", "ikp", "kegiatan", "sasaran_kegiatan", "ikk"],
        "sasaran_program": ["ikp"],
        "kegiatan": ["sasaran_kegiatan", "ikk"],
        "sasaran_kegiatan": ["ikk"],
    }
    for urutan, item in enumerate(items, start=1):
        level = item["level"]
        rec: dict = {
            "urutan": urutan,
            "level": level,
            "kegiatan_code": None,
            "output_code": None,
            "satuan": None,
            "pn_flag": None,
            "province_code": None,
        }
        name = item["text"]
        if level == "ss":
            ctx.update(ss=item["ss_code"], program=None, unit=None, kegiatan=None)
            parent = None
        elif level == "ikss":
            parent = last.get("ss")
        elif level == "program":
            ctx.update(program=item["program"], unit=None, kegiatan=None)
            parent = last.get("ss")
        elif level == "program_unit":
            if item["program"] != ctx["program"]:
                raise ValueError(f"line {item['lineno']}: {item['label']!r} is not under its program total")
            ctx.update(unit=item["unit"], kegiatan=None)
            parent = last.get("program")
        elif level == "sasaran_program":
            parent = last.get("program_unit")
        elif level == "ikp":
            parent = last.get("sasaran_program") or last.get("program_unit")
        elif level == "kegiatan":
            ctx["kegiatan"] = item["code"]
            rec["kegiatan_code"] = item["code"]
            if item["unit"] and item["unit"] != ctx["unit"]:
                # e.g. '2238 Pelayanan Politeknik Ketenagakerjaan (Setjen)' under the DL program,
                # which prints no '(Setjen)' program row: the kegiatan hangs from the program total.
                ctx["unit"] = item["unit"]
                last["program_unit"] = None
                parent = last.get("program")
            else:
                parent = last.get("program_unit") or last.get("program")
        elif level == "sasaran_kegiatan":
            parent = last.get("kegiatan")
        elif level == "ikk":
            parent = last.get("sasaran_kegiatan") or last.get("kegiatan")
        else:  # output
            parent = last.get("kegiatan")
            rec["kegiatan_code"], rec["output_code"] = ctx["kegiatan"], item["code"]
            m = _TRAILING.match(name)
            if m and _PN.match(m.group(2)):
                name, rec["pn_flag"] = m.group(1), m.group(2)
                m = _TRAILING.match(name)
            if not m:
                raise ValueError(f"line {item['lineno']}: output {item['label']!r} has no (Satuan)")
            name, rec["satuan"] = m.group(1), m.group(2)
            if p := _PROVINSI.search(name):
                rec["province_code"] = province_code(p.group(1))
        if level != "ss" and parent is None:
            raise ValueError(f"line {item['lineno']}: {item['label']!r} has no parent row")
        for lv in below.get(level, []):
            last[lv] = None
        last[level] = urutan
        rec.update(
            ss_code=ctx["ss"],
            program_code=ctx["program"] if level not in ("ss", "ikss") else None,
            unit_code=ctx["unit"] if level not in ("ss", "ikss", "program") else None,
            parent_urutan=parent,
            name=name,
            **_figures(item),
        )
        if level in ("sasaran_kegiatan", "ikk"):
            rec["kegiatan_code"] = ctx["kegiatan"]
        out.append(rec)
    return out


COLUMNS = [
    "urutan",
    "level",
    "ss_code",
    "program_code",
    "unit_code",
    "kegiatan_code",
    "output_code",
    "parent_urutan",
    "name",
    "satuan",
    "pn_flag",
    "province_code",
    "anggaran_rp",
    "realisasi_rp",
    "penyerapan_pct",
    "target",
    "realisasi",
    "capaian_pct",
    "target_text",
    "realisasi_text",
]


def extract(doc: SeedDoc) -> dict[str, pd.DataFrame]:
    start = doc.find(r"^Lampiran 6\. Capaian Output Kementerian Ketenagakerjaan 2024\s*$")
    end = doc.find(r"^Sumber\s*:", start + 1)
    recs = _hierarchy(_items(doc.rows(start + 1, end)))
    table = pd.DataFrame(recs)[COLUMNS]
    table.insert(0, "year", YEAR)
    table["sumber"] = L6
    table["parent_urutan"] = table["parent_urutan"].astype("Int64")

    codes = sorted(set(table["province_code"].dropna()))
    province = pd.DataFrame({"year": YEAR, "code": codes, "name": [PROVINCES[c] for c in codes], "sumber": L6})
    # Lampiran 6 prints no grand total (only program totals, which are rows of the table), so
    # this group adds nothing to printed_figure.
    return {"province": province, "output_capaian": table}
