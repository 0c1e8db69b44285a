"""The eleven field patterns of ``model.md``: arms, measure, target, and counter-assumption.

Pattern-oriented modelling (Grimm et al. 2005). Each :class:`Pattern` compares two arms on the
default neighbourhood (300 residents) over ten years, unless the seed names another horizon.
Before any run its **target** was written from the seed's words: the direction, and the size
that would count (``min_ratio``, and ``min_level`` where the seed names a level, e.g. seed 003's
"two months later hardly any are left": more than half gone within nine weeks). Its
**counter-assumption** is a plausible alternative neighbourhood or practice, not a switch that
removes the mechanism (helper capacity 0, homophily 0 or selflessness 1 were such switches and
are gone); under it the two arms should be equivalent within the pattern's margin (TOST, see
:mod:`.statistics`). Reasons and sources for every choice: ``docs/patterns.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .statistics import PairedResult

__all__ = ["PATTERNS", "REPLICATIONS", "TEN_YEARS", "Arm", "Pattern"]

TEN_YEARS = 520
"""The default horizon: ten years of weeks."""

REPLICATIONS = 20
"""Replications per arm (same seeds in every arm); enough for a TOST at these effect sizes."""


@dataclass(frozen=True)
class Arm:
    """One arm of a comparison: a label and parameter overrides on the pattern's base."""

    label: str
    overrides: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pattern:
    """A field pattern, its two arms, its measure and target, and its counter-assumption.

    Attributes:
        number: Pattern number in ``model.md``.
        title: Short statement of the pattern.
        source: Where in the seeds the pattern comes from, with its words.
        target: The quantitative target in words, written from the seed before running.
        measure: A key of :data:`simulatie.experiment.patterns.measures.MEASURES` (or ``mean:...``).
        a: The arm expected to be *lower* in the measure.
        b: The arm expected to be *higher*.
        counter: Overrides applied to both arms under which the pattern should vanish.
        counter_label: The counter-assumption in words.
        weeks: Weeks per run.
        base: Overrides shared by all arms (on the default neighbourhood).
        mechanism: One sentence on the mechanism that produces the pattern.
        min_ratio: Target size: ``mean_b >= min_ratio * mean_a``.
        min_level: Target level of arm b, where the seed names one (``None``: none).
        margin: Equivalence margin of the counter-test in the measure's units (``None``: the
            target's own size, ``(min_ratio - 1) * mean_a`` of the counter's arm a).
        replications: Replications per arm.
    """

    number: int
    title: str
    source: str
    target: str
    measure: str
    a: Arm
    b: Arm
    counter: dict[str, Any]
    counter_label: str
    weeks: int = TEN_YEARS
    base: dict[str, Any] = field(default_factory=dict)
    mechanism: str = ""
    min_ratio: float = 1.0
    min_level: float | None = None
    margin: float | None = None
    replications: int = REPLICATIONS

    def params(self, arm: Arm, countered: bool = False) -> dict[str, Any]:
        """The full overrides of one arm, optionally under the counter-assumption."""
        values = {**self.base, **arm.overrides}
        if countered:
            values.update(self.counter)
        return values

    def shows(self, result: PairedResult) -> tuple[bool, str]:
        """Whether a comparison shows the pattern: b clearly above a, and the target met.

        Returns:
            ``(shows, reason)``; the reason names the numbers.
        """
        low, _ = result.interval()
        if not low > 0:
            return False, f"b is not clearly above a: {result.describe()}"
        if result.b.mean < self.min_ratio * result.a.mean:
            return False, (f"the target is not met (want b ≥ {self.min_ratio:g} × a): "
                           f"{result.describe()}")
        if self.min_level is not None and result.b.mean < self.min_level:
            return False, (f"the target is not met (want b ≥ {self.min_level:g}): "
                           f"{result.describe()}")
        return True, f"direction and size as the seed says: {result.describe()}"

    def counter_margin(self, counter: PairedResult) -> float:
        """The equivalence margin of the counter-test (see ``margin``)."""
        if self.margin is not None:
            return self.margin
        return (self.min_ratio - 1.0) * abs(counter.a.mean)


PATTERNS: dict[str, Pattern] = {}  # filled below, one entry per pattern of model.md


