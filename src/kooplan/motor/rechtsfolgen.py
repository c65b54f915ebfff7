"""Rechtsfolgen: what a Rechtsfolgenbelehrung must announce (docs/fachliches.md section 6).

An RFB must be "konkret, richtig und vollständig" (BSG, 17.12.2009, B 4 AS 30/09 R): it names
the Minderung that would follow a violation, under the law of the day the violation would happen
(`faellig`). The rules differ by Rechtsstand; each version is one `Sanktionsrecht` row
of `SANKTIONSRECHT`, with its norms.

* § 31 Pflichtverletzung (Maßnahme, Vermittlungsvorschlag, Eigenbemühungen):
  B: 10 / 20 / 30 % for 1 / 2 / 3 months, one step up when an earlier § 31 Minderung began at
  most one year before the new violation (§ 31a Abs. 1 Satz 1–5 a.F., § 31b Abs. 2 a.F.);
  C: 30 % for 3 months, no steps (§ 31a Abs. 1 Satz 1, § 31b Abs. 2 Satz 1 n.F.).
* § 32 Meldeversäumnis (Einladung): B: 10 % for one month each (§ 32 Abs. 1 Satz 1, Abs. 2
  Satz 2 a.F.); C: nothing for the first, 30 % for one month when "wiederholt" (§ 32 Abs. 1, 2
  n.F.), and for the third consecutive missed Meldeaufforderung with written RFB the person counts
  as nicht erreichbar (§ 7b Abs. 4 n.F.; no § 32 Minderung for it, § 32 Abs. 3 Satz 1 n.F.).
* § 31a Abs. 7 (Arbeitsverweigerung): `2024-03` with a qualifying earlier Minderung, none in
  `2026-03`, without prior Minderung from `2026-04`.
* The cap of 30 % of the Regelbedarf for Minderungen in force together (§ 31a Abs. 4).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs

from kooplan.motor.fristen import plus_monate
from kooplan.motor.kalender import (
    LAENDER,
    Bekanntgabeart,
    bekanntgabe_am,
    feiertage,
    feststellung_spaetestens,
    fristende,
    minderung_beginn,
    unter_25,
)
from kooplan.motor.phasen import Zustand, falte
from kooplan.recht.belehrung import VORLAGEN, euro_text, euro_zahl, monate_text, tag_text
from kooplan.recht.policy import STANDARD, Policy
from kooplan.recht.rechtsstaende import (
    NEUE_GRUNDSICHERUNG_AB,
    Regime,
    alle_grenzen,
    rechtsstand_am,
    rechtsstand_andere_lesart,
    rechtsstand_nach_id,
)
from kooplan.recht.regelbedarf import DECKEL_PROZENT, anteil_euro, minderung_euro
from kooplan.recht.sanktionen import SANKTIONSRECHT, Abs7, Sanktionsrecht, Stufe
from kooplan.werte import pruefen as p
from kooplan.werte.ereignisse import MinderungFestgestellt, Minderungsgrund, Tatbestand
from kooplan.werte.fall import Fall
from kooplan.werte.fehler import UngueltigeEingabe
from kooplan.werte.zwischenspeicher import anmelden

__all__ = [
    "DECKEL_PROZENT",
    "SANKTIONSRECHT",
    "Abs7",
    "Baustein",
    "Monat",
    "Rechtsfolge",
    "Sanktionsrecht",
    "Stufe",
    "minderung_monate",
    "minderungen_in_kraft",
    "minderungen_monatlich",
    "rechtsfolge",
    "stufe_31",
    "vorminderung_2024",
]


@attrs.frozen
class Baustein:
    """One building block of the Belehrung text (what, how long, wichtiger Grund, early end …),
    with the norm it renders (`kooplan.recht.belehrung`)."""

    art: str = attrs.field(validator=p.ist_text)
    text: str = attrs.field(validator=p.ist_text)
    """The block's German text."""
    norm: str | None = attrs.field(default=None, validator=p.optional(p.ist_text))
    """The norm the block renders, where it names one."""


