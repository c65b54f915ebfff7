"""The loader's fast reader is held to the exact reader.

``fall_aus_objekt`` first reads a case in one pass without places and paths; on any fault it
lets the exact reader read the case again, to report the first fault in document order with its
JSON path. The fast reader must never accept what the exact reader refuses, must build the very
same case when both accept, and must not give up on plain valid cases (else it is no faster).
"""

from __future__ import annotations

import ast
import copy
import datetime as dt
import inspect
import json
import textwrap
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eingaben_bau import JSON_WERTE, VOLL, fallartig, mutiert, umgestellt, wert_fuer
from faelle_bau import ev
from kooplan import entscheide
from kooplan.fehler import KooplanError
from kooplan.testing import fall_als_dict, fall_dicts
from kooplan.vertrag import entscheidung_als_zeile, fehler_als_dict, laden
from kooplan.vertrag.felder import EIGENBEMUEHUNGEN_FELDER, FALL_FELDER, PLAN_FELDER, Feld, Typ
from kooplan.vertrag.laden import (
    BAUPLAENE,
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
from kooplan.werte.ereignisse import ARTEN, QUERPRUEFUNGEN, HaerteFestgestellt, Sperrzeit
from kooplan.werte.fall import Fall
from kooplan.werte.plan import Eigenbemuehungen, Kooperationsplan


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
# The fast reader builds the value objects without their validators, so a fast field reader that
# let a bad value through would build an invalid case; these tests hold each field reader itself
# to the exact reader's rule for a single value (``feld_genau``), and the tests further below to
# the validator of its attrs field.

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


# -- building without a second validation ---------------------------------------------------------
# The fast reader builds the events, plans, Eigenbemühungen and the Fall from the fields it
# checked, without running their attrs validators again. So every check a validator or a
# constructor made must be made by the fast reader itself: the field readers are held to the
# validator of their attrs field, the builders to the fields of their class, and cases broken in
# exactly the checks that only the constructors made until then are held to the exact reader.

_KLASSEN: list[tuple[type[Any], dict[str, Feld]]] = [
    (Fall, {k: f for k, f in FALL_FELDER.items() if k != "schema"}),
    (Kooperationsplan, dict(PLAN_FELDER)),
    (Eigenbemuehungen, dict(EIGENBEMUEHUNGEN_FELDER)),
    *[
        (ARTEN[art], {k: f for k, f in spec.items() if k != "art"})
        for art, spec in EREIGNIS_SPEC.items()
    ],
]
"""Every class the fast reader builds, with the spec it reads its fields by."""


def test_jeder_bauplan_setzt_jedes_feld_seiner_klasse() -> None:
    assert set(BAUPLAENE) == {cls for cls, _ in _KLASSEN}
    for cls, spec in _KLASSEN:
        namen = tuple(a.name for a in attrs.fields(cls))
        assert BAUPLAENE[cls].namen == namen, cls.__name__
        assert BAUPLAENE[cls].cls is cls
        assert set(spec) == set(namen), cls.__name__
        # a field the class requires is required by the contract (the builder reads it without
        # a default); a field with a default is a plain value the builder may share
        for a in attrs.fields(cls):
            assert a.default is not attrs.NOTHING or spec[a.name].pflicht, (cls, a.name)
            assert not isinstance(a.default, (list, dict, set)), (cls, a.name)


def test_ein_bauplan_ohne_feld_faellt_auf() -> None:
    """The builder refuses a spec that misses a field of its class, or a class's check across
    fields left out (checked when the loader is imported)."""
    bau = type(BAUPLAENE[HaerteFestgestellt])
    spec = {
        k: f for k, f in EREIGNIS_SPEC["haerte_festgestellt"].items() if k not in ("art", "bis")
    }
    with pytest.raises(AssertionError):
        bau(HaerteFestgestellt, spec, QUERPRUEFUNGEN["haerte_festgestellt"][1])
    with pytest.raises(AssertionError):  # its check across fields left out
        bau(HaerteFestgestellt, {**spec, "bis": EREIGNIS_SPEC["haerte_festgestellt"]["bis"]})


def test_nach_der_erzeugung_prueft_jede_klasse_nur_ihre_querpruefung() -> None:
    """An ``__attrs_post_init__`` does nothing but run the class's `QUERPRUEFUNGEN` check
    (``_quer(self)``): the builder runs that check instead, so nothing else may be in it."""
    mit = set()
    for cls, _ in _KLASSEN:
        nach = cls.__dict__.get("__attrs_post_init__")
        if nach is None:
            continue
        mit.add(cls.art)
        baum = ast.parse(textwrap.dedent(inspect.getsource(nach)))
        (funktion,) = baum.body
        assert isinstance(funktion, ast.FunctionDef)
        rumpf = [
            s
            for s in funktion.body
            if not isinstance(s, ast.Expr) or not isinstance(s.value, ast.Constant)
        ]
        assert len(rumpf) == 1, cls.__name__
        aufruf = rumpf[0]
        assert isinstance(aufruf, ast.Expr) and isinstance(aufruf.value, ast.Call)
        assert ast.unparse(aufruf.value) == "_quer(self)", cls.__name__
    assert mit == set(QUERPRUEFUNGEN)


def _validator_nimmt(cls: type[Any], name: str, gelesen: Any) -> bool:
    """Whether the attrs validator of ``cls.name`` (after its converter) accepts the value."""
    a = attrs.fields_dict(cls)[name]
    wert = a.converter(gelesen) if a.converter is not None else gelesen  # type: ignore[operator]
    try:
        if a.validator is not None:
            a.validator(None, a, wert)
    except KooplanError:
        return False
    return True


_FELDER_DER_KLASSEN = [
    (cls, name, feld)
    for cls, spec in _KLASSEN
    for name, feld in spec.items()
    if feld.typ not in (Typ.PLAN, Typ.EIGENBEMUEHUNGEN, Typ.EREIGNISSE)
]


@pytest.mark.parametrize(
    "cls_name_feld", _FELDER_DER_KLASSEN, ids=lambda c: f"{c[0].__name__}.{c[1]}"
)
@pytest.mark.parametrize("wert", _GRENZWERTE, ids=repr)
def test_feldleser_so_streng_wie_der_validator_an_den_grenzen(
    cls_name_feld: tuple[type[Any], str, Feld], wert: Any
) -> None:
    cls, name, feld = cls_name_feld
    try:
        gelesen = feld_schnell(feld, wert)
    except Zurueck:
        return
    assert _validator_nimmt(cls, name, gelesen), f"{cls.__name__}.{name} reads what it refuses"


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(_FELDER_DER_KLASSEN).flatmap(
        lambda c: st.tuples(st.just(c), wert_fuer(c[2]) | st.dates().map(dt.date.isoformat))
    )
)
def test_feldleser_so_streng_wie_der_validator(
    c_wert: tuple[tuple[type[Any], str, Feld], Any],
) -> None:
    (cls, name, feld), wert = c_wert
    try:
        gelesen = feld_schnell(feld, wert)
    except Zurueck:
        return
    assert _validator_nimmt(cls, name, gelesen), f"{cls.__name__}.{name} reads what it refuses"


