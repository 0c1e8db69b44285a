# ruff: noqa: N802  (Solara components are named like classes)
"""The *Neighbourhood* view: one run's buttons, its week, its map, its time series and its story.

:func:`RunPanel` holds the week's state, so a step re-renders this panel only and not the
sidebar's many controls; :func:`RunView` shows the map and the time series as JPEG frames from
the :class:`~simulatie.dashboard.run.Run`, with one sentence on what emerged against the same
neighbourhood with nothing organised (:func:`emergence_text`). The buttons
(:func:`RunButtons`), the week label (:func:`week_label`) and *Play* (:func:`use_play_loop`) are
shared with the compare view.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import solara
import solara.lab

from simulatie.core.calendar import WEEKS_PER_YEAR

from .run import Run
from .translations import t

__all__ = [
    "PLAY_INTERVAL_SECONDS",
    "RunButtons",
    "RunPanel",
    "RunView",
    "emergence_text",
    "use_play_loop",
    "week_label",
]

PLAY_INTERVAL_SECONDS = 0.25  # pause between weeks while playing, so the browser keeps up


def use_play_loop(playing: solara.Reactive[bool], step: Callable[[int], None],
                  runs: object, can_play: bool = True) -> None:
    """While *Play* is on, step one week every :data:`PLAY_INTERVAL_SECONDS` in a thread.

    A hook: call it on every render of the component that owns the runs, like Solara's own.

    Args:
        playing: Whether *Play* is on; turning it off ends the loop after the current week.
        step: Advances the runs by a number of weeks and re-renders what shows them.
        runs: What is being played; a new value starts a new loop.
        can_play: False when there is nothing to step (invalid settings).
    """

    def play_loop() -> None:
        while playing.value and can_play:
            time.sleep(PLAY_INTERVAL_SECONDS)
            step(1)

    solara.lab.use_task(play_loop, dependencies=[playing.value, runs], prefer_threaded=True)


@solara.component
def RunButtons(on_step: Callable[[int], None], on_reset: Callable[[], None],
               playing: solara.Reactive[bool], lang: str):
    """Next week, +1 year, play/pause and reset."""
    with solara.Row(gap="6px", style={"flex-wrap": "wrap"}):
        solara.Button(t("step", lang), on_click=lambda: on_step(1), color="primary",
                      classes=["sim-step"], disabled=playing.value)
        solara.Button(t("run_year", lang), on_click=lambda: on_step(WEEKS_PER_YEAR),
                      classes=["sim-year"], disabled=playing.value)
        solara.Button(t("pause" if playing.value else "play", lang),
                      on_click=lambda: playing.set(not playing.value), classes=["sim-play"])
        solara.Button(t("reset", lang), on_click=on_reset, classes=["sim-reset"], text=True)


def week_label(week: int, lang: str) -> str:
    """The week and the year it falls in, e.g. "Week 53 · year 2"."""
    return f"{t('week', lang)} {week} · {t('year', lang)} {week // WEEKS_PER_YEAR + 1}"


def emergence_text(run: Run, lang: str) -> str:
    """The run's emergence and decay against its baseline, in one or two sentences."""
    summary = run.simulation.summary()
    now = run.records[-1]
    current = now["share_with_caring_tie"] - now["baseline_share_with_caring_tie"]
    week = summary.get("emergence_week", float("nan"))
    if math.isnan(week):
        text = t("emergence_not_yet", lang, excess=current)
    else:
        margin = run.scenario.parameters.emergence_margin
        text = t("emergence_seen", lang, week=int(week), excess=current, margin=margin)
    half = summary.get("half_life_weeks", float("nan"))
    ended = run.model.state.support.ended_week
    if ended is not None and not math.isnan(half):
        text += " " + t("half_life_line", lang, ended=ended, weeks=int(half))
    return text


@solara.component
def RunPanel(run: Run, playing: solara.Reactive[bool], on_reset: Callable[[], None], lang: str):
    """The run's buttons, its week, and its pictures.

    The week's state lives here, not in :func:`~simulatie.dashboard.app.Page`: a step re-renders
    this panel only, not the sidebar's many controls (with fifteen sessions on one server that
    matters).
    """
    version = solara.use_reactive(0)

    def step(weeks: int) -> None:
        run.step(weeks)
        version.set(version.value + 1)

    use_play_loop(playing, step, run)
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}, gap="16px"):
        RunButtons(on_step=step, on_reset=on_reset, playing=playing, lang=lang)
        solara.Text(week_label(run.week, lang), classes=["sim-week"])
    RunView(run, version.value, lang)


@solara.component
def RunView(run: Run, version: int, lang: str):
    """The map and the time series of one run, and what emerged against its baseline."""
    map_frame = solara.use_memo(lambda: run.map_frame(lang), [run, version, run.week, lang])
    series_frame = solara.use_memo(lambda: run.series_frame(lang),
                                   [run, version, run.week, lang])
    emergence = solara.use_memo(lambda: emergence_text(run, lang),
                                [run, version, run.week, lang])
    with solara.Columns([11, 10], gutters_dense=True):
        solara.Image(map_frame, width="100%", format="jpeg", classes=["sim-map"])
        with solara.Column():
            solara.Image(series_frame, width="100%", format="jpeg", classes=["sim-series"])
            solara.Text(emergence, classes=["sim-emergence"])
