"""Observing a neighbourhood: every metric by name, per-run measures, and the weekly record.

Observation lives outside the rules: the week's pipeline never computes a metric. The metrics
(:mod:`.metrics`) read a finished week's state; the run measures (:mod:`.measures`) read a run's
weekly table.
"""
