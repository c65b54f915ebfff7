"""Value objects refuse every wrong field with a typed error (brief: "an invalid plan or event
cannot be built"; "bad input never ends in a bare KeyError or TypeError").

The instances come from the bundled examples (cases, their events and plans, states, decisions,
reasons, notes, Rechtsfolgen): each field of each is replaced by values of the wrong kind, and the
result must be a :class:`kooplan.KooplanError` that names the field (or a valid object, where the
value happens to be allowed). Before this test, an ``Entscheidung`` with ``gruende=5`` raised a
bare ``TypeError`` from ``attrs.validators.deep_iterable``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

import kooplan
from kooplan.beispiele import beispiele
from kooplan.entscheidung import Entscheidung
from kooplan.phasen import falte, verlauf
from kooplan.rechtsfolgen import minderungen_monatlich
from kooplan.vertrag import fall_aus_objekt

ERSTER_MONAT = dt.date(2023, 7, 1)
#: Values of the wrong kind for almost any field.
FALSCH: tuple[Any, ...] = (5, None, "x", "", (), (5,), ("x",), [], {}, object(), 1.5, True)


def _werte(obj: Any) -> Iterator[Any]:
    """``obj`` and every attrs instance inside it (fields, tuples of fields)."""
    if attrs.has(type(obj)):
        yield obj
        for f in attrs.fields(type(obj)):
            yield from _werte(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for x in obj:
            yield from _werte(x)


#: A case with a full plan (the examples have none with Eigenbemühungen).
MIT_PLAN = {
    "schema": "kooplan/fall/1",
    "fall": "JC-PLAN",
    "ereignisse": [
        {
            "art": "plan_erstellt",
            "am": "2024-01-15",
            "plan": {
                "eingliederungsziel": "Fachkraft Lagerlogistik",
                "schritte": ["Staplerschein"],
                "eigenbemuehungen": {
                    "art": "Bewerbungen",
                    "anzahl": 4,
                    "zeitraum": "monat",
                    "nachweis": "Liste",
                },
                "leistungen": ["Coaching"],
                "integrationskurs": False,
            },
        }
    ],
}


#: A case with the event arts the examples lack (history, Minderungen, Härte, Schlichtung).
VIELE = {
    "schema": "kooplan/fall/1",
    "fall": "JC-VIELE",
    "regelbedarfsstufe": 1,
    "ereignisse": [
        {"art": "eingliederungsvereinbarung", "am": "2023-05-01"},
        {
            "art": "minderung_festgestellt",
            "am": "2023-06-01",
            "id": "m0",
            "grund": "pflichtverletzung",
            "prozent": 10,
            "beginn": "2023-07-01",
        },
        {"art": "plan_erstellt", "am": "2023-08-10"},
        {
            "art": "mitwirkung_unterblieben",
            "am": "2024-02-01",
            "id": "v1",
            "mitwirkung": "massnahme",
            "wichtiger_grund": False,
        },
        {
            "art": "minderung_festgestellt",
            "am": "2024-02-20",
            "id": "m1",
            "bezug": "v1",
            "grund": "pflichtverletzung",
            "prozent": 10,
            "beginn": "2024-03-01",
        },
        {"art": "haerte_festgestellt", "am": "2024-02-25", "bezug": "m1"},
        {"art": "minderung_aufgehoben", "am": "2024-03-10", "bezug": "m0"},
        {"art": "bereitschaft_erklaert", "am": "2024-03-12"},
        {"art": "plan_fortgeschrieben", "am": "2024-04-01"},
        {"art": "schlichtung_begonnen", "am": "2024-05-01", "verlangt_von": "leistungsberechtigte"},
        {"art": "schlichtung_beendet", "am": "2024-05-10", "einigung": True},
    ],
}


def _instanzen() -> dict[str, Any]:
    """One instance per attrs class reachable from the examples' cases, states and decisions."""
    gefunden: dict[str, Any] = {}
    fragen = [
        (MIT_PLAN, ("massnahme",), dt.date(2024, 2, 1), None),
        (VIELE, ("massnahme",), dt.date(2024, 6, 1), None),
    ]
    fragen += [(b.fall, b.anliegen, b.stichtag, b.faellig) for b in beispiele()]
    for objekt, anliegen_alle, stichtag, faellig in fragen:
        fall = fall_aus_objekt(objekt)
        wurzeln: list[Any] = [fall]
        with contextlib.suppress(kooplan.KooplanError):
            wurzeln.append(falte(fall, stichtag))
            wurzeln.append(tuple(verlauf(fall, stichtag)))
            wurzeln.append(minderungen_monatlich(fall, stichtag, ERSTER_MONAT, stichtag))
        for anliegen in anliegen_alle:
            with contextlib.suppress(kooplan.KooplanError):
                wurzeln.append(kooplan.entscheide(fall, anliegen, stichtag, faellig))
        for w in wurzeln:
            for obj in _werte(w):
                gefunden.setdefault(type(obj).__name__, obj)
    return gefunden


