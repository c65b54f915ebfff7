"""The checklist of a complete Rechtsfolgenbelehrung, run over every kind of RFB in every
Rechtsstand.

A Belehrung must be "konkret, richtig und vollständig" (BSG, 17.12.2009, B 4 AS 30/09 R). The
checklist (also in ``docs/rechtsfolgen.md``) names what every Belehrung says, or why an item does
not apply to a kind:

=================  =========================================================================
Tatbestand         what the person must not do (the Anliegen's behaviour)
Folge              the Minderung in percent and, where the Regelbedarfsstufe and the year's
                   Regelbedarf are known, in euro; or that none follows, or the loss of the
                   entitlement
Dauer              how long (one, two, three months; until the Bewilligungszeitraum ends)
Beginn             from when (the month after the Verwaltungsakt takes effect; § 7b Abs. 4:
                   after the Feststellung of the third missed meeting)
wichtiger Grund    that a wichtiger Grund, shown and proved, excludes it
vorzeitiges Ende   how it ends early (compliance; a personal report); not for § 32, whose
                   Minderungszeitraum is one month without early end (§ 32 Abs. 2 refers to
                   § 31a Abs. 2 to 5 only)
Wiederholung       what a further violation brings (the next step, the cap; § 7b Abs. 4); not
                   for the last stage (§ 7b Abs. 4 itself) and not where a Härte excludes every
                   Minderung under the Bürgergeld law
Unterkunft         the costs of housing (not reduced; § 7b Abs. 4: not paid after the first
                   month; § 31a Abs. 7 n.F.: to the landlord)
Sozialhilfe        no ergänzende Hilfe nach dem SGB XII while it lasts (§ 31b Abs. 3 a.F. of
                   1.7.2023, Abs. 4 from 28.3.2024; § 7b Abs. 4 Satz 2 n.F.)
1 Euro             from 1.7.2026 only (§ 31a Abs. 4 Satz 3 n.F.)
=================  =========================================================================

The kind each combination must produce is derived here from the scenario (its Rechtsstand,
Anliegen, history and Härte), not read off kooplan's answer; the items are checked on the
Belehrung's text with words written from the statute.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import ROUND_HALF_UP, Decimal

import attrs
import pytest

import kooplan
from kooplan import (
    EinladungVersandt,
    Fall,
    HaerteFestgestellt,
    MinderungFestgestellt,
    Minderungsgrund,
    PlanGescheitert,
    Tatbestand,
    TerminVersaeumt,
)

D = dt.date

#: The due day examined in each Rechtsstand, and the day the plan failed before it.
TAGE = {
    "2023-07": D(2023, 10, 16),
    "2024-03": D(2025, 3, 12),
    "2026-03": D(2026, 4, 8),
    "2026-04": D(2026, 5, 13),
    "2026-07": D(2026, 9, 9),
}
B = ("2023-07", "2024-03", "2026-03", "2026-04")
#: The Regelbedarf of Stufen 1 to 4 (§ 20 SGB II with the yearly ordinances), by year.
REGELBEDARF = {2023: (502, 451, 402, 420), 2024: (563, 506, 451, 471), 2025: (563, 506, 451, 471)}
REGELBEDARF[2026] = REGELBEDARF[2025]

VERHALTEN = {
    "massnahme": "Maßnahme",
    "vermittlungsvorschlag": "Arbeit",
    "eigenbemuehungen": "Eigenbemühungen",
    "einladung": "Einladung",
}
MONATE = {1: "einen Monat", 2: "zwei Monate", 3: "drei Monate"}


@attrs.frozen
class Kombination:
    rechtsstand: str
    anliegen: str
    #: B § 31: how many earlier § 31 Minderungen in the year (0, 1, 2); C § 32: how many earlier
    #: misses with RFB in a row (0, 1, 2)
    vorgeschichte: int
    stufe: int | None
    haerte: bool

    @property
    def id(self) -> str:
        return (
            f"{self.rechtsstand}-{self.anliegen}-v{self.vorgeschichte}-s{self.stufe}"
            f"{'-haerte' if self.haerte else ''}"
        )

    @property
    def faellig(self) -> dt.date:
        return TAGE[self.rechtsstand]

    @property
    def c(self) -> bool:
        return self.rechtsstand not in B

    # -- what the law says this combination is ------------------------------------------------

    @property
    def art(self) -> str:
        if self.anliegen == "einladung":
            if not self.c:
                return "haerte" if self.haerte else "32_b"
            if self.vorgeschichte == 2:
                return "nicht_erreichbar"  # § 7b Abs. 4 knows no Härte
            if self.haerte:
                return "haerte"
            return "32_c_wiederholt" if self.vorgeschichte == 1 else "32_c_erstes"
        return "haerte" if self.haerte else "31"

    @property
    def stufe_31(self) -> int:
        return 1 if self.c else self.vorgeschichte + 1

    @property
    def prozent(self) -> int:
        if self.art == "31":
            return 30 if self.c else (10, 20, 30)[self.stufe_31 - 1]
        if self.art in ("32_b", "32_c_wiederholt"):
            return 10 if self.art == "32_b" else 30
        return 0

    @property
    def monate(self) -> int:
        return self.stufe_31 if self.art == "31" and not self.c else (3 if self.art == "31" else 1)

    @property
    def entzug(self) -> bool:
        """§ 31a Abs. 7: 2024-03 after a qualifying Minderung (the history here records § 31
        Abs. 1 Satz 1 Nr. 2), from 2026-04 always; only for a Vermittlungsvorschlag."""
        if self.anliegen != "vermittlungsvorschlag" or self.haerte:
            return False
        if self.rechtsstand == "2024-03":
            return self.vorgeschichte > 0
        return self.rechtsstand in ("2026-04", "2026-07")

    def erster_monat(self) -> dt.date:
        tage = 4 if self.faellig >= D(2025, 1, 1) else 3  # § 37 Abs. 2 Satz 1 SGB X
        t = self.faellig + dt.timedelta(days=tage)
        return D(t.year + t.month // 12, t.month % 12 + 1, 1)

    def euro(self, prozent: int) -> str | None:
        if self.stufe is None:
            return None
        rb = REGELBEDARF.get(self.erster_monat().year)
        if rb is None:
            return None
        betrag = (Decimal(rb[self.stufe - 1]) * prozent / 100).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )
        return f"{betrag:.2f}".replace(".", ",") + " Euro"

    # -- the case ----------------------------------------------------------------------------

    def fall(self) -> Fall:
        f = self.faellig
        gescheitert = f - dt.timedelta(days=30)
        ereignisse: list[object] = [
            EinladungVersandt(am=gescheitert - dt.timedelta(days=7)),
            PlanGescheitert(am=gescheitert),
        ]
        if self.anliegen == "einladung" and self.c:
            for i in range(self.vorgeschichte):
                tag = gescheitert + dt.timedelta(days=1 + 7 * i)
                ereignisse.append(EinladungVersandt(am=tag, id=f"e{i}", rfb=True))
                ereignisse.append(
                    TerminVersaeumt(
                        am=tag + dt.timedelta(days=3), wichtiger_grund=False, einladung=f"e{i}"
                    )
                )
        elif self.anliegen != "einladung":
            # earlier § 31 Minderungen within the year before (Tatbestand: work refused)
            for i in range(self.vorgeschichte):
                beginn = D(f.year - 1 + (f.month + 5 + i) // 12, (f.month + 5 + i) % 12 + 1, 1)
                ereignisse.append(
                    MinderungFestgestellt(
                        am=beginn - dt.timedelta(days=10),
                        grund=Minderungsgrund.PFLICHTVERLETZUNG,
                        prozent=(10, 20)[i],
                        stufe=i + 1,
                        beginn=beginn,
                        tatbestand=Tatbestand.ABS1_NR2,
                        monate=1,
                    )
                )
        if self.haerte:
            ereignisse.append(HaerteFestgestellt(am=f - dt.timedelta(days=6)))
        return Fall("CHECK-1", ereignisse, regelbedarfsstufe=self.stufe)


def _kombinationen() -> list[Kombination]:
    out = []
    for rs, anliegen, v, stufe, haerte in itertools.product(
        TAGE, VERHALTEN, (0, 1, 2), (None, 1, 3), (False, True)
    ):
        if anliegen == "einladung" and rs in B and v:
            continue  # § 32 a.F.: every Meldeversäumnis alike, the history changes nothing
        if anliegen != "einladung" and rs not in B and v:
            continue  # § 31 n.F.: no steps
        out.append(Kombination(rs, anliegen, v, stufe, haerte))
    return out


KOMBINATIONEN = _kombinationen()


def _rechtsfolge(k: Kombination) -> kooplan.Entscheidung:
    e = kooplan.entscheide(k.fall(), k.anliegen, k.faellig - dt.timedelta(days=5), k.faellig)
    assert e.rfb and e.rechtsfolgen is not None, (e.phase, e.modus)
    return e


def _enthaelt(text: str, *teile: str) -> None:
    for teil in teile:
        assert teil in text, (teil, text)


@pytest.mark.parametrize("k", KOMBINATIONEN, ids=[k.id for k in KOMBINATIONEN])
def test_jede_belehrung_ist_vollstaendig(k: Kombination) -> None:
    e = _rechtsfolge(k)
    rf = e.rechtsfolgen
    assert rf is not None
    text = rf.text
    assert text == " ".join(b.text for b in rf.bausteine)
    assert all(b.norm for b in rf.bausteine), [b.art for b in rf.bausteine if not b.norm]
    assert rf.rechtsstand == k.rechtsstand
    art = k.art

    # Tatbestand
    if art == "nicht_erreichbar":
        _enthaelt(text, "dritten aufeinanderfolgenden Meldeaufforderung")
    else:
        _enthaelt(text, "Wenn Sie ", VERHALTEN[k.anliegen])

    # Folge in Prozent and, where known, in euro
    assert (rf.minderung_prozent, rf.monate) == (k.prozent, k.monate if k.prozent else 0)
    if art in ("31", "32_b", "32_c_wiederholt"):
        _enthaelt(text, f"um {k.prozent} Prozent des für Sie maßgebenden Regelbedarfs")
        euro = k.euro(k.prozent)
        if euro is not None:
            _enthaelt(text, f"({euro} monatlich)")
        else:
            assert "Euro monatlich" not in text.split(". ")[0]
    elif art == "32_c_erstes":
        _enthaelt(text, "führt noch zu keiner Minderung")
    elif art == "haerte":
        _enthaelt(text, "keine Leistungsminderung")
    else:
        _enthaelt(text, "gelten Sie als nicht erreichbar", "Leistungsanspruch entfällt")
        euro = k.euro(100)
        if euro is not None:
            _enthaelt(text, f"ohne die Leistungen für den Regelbedarf ({euro})")

    # Dauer and Beginn
    if art in ("31", "32_b", "32_c_wiederholt"):
        _enthaelt(text, f"Die Minderung dauert {MONATE[k.monate]}.")
        _enthaelt(text, "Kalendermonat, der auf das Wirksamwerden des Bescheids folgt")
        assert rf.beginn_fruehestens == k.erster_monat()
    elif art == "nicht_erreichbar":
        _enthaelt(text, "bis zum Ablauf des ursprünglichen Bewilligungszeitraums")
        _enthaelt(text, "Kalendermonats, der auf die Feststellung des dritten versäumten")
        assert rf.beginn_fruehestens == k.erster_monat()
    elif art == "32_c_erstes":
        # the stage a further miss reaches, with its duration
        _enthaelt(text, "für einen Monat")

    # wichtiger Grund
    if art != "haerte":
        _enthaelt(text, "wichtigen Grund für Ihr Verhalten darlegen und nachweisen")

    # vorzeitiges Ende
    if art == "31":
        _enthaelt(text, "wird die Minderung ab diesem Zeitpunkt aufgehoben")
    elif art == "nicht_erreichbar":
        _enthaelt(text, "melden sich vorher persönlich", "gelten Sie als durchgehend erreichbar")
        if k.haerte:  # § 32 Abs. 3 Satz 2 keeps a § 32 Minderung, which a Härte excludes
            _enthaelt(text, "Regelbedarf dann ungemindert erbracht")
        else:
            _enthaelt(text, "um 30 Prozent gemindert")
    else:
        assert "aufgehoben" not in text  # § 32: one month, no early end

    # Wiederholung
    if art == "31" and not k.c:
        naechste = {1: "um 20 Prozent für zwei Monate", 2: "um 30 Prozent für drei Monate"}
        _enthaelt(text, naechste.get(k.stufe_31, "erneut um 30 Prozent für drei Monate"))
        _enthaelt(text, "höchstens 30 Prozent")
    elif art == "31":
        _enthaelt(text, "erneut zu einer Minderung um 30 Prozent", "höchstens 30 Prozent")
    elif art == "32_b":
        _enthaelt(text, "Jedes weitere Meldeversäumnis", "höchstens 30 Prozent")
    elif art in ("32_c_erstes", "32_c_wiederholt"):
        _enthaelt(text, "Jedes weitere Meldeversäumnis", "drei aufeinanderfolgenden")
    elif art == "haerte" and k.c and k.anliegen == "einladung":
        _enthaelt(text, "gelten Sie als nicht erreichbar")  # § 7b Abs. 4 has no Härte clause

    # Unterkunft
    if art == "nicht_erreichbar":
        _enthaelt(text, "auch nicht für Unterkunft und Heizung")
    elif art != "haerte":
        _enthaelt(text, "Leistungen für Unterkunft und Heizung werden nicht gemindert")

    # Sozialhilfe: "Während der Minderung des Auszahlungsanspruchs besteht kein Anspruch auf
    # ergänzende Hilfe zum Lebensunterhalt nach den Vorschriften des Zwölften Buches." (§ 31b
    # Abs. 3 a.F. of 1.7.2023, Abs. 4 from 28.3.2024; § 7b Abs. 4 Satz 2 n.F.)
    if art in ("31", "32_b", "32_c_wiederholt", "nicht_erreichbar"):
        _enthaelt(text, "kein Anspruch auf ergänzende Hilfe zum Lebensunterhalt")
        norm = next(b.norm for b in rf.bausteine if b.art == "sozialhilfe")
        assert norm is not None
        if k.rechtsstand == "2023-07":
            assert "§ 31b Abs. 3 SGB II a.F." in norm, norm
        else:
            assert "§ 31b Abs. 4 SGB II" in norm, norm

    # 1 Euro (§ 31a Abs. 4 Satz 3 n.F.)
    if art in ("31", "32_c_wiederholt", "nicht_erreichbar") and k.c:
        _enthaelt(text, "1 Euro")
    elif not k.c:
        assert "1 Euro" not in text

    # § 31a Abs. 7: Tatbestand, Folge (euro), Dauer, Beginn, Ende, Unterkunft
    assert bool(rf.entzug_regelbedarf) is k.entzug
    if k.entzug:
        _enthaelt(
            text, "Weigern Sie sich willentlich", "entfällt Ihr Anspruch in Höhe des Regelbedarfs"
        )
        euro = k.euro(100)
        if euro is not None:
            _enthaelt(text, f"Regelbedarfs ({euro} monatlich) ganz")
        _enthaelt(text, "Der Entzug beginnt mit dem Kalendermonat", "nach zwei Monaten")
        _enthaelt(text, "wird der Entzug", "Unterkunft und Heizung werden auch beim Entzug")
        if k.rechtsstand in ("2026-04", "2026-07"):
            _enthaelt(text, "an Ihren Vermieter", "nach dem ersten Monat nicht mehr")
        else:
            assert "Vermieter" not in text
            _enthaelt(text, "jedoch nicht vor Ablauf eines Monats")
    else:
        assert "Entzug" not in text


def test_die_checkliste_erreicht_jede_art() -> None:
    assert {k.art for k in KOMBINATIONEN} == {
        "31",
        "32_b",
        "32_c_erstes",
        "32_c_wiederholt",
        "nicht_erreichbar",
        "haerte",
    }
    assert any(k.entzug and k.rechtsstand == "2024-03" for k in KOMBINATIONEN)
    assert any(k.entzug and k.rechtsstand == "2026-07" for k in KOMBINATIONEN)
