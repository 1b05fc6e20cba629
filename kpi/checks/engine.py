"""The reconciliation engine: rules, their outcomes, findings and the counts the Kualitas Data page shows.

A rule is a pure function over the datasets of one year that yields :class:`Outcome` rows,
one per comparison (a printed value beside the value recomputed from other rows). The
engine counts every comparison; the ones that disagree beyond the rule's tolerance become
:class:`Finding` rows with a sentence in Bahasa Indonesia and in English.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

import pandas as pd

from kpi.format import auto_decimals, fmt_number, fmt_pct, fmt_rp

Severity = Literal["error", "warning", "info"]
Kind = Literal["total", "pct", "rollup", "same", "index", "trend", "plausible"]
Unit = Literal["rp", "pct", "num", "orang", "poin", "text"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
KINDS: tuple[Kind, ...] = ("total", "pct", "rollup", "same", "index", "trend", "plausible")

KIND_TEXT: dict[str, tuple[str, str]] = {
    "total": ("Total = jumlah rincian", "Total = sum of parts"),
    "pct": ("Persentase dihitung ulang", "Percentage recomputed"),
    "rollup": ("Hierarki menjumlah", "Hierarchy rolls up"),
    "same": ("Angka sama di dua tempat", "Same figure in two places"),
    "index": ("Indeks dari komponennya", "Index from its components"),
    "trend": ("Antar tahun", "Year over year"),
    "plausible": ("Kewajaran", "Plausibility"),
}
"""Short name of each kind of rule, (Indonesian, English)."""

KIND_EXPLAIN: dict[str, tuple[str, str]] = {
    "total": (
        "Setiap baris TOTAL/JUMLAH yang dicetak dibandingkan dengan jumlah baris rinciannya di tabel yang sama.",
        "Every printed TOTAL/JUMLAH row is compared with the sum of the detail rows of the same table.",
    ),
    "pct": (
        "Setiap persentase yang dicetak (capaian, penyerapan, perubahan) dihitung ulang dari angka di sebelahnya "
        "(realisasi/target, realisasi/pagu) dan dibandingkan pada ketelitian cetaknya: dua desimal boleh selisih "
        "< 0,005; persen bulat (Lampiran 6, Tabel 3.10) < 0,5.",
        "Every printed percentage (achievement, absorption, change) is recomputed from the figures beside it "
        "(actual/target, actual/budget) and compared at its printed precision: two decimals may differ by "
        "< 0.005; whole percents (Lampiran 6, Tabel 3.10) by < 0.5.",
    ),
    "rollup": (
        "Angka induk harus sama dengan jumlah anaknya: PN → program → kegiatan → output (Tabel 2.4, Lampiran 5), "
        "program → unit → kegiatan → output (Lampiran 6), program vs unit vs sasaran (Tabel 3.20, 3.21, 3.24), "
        "baris induk Tabel 3.4.",
        "A parent figure must equal the sum of its children: PN → programme → activity → output (Tabel 2.4, "
        "Lampiran 5), programme → unit → activity → output (Lampiran 6), programmes vs units vs goals "
        "(Tabel 3.20, 3.21, 3.24), parent rows of Tabel 3.4.",
    ),
    "same": (
        "Besaran yang sama yang dicetak di dua tempat harus sama: daftar variabel vs rumus terhitung, Tabel 3.2 vs "
        "narasi, Bab IV dan Ringkasan Eksekutif, indeks RB/SPBE dihitung ulang dari komponennya, pagu PN Tabel 2.4 "
        "vs Lampiran 5, indikator yang sama di baris IKP dan IKK, indikator Bab 3 yang juga dicetak di Lampiran 6 "
        "(target dengan target, realisasi dengan realisasi, menurut satuannya), total Lampiran 6 vs Tabel 3.20/3.21, "
        "dan setiap bentuk rumus P yang dicetak. Selisih antara dua sumber data yang berbeda (OM-SPAN di Bab 3, "
        "Monev Kemenkeu di Lampiran 6) hanya dicatat sebagai info.",
        "The same quantity printed in two places must agree: variable list vs worked formula, Tabel 3.2 vs the "
        "narrative, chapter IV and the executive summary, RB/SPBE indices recomputed from their components, PN "
        "budgets in Tabel 2.4 vs Lampiran 5, the same indicator on IKP and IKK rows, chapter 3 indicators also "
        "printed in Lampiran 6 (target with target, actual with actual, by their unit), Lampiran 6 totals vs "
        "Tabel 3.20/3.21, and every printed form of the formula for P. Differences between two data sources "
        "(OM-SPAN in chapter 3, Monev Kemenkeu in Lampiran 6) are only noted as info.",
    ),
    "index": (
        "Indeks yang dapat dihitung ulang dari komponennya: indeks SPBE tiap kelompok instansi (Lampiran 8) dari "
        "nilai dan bobot domainnya, domain dari aspeknya; skor bobot tiap indikator RB (Tabel 3.17) dari skor × "
        "bobot pada skala indikatornya. Toleransi mengikuti pembulatan cetak komponen dan hasilnya.",
        "Indices recomputable from their components: each institution group's SPBE index (Lampiran 8) from its "
        "domain values and weights, domains from their aspects; each RB indicator's weighted score (Tabel 3.17) "
        "from score × weight on the indicator's scale. The tolerance follows the printed rounding of the parts "
        "and the result.",
    ),
    "trend": (
        "Setiap deret beberapa tahun (anggaran per program dan unit, IKSS, RB, SPBE, pelatihan, penempatan, PyB, "
        "WLKP, BPS): nilai yang berbeda satu orde besaran (≥ 10 kali) dari tahun di sebelahnya, dan total tahun "
        "sebelumnya yang tidak sama dengan jumlah barisnya.",
        "Every multi-year series (budget per programme and unit, IKSS, RB, SPBE, training, placement, PyB, WLKP, "
        "BPS): a value an order of magnitude (≥ 10 times) off its neighbouring year, and an earlier year's total "
        "that disagrees with the sum of its rows.",
    ),
    "plausible": (
        "Nilai yang tidak wajar: realisasi di atas pagu, capaian > 150 % (peringatan) atau > 1000 % (galat), "
        "nilai negatif, target 0 dengan realisasi, dan menurut satuan indikatornya: jumlah (orang, unit) "
        "bernilai pecahan, capaian 0 % di samping realisasi yang tidak 0.",
        "Implausible values: actual above budget, achievement > 150 % (warning) or > 1000 % (error), negative "
        "values, target 0 with an actual, and by the indicator's unit: a count (people, units) with a fraction, "
        "a 0 % achievement beside a non-zero actual.",
    ),
}
"""What each kind of rule checks, (Indonesian, English)."""

SEVERITY_TEXT: dict[str, tuple[str, str]] = {
    "error": ("Galat", "Error"),
    "warning": ("Peringatan", "Warning"),
    "info": ("Info", "Info"),
}

EPS = 1e-9


def tolerance(decimals: int) -> float:
    """Largest difference that rounding to ``decimals`` explains: half a unit of the last printed digit."""
    return 0.5 * 10.0 ** (-decimals) + EPS


class MissingDataset(KeyError):
    """A rule needs a dataset that the frames do not hold; the rule is skipped, not failed."""


@dataclass(frozen=True)
class Outcome:
    """One comparison made by a rule: a printed value beside the value recomputed from other rows.

    ``ok=None`` lets the engine decide: numbers agree when ``|printed − recomputed| <= tol``.
    ``dataset`` and ``tables`` default to the rule's first dataset and its tables.
    """

    row_key: str
    printed: float | str | None
    recomputed: float | str | None
    label_id: str
    label_en: str
    unit: Unit = "num"
    tol: float = 0.5 + EPS
    ok: bool | None = None
    dataset: str | None = None
    tables: tuple[str, ...] | None = None
    severity: Severity | None = None
    note_id: str = ""
    note_en: str = ""
    decimals: int | None = None
    page: str | None = None
    text_id: str = ""
    text_en: str = ""
    """A whole sentence that replaces the kind's template (after the table names)."""
    root_cause: RootCause | None = None
    """Set when this disagreement is a second symptom of another row's error (see :class:`RootCause`)."""


