"""The model's answer to one myth, ready to show: :class:`MythAnswer` and how it is made.

:func:`myth_answer` runs a myth (:mod:`simulatie.workshop.myths`), or takes the answer shipped
with the package for exactly those runs (:mod:`simulatie.workshop.answers`), and
:func:`answer_from_result` puts the result into words, numbers and a figure: the claim, the two
arms, the numbers per arm with their 95% intervals, the conclusion chosen from the computed
verdict with the side effects that go against it, what else the runs measured, the same under
the counter-assumption (its heading and closing sentence chosen by both verdicts), the robustness
across the calibrated ensemble, the discussion questions, and apart from all that the technical
notes for the facilitator (files, commands, parameters, provenance). The answer is what the
handout pages, ``answer.json`` and the dashboard show; it lives apart from the pages so that the
dashboard needs no page to show it.

An answer knows what it is (:data:`VARIANTS`): the *full* analysis at the myth file's own
settings, a *quick* try (:data:`simulatie.workshop.myths.QUICK`), or a *custom* run with other
settings. Only the full analysis carries the robustness across the ensemble, which was computed
at those settings; the others carry a banner that says, on the page, what they are.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.experiment.files import display
from simulatie.experiment.provenance import source_commit
from simulatie.experiment.wording import decimal
from simulatie.workshop.answers import shipped_result
from simulatie.workshop.handout_effects import ALWAYS_SHOWN, effect_metrics
from simulatie.workshop.handout_figure import plot_myth
from simulatie.workshop.handout_robustness import ensemble_lines
from simulatie.workshop.handout_words import (
    Side,
    arm_lines,
    describe_comparison,
    fmt,
    is_share,
)
from simulatie.workshop.myths import (
    MYTHS_DIR,
    QUICK,
    Myth,
    MythResult,
    Scale,
    Verdict,
    load_myth,
    run_myth,
)
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

__all__ = ["LANGS", "VARIANTS", "MythAnswer", "answer_from_result", "myth_answer", "variant"]

LANGS = ("nl", "en")
"""The languages an answer can be given in."""

VARIANTS = ("full", "quick", "custom")
"""What an answer is: the full analysis, a quick try, or a run with other settings."""


def _side_json(side: Side) -> dict[str, Any]:
    """One comparison's numbers and sentences as plain JSON values."""
    return {
        "myth": side.myth.__dict__, "alternative": side.alternative.__dict__,
        "difference": side.difference, "verdict": side.verdict.value, "holds": side.holds,
        "numbers": side.numbers, "difference_text": side.difference_text,
        "conclusion": side.conclusion,
        "side_effects": [
            {"metric": e.metric, "kept": e.kept, "myth": e.myth, "alternative": e.alternative,
             "difference": e.difference, "clear": e.clear, "better": e.better,
             "for_myth": e.for_myth, "text": e.text}
            for e in side.effects
        ],
    }


def _run_json(result: MythResult) -> dict[str, Any]:
    """How the numbers were made: the myth file, its settings, seeds and every run's value."""
    myth = result.myth
    return {
        "file": str(myth.path), "scenario": myth.scenario, "weeks": myth.weeks,
        "replications": myth.replications, "master_seed": myth.seed,
        "seeds": list(result.seeds),
        "arms": {k: dict(v) for k, v in myth.arms.items()},
        "counter": dict(myth.counter), "fixed": dict(myth.fixed),
        "overrides": dict(myth.overrides), "timeseries": list(myth.timeseries),
        "values": {
            arm + ("_counter" if c.myth.countered else ""): getattr(c, arm).values.tolist()
            for c in (result.default, result.counter)
            for arm in ("myth", "alternative")
        },
    }


