"""The Rechtsstand table (docs/fachliches.md section 2) and the deadline arithmetic (section 5)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kooplan
from kooplan.fehler import RechtsstandNichtAbgedeckt, UngueltigeEingabe
from kooplan.fristen import (
    naechste_ueberpruefung,
)
from kooplan.recht import (
    RECHTSSTAENDE,
    Fassung,
    Regime,
    pruefe_tag,
    rechtsstand_am,
    rechtsstand_andere_lesart,
    rechtsstand_nach_id,
    sgb2,
)

D = dt.date


def test_table_is_gapless_and_ordered():
    for a, b in itertools.pairwise(RECHTSSTAENDE):
        assert a.bis is not None
        assert b.von == a.bis + dt.timedelta(days=1)
    assert RECHTSSTAENDE[0].von == D(2023, 7, 1)
    assert RECHTSSTAENDE[-1].bis is None


@pytest.mark.parametrize(
    ("tag", "rid"),
    [
        (D(2023, 7, 1), "2023-07"),
        (D(2024, 3, 27), "2023-07"),
        (D(2024, 3, 28), "2024-03"),
        (D(2026, 3, 27), "2024-03"),
        (D(2026, 3, 28), "2026-03"),
        (D(2026, 4, 16), "2026-03"),
        (D(2026, 4, 17), "2026-03"),
        (D(2026, 4, 22), "2026-03"),
        (D(2026, 4, 23), "2026-04"),
        (D(2026, 6, 30), "2026-04"),
        (D(2026, 7, 1), "2026-07"),
        (D(2040, 1, 1), "2026-07"),
    ],
)
def test_boundaries(tag, rid):
    assert rechtsstand_am(tag).id == rid


def test_regime_changes_exactly_on_1_july_2026():
    assert rechtsstand_am(D(2026, 6, 30)).regime is Regime.B
    assert rechtsstand_am(D(2026, 7, 1)).regime is Regime.C


def test_only_the_boundary_between_2026_03_and_2026_04_is_unverified():
    # docs/fachliches.md section 8 no. 4: the first day of 2026-04 (and so the last of 2026-03) is assumed
    assert [r.id for r in RECHTSSTAENDE if not r.verifiziert] == ["2026-03", "2026-04"]


def test_every_row_names_its_source():
    for r in RECHTSSTAENDE:
        assert r.quelle.strip() and r.name.strip()


@pytest.mark.parametrize("tag", [D(2023, 6, 30), D(2005, 1, 1), D(1999, 12, 31)])
def test_before_1_july_2023_is_refused(tag):
    with pytest.raises(kooplan.RechtsstandNichtAbgedeckt):
        rechtsstand_am(tag)


def test_a_datetime_is_not_a_day():
    with pytest.raises(kooplan.UngueltigeEingabe):
        rechtsstand_am(dt.datetime(2024, 1, 1, 12, 0))  # type: ignore[arg-type]


def test_citations():
    assert sgb2("§ 15 Abs. 6", Fassung.AF) == "§ 15 Abs. 6 SGB II a.F."
    assert sgb2("§ 15a Abs. 3", Regime.C) == "§ 15a Abs. 3 SGB II n.F."
    assert sgb2("§ 59") == "§ 59 SGB II"


@pytest.mark.parametrize(
    ("plan_am", "frist"),
    [
        (D(2024, 1, 15), D(2024, 7, 15)),  # § 188 Abs. 2 BGB: same day number
        (D(2023, 8, 31), D(2024, 2, 29)),  # § 188 Abs. 3: month lacks the day (leap year)
        (D(2024, 8, 31), D(2025, 2, 28)),
        (D(2025, 12, 31), D(2026, 6, 30)),
        (D(2023, 10, 2), D(2024, 4, 2)),  # worked example 3
        (D(2025, 1, 31), D(2025, 7, 31)),  # worked example 11
        (D(2024, 2, 29), D(2024, 8, 29)),
    ],
)
def test_review_date_by_bgb_188(plan_am, frist):
    assert naechste_ueberpruefung(plan_am) == frist


@given(st.dates(min_value=D(2023, 7, 1), max_value=D(2030, 12, 31)))
def test_review_date_is_in_the_sixth_month_after(plan_am):
    frist = naechste_ueberpruefung(plan_am)
    monate = (frist.year - plan_am.year) * 12 + frist.month - plan_am.month
    assert monate == 6
    # the same day number, or the month's last day where the month is shorter (§ 188 Abs. 3 BGB)
    naechster = frist + dt.timedelta(days=1)
    assert frist.day == plan_am.day or (frist.day < plan_am.day and naechster.day == 1)


def test_the_rows_cite_the_acts_with_date_and_gazette_number():
    """The acts behind the boundaries, as their texts and later acts cite them."""
    quelle = {r.id: r.quelle for r in RECHTSSTAENDE}
    assert "vom 16.12.2022 (BGBl. I S. 2328)" in quelle["2023-07"]
    assert (
        "Zweites Haushaltsfinanzierungsgesetz 2024 vom 27.3.2024 (BGBl. 2024 I Nr. 107)"
        in (quelle["2024-03"])
    )
    assert "vom 16.4.2026 (BGBl. 2026 I Nr. 107)" in quelle["2026-04"]
    assert "vom 16.4.2026 (BGBl. 2026 I Nr. 107)" in quelle["2026-07"]


def test_the_first_day_of_2026_04_is_the_best_evidence_and_marked_unverified():
    """In force "am Tag nach der Verkündung": the Gazette issue of 22.4.2026 by the best
    evidence, so 23.4.2026; the earlier assumption (17.4.2026) is the other reading."""
    r = rechtsstand_nach_id("2026-04")
    assert (r.von, r.verifiziert, r.von_andere_lesart) == (D(2026, 4, 23), False, D(2026, 4, 17))
    assert r.zweifelstage == (D(2026, 4, 17), D(2026, 4, 22))
    assert rechtsstand_nach_id("2026-03").bis == D(2026, 4, 22)
    assert rechtsstand_andere_lesart(D(2026, 4, 16)) is None
    assert rechtsstand_andere_lesart(D(2026, 4, 17)) == r
    assert rechtsstand_andere_lesart(D(2026, 4, 22)) == r
    assert rechtsstand_andere_lesart(D(2026, 4, 23)) is None
    assert [x.id for x in RECHTSSTAENDE if x.zweifelstage is not None] == ["2026-04"]


# -- how a norm is cited, and the days the table covers (docs/fachliches.md sections 2, 9)


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
