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

from typing import Any

import solara
import solara.lab

from simulatie.experiment.results import OutputError
from simulatie.experiment.scenarios import DEFAULT, ScenarioError

from . import controls as ctl
from .compare_view import CompareView
from .control_widgets import ParameterControls, ScenarioPicker
from .prose import Prose
from .run import Run, export_run, step_and_draw_seconds
from .run_view import RunPanel
from .tipping import TippingView
from .translations import DEFAULT_LANG, LANGUAGES, t
from .workshop_view import WorkshopView

__all__ = ["Page", "step_and_draw_seconds"]

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