@dataclass(frozen=True)
class RootCause:
    """The row whose error a finding is a second symptom of: a program row that disagrees because one of its
    kegiatan is counted twice names that kegiatan.

    ``key`` is ``"<dataset>/<row_key>"``, the same pair :func:`findings_index` uses, so a page can link to the
    row (or to the finding about it); ``label_id`` / ``label_en`` name it in a sentence.
    """

    key: str
    label_id: str
    label_en: str


@dataclass(frozen=True)
class Finding:
    """A disagreement found in the report, with the sentence a planner reads."""

    rule_id: str
    severity: Severity
    tables: tuple[str, ...]
    datasets: tuple[str, ...]
    row_key: str
    printed: float | str | None
    recomputed: float | str | None
    difference: float | None
    message_id: str
    message_en: str
    page: str
    year: int | None
    root_cause: str | None = None
    """``"<dataset>/<row_key>"`` of the row this finding is a second symptom of (named in the message), or ``None``."""

    def as_dict(self) -> dict:
        """A JSON-serialisable dict (tuples as lists, NaN as ``None``)."""
        out = asdict(self)
        out["tables"] = list(self.tables)
        out["datasets"] = list(self.datasets)
        for k in ("printed", "recomputed", "difference"):
            v = out[k]
            if isinstance(v, float) and math.isnan(v):
                out[k] = None
            elif hasattr(v, "item"):
                out[k] = v.item()
        return out

    def message(self, lang: str = "id") -> str:
        return self.message_en if lang == "en" else self.message_id


