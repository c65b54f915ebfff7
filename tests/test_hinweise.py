"""The notes of a decision (``kooplan.recht.begruendung``): the catalogue, its codes and the days
on which each note applies.

Expectations from docs/fachliches.md section 4 (the notes, the Schlichtung of § 15a a.F. as old
law only), section 9 (how a norm is cited) and the contract of a note (``{code, quelle, norm or
null, text}``, docs/vertrag.md).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kooplan.fehler import UngueltigeEingabe
from kooplan.recht import Quelle
from kooplan.recht.begruendung import HINWEISE, Hinweis, hinweis

D = dt.date


def test_a_note_may_have_no_norm_but_not_an_empty_or_non_text_norm() -> None:
    ohne = Hinweis("x.code", Quelle.OFFEN, None, "Ein Text.")
    assert ohne.norm is None
    mit = Hinweis("x.code", Quelle.GESETZ, "§ 15 SGB II", "Ein Text.")
    assert mit.norm == "§ 15 SGB II"
    for falsch in ("", "  ", 15):
        with pytest.raises(UngueltigeEingabe) as info:
            Hinweis("x.code", Quelle.GESETZ, falsch, "Ein Text.")  # type: ignore[arg-type]
        assert info.value.ort == "norm"


def test_notes_of_the_old_law_end_on_30_june_2026_and_of_the_new_begin_on_1_july() -> None:
    alt = hinweis("b.plan_gescheitert.schlichtung")  # § 15a Abs. 1 a.F.
    neu = hinweis("va.anhoerung")  # only where a Verwaltungsakt is issued (regime C)
    immer = hinweis("rf.deckel")  # § 31a Abs. 4: both regimes
    assert alt.gilt_am(D(2026, 6, 30)) and not alt.gilt_am(D(2026, 7, 1))
    assert not neu.gilt_am(D(2026, 6, 30)) and neu.gilt_am(D(2026, 7, 1))
    assert immer.gilt_am(D(2023, 7, 1)) and immer.gilt_am(D(2030, 1, 1))


def test_every_catalogue_note_is_under_its_own_code() -> None:
    assert all(code == h.code for code, h in HINWEISE.items())
    # docs/fachliches.md section 4: the Schlichtung (§ 15a a.F.) notes are old law only
    assert hinweis("b.schlichtung.loesungsvorschlag").gilt_bis == D(2026, 6, 30)
    assert hinweis("c.verpflichtung_va_moeglich").gilt_ab == D(2026, 7, 1)
