"""What a participant sees of their own situation, in plain Dutch or English.

After each round a participant reads what happened to the people their role touches, by name:
the resident with a need reads whom they asked and what each answered, and how many hours of
help they needed and from whom they got them ("Je vroeg meneer Jansen 3 keer om hulp: 2 keer
ja"); the volunteer who asked them and how often they said no ("Mevrouw De Vries vroeg je 2 keer
om hulp; je zei 1 keer nee"); the kartrekker whether the neighbour they invited came; the
professional how often they brought someone together. Then what their role sees of the whole
neighbourhood: how many came to activities, how many volunteers are active, where care came
from, how lonely and cared-for the neighbourhood is (the council). All of it comes from the
table's round records (:class:`~.table.RoundRecord`), requests included.
"""

from __future__ import annotations

from collections import defaultdict

from simulatie.core.state.personal import Request
from simulatie.workshop.play.decisions import PlayRole, role_label
from simulatie.workshop.play.names import resident_name
from simulatie.workshop.play.personal import home_of
from simulatie.workshop.play.session import Phase, Session
from simulatie.workshop.play.table import RoundRecord

__all__ = ["situation"]


def _hours(value: float) -> str:
    return f"{value:.0f}"


def _hours_en(value: float) -> str:
    """Hours in English words: "1 hour", "3 hours" (Dutch "uur" has no plural)."""
    return f"{_hours(value)} {'hour' if _hours(value) == '1' else 'hours'}"


def _percent(value: float) -> str:
    return f"{100 * value:.0f}%"


MOST_NAMED = 3
"""People named in one participant's account of a round: the ones most often involved."""


def _name(record: RoundRecord, home: int, lang: str, start: bool = False) -> str:
    name = resident_name(home, record.people.get(home, 0), lang)
    return name[0].upper() + name[1:] if start else name


def _by(requests: list[Request], key: str) -> list[tuple[int, list[Request]]]:
    """Requests grouped by ``asker`` or ``asked``, the most frequent first."""
    groups: dict[int, list[Request]] = defaultdict(list)
    for request in requests:
        groups[getattr(request, key)].append(request)
    return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))[:MOST_NAMED]


def _times(count: int, lang: str) -> str:
    return f"{count} keer" if lang == "nl" else ("once" if count == 1 else
                                                 "twice" if count == 2 else f"{count} times")


def _resident(record: RoundRecord, lang: str) -> list[str]:
    r = record.resident
    me = int(r["slot"])
    name = _name(record, me, lang)
    helped = r["network"] + r["volunteers"] + r["professional"]
    nl = lang == "nl"
    lines = [f"Jij speelt {name}. Deze ronde had {name} {_hours(r['need'])} uur hulp nodig."
             if nl else f"You play {name}. This round {name} needed {_hours_en(r['need'])} "
             "of help."]
    asks = [q for q in record.requests if q.kind == "ask" and q.asker == me]
    if not asks:
        lines.append("Je vroeg deze ronde niemand die je kent om hulp." if nl
                     else "This round you asked nobody you know for help.")
    for helper, group in _by(asks, "asked"):
        yes = [q for q in group if q.yes]
        other = _name(record, helper, lang)
        lines.append(
            f"Je vroeg {other} {_times(len(group), lang)} om hulp: {len(yes)} keer ja "
            f"({_hours(sum(q.hours for q in yes))} uur), {len(group) - len(yes)} keer nee."
            if nl else f"You asked {other} for help {_times(len(group), lang)}: yes "
            f"{_times(len(yes), lang)} ({_hours_en(sum(q.hours for q in yes))}), no "
            f"{_times(len(group) - len(yes), lang)}.")
    lines += [f"{_hours(r['formal'])} uur kwam van de thuiszorg, {_hours(helped)} uur van "
              f"buren, vrijwilligers en de professional "
              f"({_hours(r['network'])} van buren en vrienden)." if nl else
              f"{_hours_en(r['formal'])} came from home care, {_hours_en(helped)} from "
              f"neighbours, volunteers and the professional "
              f"({_hours_en(r['network'])} from neighbours and friends).",
              f"{_hours(r['unmet'])} uur bleef liggen." if nl else
              f"{_hours_en(r['unmet'])} {'was' if _hours(r['unmet']) == '1' else 'were'} left "
              "undone."]
    return lines


def _volunteer(record: RoundRecord, lang: str) -> list[str]:
    me = record.volunteer
    nl = lang == "nl"
    if me is None:
        return ["Er zijn nog geen vrijwilligers in de buurt; jij beslist hoe er geworven wordt."
                if nl else "There are no volunteers in the neighbourhood yet; you decide how "
                "they are recruited."]
    lines = [f"Jij speelt vrijwilliger {_name(record, me, lang)}." if nl
             else f"You play the volunteer {_name(record, me, lang)}."]
    requests = [q for q in record.requests if q.kind in ("ask", "match") and q.asked == me]
    if not requests:
        lines.append("Deze ronde vroeg niemand jou om hulp." if nl
                     else "Nobody asked you for help this round.")
    for asker, group in _by(requests, "asker"):
        no = sum(not q.yes for q in group)
        hours = sum(q.hours for q in group)
        other = _name(record, asker, lang, start=True)
        if nl:
            answer = f"je zei {no} keer nee" if no else "je zei ja"
            helped = f" en hielp {_hours(hours)} uur" if hours >= 0.5 else ""
            lines.append(f"{other} vroeg je {_times(len(group), lang)} om hulp; {answer}"
                         f"{helped}.")
        else:
            answer = f"you said no {_times(no, lang)}" if no else "you said yes"
            helped = f" and helped {_hours_en(hours)}" if hours >= 0.5 else ""
            lines.append(f"{other} asked you for help {_times(len(group), lang)}; {answer}"
                         f"{helped}.")
    return lines


