"""What a participant sees of their own situation, in plain Dutch or English.

After each round a participant reads what happened to the part of the neighbourhood their role
touches: the resident with a need reads how many hours of help they needed and from whom they got
them; the kartrekker how many people came; the volunteer how many volunteers are active; the
professional where care came from; the council how lonely and how cared-for the neighbourhood is.
All numbers come from the table's round records (:class:`~.table.RoundRecord`).
"""

from __future__ import annotations

from simulatie.workshop.play.decisions import PlayRole, role_label
from simulatie.workshop.play.session import Phase, Session
from simulatie.workshop.play.table import RoundRecord

__all__ = ["situation"]


def _hours(value: float) -> str:
    return f"{value:.0f}"


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


def _resident(record: RoundRecord, lang: str) -> list[str]:
    r = record.resident
    helped = r["network"] + r["volunteers"] + r["professional"]
    if lang == "nl":
        lines = [f"Jij speelt {r['name']}. Deze ronde had {r['name']} {_hours(r['need'])} uur "
                 f"hulp nodig.",
                 f"{_hours(r['formal'])} uur kwam van de thuiszorg, {_hours(helped)} uur van "
                 f"buren, vrijwilligers en de professional "
                 f"({_hours(r['network'])} van buren en vrienden).",
                 f"{_hours(r['unmet'])} uur bleef liggen."]
    else:
        lines = [f"You play {r['name']}. This round {r['name']} needed {_hours(r['need'])} hours "
                 f"of help.",
                 f"{_hours(r['formal'])} hours came from home care, {_hours(helped)} from "
                 f"neighbours, volunteers and the professional "
                 f"({_hours(r['network'])} from neighbours and friends).",
                 f"{_hours(r['unmet'])} hours were left undone."]
    return lines


def _neighbourhood(role: PlayRole, record: RoundRecord, lang: str) -> list[str]:
    end = record.end
    nl = lang == "nl"
    if role is PlayRole.KARTREKKER:
        return [f"Bij de activiteiten was {_percent(end['attendance'])} van de buurt aanwezig."
                if nl else f"{_percent(end['attendance'])} of the neighbourhood came to the "
                "activities."]
    if role is PlayRole.VOLUNTEER:
        return [f"Er zijn nu {end['active_volunteers']:.0f} vrijwilligers actief." if nl
                else f"{end['active_volunteers']:.0f} volunteers are active now."]
    if role is PlayRole.PROFESSIONAL:
        return [f"In de laatste week kwam {_hours(end['care_hours_network'])} uur hulp van buren "
                f"en vrienden en {_hours(end['care_hours_professional'])} uur van professionals."
                if nl else f"In the last week {_hours(end['care_hours_network'])} hours of help "
                f"came from neighbours and friends, {_hours(end['care_hours_professional'])} "
                "from professionals."]
    return [f"{_percent(end['share_with_caring_tie'])} van de bewoners heeft iemand die voor hen "
            f"zorgt; {_percent(end['lonely_share'])} is eenzaam." if nl
            else f"{_percent(end['share_with_caring_tie'])} of residents have someone who cares "
            f"for them; {_percent(end['lonely_share'])} are lonely."]


def situation(session: Session, token: str, lang: str = "nl") -> list[str]:
    """The participant's own situation after the last round played, in plain language.

    Args:
        session: The session.
        token: The participant.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        A few sentences; before the first round, what their role is about.

    Raises:
        PlayError: For an unknown participant.
    """
    person = session.participant(token)
    if person.role is None:
        return ["Kies een rol om mee te spelen." if lang == "nl" else "Choose a role to play."]
    table = session.tables[person.table]
    if not table.rounds:
        label = role_label(person.role, lang)
        return [f"Jij speelt {label}. De eerste ronde begint zo." if lang == "nl"
                else f"You play {label}. The first round starts soon."]
    record = table.rounds[-1]
    lines = (_resident(record, lang) if person.role is PlayRole.RESIDENT
             else _neighbourhood(person.role, record, lang))
    for event in record.events:
        kind, _, detail = event.partition(":")
        if kind == "left":
            lines.append(f"{detail} is verhuisd of overleden; je speelt nu {table.resident.name}."
                         if lang == "nl" else f"{detail} has left the neighbourhood; you now play "
                         f"{table.resident.name}.")
    if session.phase is Phase.FINISHED:
        lines.append("Het spel is afgelopen." if lang == "nl" else "The game has ended.")
    return lines
