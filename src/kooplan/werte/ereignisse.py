"""The events of a case: one frozen class per `art` of the contract (`docs/vertrag.md`).

Every event has `am` (the day it happened) and an optional `id` (the caller's, unique within the
case, used by `bezug`). Events are value objects: an invalid one cannot be built, and each
validation error names the field by its contract name.

Examples:
    >>> import datetime as dt
    >>> e = MitwirkungUnterblieben(am=dt.date(2024, 3, 4), mitwirkung=Mitwirkung.MASSNAHME,
    ...                            wichtiger_grund=False, id="m1")
    >>> e.art, e.mitwirkung.value
    ('mitwirkung_unterblieben', 'massnahme')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeAlias

import attrs

from kooplan.werte import pruefen as p
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.fehler import UngueltigeEingabe
from kooplan.werte.plan import Kooperationsplan
from kooplan.werte.pruefen import ABGEDECKT_AB

__all__ = [
    "ARTEN",
    "QUERPRUEFUNGEN",
    "BereitschaftErklaert",
    "Eingliederungsvereinbarung",
    "EinladungVersandt",
    "Ereignis",
    "HaerteFestgestellt",
    "LeistungsbezugAufgenommen",
    "LeistungsbezugBeendet",
    "MinderungAufgehoben",
    "MinderungFestgestellt",
    "Minderungsgrund",
    "Mitwirkung",
    "MitwirkungErbracht",
    "MitwirkungUnterblieben",
    "PersoenlichGemeldet",
    "PlanErstellt",
    "PlanFortgeschrieben",
    "PlanGescheitert",
    "SchlichtungBeendet",
    "SchlichtungBegonnen",
    "Sperrzeit",
    "Tatbestand",
    "TerminVersaeumt",
    "TerminWahrgenommen",
    "VerlangtVon",
    "WichtigerGrundNachgewiesen",
]


class Mitwirkung(Aufzaehlung):
    """The kinds of Mitwirkung that can be outstanding in a case: a Maßnahme, a
    Vermittlungsvorschlag, the Eigenbemühungen."""

    MASSNAHME = "massnahme"
    """Teilnahme an einer Maßnahme zur Eingliederung (§ 31 Abs. 1 Satz 1 Nr. 3)."""
    VERMITTLUNGSVORSCHLAG = "vermittlungsvorschlag"
    """Bewerbung auf einen Vermittlungsvorschlag (§ 31 Abs. 1 Satz 1 Nr. 2)."""
    EIGENBEMUEHUNGEN = "eigenbemuehungen"
    """Eigenbemühungen (§ 15 Abs. 2 Satz 2 Nr. 2; § 31 Abs. 1 Satz 1 Nr. 1)."""


class VerlangtVon(Aufzaehlung):
    """Who asked for the Schlichtung (§ 15a Abs. 1 SGB II a.F.: "einer oder beider Seiten")."""

    LEISTUNGSBERECHTIGTE = "leistungsberechtigte"
    JOBCENTER = "jobcenter"
    BEIDE = "beide"


class Minderungsgrund(Aufzaehlung):
    """What a festgestellte Minderung was for."""

    PFLICHTVERLETZUNG = "pflichtverletzung"
    """Pflichtverletzung (§ 31 SGB II)."""
    MELDEVERSAEUMNIS = "meldeversaeumnis"
    """Meldeversäumnis (§ 32 SGB II)."""


class Tatbestand(Aufzaehlung):
    """The alternative of § 31 SGB II a Pflichtverletzung fulfilled."""

    ABS1_NR1 = "abs1_nr1"
    ABS1_NR2 = "abs1_nr2"
    ABS1_NR3 = "abs1_nr3"
    ABS2_NR1 = "abs2_nr1"
    ABS2_NR2 = "abs2_nr2"
    ABS2_NR3 = "abs2_nr3"
    ABS2_NR4 = "abs2_nr4"


class Sperrzeit(Aufzaehlung):
    """The Sperrzeit of § 159 Abs. 1 Satz 2 SGB III behind a Pflichtverletzung under § 31
    Abs. 2 Nr. 3 or 4 SGB II, by its number there.

    Only one of them changes the consequence in SGB II: "Abweichend von den Sätzen 1 bis 3 gelten
    bei Pflichtverletzungen nach § 31 Absatz 2 Nummer 3 in Fällen einer Sperrzeit bei
    Meldeversäumnis nach § 159 Absatz 1 Satz 2 Nummer 8 des Dritten Buches die Rechtsfolgen des
    § 32." (§ 31a Abs. 1 Satz 7 SGB II a.F.; Satz 3 n.F.)
    """

    ARBEITSAUFGABE = "arbeitsaufgabe"
    """Nr. 1: Sperrzeit bei Arbeitsaufgabe."""
    ARBEITSABLEHNUNG = "arbeitsablehnung"
    """Nr. 2: Sperrzeit bei Arbeitsablehnung."""
    EIGENBEMUEHUNGEN = "eigenbemuehungen"
    """Nr. 3: Sperrzeit bei unzureichenden Eigenbemühungen."""
    ABLEHNUNG_MASSNAHME = "ablehnung_massnahme"
    """Nr. 4: Sperrzeit bei Ablehnung einer beruflichen Eingliederungsmaßnahme."""
    ABBRUCH_MASSNAHME = "abbruch_massnahme"
    """Nr. 5: Sperrzeit bei Abbruch einer beruflichen Eingliederungsmaßnahme."""
    ABLEHNUNG_INTEGRATIONSKURS = "ablehnung_integrationskurs"
    """Nr. 6: Sperrzeit bei Ablehnung eines Integrationskurses oder einer berufsbezogenen
    Deutschsprachförderung."""
    ABBRUCH_INTEGRATIONSKURS = "abbruch_integrationskurs"
    """Nr. 7: Sperrzeit bei Abbruch eines Integrationskurses oder einer berufsbezogenen
    Deutschsprachförderung."""
    MELDEVERSAEUMNIS = "meldeversaeumnis"
    """Nr. 8: Sperrzeit bei Meldeversäumnis (the consequences of § 32 SGB II apply)."""
    VERSPAETETE_ARBEITSUCHENDMELDUNG = "verspaetete_arbeitsuchendmeldung"
    """Nr. 9: Sperrzeit bei verspäteter Arbeitsuchendmeldung."""


@attrs.frozen(kw_only=True)
class _Basis:
    """Fields every event has."""

    art: ClassVar[str] = ""
    am: dt.date = attrs.field(validator=p.ist_tag())
    """The day the event happened."""
    id: str | None = attrs.field(default=None, validator=p.ist_ereignis_id)
    """The caller's id, unique within the case; `bezug` refers to it."""


