"""``kooplan pruefe``: the bundled scenarios as a conformance kit for another system.

The kit is checked against kooplan itself (in-process and as a separate program over the
command-line contract), against a deliberately wrong program (``tests/daten/falsch_ohne_rfb.py``,
which always answers ``ohne_rfb``) and against a real HTTP server on a loopback port. Expected
counts are taken from the YAML files read here with PyYAML, not from the kit.
"""

from __future__ import annotations

import datetime as dt
import http.server
import io
import json
import shlex
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from kooplan import Policy
from kooplan.batch import Policies, entscheide_anfragen
from kooplan.cli import main
from kooplan.oberflaechen import pruefe

DATEN = Path(__file__).parent / "daten"
FALSCH = DATEN / "falsch_ohne_rfb.py"
SZENARIEN = Path(str(pruefe.szenarien_ordner()))
SCHEMA_DATEI = SZENARIEN / "szenario.schema.json"

#: A scenario of entscheidung/regime_b.yaml whose non-invitation questions need an RFB (§ 15
#: Abs. 6 SGB II a.F.: no plan, so requests carry a Rechtsfolgenbelehrung).
OHNE_PLAN = (
    "Ohne Plan (gescheitert vor jeder Einladung): erste Einladung ohne RFB, alles andere mit RFB"
)
#: A scenario of entscheidung/regime_b.yaml whose first question (an invitation on the day the
#: first one was sent: still the first, without RFB, § 15 Abs. 4 SGB II a.F.) the wrong program
#: answers rightly.
ERSTKONTAKT = "Erstkontakt: Einladung am Stichtag versandt zählt schon, am Vortag noch nicht"


def _yaml_dateien() -> list[Path]:
    return sorted(
        p
        for unter in ("entscheidung", "rechtsfolgen")
        for p in (SZENARIEN / unter).glob("*.yaml")
        if not p.name.startswith("_")
    )


def _roh(pfad: Path) -> list[dict[str, Any]]:
    daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
    assert isinstance(daten, list)
    return daten


#: Questions per bundled file, counted from the YAML here.
FRAGEN_JE_DATEI = {
    f"{p.parent.name}/{p.name}": sum(len(sz["fragen"]) for sz in _roh(p)) for p in _yaml_dateien()
}
ALLE_FRAGEN = sum(FRAGEN_JE_DATEI.values())


