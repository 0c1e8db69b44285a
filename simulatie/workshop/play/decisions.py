"""The roles of the participatory mode and the decisions each takes, from the seeds.

Each role decides, every round, between a few options. An option acts through the model's own
mechanisms: it sets levers that the model reads every week (:meth:`Simulation.change_levers`), or,
for the residents with a need, the played resident's own reluctance to ask (their row of the
population, which the asking mechanism reads). No option edits an outcome. A role that nobody
plays keeps the scenario's values: the model's own rules.

Which lever each option sets, and the values, are assumptions stated in ``docs/odd.md`` (section
"Participatory mode"): the options span the lever's declared range the way the seeds contrast
them (doing versus facilitating, cosy versus purposeful, an open door versus a personal
invitation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = ["DECISIONS", "Decision", "Option", "PlayRole", "role_label"]


class PlayRole(StrEnum):
    """A role a participant can take."""

    PROFESSIONAL = "professional"
    KARTREKKER = "kartrekker"
    RESIDENT = "resident"
    VOLUNTEER = "volunteer"
    COUNCIL = "council"


_ROLE_LABELS = {
    PlayRole.PROFESSIONAL: ("de professional", "the professional"),
    PlayRole.KARTREKKER: ("een kartrekker", "a kartrekker"),
    PlayRole.RESIDENT: ("een bewoner met een hulpvraag", "a resident with a need"),
    PlayRole.VOLUNTEER: ("een vrijwilliger", "a volunteer"),
    PlayRole.COUNCIL: ("de gemeente", "the council"),
}


def role_label(role: PlayRole, lang: str) -> str:
    """The role's name in Dutch (``"nl"``) or English."""
    nl, en = _ROLE_LABELS[role]
    return nl if lang == "nl" else en


@dataclass(frozen=True)
class Option:
    """One answer to a decision.

    Attributes:
        key: Stable identifier.
        nl: The answer in Dutch.
        en: The answer in English.
        levers: Lever values this answer sets for the next round.
        ask_threshold: For the resident: their own reluctance to ask (0 = asks readily).
        fit: For the volunteer: the chance a request suits them (their own row's ``fit``).
    """

    key: str
    nl: str
    en: str
    levers: dict[str, Any] = field(default_factory=dict)
    ask_threshold: float | None = None
    fit: float | None = None

    def label(self, lang: str) -> str:
        """The answer in ``lang``."""
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class Decision:
    """A question a role answers every round.

    Attributes:
        key: Stable identifier, unique within the role.
        role: Who decides.
        nl: The question in Dutch.
        en: The question in English.
        options: The possible answers.
        myths: The myths (1 to 7) this decision touches, for the debrief.
    """

    key: str
    role: PlayRole
    nl: str
    en: str
    options: tuple[Option, ...]
    myths: tuple[int, ...] = ()

    def question(self, lang: str) -> str:
        """The question in ``lang``."""
        return self.nl if lang == "nl" else self.en

    def option(self, key: str) -> Option:
        """The option called ``key``.

        Raises:
            KeyError: If there is none.
        """
        for option in self.options:
            if option.key == key:
                return option
        raise KeyError(key)


_P, _K, _R, _V, _C = (PlayRole.PROFESSIONAL, PlayRole.KARTREKKER, PlayRole.RESIDENT,
                      PlayRole.VOLUNTEER, PlayRole.COUNCIL)

