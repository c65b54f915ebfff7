"""Calendar rules of SGB X, BGB and SGB II: Bekanntgabe, Minderungszeitraum, deadlines, age.

> "Für die Berechnung von Fristen und für die Bestimmung von Terminen gelten die §§ 187 bis 193
> des Bürgerlichen Gesetzbuches entsprechend, soweit nicht durch die Absätze 2 bis 5 etwas
> anderes bestimmt ist." (§ 26 Abs. 1 SGB X)

Every function is pure: the caller passes every day, nothing reads the wall clock. Days are plain
`datetime.date` values (a `datetime` is refused) between 1.1.2005 and 31.12.2099, birth dates
from 1.1.1900; anything else raises `UngueltigeEingabe`. Messages never
echo an input value (a birth date is personal data).

Which day moves off a weekend or public holiday, and which does not:

| function | moved off a weekend or public holiday? |
|---|---|
| `bekanntgabe` | never (BSG, 6.5.2010, B 14 AS 12/09 R) |
| `minderung_beginn`, `minderung_ende`, `aufhebung_bei_erfuellung` | never: calendar months, not deadlines for a declaration (and § 26 Abs. 4 SGB X for periods of benefit) |
| `feststellung_spaetestens`, `beratungsangebot_bis` | not moved here; a caller who reads them as deadlines under § 26 Abs. 3 SGB X applies `fristende` to the result |
| `fristende` | by `art`: `Fristart.FRIST` moves (§ 26 Abs. 3 Satz 1 SGB X), the other kinds never |

Public holidays come from the `holidays` library, by Land (ISO 3166-2 code `"DE-BE"` …), in
its category `public` only. Holidays kept only in some municipalities of a Land (Mariä
Himmelfahrt in Bavarian municipalities with a Catholic majority, Fronleichnam in parts of Saxony
and Thuringia, the Augsburger Hohes Friedensfest) are not known at Land level and so not counted:
§ 193 BGB looks at the holiday "am Erklärungs- oder Leistungsort", which a Land code cannot name.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Mapping

import holidays

from kooplan.motor.fristen import plus_monate
from kooplan.recht.parameter import BEKANNTGABE_TAGE, wert_am
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.fall import LAENDER, Bekanntgabeart
from kooplan.werte.fehler import UngueltigeEingabe
from kooplan.werte.pruefen import (
    FRUEHESTES_GEBURTSDATUM,
    SPAETESTER_ABGELEITETER_TAG,
    SPAETESTER_TAG,
)
from kooplan.werte.zwischenspeicher import anmelden

SGB2_AB = dt.date(2005, 1, 1)
"""The first day the calendar functions accept (SGB II began on 1.1.2005)."""

__all__ = [
    "BEKANNTGABE_TAGE_AB_2025",
    "BEKANNTGABE_TAGE_BIS_2024",
    "BERATUNGSANGEBOT_WOCHEN",
    "FESTSTELLUNG_MONATE",
    "LAENDER",
    "POSTMODG_AB",
    "Bekanntgabeart",
    "Fristart",
    "alter_am",
    "aufhebung_bei_erfuellung",
    "bekanntgabe",
    "bekanntgabe_am",
    "beratungsangebot_bis",
    "feiertage",
    "feststellung_spaetestens",
    "fristende",
    "ist_werktag",
    "minderung_beginn",
    "minderung_ende",
    "unter_25",
]

_POSTMODG_AB = BEKANNTGABE_TAGE[1].von
assert _POSTMODG_AB is not None
POSTMODG_AB: dt.date = _POSTMODG_AB
"""The first posting day for which § 37 Abs. 2 SGB X names the fourth day (the three-day fiction
became four days with the Postrechtsmodernisierungsgesetz (PostModG) of 15.7.2024, Art. 33, BGBl.
2024 I Nr. 236, in this part in force on 1.1.2025); from the dated series
`kooplan.recht.parameter.BEKANNTGABE_TAGE`."""
BEKANNTGABE_TAGE_BIS_2024: int = BEKANNTGABE_TAGE[0].wert
""""am dritten Tag nach der Aufgabe zur Post" (§ 37 Abs. 2 Satz 1 SGB X, until 31.12.2024)."""
BEKANNTGABE_TAGE_AB_2025: int = BEKANNTGABE_TAGE[1].wert
""""am vierten Tag nach der Aufgabe zur Post" (§ 37 Abs. 2 Satz 1 SGB X, from 1.1.2025)."""
FESTSTELLUNG_MONATE = 6
""""nur innerhalb von sechs Monaten ab dem Zeitpunkt der Pflichtverletzung" (§ 31b Abs. 1 Satz 3).
"""
BERATUNGSANGEBOT_WOCHEN = 4
""""innerhalb von vier Wochen nach Feststellung einer Leistungsminderung" (§ 31a Abs. 6 SGB II)."""
_HOECHSTE_MONATE = 12
"""The longest Minderungszeitraum accepted (SGB II knows one to three months; a bound keeps the
arithmetic far from the end of the calendar)."""


class Fristart(Aufzaehlung):
    """What kind of day `fristende` is given: only a plain deadline moves (§ 26 SGB X)."""

    FRIST = "frist"
    """A deadline (Frist) ending on a Saturday, Sunday or public holiday "endet … mit dem Ablauf des
    nächstfolgenden Werktages" (§ 26 Abs. 3 Satz 1 SGB X; § 193 BGB)."""
    MITGETEILTES_ENDE = "mitgeteiltes_ende"
    """"Dies gilt nicht, wenn dem Betroffenen unter Hinweis auf diese Vorschrift ein bestimmter Tag
    als Ende der Frist mitgeteilt worden ist." (§ 26 Abs. 3 Satz 2 SGB X): no shift."""
    LEISTUNGSZEITRAUM = "leistungszeitraum"
    """A period for which benefits are paid "endet … auch dann mit dem Ablauf seines letzten Tages,
    wenn dieser auf einen Sonntag, einen gesetzlichen Feiertag oder einen Sonnabend fällt" (§ 26
    Abs. 4 SGB X): no shift (e.g. the end of a Bewilligungszeitraum)."""
    TERMIN = "termin"
    """"Der von einer Behörde gesetzte Termin ist auch dann einzuhalten, wenn er auf einen Sonntag,
    gesetzlichen Feiertag oder Sonnabend fällt." (§ 26 Abs. 5 SGB X): no shift (e.g. a Meldetermin
    on a Saturday)."""