PREV_SUFFIX = re.compile(r"[._]prev(\d?)(?=$|_)")
"""A printed figure about an earlier year carries ``_prev`` / ``.prev`` (the year before) or ``prev2`` in its id."""


def years_back(figure: str) -> int:
    """How many years before the report year a printed figure is about: ``T3.20.total.pagu_rp.prev`` → 1."""
    m = PREV_SUFFIX.search(figure)
    return 0 if m is None else int(m.group(1) or 1)


class Context:
    """The frames a rule reads, filtered to one year on request.

    Printed figures (``printed_figure``) are read from the rows of the run's year, the report
    that prints them; their ids carry no year. A figure a rule asks for that the year's report
    does not print (yet) is remembered in :attr:`not_printed`: the rule skips it, the engine
    lists it in :attr:`CheckReport.not_printed`.
    """

    def __init__(self, frames: Mapping[str, pd.DataFrame], year: int | None):
        self.frames = frames
        self.year = year
        self.not_printed: list[str] = []
        self._cache: dict[tuple[str, object], pd.DataFrame] = {}
        self._figures: dict[str, tuple[float | None, str | None, str]] | None = None

    def has(self, name: str) -> bool:
        frame = self.frames.get(name)
        return frame is not None

    def get(self, name: str, year: int | None | Literal["all"] = None) -> pd.DataFrame:
        """Rows of ``name`` for ``year`` (default: the run's year; ``"all"``: every year)."""
        frame = self.frames.get(name)
        if frame is None:
            raise MissingDataset(name)
        wanted = self.year if year is None else year
        if wanted == "all" or wanted is None or "year" not in frame.columns:
            return frame
        key = (name, wanted)
        if key not in self._cache:
            self._cache[key] = frame[frame["year"] == wanted].reset_index(drop=True)
        return self._cache[key]

    def report_years(self) -> set[int]:
        """The years whose own report is loaded (rows of Lampiran 6, as ``loaders.db.REPORT_YEAR_DATASET``).

        A report prints the years before it beside its own (Tabel 3.4 prints 2022-2024); a rule that checks
        those earlier rows from the report year skips the years that have a report (and a run) of their own.
        """
        frame = self.frames.get("output_capaian")
        if frame is None or "year" not in frame.columns:
            return set()
        return {int(y) for y in frame["year"].dropna().unique()}

    def years_of(self, name: str) -> list[int]:
        """The years ``name`` has rows for, oldest first (none when the dataset is absent)."""
        frame = self.frames.get(name)
        if frame is None or "year" not in frame.columns:
            return []
        return sorted(int(y) for y in frame["year"].dropna().unique())

    def year_before(self, years: int = 1) -> int | None:
        """The report year minus ``years`` (``None`` when the run has no year)."""
        return None if self.year is None else self.year - years

    def of_figure(self, name: str, figure: str) -> pd.DataFrame | None:
        """Rows of ``name`` for the year ``figure`` is about (``…prev``: the year before); ``None``: unknown year."""
        back = years_back(figure)
        if back == 0:
            return self.get(name)
        year = self.year_before(back)
        return None if year is None else self.get(name, year)

    def _all_figures(self) -> dict[str, tuple[float | None, str | None, str]]:
        if self._figures is None:
            pf = self.get("printed_figure")
            self._figures = {
                str(f): (None if pd.isna(v) else float(v), None if pd.isna(t) else str(t), str(lb))
                for f, v, t, lb in zip(pf["figure"], pf["value"], pf["text_value"], pf["label"], strict=True)
            }
        return self._figures

    def _figure(self, figure: str, expected: bool) -> tuple[float | None, str | None, str] | None:
        hit = self._all_figures().get(figure)
        if hit is None and expected and figure not in self.not_printed:
            self.not_printed.append(figure)
        return hit

    def is_printed(self, figure: str) -> bool:
        """Whether the year's report prints ``figure`` (nothing is remembered)."""
        return figure in self._all_figures()

    def printed(self, figure: str, expected: bool = True) -> float | None:
        """A printed figure's numeric value in the run's year, ``None`` when absent.

        An absent figure is remembered as not (yet) printed unless ``expected=False`` (a probe for
        one of several alternative wordings).
        """
        hit = self._figure(figure, expected)
        return None if hit is None else hit[0]

    def printed_text(self, figure: str, expected: bool = True) -> str | None:
        """A printed figure's text value (an opinion, a predikat), ``None`` when absent or numeric."""
        hit = self._figure(figure, expected)
        return None if hit is None else hit[1]

    def figure_label(self, figure: str) -> str:
        """The printed figure's label as the report words it (its id when the year does not print it)."""
        hit = self._all_figures().get(figure)
        return figure if hit is None else hit[2]


