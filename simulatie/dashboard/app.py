# ruff: noqa: N802  (Solara components are named like classes: Page, ViewBar, ...)
"""The Solara dashboard: one neighbourhood per browser session, drawn week by week.

Start it with ``simulatie dashboard`` (see ``docs/dashboard.md``), or ``solara run
simulatie.dashboard.app``. This module is the page's shell: the sidebar with the scenario, the
seed, *Save results* and the settings, the bar that switches views and languages, and the view
shown. Each view lives in a module of its own: :mod:`~simulatie.dashboard.run_view`,
:mod:`~simulatie.dashboard.compare_view`, :mod:`~simulatie.dashboard.workshop_view` and
:mod:`~simulatie.dashboard.tipping`. Every control is generated from the parameter declarations
(:mod:`simulatie.dashboard.controls`, :mod:`simulatie.dashboard.control_widgets`), every label
comes from the declarations, :data:`simulatie.core.observe.metrics.METRICS` or
:mod:`simulatie.dashboard.translations`, and the pictures are drawn by
:mod:`simulatie.dashboard.portrayal`.

When Solara starts serving this module, :func:`simulatie.dashboard.serving.prepare` puts the Dutch
loader in place of Solara's English one and builds the first page's run in the background
(:func:`~simulatie.dashboard.run.warm_up`), so the first visitor does not wait for the spin-up.

Each browser session builds its own model inside the :func:`Page` component (``solara.use_memo``),
so two people in a workshop never step each other's neighbourhood; nothing model-related lives at
module level. Changing a setting, the scenario or the seed starts the neighbourhood again at week 0
(parameters are frozen once a run starts). *Save results* writes the run through
:func:`simulatie.dashboard.run.export_run`, the same files as ``simulatie run``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import solara

from simulatie.experiment.results import OutputError
from simulatie.experiment.scenarios import DEFAULT, ScenarioError

from . import controls as ctl
from . import serving
from .compare_view import CompareView
from .control_widgets import ParameterControls, ScenarioPicker
from .prose import Prose
from .run import Run, export_run, step_and_draw_seconds, warm_up
from .run_view import RunPanel
from .tipping import TippingView
from .translations import DEFAULT_LANG, LANGUAGES, t
from .workshop_view import WorkshopView

# step_and_draw_seconds is defined in .run; the benchmarks and docs/performance.md name it here.
__all__ = ["CSS", "VIEWS", "InvalidSettings", "Page", "ViewBar", "export_message",
           "show_settings", "show_view", "step_and_draw_seconds"]

VIEWS = {"run": "tab_run", "compare": "tab_compare", "myths": "tab_myths",
         "tipping": "tab_tipping", "about": "tab_about"}
"""The views in the order of their buttons, with the translation key of each button's label."""

Message = tuple[str, str]
"""What the sidebar says after *Save results*: ``("success" | "warning" | "error", text)``."""

CSS = """
.sim-label { font-size: 0.92rem; line-height: 1.2; }
.sim-value { font-weight: 600; font-size: 0.95rem; white-space: nowrap; padding-left: 8px; }
.sim-changed .sim-label { color: #6a1b9a; font-weight: 600; }
.sim-control { margin-bottom: 10px; }
.sim-role { font-weight: 700; margin: 14px 0 4px 0; display: block; }
.sim-group-role { font-weight: 600; font-size: 0.85rem; color: #555; text-transform: uppercase;
  letter-spacing: 0.03em; margin: 8px 0 2px 0; display: block; }
.sim-invalid-detail { font-family: monospace; font-size: 0.85rem; white-space: pre-wrap; }
.sim-tipping-room { font-size: 1.15rem; line-height: 1.5; display: block; margin: 4px 0; }
.sim-tipping-room strong { font-weight: 700; }
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
""" + """
.v-progress-linear__indeterminate--active .long,
.v-progress-linear__indeterminate--active .short {
  right: 0; transform-origin: 0 0; will-change: transform;
}
.v-progress-linear__indeterminate--active .long { animation-name: sim-busy-long; }
.v-progress-linear__indeterminate--active .short { animation-name: sim-busy-short; }
@keyframes sim-busy-long {
  0%, 60% { transform: translateX(-90%) scaleX(0.9); }
  100% { transform: translateX(100%) scaleX(0.35); }
}
@keyframes sim-busy-short {
  0% { transform: translateX(-200%) scaleX(2); }
  60%, 100% { transform: translateX(107%) scaleX(0.01); }
}
"""
"""The page's styles. The second part redraws the bar that runs along the top while the server
is busy (Solara's, after 0.3 s) with the same motion as Vuetify's, but moved and stretched
(``transform``) instead of re-placed (``left`` and ``right``): the browser then animates it
without laying out and painting the page every frame. With fifteen sessions waiting at once on
the server's two cores, Vuetify's own bar cost more CPU than the server's work."""



def _start_run(scenario: str, values: Mapping[str, Any], seed: int) -> Run | str:
    try:
        return Run.start(ctl.resolve(scenario, values), seed)
    except ScenarioError as error:
        return str(error)


def export_message(run: Run, lang: str) -> Message:
    """Save the run (:func:`~simulatie.dashboard.run.export_run`) and say how that went.

    Args:
        run: The run shown, at week 1 or later.
        lang: Language of the message.

    Returns:
        An error when saving failed, otherwise the folder written.
    """
    try:
        folder = export_run(run, lang=lang)
    except (OutputError, RuntimeError, ValueError) as problem:
        return ("error", f"{t('export_failed', lang)}: {problem}")
    return ("success", f"{t('exported', lang)} {folder}")


