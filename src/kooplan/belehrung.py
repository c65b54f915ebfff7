"""The Belehrung texts: one template per building block, each right after the sentence of the

The old import path; the code lives in `kooplan.recht.belehrung`."""

from kooplan.recht.belehrung import (
    VORLAGEN,
    Vorlage,
    euro_text,
    euro_zahl,
    monate_text,
    tag_text,
)

__all__ = [
    "VORLAGEN",
    "Vorlage",
    "euro_text",
    "euro_zahl",
    "monate_text",
    "tag_text",
]
