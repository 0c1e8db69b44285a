"""Every label of the workshop screens, in Dutch and English.

The roles, the decisions and the session's refusals carry their own words
(:mod:`simulatie.workshop.play.decisions`, :class:`~simulatie.workshop.play.session.PlayError`);
everything else the facilitator's screen and the participant's page show is here, once, in both
languages. Dutch is the default: the participants are Dutch and Flemish community workers.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "TEXT", "capitalised", "say"]

LANGUAGES: tuple[str, ...] = ("nl", "en")

TEXT: dict[str, dict[str, str]] = {
    # both screens
    "title": {"nl": "Werkplaats: samen een zorgzame buurt", "en": "Workshop: a caring "
              "neighbourhood together"},
    "table": {"nl": "Tafel {number}", "en": "Table {number}"},
    "the_model": {"nl": "het model", "en": "the model"},
    "round_of": {"nl": "Ronde {number} van {total}", "en": "Round {number} of {total}"},
    "phase_lobby": {"nl": "Iedereen meldt zich aan. De eerste ronde is nog niet begonnen.",
                    "en": "Everyone is joining. The first round has not started yet."},
    "phase_open": {"nl": "Ronde {number} van {total} is open: maak je keuzes.",
                   "en": "Round {number} of {total} is open: make your choices."},
    "phase_between": {"nl": "Ronde {number} van {total} is gespeeld.",
                      "en": "Round {number} of {total} has been played."},
    "phase_finished": {"nl": "Het spel is afgelopen: nabespreking.",
                       "en": "The game has ended: debrief."},
    "seconds_left": {"nl": "Nog {minutes}:{seconds:02d}", "en": "{minutes}:{seconds:02d} left"},
    "not_ready": {"nl": "De werkplaats kon niet starten: {problem}",
                  "en": "The workshop could not start: {problem}"},
    # facilitator: joining
    "join_here": {"nl": "Doe mee op je telefoon of laptop:", "en": "Join on your phone or "
                  "laptop:"},
    "pin": {"nl": "Pincode", "en": "PIN"},
    "qr_alt": {"nl": "QR-code van het adres om mee te doen", "en": "QR code of the address to "
               "join"},
    "facilitator_only": {
        "nl": "Dit is het scherm van de begeleider. Doe je mee? Open dan het adres om mee te "
        "doen:",
        "en": "This is the facilitator's screen. Taking part? Open the address to join:"},
    # facilitator: rounds
    "timer_minutes": {"nl": "Tijd per ronde in minuten (0 = geen klok)",
                      "en": "Time per round in minutes (0 = no timer)"},
    "timer_invalid": {"nl": "Typ de tijd per ronde als getal van minuten, bijvoorbeeld 10 of 1,5 "
                            "(0 = geen klok).",
                      "en": "Type the time per round as a number of minutes, e.g. 10 or 1.5 "
                            "(0 = no timer)."},
    "open_round": {"nl": "Open ronde {number}", "en": "Open round {number}"},
    "close_round": {"nl": "Sluit ronde {number} en reken door", "en": "Close round {number} and "
                    "run it"},
    "waiting_for": {"nl": "We wachten nog op:", "en": "Still waiting for:"},
    "nobody_waiting": {"nl": "Iedereen met een rol heeft gekozen.", "en": "Everyone with a role "
                       "has chosen."},
    "without_role": {"nl": "Nog zonder rol:", "en": "No role yet:"},
    "weeks": {"nl": "weken {first} tot en met {last}", "en": "weeks {first} to {last}"},
    "after_round": {"nl": "na ronde {round} (weken {first}–{last})",
                    "en": "after round {round} (weeks {first}–{last})"},
    "neighbourhoods": {"nl": "De buurten na de laatste ronde",
                       "en": "The neighbourhoods after the last round"},
    "debrief_myths": {"nl": "De mythen die de belangrijkste keuzes raken:",
                      "en": "The myths the choices that mattered most touch:"},
    "no_round_yet": {"nl": "Na de eerste ronde verschijnen hier de buurt en haar cijfers.",
                     "en": "After the first round the neighbourhood and its numbers appear "
                     "here."},
    # facilitator: debrief
    "debrief": {"nl": "Nabespreking", "en": "Debrief"},
    "debrief_choices": {"nl": "Wat de keuzes deden, tegenover het model (aan het eind):",
                        "en": "What the choices did, against the model (at the end):"},
    "no_difference": {"nl": "geen verschil", "en": "no difference"},
    "debrief_busy": {"nl": "De nabespreking wordt berekend …", "en": "Computing the debrief …"},
    "compare_label": {"nl": "Vergelijk ook met het beleid van scenario",
                      "en": "Also compare with the policy of scenario"},
    "compare_none": {"nl": "(geen: alleen het model)", "en": "(none: only the model)"},
    "debrief_failed": {"nl": "De nabespreking lukte niet: {problem}",
                       "en": "The debrief failed: {problem}"},
    "export_nl": {"nl": "Samenvatting opslaan (Nederlands)", "en": "Save summary (Dutch)"},
    "export_en": {"nl": "Samenvatting opslaan (Engels)", "en": "Save summary (English)"},
    "exported": {"nl": "Opgeslagen:", "en": "Saved:"},
    "export_failed": {"nl": "Opslaan lukte niet: {problem}", "en": "Saving failed: {problem}"},
    # participant: joining
    "your_name": {"nl": "Je voornaam", "en": "Your first name"},
    "which_table": {"nl": "Aan welke tafel zit je?", "en": "Which table are you at?"},
    "join": {"nl": "Meedoen", "en": "Join"},
    "too_many_tries": {"nl": "Te vaak een verkeerde pincode op dit toestel. Probeer het over "
                       "een minuut opnieuw.", "en": "Too many wrong PINs on this device. Try "
                       "again in a minute."},
    "welcome": {"nl": "Hallo", "en": "Hello"},
    # participant: role
    "pick_role": {"nl": "Kies je rol", "en": "Choose your role"},
    "your_role": {"nl": "Jouw rol:", "en": "Your role:"},
    "played_by": {"nl": "gespeeld door", "en": "played by"},
    "other_role": {"nl": "Andere rol kiezen", "en": "Choose another role"},
    "role_free": {"nl": "vrij", "en": "free"},
    # participant: choosing
    "choose_now": {"nl": "Ronde {number}: wat doe je de komende {weeks} weken?",
                   "en": "Round {number}: what do you do in the coming {weeks} weeks?"},
    "round_closed_choices": {"nl": "Ronde {number} is gesloten. Dit waren je keuzes:",
                             "en": "Round {number} has closed. These were your choices:"},
    "wait_for_round": {"nl": "Wacht tot de begeleider de ronde opent.",
                       "en": "Wait until the facilitator opens the round."},
    "saved": {"nl": "Opgeslagen.", "en": "Saved."},
    "changed": {"nl": "Gewijzigd: je nieuwe keuze telt.", "en": "Changed: your new choice "
                "counts."},
    "same": {"nl": "Dat had je al gekozen.", "en": "You had already chosen that."},
    "situation": {"nl": "Hoe gaat het met jou?", "en": "How are you doing?"},
    "situation_missing": {"nl": "Na de eerste ronde lees je hier hoe het met jou gaat.",
                          "en": "After the first round you read here how you are doing."},
}
"""The screens' texts by key, each in Dutch (``nl``) and English (``en``)."""


def say(key: str, lang: str, **values: object) -> str:
    """Return the text ``key`` in ``lang`` with its ``{placeholders}`` filled in.

    Args:
        key: A key of :data:`TEXT`.
        lang: ``"nl"`` or ``"en"``; anything else is read as English.
        **values: Values for the placeholders.

    Returns:
        The text.

    Raises:
        KeyError: If the key is unknown.
    """
    text = TEXT[key]["nl" if lang == "nl" else "en"]
    return text.format(**values) if values else text


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital and the rest as it is (a label that starts a line).

    Args:
        text: E.g. ``"de professional"`` or ``"evenveel bewoners …"``.

    Returns:
        E.g. ``"De professional"``.
    """
    return text[:1].upper() + text[1:]
