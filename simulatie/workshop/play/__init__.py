"""The participatory mode: a room plays one neighbourhood, round by round.

:mod:`.decisions` holds the roles and what each decides; :mod:`.table` one neighbourhood being
played; :mod:`.session` the room: PIN, participants, roles claimed, rounds opened and closed.
Nothing here imports Solara: the screens (:mod:`simulatie.dashboard`) call it.
"""

__all__: list[str] = []
