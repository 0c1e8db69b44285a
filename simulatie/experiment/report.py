"""Analyse a sweep's results folder: intervals over replications, figures, sensitivity.

:func:`write_report` reads what :mod:`simulatie.experiment.sweep` wrote (``experiment.json``, the
manifest and ``runs/*.parquet``) and writes into ``RESULTS/report/``:

* ``runs.csv`` — one row per finished run: its design point, varied values, seed and measures;
* ``summary.csv`` — per design point and measure (emergence week, caring peak and its week,
  half-life after support ends, every metric's final value): the number of replications ``n``,
  how many had the measure undefined (``n_undefined``, e.g. emergence never reached), the mean,
  standard deviation and a 95% confidence interval of the mean (Student's t over replications),
  cut off at the measure's bounds (a share within 0–1, a count at 0; ``ci_clipped`` says where);
* ``timeseries_<metric>.png`` — each kept metric per week, mean with its 95% band per point;
* ``measures_vs_<parameter>.png`` — the key measures against each varied parameter (in a
  screening of many parameters, against the ten most influential);
* for Morris and Sobol designs, ``sensitivity.csv`` and ``sensitivity.png``
  (:mod:`simulatie.experiment.sensitivity`);
* ``report.md`` and ``report.html`` — the findings in words, in Dutch or English: which setting
  moved which outcome by how much, with bootstrap intervals and how firm that is
  (:mod:`simulatie.experiment.report_words`), and the same findings and tables for a spreadsheet
  (:mod:`simulatie.experiment.report_files`: in Dutch as Dutch Excel opens them).

Analysis reads results and never imports the model.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from simulatie.core.observe.measures import MEASURE_LABELS
from simulatie.core.parameters import parameter_specs
from simulatie.experiment.experiments import safe_name
from simulatie.experiment.intervals import bounded_interval, t_quantile
from simulatie.experiment.report_effects import bounds, measure_unit
from simulatie.experiment.sweep_results import KEY_MEASURES, ReportError, SweepResults, load_results
from simulatie.experiment.wording import reader_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "REPORT_DIR",
    "WORDS_FILES",
    "plot_measures",
    "plot_timeseries",
    "summarise",
    "write_report",
]

REPORT_DIR = "report"
WORDS_FILES = ("report.md", "report.html")
"""The report in words, as Markdown and as a web page."""

_PLOTTED_FINALS = ("final_share_with_caring_tie", "final_lonely_share", "final_care_hours_unmet")
_MAX_BANDS = 12  # more lines than this in one panel are drawn without bands or legend
_TEXT = {
    "week": {"nl": "week", "en": "week"},
    "mean_band": {"nl": "gemiddelde en 95%-interval", "en": "mean and 95% interval"},
    "end": {"nl": "einde", "en": "end"},
}


def summarise(results: SweepResults) -> pd.DataFrame:
    """Per design point and measure: n, undefined count, mean, sd and 95% interval.

    Args:
        results: The sweep's results.

    Returns:
        A tidy table with ``point``, the varied parameters, ``measure`` and the statistics
        (:func:`bounded_interval`).
    """
    rows = []
    for point, group in results.runs.groupby("point", sort=True):
        values = {name: group[name].iloc[0] for name in results.varied}
        for measure in results.measures:
            rows.append({"point": point, **values, "measure": measure,
                         **bounded_interval(group[measure], measure)})
    return pd.DataFrame(rows)


# --- Figures ---------------------------------------------------------------------------------


def _label(measure: str, lang: str) -> str:
    """A measure's label for readers (:func:`~simulatie.experiment.wording.reader_label`)."""
    if measure in MEASURE_LABELS:
        return MEASURE_LABELS[measure][lang]
    if measure.startswith("final_"):
        return f"{reader_label(measure.removeprefix('final_'), lang)} ({_TEXT['end'][lang]})"
    return reader_label(measure, lang)


def _point_label(values: Mapping[str, Any], names: Sequence[str]) -> str:
    return ", ".join(f"{n}={v:g}" if isinstance(v, float) else f"{n}={v}" for n, v in (
        (name, values[name]) for name in names
    ))


