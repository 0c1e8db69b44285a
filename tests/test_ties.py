"""The tie network: shared hours, stages, help over time, reciprocity, decay and pruning."""

import numpy as np
import pytest

from simulatie.core.rules.ties import update_ties
from simulatie.core.state.contacts import Contacts
from simulatie.core.state.ties import TieNetwork, TieStage

NONE = np.zeros(0, dtype=np.int64)


def network(**kw) -> TieNetwork:
    args = dict(n=10, friendly_hours=10.0, strong_decay=0.0, weak_decay=0.0,
                reciprocated_persistence=0.5, caring_help_weeks=3, caring_window_weeks=26,
                prune_below_hours=0.5, credit_kept_per_week=0.99)
    return TieNetwork(**(args | kw))


def week(ties, a=(), b=(), hours=(), helper=(), helped=(), help_hours=()):
    """One week of contacts and help (help's shared time is a contact of its own, as in care)."""
    arr = lambda x, t=np.int64: np.asarray(x, dtype=t)  # noqa: E731
    contacts = Contacts()
    contacts.meet(arr(a), arr(b), arr(hours, float))
    contacts.help(arr(helper), arr(helped), arr(help_hours, float))
    update_ties(ties, contacts)


def test_contact_creates_an_acquaintance_and_repeats_accumulate():
    ties = network()
    week(ties, [1], [2], [2.0])
    assert list(ties.stage) == [TieStage.ACQUAINTANCE]
    week(ties, [2], [1], [9.0])  # order does not matter
    assert len(ties) == 1 and ties.hours[0] == 11.0
    assert list(ties.stage) == [TieStage.FRIENDLY]


def test_one_favour_does_not_make_a_caring_tie_but_help_over_weeks_does():
    ties = network()
    week(ties, [1], [2], [20.0])  # friends already
    week(ties, [1], [2], [0.1], helper=[1], helped=[2], help_hours=[0.25])
    assert ties.stage[0] == TieStage.FRIENDLY  # a single favour
    for _ in range(2):
        week(ties, [1], [2], [0.1], helper=[1], helped=[2], help_hours=[0.25])
    assert ties.stage[0] == TieStage.CARING  # three weeks of help


def test_help_that_is_returned_makes_a_friendly_tie_caring():
    ties = network()
    week(ties, [1], [2], [20.0], helper=[1], helped=[2], help_hours=[1.0])
    assert ties.stage[0] == TieStage.FRIENDLY
    week(ties, helper=[2], helped=[1], help_hours=[1.0])
    assert ties.stage[0] == TieStage.CARING
    assert ties.help_ab[0] == 2 and ties.help_ba[0] == 1  # a helped last week, b this week


def test_help_needs_a_friendly_tie_to_be_caring():
    ties = network()
    for _ in range(5):
        week(ties, [1], [2], [0.5], helper=[1], helped=[2], help_hours=[1.0])
    assert ties.stage[0] == TieStage.ACQUAINTANCE  # 2.5 h shared: not yet friendly


def test_a_caring_tie_that_is_no_longer_used_fades_back_to_friendly():
    ties = network(caring_window_weeks=6)
    week(ties, [1], [2], [20.0])
    for _ in range(3):
        week(ties, helper=[1], helped=[2], help_hours=[1.0])
    assert ties.stage[0] == TieStage.CARING
    for _ in range(3):
        week(ties)
    assert ties.stage[0] == TieStage.CARING  # all three weeks still in the window
    week(ties)
    assert ties.stage[0] == TieStage.FRIENDLY and ties.hours[0] == pytest.approx(20.0)


def test_credit_follows_who_gave_and_fades():
    ties = network()
    week(ties, [3], [7], [5.0], helper=[7], helped=[3], help_hours=[2.0])
    edge = ties.find(np.array([3]), np.array([7]))
    assert ties.balance_of(edge, np.array([7]))[0] == pytest.approx(2.0 * 0.99)
    assert ties.balance_of(edge, np.array([3]))[0] == pytest.approx(-2.0 * 0.99)
    week(ties, helper=[3], helped=[7], help_hours=[2.0])
    assert ties.balance_of(edge, np.array([7]))[0] == pytest.approx(0.0, abs=0.05)


def test_weak_ties_fade_faster_and_reciprocated_ties_slower():
    ties = network(strong_decay=0.01, weak_decay=0.2)
    week(ties, [1, 3, 5], [2, 4, 6], [1.0, 100.0, 100.0],
         helper=[5, 6], helped=[6, 5], help_hours=[0.0001, 0.0001])
    before = ties.hours.copy()
    week(ties)
    loss = 1 - ties.hours / before
    assert loss[0] > loss[1] > loss[2] > 0  # weak > strong > strong and reciprocated


def test_faint_ties_are_forgotten():
    ties = network(strong_decay=0.5, weak_decay=0.5)
    week(ties, [1], [2], [3.0])
    assert len(ties) == 1
    for _ in range(3):
        week(ties)
    assert len(ties) == 0
    assert ties.prune_below_hours > 0


def test_removing_residents_removes_their_ties_and_find_works():
    ties = network()
    week(ties, [1, 1, 5], [2, 3, 6], [1.0, 1.0, 1.0])
    assert list(ties.find(np.array([3, 6, 7]), np.array([1, 5, 8])) >= 0) == [True, True, False]
    ties.remove_residents(np.array([1]))
    assert len(ties) == 1 and ties.find(np.array([5]), np.array([6]))[0] >= 0
    assert list(ties.count_per_resident(np.ones(1, bool))[[5, 6, 1]]) == [1, 1, 0]
    _, _, ptr, nbr, caring, _ = ties.neighbour_lists()
    assert list(nbr[ptr[5]:ptr[6]]) == [6] and ptr[2] == ptr[1]
    assert not caring.any()