@attrs.frozen(kw_only=True)
class EinladungVersandt(_Basis):
    """An invitation (Einladung, Meldeaufforderung) was sent (§ 59 SGB II with § 309 SGB III).

    It changes no phase. It counts for the first invitation of a benefit period, which goes out
    without RFB under the Bürgergeld law (§ 15 Abs. 4 SGB II a.F.), and whether it carried an
    RFB decides what missing its meeting brings (§ 32 Abs. 1 Satz 1 SGB II)."""

    art: ClassVar[str] = "einladung_versandt"
    rfb: bool = attrs.field(default=False, validator=p.ist_bool)
    """Whether the invitation carried a Rechtsfolgenbelehrung."""
    termin: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """The day of the meeting the invitation sets (optional; not before `am`). With it, the missed
    meetings of § 7b Abs. 4 SGB II n.F. follow one another in the order of their meetings ("drei
    aufeinanderfolgenden Meldeaufforderungen")."""

    def __attrs_post_init__(self) -> None:
        _quer(self)


@attrs.frozen(kw_only=True)
class TerminVersaeumt(_Basis):
    """A Meldetermin set by an invitation was missed.

    It changes no phase. Without wichtiger Grund it starts or extends a run of missed meetings:
    while the run stands, an invitation goes out with RFB (§ 32 SGB II), and under the new law
    the third in a row with RFB makes the person count as nicht erreichbar (§ 7b Abs. 4 SGB II
    n.F.)."""

    art: ClassVar[str] = "termin_versaeumt"
    wichtiger_grund: bool = attrs.field(validator=p.ist_bool)
    """Whether a wichtiger Grund was shown for the miss (§ 32 Abs. 1 Satz 2)."""
    einladung: str | None = attrs.field(default=None, validator=p.ist_ereignis_id)
    """The `id` of the invitation this meeting was set by (else: the last invitation sent)."""