# --- input checks --------------------------------------------------------------------------------


def _pruefe_tag(
    wert: object,
    name: str,
    frueh: dt.date = SGB2_AB,
    spaet: dt.date = SPAETESTER_TAG,
) -> dt.date:
    if isinstance(wert, dt.datetime) or not isinstance(wert, dt.date):
        raise UngueltigeEingabe(f"'{name}' muss ein Datum sein (datetime.date, ohne Uhrzeit).")
    if not frueh <= wert <= spaet:
        raise UngueltigeEingabe(
            f"'{name}' liegt außerhalb des zulässigen Zeitraums "
            f"({frueh:%d.%m.%Y} bis {spaet:%d.%m.%Y})."
        )
    return wert


def _pruefe_land(land: object) -> str | None:
    if land is None:
        return None
    if not isinstance(land, str) or land not in LAENDER:
        raise UngueltigeEingabe(
            "'land' muss None (nur bundesweite Feiertage) oder der ISO-3166-2-Code eines "
            f"Landes sein: {', '.join(LAENDER)}."
        )
    return land


def _pruefe_ganzzahl(wert: object, name: str, lo: int, hi: int) -> int:
    if isinstance(wert, bool) or not isinstance(wert, int):
        raise UngueltigeEingabe(f"'{name}' muss eine ganze Zahl sein.")
    if not lo <= wert <= hi:
        raise UngueltigeEingabe(f"'{name}' muss zwischen {lo} und {hi} liegen.")
    return wert


def _pruefe_monatserster(beginn: object) -> dt.date:
    tag = _pruefe_tag(beginn, "beginn")
    if tag.day != 1:
        raise UngueltigeEingabe(
            "'beginn' muss der erste Tag eines Kalendermonats sein: die Minderung beginnt "
            "„mit Beginn des Kalendermonats“ (§ 31b Abs. 1 Satz 1 SGB II).",
            norm="§ 31b Abs. 1 Satz 1 SGB II",
        )
    return tag


