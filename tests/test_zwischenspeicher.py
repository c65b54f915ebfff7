"""kooplan's caches never change a result (``kooplan.werte.zwischenspeicher``): a case load decided
with warm caches gives the same lines as each case decided with every cache emptied first."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelle_bau import offene_massnahme
from kooplan import testing
from kooplan.batch import entscheide_jsonl
from kooplan.werte.zwischenspeicher import ablegen, alle_leeren, belegung

ANLIEGEN = ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen")


def test_every_cache_is_registered_and_emptied() -> None:
    assert set(belegung()) == {
        "entscheidung.tabelle",
        "kalender.feiertage",
        "rechtsfolgen.nicht_erreichbar_stufe",
        "rechtsfolgen.pflichtverletzung_folge",
        "vertrag.laden.tage",
        "werte.ausgabe.fragmente",
    }
    fall = offene_massnahme()
    list(entscheide_jsonl([json.dumps(fall).encode()], "massnahme", dt.date(2025, 3, 10)))
    voll = belegung()
    for name in (
        "vertrag.laden.tage",
        "werte.ausgabe.fragmente",
        "rechtsfolgen.pflichtverletzung_folge",
        "kalender.feiertage",
    ):
        assert voll[name] > 0, name
    alle_leeren()
    assert set(belegung().values()) == {0}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(testing.fall_dicts(), min_size=1, max_size=6),
    testing.stichtage(),
    st.sampled_from(ANLIEGEN),
)
def test_warm_caches_give_the_lines_of_cold_ones(
    faelle: list[dict[str, object]], stichtag: dt.date, anliegen: str
) -> None:
    zeilen = [json.dumps(f, ensure_ascii=False).encode() for f in faelle]
    warm = list(entscheide_jsonl(zeilen * 2, anliegen, stichtag))
    kalt = []
    for i, z in enumerate(zeilen * 2, start=1):
        alle_leeren()
        kalt += list(entscheide_jsonl([z], anliegen, stichtag, erste_zeile=i))
    assert warm == kalt


def test_a_bounded_cache_never_holds_more_than_its_bound() -> None:
    cache: dict[object, object] = {}
    for i in range(7):
        ablegen(cache, i, str(i), 3)
        assert len(cache) <= 3
        assert cache[i] == str(i)
    assert cache == {6: "6"}
