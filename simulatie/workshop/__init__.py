"""The workshop layer: the seven myths, their texts, their shipped answers and the handouts.

A myth is a two-arm experiment run by the sweep runner (:mod:`simulatie.experiment.sweep`);
:mod:`.myths` loads and judges them, :mod:`.texts` holds the Dutch and English words,
:mod:`.answers` the answers shipped with the package, :mod:`.robustness` their robustness over the
calibrated ensemble and :mod:`.handout` the one-page handouts. Imported by the command line and
the dashboard, never by the experiment layer or the model.
"""

__all__: list[str] = []