@attrs.frozen(kw_only=True)
class TerminWahrgenommen(_Basis):
    """A Meldetermin was kept: it ends a run of missed meetings. It changes no phase."""

    art: ClassVar[str] = "termin_wahrgenommen"


@attrs.frozen(kw_only=True)
class PersoenlichGemeldet(_Basis):
    """The person reported in person at the Jobcenter (without an appointment, or on one of
    their own). Like a kept meeting it ends a run of missed meetings, and it ends the
    Nichterreichbarkeit of § 7b Abs. 4 SGB II n.F.: "Die Nichterreichbarkeit nach Satz 1 gilt
    bis zum Ablauf des ursprünglichen Bewilligungszeitraums, es sei denn, die erwerbsfähige
    leistungsberechtigte Person meldet sich vorher persönlich bei dem zuständigen Jobcenter."
    (Satz 3)"""

    art: ClassVar[str] = "persoenlich_gemeldet"


@attrs.frozen(kw_only=True)
class PlanErstellt(_Basis):
    """A Kooperationsplan was agreed (§ 15 Abs. 2 SGB II): the case enters `kooperation`,
    nothing stays outstanding, and the six months to the next review start (§ 15 Abs. 3 Satz 2
    SGB II)."""

    art: ClassVar[str] = "plan_erstellt"
    plan: Kooperationsplan | None = attrs.field(
        default=None,
        validator=p.optional(p.ist_instanz(Kooperationsplan, "ein Kooperationsplan")),
    )
    """The plan's content, if the caller gives it (its texts are never shown)."""


@attrs.frozen(kw_only=True)
class PlanFortgeschrieben(_Basis):
    """The plan was reviewed and updated (§ 15 Abs. 3 Satz 2 SGB II): as `plan_erstellt`, the
    case is in `kooperation` afterwards and the review clock restarts."""

    art: ClassVar[str] = "plan_fortgeschrieben"
    plan: Kooperationsplan | None = attrs.field(
        default=None,
        validator=p.optional(p.ist_instanz(Kooperationsplan, "ein Kooperationsplan")),
    )
    """The updated plan's content, if the caller gives it."""


@attrs.frozen(kw_only=True)
class PlanGescheitert(_Basis):
    """The plan could not be made or updated: the case enters `ohne_plan`, where requests go out
    with RFB (§ 15 Abs. 6 SGB II a.F.) or, from 1.7.2026, as a Verpflichtung by Verwaltungsakt
    (§ 15a Abs. 3 SGB II n.F.). Outstanding kinds stay outstanding."""

    art: ClassVar[str] = "plan_gescheitert"


@attrs.frozen(kw_only=True)
class SchlichtungBegonnen(_Basis):
    """A Schlichtung began (§ 15a Abs. 1 SGB II a.F.): the case enters `schlichtung`. Its day
    is the Beginn of the four weeks after which it ends at the latest (§ 15a Abs. 4 SGB II
    a.F.). The Schlichtung was repealed on 1.7.2026: on or after that day this event is an
    error."""

    art: ClassVar[str] = "schlichtung_begonnen"
    verlangt_von: VerlangtVon = attrs.field(validator=p.ist_enum(VerlangtVon))
    """Who asked for the Schlichtung."""


