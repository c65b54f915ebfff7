"""The rule catalogue and the coverage per provision, generated from the rule tables (never by hand).

The old import path; the code lives in `kooplan.oberflaechen.katalog`."""

from kooplan.oberflaechen.katalog import (
    TABELLEN,
    Abdeckung,
    Eintrag,
    Frage,
    abdeckung,
    abdeckungsbericht,
    eintraege,
    katalog,
    main,
    regeln_ohne_norm,
)

__all__ = [
    "TABELLEN",
    "Abdeckung",
    "Eintrag",
    "Frage",
    "abdeckung",
    "abdeckungsbericht",
    "eintraege",
    "katalog",
    "main",
    "regeln_ohne_norm",
]

if __name__ == "__main__":  # pragma: no cover
    from kooplan.oberflaechen.katalog import main

    raise SystemExit(main())
