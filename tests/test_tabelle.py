"""Exhaustive tests of the transition table (docs/fachliches.md section 3) against ``kooplan.UEBERGAENGE``.

The expectations are written here from the domain rules (docs/fachliches.md section 3), independently of the library's table:

* :data:`SOLL_PAARE` lists, per phase, the event arts section 3's table names for it (legal under
  some condition); every other (phase, art) pair must raise ``UnzulaessigerUebergang``.
* :func:`erwartet` says, for a start state and one event, the phase and the outstanding kinds
  section 3 prescribes, or ``None`` for an illegal event.
* :data:`STARTS` are minimal histories that reach every phase (some with something outstanding,
  one after the automatic end of a Schlichtung), so every row and condition can be exercised.

Every (phase, event art, variant) combination is applied to every start state of that phase; the
rows the library took are collected through :func:`kooplan.verlauf`, and every row of the table
must be taken from every phase it names.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import deque
from collections.abc import Iterator, Mapping

import attrs
import pytest

import kooplan
from kooplan import (
    ARTEN,
    UEBERGAENGE,
    BereitschaftErklaert,
    Eingliederungsvereinbarung,
    EinladungVersandt,
    Ereignis,
    Fall,
    LeistungsbezugAufgenommen,
    LeistungsbezugBeendet,
    MinderungFestgestellt,
    Minderungsgrund,
    Mitwirkung,
    MitwirkungErbracht,
    MitwirkungUnterblieben,
    PersoenlichGemeldet,
    Phase,
    PlanErstellt,
    PlanFortgeschrieben,
    PlanGescheitert,
    SchlichtungBeendet,
    SchlichtungBegonnen,
    TerminVersaeumt,
    TerminWahrgenommen,
    UnzulaessigerUebergang,
    VerlangtVon,
    WichtigerGrundNachgewiesen,
    Zustand,
    falte,
    schritt,
    verlauf,
)
from kooplan.ereignisse import HaerteFestgestellt, MinderungAufgehoben
from kooplan.phasen import Ziel, zeitschritte
from test_schlichtung_ende import ZEIT_FAELLE

E, K, M, S, O, B = (
    Phase.ERSTKONTAKT,
    Phase.KOOPERATION,
    Phase.MITWIRKUNG_EINGEFORDERT,
    Phase.SCHLICHTUNG,
    Phase.OHNE_PLAN,
    Phase.BEENDET,
)
MASSNAHME, VERMITTLUNG, EIGEN = (
    Mitwirkung.MASSNAHME,
    Mitwirkung.VERMITTLUNGSVORSCHLAG,
    Mitwirkung.EIGENBEMUEHUNGEN,
)
#: 1.7.2026: § 15a a.F. repealed, regime C begins.
C_AB = dt.date(2026, 7, 1)
#: The day every test event happens: a Monday in regime B.
TAG = dt.date(2024, 5, 6)
TERMINE = ("einladung_versandt", "termin_versaeumt", "termin_wahrgenommen")

# -- docs/fachliches.md section 3, written down as data -------------------------------------------------------

_MITWIRKUNG_ARTEN = {"mitwirkung_unterblieben", "mitwirkung_erbracht", "bereitschaft_erklaert"}
#: "any | minderung_festgestellt, wichtiger_grund_nachgewiesen | unchanged (recorded; also after
#: beendet)". docs/vertrag.md adds two findings of the same kind for the Rechtsfolgen release,
#: ``minderung_aufgehoben`` and ``haerte_festgestellt`` (section 6: early end, Härte); section 3 predates
#: them, and they are read here like ``minderung_festgestellt``: recorded in every phase.
_FESTSTELLUNGEN = {"minderung_festgestellt", "minderung_aufgehoben", "haerte_festgestellt"}
_IMMER = {*_FESTSTELLUNGEN, "wichtiger_grund_nachgewiesen"}
#: A personal report at the Jobcenter (§ 7b Abs. 4 Satz 3, 5 SGB II n.F.) is recorded like a kept
#: meeting: in every phase but ``beendet``, phase unchanged.
_MELDUNG = {"persoenlich_gemeldet"}
_AKTIV = {
    *TERMINE,
    *_MELDUNG,
    "leistungsbezug_beendet",
    "plan_gescheitert",
    "plan_erstellt",
    *_IMMER,
}

#: The event arts section 3's table names for each phase ("any pair not listed is illegal").
SOLL_PAARE: Mapping[Phase, frozenset[str]] = {
    E: frozenset(
        _AKTIV
        | _MITWIRKUNG_ARTEN
        | {"eingliederungsvereinbarung", "leistungsbezug_aufgenommen", "schlichtung_begonnen"}
    ),
    K: frozenset(
        _AKTIV
        | {"plan_fortgeschrieben", "schlichtung_begonnen", "mitwirkung_unterblieben"}
        | {"bereitschaft_erklaert"}
    ),
    M: frozenset(_AKTIV | _MITWIRKUNG_ARTEN | {"plan_fortgeschrieben", "schlichtung_begonnen"}),
    S: frozenset(_AKTIV | _MITWIRKUNG_ARTEN | {"plan_fortgeschrieben", "schlichtung_beendet"}),
    O: frozenset(
        _AKTIV
        | _MITWIRKUNG_ARTEN
        | {"plan_fortgeschrieben", "schlichtung_begonnen", "schlichtung_beendet"}
    ),
    B: frozenset(_IMMER | {"leistungsbezug_aufgenommen"}),
}

Offen = Mapping[Mitwirkung, tuple[str | None, ...]]


@attrs.frozen
class Start:
    """A minimal history and the state section 3 says it reaches on :data:`TAG`."""

    name: str
    ereignisse: tuple[Ereignis, ...]
    phase: Phase
    #: Outstanding kinds and the ids of the events that caused them.
    offen: Offen = attrs.field(factory=dict)
    #: Some event of the benefit period has happened (leistungsbezug_aufgenommen is then illegal).
    zeitraum_begonnen: bool = True
    #: The phase is ohne_plan after the automatic end of a Schlichtung.
    nach_auto_ende: bool = False

    def fall(self, *mehr: Ereignis) -> Fall:
        return Fall(f"T-{self.name}", (*self.ereignisse, *mehr))

    def zustand(self) -> Zustand:
        return falte(self.fall(), TAG)

    def ids(self, *arten: str) -> tuple[str, ...]:
        """The ids of the history's events of ``arten`` (what a bezug may name)."""
        return tuple(e.id for e in self.ereignisse if e.id is not None and e.art in arten)


