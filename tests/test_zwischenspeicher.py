"""kooplan's caches never change a result (``kooplan._zwischenspeicher``): a case load decided
with warm caches gives the same lines as each case decided with every cache emptied first."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faelle_bau import offene_massnahme
from kooplan import testing
from kooplan._zwischenspeicher import _LEEREN, alle_leeren
from kooplan.batch import entscheide_jsonl
from kooplan.rechtsfolgen import _pflichtverletzung_folge
from kooplan.vertrag.ausgabe import _FRAGMENTE
from kooplan.vertrag.laden import _TAGE

ANLIEGEN = ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen")


def test_every_cache_is_registered_and_emptied() -> None:
    assert len(_LEEREN) >= 6
    fall = offene_massnahme()
    list(entscheide_jsonl([json.dumps(fall).encode()], "massnahme", dt.date(2025, 3, 10)))
    assert _TAGE and _FRAGMENTE and _pflichtverletzung_folge.cache_info().currsize
    alle_leeren()
    assert not _TAGE and not _FRAGMENTE and not _pflichtverletzung_folge.cache_info().currsize


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
