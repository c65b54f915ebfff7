"""Property tests for the Rechtsfolgen: invariants of the LAW, checked on random histories.

Every expectation below is computed by a small oracle written from the statute and docs/fachliches.md section 6
(``_in_kraft``, ``_rechtsstand``, ``REGELBEDARF``, ``_folgemonat``), never by asking kooplan how it
computes a figure. The cases are built through the contract (``kooplan/fall/1``); the RFB mode
comes from a failed plan (B: ``ohne_plan``, every request with RFB, § 15 Abs. 6 a.F.; C: a
Verpflichtung by VA, § 15a Abs. 3 n.F., or an invitation with RFB), so every decision carries
``rechtsfolgen``.

The invariants:

* § 31a Abs. 4 Satz 1: "Leistungsminderungen … sind auf insgesamt 30 Prozent des nach § 20
  maßgebenden Regelbedarfs begrenzt" – month by month (``minderungen_monatlich``) and for an
  announced Minderung (``minderung_prozent_gedeckelt``) on top of those in force.
* C (§ 31a Abs. 1 Satz 1, § 31b Abs. 2 Satz 1 n.F.): a § 31 violation brings 30 % for three months,
  whatever the history – no steps.
* B (§ 31a Abs. 1 Satz 4, 5 a.F.): without a § 31 Minderung that began at most one year before the
  violation, the step is 1 (10 % / 1 month); with one, it is higher.
* Two code paths agree: what a decision announces for the due day D is what
  ``minderungen_monatlich`` counts once that Minderung is recorded, beginning in the month after D.
* § 31b Abs. 1 Satz 1: a Minderung begins with the calendar month after the Verwaltungsakt takes
  effect, never earlier.
* docs/fachliches.md section 6 with § 41 Abs. 2: ``betrag_euro`` = Regelbedarf × Prozent / 100, rounded half up
  to cents, with the Regelbedarf of the year of the first month the Minderung could run.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import holidays
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import kooplan
from kooplan.kalender import bekanntgabe, minderung_beginn
from kooplan.rechtsfolgen import minderungen_monatlich
from kooplan.regelbedarf import minderung_euro
from kooplan.vertrag import entscheidung_als_dict, fall_aus_objekt

D = dt.date
DECKEL = 30
EINLADUNG = "einladung"
PFLICHTEN = ("massnahme", "vermittlungsvorschlag", "eigenbemuehungen")
C_AB = D(2026, 7, 1)
ABGEDECKT_AB = D(2023, 7, 1)
ERSTES_SCHEITERN = D(2023, 7, 2)  # the day after the first invitation (1.7.2023)
ERSTER_STICHTAG = D(2023, 7, 3)
LETZTER_STICHTAG = D(2027, 3, 31)

#: docs/fachliches.md section 2: the Rechtsstand table (first day of each row).
RECHTSSTAENDE = (
    (D(2023, 7, 1), "2023-07"),
    (D(2024, 3, 28), "2024-03"),
    (D(2026, 3, 28), "2026-03"),
    (D(2026, 4, 23), "2026-04"),
    (D(2026, 7, 1), "2026-07"),
)

#: docs/fachliches.md section 6: the Regelbedarf by year and Regelbedarfsstufe 1–4, in euro.
REGELBEDARF = {
    2023: (502, 451, 402, 420),
    2024: (563, 506, 451, 471),
    2025: (563, 506, 451, 471),
    2026: (563, 506, 451, 471),
}

#: Days next to a change of law, so that Hypothesis meets them often.
GRENZTAGE = (
    D(2023, 12, 29),
    D(2023, 12, 31),
    D(2024, 3, 27),
    D(2024, 3, 28),
    D(2026, 3, 27),
    D(2026, 3, 28),
    D(2026, 4, 16),
    D(2026, 4, 17),
    D(2026, 4, 22),
    D(2026, 4, 23),
    D(2026, 6, 30),
    D(2026, 7, 1),
    D(2026, 12, 31),
)

EINSTELLUNGEN = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# -- the oracle --------------------------------------------------------------------------------


def _folgemonat(tag: dt.date) -> dt.date:
    """The first day of the month after ``tag`` (§ 31b Abs. 1 Satz 1: "mit Beginn des
    Kalendermonats, der auf das Wirksamwerden des Verwaltungsaktes folgt")."""
    return D(tag.year + tag.month // 12, tag.month % 12 + 1, 1)


def _erster_monat(faellig: dt.date, bekanntgabe: str | None = None) -> dt.date:
    """The earliest month of a Minderung for a violation on ``faellig``: the Verwaltungsakt is
    sent on that day at the earliest and takes effect when made known (§ 39 Abs. 1 SGB X): "Ein
    schriftlicher Verwaltungsakt, der im Inland durch die Post übermittelt wird, gilt am vierten
    Tag nach der Aufgabe zur Post als bekannt gegeben." (§ 37 Abs. 2 Satz 1 SGB X; until
    31.12.2024 the third day; Satz 2 the same for an electronic one); handed over in person on
    the day itself. The Minderung begins with the month after (§ 31b Abs. 1 Satz 1)."""
    tage = 4 if faellig >= D(2025, 1, 1) else 3
    if bekanntgabe == "persoenlich":
        tage = 0
    return _folgemonat(faellig + dt.timedelta(days=tage))


def _plus_monate(monatserster: dt.date, n: int) -> dt.date:
    jahre, monat = divmod(monatserster.month - 1 + n, 12)
    return D(monatserster.year + jahre, monat + 1, 1)


def _ein_jahr_vorher(tag: dt.date) -> dt.date:
    try:
        return tag.replace(year=tag.year - 1)
    except ValueError:  # 29 February
        return D(tag.year - 1, 2, 28)


def _rechtsstand(tag: dt.date) -> str:
    return [rid for von, rid in RECHTSSTAENDE if von <= tag][-1]


def _stufe(m: dict[str, Any]) -> int:
    """The step of an earlier § 31 Minderung is its `stufe` if recorded, else derived from
    `prozent` (10 → 1, 20 → 2, 30 → 3): docs/fachliches.md section 6."""
    return m.get("stufe") or {10: 1, 20: 2, 30: 3}[m["prozent"]]


def _dauer(m: dict[str, Any]) -> int:
    """Months of a Minderungszeitraum: recorded, else § 32 Abs. 2 Satz 2 (one month) or
    § 31b Abs. 2 (one, two, three months by step)."""
    if "monate" in m:
        return int(m["monate"])
    return 1 if m["grund"] == "meldeversaeumnis" else _stufe(m)


def _minderungen(obj: dict[str, Any], bis: dt.date) -> list[dict[str, Any]]:
    """The festgestellte Minderungen recorded up to ``bis`` that took effect (a Härte found for
    one of them means it did not, § 31a Abs. 3)."""
    ev = [e for e in obj["ereignisse"] if D.fromisoformat(e["am"]) <= bis]
    ausgeschlossen = {e["bezug"] for e in ev if e["art"] == "haerte_festgestellt" and "bezug" in e}
    return [
        e for e in ev if e["art"] == "minderung_festgestellt" and e.get("id") not in ausgeschlossen
    ]


def _in_kraft(obj: dict[str, Any], bis: dt.date, monat: dt.date) -> int:
    """The sum (before the cap) of the Minderungen in force on the first day of ``monat``."""
    aufgehoben = {
        e["bezug"]: D.fromisoformat(e["am"])
        for e in obj["ereignisse"]
        if e["art"] == "minderung_aufgehoben" and D.fromisoformat(e["am"]) <= bis
    }
    summe = 0
    for m in _minderungen(obj, bis):
        beginn = D.fromisoformat(m["beginn"])
        ende = _plus_monate(beginn, _dauer(m))  # first day after the Minderungszeitraum
        if m.get("id") in aufgehoben:
            ende = min(ende, aufgehoben[m["id"]])
        if beginn <= monat < ende:
            summe += m["prozent"]
    return summe


def _erwarteter_betrag(
    stufe: int | None, faellig: dt.date, prozent: int, bekanntgabe: str | None = None
) -> Decimal | None:
    jahr = _erster_monat(faellig, bekanntgabe).year
    if stufe is None or jahr not in REGELBEDARF:
        return None
    roh = Decimal(REGELBEDARF[jahr][stufe - 1]) * prozent / 100
    return roh.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# -- strategies --------------------------------------------------------------------------------


def _tage(von: dt.date, bis: dt.date) -> st.SearchStrategy[dt.date]:
    nahe = [g for g in GRENZTAGE if von <= g <= bis]
    if not nahe:
        return st.dates(min_value=von, max_value=bis)
    return st.one_of(st.dates(min_value=von, max_value=bis), st.sampled_from(nahe))


@st.composite
def _minderung(draw: st.DrawFn, nr: int, stichtag: dt.date) -> dict[str, Any]:
    """A festgestellte Minderung beginning on the first of a month (§ 31b Abs. 1 Satz 1), its
    Verwaltungsakt dated before that month. § 31 Minderungen carry a step only under B (a
    recorded `stufe` with any rate, or 10/20/30 %); from 1.7.2026 on they are 30 % (§ 31a Abs. 1
    Satz 1 n.F.)."""
    grund = draw(st.sampled_from(["pflichtverletzung", "meldeversaeumnis"]))
    spaetester = _folgemonat(stichtag)
    monate_idx = (spaetester.year - 2023) * 12 + spaetester.month - 2  # from Feb. 2023 on
    beginn = _plus_monate(D(2023, 2, 1), draw(st.integers(0, monate_idx)))
    am = draw(st.dates(min_value=beginn - dt.timedelta(days=45), max_value=min(beginn, stichtag)))
    if am == beginn:
        am = beginn - dt.timedelta(days=1)
    m: dict[str, Any] = {
        "art": "minderung_festgestellt",
        "id": f"m{nr}",
        "am": am.isoformat(),
        "grund": grund,
        "beginn": beginn.isoformat(),
    }
    if grund == "pflichtverletzung":
        if beginn >= C_AB:
            m["prozent"] = 30
        elif draw(st.booleans()):
            m["prozent"] = draw(st.sampled_from([10, 20, 30]))
        else:
            m["stufe"] = draw(st.integers(1, 3))
            m["prozent"] = draw(st.integers(1, 30))
        tatbestand = draw(
            st.none()
            | st.sampled_from(
                ["abs1_nr1", "abs1_nr2", "abs1_nr3", "abs2_nr1", "abs2_nr2", "abs2_nr3", "abs2_nr4"]
            )
        )
        if tatbestand is not None:
            m["tatbestand"] = tatbestand
    else:
        m["prozent"] = draw(st.sampled_from([10, 30]))
    if draw(st.integers(0, 3)) == 0:
        m["monate"] = draw(st.integers(1, 3))
    return m


@st.composite
def faelle(
    draw: st.DrawFn,
    *,
    haerte: bool = True,
    min_minderungen: int = 0,
    stichtag_von: dt.date = ERSTER_STICHTAG,
    stichtag_bis: dt.date = LETZTER_STICHTAG,
    gescheitert_ab: dt.date = ERSTES_SCHEITERN,
    min_termine: int = 0,
    max_termine: int = 4,
) -> tuple[dict[str, Any], dt.date, dt.date]:
    """A contract case in ``ohne_plan`` with a random history of Minderungen, missed meetings,
    early ends and Härte findings, a Stichtag and a due day (on or after it)."""
    stichtag = draw(_tage(stichtag_von, stichtag_bis))
    gescheitert = draw(
        st.dates(
            min_value=min(stichtag, max(gescheitert_ab, stichtag - dt.timedelta(days=200))),
            max_value=stichtag,
        )
    )
    ereignisse: list[dict[str, Any]] = [
        {"art": "einladung_versandt", "am": (gescheitert - dt.timedelta(days=1)).isoformat()},
        {"art": "plan_gescheitert", "am": gescheitert.isoformat()},
    ]
    minderungen = [
        draw(_minderung(i, stichtag)) for i in range(draw(st.integers(min_minderungen, 5)))
    ]
    ereignisse += minderungen
    for m in minderungen:
        beginn = D.fromisoformat(m["beginn"])
        # only Minderungen and old agreements may be dated before 1.7.2023 (docs/fachliches.md section 2)
        frueh = max(beginn + dt.timedelta(days=1), ABGEDECKT_AB)
        if draw(st.integers(0, 4)) == 0 and frueh <= stichtag:
            am = draw(st.dates(min_value=frueh, max_value=stichtag))
            ereignisse.append(
                {"art": "minderung_aufgehoben", "am": am.isoformat(), "bezug": m["id"]}
            )
        if haerte and draw(st.integers(0, 6)) == 0:
            am = max(D.fromisoformat(m["am"]), ABGEDECKT_AB)
            ereignisse.append(
                {"art": "haerte_festgestellt", "am": am.isoformat(), "bezug": m["id"]}
            )
    # invitations and missed meetings after the plan failed
    if gescheitert < stichtag:
        tage = sorted(
            draw(
                st.lists(
                    st.dates(min_value=gescheitert + dt.timedelta(days=1), max_value=stichtag),
                    min_size=min_termine if (stichtag - gescheitert).days >= max_termine else 0,
                    max_size=max_termine,
                    unique=True,
                )
            )
        )
        for i, tag in enumerate(tage):
            ereignisse.append(
                {
                    "art": "einladung_versandt",
                    "am": tag.isoformat(),
                    "id": f"e{i}",
                    "rfb": draw(st.integers(0, 3)) > 0,
                }
            )
            art = draw(
                st.sampled_from(["termin_versaeumt", "termin_versaeumt", "termin_wahrgenommen"])
            )
            termin: dict[str, Any] = {"art": art, "am": tag.isoformat()}
            if art == "termin_versaeumt":
                termin["wichtiger_grund"] = draw(st.integers(0, 3)) == 0
                termin["einladung"] = f"e{i}"
            ereignisse.append(termin)
    ereignisse.sort(key=lambda e: e["am"])  # stable: same-day events keep their order
    obj: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": "EIG-1", "ereignisse": ereignisse}
    stufe = draw(st.none() | st.integers(1, 4))
    if stufe is not None:
        obj["regelbedarfsstufe"] = stufe
    bekanntgabe = draw(st.none() | st.sampled_from(["post", "elektronisch", "persoenlich"]))
    if bekanntgabe is not None:
        obj["bekanntgabe"] = bekanntgabe
    land = draw(st.none() | st.sampled_from(["DE-BE", "DE-BB", "DE-BY", "DE-SN"]))
    if land is not None:
        obj["land"] = land
    faellig = draw(
        st.one_of(
            st.just(stichtag),
            st.dates(min_value=stichtag, max_value=stichtag + dt.timedelta(days=120)),
            st.sampled_from([g for g in GRENZTAGE if g >= stichtag] or [stichtag]),
        )
    )
    return obj, stichtag, faellig


def _entscheide(
    obj: dict[str, Any], anliegen: str, stichtag: dt.date, faellig: dt.date
) -> dict[str, Any]:
    e = kooplan.entscheide(fall_aus_objekt(obj), anliegen, stichtag, faellig)
    r = entscheidung_als_dict(e)
    assert r["rfb"], (r["phase"], r["modus"])  # ohne_plan: always with RFB
    assert "rechtsfolgen" in r  # docs/vertrag.md: present exactly when rfb is true
    return r


def _wirksam(rf: dict[str, Any]) -> int:
    return rf.get("minderung_prozent_gedeckelt", rf["minderung_prozent"])


anliegen_alle = st.sampled_from([EINLADUNG, *PFLICHTEN])
anliegen_31 = st.sampled_from(PFLICHTEN)


# -- § 31a Abs. 4 Satz 1: the cap ----------------------------------------------------------------


@EINSTELLUNGEN
@given(faelle(), st.integers(0, 14))
def test_monatlich_nie_mehr_als_30_prozent(fall_stichtag_faellig, monate):
    obj, stichtag, _ = fall_stichtag_faellig
    fall = fall_aus_objekt(obj)
    von = D(2023, 1, 1)
    bis = _plus_monate(_folgemonat(stichtag), monate)
    liste = minderungen_monatlich(fall, stichtag, von, bis)
    assert liste, "mindestens ein Monat"
    for monat in liste:
        assert monat.summe_gedeckelt <= DECKEL, monat
        soll = _in_kraft(obj, stichtag, monat.monat)
        assert monat.summe_prozent == soll, (monat.monat, monat.summe_prozent, soll)
        assert monat.summe_gedeckelt == min(soll, DECKEL), monat
        assert all(m.prozent > 0 for m in monat.minderungen)


@EINSTELLUNGEN
@given(faelle(), anliegen_alle)
def test_angekuendigte_minderung_und_bestand_hoechstens_30_prozent(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    rf = _entscheide(obj, anliegen, stichtag, faellig)["rechtsfolgen"]
    schon = _in_kraft(obj, stichtag, _erster_monat(faellig, obj.get("bekanntgabe")))
    nominal = rf["minderung_prozent"]
    if "minderung_prozent_gedeckelt" in rf:
        gedeckelt = rf["minderung_prozent_gedeckelt"]
        assert schon + nominal > DECKEL, (schon, nominal, gedeckelt)
        assert gedeckelt == max(0, DECKEL - schon), (schon, nominal, gedeckelt)
        assert 0 <= gedeckelt < nominal
    else:
        assert schon + nominal <= DECKEL or nominal == 0, (schon, nominal)
    assert min(schon, DECKEL) + _wirksam(rf) <= DECKEL or nominal == 0


# -- § 31 in C: no steps -------------------------------------------------------------------------


@EINSTELLUNGEN
@given(
    faelle(
        haerte=False, min_minderungen=2, stichtag_von=D(2026, 7, 1), stichtag_bis=D(2027, 6, 30)
    ),
    anliegen_31,
)
def test_c_pflichtverletzung_immer_30_prozent_3_monate(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    rf = _entscheide(obj, anliegen, stichtag, faellig)["rechtsfolgen"]
    assert rf["rechtsstand"] == "2026-07"
    assert (rf["minderung_prozent"], rf["monate"]) == (30, 3)
    assert not rf.get("folgestufen")
    if anliegen == "vermittlungsvorschlag":  # § 31a Abs. 7 n.F., without a prior Minderung
        assert rf.get("entzug_regelbedarf") is True


@EINSTELLUNGEN
@given(
    faelle(haerte=False, stichtag_von=D(2026, 5, 1), stichtag_bis=D(2026, 6, 30)),
    anliegen_31,
)
def test_faellig_in_c_gilt_neues_recht_auch_bei_brief_im_alten(fall_stichtag_faellig, anliegen):
    """§ 65a Abs. 2 n.F. read the other way round (docs/fachliches.md section 2): a violation on or after
    1.7.2026 has the new consequences, whatever the letter's day."""
    obj, stichtag, faellig = fall_stichtag_faellig
    assume(faellig >= C_AB)
    r = _entscheide(obj, anliegen, stichtag, faellig)
    rf = r["rechtsfolgen"]
    assert r["rechtsstand"] == "2026-04"
    assert (rf["rechtsstand"], rf["minderung_prozent"], rf["monate"]) == ("2026-07", 30, 3)
    for alt in rf.get("alternativen", []):
        assert alt["rechtsstand"] == "2026-04"
        assert alt["minderung_prozent"] in (10, 20, 30)


# -- § 31 in B: the one-year look-back -----------------------------------------------------------


@EINSTELLUNGEN
@given(faelle(haerte=False, stichtag_bis=D(2026, 6, 30)), anliegen_31)
def test_b_stufe_1_ohne_vorminderung_im_jahr(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    assume(faellig < C_AB)
    rf = _entscheide(obj, anliegen, stichtag, faellig)["rechtsfolgen"]
    # "Sie liegt nicht vor, wenn der Beginn des vorangegangenen Minderungszeitraums länger als ein
    # Jahr zurückliegt." (§ 31a Abs. 1 Satz 5 a.F.), the year counted forward from that beginning
    # (§ 26 Abs. 1 SGB X, §§ 187 Abs. 2, 188 Abs. 2 BGB): it ends the day before the anniversary,
    # so a violation on the anniversary itself lies after it
    grenze = _ein_jahr_vorher(faellig)
    im_jahr = [
        m
        for m in _minderungen(obj, stichtag)
        if m["grund"] == "pflichtverletzung" and D.fromisoformat(m["beginn"]) > grenze
    ]
    if not im_jahr:
        assert (rf["minderung_prozent"], rf["monate"]) == (10, 1), rf
        assert [(f["minderung_prozent"], f["monate"]) for f in rf.get("folgestufen", [])] == [
            (20, 2),
            (30, 3),
        ]
    else:
        # a "weitere Pflichtverletzung" (§ 31a Abs. 1 Satz 2, 3 a.F.)
        assert (rf["minderung_prozent"], rf["monate"]) in ((20, 2), (30, 3)), rf
        letzte = max(im_jahr, key=lambda m: (m["beginn"], m["am"]))
        juengste_fest = max(im_jahr, key=lambda m: (m["am"], m["beginn"]))
        if letzte is juengste_fest:  # the previous Minderung is unambiguous
            stufe = min(_stufe(letzte) + 1, 3)
            assert rf["minderung_prozent"] == 10 * stufe, (letzte, rf)


@EINSTELLUNGEN
@given(faelle(haerte=False, stichtag_bis=D(2026, 6, 30)))
def test_b_meldeversaeumnis_immer_10_prozent_1_monat(fall_stichtag_faellig):
    """§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 a.F.: "jeweils um 10 Prozent", one month, no steps."""
    obj, stichtag, faellig = fall_stichtag_faellig
    assume(faellig < C_AB)
    rf = _entscheide(obj, EINLADUNG, stichtag, faellig)["rechtsfolgen"]
    assert (rf["minderung_prozent"], rf["monate"]) == (10, 1)
    assert not rf.get("nicht_erreichbar")
    assert not rf.get("folgestufen")


# -- § 32 in C and § 7b Abs. 4 n.F. ----------------------------------------------------------------


def _termine(obj: dict[str, Any]) -> list[tuple[str, dt.date, bool, bool]]:
    """(art, day, invitation with RFB, excused) of the meetings, in fold order."""
    rfb = {
        e["id"]: e.get("rfb", False)
        for e in obj["ereignisse"]
        if e["art"] == "einladung_versandt" and "id" in e
    }
    out = []
    for e in obj["ereignisse"]:
        if e["art"] == "termin_versaeumt":
            out.append(
                (e["art"], D.fromisoformat(e["am"]), rfb[e["einladung"]], e["wichtiger_grund"])
            )
        elif e["art"] == "termin_wahrgenommen":
            out.append((e["art"], D.fromisoformat(e["am"]), False, False))
    return out


@EINSTELLUNGEN
@given(
    faelle(
        haerte=False,
        stichtag_von=D(2026, 8, 15),
        stichtag_bis=D(2027, 6, 30),
        gescheitert_ab=C_AB,
        min_termine=2,
        max_termine=6,
    )
)
def test_c_meldeversaeumnis_erst_wiederholt_dann_nicht_erreichbar(fall_stichtag_faellig):
    """§ 32 Abs. 1 n.F. ("trotz schriftlicher Belehrung über die Rechtsfolgen … wiederholt":
    by default an earlier unexcused miss on or after 1.7.2026 in the benefit period counts when
    its invitation, too, carried a written RFB), § 7b Abs. 4 Satz 1 n.F. (the third of three
    consecutive missed Meldeaufforderungen with written RFB), § 32 Abs. 3 Satz 1 n.F."""
    obj, stichtag, faellig = fall_stichtag_faellig
    termine = _termine(obj)
    assume(all(tag >= C_AB for _, tag, _, _ in termine))
    frueher = [t for t in termine if t[0] == "termin_versaeumt" and not t[3] and t[2]]
    lauf: list[bool] = []
    for art, _, rfb, entschuldigt in termine:
        if art == "termin_wahrgenommen" or entschuldigt:
            lauf = []
        else:
            lauf.append(rfb)
    folge_mit_rfb = 0
    for rfb in reversed(lauf):
        if not rfb:
            break
        folge_mit_rfb += 1
    rf = _entscheide(obj, EINLADUNG, stichtag, faellig)["rechtsfolgen"]
    assert rf["rechtsstand"] == "2026-07"
    if folge_mit_rfb >= 2:
        assert rf.get("nicht_erreichbar") is True
        assert (rf["minderung_prozent"], rf["monate"]) == (0, 0)
    elif frueher:
        assert not rf.get("nicht_erreichbar")
        assert (rf["minderung_prozent"], rf["monate"]) == (30, 1)
    else:
        assert not rf.get("nicht_erreichbar")
        assert (rf["minderung_prozent"], rf["monate"]) == (0, 0)
        stufen = rf.get("folgestufen", [])
        assert [(s["minderung_prozent"], s["monate"]) for s in stufen][:1] == [(30, 1)]
        assert stufen[-1].get("nicht_erreichbar") is True


# -- the announcement and the monthly view agree -------------------------------------------------


@EINSTELLUNGEN
@given(faelle(), anliegen_alle)
def test_ankuendigung_und_monatsrechnung_stimmen_ueberein(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    rf = _entscheide(obj, anliegen, stichtag, faellig)["rechtsfolgen"]
    prozent, monate = rf["minderung_prozent"], rf["monate"]
    assume(prozent > 0 and monate > 0)
    beginn = _erster_monat(faellig, obj.get("bekanntgabe"))
    neu = {
        "art": "minderung_festgestellt",
        "id": "neu",
        "am": faellig.isoformat(),
        "grund": "meldeversaeumnis" if anliegen == EINLADUNG else "pflichtverletzung",
        "prozent": prozent,
        "monate": monate,
        "beginn": beginn.isoformat(),
    }
    obj_neu = {**obj, "ereignisse": [*obj["ereignisse"], neu]}
    bis = _plus_monate(beginn, monate)
    vorher = minderungen_monatlich(fall_aus_objekt(obj), faellig, beginn, bis)
    nachher = minderungen_monatlich(fall_aus_objekt(obj_neu), faellig, beginn, bis)
    assert len(vorher) == len(nachher) == monate + 1
    for i, (a, b) in enumerate(zip(vorher, nachher, strict=True)):
        ids = [m.id for m in b.minderungen]
        if i < monate:  # in force exactly for the announced months, from the month after D
            assert "neu" in ids, (i, b)
            assert b.summe_prozent == a.summe_prozent + prozent
        else:
            assert "neu" not in ids, (i, b)
            assert b.summe_prozent == a.summe_prozent
    erster_vorher, erster_nachher = vorher[0], nachher[0]
    assert erster_nachher.summe_gedeckelt - erster_vorher.summe_gedeckelt == _wirksam(rf), (
        erster_vorher,
        erster_nachher,
        rf,
    )
    if erster_vorher.summe_prozent == 0 and "betrag_euro" in rf:
        assert erster_nachher.betrag_euro == Decimal(str(rf["betrag_euro"])).quantize(
            Decimal("0.01")
        )


# -- § 31b Abs. 1 Satz 1: the start ----------------------------------------------------------------


@given(st.dates(min_value=D(2005, 1, 1), max_value=D(2099, 11, 30)))
def test_minderung_beginnt_nie_vor_dem_folgemonat(wirksam_am):
    beginn = minderung_beginn(wirksam_am)
    assert beginn == _folgemonat(wirksam_am)
    assert beginn.day == 1 and beginn > wirksam_am
    assert (beginn - dt.timedelta(days=1)).month == wirksam_am.month
    # a posted VA takes effect on its Bekanntgabe, never before the posting day
    assert minderung_beginn(bekanntgabe(wirksam_am)) >= beginn


@EINSTELLUNGEN
@given(faelle(), anliegen_alle)
def test_angekuendigter_beginn_frühestens_im_folgemonat(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    rf = _entscheide(obj, anliegen, stichtag, faellig)["rechtsfolgen"]
    if "beginn_fruehestens" in rf:
        assert D.fromisoformat(rf["beginn_fruehestens"]) == _erster_monat(
            faellig, obj.get("bekanntgabe")
        )
    if "feststellung_bis" in rf:
        # § 31b Abs. 1 Satz 3: "nur innerhalb von sechs Monaten ab dem Zeitpunkt der
        # Pflichtverletzung"; §§ 187 Abs. 1, 188 Abs. 2, 3 BGB: the same day number six months
        # later, or the last day of that month where it has no such day
        bis = D.fromisoformat(rf["feststellung_bis"])
        rechnerisch = _sechs_monate_nach(faellig)
        if "land" not in obj:
            assert bis == rechnerisch
        else:
            # § 26 Abs. 3 Satz 1 SGB X: "Fällt das Ende einer Frist auf einen Sonntag, einen
            # gesetzlichen Feiertag oder einen Sonnabend, endet die Frist mit dem Ablauf des
            # nächstfolgenden Werktages."
            frei = holidays.country_holidays(
                "DE", subdiv=obj["land"][3:], years=range(rechnerisch.year, rechnerisch.year + 2)
            )
            assert bis >= rechnerisch
            assert bis.weekday() < 5 and bis not in frei
            tag = rechnerisch
            while tag < bis:
                assert tag.weekday() >= 5 or tag in frei, tag
                tag += dt.timedelta(days=1)
    assert rf["rechtsstand"] == _rechtsstand(
        faellig
    )  # docs/fachliches.md section 2: the due day's law


def _sechs_monate_nach(tag: dt.date) -> dt.date:
    """§§ 187 Abs. 1, 188 Abs. 2, 3 BGB: the same day number six months later, or the last day
    of that month where it has no such day."""
    jahr, monat = divmod(tag.month - 1 + 6, 12)
    jahr, monat = tag.year + jahr, monat + 1
    for tag_nr in range(tag.day, 0, -1):
        try:
            return D(jahr, monat, tag_nr)
        except ValueError:
            continue
    raise AssertionError(tag)


# -- amounts (docs/fachliches.md section 6, § 41 Abs. 2 SGB II) ---------------------------------------------------


@EINSTELLUNGEN
@given(faelle(), anliegen_alle)
def test_betrag_ist_regelbedarf_mal_prozent(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    r = _entscheide(obj, anliegen, stichtag, faellig)
    rf = r["rechtsfolgen"]
    codes = {h["code"] for h in r["hinweise"]}
    prozent = rf["minderung_prozent"]
    assume(prozent > 0)
    soll = _erwarteter_betrag(
        obj.get("regelbedarfsstufe"), faellig, prozent, obj.get("bekanntgabe")
    )
    if soll is None:
        assert "betrag_euro" not in rf
        assert "rf.betrag_unbekannt" in codes
    else:
        assert Decimal(str(rf["betrag_euro"])).quantize(Decimal("0.01")) == soll
        assert "rf.betrag_unbekannt" not in codes


@given(st.integers(1, 4), st.sampled_from(sorted(REGELBEDARF)), st.integers(0, 100))
def test_minderung_euro_rundet_nach_41_abs_2(stufe, jahr, prozent):
    soll = (Decimal(REGELBEDARF[jahr][stufe - 1]) * prozent / 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    assert minderung_euro(stufe, jahr, prozent) == soll


@given(st.integers(1, 4), st.integers(2005, 2022) | st.integers(2027, 2099), st.integers(0, 100))
def test_kein_betrag_fuer_jahre_ausserhalb_der_tabelle(stufe, jahr, prozent):
    assert minderung_euro(stufe, jahr, prozent) is None


# -- außergewöhnliche Härte (§ 31a Abs. 3) -----------------------------------------------------------


@EINSTELLUNGEN
@given(faelle(haerte=False), anliegen_31)
def test_haerte_schliesst_jede_minderung_aus(fall_stichtag_faellig, anliegen):
    obj, stichtag, faellig = fall_stichtag_faellig
    obj = {
        **obj,
        "ereignisse": [
            *obj["ereignisse"],
            {"art": "haerte_festgestellt", "am": stichtag.isoformat()},
        ],
    }
    r = _entscheide(obj, anliegen, stichtag, faellig)
    rf = r["rechtsfolgen"]
    assert (rf["minderung_prozent"], rf["monate"]) == (0, 0)
    assert not rf.get("entzug_regelbedarf")
    assert "rf.haerte" in {h["code"] for h in r["hinweise"]}


# -- alternativen (docs/fachliches.md section 2, docs/vertrag.md) -------------------------------------------------------


@EINSTELLUNGEN
@given(faelle(), anliegen_alle)
def test_alternativen_nur_bei_abweichendem_recht_des_stichtags(fall_stichtag_faellig, anliegen):
    """An alternative is the reading under the Stichtag's law, or, for a due day in the days
    17.–22.4.2026 (whose Rechtsstand depends on the unverified day the early part of the law of
    16.4.2026 took effect), the reading under 2026-04."""
    obj, stichtag, faellig = fall_stichtag_faellig
    rf = _entscheide(obj, anliegen, stichtag, faellig)["rechtsfolgen"]
    alternativen = rf.get("alternativen", [])
    zweifel = D(2026, 4, 17) <= faellig <= D(2026, 4, 22)
    if _rechtsstand(stichtag) == _rechtsstand(faellig) and not zweifel:
        assert not alternativen
    erlaubt = {_rechtsstand(stichtag)} | ({"2026-04"} if zweifel else set())
    for alt in alternativen:
        assert alt["rechtsstand"] in erlaubt
        kern = ("minderung_prozent", "monate", "entzug_regelbedarf", "nicht_erreichbar")
        assert tuple(alt.get(k) for k in kern) != tuple(rf.get(k) for k in kern)
