"""The benchmark: its synthetic data goes through the normal loaders; BENCHMARKS.md matches its results."""

from __future__ import annotations

from sqlalchemy import create_engine

from bench import synth
from loaders import db
from loaders.validate import validate


def test_synthetic_years_and_outputs_load_through_the_loaders(tmp_path):
    frames = synth.generate(years=3, outputs=2, seed=7)
    assert synth.generate(years=3, outputs=2, seed=7)["output_capaian"].equals(frames["output_capaian"])
    typed = validate(synth.raw_tables(frames))
    real = validate(synth.raw_tables(synth.scale("1x")))
    assert set(typed) == set(real)
    out = typed["output_capaian"]
    assert sorted(out["year"].unique()) == [2022, 2023, 2024]
    n_out = (real["output_capaian"]["level"] == "output").sum()
    assert (out[out["year"] == 2024]["level"] == "output").sum() == 2 * n_out
    # units, programs and provinces are the real ones in every generated year
    assert set(typed["province"]["code"]) == set(real["province"]["code"])
    engine = create_engine(f"sqlite:///{tmp_path / 'b.sqlite'}")
    written = db.replace_all(engine, typed, "bench-test")
    assert written == synth.row_count(frames)
    assert db.years_loaded(engine, "output_capaian") == [2022, 2023, 2024]
    engine.dispose()


def test_benchmarks_md_is_what_the_committed_results_say():
    """BENCHMARKS.md is written from bench/results.json (and bench/notes.md); neither is edited by hand."""
    import json
    from pathlib import Path

    from bench import report

    root = Path(__file__).resolve().parents[1]
    results = json.loads((root / "bench" / "results.json").read_text(encoding="utf-8"))
    assert report.markdown(results) == (root / "BENCHMARKS.md").read_text(encoding="utf-8")