@dataclass(frozen=True)
class Rule:
    """A declarative rule: what it checks, where, how bad a failure is and which page shows the figure."""

    id: str
    kind: Kind
    tables: tuple[str, ...]
    datasets: tuple[str, ...]
    severity: Severity
    page: str
    description_id: str
    description_en: str
    check: Callable[[Context], Iterable[Outcome]] = field(repr=False, compare=False)

    def description(self, lang: str = "id") -> str:
        return self.description_en if lang == "en" else self.description_id


class CheckReport(list):
    """The findings of one run (a plain ``list`` of :class:`Finding`), plus what ran.

    ``ran[rule_id]`` is the number of comparisons the rule made, ``ran_by_table[table]`` the
    same per LKj table, ``failed_by_table`` the failing ones, ``skipped`` the rules whose
    datasets were absent, ``not_printed`` the ``(rule_id, figure_id)`` pairs a rule would have
    compared but the year's report does not print (yet): skipped, not failed. A newly loaded
    year has every printed figure absent until its report is entered. ``report.findings`` is
    the list itself.
    """

    def __init__(self, findings: Iterable[Finding] = ()):
        super().__init__(findings)
        self.ran: Counter[str] = Counter()
        self.ran_by_table: Counter[str] = Counter()
        self.failed_by_table: Counter[str] = Counter()
        self.skipped: list[str] = []
        self.not_printed: list[tuple[str, str]] = []
        self.years: list[int | None] = []

    @property
    def findings(self) -> list[Finding]:
        return list(self)

    @property
    def not_printed_figures(self) -> list[str]:
        """The distinct printed figures some rule wanted but the year does not print, in the order first asked."""
        return list(dict.fromkeys(f for _, f in self.not_printed))

    def as_dict(self) -> dict:
        """A JSON-serialisable dict: the findings, what ran, the skipped rules and the figures not yet printed."""
        return {
            "years": list(self.years),
            "findings": [f.as_dict() for f in self],
            "ran": dict(self.ran),
            "skipped": list(self.skipped),
            "not_printed": [{"rule_id": r, "figure": f} for r, f in self.not_printed],
            "not_printed_count": len(self.not_printed_figures),
        }


