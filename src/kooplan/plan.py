"""The Kooperationsplan and its parts (§ 15 Abs. 2, 3 SGB II).

The old import path; the code lives in `kooplan.werte.plan`."""

from kooplan.werte.plan import (
    Eigenbemuehungen,
    Kooperationsplan,
    Zeitraum,
)

__all__ = [
    "Eigenbemuehungen",
    "Kooperationsplan",
    "Zeitraum",
]
