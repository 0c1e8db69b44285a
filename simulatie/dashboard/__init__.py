"""The workshop dashboard: a Solara page showing one neighbourhood per browser session.

Only :mod:`simulatie.dashboard.app` imports Solara; :mod:`~simulatie.dashboard.controls`,
:mod:`~simulatie.dashboard.portrayal` and :mod:`~simulatie.dashboard.translations` work without
it (tests, documents). Install with ``pip install -e '.[dashboard]'`` and start with
``simulatie dashboard``.
"""

__all__ = ["app", "cli", "controls", "portrayal", "translations"]