def _whole_numbers(measure: str) -> bool:
    """Whether a measure counts things or weeks (its axis gets whole-number ticks only)."""
    return measure_unit(measure) in ("ties", "people", "activities", "places", "weeks")


def _whole_parameter(parameter: str) -> bool:
    spec = parameter_specs().get(parameter)
    return spec is not None and spec.kind is int


def _integer_ticks(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


def _value_axis(ax: Any, measure: str) -> None:
    """The y axis after plotting: whole-number ticks for counts and weeks, percent for shares.

    Counts and weeks span at least two whole numbers, so a narrow range never falls back to
    fractional ticks.
    """
    from matplotlib.ticker import PercentFormatter

    if _whole_numbers(measure):
        low, high = ax.get_ylim()
        if math.isfinite(low) and math.isfinite(high) and math.floor(high) - math.ceil(low) < 1:
            middle = round((low + high) / 2)
            ax.set_ylim(middle - 1, middle + 1)
        _integer_ticks(ax.yaxis)
    elif measure_unit(measure) == "share":
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


_MAX_LISTED_TICKS = 12  # a whole-number parameter with at most this many values: a tick each


def _parameter_axis(ax: Any, levels: Sequence[Any]) -> None:
    """A whole-number parameter's x axis: a tick at each value, or whole-number ticks."""
    values = sorted({int(v) for v in levels})
    if len(values) <= _MAX_LISTED_TICKS:
        pad = max(0.5, 0.05 * (values[-1] - values[0]))
        ax.set_xticks(values)
        ax.set_xlim(values[0] - pad, values[-1] + pad)
    else:
        _integer_ticks(ax.xaxis)


def _facets(results: SweepResults) -> tuple[str | None, list[Any]]:
    """The varied parameter to split panels by (a factorial's last, if it has few levels)."""
    if results.experiment["method"] != "factorial" or len(results.varied) < 2:
        return None, [None]
    name = results.varied[-1]
    levels = list(dict.fromkeys(results.manifest[name]))
    return (name, levels) if len(levels) <= 6 else (None, [None])


def plot_timeseries(results: SweepResults, metric: str, lang: str = "en") -> Figure:
    """A kept metric per week: per design point the mean with its 95% band over replications.

    Args:
        results: The sweep's results.
        metric: A metric kept every week.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure (one panel per level of a factorial's last varied parameter).
    """
    from matplotlib import colormaps
    from matplotlib.figure import Figure

    data = results.timeseries(metric)
    weeks = np.arange(data.shape[1])
    facet, levels = _facets(results)
    figure = Figure(figsize=(4.6 * len(levels) + 1.2, 4.2), layout="constrained")
    axes = figure.subplots(1, len(levels), squeeze=False, sharey=True)[0]
    colour_by = [n for n in results.varied if n != facet]
    points = results.runs.groupby("point", sort=True)
    for ax, level in zip(axes, levels, strict=True):
        chosen = [
            (point, group) for point, group in points
            if facet is None or group[facet].iloc[0] == level
        ]
        many = len(chosen) > _MAX_BANDS
        colours = colormaps["viridis"](np.linspace(0, 0.9, max(len(chosen), 1)))
        for colour, (point, group) in zip(colours, chosen, strict=False):
            rows = data[results.runs.index.get_indexer(group.index)]
            mean = rows.mean(axis=0)
            label = _point_label(group.iloc[0], colour_by) if colour_by else f"point {point}"
            ax.plot(weeks, mean, color=colour, lw=0.8 if many else 1.5,
                    label=None if many else label)
            if len(rows) > 1 and not many:
                spread = rows.std(axis=0, ddof=1) / np.sqrt(len(rows))
                half = t_quantile(len(rows) - 1) * spread
                low, high = bounds(metric)
                ax.fill_between(weeks, np.clip(mean - half, low, high),
                                np.clip(mean + half, low, high), color=colour, alpha=0.2, lw=0)
        if facet is not None:
            ax.set_title(_point_label({facet: level}, [facet]), fontsize=10)
        ax.set_xlabel(_TEXT["week"][lang])
        _integer_ticks(ax.xaxis)
        _value_axis(ax, metric)
        ax.grid(alpha=0.3)
        if not many and chosen:
            ax.legend(fontsize=7, loc="best")
    axes[0].set_ylabel(_label(metric, lang))
    figure.suptitle(f"{_label(metric, lang)}: {_TEXT['mean_band'][lang]}", fontsize=11)
    return figure


def _key_measures(results: SweepResults) -> list[str]:
    runs = results.runs
    wanted = [m for m in (*KEY_MEASURES[:2], "half_life_weeks", *_PLOTTED_FINALS) if m in runs]
    return [m for m in wanted if runs[m].notna().any()]


def plot_measures(results: SweepResults, parameter: str, lang: str = "en") -> Figure:
    """Key measures against one varied parameter: every run, and mean ± 95% interval per value.

    Args:
        results: The sweep's results.
        parameter: A varied parameter.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure, one panel per measure.
    """
    from matplotlib.figure import Figure

    measures = _key_measures(results)
    columns = min(3, len(measures)) or 1
    rows = math.ceil(len(measures) / columns) or 1
    figure = Figure(figsize=(4.2 * columns, 3.4 * rows), layout="constrained")
    axes = figure.subplots(rows, columns, squeeze=False).ravel()
    runs = results.runs
    x = runs[parameter]
    numeric = pd.api.types.is_numeric_dtype(x) and not pd.api.types.is_bool_dtype(x)
    categories = list(dict.fromkeys(x)) if not numeric else []
    position = x.map({c: i for i, c in enumerate(categories)}) if categories else x
    factorial = results.experiment["method"] == "factorial"
    for ax, measure in zip(axes, measures, strict=False):
        ax.scatter(position, runs[measure], s=8, alpha=0.35, color="#577590", lw=0)
        if factorial:
            stats_ = [(level, bounded_interval(runs.loc[position == level, measure], measure))
                      for level in sorted(position.unique())]
            xs = [level for level, _ in stats_]
            mean = np.array([s["mean"] for _, s in stats_])
            low = np.array([s["ci_low"] for _, s in stats_])
            high = np.array([s["ci_high"] for _, s in stats_])
            err = np.vstack([mean - low, high - mean])
            ax.errorbar(xs, mean, yerr=np.nan_to_num(err), color="#e76f51", marker="o", ms=4,
                        capsize=3, lw=1.5)
        ax.set_title(_label(measure, lang), fontsize=9)
        ax.set_xlabel(parameter)
        if categories:
            ax.set_xticks(range(len(categories)), [str(c) for c in categories])
        elif _whole_parameter(parameter):
            _parameter_axis(ax, results.manifest[parameter].unique())
        _value_axis(ax, measure)
        ax.grid(alpha=0.3)
    for ax in axes[len(measures):]:
        ax.set_visible(False)
    return figure


# --- Report ----------------------------------------------------------------------------------


def _save(figure: Figure, path: Path) -> Path:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    figure.savefig(path, dpi=110)
    return path


def write_report(
    folder: Path | str, lang: str = "nl"
) -> tuple[list[Path], list[str]]:
    """Write the summary tables, figures and the findings in words into ``folder/report``.

    Args:
        folder: The sweep's results folder.
        lang: Language of the report in words, its tables for a spreadsheet and the figures'
            labels, ``"nl"`` or ``"en"``.

    Returns:
        The files written, and notes for the reader (missing runs, skipped analyses).

    Raises:
        ReportError: If the folder cannot be read or the report cannot be written.
    """
    if lang not in ("nl", "en"):
        raise ReportError(f"language '{lang}' is not supported; use 'nl' or 'en'")
    results = load_results(folder)
    out = results.folder / REPORT_DIR
    notes = []
    missing = len(results.manifest) - len(results.runs)
    if missing:
        notes.append(
            f"{missing} of {len(results.manifest)} runs have no result "
            f"({len(results.failed)} failed); the report covers the finished runs"
        )
    written: list[Path] = []
    try:
        out.mkdir(exist_ok=True)
        summary = summarise(results)
        results.runs.to_csv(out / "runs.csv", index=False)
        summary.to_csv(out / "summary.csv", index=False)
        written += [out / "runs.csv", out / "summary.csv"]
        for metric in results.experiment["timeseries"]:
            path = out / f"timeseries_{safe_name(metric)}.png"
            written.append(_save(plot_timeseries(results, metric, lang), path))
        ranked = None
        if results.experiment["method"] in ("morris", "sobol"):
            sensitivity, ranked = _write_sensitivity(results, out, lang, notes)
            written += sensitivity
        figures = {}
        shown = _parameters_to_plot(results, ranked, notes)
        for parameter in shown:
            path = out / f"measures_vs_{safe_name(parameter)}.png"
            written.append(_save(plot_measures(results, parameter, lang), path))
            figures[parameter] = path.name
        written += _write_words(results, summary, out, lang, shown, figures, ranked)
    except OSError as error:
        raise ReportError(f"cannot write the report into '{out}': {error}") from None
    return written, notes


def _write_words(results: SweepResults, summary: pd.DataFrame, out: Path, lang: str,
                 shown: list[str], figures: dict[str, str], ranked: list[str] | None
                 ) -> list[Path]:
    """The findings for a spreadsheet, and in words as ``report.md`` and ``report.html``."""
    from simulatie.experiment.report_document import to_html, to_markdown
    from simulatie.experiment.report_effects import effects, interactions
    from simulatie.experiment.report_files import write_readable_tables
    from simulatie.experiment.report_words import report_blocks

    found = effects(results, shown)
    tables = write_readable_tables(results, found, summary, out, lang)
    files = [path.name for path in tables] + ["summary.csv", "runs.csv"]
    if ranked is not None:
        files.append("sensitivity.csv")
    blocks = report_blocks(results, found, interactions(results), lang, shown=shown,
                           figures=figures, files=files, ranked=ranked)
    markdown, page = (out / name for name in WORDS_FILES)
    markdown.write_text(to_markdown(blocks), encoding="utf-8")
    title = results.experiment.get("title") or results.experiment.get("name", "")
    page.write_text(to_html(blocks, str(title), lang), encoding="utf-8")
    return [*tables, markdown, page]


MOST_INFLUENTIAL = 10
"""In a screening of many parameters, ``measures_vs_*.png`` is drawn for this many only."""


def _parameters_to_plot(
    results: SweepResults, ranked: list[str] | None, notes: list[str]
) -> list[str]:
    """Every varied parameter; in a screening of many, the most influential ones."""
    from simulatie.experiment.sensitivity import HEATMAP_FROM

    varied = list(results.varied)
    if ranked is None or len(varied) < HEATMAP_FROM:
        return varied
    notes.append(
        f"{len(varied)} parameters varied: measures_vs_*.png drawn for the {MOST_INFLUENTIAL} "
        "most influential (sensitivity.png shows all)"
    )
    return ranked[:MOST_INFLUENTIAL]


def _write_sensitivity(
    results: SweepResults, out: Path, lang: str, notes: list[str]
) -> tuple[list[Path], list[str] | None]:
    """``sensitivity.csv`` and ``.png``, and the parameters ranked by influence."""
    from simulatie.experiment.sensitivity import (
        SensitivityError,
        analyse,
        plot_sensitivity,
        relative_influence,
    )

    method = results.experiment["method"]
    try:
        table = analyse(results.experiment, results.runs)
    except SensitivityError as error:
        notes.append(f"no sensitivity analysis: {error}")
        return [], None
    table.to_csv(out / "sensitivity.csv", index=False)
    labels = {o: _label(o, lang) for o in table["output"].unique()}
    figure = plot_sensitivity(table, method, labels)
    ranked = list(relative_influence(table, method).index)
    return [out / "sensitivity.csv", _save(figure, out / "sensitivity.png")], ranked
