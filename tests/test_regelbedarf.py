"""The Regelbedarf table and Minderungen in euro (docs/fachliches.md section 6; § 31a SGB II, § 41 Abs. 2).
Expected amounts are worked out by hand from the table of docs/fachliches.md section 6."""

from __future__ import annotations

import decimal
import inspect
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kooplan import regelbedarf as modul
from kooplan.fehler import UngueltigeEingabe
from kooplan.regelbedarf import (
    DECKEL_PROZENT,
    REGELBEDARFE,
    STUFEN,
    auf_cent,
    deckel_euro,
    minderung_euro,
    regelbedarf,
    regelbedarfsjahr,
)

# The Regelbedarf in euros by year, Stufen 1 to 4 (docs/fachliches.md section 6: § 28 SGB XII with
# its Anlage, § 134 SGB XII for 2023, the Regelbedarfsstufen-Fortschreibungsverordnungen 2024–2026)
REGELBEDARF_SOLL = {
    2023: (502, 451, 402, 420),
    2024: (563, 506, 451, 471),
    2025: (563, 506, 451, 471),
    2026: (563, 506, 451, 471),
}


@pytest.mark.parametrize("jahr", sorted(REGELBEDARF_SOLL))
@pytest.mark.parametrize("stufe", [1, 2, 3, 4])
def test_table_matches_the_domain_rules(stufe, jahr):
    assert regelbedarf(stufe, jahr) == Decimal(REGELBEDARF_SOLL[jahr][stufe - 1])


def test_table_covers_exactly_2023_to_2026_in_order():
    assert [z.jahr for z in REGELBEDARFE] == [2023, 2024, 2025, 2026]


@pytest.mark.parametrize("jahr", [2005, 2021, 2022, 2027, 2040])
def test_a_year_outside_the_table_gives_none(jahr):
    assert regelbedarf(1, jahr) is None
    assert minderung_euro(1, jahr, 10) is None
    assert deckel_euro(4, jahr) is None
    assert regelbedarfsjahr(jahr) is None


def test_every_row_names_its_source():
    for zeile in REGELBEDARFE:
        assert zeile.quelle.strip()
    assert "Bürgergeld-Gesetz" in regelbedarfsjahr(2023).quelle
    for jahr in (2024, 2025, 2026):
        assert f"Regelbedarfsstufen-Fortschreibungsverordnung {jahr}" in (
            regelbedarfsjahr(jahr).quelle
        )


def test_every_citation_of_the_table_is_verified():
    # RBSFV 2024 "vom 24.10.2023 (BGBl. 2023 I Nr. 287)", checked against the ordinance's text
    assert [z.jahr for z in REGELBEDARFE if not z.verifiziert] == []
    zeile = next(z for z in REGELBEDARFE if z.jahr == 2024)
    assert "vom 24.10.2023 (BGBl. 2023 I Nr. 287)" in zeile.quelle


@pytest.mark.parametrize(
    ("stufe", "jahr", "prozent", "euro"),
    [
        # 2024–2026: 563 / 506 / 451 / 471
        (1, 2024, 10, "56.30"),
        (1, 2024, 20, "112.60"),
        (1, 2024, 30, "168.90"),
        (2, 2024, 10, "50.60"),
        (2, 2025, 30, "151.80"),
        (3, 2025, 10, "45.10"),
        (3, 2026, 30, "135.30"),
        (4, 2026, 20, "94.20"),
        (4, 2024, 30, "141.30"),
        (1, 2026, 100, "563.00"),  # § 31a Abs. 7: the whole Regelbedarf
        (1, 2024, 0, "0.00"),
        (1, 2024, 1, "5.63"),
        # 2023: 502 / 451 / 402 / 420
        (1, 2023, 10, "50.20"),
        (1, 2023, 20, "100.40"),
        (1, 2023, 30, "150.60"),
        (2, 2023, 30, "135.30"),
        (3, 2023, 10, "40.20"),
        (4, 2023, 20, "84.00"),
    ],
)
def test_minderung_euro(stufe, jahr, prozent, euro):
    ergebnis = minderung_euro(stufe, jahr, prozent)
    assert ergebnis == Decimal(euro)
    assert str(ergebnis) == euro  # always two decimal places


@pytest.mark.parametrize(
    ("stufe", "jahr", "euro"),
    [(1, 2023, "150.60"), (3, 2023, "120.60"), (1, 2024, "168.90"), (2, 2026, "151.80")],
)
def test_deckel_euro_is_30_percent(stufe, jahr, euro):
    assert DECKEL_PROZENT == 30
    assert deckel_euro(stufe, jahr) == Decimal(euro)


