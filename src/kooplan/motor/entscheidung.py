"""The decision: which communication mode a request (Anliegen) needs on a Stichtag.

docs/fachliches.md section 4.

The rules are data: `REGELN` is the ordered table of mode rules (the first that matches
decides, one stable id per row), `HINWEIS_REGELN` the notes that are added whenever their
condition holds. `entscheide` folds a case and decides; `entscheide_zustand` decides
on an already folded state.

Examples:
    >>> import datetime as dt
    >>> from kooplan import Fall, PlanErstellt
    >>> fall = Fall("JC-1", [PlanErstellt(am=dt.date(2023, 10, 2))])
    >>> e = entscheide(fall, Anliegen.EIGENBEMUEHUNGEN, dt.date(2023, 11, 1))
    >>> e.phase.value, e.modus.value, e.naechste_ueberpruefung
    ('kooperation', 'ohne_rfb', datetime.date(2024, 4, 2))
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from kooplan.motor.bedingungen import (
    Bedingung,
    Schluesselplan,
    pruefe_vollstaendig,
    schluesselplan,
)
from kooplan.motor.fristen import naechste_ueberpruefung, plus_monate, schlichtung_letzter_tag
from kooplan.motor.kalender import Bekanntgabeart
from kooplan.motor.phasen import Phase, Zustand, falte, falte_stichtage
from kooplan.motor.rechtsfolgen import Rechtsfolge, pruefe_person, rechtsfolge_geprueft
from kooplan.recht.begruendung import Grund, Hinweis, hinweis
from kooplan.recht.policy import STANDARD, Policy
from kooplan.recht.rechtsstaende import (
    NEUE_GRUNDSICHERUNG_AB,
    Rechtsstand,
    Regime,
    alle_grenzen,
    rechtsstand_am,
    rechtsstand_nach_id,
)
from kooplan.recht.regeln import HINWEIS_REGELN, REGELN, HinweisRegel, Lage, PolicyWahl, Regel
from kooplan.werte import ausgabe, darstellung
from kooplan.werte import pruefen as p
from kooplan.werte.anliegen import Anliegen, Modus, als_anliegen
from kooplan.werte.fall import Fall
from kooplan.werte.fehler import (
    KeinLeistungsbezug,
    KooplanError,
    RechtsstandNichtAbgedeckt,
    UngueltigeEingabe,
)
from kooplan.werte.zwischenspeicher import ablegen, anmelden

__all__ = [
    "HINWEIS_REGELN",
    "REGELN",
    "Anliegen",
    "Entscheidung",
    "HinweisRegel",
    "Lage",
    "Modus",
    "PolicyWahl",
    "Regel",
    "entscheide",
    "entscheide_stichtage",
    "entscheide_zustand",
]


def _schlichtung_spaetestes_ende(z: Zustand) -> dt.date:
    """The last day a running Schlichtung can last: its four weeks, at most 30.6.2026."""
    assert z.schlichtung_beginn is not None  # asked only in phase schlichtung
    return min(
        schlichtung_letzter_tag(z.schlichtung_beginn), NEUE_GRUNDSICHERUNG_AB - dt.timedelta(days=1)
    )


def _gilt(fakt: Any, modus: Modus | None, regel: Regel | None) -> bool:
    """The test of a condition whose fact is its truth value."""
    return bool(fakt)


def _ohne_fakt(
    z: Zustand, anliegen: Anliegen, stichtag: dt.date, faellig: dt.date, policy: Policy
) -> None:
    """The fact of a condition on the mode alone: it reads nothing of the state."""
    return None


_LAGEN: Mapping[Lage, Bedingung] = {
    Lage.ERSTE_EINLADUNG: Bedingung(
        lambda z, a, s, f, p: not z.kontakt_im_zeitraum and not z.plan_im_zeitraum, _gilt
    ),
    Lage.TERMINLAUF: Bedingung(lambda z, a, s, f, p: bool(z.terminlauf), _gilt),
    Lage.ART_OFFEN: Bedingung(lambda z, a, s, f, p: a.mitwirkung in z.offene_arten, _gilt),
    Lage.POLICY_MASSNAHME: Bedingung(
        lambda z, a, s, f, p: p.massnahme_mit_rfb_in_kooperation, _gilt
    ),
    Lage.NEUER_ZEITRAUM: Bedingung(lambda z, a, s, f, p: z.zeitraum_nr > 0, _gilt),
    Lage.SCHLICHTUNG_FAELLIG_DANACH: Bedingung(
        lambda z, a, s, f, p: f > _schlichtung_spaetestes_ende(z), _gilt
    ),
    Lage.VA_PLAN_BESTEHT: Bedingung(
        lambda z, a, s, f, p: z.plan_am is not None,
        lambda fakt, modus, regel: modus is Modus.VERPFLICHTUNG_VA and fakt,
    ),
    Lage.MODUS_OHNE_RFB: Bedingung(_ohne_fakt, lambda fakt, modus, regel: modus is Modus.OHNE_RFB),
    Lage.MODUS_VA: Bedingung(
        _ohne_fakt, lambda fakt, modus, regel: modus is Modus.VERPFLICHTUNG_VA
    ),
    Lage.TERMINLAUF_VOR_2026_07: Bedingung(
        lambda z, a, s, f, p: any(v.termin_am < NEUE_GRUNDSICHERUNG_AB for v in z.terminlauf),
        _gilt,
    ),
    Lage.DREI_MIT_RFB: Bedingung(
        lambda z, a, s, f, p: z.mit_rfb_in_folge(NEUE_GRUNDSICHERUNG_AB) >= 3, _gilt
    ),
    Lage.SCHLICHTUNG_GRENZE: Bedingung(
        lambda z, a, s, f, p: (
            p.schlichtung_hoechstzahl is not None and z.schlichtungen >= p.schlichtung_hoechstzahl
        ),
        _gilt,
    ),
}
"""Each condition of the tables: the fact it reads and its test on that fact."""
pruefe_vollstaendig(_LAGEN, REGELN, HINWEIS_REGELN)


_Schluessel = tuple[Regime, Phase, Anliegen]
_PLAENE: Mapping[_Schluessel, Schluesselplan] = {
    (g, ph, a): schluesselplan(
        tuple(r for r in REGELN if r.gilt_fuer(g, ph, a)),
        tuple(r for r in HINWEIS_REGELN if r.gilt_fuer(g, ph, a)),
    )
    for g in Regime
    for ph in Phase
    for a in Anliegen
}
"""The rows that can apply to each (regime, phase, Anliegen), in table order, and the conditions
and policy fields they read (a lookup index and the plan of the key of `_TABELLE`)."""
_FAKTEN: Mapping[_Schluessel, tuple[Callable[..., Any], ...]] = {
    k: tuple(_LAGEN[lage].fakt for lage in plan.lagen) for k, plan in _PLAENE.items()
}


@attrs.frozen
class Entscheidung:
    """A decision (docs/vertrag.md, `kooplan/entscheidung/1`)."""

    fall: str = attrs.field(validator=p.ist_fall_id)
    """The case id (the only personal reference the decision holds)."""
    stichtag: dt.date = attrs.field(validator=p.ist_tag())
    """The day the letter is sent: it chooses the rules of communication."""
    faellig: dt.date = attrs.field(validator=p.ist_tag())
    """The day the action or meeting is due (the Stichtag, unless given): it chooses the law of the
    Rechtsfolgen."""
    rechtsstand: Rechtsstand = attrs.field(validator=p.ist_instanz(Rechtsstand, "ein Rechtsstand"))
    """The Rechtsstand in force on the Stichtag."""
    anliegen: Anliegen = attrs.field(validator=p.ist_enum(Anliegen))
    """What is to be sent."""
    phase: Phase = attrs.field(validator=p.ist_enum(Phase))
    """The case's phase on the Stichtag (after the fold of its events up to it)."""
    modus: Modus = attrs.field(validator=p.ist_enum(Modus))
    """The answer: without RFB, with RFB, or (from 1.7.2026) as a Verpflichtung by Verwaltungsakt.
    """
    gruende: tuple[Grund, ...] = attrs.field(
        validator=p.ist_tupel_von(Grund, "eine Liste von Gründen", mindestens=1)
    )
    """The reasons, at least one; the first is the rule that decided the mode, with its norm and
    kind of source."""
    hinweise: tuple[Hinweis, ...] = attrs.field(
        validator=p.ist_tupel_von(Hinweis, "eine Liste von Hinweisen")
    )
    """Notes: open legal questions, formal requirements, departures of practice from the statute
    (possibly none)."""
    naechste_ueberpruefung: dt.date | None = attrs.field(
        validator=p.optional(p.ist_tag(spaet=p.SPAETESTER_ABGELEITETER_TAG))
    )
    """The day by which the plan is to be reviewed (§ 15 Abs. 3 Satz 2 SGB II); `None` in
    `erstkontakt` and `ohne_plan`."""
    rechtsfolgen: Rechtsfolge | None = attrs.field(
        default=None, validator=p.optional(p.ist_instanz(Rechtsfolge, "eine Rechtsfolge"))
    )
    """What the RFB must announce (present exactly when `rfb` is true)."""

    @property
    def rfb(self) -> bool:
        """True exactly when the mode is not `ohne_rfb`."""
        return self.modus is not Modus.OHNE_RFB

    @property
    def ueberpruefung_ueberfaellig(self) -> bool:
        """True only when the Stichtag is after the review date."""
        return (
            self.naechste_ueberpruefung is not None and self.stichtag > self.naechste_ueberpruefung
        )

    @property
    def regel(self) -> str:
        """The id of the rule that decided the mode."""
        return self.gruende[0].regel

    def __str__(self) -> str:
        """One line: case, request, mode, phase, and the deciding rule with its norm."""
        return darstellung.entscheidung_kurz(self)

    def als_text(self) -> str:
        """The decision explained as plain text (German, as its reasons and notes)."""
        return darstellung.entscheidung_text(self)

    def als_markdown(self) -> str:
        """The decision explained as Markdown."""
        return darstellung.entscheidung_markdown(self)

    def als_dict(self) -> dict[str, Any]:
        """The contract's JSON object (`kooplan/entscheidung/1`), as
        `kooplan.vertrag.entscheidung_als_dict` gives it."""
        return ausgabe.entscheidung_als_dict(self)

    def _repr_html_(self) -> str:  # Jupyter
        return darstellung.entscheidung_html(self)