# -- cases broken in a check that only the constructors made ------------------------------------

_TAGE = st.dates(dt.date(2023, 7, 1), dt.date(2026, 6, 30))
_AUSSERHALB = st.one_of(
    st.sampled_from(["1899-12-31", "2100-01-01", "0001-01-01", "9999-12-31"]),
    st.dates(max_value=dt.date(1899, 12, 31)).map(dt.date.isoformat),
    st.dates(min_value=dt.date(2100, 1, 1)).map(dt.date.isoformat),
)
_PFLICHT = {"grund": "pflichtverletzung", "prozent": 10}


def _tag(d: dt.date, tage: int = 0) -> str:
    return (d + dt.timedelta(days=tage)).isoformat()


def _minderung(am: dt.date, **felder: Any) -> dict[str, Any]:
    return ev("minderung_festgestellt", am.isoformat(), beginn=_tag(am, 30), **felder)


_VERLETZUNGEN = [
    "termin_vor_am",
    "bis_vor_am",
    "ev_ab_juli_2023",
    "sperrzeit_ohne_tatbestand",
    "stufe_bei_sperrzeit_meldeversaeumnis",
    "stufe_ohne_pflichtverletzung",
    "prozent_ohne_stufe",
    "datum_ausserhalb",
    "id_doppelt",
    "bezug_ohne_ziel",
    "bezug_nicht_vorher",
    "bezug_am_selben_tag_danach",
    "bezug_auf_sich",
    "bezug_falsche_art",
]
"""The checks that only the constructors made, each broken on its own."""


