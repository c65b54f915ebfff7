"""Tests for survivors of the mutation run over the loader (``tools/mutation.py vertrag/laden``):
message wording and places that no other test pinned (JSON constants and syntax, long and
non-ASCII keys, events of unknown art, duplicates in ``x_`` data, a ``bezug`` of the wrong art).
The expected messages follow the loader's rules: keys quoted, escaped to printable ASCII and
shortened; the first fault in document order at its JSON path."""

from __future__ import annotations

import datetime as dt

import pytest

from kooplan.fehler import UngueltigeEingabe
from kooplan.vertrag.laden import (
    MAX_BYTES_JE_FALL,
    faelle_lesen,
    fall_aus_json,
    json_lesen,
    zeilen_lesen,
)


@pytest.mark.parametrize("konstante", ["NaN", "Infinity", "-Infinity"])
def test_nicht_json_konstanten_werden_genannt(konstante: str) -> None:
    # the constant is JSON syntax, not a value of the case: naming it echoes no personal data
    with pytest.raises(UngueltigeEingabe) as info:
        json_lesen('{"fall": "JC-1", "x_a": ' + konstante + "}")
    assert info.value.meldung == f"Kein gültiges JSON: {konstante} ist in JSON nicht erlaubt."


def test_ein_syntaxfehler_ohne_eigene_uebersetzung_heisst_syntaxfehler() -> None:
    # Python's message for a broken \\u escape has no German wording of its own
    with pytest.raises(UngueltigeEingabe) as info:
        json_lesen('{"fall": "\\u12"}')
    assert info.value.meldung.startswith("Kein gültiges JSON: Syntaxfehler (Zeile 1, Spalte ")


K = '{"schema": "kooplan/fall/1", "fall": "JC-1", '


def _fehler(text: str) -> UngueltigeEingabe:
    with pytest.raises(UngueltigeEingabe) as info:
        fall_aus_json(text)
    return info.value


def test_lange_schluessel_werden_gekuerzt_und_ascii_zitiert() -> None:
    # "Keys are quoted, escaped to printable ASCII and shortened" (40 characters and "…")
    err = _fehler(K + '"ereignisse": [], "' + "k" * 60 + '": 1}')
    assert err.meldung == "Unbekanntes Feld '" + "k" * 40 + "\\u2026'."
    err = _fehler(K + '"ereignisse": [], "schlüssel": 1}')
    assert err.meldung == "Unbekanntes Feld 'schl\\u00fcssel'."


@pytest.mark.parametrize(
    ("ereignis", "meldung", "ort"),
    [
        # an event of unknown art: its am, id and duplicate keys are still judged, in order
        (
            '{"am": "2024-01-15", "am": "2024-01-16", "art": "nix"}',
            "Der Schlüssel 'am' kommt im Objekt doppelt vor.",
            "ereignisse[0].am",
        ),
        (
            '{"id": 5, "art": "nix"}',
            "'id' muss ein Text sein, nicht eine Zahl.",
            "ereignisse[0].id",
        ),
        (
            '{"am": "x", "art": "nix"}',
            "'am' muss ein Datum der Form JJJJ-MM-TT sein.",
            "ereignisse[0].am",
        ),
        ('{"am": "2024-01-15"}', "Das Pflichtfeld 'art' fehlt.", "ereignisse[0].art"),
    ],
)
def test_ereignis_ohne_bekannte_art(ereignis: str, meldung: str, ort: str) -> None:
    err = _fehler(K + '"ereignisse": [' + ereignis + "]}")
    assert (err.meldung, err.ort) == (meldung, ort)


