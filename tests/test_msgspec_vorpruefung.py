"""The duplicate-key pre-scan of the msgspec measurement (``benchmarks/msgspec_leser.py``).

A decoder that keeps the last value of a duplicate key (msgspec, and Python's ``json`` without a
hook) may only be trusted with a line that cannot hold one: the pre-scan must send every line
with a duplicate key, anywhere in it, to the exact reader. Checked on generated JSON: nested
objects and arrays, keys and values with colons, quotes, backslashes and non-ASCII characters,
blanks before and after the colon, and case-shaped objects (events, plans, Eigenbemühungen)
with the duplicate at any level. The keys decoded are counted on what Python's ``json`` decodes
(the same last-wins objects as msgspec's); one test uses msgspec itself where it is installed
(a benchmark-only package, not part of the ``test`` extra). Skipped where ``benchmarks/`` is not
next to ``tests/`` (the wheel test copies only ``tests`` and ``docs``).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DATEI = Path(__file__).resolve().parent.parent / "benchmarks" / "msgspec_leser.py"
if not DATEI.exists():
    pytest.skip("benchmarks/msgspec_leser.py liegt nicht neben tests/", allow_module_level=True)
_spec = importlib.util.spec_from_file_location("msgspec_leser", DATEI)
assert _spec is not None and _spec.loader is not None
leser = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(leser)

# -- JSON with duplicate keys: objects as lists of (key, value) pairs ------------------------------

ZEICHEN = st.sampled_from([*'ab:"\\ äß{}[],\t\u2028é0', "\x01", "\U0001f600"])
TEXT = st.lists(ZEICHEN, max_size=6).map("".join)
SKALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)


class Objekt(list[tuple[str, Any]]):
    """A JSON object that may name a key twice (its pairs in order)."""


def _baum(kinder: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(kinder, max_size=4),
        st.lists(st.tuples(TEXT, kinder), max_size=4).map(Objekt),
    )


WERT = st.recursive(SKALAR, _baum, max_leaves=12)
LEER = st.sampled_from(["", " ", "\t", "  ", "\r"])


@st.composite
def fallartig(draw: st.DrawFn) -> Objekt:
    """A case as the contract shapes it (events, a plan, its Eigenbemühungen), with other
    values mixed in."""

    def obj(*pflicht: tuple[str, Any]) -> Objekt:
        paare = list(pflicht) + draw(st.lists(st.tuples(TEXT, WERT), max_size=3))
        return Objekt(draw(st.permutations(paare)))

    ereignisse = []
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            eigen = obj(("art", "Bewerbungen"), ("anzahl", 4))
            ereignisse.append(
                obj(("art", "plan_erstellt"), ("plan", obj(("eigenbemuehungen", eigen))))
            )
        else:
            ereignisse.append(obj(("art", "termin_versaeumt"), ("am", "2025-01-06")))
    return obj(("fall", "JC-1"), ("ereignisse", ereignisse))


def _objekte(wert: Any) -> list[Objekt]:
    """Every object in the value, outer ones first."""
    if isinstance(wert, Objekt):
        return [wert, *(o for _, v in wert for o in _objekte(v))]
    if isinstance(wert, list):
        return [o for v in wert for o in _objekte(v)]
    return []


@st.composite
def mit_doppeltem_schluessel(draw: st.DrawFn) -> Objekt:
    """A JSON object with at least one key named twice in one of its objects."""
    wurzel = draw(st.one_of(WERT.map(lambda w: Objekt([("w", w)])), fallartig()))
    ziel = draw(st.sampled_from(_objekte(wurzel)))
    if ziel:
        schluessel = draw(st.sampled_from([k for k, _ in ziel]))
    else:
        schluessel = draw(TEXT)
        ziel.append((schluessel, draw(WERT)))
    ziel.insert(draw(st.integers(0, len(ziel))), (schluessel, draw(WERT)))
    return wurzel


def schreiben(draw: st.DrawFn, wert: Any, ascii: bool) -> str:
    """JSON text of the value, with blanks drawn around every colon and comma."""
    if isinstance(wert, Objekt):
        teile = [
            json.dumps(k, ensure_ascii=ascii)
            + draw(LEER)
            + ":"
            + draw(LEER)
            + schreiben(draw, v, ascii)
            for k, v in wert
        ]
        return "{" + ("," + draw(LEER)).join(teile) + "}"
    if isinstance(wert, list):
        return "[" + ", ".join(schreiben(draw, v, ascii) for v in wert) + "]"
    return json.dumps(wert, ensure_ascii=ascii)


@st.composite
def zeilen_mit_doppeltem_schluessel(draw: st.DrawFn) -> bytes:
    text = schreiben(draw, draw(mit_doppeltem_schluessel()), draw(st.booleans()))
    return text.encode("utf-8")


def _alle_zahlen(zeile: bytes) -> list[int]:
    """The keys decoded, as each counter of the benchmark counts them."""
    obj = json.loads(zeile)
    return [leser.schluessel_zahl(obj), leser.schluessel_zahl_fall(obj)]


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(zeilen_mit_doppeltem_schluessel())
def test_every_line_with_a_duplicate_key_goes_to_the_exact_reader(zeile: bytes) -> None:
    for zahl in _alle_zahlen(zeile):
        assert not leser.vorpruefung(zeile, zahl), zeile


def _ohne_doppelte(wert: Any) -> None:
    """Keep the first pair of each key in every object of the value."""
    for o in _objekte(wert):
        gesehen: set[str] = set()
        paare = []
        for k, v in o:
            if k not in gesehen:
                gesehen.add(k)
                paare.append((k, v))
        o[:] = paare


def _hat_text_mit_doppelpunkt(wert: Any) -> bool:
    if isinstance(wert, str):
        return ":" in wert
    if isinstance(wert, Objekt):
        return any(":" in k or _hat_text_mit_doppelpunkt(v) for k, v in wert)
    if isinstance(wert, list):
        return any(_hat_text_mit_doppelpunkt(v) for v in wert)
    return False


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_a_line_without_duplicates_takes_the_fast_path_where_it_can_be_counted(
    data: st.DataObject,
) -> None:
    """Without a backslash the colons outside strings are counted exactly; with one, a line
    passes when no string holds a colon."""
    obj = data.draw(st.one_of(WERT, fallartig()))
    _ohne_doppelte(obj)
    zeile = schreiben(data.draw, obj, data.draw(st.booleans())).encode("utf-8")
    zahl = leser.schluessel_zahl(json.loads(zeile))
    if b"\\" not in zeile or not _hat_text_mit_doppelpunkt(obj):
        assert leser.vorpruefung(zeile, zahl), zeile


def test_counting_only_quote_colon_misses_a_duplicate_before_a_blank() -> None:
    zeile = b'{"a" : 1, "a": 2}'
    zahl = leser.schluessel_zahl(json.loads(zeile))
    assert zahl == 1
    assert leser.vorpruefung_anfuehrung(zeile, zahl)  # the rule by '":' alone lets it through
    assert not leser.vorpruefung(zeile, zahl)


@pytest.mark.parametrize(
    "zeile",
    [
        b'{"fall": "JC-1", "fall": "JC-2", "ereignisse": []}',
        b'{"fall":"JC-1","ereignisse":[{"art":"plan_erstellt","am":"2025-01-06","am":"2025-01-07"}]}',
        b'{"ereignisse": [{"art": "plan_erstellt", "plan": {"schritte": [], "schritte": ["x"]}}]}',
        b'{"x_a": {"b": 1, "b": 2}, "ereignisse": []}',
        b'{"a": "x:y", "a": 1}',
        b'{"a\\"": 1, "a\\"": 2, "c": "\\u003a"}',
        b'{"k": 1, "k"\t:2}',
    ],
)
def test_known_shapes_of_a_duplicate_go_to_the_exact_reader(zeile: bytes) -> None:
    for zahl in _alle_zahlen(zeile):
        assert not leser.vorpruefung(zeile, zahl)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(zeilen_mit_doppeltem_schluessel())
def test_with_msgspec_itself(zeile: bytes) -> None:
    msgspec = pytest.importorskip(
        "msgspec", reason="msgspec ist nur für die Messung installiert (pip install msgspec)"
    )
    try:
        obj = msgspec.json.decode(zeile)
    except msgspec.DecodeError:  # what msgspec cannot read goes to the exact reader anyway
        return
    assert not leser.vorpruefung(zeile, leser.schluessel_zahl(obj))
    assert not leser.vorpruefung(zeile, leser.schluessel_zahl_fall(obj))