def _add(pattern: Pattern, suffix: str = "") -> None:
    PATTERNS[f"{pattern.number}{suffix}"] = pattern


_NOTHING = {"initiators": 0, "meeting_places": 0, "professionals": 0}
_PILOT = {"funding": "pilot", "pilot_weeks": 78, "professionals": 2, "professional_hours": 24.0}
_HIGH_LOAD = {"need_scale": 2.5, "helper_capacity_hours": 1.5, "formal_care_hours": 0.0}
_ONLY = {"share_older": 0.0, "share_family": 0.0, "share_lvb": 0.0, "share_psych": 0.0}
_MIXED = {**_ONLY, "share_migrant": 0.5}  # half adults, half newcomers/migrants
_HOMOGENEOUS = {**_ONLY, "share_migrant": 0.0}  # adults only
_NO_BRIDGING = {"bridging_effort": 0.0, "professionals": 0}
_LOW_HOMOPHILY = 0.5 / 1.5  # the lower end of homophily's plausible range (default ÷ 1.5)
_LOW_ASK = 0.5 / 1.5  # the lower end of ask_threshold's plausible range (default ÷ 1.5)

_add(Pattern(
    1, "Without initiators, meeting places or support, caring ties stay rare",
    source="seed 001, title: caring communities “don't arise by themselves”",
    target="after ten years at least a fifth more residents have a caring tie in the default "
    "neighbourhood than with nothing organised (b ≥ 1.2 a)",
    measure="share_with_caring_tie",
    a=Arm("no initiators, places or support", _NOTHING), b=Arm("default neighbourhood"),
    min_ratio=1.2,
    counter={"neighbour_contacts_per_week": 8.0, "ask_threshold": 0.2},
    counter_label="neighbours meet often and dare to ask (8 contacts/week, ask threshold 0.2)",
    mechanism="Activities at meeting places are the main source of new repeated contact; "
    "without them ties rest on doorstep chats that rarely add up to a friendly tie, and help "
    "is only asked over friendly ties.",
))
_add(Pattern(
    2, "Much professional takeover crowds out ownership; when professionals leave, less remains",
    source="seed 002, obstacles: “professionals take things over, and active residents then "
    "leave it to them”",
    target="in the tenth year, long after an 18-month pilot, at least 15% more residents have a "
    "caring tie after facilitating professionals than after ones who took over (b ≥ 1.15 a)",
    measure=f"mean:share_with_caring_tie:{TEN_YEARS - 51}:{TEN_YEARS}",
    a=Arm("takeover 0.9", {"takeover": 0.9}),
    b=Arm("takeover 0.1 (facilitating)", {"takeover": 0.1}),
    base=_PILOT, min_ratio=1.15,
    counter={"professional_hours": 1.5},
    counter_label="professionals have only 1.5 h/week each (too little to take anything over)",
    mechanism="Professionals who do the work take over resident-run activities (the organisers "
    "step back) and meet needs before neighbours are asked; when the pilot ends their "
    "activities stop unless a resident takes one over, and fewer help requests ever ran over "
    "neighbours' ties.",
))
_add(Pattern(
    3, "Mass flyering with passive matching: most volunteers gone within about two months",
    source="seed 003, case 2: “flyering draws many volunteers, two months later hardly any are "
    "left”",
    target="more than half of the flyered volunteers are gone within nine weeks of signing up "
    "(b ≥ 0.5), and at least five times the share of personally asked ones (b ≥ 5 a), over "
    "two years of recruiting",
    measure="early_quit_share",
    a=Arm("personal asking, active matching", {"recruitment": "personal", "matching": "active"}),
    b=Arm("mass flyering, passive matching", {"recruitment": "flyer", "matching": "passive"}),
    weeks=104, min_ratio=5.0, min_level=0.5, margin=0.1,
    counter={"need_scale": 3.0, "ask_threshold": _LOW_ASK},
    counter_label="three times the need, and residents hesitate little to ask (ask threshold "
    "0.33, the lower end of its plausible range): requests keep even passively matched "
    "volunteers busy",
    mechanism="Flyered volunteers sign up with low commitment for narrow tasks; with passive "
    "matching few requests reach them and fewer fit, and a volunteer who is not used loses "
    "motivation every week until they quit.",
))
_add(Pattern(
    4, "One kartrekker alone burns out far more often than two",
    source="seed 002: “at least two kartrekkers stay needed once it runs”",
    target="over ten years a lone initiator burns out at least twice as often as each of two "
    "(b ≥ 2 a)",
    measure="initial_initiator_burnout",
    a=Arm("two initiators", {"initiators": 2}), b=Arm("one initiator", {"initiators": 1}),
    base={"professionals": 0}, min_ratio=2.0, margin=0.1, replications=30,
    counter={"professionals": 1},
    counter_label="a professional supports the initiators (default 16 h/week, participative)",
    mechanism="An initiator's weekly drain is divided over the organisers while a co-organiser "
    "adds recovery; alone, the drain exceeds recovery unless professional support makes up "
    "the difference.",
))
_add(Pattern(
    5, "Where load exceeds capacity, building the network first helps",
    source="seed 002: “where the load (draaglast) exceeds the capacity (draagkracht), first "
    "build a network and grow the capacity”",
    target="over ten years of a load above capacity, no network building leaves at least 5% "
    "more of the need unmet than building it (b ≥ 1.05 a)",
    measure="unmet_share",
    a=Arm("network built: 4 initiators, 2 places, facilitating worker",
          {"initiators": 4, "meeting_places": 2, "invitation_effort": 1.0,
           "purposeful_share": 1.0, "professionals": 1, "takeover": 0.0}),
    b=Arm("no network building", {"initiators": 0, "meeting_places": 0, "professionals": 0}),
    base=_HIGH_LOAD, min_ratio=1.05,
    counter={"ask_threshold": 0.9},
    counter_label="residents hardly dare to ask (ask threshold 0.9: strong vraagverlegenheid)",
    mechanism="Help is asked over friendly ties and given from residents' spare hours; "
    "activities create the ties and volunteers through which spare capacity reaches need, but "
    "what is not asked is not given.",
))
_add(Pattern(
    6, "A one-off event leaves few lasting ties; recurring meetings do",
    source="seed 000, lessons: “meeting and connecting is the start (repetition, patience)”",
    target="after ten years at least 10% more friendly or caring ties with weekly activities "
    "than with one-off events (b ≥ 1.1 a)",
    measure="friendly_or_caring",
    a=Arm("one-off events", {"one_off_events": True}), b=Arm("weekly recurring activities"),
    min_ratio=1.1,
    counter={"activity_interval_weeks": 26},
    counter_label="recurring activities meet only twice a year (every 26 weeks)",
    mechanism="A tie becomes friendly only after many shared hours and fresh ties fade fast, "
    "so only repeated contact with the same people crosses the threshold.",
))
_add(Pattern(
    7, "Pilot funding that stops leads to decay; structural support sustains",
    source="seed 002: “pilots and start-up grants without follow-up lead nowhere”",
    target="after ten years at least 15% more caring ties with structural support than after "
    "a one-year pilot (b ≥ 1.15 a)",
    measure="caring_ties",
    a=Arm("pilot of 52 weeks", {"funding": "pilot", "pilot_weeks": 52}),
    b=Arm("structural funding", {"funding": "structural"}),
    min_ratio=1.15,
    counter={"takeover": 1.0, "guidance_style": "closed_authoritarian", "professionals": 2,
             "professional_hours": 40.0},
    counter_label="support is all takeover under a closed-authoritarian style (2 x 40 h)",
    mechanism="While funded, professionals support initiators, match help and invite people; "
    "when the pilot ends that stops and professional-run activities end, so ties that need "
    "repeated contact fade.",
))
_add(Pattern(
    8, "An open door draws few newcomers; active, purposeful invitation draws more",
    source="myth 5 (seed 000): “if the door is open, the neighbourhood comes in by itself”; "
    "lessons: “invite neighbours purposefully or ask them to do something”",
    target="over ten years at least twice as many isolated residents a year come for the first "
    "time with personal, purposeful invitation as with an open door (b ≥ 2 a)",
    measure="first_timers_isolated",
    a=Arm("open door, cosy", {"invitation_effort": 0.0, "purposeful_share": 0.0}),
    b=Arm("personal purposeful invitation", {"invitation_effort": 1.0, "purposeful_share": 1.0}),
    min_ratio=2.0,
    counter={"purposeful_share": 0.0},
    counter_label="organisers invite only people they already know (all activities cosy)",
    mechanism="An open door draws the sociable and already-connected; personal invitations to "
    "anyone nearby, with something to do, reach residents with few ties.",
))
_add(Pattern(
    9, "A mixed group without bridging forms fewer ties than a homogeneous group",
    source="myth 4 (seed 000): “good communities are mixed communities”",
    target="after ten years at least a fifth more friendly or caring ties in a homogeneous "
    "neighbourhood than in a mixed one without bridging (b ≥ 1.2 a)",
    measure="friendly_or_caring",
    a=Arm("mixed (half migrants), no bridging", _MIXED), b=Arm("homogeneous", _HOMOGENEOUS),
    base=_NO_BRIDGING, min_ratio=1.2,
    counter={"homophily": _LOW_HOMOPHILY},
    counter_label="groups differ little (homophily 0.33, the lower end of its plausible range)",
    mechanism="A contact across groups adds fewer shared hours (homophily) unless someone "
    "bridges, so in a mixed group fewer pairs reach the friendly threshold.",
))
_add(Pattern(
    10, "Reciprocity and appreciation keep volunteers longer than expecting selflessness",
    source="myth 6 (seed 000): “you should contribute selflessly”; lessons: “first give, then "
    "take (reciprocity)”",
    target="volunteers who signed up in the first year stay at least a fifth longer with "
    "reciprocity and appreciation than when selflessness is expected (b ≥ 1.2 a)",
    measure="volunteer_tenure",
    a=Arm("selflessness expected (appreciation 0)", {"appreciation": 0.0}),
    b=Arm("reciprocity and appreciation (1.0)", {"appreciation": 1.0}),
    min_ratio=1.2,
    counter={"volunteer_selflessness": 0.8},
    counter_label="volunteers are mostly selfless (selflessness 0.8: most of their reward needs "
    "nothing back)",
    mechanism="For the part of a volunteer's motives that wants something back, motivation grows "
    "more from a week of helping when they are thanked and helped back, and falls less in a week "
    "without requests; a selfless volunteer draws it from helping itself.",
))
_add(Pattern(
    11, "Cosy activities mostly bind the already-connected; purposeful activities reach others",
    source="myth 7 (seed 000): “a good community is cosy (gezellig)”",
    target="after ten years at least 15% more close ties between former strangers with "
    "purposeful activities than with cosy ones only (b ≥ 1.15 a)",
    measure="new_ties_between_strangers",
    a=Arm("cosy gatherings only", {"purposeful_share": 0.0}),
    b=Arm("purposeful activities only", {"purposeful_share": 1.0}),
    min_ratio=1.15,
    counter={"homophily": 0.75, "bridging_effort": 0.0, "professionals": 0},
    counter_label="strong homophily (0.75, the upper end of its plausible range) and nobody "
    "bridging, no professional either",
    mechanism="At cosy gatherings people talk to whom they already know; tasks and roles put "
    "people in teams whoever they are, so pairs who were strangers reach the friendly "
    "threshold.",
))
_add(Pattern(
    9, "Bridging changes that: a mixed group with bridging forms more ties across groups",
    source="myth 4 (seed 000) and seed 001: “bridge builders” between groups",
    target="after ten years at least 50% more close ties across groups in a mixed "
    "neighbourhood with full bridging effort than without (b ≥ 1.5 a)",
    measure="bridging_ties",
    a=Arm("mixed, no bridging", _MIXED), b=Arm("mixed, full bridging effort",
                                               {**_MIXED, "bridging_effort": 1.0}),
    base=_NO_BRIDGING, min_ratio=1.5,
    counter={"homophily": _LOW_HOMOPHILY},
    counter_label="groups differ little (homophily 0.33, the lower end of its plausible range)",
    mechanism="Bridging effort closes the homophily gap in shared hours for contacts across "
    "groups at activities, and makes diverse groups survive storming; it does not reach the "
    "doorstep, so the total number of close ties hardly changes, only how many cross groups.",
), "b")
PATTERNS = dict(sorted(PATTERNS.items(), key=lambda kv: (kv[1].number, kv[0])))