# ---------------------------------------------------------------- formatting


def fmt_value(value: float | str | None, unit: Unit, lang: str = "id", decimals: int | None = None) -> str:
    """A value in a finding's sentence: ``Rp 5.500.436.965.043``, ``89,52 %``, ``709.436`` (``kpi.format``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, str):
        return value
    d = auto_decimals(float(value)) if decimals is None else decimals
    if unit == "rp":
        return fmt_rp(float(value), lang)
    if unit == "pct":
        return fmt_pct(float(value), d, lang)
    return fmt_number(float(value), d, lang)


_TEMPLATES: dict[str, tuple[str, str]] = {
    "total": (
        "{where}: {label} tercetak {p}, jumlah rinciannya {r} (selisih {d}).",
        "{where}: printed {label} {p}, sum of its rows {r} (difference {d}).",
    ),
    "pct": (
        "{where}, {label}: persentase tercetak {p}, dihitung ulang {r}.",
        "{where}, {label}: printed percentage {p}, recomputed {r}.",
    ),
    "rollup": (
        "{where}, {label}: angka induk {p}, jumlah anaknya {r} (selisih {d}).",
        "{where}, {label}: parent figure {p}, sum of its children {r} (difference {d}).",
    ),
    "same": (
        "{where}, {label}: {p} di satu tempat, {r} di tempat lain (selisih {d}).",
        "{where}, {label}: {p} in one place, {r} in the other (difference {d}).",
    ),
    "index": (
        "{where}, {label}: tercetak {p}, dihitung ulang dari komponennya {r} (selisih {d}).",
        "{where}, {label}: printed {p}, recomputed from its components {r} (difference {d}).",
    ),
    "trend": (
        "{where}, {label}: {p} dibanding {r}.",
        "{where}, {label}: {p} against {r}.",
    ),
    "plausible": (
        "{where}, {label}: {p} (pembanding {r}).",
        "{where}, {label}: {p} (compared with {r}).",
    ),
}

ROOT_CAUSE_TEXT = ("Akar masalah: {label}.", "Root cause: {label}.")
"""Appended to a finding's sentence when it names the row it is a second symptom of."""


def _sentence(kind: str, lang: int, where: str, o: Outcome, diff: float | None) -> str:
    text = _plain_sentence(kind, lang, where, o, diff)
    if o.root_cause is None:
        return text
    cause = ROOT_CAUSE_TEXT[lang].format(label=(o.root_cause.label_id, o.root_cause.label_en)[lang])
    return f"{text} {cause}"


def _plain_sentence(kind: str, lang: int, where: str, o: Outcome, diff: float | None) -> str:
    code = ("id", "en")[lang]
    text = (o.text_id, o.text_en)[lang]
    if text:
        return f"{where}, {text}"
    decimals = o.decimals
    p = fmt_value(o.printed, o.unit, code, decimals)
    r = fmt_value(o.recomputed, o.unit, code, decimals)
    d = fmt_value(diff, o.unit, code, decimals if decimals is not None else None) if diff is not None else "–"
    label = (o.label_id, o.label_en)[lang]
    if where and label.startswith(where.split(", ")[0]):
        where = ""  # the printed figure's own label already names its table
    text = _TEMPLATES[kind][lang].format(where=where, label=label, p=p, r=r, d=d)
    note = (o.note_id, o.note_en)[lang]
    return f"{text} {note}".strip().lstrip(":, ").replace(" , ", " ")


