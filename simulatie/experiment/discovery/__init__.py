"""Scenario discovery: under which conditions does the outcome of concern happen?

Robust decision making (Lempert et al. 2006; Bryant & Lempert 2010): run many futures over the
levers and the uncertain context (a sweep), mark the runs where something goes wrong (a
:class:`Concern`), and find the few readable conditions that explain them, as a PRIM box, a CART
tree and feature scores (:func:`discover`, EMA Workbench). ``simulatie discover`` runs it on a
sweep's folder and writes a report, figures and tables beside the runs (:func:`write_discovery`).
"""

from .analysis import MIN_COVERAGE, BoxLimit, Discovery, choose_box, discover
from .concern import Concern, ConcernError, parse_concern
from .points import MIN_POINTS_PER_PARAMETER, design_points
from .words import box_sentence, limit_phrase

__all__ = [
    "MIN_COVERAGE",
    "MIN_POINTS_PER_PARAMETER",
    "BoxLimit",
    "Concern",
    "ConcernError",
    "Discovery",
    "box_sentence",
    "choose_box",
    "design_points",
    "discover",
    "limit_phrase",
    "parse_concern",
]