@attrs.frozen(kw_only=True)
class SchlichtungBeendet(_Basis):
    """A Schlichtung ended (§ 15a Abs. 4 SGB II a.F.): with Einigung the case returns to
    `kooperation` (the agreed plan counts as made that day), without it the case enters
    `ohne_plan`."""

    art: ClassVar[str] = "schlichtung_beendet"
    einigung: bool = attrs.field(validator=p.ist_bool)
    """Whether the Schlichtung ended with an Einigung."""


@attrs.frozen(kw_only=True)
class MitwirkungUnterblieben(_Basis):
    """A Mitwirkung was missed, with or without wichtiger Grund.

    Without wichtiger Grund that kind is outstanding from now on, and a case in `kooperation`
    enters `mitwirkung_eingefordert` (§ 15 Abs. 5 SGB II a.F., § 15a Abs. 2 SGB II n.F.). With a
    wichtiger Grund it is recorded and changes nothing (§ 31 Abs. 1 Satz 2 SGB II)."""

    art: ClassVar[str] = "mitwirkung_unterblieben"
    mitwirkung: Mitwirkung = attrs.field(validator=p.ist_enum(Mitwirkung))
    """The kind of Mitwirkung that was missed."""
    wichtiger_grund: bool = attrs.field(validator=p.ist_bool)
    """Whether the person showed a wichtiger Grund for it."""


@attrs.frozen(kw_only=True)
class MitwirkungErbracht(_Basis):
    """The demanded action was done: of one kind, or (without `mitwirkung`) of every kind
    outstanding. Once nothing is outstanding, a case in `mitwirkung_eingefordert` returns to
    `kooperation`. Given when that kind (or anything) is not outstanding, it is an illegal
    transition: the history would contradict itself."""

    art: ClassVar[str] = "mitwirkung_erbracht"
    mitwirkung: Mitwirkung | None = attrs.field(
        default=None, validator=p.optional(p.ist_enum(Mitwirkung))
    )
    """The kind that was done; `None`: every outstanding kind."""


@attrs.frozen(kw_only=True)
class BereitschaftErklaert(_Basis):
    """The person seriously declared to comply from now on (compare § 31a Abs. 1 Satz 6 SGB II
    a.F.): every outstanding kind is cleared, and a case in `mitwirkung_eingefordert` returns to
    `kooperation`."""

    art: ClassVar[str] = "bereitschaft_erklaert"


@attrs.frozen(kw_only=True)
class WichtigerGrundNachgewiesen(_Basis):
    """A wichtiger Grund was shown afterwards for an earlier `termin_versaeumt` or
    `mitwirkung_unterblieben` (named by `bezug`): from this day on that event counts as excused
    (§ 31 Abs. 1 Satz 2, § 32 Abs. 1 Satz 2 SGB II). A kind it alone made outstanding is
    cleared; an excused missed meeting no longer counts in the run."""

    art: ClassVar[str] = "wichtiger_grund_nachgewiesen"
    bezug: str = attrs.field(validator=p.ist_ereignis_id)
    """The `id` of the excused `termin_versaeumt` or `mitwirkung_unterblieben`."""


# -- checks across the fields of one event ---------------------------------------------------
# Shared by the value objects (`__attrs_post_init__`) and the JSON loader, which runs them on
# the fields it could read, so that such a fault is reported at its place in document order.


_SPERRZEIT_TATBESTAENDE = frozenset({Tatbestand.ABS2_NR3, Tatbestand.ABS2_NR4})