@st.composite
def _verletzung(draw: st.DrawFn, art: str) -> tuple[str, list[dict[str, Any]]]:
    """The events that break the check ``art``, to put into a valid case (their ids start with
    ``zz-``, which the generated cases never use)."""
    d = draw(_TAGE)
    k = draw(st.integers(1, 2) | st.integers(1, 400))  # mostly a day or two: the edge
    if art == "termin_vor_am":
        return art, [ev("einladung_versandt", d.isoformat(), termin=_tag(d, -k))]
    if art == "bis_vor_am":
        return art, [ev("haerte_festgestellt", d.isoformat(), bis=_tag(d, -k))]
    if art == "ev_ab_juli_2023":
        return art, [ev("eingliederungsvereinbarung", d.isoformat())]
    if art == "sperrzeit_ohne_tatbestand":
        tatbestand = draw(st.sampled_from([None, "abs1_nr1", "abs1_nr3", "abs2_nr1", "abs2_nr2"]))
        grund = draw(st.sampled_from(["pflichtverletzung", "meldeversaeumnis"]))
        extra = {} if tatbestand is None else {"tatbestand": tatbestand}
        sperrzeit = draw(st.sampled_from([s.value for s in Sperrzeit]))
        return art, [_minderung(d, grund=grund, prozent=10, sperrzeit=sperrzeit, **extra)]
    if art == "stufe_bei_sperrzeit_meldeversaeumnis":
        felder = {"tatbestand": "abs2_nr3", "sperrzeit": "meldeversaeumnis"}
        return art, [_minderung(d, **_PFLICHT, stufe=draw(st.integers(1, 3)), **felder)]
    if art == "stufe_ohne_pflichtverletzung":
        extra = draw(
            st.sampled_from(
                [
                    {"stufe": 1},
                    {"tatbestand": "abs1_nr1"},
                    {"stufe": 3, "tatbestand": "abs2_nr4"},
                ]
            )
        )
        return art, [_minderung(d, grund="meldeversaeumnis", prozent=10, **extra)]
    if art == "prozent_ohne_stufe":
        prozent = draw(st.integers(1, 100).filter(lambda p: p not in (10, 20, 30)))
        return art, [_minderung(d, grund="pflichtverletzung", prozent=prozent)]
    if art == "datum_ausserhalb":
        falsch = draw(_AUSSERHALB)
        feld = draw(st.sampled_from(["am", "termin", "beginn", "bis"]))
        if feld == "termin":
            return art, [ev("einladung_versandt", d.isoformat(), termin=falsch)]
        if feld == "beginn":
            return art, [{**_minderung(d, **_PFLICHT), "beginn": falsch}]
        if feld == "bis":
            return art, [ev("haerte_festgestellt", d.isoformat(), bis=falsch)]
        return art, [ev(draw(st.sampled_from(sorted(ARTEN))), falsch)]
    if art == "id_doppelt":
        zweite = draw(st.sampled_from(["plan_gescheitert", "termin_wahrgenommen"]))
        return art, [
            ev("termin_wahrgenommen", d.isoformat(), id="zz-1"),
            ev(zweite, _tag(d, draw(st.integers(-5, 5))), id="zz-1"),
        ]
    if art == "bezug_ohne_ziel":
        return art, [
            draw(
                st.sampled_from(
                    [
                        ev("wichtiger_grund_nachgewiesen", d.isoformat(), bezug="zz-fehlt"),
                        ev("minderung_aufgehoben", d.isoformat(), bezug="zz-fehlt"),
                        ev("haerte_festgestellt", d.isoformat(), bezug="zz-fehlt"),
                        ev(
                            "termin_versaeumt",
                            d.isoformat(),
                            wichtiger_grund=False,
                            einladung="zz-fehlt",
                        ),
                        _minderung(d, **_PFLICHT, bezug="zz-fehlt"),
                    ]
                )
            )
        ]
    ziel, nennt = draw(
        st.sampled_from(
            [
                (
                    ev("termin_versaeumt", "", id="zz-z", wichtiger_grund=False),
                    ev("wichtiger_grund_nachgewiesen", "", bezug="zz-z"),
                ),
                (
                    ev(
                        "mitwirkung_unterblieben",
                        "",
                        id="zz-z",
                        mitwirkung="massnahme",
                        wichtiger_grund=False,
                    ),
                    _minderung(d, **_PFLICHT, bezug="zz-z"),
                ),
                (
                    _minderung(d, **_PFLICHT, id="zz-z"),
                    ev("minderung_aufgehoben", "", bezug="zz-z"),
                ),
                (_minderung(d, **_PFLICHT, id="zz-z"), ev("haerte_festgestellt", "", bezug="zz-z")),
                (
                    ev("einladung_versandt", "", id="zz-z"),
                    ev("termin_versaeumt", "", wichtiger_grund=True, einladung="zz-z"),
                ),
            ]
        )
    )
    if art == "bezug_nicht_vorher":  # the named event lies later, wherever it stands
        ziel, nennt = {**ziel, "am": _tag(d, k)}, {**nennt, "am": d.isoformat()}
        return art, draw(st.permutations([ziel, nennt]))
    if art == "bezug_am_selben_tag_danach":
        return art, [{**nennt, "am": d.isoformat()}, {**ziel, "am": d.isoformat()}]
    if art == "bezug_auf_sich":
        return art, [{**nennt, "am": d.isoformat(), "id": "zz-z"}]
    # bezug_falsche_art: the named event is of an art the field may not name
    falsch = draw(
        st.sampled_from(
            [
                "plan_gescheitert",
                "termin_wahrgenommen",
                "einladung_versandt",
                "minderung_aufgehoben",
            ]
        )
    )
    if falsch == "minderung_aufgehoben":
        ziel = ev(falsch, "", id="zz-z", bezug="zz-m")
        vorher = [_minderung(d - dt.timedelta(days=k + 1), **_PFLICHT, id="zz-m")]
    else:
        ziel, vorher = ev(falsch, "", id="zz-z"), []
    if falsch == "einladung_versandt" and nennt["art"] == "termin_versaeumt":
        falsch = "plan_gescheitert"
        ziel = ev(falsch, "", id="zz-z")
    return art, [*vorher, {**ziel, "am": _tag(d, -k)}, {**nennt, "am": d.isoformat()}]


