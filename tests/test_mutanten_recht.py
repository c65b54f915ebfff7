"""Mutation-testing follow-up for ``kooplan.recht`` and ``kooplan.begruendung``
(docs/mutation.md).

Expectations from docs/fachliches.md section 2 (the Rechtsstand table and its first day,
1.7.2023), section 9 (how a norm is cited: "a.F." for the Bürgergeld law, "n.F." for the
13. SGB II-ÄndG) and the contract
of a note (``{code, quelle, norm or null, text}``, docs/vertrag.md).
"""

from __future__ import annotations

import datetime as dt

import pytest

from kooplan.fehler import RechtsstandNichtAbgedeckt, UngueltigeEingabe
from kooplan.recht import Fassung, Quelle, Regime, pruefe_tag, rechtsstand_am, sgb2
from kooplan.recht.begruendung import HINWEISE, Hinweis, _h, hinweis

D = dt.date


# -- recht ---------------------------------------------------------------------------------------


def test_a_norm_cited_for_regime_b_is_the_old_version() -> None:
    assert sgb2("§ 15 Abs. 5 Satz 2", Regime.B) == "§ 15 Abs. 5 Satz 2 SGB II a.F."
    assert sgb2("§ 15a Abs. 1", Regime.C) == "§ 15a Abs. 1 SGB II n.F."
    assert sgb2("§ 31a Abs. 4", Fassung.KEINE) == "§ 31a Abs. 4 SGB II"
    assert sgb2("§ 32", Fassung.NF) == "§ 32 SGB II n.F."


@pytest.mark.parametrize(
    ("wert", "typ"),
    [(dt.datetime(2024, 1, 1, 8, 0), "datetime"), ("2024-01-01", "str"), (None, "NoneType")],
)
def test_a_day_that_is_not_a_date_names_what_it_was(wert: object, typ: str) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        pruefe_tag(wert)  # type: ignore[arg-type]
    meldung = info.value.meldung
    assert isinstance(meldung, str)
    assert "datetime.date" in meldung
    assert meldung.endswith(f"nicht {typ}.")


def test_a_day_before_1_july_2023_names_the_day_and_the_first_day_covered() -> None:
    with pytest.raises(RechtsstandNichtAbgedeckt) as info:
        rechtsstand_am(D(2023, 6, 30))
    meldung = info.value.meldung
    assert meldung.startswith("Der 30.06.2023 liegt vor dem 1.7.2023")
    # the law from which kooplan covers, as it is cited
    assert "Bürgergeld-Gesetz (1.7.2023)" in meldung
    assert meldung.endswith(".")


# -- begruendung ---------------------------------------------------------------------------------


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


def test_the_catalogue_shorthand_sets_the_bounds_of_a_note() -> None:
    beide = _h("x.beide", Quelle.WEISUNG, "§ 15 SGB II", "Ein Text.")
    assert (beide.code, beide.quelle, beide.norm, beide.text) == (
        "x.beide",
        Quelle.WEISUNG,
        "§ 15 SGB II",
        "Ein Text.",
    )
    assert (beide.gilt_bis, beide.gilt_ab) == (None, None)
    b = _h("x.b", Quelle.GESETZ, None, "Ein Text.", nur_b=True)
    assert (b.gilt_bis, b.gilt_ab) == (D(2026, 6, 30), None)
    c = _h("x.c", Quelle.GESETZ, None, "Ein Text.", nur_c=True)
    assert (c.gilt_bis, c.gilt_ab) == (None, D(2026, 7, 1))


def test_every_catalogue_note_is_under_its_own_code() -> None:
    assert all(code == h.code for code, h in HINWEISE.items())
    # docs/fachliches.md section 4: the Schlichtung (§ 15a a.F.) notes are old law only
    assert hinweis("b.schlichtung.loesungsvorschlag").gilt_bis == D(2026, 6, 30)
    assert hinweis("c.verpflichtung_va_moeglich").gilt_ab == D(2026, 7, 1)