def _pruefe_argumente(
    anliegen: Anliegen | str, stichtag: dt.date, faellig: dt.date | None
) -> tuple[Anliegen, dt.date]:
    anliegen = als_anliegen(anliegen)
    p.pruefe_tag_argument("stichtag", stichtag)
    if faellig is not None:  # optional: the Stichtag
        p.pruefe_tag_argument("faellig", faellig)
    if faellig is None:
        faellig = stichtag
    elif faellig < stichtag:
        raise UngueltigeEingabe("'faellig' darf nicht vor dem Stichtag liegen.", ort="faellig")
    return anliegen, faellig


def entscheide(
    fall: Fall,
    anliegen: Anliegen | str,
    stichtag: dt.date,
    faellig: dt.date | None = None,
    policy: Policy = STANDARD,
) -> Entscheidung:
    """Decide how `anliegen` is to be communicated in `fall` on `stichtag`.

    Events dated on the Stichtag are applied; later ones are not.

    Args:
        fall: the case.
        anliegen: what is to be sent, as member or as its contract value (`"massnahme"`).
        stichtag: the day the letter is sent; it chooses the rules of communication.
        faellig: the day the action or meeting is due (default: the Stichtag; not before it);
            it chooses the law of the Rechtsfolgen.
        policy: the defaults of guidance and practice (docs/fachliches.md section 4).

    Returns:
        The decision, with its reasons, notes and, when the mode is not `ohne_rfb`, what the RFB
        must announce.

    Raises:
        RechtsstandNichtAbgedeckt: a Stichtag before 1.7.2023, or an old
            Eingliederungsvereinbarung still governs.
        UnzulaessigerUebergang: an event the case's phase does not allow (an inconsistent
            history).
        KeinLeistungsbezug: the benefit receipt has ended.
        UngueltigeEingabe: a bad argument. Every error names the case.
    """
    if not isinstance(fall, Fall):
        raise UngueltigeEingabe("'fall' muss ein kooplan.Fall sein.")
    try:
        anliegen, faellig_ = _pruefe_argumente(anliegen, stichtag, faellig)
        pruefe_person(None, fall.geburtsdatum, stichtag)  # the Fall checked the kinds
        if not isinstance(policy, Policy):
            raise UngueltigeEingabe("'policy' muss eine kooplan.Policy sein.", ort="policy")
        rechtsstand_am(stichtag)
        zustand = falte(fall, stichtag)
        return _entscheide_zustand(
            zustand,
            anliegen,
            stichtag,
            faellig_,
            policy,
            fall=fall.fall,
            faellig_gegeben=faellig is not None,
            daten=_Falldaten(
                fall.regelbedarfsstufe,
                fall.geburtsdatum,
                fall.land,
                fall.bewilligungszeitraum_ende,
                fall.bekanntgabe,
            ),
        )
    except KooplanError as err:
        raise err.mit_fall(fall.fall) from None


