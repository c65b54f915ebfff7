"""Typed errors: one base class, one subclass per contract error code.

The old import path; the code lives in `kooplan.werte.fehler`."""

from kooplan.werte.fehler import (
    FEHLERCODES,
    KeinLeistungsbezug,
    KooplanError,
    RechtsstandNichtAbgedeckt,
    UngueltigeEingabe,
    UnzulaessigerUebergang,
    VerarbeitungAbgebrochen,
)

__all__ = [
    "FEHLERCODES",
    "KeinLeistungsbezug",
    "KooplanError",
    "RechtsstandNichtAbgedeckt",
    "UngueltigeEingabe",
    "UnzulaessigerUebergang",
    "VerarbeitungAbgebrochen",
]
