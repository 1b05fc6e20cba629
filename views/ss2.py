"""SS-2 Tata Kelola, the page model: the three IKSS of SS-2 (Indeks RB, Opini BPK, Indeks SPBE), their detail
tables and the SPBE simulator.

Pure: functions from the frames (all years, as ``ui.data.frames`` gives them), the report year, the
language and the widget values to frozen dataclasses of formatted text, :class:`views.table.Table`
models and chart data. No year is fixed here: every figure is of ``year`` and is compared with the
newest earlier year its dataset has (``views.common.previous_in``) when there is one. Figures as the
report prints them come from the ``printed_figure`` rows of ``year``; a year whose report is not
printed yet has none, and every section then shows the recomputed values only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from kpi import headline, rb, spbe
from kpi.capaian import capaian_pct
from kpi.format import fmt_number, fmt_pct, fmt_signed
from kpi.status import Status, status_of
from views.catalogue.ss2 import COMPONENT_EN, KELOMPOK_EN, PREDIKAT_EN, RB_KOMPONEN_EN, SPBE_EN
from views.common import of_year, previous_in, years_of
from views.i18n import texts, translator
from views.table import Column, Table, make_table

FRAMES: tuple[str, ...] = (
    "ikss",
    "ikss_capaian",
    "printed_figure",
    "rb_component",
    "rb_indicator",
    "rb_history",
    "opini_bpk_history",
    "spbe_domain",
    "spbe_aspect",
    "spbe_indicator",
    "spbe_predikat",
)
"""The datasets the page reads."""

SS = "SS-2"
IKSS = ("indeks_rb", "opini_bpk", "indeks_spbe")
DEFAULT_MIN_LEVEL = 3
"""The minimum maturity level per SPBE indicator (PermenPANRB 59/2020) when Lampiran 8 prints none."""
BELOW_PCT = 70.0
"""An RB indicator below this capaian is counted in the caption under Tabel 3.17."""

RB_SORTS: dict[str, tuple[list[str], list[bool]]] = {
    "nomor": (["nomor"], [True]),
    "capaian_naik": (["capaian_recomputed_pct", "nomor"], [True, True]),
    "capaian_turun": (["capaian_recomputed_pct", "nomor"], [False, True]),
    "gap": (["gap", "nomor"], [False, True]),
}
"""The orders of the Tabel 3.17 indicators the reader can choose."""
LEVELS = ("domain", "aspect")
GOALS = ("next", "target")

Frames = Mapping[str, pd.DataFrame]


# --- helpers -------------------------------------------------------------------------------------


def _frame(frames: Frames, name: str) -> pd.DataFrame:
    frame = frames.get(name)
    return frame if frame is not None else pd.DataFrame(columns=["year"])


def _rows(frames: Frames, name: str, year: int) -> pd.DataFrame:
    return of_year(_frame(frames, name), year)


def _upto(frames: Frames, name: str, year: int) -> pd.DataFrame:
    """The rows of ``year`` and the years before it: a history as the report of ``year`` knows it."""
    frame = _frame(frames, name)
    return frame[frame["year"] <= year].reset_index(drop=True)


def _float(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _str(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|$~])")


def md(text: object) -> str:
    """``text`` from the data with Markdown's special characters escaped (it is shown as written)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


@dataclass(frozen=True)
class Printed:
    """The ``printed_figure`` rows of one report year: the figures as the report prints them."""

    rows: pd.DataFrame

    def value(self, figure: str) -> float | None:
        hit = self.rows.loc[self.rows["figure"] == figure, "value"] if not self.rows.empty else []
        return _float(hit.iloc[0]) if len(hit) else None

    def text(self, figure: str) -> str | None:
        hit = self.rows.loc[self.rows["figure"] == figure, "text_value"] if not self.rows.empty else []
        return _str(hit.iloc[0]) if len(hit) else None

    def starting(self, prefix: str) -> pd.DataFrame:
        if self.rows.empty:
            return self.rows
        return self.rows[self.rows["figure"].str.startswith(prefix)]


def printed(frames: Frames, year: int) -> Printed:
    """The figures the LKj of ``year`` prints (none for a year whose report is not printed yet)."""
    return Printed(_rows(frames, "printed_figure", year))


class _Fmt:
    """The page's number formats in one language (``kpi.format``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def num(self, v: object, d: int = 2) -> str:
        return fmt_number(_float(v), d, self.lang)

    def pct(self, v: object, d: int = 2) -> str:
        return fmt_pct(_float(v), d, self.lang)

    def signed(self, v: object, d: int = 2) -> str:
        return fmt_signed(_float(v), d, self.lang)


def predikat_label(p: str | None, lang: str) -> str:
    """An SPBE predikat as shown: ``Baik``; in English ``Good (Baik)``; ``–`` when there is none."""
    if p is None:
        return "–"
    return f"{PREDIKAT_EN.get(p, p)} ({p})" if lang == "en" else p


def _band_low(bands: pd.DataFrame, predikat: str | None) -> float | None:
    """The lower bound of ``predikat``'s band in Tabel 3.18 (0 for the lowest band)."""
    if predikat is None or bands.empty:
        return None
    hit = bands.loc[bands["predikat"] == predikat, "batas_bawah"]
    if hit.empty:
        return None
    return _float(hit.iloc[0]) or 0.0


