"""Sozialdaten (docs/vertrag.md: ``geburtsdatum`` is never written to any output, message or log;
``fall`` is the only personal reference kooplan writes out).

The birth date (in every spelling) and the free text of a plan never appear in ``repr``, ``str``,
an error's message or path, logging output, or any CLI output: the contract never returns them.
Checked for every instance of every public type the decision flow builds (found by walking the
object graph, so a new type is checked without being listed here), for every error path
(enumerated: each contract field of a full case made invalid in turn, every truncation of its
text, the decision errors, and the value objects built with wrong values), with logging captured
at DEBUG, and for every command.

Complements tests/test_vertrag.py (a fixed list of loader faults) with the enumeration.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import io
import json
import logging
import traceback
import warnings
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest

import kooplan
import kooplan.entscheidung
import kooplan.ereignisse
import kooplan.fall
import kooplan.fehler
import kooplan.kalender
import kooplan.phasen
import kooplan.plan
import kooplan.recht
import kooplan.rechtsfolgen
import kooplan.regelbedarf
import kooplan.vertrag
from faelle_bau import ANLIEGEN, ev
from kooplan.cli import main
from kooplan.kalender import alter_am, unter_25
from kooplan.vertrag.ausgabe import entscheidung_als_dict, fehler_als_dict, zeile
from kooplan.vertrag.felder import (
    EIGENBEMUEHUNGEN_FELDER,
    EREIGNIS_FELDER,
    FALL_FELDER,
    PLAN_FELDER,
    ereignis_felder,
)
from kooplan.vertrag.laden import faelle_lesen, fall_aus_json

GEHEIM = "GEHEIM-4711"
#: Two distinctive birth dates (one makes the person under 25, for § 31a Abs. 6) in every
#: spelling that could leak: ISO, German, without leading zeros, as repr, compact.
GEBURTSTAGE = {
    "alt": dt.date(1987, 6, 5),
    "jung": dt.date(2004, 3, 17),
}


def _formen(d: dt.date) -> tuple[str, ...]:
    return (
        d.isoformat(),
        f"{d:%d.%m.%Y}",
        f"{d.day}.{d.month}.{d.year}",
        f"{d.year}, {d.month}, {d.day}",
        f"{d:%Y%m%d}",
        f"{d:%d.%m.%y}",
        f"{d.year}-{d.month}-{d.day}",
    )


VERBOTEN: tuple[str, ...] = (GEHEIM, *(f for d in GEBURTSTAGE.values() for f in _formen(d)))


def verraet(text: str) -> list[str]:
    return [v for v in VERBOTEN if v in text]


def pruefe_text(text: str, wo: str = "") -> None:
    assert not verraet(text), (wo, verraet(text), text[:500])


# -- private cases: every art, every optional field, personal data everywhere it may be --------


def _plan(tag: str) -> dict[str, Any]:
    return {
        "eingliederungsziel": f"{GEHEIM} Ziel {tag}",
        "schritte": [f"{GEHEIM} Schritt 1", f"Schritt 2 {GEHEIM}"],
        "eigenbemuehungen": {
            "art": f"{GEHEIM} Bewerbungen",
            "anzahl": 4,
            "zeitraum": "monat",
            "nachweis": f"{GEHEIM} Nachweis",
            "x_eb": GEHEIM,
        },
        "leistungen": [f"{GEHEIM} Leistung"],
        "vermittlungsziele": [f"{GEHEIM} Lager"],
        "andere_leistungstraeger": [f"{GEHEIM} Rentenversicherung"],
        "gesundheit": [f"{GEHEIM} Suchtberatung"],
        "bedarfsgemeinschaft": [f"{GEHEIM} Kinderbetreuung"],
        "integrationskurs": True,
        "reha_bedarf": True,
        "x_plan": {"notiz": GEHEIM, "geb": GEBURTSTAGE["alt"].isoformat()},
    }


def _kopf(fall_id: str, geb: str, **mehr: Any) -> dict[str, Any]:
    return {
        "schema": "kooplan/fall/1",
        "fall": fall_id,
        "geburtsdatum": GEBURTSTAGE[geb].isoformat(),
        "regelbedarfsstufe": 1,
        "land": "DE-BE",
        "bewilligungszeitraum_ende": "2027-06-30",
        "bekanntgabe": "persoenlich",
        "x_person": {"geburtsdatum": GEBURTSTAGE[geb].isoformat(), "name": GEHEIM},
        **mehr,
    }


#: Every event art with every field, a legal history (the full case of the contract).
VOLL = _kopf(
    "SD-VOLL",
    "alt",
    ereignisse=[
        ev(
            "minderung_festgestellt",
            "2023-03-01",
            grund="pflichtverletzung",
            prozent=20,
            beginn="2023-04-01",
            stufe=2,
            tatbestand="abs1_nr2",
            x_m=GEHEIM,
        ),
        ev("eingliederungsvereinbarung", "2023-05-02"),
        ev("einladung_versandt", "2023-07-10", rfb=True, id="e1", termin="2023-07-17"),
        ev("termin_versaeumt", "2023-07-17", wichtiger_grund=False, id="t1", einladung="e1"),
        ev("wichtiger_grund_nachgewiesen", "2023-07-20", bezug="t1"),
        ev("termin_wahrgenommen", "2023-07-24"),
        ev("plan_erstellt", "2023-08-01", plan=_plan("erstellt")),
        ev(
            "mitwirkung_unterblieben",
            "2023-09-04",
            id="m1",
            mitwirkung="massnahme",
            wichtiger_grund=False,
        ),
        ev("mitwirkung_erbracht", "2023-09-18", mitwirkung="massnahme"),
        ev(
            "minderung_festgestellt",
            "2023-09-20",
            id="mf1",
            bezug="m1",
            grund="pflichtverletzung",
            prozent=10,
            beginn="2023-10-01",
            monate=1,
        ),
        ev("haerte_festgestellt", "2023-09-25", bezug="mf1", bis="2023-12-31"),
        ev("minderung_aufgehoben", "2023-09-28", bezug="mf1"),
        ev(
            "mitwirkung_unterblieben",
            "2023-10-02",
            mitwirkung="eigenbemuehungen",
            wichtiger_grund=True,
        ),
        ev("bereitschaft_erklaert", "2023-10-09"),
        ev("plan_fortgeschrieben", "2023-11-06", plan=_plan("fortgeschrieben")),
        ev("plan_gescheitert", "2024-01-08"),
        ev("schlichtung_begonnen", "2024-01-15", verlangt_von="beide"),
        ev("schlichtung_beendet", "2024-01-29", einigung=True),
        ev("leistungsbezug_beendet", "2024-06-28"),
        ev("leistungsbezug_aufgenommen", "2024-09-02"),
        ev("plan_erstellt", "2024-09-16", plan=_plan("neu")),
        # at the end, so that the positions above stay (folded by their days)
        ev("persoenlich_gemeldet", "2023-07-26"),
        ev(
            "minderung_festgestellt",
            "2023-07-27",
            grund="pflichtverletzung",
            prozent=10,
            beginn="2023-08-01",
            tatbestand="abs2_nr3",
            sperrzeit="meldeversaeumnis",
        ),
    ],
)
#: Under 25 at the due day: the Rechtsfolgen carry the § 31a Abs. 6 notes.
JUNG = _kopf(
    "SD-JUNG",
    "jung",
    ereignisse=[
        ev("plan_erstellt", "2024-01-15", plan=_plan("jung")),
        ev(
            "mitwirkung_unterblieben",
            "2024-03-04",
            id="m1",
            mitwirkung="massnahme",
            wichtiger_grund=False,
        ),
        ev("einladung_versandt", "2024-03-11", rfb=True, id="e1"),
        ev("termin_versaeumt", "2024-03-18", wichtiger_grund=False, id="t1", einladung="e1"),
        ev(
            "minderung_festgestellt",
            "2024-04-02",
            id="mf1",
            bezug="m1",
            grund="pflichtverletzung",
            prozent=10,
            beginn="2024-05-01",
        ),
    ],
)
#: Regime C (from 1.7.2026): Verpflichtung by VA, a missed meeting, a Schlichtung before.
REGIME_C = _kopf(
    "SD-C",
    "alt",
    ereignisse=[
        ev("plan_gescheitert", "2026-05-04"),
        ev("schlichtung_begonnen", "2026-05-11", verlangt_von="leistungsberechtigte"),
        ev("plan_erstellt", "2026-07-06", plan=_plan("c")),
        ev(
            "mitwirkung_unterblieben",
            "2026-10-05",
            id="m",
            mitwirkung="vermittlungsvorschlag",
            wichtiger_grund=False,
        ),
        ev("einladung_versandt", "2026-10-12", rfb=True, id="e"),
        ev("termin_versaeumt", "2026-10-20", wichtiger_grund=False, einladung="e"),
    ],
)
PRIVAT = {"voll": VOLL, "jung": JUNG, "regime_c": REGIME_C}
STICHTAGE = [
    dt.date(2023, 9, 1),
    dt.date(2024, 3, 10),
    dt.date(2024, 4, 20),
    dt.date(2025, 6, 2),
    dt.date(2026, 6, 1),
    dt.date(2026, 10, 21),
    dt.date(2027, 3, 1),
]


def _bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


@cache
def faelle() -> dict[str, kooplan.Fall]:
    return {name: fall_aus_json(_bytes(obj)) for name, obj in PRIVAT.items()}


def test_the_private_cases_hold_every_contract_field_and_the_personal_data():
    for name, fall in faelle().items():
        assert fall.geburtsdatum == GEBURTSTAGE["jung" if name == "jung" else "alt"]
        assert any(getattr(e, "plan", None) is not None for e in fall.ereignisse)
    assert _felder_in(VOLL) >= _alle_vertragsfelder()


#: Fields every event has: one check for all arts.
_GEMEINSAM = ("art", "am", "id")


def _feld(art: str, key: str) -> tuple[str, str]:
    return ("ereignis", key) if key in _GEMEINSAM else (art, key)


def _alle_vertragsfelder() -> set[tuple[str, str]]:
    out = {("fall", k) for k in FALL_FELDER}
    out |= {("plan", k) for k in PLAN_FELDER}
    out |= {("eigenbemuehungen", k) for k in EIGENBEMUEHUNGEN_FELDER}
    out |= {_feld(art, k) for art in EREIGNIS_FELDER for k in ereignis_felder(art)}
    return out


def _felder_in(obj: dict[str, Any]) -> set[tuple[str, str]]:
    out = {("fall", k) for k in obj}
    for e in obj["ereignisse"]:
        out |= {_feld(e["art"], k) for k in e}
        if "plan" in e:
            out |= {("plan", k) for k in e["plan"]}
            out |= {("eigenbemuehungen", k) for k in e["plan"].get("eigenbemuehungen", {})}
    return out


# -- every instance of every public type ---------------------------------------------------------

MODULE = [
    kooplan,
    kooplan.vertrag,
    kooplan.rechtsfolgen,
    kooplan.kalender,
    kooplan.phasen,
    kooplan.ereignisse,
    kooplan.plan,
    kooplan.fall,
    kooplan.entscheidung,
    kooplan.fehler,
    kooplan.recht,
    kooplan.regelbedarf,
]


def _oeffentliche_typen() -> dict[str, type]:
    out: dict[str, type] = {}
    for m in MODULE:
        for name in m.__all__:
            t = getattr(m, name)
            if isinstance(t, type) and not issubclass(t, (enum.Enum, BaseException)):
                out[t.__qualname__] = t
    return out


OEFFENTLICHE_TYPEN = _oeffentliche_typen()
FEHLERTYPEN = [
    getattr(kooplan.fehler, n)
    for n in kooplan.fehler.__all__
    if isinstance(getattr(kooplan.fehler, n), type)
]


def _frage() -> Iterator[tuple[kooplan.Fall, str, dt.date, dt.date | None]]:
    for fall in faelle().values():
        for stichtag in STICHTAGE:
            for anliegen in ANLIEGEN:
                for faellig in (None, stichtag + dt.timedelta(days=45)):
                    yield fall, anliegen, stichtag, faellig


@cache
def ablauf() -> tuple[list[Any], list[kooplan.KooplanError]]:
    """Everything the decision flow builds for the private cases: the cases, folded states,
    steps, decisions, monthly Minderungen, and the errors it raises."""
    wurzeln: list[Any] = [
        kooplan.STANDARD,
        kooplan.RECHTSSTAENDE,
        kooplan.UEBERGAENGE,
        kooplan.REGELN,
        kooplan.HINWEIS_REGELN,
        kooplan.HINWEISE,
        kooplan.rechtsfolgen.SANKTIONSRECHT,
        [kooplan.regelbedarf.regelbedarfsjahr(j) for j in range(2023, 2028)],
    ]
    fehler: list[kooplan.KooplanError] = []
    for fall in faelle().values():
        wurzeln.append(fall)
        # a request holds the whole case (kooplan entscheide --anfragen)
        wurzeln.append(kooplan.vertrag.Anfrage(fall, "massnahme", STICHTAGE[-1], policy="p-1"))
        for stichtag in STICHTAGE:
            try:
                wurzeln.append(kooplan.falte(fall, stichtag))
                wurzeln.append(kooplan.verlauf(fall, stichtag))
                wurzeln.append(
                    kooplan.rechtsfolgen.minderungen_monatlich(
                        fall, stichtag, dt.date(2023, 7, 1), stichtag
                    )
                )
            except kooplan.KooplanError as err:
                fehler.append(err)
    for fall, anliegen, stichtag, faellig in _frage():
        try:
            wurzeln.append(kooplan.entscheide(fall, anliegen, stichtag, faellig))
        except kooplan.KooplanError as err:
            fehler.append(err)
    return _graph(wurzeln), fehler


def _graph(wurzeln: list[Any]) -> list[Any]:
    """Every object reachable from ``wurzeln`` through attrs fields and containers."""
    gesehen: dict[int, Any] = {}
    stapel = list(wurzeln)
    while stapel:
        o = stapel.pop()
        if id(o) in gesehen or isinstance(o, (str, int, float, type(None), enum.Enum)):
            continue
        gesehen[id(o)] = o
        if attrs.has(type(o)):
            stapel.extend(getattr(o, a.name) for a in attrs.fields(type(o)))
        elif isinstance(o, (tuple, list, set, frozenset)):
            stapel.extend(o)
        elif isinstance(o, dict):
            stapel.extend(o.keys())
            stapel.extend(o.values())
    return list(gesehen.values())


def _instanzen(t: type) -> list[Any]:
    return [o for o in ablauf()[0] if type(o) is t]


def test_the_flow_builds_an_instance_of_every_public_type():
    fehlend = [name for name, t in OEFFENTLICHE_TYPEN.items() if not _instanzen(t)]
    assert not fehlend, f"not reached by the flow, so not checked: {fehlend}"


def test_the_flow_carries_the_personal_data_to_where_it_is_used():
    """The check below is not vacuous: plans with the text are in the states and steps, and the
    under-25 case gets the § 31a Abs. 6 note."""
    objekte = ablauf()[0]
    zustaende = [o for o in objekte if isinstance(o, kooplan.Zustand)]
    assert any(z.plan is not None and GEHEIM in z.plan.eingliederungsziel for z in zustaende)
    schritte = [o for o in objekte if isinstance(o, kooplan.Schritt)]
    assert any(isinstance(s.ereignis, kooplan.PlanErstellt) for s in schritte)
    entscheidungen = [o for o in objekte if isinstance(o, kooplan.Entscheidung)]
    assert any(
        e.fall == "SD-JUNG" and any(h.code == "rf.unter_25" for h in e.hinweise)
        for e in entscheidungen
    )
    assert any(e.rechtsfolgen is not None for e in entscheidungen)


@pytest.mark.parametrize("name", sorted(OEFFENTLICHE_TYPEN))
def test_repr_and_str_of_every_public_type_hide_personal_data(name):
    for o in _instanzen(OEFFENTLICHE_TYPEN[name]):
        for text in (repr(o), str(o), f"{o}", f"{o!r}"):
            pruefe_text(text, name)


def test_repr_of_every_object_the_flow_builds_hides_personal_data():
    """Private types included; containers and plain values (a date, a text) are the data
    themselves and are shown only through the objects holding them."""
    n = 0
    for o in ablauf()[0]:
        if type(o).__module__.startswith("kooplan"):
            pruefe_text(repr(o), type(o).__qualname__)
            n += 1
    assert n > 100


def test_decisions_never_carry_personal_data():
    for o in ablauf()[0]:
        if isinstance(o, kooplan.Entscheidung):
            pruefe_text(zeile(entscheidung_als_dict(o, 4)), o.fall)


# -- every error path --------------------------------------------------------------------------


def pruefe_ausgabe(text: str, fall_id: str | None, wo: str = "") -> None:
    """No personal data in ``text`` apart from the case id (the caller's pseudonym, which the
    contract returns; a hostile caller may choose any valid id)."""
    pruefe_text(text.replace(fall_id, "") if fall_id else text, wo)


def _wie_geloggt(err: BaseException) -> str:
    """The exception lines a traceback shows, the chained ones included as Python prints them
    (source lines left out: they are the caller's code)."""
    teile = []
    e: BaseException | None = err
    while e is not None:
        teile.append("".join(traceback.format_exception_only(type(e), e)))
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    return "".join(teile)


def pruefe_fehler(err: BaseException, wo: str = "") -> None:
    """An error: typed, and no personal data in anything a caller may print or log."""
    assert isinstance(err, kooplan.KooplanError), (wo, type(err), str(err)[:300])
    for text in (
        err.meldung,
        err.ort or "",
        str(err),
        repr(err),
        *map(str, err.args),
        zeile(fehler_als_dict(err, 9)),
        _wie_geloggt(err),
    ):
        pruefe_ausgabe(text, err.fall, wo)


def _pfade(obj: Any, pfad: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield (*pfad, k)
            yield from _pfade(v, (*pfad, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield (*pfad, i)
            yield from _pfade(v, (*pfad, i))


def _setzen(obj: Any, pfad: tuple[Any, ...], wert: Any) -> Any:
    neu = copy.deepcopy(obj)
    ziel = neu
    for k in pfad[:-1]:
        ziel = ziel[k]
    if wert is _LOESCHEN:
        del ziel[pfad[-1]]
    else:
        ziel[pfad[-1]] = wert
    return neu


_LOESCHEN = object()
#: Date fields of the contract.
_TAGE = ("geburtsdatum", "bewilligungszeitraum_ende", "am", "beginn", "bis")
_GEB = GEBURTSTAGE["alt"]
#: Values carrying personal data, each wrong somewhere: text where a date, enum, bool or number
#: belongs, dates in other spellings or out of range, containers of both.
ERSATZ: list[Any] = [
    _LOESCHEN,
    GEHEIM,
    _GEB.isoformat(),
    f"{_GEB:%d.%m.%Y}",
    f"{_GEB.isoformat()}T00:00",
    "1987-06-31",
    "1887-06-05",
    "2187-06-05",
    int(f"{_GEB:%Y%m%d}"),
    [GEHEIM, _GEB.isoformat()],
    {"wert": GEHEIM, "geb": _GEB.isoformat()},
    None,
    "",
    [],
]


def _fehlerfaelle() -> Iterator[tuple[str, dict[str, Any]]]:
    """Each position of each private case replaced by each wrong value in turn."""
    for name, obj in PRIVAT.items():
        for pfad in _pfade(obj):
            for i, wert in enumerate(ERSATZ):
                if pfad[-1] in _TAGE and pfad[-1] != "geburtsdatum" and wert == _GEB.isoformat():
                    continue  # a valid day: an event's own date may be named, it is no birth date
                yield f"{name}:{'.'.join(map(str, pfad))}:{i}", _setzen(obj, pfad, wert)


FRAGEN = [
    ("massnahme", dt.date(2024, 4, 20)),
    ("einladung", dt.date(2026, 10, 21)),
    ("eigenbemuehungen", dt.date(2024, 10, 1)),
]


def test_every_field_made_invalid_in_turn_gives_errors_without_personal_data():
    fehler = geladen = 0
    for wo, obj in _fehlerfaelle():
        try:
            fall = fall_aus_json(_bytes(obj))
        except kooplan.KooplanError as err:
            pruefe_fehler(err, wo)
            fehler += 1
            continue
        geladen += 1  # a wrong value in x_ data, an optional field removed, another valid id
        anliegen, stichtag = FRAGEN[geladen % len(FRAGEN)]
        try:
            e = kooplan.entscheide(fall, anliegen, stichtag)
        except kooplan.KooplanError as err:
            pruefe_fehler(err, wo)
        else:
            pruefe_ausgabe(zeile(entscheidung_als_dict(e)), fall.fall, wo)
            pruefe_ausgabe(repr(e), fall.fall, wo)
        pruefe_ausgabe(repr(fall), fall.fall, wo)
    assert fehler > geladen > 0


def test_every_truncation_of_a_private_case_gives_an_error_without_personal_data():
    for name, obj in PRIVAT.items():
        text = _bytes(obj)
        for n in range(len(text)):
            try:
                fall_aus_json(text[:n])
            except kooplan.KooplanError as err:
                pruefe_fehler(err, f"{name}[:{n}]")
            else:  # pragma: no cover - a prefix of one JSON object is never a whole one
                pytest.fail(f"{name}[:{n}] was read")


def test_broken_bytes_inside_personal_data_give_errors_without_it():
    for name, obj in PRIVAT.items():
        text = _bytes(obj)
        for ziel in (GEHEIM.encode(), _GEB.isoformat().encode(), b"geburtsdatum"):
            pos = text.find(ziel)
            assert pos >= 0, (name, ziel)
            for kaputt in (b"\xff", b"\xc3", b'"', b"\\", b"\x01", b"}", b"\\ud800\\u"):
                daten = text[: pos + 3] + kaputt + text[pos + 3 :]
                try:
                    fall_aus_json(daten)
                except kooplan.KooplanError as err:
                    pruefe_fehler(err, f"{name}:{ziel!r}:{kaputt!r}")


def test_duplicate_personal_keys_give_errors_without_personal_data():
    for feld, wert in (
        ("geburtsdatum", GEBURTSTAGE["jung"].isoformat()),
        ("x_person", GEHEIM),
    ):
        text = _bytes(VOLL).decode()
        text = text.replace('"ereignisse": ', f'"{feld}": {json.dumps(wert)}, "ereignisse": ', 1)
        with pytest.raises(kooplan.KooplanError) as info:
            fall_aus_json(text)
        pruefe_fehler(info.value, feld)
        # the caller's own x_ key is never named, not even in ort: the error is at its object
        assert info.value.ort == (None if feld.startswith("x_") else feld)
        assert feld not in info.value.meldung or not feld.startswith("x_")


def _entscheidungsfehler() -> Iterator[tuple[str, kooplan.Fall, Any, Any, Any, str]]:
    """(label, case, Anliegen, Stichtag, faellig, expected code) for every decision error."""
    voll, jung, _ = faelle().values()
    nichts_offen = voll.mit(kooplan.MitwirkungErbracht(am=dt.date(2024, 9, 20)))
    yield (
        "uebergang",
        nichts_offen,
        "massnahme",
        dt.date(2024, 10, 1),
        None,
        "unzulaessiger_uebergang",
    )
    yield (
        "vor_2023_07",
        jung,
        "massnahme",
        dt.date(2023, 6, 30),
        None,
        "rechtsstand_nicht_abgedeckt",
    )
    yield "alte_ev", voll, "einladung", dt.date(2023, 7, 5), None, "rechtsstand_nicht_abgedeckt"
    yield "beendet", voll, "einladung", dt.date(2024, 7, 1), None, "leistungsbezug_beendet"
    yield "anliegen", jung, GEHEIM, dt.date(2024, 4, 20), None, "ungueltige_eingabe"
    yield (
        "faellig",
        jung,
        "massnahme",
        dt.date(2024, 4, 20),
        dt.date(2024, 4, 1),
        "ungueltige_eingabe",
    )
    yield "stichtag_typ", jung, "massnahme", _GEB.isoformat(), None, "ungueltige_eingabe"
    yield (
        "faellig_typ",
        jung,
        "massnahme",
        dt.date(2024, 4, 20),
        dt.datetime(1987, 6, 5),
        "ungueltige_eingabe",
    )
    yield "jenseits_2099", jung, "massnahme", dt.date(2187, 6, 5), None, "ungueltige_eingabe"
    # A birth date after the due day: the age rule (§ 31a Abs. 6) cannot be applied.
    spaet = kooplan.Fall("SD-SPAET", jung.ereignisse, geburtsdatum=dt.date(2087, 6, 5))
    yield (
        "geburt_nach_faellig",
        spaet,
        "massnahme",
        dt.date(2024, 4, 20),
        None,
        "ungueltige_eingabe",
    )


ENTSCHEIDUNGSFEHLER = {f[0]: f[1:] for f in _entscheidungsfehler()}


@pytest.mark.parametrize("wo", list(ENTSCHEIDUNGSFEHLER))
def test_decision_errors_carry_no_personal_data(wo):
    fall, anliegen, stichtag, faellig, code = ENTSCHEIDUNGSFEHLER[wo]
    with pytest.raises(kooplan.KooplanError) as info:
        kooplan.entscheide(fall, anliegen, stichtag, faellig)
    assert info.value.code == code, (wo, repr(info.value))
    pruefe_fehler(info.value, wo)
    verboten_spaet = ("2087-06-05", "05.06.2087", "5.6.2087")
    assert not any(v in str(info.value) for v in verboten_spaet)


def test_age_functions_name_no_birth_date_in_their_errors():
    for aufruf in (
        lambda: alter_am(_GEB, dt.date(1980, 1, 1)),
        lambda: unter_25(_GEB, dt.date(1986, 1, 1)),
        lambda: alter_am(_GEB.isoformat(), dt.date(2024, 1, 1)),
        lambda: alter_am(dt.datetime(1987, 6, 5, 8, 30), dt.date(2024, 1, 1)),
        lambda: unter_25(dt.date(1887, 6, 5), dt.date(2024, 1, 1)),
    ):
        with pytest.raises(kooplan.KooplanError) as info:
            aufruf()
        pruefe_fehler(info.value)


# -- value objects built with wrong values (the Python API) ----------------------------------

#: Wrong values for the fields of the classes that hold plan text or a birth date.
FALSCH: list[Any] = [
    GEHEIM,
    {"eingliederungsziel": GEHEIM},
    [GEHEIM, 5],
    (GEHEIM, ""),
    dt.datetime(1987, 6, 5, 8, 30),
    _GEB.isoformat(),
    19870605,
]


def _gueltig(cls: type) -> dict[str, Any]:
    plan = kooplan.Kooperationsplan(f"{GEHEIM} Ziel", [f"{GEHEIM} Schritt"])
    return {
        kooplan.Fall: {"fall": "SD-API", "ereignisse": (), "geburtsdatum": _GEB},
        kooplan.Kooperationsplan: {"eingliederungsziel": GEHEIM, "schritte": (GEHEIM,)},
        kooplan.Eigenbemuehungen: {
            "art": GEHEIM,
            "anzahl": 2,
            "zeitraum": kooplan.Zeitraum.WOCHE,
            "nachweis": GEHEIM,
        },
        kooplan.PlanErstellt: {"am": dt.date(2024, 1, 15), "plan": plan},
        kooplan.PlanFortgeschrieben: {"am": dt.date(2024, 1, 15), "plan": plan},
    }[cls]


#: Fields validated by ``attrs.validators.instance_of``, whose TypeError quotes the value.


def _api_faelle() -> Iterator[Any]:
    for cls in (
        kooplan.Fall,
        kooplan.Kooperationsplan,
        kooplan.Eigenbemuehungen,
        kooplan.PlanErstellt,
        kooplan.PlanFortgeschrieben,
    ):
        for feld in attrs.fields(cls):
            yield pytest.param(cls, feld.name, id=f"{cls.__name__}.{feld.name}")


@pytest.mark.parametrize(("cls", "feld"), list(_api_faelle()))
def test_value_objects_built_with_wrong_values_give_typed_errors_without_the_value(cls, feld):
    gueltig = _gueltig(cls)
    cls(**gueltig)  # the valid form builds
    fehler = 0
    for wert in FALSCH:
        kw = {**gueltig, feld: wert}
        try:
            with warnings.catch_warnings(record=True) as gewarnt:
                warnings.simplefilter("always")
                cls(**kw)
        except BaseException as err:  # any exception is judged
            pruefe_fehler(err, f"{cls.__name__}.{feld}={wert!r}")
            fehler += 1
        for w in gewarnt:
            pruefe_text(str(w.message))
    assert fehler  # every field refuses some wrong value


# -- logging -------------------------------------------------------------------------------------


def test_logging_at_debug_through_the_whole_flow_shows_no_personal_data(caplog, tmp_path):
    caplog.set_level(logging.DEBUG)  # restored after the test, like the next one
    caplog.set_level(logging.DEBUG, logger="kooplan")
    log = logging.getLogger("kooplan.test_sozialdaten")
    for obj in PRIVAT.values():
        fall = fall_aus_json(_bytes(obj))
        kooplan.verlauf(fall, dt.date(2026, 12, 1))
        log.debug("Fall gelesen: %r, Zustand %r", fall, kooplan.falte(fall, dt.date(2026, 12, 1)))
    for fall, anliegen, stichtag, faellig in _frage():
        try:
            e = kooplan.entscheide(fall, anliegen, stichtag, faellig)
            log.debug("entschieden: %r", e)
        except kooplan.KooplanError:
            log.exception("Fehler beim Entscheiden")
    for wo, obj in list(_fehlerfaelle())[::7]:
        try:
            fall_aus_json(_bytes(obj))
        except kooplan.KooplanError as err:
            log.exception("Fehler beim Lesen von %s", wo.split(":")[0])
            log.warning("%s", err)
    datei = tmp_path / "privat.jsonl"
    datei.write_bytes(b"\n".join(_bytes(o) for o in PRIVAT.values()) + b"\n")
    main(
        ["entscheide", str(datei), "--anliegen", "massnahme", "--stichtag", "2024-04-20"],
        io.StringIO(),
        io.StringIO(),
    )
    main(["verlauf", str(datei), "--stichtag", "2024-04-20"], io.StringIO(), io.StringIO())
    assert caplog.records, "the capture works"
    pruefe_text(caplog.text, "caplog")
    for r in caplog.records:
        pruefe_text(r.getMessage(), r.name)
        if r.exc_info:
            pruefe_text("".join(traceback.format_exception(*r.exc_info)), r.name)


# -- the command line ----------------------------------------------------------------------------


@pytest.fixture
def privat_dateien(tmp_path) -> dict[str, Path]:
    jsonl = tmp_path / "privat.jsonl"
    zeilen = [_bytes(o) for o in PRIVAT.values()]
    # a broken line holding personal data, and cases with faults next to personal data
    zeilen.append(_bytes(VOLL)[:700])
    zeilen.append(_bytes(_setzen(JUNG, ("geburtsdatum",), f"{GEBURTSTAGE['jung']:%d.%m.%Y}")))
    zeilen.append(_bytes(_setzen(VOLL, ("ereignisse", 6, "plan", "schritte"), GEHEIM)))
    zeilen.append(_bytes(_setzen(JUNG, ("ereignisse", 1, "mitwirkung"), GEHEIM)))
    jsonl.write_bytes(b"\n".join(zeilen) + b"\n")
    einzeln = tmp_path / "jung.json"
    einzeln.write_bytes(_bytes(JUNG))
    return {"jsonl": jsonl, "json": einzeln}


def _lauf(argv: list[str], capsys) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(argv, out, err)
    cap = capsys.readouterr()
    return rc, out.getvalue() + err.getvalue() + cap.out + cap.err


@pytest.mark.parametrize("stichtag", ["2024-04-20", "2026-10-21"])
@pytest.mark.parametrize("anliegen", ANLIEGEN)
@pytest.mark.parametrize("datei", ["jsonl", "json"])
def test_cli_entscheide_output_holds_no_personal_data(
    privat_dateien, capsys, datei, anliegen, stichtag
):
    rc, text = _lauf(
        ["entscheide", str(privat_dateien[datei]), "--anliegen", anliegen, "--stichtag", stichtag],
        capsys,
    )
    assert rc in (0, 1) and text
    pruefe_text(text, f"entscheide {datei}")


@pytest.mark.parametrize("json_ausgabe", [False, True])
@pytest.mark.parametrize("datei", ["jsonl", "json"])
def test_cli_verlauf_output_holds_no_personal_data(privat_dateien, capsys, datei, json_ausgabe):
    argv = ["verlauf", str(privat_dateien[datei]), "--stichtag", "2026-12-01"]
    rc, text = _lauf(argv + (["--json"] if json_ausgabe else []), capsys)
    assert rc in (0, 1) and "SD-JUNG" in text
    pruefe_text(text, "verlauf")


@pytest.mark.parametrize("befehl", [["demo"], ["diagramm"], ["schema"]])
def test_cli_other_commands_print_no_personal_data(capsys, befehl):
    rc, text = _lauf(befehl, capsys)
    assert rc == 0 and text
    pruefe_text(text, befehl[0])


def test_faelle_lesen_results_hold_no_personal_data_in_their_repr(privat_dateien):
    for nr, ergebnis in faelle_lesen(privat_dateien["jsonl"].read_bytes(), "jsonl"):
        if isinstance(ergebnis, kooplan.KooplanError):
            pruefe_fehler(ergebnis, str(nr))
        else:
            pruefe_text(repr(ergebnis), str(nr))
            pruefe_text(repr(ergebnis.ereignisse), str(nr))


def test_text_and_markdown_explanations_hide_personal_data():
    """``str()``, ``als_text()``, ``als_markdown()`` of every decision and Verlauf of the flow
    (the case id is the caller's pseudonym and may appear)."""
    n = 0
    for o in ablauf()[0]:
        if isinstance(o, (kooplan.Entscheidung, kooplan.phasen.Verlauf)):
            fall_id = o.fall if isinstance(o, kooplan.Entscheidung) else None
            for text in (str(o), o.als_text(), o.als_markdown()):
                pruefe_ausgabe(text, fall_id, type(o).__name__)
            n += 1
    assert n > 10