# --- Bekanntgabe and Minderungszeitraum ----------------------------------------------------------


def bekanntgabe(aufgabe_zur_post: dt.date) -> dt.date:
    """The day a written Verwaltungsakt posted in Germany on `aufgabe_zur_post` counts as made
    known (§ 37 Abs. 2 Satz 1 SGB X).

    > "Ein schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am
    > vierten Tag nach der Aufgabe zur Post als bekannt gegeben." (§ 37 Abs. 2 Satz 1 SGB X,
    > from 1.1.2025; until 31.12.2024: "am dritten Tag")

    The posting day chooses the text: posted on or after 1.1.2025, the fourth day; before, the
    third. The day is **not** moved off a Saturday, Sunday or holiday: it is no deadline but a
    fiction of receipt (BSG, 6.5.2010, B 14 AS 12/09 R: posted Wednesday 26.9.2007, made known
    Saturday 29.9.2007; the BFH reads § 122 AO otherwise, which does not apply here). It is a
    presumption only: "Dies gilt nicht, wenn der Verwaltungsakt nicht oder zu einem späteren
    Zeitpunkt zugegangen ist" (Satz 3); a later actual receipt is for the caller to record.

    Examples:
        >>> bekanntgabe(dt.date(2024, 12, 31))
        datetime.date(2025, 1, 3)
        >>> bekanntgabe(dt.date(2025, 1, 1))  # a Sunday, and so it stays
        datetime.date(2025, 1, 5)
    """
    tag = _pruefe_tag(aufgabe_zur_post, "aufgabe_zur_post")
    tage = wert_am(BEKANNTGABE_TAGE, tag)
    return tag + dt.timedelta(days=tage)


def bekanntgabe_am(versand: dt.date, art: Bekanntgabeart = Bekanntgabeart.POST) -> dt.date:
    """The day a written Verwaltungsakt sent (posted, sent electronically or handed over) on
    `versand` is made known, and so takes effect (§ 39 Abs. 1 SGB X), by how it is sent.

    By post and electronically, the third day after sending until 31.12.2024, the fourth from
    1.1.2025 (§ 37 Abs. 2 Satz 1, 2 SGB X; `bekanntgabe`); handed over in person, the day
    itself. The day is never moved off a weekend or holiday.

    Examples:
        >>> bekanntgabe_am(dt.date(2025, 1, 28))
        datetime.date(2025, 2, 1)
        >>> bekanntgabe_am(dt.date(2025, 1, 28), Bekanntgabeart.PERSOENLICH)
        datetime.date(2025, 1, 28)
    """
    if not isinstance(art, Bekanntgabeart):
        raise UngueltigeEingabe("'art' muss eine Bekanntgabeart sein.")
    tag = _pruefe_tag(versand, "versand")
    if art is Bekanntgabeart.PERSOENLICH:
        return tag
    return bekanntgabe(tag)


def minderung_beginn(wirksam_am: dt.date) -> dt.date:
    """The first day of a Minderung whose Verwaltungsakt takes effect on `wirksam_am`.

    > "Der Auszahlungsanspruch mindert sich mit Beginn des Kalendermonats, der auf das
    > Wirksamwerden des Verwaltungsaktes folgt, der die Pflichtverletzung und den Umfang der
    > Minderung der Leistung feststellt." (§ 31b Abs. 1 Satz 1 SGB II, a.F. and n.F. alike)

    A Verwaltungsakt takes effect when it is made known (§ 39 Abs. 1 SGB X), for a posted one
    usually `bekanntgabe` of its posting day. A VA taking effect on the first of a month
    still starts the Minderung with the *next* month. Not covered: the cases of § 31 Abs. 2 Nr. 3
    (Sperrzeit), where the Minderung starts with the Sperrzeit (§ 31b Abs. 1 Satz 2).

    Examples:
        >>> minderung_beginn(dt.date(2025, 1, 31))
        datetime.date(2025, 2, 1)
        >>> minderung_beginn(bekanntgabe(dt.date(2025, 1, 30)))  # made known on 3.2.2025
        datetime.date(2025, 3, 1)
    """
    # a day derived from the last accepted day (a Bekanntgabe after 31.12.2099) is accepted too
    tag = _pruefe_tag(wirksam_am, "wirksam_am", spaet=SPAETESTER_ABGELEITETER_TAG)
    return plus_monate(tag.replace(day=1), 1)