def entscheide_zustand(
    zustand: Zustand,
    anliegen: Anliegen | str,
    stichtag: dt.date,
    faellig: dt.date | None = None,
    policy: Policy = STANDARD,
    *,
    fall: str = "unbekannt",
    faellig_gegeben: bool | None = None,
    regelbedarfsstufe: int | None = None,
    geburtsdatum: dt.date | None = None,
    land: str | None = None,
    bewilligungszeitraum_ende: dt.date | None = None,
    bekanntgabe: Bekanntgabeart | None = None,
) -> Entscheidung:
    """Decide on an already folded state (the state must be folded up to `stichtag`).

    The case data (`regelbedarfsstufe` … `bekanntgabe`) are those of `kooplan.Fall`.
    Every argument is checked as in `entscheide`; a wrong one is an
    `UngueltigeEingabe` naming it (`ort`)."""
    if not isinstance(zustand, Zustand):
        raise UngueltigeEingabe(
            "'zustand' muss ein kooplan.Zustand sein (aus kooplan.falte).", ort="zustand"
        )
    anliegen_, faellig_ = _pruefe_argumente(anliegen, stichtag, faellig)
    if not isinstance(policy, Policy):
        raise UngueltigeEingabe("'policy' muss eine kooplan.Policy sein.", ort="policy")
    if faellig_gegeben is not None and not isinstance(faellig_gegeben, bool):
        raise UngueltigeEingabe(
            "'faellig_gegeben' muss true oder false sein.", ort="faellig_gegeben"
        )
    pruefe_person(
        regelbedarfsstufe,
        geburtsdatum,
        stichtag,
        land=land,
        bewilligungszeitraum_ende=bewilligungszeitraum_ende,
        bekanntgabe=bekanntgabe,
    )
    return _entscheide_zustand(
        zustand,
        anliegen_,
        stichtag,
        faellig_,
        policy,
        fall=fall,
        faellig_gegeben=faellig is not None if faellig_gegeben is None else faellig_gegeben,
        daten=_Falldaten(
            regelbedarfsstufe, geburtsdatum, land, bewilligungszeitraum_ende, bekanntgabe
        ),
    )