DECISIONS: dict[PlayRole, tuple[Decision, ...]] = {
    _P: (
        Decision("hours", _P, "Hoe besteed je je uren?", "How do you spend your hours?", (
            Option("doing", "Zelf doen: ik organiseer en help zelf", "Doing: I organise and help "
                   "myself", {"takeover": 0.8}),
            Option("mixed", "Half zelf doen, half anderen ondersteunen", "Half doing, half "
                   "supporting others", {"takeover": 0.4}),
            Option("facilitating", "Faciliteren: bewoners doen het, ik ondersteun", "Facilitating: "
                   "residents do it, I support", {"takeover": 0.05}),
        ), myths=(1, 3)),
        Decision("style", _P, "Hoe stuur je?", "How do you guide?", (
            Option("consultative", "Ik beslis en vraag bewoners om advies", "I decide and ask "
                   "residents for advice", {"guidance_style": "consultative"}),
            Option("participative", "We beslissen samen", "We decide together",
                   {"guidance_style": "participative"}),
            Option("facilitating", "Bewoners beslissen, ik faciliteer", "Residents decide, I "
                   "facilitate", {"guidance_style": "facilitating"}),
        ), myths=(2,)),
        Decision("connect", _P, "Breng je mensen met een hulpvraag en vrijwilligers zelf bij "
                 "elkaar?", "Do you bring people with a need and volunteers together yourself?", (
            Option("active", "Ja, ik zoek hulpvragen actief op en koppel", "Yes, I seek out needs "
                   "and match", {"matching": "active"}),
            Option("passive", "Nee, wie hulp wil, meldt zich zelf", "No, whoever wants help comes "
                   "forward", {"matching": "passive"}),
        ), myths=(5,)),
    ),
    _K: (
        Decision("kind", _K, "Wat organiseer je?", "What do you organise?", (
            Option("cosy", "Iets gezelligs: koffie, een maaltijd", "Something cosy: coffee, a "
                   "meal", {"purposeful_share": 0.05}),
            Option("mixed", "Een mix", "A mix", {"purposeful_share": 0.4}),
            Option("purposeful", "Iets met een doel: samen klussen, een tuin", "Something with a "
                   "purpose: odd jobs together, a garden", {"purposeful_share": 0.8}),
        ), myths=(7,)),
        Decision("rhythm", _K, "Hoe vaak?", "How often?", (
            Option("weekly", "Elke week", "Every week",
                   {"one_off_events": False, "activity_interval_weeks": 1}),
            Option("monthly", "Eens per maand", "Once a month",
                   {"one_off_events": False, "activity_interval_weeks": 4}),
            Option("one_off", "Losse evenementen", "One-off events", {"one_off_events": True}),
        ), myths=(3,)),
        Decision("invite", _K, "Hoe nodig je mensen uit?", "How do you invite people?", (
            Option("open_door", "De deur staat open, wie wil komt", "The door is open, whoever "
                   "wants comes", {"invitation_effort": 0.0}),
            Option("flyer", "Een flyer en een bericht in de app", "A flyer and a message in the "
                   "app", {"invitation_effort": 0.3}),
            Option("personal", "Ik vraag mensen persoonlijk, ook wie alleen is", "I ask people "
                   "personally, including those who are alone", {"invitation_effort": 0.9}),
        ), myths=(4, 5)),
    ),
    _R: (
        Decision("ask", _R, "Vraag je om hulp als je die nodig hebt?", "Do you ask for help when "
                 "you need it?", (
            Option("rarely", "Liever niet, ik wil niemand tot last zijn", "Rather not, I don't "
                   "want to be a burden", ask_threshold=0.85),
            Option("sometimes", "Als het echt moet", "When I really must", ask_threshold=0.5),
            Option("readily", "Ja, ik vraag het gewoon", "Yes, I simply ask", ask_threshold=0.15),
        ), myths=(2, 6)),
    ),
    _V: (
        Decision("recruit", _V, "Vraag je anderen om ook mee te doen?", "Do you ask others to "
                 "join too?", (
            Option("none", "Nee", "No", {"recruitment": "none"}),
            Option("flyer", "Ik deel flyers uit", "I hand out flyers", {"recruitment": "flyer"}),
            Option("personal", "Ik vraag mensen persoonlijk", "I ask people personally",
                   {"recruitment": "personal"}),
        ), myths=(5,)),
    ),
    _C: (
        Decision("funding", _C, "Hoe financier je de ondersteuning?", "How do you fund the "
                 "support?", (
            Option("structural", "Structureel", "Structurally", {"funding": "structural"}),
            Option("pilot", "Als pilot van een jaar", "As a one-year pilot",
                   {"funding": "pilot", "pilot_weeks": 52}),
        ), myths=(1,)),
        Decision("garden", _C, "Keur je de plannen van bewoners goed (zoals een moestuin)?",
                 "Do you approve residents' plans (such as a garden)?", (
            Option("approve", "Ja, en we geven ruimte", "Yes, and we give room",
                   {"government_responsiveness": 0.9}),
            Option("reject", "Nee, dat past niet in de regels", "No, it does not fit the rules",
                   {"government_responsiveness": 0.1}),
        ), myths=(2, 3)),
    ),
}
"""Every role's decisions, in the order the participant sees them."""
