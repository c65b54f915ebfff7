"""The shipped JSON Schemas agree with the loader and the output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

import kooplan
from kooplan.beispiele import beispiele
from kooplan.cli import main
from kooplan.vertrag import entscheidung_als_dict, fall_aus_objekt, fehler_als_dict
from kooplan.vertrag.schema import entscheidung_schema, fall_schema, fehler_schema

VERTRAG = Path(__file__).parent / "daten" / "vertrag_beispiel.json"
ALLE_BEISPIELE = list(beispiele())


def _validator(schema):
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("b", ALLE_BEISPIELE, ids=[b.nr for b in ALLE_BEISPIELE])
def test_bundled_cases_are_valid_under_the_input_schema(b):
    _validator(fall_schema()).validate(b.fall)


@pytest.mark.parametrize("b", ALLE_BEISPIELE, ids=[b.nr for b in ALLE_BEISPIELE])
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


SCHEMA_IDS = {"kooplan/fall/1", "kooplan/anfrage/1", "kooplan/entscheidung/1", "kooplan/fehler/1"}


@pytest.mark.parametrize("argv", [["schema", "--alle"], ["schema"]])
def test_cli_prints_the_bundle_of_every_schema_which_is_no_schema_itself(argv):
    """The bundle holds every schema under ``schemas`` by its id, carries a marker, and refuses
    every document when it is given to a validator by mistake (instead of accepting any)."""
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, out, err) == 0
    buendel = json.loads(out.getvalue())
    assert buendel["schemabuendel"] == "kooplan/schemabuendel/1"
    assert set(buendel["schemas"]) == SCHEMA_IDS
    for kennung, schema in buendel["schemas"].items():
        assert schema["title"] == kennung
    for dokument in ({"voellig": "falsch"}, json.loads(VERTRAG.read_text("utf-8")), 1, None):
        assert not _validator(buendel).is_valid(dokument)
    # plain "kooplan schema" says on standard error that it prints the bundle
    assert ("Sammlung" in err.getvalue()) is (argv == ["schema"])


@pytest.mark.parametrize(
    ("name", "kennung"),
    [
        ("fall", "kooplan/fall/1"),
        ("anfrage", "kooplan/anfrage/1"),
        ("entscheidung", "kooplan/entscheidung/1"),
        ("fehler", "kooplan/fehler/1"),
    ],
)
def test_cli_prints_one_schema_a_validator_uses_as_it_is(name, kennung):
    out = io.StringIO()
    assert main(["schema", name], out, io.StringIO()) == 0
    schema = json.loads(out.getvalue())
    assert schema["title"] == kennung
    v = _validator(schema)  # checks the schema against the meta-schema
    assert not v.is_valid({"voellig": "falsch"})


def test_the_printed_schemas_check_what_the_command_line_reads_and_writes(tmp_path):
    def schema(name):
        out = io.StringIO()
        main(["schema", name], out, io.StringIO())
        return _validator(json.loads(out.getvalue()))

    fall = json.loads(VERTRAG.read_text("utf-8"))
    schema("fall").validate(fall)
    anfrage = {"schema": "kooplan/anfrage/1", "anliegen": "massnahme", "stichtag": "2024-05-01"}
    schema("anfrage").validate({**anfrage, "fall": fall})
    assert not schema("anfrage").is_valid({**anfrage, "fall": {**fall, "ereignisse": [1]}})
    datei = tmp_path / "anfragen.jsonl"
    datei.write_text(
        json.dumps({**anfrage, "fall": fall}) + "\n" + json.dumps({**anfrage, "fall": 1}) + "\n"
    )
    out = io.StringIO()
    assert main(["entscheide", str(datei), "--anfragen"], out, io.StringIO()) == 1
    eins, zwei = (json.loads(z) for z in out.getvalue().splitlines())
    schema("entscheidung").validate(eins)
    schema("fehler").validate(zwei)


def test_schema_with_a_name_and_alle_is_an_argument_error():
    out, err = io.StringIO(), io.StringIO()
    assert main(["schema", "fall", "--alle"], out, err) == 2
    assert out.getvalue() == "" and "nicht beides" in err.getvalue()
    assert main(["schema", "gibtsnicht"], out, err) == 2


# -- schema and loader agree, with the strategies downstream users get -----------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kooplan.testing import fall_dicts  # noqa: E402

#: Rules JSON Schema cannot state; only the loader checks them (documented in vertrag/schema.py).
NUR_LOADER = (
    "bezug",  # named event exists, is earlier, has the right art
    "einladung",
    "id",  # unique ids
    "nicht vorher",
    "Eingliederungsvereinbarung",  # dated before 1.7.2023
    "prozent",  # 10/20/30 without stufe
    "'bis'",
    "stufe",
    "tatbestand",
    "doppelt",  # duplicate keys
    "leer",  # blank text
    "Zeitraums",  # 1900–2099
    "Kalendertag",  # 2024-02-30 matches the pattern
    "druckbaren",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fall_dicts())
def test_cases_from_the_exported_strategy_are_valid_for_schema_and_loader(obj):
    _validator(fall_schema()).validate(obj)
    assert fall_aus_objekt(obj).fall == obj["fall"]


_FELDWERTE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5000),
    st.text(max_size=12),
    st.sampled_from(["2024-01-15", "2024-02-30", "20240115", "massnahme", "pflichtverletzung"]),
    st.lists(st.text(max_size=5), max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fall_dicts(), st.data())
def test_schema_and_loader_agree_on_mutated_cases(obj, data):
    # change one value or add/remove one key somewhere in the case
    ziel = obj
    ereignisse = obj["ereignisse"]
    if ereignisse and data.draw(st.booleans()):
        ziel = data.draw(st.sampled_from(ereignisse))
    schluessel = data.draw(st.sampled_from([*sorted(ziel), "neu", "x_frei"]))
    aktion = data.draw(st.sampled_from(["setzen", "loeschen"]))
    if aktion == "loeschen":
        ziel.pop(schluessel, None)
    else:
        ziel[schluessel] = data.draw(_FELDWERTE)
    schema_ok = _validator(fall_schema()).is_valid(obj)
    try:
        fall_aus_objekt(obj)
        loader_ok, meldung = True, ""
    except kooplan.UngueltigeEingabe as err:
        loader_ok, meldung = False, err.meldung
    if loader_ok:
        assert schema_ok, "the loader accepted what the schema refuses"
    elif schema_ok:
        assert any(w in meldung for w in NUR_LOADER), meldung


@pytest.mark.parametrize(
    ("wo", "wert"),
    [
        ("fall", "JC-1\n"),  # Python's `$` alone would let a final line break through
        ("fall", "JC-\u0661"),  # an Arabic-Indic digit is no ASCII digit
        ("am", "2024-01-15\n"),
        ("am", "2024-01-1\u0665"),  # \d in Python would take it
    ],
)
def test_schema_refuses_what_the_loader_refuses_in_every_regex_dialect(wo: str, wert: str) -> None:
    """The schema's patterns mean the same in ECMA-262 and in Python's `re`: a validator in
    Python and one in JavaScript refuse exactly what kooplan's loader refuses."""
    obj = {
        "schema": "kooplan/fall/1",
        "fall": "JC-1",
        "ereignisse": [{"art": "plan_gescheitert", "am": "2024-01-15"}],
    }
    if wo == "fall":
        obj["fall"] = wert
    else:
        obj["ereignisse"][0]["am"] = wert
    with pytest.raises(kooplan.UngueltigeEingabe):
        fall_aus_objekt(obj)
    assert not _validator(fall_schema()).is_valid(obj)
    obj["fall"], obj["ereignisse"][0]["am"] = "JC-1", "2024-01-15"
    fall_aus_objekt(obj)
    assert _validator(fall_schema()).is_valid(obj)