# ---------------------------------------------------------------- running


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(float(v))


def _compare(o: Outcome) -> tuple[bool, float | None]:
    diff = float(o.printed) - float(o.recomputed) if _is_number(o.printed) and _is_number(o.recomputed) else None
    if o.ok is not None:
        return o.ok, diff
    if diff is not None:
        return abs(diff) <= o.tol, diff
    return (str(o.printed).strip().upper() == str(o.recomputed).strip().upper()), None


def _years(frames: Mapping[str, pd.DataFrame]) -> list[int]:
    found: set[int] = set()
    for frame in frames.values():
        if frame is not None and "year" in frame.columns:
            found.update(int(y) for y in frame["year"].dropna().unique())
    return sorted(found)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable extension columns as plain numpy ones (int64, float64 with NaN, object): rules iterate rows fast."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        if pd.api.types.is_bool_dtype(s.dtype):
            out[col] = s.astype(object)
        elif pd.api.types.is_integer_dtype(s.dtype):
            out[col] = s.astype("int64") if not s.isna().any() else s.astype("float64")
        elif pd.api.types.is_float_dtype(s.dtype):
            out[col] = s.astype("float64")
        else:
            out[col] = s.astype(object).where(s.notna(), None)
    return pd.DataFrame(out, index=frame.index)


def run(rules: Sequence[Rule], frames: Mapping[str, pd.DataFrame], year: int | None = None) -> CheckReport:
    """Run ``rules`` over ``frames`` for ``year`` (every year present when ``None``)."""
    frames = {name: _plain(frame) for name, frame in frames.items() if frame is not None}
    report = CheckReport()
    years: list[int | None] = [year] if year is not None else list(_years(frames)) or [None]
    report.years = years
    for rule in rules:
        if any(frames.get(name) is None for name in rule.datasets):
            report.skipped.append(rule.id)
            continue
        report.ran[rule.id] += 0
        for y in years:
            ctx = Context(frames, y)
            try:
                outcomes = list(rule.check(ctx))
            except MissingDataset:
                report.skipped.append(rule.id)
                break
            for figure in ctx.not_printed:  # once per rule and figure, whichever year misses it
                if (rule.id, figure) not in report.not_printed:
                    report.not_printed.append((rule.id, figure))
            for o in outcomes:
                if o.printed is None or o.recomputed is None:
                    continue
                if (isinstance(o.printed, float) and math.isnan(o.printed)) or (
                    isinstance(o.recomputed, float) and math.isnan(o.recomputed)
                ):
                    continue
                tables = o.tables or rule.tables
                report.ran[rule.id] += 1
                for t in tables:
                    report.ran_by_table[t] += 1
                ok, diff = _compare(o)
                if ok:
                    continue
                for t in tables:
                    report.failed_by_table[t] += 1
                where = ", ".join(tables)
                report.append(
                    Finding(
                        rule_id=rule.id,
                        severity=o.severity or rule.severity,
                        tables=tuple(tables),
                        datasets=(
                            o.dataset or rule.datasets[0],
                            *[d for d in rule.datasets if d != (o.dataset or rule.datasets[0])],
                        ),
                        row_key=str(o.row_key),
                        printed=float(o.printed) if _is_number(o.printed) else o.printed,
                        recomputed=float(o.recomputed) if _is_number(o.recomputed) else o.recomputed,
                        difference=diff,
                        message_id=_sentence(rule.kind, 0, where, o, diff),
                        message_en=_sentence(rule.kind, 1, where, o, diff),
                        page=o.page or rule.page,
                        year=y,
                        root_cause=None if o.root_cause is None else o.root_cause.key,
                    )
                )
    return report