INSTANZEN = _instanzen()


def test_the_examples_reach_the_value_objects_that_matter() -> None:
    for name in (
        "Fall",
        "Zustand",
        "Entscheidung",
        "Grund",
        "Hinweis",
        "Rechtsfolge",
        "Baustein",
        "Schritt",
        "Monat",
        "Terminversaeumnis",
        "OffeneMitwirkung",
    ):
        assert name in INSTANZEN, name
    assert "Kooperationsplan" in INSTANZEN and "Eigenbemuehungen" in INSTANZEN
    assert {a.__name__ for a in kooplan.ARTEN.values()} <= set(INSTANZEN)  # every event class


@pytest.mark.parametrize("name", sorted(INSTANZEN))
def test_every_field_refuses_a_wrong_kind_with_a_typed_error(name: str) -> None:
    obj = INSTANZEN[name]
    for f in attrs.fields(type(obj)):
        if not f.init:
            continue
        for wert in FALSCH:
            try:
                attrs.evolve(obj, **{f.alias: wert})
            except kooplan.KooplanError as err:
                assert err.ort is None or err.ort.split("[")[0].split(".")[0] in (f.name, f.alias)
            # any other exception fails the test


#: Rows of kooplan's own tables: constant data built at import and checked as a whole (the
#: transition table, the rule tables and the Sanktionsrecht by tests/test_tabelle.py, the
#: catalogue and the scenario files), not values a caller builds or passes in.
TABELLENZEILEN = {"Uebergang", "Regel", "HinweisRegel", "Stufe", "Sanktionsrecht"}


@pytest.mark.parametrize("name", sorted(set(INSTANZEN) - TABELLENZEILEN))
def test_every_field_is_checked(name: str) -> None:
    """No field takes anything: an arbitrary object is refused by every field of every value
    object (before, ``Zustand``, ``Rechtsfolge``, ``Baustein``, ``Terminversaeumnis``,
    ``OffeneMitwirkung`` and ``Rechtsstand`` took any value)."""
    obj = INSTANZEN[name]
    for f in attrs.fields(type(obj)):
        if not f.init:
            continue
        with pytest.raises(kooplan.KooplanError) as info:
            attrs.evolve(obj, **{f.alias: object()})
        assert info.value.ort is not None and info.value.ort.split("[")[0] in (f.name, f.alias)


def test_a_decision_with_gruende_of_the_wrong_kind_names_the_field() -> None:
    e = INSTANZEN["Entscheidung"]
    assert isinstance(e, Entscheidung)
    for wert, ort in (
        (5, "gruende"),
        ((), "gruende"),
        ([*e.gruende], "gruende"),
        ((5,), "gruende[0]"),
    ):
        with pytest.raises(kooplan.UngueltigeEingabe) as info:
            attrs.evolve(e, gruende=wert)
        assert info.value.ort == ort
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        attrs.evolve(e, hinweise=(*e.hinweise, "kein Hinweis"))
    assert info.value.ort == f"hinweise[{len(e.hinweise)}]"
    with pytest.raises(kooplan.UngueltigeEingabe) as info:
        attrs.evolve(e, naechste_ueberpruefung=dt.datetime(2025, 1, 1, 12))
    assert info.value.ort == "naechste_ueberpruefung"
    assert attrs.evolve(e, naechste_ueberpruefung=None).naechste_ueberpruefung is None


def test_days_derived_from_the_last_accepted_days_may_lie_in_2100() -> None:
    """Input days end on 31.12.2099; what kooplan derives from them (the review six months after
    a plan, the first month of a Minderung and the last day to find it) may lie after that. Before,
    a plan made on 1.7.2099 gave ``ungueltige_eingabe`` at ``naechste_ueberpruefung``."""
    fall = kooplan.Fall(
        "JC-2099",
        [
            kooplan.PlanErstellt(am=dt.date(2099, 7, 1)),
            kooplan.MitwirkungUnterblieben(
                am=dt.date(2099, 12, 1),
                mitwirkung=kooplan.Mitwirkung.MASSNAHME,
                wichtiger_grund=False,
            ),
        ],
    )
    e = kooplan.entscheide(fall, "massnahme", dt.date(2099, 12, 31))
    assert e.naechste_ueberpruefung == dt.date(2100, 1, 1)
    assert e.rechtsfolgen is not None
    # posted 31.12.2099 at the earliest, made known on the fourth day, 4.1.2100 (§ 37 Abs. 2
    # SGB X): the Minderung could begin on 1.2.2100 (§ 31b Abs. 1 Satz 1)
    assert e.rechtsfolgen.beginn_fruehestens == dt.date(2100, 2, 1)
    assert e.rechtsfolgen.feststellung_bis == dt.date(2100, 6, 30)
    with pytest.raises(kooplan.UngueltigeEingabe):
        attrs.evolve(e, naechste_ueberpruefung=dt.date(2101, 1, 1))
