"""A deliberately wrong implementation of the command-line contract, for the conformance tests.

It reads ``kooplan/anfrage/1`` lines on standard input and answers each with a
``kooplan/entscheidung/1`` line of the contract's shape, but always without a
Rechtsfolgenbelehrung: phase ``erstkontakt``, mode ``ohne_rfb``, the reason of the first
invitation. It never refuses a request. ``kooplan pruefe --gegen`` must catch it.
Standard library only; it does not import kooplan.
"""

import json
import sys


def antwort(nr: int, anfrage: dict) -> dict:
    stichtag = anfrage.get("stichtag")
    return {
        "schema": "kooplan/entscheidung/1",
        "fall": (anfrage.get("fall") or {}).get("fall"),
        "zeile": nr,
        "stichtag": stichtag,
        "faellig": anfrage.get("faellig", stichtag),
        "rechtsstand": "2024-03",
        "anliegen": anfrage.get("anliegen"),
        "phase": "erstkontakt",
        "modus": "ohne_rfb",
        "rfb": False,
        "gruende": [
            {
                "regel": "alle.erste_einladung",
                "norm": "§ 15 Abs. 2 SGB II",
                "quelle": "gesetz",
                "text": "Immer ohne Rechtsfolgenbelehrung.",
            }
        ],
        "hinweise": [],
        "naechste_ueberpruefung": None,
        "ueberpruefung_ueberfaellig": False,
    }


def main() -> None:
    args = sys.argv[1:]
    # the contract's option for the policies of the requests: accepted, not read
    if args[:1] == ["--policy-verzeichnis"]:
        args = args[2:]
    for nr, zeile in enumerate(sys.stdin, start=1):
        print(json.dumps(antwort(nr, json.loads(zeile)), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