def _ist_betrag(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    if wert is None:
        return
    if not isinstance(wert, Decimal) or not wert.is_finite() or wert < 0:
        raise p.fehler(
            attribute, f"'{attribute.name}' muss ein Betrag in Euro sein (Decimal, ≥ 0)."
        )


def _ist_folgen(_: Any, attribute: attrs.Attribute[Any], wert: Any) -> None:
    p.ist_tupel_von(Rechtsfolge, "eine Liste von Rechtsfolgen")(_, attribute, wert)


@attrs.frozen
class Rechtsfolge:
    """What an RFB announces (the contract's `rechtsfolgen` object)."""

    rechtsstand: str = attrs.field(validator=p.ist_text)
    """The Rechtsstand whose law the announcement follows (of the due day)."""
    minderung_prozent: int = attrs.field(validator=p.ist_int(0, 100))
    """The rate of the Minderung in percent (0 where there is none)."""
    monate: int = attrs.field(validator=p.ist_int(0, 12))
    """The length of the Minderungszeitraum in months (0 where there is none)."""
    norm: str = attrs.field(validator=p.ist_text)
    """The norms of the announcement."""
    text: str = attrs.field(validator=p.ist_text)
    """The German sentence for the Belehrung."""
    bausteine: tuple[Baustein, ...] = attrs.field(
        default=(), validator=p.ist_tupel_von(Baustein, "eine Liste von Bausteinen")
    )
    """The Belehrung text in building blocks."""
    betrag_euro: Decimal | None = attrs.field(default=None, validator=_ist_betrag)
    """The Minderung in euros, where the Regelbedarfsstufe is known."""
    minderung_prozent_gedeckelt: int | None = attrs.field(
        default=None, validator=p.optional(p.ist_int(0, 100))
    )
    """The rate after the 30 % cap, where Minderungen already in force would cap it."""
    entzug_regelbedarf: bool | None = attrs.field(default=None, validator=p.optional(p.ist_bool))
    """Whether the whole Regelbedarf would be lost (§ 31a Abs. 7)."""
    nicht_erreichbar: bool | None = attrs.field(default=None, validator=p.optional(p.ist_bool))
    """Whether the person would count as nicht erreichbar (§ 7b Abs. 4)."""
    folgestufen: tuple[Rechtsfolge, ...] = attrs.field(default=(), validator=_ist_folgen)
    """The stages a further violation would reach."""
    alternativen: tuple[Rechtsfolge, ...] = attrs.field(default=(), validator=_ist_folgen)
    """The reading under the Stichtag's law, where it differs."""
    beginn_fruehestens: dt.date | None = attrs.field(
        default=None, validator=p.optional(p.ist_tag(spaet=p.SPAETESTER_ABGELEITETER_TAG))
    )
    """The earliest first day of the Minderung: the month after a VA that cannot take effect before
    the violation (§ 31b Abs. 1 Satz 1)."""
    feststellung_bis: dt.date | None = attrs.field(
        default=None, validator=p.optional(p.ist_tag(spaet=p.SPAETESTER_ABGELEITETER_TAG))
    )
    """The last day a Minderung for a violation on the due day may be festgestellt (§ 31b Abs. 1
    Satz 3: "nur innerhalb von sechs Monaten ab dem Zeitpunkt der Pflichtverletzung")."""


# -- history ---------------------------------------------------------------------------------------


def minderung_monate(m: MinderungFestgestellt) -> int:
    """The length of an earlier Minderung: recorded (`monate`), else one month for a
    Meldeversäumnis (§ 32 Abs. 2 Satz 2), else the months of its step (§ 31b Abs. 2 a.F.: 1, 2,
    3; n.F.: 3 months at 30 %, which the step rule derives alike)."""
    if m.monate is not None:
        return m.monate
    if m.wie_meldeversaeumnis:  # § 32, also a Sperrzeit bei Meldeversäumnis (§ 31a Abs. 1 Satz 7)
        return 1
    stufe = m.stufe_31
    assert stufe is not None  # a § 31 Minderung always has a step (validated)
    return stufe


def _ende(m: MinderungFestgestellt, aufhebungen: Mapping[str, dt.date]) -> dt.date:
    """The last day of a Minderung, lifted early where a `minderung_aufgehoben` says so.

    > "[…] ist die Minderung ab dem Zeitpunkt der Pflichterfüllung oder der Erklärung der
    > Bereitschaft zur Pflichterfüllung aufzuheben, soweit der Minderungszeitraum mindestens
    > einen Monat betragen hat, andernfalls nach Ablauf dieses Monats." (§ 31b Abs. 2 Satz 2)

    So a Minderung lifted within its first month still runs that month."""
    ende = plus_monate(m.beginn, minderung_monate(m)) - dt.timedelta(days=1)
    if m.id is not None and m.id in aufhebungen:
        frei_ab = max(aufhebungen[m.id], plus_monate(m.beginn, 1))
        ende = min(ende, frei_ab - dt.timedelta(days=1))
    return ende


def _wirksam(z: Zustand) -> tuple[MinderungFestgestellt, ...]:
    """The Minderungen that took effect (not excluded by a Härte found for them)."""
    if not z.haerten:
        return z.minderungen
    ausgeschlossen = {h.bezug for h, _ in z.haerten if h.bezug is not None}
    return tuple(m for m in z.minderungen if m.id is None or m.id not in ausgeschlossen)


def minderungen_in_kraft(z: Zustand, tag: dt.date) -> tuple[MinderungFestgestellt, ...]:
    """The festgestellte Minderungen whose Minderungszeitraum covers `tag`."""
    if not z.minderungen:
        return ()
    auf = dict(z.aufhebungen)
    return tuple([m for m in _wirksam(z) if m.beginn <= tag <= _ende(m, auf)])


@attrs.frozen
class Monat:
    """One month of `minderungen_monatlich`: the Minderungen in force and their sum."""

    monat: dt.date = attrs.field(validator=p.ist_tag(spaet=p.SPAETESTER_ABGELEITETER_TAG))
    """The first day of the month."""
    minderungen: tuple[MinderungFestgestellt, ...] = attrs.field(
        validator=p.ist_tupel_von(MinderungFestgestellt, "eine Liste festgestellter Minderungen")
    )
    """The Minderungen in force in the month."""
    summe_prozent: int = attrs.field(validator=p.ist_int(0))
    """Their sum in percent of the Regelbedarf, after the 30 % cap."""
    summe_gedeckelt: int = attrs.field(validator=p.ist_int(0, 100))
    """The sum after the 30 % cap of § 31a Abs. 4 Satz 1."""
    betrag_euro: Decimal | None = attrs.field(default=None, validator=_ist_betrag)
    """The sum in euros, where the Regelbedarf is known."""


def minderungen_monatlich(
    fall: Fall, stichtag: dt.date, von: dt.date, bis: dt.date
) -> tuple[Monat, ...]:
    """The Minderungen in force month by month from `von` to `bis` (by the case's history up
    to `stichtag`), with their sum before and after the cap of § 31a Abs. 4 Satz 1:

    > "Leistungsminderungen bei wiederholten Pflichtverletzungen oder wiederholten
    > Meldeversäumnissen nach § 32 sind auf insgesamt 30 Prozent des nach § 20 maßgebenden
    > Regelbedarfs begrenzt."

    A Minderung is in force in a month when its Minderungszeitraum covers the month's first day
    (Minderungen begin with a calendar month, § 31b Abs. 1 Satz 1).
    """
    z = falte(fall, stichtag)
    out = []
    monat = von.replace(day=1)
    while monat <= bis:
        aktiv = minderungen_in_kraft(z, monat)
        summe = sum(m.prozent for m in aktiv)
        gedeckelt = min(summe, DECKEL_PROZENT)
        euro = (
            minderung_euro(fall.regelbedarfsstufe, monat.year, gedeckelt)
            if fall.regelbedarfsstufe is not None
            else None
        )
        out.append(Monat(monat, aktiv, summe, gedeckelt, euro))
        monat = plus_monate(monat, 1)
    return tuple(out)


def stufe_31(z: Zustand, verletzung_am: dt.date) -> int:
    """The step (1–3) of a new § 31 violation on `verletzung_am` under B.

    > "Eine weitere Pflichtverletzung liegt nur vor, wenn bereits zuvor eine Minderung
    > festgestellt wurde. Sie liegt nicht vor, wenn der Beginn des vorangegangenen
    > Minderungszeitraums länger als ein Jahr zurückliegt." (§ 31a Abs. 1 Satz 4, 5 a.F.)

    The previous Minderung is the latest § 31 Minderung (by its beginning) festgestellt up to the
    violation; Minderungen for Meldeversäumnisse do not count, nor those with the consequences of
    § 32 (a Sperrzeit bei Meldeversäumnis, § 31a Abs. 1 Satz 7 a.F.; the reading that burdens
    less, with the note `offen.stufe_sperrzeit_meldeversaeumnis` where it decides). A § 31
    Abs. 2 Nr. 3 Minderung without its Sperrzeit counts, with the note `rf.sperrzeit_unbekannt`
    where that decides.

    The year is counted forward from the beginning of the previous Minderungszeitraum (§ 26
    Abs. 1 SGB X with §§ 187 Abs. 2, 188 Abs. 2 BGB): it began 1.4.2024, so it ended with
    31.3.2025, and a violation on 1.4.2025 is a first one again. Counted back from the violation
    the beginning would lie exactly one year back, not "länger"; on that one day the readings
    differ, and the Rechtsfolge carries the note `offen.jahresfrist_grenztag`.
    """
    return _stufe(_vorige_31(z, verletzung_am), verletzung_am)


def _stufe(letzte: MinderungFestgestellt | None, verletzung_am: dt.date) -> int:
    if letzte is None or _jahr_abgelaufen(letzte.beginn, verletzung_am):
        return 1
    stufe = letzte.stufe_31
    assert stufe is not None  # only Minderungen with a step are passed
    return min(stufe + 1, 3)


def _ist_stufe(m: MinderungFestgestellt) -> bool:
    return m.stufe_31 is not None


def _vorige_31(
    z: Zustand,
    verletzung_am: dt.date,
    zaehlt: Callable[[MinderungFestgestellt], bool] = _ist_stufe,
) -> MinderungFestgestellt | None:
    """The latest § 31 Minderung (by beginning) festgestellt up to `verletzung_am` (of those
    `zaehlt` counts)."""
    vorher = [m for m in _wirksam(z) if zaehlt(m) and m.am <= verletzung_am]
    return max(vorher, key=lambda m: (m.beginn, m.am)) if vorher else None


def _sperrzeit_offen(m: MinderungFestgestellt) -> bool:
    """A § 31 Abs. 2 Nr. 3 Minderung whose Sperrzeit is not recorded: it may have been one for a
    Meldeversäumnis, with the consequences of § 32 (§ 31a Abs. 1 Satz 7 a.F., Satz 3 n.F.)."""
    return m.tatbestand is Tatbestand.ABS2_NR3 and m.sperrzeit is None


def _stufe_hinweise(z: Zustand, verletzung_am: dt.date, nr: int, hinweise: list[str]) -> None:
    """Notes where a fact of an earlier Minderung, or a reading, decides the step."""
    if _grenztag_jahresfrist(z, verletzung_am):
        hinweise.append("offen.jahresfrist_grenztag")
    ohne = _vorige_31(z, verletzung_am, lambda m: _ist_stufe(m) and not _sperrzeit_offen(m))
    if _stufe(ohne, verletzung_am) != nr:
        hinweise.append("rf.sperrzeit_unbekannt")
    if _stufe_mitgezaehlt(z, verletzung_am) != nr:
        hinweise.append("offen.stufe_sperrzeit_meldeversaeumnis")


def _stufe_mitgezaehlt(
    z: Zustand, verletzung_am: dt.date, vor: MinderungFestgestellt | None = None
) -> int:
    """The step of a violation on `verletzung_am` in the reading that counts a Minderung with
    the consequences of § 32 for a § 31 Pflichtverletzung (§ 31a Abs. 1 Satz 7 a.F.) as a
    previous Minderung too (of those before `vor`, where given). Such a Minderung has no step of
    its own on record; it gets the step it would have had in this reading, counted up to the day
    it was festgestellt (its violation lay on or before that day)."""

    def zaehlt(m: MinderungFestgestellt) -> bool:
        return m.grund is Minderungsgrund.PFLICHTVERLETZUNG and (
            vor is None or (m.beginn, m.am) < (vor.beginn, vor.am)
        )

    letzte = _vorige_31(z, verletzung_am, zaehlt)
    if letzte is None or _jahr_abgelaufen(letzte.beginn, verletzung_am):
        return 1
    eigene = letzte.stufe_31
    if eigene is None:
        eigene = _stufe_mitgezaehlt(z, letzte.am, letzte)
    return min(eigene + 1, 3)


def _grenztag_jahresfrist(z: Zustand, verletzung_am: dt.date) -> bool:
    """Whether `verletzung_am` is the one day on which counting the year of § 31a Abs. 1
    Satz 5 a.F. forward from the previous beginning and back from the violation differ."""
    letzte = _vorige_31(z, verletzung_am)
    if letzte is None:
        return False
    rueckwaerts_abgelaufen = letzte.beginn < plus_monate(verletzung_am, -12)
    return _jahr_abgelaufen(letzte.beginn, verletzung_am) != rueckwaerts_abgelaufen


_QUALIFIZIEREND_2024 = frozenset({Tatbestand.ABS1_NR2, Tatbestand.ABS2_NR3, Tatbestand.ABS2_NR4})


def vorminderung_2024(
    z: Zustand, verletzung_am: dt.date, hinweise: list[str] | None = None
) -> bool | None:
    """§ 31a Abs. 7 a.F.: "deren Bürgergeld wegen einer Pflichtverletzung nach § 31 Absatz 1
    Satz 1 Nummer 2, Absatz 2 Nummer 3 oder Absatz 2 Nummer 4 innerhalb des letzten Jahres
    gemindert war". True / False, or None when a Minderung in that year lacks its Tatbestand.

    A Minderung for a Sperrzeit bei Meldeversäumnis (§ 31 Abs. 2 Nr. 3 with § 159 Abs. 1 Satz 2
    Nr. 8 SGB III) had the consequences of § 32 (§ 31a Abs. 1 Satz 7 a.F.): kooplan does not
    count it (the reading that burdens less; the note `offen.abs7_sperrzeit_meldeversaeumnis`
    says so where it decides). One under § 31 Abs. 2 Nr. 3 whose Sperrzeit is not recorded
    leaves the condition open (`None`), like a Minderung without its Tatbestand. The notes go
    to `hinweise` when a list is given; the answer is the same without one."""
    grenze = plus_monate(verletzung_am, -12)
    auf = dict(z.aufhebungen)
    unbekannt = sperrzeit_mv = sperrzeit_offen = False
    for m in _wirksam(z):
        if m.grund is not Minderungsgrund.PFLICHTVERLETZUNG:
            continue
        if _ende(m, auf) < grenze or m.beginn > verletzung_am:
            continue
        if m.wie_meldeversaeumnis:
            sperrzeit_mv = True
        elif _sperrzeit_offen(m):
            sperrzeit_offen = True
        elif m.tatbestand is None:
            unbekannt = True
        elif m.tatbestand in _QUALIFIZIEREND_2024:
            return True
    if hinweise is not None:
        if sperrzeit_mv:
            hinweise.append("offen.abs7_sperrzeit_meldeversaeumnis")
        if unbekannt:
            hinweise.append("rf.abs7_tatbestand_unbekannt")
        if sperrzeit_offen:
            hinweise.append("rf.sperrzeit_unbekannt")
    return None if unbekannt or sperrzeit_offen else False


def _haerte(z: Zustand, tag: dt.date, ab: dt.date | None = None) -> bool:
    """An außergewöhnliche Härte found for the current benefit period covers `tag` (and, with
    `ab`, lasts at least until that day: the first month a Minderung could run)."""
    return any(
        h.bezug is None
        and nr == z.zeitraum_nr
        and h.am <= tag
        and (h.bis is None or max(tag, ab or tag) <= h.bis)
        for h, nr in z.haerten
    )


def _haerte_pruefen(f: _Frage, hinweise: list[str]) -> bool:
    """Whether a found Härte excludes the Minderung: "Eine Leistungsminderung erfolgt nicht,
    wenn sie im Einzelfall eine außergewöhnliche Härte bedeuten würde." (§ 31a Abs. 3) It must
    cover the due day and last into the first month the Minderung could run; one that ends
    before leaves the announcement as it is, with the note `rf.haerte_endet_vorher`."""
    if not _haerte(f.z, f.verletzung_am):
        return False
    if _haerte(f.z, f.verletzung_am, _erster_monat(f)):
        hinweise.append("rf.haerte")
        return True
    hinweise.append("rf.haerte_endet_vorher")
    return False


# -- the announcement ------------------------------------------------------------------------------

_VERHALTEN: Mapping[tuple[str, Regime], str] = {
    ("massnahme", Regime.B): "die Maßnahme ohne wichtigen Grund nicht antreten, abbrechen oder "
    "Anlass für den Abbruch geben",
    ("massnahme", Regime.C): "die Maßnahme ohne wichtigen Grund nicht antreten, abbrechen oder "
    "Anlass für den Abbruch geben",
    ("vermittlungsvorschlag", Regime.B): "sich ohne wichtigen Grund weigern, die angebotene "
    "zumutbare Arbeit aufzunehmen, oder deren Anbahnung durch Ihr Verhalten verhindern",
    ("vermittlungsvorschlag", Regime.C): "sich ohne wichtigen Grund weigern, die angebotene "
    "zumutbare Arbeit aufzunehmen, oder deren Anbahnung durch Ihr Verhalten verhindern",
    ("eigenbemuehungen", Regime.B): "der Aufforderung, die geforderten Eigenbemühungen zu "
    "unternehmen und nachzuweisen, ohne wichtigen Grund nicht nachkommen",
    ("eigenbemuehungen", Regime.C): "die geforderten Eigenbemühungen ohne wichtigen Grund nicht "
    "nachweisen",
    ("einladung", Regime.B): "der Einladung ohne wichtigen Grund nicht folgen",
    ("einladung", Regime.C): "der Einladung ohne wichtigen Grund nicht folgen",
}
"""What the person must not do, by Anliegen and regime (the Tatbestand in plain words)."""


def _baustein(schluessel: str, norm: str | None = None, **werte: str) -> Baustein:
    """The building block of template `schluessel` (`kooplan.recht.belehrung.VORLAGEN`), with
    its norm or the one the Rechtsstand's row gives."""
    v = VORLAGEN[schluessel]
    return Baustein(v.art, v.fuellen(**werte), v.norm if norm is None else norm)


@attrs.frozen
class _Frage:
    """The facts of one question that the announcement's builders read."""

    z: Zustand
    anliegen: str
    verletzung_am: dt.date
    regelbedarfsstufe: int | None
    bekanntgabe: Bekanntgabeart = Bekanntgabeart.POST
    bewilligungszeitraum_ende: dt.date | None = None
    policy: Policy = STANDARD


def _erster_monat(f: _Frage) -> dt.date:
    """The earliest month a Minderung for a violation on the due day could run.

    > "Der Auszahlungsanspruch mindert sich mit Beginn des Kalendermonats, der auf das
    > Wirksamwerden des Verwaltungsaktes folgt, der die Pflichtverletzung und den Umfang der
    > Minderung der Leistung feststellt." (§ 31b Abs. 1 Satz 1)

    The Verwaltungsakt cannot be sent before the violation: sent on the due day at the earliest,
    it takes effect when it is made known (§ 39 Abs. 1 SGB X), by post or electronically on the
    third (from 1.1.2025 the fourth) day after sending (§ 37 Abs. 2 SGB X), handed over in
    person on that day (the case's `bekanntgabe`)."""
    return minderung_beginn(bekanntgabe_am(f.verletzung_am, f.bekanntgabe))


def _betrag(f: _Frage, prozent: int, hinweise: list[str]) -> Decimal | None:
    """`prozent` % of the case's Regelbedarf in the year of the first month (§ 41 Abs. 2
    rounding): from kooplan's table, else from a row the caller supplied in the policy (with the
    note `rf.regelbedarf_vorgegeben`), else `None`."""
    return _betrag_im_jahr(f, prozent, _erster_monat(f).year, hinweise)


def _betrag_im_jahr(f: _Frage, prozent: int, jahr: int, hinweise: list[str]) -> Decimal | None:
    """`prozent` % of the case's Regelbedarf in `jahr`, as `_betrag`."""
    if f.regelbedarfsstufe is None or prozent == 0:
        return None
    betrag = minderung_euro(f.regelbedarfsstufe, jahr, prozent)
    if betrag is not None:
        return betrag
    zeile = f.policy.regelbedarf(jahr)
    if zeile is None:
        return None
    hinweise.append("rf.regelbedarf_vorgegeben")
    return anteil_euro(zeile.betrag(f.regelbedarfsstufe), prozent)


def _jahr_abgelaufen(beginn: dt.date, verletzung_am: dt.date) -> bool:
    """Whether the one year of § 31a Abs. 1 Satz 5 a.F. since `beginn` has ended before the
    day of the new violation, counted forward from the beginning of the Minderungszeitraum
    (§ 26 Abs. 1 SGB X; §§ 187 Abs. 2, 188 Abs. 2, 3 BGB): the year from 1.4.2024 ends with
    31.3.2025, so a violation on 1.4.2025 lies after it."""
    return verletzung_am > _jahresende(beginn)


def _jahresende(beginn: dt.date) -> dt.date:
    """The last day of a year that begins with the start of `beginn` (§ 188 Abs. 2, 3 BGB)."""
    try:
        return beginn.replace(year=beginn.year + 1) - dt.timedelta(days=1)
    except ValueError:  # from 29 February: the day is missing, the last of February ends it
        return dt.date(beginn.year + 1, 2, 28)


def _pflichtverletzung(recht: Sanktionsrecht, f: _Frage, hinweise: list[str]) -> Rechtsfolge:
    """The facts of the case that the consequence of a § 31 violation depends on (the step, a
    Härte, § 31a Abs. 7, the amount, the cap); the announcement itself is built by
    `_pflichtverletzung_folge` from exactly these facts."""
    if recht.regime is Regime.B:
        nr = stufe_31(f.z, f.verletzung_am)
        _stufe_hinweise(f.z, f.verletzung_am, nr, hinweise)
    else:
        nr = 1
    if _haerte_pruefen(f, hinweise):
        return _keine_minderung_wegen_haerte(recht, f.anliegen)
    prozent = recht.pflichtverletzung[nr - 1].prozent
    betrag = _betrag(f, prozent, hinweise)
    entzug: bool | None = None
    entzug_betrag: Decimal | None = None
    if f.anliegen == "vermittlungsvorschlag" and recht.abs7 is not Abs7.KEINE:
        if recht.abs7 is Abs7.MIT_VORMINDERUNG:
            entzug = vorminderung_2024(f.z, f.verletzung_am, hinweise)
        else:
            entzug = True
            hinweise += recht.abs7_hinweise
            hinweise.append("offen.abs7_aufhebung_mindestmonat")
        if entzug:
            entzug_betrag = _betrag(f, 100, hinweise)
            hinweise.append("offen.abs7_verhaeltnis_minderung")
    deckel = _deckel(f, prozent, hinweise)
    return _pflichtverletzung_folge(
        recht.rechtsstand, f.anliegen, nr, betrag, entzug, deckel, entzug_betrag
    )


@functools.lru_cache(maxsize=4096, typed=True)
def _pflichtverletzung_folge(
    rechtsstand: str,
    anliegen: str,
    nr: int,
    betrag: Decimal | None,
    entzug: bool | None,
    deckel: int | None,
    entzug_betrag: Decimal | None,
) -> Rechtsfolge:
    """The announcement for a § 31 violation, from the facts `_pflichtverletzung` found.

    A pure function of its arguments (all plain values), so it is kept for the next case with the
    same facts: a case load has few distinct combinations, and building the Rechtsfolge with its
    texts was most of the time of a decision with RFB."""
    recht = SANKTIONSRECHT[rechtsstand]
    stufe = recht.pflichtverletzung[nr - 1]
    b = recht.regime is Regime.B
    folgen = recht.pflichtverletzung[nr:] if b else ()
    v = "a" if recht.abs7 is Abs7.MIT_VORMINDERUNG else "n"
    bausteine = [
        _baustein(
            "31.folge.B" if b else "31.folge.C",
            verhalten=_VERHALTEN[(anliegen, recht.regime)],
            leistung=recht.leistung,
            prozent=str(stufe.prozent),
            euro=euro_text(betrag),
        ),
        _baustein("31.dauer.B" if b else "31.dauer.C", monate=monate_text(stufe.monate)),
        _baustein(f"31.wichtiger_grund.entzug.{v}" if entzug else "31.wichtiger_grund"),
        _baustein("31.vorzeitiges_ende.B" if b else "31.vorzeitiges_ende.C"),
        _baustein(f"31.wiederholung.B{nr}" if b else "31.wiederholung.C", leistung=recht.leistung),
        _baustein("31.unterkunft"),
    ]
    if not b:
        bausteine.append(_baustein("31.ein_euro"))
    if entzug:
        ende = recht.abs7_vorzeitiges_ende
        bausteine += [
            _baustein(f"abs7.entzug.{v}", leistung=recht.leistung, euro=euro_text(entzug_betrag)),
            _baustein(f"abs7.dauer.{v}"),
            _baustein(f"abs7.vorzeitiges_ende.{ende}"),
            _baustein(f"abs7.unterkunft.{v}"),
        ]
        if not b:
            bausteine.append(_baustein("abs7.ein_euro"))
    bausteine.append(
        _baustein("sgb12.entzug" if entzug else "sgb12.minderung", norm=recht.sgb12_norm)
    )
    text = " ".join(x.text for x in bausteine)
    return Rechtsfolge(
        recht.rechtsstand,
        stufe.prozent,
        stufe.monate,
        stufe.norm,
        text,
        tuple(bausteine),
        betrag,
        deckel,
        entzug,
        None,
        tuple(
            Rechtsfolge(recht.rechtsstand, s.prozent, s.monate, s.norm, _folgestufe_text(s))
            for s in folgen
        ),
    )


# Saves 33 µs per case (21 %) on the standard corpus, benchmarks/caches.py (two thirds of its
# cases ask for it; 98 % of the calls hit).
anmelden("rechtsfolgen.pflichtverletzung_folge", _pflichtverletzung_folge)


def _keine_minderung_wegen_haerte(recht: Sanktionsrecht, anliegen: str) -> Rechtsfolge:
    """§ 31a Abs. 3: "Eine Leistungsminderung erfolgt nicht, wenn sie im Einzelfall eine
    außergewöhnliche Härte bedeuten würde." It applies to § 32 too (§ 32 Abs. 2 Satz 1:
    "§ 31a Absatz 2 bis 5 … gelten entsprechend") and to § 31a Abs. 7 ("die Absätze 2 und 3
    … finden Anwendung"), not to § 7b Abs. 4 n.F., which has no such clause: under C an
    invitation's Belehrung still warns of it."""
    c = recht.regime is Regime.C
    bausteine = [
        _baustein("haerte.C" if c else "haerte.B", verhalten=_VERHALTEN[(anliegen, recht.regime)])
    ]
    folgen: tuple[Rechtsfolge, ...] = ()
    if c and anliegen == "einladung":
        bausteine.append(_baustein("haerte.wiederholung.C_einladung"))
        folgen = (_nicht_erreichbar_stufe(recht, None, None, None, None, False),)
    return Rechtsfolge(
        recht.rechtsstand,
        0,
        0,
        f"§ 31a Abs. 3 SGB II {'n.F.' if c else 'a.F.'}",
        " ".join(x.text for x in bausteine),
        tuple(bausteine),
        folgestufen=folgen,
    )


def _folgestufe_text(s: Stufe) -> str:
    return (
        f"Bei einer weiteren Pflichtverletzung innerhalb eines Jahres: {s.prozent} Prozent für "
        f"{monate_text(s.monate)}."
    )


def _deckel(f: _Frage, prozent: int, hinweise: list[str]) -> int | None:
    """The rate after the cap, if Minderungen already in force in the first possible month would
    cap it (§ 31a Abs. 4 Satz 1)."""
    schon = sum(m.prozent for m in minderungen_in_kraft(f.z, _erster_monat(f)))
    if schon + prozent <= DECKEL_PROZENT:
        return None
    hinweise.append("rf.deckel")
    return max(0, DECKEL_PROZENT - schon)


def _meldeversaeumnis(recht: Sanktionsrecht, f: _Frage, hinweise: list[str]) -> Rechtsfolge:
    """The consequence of a Meldeversäumnis (§ 32) on the due day."""
    if recht.regime is Regime.B:
        if _haerte_pruefen(f, hinweise):
            return _keine_minderung_wegen_haerte(recht, f.anliegen)
        return _meldeversaeumnis_b(recht, f, hinweise)
    # regime C: nothing for the first miss, 30 % / 1 month when repeated, the third consecutive
    # miss of a Meldeaufforderung with written RFB: nicht erreichbar (§ 7b Abs. 4 n.F.)
    hinweise.append("offen.wiederholt_fenster")
    seit = NEUE_GRUNDSICHERUNG_AB
    unentschuldigt = [v for v in f.z.versaeumnisse if not v.entschuldigt]
    if any(v.termin_am < seit for v in unentschuldigt):
        hinweise.append("offen.versaeumnis_vor_2026_07")
    frueher = [v for v in unentschuldigt if seit <= v.termin_am <= f.verletzung_am]
    # "trotz schriftlicher Belehrung … wiederholt": by default only an earlier miss of an
    # invitation with written RFB makes this one "wiederholt" (the reading that burdens less)
    frueher_mit_rfb = [v for v in frueher if v.rfb]
    zaehlen = frueher if f.policy.wiederholt_auch_ohne_belehrung else frueher_mit_rfb
    if f.z.mit_rfb_in_folge(seit) >= 2:  # this would be the third (§ 7b Abs. 4 Satz 1 n.F.)
        # § 7b Abs. 4 knows no Härte; the § 32 Minderung of Satz 5 it keeps does (§ 31a Abs. 3)
        haerte = _haerte(f.z, f.verletzung_am, _erster_monat(f))
        if haerte:
            hinweise.append("offen.haerte_nichterreichbarkeit")
        erster = _erster_monat(f)
        bwz = f.bewilligungszeitraum_ende
        if bwz is not None and bwz < erster:
            hinweise.append("rf.bewilligungszeitraum_endet_vorher")
        return _nicht_erreichbar_stufe(
            recht,
            _betrag(f, 100, hinweise),
            None if haerte else _betrag(f, recht.meldeversaeumnis.prozent, hinweise),
            bwz,
            erster,
            haerte,
        )
    if _haerte_pruefen(f, hinweise):
        return _keine_minderung_wegen_haerte(recht, f.anliegen)
    if bool(frueher) != bool(frueher_mit_rfb):
        hinweise.append("offen.wiederholt_ohne_belehrung")
    stufe = recht.meldeversaeumnis
    betrag = _betrag(f, stufe.prozent, hinweise)
    ne = _nicht_erreichbar_stufe(
        recht, _betrag(f, 100, hinweise), betrag, f.bewilligungszeitraum_ende, None, False
    )
    leistung = recht.leistung
    verhalten = _VERHALTEN[("einladung", recht.regime)]
    if not zaehlen:
        wiederholt_stufe = Rechtsfolge(
            recht.rechtsstand,
            stufe.prozent,
            stufe.monate,
            stufe.norm,
            f"Bei einem wiederholten Meldeversäumnis: {stufe.prozent} Prozent des maßgebenden "
            f"Regelbedarfs{euro_text(betrag)} für {monate_text(stufe.monate)}.",
            betrag_euro=betrag,
        )
        bausteine = (
            _baustein("32.folge.C_erstes", verhalten=verhalten),
            _baustein("32.wichtiger_grund.C_erstes"),
            _baustein(
                "32.wiederholung.C_erstes",
                leistung=leistung,
                prozent=str(stufe.prozent),
                euro=euro_text(betrag),
            ),
        )
        return Rechtsfolge(
            recht.rechtsstand,
            0,
            0,
            "§ 32 Abs. 1 Satz 1 SGB II n.F.",
            " ".join(x.text for x in bausteine),
            bausteine,
            folgestufen=(wiederholt_stufe, ne),
        )
    bausteine_w = (
        _baustein(
            "32.folge.C_wiederholt",
            verhalten=verhalten,
            leistung=leistung,
            prozent=str(stufe.prozent),
            euro=euro_text(betrag),
        ),
        _baustein("32.dauer.C", monate=monate_text(stufe.monate)),
        _baustein("32.wichtiger_grund"),
        _baustein("32.wiederholung.C_wiederholt", leistung=leistung, prozent=str(stufe.prozent)),
        _baustein("32.unterkunft.C"),
        _baustein("32.ein_euro"),
        _baustein("sgb12.minderung", norm=f"§ 32 Abs. 2 Satz 1 SGB II n.F., {recht.sgb12_norm}"),
    )
    return Rechtsfolge(
        recht.rechtsstand,
        stufe.prozent,
        stufe.monate,
        stufe.norm,
        " ".join(x.text for x in bausteine_w),
        bausteine_w,
        betrag,
        _deckel(f, stufe.prozent, hinweise),
        None,
        False,
        folgestufen=(ne,),
    )


def _meldeversaeumnis_b(recht: Sanktionsrecht, f: _Frage, hinweise: list[str]) -> Rechtsfolge:
    """§ 32 a.F.: 10 % of the Regelbedarf for one month, for each Meldeversäumnis."""
    stufe = recht.meldeversaeumnis
    betrag = _betrag(f, stufe.prozent, hinweise)
    bausteine = (
        _baustein(
            "32.folge.B",
            verhalten=_VERHALTEN[("einladung", recht.regime)],
            leistung=recht.leistung,
            prozent=str(stufe.prozent),
            euro=euro_text(betrag),
        ),
        _baustein("32.dauer.B", monate=monate_text(stufe.monate)),
        _baustein("32.wichtiger_grund"),
        _baustein("32.wiederholung.B", leistung=recht.leistung),
        _baustein("32.unterkunft.B"),
        _baustein("sgb12.minderung", norm=f"§ 32 Abs. 2 Satz 1 SGB II a.F., {recht.sgb12_norm}"),
    )
    return Rechtsfolge(
        recht.rechtsstand,
        stufe.prozent,
        stufe.monate,
        stufe.norm,
        " ".join(x.text for x in bausteine),
        bausteine,
        betrag,
        _deckel(f, stufe.prozent, hinweise),
    )


@functools.lru_cache(maxsize=1024, typed=True)
def _nicht_erreichbar_stufe(
    recht: Sanktionsrecht,
    regelbedarf: Decimal | None,
    minderung: Decimal | None,
    bewilligung_bis: dt.date | None,
    erster_monat: dt.date | None,
    haerte: bool,
) -> Rechtsfolge:
    """§ 7b Abs. 4 n.F.: the third consecutive missed Meldeaufforderung with written RFB.

    `regelbedarf` is the whole monthly Regelbedarf (withheld in the first month, Satz 4),
    `minderung` the § 32 Minderung kept when the person reports within that month (§ 32
    Abs. 3 Satz 2 n.F.), `bewilligung_bis` the last day of the Bewilligungszeitraum (Satz 3),
    `erster_monat` the first month of the loss; each may be unknown. `haerte`: a found
    außergewöhnliche Härte excludes the Minderung of Satz 5 (§ 31a Abs. 3 with § 32 Abs. 2
    Satz 1), not the loss itself."""
    if bewilligung_bis is None:
        dauer = _baustein("7b.dauer", bis="")
    elif erster_monat is not None and bewilligung_bis < plus_monate(erster_monat, 1):
        dauer = _baustein("7b.dauer.kurz", tag=tag_text(bewilligung_bis))
    else:
        dauer = _baustein("7b.dauer", bis=f" am {tag_text(bewilligung_bis)}")
    if haerte:
        ende = _baustein("7b.vorzeitiges_ende.haerte")
    else:
        ende = _baustein(
            "7b.vorzeitiges_ende",
            prozent=str(recht.meldeversaeumnis.prozent),
            euro="" if minderung is None else f" (um {euro_zahl(minderung)} Euro)",
        )
    bausteine = (
        _baustein("7b.nicht_erreichbar"),
        _baustein("7b.erster_monat", euro=euro_text(regelbedarf, monatlich=False)),
        dauer,
        ende,
        _baustein("7b.wichtiger_grund"),
        _baustein("sgb12.nicht_erreichbar"),
    )
    return Rechtsfolge(
        recht.rechtsstand,
        0,
        0,
        "§ 7b Abs. 4 SGB II n.F., § 32 Abs. 3 Satz 1, 2 SGB II n.F.",
        " ".join(x.text for x in bausteine),
        bausteine,
        nicht_erreichbar=True,
    )


# Never asked on the standard corpus (Maßnahme, a Stichtag before § 7b Abs. 4 n.F. applies); on the
# same cases decided for the Anliegen einladung on 1.7.2026 it saves 9.6 µs per case (6.1 %),
# benchmarks/caches.py --anliegen einladung --stichtag 2026-07-01.
anmelden("rechtsfolgen.nicht_erreichbar_stufe", _nicht_erreichbar_stufe)

_ANLIEGEN: Final = ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen")
"""The Anliegen as `rechtsfolge` takes them (the contract's values)."""


def pruefe_person(
    regelbedarfsstufe: object,
    geburtsdatum: object,
    tag: dt.date,
    tag_name: str = "dem Stichtag",
    *,
    land: object = None,
    bewilligungszeitraum_ende: object = None,
    bekanntgabe: object = None,
) -> None:
    """The case data a decision reads when given directly (not from a checked `Fall`); the
    birth date may not lie after `tag`."""
    if regelbedarfsstufe is not None and (
        isinstance(regelbedarfsstufe, bool)
        or not isinstance(regelbedarfsstufe, int)
        or not 1 <= regelbedarfsstufe <= 4
    ):
        raise UngueltigeEingabe(
            "'regelbedarfsstufe' muss eine ganze Zahl von 1 bis 4 sein.", ort="regelbedarfsstufe"
        )
    if geburtsdatum is not None:
        if isinstance(geburtsdatum, dt.datetime) or not isinstance(geburtsdatum, dt.date):
            raise UngueltigeEingabe(
                "'geburtsdatum' muss ein Datum sein (ohne Uhrzeit).", ort="geburtsdatum"
            )
        if geburtsdatum > tag:
            raise UngueltigeEingabe(
                f"'geburtsdatum' liegt nach {tag_name}; das Geburtsdatum kann nicht stimmen.",
                ort="geburtsdatum",
            )
    if land is not None and (not isinstance(land, str) or land not in LAENDER):
        raise UngueltigeEingabe(
            "'land' muss ein Land als ISO 3166-2 sein (z. B. \"DE-BE\").", ort="land"
        )
    if bewilligungszeitraum_ende is not None:
        p.pruefe_tag_argument("bewilligungszeitraum_ende", bewilligungszeitraum_ende)
    if bekanntgabe is not None and not isinstance(bekanntgabe, Bekanntgabeart):
        raise UngueltigeEingabe(
            "'bekanntgabe' muss eine kooplan.Bekanntgabeart sein.", ort="bekanntgabe"
        )


def _unter_sich_verschieden(a: Rechtsfolge, b: Rechtsfolge) -> bool:
    return (a.minderung_prozent, a.monate, a.entzug_regelbedarf, a.nicht_erreichbar) != (
        b.minderung_prozent,
        b.monate,
        b.entzug_regelbedarf,
        b.nicht_erreichbar,
    )


def rechtsfolge(
    z: Zustand,
    anliegen: str,
    stichtag: dt.date,
    faellig: dt.date,
    *,
    faellig_gegeben: bool = True,
    regelbedarfsstufe: int | None = None,
    geburtsdatum: dt.date | None = None,
    land: str | None = None,
    bewilligungszeitraum_ende: dt.date | None = None,
    bekanntgabe: Bekanntgabeart | None = None,
    policy: Policy = STANDARD,
) -> tuple[Rechtsfolge, tuple[str, ...]]:
    """What an RFB sent on `stichtag` for an action due on `faellig` must announce, under
    the law of `faellig` (the day a violation would happen), with the reading under the
    Stichtag's law in `alternativen` where it differs. Returns the consequence and the codes of
    the notes that come with it.

    The case data (`regelbedarfsstufe` … `bekanntgabe`) are those of `kooplan.Fall`;
    `policy` supplies the readings a caller may choose and Regelbedarf rows for years kooplan's
    table does not have yet.
    """
    if not isinstance(z, Zustand):
        raise UngueltigeEingabe("'z' muss ein kooplan.Zustand sein (aus kooplan.falte).", ort="z")
    if anliegen not in _ANLIEGEN:
        raise UngueltigeEingabe(
            f"Unbekanntes Anliegen; erlaubt sind: {', '.join(_ANLIEGEN)}.", ort="anliegen"
        )
    p.pruefe_tag_argument("stichtag", stichtag)
    p.pruefe_tag_argument("faellig", faellig)
    if faellig < stichtag:
        raise UngueltigeEingabe("'faellig' darf nicht vor dem Stichtag liegen.", ort="faellig")
    if not isinstance(faellig_gegeben, bool):
        raise UngueltigeEingabe(
            "'faellig_gegeben' muss true oder false sein.", ort="faellig_gegeben"
        )
    if not isinstance(policy, Policy):
        raise UngueltigeEingabe("'policy' muss eine kooplan.Policy sein.", ort="policy")
    pruefe_person(
        regelbedarfsstufe,
        geburtsdatum,
        faellig,
        "dem Fälligkeitstag",
        land=land,
        bewilligungszeitraum_ende=bewilligungszeitraum_ende,
        bekanntgabe=bekanntgabe,
    )
    return rechtsfolge_geprueft(
        z,
        anliegen,
        stichtag,
        faellig,
        faellig_gegeben=faellig_gegeben,
        regelbedarfsstufe=regelbedarfsstufe,
        geburtsdatum=geburtsdatum,
        land=land,
        bewilligungszeitraum_ende=bewilligungszeitraum_ende,
        bekanntgabe=bekanntgabe,
        policy=policy,
    )


def rechtsfolge_geprueft(
    z: Zustand,
    anliegen: str,
    stichtag: dt.date,
    faellig: dt.date,
    *,
    faellig_gegeben: bool,
    regelbedarfsstufe: int | None,
    geburtsdatum: dt.date | None,
    land: str | None,
    bewilligungszeitraum_ende: dt.date | None,
    bekanntgabe: Bekanntgabeart | None,
    policy: Policy,
) -> tuple[Rechtsfolge, tuple[str, ...]]:
    """`rechtsfolge` on checked arguments."""
    hinweise: list[str] = []
    f = _Frage(
        z,
        anliegen,
        faellig,
        regelbedarfsstufe,
        Bekanntgabeart.POST if bekanntgabe is None else bekanntgabe,
        bewilligungszeitraum_ende,
        policy,
    )
    rechnen = _meldeversaeumnis if anliegen == "einladung" else _pflichtverletzung

    rs_f = rechtsstand_am(faellig)
    haupt = rechnen(SANKTIONSRECHT[rs_f.id], f, hinweise)
    alternativen: list[Rechtsfolge] = []
    vergleich: list[str] = []
    rs_s = rechtsstand_am(stichtag)
    if rs_s.id != rs_f.id:
        vergleich.append(rs_s.id)
    elif not faellig_gegeben:
        bis = plus_monate(stichtag, 3)
        vergleich += [rechtsstand_am(g).id for g in alle_grenzen() if stichtag < g <= bis]
    for rid in vergleich:
        recht = SANKTIONSRECHT[rid]
        tag = faellig if rid == rs_s.id else rechtsstand_nach_id(rid).von
        alt = rechnen(recht, attrs.evolve(f, verletzung_am=tag), [])
        if _unter_sich_verschieden(alt, haupt):
            alternativen.append(alt)
    # the due day lies in the days whose Rechtsstand depends on the reading of an unverified
    # boundary (17.-22.4.2026): the other reading, so that the caseworker sees both
    andere = rechtsstand_andere_lesart(faellig)
    if andere is not None and andere.id not in vergleich:
        alt = rechnen(SANKTIONSRECHT[andere.id], f, [])
        if _unter_sich_verschieden(alt, haupt):
            alternativen.append(alt)
    if rs_s.regime is Regime.B and rs_f.regime is Regime.C and anliegen != "einladung":
        hinweise.append("offen.uebergang_65a")
    if (
        geburtsdatum is not None
        and geburtsdatum <= faellig
        and unter_25(geburtsdatum, faellig)
        and haupt.minderung_prozent
    ):
        hinweise += ["rf.unter_25", "offen.alter_stichtag"]
    beginn = feststellung = None
    if haupt.minderung_prozent or haupt.nicht_erreichbar or haupt.entzug_regelbedarf:
        beginn = _erster_monat(f)
    if haupt.minderung_prozent or haupt.entzug_regelbedarf:
        # § 31b Abs. 1 Satz 3 (for § 31a Abs. 7 by § 31b Abs. 3 Satz 2); § 7b Abs. 4 Satz 2 n.F.
        # refers to § 31b Abs. 4 only
        feststellung = _feststellung_bis(faellig, land, hinweise)
    if haupt.minderung_prozent and haupt.betrag_euro is None:
        hinweise.append("rf.betrag_unbekannt")
    if haupt.betrag_euro is not None and beginn is not None:
        # the Minderungszeitraum reaches into a year whose Regelbedarf is unknown or another
        # (§ 20 SGB II: "jeweils maßgebenden Regelbedarfs"); the amount given is of the first
        # month's year
        letzter = plus_monate(beginn, haupt.monate - 1)
        if letzter.year != beginn.year and _betrag_im_jahr(
            f, haupt.minderung_prozent, letzter.year, hinweise
        ) != _betrag_im_jahr(f, haupt.minderung_prozent, beginn.year, hinweise):
            hinweise.append("rf.betrag_jahreswechsel")
    haupt = attrs.evolve(
        haupt,
        alternativen=tuple(alternativen),
        beginn_fruehestens=beginn,
        feststellung_bis=feststellung,
    )
    return haupt, tuple(dict.fromkeys(hinweise))


def _feststellung_bis(faellig: dt.date, land: str | None, hinweise: list[str]) -> dt.date:
    """The last day the Minderung for a violation on `faellig` may be festgestellt.

    > "Die Feststellung der Minderung ist nur innerhalb von sechs Monaten ab dem Zeitpunkt der
    > Pflichtverletzung zulässig." (§ 31b Abs. 1 Satz 3)

    The six months are a Frist: "Fällt das Ende einer Frist auf einen Sonntag, einen
    gesetzlichen Feiertag oder einen Sonnabend, endet die Frist mit dem Ablauf des
    nächstfolgenden Werktages." (§ 26 Abs. 3 Satz 1 SGB X). With the case's Land the day moves
    by that Land's holidays; without, it stays, and the note `rf.feststellung_ohne_land` says
    so when it is a Saturday, Sunday or a holiday in some Land."""
    ende = feststellung_spaetestens(faellig)
    if land is not None:
        verschoben = fristende(ende, land)
        if verschoben != ende:
            hinweise.append("offen.feststellung_frist_verschoben")
        return verschoben
    if ende.weekday() >= 5 or any(ende in feiertage(ende.year, l) for l in LAENDER):
        hinweise.append("rf.feststellung_ohne_land")
    return ende