def _ikss_rows(frames: Frames, year: int) -> pd.DataFrame:
    """The SS-2 rows of Tabel 3.2 of ``year`` (``kpi.headline.ikss_table``), indexed by IKSS code."""
    ikss, cap = _frame(frames, "ikss"), _frame(frames, "ikss_capaian")
    if ikss.empty or cap.empty or (ikss["year"] != year).all():
        return pd.DataFrame()
    rows = headline.ikss_table(ikss, cap, year)
    return rows[rows["ss_code"] == SS].set_index("code")


def _row(rows: pd.DataFrame, code: str) -> pd.Series:
    return rows.loc[code] if code in rows.index else pd.Series(dtype=object)


# --- 1. headline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tile:
    """A headline tile: the value, its status (icon and words), the capaian line and a footnote."""

    key: str
    label: str
    value: str
    foot: str
    status: Status
    capaian: str | None = None
    """``Capaian 96,31 %`` written under the value, or ``None``."""
    delta: str | None = None
    neutral: bool = False
    """The delta is a fact (last year's value), not better or worse: drawn without colour or arrow."""
    help: str | None = None


@dataclass(frozen=True)
class Header:
    """The five tiles (SS-2, RB, BPK, SPBE, predikat) and the notes under them (Tabel 3.2, Bab IV)."""

    tiles: tuple[Tile, ...]
    notes: tuple[str, ...]
    rb_target: float | None
    spbe_target: float | None
    spbe_realisasi: float | None


def header(frames: Frames, year: int, lang: str) -> Header:
    """Tabel 3.2's SS-2 rows: capaian = realisasi ÷ target × 100, SS-2 = their mean (Bab 3.1), each beside the
    previous year's realisasi; the SPBE predikat by Tabel 3.18 against the Lampiran 8 target."""
    s, f = texts("ss2", lang), _Fmt(lang)
    rows = _ikss_rows(frames, year)
    pf = printed(frames, year)
    bands = _rows(frames, "spbe_predikat", year)
    rb_row, bpk_row, spbe_row = (_row(rows, c) for c in IKSS)
    ss2 = headline.ss_capaian(rows.reset_index()).get(SS) if not rows.empty else None
    prev = int(rows["year_prev"].iloc[0]) if not rows.empty and not pd.isna(rows["year_prev"].iloc[0]) else None
    ss2_prev = None
    if prev is not None:
        prev_rows = _ikss_rows(frames, prev)
        ss2_prev = headline.ss_capaian(prev_rows.reset_index()).get(SS) if not prev_rows.empty else None
    ss2_printed = pf.value("B4.ss2_capaian")

    def capaian_line(row: pd.Series) -> str | None:
        value = _float(row.get("capaian_pct"))
        return None if value is None else f"{s('capaian')} {f.pct(value)}"

    def change(row: pd.Series) -> str | None:
        before, now = _float(row.get("realisasi_prev")), _float(row.get("realisasi"))
        if prev is None or before is None or now is None:
            return None
        return f"{f.signed(now - before)} {s('vs')} {prev}"

    def prev_help(row: pd.Series) -> str:
        before = _float(row.get("realisasi_prev"))
        if prev is None or before is None:
            return s("help_capaian")
        return f"{s('help_capaian')} {s('prev_is', y=prev, v=f.num(before))}"

    def status(row: pd.Series) -> Status:
        return status_of(_float(row.get("capaian_pct")))

    spbe_now, spbe_before = _float(spbe_row.get("realisasi")), _float(spbe_row.get("realisasi_prev"))
    spbe_target = _float(spbe_row.get("target"))
    predikat_now = spbe.predikat(spbe_now, bands) if not bands.empty else None
    # the target predikat as Lampiran 8 prints it; a year not printed yet: the band of the IKSS target index
    target_predikat = pf.text("L8.target.predikat")
    target_min = pf.value("L8.target.indeks_minimal")
    if target_predikat is not None and target_min is not None:
        foot = s("predikat_target", p=md(predikat_label(target_predikat, lang)), v=f.num(target_min, 1))
    else:
        target_predikat = target_predikat or (spbe.predikat(spbe_target, bands) if not bands.empty else None)
        target_min = target_min if target_min is not None else _band_low(bands, target_predikat)
        foot = s(
            "predikat_target_ikss",
            p=md(predikat_label(target_predikat, lang)),
            v=f.num(target_min, 1),
            t=f.num(spbe_target),
        )
    bpk_prev = _str(bpk_row.get("realisasi_prev_text"))
    tiles = (
        Tile(
            key="ss2_tile_ss2",
            label=s("tile_ss2", y=year),
            value=f.pct(ss2),
            foot=f"{s('printed')}: {f.pct(ss2_printed)}" if ss2_printed is not None else s("not_printed"),
            status=status_of(ss2),
            capaian=None if ss2 is None else f"{s('capaian')} {f.pct(ss2)}",
            delta=None if ss2 is None or ss2_prev is None else f"{f.signed(ss2 - ss2_prev)} {s('vs')} {prev}",
            help=s(
                "help_ss2",
                a=f.pct(rb_row.get("capaian_pct")),
                b=f.pct(bpk_row.get("capaian_pct")),
                c=f.pct(spbe_row.get("capaian_pct")),
            ),
        ),
        Tile(
            key="ss2_tile_rb",
            label=s("tile_rb"),
            value=f.num(rb_row.get("realisasi")),
            foot=s("target_is", y=year, t=f.num(rb_row.get("target"))),
            status=status(rb_row),
            capaian=capaian_line(rb_row),
            delta=change(rb_row),
            help=prev_help(rb_row),
        ),
        Tile(
            key="ss2_tile_bpk",
            label=s("tile_bpk"),
            value=_str(bpk_row.get("realisasi_text")) or "–",
            foot=s("target_is", y=year, t=_str(bpk_row.get("target_text")) or "–"),
            status=status(bpk_row),
            capaian=capaian_line(bpk_row),
            delta=s("prev_is", y=prev, v=bpk_prev) if prev is not None and bpk_prev else None,
            neutral=True,
            help=s("help_bpk"),
        ),
        Tile(
            key="ss2_tile_spbe",
            label=s("tile_spbe"),
            value=f.num(spbe_now),
            foot=s("target_is", y=year, t=f.num(spbe_target)),
            status=status(spbe_row),
            capaian=capaian_line(spbe_row),
            delta=change(spbe_row),
            help=prev_help(spbe_row),
        ),
        Tile(
            # the predikat has no capaian: its status is the index against the lower bound of the target predikat
            key="ss2_tile_predikat",
            label=s("tile_predikat", y=year),
            value=(PREDIKAT_EN.get(predikat_now, predikat_now) if lang == "en" else predikat_now) or "–",
            foot=foot,
            status=status_of(capaian_pct(target_min, spbe_now) if target_min else None),
            delta=(
                s("prev_is", y=prev, v=predikat_label(spbe.predikat(spbe_before, bands), lang))
                if prev is not None and spbe_before is not None and not bands.empty
                else None
            ),
            neutral=True,
        ),
    )
    notes = []
    if ss2_printed is not None and f.pct(ss2_printed) != f.pct(ss2):
        mean_printed = rows["capaian_printed_pct"].astype(float).mean()
        notes.append(s("note_ss2", p=f.pct(ss2_printed), r=f.pct(ss2), q=f.pct(mean_printed)))
    b4_target, rb_target = pf.value("B4.rb_target"), _float(rb_row.get("target"))
    if b4_target is not None and rb_target is not None and abs(b4_target - rb_target) > 1e-9:
        cap = capaian_pct(b4_target, _float(rb_row.get("realisasi")))
        notes.append(s("note_rb_target", y=year, b4=f.num(b4_target), t32=f.num(rb_target), c=f.pct(cap)))
    return Header(tiles, tuple(notes), rb_target, spbe_target, spbe_now)


