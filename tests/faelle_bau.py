"""Shared builders and constants for the tests that write contract cases by hand.

Not a test module (its name does not start with ``test_``). Used by ``test_cli.py``,
``test_haertung.py``, ``eingaben_bau.py``, ``test_sozialdaten.py``, ``test_vertrag.py``,
``test_determinismus.py`` and the YAML scenario tests. Everything here is written from
docs/vertrag.md, not taken from the library.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: A birth date that must never appear in any message, path, repr or output, and its spellings.
GEBURTSDATUM = "1987-06-05"
GEB_FORMEN = ("1987-06-05", "05.06.1987", "5.6.1987")

#: What the contract allows as a ``fall`` id.
FALL_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

#: The four error codes of the contract.
FEHLERCODES = frozenset(
    {
        "ungueltige_eingabe",
        "unzulaessiger_uebergang",
        "rechtsstand_nicht_abgedeckt",
        "leistungsbezug_beendet",
    }
)
#: The keys of a decision and of an error object, in contract order.
ENTSCHEIDUNG_SCHLUESSEL = [
    "schema",
    "fall",
    "stichtag",
    "faellig",
    "rechtsstand",
    "anliegen",
    "phase",
    "modus",
    "rfb",
    "gruende",
    "hinweise",
    "naechste_ueberpruefung",
    "ueberpruefung_ueberfaellig",
]
FEHLER_SCHLUESSEL = ["schema", "fall", "zeile", "fehler", "meldung", "ort"]
ANLIEGEN = ["einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen"]


def zitiert(schluessel: str) -> str:
    """A key as the loader's messages quote it (docs/vertrag.md, errors): at most 40 characters,
    a longer one cut there and ended with "…", escaped to printable ASCII as in JSON."""
    k = schluessel if len(schluessel) <= 40 else schluessel[:40] + "…"
    return json.dumps(k, ensure_ascii=True)[1:-1]


def ev(art: str, am: str, **felder: Any) -> dict[str, Any]:
    """One event object of the contract."""
    return {"art": art, "am": am, **felder}


def json_orte(obj: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) pair of a JSON value."""
    out: list[tuple[Any, Any]] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.append((obj, k))
            out.extend(json_orte(v))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out.append((obj, i))
            out.extend(json_orte(v))
    return out


def offene_massnahme(fall: str = "JC-1", **felder: Any) -> dict[str, Any]:
    """A case in ``mitwirkung_eingefordert``: a plan made on 10.1.2025, a Maßnahme not taken up
    without wichtiger Grund on 3.3.2025 (docs/fachliches.md section 3), so a decision from then on carries an
    RFB with its Rechtsfolgen. ``felder``: more case fields (``regelbedarfsstufe`` is 1 unless
    given)."""
    return {
        "schema": "kooplan/fall/1",
        "fall": fall,
        "regelbedarfsstufe": 1,
        "ereignisse": [
            ev("plan_erstellt", "2025-01-10"),
            ev(
                "mitwirkung_unterblieben",
                "2025-03-03",
                mitwirkung="massnahme",
                wichtiger_grund=False,
            ),
        ],
    } | felder
