"""Calendar rules (docs/fachliches.md section 5): Bekanntgabe, Minderungszeitraum, deadlines, public holidays,
age. Every expected day below is derived by hand from the statute and a calendar, not from the
code."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from pathlib import Path

import holidays
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kooplan import kalender
from kooplan.fehler import UngueltigeEingabe
from kooplan.kalender import (
    LAENDER,
    Bekanntgabeart,
    Fristart,
    alter_am,
    aufhebung_bei_erfuellung,
    bekanntgabe,
    bekanntgabe_am,
    beratungsangebot_bis,
    feiertage,
    feststellung_spaetestens,
    fristende,
    ist_werktag,
    minderung_beginn,
    minderung_ende,
    unter_25,
)

D = dt.date
EIN_TAG = dt.timedelta(days=1)

tage = st.dates(min_value=D(2005, 1, 1), max_value=D(2099, 12, 31))
laender = st.sampled_from((None, *LAENDER))
monatserste = st.builds(
    D,
    st.integers(min_value=2005, max_value=2098),
    st.integers(min_value=1, max_value=12),
    st.just(1),
)


# --- § 37 Abs. 2 SGB X: Bekanntgabe -------------------------------------------------------------


@pytest.mark.parametrize(
    ("post", "bekannt"),
    [
        # third day until 31.12.2024
        (D(2007, 9, 26), D(2007, 9, 29)),  # BSG, B 14 AS 12/09 R: Wed → Saturday, stays
        (D(2024, 12, 30), D(2025, 1, 2)),
        (D(2024, 12, 31), D(2025, 1, 3)),  # Tue → Fri: the last posting day of the old text
        (D(2024, 2, 27), D(2024, 3, 1)),  # leap year: 28, 29 Feb, 1 Mar
        (D(2024, 6, 13), D(2024, 6, 16)),  # Thu → Sunday, stays
        # fourth day from 1.1.2025
        (D(2025, 1, 1), D(2025, 1, 5)),  # Wed → Sunday, stays
        (D(2025, 1, 2), D(2025, 1, 6)),
        (D(2025, 2, 26), D(2025, 3, 2)),  # 27, 28 Feb, 1, 2 Mar (Sunday, stays)
        (D(2028, 2, 26), D(2028, 3, 1)),  # 27, 28, 29 Feb, 1 Mar
        (D(2025, 12, 22), D(2025, 12, 26)),  # Mon → 2. Weihnachtstag, stays
    ],
)
def test_bekanntgabe(post, bekannt):
    assert bekanntgabe(post) == bekannt


def test_bekanntgabe_is_not_moved_off_a_sunday_or_holiday():
    assert bekanntgabe(D(2025, 1, 1)).weekday() == 6
    assert bekanntgabe(D(2025, 12, 22)) in feiertage(2025, None)


@given(tage)
def test_bekanntgabe_three_or_four_days_by_the_posting_day(post):
    erwartet = 4 if post >= D(2025, 1, 1) else 3
    assert (bekanntgabe(post) - post).days == erwartet


# --- § 31b Abs. 1 Satz 1 SGB II: Beginn der Minderung -------------------------------------------


@pytest.mark.parametrize(
    ("wirksam", "beginn"),
    [
        (D(2025, 1, 31), D(2025, 2, 1)),
        (D(2025, 2, 1), D(2025, 3, 1)),  # effective on a first: still the next month
        (D(2024, 12, 31), D(2025, 1, 1)),
        (D(2024, 2, 29), D(2024, 3, 1)),
        (D(2025, 12, 1), D(2026, 1, 1)),
        (D(2023, 7, 15), D(2023, 8, 1)),
    ],
)
def test_minderung_beginn(wirksam, beginn):
    assert minderung_beginn(wirksam) == beginn


@pytest.mark.parametrize(
    ("post", "beginn"),
    [
        (D(2025, 1, 27), D(2025, 2, 1)),  # made known Fri 31.1.2025
        (D(2025, 1, 30), D(2025, 3, 1)),  # made known Mon 3.2.2025: a month later
    ],
)
def test_posting_day_decides_the_month_of_the_minderung(post, beginn):
    assert minderung_beginn(bekanntgabe(post)) == beginn


@given(tage)
def test_minderung_beginn_is_the_first_of_the_very_next_month(wirksam):
    beginn = minderung_beginn(wirksam)
    assert beginn.day == 1
    assert beginn > wirksam
    vortag = beginn - EIN_TAG
    assert (vortag.year, vortag.month) == (wirksam.year, wirksam.month)


# --- Minderungszeitraum: §§ 187 Abs. 2, 188 Abs. 2 BGB --------------------------------------------


@pytest.mark.parametrize(
    ("beginn", "monate", "ende"),
    [
        (D(2025, 3, 1), 1, D(2025, 3, 31)),
        (D(2025, 3, 1), 3, D(2025, 5, 31)),
        (D(2025, 2, 1), 1, D(2025, 2, 28)),
        (D(2024, 4, 1), 1, D(2024, 4, 30)),
        (D(2024, 1, 1), 2, D(2024, 2, 29)),
        (D(2023, 12, 1), 3, D(2024, 2, 29)),
        (D(2025, 12, 1), 3, D(2026, 2, 28)),
        (D(2025, 11, 1), 2, D(2025, 12, 31)),
    ],
)
def test_minderung_ende(beginn, monate, ende):
    assert minderung_ende(beginn, monate) == ende


@given(monatserste, st.integers(min_value=1, max_value=12))
def test_minderung_ende_covers_whole_calendar_months(beginn, monate):
    ende = minderung_ende(beginn, monate)
    assert ende >= beginn
    assert (ende + EIN_TAG).day == 1
    assert (ende.year * 12 + ende.month) - (beginn.year * 12 + beginn.month) == monate - 1


@pytest.mark.parametrize("monate", [0, -1, 13, True, 1.0, "1", None])
def test_minderung_ende_refuses_bad_months(monate):
    with pytest.raises(UngueltigeEingabe):
        minderung_ende(D(2025, 3, 1), monate)


@pytest.mark.parametrize("beginn", [D(2025, 3, 2), D(2025, 3, 31)])
def test_a_minderung_begins_on_a_first(beginn):
    with pytest.raises(UngueltigeEingabe) as info:
        minderung_ende(beginn, 1)
    assert info.value.norm == "§ 31b Abs. 1 Satz 1 SGB II"
    with pytest.raises(UngueltigeEingabe):
        aufhebung_bei_erfuellung(beginn, D(2025, 4, 10))


# --- § 31b Abs. 2 Satz 2 SGB II: Aufhebung bei Erfüllung ------------------------------------------


@pytest.mark.parametrize(
    ("beginn", "erfuellt", "monate", "erster_freier_tag"),
    [
        (D(2025, 3, 1), D(2025, 3, 15), None, D(2025, 4, 1)),  # within the first month
        (D(2025, 3, 1), D(2025, 3, 31), None, D(2025, 4, 1)),
        (D(2025, 3, 1), D(2025, 4, 1), None, D(2025, 4, 1)),  # one month has run
        (D(2025, 3, 1), D(2025, 4, 2), None, D(2025, 4, 2)),
        (D(2025, 3, 1), D(2025, 2, 20), None, D(2025, 4, 1)),  # before the Minderung began
        (D(2024, 2, 1), D(2024, 2, 29), None, D(2024, 3, 1)),
        (D(2025, 3, 1), D(2025, 5, 10), 3, D(2025, 5, 10)),
        (D(2025, 3, 1), D(2025, 7, 15), 3, D(2025, 6, 1)),  # after the end: nothing to lift
        (D(2025, 3, 1), D(2025, 3, 10), 1, D(2025, 4, 1)),
    ],
)
def test_aufhebung_bei_erfuellung(beginn, erfuellt, monate, erster_freier_tag):
    assert aufhebung_bei_erfuellung(beginn, erfuellt, monate=monate) == erster_freier_tag


@given(monatserste, tage)
def test_the_first_month_always_runs(beginn, erfuellt):
    frei = aufhebung_bei_erfuellung(beginn, erfuellt)
    naechster_erster = minderung_ende(beginn, 1) + EIN_TAG
    assert frei == max(erfuellt, naechster_erster)


@given(monatserste, tage, st.integers(min_value=1, max_value=3))
def test_aufhebung_never_after_the_natural_end(beginn, erfuellt, monate):
    frei = aufhebung_bei_erfuellung(beginn, erfuellt, monate=monate)
    assert frei <= minderung_ende(beginn, monate) + EIN_TAG
    assert frei >= minderung_ende(beginn, 1) + EIN_TAG


# --- § 31b Abs. 1 Satz 3 SGB II: six months for the Feststellung ----------------------------------


@pytest.mark.parametrize(
    ("verletzung", "spaetestens"),
    [
        (D(2024, 1, 15), D(2024, 7, 15)),
        (D(2023, 8, 31), D(2024, 2, 29)),  # § 188 Abs. 3, leap year
        (D(2023, 8, 30), D(2024, 2, 29)),
        (D(2023, 8, 29), D(2024, 2, 29)),  # the day exists: same number
        (D(2024, 8, 31), D(2025, 2, 28)),
        (D(2025, 8, 29), D(2026, 2, 28)),
        (D(2025, 2, 28), D(2025, 8, 28)),  # not the month's end: same number
        (D(2025, 3, 31), D(2025, 9, 30)),
        (D(2025, 12, 31), D(2026, 6, 30)),
    ],
)
def test_feststellung_spaetestens(verletzung, spaetestens):
    assert feststellung_spaetestens(verletzung) == spaetestens


@given(tage)
def test_feststellung_ends_in_the_sixth_month(verletzung):
    ende = feststellung_spaetestens(verletzung)
    monat = verletzung.month + 6
    jahr, monat = verletzung.year + (monat - 1) // 12, (monat - 1) % 12 + 1
    assert (ende.year, ende.month) == (jahr, monat)
    assert ende.day == verletzung.day or (ende.day < verletzung.day and (ende + EIN_TAG).day == 1)


# --- § 31a Abs. 6 SGB II: four weeks for the Beratungsangebot -------------------------------------


@pytest.mark.parametrize(
    ("feststellung", "bis"),
    [
        (D(2024, 2, 1), D(2024, 2, 29)),  # Thu → Thu
        (D(2025, 2, 1), D(2025, 3, 1)),  # Sat → Sat, not moved here
        (D(2025, 12, 10), D(2026, 1, 7)),  # Wed → Wed
    ],
)
def test_beratungsangebot_bis(feststellung, bis):
    assert beratungsangebot_bis(feststellung) == bis


# --- § 26 Abs. 3 SGB X, § 193 BGB: the end of a deadline -----------------------------------------


@pytest.mark.parametrize(
    ("tag", "land", "ende"),
    [
        # ordinary working days stay
        (D(2025, 6, 13), "DE-BE", D(2025, 6, 13)),
        (D(2025, 12, 24), "DE-BE", D(2025, 12, 24)),  # Heiligabend is no public holiday
        # Saturday and Sunday
        (D(2025, 6, 14), None, D(2025, 6, 16)),
        (D(2025, 6, 15), "DE-BY", D(2025, 6, 16)),
        # Easter
        (D(2025, 4, 18), "DE-BE", D(2025, 4, 22)),  # Karfreitag → Sa, So, Ostermontag → Tue
        (D(2025, 4, 21), "DE-BE", D(2025, 4, 22)),  # Ostermontag
        (D(2024, 3, 29), "DE-BE", D(2024, 4, 2)),
        (D(2024, 4, 1), "DE-BE", D(2024, 4, 2)),
        (D(2026, 4, 3), None, D(2026, 4, 7)),
        # Fronleichnam: Bavaria yes, Berlin no
        (D(2025, 6, 19), "DE-BY", D(2025, 6, 20)),
        (D(2025, 6, 19), "DE-BE", D(2025, 6, 19)),
        (D(2025, 6, 19), None, D(2025, 6, 19)),
        (D(2024, 5, 30), "DE-BY", D(2024, 5, 31)),
        (D(2024, 5, 30), "DE-BE", D(2024, 5, 30)),
        (D(2026, 6, 4), "DE-BY", D(2026, 6, 5)),
        # Reformationstag in Brandenburg, not in Berlin or Bavaria
        (D(2025, 10, 31), "DE-BB", D(2025, 11, 3)),  # Fri → Mon
        (D(2025, 10, 31), "DE-BE", D(2025, 10, 31)),
        (D(2024, 10, 31), "DE-BB", D(2024, 11, 1)),
        (D(2024, 10, 31), "DE-BY", D(2024, 10, 31)),
        (D(2023, 10, 31), "DE-BB", D(2023, 11, 1)),
        # 31.10.2017 (500 Jahre Reformation) was a holiday everywhere; in Bavaria 1.11. follows
        (D(2017, 10, 31), None, D(2017, 11, 1)),
        (D(2017, 10, 31), "DE-BY", D(2017, 11, 2)),
        # Frauentag in Berlin since 2019, in Mecklenburg-Vorpommern since 2023
        (D(2018, 3, 8), "DE-BE", D(2018, 3, 8)),
        (D(2019, 3, 8), "DE-BE", D(2019, 3, 11)),  # Fri → Mon
        (D(2023, 3, 8), "DE-BE", D(2023, 3, 9)),
        (D(2024, 3, 8), "DE-BE", D(2024, 3, 11)),
        (D(2024, 3, 8), "DE-BY", D(2024, 3, 8)),
        (D(2024, 3, 8), None, D(2024, 3, 8)),
        (D(2022, 3, 8), "DE-MV", D(2022, 3, 8)),
        (D(2023, 3, 8), "DE-MV", D(2023, 3, 9)),
        # Buß- und Bettag in Saxony only
        (D(2025, 11, 19), "DE-SN", D(2025, 11, 20)),
        (D(2025, 11, 19), "DE-BE", D(2025, 11, 19)),
        # 8 May 2025 in Berlin (80 years since the end of the war), once
        (D(2025, 5, 8), "DE-BE", D(2025, 5, 9)),
        (D(2025, 5, 8), "DE-BB", D(2025, 5, 8)),
        # nationwide holidays, with a weekend after them
        (D(2025, 12, 25), None, D(2025, 12, 29)),  # Thu, Fri (26th), Sat, Sun → Mon
        (D(2026, 1, 1), "DE-HH", D(2026, 1, 2)),
        (D(2025, 10, 3), None, D(2025, 10, 6)),  # Fri → Mon
    ],
)
def test_fristende(tag, land, ende):
    assert fristende(tag, land) == ende
    assert fristende(tag, land, art=Fristart.FRIST) == ende
    assert ist_werktag(tag, land) == (tag == ende)


@pytest.mark.parametrize(
    "art", [Fristart.MITGETEILTES_ENDE, Fristart.LEISTUNGSZEITRAUM, Fristart.TERMIN]
)
@pytest.mark.parametrize("tag", [D(2025, 6, 14), D(2025, 6, 15), D(2025, 4, 18), D(2025, 10, 31)])
def test_no_shift_for_satz_2_abs_4_abs_5(art, tag):
    assert fristende(tag, "DE-BB", art=art) == tag


@given(tage, laender)
def test_fristende_lands_on_the_next_working_day_within_four_days(tag, land):
    ende = fristende(tag, land)
    assert tag <= ende <= tag + dt.timedelta(days=4)  # longest run: Karfreitag → Dienstag
    assert ende.weekday() < 5
    assert ende not in feiertage(ende.year, land)
    zwischen = tag
    while zwischen < ende:  # every day skipped is a Saturday, Sunday or holiday
        assert zwischen.weekday() >= 5 or zwischen in feiertage(zwischen.year, land)
        zwischen += EIN_TAG
    assert fristende(ende, land) == ende


@given(tage, laender, st.sampled_from(list(Fristart)))
def test_only_a_plain_frist_moves(tag, land, art):
    assume(art is not Fristart.FRIST)
    assert fristende(tag, land, art=art) == tag


@given(tage)
def test_a_land_has_at_least_the_nationwide_holidays(tag):
    bund = feiertage(tag.year, None)
    for land in LAENDER:
        assert set(bund) <= set(feiertage(tag.year, land))


def test_holiday_names_are_german_and_local_holidays_are_left_out():
    assert feiertage(2025, "DE-BY")[D(2025, 6, 19)] == "Fronleichnam"
    assert feiertage(2025, "DE-BE")[D(2025, 3, 8)] == "Frauentag"
    # Mariä Himmelfahrt: Land-wide in the Saarland, only in some Bavarian municipalities
    assert D(2025, 8, 15) in feiertage(2025, "DE-SL")
    assert D(2025, 8, 15) not in feiertage(2025, "DE-BY")


def test_feiertage_is_read_only():
    with pytest.raises(TypeError):
        feiertage(2025, "DE-BE")[D(2025, 7, 1)] = "Erfunden"  # type: ignore[index]


def test_the_laender_are_the_librarys_sixteen():
    unterstuetzt = set(holidays.Germany.subdivisions) - {"Augsburg"}
    assert {land.removeprefix("DE-") for land in LAENDER} == unterstuetzt
    assert len(LAENDER) == 16


@pytest.mark.parametrize(
    "land", ["BE", "de-be", "DE-be", "DE-XX", "Augsburg", "DE-Augsburg", "", 5]
)
def test_unknown_land_is_refused(land):
    for aufruf in (
        lambda: fristende(D(2025, 6, 13), land),
        lambda: ist_werktag(D(2025, 6, 13), land),
        lambda: feiertage(2025, land),
    ):
        with pytest.raises(UngueltigeEingabe):
            aufruf()


@pytest.mark.parametrize("jahr", [2004, 2101, "2025", 2025.0, True])
def test_feiertage_refuses_bad_years(jahr):
    with pytest.raises(UngueltigeEingabe):
        feiertage(jahr, None)


def test_fristende_refuses_a_bad_art():
    with pytest.raises(UngueltigeEingabe):
        fristende(D(2025, 6, 14), None, art="termin")  # type: ignore[arg-type]


# --- age: §§ 187 Abs. 2 Satz 2, 188 Abs. 2 BGB; § 31a Abs. 6 SGB II ------------------------------


@pytest.mark.parametrize(
    ("geboren", "tag", "alter"),
    [
        (D(2001, 6, 15), D(2026, 6, 14), 24),
        (D(2001, 6, 15), D(2026, 6, 15), 25),  # the birthday itself: year completed
        (D(2000, 3, 1), D(2024, 2, 29), 23),
        (D(2000, 3, 1), D(2024, 3, 1), 24),
        (D(2000, 3, 1), D(2025, 2, 28), 24),
        (D(2000, 3, 1), D(2025, 3, 1), 25),
        (D(2000, 12, 31), D(2001, 1, 1), 0),
        (D(2000, 12, 31), D(2025, 12, 30), 24),
        (D(2000, 12, 31), D(2025, 12, 31), 25),
        # born on 29 February
        (D(2004, 2, 29), D(2004, 2, 29), 0),
        (D(2004, 2, 29), D(2005, 2, 28), 0),  # not yet: the year ends with 28 Feb
        (D(2004, 2, 29), D(2005, 3, 1), 1),
        (D(2004, 2, 29), D(2008, 2, 28), 3),
        (D(2004, 2, 29), D(2008, 2, 29), 4),
        (D(2004, 2, 29), D(2028, 2, 29), 24),
        (D(2004, 2, 29), D(2029, 2, 28), 24),
        (D(2004, 2, 29), D(2029, 3, 1), 25),
    ],
)
def test_alter_am(geboren, tag, alter):
    assert alter_am(geboren, tag) == alter
    assert unter_25(geboren, tag) == (alter < 25)


@pytest.mark.parametrize(
    ("geboren", "tag", "unter"),
    [
        (D(2004, 2, 29), D(2029, 2, 28), True),
        (D(2004, 2, 29), D(2029, 3, 1), False),
        (D(2003, 2, 28), D(2028, 2, 27), True),
        (D(2003, 2, 28), D(2028, 2, 28), False),
    ],
)
def test_unter_25(geboren, tag, unter):
    assert unter_25(geboren, tag) is unter


geburtstage = st.dates(min_value=D(1950, 1, 1), max_value=D(2030, 12, 31))


@given(geburtstage, st.integers(min_value=0, max_value=30000))
def test_age_grows_by_one_exactly_on_the_birthday(geboren, tage_spaeter):
    tag = geboren + dt.timedelta(days=tage_spaeter)
    assume(tag <= D(2099, 12, 31) and tag > geboren)
    gestern, heute = alter_am(geboren, tag - EIN_TAG), alter_am(geboren, tag)
    if (geboren.month, geboren.day) == (2, 29) and tag == D(tag.year, 3, 1):
        geburtstag = (tag - EIN_TAG).day != 29  # in a common year: 1 March
    else:
        geburtstag = (tag.month, tag.day) == (geboren.month, geboren.day)
    assert heute - gestern == int(geburtstag)


@given(geburtstage)
def test_age_zero_on_the_day_of_birth(geboren):
    assert alter_am(geboren, geboren) == 0


def test_age_before_birth_is_refused_without_echoing_the_birth_date():
    with pytest.raises(UngueltigeEingabe) as info:
        alter_am(D(2004, 2, 29), D(2004, 2, 28))
    assert "2004" not in str(info.value) and "29.02" not in str(info.value)


# --- input checks ---------------------------------------------------------------------------------


_EIN_TAG_FUNKTIONEN = [
    bekanntgabe,
    bekanntgabe_am,
    lambda t: bekanntgabe_am(t, Bekanntgabeart.PERSOENLICH),
    feststellung_spaetestens,
    beratungsangebot_bis,
    lambda t: ist_werktag(t, None),
    lambda t: fristende(t, None),
    lambda t: minderung_ende(t, 1),
    lambda t: aufhebung_bei_erfuellung(D(2025, 3, 1), t),
    lambda t: aufhebung_bei_erfuellung(t, D(2025, 3, 1)),
    lambda t: alter_am(t, D(2025, 3, 1)),
    lambda t: alter_am(D(2000, 3, 1), t),
    lambda t: unter_25(D(2000, 3, 1), t),
]


@pytest.mark.parametrize("funktion", _EIN_TAG_FUNKTIONEN)
@pytest.mark.parametrize(
    "wert", [dt.datetime(2025, 3, 1, 12, 0), "2025-03-01", None, 20250301, D(2100, 1, 1)]
)
def test_every_function_refuses_what_is_not_a_day(funktion, wert):
    with pytest.raises(UngueltigeEingabe):
        funktion(wert)


@pytest.mark.parametrize(
    "wert", [dt.datetime(2025, 3, 1, 12, 0), "2025-03-01", None, 20250301, D(2101, 1, 1)]
)
def test_minderung_beginn_refuses_what_is_not_a_day(wert):
    with pytest.raises(UngueltigeEingabe):
        minderung_beginn(wert)


def test_minderung_beginn_takes_a_day_derived_from_the_last_accepted_day():
    # a VA posted on 31.12.2099 is made known on 4.1.2100 (§ 37 Abs. 2 Satz 1 SGB X)
    assert minderung_beginn(bekanntgabe(D(2099, 12, 31))) == D(2100, 2, 1)


@pytest.mark.parametrize(
    "funktion",
    [bekanntgabe, minderung_beginn, feststellung_spaetestens, lambda t: fristende(t, None)],
)
def test_days_before_2005_are_refused(funktion):
    with pytest.raises(UngueltigeEingabe):
        funktion(D(2004, 12, 31))


def test_birth_dates_reach_back_to_1900():
    assert alter_am(D(1900, 1, 1), D(2000, 1, 1)) == 100
    with pytest.raises(UngueltigeEingabe):
        alter_am(D(1899, 12, 31), D(2000, 1, 1))


def test_nothing_reads_the_wall_clock():
    quelle = Path(inspect.getfile(kalender)).read_text(encoding="utf-8")
    for aufruf in ("today(", "now(", "utcnow(", "time.time"):
        assert aufruf not in quelle


# -- the input checks (docs/vertrag.md, kooplan.fehler): a refused argument is an
# UngueltigeEingabe whose meldung is one German sentence naming the argument; the calendar
# functions accept the days from 1.1.2005 (SGB II began) to 31.12.2099, both included.

UHRZEIT = dt.datetime(2024, 3, 1, 10, 0)


#: Each public function with one argument that is a datetime, and that argument's name.
AUFRUFE: list[tuple[str, Callable[[], object]]] = [
    ("aufgabe_zur_post", lambda: bekanntgabe(UHRZEIT)),  # type: ignore[arg-type]
    ("versand", lambda: bekanntgabe_am(UHRZEIT)),  # type: ignore[arg-type]
    ("versand", lambda: bekanntgabe_am(UHRZEIT, Bekanntgabeart.PERSOENLICH)),  # type: ignore[arg-type]
    ("wirksam_am", lambda: minderung_beginn(UHRZEIT)),  # type: ignore[arg-type]
    ("beginn", lambda: minderung_ende(UHRZEIT, 1)),  # type: ignore[arg-type]
    ("erfuellt_am", lambda: aufhebung_bei_erfuellung(D(2024, 3, 1), UHRZEIT)),  # type: ignore[arg-type]
    ("pflichtverletzung_am", lambda: feststellung_spaetestens(UHRZEIT)),  # type: ignore[arg-type]
    ("feststellung_am", lambda: beratungsangebot_bis(UHRZEIT)),  # type: ignore[arg-type]
    ("tag", lambda: ist_werktag(UHRZEIT, None)),  # type: ignore[arg-type]
    ("tag", lambda: fristende(UHRZEIT, None)),  # type: ignore[arg-type]
    ("geburtsdatum", lambda: alter_am(UHRZEIT, D(2024, 3, 1))),  # type: ignore[arg-type]
    ("tag", lambda: alter_am(D(2000, 1, 1), UHRZEIT)),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("name", "aufruf"), AUFRUFE)
def test_a_datetime_is_refused_naming_the_argument(name: str, aufruf: Callable[[], object]) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        aufruf()
    assert info.value.meldung == f"'{name}' muss ein Datum sein (datetime.date, ohne Uhrzeit)."


def test_bekanntgabe_am_names_a_way_of_sending_that_is_none() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        bekanntgabe_am(D(2025, 1, 28), "post")  # type: ignore[arg-type]
    assert info.value.meldung == "'art' muss eine Bekanntgabeart sein."


def test_the_last_day_of_the_range_is_a_day_and_the_message_names_the_range() -> None:
    assert ist_werktag(D(2099, 12, 31), None) is True  # a Thursday
    with pytest.raises(UngueltigeEingabe) as info:
        ist_werktag(D(2004, 12, 31), None)
    assert info.value.meldung == (
        "'tag' liegt außerhalb des zulässigen Zeitraums (01.01.2005 bis 31.12.2099)."
    )


def test_whole_numbers_are_checked_with_their_range_inclusive() -> None:
    # § 31b: a Minderung of at most 12 months is accepted here
    assert minderung_ende(D(2024, 1, 1), 12) == D(2024, 12, 31)
    with pytest.raises(UngueltigeEingabe) as info:
        minderung_ende(D(2024, 1, 1), 13)
    assert info.value.meldung == "'monate' muss zwischen 1 und 12 liegen."
    with pytest.raises(UngueltigeEingabe) as info2:
        minderung_ende(D(2024, 1, 1), "3")  # type: ignore[arg-type]
    assert info2.value.meldung == "'monate' muss eine ganze Zahl sein."
    # years of public holidays: 2005 to 2100
    assert D(2100, 12, 25) in feiertage(2100, None)
    with pytest.raises(UngueltigeEingabe) as info3:
        feiertage(2101, None)
    assert info3.value.meldung == "'jahr' muss zwischen 2005 und 2100 liegen."


def test_an_unknown_land_lists_the_sixteen_codes() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        ist_werktag(D(2024, 3, 1), "BY")
    meldung = info.value.meldung
    assert meldung.startswith("'land' muss None (nur bundesweite Feiertage) oder der ISO-3166-2")
    assert meldung.endswith(
        "Landes sein: DE-BB, DE-BE, DE-BW, DE-BY, DE-HB, DE-HE, DE-HH, DE-MV, DE-NI, DE-NW, "
        "DE-RP, DE-SH, DE-SL, DE-SN, DE-ST, DE-TH."
    )


def test_a_minderung_begins_on_the_first_of_a_month() -> None:
    # § 31b Abs. 1 Satz 1: "mit Beginn des Kalendermonats"
    with pytest.raises(UngueltigeEingabe) as info:
        minderung_ende(D(2024, 3, 2), 1)
    assert info.value.meldung == (
        "'beginn' muss der erste Tag eines Kalendermonats sein: die Minderung beginnt "
        "„mit Beginn des Kalendermonats“ (§ 31b Abs. 1 Satz 1 SGB II)."
    )
    assert info.value.norm == "§ 31b Abs. 1 Satz 1 SGB II"


def test_fristende_needs_a_fristart() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        fristende(D(2024, 3, 2), None, art="frist")  # type: ignore[arg-type]
    assert info.value.meldung == "'art' muss eine Fristart sein."


def test_an_age_on_a_day_before_birth_is_refused() -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        alter_am(D(2000, 5, 1), D(2000, 4, 30))
    assert info.value.meldung == "'tag' liegt vor dem Geburtsdatum."
