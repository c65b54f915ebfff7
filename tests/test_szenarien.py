"""Data-driven scenarios: each ``tests/szenarien/*.yaml`` file lists cases a lawyer can read.

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
``ort`` (the error's JSON path).

Every expected value was derived by hand from docs/fachliches.md, docs/vertrag.md, the worked examples (docs/beispiele.md) and the
statute texts, never copied from the library's output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
import yaml

import kooplan
import szenarien_yaml
from faelle_bau import FEHLERCODES
from kooplan.vertrag import entscheidung_als_dict, fall_aus_objekt

VERZEICHNIS = Path(__file__).parent / "szenarien"
MINDESTZAHL_FRAGEN = 120

SZENARIO_SCHLUESSEL = szenarien_yaml.SZENARIO_PFLICHT | {"geburtsdatum", "regelbedarfsstufe"}
ERWARTET_ENTSCHEIDUNG = frozenset(
    {
        "phase",
        "modus",
        "rechtsstand",
        "regel",
        "zitiert",
        "hinweise",
        "keine_hinweise",
        "naechste_ueberpruefung",
        "ueberpruefung_ueberfaellig",
    }
)
ERWARTET_FEHLER = frozenset({"fehler", "ort"})
ERWARTET_SCHLUESSEL = ERWARTET_ENTSCHEIDUNG | ERWARTET_FEHLER | {"uebergaenge"}


@attrs.frozen
class Frage(szenarien_yaml.Frage):
    """One question of one scenario of one file; its id cuts the title at 60 characters."""

    slug_laenge: ClassVar[int] = 60
    faellig_im_id: ClassVar[bool] = False


FRAGEN = szenarien_yaml.fragen(VERZEICHNIS, Frage)


def _dateien() -> list[Path]:
    return szenarien_yaml.dateien(VERZEICHNIS)


def _fall_objekt(fr: Frage) -> dict[str, Any]:
    return szenarien_yaml.fall_objekt(fr, "SZ", ("geburtsdatum", "regelbedarfsstufe"))


def _als_text(wert: Any) -> Any:
    return wert.isoformat() if isinstance(wert, dt.date) else wert


def _verlauf_regeln(fall: kooplan.Fall, stichtag: dt.date) -> set[str]:
    return {s.regel.id for s in kooplan.verlauf(fall, stichtag)}


@pytest.mark.parametrize("fr", FRAGEN, ids=[fr.id for fr in FRAGEN])
def test_szenario(fr: Frage) -> None:
    soll = fr.erwartet
    f = fr.frage
    stichtag = f["stichtag"]
    try:
        fall = fall_aus_objekt(_fall_objekt(fr))
        e = kooplan.entscheide(
            fall, f["anliegen"], stichtag, f.get("faellig"), szenarien_yaml.policy(fr)
        )
    except kooplan.KooplanError as err:
        szenarien_yaml.pruefe_fehler(err, soll)
        return
    assert "fehler" not in soll, f"erwartet war der Fehler {soll['fehler']}"
    r = entscheidung_als_dict(e)
    assert r["schema"] == "kooplan/entscheidung/1"
    assert r["rfb"] is (r["modus"] != "ohne_rfb")
    for key in (
        "phase",
        "modus",
        "rechtsstand",
        "naechste_ueberpruefung",
        "ueberpruefung_ueberfaellig",
    ):
        if key in soll:
            assert r[key] == _als_text(soll[key]), key
    if "regel" in soll:
        assert r["gruende"][0]["regel"] == soll["regel"]
    normen = [g["norm"] for g in r["gruende"]]
    for z in soll.get("zitiert", []):
        assert any(n.startswith(z) for n in normen), (z, normen)
    codes = [h["code"] for h in r["hinweise"]]
    for c in soll.get("hinweise", []):
        assert c in codes, (c, codes)
    for c in soll.get("keine_hinweise", []):
        assert c not in codes, (c, codes)
    if "uebergaenge" in soll:
        genommen = _verlauf_regeln(fall, stichtag)
        for u in soll["uebergaenge"]:
            assert u in genommen, (u, sorted(genommen))


# -- the scenario files themselves --------------------------------------------------------------


def test_szenariodateien_vorhanden() -> None:
    namen = {p.stem for p in _dateien()}
    assert len(namen) >= 8, namen
    assert all(not n.startswith("_") for n in namen)


def test_mindestumfang() -> None:
    assert len(FRAGEN) >= MINDESTZAHL_FRAGEN, len(FRAGEN)


def test_ids_eindeutig() -> None:
    ids = [fr.id for fr in FRAGEN]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("pfad", _dateien(), ids=lambda p: p.name)
def test_format_und_namen(pfad: Path) -> None:
    """Typos in the YAML must not silently weaken a test: keys and names are checked."""
    regeln = {r.id for r in kooplan.REGELN}
    uebergaenge = {u.id for u in kooplan.UEBERGAENGE}
    phasen = {p.value for p in kooplan.Phase}
    modi = {m.value for m in kooplan.Modus}
    anliegen = {a.value for a in kooplan.Anliegen}
    rechtsstaende = {r.id for r in kooplan.RECHTSSTAENDE}
    for nr, sz in enumerate(szenarien_yaml.laden(pfad), start=1):
        wo = f"{pfad.name} Szenario {nr}"
        szenarien_yaml.pruefe_szenario_kopf(sz, wo, SZENARIO_SCHLUESSEL)
        for j, fr in enumerate(sz["fragen"], start=1):
            wo_f = f"{wo} Frage {j}"
            szenarien_yaml.pruefe_frage_kopf(fr, wo_f)
            soll = fr["erwartet"]
            assert isinstance(soll, dict) and soll, wo_f
            assert set(soll) <= ERWARTET_SCHLUESSEL, (wo_f, set(soll) - ERWARTET_SCHLUESSEL)
            if "fehler" in soll:
                assert soll["fehler"] in FEHLERCODES, wo_f
                assert not set(soll) & (ERWARTET_ENTSCHEIDUNG | {"uebergaenge"}), wo_f
            else:
                assert "ort" not in soll, wo_f
                assert fr["anliegen"] in anliegen, wo_f
            assert soll.get("phase", "erstkontakt") in phasen, wo_f
            assert soll.get("modus", "ohne_rfb") in modi, wo_f
            assert soll.get("rechtsstand", "2023-07") in rechtsstaende, wo_f
            assert soll.get("regel", "b.kooperation") in regeln, wo_f
            for c in [*soll.get("hinweise", []), *soll.get("keine_hinweise", [])]:
                assert c in kooplan.HINWEISE, (wo_f, c)
            for u in soll.get("uebergaenge", []):
                assert u in uebergaenge, (wo_f, u)
            for z in soll.get("zitiert", []):
                assert isinstance(z, str) and z.startswith("§"), (wo_f, z)


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
        try:
            fall = fall_aus_objekt(_fall_objekt(fr))
            genommen |= _verlauf_regeln(fall, fr.frage["stichtag"])
        except kooplan.KooplanError:
            continue
    fehlend = {u.id for u in kooplan.UEBERGAENGE} - genommen
    assert not fehlend, sorted(fehlend)


def test_abweichungen_werden_nicht_geladen_sind_aber_lesbar() -> None:
    pfad = VERZEICHNIS / "_abweichungen.yaml"
    assert pfad not in _dateien()
    if pfad.exists():
        daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
        assert daten is None or isinstance(daten, list)