# --- 2. Reformasi Birokrasi ----------------------------------------------------------------------


@dataclass(frozen=True)
class RbSection:
    """RB: Tabel 3.16 (components), the history of the index (Tabel 3.2 of each LKj) and their notes."""

    title: str
    intro: str | None
    component_names: tuple[str, ...]
    component_nilai: tuple[float, ...]
    component_bobot: tuple[float, ...]
    components_title: str
    nilai_label: str
    gap_label: str
    bobot_label: str
    history: pd.DataFrame
    """``label`` (evaluation year and LKj, on two lines) and ``indeks``, oldest first."""
    history_title: str
    history_label: str
    target: float | None
    target_label: str
    history_note: str | None
    gaps: Table
    tematik_note: str | None
    indicators_heading: str
    indicators_caption: str | None


def rb_section(frames: Frames, year: int, lang: str, rb_target: float | None) -> RbSection:
    """RB index = Σ component values (Tabel 3.16); its change against the previous evaluation (rb_history);
    each component's gap to its weight (``kpi.rb.component_gaps``)."""
    s, f = texts("ss2", lang), _Fmt(lang)
    components = _rows(frames, "rb_component", year)
    indicators = _rows(frames, "rb_indicator", year)
    pf = printed(frames, year)
    comp_name = translator(COMPONENT_EN, lang)
    eval_year = int(components["tahun_evaluasi"].iloc[0]) if not components.empty else None
    values = components.set_index("code")["nilai"] if not components.empty else pd.Series(dtype=float)
    kategori = pf.text("T3.16.predikat")
    intro = None
    if not components.empty:
        intro = s(
            "rb_intro",
            g=f.num(values.get("GENERAL")),
            tm=f.num(values.get("TEMATIK")),
            i=f.num(rb.rb_index(components)),
            k=md(kategori) if kategori else "–",
        )
    hist = _upto(frames, "rb_history", year).sort_values(["year", "tahun_evaluasi"])
    history = pd.DataFrame(
        {
            "label": [
                s("eval_year", e=int(e), y=int(y)).replace(" (", "\n(")
                for e, y in zip(hist["tahun_evaluasi"], hist["year"], strict=True)
            ],
            "indeks": hist["indeks"].astype(float).to_numpy(),
        }
    )
    history_note = None
    before_year = previous_in(hist, year)
    now, before = hist[hist["year"] == year], hist[hist["year"] == before_year]
    if not now.empty and not before.empty:
        a, b = before.iloc[-1], now.iloc[-1]
        d = float(b["indeks"]) - float(a["indeks"])
        points, share = pf.value("B3.2.2.rb.kenaikan_poin"), pf.value("B3.2.2.rb.kenaikan_pct")
        args = {"a": int(a["tahun_evaluasi"]), "b": int(b["tahun_evaluasi"]), "d": f.signed(d)}
        args["p"] = f.pct(d / float(a["indeks"]) * 100)
        if points is not None or share is not None:
            first = int(hist["tahun_evaluasi"].min())
            history_note = s("hist_note", pp=f.num(points), ppp=f.pct(share), f=first, **args)
        else:
            history_note = s("hist_note_plain", **args)
    gaps = (
        rb.component_gaps(components)
        if not components.empty
        else pd.DataFrame(columns=["code", "name", "bobot", "nilai", "gap", "pct_of_bobot"])
    )
    gaps = gaps.assign(label=gaps["name"].map(comp_name))
    gap_table = make_table(
        gaps,
        [
            Column("label", s("komponen")),
            Column("bobot", s("bobot"), "num"),
            Column("nilai", s("nilai"), "num"),
            Column("gap", s("gap"), "num"),
            Column("pct_of_bobot", s("pct_bobot"), "pct"),
        ],
        lang,
        "tabel_3_16_rb_komponen",
        ("Tabel 3.16", "Lampiran 7"),
    )
    tematik_note = None
    caption = None
    if not indicators.empty:
        ind = rb.indicator_gaps(indicators)
        tem = ind[ind["component_code"] == "TEMATIK"]
        tem_bobot = _float(components.set_index("code")["bobot"].get("TEMATIK")) if not components.empty else None
        if not tem.empty and tem_bobot is not None and abs(tem["bobot"].sum() - tem_bobot) > 1e-9:
            tematik_note = s(
                "tematik_note",
                k=len(tem),
                s=f.num(tem["bobot"].sum(), 0),
                b=f.num(tem_bobot, 0),
                n=f.num(values.get("TEMATIK")),
            )
        top = ind.sort_values("gap", ascending=False).head(3)
        caption = s(
            "ind_caption",
            n=int((ind["capaian_recomputed_pct"] < BELOW_PCT).sum()),
            top="; ".join(f"{md(i)} ({f.num(g)})" for i, g in zip(top["indikator"], top["gap"], strict=True)),
        )
    return RbSection(
        title=s("h_rb", y=eval_year) if eval_year is not None else s("h_rb_plain"),
        intro=intro,
        component_names=tuple(comp_name(n) for n in components.get("name", [])),
        component_nilai=tuple(float(v) for v in components.get("nilai", [])),
        component_bobot=tuple(float(v) for v in components.get("bobot", [])),
        components_title=s("comp_title"),
        nilai_label=s("nilai"),
        gap_label=s("gap"),
        bobot_label=s("bobot"),
        history=history,
        history_title=s("hist_title"),
        history_label=s("hist_label"),
        target=rb_target,
        target_label=s("target_y", y=year),
        history_note=history_note,
        gaps=gap_table,
        tematik_note=tematik_note,
        indicators_heading=s("h_rb_ind", n=len(indicators)),
        indicators_caption=caption,
    )