def _laufen(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["pruefe", *args], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def _befehl(*teile: str) -> str:
    return shlex.join([sys.executable, *teile])


def _block(bericht: str, kopf: str) -> str:
    """The lines of the report that belong to the failure whose first line starts with `kopf`."""
    teile = bericht.split("\nFEHLGESCHLAGEN ")
    treffer = [t for t in teile if kopf in t.split("\n", 1)[0]]
    assert treffer, f"{kopf!r} not reported"
    return treffer[0]


# -- the bundled files: the count, the schema --------------------------------------------------


def test_die_mitgelieferten_dateien_sind_alle_da() -> None:
    assert len(FRAGEN_JE_DATEI) == 26
    assert ALLE_FRAGEN >= 500
    fragen = pruefe.fragen()
    assert len(fragen) == ALLE_FRAGEN
    assert {f.datei for f in fragen} == set(FRAGEN_JE_DATEI)


def _iso(wert: Any) -> Any:
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {k: _iso(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_iso(v) for v in wert]
    return wert


@pytest.mark.parametrize("pfad", _yaml_dateien(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_jede_mitgelieferte_datei_erfuellt_das_schema(pfad: Path) -> None:
    schema = json.loads(SCHEMA_DATEI.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_iso(_roh(pfad)))


def test_das_schema_ist_aus_den_tabellen_erzeugt() -> None:
    assert SCHEMA_DATEI.read_text(encoding="utf-8") == pruefe.schema_text(), (
        "szenario.schema.json is stale: run "
        "`python -m kooplan.oberflaechen.pruefe > src/kooplan/szenarien/szenario.schema.json`"
    )
    erwartet = pruefe.schema()["$defs"]["erwartet"]["properties"]
    assert "b.ohne_plan" in erwartet["regel"]["enum"]
    assert {"mit_rfb", "ohne_rfb"} <= set(erwartet["modus"]["enum"])
    assert "unzulaessiger_uebergang" in erwartet["fehler"]["enum"]


KAPUTT = """\
- titel: "Ein Fall mit Tippfehler"
  quelle: "§ 15 Abs. 6 SGB II a.F."
  ereignisse:
    - {art: plan_gescheitert, am: 2025-05-02}
  fragen:
    - anliegen: massnahme
      stichtag: 2025-05-06
      erwartet: {modus: mit_rfbb}
"""


def test_das_schema_weist_eine_kaputte_datei_ab() -> None:
    schema = pruefe.schema()
    with pytest.raises(jsonschema.ValidationError) as err:
        jsonschema.Draft202012Validator(schema).validate(_iso(yaml.safe_load(KAPUTT)))
    assert "mit_rfbb" in err.value.message
    assert list(err.value.absolute_path) == [0, "fragen", 0, "erwartet", "modus"]


# -- kooplan itself passes ---------------------------------------------------------------------


def test_kooplan_besteht_alle_mitgelieferten_szenarien() -> None:
    status, out, err = _laufen()
    assert status == 0, out[-3000:]
    assert err == ""
    assert out.strip().splitlines()[-1] == (
        f"Ergebnis gegen kooplan (im Prozess): {ALLE_FRAGEN} Fragen aus 26 Dateien, "
        f"{ALLE_FRAGEN} bestanden, 0 fehlgeschlagen."
    )
    assert "FEHLGESCHLAGEN" not in out


def test_kooplan_als_anderes_programm_ueber_den_vertrag() -> None:
    """The same scenarios over the command-line contract: kooplan entscheide --anfragen - in a
    separate process, policies by --policy-verzeichnis."""
    status, out, err = _laufen("--gegen", _befehl("-m", "kooplan", "entscheide", "--anfragen", "-"))
    assert status == 0, out[-3000:] + err
    letzte = out.strip().splitlines()[-1]
    # one question's policy is itself invalid (it expects the error): no policy file can carry it
    assert letzte.endswith(
        f"{ALLE_FRAGEN} Fragen aus 26 Dateien, {ALLE_FRAGEN - 1} bestanden, 0 fehlgeschlagen, "
        "1 nicht über den Vertrag prüfbar."
    ), letzte


# -- a wrong implementation fails ----------------------------------------------------------------


@pytest.fixture(scope="module")
def falsch(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str, Path]:
    junit = tmp_path_factory.mktemp("junit") / "pruefe.xml"
    status, out, err = _laufen("--gegen", _befehl(str(FALSCH)), "--junit", str(junit))
    assert err == ""
    return status, out, junit


def test_ein_falsches_programm_faellt_durch(falsch: tuple[int, str, Path]) -> None:
    status, out, _ = falsch
    assert status == 1
    titel = {sz["titel"] for sz in _roh(SZENARIEN / "entscheidung" / "regime_b.yaml")}
    assert OHNE_PLAN in titel and ERSTKONTAKT in titel
    # the Maßnahme question of the scenario: § 15 Abs. 6 SGB II a.F. demands the RFB
    block = _block(out, f"entscheidung/regime_b.yaml Szenario 10 Frage 2: „{OHNE_PLAN}“")
    assert "  Anfrage: massnahme am 2025-05-06" in block
    assert "  Norm: § 15 Abs. 6 SGB II a.F." in block
    assert '  modus: erwartet "mit_rfb", erhalten "ohne_rfb"' in block
    assert '  regel: erwartet "b.ohne_plan", erhalten "alle.erste_einladung"' in block
    # a Rechtsfolgen question names the norm of the expected consequence
    assert "rechtsfolgen: erwartet da, erhalten fehlt, modus ohne_rfb" in out
    assert "Norm: § 31a Abs. 1 Satz 2" in out
    # an expected error is caught too
    assert 'fehler: erwartet "unzulaessiger_uebergang", erhalten eine Entscheidung' in out
    # the first invitation is answered rightly: not reported, the next question of it is
    assert f"regime_b.yaml Szenario 2 Frage 1: „{ERSTKONTAKT}“" not in out
    assert f"regime_b.yaml Szenario 2 Frage 2: „{ERSTKONTAKT}“" in out


def test_die_zusammenfassung_zaehlt_die_fehlschlaege(falsch: tuple[int, str, Path]) -> None:
    _, out, _ = falsch
    fehl = out.count("\nFEHLGESCHLAGEN ") + out.startswith("FEHLGESCHLAGEN ")
    assert fehl > ALLE_FRAGEN // 2
    letzte = out.strip().splitlines()[-1]
    assert letzte.endswith(
        f"{ALLE_FRAGEN} Fragen aus 26 Dateien, {ALLE_FRAGEN - fehl - 1} bestanden, "
        f"{fehl} fehlgeschlagen, 1 nicht über den Vertrag prüfbar."
    ), letzte


def test_junit_xml(falsch: tuple[int, str, Path]) -> None:
    _, out, junit = falsch
    wurzel = ET.parse(junit).getroot()
    assert wurzel.tag == "testsuites"
    fehl = out.count("FEHLGESCHLAGEN ")
    assert wurzel.get("tests") == str(ALLE_FRAGEN)
    assert wurzel.get("failures") == str(fehl)
    suites = wurzel.findall("testsuite")
    assert {s.get("name"): int(s.get("tests", "-1")) for s in suites} == FRAGEN_JE_DATEI
    for s in suites:
        faelle = s.findall("testcase")
        assert len(faelle) == int(s.get("tests", "-1"))
        assert sum(1 for f in faelle if f.find("failure") is not None) == int(
            s.get("failures", "-1")
        )
    regime_b = next(s for s in suites if s.get("name") == "entscheidung/regime_b.yaml")
    fall = next(
        f
        for f in regime_b.findall("testcase")
        if f.get("name") == f"Szenario 10 Frage 2: {OHNE_PLAN}"
    )
    fehler = fall.find("failure")
    assert fehler is not None
    meldung = fehler.get("message", "")
    assert meldung.startswith("Norm: § 15 Abs. 6 SGB II a.F. | ")
    assert 'modus: erwartet "mit_rfb", erhalten "ohne_rfb"' in meldung
    erster = next(
        f
        for f in regime_b.findall("testcase")
        if f.get("name") == f"Szenario 2 Frage 1: {ERSTKONTAKT}"
    )
    assert erster.find("failure") is None


def test_json_bericht() -> None:
    status, out, _ = _laufen(
        "--gegen",
        _befehl(str(FALSCH)),
        "--format",
        "json",
        str(SZENARIEN / "entscheidung" / "regime_b.yaml"),
    )
    assert status == 1
    bericht = json.loads(out)
    assert bericht["schema"] == "kooplan/pruefung/1"
    n = FRAGEN_JE_DATEI["entscheidung/regime_b.yaml"]
    assert bericht["fragen"] == n == len(bericht["ergebnisse"])
    assert bericht["bestanden"] + bericht["fehlgeschlagen"] == n
    e = next(e for e in bericht["ergebnisse"] if (e["szenario"], e["frage"]) == (10, 2))
    assert e["titel"] == OHNE_PLAN
    assert e["ergebnis"] == "fehlgeschlagen"
    assert "§ 15 Abs. 6 SGB II a.F." in e["normen"]
    assert {"schluessel": "modus", "erwartet": "mit_rfb", "erhalten": "ohne_rfb"} in e[
        "abweichungen"
    ]


# -- files and folders, broken files ---------------------------------------------------------------


def test_eine_datei_und_ein_ordner(tmp_path: Path) -> None:
    quelle = SZENARIEN / "rechtsfolgen" / "deckel.yaml"
    (tmp_path / "deckel.yaml").write_text(quelle.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "_abweichungen.yaml").write_text(KAPUTT, encoding="utf-8")
    (tmp_path / "notiz.txt").write_text("kein Szenario", encoding="utf-8")
    status, out, err = _laufen(str(tmp_path))
    assert (status, err) == (0, "")
    n = FRAGEN_JE_DATEI["rechtsfolgen/deckel.yaml"]
    assert f": {n} Fragen aus 1 Dateien, {n} bestanden" in out


@pytest.mark.parametrize(
    ("text", "ort", "grund"),
    [
        (KAPUTT, "Szenario 1, Frage 1, erwartet.modus", "unzulässiger Wert \"mit_rfbb\""),
        (KAPUTT.replace("erwartet: {modus: mit_rfbb}", "erwartet: {modsu: mit_rfb}"),
         "Szenario 1, Frage 1, erwartet", "unbekannter Schlüssel: modsu"),
        (KAPUTT.replace('  quelle: "§ 15 Abs. 6 SGB II a.F."\n', ""), "Szenario 1",
         "es fehlt: quelle"),
        (KAPUTT.replace("stichtag: 2025-05-06", "stichtag: 6.5.2025"),
         "Szenario 1, Frage 1, stichtag", "JJJJ-MM-TT"),
        (KAPUTT.replace("    - anliegen: massnahme", "    - anliegen: [massnahme"),
         "Zeile 7, Spalte 15", "kein gültiges YAML"),
        ("titel: nur ein Objekt\n", None, "erwartet wird eine nicht leere Liste von Szenarien"),
        # an expectation written twice: PyYAML would keep the last one without a word
        (KAPUTT.replace("{modus: mit_rfbb}", "{modus: mit_rfb, modus: ohne_rfb}"),
         "Zeile 8, Spalte 34", "der Schlüssel 'modus' steht zweimal in einem Objekt"),
        (KAPUTT.replace("      stichtag: 2025-05-06\n",
                        "      stichtag: 2025-05-06\n      stichtag: 2025-05-07\n"),
         "Zeile 8, Spalte 7", "der Schlüssel 'stichtag' steht zweimal in einem Objekt"),
        (KAPUTT.replace("{modus: mit_rfbb}", "{regel: b.ohne_plann}"),
         "Szenario 1, Frage 1, erwartet.regel",
         'unzulässiger Wert "b.ohne_plann"; erlaubt sind: alle.erste_einladung'),
        (KAPUTT.replace("{modus: mit_rfbb}", "{fehler: ungueltige_eingabe, modus: mit_rfb}"),
         "Szenario 1, Frage 1, erwartet", "mit 'fehler' sind nur 'fehler' und 'ort' erlaubt"),
        (KAPUTT.replace("{modus: mit_rfbb}", "{modus: mit_rfb, ort: faellig}"),
         "Szenario 1, Frage 1, erwartet", "'ort' gibt es nur zusammen mit 'fehler'"),
    ],
)  # fmt: skip
def test_eine_kaputte_datei_gibt_status_2_mit_ort(
    tmp_path: Path, text: str, ort: str | None, grund: str
) -> None:
    datei = tmp_path / "kaputt.yaml"
    datei.write_text(text, encoding="utf-8")
    status, out, err = _laufen(str(datei))
    assert status == 2
    assert out == ""
    assert err.startswith(f"kooplan pruefe: Fehler: {datei}: ")
    if ort is not None:
        assert f"{datei}: {ort}" in err
    assert grund in err, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_eine_fehlende_datei_und_falsche_argumente(tmp_path: Path) -> None:
    status, _, err = _laufen(str(tmp_path / "fehlt.yaml"))
    assert status == 2
    assert "fehlt.yaml: keine Datei und kein Ordner." in err
    status, _, err = _laufen(str(tmp_path))
    assert status == 2
    assert "der Ordner enthält keine .yaml-Datei" in err
    status, _, err = _laufen("--gegen", "x", "--url", "http://127.0.0.1:1")
    assert status == 2
    assert "--url" in err and "--gegen" in err
    status, _, err = _laufen("--gegen", str(tmp_path / "kein_programm"))
    assert status == 2
    assert "wurde nicht gefunden" in err
    status, _, err = _laufen("--gegen", "'offen")
    assert status == 2
    assert "Der Befehl ist nicht lesbar" in err


def test_ohne_pyyaml_eine_deutsche_meldung(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)
    with pytest.raises(pruefe.SzenarioFehler) as err:
        pruefe.fragen()
    assert "PyYAML" in str(err.value)
    assert "pip install 'kooplan[pruefe]'" in str(err.value)
    status, out, text = _laufen()
    assert (status, out) == (2, "")
    assert "Zum Lesen der Szenarien wird PyYAML gebraucht" in text


def test_policies_ablegen(tmp_path: Path) -> None:
    status, out, err = _laufen("--policies-ablegen", str(tmp_path / "p"))
    assert (status, out) == (0, "")
    dateien = sorted((tmp_path / "p").glob("*.json"))
    assert dateien
    gesendet = {f.anfrage()["policy"] for f in pruefe.fragen() if f.policy is not None}
    # every name a request uses has its file, but that of the one invalid policy
    assert len(gesendet - {p.stem for p in dateien}) == 1
    for p in dateien:
        Policy.aus_mapping(json.loads(p.read_text(encoding="utf-8")))
    assert f"{len(dateien)} Policies in" in err


# -- over HTTP -----------------------------------------------------------------------------------


class _Dienst(http.server.BaseHTTPRequestHandler):
    """POST /v1/entscheidung: one request in, its answer out; errors with status 422."""

    policies = Policies()
    falsch = False

    def do_POST(self) -> None:
        if self.path != "/v1/entscheidung":
            self.send_error(404)
            return
        roh = self.rfile.read(int(self.headers["Content-Length"]))
        antwort = json.loads(next(iter(entscheide_anfragen([roh], self.policies))))
        antwort.pop("zeile", None)
        if self.falsch and antwort["schema"] == "kooplan/entscheidung/1":
            antwort["phase"] = "erstkontakt"
        status = 200 if antwort["schema"] == "kooplan/entscheidung/1" else 422
        text = json.dumps(antwort, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(text)))
        self.end_headers()
        self.wfile.write(text)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def dienst(request: pytest.FixtureRequest) -> Iterator[str]:
    art = type(
        "Dienst",
        (_Dienst,),
        {
            "policies": Policies(
                benannt={
                    name: Policy.aus_mapping(p)
                    for name, p in pruefe.policies(pruefe.fragen()).items()
                    if _gueltig(p)
                }
            ),
            "falsch": getattr(request, "param", False),
        },
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), art)
    faden = threading.Thread(target=server.serve_forever, daemon=True)
    faden.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _gueltig(p: dict[str, Any]) -> bool:
    try:
        Policy.aus_mapping(p)
    except Exception:
        return False
    return True


def test_ueber_http_gegen_einen_echten_dienst(dienst: str) -> None:
    status, out, err = _laufen("--url", dienst)
    assert status == 0, out[-3000:] + err
    assert out.strip().endswith(
        f"{ALLE_FRAGEN} Fragen aus 26 Dateien, {ALLE_FRAGEN - 1} bestanden, 0 fehlgeschlagen, "
        "1 nicht über den Vertrag prüfbar."
    )


@pytest.mark.parametrize("dienst", [True], indirect=True)
def test_ueber_http_faellt_ein_falscher_dienst_durch(dienst: str) -> None:
    status, out, _ = _laufen("--url", dienst, str(SZENARIEN / "entscheidung" / "regime_b.yaml"))
    assert status == 1
    block = _block(out, f"/entscheidung/regime_b.yaml Szenario 10 Frage 2: „{OHNE_PLAN}“")
    assert 'phase: erwartet "ohne_plan", erhalten "erstkontakt"' in block
    assert "Norm: § 15 Abs. 6 SGB II a.F." in block


def test_ein_unerreichbarer_dienst_gibt_status_2() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    status, out, err = _laufen(
        "--url", f"http://127.0.0.1:{port}", str(SZENARIEN / "entscheidung" / "regime_b.yaml")
    )
    assert (status, out) == (2, "")
    assert f"Der Dienst unter http://127.0.0.1:{port} ist nicht erreichbar" in err
    status, _, err = _laufen("--url", "ftp://x", str(SZENARIEN / "entscheidung" / "regime_b.yaml"))
    assert status == 2
    assert "http:// oder https://" in err


# -- the documentation's examples --------------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_das_beispiel_der_formatseite_besteht(tmp_path: Path) -> None:
    text = (DOCS / "szenarien-format.md").read_text(encoding="utf-8")
    beispiel = text.split("```yaml\n", 1)[1].split("```", 1)[0]
    datei = tmp_path / "beispiel.yaml"
    datei.write_text(beispiel, encoding="utf-8")
    status, out, err = _laufen(str(datei))
    assert (status, err) == (0, ""), out
    assert out.endswith(": 3 Fragen aus 1 Dateien, 3 bestanden, 0 fehlgeschlagen.\n")
    # the page's example of a refused file is the message kooplan writes
    datei.write_text(beispiel.replace("modus: mit_rfb, regel", "modus: mit_rfbb, regel"), "utf-8")
    status, _, err = _laufen(str(datei))
    assert status == 2
    zeile = err.strip().replace(str(datei), "meine.yaml")
    assert zeile in text


def test_das_beispiel_der_seite_pruefen_gibt_den_gezeigten_bericht(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/pruefen.md: its wrong program, run as the page says, gets the report it shows."""
    text = (DOCS / "pruefen.md").read_text(encoding="utf-8")
    programm = text.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "immer_ohne_rfb.py").write_text(programm, encoding="utf-8")
    befehl = text.split("```sh\nkooplan pruefe --gegen '", 1)[1].split("'", 1)[0]
    assert befehl == "python3 immer_ohne_rfb.py"
    gezeigt = text.split("```text\n", 1)[1].split("```", 1)[0].splitlines()
    junit = tmp_path / "pruefe.xml"
    monkeypatch.chdir(tmp_path)
    status, out, err = _laufen("--gegen", _befehl("immer_ohne_rfb.py"), "--junit", str(junit))
    assert (status, err) == (1, "")
    zeilen = out.splitlines()
    for zeile in gezeigt[:-1]:
        if zeile != "…":
            assert zeile in zeilen, zeile
    assert zeilen[-1].endswith(gezeigt[-1].split(": ", 1)[1])
    assert ET.parse(junit).getroot().get("failures") == str(out.count("FEHLGESCHLAGEN "))


# -- against the real kooplan serve ------------------------------------------------------------


def test_ueber_http_gegen_kooplan_serve(tmp_path: Path) -> None:
    """The real HTTP service, started with the scenarios' policies (--policies-ablegen), passes
    every question that can travel over the contract."""
    from server_prozess import dienst as kooplan_serve

    policies = tmp_path / "policies"
    status, _, _ = _laufen("--policies-ablegen", str(policies))
    assert status == 0
    with kooplan_serve(["--policy-verzeichnis", str(policies)]) as d:
        status, out, err = _laufen("--url", d.url, "--junit", str(tmp_path / "pruefe.xml"))
    assert (status, err) == (0, ""), out[-3000:]
    assert out.strip().splitlines()[-1] == (
        f"Ergebnis gegen {d.url}: {ALLE_FRAGEN} Fragen aus 26 Dateien, {ALLE_FRAGEN - 1} "
        "bestanden, 0 fehlgeschlagen, 1 nicht über den Vertrag prüfbar."
    )
    wurzel = ET.parse(tmp_path / "pruefe.xml").getroot()
    assert (wurzel.get("tests"), wurzel.get("failures"), wurzel.get("skipped")) == (
        str(ALLE_FRAGEN),
        "0",
        "1",
    )


def test_ohne_jsonschema_weist_die_eigene_pruefung_tippfehler_ab(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jsonschema is in the extra, but a copy without it still refuses an unknown key."""
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    datei = tmp_path / "kaputt.yaml"
    datei.write_text(KAPUTT.replace("{modus: mit_rfbb}", "{modsu: mit_rfb}"), encoding="utf-8")
    status, _, err = _laufen(str(datei))
    assert status == 2
    assert f"{datei}: Szenario 1, Frage 1, erwartet: unbekannter Schlüssel: modsu." in err
    status, out, _ = _laufen(str(SZENARIEN / "entscheidung" / "regime_b.yaml"))
    assert status == 0, out
