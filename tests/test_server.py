"""The HTTP service against a real ``kooplan serve`` on 127.0.0.1, used over HTTP: every
answer is the bytes the command line writes for the same input."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kooplan
from kooplan.batch import entscheide_anfragen
from kooplan.beispiele import beispiele
from kooplan.cli import main
from kooplan.katalog import eintraege
from kooplan.vertrag.laden import MAX_BYTES_JE_FALL, MAX_EREIGNISSE
from kooplan.vertrag.schema import alle_schemas, schema
from server_prozess import STROM_KOPF, Dienst, bis, bis_zum_ende, chunk, dienst, roh

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


@pytest.fixture(scope="module")
def d() -> Iterator[Dienst]:
    with dienst() as laufend:
        yield laufend


def cli(argumente: list[str], tmp: Path, eingabe: bytes, name: str = "ein.jsonl") -> bytes:
    datei = tmp / name
    datei.write_bytes(eingabe)
    out, err = io.StringIO(), io.StringIO()
    main([*argumente[:1], str(datei), *argumente[1:]], out=out, err=err)
    return out.getvalue().encode("utf-8")


def anfragen() -> list[bytes]:
    """Every bundled example, for each of its Anliegen, as a request line."""
    out = []
    for b in beispiele():
        for anliegen in b.anliegen:
            anfrage: dict[str, Any] = {
                "schema": "kooplan/anfrage/1",
                "anliegen": anliegen,
                "stichtag": b.stichtag.isoformat(),
                "fall": b.fall,
            }
            if b.faellig is not None:
                anfrage["faellig"] = b.faellig.isoformat()
            out.append(json.dumps(anfrage, ensure_ascii=False).encode("utf-8"))
    return out


ANFRAGEN = anfragen()
FEHLER = alle_schemas()["kooplan/fehler/1"]
ENTSCHEIDUNG = alle_schemas()["kooplan/entscheidung/1"]


def test_es_gibt_beispiele() -> None:
    assert len(ANFRAGEN) >= 30


@pytest.mark.parametrize("nr", range(len(ANFRAGEN)))
def test_jedes_beispiel_gibt_ueber_http_dieselben_bytes_wie_die_kommandozeile(
    d: Dienst, tmp_path: Path, nr: int
) -> None:
    zeile = ANFRAGEN[nr]
    erwartet = cli(["entscheide", "--anfragen"], tmp_path, zeile + b"\n")
    r = httpx.post(d.url + "/v1/entscheidung", content=zeile)
    assert r.content == erwartet
    assert r.content.endswith(b"\n") and r.content.count(b"\n") == 1
    assert r.headers["content-type"] == "application/json"
    obj = json.loads(r.content)
    if obj["schema"] == "kooplan/entscheidung/1":
        assert r.status_code == 200
        jsonschema.validate(obj, ENTSCHEIDUNG)
    else:
        assert r.status_code == 422
        jsonschema.validate(obj, FEHLER)


def test_alle_beispiele_als_strom_wie_die_kommandozeile(d: Dienst, tmp_path: Path) -> None:
    koerper = b"".join(z + b"\n" for z in ANFRAGEN) + b"kein JSON\n\n{}\n" + ANFRAGEN[0]
    erwartet = cli(["entscheide", "--anfragen"], tmp_path, koerper)
    r = httpx.post(d.url + "/v1/entscheidungen", content=koerper)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/x-ndjson"
    assert r.content == erwartet
    assert r.content.count(b"\n") == len(ANFRAGEN) + 4


def test_strom_in_teilen_hochgeladen_gibt_dieselben_bytes(d: Dienst, tmp_path: Path) -> None:
    koerper = b"".join(z + b"\r\n" for z in ANFRAGEN * 20)
    erwartet = cli(["entscheide", "--anfragen"], tmp_path, koerper)

    def teile() -> Iterator[bytes]:  # chunked, cut in the middle of lines
        for ab in range(0, len(koerper), 7919):
            yield koerper[ab : ab + 7919]

    r = httpx.post(d.url + "/v1/entscheidungen", content=teile(), timeout=60)
    assert r.content == erwartet
    assert r.content.count(b"\n") == len(ANFRAGEN) * 20


def test_strom_antwortet_jede_zeile_bevor_die_naechste_gesendet_ist(d: Dienst) -> None:
    s = roh(d.port, STROM_KOPF)
    gelesen = b""
    for i, z in enumerate(ANFRAGEN[:3], start=1):
        s.sendall(chunk(z + b"\n"))
        gelesen = bis(s, gelesen, f'"zeile": {i},'.encode())
    s.sendall(chunk(b""))
    gelesen = bis_zum_ende(s, gelesen)
    s.close()
    assert gelesen.startswith(b"HTTP/1.1 200")
    assert gelesen.count(b'"schema": "kooplan/') == 3


def test_zu_lange_zeile_im_strom_wird_in_ihrer_stelle_abgelehnt(d: Dienst, tmp_path: Path) -> None:
    koerper = ANFRAGEN[0] + b"\n" + b'{"x_": "' + b"a" * 1_100_000 + b'"}\n' + ANFRAGEN[1] + b"\n"
    erwartet = cli(["entscheide", "--anfragen"], tmp_path, koerper)
    r = httpx.post(d.url + "/v1/entscheidungen", content=koerper, timeout=60)
    assert r.content == erwartet
    zeilen = [json.loads(z) for z in r.content.splitlines()]
    assert [z["zeile"] for z in zeilen] == [1, 2, 3]
    assert zeilen[1]["fehler"] == "ungueltige_eingabe"


def test_leerer_strom_gibt_keine_zeile(d: Dienst) -> None:
    r = httpx.post(d.url + "/v1/entscheidungen", content=b"")
    assert (r.status_code, r.content) == (200, b"")


# -- bad input of every kind the loader knows --------------------------------------------------------

GUT = json.loads(ANFRAGEN[0])


def anfrage_mit(**felder: Any) -> bytes:
    return json.dumps({**GUT, **felder}).encode("utf-8")


SCHLECHT: list[tuple[str, bytes, int]] = [
    ("leer", b"", 400),
    ("nur_leerzeichen", b"   ", 400),
    ("kein_json", b"kein JSON", 400),
    ("abgebrochen", ANFRAGEN[0][:-5], 400),
    ("kein_utf8", b'{"schema": "kooplan/anfrage/1", "x_a": "\xff"}', 400),
    ("zu_tief", b"[" * 200 + b"]" * 200, 400),
    ("nan", b'{"schema": "kooplan/anfrage/1", "x_a": NaN}', 400),
    ("weitere_daten", ANFRAGEN[0] + b" {}", 400),
    (
        "doppelter_schluessel",
        b'{"schema": "kooplan/anfrage/1", "schema": "kooplan/anfrage/1"}',
        422,
    ),
    ("liste", b"[1, 2]", 422),
    ("text", b'"anfrage"', 422),
    ("zahl", b"17", 422),
    ("null", b"null", 422),
    ("leeres_objekt", b"{}", 422),
    ("unbekanntes_feld", anfrage_mit(zusatz=1), 422),
    ("falsches_schema", anfrage_mit(schema="kooplan/fall/1"), 422),
    ("stichtag_als_zahl", anfrage_mit(stichtag=20250101), 422),
    ("stichtag_unmoeglich", anfrage_mit(stichtag="2025-02-30"), 422),
    ("stichtag_falsche_form", anfrage_mit(stichtag="1.2.2025"), 422),
    ("stichtag_vor_2023", anfrage_mit(stichtag="2023-01-02"), 422),
    ("faellig_vor_stichtag", anfrage_mit(faellig="2023-01-02"), 422),
    ("anliegen_unbekannt", anfrage_mit(anliegen="brief"), 422),
    ("anliegen_liste", anfrage_mit(anliegen=["einladung"]), 422),
    ("policy_unbekannt", anfrage_mit(policy="streng"), 422),
    ("policy_falscher_name", anfrage_mit(policy="a b"), 422),
    ("fall_kein_objekt", anfrage_mit(fall=[]), 422),
    ("fall_ohne_ereignisse", anfrage_mit(fall={"schema": "kooplan/fall/1", "fall": "A-1"}), 422),
    (
        "fall_id_ungueltig",
        anfrage_mit(fall={"schema": "kooplan/fall/1", "fall": "A 1", "ereignisse": []}),
        422,
    ),
    (
        "ereignis_unbekannt",
        anfrage_mit(
            fall={"schema": "kooplan/fall/1", "fall": "A-1", "ereignisse": [{"art": "brief"}]}
        ),
        422,
    ),
    (
        "bool_als_text",
        anfrage_mit(
            fall={
                "schema": "kooplan/fall/1",
                "fall": "A-1",
                "ereignisse": [{"art": "plan_erstellt", "am": "2024-01-15", "x_": 1}],
                "rfb_erteilt": "ja",
            }
        ),
        422,
    ),
    ("x_feld_mit_doppeltem_schluessel", ANFRAGEN[0][:-1] + b', "x_a": {"b": 1, "b": 2}}', 422),
    ("bom_und_leer", b"\xef\xbb\xbf", 400),
    ("steuerzeichen", b'{"schema": "kooplan/anfrage/1", "x_a": "a\x01b"}', 400),
    ("einzelnes_surrogat", b'{"schema": "kooplan/anfrage/1", "x_a": "\xed\xa0\x80"}', 400),
    ("surrogat_escape", ANFRAGEN[0][:-1] + b', "\\ud800": 1}', 422),
    (
        "zu_viele_ereignisse",
        anfrage_mit(
            fall={
                "schema": "kooplan/fall/1",
                "fall": "A-1",
                "ereignisse": [{"art": "einladung_versandt", "am": "2024-01-15", "rfb": False}]
                * (MAX_EREIGNISSE + 1),
            }
        ),
        422,
    ),
    ("x_zu_tief", ANFRAGEN[0][:-1] + b', "x_a": ' + b"[" * 40 + b"]" * 40 + b"}", 422),
    ("laenger_als_der_loader_liest", anfrage_mit(x_a="a" * MAX_BYTES_JE_FALL), 400),
    ("zahl_zu_lang", b'{"schema": "kooplan/anfrage/1", "x_a": 1' + b"0" * 5000 + b"}", 400),
]


@pytest.mark.parametrize(("name", "koerper", "status"), SCHLECHT, ids=[s[0] for s in SCHLECHT])
def test_schlechte_eingabe_gibt_das_fehlerobjekt_mit_4xx_wie_die_kommandozeile(
    d: Dienst, tmp_path: Path, name: str, koerper: bytes, status: int
) -> None:
    r = httpx.post(d.url + "/v1/entscheidung", content=koerper)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    obj = json.loads(r.content)
    jsonschema.validate(obj, FEHLER)
    assert obj["zeile"] == 1
    assert obj["fehler"] in {"ungueltige_eingabe", "rechtsstand_nicht_abgedeckt"}
    if b"\n" not in koerper:
        erwartet = cli(["entscheide", "--anfragen"], tmp_path, koerper + b"\n")
        assert r.content == erwartet


def test_mehrzeilige_anfrage_ist_ein_objekt(d: Dienst, tmp_path: Path) -> None:
    schoen = json.dumps(json.loads(ANFRAGEN[0]), indent=2).encode("utf-8")
    r = httpx.post(d.url + "/v1/entscheidung", content=schoen)
    einzeilig = cli(["entscheide", "--anfragen"], tmp_path, ANFRAGEN[0] + b"\n")
    assert (r.status_code, r.content) == (200, einzeilig)


@pytest.mark.parametrize(
    ("methode", "pfad", "status"),
    [
        ("GET", "/v1/entscheidung", 405),
        ("PUT", "/v1/entscheidungen", 405),
        ("GET", "/v2/entscheidung", 404),
        ("GET", "/", 404),
        ("GET", "/v1/schema/unbekannt", 404),
        ("GET", "/v1/schema/", 404),
    ],
)
def test_unbekannte_wege_geben_das_fehlerobjekt(
    d: Dienst, methode: str, pfad: str, status: int
) -> None:
    r = httpx.request(methode, d.url + pfad)
    assert r.status_code == status
    obj = r.json()
    jsonschema.validate(obj, FEHLER)
    assert obj["fehler"] == "ungueltige_eingabe" and obj["zeile"] is None


# -- the other routes -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["fall", "anfrage", "entscheidung", "fehler"])
def test_schema_wie_kooplan_schema(d: Dienst, name: str) -> None:
    out = io.StringIO()
    assert main(["schema", name], out=out, err=io.StringIO()) == 0
    r = httpx.get(f"{d.url}/v1/schema/{name}")
    assert r.status_code == 200
    assert r.content == out.getvalue().encode("utf-8")
    assert r.json() == schema(name)


def test_regeln_mit_normen_und_quellen(d: Dienst) -> None:
    regeln = httpx.get(d.url + "/v1/regeln").json()["regeln"]
    assert [(r["tabelle"], r["id"]) for r in regeln] == [(e.tabelle, e.id) for e in eintraege()]
    nach_id = {r["id"]: r for r in regeln}
    assert nach_id["erstkontakt.plan_erstellt"]["normen"] == [
        {"regime": "B", "norm": "§ 15 Abs. 2 SGB II a.F."},
        {"regime": "C", "norm": "§ 15 Abs. 2 SGB II n.F."},
    ]
    assert nach_id["erstkontakt.plan_erstellt"]["quelle"] == "gesetz"
    assert len(regeln) > 100
    assert {r["quelle"] for r in regeln} <= {q.value for q in kooplan.Quelle}
    assert all(r["text"] for r in regeln)


def test_rechtsstaende(d: Dienst) -> None:
    rs = httpx.get(d.url + "/v1/rechtsstaende").json()["rechtsstaende"]
    assert [r["id"] for r in rs] == ["2023-07", "2024-03", "2026-03", "2026-04", "2026-07"]
    assert rs[0]["von"] == "2023-07-01" and rs[-1]["bis"] is None
    assert rs[-1]["regime"] == "C" and "BGBl. 2026 I Nr. 107" in rs[-1]["quelle"]


def test_healthz_und_version(d: Dienst) -> None:
    assert httpx.get(d.url + "/healthz").json() == {"status": "ok"}
    assert httpx.get(d.url + "/version").json() == {"kooplan": kooplan.__version__}


@pytest.mark.parametrize("als_json", [False, True])
def test_verlauf_wie_kooplan_verlauf(d: Dienst, tmp_path: Path, als_json: bool) -> None:
    for b in list(beispiele())[:8]:
        fall = json.dumps(b.fall, ensure_ascii=False).encode("utf-8")
        stichtag = b.stichtag.isoformat()
        argumente = ["verlauf", "--stichtag", stichtag, *(["--json"] if als_json else [])]
        erwartet = cli(argumente, tmp_path, fall, "fall.json")
        params = {"stichtag": stichtag, **({"json": "true"} if als_json else {})}
        r = httpx.post(d.url + "/v1/verlauf", params=params, content=fall)
        assert r.content == erwartet
        assert r.status_code in (200, 422)


def test_verlauf_als_json_lines_mit_fehlerzeilen(d: Dienst, tmp_path: Path) -> None:
    faelle = b"".join(json.dumps(b.fall).encode() + b"\n" for b in beispiele()) + b"{\n"
    erwartet = cli(["verlauf", "--stichtag", "2026-01-15", "--json"], tmp_path, faelle)
    r = httpx.post(
        d.url + "/v1/verlauf",
        params={"stichtag": "2026-01-15", "json": "true", "format": "jsonl"},
        content=faelle,
    )
    assert (r.status_code, r.content) == (200, erwartet)
    assert r.headers["content-type"] == "application/x-ndjson"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"stichtag": "morgen"},
        {"stichtag": "2025-02-30"},
        {"stichtag": "2025-01-01", "json": "ja"},
    ],
)
def test_verlauf_mit_falschem_parameter_gibt_400(d: Dienst, params: dict[str, str]) -> None:
    r = httpx.post(d.url + "/v1/verlauf", params=params, content=json.dumps(GUT["fall"]))
    assert r.status_code == 400
    jsonschema.validate(r.json(), FEHLER)


def test_verlauf_mit_schlechtem_fall_gibt_das_fehlerobjekt(d: Dienst) -> None:
    r = httpx.post(d.url + "/v1/verlauf", params={"stichtag": "2025-01-01"}, content=b'{"a": 1}')
    assert r.status_code == 422
    assert r.json()["fehler"] == "ungueltige_eingabe"


# -- OpenAPI --------------------------------------------------------------------------------------


def test_openapi_enthaelt_genau_die_schemas_des_vertrags(d: Dienst) -> None:
    spec = httpx.get(d.url + "/openapi.json").json()
    assert spec["openapi"] == "3.1.0"
    assert spec["info"]["version"] == kooplan.__version__
    komponenten = spec["components"]["schemas"]
    assert {s["title"]: s for s in komponenten.values()} == alle_schemas()
    assert set(komponenten) == {"fall", "anfrage", "entscheidung", "fehler"}
    # every $ref outside the contract's schemas points at a component
    text = json.dumps(spec["paths"])
    for ref in re.findall(r'"\$ref": "([^"]+)"', text):
        assert ref.removeprefix("#/components/schemas/") in komponenten
    assert set(spec["paths"]) == {
        "/v1/entscheidung",
        "/v1/entscheidungen",
        "/v1/verlauf",
        "/v1/schema/{name}",
        "/v1/regeln",
        "/v1/rechtsstaende",
        "/healthz",
        "/version",
    }


# -- the access log --------------------------------------------------------------------------------

_LOGZEILE = re.compile(r"(GET|POST|PUT) /[A-Za-z0-9/._{}-]* \d{3} \d+\.\dms")


def test_zugriffslog_nennt_nur_methode_pfad_status_dauer(d: Dienst) -> None:
    n = len(d.zeilen)
    httpx.post(d.url + "/v1/entscheidung", content=ANFRAGEN[0])
    httpx.post(d.url + "/v1/entscheidung", content=anfrage_mit(stichtag="2025-02-30"))
    httpx.post(d.url + "/v1/verlauf?stichtag=2025-05-06&json=true", content=json.dumps(GUT["fall"]))
    httpx.get(d.url + "/v1/schema/fall?fall=GEHEIM-1")
    neu = d.log_seit(n, 4)
    assert len(neu) == 4, neu
    for zeile in neu:
        assert _LOGZEILE.fullmatch(zeile), zeile
    assert neu[0].startswith("POST /v1/entscheidung 200 ")
    assert neu[1].startswith("POST /v1/entscheidung 422 ")
    assert neu[2].startswith("POST /v1/verlauf 200 ")
    assert neu[3].startswith("GET /v1/schema/fall 200 ")
    alles = "\n".join(neu)
    for geheim in (GUT["fall"]["fall"], "GEHEIM", "stichtag", "2025-05-06", "127.0.0.1"):
        assert geheim not in alles


# -- arbitrary bytes -------------------------------------------------------------------------------


def _verdorben() -> st.SearchStrategy[bytes]:
    """A bundled request cut, spliced with other bytes, or arbitrary bytes."""
    basis = st.sampled_from(ANFRAGEN)
    return st.one_of(
        st.binary(max_size=200),
        st.tuples(basis, st.integers(0, 4000)).map(lambda t: t[0][: t[1]]),
        st.tuples(basis, st.integers(0, 4000), st.binary(max_size=20)).map(
            lambda t: t[0][: t[1]] + t[2] + t[0][t[1] :]
        ),
        st.tuples(basis, st.integers(0, 4000), st.integers(1, 50)).map(
            lambda t: t[0][: t[1]] + t[0][t[1] + t[2] :]
        ),
    )


@pytest.fixture(scope="module")
def klient(d: Dienst) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=d.url) as c:
        yield c


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(koerper=_verdorben())
def test_beliebige_bytes_nie_5xx_und_wie_die_kommandozeile(
    klient: httpx.Client, koerper: bytes
) -> None:
    r = klient.post("/v1/entscheidung", content=koerper)
    erwartet = next(iter(entscheide_anfragen([koerper]))) + "\n"
    assert r.content == erwartet.encode("utf-8")
    obj = json.loads(r.content)
    if obj["schema"] == "kooplan/entscheidung/1":
        assert r.status_code == 200
    else:
        assert r.status_code in (400, 422)
        jsonschema.validate(obj, FEHLER)
