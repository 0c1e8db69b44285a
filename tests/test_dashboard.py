"""The dashboard without a browser: controls, translations, drawing, export and a headless render.

The render tests follow Mesa's own (``tests/visualization`` in mesa/mesa v3.5.1): ``solara.render``
builds the widget tree in this process, and widgets are found and driven through the finder.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

solara = pytest.importorskip("solara", reason="the dashboard extra is not installed")
ipywidgets = pytest.importorskip("ipywidgets")
v = pytest.importorskip("ipyvuetify")

from typer.testing import CliRunner  # noqa: E402

from simulatie.cli import dashboard as dashboard_cli  # noqa: E402
from simulatie.core.calendar import WEEKS_PER_YEAR  # noqa: E402
from simulatie.core.observe.metrics import METRICS  # noqa: E402
from simulatie.core.parameters import make_parameters, parameter_specs  # noqa: E402
from simulatie.core.run.simulation import Simulation  # noqa: E402
from simulatie.core.state.groups import Group  # noqa: E402
from simulatie.dashboard import app as dashboard  # noqa: E402
from simulatie.dashboard import controls as ctl  # noqa: E402
from simulatie.dashboard import portrayal, run_view, workshop_view  # noqa: E402
from simulatie.dashboard import run as dashboard_run  # noqa: E402
from simulatie.dashboard.translations import (  # noqa: E402
    GROUP_NAMES,
    LANGUAGES,
    PARAMETER_GROUPS,
    TEXT,
    t,
)
from simulatie.experiment.results import read_run  # noqa: E402
from simulatie.experiment.run import run as run_simulation  # noqa: E402
from simulatie.experiment.scenarios import load_scenario  # noqa: E402

# --- controls -------------------------------------------------------------------------------------


def test_every_parameter_has_a_control_with_its_declared_default_and_bounds():
    specs = parameter_specs()
    controls = ctl.controls()
    assert list(controls) == list(specs)
    for name, control in controls.items():
        spec = specs[name]
        assert control.default == spec.default, name
        assert control.lower == spec.lower and control.upper == spec.upper, name
        assert control.choices == spec.choices, name
        assert control.coerce(spec.default) == spec.default, f"{name}: default is off the grid"


def test_slider_steps_are_round_and_hit_the_default():
    for control in ctl.controls().values():
        if control.widget is not ctl.Widget.SLIDER_FLOAT:
            continue
        steps = (float(control.default) - float(control.lower)) / control.step
        assert math.isclose(steps, round(steps), abs_tol=1e-9), control.name
        positions = (float(control.upper) - float(control.lower)) / control.step
        assert ctl.SLIDER_POSITIONS - 1e-9 <= positions <= 5 * ctl.SLIDER_POSITIONS, control.name


def test_coerce_clamps_to_bounds_and_type():
    controls = ctl.controls()
    assert controls["takeover"].coerce(7) == 1.0
    assert controls["takeover"].coerce(-1) == 0.0
    assert controls["initiators"].coerce(3.6) == 4
    assert controls["residents"].widget is ctl.Widget.NUMBER_INT
    assert controls["residents"].coerce(10**9) == parameter_specs()["residents"].upper


def test_labels_come_from_the_declarations():
    for control in ctl.controls().values():
        for lang in LANGUAGES:
            assert control.label(lang).startswith(control.spec.label(lang).rstrip("."))


def test_scenario_choices_cover_every_file_and_variant():
    choices = {c.name for c in ctl.scenario_choices()}
    assert "default" in choices and "theehuis" in choices and "theehuis:no_matching" in choices
    assert ctl.scenario_choices()[0].name == "default"


def test_resolve_applies_changes_as_overrides():
    values = {**ctl.scenario_values("theehuis"), "takeover": 0.8}
    scenario = ctl.resolve("theehuis", values)
    assert scenario.parameters.takeover == 0.8
    assert dict(scenario.overrides) == {"takeover": 0.8}
    assert scenario.parameters.guidance_style == load_scenario("theehuis").parameters.guidance_style


# --- translations -----------------------------------------------------------------------------


def test_every_text_exists_in_both_languages():
    for key, texts in TEXT.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts.values()), key
    assert set(GROUP_NAMES) == set(Group)
    assert {spec.group for spec in parameter_specs().values()} <= set(PARAMETER_GROUPS)
    assert t("map_title", "en", week=3) == "The neighbourhood in week 3"


# --- drawing ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stepped_simulation():
    simulation = Simulation(make_parameters({}), 3)
    simulation.step(30)
    return simulation


@pytest.fixture(scope="module")
def stepped_model(stepped_simulation):
    return stepped_simulation.model


def test_resident_states_cover_everyone_and_match_the_lonely_metric(
    stepped_model, stepped_simulation
):
    states = portrayal.resident_states(stepped_model)
    assert len(states) == stepped_model.population.n
    assert set(np.unique(states)) <= set(portrayal.ResidentState)
    helping = stepped_model.population.given > 0
    assert (states[helping] == portrayal.ResidentState.HELPING).all()
    model = stepped_model
    lonely = model.state.views.friendly_counts < model.params.lonely_below_ties
    shown_lonely = states == portrayal.ResidentState.LONELY
    assert (lonely[shown_lonely]).all()
    assert math.isclose(lonely.mean(), stepped_simulation.records[-1]["lonely_share"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_map_legend_and_title_are_in_the_language(stepped_model, lang):
    figure = portrayal.draw_map(stepped_model, lang)
    texts = [text.get_text() for legend in figure.legends for text in legend.get_texts()]
    assert {names[lang] for names in GROUP_NAMES.values()} <= set(texts)
    assert t("caring_tie", lang) in texts
    titles = [text.get_text() for text in figure.texts]
    assert t("map_title", lang, week=30) in titles
    assert any(METRICS["caring_ties"].label(lang) in title for title in titles)


def test_map_draws_every_caring_tie(stepped_model):
    painter = portrayal.MapPainter(stepped_model.layout)
    painter.update(stepped_model)
    caring = int((stepped_model.ties.stage == 3).sum())
    assert len(painter.caring_ties.get_segments()) == caring
    friendly = int((stepped_model.ties.stage == 2).sum())
    assert len(painter.friendly_ties.get_segments()) == friendly
    assert painter.png().startswith(b"\x89PNG")


def test_series_panels_show_the_requested_metrics(stepped_simulation):
    figure = portrayal.draw_series(stepped_simulation.records, "nl")
    texts = {text.get_text().replace("\n", " ") for ax in figure.axes
             if ax.get_legend() for text in ax.get_legend().get_texts()}
    for name in ("caring_ties", "lonely_share", "care_hours_unmet", "care_hours_network",
                 "active_volunteers", "active_initiators", "ownership"):
        assert METRICS[name].nl in texts, name
    assert t("baseline_caring", "nl") in texts  # the same neighbourhood with nothing organised
    dotted = [line for ax in figure.axes for line in ax.get_lines()
              if line.get_linestyle() == ":"]
    # the baseline, dotted, in every panel that has one: caring ties, loneliness, own network
    assert len(dotted) == len(portrayal.BASELINE_LINES) == 3
    records = stepped_simulation.records
    for line, column in zip(dotted, portrayal.BASELINE_LINES, strict=True):
        assert list(line.get_ydata()) == [r[column] for r in records], column
    assert {f"{METRICS['lonely_share'].nl}, {t('baseline_short', 'nl')}",
            f"{METRICS['care_hours_network'].nl}, {t('baseline_short', 'nl')}"} <= texts


def test_a_series_without_a_baseline_leaves_it_out_of_the_legend(stepped_simulation):
    painter = portrayal.SeriesPainter("nl", baseline=False)
    figure = painter.update([{k: v for k, v in row.items() if not k.startswith("baseline_")}
                             for row in stepped_simulation.records])
    texts = {text.get_text() for ax in figure.axes if ax.get_legend()
             for text in ax.get_legend().get_texts()}
    assert not any(t("baseline_short", "nl") in text or "niets georganiseerd" in text
                   for text in texts)
    compact = portrayal.SeriesPainter("nl", baseline=False, compact=True)
    assert not any(ax.get_legend() for ax in compact.figure.axes)


def test_blitted_frames_change_with_the_model_and_keep_their_size():
    simulation = Simulation(make_parameters({}), 4)
    model = simulation.model
    map_painter, series_painter = portrayal.MapPainter(model.layout), portrayal.SeriesPainter()
    first = (map_painter.update(model) and map_painter.png(),
             series_painter.update(simulation.records) and series_painter.png())
    simulation.step(3)
    second = (map_painter.update(model) and map_painter.png(),
              series_painter.update(simulation.records) and series_painter.png())
    assert first[0] != second[0] and first[1] != second[1]
    import io

    from PIL import Image

    for a, b in zip(first, second, strict=True):
        assert Image.open(io.BytesIO(a)).size == Image.open(io.BytesIO(b)).size


def test_a_panel_whose_axes_change_is_redrawn_alone_with_the_pixels_of_a_full_redraw():
    rng = np.random.default_rng(3)
    names = ["caring_ties", "baseline_caring_ties", "lonely_share", "baseline_lonely_share",
             "ownership", "baseline_care_hours_network", "active_volunteers",
             "active_initiators", *portrayal.CARE_SERIES]
    records = [{"week": float(w), **{n: float(rng.uniform(0, 1 + w * 2)) for n in names}}
               for w in range(60)]
    painter = portrayal.SeriesPainter("nl")
    limits = {"ties": 150.0, "care": 400.0, "people": 30.0, "week": 52.0}
    painter.update(records[:40], limits)
    painter.png()
    for changed in ({"people": 40.0}, {"care": 800.0, "ties": 200.0}, {"week": 104.0}):
        limits = {**limits, **changed}
        shown = painter.update(records, limits) and painter.png()
        fresh = portrayal.SeriesPainter("nl")
        assert shown == (fresh.update(records, limits) and fresh.png()), changed


def test_series_limits_are_shared_and_round():
    records = [{"week": w, "caring_ties": 37.0, "active_volunteers": 3.0,
                "active_initiators": 1.0, **{c: 10.0 for c in portrayal.CARE_SERIES}}
               for w in range(60)]
    limits = portrayal.series_limits(records, records[:10])
    assert limits["week"] == 104
    assert limits["ties"] == 50
    assert limits["care"] == 60


# --- export and speed -------------------------------------------------------------------------


def test_export_writes_what_simulatie_run_writes(tmp_path):
    run = dashboard_run.Run.start(
        ctl.resolve("default", {**ctl.scenario_values(), "takeover": 0.8}), seed=5)
    run.step(6)
    folder = dashboard_run.export_run(run, tmp_path / "export", lang="en")
    timeseries, metadata = read_run(folder)
    expected = run_simulation(run.scenario.parameters, seed=5, steps=6)
    pd.testing.assert_frame_equal(timeseries, expected.timeseries)
    assert metadata["seed"] == 5 and metadata["steps"] == 6
    assert metadata["source"] == "dashboard"
    assert metadata["scenario"] == "default"
    assert metadata["overrides"] == {"takeover": 0.8}
    assert metadata["parameters"]["takeover"] == 0.8
    assert (folder / "figure.png").exists()
    json.dumps(metadata)


def test_export_refuses_week_zero(tmp_path):
    run = dashboard_run.Run.start(ctl.resolve("default", ctl.scenario_values()), seed=0)
    with pytest.raises(ValueError):
        dashboard_run.export_run(run, tmp_path / "x")
    assert not (tmp_path / "x").exists()


# --- headless render ----------------------------------------------------------------------------


def render_page():
    return solara.render(solara.AppLayout(children=[dashboard.Page()]), handle_error=False)


def open_groups(rc) -> None:
    """Fold every group of controls open, as a user would; closed groups have no controls."""
    for panels in rc.find(v.ExpansionPanels, class_="sim-group").widgets:
        panels.v_model = 0


def sliders(rc) -> dict[str, v.Slider]:
    open_groups(rc)
    found = {}
    for widget in rc.find(v.Slider).widgets:
        name = widget.class_.removeprefix("param-")
        found[name] = widget
    return found


def week_text(rc) -> str:
    return rc.find(v.Html, class_="sim-week").widget.children[0]


def images(rc, cls: str) -> list[bytes]:
    return [w.value for w in rc.find(ipywidgets.Image).widgets if cls in w._dom_classes]


def click(rc, cls: str) -> None:
    rc.find(v.Btn, class_=cls).widget.click()


def test_page_sliders_start_at_the_declared_defaults():
    _, rc = render_page()
    specs = parameter_specs()
    found = sliders(rc)
    expected = {c.name for c in ctl.controls().values()
                if c.widget in (ctl.Widget.SLIDER_FLOAT, ctl.Widget.SLIDER_INT)}
    assert set(found) == expected
    for name, slider in found.items():
        assert slider.v_model == specs[name].default, name
        assert (slider.min, slider.max) == (specs[name].lower, specs[name].upper), name
    selects = {w.class_.removeprefix("param-"): w for w in rc.find(v.Select).widgets
               if (w.class_ or "").startswith("param-")}
    assert {name: s.v_model for name, s in selects.items()} == {
        name: spec.default for name, spec in specs.items() if spec.choices
    }


def test_page_steps_and_redraws():
    _, rc = render_page()
    assert week_text(rc).startswith("Week 0")
    before = images(rc, "sim-map") + images(rc, "sim-series")
    assert len(before) == 2
    click(rc, "sim-step")
    assert week_text(rc).startswith("Week 1")
    after = images(rc, "sim-map") + images(rc, "sim-series")
    assert all(a != b for a, b in zip(before, after, strict=True))
    click(rc, "sim-year")
    assert week_text(rc).startswith(f"Week {1 + WEEKS_PER_YEAR}")
    emergence = rc.find(v.Html, class_="sim-emergence").widget.children[0]
    assert "niets georganiseerd" in emergence or "zonder georganiseerde" in emergence
    click(rc, "sim-reset")
    assert week_text(rc).startswith("Week 0")


def test_a_closed_group_has_no_controls_until_it_is_opened():
    _, rc = render_page()
    assert not rc.find(v.Slider).widgets  # every group starts closed
    groups = rc.find(v.ExpansionPanels, class_="sim-group").widgets
    first = groups[0]
    first.v_model = 0
    opened = rc.find(v.Slider).widgets
    assert opened and len(opened) < len(sliders(rc))
    assert len(rc.find(v.ExpansionPanels, class_="sim-group").widgets) == len(groups)


def test_page_groups_the_controls_by_role():
    _, rc = render_page()
    roles = [w.children[0] for w in rc.find(v.Html, class_="sim-role").widgets]
    assert roles == ["Beleidsknoppen", "Structuur van de buurt", "Aannames over de context",
                     "Meetafspraken"]


def test_every_group_name_appears_once_in_the_sidebar():
    _, rc = render_page()
    groups = rc.find(v.ExpansionPanels, class_="sim-group").widgets
    headers = [w.children[0].children[0].children[0] for w in groups]
    assert len(headers) == len(set(headers)) == len(ctl.controls_by_group())
    assert set(headers) == {PARAMETER_GROUPS[g]["nl"] for g in ctl.controls_by_group()}
    from simulatie.core.parameters import Role
    from simulatie.dashboard.control_widgets import grouped_by_role

    placed = grouped_by_role()
    levers = [c.name for groups in placed.values() for members in groups.values()
              for c in members if c.spec.role is Role.LEVER]
    assert set(levers) == {c.name for c in ctl.controls().values() if c.spec.role is Role.LEVER}
    assert all(c.spec.role is Role.LEVER for members in placed[Role.LEVER].values()
               for c in members[:1])  # a group with levers starts with them
    care = PARAMETER_GROUPS["care"]["nl"]
    panels = [w for w, header in zip(groups, headers, strict=True) if header == care]
    panels[0].v_model = 0  # open "Zorg": its lever, then its assumptions, each under a heading
    assert [w.children[0] for w in rc.find(v.Html, class_="sim-group-role").widgets] == [
        "Beleidsknop", "Aanname over de context"]


def test_emergence_text_names_the_week_once_the_difference_holds():
    simulation = Simulation(make_parameters({"residents": 100, "spin_up_weeks": 52}), 1)
    run = dashboard_run.Run(load_scenario("default"), 1, simulation)
    assert t("emergence_not_yet", "en", excess=0.0) == run_view.emergence_text(run, "en")
    simulation.records.extend(
        {**simulation.records[-1], "week": w, "share_with_caring_tie": 0.9}
        for w in range(1, 30)
    )
    assert run_view.emergence_text(run, "en").startswith("Caring ties emerged from week 1")


def test_scenario_sets_the_controls_and_a_slider_restarts_the_run():
    _, rc = render_page()
    rc.find(v.Select, class_="sim-scenario").widget.v_model = "theehuis"
    theehuis = load_scenario("theehuis").parameters
    assert sliders(rc)["takeover"].v_model == theehuis.takeover
    assert sliders(rc)["share_lvb"].v_model == theehuis.share_lvb
    click(rc, "sim-step")
    click(rc, "sim-step")
    assert week_text(rc).startswith("Week 2")
    sliders(rc)["takeover"].v_model = 0.9
    assert week_text(rc).startswith("Week 0")
    assert sliders(rc)["takeover"].v_model == 0.9


def test_invalid_settings_are_explained_in_plain_dutch():
    _, rc = render_page()
    sliders(rc)["share_older"].v_model = 0.9
    sliders(rc)["share_family"].v_model = 0.9
    message = rc.find(v.Alert).widget.children[0]
    assert message.startswith("Deze instellingen passen niet bij elkaar.")
    assert "ouderen (65+) 90%" in message and "jonge gezinnen 90%" in message
    assert "share_older" not in message and "command line" not in message
    assert "Bevolking" in message and "vorige" not in message
    assert week_text(rc).startswith("Week 0")  # the last settings that fit are still shown


def test_invalid_words_add_up_the_groups_and_fall_back_to_a_general_sentence():
    values = {**ctl.scenario_values(), "share_older": 0.6, "share_family": 0.5}
    dutch, english = ctl.invalid_words(values, "nl"), ctl.invalid_words(values, "en")
    total = round(100 * sum(values[name] for name in ctl.GROUP_SHARES))
    assert f"samen op tot {total}%" in dutch and f"add up to {total}%" in english
    assert "ouderen (65+) 60%" in dutch and "young families 50%" in english
    assert ctl.invalid_words(ctl.scenario_values(), "nl") == t("invalid_other", "nl")


def test_two_sessions_have_their_own_models():
    _, first = render_page()
    _, second = render_page()
    click(first, "sim-step")
    click(first, "sim-step")
    assert week_text(first).startswith("Week 2")
    assert week_text(second).startswith("Week 0")


def test_language_switch_changes_labels():
    _, rc = render_page()
    assert rc.find(v.Btn, class_="sim-step").widget.children == [t("step", "nl")]
    rc.find(v.BtnToggle, class_="sim-lang").widget.v_model = LANGUAGES.index("en")
    assert rc.find(v.Btn, class_="sim-step").widget.children == [t("step", "en")]
    open_groups(rc)
    labels = [w.children[0] for w in rc.find(v.Html, class_="sim-label").widgets]
    assert ctl.controls()["takeover"].label("en") in labels


def test_compare_view_runs_two_models_on_the_same_seed():
    _, rc = render_page()
    rc.find(v.BtnToggle, class_="sim-view").widget.v_model = 1
    assert len(images(rc, "sim-compare-map")) == 2
    before = images(rc, "sim-compare-series")
    click(rc, "sim-year")
    assert rc.find(v.Html, class_="sim-compare-week").widget.children[0].startswith("Week 52")
    after = images(rc, "sim-compare-series")
    assert before != after and after[0] != after[1]


def test_myth_levers_are_the_counter_assumptions_with_their_default_values():
    from simulatie.workshop.myths import MYTHS, load_myth

    for n in MYTHS:
        levers = dict(workshop_view.myth_levers(n))
        myth = load_myth(n)
        assert 1 <= len(levers) <= 3 and set(levers) == set(myth.counter), n
        assert not set(levers) & {k for arm in myth.arms.values() for k in arm}, n


def fake_answer(n, lang, quick=False, overrides=None, shipped=False, **_):
    from types import SimpleNamespace

    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1))
    figure.add_subplot().plot([0, 1], [0, 1])
    fake_answer.calls.append((n, lang, quick, shipped, overrides))
    return SimpleNamespace(
        conclusion=f"fake conclusion {n} {lang}", default=SimpleNamespace(numbers="1 vs 2"),
        counter_conclusion="counter words", questions=["a question?"], figure=figure,
        robustness=[f"ensemble words {n}"] if not overrides else [],
        side_effects=[f"side effect words {n}"],
    )


def wait_for(predicate, seconds: float = 10.0) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_workshop_view_shows_the_claim_and_the_answer(monkeypatch):
    from simulatie.workshop import handout
    from simulatie.workshop.texts import MYTH_TEXTS

    fake_answer.calls = []
    monkeypatch.setattr(handout, "myth_answer", fake_answer)
    _, rc = render_page()
    rc.find(v.BtnToggle, class_="sim-view").widget.v_model = 2
    picker = rc.find(v.Select, class_="sim-myth-pick").widget
    assert [item["value"] for item in picker.items] == list(range(1, 8))
    assert MYTH_TEXTS[1]["nl"]["claim"] in picker.items[0]["text"]
    claim = rc.find(v.Html, class_="sim-myth-claim").widget.children[0]
    assert MYTH_TEXTS[1]["nl"]["claim"] in claim
    picker.v_model = 5
    claim = rc.find(v.Html, class_="sim-myth-claim").widget.children[0]
    assert MYTH_TEXTS[5]["nl"]["claim"] in claim
    open_groups(rc)
    lever = rc.find(v.Slider, class_="param-purposeful_share").widgets
    assert len(lever) == 2  # the sidebar's and the myth's
    assert len(rc.find(v.Slider).widgets) == len(sliders(rc)) + 1
    click(rc, "sim-myth-ask")
    wait_for(lambda: rc.find(v.Html, class_="sim-myth-conclusion").widgets)
    assert rc.find(v.Html, class_="sim-myth-conclusion").widget.children == ["fake conclusion 5 nl"]
    # the full answer, shipped or computed like the command line's: never a quick one
    assert fake_answer.calls == [(5, "nl", False, True, None)]
    assert images(rc, "sim-myth-figure")
    from solara.widgets.widgets import HTML

    shown = rc.find(HTML, attributes={"class": "sim-prose sim-myth-robustness"}).widget
    assert "ensemble words 5" in shown.unsafe_innerHTML
    effects = rc.find(HTML, attributes={"class": "sim-prose sim-myth-side-effects"}).widget
    assert "side effect words 5" in effects.unsafe_innerHTML
    for widget in lever:  # the sidebar's does not change the myth's runs; the myth's does
        widget.v_model = 0.0
    # the answer arrives from a background task, so its re-render may land a moment later
    wait_for(lambda: len(rc.find(v.Alert, class_="sim-myth-stale").widgets) == 1)
    click(rc, "sim-myth-ask")
    wait_for(lambda: len(fake_answer.calls) == 2
             and not rc.find(v.Alert, class_="sim-myth-stale").widgets)
    assert fake_answer.calls[-1] == (5, "nl", False, True, {"purposeful_share": 0.0})


# --- command line -----------------------------------------------------------------------------


def test_dashboard_command_starts_solara_offline(monkeypatch):
    import typer

    calls = []
    monkeypatch.setattr(dashboard_cli, "serve",
                        lambda command, stopped=None: calls.append(command) or 0)
    app = typer.Typer()
    app.command("noop")(lambda: None)
    dashboard_cli.register(app)
    result = CliRunner().invoke(app, ["dashboard", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.output and "stoppen met Ctrl+C" in result.output
    assert "waarschuwing" not in result.output
    command = calls[0]
    assert "--no-check-version" in command and dashboard_cli.APP_MODULE in command
    assert command[command.index("--host") + 1] == "127.0.0.1"

    result = CliRunner().invoke(app, ["dashboard", "--host", "0.0.0.0"])
    assert result.exit_code == 0
    assert "waarschuwing" in result.output

    result = CliRunner().invoke(app, ["dashboard", "--port", "8123", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "(stop with Ctrl+C)" in result.output


# --- tipping points ----------------------------------------------------------------------------


def _synthetic_map(folder):
    """A shipped map with a known corner of concern: takeover above 0.6 and few hours."""
    rng = np.random.default_rng(8)
    n = 120
    points = pd.DataFrame({"point": range(n), "takeover": rng.uniform(0, 1, n),
                           "professional_hours": rng.uniform(0, 32, n),
                           "need_scale": rng.uniform(0.7, 2.0, n)})
    bad = (points["takeover"] > 0.6) & (points["professional_hours"] < 16)
    points["caring_excess_final"] = np.where(bad, 0.01, 0.12)
    points["final_caring_ties"] = np.where(bad, 50.0, 80.0)
    points["final_baseline_caring_ties"] = 70.0
    points["final_care_hours_unmet"] = 10 * points["need_scale"]
    points["final_care_hours_needed"] = 60.0
    points["final_lonely_share"] = 0.3
    folder.mkdir(parents=True, exist_ok=True)
    points.to_csv(folder / "default.csv", index=False)
    (folder / "default.json").write_text(json.dumps({
        "varied": ["takeover", "professional_hours", "need_scale"], "replications": 2}))


def test_tipping_view_draws_the_map_and_the_box_in_words(monkeypatch, tmp_path):
    from solara.widgets.widgets import HTML

    from simulatie.dashboard import tipping
    from simulatie.experiment.discovery import shipped

    _synthetic_map(tmp_path / "tipping")
    monkeypatch.setattr(tipping, "load_tipping",
                        lambda name: shipped.load_tipping(name, tmp_path / "tipping"))
    _, rc = render_page()
    rc.find(v.BtnToggle, class_="sim-view").widget.v_model = 3
    wait_for(lambda: images(rc, "sim-tipping-map"))
    box = rc.find(v.Html, class_="sim-tipping-box").widget.children[0]  # for the researcher
    assert "takeover tussen 0,6" in box or "takeover boven 0,6" in box, box  # Dutch first
    assert "professional_hours onder" in box and "dekking" in box
    assert "need_scale" not in box  # need has nothing to do with this corner
    room = " ".join(w.unsafe_innerHTML for w in rc.find(HTML).widgets
                    if "sim-tipping-room" in w.attributes.get("class", ""))
    assert "doorgerekende buurten waar het deel van de tijd dat de professional zelf uitvoert " \
        "tussen 6" in room or "zelf uitvoert meer dan 6" in room, room
    assert "de tijd van de professional minder dan" in room and "uur per week" in room
    for word in ("PRIM", "dekking", "dichtheid", "takeover", "professional_hours"):
        assert word not in room, word
    first = images(rc, "sim-tipping-map")[0]
    rc.find(v.Select, class_="sim-tipping-y").widget.v_model = "need_scale"
    wait_for(lambda: images(rc, "sim-tipping-map") and images(rc, "sim-tipping-map")[0] != first)
    rc.find(v.BtnToggle, class_="sim-lang").widget.v_model = 1  # English
    wait_for(lambda: "coverage" in rc.find(v.Html, class_="sim-tipping-box").widget.children[0])


def test_tipping_view_without_a_shipped_map_says_how_to_make_one(monkeypatch):
    from simulatie.dashboard import tipping

    monkeypatch.setattr(tipping, "load_tipping", lambda name: None)
    _, rc = render_page()
    rc.find(v.BtnToggle, class_="sim-view").widget.v_model = 3
    from solara.widgets.widgets import HTML

    wait_for(lambda: rc.find(HTML, attributes={"class": "sim-prose sim-tipping-none"}).widgets)
    shown = rc.find(HTML, attributes={"class": "sim-prose sim-tipping-none"}).widget
    assert "simulatie discover" in shown.unsafe_innerHTML
    assert not images(rc, "sim-tipping-map")


def test_choices_show_in_the_interface_language():
    _, rc = render_page()
    open_groups(rc)
    select = rc.find(v.Select, class_="param-guidance_style").widget
    texts = {item["value"]: item["text"] for item in select.items}
    assert texts["participative"] == "participatief" and texts["facilitating"] == "faciliterend"
    rc.find(v.BtnToggle, class_="sim-lang").widget.v_model = 1  # English
    wait_for(lambda: {i["text"] for i in
                      rc.find(v.Select, class_="param-guidance_style").widget.items}
             >= {"participative", "facilitating"})