def _minderung_quer(w: Mapping[str, Any]) -> UngueltigeEingabe | None:
    grund, stufe, tatbestand = w.get("grund"), w.get("stufe"), w.get("tatbestand")
    if grund is None:
        return None
    if w.get("sperrzeit") is not None and tatbestand not in _SPERRZEIT_TATBESTAENDE:
        return UngueltigeEingabe(
            "'sperrzeit' gibt es nur bei einer Pflichtverletzung nach § 31 Abs. 2 Nr. 3 oder 4 "
            "(tatbestand 'abs2_nr3' oder 'abs2_nr4').",
            ort="sperrzeit",
        )
    if (
        stufe is not None
        and tatbestand is Tatbestand.ABS2_NR3
        and w.get("sperrzeit") is Sperrzeit.MELDEVERSAEUMNIS
    ):
        return UngueltigeEingabe(
            "'stufe' gibt es nicht bei einer Sperrzeit bei Meldeversäumnis: Es gelten die "
            "Rechtsfolgen des § 32 (§ 31a Abs. 1 Satz 7 SGB II a.F., Satz 3 n.F.), ohne Stufen.",
            ort="stufe",
        )
    if grund is not Minderungsgrund.PFLICHTVERLETZUNG:
        if stufe is not None or tatbestand is not None:
            feld = "stufe" if stufe is not None else "tatbestand"
            return UngueltigeEingabe(
                f"'{feld}' gibt es nur bei einer Minderung wegen Pflichtverletzung (§ 31).",
                ort=feld,
            )
        return None
    if stufe is None and w.get("prozent") is not None and w["prozent"] not in (10, 20, 30):
        return UngueltigeEingabe(
            "Ohne 'stufe' muss 'prozent' bei einer Pflichtverletzung 10, 20 oder 30 sein "
            "(daraus wird die Stufe abgeleitet).",
            ort="prozent",
        )
    return None


def _ev_quer(w: Mapping[str, Any]) -> UngueltigeEingabe | None:
    am = w.get("am")
    if am is not None and am >= ABGEDECKT_AB:
        return UngueltigeEingabe(
            "Eine Eingliederungsvereinbarung kann nur vor dem 1.7.2023 geschlossen worden sein; "
            "seitdem gibt es den Kooperationsplan (§ 15 SGB II).",
            ort="am",
            norm="§ 65 Abs. 4 SGB II a.F.",
        )
    return None


def _einladung_quer(w: Mapping[str, Any]) -> UngueltigeEingabe | None:
    am, termin = w.get("am"), w.get("termin")
    if am is not None and termin is not None and termin < am:
        return UngueltigeEingabe(
            "'termin' darf nicht vor 'am' liegen: Der Termin folgt der Einladung.", ort="termin"
        )
    return None


def _haerte_quer(w: Mapping[str, Any]) -> UngueltigeEingabe | None:
    am, bis = w.get("am"), w.get("bis")
    if am is not None and bis is not None and bis < am:
        return UngueltigeEingabe("'bis' darf nicht vor 'am' liegen.", ort="bis")
    return None


QUERPRUEFUNGEN: Mapping[
    str, tuple[tuple[str, ...], Callable[[Mapping[str, Any]], UngueltigeEingabe | None]]
] = {
    "einladung_versandt": (("am", "termin"), _einladung_quer),
    "minderung_festgestellt": (
        ("grund", "prozent", "stufe", "tatbestand", "sperrzeit"),
        _minderung_quer,
    ),
    "eingliederungsvereinbarung": (("am",), _ev_quer),
    "haerte_festgestellt": (("am", "bis"), _haerte_quer),
}
"""Checks across fields, by art: the fields they read, and the check. A check is skipped by the
loader when one of its fields could not be read (that fault is reported instead)."""


def _quer(inst: Any) -> None:
    _, pruefe = QUERPRUEFUNGEN[inst.art]
    err = pruefe({a.name: getattr(inst, a.name) for a in attrs.fields(type(inst))})
    if err is not None:
        raise err