@dataclass(frozen=True)
class RbIndicators:
    """The Tabel 3.17 indicators in the chosen order: chart data and the table."""

    chart: pd.DataFrame
    """nomor, indikator, component_code, bobot, skor_bobot, capaian_recomputed_pct, in the chosen order."""
    component_labels: Mapping[str, str]
    title: str
    bobot_label: str
    skor_bobot_label: str
    table: Table


def rb_indicators(frames: Frames, year: int, lang: str, sort_key: str = "nomor") -> RbIndicators:
    """Tabel 3.17 with each indicator's open points (bobot − skor bobot) and capaian recomputed as
    skor bobot ÷ bobot × 100 (``kpi.rb.indicator_gaps``), sorted by ``sort_key`` (``RB_SORTS``)."""
    s = texts("ss2", lang)
    components = _rows(frames, "rb_component", year)
    indicators = _rows(frames, "rb_indicator", year)
    by, ascending = RB_SORTS.get(sort_key, RB_SORTS["nomor"])
    columns = ["nomor", "component_code", "komponen", "indikator", "bobot", "skor", "skor_bobot", "capaian_pct"]
    if indicators.empty:
        indicators = pd.DataFrame(columns=columns, dtype=float)
    ind = rb.indicator_gaps(indicators).sort_values(by, ascending=ascending).reset_index(drop=True)
    ind["komponen_label"] = ind["komponen"].map(translator(RB_KOMPONEN_EN, lang))
    comp_name = translator(COMPONENT_EN, lang)
    labels = {c: comp_name(n) for c, n in zip(components.get("code", []), components.get("name", []), strict=True)}
    table = make_table(
        ind,
        [
            Column("nomor", s("no"), "int"),
            Column("komponen_label", s("komponen")),
            Column("indikator", s("indikator")),
            Column("bobot", s("bobot"), "num"),
            Column("skor", s("skor"), "num"),
            Column("skor_bobot", s("skor_bobot"), "num"),
            Column("capaian_pct", s("capaian_printed"), "pct"),
            Column("capaian_recomputed_pct", s("capaian_recomputed"), "pct"),
            Column("gap", s("sisa"), "num"),
        ],
        lang,
        "tabel_3_17_rb_indikator",
        ("Tabel 3.17",),
    )
    chart = ind[["nomor", "indikator", "component_code", "bobot", "skor_bobot", "capaian_recomputed_pct"]]
    return RbIndicators(chart, labels, s("ind_title"), s("bobot"), s("skor_bobot"), table)


