"""Hostile input (docs/vertrag.md: "A case", "An error", "Command line").

Any byte sequence given as a case or as a JSON Lines file yields, per case, either a decision or a
typed error (one of the four contract codes, a German ``meldung``, ``ort`` a JSON path into the
case or null) and never a traceback, a hang or a shifted line. "No hang" is shown by bounded input
sizes only (no wall-clock assertions). The loader's limits (``MAX_BYTES_JE_FALL``,
``MAX_EREIGNISSE``, ``MAX_TIEFE``, nesting, days from 1.1.1900 to 31.12.2099) each give a clear
``ungueltige_eingabe``.

Complements tests/test_vertrag.py (fixed examples of every contract fault) and tests/test_cli.py (a
seeded directory of hostile files): here Hypothesis generates the input, every result is checked
against the same oracle, and each output line is compared with the result of its input line
decided on its own. The valid cases to start from and the strategies that bend them live in
tests/eingaben_bau.py (the loader's and the batch faces' tests use them too).
"""

from __future__ import annotations

import collections
import copy
import datetime as dt
import io
import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

import kooplan
from eingaben_bau import (
    BASIS,
    FELDNAMEN,
    GEHEIM,
    JSON_WERTE,
    REGIME_C,
    SCHLICHTUNG,
    WERTE_POOL,
    fallartig,
    ist_deutscher_satz,
    mutiert,
    umgestellt,
)
from faelle_bau import ANLIEGEN, FALL_ID, GEB_FORMEN, ev, zitiert
from faelle_bau import json_orte as _orte
from kooplan.cli import main
from kooplan.fehler import (
    FEHLERCODES,
    KeinLeistungsbezug,
    KooplanError,
    RechtsstandNichtAbgedeckt,
    UngueltigeEingabe,
    UnzulaessigerUebergang,
)
from kooplan.vertrag.ausgabe import entscheidung_als_dict, fehler_als_dict, zeile
from kooplan.vertrag.laden import (
    MAX_BYTES_JE_FALL,
    MAX_EREIGNISSE,
    MAX_JSON_TIEFE,
    MAX_TIEFE,
    faelle_lesen,
    fall_aus_json,
)
from kooplan.vertrag.schema import entscheidung_schema, fall_schema, fehler_schema

KLASSE_JE_CODE: dict[str, type[KooplanError]] = {
    "ungueltige_eingabe": UngueltigeEingabe,
    "unzulaessiger_uebergang": UnzulaessigerUebergang,
    "rechtsstand_nicht_abgedeckt": RechtsstandNichtAbgedeckt,
    "leistungsbezug_beendet": KeinLeistungsbezug,
}
ERSTER_STICHTAG = dt.date(2023, 7, 1)
LETZTER_TAG = dt.date(2099, 12, 31)


EINSTELLUNGEN = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- the oracle ---------------------------------------------------------------------------------


def _validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


FALL_SCHEMA = _validator(fall_schema())
ENTSCHEIDUNG_SCHEMA = _validator(entscheidung_schema())
FEHLER_SCHEMA = _validator(fehler_schema())


class _Objekt(dict[str, Any]):
    doppelt: frozenset[str] = frozenset()


def _objekt(paare: list[tuple[str, Any]]) -> _Objekt:
    o = _Objekt(paare)
    zaehlung = collections.Counter(k for k, _ in paare)
    o.doppelt = frozenset(k for k, n in zaehlung.items() if n > 1)
    return o


_KEIN_JSON = object()


def _nein(name: str) -> Any:
    raise ValueError(name)


def dokument(daten: bytes) -> Any:
    """The JSON value of ``daten`` as the contract reads it, or ``_KEIN_JSON``."""
    try:
        text = daten.decode("utf-8")
    except UnicodeDecodeError:
        return _KEIN_JSON
    try:
        return json.loads(
            text.removeprefix("\ufeff"), object_pairs_hook=_objekt, parse_constant=_nein
        )
    except (ValueError, RecursionError):
        return _KEIN_JSON


_TOKEN = re.compile(
    r'(?P<punkt>\.)?(?P<name>[^.\[\]"\\ ]+)|\[(?P<index>\d+)\]|\["(?P<zitat>(?:[^"\\]|\\.)*)"\]'
)


def pfad_teile(ort: str) -> list[tuple[str, Any]]:
    """Split a contract JSON path (``ereignisse[2].am``, ``["odd key"]``) into its steps."""
    teile: list[tuple[str, Any]] = []
    pos = 0
    while pos < len(ort):
        m = _TOKEN.match(ort, pos)
        assert m is not None, f"kein JSON-Pfad: {ort!r} (bei {pos})"
        if m["name"] is not None:
            assert bool(m["punkt"]) == (pos > 0), f"kein JSON-Pfad: {ort!r}"
            teile.append(("schluessel", m["name"]))
        elif m["index"] is not None:
            assert pos > 0, f"ein Pfad beginnt bei einem Schlüssel des Falls: {ort!r}"
            teile.append(("index", int(m["index"])))
        else:
            teile.append(("zitat", json.loads('"' + m["zitat"] + '"')))
        pos = m.end()
    assert teile, ort
    return teile


def _schluessel_finden(obj: dict[str, Any], art: str, wert: str) -> str | None:
    if art == "schluessel":
        return wert if wert in obj else None
    for k in obj:  # quoted keys are shown shortened to 40 characters
        if (k if len(k) <= 40 else k[:40] + "…") == wert:
            return k
    return None


def pruefe_pfad(ort: str, doc: Any) -> None:
    """``ort`` starts at a key of the case and names a place in it (the last step may be a
    missing contract field: a missing required key is reported at its own path)."""
    teile = pfad_teile(ort)
    cur = doc
    for i, (art, wert) in enumerate(teile):
        if art == "index":
            assert isinstance(cur, list) and wert < len(cur), (ort, i)
            cur = cur[wert]
            continue
        assert isinstance(cur, dict), (ort, i)
        key = _schluessel_finden(cur, art, wert)
        if key is None:
            assert i == len(teile) - 1 and wert in FELDNAMEN, f"{ort!r} nennt keine Stelle"
            return
        cur = cur[key]