@attrs.frozen(kw_only=True)
class MinderungFestgestellt(_Basis):
    """A Minderung was festgestellt (§ 31b Abs. 1, § 32 SGB II). It changes no phase; the
    Rechtsfolgen of later violations read it (the step under the Bürgergeld law, the 30 % cap,
    § 31a Abs. 7). It may be dated before 1.7.2023, as history."""

    art: ClassVar[str] = "minderung_festgestellt"
    grund: Minderungsgrund = attrs.field(validator=p.ist_enum(Minderungsgrund))
    """What the Minderung was for: a Pflichtverletzung or a Meldeversäumnis."""
    prozent: int = attrs.field(validator=p.ist_int(1, 100))
    """The rate found, in percent of the Regelbedarf."""
    beginn: dt.date = attrs.field(validator=p.ist_tag())
    """First day of the Minderungszeitraum."""
    stufe: int | None = attrs.field(default=None, validator=p.optional(p.ist_int(1, 3)))
    """The step (1–3) of a § 31 Minderung under the Bürgergeld law."""
    tatbestand: Tatbestand | None = attrs.field(
        default=None, validator=p.optional(p.ist_enum(Tatbestand))
    )
    """Which alternative of § 31 SGB II the Pflichtverletzung fulfilled."""
    monate: int | None = attrs.field(default=None, validator=p.optional(p.ist_int(1, 12)))
    """The length of the Minderungszeitraum in months (else derived from the step)."""
    bezug: str | None = attrs.field(default=None, validator=p.ist_ereignis_id)
    """The `id` of the violation (`termin_versaeumt` or `mitwirkung_unterblieben`)."""
    sperrzeit: Sperrzeit | None = attrs.field(
        default=None, validator=p.optional(p.ist_enum(Sperrzeit))
    )
    """For `tatbestand` `abs2_nr3` or `abs2_nr4`: which Sperrzeit of § 159 Abs. 1 Satz 2 SGB III it
    was."""

    def __attrs_post_init__(self) -> None:
        _quer(self)

    @property
    def wie_meldeversaeumnis(self) -> bool:
        """Whether this Minderung has the consequences of § 32 SGB II: a Meldeversäumnis, or a
        Pflichtverletzung under § 31 Abs. 2 Nr. 3 "in Fällen einer Sperrzeit bei Meldeversäumnis"
        (§ 31a Abs. 1 Satz 7 SGB II a.F., Satz 3 n.F.)."""
        return self.grund is Minderungsgrund.MELDEVERSAEUMNIS or (
            self.tatbestand is Tatbestand.ABS2_NR3 and self.sperrzeit is Sperrzeit.MELDEVERSAEUMNIS
        )

    @property
    def stufe_31(self) -> int | None:
        """The step of a § 31 Minderung: recorded, else derived from `prozent`; `None` for a
        Minderung with the consequences of § 32 (`wie_meldeversaeumnis`)."""
        if self.grund is not Minderungsgrund.PFLICHTVERLETZUNG or self.wie_meldeversaeumnis:
            return None
        if self.stufe is not None:
            return self.stufe
        return {10: 1, 20: 2, 30: 3}[self.prozent]


@attrs.frozen(kw_only=True)
class Eingliederungsvereinbarung(_Basis):
    """An old Eingliederungsvereinbarung, concluded before 1.7.2023 (history only).

    It governs until the first Kooperationsplan, at the latest until 31.12.2023
    (§ 65 Abs. 4 SGB II a.F.); while it does, kooplan refuses decisions
    (`rechtsstand_nicht_abgedeckt`), because the old § 15 applies."""

    art: ClassVar[str] = "eingliederungsvereinbarung"

    def __attrs_post_init__(self) -> None:
        _quer(self)


