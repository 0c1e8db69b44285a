"""The fresh-seed check's figure: a panel per target, its band, the runs, in Dutch or English."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from simulatie.experiment.calibration.check_figure import (
    FIGURE_NAME,
    plot_predictive_check,
    save_predictive_check,
)
from simulatie.experiment.calibration.targets import HELD_OUT, TARGETS


def _fresh(runs: int = 12) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    table = {t.key: rng.uniform(t.low - (t.high - t.low), t.high + (t.high - t.low), runs)
             for t in (*TARGETS, *HELD_OUT)}
    table["pilot:resident_activity_a_year_after"] = rng.integers(0, 2, runs).astype(float)
    table["member"] = np.repeat(np.arange(runs // 3), 3)
    return pd.DataFrame(table)


def _drawn(figure) -> list:
    return [ax for ax in figure.axes if ax.get_visible()]


def test_every_target_gets_a_panel_with_its_band_and_runs() -> None:
    fresh = _fresh()
    figure = plot_predictive_check(fresh, "en")
    panels = _drawn(figure)
    assert len(panels) == len(TARGETS) + len(HELD_OUT)
    first = panels[0]
    band = first.patches[0]  # the band from the sources, shaded
    xs = first.transData.inverted().transform(band.get_verts())[:, 0]
    assert (xs.min(), xs.max()) == pytest.approx((TARGETS[0].low, TARGETS[0].high))
    dots = sum(len(c.get_offsets()) for c in first.collections)
    assert dots == len(fresh)
    inside = fresh[TARGETS[0].key].between(TARGETS[0].low, TARGETS[0].high).mean()
    assert f"{inside:.0%} of runs inside the band" in [t.get_text() for t in first.texts]
    assert "held out" in panels[-1].get_title(loc="left")
    assert "4 parameter sets, 12 runs" in figure._suptitle.get_text()


def test_a_held_out_chance_is_judged_on_its_mean_and_undefined_runs_are_left_out() -> None:
    fresh = _fresh()
    key = HELD_OUT[0].key
    fresh.loc[:3, key] = np.nan
    figure = plot_predictive_check(fresh, "en")
    panels = {ax.get_title(loc="left").split("\n")[0]: ax for ax in _drawn(figure)}
    chance = next(ax for title, ax in panels.items() if title.startswith("A resident activity"))
    texts = [t.get_text() for t in chance.texts]
    assert texts and texts[0].startswith("mean ")
    ratio = next(ax for title, ax in panels.items() if title.startswith("Volunteering 75+"))
    assert sum(len(c.get_offsets()) for c in ratio.collections) == len(fresh) - 4


def test_the_figure_speaks_dutch_and_is_written(tmp_path) -> None:
    figure = plot_predictive_check(_fresh(), "nl")
    titles = " ".join(ax.get_title(loc="left") for ax in _drawn(figure))
    assert "niets georganiseerd" in titles and "niet gefit" in titles
    assert "Kwetsbaar of zorgbehoevend, 75+" in titles
    path = save_predictive_check(_fresh(), tmp_path / "out", "nl")
    assert path.name == FIGURE_NAME and path.stat().st_size > 10_000


def test_small_shares_get_a_decimal_comma_in_dutch() -> None:
    fresh = _fresh()
    fresh["default:initiator_share"] = np.linspace(0.005, 0.02, len(fresh))
    figure = plot_predictive_check(fresh, "nl")
    initiators = next(ax for ax in _drawn(figure)
                      if ax.get_title(loc="left").startswith("Actieve initiatiefnemers"))
    figure.canvas.draw()
    labels = [t.get_text() for t in initiators.get_xticklabels() if t.get_text()]
    assert any("," in label for label in labels) and not any("." in lab for lab in labels)
    assert len(set(labels)) == len(labels)


def test_only_a_chance_is_judged_on_its_mean() -> None:
    fresh = _fresh()
    fresh["default:initiator_share_peak_year"] = 0.0  # every run at 0: a share, not a chance
    figure = plot_predictive_check(fresh, "en")
    peak = next(ax for ax in _drawn(figure)
                if ax.get_title(loc="left").startswith("Initiators, share in the busiest"))
    assert [t.get_text() for t in peak.texts] == ["100% of runs inside the band"]


def test_a_table_without_targets_is_refused() -> None:
    with pytest.raises(ValueError, match="no target"):
        plot_predictive_check(pd.DataFrame({"member": [0, 1]}), "en")
