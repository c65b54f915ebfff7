"""Hypothesis strategies for tests of code that uses kooplan.

This is the only module of kooplan that imports Hypothesis; import it from test code only. It
needs the extra `testing` (`pip install -e '.[testing]'` in a clone, or the wheel with
`[testing]`); without Hypothesis, importing it raises an `ImportError` that says so. Every strategy builds valid value objects: a drawn event, plan or
case can always be constructed, and a drawn case's history is *legal* for the state machine
(docs/fachliches.md section 3), so `kooplan.falte` and `kooplan.verlauf` never raise
`UnzulaessigerUebergang` for it. A decision on such a case may still be refused
for reasons of law, e.g. `leistungsbezug_beendet` when the benefit receipt has ended.

Usage:

    from hypothesis import given
    import kooplan
    from kooplan.testing import faelle, stichtage

    @given(faelle(), stichtage())
    def test_a_decision_always_cites_a_norm(fall, stichtag):
        try:
            e = kooplan.entscheide(fall, "massnahme", stichtag)
        except kooplan.KeinLeistungsbezug:
            return
        assert e.gruende[0].norm

The strategies:

* `stichtage` – days kooplan covers, biased to the days the law changes and their eves.
* `plaene` – valid `Kooperationsplan` objects.
* `ereignisse` – any single valid event (of every `art` or of those asked for).
* `faelle` – valid cases with legal histories, built by walking the transition table
  `kooplan.UEBERGAENGE`: at each step an event `art` is drawn among those the table allows
  in the current phase (with its conditions), and the phase is tracked with
  `kooplan.motor.phasen.schritt` and `kooplan.motor.phasen.zeitschritte`.
* `fall_dicts` – the same cases as contract JSON objects (`"schema": "kooplan/fall/1"`,
  dates as ISO strings), ready for `json.dumps` or `kooplan.vertrag.fall_aus_objekt`.

`fall_als_dict` turns any `Fall` into its contract JSON object.

Events are built from the contract's field specs (`kooplan.vertrag.felder`); a field that
names another event (`bezug`, `einladung`: `kooplan.werte.fall.BEZUEGE`) names an earlier
event of an art it may name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

try:
    from hypothesis import strategies as st
except ImportError as _fehler:  # pragma: no cover - tested in a process without hypothesis
    raise ImportError(
        "kooplan.testing braucht Hypothesis, das nicht installiert ist. Installiere kooplan mit "
        "dem Extra 'testing' (im Quellordner: pip install -e '.[testing]'; aus einem Wheel: "
        "pip install 'kooplan-VERSION-py3-none-any.whl[testing]') oder pip install hypothesis.",
        name="hypothesis",
    ) from _fehler

from kooplan.motor.phasen import (
    UEBERGAENGE,
    Bedingung,
    Phase,
    Uebergang,
    Zustand,
    schritt,
    zeitschritte,
)
from kooplan.recht.rechtsstaende import ABGEDECKT_AB, NEUE_GRUNDSICHERUNG_AB, alle_grenzen
from kooplan.vertrag.felder import (
    EIGENBEMUEHUNGEN_FELDER,
    FALL_FELDER,
    FALL_SCHEMA,
    PLAN_FELDER,
    Feld,
    Typ,
    ereignis_felder,
)
from kooplan.werte.ereignisse import (
    ARTEN,
    Ereignis,
    MinderungFestgestellt,
    Minderungsgrund,
    Mitwirkung,
    Sperrzeit,
    Tatbestand,
)
from kooplan.werte.fall import BEZUEGE, LAENDER, Fall
from kooplan.werte.fehler import UnzulaessigerUebergang
from kooplan.werte.plan import Eigenbemuehungen, Kooperationsplan, Zeitraum

__all__ = [
    "ERSTER_TAG",
    "GRENZTAGE",
    "LETZTER_TAG",
    "ereignisse",
    "faelle",
    "fall_als_dict",
    "fall_dicts",
    "plaene",
    "stichtage",
]

ERSTER_TAG: Final = ABGEDECKT_AB
"""The first day kooplan covers (the Bürgergeld law, 1.7.2023)."""
LETZTER_TAG: Final = dt.date(2027, 12, 31)
"""The last day the strategies draw by default."""
GRENZTAGE: Final[tuple[dt.date, ...]] = alle_grenzen()
"""The days the law changes (first days of the Rechtsstände after the first, docs/fachliches.md section 2):
2024-03-28, 2026-03-28, 2026-04-23 (by the best evidence; not read in the Gazette) and 2026-07-01.
"""

_TAG: Final = dt.timedelta(days=1)
_VORGESCHICHTE_AB: Final = dt.date(2022, 1, 1)
"""The earliest day drawn for history (events before 1.7.2023)."""

# -- small building blocks ------------------------------------------------------------------------

_BUCHSTABEN: Final = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789-"
_WORT: Final = st.text(alphabet=_BUCHSTABEN, min_size=1, max_size=12)
_TEXT: Final = st.lists(_WORT, min_size=1, max_size=4).map(" ".join)
"""A non-blank text of a few words (the contract refuses blank texts)."""
_TEXTE: Final = st.lists(_TEXT, max_size=3).map(tuple)
_EREIGNIS_ID: Final = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:",
    min_size=1,
    max_size=16,
)
_FALL_ID: Final = st.from_regex(r"[A-Za-z0-9._-]{1,64}", fullmatch=True)


def _pruefe_bereich(von: dt.date, bis: dt.date) -> None:
    if von < ERSTER_TAG:
        raise ValueError(
            f"'von' must not lie before {ERSTER_TAG.isoformat()} (kooplan's first day)"
        )
    if bis < von:
        raise ValueError("'bis' must not lie before 'von'")


def _nahe_grenzen(von: dt.date, bis: dt.date) -> list[dt.date]:
    """The boundary days and their eves that lie in `[von, bis]` (plus the range's ends)."""
    tage = {von, bis}
    for g in GRENZTAGE:
        tage.update({g - _TAG, g})
    return sorted(t for t in tage if von <= t <= bis)


def stichtage(von: dt.date = ERSTER_TAG, bis: dt.date = LETZTER_TAG) -> st.SearchStrategy[dt.date]:
    """Days from `von` to `bis` (default 2023-07-01 to 2027-12-31), about half of them drawn
    from the days the law changes (`GRENZTAGE`: 2024-03-28, 2026-03-28, 2026-04-17,
    2026-07-01), their eves and the range's ends.

    Use it for the Stichtag (and `faellig`) of a decision. `von` may not lie before 1.7.2023.
    """
    _pruefe_bereich(von, bis)
    return st.one_of(st.sampled_from(_nahe_grenzen(von, bis)), st.dates(von, bis))


def _eigenbemuehungen() -> st.SearchStrategy[Eigenbemuehungen]:
    return st.builds(
        Eigenbemuehungen,
        art=_TEXT,
        anzahl=st.one_of(st.integers(1, 12), st.integers(1, 1000)),
        zeitraum=st.sampled_from(Zeitraum),
        nachweis=_TEXT,
    )


def plaene(max_schritte: int = 12) -> st.SearchStrategy[Kooperationsplan]:
    """Valid Kooperationspläne (§ 15 Abs. 2 SGB II): an Eingliederungsziel, 1 to `max_schritte`
    Schritte (the default 12 exceeds the policy's `plan_max_schritte` of 10 now and then), and
    any of the optional parts. Every text is non-blank."""
    if max_schritte < 1:
        raise ValueError("'max_schritte' must be at least 1: a plan needs a Schritt")
    return st.builds(
        Kooperationsplan,
        eingliederungsziel=_TEXT,
        schritte=st.lists(_TEXT, min_size=1, max_size=max_schritte).map(tuple),
        eigenbemuehungen=st.none() | _eigenbemuehungen(),
        leistungen=_TEXTE,
        vermittlungsziele=_TEXTE,
        andere_leistungstraeger=_TEXTE,
        gesundheit=_TEXTE,
        bedarfsgemeinschaft=_TEXTE,
        integrationskurs=st.none() | st.booleans(),
        reha_bedarf=st.none() | st.booleans(),
    )


# -- events, built from the contract's field specs -----------------------------------------------


class _Fehlt:
    """Marks a field left out (its default applies)."""


_FEHLT: Final = _Fehlt()


def _monatserster_danach(tag: dt.date) -> dt.date:
    return dt.date(tag.year + tag.month // 12, tag.month % 12 + 1, 1)


def _verweise(art: str, name: str, ids: Mapping[str, Sequence[str]]) -> list[str] | None:
    """The ids field `name` of `art` may name (None: it names no event)."""
    erlaubt = BEZUEGE.get((art, name))
    if erlaubt is None:
        return None
    return [i for a in erlaubt for i in ids.get(a, ())]


def _feldwert(
    draw: st.DrawFn,
    art: str,
    name: str,
    feld: Feld,
    am: dt.date,
    ids: Mapping[str, Sequence[str]],
    offen: Iterable[Mitwirkung] | None,
    bedingung: Bedingung | None,
) -> object:
    """A value for one field of an event (or `_FEHLT`)."""
    verweise = _verweise(art, name, ids)
    if verweise is not None:  # names an earlier event
        if not verweise or (not feld.pflicht and draw(st.booleans())):
            return _FEHLT
        return draw(st.sampled_from(verweise))
    if (art, name) == ("mitwirkung_unterblieben", "wichtiger_grund"):
        if bedingung in (Bedingung.OHNE_WICHTIGEN_GRUND, Bedingung.MIT_WICHTIGEM_GRUND):
            return bedingung is Bedingung.MIT_WICHTIGEM_GRUND
        return draw(st.booleans())
    if (art, name) == ("schlichtung_beendet", "einigung"):
        if bedingung in (Bedingung.EINIGUNG, Bedingung.KEINE_EINIGUNG):
            return bedingung is Bedingung.EINIGUNG
        return draw(st.booleans())
    if (art, name) == ("mitwirkung_erbracht", "mitwirkung"):
        arten = list(Mitwirkung) if offen is None else sorted(offen, key=lambda m: m.value)
        return draw(st.none() | st.sampled_from(arten)) if arten else None
    if not feld.pflicht and draw(st.booleans()):
        return _FEHLT
    t = feld.typ
    if t is Typ.DATUM:
        return am + dt.timedelta(days=draw(st.integers(0, 120)))
    if t is Typ.BOOL:
        return draw(st.booleans())
    if t is Typ.INT:
        lo = feld.minimum if feld.minimum is not None else 0
        hi = feld.maximum if feld.maximum is not None else lo + 1000
        return draw(st.integers(lo, hi))
    if t is Typ.ENUM and feld.enum_typ is not None:
        return draw(st.sampled_from(feld.enum_typ))
    if t in (Typ.TEXT, Typ.ID):
        return draw(_TEXT)
    if t is Typ.TEXTLISTE:
        return draw(_TEXTE)
    if t is Typ.PLAN:
        return draw(st.none() | plaene())
    if t is Typ.EIGENBEMUEHUNGEN:
        return draw(_eigenbemuehungen())
    if t is Typ.LAND:
        return draw(st.sampled_from(LAENDER))
    if feld.pflicht:
        raise ValueError(f"cannot draw the required field {name!r} of {art!r} ({t})")
    return _FEHLT


def _minderung(
    draw: st.DrawFn, am: dt.date, id: str | None, ids: Mapping[str, Sequence[str]]
) -> MinderungFestgestellt:
    """A festgestellte Minderung whose fields agree (§ 31 steps, § 32 without); its period
    begins on the first of the next month (§ 31b Abs. 1 Satz 1)."""
    grund = draw(st.sampled_from(Minderungsgrund))
    kwargs: dict[str, Any] = {"am": am, "id": id, "grund": grund}
    kwargs["beginn"] = _monatserster_danach(am)
    if grund is Minderungsgrund.MELDEVERSAEUMNIS:
        kwargs["prozent"] = draw(st.sampled_from((10, 30)) | st.integers(1, 100))
    else:
        kwargs["stufe"] = stufe = draw(st.none() | st.integers(1, 3))
        kwargs["prozent"] = draw(
            st.sampled_from((10, 20, 30)) if stufe is None else st.integers(1, 100)
        )
        kwargs["tatbestand"] = tatbestand = draw(st.none() | st.sampled_from(Tatbestand))
        if tatbestand in (Tatbestand.ABS2_NR3, Tatbestand.ABS2_NR4):
            sperrzeit = draw(st.none() | st.sampled_from(Sperrzeit))
            if sperrzeit is Sperrzeit.MELDEVERSAEUMNIS and tatbestand is Tatbestand.ABS2_NR3:
                # the consequences of § 32: no step (§ 31a Abs. 1 Satz 7 a.F., Satz 3 n.F.)
                kwargs["stufe"] = None
                kwargs["prozent"] = draw(st.sampled_from((10, 30)))
            kwargs["sperrzeit"] = sperrzeit
    felder = ereignis_felder("minderung_festgestellt")
    for name in set(felder) - {
        "art",
        "am",
        "id",
        "grund",
        "beginn",
        "prozent",
        "stufe",
        "tatbestand",
        "sperrzeit",
    }:
        wert = _feldwert(draw, "minderung_festgestellt", name, felder[name], am, ids, None, None)
        if wert is not _FEHLT:
            kwargs[name] = wert
    return MinderungFestgestellt(**kwargs)


def _ereignis(
    draw: st.DrawFn,
    art: str,
    am: dt.date,
    id: str | None,
    *,
    ids: Mapping[str, Sequence[str]],
    offen: Iterable[Mitwirkung] | None = None,
    bedingung: Bedingung | None = None,
) -> Ereignis:
    """One event of `art` on `am`. `ids`: by art, the ids of earlier events (what a
    `bezug` may name); `offen`: the kinds a `mitwirkung_erbracht` may name (`None`: any);
    `bedingung`: the condition of the table row the event is to take."""
    if art == "minderung_festgestellt":
        return _minderung(draw, am, id, ids)
    kwargs: dict[str, Any] = {"am": am, "id": id}
    for name, feld in ereignis_felder(art).items():
        if name in kwargs or name == "art":
            continue
        wert = _feldwert(draw, art, name, feld, am, ids, offen, bedingung)
        if wert is not _FEHLT:
            kwargs[name] = wert
    return ARTEN[art](**kwargs)


@st.composite
def _einzelnes_ereignis(draw: st.DrawFn, art: str) -> Ereignis:
    if art == "eingliederungsvereinbarung":
        am = draw(st.dates(_VORGESCHICHTE_AB, ERSTER_TAG - _TAG))
    elif art == "minderung_festgestellt":
        am = draw(st.dates(_VORGESCHICHTE_AB, LETZTER_TAG) | stichtage())
    else:
        am = draw(stichtage())
    id = draw(st.none() | _EREIGNIS_ID)
    ids = {a: [draw(_EREIGNIS_ID)] for a in ARTEN}  # anything a bezug may name
    return _ereignis(draw, art, am, id, ids=ids)


def ereignisse(arten: Iterable[str] | None = None) -> st.SearchStrategy[Ereignis]:
    """Any single valid event, of every `art` of the contract or only of `arten`.

    Days are drawn as by `stichtage`; an `eingliederungsvereinbarung` lies before
    1.7.2023 (it can only be history), a `minderung_festgestellt` may. Fields that name another
    event (`bezug`, `einladung`) name an arbitrary id: inside a `Fall` they
    must name an earlier event, so use `faelle` for whole cases.
    """
    wahl = tuple(ARTEN) if arten is None else tuple(arten)
    unbekannt = [a for a in wahl if a not in ARTEN]
    if unbekannt or not wahl:
        raise ValueError(f"unknown or no event arts: {unbekannt!r}")
    return st.sampled_from(wahl).flatmap(_einzelnes_ereignis)


# -- legal histories: a walk over the transition table --------------------------------------------

_ZEILEN: Final[Mapping[tuple[Phase, str], tuple[Uebergang, ...]]] = {
    (phase, art): tuple(r for r in UEBERGAENGE if phase in r.von and art in r.ausloeser)
    for phase in Phase
    for art in ARTEN
}
"""The table's rows by (phase, event art), in the order the state machine tries them."""
_BENANNT: Final = frozenset(a for erlaubt in BEZUEGE.values() for a in erlaubt)
"""Arts another event may name: their events mostly get an id."""
_VERSTOESSE: Final = BEZUEGE.get(("wichtiger_grund_nachgewiesen", "bezug"), ())
"""Events that name a violation excused later."""
_BEKANNT: Final = frozenset(
    {
        Bedingung.OHNE_WICHTIGEN_GRUND,
        Bedingung.MIT_WICHTIGEM_GRUND,
        Bedingung.EINIGUNG,
        Bedingung.KEINE_EINIGUNG,
        Bedingung.ZEITRAUM_LEER,
        Bedingung.NUR_REGIME_B,
        Bedingung.NACH_AUTOMATISCHEM_ENDE,
        Bedingung.ART_OFFEN,
        Bedingung.LETZTE_OFFENE_ART_ENTSCHULDIGT,
    }
)
"""The conditions `_erfuellbar` decides; rows with others are tried with the state machine."""


def _erfuellbar(
    b: Bedingung | None, z: Zustand, tag: dt.date, ids: Mapping[str, Sequence[str]]
) -> bool:
    """Whether a row with condition `b` can be taken by some event drawn on `tag` (for a
    condition not in `_BEKANNT`: perhaps)."""
    if b is None or b in (
        Bedingung.OHNE_WICHTIGEN_GRUND,
        Bedingung.MIT_WICHTIGEM_GRUND,
        Bedingung.EINIGUNG,
        Bedingung.KEINE_EINIGUNG,
    ):
        return True  # chosen by the event's own fields
    if b is Bedingung.ZEITRAUM_LEER:
        return not z.zeitraum_begonnen
    if b is Bedingung.NUR_REGIME_B:
        return tag < NEUE_GRUNDSICHERUNG_AB
    if b is Bedingung.NACH_AUTOMATISCHEM_ENDE:
        return z.schlichtung_auto_ende is not None and tag >= z.schlichtung_auto_ende
    if b is Bedingung.ART_OFFEN:
        return bool(z.offen)
    if b is Bedingung.LETZTE_OFFENE_ART_ENTSCHULDIGT:
        # one wichtiger_grund_nachgewiesen clears everything outstanding: one event caused it all
        verursacher = {o.id for o in z.offen}
        benannt = {i for a in _VERSTOESSE for i in ids.get(a, ())}
        return len(verursacher) == 1 and verursacher <= benannt
    return True  # a condition this module does not know: tried with the state machine


def _moeglich(
    z: Zustand, art: str, tag: dt.date, ids: Mapping[str, Sequence[str]]
) -> list[Uebergang]:
    """The rows for `art` in the state's phase whose condition can be met on `tag`."""
    if art == "eingliederungsvereinbarung":
        return []  # only before 1.7.2023: history, drawn before the walk
    for name, feld in ereignis_felder(art).items():
        verweise = _verweise(art, name, ids)
        if feld.pflicht and verweise is not None and not verweise:
            return []  # must name an earlier event, and there is none
    return [r for r in _ZEILEN[(z.phase, art)] if _erfuellbar(r.bedingung, z, tag, ids)]


def _naechster_tag(draw: st.DrawFn, tag: dt.date, bis: dt.date) -> dt.date:
    """The next event's day: often the same day, often a few days or weeks later (so the four
    weeks of a Schlichtung run out now and then), sometimes months later."""
    abstand = draw(
        st.one_of(
            st.just(0),
            st.integers(1, 10),
            st.sampled_from((27, 28, 29, 30)),
            st.integers(11, 180),
        )
    )
    return min(tag + dt.timedelta(days=abstand), bis)


def _nach_faltordnung_gemischt(draw: st.DrawFn, ereignisse: list[Ereignis]) -> list[Ereignis]:
    """The events in a new input order with the same fold order (same-day events keep theirs)."""
    tage: dict[dt.date, list[Ereignis]] = {}
    for e in ereignisse:
        tage.setdefault(e.am, []).append(e)
    reihenfolge = draw(st.permutations(sorted(tage)))
    return [e for t in reihenfolge for e in tage[t]]


def _falldaten(draw: st.DrawFn, bis: dt.date) -> dict[str, Any]:
    """The case's optional fields besides its events (Geburtsdatum, Regelbedarfsstufe, …)."""
    out: dict[str, Any] = {}
    for name, feld in FALL_FELDER.items():
        if name in ("schema", "fall", "ereignisse") or draw(st.booleans()):
            continue
        if name == "geburtsdatum":
            out[name] = draw(st.dates(dt.date(1955, 1, 1), dt.date(2010, 12, 31)))
        elif feld.typ is Typ.DATUM:
            out[name] = draw(st.dates(ERSTER_TAG, bis))
        else:
            wert = _feldwert(draw, "", name, feld, ERSTER_TAG, {}, None, None)
            if wert is not _FEHLT:
                out[name] = wert
    return out


@st.composite
def _faelle(
    draw: st.DrawFn,
    min_ereignisse: int,
    max_ereignisse: int,
    von: dt.date,
    bis: dt.date,
    vorgeschichte: bool,
    alte_ev: bool,
    ungeordnet: bool,
) -> Fall:
    ereignisse: list[Ereignis] = []
    ids: dict[str, list[str]] = {}
    z = Zustand()

    def anwenden(e: Ereignis) -> None:
        nonlocal z
        z = schritt(zeitschritte(z, e.am), e, len(ereignisse))
        ereignisse.append(e)
        if e.id is not None:
            ids.setdefault(e.art, []).append(e.id)

    def neue_id(art: str) -> str | None:
        # events another event may name get an id two times in three, others one in ten
        mit = draw(st.integers(0, 2)) > 0 if art in _BENANNT else draw(st.integers(0, 9)) == 0
        return f"e{len(ereignisse) + 1}" if mit else None

    # history before 1.7.2023: an old Eingliederungsvereinbarung, earlier Minderungen
    if vorgeschichte:
        frueher: list[tuple[str, dt.date]] = []
        if alte_ev and draw(st.booleans()):
            frueher.append(
                ("eingliederungsvereinbarung", draw(st.dates(_VORGESCHICHTE_AB, ERSTER_TAG - _TAG)))
            )
        for _ in range(draw(st.integers(0, 2))):
            frueher.append(
                ("minderung_festgestellt", draw(st.dates(_VORGESCHICHTE_AB, ERSTER_TAG - _TAG)))
            )
        for art, am in sorted(frueher, key=lambda f: f[1]):
            anwenden(_ereignis(draw, art, am, neue_id(art), ids={}))

    # the walk: at each step a row the table allows in the current phase, then one of its arts
    start = draw(
        st.dates(von, bis)
        | st.sampled_from(GRENZTAGE).flatmap(
            lambda g: st.integers(0, 120).map(lambda n: g - dt.timedelta(days=n))
        )
    )
    tag = min(max(start, von), bis)
    for i in range(draw(st.integers(min_ereignisse, max_ereignisse))):
        if i > 0:
            tag = _naechster_tag(draw, tag, bis)
        z = zeitschritte(z, tag)
        moeglich = {a: _moeglich(z, a, tag, ids) for a in ARTEN}
        while True:
            # first a row (so every transition is about equally likely), then one of its arts
            zeilen = list(dict.fromkeys(r for rows in moeglich.values() for r in rows))
            zeile = draw(st.sampled_from(zeilen))
            art = draw(
                st.sampled_from([a for a in zeile.ausloeser if zeile in moeglich.get(a, ())])
            )
            verweise: Mapping[str, Sequence[str]] = ids
            if zeile.bedingung is Bedingung.LETZTE_OFFENE_ART_ENTSCHULDIGT:
                verursacher = z.offen[0].id or ""
                verweise = {a: [verursacher] for a in _VERSTOESSE}
            e = _ereignis(
                draw,
                art,
                tag,
                neue_id(art),
                ids=verweise,
                offen=z.offene_arten,
                bedingung=zeile.bedingung,
            )
            if zeile.bedingung is None or zeile.bedingung in _BEKANNT:
                anwenden(e)  # the condition was met by construction
                break
            try:  # a condition this module does not know: let the state machine decide
                anwenden(e)
                break
            except UnzulaessigerUebergang:
                moeglich = {a: [r for r in rows if r is not zeile] for a, rows in moeglich.items()}

    if ungeordnet:
        ereignisse = _nach_faltordnung_gemischt(draw, ereignisse)
    return Fall(draw(_FALL_ID), ereignisse, **_falldaten(draw, bis))


def faelle(
    *,
    min_ereignisse: int = 0,
    max_ereignisse: int = 15,
    von: dt.date = ERSTER_TAG,
    bis: dt.date = LETZTER_TAG,
    vorgeschichte: bool = True,
    alte_ev: bool = False,
    ungeordnet: bool = False,
) -> st.SearchStrategy[Fall]:
    """Valid cases whose histories are legal for the state machine (docs/fachliches.md section 3).

    The history is a walk over `kooplan.UEBERGAENGE`: at each step a row is drawn among
    those for the current phase whose condition can be met (e.g. `mitwirkung_erbracht` only for
    an outstanding kind, `schlichtung_begonnen` only before 1.7.2026), then one of its event
    arts, its fields are drawn to meet the condition, and the state is advanced with
    `kooplan.motor.phasen.zeitschritte` (time-driven steps up to the event's day) and
    `kooplan.motor.phasen.schritt`. Days never decrease; many events share a day; the four weeks
    of a Schlichtung often run out. Fields that name another event (`bezug`, `einladung`)
    name an earlier event of an art they may name, by its `id`.

    `min_ereignisse`/`max_ereignisse`: the walk's length (days from `von` to `bis`).
    `vorgeschichte`: may prepend festgestellte Minderungen dated before 1.7.2023.
    `alte_ev`: may also prepend an old Eingliederungsvereinbarung (decisions are then refused
    with `rechtsstand_nicht_abgedeckt` until the first plan, at the latest 31.12.2023).
    `ungeordnet`: shuffle the input order of the days; the fold order (by date, same-day events
    in input order) is kept, so the case means the same.
    The case's optional fields (Geburtsdatum, Regelbedarfsstufe, Land, …) are drawn or left out.
    """
    _pruefe_bereich(von, bis)
    if not 0 <= min_ereignisse <= max_ereignisse:
        raise ValueError("need 0 <= min_ereignisse <= max_ereignisse")
    return _faelle(min_ereignisse, max_ereignisse, von, bis, vorgeschichte, alte_ev, ungeordnet)


# -- the contract's JSON --------------------------------------------------------------------------


def _json_wert(feld: Feld, wert: Any) -> Any:
    if feld.typ is Typ.DATUM:
        return wert.isoformat()
    if feld.typ is Typ.ENUM:
        return wert.value
    if feld.typ is Typ.TEXTLISTE:
        return list(wert)
    if feld.typ is Typ.PLAN:
        return _json_objekt(wert, PLAN_FELDER)
    if feld.typ is Typ.EIGENBEMUEHUNGEN:
        return _json_objekt(wert, EIGENBEMUEHUNGEN_FELDER)
    if feld.typ is Typ.EREIGNISSE:
        return [_ereignis_als_dict(e) for e in wert]
    return wert


def _json_objekt(obj: object, felder: Mapping[str, Feld]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, feld in felder.items():
        wert = getattr(obj, name, None)
        if wert is None or (feld.typ is Typ.TEXTLISTE and not wert and not feld.pflicht):
            continue  # an absent optional field is left out
        out[name] = _json_wert(feld, wert)
    return out


def _ereignis_als_dict(e: Ereignis) -> dict[str, Any]:
    felder = dict(ereignis_felder(e.art))
    del felder["art"]
    return {"art": e.art} | _json_objekt(e, felder)


def fall_als_dict(fall: Fall) -> dict[str, Any]:
    """The case as the contract's JSON object (docs/vertrag.md, `kooplan/fall/1`): field names from
    `kooplan.vertrag.felder`, dates as `YYYY-MM-DD`, absent optional fields left out.
    `kooplan.vertrag.fall_aus_objekt` reads it back into an equal case."""
    felder = {k: v for k, v in FALL_FELDER.items() if k != "schema"}
    return {"schema": FALL_SCHEMA} | _json_objekt(fall, felder)


def fall_dicts(
    *,
    min_ereignisse: int = 0,
    max_ereignisse: int = 15,
    von: dt.date = ERSTER_TAG,
    bis: dt.date = LETZTER_TAG,
    vorgeschichte: bool = True,
    alte_ev: bool = False,
    ungeordnet: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """The cases of `faelle` (same arguments) as contract JSON objects
    (`"schema": "kooplan/fall/1"`, dates as ISO strings), see `fall_als_dict`."""
    return faelle(
        min_ereignisse=min_ereignisse,
        max_ereignisse=max_ereignisse,
        von=von,
        bis=bis,
        vorgeschichte=vorgeschichte,
        alte_ev=alte_ev,
        ungeordnet=ungeordnet,
    ).map(fall_als_dict)
