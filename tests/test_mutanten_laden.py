"""Tests for survivors of the mutation run over the loader (``tools/mutation.py vertrag/laden``):
the exact wording of the two JSON messages that no other test pinned."""

from __future__ import annotations

import pytest

from kooplan.fehler import UngueltigeEingabe
from kooplan.vertrag.laden import json_lesen


@pytest.mark.parametrize("konstante", ["NaN", "Infinity", "-Infinity"])
def test_nicht_json_konstanten_werden_genannt(konstante: str) -> None:
    # the constant is JSON syntax, not a value of the case: naming it echoes no personal data
    with pytest.raises(UngueltigeEingabe) as info:
        json_lesen('{"fall": "JC-1", "x_a": ' + konstante + "}")
    assert info.value.meldung == f"Kein gültiges JSON: {konstante} ist in JSON nicht erlaubt."


def test_ein_syntaxfehler_ohne_eigene_uebersetzung_heisst_syntaxfehler() -> None:
    # Python's message for a broken \\u escape has no German wording of its own
    with pytest.raises(UngueltigeEingabe) as info:
        json_lesen('{"fall": "\\u12"}')
    assert info.value.meldung.startswith("Kein gültiges JSON: Syntaxfehler (Zeile 1, Spalte ")
