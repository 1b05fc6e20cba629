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


def test_replicas_section_is_the_cluster_results():
    """Section 8 of BENCHMARKS.md is rendered from bench/results_cluster.json (make bench-cluster)."""
    import json
    from pathlib import Path

    from bench import report

    root = Path(__file__).resolve().parents[1]
    cluster = json.loads((root / "bench" / "results_cluster.json").read_text(encoding="utf-8"))
    md = (root / "BENCHMARKS.md").read_text(encoding="utf-8")
    section = "\n".join(report.replicas_section(cluster))
    assert section in md and md.index("## 8. Replicas") < md.index("## What limits")
    assert {(r["replicas"], r["users"], r["kind"]) for r in cluster["runs"]} >= {
        (1, 20, "readers"),
        (1, 60, "readers"),
        (2, 20, "readers"),
        (2, 60, "readers"),
    }
    for run in cluster["runs"]:
        assert f"| {run['replicas']} | {run['users']} | " in section
    kill = cluster["kill"]["kill"]
    assert f"| sessions whose websocket dropped | {kill['dropped']} |" in section
    assert f"| errors (failed opens, sessions not back) | {len(cluster['kill']['errors'])} |" in section
    assert "renamed program" in section and not cluster["quick"]