def test_doppelte_schluessel_in_eigenen_x_daten_an_ihrem_objekt() -> None:
    # two faults: the duplicate inside x_a comes first in document order; it is reported at the
    # object that holds x_a (here the case: ort null), counting the field, naming no key
    err = _fehler(K + '"ereignisse": [], "x_a": {"b": 1, "b": 2}, "zzz": 1}')
    assert (err.meldung, err.ort) == (
        "In den Daten des 1. eigenen Feldes (x_…) kommt ein Schlüssel doppelt vor.",
        None,
    )
    err = _fehler(K + '"x_z": 1, "ereignisse": [], "x_a": [{"b": 1}, {"b": 2, "b": 3}]}')
    assert (err.meldung, err.ort) == (
        "In den Daten des 2. eigenen Feldes (x_…) kommt ein Schlüssel doppelt vor.",
        None,
    )
    err = _fehler(
        K + '"ereignisse": [{"art": "plan_gescheitert", "am": "2024-01-15", "x_b": 1, "x_b": 2}]}'
    )
    assert (err.meldung, err.ort) == (
        "Ein eigenes Feld (x_…) kommt in diesem Objekt doppelt vor.",
        "ereignisse[0]",
    )


def test_bezug_auf_ein_ereignis_falscher_art() -> None:
    err = _fehler(
        K + '"ereignisse": [{"art": "plan_erstellt", "am": "2024-01-15", "id": "p1"}, '
        '{"art": "wichtiger_grund_nachgewiesen", "am": "2024-01-20", "bezug": "p1"}]}'
    )
    assert err.ort == "ereignisse[1].bezug"
    assert err.meldung == (
        "'bezug' von Ereignis Nr. 2 muss ein Ereignis der Art 'termin_versaeumt' oder "
        "'mitwirkung_unterblieben' nennen, nicht 'plan_erstellt'."
    )


def test_land_und_bewilligungszeitraum_kommen_im_fall_an() -> None:
    fall = fall_aus_json(
        K + '"land": "DE-BY", "bewilligungszeitraum_ende": "2026-12-31", "regelbedarfsstufe": 2, '
        '"geburtsdatum": "1990-05-17", "ereignisse": []}'
    )
    assert fall.land == "DE-BY"
    assert fall.bewilligungszeitraum_ende == dt.date(2026, 12, 31)
    assert fall.regelbedarfsstufe == 2
    assert fall.geburtsdatum == dt.date(1990, 5, 17)


def test_schluessel_von_genau_40_zeichen_wird_nicht_gekuerzt() -> None:
    err = _fehler(K + '"ereignisse": [], "' + "k" * 40 + '": 1}')
    assert err.meldung == "Unbekanntes Feld '" + "k" * 40 + "'."


def test_bezug_auf_ein_ereignis_mit_unmoeglichem_tag() -> None:
    # 30.2. has the form JJJJ-MM-TT but is no calendar day: the bezug check must not trip over it
    err = _fehler(
        K + '"ereignisse": [{"art": "termin_versaeumt", "am": "2024-02-30", "id": "t1", '
        '"wichtiger_grund": false}, {"art": "wichtiger_grund_nachgewiesen", "am": "2024-03-05", '
        '"bezug": "t1"}]}'
    )
    assert (err.meldung, err.ort) == ("'am' ist kein gültiger Kalendertag.", "ereignisse[0].am")


def test_zeilen_lesen_takes_one_carriage_return_off_each_line() -> None:
    # CRLF files: "\r\n" ends a line; a lone "\r" inside a line stays
    assert list(zeilen_lesen(b"a\r\nb\r\n\r\nc\rd\n")) == [
        (1, b"a"),
        (2, b"b"),
        (3, b""),
        (4, b"c\rd"),
    ]
    assert list(zeilen_lesen(b"a\r\r\n")) == [(1, b"a\r")]


def test_a_crlf_line_of_exactly_the_size_limit_is_read() -> None:
    # the "\r" of a CRLF line end does not count towards the case's size
    leer = b'{"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": [], "x_f": ""}'
    zeile = leer[:-2] + b"f" * (MAX_BYTES_JE_FALL - len(leer)) + b'"}'
    assert len(zeile) == MAX_BYTES_JE_FALL
    [(nr, fall)] = list(faelle_lesen(zeile + b"\r\n", "jsonl"))
    assert nr == 1 and not isinstance(fall, UngueltigeEingabe) and fall.fall == "JC-1"