def show_settings(scenario: str, on_scenario: Callable[[str], None], seed: int,
                  on_seed: Callable[[int], None], on_export: Callable[[], None],
                  message: Message | None, values: Mapping[str, Any],
                  on_value: Callable[[str, Any], None], lang: str) -> None:
    """Show the sidebar: scenario, seed, *Save results* and its message, then every setting.

    A plain function, called while :func:`Page` renders inside ``solara.Sidebar``: its elements
    land in the sidebar itself, as they always did.

    Args:
        scenario: The scenario picked.
        on_scenario: Called with another scenario's name.
        seed: The seed.
        on_seed: Called with a new seed.
        on_export: Saves the run (*Save results*).
        message: What the last *Save results* said, if anything.
        values: The settings' current values by name.
        on_value: Called with a setting's name and its new value.
        lang: Language of the labels.
    """
    ScenarioPicker(scenario, on_scenario, lang)
    solara.InputInt(t("seed", lang), value=seed, classes=["sim-seed"],
                    on_value=lambda s: on_seed(max(0, int(s or 0))))
    with solara.Row(gap="6px", style={"flex-wrap": "wrap", "margin": "8px 0"}):
        solara.Button(t("export", lang), on_click=on_export, icon_name="mdi-content-save",
                      classes=["sim-export"], outlined=True)
    if message is not None:
        kind, text = message
        {"success": solara.Success, "warning": solara.Warning,
         "error": solara.Error}[kind](text, classes=["sim-message"])
    solara.Text(t("settings", lang), classes=["sim-heading"])
    ParameterControls(values, ctl.scenario_values(scenario), on_value, lang)


@solara.component
def ViewBar(view: str, on_view: Callable[[str], None], lang: str,
            on_lang: Callable[[str], None]):
    """The buttons that switch the view (:data:`VIEWS`) and, on the right, the language."""
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap", "width": "100%"},
                    gap="16px"):
        solara.ToggleButtonsSingle(
            value=view, on_value=on_view, classes=["sim-view"],
            children=[solara.Button(t(key, lang), value=name, classes=[f"sim-view-{name}"])
                      for name, key in VIEWS.items()],
        )
        solara.v.Spacer()
        solara.ToggleButtonsSingle(
            value=lang, on_value=on_lang, classes=["sim-lang"],
            children=[solara.Button(code.upper(), value=code, classes=[f"sim-lang-{code}"])
                      for code in LANGUAGES],
        )


def show_view(view: str, run: Run | None, scenario: str, values: Mapping[str, Any], seed: int,
              playing: solara.Reactive[bool], on_reset: Callable[[], None], lang: str) -> None:
    """Show the view picked; the run view also shows the scenario's description below.

    A plain function, called while :func:`Page` renders: its elements land in the page itself,
    as they always did.

    Args:
        view: One of :data:`VIEWS`.
        run: The session's run, or None when the settings never gave a valid one.
        scenario: The scenario picked.
        values: The settings' current values by name.
        seed: The seed.
        playing: Whether *Play* is on.
        on_reset: Starts the run again at week 0.
        lang: Language of the view.
    """
    if view == "about":
        Prose(t("about", lang), classes=["sim-about"])
    elif view == "compare":
        CompareView(scenario, values, seed, lang, playing)
    elif view == "myths":
        WorkshopView(lang)
    elif view == "tipping":
        TippingView(scenario, values, lang)
    elif run is not None:
        RunPanel(run, playing, on_reset=on_reset, lang=lang)
        choice = next((c for c in ctl.scenario_choices() if c.name == scenario), None)
        if choice is not None:
            description = run.scenario.description(lang)
            solara.Details(summary=choice.label(lang), children=[Prose(description)])


@solara.component
def InvalidSettings(problem: str, values: Mapping[str, Any], shown: bool, lang: str):
    """Settings that do not fit together: why, in plain words, and the technical message apart.

    Args:
        problem: The validation's own message (for the researcher).
        values: The settings' current values by name.
        shown: Whether the page still shows the neighbourhood of the last settings that fit.
        lang: Language of the message.
    """
    text = f"{t('invalid', lang)} {ctl.invalid_words(values, lang)}"
    if shown:
        text += f" {t('invalid_kept', lang)}"
    solara.Error(text, classes=["sim-invalid"])
    solara.Details(summary=t("for_researcher", lang), children=[
        solara.Text(problem, classes=["sim-invalid-detail"])])


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
    built = solara.use_memo(lambda: _start_run(scenario.value, values.value, seed.value),
                            [scenario.value, settings, seed.value, reset.value])
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
        message.set(export_message(run, lang.value))

    lg = lang.value
    solara.Style(CSS)
    solara.Title(t("app_title", lg))
    with solara.AppBar():
        solara.AppBarTitle(t("app_title", lg))
    with solara.Sidebar():
        show_settings(scenario.value, pick_scenario, seed.value, seed.set, export,
                      message.value, values.value, set_value, lg)
    ViewBar(view.value, lambda v: (playing.set(False), view.set(v)), lg, lang.set)
    if error is not None:
        InvalidSettings(error, values.value, run is not None, lg)
    show_view(view.value, run, scenario.value, values.value, seed.value, playing,
              lambda: (playing.set(False), reset.set(reset.value + 1)), lg)


# Served by Solara: the Dutch loader, and the first page's run made while nobody waits for it.
serving.prepare(__name__, warm_up)
