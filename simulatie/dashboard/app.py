# ruff: noqa: N802  (Solara components are named like classes: Page, RunView, ...)
"""The Solara dashboard: one neighbourhood per browser session, drawn week by week.

Start it with ``simulatie dashboard`` (see ``docs/dashboard.md``), or ``solara run
simulatie.dashboard.app``. This is the only module that imports Solara. Every control is generated
from the parameter declarations (:mod:`simulatie.dashboard.controls`), every label comes from the
declarations, :data:`simulatie.core.metrics.METRICS` or :mod:`simulatie.dashboard.translations`,
and the pictures are drawn by :mod:`simulatie.dashboard.portrayal`.

Each browser session builds its own model inside the :func:`Page` component (``solara.use_memo``),
so two people in a workshop never step each other's neighbourhood; nothing model-related lives at
module level. Changing a setting, the scenario or the seed starts the neighbourhood again at week 0
(parameters are frozen once a run starts). *Save results* writes the run through
:func:`simulatie.experiment.run.run` and :func:`simulatie.experiment.results.write_run`, the same
files as ``simulatie run``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import solara
import solara.lab

from simulatie.experiment.results import OutputError
from simulatie.experiment.scenarios import DEFAULT, ScenarioError
from simulatie.workshop import handout
from simulatie.workshop.myths import MYTHS, MythError, load_myth
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

from . import controls as ctl
from .compare_view import CompareView
from .control_widgets import ControlWidget, ParameterControls, ScenarioPicker
from .prose import Prose
from .run import Run, export_run, step_and_draw_seconds
from .run_view import RunPanel
from .tipping import TippingView
from .translations import DEFAULT_LANG, LANGUAGES, t

__all__ = ["Page", "myth_levers", "step_and_draw_seconds"]


# --- workshop: the myths ------------------------------------------------------------------------


@cache
def myth_levers(number: int) -> tuple[tuple[str, Any], ...]:
    """The settings that matter for a myth, with the value its default runs use.

    These are the levers of the myth's counter-assumption (``[counter]`` in
    ``experiments/myths/myth_<n>.toml``): the assumptions under which the myth would hold. They
    are passed to :func:`simulatie.workshop.handout.myth_answer` as ``overrides``, which apply to
    both arms, so moving one asks "and what if this neighbourhood were like that?". The arms' own
    levers are not offered: setting one would make both arms identical (see
    :mod:`simulatie.workshop.myths`).

    Args:
        number: The myth, 1 to 7.

    Returns:
        ``(parameter name, value in the myth's default runs)`` per lever.
    """
    myth = load_myth(number)
    start = myth.points()["myth", False]
    return tuple((name, start[name]) for name in myth.counter if name in ctl.controls())


def _claim(number: int, lang: str) -> str:
    return str(MYTH_TEXTS[number][lang]["claim"])


def _figure_png(figure: Any) -> bytes:
    import io

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    plt.close(figure)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Answer:
    """What the workshop view shows of one computed answer (and what it was asked)."""

    number: int
    lang: str
    overrides: tuple[tuple[str, Any], ...]
    conclusion: str
    numbers: str
    counter_conclusion: str
    robustness: tuple[str, ...]
    questions: tuple[str, ...]
    png: bytes


def _ask(number: int, lang: str, overrides: Mapping[str, Any]) -> _Answer:
    # the full answer, as on the command line: shipped for the defaults, computed otherwise
    answer = handout.myth_answer(number, lang, overrides=dict(overrides) or None, shipped=True)
    return _Answer(
        number=number, lang=lang, overrides=tuple(sorted(overrides.items())),
        conclusion=answer.conclusion, numbers=answer.default.numbers,
        counter_conclusion=answer.counter_conclusion, robustness=tuple(answer.robustness),
        questions=tuple(answer.questions),
        png=_figure_png(answer.figure),
    )


@solara.component
def WorkshopView(lang: str):
    """Pick a myth, press one button, and see the claim next to the model's answer."""
    number = solara.use_reactive(1)
    values = solara.use_reactive(dict(myth_levers(1)))
    all_controls = ctl.controls()
    levers = myth_levers(number.value)
    overrides = {name: values.value[name] for name, start in levers
                 if values.value.get(name, start) != start}

    def pick(new: int | None) -> None:
        if new and new != number.value:
            number.set(int(new))
            values.set(dict(myth_levers(int(new))))

    def compute() -> _Answer | str:
        try:
            return _ask(number.value, lang, overrides)
        except MythError as error:
            return str(error)

    task = solara.lab.use_task(compute, dependencies=None)

    Prose(t("myths_intro", lang))
    with solara.Row(gap="16px", style={"flex-wrap": "wrap", "align-items": "center"}):
        with solara.Column(style={"min-width": "360px", "flex": "3"}):
            solara.v.Select(
                label=t("myth_pick", lang), v_model=number.value, on_v_model=pick,
                items=[{"text": f"{n}. {_claim(n, lang)}", "value": n} for n in MYTHS],
                class_="sim-myth-pick", hide_details=True,
            )
        solara.Button(t("myth_ask", lang), on_click=task, color="primary",
                      classes=["sim-myth-ask"], disabled=task.pending,
                      icon_name="mdi-play")
    if levers:
        solara.Text(t("myth_levers", lang), classes=["sim-hint"])
        with solara.Row(gap="24px", style={"flex-wrap": "wrap"}):
            for name, start in levers:
                with solara.Column(style={"min-width": "260px", "flex": "1"}):
                    ControlWidget(
                        control=all_controls[name], value=values.value.get(name, start),
                        on_value=lambda v, name=name: values.set({**values.value, name: v}),
                        lang=lang, changed=values.value.get(name, start) != start,
                    )
    solara.ProgressLinear(task.pending)
    if task.pending:
        solara.Text(t("myth_busy", lang), classes=["sim-hint", "sim-myth-busy"])
    result = task.value if task.finished else None
    if isinstance(result, str):
        solara.Error(f"{t('invalid', lang)}: {result}", classes=["sim-myth-error"])
        result = None
    if isinstance(result, _Answer) and result.number != number.value:
        result = None  # an answer to another myth is not shown next to this claim
    current = (isinstance(result, _Answer) and result.lang == lang
               and result.overrides == tuple(sorted(overrides.items())))
    with solara.Columns([2, 3], gutters_dense=True):
        with solara.Column(classes=["sim-myth-claim-box"]):
            solara.Text(t("myth_claim", lang), classes=["sim-heading"])
            solara.Text(f"“{_claim(number.value, lang)}”", classes=["sim-myth-claim"])
        with solara.Column(classes=["sim-myth-answer-box"]):
            solara.Text(t("myth_answer", lang), classes=["sim-heading"])
            if not isinstance(result, _Answer):
                solara.Text(t("myth_press", lang), classes=["sim-hint"])
            else:
                if not current:
                    solara.Warning(t("myth_stale", lang), classes=["sim-myth-stale"])
                solara.Text(result.conclusion, classes=["sim-myth-conclusion"])
                Prose(result.numbers, classes=["sim-myth-numbers"])
                Prose(f"**{t('myth_counter', lang)}** {result.counter_conclusion}",
                      classes=["sim-myth-counter"])
                if result.robustness:
                    Prose(f"**{TEMPLATES[lang]['robustness_heading']}** "
                          + " ".join(result.robustness), classes=["sim-myth-robustness"])
    if isinstance(result, _Answer):
        solara.Image(result.png, width="100%", classes=["sim-myth-figure"])
        questions = "\n".join(f"- {q}" for q in result.questions)
        Prose(f"**{t('myth_questions', lang)}**\n\n{questions}", classes=["sim-myth-questions"])


CSS = """
.sim-label { font-size: 0.92rem; line-height: 1.2; }
.sim-value { font-weight: 600; font-size: 0.95rem; white-space: nowrap; padding-left: 8px; }
.sim-changed .sim-label { color: #6a1b9a; font-weight: 600; }
.sim-control { margin-bottom: 10px; }
.sim-role { font-weight: 700; margin: 14px 0 4px 0; display: block; }
.sim-emergence { font-size: 0.95rem; margin-top: 6px; display: block; }
.sim-hint { font-size: 0.85rem; color: #555; margin: 6px 0 8px 0; display: block; }
.sim-week, .sim-compare-week { font-size: 1.35rem; font-weight: 700; }
.sim-heading { font-size: 1.25rem; font-weight: 600; display: block; margin-top: 12px; }
.sim-prose { font-size: 1.05rem; line-height: 1.5; max-width: 60rem; }
.sim-about { font-size: 1.2rem; }
.sim-myth-claim { font-size: 1.5rem; font-style: italic; display: block; }
.sim-myth-conclusion { font-size: 1.3rem; font-weight: 600; display: block; margin-bottom: 6px; }
.sim-map img, img.sim-map, img.sim-series, img.sim-compare-map, img.sim-compare-series,
img.sim-myth-figure {
  max-width: 100%; height: auto;
}
.v-expansion-panel-content__wrap { padding: 4px 12px 8px 12px; }
.v-navigation-drawer.solara-content-main { width: 400px !important; }
"""


@solara.component
def Page():
    """The dashboard page: one session's own neighbourhood, controls and views."""
    lang = solara.use_reactive(DEFAULT_LANG)
    scenario = solara.use_reactive(DEFAULT)
    values = solara.use_reactive(ctl.scenario_values(DEFAULT))
    seed = solara.use_reactive(0)
    reset = solara.use_reactive(0)
    playing = solara.use_reactive(False)
    view = solara.use_reactive("run")
    message = solara.use_reactive(None)
    last_good = solara.use_ref(None)
    settings = tuple(sorted(values.value.items()))

    def build() -> Run | str:
        try:
            return Run.start(ctl.resolve(scenario.value, values.value), seed.value)
        except ScenarioError as error:
            return str(error)

    built = solara.use_memo(build, [scenario.value, settings, seed.value, reset.value])
    error = built if isinstance(built, str) else None
    if not isinstance(built, str):
        last_good.current = built
    run: Run | None = last_good.current

    def pick_scenario(name: str) -> None:
        if name and name != scenario.value:
            playing.set(False)
            scenario.set(name)
            values.set(ctl.scenario_values(name))

    def set_value(name: str, value: Any) -> None:
        if values.value.get(name) != value:
            playing.set(False)
            values.set({**values.value, name: value})

    def export() -> None:
        if run is None or run.week < 1:
            message.set(("warning", t("export_nothing", lang.value)))
            return
        playing.set(False)
        try:
            folder = export_run(run, lang=lang.value)
        except (OutputError, RuntimeError, ValueError) as problem:
            message.set(("error", f"{t('export_failed', lang.value)}: {problem}"))
        else:
            message.set(("success", f"{t('exported', lang.value)} {folder}"))

    lg = lang.value
    solara.Style(CSS)
    solara.Title(t("app_title", lg))
    with solara.AppBar():
        solara.AppBarTitle(t("app_title", lg))
    with solara.Sidebar():
        ScenarioPicker(scenario.value, pick_scenario, lg)
        solara.InputInt(t("seed", lg), value=seed.value, classes=["sim-seed"],
                        on_value=lambda s: seed.set(max(0, int(s or 0))))
        with solara.Row(gap="6px", style={"flex-wrap": "wrap", "margin": "8px 0"}):
            solara.Button(t("export", lg), on_click=export, icon_name="mdi-content-save",
                          classes=["sim-export"], outlined=True)
        if message.value is not None:
            kind, text = message.value
            {"success": solara.Success, "warning": solara.Warning,
             "error": solara.Error}[kind](text, classes=["sim-message"])
        solara.Text(t("settings", lg), classes=["sim-heading"])
        ParameterControls(values.value, ctl.scenario_values(scenario.value), set_value, lg)

    views = {"run": "tab_run", "compare": "tab_compare", "myths": "tab_myths",
             "tipping": "tab_tipping", "about": "tab_about"}
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap", "width": "100%"},
                    gap="16px"):
        solara.ToggleButtonsSingle(
            value=view.value, on_value=lambda v: (playing.set(False), view.set(v)),
            classes=["sim-view"],
            children=[solara.Button(t(key, lg), value=name, classes=[f"sim-view-{name}"])
                      for name, key in views.items()],
        )
        solara.v.Spacer()
        solara.ToggleButtonsSingle(
            value=lang.value, on_value=lang.set, classes=["sim-lang"],
            children=[solara.Button(code.upper(), value=code, classes=[f"sim-lang-{code}"])
                      for code in LANGUAGES],
        )
    if error is not None:
        solara.Error(f"{t('invalid', lg)}: {error}", classes=["sim-invalid"])
    if view.value == "about":
        Prose(t("about", lg), classes=["sim-about"])
    elif view.value == "compare":
        CompareView(scenario.value, values.value, seed.value, lg, playing)
    elif view.value == "myths":
        WorkshopView(lg)
    elif view.value == "tipping":
        TippingView(scenario.value, values.value, lg)
    elif run is not None:
        RunPanel(run, playing, on_reset=lambda: (playing.set(False), reset.set(reset.value + 1)),
                 lang=lg)
        choice = next((c for c in ctl.scenario_choices() if c.name == scenario.value), None)
        if choice is not None:
            description = run.scenario.description(lg)
            solara.Details(summary=choice.label(lg), children=[Prose(description)])
