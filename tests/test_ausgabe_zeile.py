"""The direct line writer ``entscheidung_als_zeile`` writes exactly what ``json.dumps`` writes for
the contract's decision object (``zeile(entscheidung_als_dict(e, nr))``), byte for byte.

The decisions come from legal histories drawn by ``kooplan.testing``, from the bundled examples,
and from decisions whose texts are replaced by arbitrary Unicode (quotes, backslashes, control
characters, surrogates are impossible in a ``str`` from ``json``, but any other code point).
The writer keeps the JSON of values it has seen; equal values must give equal JSON, and a value
seen before must still give its own JSON after many others (the store is bounded).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kooplan
from faelle_bau import offene_massnahme
from kooplan import testing
from kooplan.begruendung import Grund, Hinweis
from kooplan.beispiele import beispiele
from kooplan.entscheidung import Entscheidung
from kooplan.recht import Quelle
from kooplan.rechtsfolgen import Baustein, Rechtsfolge
from kooplan.vertrag import fall_aus_objekt
from kooplan.werte.ausgabe import (
    FRAGMENTE_HOECHSTENS,
    entscheidung_als_dict,
    entscheidung_als_zeile,
    zeile,
)

ANLIEGEN = ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen")
TEXTE = st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != "")


def gleich(e: Entscheidung, nr: int | None) -> None:
    erwartet = zeile(entscheidung_als_dict(e, nr))
    assert entscheidung_als_zeile(e, nr) == erwartet
    assert json.loads(erwartet) == entscheidung_als_dict(e, nr)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    testing.faelle(max_ereignisse=12),
    testing.stichtage(),
    st.sampled_from(ANLIEGEN),
    st.none() | st.integers(0, 2**40),
    st.booleans(),
)
def test_the_line_of_any_decision_is_the_json_of_its_object(
    fall: kooplan.Fall, stichtag: dt.date, anliegen: str, nr: int | None, mit_faellig: bool
) -> None:
    faellig = stichtag + dt.timedelta(days=20) if mit_faellig else None
    try:
        e = kooplan.entscheide(fall, anliegen, stichtag, faellig)
    except kooplan.KooplanError:
        return
    gleich(e, nr)


def test_the_lines_of_the_bundled_examples() -> None:
    n = 0
    for b in beispiele():
        fall = fall_aus_objekt(b.fall)
        for anliegen in b.anliegen:
            try:
                e = kooplan.entscheide(fall, anliegen, b.stichtag, b.faellig)
            except kooplan.KooplanError:
                continue
            for nr in (None, 0, 1, 123456):
                gleich(e, nr)
            n += 1
    assert n >= 10


def _mit_rechtsfolgen() -> Entscheidung:
    fall = fall_aus_objekt(offene_massnahme("JC-RF"))
    e = kooplan.entscheide(fall, "vermittlungsvorschlag", dt.date(2025, 3, 10))
    assert e.rechtsfolgen is not None and e.rechtsfolgen.betrag_euro is not None
    return e


BASIS = _mit_rechtsfolgen()


@settings(max_examples=200, deadline=None)
@given(TEXTE, TEXTE, TEXTE, TEXTE, st.sampled_from(list(Quelle)), st.booleans())
def test_arbitrary_texts_are_escaped_as_json_dumps_escapes_them(
    regel: str, norm: str, text: str, code: str, quelle: Quelle, norm_leer: bool
) -> None:
    rf = BASIS.rechtsfolgen
    assert rf is not None
    e = attrs.evolve(
        BASIS,
        gruende=(Grund(regel, norm, quelle, text),),
        hinweise=(Hinweis(code, quelle, None if norm_leer else norm, text), *BASIS.hinweise),
        rechtsfolgen=attrs.evolve(
            rf,
            text=text,
            norm=norm,
            bausteine=(Baustein(code, text), *rf.bausteine),
            betrag_euro=Decimal("1234.50"),
            folgestufen=(Rechtsfolge(regel, 30, 3, norm, text),),
        ),
    )
    gleich(e, 7)


def test_equal_values_seen_again_after_the_store_was_cleared() -> None:
    erste = entscheidung_als_zeile(BASIS, 1)
    for i in range(FRAGMENTE_HOECHSTENS + 10):  # fills the store past its bound
        e = attrs.evolve(BASIS, gruende=(Grund("r", "§ 1", Quelle.GESETZ, f"Text {i}"),))
        assert f"Text {i}" in entscheidung_als_zeile(e, 1)
    assert entscheidung_als_zeile(BASIS, 1) == erste == zeile(entscheidung_als_dict(BASIS, 1))


def test_a_decision_without_review_day_writes_null() -> None:
    e = attrs.evolve(BASIS, naechste_ueberpruefung=None, rechtsfolgen=None)
    gleich(e, None)
    assert '"naechste_ueberpruefung": null, "ueberpruefung_ueberfaellig": false}' in (
        entscheidung_als_zeile(e)
    )