def minderung_ende(beginn: dt.date, monate: int) -> dt.date:
    """The last day of a Minderungszeitraum of `monate` months that begins on `beginn`.

    `beginn` is the first of a month (`minderung_beginn`); `monate` is 1 to 12 (SGB II
    knows 1, 2 and 3: § 31b Abs. 2 a.F. and n.F., § 32 Abs. 2 Satz 2). The beginning of a day
    starts the period, so that day counts (§ 187 Abs. 2 Satz 1 BGB), and the period ends with the
    day before the day of the last month that has the number of the first day (§ 188 Abs. 2 BGB,
    second case): whole calendar months, the last one ending on its last day.

    Examples:
        >>> minderung_ende(dt.date(2025, 3, 1), 3)
        datetime.date(2025, 5, 31)
        >>> minderung_ende(dt.date(2023, 12, 1), 3)
        datetime.date(2024, 2, 29)
    """
    tag = _pruefe_monatserster(beginn)
    anzahl = _pruefe_ganzzahl(monate, "monate", 1, _HOECHSTE_MONATE)
    return plus_monate(tag, anzahl) - dt.timedelta(days=1)


def aufhebung_bei_erfuellung(
    beginn: dt.date, erfuellt_am: dt.date, *, monate: int | None = None
) -> dt.date:
    """The first day without Minderung when the person complies, or seriously declares to
    comply, on `erfuellt_am` with a Minderung that began on `beginn`.

    > "[…] ist die Minderung ab dem Zeitpunkt der Pflichterfüllung oder der Erklärung der
    > Bereitschaft zur Pflichterfüllung aufzuheben, soweit der Minderungszeitraum mindestens
    > einen Monat betragen hat, andernfalls nach Ablauf dieses Monats." (§ 31b Abs. 2 Satz 2
    > SGB II; a.F. with § 31a Abs. 1 Satz 6, n.F. with § 31a Abs. 1 Satz 2: the same words)

    The first month of the Minderung always runs: compliance within it (or before `beginn`)
    lifts the Minderung from the first day of the following month; compliance later lifts it from
    the day of compliance itself. `beginn` is the first of a month (§ 31b Abs. 1 Satz 1), so the
    first month is a calendar month. With `monate` (the length of the Minderungszeitraum), the
    result is at most the day after `minderung_ende`: compliance after the end lifts
    nothing. Not covered: § 31b Abs. 3 (§ 31a Abs. 7 cases).

    Examples:
        >>> aufhebung_bei_erfuellung(dt.date(2025, 3, 1), dt.date(2025, 3, 15))
        datetime.date(2025, 4, 1)
        >>> aufhebung_bei_erfuellung(dt.date(2025, 3, 1), dt.date(2025, 4, 10))
        datetime.date(2025, 4, 10)
        >>> aufhebung_bei_erfuellung(dt.date(2025, 3, 1), dt.date(2025, 7, 15), monate=3)
        datetime.date(2025, 6, 1)
    """
    tag = _pruefe_monatserster(beginn)
    erfuellt = _pruefe_tag(erfuellt_am, "erfuellt_am")
    ergebnis = max(erfuellt, plus_monate(tag, 1))
    if monate is not None:
        ende = minderung_ende(tag, monate)
        ergebnis = min(ergebnis, ende + dt.timedelta(days=1))
    return ergebnis


def feststellung_spaetestens(pflichtverletzung_am: dt.date) -> dt.date:
    """The last day on which a Minderung for a Pflichtverletzung on `pflichtverletzung_am` may
    still be festgestellt.

    > "Die Feststellung der Minderung ist nur innerhalb von sechs Monaten ab dem Zeitpunkt der
    > Pflichtverletzung zulässig." (§ 31b Abs. 1 Satz 3 SGB II, a.F. and n.F. alike)

    The Pflichtverletzung is an event: its day is not counted (§ 187 Abs. 1 BGB); the period ends
    with the day of the sixth month that has the same number (§ 188 Abs. 2 BGB), or, where that
    month lacks it, with its last day (§ 188 Abs. 3 BGB). The day is not moved off a weekend or
    holiday here (see the module note).

    Examples:
        >>> feststellung_spaetestens(dt.date(2024, 1, 15))
        datetime.date(2024, 7, 15)
        >>> feststellung_spaetestens(dt.date(2024, 8, 31))
        datetime.date(2025, 2, 28)
    """
    tag = _pruefe_tag(pflichtverletzung_am, "pflichtverletzung_am")
    return plus_monate(tag, FESTSTELLUNG_MONATE)