# --- 3. Opini BPK --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BpkSection:
    """The Opini BPK per audited year, as each LKj up to ``year`` prints it (Tabel 3.2)."""

    years: tuple[str, ...]
    opini: tuple[str, ...]
    title: str
    table: Table
    note: str


def bpk_section(frames: Frames, year: int, lang: str) -> BpkSection:
    """Opini BPK history (Tabel 3.2 of each LKj): one opinion per audited financial year, the latest LKj's
    reading when two report the same year."""
    s = texts("ss2", lang)
    bpk = _upto(frames, "opini_bpk_history", year).sort_values(["tahun_laporan_keuangan", "year"])
    bpk = bpk.drop_duplicates("tahun_laporan_keuangan", keep="last").reset_index(drop=True)
    meaning = {o: s(f"opini_{o}") for o in ("WTP", "WDP", "TW", "TMP")}
    bpk = bpk.assign(arti=bpk["opini"].map(lambda o: meaning.get(o, o)))
    table = make_table(
        bpk,
        [
            Column("tahun_laporan_keuangan", s("tahun_lk"), "year"),
            Column("year", s("tahun_lkj"), "year"),
            Column("opini", s("opini")),
            Column("arti", s("arti")),
        ],
        lang,
        "opini_bpk",
        ("Tabel 3.2",),
    )
    years = tuple(str(int(y)) for y in bpk["tahun_laporan_keuangan"])
    return BpkSection(years, tuple(str(o) for o in bpk["opini"]), s("bpk_title"), table, s("bpk_note", y=year))


# --- 4. SPBE -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpbeSection:
    """The SPBE intro (index recomputed from Lampiran 8) and Kemnaker among the groups of institutions."""

    intro: str | None
    groups: pd.DataFrame | None
    """``label`` and ``value``: each group's average index (Lampiran 8) and Kemnaker's; ``None`` if not printed."""
    highlight: str
    groups_title: str
    no_groups: str
    indicators_heading: str


def spbe_section(frames: Frames, year: int, lang: str, spbe_realisasi: float | None) -> SpbeSection:
    """Indeks SPBE = Σ aspect weight × aspect value (``kpi.spbe.spbe_index``), its predikat by Tabel 3.18;
    the groups' averages as Lampiran 8 prints them."""
    s, f = texts("ss2", lang), _Fmt(lang)
    ind, asp = _rows(frames, "spbe_indicator", year), _rows(frames, "spbe_aspect", year)
    bands = _rows(frames, "spbe_predikat", year)
    pf = printed(frames, year)
    intro = None
    if not ind.empty and not asp.empty:
        index = spbe.spbe_index(ind, asp)
        k = md(predikat_label(spbe.predikat(index, bands), lang)) if not bands.empty else "–"
        shown = pf.value("L8.indeks_spbe")
        intro = (
            s("spbe_intro", y=year, i=f.num(index, 4), p=f.num(shown), k=k)
            if shown is not None
            else s("spbe_intro_plain", y=year, i=f.num(index, 4), k=k)
        )
    rata = pf.starting("L8.rata.SPBE.")
    groups = None
    if not rata.empty:
        group = translator(KELOMPOK_EN, lang)
        labels = [group(str(lbl).split(", ")[-1].replace(" (Lampiran 8)", "")) for lbl in rata["label"]]
        values = rata["value"].astype(float).tolist()
        if spbe_realisasi is not None:
            labels, values = [*labels, s("kemnaker")], [*values, spbe_realisasi]
        groups = pd.DataFrame({"label": labels, "value": values})
    return SpbeSection(
        intro=intro,
        groups=groups,
        highlight=s("kemnaker"),
        groups_title=s("groups_title", y=year),
        no_groups=s("no_groups", y=year),
        indicators_heading=s("h_spbe_ind", n=len(ind), y=year),
    )


@dataclass(frozen=True)
class SpbeLevel:
    """Tabel 3.19 per domain or per aspect: Kemnaker against the averages, the trend and the table."""

    level: str
    names: tuple[str, ...]
    series: Mapping[str, tuple[float, ...]]
    """Kemnaker, the ministries' and the national average, one value per name."""
    compare_title: str
    trend: pd.DataFrame
    """year, label, nilai: every year up to the report year."""
    trend_title: str
    table: Table
    d4_note: str | None


