"""Schemathesis against a real ``kooplan serve``: requests generated from the service's own
OpenAPI description, bounded (a few examples per operation, derandomised); no answer is a 5xx
and every answer conforms to the description (status, content type, schema)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from server_prozess import Dienst, dienst

pytestmark = pytest.mark.filterwarnings("ignore")


def _beschreibung() -> dict[str, Any]:
    """The description the service serves, with the references inside each contract schema
    written from the document's root: the schemas resolve ``#/$defs/…`` against their own
    ``$id`` (JSON Schema 2020-12), which Schemathesis does not follow."""
    with dienst() as d:
        spec: dict[str, Any] = httpx.get(d.url + "/openapi.json").json()
    for name, s in spec["components"]["schemas"].items():
        text = json.dumps(s).replace('"#/$defs/', f'"#/components/schemas/{name}/$defs/')
        spec["components"]["schemas"][name] = json.loads(text)
    return spec


@schemathesis.serializer("application/x-ndjson")
def _ndjson(ctx: Any, value: Any) -> bytes:
    return (value if isinstance(value, str) else json.dumps(value)).encode("utf-8")


@schemathesis.deserializer("application/x-ndjson")
def _ndjson_lesen(ctx: Any, response: Any) -> Any:
    return response.content.decode("utf-8")


SCHEMA = schemathesis.openapi.from_dict(_beschreibung())


@pytest.fixture(scope="module")
def d() -> Iterator[Dienst]:
    with dienst() as laufend:
        yield laufend


@SCHEMA.parametrize()
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_keine_5xx_und_jede_antwort_passt_zur_beschreibung(case: Any, d: Dienst) -> None:
    case.call_and_validate(
        base_url=d.url,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
