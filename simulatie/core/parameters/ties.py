"""Parameters of meeting, shared hours and the stages of a tie."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import Role, param

__all__ = ["TieParameters"]


class TieParameters(BaseModel):
    """How neighbours meet, how ties grow and how they fade."""

    neighbour_contacts_per_week: float = param(
        3.0, ge=0, le=10, unit="contacts/week", group="ties", role=Role.CONTEXT,
        short_nl="Contacten met buren", short_en="Contacts with neighbours",
        en="Chance encounters with near neighbours per resident per week (Festinger et al. 1950); "
        "set so that with nothing organised the neighbourhood helps as the surveys say (I&O "
        "2018, Burgerpeiling 2016; docs/calibration.md).",
        nl="Toevallige ontmoetingen met naaste buren per bewoner per week; zo gekozen dat de "
        "buurt zonder georganiseerde activiteiten helpt zoals de enquêtes zeggen.",
        source="calibrated: I&O Research 2018, Burgerpeiling 2016",
        plausible=(0.8, 5.0),
        plausible_source="CBS, Statistische Trends 2019 (Sociaal contact): 58-66% have weekly "
        "and 13-19% daily contact with neighbours, read through the encounter rule; not a "
        "calibration target",
    )
    neighbour_reach: int = param(
        4, ge=1, le=12, unit="homes", group="ties", role=Role.CONTEXT,
        short_nl="Bereik van de voordeur", short_en="Doorstep reach",
        en="Homes along the street (on either side, and across it) within which doorstep "
        "encounters happen.",
        nl="Aantal woningen langs de straat (naar weerszijden en aan de overkant) waarbinnen "
        "buren elkaar bij de voordeur tegenkomen.",
        source="Festinger et al. 1950 for the idea (nearness makes contact); value assumption",
    )
    street_crossing: float = param(
        1.5, ge=0, le=5, unit="homes", group="ties", role=Role.CONTEXT,
        short_nl="Afstand naar overkant", short_en="Distance across the street",
        en="Homes that crossing the street counts as, in the distance of doorstep encounters.",
        nl="Aantal woningen dat oversteken telt in de afstand tussen buren bij toevallige "
        "ontmoetingen.",
    )
    encounter_distance_power: float = param(
        2.0, ge=0, le=4, unit="factor", group="ties", role=Role.CONTEXT,
        short_nl="Afname met afstand", short_en="Fall with distance",
        en="Doorstep encounters with a neighbour fall off as 1 / distance to this power "
        "(0: everyone within reach alike).",
        nl="Toevallige ontmoetingen met een buur nemen af als 1 / afstand tot deze macht "
        "(0: iedereen binnen bereik even vaak).",
        source="Festinger et al. 1950 for the fall with distance; the form is an assumption",
    )
    chat_hours: float = param(
        0.5, ge=0, le=3, unit="hours", group="ties", role=Role.CONTEXT,
        short_nl="Duur van een praatje", short_en="Length of a chat",
        en="Shared hours of one chat on the doorstep.",
        nl="Gedeelde uren van één praatje aan de deur.",
        plausible=(0.1, 1.0),
        plausible_source="assumption, wide: no survey gives how long a doorstep chat lasts (a "
        "few minutes to under an hour)",
    )
    friendly_hours: float = param(
        15.0, ge=1, le=200, unit="hours", group="ties", role=Role.CONTEXT,
        short_nl="Uren tot vriendelijk contact", short_en="Hours to friendliness",
        en="Shared hours at which an acquaintance becomes a friendly contact (Hall 2018: about "
        "50 h for a casual friend; compressed for a neighbour).",
        nl="Gedeelde uren waarna een kennis een vriendelijk contact wordt (Hall 2018, ingekort).",
        source="Hall 2018 (compressed: assumption)",
        plausible=(8.0, 60.0),
        plausible_source="Hall 2019 (J. Soc. Pers. Relat. 36:1278, cut points as summarised "
        "[secondary]): 40-60 h together make a casual friend, the top; the low end an assumption",
    )
    tie_decay_per_week: float = param(
        0.003, ge=0, le=0.2, unit="1/week", group="ties", role=Role.CONTEXT,
        short_nl="Vervagen sterke band", short_en="Fading of strong ties",
        en="Weekly loss of shared hours of a strong tie without contact (Dunbar: about 15%/year).",
        nl="Wekelijks verlies aan gedeelde uren van een sterke band zonder contact.",
        source="Dunbar (secondary)",
    )
    weak_tie_decay_per_week: float = param(
        0.02, ge=0, le=0.5, unit="1/week", group="ties", role=Role.CONTEXT,
        short_nl="Vervagen zwakke band", short_en="Fading of weak ties",
        en="Weekly loss of a fresh, weak tie: weak ties fade fast (Raeder et al. 2011).",
        nl="Wekelijks verlies van een nieuwe, zwakke band: zwakke banden vervagen snel.",
        plausible=(0.005, 0.08),
        plausible_log=True,
        plausible_source="Burt 2002 (nine in ten bridges gone a year later); Hidalgo & "
        "Rodriguez-Sickert 2008: an unused weak tie forgotten within two months to three years",
    )
    reciprocated_persistence: float = param(
        0.5, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Houvast van wederzijdse hulp", short_en="Hold of mutual help",
        en="How much slower a tie fades once help has gone both ways (Raeder et al. 2011: "
        "reciprocated ties last longer); 0 = no difference.",
        nl="Hoeveel trager een band vervaagt als er over en weer is geholpen; 0 = geen verschil.",
        plausible=(0.1, 0.9),
        plausible_source="assumption, wide: Raeder et al. 2011 give the direction (reciprocated "
        "ties last longer), not a ratio of decay rates",
    )
    favour_rate: float = param(
        0.15, ge=0, le=1, unit="1/week", group="ties", role=Role.CONTEXT,
        short_nl="Kans op een gunst", short_en="Chance of a favour",
        en="Weekly chance that a household needs a small favour only someone outside the home can "
        "do (an errand, an odd job, lending a ladder, taking in a parcel); it is asked of the "
        "household's own ties in the neighbourhood (Burgerpeiling 2016: almost two thirds help "
        "neighbours with errands or odd jobs).",
        nl="Wekelijkse kans dat een huishouden een kleine gunst nodig heeft die alleen iemand "
        "buiten het huis kan doen (een boodschap, een klusje, een ladder lenen, een pakketje "
        "aannemen); die wordt gevraagd aan de eigen banden in de buurt.",
        source="calibrated: Burgerpeiling 2016 (size: assumption)",
        plausible=(0.03, 0.5),
        plausible_log=True,
        plausible_source="assumption, wide: the only figure is the fitted Burgerpeiling share; "
        "from a favour every seven months to one every two weeks",
    )
    favour_hours: float = param(
        1.0, ge=0, le=10, unit="hours", group="ties", role=Role.CONTEXT,
        short_nl="Duur van een gunst", short_en="Length of a favour",
        en="Mean hours of one such favour (Exponential).",
        nl="Gemiddeld aantal uren van zo'n gunst (exponentieel verdeeld).",
    )
    help_shared_share: float = param(
        0.5, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Hulp als samen-tijd", short_en="Help as shared time",
        en="Share of an hour of help that counts as time spent together (the rest is the task "
        "itself: a lift, an errand).",
        nl="Deel van een uur hulp dat telt als samen doorgebrachte tijd (de rest is de klus zelf).",
    )
    homophily: float = param(
        0.5, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Voorkeur voor eigen groep", short_en="Preference for own group",
        en="How much harder a contact across groups bonds (McPherson et al. 2001); 0 = no "
        "difference.",
        nl="Hoeveel moeizamer een contact tussen groepen een band wordt; 0 = geen verschil.",
        source="McPherson, Smith-Lovin & Cook 2001 (size: assumption)",
        plausible=(0.1, 0.9),
        plausible_source="assumption, wide: McPherson, Smith-Lovin & Cook 2001 give the "
        "direction, not a size in this unit",
    )
    # --- doorstep encounters (docs/odd.md 7.5) ----------------------------------------------
    frail_outdoors: float = param(
        1.0, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Kwetsbaren minder buiten", short_en="Frail stay indoors",
        en="Share of doorstep encounters a fully frail resident no longer starts (neighbours can "
        "still come to them); it gives the age gradient of loneliness through a mechanism.",
        nl="Deel van de ontmoetingen aan de deur dat een volledig kwetsbare bewoner niet meer zelf "
        "aangaat (buren kunnen nog wel langskomen).",
        plausible=(0.3, 1.0),
        plausible_source="weak: Sheehan et al. 2020 (NHATS): about 3 in 10 frail older people "
        "are homebound",
    )
    risk_shuts_doors: float = param(
        0.6, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Dichte deuren door risico", short_en="Doors shut by risk",
        en="Share of doorstep encounters that full risk and conflict in the area (area_risk = 1) "
        "prevents.",
        nl="Deel van de ontmoetingen aan de deur dat volledig risico en conflict in de buurt "
        "(area_risk = 1) voorkomt.",
        source="seed 000 (Willem Klooslaan), seed 003 case 1 (direction); size: assumption",
    )
    risk_refuses_chats: float = param(
        0.5, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Praatje geweigerd door risico", short_en="Chats refused from risk",
        en="Share of the remaining doorstep encounters that full risk and conflict in the area "
        "turns away before a chat.",
        nl="Deel van de overige ontmoetingen aan de deur dat bij volledig risico en conflict in "
        "de buurt niet tot een praatje leidt.",
        source="seed 000 (Willem Klooslaan), seed 003 case 1 (direction); size: assumption",
    )
    chat_base: float = param(
        0.5, ge=0, le=1, unit="chance", group="ties", role=Role.CONTEXT,
        short_nl="Kans op een praatje", short_en="Chance of a chat",
        en="Chance that a neighbour met on the doorstep stops to chat, rising from this to 1 "
        "with their sociability.",
        nl="Kans dat een buur die je aan de deur tegenkomt blijft staan voor een praatje; die "
        "stijgt van dit getal tot 1 met hoe sociaal de buur is.",
    )
    # --- trust in neighbours (docs/odd.md 7.12) ----------------------------------------------
    trust_drift: float = param(
        0.02, ge=0, le=1, unit="1/week", group="ties", role=Role.CONTEXT,
        short_nl="Verandering van vertrouwen", short_en="Change of trust",
        en="Weekly move of a resident's trust in neighbours towards its target, as a share of "
        "the gap.",
        nl="Wekelijkse verschuiving van het vertrouwen in buren naar het doel, als deel van het "
        "verschil.",
    )
    trust_target: float = param(
        0.5, ge=0, le=1, unit="0..1", group="ties", role=Role.CONTEXT,
        short_nl="Vertrouwen zonder zorgzame banden", short_en="Trust without caring ties",
        en="Trust in neighbours drifts towards this without caring ties and without risk and "
        "conflict in the area (the target is at most 1).",
        nl="Vertrouwen in buren schuift hierheen zonder zorgzame banden en zonder risico en "
        "conflict in de buurt (het doel is hoogstens 1).",
    )
    risk_lowers_trust: float = param(
        0.5, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Risico verlaagt vertrouwen", short_en="Risk lowers trust",
        en="Share by which full risk and conflict in the area (area_risk = 1) lowers that target.",
        nl="Deel waarmee volledig risico en conflict in de buurt (area_risk = 1) dat doel "
        "verlaagt.",
        source="seed 000 (Willem Klooslaan: the risks of the area, direction); size: assumption",
    )
    trust_from_caring: float = param(
        0.3, ge=0, le=1, unit="0..1", group="ties", role=Role.CONTEXT,
        short_nl="Vertrouwen uit zorgzame banden", short_en="Trust from caring ties",
        en="How much caring ties raise the target of trust, in full with caring_for_trust of "
        "them.",
        nl="Hoeveel zorgzame banden het doel van het vertrouwen verhogen, volledig bij "
        "caring_for_trust zulke banden.",
    )
    caring_for_trust: float = param(
        2.0, ge=1, le=10, unit="ties", group="ties", role=Role.CONTEXT,
        short_nl="Zorgzame banden voor vertrouwen", short_en="Caring ties for trust",
        en="Caring ties at which they raise the target of trust in full (fewer raise it in "
        "proportion).",
        nl="Aantal zorgzame banden waarbij die het doel van het vertrouwen volledig verhogen "
        "(minder banden naar verhouding).",
    )
    # --- forgetting ties and credit (docs/odd.md 7.6) -------------------------------------------
    prune_below_hours: float = param(
        0.5, ge=0.01, le=10, unit="hours", group="ties", role=Role.CONTEXT,
        short_nl="Vergeten band", short_en="Forgotten tie",
        en="Shared hours below which a fading tie is forgotten: the pair are strangers again.",
        nl="Gedeelde uren waaronder een vervagende band wordt vergeten: de twee zijn weer "
        "vreemden.",
    )
    credit_kept_per_week: float = param(
        0.99, ge=0, le=1, unit="share", group="ties", role=Role.CONTEXT,
        short_nl="Naijlen van wederkerigheid", short_en="Persistence of credit",
        en="Weekly persistence of a pair's reciprocity credit, the hours one gave the other "
        "minus those received (0.99: about half left after 70 weeks).",
        nl="Deel van het tegoed van wederkerigheid van een paar (uren gegeven min ontvangen) dat "
        "elke week blijft (0,99: na ongeveer 70 weken de helft).",
    )