def entscheide_stichtage(
    fall: Fall,
    anliegen: Anliegen | str,
    stichtage: Iterable[dt.date],
    policy: Policy = STANDARD,
) -> Iterator[Entscheidung | KooplanError]:
    """Decide `anliegen` in `fall` at each of `stichtage`, folding the case's events once.

    The value for a Stichtag is what `entscheide(fall, anliegen, stichtag, policy=policy)`
    returns, or the `KooplanError` it raises (naming the case), one per Stichtag in their
    order, as a generator. The Stichtage must not decrease; the fold passes each of them on its
    way (`kooplan.motor.phasen.falte_stichtage`).

    Raises:
        UngueltigeEingabe: at once, for a `fall` that is no `Fall`, an unknown Anliegen or a
            policy that is no `Policy`; while the values are taken, for a Stichtag that is no
            date, lies after 31.12.2099 or comes before the one before it. Each names the case
            as `entscheide` does.

    Examples:
        >>> import datetime as dt
        >>> from kooplan import Fall, PlanErstellt, PlanGescheitert
        >>> fall = Fall("JC-1", [PlanErstellt(am=dt.date(2024, 1, 15)),
        ...                      PlanGescheitert(am=dt.date(2024, 3, 1))])
        >>> tage = [dt.date(2024, 1, 31), dt.date(2024, 3, 31)]
        >>> [e.modus.value for e in entscheide_stichtage(fall, "massnahme", tage)]
        ['ohne_rfb', 'mit_rfb']
    """
    if not isinstance(fall, Fall):
        raise UngueltigeEingabe("'fall' muss ein kooplan.Fall sein.")
    try:  # the checks of `entscheide`, naming the case as it does
        anliegen_ = als_anliegen(anliegen)
        if not isinstance(policy, Policy):
            raise UngueltigeEingabe("'policy' muss eine kooplan.Policy sein.", ort="policy")
    except KooplanError as err:
        raise err.mit_fall(fall.fall) from None
    return _entscheide_stichtage(fall, anliegen_, stichtage, policy)


