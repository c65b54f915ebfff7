"""The contract page (docs/vertrag.md) is complete and its examples are real.

Every field of the input contract has a description and a citable norm; every output field of
the schemas is described; every event art and every error code has an example; the page's
generated blocks are current; and every JSON example in the docs loads (a case), or validates
against its schema (a decision, an error).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import kooplan
from kooplan import cli
from kooplan.ereignisse import ARTEN
from kooplan.fehler import FEHLERCODES, KooplanError
from kooplan.normen import ZitatFehler, zerlege
from kooplan.vertrag import doku
from kooplan.vertrag.ausgabefelder import AUSGABE
from kooplan.vertrag.felder import (
    EIGENBEMUEHUNGEN_FELDER,
    EREIGNIS_FELDER,
    FALL_FELDER,
    PLAN_FELDER,
    alle_felder,
)
from kooplan.vertrag.laden import fall_aus_json, fall_aus_objekt
from kooplan.vertrag.schema import entscheidung_schema, fall_schema, fehler_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEITE = DOCS / "vertrag.md"


# -- the field specs ------------------------------------------------------------------------------


def test_every_input_field_is_described():
    ohne = [ort for ort, f in alle_felder().items() if not f.beschreibung.strip()]
    assert not ohne, (
        "fields without a description (give each Feld in kooplan/vertrag/felder.py a "
        f"beschreibung= and, where a norm stands behind it, a norm=): {', '.join(ohne)}"
    )


@pytest.mark.parametrize("ort", sorted(alle_felder()))
def test_every_field_norm_is_a_citation(ort):
    norm = alle_felder()[ort].norm
    if not norm:
        return
    try:
        teile = zerlege(norm)
    except ZitatFehler as err:
        pytest.fail(f"the norm of {ort} is not a citation the rule tables could hold: {err}")
    assert teile


def _beschreibungen(schema: Any, pfad: str = "") -> list[str]:
    """The places of all properties of a schema without a description (the conditions of
    ``if``/``then``/``else`` only restate properties described elsewhere)."""
    fehlend: list[str] = []
    if isinstance(schema, dict):
        for name, s in schema.get("properties", {}).items():
            if "description" not in s:
                fehlend.append(f"{pfad}.{name}")
        for k, v in schema.items():
            if k in ("if", "then", "else", "not"):
                continue
            if isinstance(v, (dict, list)):
                fehlend += _beschreibungen(v, f"{pfad}/{k}")
    elif isinstance(schema, list):
        for i, v in enumerate(schema):
            fehlend += _beschreibungen(v, f"{pfad}[{i}]")
    return fehlend


@pytest.mark.parametrize("schema", [fall_schema, entscheidung_schema, fehler_schema])
def test_every_property_of_the_schemas_has_a_description(schema):
    assert _beschreibungen(schema()) == []


def test_every_event_branch_of_the_schema_says_what_the_event_is():
    for zweig in fall_schema()["$defs"]["ereignis"]["oneOf"]:
        assert zweig["description"], zweig["title"]


def _eigenschaften(schema: dict[str, Any], objekt: str) -> set[str]:
    e = entscheidung_schema()
    props: dict[str, Any] = {
        "entscheidung": e["properties"],
        "grund": e["properties"]["gruende"]["items"]["properties"],
        "hinweis": e["properties"]["hinweise"]["items"]["properties"],
        "rechtsfolge": e["$defs"]["rechtsfolge"]["properties"],
        "baustein": e["$defs"]["rechtsfolge"]["properties"]["bausteine"]["items"]["properties"],
        "fehler": fehler_schema()["properties"],
    }[objekt]
    return set(props)


@pytest.mark.parametrize(
    "objekt", ["entscheidung", "grund", "hinweis", "rechtsfolge", "baustein", "fehler"]
)
def test_the_output_tables_name_exactly_the_fields_of_the_schema(objekt):
    beschrieben = set(AUSGABE[objekt])
    im_schema = _eigenschaften(entscheidung_schema(), objekt)
    assert im_schema - beschrieben == set(), (
        f"output fields of '{objekt}' without a description in "
        f"kooplan/vertrag/ausgabefelder.py: {sorted(im_schema - beschrieben)}"
    )
    assert beschrieben - im_schema == set(), f"described but not in the schema: {objekt}"


def test_the_verlauf_tables_name_exactly_the_fields_kooplan_verlauf_writes(tmp_path):
    datei = tmp_path / "fall.json"
    datei.write_text(json.dumps(doku.BEISPIEL), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    rc = cli.main(["verlauf", str(datei), "--stichtag", "2024-03-10", "--json"], out, err)
    assert rc == 0, err.getvalue()
    obj = json.loads(out.getvalue())
    assert list(obj) == list(AUSGABE["verlauf"])
    assert obj["schritte"], "the example has steps"
    for schritt in obj["schritte"]:
        assert list(schritt) == list(AUSGABE["schritt"])


# -- the examples ---------------------------------------------------------------------------------


def test_every_event_art_has_an_example_with_it():
    assert set(doku.ART_BEISPIELE) == set(ARTEN) == set(EREIGNIS_FELDER)
    for art, beispiele in doku.ART_BEISPIELE.items():
        assert beispiele, art
        for b in beispiele:
            assert art in [e["art"] for e in b["ereignisse"]], b["fall"]


def test_the_examples_of_an_art_use_every_field_of_the_art():
    for art, felder in EREIGNIS_FELDER.items():
        benutzt = {
            k
            for b in doku.ART_BEISPIELE[art]
            for e in b["ereignisse"]
            if e["art"] == art
            for k in e
        }
        fehlend = set(felder) - benutzt
        assert not fehlend, (
            f"no example of '{art}' uses {sorted(fehlend)}: add one to ART_BEISPIELE in "
            "kooplan/vertrag/doku.py"
        )


def test_the_examples_together_use_every_case_plan_and_eigenbemuehungen_field():
    faelle = list(doku.alle_beispiele())
    fall_felder = {k for f in faelle for k in f}
    plaene = [e["plan"] for f in faelle for e in f["ereignisse"] if "plan" in e]
    plan_felder = {k for p in plaene for k in p}
    eb_felder = {k for p in plaene if "eigenbemuehungen" in p for k in p["eigenbemuehungen"]}
    assert set(FALL_FELDER) - fall_felder == set()
    assert set(PLAN_FELDER) - plan_felder == set()
    assert set(EIGENBEMUEHUNGEN_FELDER) - eb_felder == set()


def test_every_example_case_loads_and_every_art_example_is_decided():
    for art, beispiele in doku.ART_BEISPIELE.items():
        for b in beispiele:
            fall = fall_aus_objekt(b)
            letzter = max(dt.date.fromisoformat(e["am"]) for e in b["ereignisse"])
            try:
                kooplan.entscheide(fall, "massnahme", max(letzter, dt.date(2023, 7, 1)))
            except kooplan.KeinLeistungsbezug:
                assert art == "leistungsbezug_beendet"
            except kooplan.RechtsstandNichtAbgedeckt:
                pytest.fail(f"the example of {art} cannot be decided")


def test_every_error_code_has_an_example_that_yields_it():
    # every code but those of the process itself (a worker that died), which no case yields
    assert set(doku.FEHLER_BEISPIELE) | doku.VERARBEITUNGSFEHLER == set(FEHLERCODES)
    assert not set(doku.FEHLER_BEISPIELE) & doku.VERARBEITUNGSFEHLER
    for code, beispiel in doku.FEHLER_BEISPIELE.items():
        with pytest.raises(KooplanError) as info:
            fall = fall_aus_objekt(beispiel)
            kooplan.entscheide(fall, doku.ANLIEGEN, doku.STICHTAG)
        assert info.value.code == code


def test_the_contract_page_is_generated_from_the_specs():
    text = SEITE.read_text(encoding="utf-8")
    assert text == doku.bloecke_erneuern(text), (
        "docs/vertrag.md is stale: run `python -m kooplan.vertrag.doku docs/vertrag.md --schreiben`"
    )


def test_a_page_without_a_block_or_with_an_unknown_block_is_refused():
    text = SEITE.read_text(encoding="utf-8")
    ohne = re.sub(r"<!-- generiert:fall -->.*?<!-- /generiert:fall -->", "", text, flags=re.S)
    with pytest.raises(ValueError, match="lacks the blocks fall"):
        doku.bloecke_erneuern(ohne)
    with pytest.raises(ValueError, match="unknown block"):
        doku.bloecke_erneuern(text + "<!-- generiert:xyz -->\n<!-- /generiert:xyz -->\n")


def test_the_contract_page_lists_every_art_field_and_code():
    text = SEITE.read_text(encoding="utf-8")
    for art in ARTEN:
        assert f"### `{art}`" in text
    for code in FEHLERCODES:
        assert f"### `{code}`" in text
    for ort in alle_felder():
        name = ort.rsplit(".", 1)[-1]
        assert f"| `{name}` |" in text, ort


# -- every JSON example in the docs ---------------------------------------------------------------


def _json_bloecke() -> list[tuple[str, int, Any]]:
    bloecke = []
    for seite in sorted(DOCS.rglob("*.md")):
        text = seite.read_text(encoding="utf-8")
        for m in re.finditer(r"```json\n(.*?)```", text, re.S):
            zeile = text.count("\n", 0, m.start()) + 1
            bloecke.append((seite.name, zeile, json.loads(m.group(1))))
    return bloecke


def test_the_docs_have_json_examples():
    schemas = {b[2].get("schema") for b in _json_bloecke() if isinstance(b[2], dict)}
    assert {"kooplan/fall/1", "kooplan/entscheidung/1", "kooplan/fehler/1"} <= schemas


def test_every_json_example_in_the_docs_loads_or_validates():
    """A case loads, unless the block after it is the error it yields; a decision and an error
    validate against their schemas."""
    bloecke = _json_bloecke()
    validatoren = {
        "kooplan/entscheidung/1": jsonschema.Draft202012Validator(entscheidung_schema()),
        "kooplan/fehler/1": jsonschema.Draft202012Validator(fehler_schema()),
    }
    geladen = 0
    for i, (seite, zeile, obj) in enumerate(bloecke):
        if not isinstance(obj, dict):
            continue
        schema = obj.get("schema")
        if schema == "kooplan/fall/1":
            danach = bloecke[i + 1][2] if i + 1 < len(bloecke) else None
            erwartet_fehler = (
                isinstance(danach, dict)
                and danach.get("schema") == "kooplan/fehler/1"
                and danach.get("fall") == obj.get("fall")
            )
            try:
                fall = fall_aus_json(json.dumps(obj))
                if erwartet_fehler:
                    kooplan.entscheide(fall, doku.ANLIEGEN, doku.STICHTAG)
            except KooplanError as err:
                assert erwartet_fehler, f"{seite}:{zeile}: {err}"
                assert (err.code, err.ort) == (danach["fehler"], danach["ort"]), f"{seite}:{zeile}"
                continue
            assert not erwartet_fehler, f"{seite}:{zeile}: the case gives no error"
            geladen += 1
        elif schema in validatoren:
            fehler = list(validatoren[schema].iter_errors(obj))
            assert not fehler, f"{seite}:{zeile}: {fehler[0].message}"
    assert geladen >= len(ARTEN)
