"""Every measure of a neighbourhood, as named functions in one registry.

Observation lives outside the model: the week's pipeline never computes a metric. A recorder
(:mod:`simulatie.core.run.simulation`) builds one :class:`Observation` of the state after a week and
asks it for the metrics a run wants; each metric is a small function of it. The same registry feeds
the weekly results table, the command line summary, the sweep runner and the dashboard, and its
Dutch and English labels are used everywhere a metric is shown. No metric contains a lever: an
outcome moves only through what residents, volunteers, initiators and professionals do.

The metrics are declared by topic, each in its own module: the tie network
(:mod:`.metrics_network`), helping as the surveys ask about it (:mod:`.metrics_surveys`), care
(:mod:`.metrics_care`), organising and volunteering (:mod:`.metrics_organising`), and
health-related need and the mantelzorg it receives (:mod:`.metrics_health`); what they
read is in :mod:`.observation`. This module joins them into :data:`METRICS`, in a fixed order
(the order of the results table's columns), and declares the measures that combine topics:
seed 004's first two lines, and who lives here.
"""

from __future__ import annotations

from .metrics_care import CARE_METRICS
from .metrics_health import HEALTH_METRICS
from .metrics_network import NETWORK_METRICS, lonely_share, share_with_caring_tie
from .metrics_organising import ORGANISING_METRICS, active_volunteers
from .metrics_surveys import SURVEY_METRICS
from .observation import Metric, MetricGroup, Observation

__all__ = ["METRICS", "Metric", "Observation"]

COMBINED_METRICS = MetricGroup()
metric = COMBINED_METRICS.metric


# --- seed 004's three lines (the third, formal support, is a care metric) ----------------------
@metric("community_spirit", "Community spirit (gemeenschapszin)", "Gemeenschapszin", "0..1")
def community_spirit(obs: Observation) -> float:
    """Seed 004's first line: connectedness, solidarity and ownership, averaged.

    The mean of: share of residents not lonely, share with a caring tie, and residents' mean
    sense of ownership.
    """
    return _mean_of_three(1 - lonely_share(obs), share_with_caring_tie(obs),
                          obs.ownership_total / len(obs.nb.population.ownership))


@metric("infrastructure", "Infrastructure", "Infrastructuur", "0..1")
def infrastructure(obs: Observation) -> float:
    """Seed 004's second line: places in use, a running activity programme, helpers.

    The mean of: share of the layout's meeting places with a running activity; running
    activities per 100 residents (capped at 1); volunteers per 10 residents (capped at 1).
    """
    nb = obs.nb
    running = obs.running
    places = len(nb.layout.place_xy)
    used = len({a.place for a in running}) / places if places else 0.0
    per_100 = min(1.0, len(running) / (nb.population.n / 100))
    helpers = min(1.0, active_volunteers(obs) / (nb.population.n / 10))
    return _mean_of_three(used, per_100, helpers)


def _mean_of_three(first: float, second: float, third: float) -> float:
    """The mean of three numbers, added in order as numpy adds a short array."""
    return (first + second + third) / 3


# --- who lives here -----------------------------------------------------------------------------
@metric("share_80plus", "Residents aged 80+", "Bewoners van 80+", "share")
def share_80plus(obs: Observation) -> float:
    """Share of residents aged 80 and over (vergrijzing)."""
    return obs.ratio(obs.residents.oldest, obs.residents.residents)


METRICS: dict[str, Metric] = {
    **NETWORK_METRICS.metrics, **SURVEY_METRICS.metrics, **CARE_METRICS.metrics,
    **ORGANISING_METRICS.metrics, **COMBINED_METRICS.metrics, **HEALTH_METRICS.metrics,
}
"""Every metric by name, in the order of the results table's columns."""
