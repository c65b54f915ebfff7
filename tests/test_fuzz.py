"""A short run of the fuzz targets (``tests/fuzz_vertrag.py``; longer runs by hand, see there).

Each target gets mutated bundled examples and raw bytes; any exception that is not a contract
error, and any error that breaks the contract's rules (a German sentence, a place outside the
caller's ``x_`` data, no ``x_`` key quoted, valid under the shipped schema), fails the run.
"""

from __future__ import annotations

import pytest

import fuzz_vertrag


@pytest.mark.parametrize("ziel", sorted(fuzz_vertrag.ZIELE))
def test_a_short_fuzz_run_finds_nothing(ziel: str) -> None:
    fuzz_vertrag.hypothesis_lauf(ziel, 300)


def test_the_targets_refuse_what_breaks_the_rules() -> None:
    """The checks can fail: an error that quotes an x_ key, or has an English message, or
    enters x_ data in its place, is a finding."""
    doc = {"fall": "A", "x_Mustermann": 1}
    for err in (
        fuzz_vertrag.UngueltigeEingabe("Der Schlüssel 'x_Mustermann' kommt doppelt vor.", ort=None),
        fuzz_vertrag.UngueltigeEingabe("The value is invalid.", ort=None),
        fuzz_vertrag.UngueltigeEingabe("Ein Feld ist falsch.", ort="ereignisse[0].x_a.b"),
    ):
        with pytest.raises(AssertionError):
            fuzz_vertrag.pruefe_fehler(err, doc)
    fuzz_vertrag.pruefe_fehler(fuzz_vertrag.UngueltigeEingabe("Ein Feld ist falsch."), doc)
