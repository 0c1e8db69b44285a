"""The model's clock: one step is one week, and a year is 52 of them.

Every part of the package that turns weeks into years (ageing, yearly rates, "the past twelve
months" of the surveys, the dashboard's "run a year", yearly summaries) uses this one constant.
"""

__all__ = ["WEEKS_PER_YEAR"]

WEEKS_PER_YEAR = 52
"""Weeks in a year. 52 × 7 = 364 days: the day and a quarter left over is ignored (docs/odd.md)."""
