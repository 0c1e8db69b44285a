"""How firm a myth's answer is, in the handout's words: the same question in other neighbourhoods.

The shipped robustness table (:mod:`simulatie.workshop.robustness`) asks each myth's question in
members of the calibrated ensemble, drawn by weight: a member that fits the Dutch figures better
may be drawn more than once, and then gives the same verdict each time (same assumptions, same
seeds). So the table's rows are draws, not neighbourhoods. This module says what they are,
counted from the table: how many distinct plausible neighbourhoods, how many draws, and the
verdicts' shares over the draws (weighted by plausibility). A third sentence says under which
assumptions the verdict flips, or why no such conditions are named
(:mod:`simulatie.workshop.flip_conditions`). The handout shows these sentences only for an answer
made at the myth file's own settings, the ones the table was made for.
"""

from __future__ import annotations

import pandas as pd

from simulatie.experiment.calibration import EnsembleError, load_ensemble
from simulatie.experiment.discovery.analysis import MIN_COVERAGE
from simulatie.experiment.discovery.words import limit_phrase
from simulatie.experiment.wording import decimal
from simulatie.workshop.flip_conditions import (
    BOOKKEEPING,
    FlipConditions,
    NoFlipReason,
    flip_conditions,
)
from simulatie.workshop.myths import Verdict
from simulatie.workshop.robustness import ROBUST_SHARE, load_robustness, robustness_summary
from simulatie.workshop.texts import TEMPLATES

__all__ = ["BOOKKEEPING", "distinct_members", "ensemble_lines", "flip_line"]


def distinct_members(part: pd.DataFrame) -> int:
    """How many distinct sets of assumptions the rows of one myth hold.

    Args:
        part: The robustness table's rows of one myth.

    Returns:
        The number of distinct rows over the calibrated columns (every row when the table has
        no such columns).
    """
    assumptions = [c for c in part.columns if c not in BOOKKEEPING]
    return len(part.drop_duplicates(subset=assumptions)) if assumptions else len(part)


def _pct(value: float, lang: str = "en") -> str:
    return decimal(f"{value:.0%}", lang)


_NO_FLIP = {
    NoFlipReason.SAME_EVERYWHERE: "flip_same",
    NoFlipReason.TOO_FEW: "flip_too_few",
    NoFlipReason.NO_BOX: "flip_no_box",
    NoFlipReason.DIFFERS_EVERYWHERE: "flip_everywhere",
}


def flip_line(found: FlipConditions, lang: str) -> str:
    """Where the verdict flips, in one sentence a facilitator can say aloud.

    Args:
        found: From :func:`simulatie.workshop.flip_conditions.flip_conditions`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The box's limits in the parameters' short labels with how many differing neighbourhoods
        lie inside it and how dense it is, or why no conditions are named.
    """
    t = TEMPLATES[lang]
    if found.reason is not None:
        return t[_NO_FLIP[found.reason]].format(
            members=found.members, differing=found.differing,
            coverage=_pct(MIN_COVERAGE, lang))
    phrases = [limit_phrase(limit, lang, labels=True) for limit in found.limits]
    joined = (", ".join(phrases[:-1]) + f" {t['flip_and']} " + phrases[-1]
              if len(phrases) > 1 else phrases[0])
    return t["flip_box"].format(
        phrases=joined, inside=found.inside, differing=found.differing,
        density=_pct(found.density, lang), chance="" if found.significant else t["flip_chance"])


def ensemble_lines(
    number: int,
    verdict: Verdict,
    lang: str,
    shipped: tuple[pd.DataFrame, dict] | None = None,
) -> list[str]:
    """The robustness of a myth's answer in words: what the ensemble says, and robust or not.

    Args:
        number: The myth.
        verdict: The verdict of the answer shown (default assumptions, the file's settings).
        lang: ``"nl"`` or ``"en"``.
        shipped: A robustness table and its provenance (default: the shipped one).

    Returns:
        Three sentences (what the ensemble says, robust or fragile, and where the verdict
        flips), with a warning after the first when the shipped ensemble was fitted to other
        targets than today's (its table is then stale), or none when no robustness table covers
        this myth.
    """
    loaded = shipped if shipped is not None else load_robustness()
    if loaded is None:
        return []
    table, _ = loaded
    part = table[table["myth"] == number]
    if part.empty:
        return []
    t = TEMPLATES[lang]
    shares = robustness_summary(part).iloc[0]
    draws, distinct = len(part), distinct_members(part)
    text = t["ensemble" if distinct == draws else "ensemble_weighted"].format(
        distinct=distinct, draws=draws, reps=int(part["replications"].iloc[0]),
        holds=_pct(shares["holds"]), supports=_pct(shares[Verdict.SUPPORTS.value]),
        contradicts=_pct(shares[Verdict.CONTRADICTS.value]),
        unclear=_pct(shares[Verdict.NO_CLEAR_DIFFERENCE.value]),
    )
    same = float(shares[verdict.value])
    lines = [text, t["robust" if same >= ROBUST_SHARE else "fragile"].format(same=_pct(same)),
             flip_line(flip_conditions(part, verdict), lang)]
    if shipped is None and not _shipped_ensemble_is_current():
        lines.insert(1, t["ensemble_stale"])
    return lines


def _shipped_ensemble_is_current() -> bool:
    """Whether the shipped ensemble was fitted to today's targets (else its table is stale)."""
    try:
        return load_ensemble().fitted_to_current_targets()
    except EnsembleError:
        return False
