"""The loader's fast reader is held to the exact reader.

``fall_aus_objekt`` first reads a case in one pass without places and paths; on any fault it
lets the exact reader read the case again, to report the first fault in document order with its
JSON path. The fast reader must never accept what the exact reader refuses, must build the very
same case when both accept, and must not give up on plain valid cases (else it is no faster).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eingaben_bau import JSON_WERTE, fallartig, mutiert, umgestellt, wert_fuer
from kooplan.fehler import KooplanError
from kooplan.testing import fall_dicts
from kooplan.vertrag import laden
from kooplan.vertrag.felder import EIGENBEMUEHUNGEN_FELDER, FALL_FELDER, PLAN_FELDER, Feld, Typ
from kooplan.vertrag.laden import (
    EREIGNIS_SPEC,
    JSON_HAKEN,
    Zurueck,
    fall_aus_objekt,
    fall_genau,
    fall_schnell,
    feld_genau,
    feld_schnell,
    json_lesen,
)


def _beide(obj: Any) -> None:
    try:
        genau: Any = fall_genau(obj)
    except KooplanError as err:
        genau = err
    try:
        schnell: Any = fall_schnell(obj)
    except (Zurueck, KooplanError):
        schnell = None
    if schnell is not None:
        assert not isinstance(genau, KooplanError), f"fast reader accepted: {genau}"
        assert schnell == genau


@settings(max_examples=300, deadline=None)
@given(fall_dicts(max_ereignisse=20, ungeordnet=True))
def test_gueltige_faelle_liest_der_schnelle_leser_selbst(obj: dict[str, Any]) -> None:
    doc = json_lesen(json.dumps(obj))
    assert fall_schnell(doc) == fall_genau(doc)


@settings(max_examples=600, deadline=None)
@given(st.one_of(mutiert(), mutiert(hoechstens=1), umgestellt(), fallartig(), JSON_WERTE))
def test_nie_mehr_als_der_genaue_leser(obj: Any) -> None:
    _beide(obj)  # as Python objects (the batch API takes dicts)
    try:
        doc = json_lesen(json.dumps(obj))
    except (KooplanError, ValueError):
        return
    _beide(doc)  # as parsed JSON (duplicate keys are kept there)


@pytest.mark.parametrize(
    "text",
    [
        # a duplicate key: Python's dict keeps the last value, the contract refuses the case
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "fall": "JC-2", "ereignisse": []}',
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": '
        '[{"art": "plan_erstellt", "am": "2024-01-15", "am": "2024-01-16"}]}',
        # x_ data with a duplicate key deep inside
        '{"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": [], "x_a": {"b": 1, "b": 2}}',
    ],
)
def test_doppelte_schluessel_bleiben_fehler(text: str) -> None:
    with pytest.raises(KooplanError) as info:
        fall_aus_objekt(json_lesen(text))
    assert "doppelt" in str(info.value)


def test_eigene_x_daten_bleiben_erlaubt() -> None:
    doc = json_lesen('{"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": [], "x_a": [1]}')
    assert fall_aus_objekt(doc).fall == "JC-1"


# -- the field readers one by one ---------------------------------------------------------------
# The value objects check their fields again, so a fast field reader that let a bad value through
# would still end in the exact reader; these tests hold each field reader itself to the exact
# reader's rule for a single value (``feld_genau``), so that neither check leans on the other.

_EINFACHE_FELDER = sorted(
    {
        (name, feld)
        for spec in (FALL_FELDER, PLAN_FELDER, EIGENBEMUEHUNGEN_FELDER, *EREIGNIS_SPEC.values())
        for name, feld in spec.items()
        if feld.typ not in (Typ.PLAN, Typ.EIGENBEMUEHUNGEN, Typ.EREIGNISSE)
    },
    key=lambda nf: (nf[0], nf[1].typ.value, nf[1].werte, nf[1].minimum or 0, nf[1].maximum or 0),
)

#: Values at the edges of every field type's rule.
_GRENZWERTE: list[Any] = [
    True,
    False,
    0,
    1,
    -1,
    2,
    3,
    4,
    5,
    12,
    13,
    99,
    100,
    101,
    1000,
    1001,
    2**63,
    1.0,
    None,
    "",
    " ",
    "a",
    "\x00",
    "x\ny",
    "k" * 128,
    "k" * 129,
    "JC-1",
    "JC 1",
    "ä",
    "1900-01-01",
    "1899-12-31",
    "2099-12-31",
    "2100-01-01",
    "2024-02-29",
    "2023-02-29",
    "20240105",
    "2024-W01-1",
    "2024-01-05T00:00",
    "+2024-01-05",
    "٢٠٢٤-٠١-٠٥",
    "DE-BE",
    "DE-XX",
    "kooplan/fall/1",
    "massnahme",
    "Massnahme",
    [],
    [""],
    ["a"],
    ["a", " "],
    ["a", 1],
    {},
]


#: What `_genau_gelesen` gives for a value the exact reader refuses.
ABGELEHNT = object()


def _genau_gelesen(name: str, feld: Feld, wert: Any) -> Any:
    """The value as the exact reader reads it, or `ABGELEHNT`."""
    try:
        return feld_genau(feld, wert, name)
    except KooplanError:
        return ABGELEHNT


@pytest.mark.parametrize("name_feld", _EINFACHE_FELDER, ids=lambda nf: f"{nf[0]}:{nf[1].typ.value}")
@pytest.mark.parametrize("wert", _GRENZWERTE, ids=repr)
def test_feldleser_an_den_grenzen(name_feld: tuple[str, Feld], wert: Any) -> None:
    name, feld = name_feld
    genau = _genau_gelesen(name, feld, wert)
    try:
        schnell = feld_schnell(feld, wert)
    except Zurueck:
        return
    assert genau is not ABGELEHNT, f"the fast reader accepted what the exact one refuses: {name}"
    assert type(schnell) is type(genau) and schnell == genau


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(_EINFACHE_FELDER).flatmap(lambda nf: st.tuples(st.just(nf), wert_fuer(nf[1])))
)
def test_feldleser_nie_mehr_als_der_genaue(nf_wert: tuple[tuple[str, Feld], Any]) -> None:
    (name, feld), wert = nf_wert
    genau = _genau_gelesen(name, feld, wert)
    try:
        schnell = feld_schnell(feld, wert)
    except Zurueck:
        return
    assert genau is not ABGELEHNT
    assert type(schnell) is type(genau) and schnell == genau


@pytest.mark.parametrize("name_feld", _EINFACHE_FELDER, ids=lambda nf: f"{nf[0]}:{nf[1].typ.value}")
def test_feldleser_nimmt_gueltige_werte(name_feld: tuple[str, Feld]) -> None:
    """Each field reader reads the valid values of its field itself (else it is no faster)."""
    name, feld = name_feld
    gueltig = [w for w in _GRENZWERTE if _genau_gelesen(name, feld, w) is not ABGELEHNT]
    gueltig += list(feld.werte) if feld.typ in (Typ.ENUM, Typ.KONSTANTE) else []
    for wert in gueltig:
        assert feld_schnell(feld, wert) == _genau_gelesen(name, feld, wert)


def test_ein_programmierfehler_im_schnellen_leser_wird_nicht_verschluckt(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only a fault of the case sends it to the exact reader; a bug must surface."""

    def kaputt(obj: Any) -> Any:
        raise RuntimeError("bug")

    monkeypatch.setattr(laden, "fall_schnell", kaputt)
    with pytest.raises(RuntimeError):
        fall_aus_objekt({"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": []})


