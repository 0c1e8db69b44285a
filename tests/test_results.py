import json
import math
import os
import stat

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from simulatie.experiment import results
from simulatie.experiment.plotting import (
    BASELINE_GID,
    CARE_SOURCES,
    SUPPORT_END_GID,
    metric_label,
    plot_run,
)
from simulatie.experiment.results import OutputError, check_output_dir, read_run, write_run


def test_write_run_writes_four_files_and_round_trips(tmp_path, fake_result):
    target = tmp_path / "runs" / "a"
    written = write_run(fake_result, target, extra_metadata={"scenario": "default"})

    assert written == target.absolute()
    assert sorted(p.name for p in target.iterdir()) == [
        "figure.png",
        "metadata.json",
        "tijdreeks.csv",
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
    assert metadata["files"] == [
        "timeseries.parquet", "tijdreeks.csv", "metadata.json", "figure.png"]
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


def _with_all_columns(timeseries: pd.DataFrame) -> pd.DataFrame:
    """The fake table with the family's care sources and the baseline arm, as a real run has."""
    rng = np.random.default_rng(1)
    extra = {name: rng.random(len(timeseries)) for name in (
        "care_hours_household", "care_hours_family", "baseline_caring_ties",
        "baseline_share_with_caring_tie", "baseline_lonely_share", "baseline_care_hours_network")}
    return timeseries.assign(**extra)


_PILOT = {"scenario": "kerkweg", "seed": 3, "support_ended_week": 6,
          "parameters": {"funding": "pilot", "pilot_weeks": 6}}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_plot_run_has_three_labelled_panels_in_years(fake_result, lang):
    timeseries = _with_all_columns(fake_result.timeseries)
    figure = plot_run(timeseries, lang=lang)
    assert isinstance(figure, Figure)
    main_axes = [ax for ax in figure.axes if ax.get_title(loc="left")]
    assert len(main_axes) == 3 == len(figure.axes)  # one y-axis per panel: no twin axes
    titles = [ax.get_title(loc="left") for ax in main_axes]
    expected = {
        "nl": ["Bewoners met een zorgzame band", "Bewoners zonder hechte band in de buurt",
               "Zorguren per week, naar wie ze geeft"],
        "en": ["Residents with a caring tie", "Residents without a close tie in the neighbourhood",
               "Care hours per week, by who gives them"],
    }
    assert titles == expected[lang]
    assert [ax.get_ylabel() for ax in main_axes] == {
        "nl": ["% van de bewoners", "% van de bewoners", "uur per week"],
        "en": ["% of residents", "% of residents", "hours per week"]}[lang]
    assert main_axes[2].get_xlabel() == {"nl": "jaren sinds de start",
                                         "en": "years since the start"}[lang]
    assert main_axes[2].get_xlim()[1] == pytest.approx(12 / 52)  # x in years
    care_ax = main_axes[2]
    legend = [t.get_text() for t in care_ax.get_legend().get_texts()]
    for source in CARE_SOURCES:
        assert metric_label(source, lang) in legend
    assert metric_label("care_hours_household", lang) in legend  # the partner at home
    # stacked area: the top of the stack equals the sum of the seven sources
    top = care_ax.collections[len(CARE_SOURCES) - 1].get_paths()[0].vertices[:, 1].max()
    total = timeseries[list(CARE_SOURCES)].sum(axis=1).max()
    assert math.isclose(top, total, rel_tol=1e-9)
    # shares are shown as percentages, with a decimal comma in Dutch where one is needed
    share_ax = main_axes[0]
    assert share_ax.yaxis.get_major_formatter()(0.25, 0) == "25%"
    assert share_ax.xaxis.get_major_formatter()(0.5, 0) == {"nl": "0,5", "en": "0.5"}[lang]


def _lines(figure: Figure, gid: str) -> list:
    return [line for ax in figure.axes for line in ax.get_lines() if line.get_gid() == gid]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_plot_run_draws_the_baseline_the_end_of_support_and_a_title(fake_result, lang):
    timeseries = _with_all_columns(fake_result.timeseries)
    figure = plot_run(timeseries, lang=lang, metadata=_PILOT)

    baselines = _lines(figure, BASELINE_GID)
    assert len(baselines) == 3  # both shares and the own network's care hours
    assert all(line.get_linestyle() == ":" for line in baselines)
    np.testing.assert_allclose(baselines[0].get_ydata(),
                               timeseries["baseline_share_with_caring_tie"])
    ends = _lines(figure, SUPPORT_END_GID)
    assert len(ends) == 3  # one in every panel
    assert all(line.get_xdata()[0] == pytest.approx(6 / 52) for line in ends)
    (key,) = figure.legends
    title = key.get_title().get_text()
    assert "kerkweg" in title and "seed 3" in title
    assert {"nl": "proef van 6 weken", "en": "pilot of 6 weeks"}[lang] in title
    texts = [t.get_text() for t in key.get_texts()]
    assert {"nl": "einde steun (week 6)", "en": "support ended (week 6)"}[lang] in texts
    assert {"nl": "dezelfde buurt zonder project (niets georganiseerd)",
            "en": "the same neighbourhood with nothing organised"}[lang] in texts


def test_plot_run_without_baseline_or_end_draws_neither(fake_result):
    structural = {**_PILOT, "support_ended_week": None, "parameters": {"funding": "structural"}}
    figure = plot_run(fake_result.timeseries, metadata=structural)
    assert _lines(figure, BASELINE_GID) == []
    assert _lines(figure, SUPPORT_END_GID) == []
    assert "proef" not in figure.legends[0].get_title().get_text()
    # an end of support after the run's last week is not drawn either
    later = plot_run(_with_all_columns(fake_result.timeseries),
                     metadata={**_PILOT, "support_ended_week": 40})
    assert _lines(later, SUPPORT_END_GID) == []


def test_dutch_csv_opens_in_dutch_excel(tmp_path, fake_result):
    result = type(fake_result)(_with_all_columns(fake_result.timeseries), fake_result.summary,
                               fake_result.metadata)
    write_run(result, tmp_path / "r", figure=False)
    text = (tmp_path / "r" / "tijdreeks.csv").read_text(encoding="utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith("week;jaar;")
    assert "Onvervulde zorgvraag (uur per week)" in header.split(";")
    assert "Bewoners zonder hechte band in de buurt (%)" in header.split(";")
    assert "Bewoners met een zorgzame band, zonder project (%)" in header.split(";")
    assert "Zorgzame banden (aantal)" in header.split(";")
    assert "," in first and "." not in first  # decimal comma, nothing else
    table = pd.read_csv(tmp_path / "r" / "tijdreeks.csv", sep=";", decimal=",",
                        encoding="utf-8-sig")
    assert len(table) == len(result.timeseries)
    np.testing.assert_allclose(table["jaar"], result.timeseries["week"] / 52, atol=1e-3)
    np.testing.assert_allclose(table["Bewoners met een zorgzame band (%)"],
                               100 * result.timeseries["share_with_caring_tie"], rtol=1e-5)
    np.testing.assert_allclose(table["Onvervulde zorgvraag (uur per week)"],
                               result.timeseries["care_hours_unmet"], rtol=1e-5)


def test_english_csv_is_comma_separated_with_english_headers(tmp_path, fake_result):
    write_run(fake_result, tmp_path / "r", figure=False, lang="en")
    assert not (tmp_path / "r" / "tijdreeks.csv").exists()
    table = pd.read_csv(tmp_path / "r" / "timeseries.csv", encoding="utf-8-sig")
    assert list(table.columns[:2]) == ["week", "year"]
    assert "Unmet need (hours per week)" in table.columns
    np.testing.assert_allclose(table["Unmet need (hours per week)"],
                               fake_result.timeseries["care_hours_unmet"], rtol=1e-5)


def test_dutch_and_english_labels_differ():
    assert metric_label("lonely_share", "nl") != metric_label("lonely_share", "en")


def test_plot_run_rejects_missing_columns_and_language(fake_result):
    with pytest.raises(ValueError, match="care_hours_unmet"):
        plot_run(fake_result.timeseries.drop(columns="care_hours_unmet"))
    with pytest.raises(ValueError, match="language"):
        plot_run(fake_result.timeseries, lang="de")


def test_numbers_read_the_same_everywhere():
    from simulatie.experiment.wording import fmt, reader_label, years

    assert fmt(0.036, True, "nl", difference=True) == "+3,6 procentpunt"
    assert fmt(0.036, True, "en", difference=True) == "+3.6 percentage points"
    assert fmt(0.48, True, "nl") == "48%"
    assert fmt(62.37, False, "nl") == "62" and fmt(3.04, False, "nl") == "3,0"
    assert years(104, "nl") == "2 jaar" and years(62, "en") == "1.2 years"
    assert reader_label("lonely_share", "nl") == "Bewoners zonder hechte band in de buurt"
    assert reader_label("caring_ties", "en") == metric_label("caring_ties", "en")
