"""The records a neighbourhood's state is made of: plain data, no rules.

Each module holds one record and how it is read: the layout (:mod:`.layout`), the resident groups
(:mod:`.groups`), the population's rows (:mod:`.population`), the tie network (:mod:`.ties`) and
its per-resident views (:mod:`.views`), the activities (:mod:`.programme`), professional support
and the week's budget (:mod:`.support`), the week's care accounting (:mod:`.care_week`), the role
log (:mod:`.roles`), the week's contacts (:mod:`.contacts`), the participatory mode's personal
choices (:mod:`.personal`), the random streams (:mod:`.streams`), and the neighbourhood that holds
them all (:mod:`.neighbourhood`). How the records change is :mod:`simulatie.core.rules`.
"""
