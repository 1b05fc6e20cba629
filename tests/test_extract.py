"""The committed data/ is exactly what the extractor makes from the seed (when the seed is here)."""

import pandas as pd
import pytest

from tests.conftest import DATA_DIR, SEED


@pytest.mark.skipif(not SEED.exists(), reason="the LKj seed text is not beside this checkout")
def test_extractor_reproduces_committed_files(tmp_path):
    from data.extract.__main__ import main

    assert main([str(SEED), "--out", str(tmp_path)]) == 0
    made = sorted(p.name for p in tmp_path.glob("*.csv"))
    committed = sorted(p.name for p in DATA_DIR.glob("*.csv"))
    assert made == committed
    for name in made:
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA_DIR / name).read_text(encoding="utf-8"), name


def test_every_row_names_its_year_and_lkj_table():
    for path in sorted(DATA_DIR.glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        assert len(frame) > 0, f"{path.name} is empty"
        assert (frame["year"].str.fullmatch(r"20\d\d")).all(), path.name
        assert (frame["sumber"].str.len() > 0).all(), f"{path.name} has rows without sumber"
