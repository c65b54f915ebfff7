"""The command line: ``kooplan entscheide | verlauf | demo | diagramm | schema | serve | pruefe``.

The old import path; the code lives in `kooplan.oberflaechen.cli`."""

from kooplan.oberflaechen.cli import (
    Ausgang,
    main,
)

__all__ = [
    "Ausgang",
    "main",
]