def x_schluessel(doc: Any) -> set[str]:
    """The keys of the document that occur only as the caller's own (``x_…``) or inside such
    data (a key that occurs elsewhere too may be named where it occurs elsewhere)."""
    innen: set[str] = set()
    aussen: set[str] = set()
    stapel: list[tuple[Any, bool]] = [(doc, False)]
    while stapel:
        w, eigen = stapel.pop()
        if isinstance(w, dict):
            for k, kind in w.items():
                k_eigen = eigen or k.startswith("x_")
                (innen if k_eigen else aussen).add(k)
                stapel.append((kind, k_eigen))
        elif isinstance(w, list):
            stapel.extend((kind, eigen) for kind in w)
    return innen - aussen


def erwartete_fall_id(doc: Any) -> str | None:
    if not isinstance(doc, dict) or "fall" in getattr(doc, "doppelt", ()):
        return None
    f = doc.get("fall")
    return f if isinstance(f, str) and FALL_ID.fullmatch(f) else None


#: Arguments of ``entscheide`` an error of the Python API may name instead of a place in the case.
ARGUMENTE = frozenset({"stichtag", "faellig", "anliegen"})


def pruefe_fehler(err: BaseException, doc: Any, *, fall: Any = ...) -> None:
    """The error oracle: a typed contract error with a German message and a path or null.

    ``fall``: the case id the error must name (a decision error), or ``...`` for a loader error
    (then it names the case when the case has exactly one valid ``fall``)."""
    assert isinstance(err, KooplanError), repr(err)
    assert err.code in FEHLERCODES, err.code
    assert isinstance(err, KLASSE_JE_CODE[err.code])
    assert ist_deutscher_satz(err.meldung), err.meldung
    if err.ort in ARGUMENTE:
        pass  # a decision's own argument (Python API), not a place in the case
    elif err.ort is not None:
        assert isinstance(err.ort, str)
        assert doc is not _KEIN_JSON and isinstance(doc, dict), repr(err)
        pruefe_pfad(err.ort, doc)
        # the caller's own x_ data is never entered: its keys may hold personal data
        for art, wert in pfad_teile(err.ort):
            assert art == "index" or not str(wert).startswith("x_"), repr(err)
    for k in x_schluessel(doc) - FELDNAMEN:  # a contract field's name is quoted by right
        assert f"'{zitiert(k)}'" not in err.meldung, repr(err)
    if fall is ...:
        assert err.code == "ungueltige_eingabe", repr(err)
        # A fault found inside the case names it; input not read at all (over the size limit,
        # not JSON) may leave the case unnamed.
        soll = erwartete_fall_id(doc)
        assert err.fall == soll or (err.fall is None and err.ort is None), repr(err)
    else:
        assert err.fall == fall, repr(err)
    obj = fehler_als_dict(err, 3)
    FEHLER_SCHEMA.validate(obj)
    assert json.loads(zeile(obj)) == obj
    for text in (str(err), repr(err)):
        assert "Traceback" not in text


def _ereignis(text: str) -> None:
    """Count outcomes in Hypothesis' statistics (``--hypothesis-show-statistics``)."""
    if currently_in_test_context():
        event(text)


def laden(daten: bytes, *, schema: bool = True) -> kooplan.Fall | KooplanError:
    """Load ``daten``: a Fall, or the error after checking it. Any other exception escapes.

    ``schema``: also validate an accepted case under the shipped input schema (slow for
    thousands of events)."""
    doc = dokument(daten)
    try:
        fall = fall_aus_json(daten)
    except KooplanError as err:
        pruefe_fehler(err, doc)
        _ereignis("laden: Fehler")
        return err
    _ereignis("laden: Fall")
    assert isinstance(fall, kooplan.Fall)
    assert doc is not _KEIN_JSON and isinstance(doc, dict)
    assert fall.fall == doc["fall"]
    # What the loader accepts, the shipped input schema accepts too (the schema is the looser).
    if schema:
        FALL_SCHEMA.validate(json.loads(daten.decode("utf-8").removeprefix("\ufeff")))
    return fall


def entscheiden(
    fall: kooplan.Fall, daten: bytes, anliegen: str, stichtag: dt.date, faellig: dt.date | None
) -> dict[str, Any]:
    """Decide a loaded case: the contract's decision or error object, checked."""
    try:
        e = kooplan.entscheide(fall, anliegen, stichtag, faellig)
    except KooplanError as err:
        pruefe_fehler(err, dokument(daten), fall=fall.fall)
        _ereignis(f"entscheiden: {err.code}")
        return fehler_als_dict(err)
    _ereignis(f"entscheiden: {e.phase.value}/{e.modus.value}")
    obj = entscheidung_als_dict(e)
    ENTSCHEIDUNG_SCHEMA.validate(obj)
    assert obj["fall"] == fall.fall
    assert obj["stichtag"] == stichtag.isoformat()
    assert obj["faellig"] == (faellig or stichtag).isoformat()
    assert obj["rfb"] is (obj["modus"] != "ohne_rfb")
    assert ("rechtsfolgen" in obj) is obj["rfb"]
    return obj


@st.composite
def als_bytes(draw: st.DrawFn, obj: Any, zeilen: bool = False) -> bytes:
    """``obj`` as JSON text, in one of several spellings (lone surrogates become invalid UTF-8
    when not escaped)."""
    text = json.dumps(
        obj,
        ensure_ascii=draw(st.booleans()),
        indent=None if zeilen else draw(st.sampled_from([None, None, 2])),
    )
    daten = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        daten = draw(st.sampled_from([b"\xef\xbb\xbf", b" ", b"\t"])) + daten
    return daten


JSON_EINGABEN = st.one_of(
    JSON_WERTE.flatmap(als_bytes),
    fallartig().flatmap(als_bytes),
    mutiert().flatmap(als_bytes),
    mutiert().flatmap(als_bytes),
)


