"""The shipped JSON Schemas agree with the loader and the output."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

import kooplan
from kooplan.beispiele import beispiele
from kooplan.cli import main
from kooplan.vertrag import entscheidung_als_dict, fall_aus_objekt, fehler_als_dict
from kooplan.vertrag.schema import entscheidung_schema, fall_schema, fehler_schema

BEISPIELE = list(beispiele())


def _validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("b", BEISPIELE, ids=[b.nr for b in BEISPIELE])
def test_bundled_cases_are_valid_under_the_input_schema(b):
    _validator(fall_schema()).validate(b.fall)


@pytest.mark.parametrize("b", BEISPIELE, ids=[b.nr for b in BEISPIELE])
def test_decisions_and_errors_are_valid_under_the_output_schemas(b):
    for anliegen in b.anliegen:
        try:
            e = kooplan.entscheide(fall_aus_objekt(b.fall), anliegen, b.stichtag, b.faellig)
            _validator(entscheidung_schema()).validate(entscheidung_als_dict(e, 3))
        except kooplan.KooplanError as err:
            _validator(fehler_schema()).validate(fehler_als_dict(err, None))


@pytest.mark.parametrize(
    "kaputt",
    [
        {"schema": "kooplan/fall/1", "fall": "A", "ereignisse": [], "unbekannt": 1},
        {"schema": "kooplan/fall/1", "fall": "A", "ereignisse": [{"art": "x", "am": "2024-01-01"}]},
        {"schema": "kooplan/fall/1", "fall": "A b", "ereignisse": []},
        {"schema": "kooplan/fall/2", "fall": "A", "ereignisse": []},
        {
            "schema": "kooplan/fall/1",
            "fall": "A",
            "ereignisse": [{"art": "termin_versaeumt", "am": "2024-01-01", "wichtiger_grund": 0}],
        },
        {
            "schema": "kooplan/fall/1",
            "fall": "A",
            "ereignisse": [{"art": "plan_erstellt", "am": "20240101"}],
        },
        {
            "schema": "kooplan/fall/1",
            "fall": "A",
            "ereignisse": [
                {
                    "art": "plan_erstellt",
                    "am": "2024-01-01",
                    "plan": {"eingliederungsziel": "z", "schritte": []},
                }
            ],
        },
    ],
)
def test_what_the_schema_refuses_the_loader_refuses(kaputt):
    assert not _validator(fall_schema()).is_valid(kaputt)
    with pytest.raises(kooplan.UngueltigeEingabe):
        fall_aus_objekt(kaputt)


def test_x_keys_are_allowed_by_schema_and_loader():
    fall = {
        "schema": "kooplan/fall/1",
        "fall": "A",
        "x_eigen": {"a": 1},
        "ereignisse": [{"art": "plan_erstellt", "am": "2024-01-15", "x_notiz": "n"}],
    }
    assert _validator(fall_schema()).is_valid(fall)
    assert fall_aus_objekt(fall).fall == "A"


def test_cli_prints_all_three_schemas():
    out = io.StringIO()
    assert main(["schema"], out, io.StringIO()) == 0
    schemas = json.loads(out.getvalue())
    assert set(schemas) == {"kooplan/fall/1", "kooplan/entscheidung/1", "kooplan/fehler/1"}
