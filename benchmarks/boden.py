"""The floor: a bare implementation that only parses each line, folds its events through a dict
and writes one JSON line. kooplan's end-to-end time is measured against it.

It knows no law and checks nothing beyond what ``json.loads`` and a dict lookup need; a line it
cannot read gives an error line, as kooplan's would. Nothing here is used by kooplan.

Run: ``.venv/bin/python benchmarks/boden.py IN.jsonl OUT.jsonl``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import IO, Any

#: The phase an event art leads to (``None``: the phase stays).
NACH: dict[str, str | None] = {
    "einladung_versandt": None,
    "termin_versaeumt": None,
    "termin_wahrgenommen": None,
    "plan_erstellt": "kooperation",
    "plan_fortgeschrieben": "kooperation",
    "plan_gescheitert": "ohne_plan",
    "schlichtung_begonnen": "schlichtung",
    "schlichtung_beendet": "kooperation",
    "mitwirkung_unterblieben": "mitwirkung_eingefordert",
    "mitwirkung_erbracht": "kooperation",
    "bereitschaft_erklaert": "kooperation",
    "wichtiger_grund_nachgewiesen": None,
    "minderung_festgestellt": None,
    "eingliederungsvereinbarung": None,
    "leistungsbezug_beendet": "beendet",
    "leistungsbezug_aufgenommen": "erstkontakt",
}


def falte(ereignisse: list[dict[str, Any]]) -> dict[str, Any]:
    """Fold events through a dict: the phase, the number of events, the last day."""
    zustand: dict[str, Any] = {"phase": "erstkontakt", "ereignisse": 0, "letzter_tag": None}
    for e in ereignisse:
        neu = NACH.get(e["art"])
        if neu is not None:
            zustand["phase"] = neu
        zustand["ereignisse"] += 1
        zustand["letzter_tag"] = e["am"]
    return zustand


def boden(zeilen: Iterable[bytes], out: IO[str]) -> int:
    """Parse, fold, write one line per input line; returns the number of lines."""
    n = 0
    for nr, roh in enumerate(zeilen, start=1):
        n = nr
        try:
            obj = json.loads(roh)
            aus = {
                "schema": "boden/1",
                "fall": obj["fall"],
                "zeile": nr,
                **falte(obj["ereignisse"]),
            }
        except (ValueError, KeyError, TypeError) as err:
            aus = {
                "schema": "boden/fehler",
                "fall": None,
                "zeile": nr,
                "fehler": type(err).__name__,
            }
        out.write(json.dumps(aus, ensure_ascii=False) + "\n")
    return n


def boden_stichtage(zeilen: Iterable[bytes], out: IO[str], stichtage: list[str]) -> int:
    """The floor of a panel: parse each line once, fold its events through a dict in one pass
    that stops at each Stichtag (ISO days, ascending; events in day order, as a case's are),
    and write one line per Stichtag. Returns the number of lines written."""
    n = 0
    for nr, roh in enumerate(zeilen, start=1):
        try:
            obj = json.loads(roh)
            fall = obj["fall"]
            ereignisse = obj["ereignisse"]
            zustand: dict[str, Any] = {"phase": "erstkontakt", "ereignisse": 0, "letzter_tag": None}
            i = 0
            for tag in stichtage:
                while i < len(ereignisse) and ereignisse[i]["am"] <= tag:
                    e = ereignisse[i]
                    neu = NACH.get(e["art"])
                    if neu is not None:
                        zustand["phase"] = neu
                    zustand["ereignisse"] += 1
                    zustand["letzter_tag"] = e["am"]
                    i += 1
                aus = {"schema": "boden/1", "fall": fall, "zeile": nr, "stichtag": tag, **zustand}
                out.write(json.dumps(aus, ensure_ascii=False) + "\n")
                n += 1
        except (ValueError, KeyError, TypeError) as err:
            for tag in stichtage:
                aus = {"schema": "boden/fehler", "fall": None, "zeile": nr, "stichtag": tag}
                aus["fehler"] = type(err).__name__
                out.write(json.dumps(aus, ensure_ascii=False) + "\n")
                n += 1
    return n


def main() -> None:
    with open(sys.argv[1], "rb") as ein, open(sys.argv[2], "w", encoding="utf-8") as aus:
        boden(ein, aus)


if __name__ == "__main__":
    main()
