"""Data-driven scenarios: each ``kooplan/szenarien/entscheidung/*.yaml`` file (shipped with the
package; ``kooplan pruefe`` runs them against another system too) lists cases a lawyer can read.

Files whose name starts with ``_`` are not loaded (``_abweichungen.yaml`` holds scenarios on which
the library disagrees with the specification, each with the passage it contradicts).

Format of one scenario::

    - titel: "Kooperation: Zuweisung in Maßnahme ohne RFB"
      quelle: "docs/fachliches.md section 4 Regime B; the practice of cooperation, docs/fachliches.md section 1"
      ereignisse:
        - {art: plan_erstellt, am: 2024-01-15}
      fragen:
        - anliegen: massnahme
          stichtag: 2024-02-01
          faellig: 2024-02-10            # optional
          policy: {rfb_umfang: einzelfall} # optional
          erwartet: {phase: kooperation, modus: ohne_rfb, regel: b.kooperation}

``erwartet`` keys (all optional, at least one): ``phase``, ``modus``, ``rechtsstand``, ``regel``
(the id of the first reason), ``zitiert`` (each entry must be a prefix of some reason's norm),
``hinweise`` (codes that must be present), ``keine_hinweise`` (codes that must be absent),
``naechste_ueberpruefung``, ``ueberpruefung_ueberfaellig``, ``uebergaenge`` (ids of rows of
``kooplan.UEBERGAENGE`` that the fold up to the Stichtag must take), ``fehler`` (error code) and
``ort`` (the error's JSON path). The full format is docs/szenarien-format.md; the comparison is
`kooplan.oberflaechen.pruefe.vergleiche`.

Every expected value was derived by hand from docs/fachliches.md, docs/vertrag.md, the worked examples (docs/beispiele.md) and the
statute texts, never copied from the library's output.
"""

from __future__ import annotations

import pytest
import yaml

import kooplan
import szenarien_yaml
from kooplan.oberflaechen import pruefe

ART = "entscheidung"
VERZEICHNIS = szenarien_yaml.verzeichnis(ART)
MINDESTZAHL_FRAGEN = 120

FRAGEN = szenarien_yaml.fragen(ART)


def _id(fr: pruefe.Frage) -> str:
    return szenarien_yaml.kennung(fr, 60, faellig_im_id=False)


@pytest.mark.parametrize("fr", FRAGEN, ids=[_id(fr) for fr in FRAGEN])
def test_szenario(fr: pruefe.Frage) -> None:
    abweichungen = szenarien_yaml.abweichungen(fr)
    assert not abweichungen, abweichungen


# -- the scenario files themselves --------------------------------------------------------------


def test_szenariodateien_vorhanden() -> None:
    namen = {p.stem for p in szenarien_yaml.dateien(ART)}
    assert len(namen) >= 8, namen
    assert all(not n.startswith("_") for n in namen)
    assert {f.datei for f in FRAGEN} == {f"{ART}/{n}.yaml" for n in namen}


def test_mindestumfang() -> None:
    assert len(FRAGEN) >= MINDESTZAHL_FRAGEN, len(FRAGEN)


def test_ids_eindeutig() -> None:
    ids = [_id(fr) for fr in FRAGEN]
    assert len(ids) == len(set(ids))


def test_anliegen_bekannt_ausser_bei_fehlern() -> None:
    """The JSON Schema admits any Anliegen text (a scenario may ask for one that does not
    exist and expect the error); without an expected error it must be one of kooplan's."""
    anliegen = {a.value for a in kooplan.Anliegen}
    falsch = [
        fr.name for fr in FRAGEN if "fehler" not in fr.erwartet and fr.anliegen not in anliegen
    ]
    assert not falsch, falsch


# -- coverage of the rule tables ----------------------------------------------------------------


def test_jede_modusregel_kommt_vor() -> None:
    """Every row of the mode table (docs/fachliches.md section 4) decides at least one scenario question."""
    erwartet = {fr.erwartet["regel"] for fr in FRAGEN if "regel" in fr.erwartet}
    fehlend = {r.id for r in kooplan.REGELN} - erwartet
    assert not fehlend, sorted(fehlend)


def test_jeder_uebergang_kommt_vor() -> None:
    """Every row of the transition table (docs/fachliches.md section 3) is taken by some scenario's fold."""
    genommen: set[str] = set()
    for fr in FRAGEN:
        genommen |= szenarien_yaml.INTERN.uebergaenge(fr) or set()
    fehlend = {u.id for u in kooplan.UEBERGAENGE} - genommen
    assert not fehlend, sorted(fehlend)


def test_abweichungen_werden_nicht_geladen_sind_aber_lesbar() -> None:
    pfad = VERZEICHNIS / "_abweichungen.yaml"
    assert pfad not in szenarien_yaml.dateien(ART)
    if pfad.exists():
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        assert daten is None or isinstance(daten, list)