# -- json_lesen: one decoder for every case ---------------------------------------------------------


def _json_wie_zuvor(text: str | bytes) -> Any:
    """The reference: ``json.loads`` with the loader's hooks, after one BOM (as before the shared
    decoder); errors as their class and message."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return json.loads(text, **JSON_HAKEN)


_STUECKE = st.sampled_from(
    [
        "{",
        "}",
        "[",
        "]",
        '"a"',
        '"b"',
        ":",
        ",",
        " ",
        "\ufeff",
        "1",
        "-0",
        "1e999",
        "NaN",
        "Infinity",
        "true",
        "null",
        '"\\u00e9"',
        '"\\x"',
        "\n",
        "\t",
    ]
)


@settings(max_examples=500)
@given(st.lists(_STUECKE, max_size=14).map("".join), st.booleans())
def test_json_lesen_reads_as_json_loads_with_the_hooks(text: str, als_bytes: bool) -> None:
    eingabe: str | bytes = text.encode("utf-8") if als_bytes else text
    if not text.lstrip("\ufeff").strip():
        with pytest.raises(KooplanError):
            json_lesen(eingabe)
        return
    fehler: ValueError | RecursionError | None = None
    try:
        erwartet: Any = _json_wie_zuvor(eingabe)
    except (ValueError, RecursionError) as err:
        fehler = err
    if fehler is None:
        gelesen = json_lesen(eingabe)
        assert gelesen == erwartet and type(gelesen) is type(erwartet)
        return
    with pytest.raises(KooplanError) as info:
        json_lesen(eingabe)
    assert info.value.__context__ is None and info.value.__cause__ is None
    if isinstance(fehler, json.JSONDecodeError):
        assert f"(Zeile {fehler.lineno}, Spalte {fehler.colno})" in info.value.meldung


def test_a_second_bom_is_refused_with_the_message_json_loads_gives() -> None:
    with pytest.raises(KooplanError) as info:
        json_lesen("\ufeff\ufeff{}")
    with pytest.raises(json.JSONDecodeError) as ref:
        _json_wie_zuvor("\ufeff\ufeff{}")
    assert f"(Zeile {ref.value.lineno}, Spalte {ref.value.colno})" in info.value.meldung
    assert json_lesen("\ufeff{}") == {}
