"""How firm a myth's answer is, in the handout's words: the same question in other neighbourhoods.

The shipped robustness table (:mod:`simulatie.workshop.robustness`) asks each myth's question in
members of the calibrated ensemble, drawn by weight: a member that fits the Dutch figures better
may be drawn more than once, and then gives the same verdict each time (same assumptions, same
seeds). So the table's rows are draws, not neighbourhoods. This module says what they are,
counted from the table: how many distinct plausible neighbourhoods, how many draws, and the
verdicts' shares over the draws (weighted by plausibility). The handout shows these sentences only
for an answer made at the myth file's own settings, the ones the table was made for.
"""

from __future__ import annotations

import pandas as pd

from simulatie.workshop.myths import Verdict
from simulatie.workshop.robustness import ROBUST_SHARE, load_robustness, robustness_summary
from simulatie.workshop.texts import TEMPLATES

__all__ = ["BOOKKEEPING", "distinct_members", "ensemble_lines"]

BOOKKEEPING = frozenset({"myth", "member", "replications", "verdict", "holds", "mean", "ci_low",
                         "ci_high"})
"""Columns of the robustness table that are not a member's calibrated assumptions."""


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


def _pct(value: float) -> str:
    return f"{value:.0%}"


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
        Two sentences, or none when no robustness table covers this myth.
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
    return [text, t["robust" if same >= ROBUST_SHARE else "fragile"].format(same=_pct(same))]