def _tag(n: int) -> dt.date:
    return TAG - dt.timedelta(days=n)


_T0 = TerminVersaeumt(am=_tag(30), wichtiger_grund=True, id="t0")
_MF = MinderungFestgestellt(
    am=_tag(28), grund=Minderungsgrund.MELDEVERSAEUMNIS, prozent=10, beginn=_tag(0), id="mf0"
)
_PLAN = PlanErstellt(am=_tag(20))
_M1 = MitwirkungUnterblieben(am=_tag(15), mitwirkung=MASSNAHME, wichtiger_grund=False, id="m1")
_M2 = MitwirkungUnterblieben(am=_tag(14), mitwirkung=EIGEN, wichtiger_grund=False, id="m2")
_SB = SchlichtungBegonnen(am=_tag(10), verlangt_von=VerlangtVon.JOBCENTER)

STARTS: tuple[Start, ...] = (
    Start("erstkontakt_leer", (), E, zeitraum_begonnen=False),
    Start("erstkontakt", (_T0, _MF), E),
    Start("erstkontakt_offen", (_T0, _MF, _M1), E, {MASSNAHME: ("m1",)}),
    Start("kooperation", (_T0, _MF, _PLAN), K),
    Start("mitwirkung_eingefordert", (_T0, _MF, _PLAN, _M1), M, {MASSNAHME: ("m1",)}),
    Start(
        "mitwirkung_eingefordert_zwei",
        (_T0, _MF, _PLAN, _M1, _M2),
        M,
        {MASSNAHME: ("m1",), EIGEN: ("m2",)},
    ),
    Start("schlichtung", (_T0, _MF, _SB), S),
    Start("schlichtung_offen", (_T0, _MF, _PLAN, _M1, _SB), S, {MASSNAHME: ("m1",)}),
    Start("ohne_plan", (_T0, _MF, PlanGescheitert(am=_tag(10))), O),
    Start(
        "ohne_plan_offen",
        (_T0, _MF, _PLAN, _M1, PlanGescheitert(am=_tag(10))),
        O,
        {MASSNAHME: ("m1",)},
    ),
    Start(
        "ohne_plan_nach_schlichtung",
        # begun 40 days ago: the four weeks ran out 11 days ago
        (_T0, _MF, SchlichtungBegonnen(am=_tag(40), verlangt_von=VerlangtVon.BEIDE)),
        O,
        nach_auto_ende=True,
    ),
    Start("beendet", (_T0, _MF, LeistungsbezugBeendet(am=_tag(10))), B),
)


