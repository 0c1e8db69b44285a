import json
import math
import os
import stat

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from simulatie.experiment import results
from simulatie.experiment.plotting import CARE_SOURCES, metric_label, plot_run
from simulatie.experiment.results import OutputError, check_output_dir, read_run, write_run


def test_write_run_writes_three_files_and_round_trips(tmp_path, fake_result):
    target = tmp_path / "runs" / "a"
    written = write_run(fake_result, target, extra_metadata={"scenario": "default"})

    assert written == target.absolute()
    assert sorted(p.name for p in target.iterdir()) == [
        "figure.png",
        "metadata.json",
        "timeseries.parquet",
    ]
    assert (target / "figure.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    timeseries, metadata = read_run(target)
    pd.testing.assert_frame_equal(timeseries, fake_result.timeseries)
    assert timeseries["week"].dtype.kind == "i"
    assert metadata["seed"] == 0
    assert metadata["scenario"] == "default"
    assert metadata["parameters"] == {"residents": 300, "funding": "structural"}
    assert metadata["summary"]["emergence_week"] == 7.0
    assert metadata["summary"]["half_life_weeks"] is None  # NaN is not valid JSON
    assert metadata["files"] == ["timeseries.parquet", "metadata.json", "figure.png"]
    # no staging folders left next to the result
    assert [p.name for p in target.parent.iterdir()] == ["a"]


def test_metadata_is_strict_pretty_utf8_json(tmp_path, fake_result):
    write_run(fake_result, tmp_path / "r", figure=False, extra_metadata={"note": "één €"})
    text = (tmp_path / "r" / "metadata.json").read_text(encoding="utf-8")
    assert "één €" in text  # not \u-escaped
    assert text.startswith("{\n  ")
    assert "NaN" not in text
    json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
    assert not (tmp_path / "r" / "figure.png").exists()


def test_failure_mid_write_leaves_nothing(tmp_path, fake_result, monkeypatch):
    def broken_figure(*args, **kwargs):
        raise RuntimeError("figure failed")

    monkeypatch.setattr(results, "_write_figure", broken_figure)
    target = tmp_path / "new" / "deeper" / "run"
    with pytest.raises(RuntimeError, match="figure failed"):
        write_run(fake_result, target)
    assert not target.exists()
    assert not (tmp_path / "new").exists()  # parents created for the run are removed too
    assert list(tmp_path.iterdir()) == []


def test_oserror_mid_write_becomes_output_error(tmp_path, fake_result, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(results, "write_json", full_disk)
    with pytest.raises(OutputError, match="No space left"):
        write_run(fake_result, tmp_path / "run")
    assert list(tmp_path.iterdir()) == []


def test_existing_non_empty_folder_is_refused_and_kept(tmp_path, fake_result):
    target = tmp_path / "run"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    with pytest.raises(OutputError, match="not empty"):
        write_run(fake_result, target)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_existing_empty_folder_is_filled(tmp_path, fake_result):
    target = tmp_path / "run"
    target.mkdir()
    write_run(fake_result, target, figure=False)
    assert (target / "timeseries.parquet").exists()


def test_path_below_a_file_is_refused(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        check_output_dir(blocker / "run")
    with pytest.raises(OutputError, match="is a file"):
        check_output_dir(blocker)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_read_only_parent_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            check_output_dir(locked / "run")
    finally:
        locked.chmod(stat.S_IRWXU)


def test_check_output_dir_creates_nothing(tmp_path):
    target = check_output_dir(tmp_path / "a" / "b")
    assert target == (tmp_path / "a" / "b").absolute()
    assert list(tmp_path.iterdir()) == []


def test_read_run_of_missing_folder_is_clear(tmp_path):
    with pytest.raises(OutputError, match="cannot read the run"):
        read_run(tmp_path / "nothing")


def test_to_jsonable_handles_numpy_nan_and_enums():
    from simulatie.core.parameters import Funding

    value = {
        "a": np.float64(1.5),
        "b": np.int64(3),
        "c": float("inf"),
        "d": np.array([1.0, np.nan]),
        "e": Funding.PILOT,
        "f": (1, 2),
    }
    assert results.to_jsonable(value) == {
        "a": 1.5,
        "b": 3,
        "c": None,
        "d": [1.0, None],
        "e": "pilot",
        "f": [1, 2],
    }


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_plot_run_has_three_labelled_panels(fake_result, lang):
    figure = plot_run(fake_result.timeseries, lang=lang)
    assert isinstance(figure, Figure)
    main_axes = [ax for ax in figure.axes if ax.get_title(loc="left")]
    assert len(main_axes) == 3
    titles = [ax.get_title(loc="left") for ax in main_axes]
    expected = {
        "nl": ["Zorgzame banden", "Eenzaamheid", "Zorguren naar bron"],
        "en": ["Caring ties", "Loneliness", "Care hours by source"],
    }
    assert titles == expected[lang]
    care_ax = main_axes[2]
    legend = [t.get_text() for t in care_ax.get_legend().get_texts()]
    for source in CARE_SOURCES:
        assert metric_label(source, lang) in legend
    assert main_axes[1].get_ylabel().startswith(metric_label("lonely_share", lang))
    ties_legend = [t.get_text() for t in main_axes[0].get_legend().get_texts()]
    assert ties_legend == [
        metric_label("caring_ties", lang),
        metric_label("share_with_caring_tie", lang),
    ]
    # stacked area: the top of the stack equals the sum of the five sources
    top = care_ax.collections[len(CARE_SOURCES) - 1].get_paths()[0].vertices[:, 1].max()
    total = fake_result.timeseries[list(CARE_SOURCES)].sum(axis=1).max()
    assert math.isclose(top, total, rel_tol=1e-9)


def test_dutch_and_english_labels_differ():
    assert metric_label("lonely_share", "nl") != metric_label("lonely_share", "en")


def test_plot_run_rejects_missing_columns_and_language(fake_result):
    with pytest.raises(ValueError, match="care_hours_unmet"):
        plot_run(fake_result.timeseries.drop(columns="care_hours_unmet"))
    with pytest.raises(ValueError, match="language"):
        plot_run(fake_result.timeseries, lang="de")