def spbe_level(frames: Frames, year: int, lang: str, level: str = "domain") -> SpbeLevel | None:
    """Tabel 3.19 (and the averages of Lampiran 8) per ``level`` (``domain`` or ``aspect``), with each value's
    change from the previous year; ``None`` when ``year`` has no rows."""
    s, f = texts("ss2", lang), _Fmt(lang)
    name = "spbe_domain" if level == "domain" else "spbe_aspect"
    every = _upto(frames, name, year)
    now = every[every["year"] == year].sort_values("code").reset_index(drop=True)
    if now.empty:
        return None
    what = s("lv_" + level)
    english = lang == "en"
    label_of = {c: f"{c} {SPBE_EN.get(c, n) if english else n}" for c, n in zip(now["code"], now["name"], strict=True)}
    trend = every[every["code"].isin(label_of)].assign(label=lambda d: d["code"].map(label_of))
    trend = trend.sort_values(["code", "year"])[["year", "label", "nilai"]].reset_index(drop=True)
    years = years_of(trend)
    wide = trend.pivot_table(index="label", columns="year", values="nilai", aggfunc="first")
    out = now.assign(label=now["code"].map(label_of))
    columns = [Column("label", s("nama"))]
    if level == "aspect":
        columns.append(Column("domain_code", s("domain")))
    for y in years:
        out[f"nilai_{y}"] = out["label"].map(wide[y]).to_numpy()
        columns.append(Column(f"nilai_{y}", s("nilai_y", y=y), "num"))
    before = previous_in(trend, year)
    if before is not None:
        out["change"] = out[f"nilai_{year}"] - out[f"nilai_{before}"]
        columns.append(Column("change", s("change_y", a=before, b=year), "signed"))
    columns += [
        Column("bobot_pct", s("bobot_pct", y=year), "pct", 1),
        Column("nilai_rata_kementerian", s("rata_kementerian"), "num"),
        Column("nilai_nasional", s("rata_nasional"), "num"),
    ]
    table = make_table(out, columns, lang, f"tabel_3_19_spbe_{level}", ("Tabel 3.19", "Lampiran 8"))
    d4_note = None
    fall = printed(frames, year).value("B3.2.2.spbe.D4.penurunan")
    if level == "domain" and before is not None and fall is not None and "D4" in label_of:
        a, b = out.set_index("code").loc["D4", [f"nilai_{before}", f"nilai_{year}"]].astype(float)
        if abs(a - b - fall) > 0.005:
            d4_note = s("d4_note", p=f.num(fall), py=before, a=f.num(a), b=f.num(b), d=f.num(a - b))
    series = {
        s("kemnaker"): tuple(now["nilai"].astype(float)),
        s("rata_kementerian"): tuple(now["nilai_rata_kementerian"].astype(float)),
        s("rata_nasional"): tuple(now["nilai_nasional"].astype(float)),
    }
    return SpbeLevel(
        level=level,
        names=tuple(label_of[c] for c in now["code"]),
        series=series,
        compare_title=s("cmp_title", w=what, y=year),
        trend=trend,
        trend_title=s("trend_title", w=what, a=years[0], b=years[-1]),
        table=table,
        d4_note=d4_note,
    )


@dataclass(frozen=True)
class SpbeIndicators:
    """Lampiran 8's indicators with their index points per level and the ones below the target level."""

    table: Table
    caption: str


def spbe_indicators(frames: Frames, year: int, lang: str) -> SpbeIndicators:
    """Each indicator's maturity level (Lampiran 8), its weight per level = aspect weight ÷ the aspect's number of
    indicators (``kpi.spbe.indicator_weights``), the previous year's level where there is one."""
    s = texts("ss2", lang)
    ind, asp = _rows(frames, "spbe_indicator", year), _rows(frames, "spbe_aspect", year)
    min_level = printed(frames, year).value("L8.target.tingkat_indikator") or DEFAULT_MIN_LEVEL
    weights = spbe.indicator_weights(ind, asp) if not ind.empty else pd.Series(dtype=float)
    out = ind.assign(bobot_per_tingkat=ind["nomor"].map(weights) if not ind.empty else [])
    below = s("di_bawah", m=int(min_level))
    out["below"] = ["⚠️ " + s("ya") if lv < min_level else "" for lv in out.get("tingkat", [])]
    columns = [
        Column("nomor", s("no"), "int"),
        Column("name", s("indikator")),
        Column("aspect_code", s("aspek")),
        Column("domain_code", s("domain")),
    ]
    before = previous_in(_frame(frames, "spbe_indicator"), year)
    if before is not None:
        levels = _rows(frames, "spbe_indicator", before).set_index("nomor")["tingkat"]
        out["tingkat_prev"] = out["nomor"].map(levels)
        columns.append(Column("tingkat_prev", s("tingkat_y", y=before), "int"))
    columns += [
        Column("tingkat", s("tingkat") if before is None else s("tingkat_y", y=year), "int"),
        Column("bobot_per_tingkat", s("bobot_tingkat"), "num", 4),
        Column("below", below),
    ]
    table = make_table(out, columns, lang, "lampiran_8_spbe_indikator", ("Lampiran 8",))
    n_below = int((out["tingkat"] < min_level).sum()) if not out.empty else 0
    return SpbeIndicators(table, s("spbe_ind_caption", n=n_below, total=len(out), m=int(min_level)))