@dataclass
class MythAnswer:
    """What the model answers to one myth, ready to show.

    Everything but ``notes`` and ``footer`` is for participants: plain words, no file names,
    commands or parameter names.

    Attributes:
        number: 1 to 7.
        lang: ``"nl"`` or ``"en"``.
        variant: ``"full"``, ``"quick"`` or ``"custom"`` (:data:`VARIANTS`).
        banner_title: For a quick try or a custom run, what the page is, e.g. "Quick try — not
            the full analysis"; empty for the full analysis.
        banner: What differs from the full analysis, and what that means for the page.
        claim: The myth in words.
        measure: The key measure in words.
        setup: How the numbers were made (years, replications, residents).
        arms: The two arms by name and what each sets, one line each.
        default: The comparison under the default assumptions.
        side_effects: What else the two arms did under the default assumptions, one sentence
            per metric: unmet care in hours per week, then the myth's own extra metrics.
        counter_heading: The heading of the counter-assumption's section, chosen by the default
            verdict (a myth that holds is not asked under which assumption it would hold).
        counter_assumption: The counter-assumption in words.
        counter_intro: The sentence that introduces the counter runs.
        counter: The comparison under the counter-assumption.
        counter_conclusion: What the counter-assumption changes, chosen by both verdicts.
        robustness: The same question across the calibrated ensemble and whether the default
            verdict is robust (full analysis only; empty otherwise or without a table).
        questions: Discussion questions tied to the practice cases.
        disclaimer: The "thinking tool, not a prediction" statement.
        rule: What "clearly" means.
        notes: Technical notes for the facilitator: changed settings, the command that makes
            the page, where the assumptions are written down.
        footer: Provenance line (technical).
        figure: The figure (key metric over time, per arm, with 95% bands).
        result: The underlying run result.
    """

    number: int
    lang: str
    variant: str
    banner_title: str
    banner: str
    claim: str
    measure: str
    setup: str
    arms: list[str]
    default: Side
    side_effects: list[str]
    counter_heading: str
    counter_assumption: str
    counter_intro: str
    counter: Side
    counter_conclusion: str
    robustness: list[str]
    questions: list[str]
    disclaimer: str
    rule: str
    notes: list[str]
    footer: str
    figure: Figure = field(repr=False)
    result: MythResult = field(repr=False)

    @property
    def conclusion(self) -> str:
        """The conclusion under the default assumptions."""
        return self.default.conclusion

    def title(self) -> str:
        """``Mythe 5 — "Als de deur openstaat, ..."``."""
        return f"{TEMPLATES[self.lang]['myth'].format(n=self.number)} — “{self.claim}”"

    def page_title(self) -> str:
        """The title, with what the page is when it is not the full analysis."""
        return f"{self.title()} — {self.banner_title}" if self.banner_title else self.title()

    def to_json(self) -> dict[str, Any]:
        """The answer's words and numbers (no figure), for ``answer.json`` and tests."""
        return {
            "number": self.number, "lang": self.lang, "variant": self.variant,
            "banner_title": self.banner_title, "banner": self.banner, "claim": self.claim,
            "measure": self.measure, "setup": self.setup, "arms": self.arms,
            "default": _side_json(self.default), "counter_heading": self.counter_heading,
            "counter_assumption": self.counter_assumption, "counter": _side_json(self.counter),
            "counter_conclusion": self.counter_conclusion, "robustness": self.robustness,
            "side_effects": self.side_effects, "questions": self.questions,
            "disclaimer": self.disclaimer, "notes": self.notes,
            "run": _run_json(self.result),
        }


# --- what the answer is: the full analysis, a quick try or a custom run ------------------------


def _settings(myth: Myth) -> tuple:
    """What makes an answer the full analysis, besides the lever values of the file."""
    return (myth.scenario, dict(myth.overrides), myth.weeks, myth.replications, myth.seed,
            dict(myth.fixed))


def variant(myth: Myth, own: Myth | None = None) -> str:
    """Whether a myth as run is the full analysis, a quick try or a run with other settings.

    Args:
        myth: The myth as run.
        own: The myth as its file sets it (default: read from the file).

    Returns:
        ``"full"`` at the myth file's own settings; ``"quick"`` at the sizes of
        :data:`~simulatie.workshop.myths.QUICK` (other changes are listed on the page);
        ``"custom"`` otherwise.
    """
    if _settings(myth) == _settings(own or load_myth(myth.number)):
        return "full"
    quick = (myth.weeks, myth.replications, myth.fixed.get("residents")) == (
        QUICK.weeks, QUICK.replications, QUICK.residents)
    return "quick" if quick else "custom"


def _residents(myth: Myth) -> int:
    return int(myth.points()["myth", False]["residents"])


def _years(weeks: int, lang: str) -> str:
    return decimal(f"{weeks / WEEKS_PER_YEAR:.3g}", lang)


def _changes(myth: Myth, own: Myth, lang: str) -> list[str]:
    """What differs from the full analysis (``own``), in words a participant reads."""
    t = TEMPLATES[lang]
    changes = []
    residents = _residents(myth), _residents(own)
    if residents[0] != residents[1]:
        changes.append(t["change_residents"].format(value=residents[0], own=residents[1]))
    if myth.weeks != own.weeks:
        changes.append(t["change_years"].format(value=_years(myth.weeks, lang),
                                                own=_years(own.weeks, lang)))
    if myth.replications != own.replications:
        changes.append(t["change_replications"].format(value=myth.replications,
                                                       own=own.replications))
    if myth.seed != own.seed:
        changes.append(t["change_seed"])
    if myth.scenario != own.scenario:
        changes.append(t["change_scenario"].format(scenario=myth.scenario))
    if myth.overrides:
        changes.append(t["change_assumptions"])
    rest = {k: v for k, v in myth.fixed.items() if k != "residents"}
    if rest != {k: v for k, v in own.fixed.items() if k != "residents"}:
        changes.append(t["change_other"])
    return changes