def _kartrekker(record: RoundRecord, lang: str) -> list[str]:
    home = home_of(record.choices.get(PlayRole.KARTREKKER.value, {}).get("invite_whom", ""))
    if home is None:
        return []
    nl = lang == "nl"
    name = _name(record, home, lang)
    tries = [q for q in record.requests if q.kind == "invite" and q.asked == home]
    if not tries:
        return [f"Er kwam deze ronde geen activiteit bijeen bij {name} in de buurt." if nl
                else f"No activity met near {name} this round."]
    came = any(q.yes for q in tries)
    if nl:
        return [f"Je nodigde {name} {_times(len(tries), lang)} persoonlijk uit; {name} "
                f"{'kwam' if came else 'kwam niet'}."]
    return [f"You invited {name} personally {_times(len(tries), lang)}; {name} "
            f"{'came' if came else 'did not come'}."]


def _professional(record: RoundRecord, lang: str) -> list[str]:
    nl = lang == "nl"
    lines = []
    meetings = [q for q in record.requests if q.kind == "introduce"]
    for home, group in _by(meetings, "asker"):
        met = [q for q in group if q.yes]
        name = _name(record, home, lang)
        if met:
            partner = _name(record, met[-1].asked, lang)
            lines.append(f"Je bracht {name} {_times(len(met), lang)} samen met {partner}." if nl
                         else f"You brought {name} together with {partner} "
                         f"{_times(len(met), lang)}.")
        if len(met) < len(group):
            missed = _times(len(group) - len(met), lang)
            lines.append(f"{missed[0].upper() + missed[1:]} was er geen tijd of niemand om "
                         f"{name} mee samen te brengen." if nl else
                         f"{missed[0].upper() + missed[1:]} there was no time or nobody to "
                         f"bring {name} together with.")
    return lines


def _neighbourhood(role: PlayRole, record: RoundRecord, lang: str) -> list[str]:
    end = record.end
    nl = lang == "nl"
    if role is PlayRole.KARTREKKER:
        return [f"Bij de activiteiten was {_percent(end['attendance'])} van de buurt aanwezig."
                if nl else f"{_percent(end['attendance'])} of the neighbourhood came to the "
                "activities."]
    if role is PlayRole.VOLUNTEER:
        count = round(end["active_volunteers"])
        if count == 1:
            return ["Er is nu 1 vrijwilliger actief." if nl else "1 volunteer is active now."]
        return [f"Er zijn nu {count} vrijwilligers actief." if nl
                else f"{count} volunteers are active now."]
    if role is PlayRole.PROFESSIONAL:
        return [f"In de laatste week kwam {_hours(end['care_hours_network'])} uur hulp van buren "
                f"en vrienden en {_hours(end['care_hours_professional'])} uur van professionals."
                if nl else f"In the last week {_hours_en(end['care_hours_network'])} of help "
                f"came from neighbours and friends, {_hours_en(end['care_hours_professional'])} "
                "from professionals."]
    return [f"{_percent(end['share_with_caring_tie'])} van de bewoners heeft iemand die voor hen "
            f"zorgt; {_percent(end['lonely_share'])} is eenzaam." if nl
            else f"{_percent(end['share_with_caring_tie'])} of residents have someone who cares "
            f"for them; {_percent(end['lonely_share'])} are lonely."]


def _left(record: RoundRecord, now: str, lang: str) -> list[str]:
    """The played resident left the neighbourhood during the round: who (``now``) is played."""
    lines = []
    for event in record.events:
        kind, _, detail = event.partition(":")
        if kind == "left":
            home, _, gen = detail.partition(":")
            gone = resident_name(int(home), int(gen), lang)
            lines.append(f"{gone[0].upper() + gone[1:]} is verhuisd of overleden; je speelt nu "
                         f"{now}." if lang == "nl" else f"{gone[0].upper() + gone[1:]} has left "
                         f"the neighbourhood; you now play {now}.")
    return lines


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
    if person.role is PlayRole.RESIDENT:
        lines = _resident(record, lang)
    else:
        personal = {PlayRole.VOLUNTEER: _volunteer, PlayRole.KARTREKKER: _kartrekker,
                    PlayRole.PROFESSIONAL: _professional}.get(person.role)
        lines = personal(record, lang) if personal else []
        lines += _neighbourhood(person.role, record, lang)
    if person.role is PlayRole.RESIDENT:
        lines += _left(record, table.resident.name(lang), lang)
    if session.phase is Phase.FINISHED:
        lines.append("Het spel is afgelopen." if lang == "nl" else "The game has ended.")
    return lines