# --- 5. SPBE simulator ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SpbeBase:
    """The evaluated SPBE levels of ``year``: what the simulator starts from and its widgets show."""

    year: int
    indicators: pd.DataFrame
    aspects: pd.DataFrame
    bands: pd.DataFrame
    levels: Mapping[int, int]
    weights: Mapping[int, float]
    names: Mapping[int, str]
    index: float
    target: float | None
    """The IKSS target of the index (Tabel 3.2), the simulator's second goal."""
    options: Mapping[int, str]
    """The indicator picker's label of each ``nomor``: number, name, aspect and evaluated level."""
    weight_help: Mapping[int, str]
    intro: str


def spbe_base(frames: Frames, year: int, lang: str) -> SpbeBase | None:
    """The simulator's start: the indicators' levels and weights and the index they give (Lampiran 8), or
    ``None`` when ``year`` has no SPBE indicators."""
    s, f = texts("ss2", lang), _Fmt(lang)
    ind, asp = _rows(frames, "spbe_indicator", year), _rows(frames, "spbe_aspect", year)
    if ind.empty or asp.empty:
        return None
    nomor = [int(n) for n in ind["nomor"]]
    weights = dict(zip(nomor, spbe.indicator_weights(ind, asp).astype(float).tolist(), strict=True))
    levels = dict(zip(nomor, (int(v) for v in ind["tingkat"]), strict=True))
    index = spbe.spbe_index(ind, asp)
    mark = s("mark_eval", y=year).lower()
    options = {
        n: f"{n}. {name} ({aspect}, {mark}: {levels[n]})"
        for n, name, aspect in zip(nomor, ind["name"], ind["aspect_code"], strict=True)
    }
    return SpbeBase(
        year=year,
        indicators=ind,
        aspects=asp,
        bands=_rows(frames, "spbe_predikat", year),
        levels=levels,
        weights=weights,
        names=dict(zip(nomor, ind["name"], strict=True)),
        index=index,
        target=_float(_row(_ikss_rows(frames, year), "indeks_spbe").get("target")),
        options=options,
        weight_help={n: f"{s('bobot_tingkat')}: {f.num(w, 4)}" for n, w in weights.items()},
        intro=s("sim_intro", n=len(nomor), y=year, i=f.num(index, 4)),
    )


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    help: str | None = None


@dataclass(frozen=True)
class Path:
    """The cheapest way to a goal: ``kind`` is ``path`` (raises needed), ``done`` (reached) or ``unreachable``."""

    kind: str
    message: str
    count: int = 0
    count_label: str = ""
    table: Table | None = None
    steps: tuple[tuple[int, int], ...] = ()
    """``(nomor, level)`` of each raise, to apply the path to the simulated levels."""


@dataclass(frozen=True)
class Simulation:
    """The SPBE index of the simulated levels, its predikat and capaian, the changes and the path to a goal."""

    index: float
    metrics: tuple[Metric, ...]
    status: Status
    bands: pd.DataFrame
    markers: Mapping[str, float]
    band_labels: Mapping[str, str]
    bands_title: str
    changes: Table | None
    raises: Table
    goals: Mapping[str, str]
    """The goals the reader can pick (``next`` predikat, the IKSS ``target``) and their labels."""
    path: Path


def simulate(frames: Frames, year: int, lang: str, levels: Mapping[int, int], goal: str = "next") -> Simulation | None:
    """The index with ``levels`` (indicator nomor -> maturity level) replacing the evaluated ones
    (``kpi.spbe.spbe_index``), its predikat (Tabel 3.18), capaian against the IKSS target (Tabel 3.2), every single
    raise ranked by its gain, and the fewest raises to ``goal`` (``kpi.spbe.path_to_index``): the next predikat
    or the IKSS target."""
    base = spbe_base(frames, year, lang)
    return None if base is None else simulate_from(base, lang, levels, goal)