def summary(findings: Sequence[Finding], rules: Sequence[Rule]) -> dict[str, pd.DataFrame]:
    """Per-rule and per-LKj-table counts for the page: ran, passed, failed (and failures by severity).

    ``findings`` is best the :class:`CheckReport` that :func:`run` returns: it knows how many
    comparisons ran. A plain list of findings gives ``ran = failed``. ``not_printed`` counts the
    printed figures a rule skipped because the year's report does not print them (yet).
    Returns ``{"rules": DataFrame, "tables": DataFrame, "not_printed": DataFrame}``; the last has
    one row per distinct figure not yet printed (``figure``, ``rule_ids``): its length is the
    "not yet printed: N" a page shows.
    """
    ran = getattr(findings, "ran", None)
    skipped = set(getattr(findings, "skipped", []))
    not_printed = Counter(r for r, _ in getattr(findings, "not_printed", []))
    failed = Counter(f.rule_id for f in findings)
    by_sev = Counter((f.rule_id, f.severity) for f in findings)
    rows = []
    for rule in rules:
        n_ran = ran.get(rule.id, 0) if ran is not None else failed[rule.id]
        rows.append(
            {
                "rule_id": rule.id,
                "kind": rule.kind,
                "tables": ", ".join(rule.tables),
                "severity": rule.severity,
                "ran": n_ran,
                "passed": max(n_ran - failed[rule.id], 0),
                "failed": failed[rule.id],
                "error": by_sev[(rule.id, "error")],
                "warning": by_sev[(rule.id, "warning")],
                "info": by_sev[(rule.id, "info")],
                "skipped": rule.id in skipped,
                "not_printed": not_printed[rule.id],
            }
        )
    per_rule = pd.DataFrame(rows)

    ran_t = getattr(findings, "ran_by_table", None)
    fail_t = Counter(t for f in findings for t in f.tables)
    sev_t = Counter((t, f.severity) for f in findings for t in f.tables)
    tables = sorted(set(ran_t or {}) | set(fail_t), key=_table_order)
    trows = []
    for t in tables:
        n_ran = ran_t.get(t, 0) if ran_t is not None else fail_t[t]
        trows.append(
            {
                "table": t,
                "ran": n_ran,
                "passed": max(n_ran - fail_t[t], 0),
                "failed": fail_t[t],
                "error": sev_t[(t, "error")],
                "warning": sev_t[(t, "warning")],
                "info": sev_t[(t, "info")],
            }
        )
    per_table = pd.DataFrame(trows, columns=["table", "ran", "passed", "failed", "error", "warning", "info"])
    wanted: dict[str, list[str]] = {}
    for rule_id, figure in getattr(findings, "not_printed", []):
        wanted.setdefault(figure, []).append(rule_id)
    absent = pd.DataFrame(
        [{"figure": f, "rule_ids": ", ".join(dict.fromkeys(ids))} for f, ids in wanted.items()],
        columns=["figure", "rule_ids"],
    )
    return {"rules": per_rule, "tables": per_table, "not_printed": absent}


def _table_order(name: str) -> tuple:
    """Tabel 2.3 < Tabel 3.4 < Tabel 3.20 < Lampiran 1 < Bab 3.3 (numeric parts compared as numbers)."""
    head, _, rest = name.partition(" ")
    rank = {"Tabel": 0, "Lampiran": 1}.get(head, 2)
    nums = []
    for part in rest.replace("-", ".").split("."):
        nums.append(int(part) if part.isdigit() else 0)
    return (rank, nums, name)


def findings_index(findings: Iterable[Finding]) -> dict[tuple[str, str], list[Finding]]:
    """``{(dataset, row_key): [findings]}`` so a page can put a ⚠️ beside a figure with a finding.

    ``row_key`` refers to the finding's first dataset (``datasets[0]``): the dataset's key
    values joined by ``/`` (``"WA"``, ``"469"`` for an ``output_capaian`` urutan,
    ``"pyb_penta"``), or the figure id when the dataset is ``printed_figure``.
    """
    index: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        index.setdefault((f.datasets[0], f.row_key), []).append(f)
    return index
