"""The workshop dashboard: a Solara page showing one neighbourhood per browser session.

:mod:`~simulatie.dashboard.app` is the page (``solara run simulatie.dashboard.app``); each view
has a module of its own (:mod:`~simulatie.dashboard.run_view`,
:mod:`~simulatie.dashboard.compare_view`, :mod:`~simulatie.dashboard.workshop_view`,
:mod:`~simulatie.dashboard.tipping`), and the settings' widgets are in
:mod:`~simulatie.dashboard.control_widgets`. :mod:`~simulatie.dashboard.controls`,
:mod:`~simulatie.dashboard.run`, :mod:`~simulatie.dashboard.portrayal` and
:mod:`~simulatie.dashboard.translations` work without Solara (tests, documents). Install with
``pip install -e '.[dashboard]'`` and start with ``simulatie dashboard``. The participatory
workshop's screens are :mod:`~simulatie.dashboard.play` (``simulatie workshop``).
"""

__all__ = [
    "app",
    "compare_view",
    "control_widgets",
    "controls",
    "play",
    "portrayal",
    "prose",
    "run",
    "run_view",
    "tipping",
    "translations",
    "workshop_view",
]
