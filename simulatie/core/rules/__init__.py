"""The model's rules: how a week changes the neighbourhood's state, one concept per module.

Every rule is a function of state records (:mod:`simulatie.core.state`) and parameters; the
week's pipeline (:mod:`.week`) calls them in a declared order (``docs/odd.md`` 3 and 7).
"""
