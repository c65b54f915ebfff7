"""Data-driven scenarios for the Rechtsfolgen: what a Rechtsfolgenbelehrung must announce.

Each ``kooplan/szenarien/rechtsfolgen/*.yaml`` file (shipped with the package) lists cases a
lawyer can read and extend. Files whose name
starts with ``_`` are not loaded (``_abweichungen.yaml`` holds scenarios on which the library
disagrees with the statute or docs/fachliches.md, each with the passage it contradicts).

Format of one scenario (the case keys ``regelbedarfsstufe``, ``geburtsdatum``, ``land`` and
``bewilligungszeitraum_ende`` are optional)::

    - titel: "2023-07: zweite Pflichtverletzung innerhalb eines Jahres"
      quelle: "docs/fachliches.md section 6; § 31a Abs. 1 Satz 2, 4, 5, § 31b Abs. 2 Nr. 2 SGB II a.F."
      regelbedarfsstufe: 1
      ereignisse:
        - {art: minderung_festgestellt, am: 2023-08-10, grund: pflichtverletzung, prozent: 10,
           beginn: 2023-09-01}
        - {art: plan_gescheitert, am: 2023-10-02}
      fragen:
        - anliegen: massnahme
          stichtag: 2023-10-04
          faellig: 2023-10-11              # optional (default: the Stichtag)
          erwartet:
            modus: mit_rfb
            rechtsfolgen:
              rechtsstand: "2023-07"
              prozent: 20
              monate: 2
              norm: "§ 31a Abs. 1 Satz 2"
              betrag_euro: 90.20
              folgestufen: [{prozent: 30, monate: 3}]
            hinweise: [rf.deckel]

``erwartet`` keys (all optional, at least one): ``phase``, ``modus``, ``rechtsstand`` (of the
letter, i.e. the Stichtag), ``regel``, ``hinweise`` (codes that must be present),
``keine_hinweise`` (codes that must be absent), ``rechtsfolgen`` (see below; ``null``: the object
must be absent, i.e. no RFB), ``fehler`` and ``ort`` (an error instead of a decision).

``rechtsfolgen`` keys, each checked only when given:

* ``rechtsstand``: the Rechtsstand whose law the consequence follows (that of ``faellig``).
* ``prozent`` / ``monate``: the contract's ``minderung_prozent`` / ``monate`` (nominal).
* ``norm``: a prefix of the contract's ``norm``.
* ``betrag_euro``: the amount; ``null`` means the key must be absent.
* ``gedeckelt``: the contract's ``minderung_prozent_gedeckelt``; ``null`` means absent (no cap).
* ``entzug_regelbedarf`` / ``nicht_erreichbar``: ``true`` means the key is ``true``; ``false``
  means it is not announced (absent or ``false``).
* ``folgestufen`` / ``alternativen``: the exact number of entries, each checked with these same
  keys in order; ``[]`` means none (absent or empty).
* ``beginn_fruehestens`` / ``feststellung_bis``: the day (``null``: absent).
* ``bausteine`` / ``keine_bausteine``: building-block ``art`` values that must be present / absent.
* ``text_enthaelt``: parts of the Belehrung text that must appear in it, verbatim.

The full format is docs/szenarien-format.md; the comparison is
`kooplan.oberflaechen.pruefe.vergleiche`.

Every expected value was derived by hand from docs/fachliches.md sections 2, 6, 8, docs/vertrag.md,
the worked examples (docs/beispiele.md) and the statute texts in ``kooplan/gesetzestexte/``, never copied from the library's output.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

import kooplan
import szenarien_yaml
from kooplan.oberflaechen import pruefe

ART = "rechtsfolgen"
VERZEICHNIS = szenarien_yaml.verzeichnis(ART)
MINDESTZAHL_FRAGEN = 80
RECHTSSTAENDE = ("2023-07", "2024-03", "2026-03", "2026-04", "2026-07")
B_RECHTSSTAENDE = RECHTSSTAENDE[:4]

FRAGEN = szenarien_yaml.fragen(ART)
Frage = pruefe.Frage


def _id(fr: pruefe.Frage) -> str:
    return szenarien_yaml.kennung(fr, 50, faellig_im_id=True)


@pytest.mark.parametrize("fr", FRAGEN, ids=[_id(fr) for fr in FRAGEN])
def test_rechtsfolge(fr: pruefe.Frage) -> None:
    abweichungen = szenarien_yaml.abweichungen(fr)
    assert not abweichungen, abweichungen


# -- the scenario files themselves --------------------------------------------------------------


def test_dateien_vorhanden() -> None:
    dateien = szenarien_yaml.dateien(ART)
    assert len(dateien) >= 5, [p.name for p in dateien]
    assert {f.datei for f in FRAGEN} == {f"{ART}/{p.name}" for p in dateien}


def test_mindestumfang() -> None:
    assert len(FRAGEN) >= MINDESTZAHL_FRAGEN, len(FRAGEN)


def test_ids_eindeutig() -> None:
    ids = [_id(fr) for fr in FRAGEN]
    doppelt = sorted({i for i in ids if ids.count(i) > 1})
    assert not doppelt, doppelt


def test_namen_bekannt() -> None:
    """Beyond the JSON Schema: every Anliegen is one of kooplan's, every Rechtsstand one of the
    five this folder covers."""
    anliegen = {a.value for a in kooplan.Anliegen}
    for fr in FRAGEN:
        assert fr.anliegen in anliegen, fr.name
        assert fr.erwartet.get("rechtsstand", "2023-07") in RECHTSSTAENDE, fr.name
        rf = fr.erwartet.get("rechtsfolgen")
        if isinstance(rf, dict):
            assert rf.get("rechtsstand", "2023-07") in RECHTSSTAENDE, fr.name


def test_abweichungen_werden_nicht_geladen_sind_aber_lesbar() -> None:
    pfad = VERZEICHNIS / "_abweichungen.yaml"
    assert pfad not in szenarien_yaml.dateien(ART)
    if pfad.exists():
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        assert daten is None or isinstance(daten, list)
        for sz in daten or []:
            assert {"titel", "quelle", "ereignisse", "fragen"} <= set(sz), sz.get("titel")
            assert sz.get("abweichung"), sz.get("titel")


# -- coverage of docs/fachliches.md section 6 ----------------------------------------------------------------


def _rf_fragen() -> list[tuple[Frage, dict[str, Any]]]:
    return [(fr, fr.erwartet["rechtsfolgen"]) for fr in FRAGEN if fr.erwartet.get("rechtsfolgen")]


def _abgedeckt(pred: Any) -> bool:
    return any(pred(fr, rf) for fr, rf in _rf_fragen())


@pytest.mark.parametrize("rs", RECHTSSTAENDE)
@pytest.mark.parametrize("art", ["pflichtverletzung", "meldeversaeumnis"])
def test_jede_zeile_in_jedem_rechtsstand(rs: str, art: str) -> None:
    """§ 31 and § 32 consequences are asserted under every Rechtsstand (docs/fachliches.md section 6)."""

    def passt(fr: Frage, rf: dict[str, Any]) -> bool:
        einladung = fr.anliegen == "einladung"
        return rf.get("rechtsstand") == rs and einladung is (art == "meldeversaeumnis")

    assert _abgedeckt(passt)


@pytest.mark.parametrize("rs", B_RECHTSSTAENDE)
@pytest.mark.parametrize(("prozent", "monate"), [(10, 1), (20, 2), (30, 3)])
def test_jede_stufe_in_jedem_b_rechtsstand(rs: str, prozent: int, monate: int) -> None:
    """§ 31a Abs. 1 Satz 1–3, § 31b Abs. 2 a.F.: steps 1, 2 and 3 under every B Rechtsstand."""
    assert _abgedeckt(
        lambda fr, rf: (
            fr.anliegen != "einladung"
            and rf.get("rechtsstand") == rs
            and rf.get("prozent") == prozent
            and rf.get("monate") == monate
        )
    )


@pytest.mark.parametrize("rs", ["2024-03", "2026-04", "2026-07"])
def test_abs7_angekuendigt(rs: str) -> None:
    assert _abgedeckt(lambda fr, rf: rf.get("rechtsstand") == rs and rf.get("entzug_regelbedarf"))


@pytest.mark.parametrize("rs", ["2023-07", "2024-03", "2026-03"])
def test_abs7_nicht_angekuendigt(rs: str) -> None:
    assert _abgedeckt(
        lambda fr, rf: (
            fr.anliegen == "vermittlungsvorschlag"
            and rf.get("rechtsstand") == rs
            and rf.get("entzug_regelbedarf") is False
        )
    )


def test_sonderfaelle_abgedeckt() -> None:
    assert _abgedeckt(lambda fr, rf: rf.get("nicht_erreichbar") is True)
    assert _abgedeckt(lambda fr, rf: rf.get("gedeckelt") is not None)
    assert _abgedeckt(lambda fr, rf: rf.get("alternativen"))
    assert _abgedeckt(lambda fr, rf: rf.get("betrag_euro") is not None)
    assert _abgedeckt(lambda fr, rf: "betrag_euro" in rf and rf["betrag_euro"] is None)
    assert any(fr.erwartet.get("fehler") for fr in FRAGEN)
    assert any(
        "rechtsfolgen" in fr.erwartet and fr.erwartet["rechtsfolgen"] is None for fr in FRAGEN
    )
    for code in (
        "rf.deckel",
        "rf.betrag_unbekannt",
        "rf.haerte",
        "rf.abs7_tatbestand_unbekannt",
        "rf.unter_25",
        "offen.abs7_2026_04",
        "offen.uebergang_65a",
        "offen.wiederholt_fenster",
    ):
        assert any(code in fr.erwartet.get("hinweise", []) for fr in FRAGEN), code