def simulate_from(base: SpbeBase, lang: str, levels: Mapping[int, int], goal: str = "next") -> Simulation:
    """:func:`simulate` from a start already built (the page keeps it): only the widget values change."""
    s, f = texts("ss2", lang), _Fmt(lang)
    year, target = base.year, base.target
    ind, asp, bands = base.indicators, base.aspects, base.bands
    # levels of indicators this year does not have (picked in another year) and unchanged ones are dropped
    chosen = {int(n): int(v) for n, v in levels.items() if int(n) in base.levels and base.levels[int(n)] != int(v)}
    index = spbe.spbe_index(ind, asp, chosen)
    cap = capaian_pct(target, round(index, 2))
    label = {p: predikat_label(p, lang) for p in bands.get("predikat", [])}
    metrics = (
        Metric(s("sim_index"), f.num(index, 4), f.num(index, 2)),
        Metric(s("sim_delta", b=f.num(base.index, 4)), f.signed(index - base.index, 4)),
        Metric(s("sim_predikat"), predikat_label(spbe.predikat(index, bands), lang) if not bands.empty else "–"),
        Metric(s("sim_capaian", t=f.num(target)), f.pct(cap)),
    )
    changes = None
    if chosen:
        changed = pd.DataFrame(
            {
                "nomor": list(chosen),
                "name": [base.names[n] for n in chosen],
                "tingkat_awal": [base.levels[n] for n in chosen],
                "tingkat_baru": list(chosen.values()),
            }
        ).sort_values("nomor")
        changed["delta_index"] = (changed["tingkat_baru"] - changed["tingkat_awal"]) * changed["nomor"].map(
            base.weights
        )
        changes = make_table(
            changed,
            [
                Column("nomor", s("no"), "int"),
                Column("name", s("indikator")),
                Column("tingkat_awal", s("tingkat_awal"), "int"),
                Column("tingkat_baru", s("tingkat_baru"), "int"),
                Column("delta_index", s("delta_index"), "signed", 4),
            ],
            lang,
            "simulasi_spbe_perubahan",
            ("Lampiran 8",),
            s("changes"),
        )
    raises = spbe.single_raises(ind, asp, chosen)
    raises.insert(0, "rank", range(1, len(raises) + 1))
    raises_table = make_table(
        raises,
        [
            Column("rank", s("peringkat"), "int"),
            Column("nomor", s("no"), "int"),
            Column("name", s("indikator")),
            Column("aspect_code", s("aspek")),
            Column("tingkat", s("tingkat"), "int"),
            Column("tingkat_baru", s("tingkat_baru"), "int"),
            Column("gain", s("gain"), "signed", 4),
            Column("index_baru", s("index_baru"), "num", 4),
        ],
        lang,
        "simulasi_spbe_kenaikan_tunggal",
        ("Lampiran 8",),
        s("h_raises"),
    )
    goals = {"next": s("goal_next")}
    if target is not None:
        goals["target"] = s("goal_target", t=f.num(target))
    return Simulation(
        index=index,
        metrics=metrics,
        status=status_of(cap),
        bands=bands,
        markers={s("mark_eval", y=year): base.index, s("mark_sim"): index},
        band_labels=label,
        bands_title=s("bands_title"),
        changes=changes,
        raises=raises_table,
        goals=goals,
        path=_path(base, chosen, index, goal if goal in goals else "next", target, lang),
    )


def _path(base: SpbeBase, chosen: Mapping[int, int], index: float, goal: str, target: float | None, lang: str) -> Path:
    """The fewest one-level raises from the simulated levels to the goal (``kpi.spbe.path_to_index``)."""
    s, f = texts("ss2", lang), _Fmt(lang)
    if goal == "target" and target is not None:
        goal_name, goal_value = s("goal_target", t=f.num(target)), target
    else:
        following = spbe.next_predikat(index, base.bands) if not base.bands.empty else None
        if following is None:
            top = spbe.predikat(index, base.bands) if not base.bands.empty else None
            return Path("done", s("path_top", p=md(predikat_label(top, lang))))
        goal_name, goal_value = md(predikat_label(following[0], lang)), following[1]
    try:
        path = spbe.path_to_index(base.indicators, base.aspects, goal_value, chosen)
    except ValueError:
        return Path("unreachable", s("path_unreachable", v=f.num(goal_value)))
    if path.empty:
        return Path("done", s("path_none"))
    path.insert(0, "step", range(1, len(path) + 1))
    table = make_table(
        path,
        [
            Column("step", s("langkah"), "int"),
            Column("nomor", s("no"), "int"),
            Column("name", s("indikator")),
            Column("tingkat_baru", s("tingkat_baru"), "int"),
            Column("gain", s("gain"), "signed", 4),
            Column("index_baru", s("index_baru"), "num", 4),
        ],
        lang,
        "simulasi_spbe_jalur",
        ("Tabel 3.18", "Lampiran 8"),
        s("h_path"),
    )
    message = s(
        "path_result",
        g=goal_name,
        v=f.num(goal_value, 2),
        n=len(path),
        i=f.num(path["index_baru"].iloc[-1], 4),
    )
    steps = tuple((int(n), int(lv)) for n, lv in zip(path["nomor"], path["tingkat_baru"], strict=True))
    return Path("path", message, len(path), s("path_count"), table, steps)


# --- the page ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Every section of the page that depends only on (frames, year, language)."""

    year: int
    header: Header
    rb: RbSection
    bpk: BpkSection
    spbe: SpbeSection
    base: SpbeBase | None


def page(frames: Frames, year: int, lang: str) -> Page:
    """The SS-2 page of ``year`` in ``lang``: headline, RB, Opini BPK, SPBE and the simulator's start."""
    head = header(frames, year, lang)
    return Page(
        year=year,
        header=head,
        rb=rb_section(frames, year, lang, head.rb_target),
        bpk=bpk_section(frames, year, lang),
        spbe=spbe_section(frames, year, lang, head.spbe_realisasi),
        base=spbe_base(frames, year, lang),
    )