@attrs.frozen(kw_only=True)
class MinderungAufgehoben(_Basis):
    """A festgestellte Minderung (named by `bezug`) is lifted from `am` on, after compliance or a
    serious declaration (§ 31a Abs. 1 Satz 6 SGB II a.F., Satz 2 n.F.) or on appeal; it still
    runs at least its first month (§ 31b Abs. 2 Satz 2 SGB II). It changes no phase."""

    art: ClassVar[str] = "minderung_aufgehoben"
    bezug: str = attrs.field(validator=p.ist_ereignis_id)
    """The `id` of the `minderung_festgestellt` that is lifted."""


@attrs.frozen(kw_only=True)
class HaerteFestgestellt(_Basis):
    """An außergewöhnliche Härte was found (§ 31a Abs. 3 SGB II): "Eine Leistungsminderung
    erfolgt nicht, wenn sie im Einzelfall eine außergewöhnliche Härte bedeuten würde."

    With `bezug` (a `minderung_festgestellt`) that Minderung does not take effect; without, no
    Minderung takes effect for violations from `am` to `bis` (or the end of the benefit period),
    for a missed meeting neither (§ 32 Abs. 2 Satz 1 SGB II). It changes no phase."""

    art: ClassVar[str] = "haerte_festgestellt"
    bezug: str | None = attrs.field(default=None, validator=p.ist_ereignis_id)
    """The `id` of the `minderung_festgestellt` that does not take effect."""
    bis: dt.date | None = attrs.field(default=None, validator=p.optional(p.ist_tag()))
    """Without `bezug`: the last day of the Härte (default: end of the benefit period)."""

    def __attrs_post_init__(self) -> None:
        _quer(self)


@attrs.frozen(kw_only=True)
class LeistungsbezugBeendet(_Basis):
    """Benefit receipt ended: the case enters `beendet`, and a decision is refused
    (`leistungsbezug_beendet`) until a new benefit period begins."""

    art: ClassVar[str] = "leistungsbezug_beendet"


@attrs.frozen(kw_only=True)
class LeistungsbezugAufgenommen(_Basis):
    """A new benefit period began: from `beendet` the case starts again in `erstkontakt` with
    no invitation, plan, Schlichtung or outstanding kind; festgestellte Minderungen are kept
    (the one-year look-back follows the person). In `erstkontakt` it is allowed only before any
    other event of the benefit period (as the first event of a case it changes nothing); a second
    one in a row, or one after an invitation of the same period, is refused as
    `unzulaessiger_uebergang`."""

    art: ClassVar[str] = "leistungsbezug_aufgenommen"


Ereignis: TypeAlias = (
    EinladungVersandt
    | TerminVersaeumt
    | TerminWahrgenommen
    | PersoenlichGemeldet
    | PlanErstellt
    | PlanFortgeschrieben
    | PlanGescheitert
    | SchlichtungBegonnen
    | SchlichtungBeendet
    | MitwirkungUnterblieben
    | MitwirkungErbracht
    | BereitschaftErklaert
    | WichtigerGrundNachgewiesen
    | MinderungFestgestellt
    | MinderungAufgehoben
    | HaerteFestgestellt
    | Eingliederungsvereinbarung
    | LeistungsbezugBeendet
    | LeistungsbezugAufgenommen
)
"""Any event of a case (the union of the event classes)."""

ARTEN: Mapping[str, type[Ereignis]] = {
    cls.art: cls
    for cls in (
        EinladungVersandt,
        TerminVersaeumt,
        TerminWahrgenommen,
        PlanErstellt,
        PlanFortgeschrieben,
        PlanGescheitert,
        SchlichtungBegonnen,
        SchlichtungBeendet,
        MitwirkungUnterblieben,
        MitwirkungErbracht,
        BereitschaftErklaert,
        WichtigerGrundNachgewiesen,
        MinderungFestgestellt,
        Eingliederungsvereinbarung,
        LeistungsbezugBeendet,
        LeistungsbezugAufgenommen,
        MinderungAufgehoben,
        HaerteFestgestellt,
        PersoenlichGemeldet,
    )
}
"""Every event class by its contract `art`, in the order of the contract page."""