def erwartet(start: Start, e: Ereignis) -> tuple[Phase, Offen] | None:
    """docs/fachliches.md section 3: the phase and outstanding kinds after ``e``, or None if it is illegal."""
    p, offen, art = start.phase, dict(start.offen), e.art

    def ergebnis(phase: Phase, offen_neu: Offen) -> tuple[Phase, Offen]:
        # "Every transition into kooperation leaves nothing outstanding"
        return phase, ({} if phase is K else offen_neu)

    if art in _FESTSTELLUNGEN:
        return ergebnis(p, offen)
    if isinstance(e, WichtigerGrundNachgewiesen):
        # the named event counts as excused; an outstanding kind it alone caused is cleared
        rest = {k: tuple(i for i in ids if i != e.bezug) for k, ids in offen.items()}
        rest = {k: ids for k, ids in rest.items() if ids}
        return ergebnis(K if p is M and not rest else p, rest)
    if p is B:
        return (E, {}) if art == "leistungsbezug_aufgenommen" else None
    if art == "leistungsbezug_beendet":
        return ergebnis(B, offen)
    if art in TERMINE or art in _MELDUNG:
        return ergebnis(p, offen)
    if art == "eingliederungsvereinbarung":
        return ergebnis(p, offen) if p is E else None
    if art == "leistungsbezug_aufgenommen":
        return ergebnis(p, offen) if p is E and not start.zeitraum_begonnen else None
    if art == "plan_erstellt":
        return ergebnis(K, {})
    if art == "plan_fortgeschrieben":
        return None if p is E else ergebnis(K, {})
    if art == "plan_gescheitert":
        return ergebnis(O, offen)  # keeps what is outstanding
    if isinstance(e, SchlichtungBegonnen):
        # keeps what is outstanding; B only
        return ergebnis(S, offen) if p is not S and e.am < C_AB else None
    if isinstance(e, SchlichtungBeendet):
        if p is S:
            return ergebnis(K, {}) if e.einigung else ergebnis(O, offen)
        return ergebnis(O, offen) if p is O and start.nach_auto_ende else None
    if isinstance(e, MitwirkungUnterblieben):
        if e.wichtiger_grund:
            return ergebnis(p, offen)
        neu = {**offen, e.mitwirkung: (*offen.get(e.mitwirkung, ()), e.id)}
        return ergebnis(M if p in (K, M) else p, neu)
    if isinstance(e, MitwirkungErbracht):
        if not offen or (e.mitwirkung is not None and e.mitwirkung not in offen):
            return None  # nothing (of that kind) was demanded: an inconsistent history
        rest = (
            {}
            if e.mitwirkung is None
            else {k: v for k, v in offen.items() if k is not e.mitwirkung}
        )
        return ergebnis(K if p is M and not rest else p, rest)
    if art == "bereitschaft_erklaert":
        return ergebnis(K if p is M else p, {})
    raise AssertionError(art)


