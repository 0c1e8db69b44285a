# ruff: noqa: N802  (Solara components are named like classes)
"""The *Compare* view: two neighbourhoods side by side that differ in one setting only.

Both runs start from the sidebar's scenario and settings and the same seed; side A and side B
differ in the one parameter chosen here. Because the model gives every kind of decision its own
random stream, the two differ only where that setting acts. Both time series use the same axes
(:func:`~simulatie.dashboard.portrayal.series_limits`), so they compare by eye. The buttons and
*Play* are the run view's (:mod:`simulatie.dashboard.run_view`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import solara

from simulatie.experiment.scenarios import ScenarioError

from . import controls as ctl
from .control_widgets import ControlWidget, format_value
from .portrayal import series_limits
from .prose import Prose
from .run import Run
from .run_view import RunButtons, use_play_loop, week_label
from .translations import t

__all__ = [
    "COMPARE_DEFAULT",
    "CompareSettings",
    "CompareView",
    "draw_pair",
    "show_frames",
    "start_pair",
]

COMPARE_DEFAULT = ("takeover", 0.8, 0.2)  # a first comparison that tells a story (myth 2)

Frames = list[tuple[bytes, bytes]]
"""Per side, the map and the time series as JPEG frames."""


def _compare_value_b(control: ctl.Control, a: Any) -> Any:
    """A first value for side B that differs from side A."""
    if control.widget is ctl.Widget.CHECKBOX:
        return not a
    if control.widget is ctl.Widget.SELECT:
        choices = control.choices
        return choices[(choices.index(a) + 1) % len(choices)]
    return control.coerce(float(control.lower) + float(control.upper) - float(a))


def start_pair(scenario: str, values: Mapping[str, Any], seed: int, parameter: str,
               value_a: Any, value_b: Any) -> tuple[Run, Run] | str:
    """Start side A and side B at week 0, or say why the settings are invalid.

    Args:
        scenario: The sidebar's scenario.
        values: The sidebar's settings.
        seed: The sidebar's seed, used by both sides.
        parameter: The setting that differs.
        value_a: Its value on side A.
        value_b: Its value on side B.

    Returns:
        The two runs, or the scenario's error message.
    """
    try:
        return tuple(
            Run.start(ctl.resolve(scenario, {**values, parameter: v}), seed)
            for v in (value_a, value_b)
        )
    except ScenarioError as error:
        return str(error)


def draw_pair(runs: tuple[Run, Run] | str, control: ctl.Control, sides: tuple[Any, Any],
              lang: str) -> Frames:
    """Draw both sides' map (titled with side and value) and time series on shared axes.

    Args:
        runs: The two runs, or an error message (then nothing is drawn).
        control: The setting that differs.
        sides: Its value on side A and on side B.
        lang: Language of the pictures.

    Returns:
        Per side, the map and the time series as JPEG frames.
    """
    if isinstance(runs, str):
        return []
    limits = series_limits(*(run.records for run in runs))
    return [
        (run.map_frame(lang, f"{t(side, lang)} · {format_value(v, control, lang)} · "
                             f"{t('week', lang).lower()} {run.week}"),
         run.series_frame(lang, limits))
        for run, side, v in zip(runs, ("side_a", "side_b"), sides, strict=True)
    ]


@solara.component
def CompareSettings(parameter: str, value_a: Any, value_b: Any,
                    on_parameter: Callable[[str], None], on_value_a: Callable[[Any], None],
                    on_value_b: Callable[[Any], None], lang: str):
    """The setting that differs, and its value on side A and on side B."""
    all_controls = ctl.controls()
    control = all_controls[parameter]
    with solara.Row(gap="24px", style={"flex-wrap": "wrap", "align-items": "flex-end"}):
        with solara.Column(style={"min-width": "320px", "flex": "2"}):
            solara.v.Select(
                label=t("compare_parameter", lang), v_model=parameter, on_v_model=on_parameter,
                items=[{"text": c.spec.label(lang), "value": c.name}
                       for c in all_controls.values()],
                class_="sim-compare-parameter", hide_details=True,
            )
        with solara.Column(style={"min-width": "220px", "flex": "1"}):
            ControlWidget(control=control, value=value_a, on_value=on_value_a, lang=lang,
                          label=t("compare_value_a", lang))
        with solara.Column(style={"min-width": "220px", "flex": "1"}):
            ControlWidget(control=control, value=value_b, on_value=on_value_b, lang=lang,
                          label=t("compare_value_b", lang))


def show_frames(week: str, images: Frames) -> None:
    """Show the week, then side A's and side B's map above their time series.

    A plain function, called while :func:`CompareView` renders: its elements land in the view
    itself, as they always did.

    Args:
        week: The week label.
        images: Per side, the map and the time series (:func:`draw_pair`).
    """
    solara.Text(week, classes=["sim-compare-week"])
    with solara.Columns([1, 1], gutters_dense=True):
        for map_frame, series_frame in images:
            with solara.Column():
                solara.Image(map_frame, width="100%", format="jpeg", classes=["sim-compare-map"])
                solara.Image(series_frame, width="100%", format="jpeg",
                             classes=["sim-compare-series"])


@solara.component
def CompareView(scenario: str, values: Mapping[str, Any], seed: int, lang: str,
                playing: solara.Reactive[bool]):
    """Two neighbourhoods side by side that differ in one setting, on the same seed."""
    name, a_default, b_default = COMPARE_DEFAULT
    parameter = solara.use_reactive(name)
    value_a = solara.use_reactive(a_default)
    value_b = solara.use_reactive(b_default)
    reset = solara.use_reactive(0)
    version = solara.use_reactive(0)
    control = ctl.controls()[parameter.value]

    def choose(new: str) -> None:
        a = values[new]
        parameter.set(new)
        value_a.set(a)
        value_b.set(_compare_value_b(ctl.controls()[new], a))

    runs = solara.use_memo(
        lambda: start_pair(scenario, values, seed, parameter.value, value_a.value, value_b.value),
        [scenario, tuple(sorted(values.items())), seed, parameter.value, value_a.value,
         value_b.value, reset.value])

    def step(weeks: int) -> None:
        if isinstance(runs, tuple):
            for run in runs:
                run.step(weeks)
            version.set(version.value + 1)

    use_play_loop(playing, step, runs, can_play=isinstance(runs, tuple))
    Prose(t("compare_intro", lang))
    CompareSettings(parameter.value, value_a.value, value_b.value, on_parameter=choose,
                    on_value_a=value_a.set, on_value_b=value_b.set, lang=lang)
    RunButtons(on_step=step, on_reset=lambda: reset.set(reset.value + 1), playing=playing,
               lang=lang)
    week = runs[0].week if isinstance(runs, tuple) else 0
    images = solara.use_memo(
        lambda: draw_pair(runs, control, (value_a.value, value_b.value), lang),
        [runs, version.value, week, lang])
    if isinstance(runs, str):
        solara.Error(f"{t('invalid', lang)}: {runs}")
        return
    show_frames(week_label(runs[0].week, lang), images)