def _entscheide_stichtage(
    fall: Fall, anliegen: Anliegen, stichtage: Iterable[dt.date], policy: Policy
) -> Iterator[Entscheidung | KooplanError]:
    tage: list[dt.date] = []

    def gesehen() -> Iterator[dt.date]:  # the fold checks each Stichtag and their order
        for tag in stichtage:
            tage.append(tag)
            yield tag

    daten = _Falldaten(
        fall.regelbedarfsstufe,
        fall.geburtsdatum,
        fall.land,
        fall.bewilligungszeitraum_ende,
        fall.bekanntgabe,
    )
    zustaende = falte_stichtage(fall, gesehen())
    while True:
        try:
            zustand = next(zustaende)
        except StopIteration:
            return
        except KooplanError as err:  # a bad Stichtag or order: an argument error, naming the case
            raise err.mit_fall(fall.fall) from None
        stichtag = tage[-1]
        # the checks of `entscheide`, in its order, before its fold
        wert: Entscheidung | KooplanError
        try:
            pruefe_person(None, fall.geburtsdatum, stichtag)
            rechtsstand_am(stichtag)
            wert = (
                zustand
                if isinstance(zustand, KooplanError)
                else _entscheide_zustand(
                    zustand,
                    anliegen,
                    stichtag,
                    stichtag,
                    policy,
                    fall=fall.fall,
                    faellig_gegeben=False,
                    daten=daten,
                )
            )
        except KooplanError as err:
            wert = err.mit_fall(fall.fall)
        yield wert


@attrs.frozen
class _Falldaten:
    """The case data beside the events that the Rechtsfolgen read."""

    regelbedarfsstufe: int | None = None
    geburtsdatum: dt.date | None = None
    land: str | None = None
    bewilligungszeitraum_ende: dt.date | None = None
    bekanntgabe: Bekanntgabeart | None = None


