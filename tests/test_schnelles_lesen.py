"""The loader's fast reader (issue 5) is held to the exact reader (issue 2, 6).

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

from kooplan.fehler import KooplanError
from kooplan.testing import fall_dicts
from kooplan.vertrag.laden import _genau, _schnell, _Zurueck, fall_aus_objekt, json_lesen
from test_haertung import JSON_WERTE, fallartig, mutiert, umgestellt


def _beide(obj: Any) -> None:
    try:
        genau: Any = _genau(obj)
    except KooplanError as err:
        genau = err
    try:
        schnell: Any = _schnell(obj)
    except (_Zurueck, KooplanError):
        schnell = None
    if schnell is not None:
        assert not isinstance(genau, KooplanError), f"fast reader accepted: {genau}"
        assert schnell == genau


@settings(max_examples=300, deadline=None)
@given(fall_dicts(max_ereignisse=20, ungeordnet=True))
def test_gueltige_faelle_liest_der_schnelle_leser_selbst(obj: dict[str, Any]) -> None:
    doc = json_lesen(json.dumps(obj))
    assert _schnell(doc) == _genau(doc)


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
