"""Deadlines and periods (docs/fachliches.md section 5), computed by §§ 187, 188 BGB via § 26 Abs. 1 SGB X.

> "Für die Berechnung von Fristen und für die Bestimmung von Terminen gelten die §§ 187 bis 193
> des Bürgerlichen Gesetzbuchs entsprechend, soweit nicht durch die Absätze 2 bis 5 etwas
> anderes bestimmt ist." (§ 26 Abs. 1 SGB X)

Neither the plan's review date nor the end of a Schlichtung moves off a weekend or a public
holiday (docs/fachliches.md section 5). Reading: § 26 Abs. 3 SGB X moves the end of a *Frist* within which
someone must act; the review date is a Soll date for the authority ("spätestens nach Ablauf von
jeweils sechs Monaten", § 15 Abs. 3 Satz 2) and the four weeks of § 15a Abs. 4 a.F. are the
duration of a procedure, neither a Handlungsfrist. The statute does not say so expressly; this is
documented in docs/offene-fragen.md.
"""

from __future__ import annotations

import calendar
import datetime as dt

__all__ = [
    "SCHLICHTUNG_WOCHEN",
    "UEBERPRUEFUNG_MONATE",
    "naechste_ueberpruefung",
    "plus_monate",
    "schlichtung_endet_wirksam",
    "schlichtung_letzter_tag",
]

UEBERPRUEFUNG_MONATE = 6
""""spätestens nach Ablauf von jeweils sechs Monaten" (§ 15 Abs. 3 Satz 2 SGB II)."""
SCHLICHTUNG_WOCHEN = 4
""""spätestens mit Ablauf von vier Wochen ab Beginn" (§ 15a Abs. 4 SGB II a.F.)."""


def plus_monate(tag: dt.date, monate: int) -> dt.date:
    """The day `monate` calendar months after `tag` (before it, if negative) with the same
    number, or the last day of that month where it has no such day (§ 188 Abs. 2, 3 BGB).

    This is the calendar step of every month period here (six months of § 15 Abs. 3, the
    Minderungszeitraum, the six months of § 31b Abs. 1 Satz 3, the year of § 31a Abs. 1 Satz 5
    a.F.); it gives what `dateutil`'s `relativedelta(months=monate)` gives, about ten times
    faster (the tests compare the two).

    Examples:
        >>> plus_monate(dt.date(2024, 1, 31), 1)
        datetime.date(2024, 2, 29)
        >>> plus_monate(dt.date(2024, 2, 29), -12)
        datetime.date(2023, 2, 28)
    """
    m = tag.month - 1 + monate
    jahr, monat = tag.year + m // 12, m % 12 + 1
    if tag.day <= 28:  # every month has the day
        return tag.replace(year=jahr, month=monat)
    return tag.replace(
        year=jahr, month=monat, day=min(tag.day, calendar.monthrange(jahr, monat)[1])
    )


def naechste_ueberpruefung(plan_am: dt.date) -> dt.date:
    """The day by which a plan made or updated on `plan_am` is to be updated again.

    § 187 Abs. 1 BGB: the day of the event is not counted; § 188 Abs. 2: the period ends with the
    day of the last month that has the same number; § 188 Abs. 3: if that month lacks the day,
    with its last day.

    Examples:
        >>> naechste_ueberpruefung(dt.date(2024, 1, 15))
        datetime.date(2024, 7, 15)
        >>> naechste_ueberpruefung(dt.date(2023, 8, 31))
        datetime.date(2024, 2, 29)
        >>> naechste_ueberpruefung(dt.date(2024, 8, 31))
        datetime.date(2025, 2, 28)
    """
    return plus_monate(plan_am, UEBERPRUEFUNG_MONATE)


def schlichtung_letzter_tag(beginn: dt.date) -> dt.date:
    """The last day of a Schlichtung begun on `beginn` (§ 15a Abs. 4 a.F., §§ 187 Abs. 1,
    188 Abs. 2 BGB): the same weekday four weeks later.

    Examples:
        >>> schlichtung_letzter_tag(dt.date(2024, 2, 1))
        datetime.date(2024, 2, 29)
    """
    return beginn + dt.timedelta(weeks=SCHLICHTUNG_WOCHEN)


def schlichtung_endet_wirksam(beginn: dt.date) -> dt.date:
    """The first day on which a Schlichtung begun on `beginn` no longer runs (the day after its
    last day)."""
    return schlichtung_letzter_tag(beginn) + dt.timedelta(days=1)