def beratungsangebot_bis(feststellung_am: dt.date) -> dt.date:
    """The last day for the Beratungsangebot to a person under 25 after a Minderung festgestellt
    on `feststellung_am`.

    > "Erwerbsfähige Leistungsberechtigte, die das 25. Lebensjahr noch nicht vollendet haben,
    > sollen innerhalb von vier Wochen nach Feststellung einer Leistungsminderung ein
    > Beratungsangebot erhalten […]" (§ 31a Abs. 6 SGB II, a.F. and n.F. alike)

    §§ 187 Abs. 1, 188 Abs. 2 BGB: the same weekday four weeks later. Whether the person is under
    25 is `unter_25`.

    Examples:
        >>> beratungsangebot_bis(dt.date(2024, 2, 1))
        datetime.date(2024, 2, 29)
    """
    tag = _pruefe_tag(feststellung_am, "feststellung_am")
    return tag + dt.timedelta(weeks=BERATUNGSANGEBOT_WOCHEN)


# --- public holidays and the end of a deadline ---------------------------------------------------


@functools.cache
def _feiertage(jahr: int, land: str | None) -> Mapping[dt.date, str]:
    kalender = holidays.country_holidays(
        "DE",
        subdiv=None if land is None else land.removeprefix("DE-"),
        years=jahr,
        language="de",
        categories=(holidays.PUBLIC,),
    )
    return types.MappingProxyType(dict(sorted(kalender.items())))


# Bounded: 17 calendars (16 Länder, nationwide) x 96 years. Saves 834 µs per case (521 %: without
# it a case takes 6.2 times as long) on the standard corpus, benchmarks/caches.py.
anmelden("kalender.feiertage", _feiertage)


def feiertage(jahr: int, land: str | None) -> Mapping[dt.date, str]:
    """The public holidays of `jahr` in `land` (ISO 3166-2, `"DE-BE"` …), day → German
    name, read-only; `land=None` gives only the nationwide ones.

    From the `holidays` library, category `public`: holidays of single municipalities are not
    included (see the module note).

    Examples:
        >>> sorted(d.isoformat() for d in feiertage(2025, "DE-BE") if d.month == 3)
        ['2025-03-08']
        >>> feiertage(2025, None).get(dt.date(2025, 3, 8)) is None
        True
    """
    jahr = _pruefe_ganzzahl(jahr, "jahr", SGB2_AB.year, SPAETESTER_TAG.year + 1)
    return _feiertage(jahr, _pruefe_land(land))


def _ist_werktag(tag: dt.date, land: str | None) -> bool:
    return tag.weekday() < 5 and tag not in _feiertage(tag.year, land)


def ist_werktag(tag: dt.date, land: str | None) -> bool:
    """Whether a deadline may end on `tag` in `land`: Monday to Friday and no public holiday.

    In the sense of § 26 Abs. 3 Satz 1 SGB X and § 193 BGB, which name "einen Sonntag, einen
    gesetzlichen Feiertag oder einen Sonnabend": a Saturday is no day a deadline ends on, so the
    "nächstfolgende Werktag" after a Friday holiday is the Monday.

    Examples:
        >>> ist_werktag(dt.date(2025, 6, 19), "DE-BY"), ist_werktag(dt.date(2025, 6, 19), "DE-BE")
        (False, True)
        >>> ist_werktag(dt.date(2025, 6, 14), None)  # a Saturday
        False
    """
    return _ist_werktag(_pruefe_tag(tag, "tag"), _pruefe_land(land))


