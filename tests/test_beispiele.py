"""Every worked example of the worked examples (docs/beispiele.md), decided from Python and from the command line.

The expectations live in the bundled data file (``x_beispiel``), written from the worked examples (docs/beispiele.md) by
hand; this test compares with its own logic, not with the demo's.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

import kooplan
from kooplan.beispiele import beispiele, beispiele_text
from kooplan.cli import main
from kooplan.vertrag import entscheidung_als_dict, fall_aus_objekt, fehler_als_dict

FAELLE = [(b, a) for b in beispiele() for a in b.anliegen]


def _ergebnis(b, anliegen):
    try:
        fall = fall_aus_objekt(b.fall)
        return entscheidung_als_dict(kooplan.entscheide(fall, anliegen, b.stichtag, b.faellig))
    except kooplan.KooplanError as err:
        return fehler_als_dict(err)


def test_every_example_of_beispiele_md_is_bundled():
    nummern = {b.nr for b in beispiele()}
    # 1 to 19 and 8b, and three for the Nichterreichbarkeit, the personal report and the
    # Sperrzeit bei Meldeversäumnis with a decision handed over in person
    assert nummern == {str(n) for n in range(1, 23)} | {"8b"}


@pytest.mark.parametrize(("b", "anliegen"), FAELLE, ids=[f"{b.nr}-{a}" for b, a in FAELLE])
def test_example(b, anliegen):
    r = _ergebnis(b, anliegen)
    soll = b.erwartet
    if "fehler" in soll:
        assert r["schema"] == "kooplan/fehler/1"
        assert r["fehler"] == soll["fehler"]
        if "ort" in soll:
            assert r["ort"] == soll["ort"]
        assert r["fall"] == b.fall["fall"]
        return
    assert r["schema"] == "kooplan/entscheidung/1", r
    for key in (
        "phase",
        "modus",
        "rechtsstand",
        "naechste_ueberpruefung",
        "ueberpruefung_ueberfaellig",
    ):
        if key in soll:
            assert r[key] == soll[key], key
    assert r["rfb"] is (r["modus"] != "ohne_rfb")
    normen = [g["norm"] for g in r["gruende"]]
    for z in soll.get("zitiert", []):
        assert any(n.startswith(z) for n in normen), (z, normen)
    codes = [h["code"] for h in r["hinweise"]]
    for c in soll.get("hinweise", []):
        assert c in codes
    # the rechtsfolgen object is present exactly when rfb is true (docs/vertrag.md)
    assert ("rechtsfolgen" in r) is r["rfb"]
    if "rechtsfolgen" in soll:
        _pruefe_folgen(r["rechtsfolgen"], soll["rechtsfolgen"])


def _pruefe_folgen(ist, soll):
    for key, wert in soll.items():
        if key == "norm":  # "cites X": the norm starts with X
            assert ist["norm"].startswith(wert), (ist["norm"], wert)
        elif key in ("alternativen", "folgestufen"):
            assert len(ist.get(key, [])) == len(wert), (key, ist.get(key))
            for a, b in zip(ist[key], wert, strict=True):
                _pruefe_folgen(a, b)
        else:
            assert ist[key] == wert, (key, ist[key], wert)


@pytest.mark.parametrize(("b", "anliegen"), FAELLE, ids=[f"{b.nr}-{a}" for b, a in FAELLE])
def test_cli_gives_the_same_answer_as_python(b, anliegen, tmp_path):
    datei = tmp_path / "fall.json"
    datei.write_text(json.dumps(b.fall, ensure_ascii=False), encoding="utf-8")
    argv = ["entscheide", str(datei), "--anliegen", anliegen, "--stichtag", b.stichtag.isoformat()]
    if b.faellig:
        argv += ["--faellig", b.faellig.isoformat()]
    out, err = io.StringIO(), io.StringIO()
    rc = main(argv, out, err)
    zeilen = out.getvalue().splitlines()
    assert len(zeilen) == 1
    assert json.loads(zeilen[0]) == _ergebnis(b, anliegen)
    assert rc == (1 if "fehler" in b.erwartet else 0)


def test_demo_exits_zero_and_marks_every_row():
    out = io.StringIO()
    assert main(["demo"], out, io.StringIO()) == 0
    text = out.getvalue()
    assert "NEIN" not in text
    assert text.count("  ja") == len(FAELLE)


def test_bundled_file_is_valid_json_lines():
    for zeile in beispiele_text().splitlines():
        assert isinstance(json.loads(zeile), dict)


def test_example_dates_are_iso():
    for b in beispiele():
        assert isinstance(b.stichtag, dt.date)