def _banner(myth: Myth, own: Myth, kind: str, lang: str) -> tuple[str, str]:
    """The banner's title and text for a quick try or a custom run; empty for the full one."""
    if kind == "full":
        return "", ""
    t = TEMPLATES[lang]
    changes = ", ".join(_changes(myth, own, lang))
    return t[f"{kind}_title"], t[f"{kind}_banner"].format(changes=changes)


# --- the sentences around the numbers ----------------------------------------------------------


def _setup_sentence(result: MythResult, lang: str) -> str:
    """How the numbers were made: the measure, years, replications and residents."""
    myth, t = result.myth, TEMPLATES[lang]
    return t["setup"].format(
        measure=str(MYTH_TEXTS[result.number][lang]["measure"]).capitalize(),
        years=_years(myth.weeks, lang), reps=myth.replications,
        residents=result.default.myth.parameters["residents"],
    )


def _clear_rule(result: MythResult, lang: str) -> str:
    """What "clearly" means, with the myth's minimum relevant size if it declares one."""
    measure, t = result.myth.measure, TEMPLATES[lang]
    size = fmt(measure.relevant, is_share(result), lang, True).lstrip("+")  # a difference's size
    relevant = t["relevant"].format(value=size) if measure.relevant else ""
    return t["clear_rule"].format(relevant=relevant)


def _counter_heading(default: Side, holds_if: str, lang: str) -> str:
    """The counter section's heading, fitting the default verdict.

    A contradicted myth is asked under which assumption it would hold after all; one with no
    clear difference that promised more, under which assumption it would deliver; a myth that
    holds, whether it still holds under the other assumption.
    """
    t = TEMPLATES[lang]
    if default.holds:
        return t["counter_heading_holds"]
    if default.verdict is Verdict.CONTRADICTS:
        return t["counter_heading_contradicts"]
    return t["counter_heading_unclear"] if holds_if == "better" else t["counter_heading_holds"]


def _counter_conclusion(default: Side, counter: Side, lang: str) -> str:
    """What the counter-assumption changes: the closing sentence, chosen by both verdicts."""
    key = {(False, True): "counter_now_holds", (False, False): "counter_still_fails",
           (True, True): "counter_still_holds", (True, False): "counter_no_longer_holds"}
    return TEMPLATES[lang][key[default.holds, counter.holds]]


# --- the technical notes, for the facilitator --------------------------------------------------


def _file(myth: Myth) -> str:
    """The myth file as a path from the project folder (or as the user would type it)."""
    try:
        return str(myth.path.resolve().relative_to(MYTHS_DIR.parents[1]))
    except ValueError:
        return display(myth.path)


def _command(myth: Myth, own: Myth, kind: str, lang: str) -> str:
    """The command line that makes this page again."""
    words = ["simulatie", "mythe" if lang == "nl" else "myth", str(myth.number)]
    if lang != "nl":
        words += ["--lang", lang]
    if kind == "quick":
        words.append("--quick")
    else:
        if _residents(myth) != _residents(own):
            words += ["--residents", str(_residents(myth))]
        if myth.weeks != own.weeks:
            words += ["--weeks", str(myth.weeks)]
        if myth.replications != own.replications:
            words += ["--replications", str(myth.replications)]
    if myth.scenario != own.scenario:
        words += ["--scenario", myth.scenario]
    for name, value in myth.overrides.items():
        words += ["--set", f"{name}={value}"]
    if myth.seed != own.seed:
        words += ["--seed", str(myth.seed)]
    return shlex.join(words)


def _technical_notes(result: MythResult, own: Myth, kind: str, lang: str, robust: bool,
                     default: Side) -> list[str]:
    """Scenario and ``--set`` changes first, then how the page is made and where things are."""
    myth, t = result.myth, TEMPLATES[lang]
    notes = []
    if myth.scenario != "default":
        notes.append(t["scenario"].format(scenario=myth.scenario))
    if myth.overrides:
        notes.append(t["overrides"].format(
            values=", ".join(f"{k}={v}" for k, v in myth.overrides.items())))
    notes.append(t["made_with"].format(command=_command(myth, own, kind, lang)))
    notes.append(t["assumptions"].format(file=_file(myth)))
    if robust:
        notes.append(t["ensemble_source"])
    unkept = [e.metric for e in default.effects if not e.kept]
    if unkept:
        notes.append(t["unkept"].format(metrics=", ".join(unkept), file=_file(myth)))
    return notes


