"""Shared pieces of the YAML scenario tests (``test_szenarien.py``, ``test_rechtsfolgen.py``).

Not a test module (its name does not start with ``test_``). The scenario files ship with the
package (``kooplan/szenarien/``); reading them, turning a question into a request and comparing
the answer with the expectation is library code (`kooplan.oberflaechen.pruefe`), the same that
``kooplan pruefe`` runs. What stays here: the test ids and the folder of one kind of scenario.
"""

from __future__ import annotations

import re
from pathlib import Path

from kooplan.oberflaechen import pruefe

UMLAUTE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)

#: kooplan itself, asked in-process through the contract's request function.
INTERN = pruefe.Intern()


def slug(text: str, laenge: int) -> str:
    """``text`` as an id part: umlauts spelled out, other runs of non-alphanumerics as ``_``."""
    s = re.sub(r"[^A-Za-z0-9]+", "_", text.translate(UMLAUTE)).strip("_")
    return s[:laenge].rstrip("_")


def kennung(fr: pruefe.Frage, laenge: int, faellig_im_id: bool) -> str:
    """``regime_b-07-Kooperation_…-2-massnahme@2024-02-01`` (and ``-FAELLIG`` when asked)."""
    stamm = fr.datei.rsplit("/", 1)[-1].removesuffix(".yaml")
    bis = f"-{fr.faellig}" if faellig_im_id and fr.faellig else ""
    return f"{stamm}-{fr.nr:02d}-{slug(fr.titel, laenge)}-{fr.j}-{fr.anliegen}@{fr.stichtag}{bis}"


def verzeichnis(unterordner: str) -> Path:
    """The folder of the bundled scenario files of one kind (``entscheidung``, ``rechtsfolgen``)."""
    return Path(str(pruefe.szenarien_ordner().joinpath(unterordner)))


def fragen(unterordner: str) -> list[pruefe.Frage]:
    """Every question of the bundled files of one kind."""
    return [f for f in pruefe.fragen() if f.datei.startswith(f"{unterordner}/")]


def dateien(unterordner: str) -> list[Path]:
    """The bundled files of one kind; those whose name starts with ``_`` are left out."""
    return sorted(p for p in verzeichnis(unterordner).glob("*.yaml") if not p.name.startswith("_"))


def abweichungen(fr: pruefe.Frage) -> str:
    """Ask kooplan the question; the deviations from its expectation as text ("" passed)."""
    (e,) = pruefe.pruefen([fr], INTERN)
    return "\n".join(a.text() for a in e.abweichungen)
