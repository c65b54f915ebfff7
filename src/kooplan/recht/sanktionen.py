"""The consequences of violations by Rechtsstand as data: one row per Rechtsstand.

The steps of a Minderung for a Pflichtverletzung (§ 31a SGB II) and a Meldeversäumnis (§ 32),
whether the first miss is free and a third makes the person nicht erreichbar (§ 7b Abs. 4 n.F.),
whether and how § 31a Abs. 7 applies, the name of the benefit. The engine
(`kooplan.motor.rechtsfolgen`) reads the row of the Rechtsstand in force on the due day.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from kooplan.recht.rechtsstaende import RECHTSSTAENDE, Rechtsstand, Regime
from kooplan.werte.aufzaehlung import Aufzaehlung
from kooplan.werte.fehler import UngueltigeTabelle

__all__ = [
    "SANKTIONSRECHT",
    "Abs7",
    "Sanktionsrecht",
    "Stufe",
    "buergergeld_recht",
    "pruefe_sanktionsrecht",
]


@attrs.frozen
class Stufe:
    """A Minderung: rate, months and the norm that sets them."""

    prozent: int
    """The rate in percent of the Regelbedarf."""
    monate: int
    """The length in months."""
    norm: str
    """The norm of the step."""


class Abs7(Aufzaehlung):
    """The states of § 31a Abs. 7 SGB II (Entzug des Regelbedarfs bei Arbeitsverweigerung)."""

    KEINE = "keine"
    """Not in force (2023-07; expired 27.3.2026 under § 86, so also 2026-03)."""
    MIT_VORMINDERUNG = "mit_vorminderung"
    """2024-03: only after a Minderung for § 31 Abs. 1 Satz 1 Nr. 2, Abs. 2 Nr. 3 or 4 within the
    last year."""
    OHNE_VORMINDERUNG = "ohne_vorminderung"
    """From 2026-04: without a prior Minderung."""


@attrs.frozen
class Sanktionsrecht:
    """The consequences of violations under one Rechtsstand."""

    rechtsstand: str
    """The Rechtsstand of the row."""
    regime: Regime
    """Its regime."""
    pflichtverletzung: tuple[Stufe, ...]
    """§ 31: the steps (B) or the single flat rate (C)."""
    meldeversaeumnis: Stufe
    """§ 32: the Minderung per (repeated) Meldeversäumnis."""
    erstes_meldeversaeumnis_frei: bool
    """C only: the first unexcused miss brings no Minderung."""
    nichterreichbarkeit: bool
    """C only: the third consecutive miss with RFB makes the person nicht erreichbar (§ 7b Abs. 4).
    """
    abs7: Abs7
    """Whether and how § 31a Abs. 7 applies."""
    abs7_norm: str | None
    """The norm of § 31a Abs. 7 in this Rechtsstand, if it applies."""
    leistung: str
    """The name of the benefit (Bürgergeld, Grundsicherungsgeld)."""
    sgb12_norm: str = "§ 31b Abs. 4 SGB II a.F."
    """Where the exclusion of ergänzende Hilfe nach dem SGB XII stands (§ 31b Abs. 3 in the text of
    1.7.2023, Abs. 4 from 28.3.2024)."""
    abs7_vorzeitiges_ende: str | None = None
    """Which sentence of the Belehrung says how a withdrawal under § 31a Abs. 7 ends early
    (the variant of the template `abs7.vorzeitiges_ende.…`: `a`, `n`, or `n_2026_04` for the
    n.F. text before 1.7.2026, which still refers to § 31a Abs. 1 Satz 6 a.F.); `None` where
    Abs. 7 does not apply."""
    abs7_hinweise: tuple[str, ...] = ()
    """Codes of notes on open questions of § 31a Abs. 7 in this Rechtsstand, given with every
    announced withdrawal."""


_B_31 = (
    Stufe(10, 1, "§ 31a Abs. 1 Satz 1, § 31b Abs. 2 Satz 1 Nr. 1 SGB II a.F."),
    Stufe(20, 2, "§ 31a Abs. 1 Satz 2, § 31b Abs. 2 Satz 1 Nr. 2 SGB II a.F."),
    Stufe(30, 3, "§ 31a Abs. 1 Satz 3, § 31b Abs. 2 Satz 1 Nr. 3 SGB II a.F."),
)
_B_32 = Stufe(10, 1, "§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 SGB II a.F.")
_C_31 = (Stufe(30, 3, "§ 31a Abs. 1 Satz 1, § 31b Abs. 2 Satz 1 SGB II n.F."),)
_C_32 = Stufe(30, 1, "§ 32 Abs. 1 Satz 1, Abs. 2 Satz 2 SGB II n.F.")


def buergergeld_recht(
    rid: str,
    abs7: Abs7,
    abs7_norm: str | None,
    sgb12_norm: str = "§ 31b Abs. 4 SGB II a.F.",
    abs7_vorzeitiges_ende: str | None = None,
    abs7_hinweise: tuple[str, ...] = (),
) -> Sanktionsrecht:
    """A row of the Bürgergeld law (regime B): the three steps of § 31a Abs. 1 a.F., 10 % for
    a Meldeversäumnis (§ 32 a.F.), no free first miss, no Nichterreichbarkeit; `abs7` and the
    rest as the Rechtsstand has them."""
    return Sanktionsrecht(
        rid,
        Regime.B,
        _B_31,
        _B_32,
        False,
        False,
        abs7,
        abs7_norm,
        "Bürgergeld",
        sgb12_norm,
        abs7_vorzeitiges_ende,
        abs7_hinweise,
    )


_b = buergergeld_recht

SANKTIONSRECHT: Mapping[str, Sanktionsrecht] = {
    "2023-07": _b("2023-07", Abs7.KEINE, None, "§ 31b Abs. 3 SGB II a.F."),
    "2024-03": _b(
        "2024-03",
        Abs7.MIT_VORMINDERUNG,
        "§ 31a Abs. 7, § 31b Abs. 3 SGB II a.F.",
        abs7_vorzeitiges_ende="a",
    ),
    "2026-03": _b("2026-03", Abs7.KEINE, None),
    "2026-04": _b(
        "2026-04",
        Abs7.OHNE_VORMINDERUNG,
        "§ 31a Abs. 7, § 31b Abs. 3 SGB II n.F.",
        abs7_vorzeitiges_ende="n_2026_04",
        abs7_hinweise=("offen.abs7_2026_04",),
    ),
    "2026-07": Sanktionsrecht(
        "2026-07",
        Regime.C,
        _C_31,
        _C_32,
        True,
        True,
        Abs7.OHNE_VORMINDERUNG,
        "§ 31a Abs. 7, § 31b Abs. 3 SGB II n.F.",
        "Grundsicherungsgeld",
        "§ 31b Abs. 4 SGB II n.F.",
        abs7_vorzeitiges_ende="n",
    ),
}
"""One row per Rechtsstand: the consequences in force (docs/fachliches.md section 6)."""


def pruefe_sanktionsrecht(
    zeilen: Mapping[str, Sanktionsrecht], rechtsstaende: tuple[Rechtsstand, ...]
) -> None:
    """Check the rows against the Rechtsstand table; raise `UngueltigeTabelle` naming the row.

    One row for every Rechtsstand and none for another, each under its key, with the
    Rechtsstand's regime; under B the three steps of § 31a Abs. 1 a.F., under C the one rate;
    the text of § 31a Abs. 7 and its norm exactly where Abs. 7 applies.
    """
    ids = [r.id for r in rechtsstaende]
    for rid in zeilen:
        if rid not in ids:
            raise UngueltigeTabelle(f"Sanktionsrecht, Zeile {rid!r}: kein solcher Rechtsstand.")
    for rs in rechtsstaende:
        wo = f"Sanktionsrecht, Zeile {rs.id!r}"
        zeile = zeilen.get(rs.id)
        if zeile is None:
            raise UngueltigeTabelle(f"{wo}: fehlt.")
        if zeile.rechtsstand != rs.id or zeile.regime is not rs.regime:
            raise UngueltigeTabelle(f"{wo}: Rechtsstand oder Regime passen nicht zur Zeile.")
        if len(zeile.pflichtverletzung) != (3 if rs.regime is Regime.B else 1):
            raise UngueltigeTabelle(f"{wo}: die Zahl der Stufen passt nicht zum Regime.")
        gilt = zeile.abs7 is not Abs7.KEINE
        if gilt != (zeile.abs7_norm is not None) or gilt != (
            zeile.abs7_vorzeitiges_ende is not None
        ):
            raise UngueltigeTabelle(
                f"{wo}: Norm und Text des § 31a Abs. 7 gehören genau dorthin, wo er gilt."
            )


pruefe_sanktionsrecht(SANKTIONSRECHT, RECHTSSTAENDE)