def _provenance_footer(myth: Myth, lang: str) -> str:
    """The footer: myth, master seed, number of runs, time of writing and source commit."""
    commit = source_commit()
    return TEMPLATES[lang]["footer"].format(
        n=myth.number, seed=myth.seed, runs=4 * myth.replications,
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        commit=f" · commit {commit[:10]}" if commit else "",
    )


# --- the answer --------------------------------------------------------------------------------


def answer_from_result(result: MythResult, lang: str = "nl") -> MythAnswer:
    """Put a myth's computed result into words, numbers and a figure.

    Args:
        result: From :func:`simulatie.workshop.myths.run_myth`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The answer; nothing in it is written in except the fixed wording around the numbers.

    Raises:
        ValueError: If ``lang`` is not one of :data:`LANGS`.
    """
    if lang not in LANGS:
        raise ValueError(f"language must be 'nl' or 'en', not {lang!r}")
    n, myth = result.number, result.myth
    words, t = MYTH_TEXTS[n][lang], TEMPLATES[lang]
    share, holds_if = is_share(result), myth.measure.holds_if
    effects = effect_metrics(myth.timeseries)
    default = describe_comparison(result.default, n, lang, share, holds_if, effects)
    counter = describe_comparison(result.counter, n, lang, share, holds_if, effects)
    own = load_myth(n)
    kind = variant(myth, own)
    banner_title, banner = _banner(myth, own, kind, lang)
    robustness = (ensemble_lines(n, result.default.verdict, lang) if kind == "full" else [])
    return MythAnswer(
        number=n, lang=lang, variant=kind, banner_title=banner_title, banner=banner,
        claim=str(words["claim"]), measure=str(words["measure"]),
        setup=_setup_sentence(result, lang), arms=arm_lines(n, lang), default=default,
        side_effects=default.effect_lines,
        counter_heading=_counter_heading(default, holds_if, lang),
        counter_assumption=str(words["counter"]),
        counter_intro=t["counter_intro"].format(counter=words["counter"]), counter=counter,
        counter_conclusion=_counter_conclusion(default, counter, lang),
        robustness=robustness, questions=list(words["questions"]), disclaimer=t["disclaimer"],
        rule=_clear_rule(result, lang),
        notes=_technical_notes(result, own, kind, lang, bool(robustness), default),
        footer=_provenance_footer(myth, lang),
        figure=plot_myth(result, lang, t[f"figure_{kind}"] if kind != "full" else ""),
        result=result,
    )


def myth_answer(
    n: int,
    lang: str = "nl",
    quick: bool = False,
    *,
    scale: Scale | None = None,
    overrides: Mapping[str, Any] | None = None,
    scenario: str | None = None,
    workers: int | None = None,
    seed: int | None = None,
    shipped: bool = False,
    runs: Path | None = None,
    scheduler: str | None = None,
) -> MythAnswer:
    """Run myth ``n`` and return the model's answer (the dashboard's entry point).

    Args:
        n: The myth, 1 to 7.
        lang: ``"nl"`` or ``"en"``.
        quick: Use :data:`simulatie.workshop.myths.QUICK` (100 residents, three years, five
            replications): a few seconds instead of up to a minute.
        scale: Other sizes (overrides ``quick``).
        overrides: Parameter values for every run (``--set``), applied last.
        scenario: Another base scenario (e.g. ``"kerkweg"``).
        workers: Processes (default one per core; 1 runs in this process).
        seed: Another master seed than the myth file's.
        shipped: Use the answer shipped with the package when it was computed for exactly
            these runs (:func:`simulatie.workshop.answers.shipped_result`): the same answer as
            ``simulatie myth n``, without waiting for it. A computed answer also keeps
            :data:`~simulatie.workshop.handout_effects.ALWAYS_SHOWN` (unmet care in hours per
            week) when the myth file does not; a shipped answer has what the file keeps.
        runs: Where to keep the runs (:func:`simulatie.workshop.myths.run_tables`); the same
            answer asked again resumes or reuses them. Default: not kept.
        scheduler: Address or scheduler file of a Dask cluster to run on.

    Returns:
        The answer with its figure.

    Raises:
        simulatie.workshop.myths.MythError: If the myth or an override is not valid.
    """
    myth: Myth = load_myth(n, scale=scale or (QUICK if quick else None), overrides=overrides,
                           scenario=scenario, seed=seed)
    result = shipped_result(myth) if shipped else None
    if result is None:  # computed: keep what every handout shows, whatever the file keeps
        kept = replace(myth, timeseries=tuple(dict.fromkeys([*myth.timeseries, *ALWAYS_SHOWN])))
        result = run_myth(kept, workers=workers, out_dir=runs, scheduler=scheduler)
    return answer_from_result(result, lang)
