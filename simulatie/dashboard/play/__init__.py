"""The screens of the participatory workshop: the facilitator's projector, the participants' page.

``simulatie workshop`` starts :mod:`.app` (``/`` for the facilitator, ``/join`` for participants)
on one server that holds one session (:mod:`.room`, built from :mod:`.settings`). The game itself
is :mod:`simulatie.workshop.play`; these modules only show it and pass on what people do.

Without Solara: :mod:`.texts` (every label in Dutch and English), :mod:`.settings` (what the
command passes), :mod:`.room` (the shared session, presence, timer, pictures and debrief),
:mod:`.pictures` (a table's map and time series) and :mod:`.qr` (the QR code of the join
address). With Solara: :mod:`.live` (redraw when the room changed), :mod:`.presence` (who is
here), :mod:`.language`, the participant's :mod:`.participant` with :mod:`.join_form`,
:mod:`.role_picker`, :mod:`.choices` and :mod:`.situation`, and the facilitator's
:mod:`.facilitator` with :mod:`.join_panel`, :mod:`.round_controls`, :mod:`.table_panel` and
:mod:`.debrief_panel`.
"""

__all__ = [
    "app",
    "choices",
    "debrief_panel",
    "facilitator",
    "join_form",
    "join_panel",
    "language",
    "live",
    "participant",
    "pictures",
    "presence",
    "qr",
    "role_picker",
    "room",
    "round_controls",
    "settings",
    "situation",
    "table_panel",
    "texts",
]
