"""The model's answer to one myth, ready to show: :class:`MythAnswer` and how it is made.

:func:`myth_answer` runs a myth (:mod:`simulatie.workshop.myths`), or takes the answer shipped
with the package for exactly those runs (:mod:`simulatie.workshop.answers`), and
:func:`answer_from_result` puts the result into words, numbers and a figure: the claim, the
numbers per arm with their 95% intervals, the conclusion chosen from the computed verdict, the same
under the counter-assumption, the robustness across the calibrated ensemble, the discussion
questions and the provenance. The answer is what the handout pages, ``answer.json`` and the
dashboard show; it lives apart from the pages so that the dashboard needs no page to show it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.experiment.provenance import source_commit
from simulatie.workshop.answers import shipped_result
from simulatie.workshop.handout_figure import plot_myth
from simulatie.workshop.handout_words import (
    Side,
    describe_comparison,
    fmt,
    is_share,
    side_effects,
)
from simulatie.workshop.myths import (
    QUICK,
    Myth,
    MythResult,
    Scale,
    load_myth,
    run_myth,
)
from simulatie.workshop.robustness import robustness_text
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

__all__ = ["LANGS", "MythAnswer", "answer_from_result", "myth_answer"]

LANGS = ("nl", "en")
"""The languages an answer can be given in."""


def _side_json(side: Side) -> dict[str, Any]:
    """One comparison's numbers and sentences as plain JSON values."""
    return {
        "myth": side.myth.__dict__, "alternative": side.alternative.__dict__,
        "difference": side.difference, "verdict": side.verdict.value, "holds": side.holds,
        "numbers": side.numbers, "difference_text": side.difference_text,
        "conclusion": side.conclusion,
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
        "overrides": dict(myth.overrides),
        "values": {
            arm + ("_counter" if c.myth.countered else ""): getattr(c, arm).values.tolist()
            for c in (result.default, result.counter)
            for arm in ("myth", "alternative")
        },
    }


@dataclass
class MythAnswer:
    """What the model answers to one myth, ready to show.

    Attributes:
        number: 1 to 7.
        lang: ``"nl"`` or ``"en"``.
        claim: The myth in words.
        measure: The key measure in words.
        setup: How the numbers were made (years, replications, residents).
        default: The comparison under the default assumptions.
        counter_assumption: The counter-assumption in words.
        counter_intro: The sentence that introduces the counter runs.
        counter: The comparison under the counter-assumption.
        counter_conclusion: Whether the myth holds under the counter-assumption, in words.
        robustness: The same question across the calibrated ensemble and whether the default
            verdict is robust (empty when no robustness table covers the myth).
        side_effects: What else the two arms did, one sentence per extra metric of the myth
            (the channels behind the answer, and its side effects).
        questions: Discussion questions tied to the practice cases.
        disclaimer: The "thinking tool, not a prediction" statement.
        rule: What "clearly" means.
        notes: Scenario and ``--set`` changes, if any.
        footer: Provenance line.
        figure: The figure (key metric over time, per arm, with 95% bands).
        result: The underlying run result.
    """

    number: int
    lang: str
    claim: str
    measure: str
    setup: str
    default: Side
    counter_assumption: str
    counter_intro: str
    counter: Side
    counter_conclusion: str
    robustness: list[str]
    side_effects: list[str]
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

    def to_json(self) -> dict[str, Any]:
        """The answer's words and numbers (no figure), for ``answer.json`` and tests."""
        return {
            "number": self.number, "lang": self.lang, "claim": self.claim,
            "measure": self.measure, "setup": self.setup, "default": _side_json(self.default),
            "counter_assumption": self.counter_assumption, "counter": _side_json(self.counter),
            "counter_conclusion": self.counter_conclusion, "robustness": self.robustness,
            "side_effects": self.side_effects,
            "questions": self.questions,
            "disclaimer": self.disclaimer, "notes": self.notes,
            "run": _run_json(self.result),
        }


# --- the sentences around the numbers ----------------------------------------------------------


def _setup_sentence(result: MythResult, lang: str) -> str:
    """How the numbers were made: the measure, years, replications and residents."""
    myth, t = result.myth, TEMPLATES[lang]
    return t["setup"].format(
        measure=str(MYTH_TEXTS[result.number][lang]["measure"]).capitalize(),
        years=f"{myth.weeks / WEEKS_PER_YEAR:.3g}".replace(".", "," if lang == "nl" else "."),
        reps=myth.replications, residents=result.default.myth.parameters["residents"],
    )


def _clear_rule(result: MythResult, lang: str) -> str:
    """What "clearly" means, with the myth's minimum relevant size if it declares one."""
    measure, t = result.myth.measure, TEMPLATES[lang]
    relevant = (t["relevant"].format(value=fmt(measure.relevant, is_share(result), lang, False))
                if measure.relevant else "")
    return t["clear_rule"].format(relevant=relevant)


def _change_notes(myth: Myth, lang: str) -> list[str]:
    """One note for another scenario and one for ``--set`` values, if any."""
    t = TEMPLATES[lang]
    notes = []
    if myth.scenario != "default":
        notes.append(t["scenario"].format(scenario=myth.scenario))
    if myth.overrides:
        notes.append(t["overrides"].format(
            values=", ".join(f"{k}={v}" for k, v in myth.overrides.items())))
    return notes


def _provenance_footer(myth: Myth, lang: str) -> str:
    """The footer: myth, master seed, number of runs, time of writing and source commit."""
    commit = source_commit()
    return TEMPLATES[lang]["footer"].format(
        n=myth.number, seed=myth.seed, runs=4 * myth.replications,
        when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        commit=f" · commit {commit[:10]}" if commit else "",
    )


def _robustness_lines(result: MythResult, lang: str) -> list[str]:
    """The ensemble's answer to the same question; robust or fragile only at the same settings.

    With another scenario or ``--set`` the question differs from the one asked across the
    ensemble, so nothing is said; at another size, replication count or seed (the dashboard's
    quick answer) the ensemble's shares are given without comparing verdicts of unequal power.
    """
    myth = result.myth
    own = load_myth(myth.number)
    if myth.scenario != own.scenario or myth.overrides:
        return []
    same = (myth.weeks, myth.replications, myth.seed, dict(myth.fixed)) == (
        own.weeks, own.replications, own.seed, dict(own.fixed))
    return robustness_text(myth.number, result.default.verdict, lang, compare=same)


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
    default = describe_comparison(result.default, n, lang, share, holds_if)
    counter = describe_comparison(result.counter, n, lang, share, holds_if)
    return MythAnswer(
        number=n, lang=lang, claim=str(words["claim"]), measure=str(words["measure"]),
        setup=_setup_sentence(result, lang), default=default,
        counter_assumption=str(words["counter"]),
        counter_intro=t["counter_intro"].format(counter=words["counter"]), counter=counter,
        counter_conclusion=t["counter_holds" if counter.holds else "counter_fails"],
        robustness=_robustness_lines(result, lang),
        side_effects=side_effects(result.default, myth.timeseries, lang),
        questions=list(words["questions"]), disclaimer=t["disclaimer"],
        rule=_clear_rule(result, lang), notes=_change_notes(myth, lang),
        footer=_provenance_footer(myth, lang), figure=plot_myth(result, lang), result=result,
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
            ``simulatie myth n``, without waiting for it.
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
    if result is None:
        result = run_myth(myth, workers=workers, out_dir=runs, scheduler=scheduler)
    return answer_from_result(result, lang)