@pytest.mark.parametrize(
    ("betrag", "gerundet"),
    [
        ("0.125", "0.13"),  # third digit 5: up
        ("0.124", "0.12"),
        ("0.129", "0.13"),
        ("16.885", "16.89"),
        ("16.8849", "16.88"),  # only the next digit decides
        ("16.8850", "16.89"),
        ("2.675", "2.68"),  # exact in Decimal (a float 2.675 would round down)
        ("50.2", "50.20"),
        ("563", "563.00"),
        ("0.005", "0.01"),
        ("0.004999", "0.00"),
    ],
)
def test_auf_cent_follows_41_abs_2(betrag, gerundet):
    assert str(auf_cent(Decimal(betrag))) == gerundet


def _nach_ziffern(betrag: Decimal) -> Decimal:
    """§ 41 Abs. 2 Satz 2 read literally, on the decimal digits of a non-negative amount."""
    ganz, _, nachkomma = f"{betrag:f}".partition(".")
    nachkomma = (nachkomma + "000")[:3]
    ergebnis = Decimal(f"{ganz}.{nachkomma[:2]}")
    if nachkomma[2] in "56789":
        ergebnis += Decimal("0.01")
    return ergebnis


betraege = st.decimals(min_value=0, max_value=100000, places=6, allow_nan=False)


@given(betraege)
def test_auf_cent_equals_the_digit_rule(betrag):
    assert auf_cent(betrag) == _nach_ziffern(betrag)


@given(betraege)
def test_auf_cent_is_at_most_half_a_cent_off_and_idempotent(betrag):
    gerundet = auf_cent(betrag)
    assert abs(gerundet - betrag) <= Decimal("0.005")
    assert gerundet.as_tuple().exponent == -2
    assert auf_cent(gerundet) == gerundet


@pytest.mark.parametrize("betrag", [0.125, 1, "0.125", Decimal("NaN"), Decimal("Infinity")])
def test_auf_cent_refuses_what_is_not_a_finite_decimal(betrag):
    with pytest.raises(UngueltigeEingabe):
        auf_cent(betrag)


stufen = st.sampled_from(STUFEN)
jahre = st.sampled_from(sorted(REGELBEDARF_SOLL))


@given(stufen, jahre, st.integers(min_value=0, max_value=30))
def test_a_minderung_up_to_30_percent_stays_within_the_cap(stufe, jahr, prozent):
    assert minderung_euro(stufe, jahr, prozent) <= deckel_euro(stufe, jahr)


@given(stufen, jahre, st.integers(min_value=0, max_value=99))
def test_minderung_euro_grows_with_the_percentage(stufe, jahr, prozent):
    assert minderung_euro(stufe, jahr, prozent) <= minderung_euro(stufe, jahr, prozent + 1)


@given(stufen, jahre, st.integers(min_value=0, max_value=100))
def test_minderung_euro_is_the_exact_share_in_cents(stufe, jahr, prozent):
    # whole euro times whole percent: exact in cents, so § 41 Abs. 2 changes nothing here
    cent = REGELBEDARF_SOLL[jahr][stufe - 1] * prozent
    assert minderung_euro(stufe, jahr, prozent) == Decimal(cent) / 100


def test_a_callers_decimal_context_changes_nothing():
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.rounding = decimal.ROUND_DOWN
        assert minderung_euro(1, 2024, 30) == Decimal("168.90")
        assert auf_cent(Decimal("123456.785")) == Decimal("123456.79")


@pytest.mark.parametrize("stufe", [0, 5, 6, -1, True, "1", 1.0, None])
def test_bad_stufe_is_refused(stufe):
    for aufruf in (
        lambda: regelbedarf(stufe, 2024),
        lambda: minderung_euro(stufe, 2024, 10),
        lambda: deckel_euro(stufe, 2024),
        lambda: regelbedarfsjahr(2024).betrag(stufe),
    ):
        with pytest.raises(UngueltigeEingabe):
            aufruf()


def test_a_bad_stufe_is_refused_even_for_a_year_outside_the_table():
    with pytest.raises(UngueltigeEingabe):
        regelbedarf(7, 2030)


@pytest.mark.parametrize("jahr", ["2024", 2024.0, True, None])
def test_bad_year_is_refused(jahr):
    with pytest.raises(UngueltigeEingabe):
        regelbedarf(1, jahr)
    with pytest.raises(UngueltigeEingabe):
        regelbedarfsjahr(jahr)


@pytest.mark.parametrize("prozent", [-1, 101, True, 10.0, "10", None])
def test_bad_percentage_is_refused(prozent):
    with pytest.raises(UngueltigeEingabe):
        minderung_euro(1, 2024, prozent)
    with pytest.raises(UngueltigeEingabe):
        minderung_euro(1, 2030, prozent)  # also for a year outside the table


def test_rows_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        REGELBEDARFE[0].stufe_1 = Decimal(0)  # type: ignore[misc]


def test_nothing_reads_the_wall_clock():
    quelle = Path(inspect.getfile(modul)).read_text(encoding="utf-8")
    for aufruf in ("today(", "now(", "utcnow(", "time.time"):
        assert aufruf not in quelle