def fristende(tag: dt.date, land: str | None, *, art: Fristart = Fristart.FRIST) -> dt.date:
    """The day a period computed to end on `tag` really ends, in `land`.

    > "Fällt das Ende einer Frist auf einen Sonntag, einen gesetzlichen Feiertag oder einen
    > Sonnabend, endet die Frist mit dem Ablauf des nächstfolgenden Werktages."
    > (§ 26 Abs. 3 Satz 1 SGB X; likewise § 193 BGB)

    Only `art=Fristart.FRIST` moves. The day stays as it is for a day fixed and communicated
    with reference to the rule (Satz 2, `Fristart.MITGETEILTES_ENDE`), for a period of
    benefit (Abs. 4, `Fristart.LEISTUNGSZEITRAUM`) and for an appointment set by the
    authority (Abs. 5, `Fristart.TERMIN`). A Bekanntgabe is no deadline at all and never
    comes here (`bekanntgabe`). `land=None` counts only nationwide holidays, which may end
    a deadline earlier than the Land's calendar would.

    Examples:
        >>> fristende(dt.date(2025, 4, 18), "DE-BE")  # Karfreitag → Dienstag nach Ostern
        datetime.date(2025, 4, 22)
        >>> fristende(dt.date(2025, 6, 14), "DE-BE", art=Fristart.TERMIN)  # Samstag, Termin
        datetime.date(2025, 6, 14)
    """
    ende = _pruefe_tag(tag, "tag")
    kalender_land = _pruefe_land(land)
    if not isinstance(art, Fristart):
        raise UngueltigeEingabe("'art' muss eine Fristart sein.")
    if art is not Fristart.FRIST:
        return ende
    while not _ist_werktag(ende, kalender_land):
        ende += dt.timedelta(days=1)
    return ende


# --- age -----------------------------------------------------------------------------------------


def alter_am(geburtsdatum: dt.date, tag: dt.date) -> int:
    """The completed years of life of a person born on `geburtsdatum`, at the start of `tag`.

    § 187 Abs. 2 Satz 2 BGB: "Das Gleiche gilt von dem Tage der Geburt bei der Berechnung des
    Lebensalters", so the day of birth counts in full; by § 188 Abs. 2 BGB (second case) a year
    of life then ends with the end of the day *before* the birthday. So on the birthday itself,
    from its first moment, the year is completed: a person born on 1 March completes a year at the
    end of the last day of February and is a year older on 1 March.

    Born on 29 February: in a year without that day, the year of life ends with the end of
    28 February (the day before the 29th, which is also the last day of the month, § 188 Abs. 3
    BGB), so the person is a year older on 1 March; in a leap year, on 29 February. Never on
    28 February (as adding one year with `relativedelta` would suggest).

    Examples:
        >>> alter_am(dt.date(2004, 2, 29), dt.date(2005, 2, 28))
        0
        >>> alter_am(dt.date(2004, 2, 29), dt.date(2005, 3, 1))
        1
        >>> alter_am(dt.date(2004, 2, 29), dt.date(2008, 2, 29))
        4
    """
    geboren = _pruefe_tag(geburtsdatum, "geburtsdatum", frueh=FRUEHESTES_GEBURTSDATUM)
    am = _pruefe_tag(tag, "tag", frueh=FRUEHESTES_GEBURTSDATUM)
    if am < geboren:
        raise UngueltigeEingabe("'tag' liegt vor dem Geburtsdatum.")
    # Comparing (month, day) puts the birthday 29 Feb after 28 Feb, so in common years the year
    # completes on 1 March: exactly the BGB result above.
    vor_geburtstag = (am.month, am.day) < (geboren.month, geboren.day)
    return am.year - geboren.year - int(vor_geburtstag)


def unter_25(geburtsdatum: dt.date, tag: dt.date) -> bool:
    """Whether the person "das 25. Lebensjahr noch nicht vollendet" hat on `tag`
    (§ 31a Abs. 6 SGB II): true up to and including the day before the 25th birthday.

    Which day decides is the caller's (docs/fachliches.md section 8 no. 8; the usual reading is the day of the
    Feststellung).

    Examples:
        >>> unter_25(dt.date(2001, 6, 15), dt.date(2026, 6, 14)), unter_25(
        ...     dt.date(2001, 6, 15), dt.date(2026, 6, 15))
        (True, False)
    """
    return alter_am(geburtsdatum, tag) < 25
