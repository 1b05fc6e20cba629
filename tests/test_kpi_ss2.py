"""kpi.rb.indicator_gaps: Tabel 3.17 points still open per indicator and capaian recomputed."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi import rb


def test_indicator_gaps_hand_made():
    frame = pd.DataFrame({"nomor": [1, 2, 3], "bobot": [3.0, 7.0, 0.0], "skor_bobot": [2.5, 5.83, 0.0]})
    out = rb.indicator_gaps(frame)
    assert out["gap"].tolist() == pytest.approx([0.5, 1.17, 0.0])
    assert out["capaian_recomputed_pct"].iloc[0] == pytest.approx(83.333, abs=1e-3)
    assert pd.isna(out["capaian_recomputed_pct"].iloc[2])
    assert "gap" not in frame.columns


def test_indicator_gaps_report_figures(frames):
    ind = frames["rb_indicator"]
    ind = ind[ind["year"] == 2024]
    out = rb.indicator_gaps(ind)
    assert len(out) == 34
    # 110 points possible in print, 78,73 reached; the Tematik indicators only carry 6 of their 10
    assert round(out["gap"].sum(), 2) == round(106 - 78.73, 2)
    # the printed capaian (%) is skor_bobot / bobot within the print's rounding
    assert (out["capaian_recomputed_pct"] - out["capaian_pct"].astype(float)).abs().max() < 0.5
    spbe_row = out[out["indikator"] == "Indeks SPBE"].iloc[0]
    assert round(spbe_row["capaian_recomputed_pct"], 2) == 65.44


def test_indicator_gaps_missing_column():
    with pytest.raises(KeyError, match="skor_bobot"):
        rb.indicator_gaps(pd.DataFrame({"bobot": [1.0]}))