# -- every event variant, for every start state --------------------------------------------------


def varianten(art: str, start: Start, am: dt.date = TAG) -> Iterator[tuple[str, Ereignis]]:
    """Every variant of an event of ``art`` that matters for section 3, dated ``am``."""
    if art == "einladung_versandt":
        yield "", EinladungVersandt(am=am, rfb=False)
    elif art == "termin_versaeumt":
        for wg in (False, True):
            yield f"wg={wg}", TerminVersaeumt(am=am, wichtiger_grund=wg, id="t9")
    elif art == "termin_wahrgenommen":
        yield "", TerminWahrgenommen(am=am)
    elif art == "persoenlich_gemeldet":
        yield "", PersoenlichGemeldet(am=am)
    elif art == "plan_erstellt":
        yield "", PlanErstellt(am=am)
    elif art == "plan_fortgeschrieben":
        yield "", PlanFortgeschrieben(am=am)
    elif art == "plan_gescheitert":
        yield "", PlanGescheitert(am=am)
    elif art == "schlichtung_begonnen":
        yield "", SchlichtungBegonnen(am=am, verlangt_von=VerlangtVon.LEISTUNGSBERECHTIGTE)
    elif art == "schlichtung_beendet":
        for einigung in (True, False):
            yield f"einigung={einigung}", SchlichtungBeendet(am=am, einigung=einigung)
    elif art == "mitwirkung_unterblieben":
        for kind, wg in itertools.product((MASSNAHME, VERMITTLUNG), (False, True)):
            yield (
                f"{kind.value},wg={wg}",
                MitwirkungUnterblieben(am=am, mitwirkung=kind, wichtiger_grund=wg, id="m9"),
            )
    elif art == "mitwirkung_erbracht":
        for kind in (None, *Mitwirkung):
            yield (kind.value if kind else "alle"), MitwirkungErbracht(am=am, mitwirkung=kind)
    elif art == "bereitschaft_erklaert":
        yield "", BereitschaftErklaert(am=am)
    elif art == "wichtiger_grund_nachgewiesen":
        for bezug in start.ids("termin_versaeumt", "mitwirkung_unterblieben"):
            yield f"bezug={bezug}", WichtigerGrundNachgewiesen(am=am, bezug=bezug)
    elif art == "minderung_aufgehoben":
        for bezug in start.ids("minderung_festgestellt"):
            yield f"bezug={bezug}", MinderungAufgehoben(am=am, bezug=bezug)
    elif art == "haerte_festgestellt":
        yield "", HaerteFestgestellt(am=am)
        for bezug in start.ids("minderung_festgestellt"):
            yield f"bezug={bezug}", HaerteFestgestellt(am=am, bezug=bezug)
    elif art == "minderung_festgestellt":
        yield (
            "",
            MinderungFestgestellt(
                am=am,
                grund=Minderungsgrund.PFLICHTVERLETZUNG,
                prozent=10,
                beginn=dt.date(am.year + am.month // 12, am.month % 12 + 1, 1),
            ),
        )
    elif art == "eingliederungsvereinbarung":
        # only before 1.7.2023; applied to the folded state with schritt (a Fall would fold it
        # first, by date)
        yield "", Eingliederungsvereinbarung(am=dt.date(2023, 5, 2))
    elif art == "leistungsbezug_beendet":
        yield "", LeistungsbezugBeendet(am=am)
    elif art == "leistungsbezug_aufgenommen":
        yield "", LeistungsbezugAufgenommen(am=am)
    # a new art yields nothing: test_every_event_art_has_variants names it


@attrs.frozen
class Fallbeispiel:
    start: Start
    art: str
    variante: str
    ereignis: Ereignis

    @property
    def id(self) -> str:
        return f"{self.start.name}+{self.art}" + (f"({self.variante})" if self.variante else "")

    @property
    def per_fall(self) -> bool:
        """Whether the event can be appended to the case (it does not lie before the history)."""
        return all(e.am <= self.ereignis.am for e in self.start.ereignisse)


FALLBEISPIELE: tuple[Fallbeispiel, ...] = tuple(
    Fallbeispiel(start, art, name, e)
    for start in STARTS
    for art in ARTEN
    for name, e in varianten(art, start)
)


def _anwenden(b: Fallbeispiel) -> Zustand:
    z = b.start.zustand()
    return schritt(zeitschritte(z, b.ereignis.am), b.ereignis, len(b.start.ereignisse))


def _bibliothek_paare() -> set[tuple[Phase, str]]:
    return {(p, a) for row in UEBERGAENGE for p in row.von for a in row.ausloeser if a in ARTEN}


# -- the tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("start", STARTS, ids=lambda s: s.name)
def test_minimal_history_reaches_its_phase(start: Start) -> None:
    z = start.zustand()
    assert z.phase is start.phase
    assert z.offene_arten == set(start.offen)


def test_the_table_lists_exactly_the_pairs_of_the_domain_rules() -> None:
    soll = {(p, a) for p, arten in SOLL_PAARE.items() for a in arten}
    assert _bibliothek_paare() == soll


def test_every_event_art_has_variants() -> None:
    ohne = [a for a in ARTEN if not any(b.art == a for b in FALLBEISPIELE)]
    assert not ohne, f"new event arts: add them to SOLL_PAARE and varianten(): {ohne}"


def test_the_table_knows_every_event_art_and_phase() -> None:
    assert {a for row in UEBERGAENGE for a in row.ausloeser if not a.startswith("zeit:")} == set(
        ARTEN
    )
    assert {p for row in UEBERGAENGE for p in row.von} == set(Phase)


@pytest.mark.parametrize("b", FALLBEISPIELE, ids=lambda b: b.id)
def test_transition_as_the_domain_rules_say(b: Fallbeispiel) -> None:
    soll = erwartet(b.start, b.ereignis)
    z = b.start.zustand()
    position = len(b.start.ereignisse)
    if soll is None:
        vorher = attrs.evolve(z)
        with pytest.raises(UnzulaessigerUebergang) as info:
            schritt(z, b.ereignis, position)
        assert z == vorher, "an illegal event must change nothing"
        err = info.value
        assert err.code == "unzulaessiger_uebergang"
        # names the phase, the event, the day and the position
        assert f"'{b.start.phase.value}'" in err.meldung
        assert f"'{b.art}'" in err.meldung
        am = b.ereignis.am
        assert am.isoformat() in err.meldung or f"{am:%d.%m.%Y}" in err.meldung
        assert err.ort == f"ereignisse[{position}]"
        if b.per_fall:
            with pytest.raises(UnzulaessigerUebergang) as info2:
                falte(b.start.fall(b.ereignis), TAG)
            assert info2.value.ort == f"ereignisse[{position}]"
            assert info2.value.fall == b.start.fall().fall
        return
    phase, offen = soll
    neu = _anwenden(b)
    assert neu.phase is phase
    assert neu.offene_arten == set(offen)
    if b.per_fall:
        assert falte(b.start.fall(b.ereignis), TAG) == neu
        letzter = verlauf(b.start.fall(b.ereignis), TAG)[-1]
        assert (letzter.von, letzter.ausloeser, letzter.nach) == (b.start.phase, b.art, phase)
        assert b.start.phase in letzter.regel.von and b.art in letzter.regel.ausloeser


@pytest.mark.parametrize(
    ("phase", "art"),
    sorted(set(itertools.product(Phase, ARTEN)) - _bibliothek_paare(), key=str),
    ids=str,
)
def test_every_pair_not_in_the_table_is_illegal(phase: Phase, art: str) -> None:
    beispiele = [b for b in FALLBEISPIELE if b.start.phase is phase and b.art == art]
    assert beispiele, "every phase has a start state and every art its variants"
    for b in beispiele:
        z = b.start.zustand()
        with pytest.raises(UnzulaessigerUebergang):
            schritt(zeitschritte(z, b.ereignis.am), b.ereignis, len(b.start.ereignisse))


def test_illegal_pairs_by_condition() -> None:
    """Pairs in the table that are illegal when their condition fails (section 3)."""
    leer = STARTS[0]
    for start in STARTS:
        z = start.zustand()
        faelle: list[Ereignis] = []
        if not start.offen:  # mitwirkung_erbracht when nothing is outstanding
            faelle.append(MitwirkungErbracht(am=TAG))
        for kind in set(Mitwirkung) - set(start.offen):  # ... or naming another kind
            faelle.append(MitwirkungErbracht(am=TAG, mitwirkung=kind))
        if start is not leer:  # leistungsbezug_aufgenommen after another event of the period
            faelle.append(LeistungsbezugAufgenommen(am=TAG))
        for e in faelle:
            if start.phase is not B and erwartet(start, e) is None:
                with pytest.raises(UnzulaessigerUebergang):
                    schritt(z, e)
    # schlichtung_begonnen on or after 1.7.2026: no legal basis
    for phase in (E, K, M, O):
        start = next(s for s in STARTS if s.phase is phase)
        for am in (C_AB, dt.date(2027, 1, 4)):
            z = zeitschritte(falte(start.fall(), am), am)
            with pytest.raises(UnzulaessigerUebergang):
                schritt(z, SchlichtungBegonnen(am=am, verlangt_von=VerlangtVon.JOBCENTER))
        z = falte(start.fall(), C_AB - dt.timedelta(days=1))
        e = SchlichtungBegonnen(am=C_AB - dt.timedelta(days=1), verlangt_von=VerlangtVon.BEIDE)
        assert schritt(z, e).phase is S
    # schlichtung_beendet in ohne_plan unless the Schlichtung ended automatically
    ohne = next(s for s in STARTS if s.name == "ohne_plan")
    for einigung in (True, False):
        with pytest.raises(UnzulaessigerUebergang):
            schritt(ohne.zustand(), SchlichtungBeendet(am=TAG, einigung=einigung))


# -- rows: every one exercised, none unreachable --------------------------------------------------


def _ausgeuebt() -> set[tuple[str, Phase, str]]:
    """(row id, phase, trigger) of every step the library took in this module's cases."""
    faelle = [
        (b.start.fall(b.ereignis), TAG)
        for b in FALLBEISPIELE
        if b.per_fall and erwartet(b.start, b.ereignis) is not None
    ]
    faelle.append((Fall("T-ev", [Eingliederungsvereinbarung(am=dt.date(2023, 5, 2))]), TAG))
    for beginn, stichtag, *_ in ZEIT_FAELLE:
        sb = SchlichtungBegonnen(am=beginn, verlangt_von=VerlangtVon.BEIDE)
        faelle.append((Fall("T-zeit", [sb]), stichtag))
    return {(s.regel.id, s.von, s.ausloeser) for fall, tag in faelle for s in verlauf(fall, tag)}


def test_every_row_is_exercised_from_every_phase_it_names() -> None:
    alle = {(row.id, p, a) for row in UEBERGAENGE for p in row.von for a in row.ausloeser}
    fehlt = alle - _ausgeuebt()
    assert not fehlt, f"rows never taken: {sorted(fehlt, key=str)}"


def test_row_ids_are_unique() -> None:
    ids = [row.id for row in UEBERGAENGE]
    assert len(ids) == len(set(ids))


def test_no_row_is_shadowed_by_an_unconditional_row_before_it() -> None:
    for p, a in {(p, a) for row in UEBERGAENGE for p in row.von for a in row.ausloeser}:
        zeilen = [row for row in UEBERGAENGE if p in row.von and a in row.ausloeser]
        for i, row in enumerate(zeilen[:-1]):
            assert row.bedingung is not None, (p, a, row.id, "shadows", zeilen[i + 1].id)


# -- reachability ---------------------------------------------------------------------------------


def _nachfolger(phase: Phase) -> set[Phase]:
    out: set[Phase] = set()
    for row in UEBERGAENGE:
        if phase not in row.von:
            continue
        if isinstance(row.nach, Phase):
            out.add(row.nach)
        elif row.nach is Ziel.KOOPERATION_WENN_NICHTS_OFFEN:
            out |= {phase, K}
        else:
            out.add(phase)
    return out


def _erreichbar(von: Phase) -> set[Phase]:
    seen, todo = {von}, deque([von])
    while todo:
        for n in _nachfolger(todo.popleft()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def test_every_phase_is_reachable_from_erstkontakt() -> None:
    assert _erreichbar(E) == set(Phase)
    # ... and by real histories (the start states above fold to every phase)
    assert {s.zustand().phase for s in STARTS} == set(Phase)


def test_no_phase_is_a_trap() -> None:
    for phase in Phase:
        assert _erreichbar(phase) & {K, E}, phase


#: A short path back to kooperation from each phase (section 1: "immer das Ziel … zurückzukehren").
ZURUECK: Mapping[Phase, tuple[str, ...]] = {
    E: ("plan_erstellt",),
    K: ("plan_fortgeschrieben",),
    M: ("plan_fortgeschrieben",),
    S: ("plan_erstellt",),
    O: ("plan_erstellt",),
    B: ("leistungsbezug_aufgenommen", "plan_erstellt"),
}


@pytest.mark.parametrize("start", STARTS, ids=lambda s: s.name)
def test_kooperation_is_reachable_again_from_every_start(start: Start) -> None:
    z = start.zustand()
    for i, art in enumerate(ZURUECK[start.phase]):
        z = schritt(z, kooplan.ARTEN[art](am=TAG), len(start.ereignisse) + i)
    assert z.phase is K
    assert not z.offene_arten


# -- the invariants of section 3 on what is outstanding -------------------------------------------------


def test_every_transition_into_kooperation_leaves_nothing_outstanding() -> None:
    n = 0
    for b in FALLBEISPIELE:
        if erwartet(b.start, b.ereignis) is None:
            continue
        neu = _anwenden(b)
        if neu.phase is K:
            n += 1
            assert not neu.offene_arten, b.id
            assert not neu.offen, b.id
    assert n > 20


def test_plan_gescheitert_and_schlichtung_begonnen_keep_what_is_outstanding() -> None:
    for b in FALLBEISPIELE:
        if b.art in ("plan_gescheitert", "schlichtung_begonnen") and erwartet(b.start, b.ereignis):
            assert _anwenden(b).offene_arten == set(b.start.offen), b.id


def test_phase_invariants_hold_in_every_reached_state() -> None:
    for b in FALLBEISPIELE:
        if erwartet(b.start, b.ereignis) is None:
            continue
        neu = _anwenden(b)
        if neu.phase is K:
            assert not neu.offene_arten, b.id
        if neu.phase is M:
            assert neu.offene_arten, b.id


def test_transitions_are_checked_only_up_to_the_stichtag() -> None:
    """§ 3: "transitions are checked only for events up to the Stichtag, later ones are not
    applied"; events dated on the Stichtag are applied."""
    illegal = MitwirkungErbracht(am=TAG)  # nothing is outstanding in kooperation
    fall = Fall("T-spaeter", [PlanErstellt(am=_tag(7)), illegal])
    assert falte(fall, _tag(1)).phase is K
    assert kooplan.entscheide(fall, "massnahme", _tag(1)).phase is K
    with pytest.raises(UnzulaessigerUebergang) as info:
        falte(fall, TAG)
    assert info.value.ort == "ereignisse[1]"
    heute = Fall("T-heute", [PlanErstellt(am=_tag(7)), PlanGescheitert(am=TAG)])
    assert falte(heute, TAG).phase is O
