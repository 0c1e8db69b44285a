import numpy as np

from simulatie.core.ties import TieNetwork, TieStage


def network(**kw):
    args = dict(n=10, friendly_hours=10.0, strong_decay=0.0, weak_decay=0.0) | kw
    return TieNetwork(**args)


def test_contact_creates_an_acquaintance_and_repeats_accumulate():
    ties = network()
    ties.add_contact(np.array([1]), np.array([2]), np.array([2.0]))
    assert list(ties.stage()) == [TieStage.ACQUAINTANCE]
    ties.add_contact(np.array([2]), np.array([1]), np.array([9.0]))  # order does not matter
    assert len(ties) == 1
    assert ties.hours[0] == 11.0
    assert list(ties.stage()) == [TieStage.FRIENDLY]


def test_caring_needs_help_asked_and_given_on_a_friendly_tie():
    ties = network()
    ties.add_contact(np.array([1]), np.array([2]), np.array([1.0]), helped=np.array([True]))
    assert ties.stage()[0] == TieStage.ACQUAINTANCE  # help alone does not make a caring tie
    ties.add_contact(np.array([1]), np.array([2]), np.array([10.0]))
    assert ties.stage()[0] == TieStage.CARING


def test_ties_decay_without_contact_and_weak_ties_fade_faster():
    ties = network(strong_decay=0.01, weak_decay=0.2)
    ties.add_contact(np.array([1, 3]), np.array([2, 4]), np.array([1.0, 100.0]))
    before = ties.hours.copy()
    ties.decay()
    loss = 1 - ties.hours / before
    assert loss[0] > loss[1] > 0


def test_faint_ties_are_forgotten_and_caring_status_lapses():
    ties = network(strong_decay=0.5, weak_decay=0.5)
    ties.add_contact(np.array([1]), np.array([2]), np.array([12.0]), helped=np.array([True]))
    assert ties.stage()[0] == TieStage.CARING
    ties.decay()
    assert ties.stage()[0] == TieStage.ACQUAINTANCE
    for _ in range(10):
        ties.decay()
    assert len(ties) == 0


def test_removing_residents_removes_their_ties_and_find_works():
    ties = network()
    ties.add_contact(np.array([1, 1, 5]), np.array([2, 3, 6]), np.array([1.0, 1.0, 1.0]))
    assert list(ties.find(np.array([3, 6, 7]), np.array([1, 5, 8])) >= 0) == [True, True, False]
    ties.remove_residents(np.array([1]))
    assert len(ties) == 1 and ties.find(np.array([5]), np.array([6]))[0] >= 0
    assert list(ties.count_per_resident(np.ones(1, bool))[[5, 6, 1]]) == [1, 1, 0]
