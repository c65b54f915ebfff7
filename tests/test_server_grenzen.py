"""The limits of ``kooplan serve`` (body size, time, concurrent requests), the bearer token,
graceful shutdown by SIGTERM and the message without the extra: each against a real server
process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import jsonschema
import pytest

from kooplan.beispiele import beispiele
from kooplan.vertrag.schema import schema
from server_prozess import STROM_KOPF, Dienst, antwort, bis, bis_zum_ende, chunk, dienst, roh

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

FEHLER = schema("fehler")


def anfrage() -> bytes:
    b = next(iter(beispiele()))
    return json.dumps(
        {
            "schema": "kooplan/anfrage/1",
            "anliegen": b.anliegen[0],
            "stichtag": b.stichtag.isoformat(),
            "fall": b.fall,
        }
    ).encode("utf-8")


ANFRAGE = anfrage()


def fehlerobjekt(r: httpx.Response | bytes, code: str) -> dict[str, object]:
    obj = json.loads(r.content if isinstance(r, httpx.Response) else r)
    jsonschema.validate(obj, FEHLER)
    assert obj["fehler"] == code
    return obj  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def eng() -> Iterator[Dienst]:
    with dienst(
        [
            "--max-bytes",
            str(len(ANFRAGE) + 10),
            "--max-bytes-strom",
            str(3 * len(ANFRAGE)),
            "--zeitlimit",
            "1",
        ]
    ) as d:
        yield d


def test_zu_grosser_inhalt_gibt_413(eng: Dienst) -> None:
    assert httpx.post(eng.url + "/v1/entscheidung", content=ANFRAGE).status_code == 200
    gross = ANFRAGE + b" " * 11
    r = httpx.post(eng.url + "/v1/entscheidung", content=gross)
    assert r.status_code == 413
    assert "länger als" in str(fehlerobjekt(r, "ungueltige_eingabe")["meldung"])
    # without Content-Length (chunked) the limit holds as well
    r = httpx.post(eng.url + "/v1/entscheidung", content=iter([ANFRAGE, b" " * 11]))
    assert r.status_code == 413
    fehlerobjekt(r, "ungueltige_eingabe")
    r = httpx.post(eng.url + "/v1/verlauf?stichtag=2025-01-01", content=gross)
    assert r.status_code == 413


def test_zu_grosser_strom_gibt_413_oder_endet_mit_einer_fehlerzeile(eng: Dienst) -> None:
    zeilen = ANFRAGE + b"\n"
    r = httpx.post(eng.url + "/v1/entscheidungen", content=zeilen * 4)
    assert r.status_code == 413
    fehlerobjekt(r, "ungueltige_eingabe")
    # chunked: the lines before the limit are answered, then one error line ends the stream
    r = httpx.post(eng.url + "/v1/entscheidungen", content=iter([zeilen] * 4))
    assert r.status_code == 200
    antworten = r.content.splitlines()
    assert [json.loads(z)["schema"] for z in antworten[:-1]] == ["kooplan/entscheidung/1"] * 2
    fehlerobjekt(antworten[-1], "ungueltige_eingabe")


def test_zeitlimit_gibt_504(eng: Dienst) -> None:
    kopf = b"POST /v1/entscheidung HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
    s = roh(eng.port, kopf, b'{"schema": ')  # a client that never sends the rest
    beginn = time.monotonic()
    status, koerper = antwort(s)
    s.close()
    assert status == 504
    assert time.monotonic() - beginn >= 0.9
    fehlerobjekt(koerper, "verarbeitung_abgebrochen")


def test_zu_viele_gleichzeitige_anfragen_geben_503() -> None:
    with dienst(["--max-gleichzeitig", "2", "--zeitlimit", "600"]) as d:
        # two streams under way: each has answered its first line and waits for more
        offen = []
        for _ in range(2):
            s = roh(d.port, STROM_KOPF, chunk(ANFRAGE + b"\n"))
            offen.append((s, bis(s, b"", b'"zeile": 1,')))
        r = httpx.post(d.url + "/v1/entscheidung", content=ANFRAGE)
        assert r.status_code == 503
        assert r.headers["retry-after"] == "1"
        fehlerobjekt(r, "verarbeitung_abgebrochen")
        assert httpx.get(d.url + "/healthz").status_code == 200  # not counted
        for s, gelesen in offen:
            s.sendall(chunk(ANFRAGE + b"\n") + chunk(b""))
            gelesen = bis_zum_ende(s, gelesen)
            s.close()
            assert gelesen.startswith(b"HTTP/1.1 200")
            assert gelesen.count(b'"schema": "kooplan/entscheidung/1"') == 2
        assert httpx.post(d.url + "/v1/entscheidung", content=ANFRAGE).status_code == 200


# -- the bearer token -------------------------------------------------------------------------------


def _token_pruefen(d: Dienst, token: str) -> None:
    url = d.url + "/v1/entscheidung"
    for kopf in ({}, {"Authorization": "Bearer falsch"}, {"Authorization": f"Basic {token}"}):
        r = httpx.post(url, content=ANFRAGE, headers=kopf)
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        fehlerobjekt(r, "ungueltige_eingabe")
    assert httpx.get(d.url + "/version").status_code == 401
    assert httpx.get(d.url + "/healthz").status_code == 200
    r = httpx.post(url, content=ANFRAGE, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200


def test_token_aus_datei(tmp_path: Path) -> None:
    datei = tmp_path / "token"
    datei.write_text("s3cr3t-Token\n", encoding="utf-8")
    with dienst(["--token-datei", str(datei)]) as d:
        _token_pruefen(d, "s3cr3t-Token")
        assert not any("s3cr3t" in z for z in d.log_seit(0))


def test_token_aus_der_umgebung() -> None:
    with dienst(env={"KOOPLAN_TOKEN": "aus-der-umgebung"}) as d:
        _token_pruefen(d, "aus-der-umgebung")


def test_ohne_token_keine_anmeldung(eng: Dienst) -> None:
    assert httpx.post(eng.url + "/v1/entscheidung", content=ANFRAGE).status_code == 200


# -- SIGTERM ------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_beendet_sauber_und_laufende_anfrage_wird_beantwortet(workers: int) -> None:
    d = Dienst(["--workers", str(workers)])
    try:
        assert httpx.post(d.url + "/v1/entscheidung", content=ANFRAGE).status_code == 200
        s = roh(d.port, STROM_KOPF, chunk(ANFRAGE + b"\n"))
        gelesen = bis(s, b"", b'"zeile": 1,')  # the request is under way
        d.proc.send_signal(signal.SIGTERM)
        s.sendall(chunk(ANFRAGE + b"\n"))
        gelesen = bis(s, gelesen, b'"zeile": 2,')  # still answering it
        assert d.proc.poll() is None
        s.sendall(chunk(ANFRAGE + b"\n") + chunk(b""))
        gelesen = bis_zum_ende(s, gelesen)
        s.close()
        assert gelesen.startswith(b"HTTP/1.1 200")
        assert gelesen.count(b'"schema": "kooplan/entscheidung/1"') == 3
        assert gelesen.endswith(b"0\r\n\r\n")  # the stream's proper end
        assert d.proc.wait(60) == 0
        with pytest.raises(httpx.TransportError):
            httpx.get(d.url + "/healthz", timeout=5)
        assert not any("Traceback" in z for z in d.zeilen)
    finally:
        d.beenden()


# -- without the extra ----------------------------------------------------------------------------


def test_ohne_extra_eine_deutsche_meldung_ohne_traceback() -> None:
    code = (
        "import sys; sys.modules['starlette'] = None; from kooplan.cli import main; "
        "sys.exit(main(['serve', '--port', '0']))"
    )
    p = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
        stdin=subprocess.DEVNULL,
    )
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert "Extra 'server'" in p.stderr and "pip install 'kooplan[server]'" in p.stderr


def test_belegter_port_eine_deutsche_meldung(eng: Dienst) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "kooplan", "serve", "--port", str(eng.port)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert p.returncode == 2
    assert "nicht nutzbar" in p.stderr and "Traceback" not in p.stderr


@pytest.mark.parametrize(
    "argumente",
    [["--workers", "0"], ["--zeitlimit", "0"], ["--max-bytes", "x"], ["--port", "-1"]],
)
def test_falsche_optionen(argumente: list[str]) -> None:
    p = subprocess.run(
        [sys.executable, "-m", "kooplan", "serve", *argumente],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert p.returncode == 2
    assert "Fehler" in p.stderr and "Traceback" not in p.stderr


# -- policies ---------------------------------------------------------------------------------------


def test_benannte_policies_wie_die_kommandozeile(tmp_path: Path) -> None:
    (tmp_path / "einzeln.toml").write_text('rfb_umfang = "einzelfall"\n', encoding="utf-8")
    (tmp_path / "streng.json").write_text(
        '{"massnahme_mit_rfb_in_kooperation": true}', encoding="utf-8"
    )
    zeilen = []
    for b in beispiele():
        for name in (None, "einzeln", "streng", "unbekannt"):
            anfrage = {
                "schema": "kooplan/anfrage/1",
                "anliegen": "massnahme",
                "stichtag": b.stichtag.isoformat(),
                "fall": b.fall,
                **({"policy": name} if name else {}),
            }
            zeilen.append(json.dumps(anfrage, ensure_ascii=False).encode("utf-8") + b"\n")
    datei = tmp_path / "anfragen.jsonl"
    datei.write_bytes(b"".join(zeilen))
    optionen = ["--policy-verzeichnis", str(tmp_path)]
    p = subprocess.run(
        [sys.executable, "-m", "kooplan", "entscheide", "--anfragen", str(datei), *optionen],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    with dienst(optionen) as d:
        r = httpx.post(d.url + "/v1/entscheidungen", content=b"".join(zeilen), timeout=60)
        assert r.content == p.stdout
        # the policies change some answers, and an unknown name is an error in its place
        antworten = [json.loads(z) for z in r.content.splitlines()]
        assert all(
            (a["schema"], a["fehler"], a["ort"])
            == ("kooplan/fehler/1", "ungueltige_eingabe", "policy")
            for a in antworten[3::4]
        )
        assert any(
            antworten[i]["schema"] == antworten[i + 2]["schema"] == "kooplan/entscheidung/1"
            and antworten[i]["modus"] != antworten[i + 2]["modus"]
            for i in range(0, len(antworten), 4)
        )
        einzeln = httpx.post(d.url + "/v1/entscheidung", content=zeilen[1])
        assert einzeln.content == cli_zeile(zeilen[1], optionen, tmp_path)


def cli_zeile(zeile: bytes, optionen: list[str], tmp: Path) -> bytes:
    datei = tmp / "eine.jsonl"
    datei.write_bytes(zeile)
    return subprocess.run(
        [sys.executable, "-m", "kooplan", "entscheide", "--anfragen", str(datei), *optionen],
        capture_output=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    ).stdout


def test_schlechte_policy_eine_deutsche_meldung(tmp_path: Path) -> None:
    (tmp_path / "kaputt.toml").write_text('rfb_umfang = "immer"\n', encoding="utf-8")
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "kooplan",
            "serve",
            "--port",
            "0",
            "--policy-verzeichnis",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert p.returncode == 2
    assert "Policy-Datei" in p.stderr and "Traceback" not in p.stderr