@st.composite
def _knapp_gueltig(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Events that pass those checks on their edge: a day on the limit, the checks across fields
    just met, an event named on the same day before it."""
    d = draw(_TAGE)
    wahl = draw(st.integers(0, 9))
    if wahl == 0:
        return [ev("einladung_versandt", d.isoformat(), termin=_tag(d, draw(st.integers(0, 2))))]
    if wahl == 1:
        return [ev("haerte_festgestellt", d.isoformat(), bis=_tag(d, draw(st.integers(0, 2))))]
    if wahl == 2:
        return [
            ev("eingliederungsvereinbarung", _tag(dt.date(2023, 6, 30), -draw(st.integers(0, 9))))
        ]
    if wahl == 3:
        return [_minderung(d, **_PFLICHT, tatbestand="abs2_nr3", sperrzeit="meldeversaeumnis")]
    if wahl == 4:
        return [
            _minderung(
                d,
                grund="pflichtverletzung",
                prozent=draw(st.sampled_from([10, 20, 30])),
                tatbestand=draw(st.sampled_from(["abs2_nr3", "abs2_nr4"])),
                sperrzeit=draw(st.sampled_from([s.value for s in Sperrzeit])),
            )
        ]
    if wahl == 5:
        return [_minderung(d, grund="meldeversaeumnis", prozent=draw(st.integers(1, 100)))]
    if wahl == 6:
        tag = draw(st.sampled_from(["1900-01-01", "2099-12-31"]))
        return [ev(draw(st.sampled_from(["termin_wahrgenommen", "plan_gescheitert"])), tag)]
    if wahl == 7:  # named on the same day, before it in the list
        return [
            ev("termin_versaeumt", d.isoformat(), id="zz-z", wichtiger_grund=False),
            ev("wichtiger_grund_nachgewiesen", d.isoformat(), bezug="zz-z"),
        ]
    if wahl == 8:  # named earlier, though later in the list
        return [
            ev("haerte_festgestellt", _tag(d, 1), bezug="zz-z"),
            _minderung(d, **_PFLICHT, id="zz-z"),
        ]
    return [
        ev("einladung_versandt", d.isoformat(), id="zz-z", rfb=True, termin=_tag(d, 7)),
        ev("termin_versaeumt", _tag(d, 7), wichtiger_grund=False, einladung="zz-z"),
    ]


def _einfuegen(draw: st.DrawFn, obj: dict[str, Any], neue: list[dict[str, Any]]) -> dict[str, Any]:
    """The case with ``neue`` put into its events in their order, each at a random place."""
    obj = copy.deepcopy(obj)
    ereignisse = obj["ereignisse"]
    stelle = 0
    for e in neue:
        stelle = draw(st.integers(stelle, len(ereignisse)))
        ereignisse.insert(stelle, e)
        stelle += 1
    return obj


@st.composite
def _verletzte_faelle(draw: st.DrawFn, art: str) -> dict[str, Any]:
    basis = draw(fall_dicts(max_ereignisse=8, ungeordnet=True))
    if art == "datum_ausserhalb" and draw(st.integers(0, 2)) == 0:  # a top-level date
        feld = draw(st.sampled_from(["geburtsdatum", "bewilligungszeitraum_ende"]))
        return {**basis, feld: draw(_AUSSERHALB)}
    _, neue = draw(_verletzung(art))
    return _einfuegen(draw, basis, neue)


@st.composite
def _knapp_gueltige_faelle(draw: st.DrawFn) -> dict[str, Any]:
    basis = draw(fall_dicts(max_ereignisse=8, ungeordnet=True))
    if draw(st.integers(0, 5)) == 0:
        basis = {**basis, "geburtsdatum": draw(st.sampled_from(["1900-01-01", "2099-12-31"]))}
    return _einfuegen(draw, basis, draw(_knapp_gueltig()))


def _fehlerbild(err: KooplanError) -> tuple[Any, ...]:
    return (type(err), str(err), err.meldung, err.ort, err.fall, err.norm, err.code)


@pytest.mark.parametrize("art", _VERLETZUNGEN)
@settings(max_examples=60, deadline=None)
@given(data=st.data(), als_json=st.booleans())
def test_nur_im_konstruktor_gepruefte_fehler_meldet_der_genaue_leser(
    art: str, data: st.DataObject, als_json: bool
) -> None:
    obj = data.draw(_verletzte_faelle(art))
    doc = json_lesen(json.dumps(obj)) if als_json else obj
    with pytest.raises(KooplanError) as genau:
        fall_genau(doc)
    with pytest.raises(Zurueck):  # the fast reader itself finds the fault
        fall_schnell(doc)
    with pytest.raises(KooplanError) as gelesen:
        fall_aus_objekt(doc)
    assert _fehlerbild(gelesen.value) == _fehlerbild(genau.value), art
    assert fehler_als_dict(gelesen.value) == fehler_als_dict(genau.value)


def _alle_werte(obj: Any) -> list[Any]:
    """The value objects in a case (the case, its events, plans and Eigenbemühungen)."""
    out = [obj]
    for a in attrs.fields(type(obj)):
        w = getattr(obj, a.name)
        for kind in w if isinstance(w, tuple) else (w,):
            if attrs.has(type(kind)):
                out += _alle_werte(kind)
    return out


def _gleich_gelesen(doc: Any) -> None:
    schnell = fall_schnell(doc)  # read by the fast reader itself, no Zurueck
    genau = fall_genau(doc)
    assert schnell == genau and fall_aus_objekt(doc) == genau
    for s, g in zip(_alle_werte(schnell), _alle_werte(genau), strict=True):
        assert type(s) is type(g) and s == g and hash(s) == hash(g) and repr(s) == repr(g)
        attrs.validate(s)  # every field as its validator wants it
        for a in attrs.fields(type(s)):
            assert type(getattr(s, a.name)) is type(getattr(g, a.name)), a.name
    assert json.dumps(fall_als_dict(schnell)) == json.dumps(fall_als_dict(genau))
    for anliegen in ("einladung", "massnahme"):
        zeilen = []
        for fall in (schnell, genau):
            try:
                zeilen.append(entscheidung_als_zeile(entscheide(fall, anliegen, _STICHTAG)))
            except KooplanError as err:
                zeilen.append(json.dumps(fehler_als_dict(err)))
        assert zeilen[0] == zeilen[1]


_STICHTAG = dt.date(2026, 8, 31)


@settings(max_examples=300, deadline=None)
@given(_knapp_gueltige_faelle(), st.booleans())
def test_knapp_gueltige_faelle_liest_der_schnelle_leser_wie_der_genaue(
    obj: dict[str, Any], als_json: bool
) -> None:
    _gleich_gelesen(json_lesen(json.dumps(obj)) if als_json else obj)


@settings(max_examples=200, deadline=None)
@given(fall_dicts(max_ereignisse=20, ungeordnet=True))
def test_gueltige_faelle_gleich_und_gleiches_json(obj: dict[str, Any]) -> None:
    _gleich_gelesen(json_lesen(json.dumps(obj)))


def test_der_volle_fall_gleich_und_gleiches_json() -> None:
    """The case with every field of the contract (plans with Eigenbemühungen, every art)."""
    _gleich_gelesen(json_lesen(json.dumps(VOLL)))


def test_das_geburtsdatum_prueft_der_schnelle_leser_in_seinem_eigenen_bereich(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``Fall.geburtsdatum`` has its own range (from `FRUEHESTES_GEBURTSDATUM`, today the first
    day of every date): the fast reader checks it itself, not only the range of all dates."""
    obj = {
        "schema": "kooplan/fall/1",
        "fall": "JC-1",
        "geburtsdatum": "1950-05-01",
        "ereignisse": [],
    }
    assert fall_schnell(obj).geburtsdatum == dt.date(1950, 5, 1)
    monkeypatch.setattr(laden, "FRUEHESTES_GEBURTSDATUM", dt.date(1950, 5, 2))
    with pytest.raises(Zurueck):
        fall_schnell(obj)
