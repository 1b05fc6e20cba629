"""The quarterly tables in the loaders: declared like the others, validated against the year's codes, a template
that round-trips, a quarter published on its own (SQLite and PostgreSQL), follow-up notes, the example database."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from loaders import audit, auth, db, notes, triwulan, versions
from loaders.datasets import DATASETS
from loaders.readers import read_csv_dir, read_upload, read_workbook
from loaders.template import template_bytes
from loaders.triwulan_codes import budget_lines, indicators
from loaders.validate import ValidationError, validate
from loaders.workbook import write_workbook
from tests.conftest import DATA_DIR

ADMIN = auth.Actor("admin", "admin")
PLANNER = auth.Actor("rina", "perencana")
VIEWER = auth.Actor("tamu", "viewer")
QUARTERLY = ("triwulan_indikator", "triwulan_anggaran")
ANNUAL = [name for name, spec in DATASETS.items() if not spec.per_quarter]


def _quarter(frames, year: int, quarter: int, scale: float = 1.0) -> dict[str, pd.DataFrame]:
    """The quarterly sheets of ``year`` and ``quarter``, filled: every indicator at ``scale`` × quarter/4 of its target."""
    out = triwulan.template_frames(frames, year, quarter)
    ind, bud = out["triwulan_indikator"].copy(), out["triwulan_anggaran"].copy()
    targets = indicators(frames, year).set_index(["level", "code"])["target"]
    ind["realisasi_kumulatif"] = [
        None if pd.isna(t) else round(float(t) * scale * quarter / 4, 2)
        for t in targets.reindex(list(zip(ind["level"], ind["code"], strict=True)))
    ]
    pagu = budget_lines(frames, year).set_index(["level", "code"])["pagu_rp"]
    bud["realisasi_kumulatif_rp"] = [
        round(float(p) * 0.2 * quarter) for p in pagu.reindex(list(zip(bud["level"], bud["code"], strict=True)))
    ]
    return {"triwulan_indikator": ind, "triwulan_anggaran": bud}


def _xlsx(frames: dict[str, pd.DataFrame]) -> bytes:
    buf = io.BytesIO()
    write_workbook(frames, buf)
    return buf.getvalue()


def _publish(engine, sheets: dict[str, pd.DataFrame], name: str, actor=ADMIN) -> int:
    prepared = versions.prepare(engine, _xlsx(sheets), name, actor, checks=None)
    return versions.publish(engine, prepared, actor)


def _sorted(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    key = list(DATASETS[name].full_key)
    return frame.sort_values(key).reset_index(drop=True)


# --------------------------------------------------------------------------- declared like the other tables


def test_the_quarterly_tables_are_datasets_of_their_own():
    ind, bud = DATASETS["triwulan_indikator"], DATASETS["triwulan_anggaran"]
    assert ind.per_quarter and bud.per_quarter and not DATASETS["budget_unit"].per_quarter
    assert [c.name for c in ind.all_columns] == [
        "year", "quarter", "level", "code", "target_triwulan", "realisasi_kumulatif", "jenis", "arah", "catatan",
        "sumber",
    ]  # fmt: skip
    assert [c.name for c in bud.all_columns] == ["year", "quarter", "level", "code", "realisasi_kumulatif_rp", "sumber"]
    assert ind.full_key == bud.full_key == ("year", "quarter", "level", "code")
    assert ind.col("level").choices == ("ikss", "ikp", "ikk") and bud.col("level").choices == ("program", "unit")
    assert (ind.col("quarter").min, ind.col("quarter").max) == (1, 4)
    # a table in the database like every dataset, unique on its key
    table = db.TABLES["triwulan_indikator"]
    assert {"uq_triwulan_indikator_key"} <= {c.name for c in table.constraints}


def test_committed_data_has_no_quarters_and_needs_none(frames):
    """No invented data in data/: no triwulan CSV, and validation of a whole year does not ask for one."""
    assert not list(DATA_DIR.glob("triwulan*"))
    for name in QUARTERLY:
        assert frames[name].empty and list(frames[name].columns) == [c.name for c in DATASETS[name].all_columns]
    assert len(frames) == len(DATASETS)


def test_indicator_codes_of_the_lkj_2024(frames):
    ind = indicators(frames, 2024)
    assert ind["level"].value_counts().to_dict() == {"ikk": 138, "ikp": 38, "ikss": 4}
    assert not ind.duplicated(["level", "code"]).any()
    named = ind.set_index("code")["name"]
    assert named["produktivitas"] == "Kontribusi terhadap Produktivitas Tenaga Kerja Nasional"
    assert named["DL.BINALAVOTAS.1"] == "Persentase Tenaga Kerja yang ditingkatkan kompetensinya dan ditempatkan"
    assert named["2217.1"] == "Jumlah BLK Pemerintah yang terakreditasi"
    assert ind.set_index("code").loc["2217.1", "target"] == 160
    assert list(budget_lines(frames, 2024)["code"]) == ["WA", "DN", "DL", "SETJEN", "ITJEN", "BINAPENTA", "PHIJSK"] + [
        "BINWASNAKER",
        "BARENBANG",
        "BINALAVOTAS",
    ]


def _problems(frames, sheets) -> list:
    with pytest.raises(ValidationError) as err:
        validate(read_upload(_xlsx(sheets), "tw.xlsx"), existing=frames, require_all=False)
    return err.value.problems


def test_codes_are_checked_against_the_years_own_tables(frames):
    sheets = _quarter(frames, 2024, 1)
    ind = sheets["triwulan_indikator"]
    ind.loc[0, "code"] = "produktivitaz"
    ind.loc[5, "level"] = "ikk"  # an IKP code given as an IKK
    sheets["triwulan_anggaran"].loc[1, "code"] = "XX"
    problems = _problems(frames, sheets)
    assert [(p.origin, p.row, p.column, p.value) for p in problems] == [
        ("tw.xlsx, sheet 'triwulan_anggaran'", 3, "code", "XX"),  # the sheets in the workbook's order
        ("tw.xlsx, sheet 'triwulan_indikator'", 2, "code", "produktivitaz"),
        ("tw.xlsx, sheet 'triwulan_indikator'", 7, "code", ind.loc[5, "code"]),
    ]
    assert problems[0].expected == "kode program tidak dikenal untuk tahun 2024 (sheet budget_program dan budget_unit)"
    assert problems[1].expected == "kode ikss tidak dikenal untuk tahun 2024 (sheet ikss dan Lampiran 6)"


def test_a_quarter_of_a_year_not_loaded_is_refused_once(frames):
    sheets = _quarter(frames, 2024, 1)
    for frame in sheets.values():
        frame["year"] = 2026
    problems = _problems(frames, sheets)
    assert len(problems) == 2  # one per sheet, not one per row
    assert problems[0].column == "year" and "tahun 2026 belum dimuat" in problems[0].expected


def test_quarter_and_key_are_validated(frames):
    sheets = _quarter(frames, 2024, 1)
    ind = sheets["triwulan_indikator"]
    ind.loc[0, "quarter"] = 5
    sheets["triwulan_indikator"] = pd.concat([ind, ind.iloc[[3]]], ignore_index=True)
    problems = _problems(frames, sheets)
    assert any(p.column == "quarter" and p.row == 2 for p in problems)
    assert any(p.column == "year, quarter, level, code" for p in problems)


# --------------------------------------------------------------------------- the template


def test_quarterly_template_round_trips(frames, tmp_path):
    book = tmp_path / "tw.xlsx"
    book.write_bytes(triwulan.template_bytes(frames, 2024, 2))
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[0] == "Petunjuk" and set(QUARTERLY) | {"_uraian"} <= set(wb.sheetnames)
    assert not set(wb.sheetnames) & {"budget_unit", "output_capaian", "printed_figure"}
    petunjuk = " ".join(str(r[0]) for r in wb["Petunjuk"].iter_rows(values_only=True) if r and r[0])
    assert "Templat laporan triwulan II tahun 2024" in petunjuk and "hanya triwulan II 2024 yang diganti" in petunjuk
    ref = list(wb["_uraian"].iter_rows(values_only=True))
    assert ref[1 + 4 + 3][:3] == ("ikk", "2217.1", "Jumlah BLK Pemerintah yang terakreditasi")
    assert len(ref) == 1 + 180 + 10
    # the empty template reads back as the rows it holds: codes filled, figures empty
    typed = validate(read_workbook(book), existing=frames, require_all=False)
    assert [len(typed[n]) for n in QUARTERLY] == [180, 10]
    assert typed["triwulan_indikator"]["realisasi_kumulatif"].isna().all()
    assert set(typed["triwulan_indikator"]["jenis"]) == {"kumulatif", "tingkat"}
    # filled in by a planner (here: every cell of the realisation), it reads back as written
    ws = wb["triwulan_indikator"]
    header = [c.value for c in ws[1]]
    col = header.index("realisasi_kumulatif") + 1
    for r in range(2, ws.max_row + 1):
        ws.cell(r, col).value = r * 1.5
    ws.cell(2, header.index("catatan") + 1).value = "Menunggu data BLK; 2 balai belum lapor."
    wb.save(book)
    back = validate(read_workbook(book), existing=frames, require_all=False)["triwulan_indikator"]
    assert list(back["realisasi_kumulatif"]) == [r * 1.5 for r in range(2, 182)]
    assert back.loc[0, "catatan"] == "Menunggu data BLK; 2 balai belum lapor."


def test_template_of_a_loaded_quarter_holds_its_figures(frames):
    filled = _quarter(frames, 2024, 3)
    typed = validate(read_upload(_xlsx(filled), "q3.xlsx"), existing=frames, require_all=False)
    loaded = {**frames, **typed}
    again = triwulan.template_frames(loaded, 2024, 3)
    for name in QUARTERLY:
        value = "realisasi_kumulatif" if name == "triwulan_indikator" else "realisasi_kumulatif_rp"
        pd.testing.assert_series_equal(again[name][value].astype(float), typed[name][value].astype(float))
    assert triwulan.template_frames(loaded, 2024, 4)["triwulan_anggaran"]["realisasi_kumulatif_rp"].isna().all()


def test_annual_template_of_a_new_year_has_empty_quarterly_sheets(frames):
    typed = validate(read_upload(_xlsx(_quarter(frames, 2024, 1)), "q1.xlsx"), existing=frames, require_all=False)
    loaded = {**frames, **typed}
    new_year = validate(read_workbook(io.BytesIO(template_bytes(loaded, 2024, 2025))), require_all=True)
    assert all(new_year[name].empty for name in QUARTERLY)  # last year's quarters are no start for next year's
    same = validate(read_workbook(io.BytesIO(template_bytes(loaded, 2024))), require_all=True)
    assert [len(same[name]) for name in QUARTERLY] == [len(typed[name]) for name in QUARTERLY]


# --------------------------------------------------------------------------- a quarter published on its own


def test_a_quarter_is_a_version_of_its_own_and_leaves_the_rest(engine, frames):
    versions.publish_all(engine, frames, ADMIN, "data")
    annual = {name: _sorted(db.read_table(engine, name), name) for name in ANNUAL}

    # the first quarter: only the two sheets, published as a version; the year's annual tables are untouched
    q1 = _quarter(frames, 2024, 1)
    prepared = versions.prepare(engine, _xlsx(q1), "tw1.xlsx", PLANNER, checks=None)
    assert prepared.years == [2024] and versions.quarters_of(prepared.frames) == [(2024, 1)]
    changes = {c.name: c for c in versions.diff(db.read_all(engine), prepared.frames, prepared.years)}
    assert changes["triwulan_indikator"].added == 180 and changes["triwulan_anggaran"].added == 10
    assert all((c.added, c.changed, c.removed) == (0, 0, 0) for n, c in changes.items() if n in ANNUAL)
    v1 = versions.publish(engine, prepared, PLANNER)
    for name in ANNUAL:
        pd.testing.assert_frame_equal(_sorted(db.read_table(engine, name), name), annual[name], obj=name)
    assert versions.list_versions(engine).iloc[0]["note"].endswith("[triwulan 2024-T1]")

    # the second quarter keeps the first
    _publish(engine, _quarter(frames, 2024, 2), "tw2.xlsx")
    ind = db.read_table(engine, "triwulan_indikator")
    assert ind.groupby("quarter").size().to_dict() == {1: 180, 2: 180}

    # the first quarter again, corrected and one row shorter: only its rows change
    fix = _quarter(frames, 2024, 1, scale=1.1)
    fix["triwulan_indikator"] = fix["triwulan_indikator"].iloc[1:]
    prepared = versions.prepare(engine, _xlsx(fix), "tw1-koreksi.xlsx", PLANNER, checks=None)
    change = {c.name: c for c in versions.diff(db.read_all(engine), prepared.frames, prepared.years)}
    assert (change["triwulan_indikator"].removed, change["triwulan_indikator"].added) == (1, 0)
    assert change["triwulan_indikator"].changed > 100 and change["triwulan_anggaran"].changed == 0
    versions.publish(engine, prepared, PLANNER)
    ind = db.read_table(engine, "triwulan_indikator")
    assert ind.groupby("quarter").size().to_dict() == {1: 179, 2: 180}
    q2 = ind[ind["quarter"] == 2]
    assert (q2["realisasi_kumulatif"].dropna() > 0).all()

    # a whole year uploaded again (its annual sheets, no quarterly ones) keeps the quarters
    year = {name: frames[name][frames[name]["year"] == 2024] for name in ANNUAL}
    _publish(engine, year, "lkj2024.xlsx")
    assert len(db.read_table(engine, "triwulan_indikator")) == 359
    for name in ANNUAL:
        pd.testing.assert_frame_equal(_sorted(db.read_table(engine, name), name), annual[name], obj=name)

    # and a rollback to the first quarter's version brings back exactly that
    versions.rollback(engine, v1, ADMIN)
    back = db.read_table(engine, "triwulan_indikator")
    assert back.groupby("quarter").size().to_dict() == {1: 180}
    assert back["sumber"].eq("Laporan triwulan I 2024").all()


def test_a_quarterly_upload_with_a_bad_code_writes_nothing(engine, frames):
    versions.publish_all(engine, frames, ADMIN, "data")
    sheets = _quarter(frames, 2024, 1)
    sheets["triwulan_anggaran"].loc[0, "code"] = "ZZ"
    before = versions.current_version(engine)
    with pytest.raises(ValidationError) as err:
        versions.prepare(engine, _xlsx(sheets), "tw1.xlsx", PLANNER, checks=None)
    assert [p.value for p in err.value.problems] == ["ZZ"]
    assert versions.current_version(engine) == before and db.read_table(engine, "triwulan_anggaran").empty


def test_replaced_keys_by_kind_of_table():
    q = {"triwulan_indikator": pd.DataFrame({"year": [2025, 2025, 2024], "quarter": [2, 2, 4]})}
    assert db.replaced_keys("triwulan_indikator", q, [2024, 2025]) == (("year", "quarter"), {(2025, 2), (2024, 4)})
    assert db.replaced_keys("triwulan_anggaran", q, [2025]) == (("year", "quarter"), set())
    assert db.replaced_keys("budget_unit", q, [2025]) == (("year",), set())  # a quarter alone: annual tables stay
    annual = {**q, "budget_unit": pd.DataFrame({"year": [2025]})}
    assert db.replaced_keys("budget_unit", annual, [2025]) == (("year",), {(2025,)})
    assert db.replaced_keys("budget_unit", annual, None) is None


# --------------------------------------------------------------------------- follow-up notes


def test_notes_are_kept_with_author_and_time_and_audited(engine, frames):
    versions.publish_all(engine, frames, ADMIN, "data")
    first = notes.add_note(engine, PLANNER, 2024, 2, "ikk", "2217.1", "Akreditasi\nmenunggu  jadwal LSP. ")
    notes.add_note(engine, ADMIN, 2024, 2, "unit", "SETJEN", "Revisi DIPA diajukan <b>Juli</b>")
    got = notes.read_notes(engine, 2024)
    assert list(got["id"]) == [first, first + 1]
    assert got.loc[0, "note"] == "Akreditasi menunggu jadwal LSP."  # one paragraph of plain text
    assert got.loc[1, "note"] == "Revisi DIPA diajukan <b>Juli</b>"  # kept as typed, shown as text
    assert list(got["author"]) == ["rina", "admin"] and got["created_at"].notna().all()
    assert notes.notes_stamp(engine) == first + 1
    logged = audit.read(engine, action="catatan")
    assert len(logged) == 2 and "2217.1" in logged["detail"].iloc[-1] and logged["username"].iloc[-1] == "rina"
    # a new version of the quarter keeps the answers given to it
    _publish(engine, _quarter(frames, 2024, 2), "tw2.xlsx")
    assert len(notes.read_notes(engine, 2024)) == 2 and notes.read_notes(engine, 2025).empty


@pytest.mark.parametrize(
    ("actor", "level", "quarter", "text", "error"),
    [
        (VIEWER, "ikk", 2, "boleh?", auth.PermissionDenied),
        (PLANNER, "ikk", 2, "   \n ", notes.NoteError),
        (PLANNER, "ikk", 2, "teks \u202e terbalik", notes.NoteError),
        (PLANNER, "ikk", 2, "x" * 1001, notes.NoteError),
        (PLANNER, "output", 2, "tingkat salah", notes.NoteError),
        (PLANNER, "ikk", 5, "triwulan salah", notes.NoteError),
    ],
)
def test_notes_refused_write_nothing(tmp_path, actor, level, quarter, text, error):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'n.sqlite'}")
    db.create_schema(engine)
    with pytest.raises(error):
        notes.add_note(engine, actor, 2024, quarter, level, "2217.1", text)
    assert notes.read_notes(engine).empty and audit.read(engine, action="catatan").empty


def test_notes_of_a_database_made_before_them(tmp_path):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE x (a INTEGER)")
    assert notes.read_notes(engine).empty and notes.notes_stamp(engine) == 0


# --------------------------------------------------------------------------- the example database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from loaders.triwulan_demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    return build_demo(path, 2025, quarters=2), path


def test_demo_database_has_marked_synthetic_quarters(demo, frames):
    made, path = demo
    engine = db.get_engine(made.url)
    content = db.read_all(engine)
    assert made.copied_from == 2024 and made.previous == 2024 and len(made.versions) == 4
    assert db.years_loaded(engine) == [2024, 2025]
    assert triwulan.quarters_loaded(content, 2025) == [1, 2]
    assert triwulan.is_demo(content, 2025) and not triwulan.is_demo(frames, 2024)
    for name in QUARTERLY:
        assert content[name]["sumber"].eq(triwulan.DEMO_SUMBER).all()
    # 2024's quarters end at its real realisation, so 2025 has a previous year's profile
    bud = content["triwulan_anggaran"]
    q4 = bud[(bud["year"] == 2024) & (bud["quarter"] == 4)].set_index("code")["realisasi_kumulatif_rp"]
    assert q4["WA"] == 1391239036949 and q4["SETJEN"] == 430003573345
    # each quarter was a version of its own: the second left the first as it was
    listed = versions.list_versions(engine)
    assert listed["file_name"].tolist()[:2] == ["contoh-triwulan-2025-T2.xlsx", "contoh-triwulan-2025-T1.xlsx"]
    with engine.connect() as conn:
        blob = conn.execute(select(db.data_version.c.snapshot).where(db.data_version.c.id == made.versions[2])).scalar()
    after_q1 = versions.frames_from_snapshot(blob)["triwulan_indikator"]
    now_q1 = content["triwulan_indikator"][content["triwulan_indikator"]["quarter"] == 1]
    pd.testing.assert_frame_equal(
        _sorted(after_q1[after_q1["year"] == 2025], "triwulan_indikator"), _sorted(now_q1, "triwulan_indikator")
    )
    engine.dispose()


def test_demo_is_seeded(frames):
    from loaders.triwulan_demo import demo_frames

    a, b = demo_frames(frames, 2024, 2, seed=5), demo_frames(frames, 2024, 2, seed=5)
    c = demo_frames(frames, 2024, 2, seed=6)
    for name in QUARTERLY:
        pd.testing.assert_frame_equal(a[name], b[name])
    assert not a["triwulan_indikator"]["realisasi_kumulatif"].equals(c["triwulan_indikator"]["realisasi_kumulatif"])
    assert set(a["triwulan_indikator"]["quarter"]) == {1, 2}
    # and it validates as an upload would
    validate(read_upload(_xlsx(a), "demo.xlsx"), existing=frames, require_all=False)


def test_demo_command(tmp_path, capsys):
    from loaders.__main__ import main

    out = tmp_path / "contoh.sqlite"
    assert main(["demo-triwulan", "--year", "2025", "--quarter", "1", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "quarters 1-1 of 2025" in said and "CONTOH, bukan data resmi" in said and f"sqlite:///{out}" in said
    assert main(["demo-triwulan", "--year", "2025", "--out", str(out)]) == 1  # never over an existing file
    assert "sudah ada" in capsys.readouterr().err
    assert triwulan.quarters_loaded(db.read_all(db.get_engine(f"sqlite:///{out}")), 2025) == [1]
    assert len(read_csv_dir(DATA_DIR)) == len(DATASETS) - 2  # data/ is as it was: no quarterly file


def test_kpi_import_publishes_a_quarter_beside_the_year(tmp_path, frames, capsys):
    """``python -m kpi import`` takes a workbook of only the quarterly sheets: checks run, the quarter is published."""
    from kpi.__main__ import main

    url = f"sqlite:///{tmp_path / 'kpi.sqlite'}"
    engine = db.get_engine(url)
    versions.publish_all(engine, frames, ADMIN, "data")
    before = {name: _sorted(db.read_table(engine, name), name) for name in ("budget_unit", "output_capaian")}
    book = tmp_path / "triwulan-2024-T2.xlsx"
    book.write_bytes(_xlsx(_quarter(frames, 2024, 2)))
    assert main(["import", str(book), "--user", "rina", "--database-url", url]) == 0
    out = capsys.readouterr()
    assert "published version 2: 190 rows for 2024" in out.out and "0 baru karena unggahan ini" in out.err
    assert triwulan.quarters_loaded(db.read_all(engine), 2024) == [2]
    for name, frame in before.items():
        pd.testing.assert_frame_equal(_sorted(db.read_table(engine, name), name), frame, obj=name)