def _entscheide_zustand(
    zustand: Zustand,
    anliegen: Anliegen,
    stichtag: dt.date,
    faellig: dt.date,
    policy: Policy,
    *,
    fall: str,
    faellig_gegeben: bool,
    daten: _Falldaten,
) -> Entscheidung:
    """`entscheide_zustand` on checked arguments (`faellig` given or the Stichtag)."""
    rs = rechtsstand_am(stichtag)
    regime = rs.regime
    z = zustand
    ev_bis = rs.eingliederungsvereinbarung_bis
    if z.alte_ev_am is not None and ev_bis is not None and stichtag <= ev_bis:
        raise RechtsstandNichtAbgedeckt(
            "Eine Eingliederungsvereinbarung aus der Zeit vor dem 1.7.2023 gilt noch: Bis zum "
            "ersten Kooperationsplan, längstens bis 31.12.2023, ist § 15 SGB II in der bis "
            "30.6.2023 geltenden Fassung anzuwenden, den kooplan nicht abdeckt.",
            norm="§ 65 Abs. 4 SGB II a.F.",
        )
    if z.phase is Phase.BEENDET:
        raise KeinLeistungsbezug(
            "Der Leistungsbezug ist beendet; es gibt keine Aufforderung zur Mitwirkung zu "
            "entscheiden.",
        )
    schluessel = (regime, z.phase, anliegen)
    plan = _PLAENE[schluessel]
    wahl = tuple(getattr(policy, k) for k in plan.policy_schluessel)
    fakten = tuple([fakt(z, anliegen, stichtag, faellig, policy) for fakt in _FAKTEN[schluessel]])
    gedaechtnis = (rs.id, schluessel, wahl, fakten)
    teil = _TABELLE.get(gedaechtnis)
    if teil is None:
        teil = _tabelle_direkt(plan, regime, z, anliegen, stichtag, faellig, policy)
        ablegen(_TABELLE, gedaechtnis, teil, _TABELLE_HOECHSTENS)
    modus, gruende, codes, tabellen_hinweise = teil
    hinweise: list[Hinweis] = [h for h in z.hinweise if h.gilt_am(stichtag)]
    if "policy.schlichtung_hoechstzahl" in codes:
        hinweise = [h for h in hinweise if h.code != "b.plan_gescheitert.schlichtung"]
    hinweise += tabellen_hinweise
    hinweise += _rechtsstand_hinweise(rs.id, stichtag, faellig, faellig_gegeben, modus)
    if (
        z.plan is not None
        and z.phase in _MIT_PLAN
        and len(z.plan.schritte) > policy.plan_max_schritte
    ):
        hinweise.append(hinweis("plan.sehr_lang"))

    folgen = None
    if modus is not Modus.OHNE_RFB:
        folgen, rf_codes = rechtsfolge_geprueft(
            z,
            anliegen.value,
            stichtag,
            faellig,
            faellig_gegeben=faellig_gegeben,
            regelbedarfsstufe=daten.regelbedarfsstufe,
            geburtsdatum=daten.geburtsdatum,
            land=daten.land,
            bewilligungszeitraum_ende=daten.bewilligungszeitraum_ende,
            bekanntgabe=daten.bekanntgabe,
            policy=policy,
        )
        hinweise += [hinweis(c) for c in rf_codes]
    pruefung = (
        naechste_ueberpruefung(z.plan_am)
        if z.plan_am is not None and z.phase in _MIT_PLAN
        else None
    )
    if pruefung is not None and stichtag > pruefung:
        hinweise.append(hinweis("ueberpruefung.ueberfaellig"))
    return _entscheidung_aus_geprueftem(
        fall,
        stichtag,
        faellig,
        rs,
        anliegen,
        z.phase,
        modus,
        gruende,
        tuple(_ohne_doppelte(hinweise)),
        pruefung,
        folgen,
    )


_NEU = Entscheidung.__new__
_SETZEN = object.__setattr__


def _entscheidung_aus_geprueftem(
    fall: str,
    stichtag: dt.date,
    faellig: dt.date,
    rechtsstand: Rechtsstand,
    anliegen: Anliegen,
    phase: Phase,
    modus: Modus,
    gruende: tuple[Grund, ...],
    hinweise: tuple[Hinweis, ...],
    naechste_ueberpruefung: dt.date | None,
    rechtsfolgen: Rechtsfolge | None,
) -> Entscheidung:
    """The decision from values that are valid already: the arguments were checked by
    `entscheide_zustand` (or came from a validated `Fall`), the rest are rows of the law tables
    and values the engine built with their own validators. Running `Entscheidung`'s validators
    once more was a third of the time of a decision (benchmarks/bench_kern.py); a property test
    holds every decision built here to `attrs.validate` and to the validated constructor
    (tests/test_entscheidung_aufbau.py)."""
    e = _NEU(Entscheidung)
    _SETZEN(e, "fall", fall)
    _SETZEN(e, "stichtag", stichtag)
    _SETZEN(e, "faellig", faellig)
    _SETZEN(e, "rechtsstand", rechtsstand)
    _SETZEN(e, "anliegen", anliegen)
    _SETZEN(e, "phase", phase)
    _SETZEN(e, "modus", modus)
    _SETZEN(e, "gruende", gruende)
    _SETZEN(e, "hinweise", hinweise)
    _SETZEN(e, "naechste_ueberpruefung", naechste_ueberpruefung)
    _SETZEN(e, "rechtsfolgen", rechtsfolgen)
    return e


