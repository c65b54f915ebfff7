"""Reasons (`Grund`) and notes (`Hinweis`) and the catalogue of every note kooplan gives.

The old import path; the code lives in `kooplan.recht.begruendung`."""

from kooplan.recht.begruendung import (
    HINWEISE,
    Grund,
    Hinweis,
    hinweis,
)

__all__ = [
    "HINWEISE",
    "Grund",
    "Hinweis",
    "hinweis",
]
