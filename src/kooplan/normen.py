"""The norms the rule tables cite, parsed, and the statute sentences they cite, quoted verbatim.

The old import path; the code lives in `kooplan.recht.normen`."""

from kooplan.recht.normen import (
    DATEIEN,
    KERN,
    TEXTE,
    Datei,
    Fundstelle,
    Stelle,
    ZitatFehler,
    fassungen_weichen_ab,
    gesetzestext,
    stellen,
    zerlege,
)

__all__ = [
    "DATEIEN",
    "KERN",
    "TEXTE",
    "Datei",
    "Fundstelle",
    "Stelle",
    "ZitatFehler",
    "fassungen_weichen_ab",
    "gesetzestext",
    "stellen",
    "zerlege",
]