@st.composite
def kaputte_bytes(draw: st.DrawFn) -> bytes:
    """Arbitrary bytes, or the text of a valid case with bytes flipped, cut, inserted, moved."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    daten = bytearray(json.dumps(draw(st.sampled_from(BASIS)), ensure_ascii=False).encode())
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["kippen", "abschneiden", "einfuegen", "loeschen", "doppeln"]))
        i = draw(st.integers(0, max(len(daten) - 1, 0)))
        if op == "kippen" and daten:
            daten[i] = draw(st.integers(0, 255))
        elif op == "abschneiden":
            del daten[i:]
        elif op == "einfuegen":
            daten[i:i] = draw(
                st.binary(min_size=1, max_size=8)
                | st.sampled_from([b"[", b"{", b'"', b"\\", b",", b"}", b"]", b"\\ud800", b"NaN"])
            )
        elif op == "loeschen":
            del daten[i : i + draw(st.integers(1, 20))]
        else:
            j = draw(st.integers(i, min(len(daten), i + 40)))
            daten[j:j] = daten[i:j]
    return bytes(daten)


STICHTAGE = st.one_of(
    st.dates(ERSTER_STICHTAG, LETZTER_TAG),
    st.dates(ERSTER_STICHTAG, dt.date(2027, 12, 31)),
    st.sampled_from(
        [
            ERSTER_STICHTAG,
            dt.date(2024, 1, 1),
            dt.date(2025, 1, 1),
            dt.date(2026, 6, 30),
            dt.date(2026, 7, 1),
            LETZTER_TAG,
        ]
    ),
)


@st.composite
def frage(draw: st.DrawFn) -> tuple[str, dt.date, dt.date | None]:
    """A random Anliegen, a Stichtag from 1.7.2023 and an optional ``faellig`` on or after it."""
    stichtag = draw(STICHTAGE)
    faellig = draw(st.none() | st.integers(0, 500).map(lambda n: stichtag + dt.timedelta(n)))
    if faellig is not None:
        faellig = min(faellig, LETZTER_TAG)
    return draw(st.sampled_from(ANLIEGEN)), stichtag, faellig


# -- (a), (b): one case ------------------------------------------------------------------------


def test_the_cases_the_mutations_start_from_are_valid():
    for obj in BASIS:
        daten = json.dumps(obj, ensure_ascii=False).encode()
        assert isinstance(laden(daten), kooplan.Fall), obj["fall"]


@EINSTELLUNGEN
@given(daten=kaputte_bytes(), f=frage())
def test_arbitrary_bytes_give_a_case_or_a_typed_error(daten, f):
    ergebnis = laden(daten)
    if isinstance(ergebnis, kooplan.Fall):
        entscheiden(ergebnis, daten, *f)


@settings(EINSTELLUNGEN, max_examples=200)
@given(daten=JSON_EINGABEN, f=frage())
def test_arbitrary_json_values_give_a_case_or_a_typed_error(daten, f):
    ergebnis = laden(daten)
    if isinstance(ergebnis, kooplan.Fall):
        entscheiden(ergebnis, daten, *f)


@settings(EINSTELLUNGEN, max_examples=200)
@given(obj=mutiert(hoechstens=2) | umgestellt(), f=frage())
def test_loaded_hostile_cases_are_decided_or_refused_for_any_question(obj, f):
    daten = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
    ergebnis = laden(daten)
    if isinstance(ergebnis, kooplan.Fall):
        entscheiden(ergebnis, daten, *f)


# -- (c): JSON Lines -----------------------------------------------------------------------------

ZEILE = st.one_of(
    kaputte_bytes(),
    JSON_WERTE.flatmap(lambda o: als_bytes(o, zeilen=True)),
    mutiert().flatmap(lambda o: als_bytes(o, zeilen=True)),
    umgestellt().flatmap(lambda o: als_bytes(o, zeilen=True)),
    st.sampled_from(BASIS).flatmap(lambda o: als_bytes(o, zeilen=True)),
    st.sampled_from([b"", b" ", b"\t", b"\r", b"\x00", b"\xef\xbb\xbf", b"\x0c", b"\xe2\x80\xa8"]),
).map(lambda z: z.replace(b"\n", b" "))


@st.composite
def jsonl_dateien(draw: st.DrawFn) -> tuple[bytes, list[bytes]]:
    """A JSON Lines file and its lines (a final newline ends the last line; CRLF allowed)."""
    zeilen = draw(st.lists(ZEILE, max_size=12))
    enden = [draw(st.sampled_from([b"\n", b"\n", b"\r\n"])) for _ in zeilen]
    daten = b"".join(z + e for z, e in zip(zeilen, enden, strict=True))
    if zeilen and draw(st.booleans()):
        daten = daten.removesuffix(enden[-1])  # no newline after the last line
    return daten, jsonl_zeilen(daten)


def jsonl_zeilen(daten: bytes) -> list[bytes]:
    """The lines of a JSON Lines file as the contract counts them: split at LF only, a final
    newline ends the last line (a CR before the LF stays; it is removed when the line is read)."""
    teile = daten.split(b"\n")
    if teile[-1] == b"":
        teile.pop()
    return teile


def _zeile_allein(
    roh: bytes, nr: int, anliegen: str, stichtag: dt.date, faellig: dt.date | None
) -> str:
    """The output line for input line ``nr`` decided on its own."""
    ergebnis = laden(roh.removesuffix(b"\r"))
    if isinstance(ergebnis, KooplanError):
        return zeile(fehler_als_dict(ergebnis, nr))
    obj = entscheiden(ergebnis, roh.removesuffix(b"\r"), anliegen, stichtag, faellig)
    if obj["schema"] == "kooplan/fehler/1":
        obj["zeile"] = nr
    else:
        obj = {"schema": obj["schema"], "fall": obj["fall"], "zeile": nr} | obj
    return zeile(obj)


@EINSTELLUNGEN
@given(datei=jsonl_dateien())
def test_faelle_lesen_gives_one_result_per_line_in_order(datei):
    daten, zeilen = datei
    ergebnisse = list(faelle_lesen(daten, "jsonl"))
    assert [nr for nr, _ in ergebnisse] == list(range(1, len(zeilen) + 1))
    for (nr, ist), roh in zip(ergebnisse, zeilen, strict=True):
        soll = laden(roh.removesuffix(b"\r"))
        if isinstance(soll, kooplan.Fall):
            assert ist == soll, nr
        else:
            assert isinstance(ist, KooplanError), nr
            assert (type(ist), ist.meldung, ist.ort, ist.fall) == (
                type(soll),
                soll.meldung,
                soll.ort,
                soll.fall,
            ), nr


def _zusammenfassung_passt(err: str, codes: collections.Counter[str]) -> None:
    assert "Traceback" not in err
    if not codes:
        assert err == ""
        return
    assert err.endswith("\n") and len(err.splitlines()) == 1, err
    for code in FEHLERCODES:
        if code in codes:
            assert re.search(rf"{code}\W{{0,3}}{codes[code]}\b", err), (code, err)
        else:
            assert code not in err
    assert not any(g in err for g in GEB_FORMEN) and GEHEIM not in err


def pruefe_cli_ausgabe(
    rc: int, out: str, err: str, erwartet: list[str], *, jsonl: bool = True
) -> None:
    """One output line per input line, in order, each the line's own result; exit 0 or 1; on
    standard error only a summary by error code."""
    assert out == "".join(z + "\n" for z in erwartet)
    assert out.splitlines() == erwartet  # no other line separator inside a line
    codes: collections.Counter[str] = collections.Counter()
    for nr, text in enumerate(out.split("\n")[:-1], start=1):
        obj = json.loads(text)
        assert obj.get("zeile") == (nr if jsonl else None)  # decisions from .json carry none
        if obj["schema"] == "kooplan/fehler/1":
            FEHLER_SCHEMA.validate(obj)
            codes[obj["fehler"]] += 1
        else:
            ENTSCHEIDUNG_SCHEMA.validate(obj)
    assert rc == (1 if codes else 0)
    _zusammenfassung_passt(err, codes)
    assert not verraet_personendaten(out)


def verraet_personendaten(out: str) -> bool:
    """Whether output lines hold the birth date or a plan text anywhere but in ``fall`` (the
    caller's pseudonymous id, returned by the contract, may be any valid id)."""
    for text in out.splitlines():
        obj = json.loads(text)
        obj.pop("fall", None)
        rest = json.dumps(obj, ensure_ascii=False)
        if any(g in rest for g in GEB_FORMEN) or GEHEIM in rest:
            return True
    return False


@pytest.fixture(scope="module")
def ordner(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("haertung")


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    rc = main(argv, out, err)
    return rc, out.getvalue(), err.getvalue()


@EINSTELLUNGEN
@given(datei=jsonl_dateien(), f=frage())
def test_cli_jsonl_one_output_line_per_input_line_in_order(ordner, datei, f):
    daten, zeilen = datei
    anliegen, stichtag, faellig = f
    pfad = ordner / "eingabe.jsonl"
    pfad.write_bytes(daten)
    argv = ["entscheide", str(pfad), "--anliegen", anliegen, "--stichtag", stichtag.isoformat()]
    if faellig is not None:
        argv += ["--faellig", faellig.isoformat()]
    rc, out, err = _cli(argv)
    erwartet = [_zeile_allein(z, nr, anliegen, stichtag, faellig) for nr, z in enumerate(zeilen, 1)]
    pruefe_cli_ausgabe(rc, out, err, erwartet)


@EINSTELLUNGEN
@given(daten=kaputte_bytes() | JSON_EINGABEN, f=frage())
def test_cli_json_file_gives_exactly_one_line(ordner, daten, f):
    anliegen, stichtag, faellig = f
    pfad = ordner / "eingabe.json"
    pfad.write_bytes(daten)
    rc, out, err = _cli(
        ["entscheide", str(pfad), "--anliegen", anliegen, "--stichtag", stichtag.isoformat()]
        + (["--faellig", faellig.isoformat()] if faellig else [])
    )
    ergebnis = laden(daten)
    if isinstance(ergebnis, KooplanError):
        soll = fehler_als_dict(ergebnis)
    else:  # a decision (no "zeile": one JSON case has no lines) or an error ("zeile": null)
        soll = entscheiden(ergebnis, daten, anliegen, stichtag, faellig)
    pruefe_cli_ausgabe(rc, out, err, [zeile(soll)], jsonl=False)


@EINSTELLUNGEN
@given(datei=jsonl_dateien())
def test_cli_verlauf_json_never_crashes_and_keeps_the_lines(ordner, datei):
    daten, zeilen = datei
    pfad = ordner / "verlauf.jsonl"
    pfad.write_bytes(daten)
    rc, out, err = _cli(["verlauf", str(pfad), "--stichtag", "2026-08-03", "--json"])
    assert rc in (0, 1) and "Traceback" not in err
    ausgabe = out.split("\n")
    assert ausgabe[-1] == "" and len(ausgabe) - 1 == len(zeilen)
    fehler = 0
    for nr, text in enumerate(ausgabe[:-1], start=1):
        obj = json.loads(text)
        if obj["schema"] == "kooplan/fehler/1":
            FEHLER_SCHEMA.validate(obj)
            assert obj["zeile"] == nr
            fehler += 1
        else:
            assert obj["schema"] == "kooplan/verlauf/1"
    assert rc == (1 if fehler else 0)
    assert not verraet_personendaten(out)


# -- limits ------------------------------------------------------------------------------------


def _fall(**oben: Any) -> dict[str, Any]:
    obj: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": "GRENZE-1", "ereignisse": []}
    obj.update(oben)
    return obj


def _bytes(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


def _ungueltig(daten: bytes, ort: str | None, *woerter: str) -> UngueltigeEingabe:
    err = laden(daten)
    assert isinstance(err, UngueltigeEingabe), err
    assert err.code == "ungueltige_eingabe"
    assert err.ort == ort, repr(err)
    for wort in woerter:
        assert wort in err.meldung, (wort, err.meldung)
    return err


def _mit_laenge(n: int) -> bytes:
    """A valid case of exactly ``n`` bytes (padding in an ``x_`` string)."""
    kopf = _bytes(_fall(x_f=""))
    daten = _bytes(_fall(x_f="a" * (n - len(kopf))))
    assert len(daten) == n
    return daten


def test_case_of_exactly_the_size_limit_is_read():
    assert isinstance(laden(_mit_laenge(MAX_BYTES_JE_FALL)), kooplan.Fall)


@pytest.mark.parametrize("mehr", [1, 1000])
def test_case_over_the_size_limit_is_refused_with_a_clear_error(mehr):
    _ungueltig(_mit_laenge(MAX_BYTES_JE_FALL + mehr), None, "1.000.000", "länger")


def test_a_line_over_the_size_limit_is_one_error_line_and_its_neighbours_are_decided(ordner):
    gut = _bytes(_fall(fall="N-1"))
    daten = b"\n".join([gut, _mit_laenge(MAX_BYTES_JE_FALL + 1), gut.replace(b"N-1", b"N-3")])
    pfad = ordner / "lang.jsonl"
    pfad.write_bytes(daten + b"\n")
    rc, out, err = _cli(
        ["entscheide", str(pfad), "--anliegen", "einladung", "--stichtag", "2024-03-01"]
    )
    zeilen = [json.loads(z) for z in out.splitlines()]
    assert [(z["zeile"], z["fall"], z["schema"]) for z in zeilen] == [
        (1, "N-1", "kooplan/entscheidung/1"),
        (2, None, "kooplan/fehler/1"),
        (3, "N-3", "kooplan/entscheidung/1"),
    ]
    assert "1.000.000" in zeilen[1]["meldung"]
    assert rc == 1
    _zusammenfassung_passt(err, collections.Counter({"ungueltige_eingabe": 1}))


def test_size_limit_is_the_same_for_text_and_bytes():
    # the limit counts bytes of UTF-8, whether the case comes as text or as bytes
    obj = _fall(x_f="ä" * 600_000)
    text = json.dumps(obj, ensure_ascii=False)
    assert len(text) < MAX_BYTES_JE_FALL < len(text.encode("utf-8"))
    meldungen = set()
    for eingabe in (text, text.encode("utf-8")):
        with pytest.raises(UngueltigeEingabe) as info:
            fall_aus_json(eingabe)
        meldungen.add(info.value.meldung)
    assert len(meldungen) == 1 and "Bytes" in meldungen.pop()


def _termine(n: int) -> list[dict[str, Any]]:
    return [{"art": "termin_wahrgenommen", "am": "2024-01-08"} for _ in range(n)]


def test_exactly_max_events_are_read():
    fall = laden(_bytes(_fall(ereignisse=_termine(MAX_EREIGNISSE))), schema=False)
    assert isinstance(fall, kooplan.Fall) and len(fall.ereignisse) == MAX_EREIGNISSE


def test_more_than_max_events_is_refused_at_ereignisse():
    daten = _bytes(_fall(ereignisse=_termine(MAX_EREIGNISSE + 1)))
    assert len(daten) < MAX_BYTES_JE_FALL
    err = _ungueltig(daten, "ereignisse", "10.000", "Ereignisse")
    assert err.fall == "GRENZE-1"


def test_more_than_max_events_of_garbage_is_refused_the_same_way():
    daten = _bytes(_fall(ereignisse=[[] for _ in range(MAX_EREIGNISSE + 1)]))
    _ungueltig(daten, "ereignisse", "10.000")


def _verschachtelt(tiefe: int) -> bytes:
    """JSON text of ``tiefe`` nested containers, lists and objects in turn from the inside."""
    text = b"1"
    for i in range(tiefe):
        text = b"[" + text + b"]" if i % 2 == 0 else b'{"k": ' + text + b"}"
    return text


_MARKE = "__VERSCHACHTELT__"


def _mit_tiefe(ort: str, tiefe: int) -> bytes:
    """The case of ``X_ORTE[ort]`` with ``tiefe`` nested containers as the ``x_`` value (its
    ``x_`` key first, so that the nesting is the first fault in document order)."""
    obj = X_ORTE[ort](_MARKE)
    if ort == "ereignisse[0].x_u":
        obj["ereignisse"][0] = {"x_u": _MARKE, "art": "unbekannt", "am": "2024-01-15"}
    return _bytes(obj).replace(f'"{_MARKE}"'.encode(), _verschachtelt(tiefe))


def _pfad_in(tiefe: int) -> str:
    """The path of the container at level MAX_TIEFE + 1 inside ``_verschachtelt(tiefe)``."""
    schritte = ["[0]" if (tiefe - 1 - i) % 2 == 0 else ".k" for i in range(MAX_TIEFE)]
    return "".join(schritte)


X_ORTE: dict[str, Callable[[Any], dict[str, Any]]] = {
    "x_oben": lambda w: _fall(x_oben=w),
    "ereignisse[0].x_e": lambda w: _fall(ereignisse=[ev("plan_erstellt", "2024-01-15", x_e=w)]),
    "ereignisse[0].plan.x_p": lambda w: _fall(
        ereignisse=[
            ev(
                "plan_erstellt",
                "2024-01-15",
                plan={"eingliederungsziel": "Z", "schritte": ["a"], "x_p": w},
            )
        ]
    ),
    "ereignisse[0].plan.eigenbemuehungen.x_b": lambda w: _fall(
        ereignisse=[
            ev(
                "plan_erstellt",
                "2024-01-15",
                plan={
                    "eingliederungsziel": "Z",
                    "schritte": ["a"],
                    "eigenbemuehungen": {
                        "art": "B",
                        "anzahl": 1,
                        "zeitraum": "woche",
                        "nachweis": "L",
                        "x_b": w,
                    },
                },
            )
        ]
    ),
    "ereignisse[0].x_u": lambda w: _fall(
        ereignisse=[{"art": "unbekannt", "am": "2024-01-15", "x_u": w}]
    ),
}


@pytest.mark.parametrize("ort", list(X_ORTE))
def test_x_data_nested_up_to_max_tiefe_is_accepted(ort):
    ergebnis = laden(_mit_tiefe(ort, MAX_TIEFE))
    if ort == "ereignisse[0].x_u":  # the unknown art is the fault, not the nesting
        assert isinstance(ergebnis, UngueltigeEingabe) and ergebnis.ort == "ereignisse[0].art"
    else:
        assert isinstance(ergebnis, kooplan.Fall)


@pytest.mark.parametrize("tiefe", [MAX_TIEFE + 1, MAX_TIEFE + 2, 59, 200, 900])
@pytest.mark.parametrize("ort", list(X_ORTE))
def test_x_data_nested_deeper_than_max_tiefe_is_refused_at_its_object(ort, tiefe):
    """Too deep x_ data is reported at the object that holds the x_ field, never inside it,
    and the message counts the field instead of naming it (its key may hold a name)."""
    err = laden(_mit_tiefe(ort, tiefe))
    assert isinstance(err, UngueltigeEingabe), err
    if err.meldung.startswith("Kein gültiges JSON"):  # deeper than any JSON kooplan parses
        assert tiefe + ort.count(".") + 1 > MAX_JSON_TIEFE
        assert (
            err.meldung == f"Kein gültiges JSON: tiefer als {MAX_JSON_TIEFE} Ebenen verschachtelt."
        )
        assert err.ort is None
        return
    objekt = ort.rpartition(".")[0] or None
    assert err.ort == objekt, err.ort
    assert err.meldung == (
        f"Die Daten des 1. eigenen Feldes (x_…) sind tiefer als {MAX_TIEFE} Ebenen verschachtelt."
    )


def test_a_duplicate_key_in_x_data_is_refused_without_naming_it():
    """A duplicate key inside x_ data, and a duplicate x_ key: refused at the object that holds
    the field, the message without the key (``x_`` data is never copied out, keys included)."""
    name = "x_Erika_Mustermann"
    daten = (
        b'{"schema": "kooplan/fall/1", "fall": "X-1", "ereignisse": [{"art": "plan_gescheitert", '
        b'"am": "2024-01-15", "x_a": 1, "x_b": {"Mustermann": 1, "Mustermann": 2}}]}'
    )
    err = laden(daten)
    assert isinstance(err, UngueltigeEingabe)
    assert (err.ort, err.fall) == ("ereignisse[0]", "X-1")
    assert (
        err.meldung == "In den Daten des 2. eigenen Feldes (x_…) kommt ein Schlüssel doppelt vor."
    )
    for text in (str(err), repr(err)):
        assert "Mustermann" not in text
    daten = b'{"schema": "kooplan/fall/1", "fall": "X-2", "%s": 1, "ereignisse": [], "%s": 2}' % (
        name.encode(),
        name.encode(),
    )
    err = laden(daten)
    assert isinstance(err, UngueltigeEingabe)
    assert (err.ort, err.fall) == (None, "X-2")
    assert err.meldung == "Ein eigenes Feld (x_…) kommt in diesem Objekt doppelt vor."
    assert "Mustermann" not in str(err) + repr(err)


TIEFEN = [MAX_TIEFE + 1, 500, 990, 1000, 1500, 5_000, 100_000]


def _tief(form: str, n: int) -> bytes:
    if form == "liste":
        return b"[" * n + b"]" * n
    if form == "objekt":
        return b'{"x_a": ' * n + b"1" + b"}" * n
    if form == "offen":
        return b"[" * n
    if form == "im_fall":
        kopf = b'{"schema": "kooplan/fall/1", "fall": "TIEF-1", "ereignisse": [], "x_t": '
        return kopf + b"[" * n + b"]" * n + b"}"
    if form == "in_ereignisse":
        kopf = b'{"schema": "kooplan/fall/1", "fall": "TIEF-1", "ereignisse": '
        return kopf + b"[" * n + b"]" * n + b"}"
    kopf = (
        b'{"schema": "kooplan/fall/1", "fall": "TIEF-1", "ereignisse": [{"art": "plan_erstellt", '
    )
    return kopf + b'"am": "2024-01-15", "plan": ' + b"[" * n + b"]" * n + b"}]}"


@pytest.mark.parametrize("n", TIEFEN)
@pytest.mark.parametrize(
    "form", ["liste", "objekt", "offen", "im_fall", "in_ereignisse", "im_plan"]
)
def test_deeply_nested_json_is_a_clear_error_never_a_recursion_error(form, n):
    daten = _tief(form, n)
    assert len(daten) <= MAX_BYTES_JE_FALL
    err = laden(daten)
    assert isinstance(err, UngueltigeEingabe), err
    if n > MAX_JSON_TIEFE:  # refused before it is parsed, whatever the stack
        assert err.meldung == (
            f"Kein gültiges JSON: tiefer als {MAX_JSON_TIEFE} Ebenen verschachtelt."
        ), err.meldung
        assert (err.ort, err.fall) == (None, None)
    # shallower: read as JSON and refused by the contract checks (the oracle checks the path)


def test_deeply_nested_json_from_a_deep_call_stack_is_still_a_clear_error():
    def tief(n: int) -> Any:
        return tief(n - 1) if n else laden(b"[" * 5000 + b"]" * 5000)

    limit = sys.getrecursionlimit()
    err = tief(limit // 2)
    assert isinstance(err, UngueltigeEingabe) and "verschachtelt" in err.meldung


def _auf_stapel(tiefe: int, fn: Callable[[], Any]) -> Any:
    """``fn()`` called with ``tiefe`` frames of this function below it."""
    return _auf_stapel(tiefe - 1, fn) if tiefe else fn()


def _ergebnis(daten: bytes) -> Any:
    try:
        return fall_aus_json(daten).fall
    except KooplanError as err:
        return (err.code, err.meldung, err.ort, err.fall)


@pytest.mark.parametrize("tiefe", [20, 40, MAX_JSON_TIEFE - 2, MAX_JSON_TIEFE - 1, 66, 972, 985])
def test_the_result_never_depends_on_the_callers_stack(tiefe):
    """The nesting limits are counted on the text, never by the parser's recursion: a case
    nested ``tiefe`` levels deep gives the same result from any depth of the caller's stack
    (the parser runs in a fresh thread should the caller's stack leave it too little room)."""
    daten = _tief("im_fall", tiefe - 1)
    assert daten.count(b"[") == tiefe  # the top object, then tiefe - 1 lists
    oben = _ergebnis(daten)
    grenze = sys.getrecursionlimit()
    for stapel in (grenze // 2, grenze - 150, grenze - 100):
        assert _auf_stapel(stapel, lambda: _ergebnis(daten)) == oben, stapel


DATUMSFELDER: dict[str, Callable[[str], dict[str, Any]]] = {
    "geburtsdatum": lambda d: _fall(geburtsdatum=d),
    "bewilligungszeitraum_ende": lambda d: _fall(bewilligungszeitraum_ende=d),
    "ereignisse[0].am": lambda d: _fall(ereignisse=[ev("plan_gescheitert", d)]),
    "ereignisse[1].am": lambda d: _fall(
        ereignisse=[ev("plan_gescheitert", "2024-01-08"), ev("termin_wahrgenommen", d)]
    ),
    "ereignisse[0].beginn": lambda d: _fall(
        ereignisse=[
            ev(
                "minderung_festgestellt",
                "2024-01-08",
                grund="meldeversaeumnis",
                prozent=10,
                beginn=d,
            )
        ]
    ),
    "ereignisse[1].bis": lambda d: _fall(
        ereignisse=[
            ev(
                "minderung_festgestellt",
                "2024-01-08",
                id="m",
                grund="meldeversaeumnis",
                prozent=10,
                beginn="2024-02-01",
            ),
            ev("haerte_festgestellt", "2024-01-10", bezug="m", bis=d),
        ]
    ),
    "ereignisse[0].am (unbekannte Art)": lambda d: _fall(
        ereignisse=[{"am": d, "art": "unbekannt"}]
    ),
}


@pytest.mark.parametrize(
    "tag", ["1899-12-31", "1000-06-15", "0001-01-01", "2100-01-01", "2500-07-01", "9999-12-31"]
)
@pytest.mark.parametrize("feld", list(DATUMSFELDER))
def test_days_outside_1900_to_2099_are_refused_with_a_clear_error(feld, tag):
    err = _ungueltig(
        _bytes(DATUMSFELDER[feld](tag)), feld.split(" ")[0], "01.01.1900", "31.12.2099"
    )
    assert tag not in err.meldung
    assert err.fall == "GRENZE-1"


@pytest.mark.parametrize("tag", ["0000-01-01", "10000-01-01", "-2024-01-01", "2024-00-01"])
@pytest.mark.parametrize("feld", ["geburtsdatum", "ereignisse[0].am"])
def test_days_that_are_no_calendar_days_are_refused(feld, tag):
    err = _ungueltig(_bytes(DATUMSFELDER[feld](tag)), feld)
    assert tag not in err.meldung


@pytest.mark.parametrize("tag", ["1900-01-01", "2099-12-31"])
@pytest.mark.parametrize(
    "feld", ["geburtsdatum", "bewilligungszeitraum_ende", "ereignisse[0].beginn"]
)
def test_the_first_and_last_day_of_the_range_are_read(feld, tag):
    assert isinstance(laden(_bytes(DATUMSFELDER[feld](tag))), kooplan.Fall)


@pytest.mark.parametrize("am", ["1900-01-01", "2099-12-31"])
def test_events_on_the_first_and_last_day_are_read_and_then_judged(am):
    fall = laden(_bytes(_fall(ereignisse=[ev("plan_gescheitert", am)])))
    assert isinstance(fall, kooplan.Fall)
    daten = _bytes(_fall(ereignisse=[ev("plan_gescheitert", am)]))
    obj = entscheiden(fall, daten, "massnahme", LETZTER_TAG, None)
    if am == "1900-01-01":  # history before 1.7.2023 that is not covered
        assert obj["fehler"] == "rechtsstand_nicht_abgedeckt"
        assert obj["ort"] == "ereignisse[0].am"
    else:
        assert obj["schema"] == "kooplan/entscheidung/1" and obj["phase"] == "ohne_plan"


@pytest.mark.parametrize(
    "stichtag",
    [dt.date(2100, 1, 1), dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(1899, 12, 31)],
)
@pytest.mark.parametrize("anliegen", ANLIEGEN)
def test_api_stichtag_outside_the_range_is_a_typed_error_never_a_crash(stichtag, anliegen):
    daten = _bytes(REGIME_C)
    fall = laden(daten)
    assert isinstance(fall, kooplan.Fall)
    with pytest.raises(KooplanError) as info:
        kooplan.entscheide(fall, anliegen, stichtag)
    pruefe_fehler(info.value, dokument(daten), fall="H-C")


@pytest.mark.parametrize("anliegen", ["einladung", "massnahme"])
@pytest.mark.parametrize("basis", ["H-C", "H-S"])
def test_api_stichtag_after_2099_is_reported_as_stichtag_for_every_case(basis, anliegen):
    obj = {"H-C": REGIME_C, "H-S": SCHLICHTUNG}[basis]
    fall = fall_aus_json(_bytes(obj))
    with pytest.raises(UngueltigeEingabe) as info:
        kooplan.entscheide(fall, anliegen, dt.date(2100, 1, 1))
    assert info.value.ort == "stichtag", repr(info.value)
    assert "'stichtag'" in info.value.meldung and "01.01.1900" in info.value.meldung


@pytest.mark.parametrize("anliegen", ["einladung", "massnahme"])
def test_birth_date_after_the_due_day_is_reported_at_geburtsdatum(anliegen):
    obj = copy.deepcopy(REGIME_C) | {"geburtsdatum": "2090-01-01"}
    fall = laden(_bytes(obj))
    assert isinstance(fall, kooplan.Fall)
    with pytest.raises(UngueltigeEingabe) as info:
        kooplan.entscheide(fall, anliegen, dt.date(2026, 10, 21))
    assert info.value.ort == "geburtsdatum", repr(info.value)
    assert "'geburtsdatum'" in info.value.meldung


@pytest.mark.parametrize("tag", ["2100-01-01", "1899-12-31", "9999-12-31"])
@pytest.mark.parametrize("option", ["--stichtag", "--faellig"])
def test_cli_days_outside_the_range_exit_2_with_nothing_on_stdout(ordner, option, tag):
    pfad = ordner / "ein.jsonl"
    pfad.write_bytes(_bytes(_fall()) + b"\n")
    argv = ["entscheide", str(pfad), "--anliegen", "einladung", "--stichtag", "2024-03-01"]
    argv += [option, tag]
    rc, out, err = _cli(argv)
    assert (rc, out) == (2, "")
    assert "Traceback" not in err and err.strip()


@pytest.mark.parametrize("feld", ["regelbedarfsstufe", "x_zahl"])
def test_huge_integers_give_a_german_message(feld):
    kopf = '{"schema": "kooplan/fall/1", "fall": "Z-1", "ereignisse": [], '
    text = kopf + f'"{feld}": {"9" * 5000}}}'
    err = laden(text.encode())
    assert isinstance(err, UngueltigeEingabe)


def test_huge_integers_are_still_a_typed_error_and_keep_the_lines(ordner):
    # The message is checked in the test above; here only the shape and the lines.
    zahl = b"9" * 5000
    daten = (
        b'{"schema": "kooplan/fall/1", "fall": "Z-1", "ereignisse": []}\n'
        b'{"schema": "kooplan/fall/1", "fall": "Z-2", "ereignisse": [], "x_z": ' + zahl + b"}\n"
        b'{"schema": "kooplan/fall/1", "fall": "Z-3", "ereignisse": []}\n'
    )
    pfad = ordner / "zahl.jsonl"
    pfad.write_bytes(daten)
    rc, out, err = _cli(
        ["entscheide", str(pfad), "--anliegen", "einladung", "--stichtag", "2024-03-01"]
    )
    zeilen = [json.loads(z) for z in out.splitlines()]
    assert [(z["zeile"], z["schema"]) for z in zeilen] == [
        (1, "kooplan/entscheidung/1"),
        (2, "kooplan/fehler/1"),
        (3, "kooplan/entscheidung/1"),
    ]
    assert zeilen[1]["fehler"] == "ungueltige_eingabe" and zeilen[1]["ort"] is None
    assert rc == 1 and "Traceback" not in err


@pytest.mark.parametrize("json_ausgabe", [True, False])
def test_verlauf_with_error_lines_writes_a_summary(ordner, json_ausgabe):
    pfad = ordner / "verlauf_fehler.jsonl"
    pfad.write_bytes(_bytes(_fall()) + b"\nkaputt\n")
    rc, _, err = _cli(
        ["verlauf", str(pfad), "--stichtag", "2024-03-01"] + (["--json"] if json_ausgabe else [])
    )
    assert rc == 1
    _zusammenfassung_passt(err, collections.Counter({"ungueltige_eingabe": 1}))


# -- the "done when": a file of a few hundred mostly broken cases -------------------------


def _grenzzeilen() -> list[bytes]:
    return [
        _mit_laenge(MAX_BYTES_JE_FALL + 1),
        _bytes(_fall(ereignisse=_termine(MAX_EREIGNISSE + 1))),
        _mit_tiefe("x_oben", MAX_TIEFE + 1),
        b"[" * 100_000 + b"]" * 100_000,
        _bytes(_fall(geburtsdatum="1899-12-31")),
        _bytes(_fall(ereignisse=[ev("plan_gescheitert", "2100-01-01")])),
    ]


def test_a_file_of_hundreds_of_mostly_broken_cases(ordner):
    """Exactly one JSON answer per line, in order, exit 1, only a summary on stderr, and no
    Geburtsdatum or plan text anywhere (the installed ``python -m kooplan``)."""
    rng = random.Random(6)
    zeilen: list[bytes] = []
    for i in range(300):
        if i % 50 == 7:
            zeilen.extend(_grenzzeilen())
        elif i % 10 == 3:
            obj = copy.deepcopy(rng.choice(BASIS))
            obj["fall"] = f"OK-{i}"
            zeilen.append(_bytes(obj))
        elif i % 10 == 5:
            zeilen.append(bytes(rng.choice(_OHNE_LF) for _ in range(rng.randrange(0, 80))))
        else:
            zeilen.append(_kaputte_zeile(rng, i))
    daten = b"\n".join(zeilen) + b"\n"
    pfad = ordner / "hunderte.jsonl"
    pfad.write_bytes(daten)
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "kooplan",
            "entscheide",
            str(pfad),
            "--anliegen",
            "massnahme",
            "--stichtag",
            "2024-03-01",
        ],
        capture_output=True,
        timeout=300,
        check=False,
    )
    out = p.stdout.decode("utf-8")
    err = p.stderr.decode("utf-8")
    erwartet = [
        _zeile_allein(z, nr, "massnahme", dt.date(2024, 3, 1), None)
        for nr, z in enumerate(zeilen, 1)
    ]
    assert len(erwartet) >= 300
    pruefe_cli_ausgabe(p.returncode, out, err, erwartet)
    assert p.returncode == 1
    for text in (out, err):
        assert not any(g in text for g in GEB_FORMEN) and GEHEIM not in text


_OHNE_LF = [b for b in range(256) if b != 10]


def _kaputte_zeile(rng: random.Random, i: int) -> bytes:
    """A reproducible broken line: a valid case with one to three random faults."""
    obj = copy.deepcopy(rng.choice(BASIS))
    obj["fall"] = f"K-{i}"
    for _ in range(rng.randint(1, 3)):
        orte = _orte(obj)
        if not orte:
            break
        c, k = rng.choice(orte)
        op = rng.randrange(6)
        if op == 0:
            c[k] = rng.choice(WERTE_POOL)
        elif op == 1:
            del c[k]
        elif op == 2 and isinstance(c, dict):
            c[rng.choice(sorted(FELDNAMEN))] = rng.choice(WERTE_POOL)
        elif op == 3:
            c[k] = rng.choice(
                ["1899-12-31", "2100-01-01", "2024-02-30", "2022-05-01", "2026-07-01"]
            )
        elif op == 4:  # cut short (a value drawn earlier may hold a lone surrogate)
            text = json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass")
            return text[: rng.randrange(len(text))]
        else:
            c[k] = rng.choice(["2023-07-03", "2024-02-05", "2025-05-05", "2026-10-01"])
    return json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