assert tuple(inspect.signature(_entscheidung_aus_geprueftem).parameters) == tuple(
    f.name for f in attrs.fields(Entscheidung)
), "_entscheidung_aus_geprueftem sets every field of Entscheidung"


_Teil = tuple[Modus, tuple[Grund, ...], frozenset[str], tuple[Hinweis, ...]]
_TABELLE: dict[tuple[Any, ...], _Teil] = {}
"""What the rule tables answer (mode, reasons, codes and notes of the rows), keyed by the
Rechtsstand, (regime, phase, Anliegen), the policy fields the rows choose the mode by and the
facts of exactly the conditions in those rows (`_PLAENE`): everything the answer reads."""
_TABELLE_HOECHSTENS: Final = 65536
# Saves 4.5 µs per case (3.5 %; ratio 1.035, rounds 0.91-1.08 on a busy machine) on the standard
# corpus, benchmarks/caches.py --n 3000 --runden 5 (one lookup per case, 99.9 % hit), and 8.1 µs
# (6.2 %; 1.062, 0.96-1.16) on the same cases with --anliegen einladung --stichtag 2026-07-01.
anmelden("entscheidung.tabelle", _TABELLE)


def _tabelle_direkt(
    plan: Schluesselplan,
    regime: Regime,
    z: Zustand,
    anliegen: Anliegen,
    stichtag: dt.date,
    faellig: dt.date,
    policy: Policy,
) -> _Teil:
    """The answer of the tables for one question, each condition evaluated on the state."""

    def gilt(lage: Lage, modus: Modus | None, regel: Regel | None) -> bool:
        b = _LAGEN[lage]
        return b.test(b.fakt(z, anliegen, stichtag, faellig, policy), modus, regel)

    regel = next(
        (r for r in plan.regeln if r.lage is None or gilt(r.lage, None, None)),
        None,
    )
    if regel is None:  # pragma: no cover - the tables are complete (tested exhaustively)
        raise AssertionError(f"keine Regel für {regime}, {z.phase}, {anliegen}")
    modus = regel.modus if isinstance(regel.modus, Modus) else regel.modus.modus(policy)
    gruende = (Grund(regel.id, regel.norm(regime), regel.quelle, regel.text),)
    codes: list[str] = list(regel.hinweise)
    for hr in plan.hinweis_regeln:
        if hr.nach_regel is not None and hr.nach_regel != regel.id:
            continue
        if all(gilt(lage, modus, regel) for lage in hr.lagen):
            codes.append(hr.code)
    return modus, gruende, frozenset(codes), tuple(hinweis(c) for c in codes)


_MIT_PLAN: Final = frozenset({Phase.KOOPERATION, Phase.MITWIRKUNG_EINGEFORDERT, Phase.SCHLICHTUNG})


def _rechtsstand_hinweise(
    rs_id: str, stichtag: dt.date, faellig: dt.date, gegeben: bool, modus: Modus
) -> tuple[Hinweis, ...]:
    """The notes on the Rechtsstand that depend on the days."""
    out: list[Hinweis] = []
    if modus is not Modus.OHNE_RFB:
        if gegeben and rechtsstand_am(faellig).id != rs_id:
            out.append(hinweis("rechtsstand.wechsel_bis_faelligkeit"))
        elif not gegeben:
            bis = plus_monate(stichtag, 3)
            if any(stichtag < g <= bis for g in alle_grenzen()):
                out.append(hinweis("rechtsstand.wechsel_absehbar"))
    codes = rechtsstand_nach_id(rs_id).hinweise_am(stichtag)
    if faellig != stichtag:
        codes += rechtsstand_am(faellig).hinweise_am(faellig)
    out += [hinweis(c) for c in dict.fromkeys(codes)]
    return tuple(out)


def _ohne_doppelte(hinweise: list[Hinweis]) -> list[Hinweis]:
    seen: set[str] = set()
    out = []
    for h in hinweise:
        if h.code not in seen:
            seen.add(h.code)
            out.append(h)
    return out
