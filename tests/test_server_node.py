"""A client in another language: Node.js (``tests/klient.mjs``, no packages) posts a bundled
example to a real ``kooplan serve`` and validates the answer against the schema it fetches from
the service."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from kooplan.beispiele import beispiele
from server_prozess import dienst

KLIENT = Path(__file__).with_name("klient.mjs")


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_node_klient_validiert_die_antwort_gegen_das_veroeffentlichte_schema(
    tmp_path: Path,
) -> None:
    b = next(x for x in beispiele() if x.erwartet.get("modus") == "mit_rfb")
    datei = tmp_path / "anfrage.json"
    datei.write_text(
        json.dumps(
            {
                "schema": "kooplan/anfrage/1",
                "anliegen": b.anliegen[0],
                "stichtag": b.stichtag.isoformat(),
                "fall": b.fall,
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    with dienst() as d:
        p = subprocess.run(
            ["node", str(KLIENT), d.url, str(datei)],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert p.returncode == 0, p.stdout + p.stderr
    ergebnis = json.loads(p.stdout)
    assert ergebnis["status"] == 200
    assert ergebnis["content_type"] == "application/json"
    assert ergebnis["endet_mit_zeilenumbruch"] is True
    assert ergebnis["fall"] == b.fall["fall"]
    assert ergebnis["modus"] == "mit_rfb"
    assert ergebnis["fehler_entscheidung"] == []
    assert ergebnis["status_fehler"] == 422
    assert ergebnis["fehler_fehlerobjekt"] == []
    assert "$.modus: enum" in ergebnis["fehler_manipuliert"]
    assert "$: gruende fehlt" in ergebnis["fehler_manipuliert"]
