"""Data-driven scenarios for the Rechtsfolgen: what a Rechtsfolgenbelehrung must announce.

Each ``tests/rechtsfolgen/*.yaml`` file lists cases a lawyer can read and extend. Files whose name
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

Every expected value was derived by hand from docs/fachliches.md sections 2, 6, 8, docs/vertrag.md,
the worked examples (docs/beispiele.md) and the statute texts in ``kooplan/gesetzestexte/``, never copied from the library's output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
import yaml

import kooplan
import szenarien_yaml
from faelle_bau import FEHLERCODES
from kooplan.vertrag import entscheidung_als_dict, fall_aus_objekt

VERZEICHNIS = Path(__file__).parent / "rechtsfolgen"
MINDESTZAHL_FRAGEN = 80
RECHTSSTAENDE = ("2023-07", "2024-03", "2026-03", "2026-04", "2026-07")
B_RECHTSSTAENDE = RECHTSSTAENDE[:4]

FALL_SCHLUESSEL = (
    "geburtsdatum",
    "regelbedarfsstufe",
    "land",
    "bewilligungszeitraum_ende",
    "bekanntgabe",
)
SZENARIO_SCHLUESSEL = szenarien_yaml.SZENARIO_PFLICHT | set(FALL_SCHLUESSEL)
ERWARTET_ENTSCHEIDUNG = frozenset(
    {"phase", "modus", "rechtsstand", "regel", "hinweise", "keine_hinweise", "rechtsfolgen"}
)
ERWARTET_FEHLER = frozenset({"fehler", "ort"})
ERWARTET_SCHLUESSEL = ERWARTET_ENTSCHEIDUNG | ERWARTET_FEHLER
RF_SCHLUESSEL = frozenset(
    {
        "rechtsstand",
        "prozent",
        "monate",
        "norm",
        "betrag_euro",
        "gedeckelt",
        "entzug_regelbedarf",
        "nicht_erreichbar",
        "folgestufen",
        "alternativen",
        "beginn_fruehestens",
        "feststellung_bis",
        "bausteine",
        "keine_bausteine",
        "text_enthaelt",
    }
)


@attrs.frozen
class Frage(szenarien_yaml.Frage):
    """One question of one scenario of one file; its id cuts the title at 50 characters and ends
    with the Fälligkeit when one is given."""

    slug_laenge: ClassVar[int] = 50
    faellig_im_id: ClassVar[bool] = True


FRAGEN = szenarien_yaml.fragen(VERZEICHNIS, Frage)


def _dateien() -> list[Path]:
    return szenarien_yaml.dateien(VERZEICHNIS)


def _fall_objekt(fr: Frage) -> dict[str, Any]:
    return szenarien_yaml.fall_objekt(fr, "RF", FALL_SCHLUESSEL)


def _nicht_angekuendigt(wert: Any) -> bool:
    return wert is None or wert is False


def pruefe_rechtsfolge(ist: dict[str, Any], soll: dict[str, Any], wo: str) -> None:
    """Compare one ``rechtsfolgen`` object (or a nested stage) with its expectation."""
    if "rechtsstand" in soll:
        assert ist["rechtsstand"] == soll["rechtsstand"], (wo, "rechtsstand", ist["rechtsstand"])
    if "prozent" in soll:
        assert ist["minderung_prozent"] == soll["prozent"], (wo, "prozent", ist)
    if "monate" in soll:
        assert ist["monate"] == soll["monate"], (wo, "monate", ist)
    if "norm" in soll:
        assert ist["norm"].startswith(soll["norm"]), (wo, "norm", ist["norm"])
    if "betrag_euro" in soll:
        if soll["betrag_euro"] is None:
            assert "betrag_euro" not in ist, (wo, "betrag_euro", ist.get("betrag_euro"))
        else:
            assert "betrag_euro" in ist, (wo, "betrag_euro fehlt")
            assert round(ist["betrag_euro"], 2) == round(float(soll["betrag_euro"]), 2), (
                wo,
                "betrag_euro",
                ist["betrag_euro"],
            )
    if "gedeckelt" in soll:
        wert = ist.get("minderung_prozent_gedeckelt")
        assert wert == soll["gedeckelt"], (wo, "minderung_prozent_gedeckelt", wert)
    for key in ("entzug_regelbedarf", "nicht_erreichbar"):
        if key in soll:
            wert = ist.get(key)
            if soll[key]:
                assert wert is True, (wo, key, wert)
            else:
                assert _nicht_angekuendigt(wert), (wo, key, wert)
    for key in ("beginn_fruehestens", "feststellung_bis"):
        if key in soll:
            erwartet = None if soll[key] is None else soll[key].isoformat()
            assert ist.get(key) == erwartet, (wo, key, ist.get(key))
    arten = [b["art"] for b in ist.get("bausteine", [])]
    for art in soll.get("bausteine", []):
        assert art in arten, (wo, "baustein fehlt", art, arten)
    for art in soll.get("keine_bausteine", []):
        assert art not in arten, (wo, "baustein unerwartet", art, arten)
    for teil in soll.get("text_enthaelt", []):
        assert teil in ist["text"], (wo, "text", teil, ist["text"])
    for key in ("folgestufen", "alternativen"):
        if key in soll:
            liste = ist.get(key) or []
            erwartet = soll[key]
            assert len(liste) == len(erwartet), (wo, key, len(liste), liste)
            for i, (a, b) in enumerate(zip(liste, erwartet, strict=True)):
                pruefe_rechtsfolge(a, b, f"{wo}.{key}[{i}]")


@pytest.mark.parametrize("fr", FRAGEN, ids=[fr.id for fr in FRAGEN])
def test_rechtsfolge(fr: Frage) -> None:
    soll = fr.erwartet
    f = fr.frage
    try:
        fall = fall_aus_objekt(_fall_objekt(fr))
        e = kooplan.entscheide(
            fall, f["anliegen"], f["stichtag"], f.get("faellig"), szenarien_yaml.policy(fr)
        )
    except kooplan.KooplanError as err:
        szenarien_yaml.pruefe_fehler(err, soll)
        return
    assert "fehler" not in soll, f"erwartet war der Fehler {soll['fehler']}"
    r = entscheidung_als_dict(e)
    # docs/vertrag.md: rechtsfolgen is present exactly when rfb is true.
    assert ("rechtsfolgen" in r) is r["rfb"], r["modus"]
    for key in ("phase", "modus", "rechtsstand"):
        if key in soll:
            assert r[key] == soll[key], (key, r[key])
    if "regel" in soll:
        assert r["gruende"][0]["regel"] == soll["regel"]
    codes = [h["code"] for h in r["hinweise"]]
    for c in soll.get("hinweise", []):
        assert c in codes, (c, codes)
    for c in soll.get("keine_hinweise", []):
        assert c not in codes, (c, codes)
    if "rechtsfolgen" in soll:
        if soll["rechtsfolgen"] is None:
            assert "rechtsfolgen" not in r, r.get("rechtsfolgen")
        else:
            assert "rechtsfolgen" in r, f"keine Rechtsfolgen bei modus {r['modus']}"
            pruefe_rechtsfolge(r["rechtsfolgen"], soll["rechtsfolgen"], "rechtsfolgen")


# -- the scenario files themselves --------------------------------------------------------------


def test_dateien_vorhanden() -> None:
    assert len(_dateien()) >= 5, [p.name for p in _dateien()]


def test_mindestumfang() -> None:
    assert len(FRAGEN) >= MINDESTZAHL_FRAGEN, len(FRAGEN)


def test_ids_eindeutig() -> None:
    ids = [fr.id for fr in FRAGEN]
    doppelt = sorted({i for i in ids if ids.count(i) > 1})
    assert not doppelt, doppelt


def _pruefe_rf_format(soll: Any, wo: str) -> None:
    assert isinstance(soll, dict) and soll, wo
    assert set(soll) <= RF_SCHLUESSEL, (wo, set(soll) - RF_SCHLUESSEL)
    if "rechtsstand" in soll:
        assert soll["rechtsstand"] in RECHTSSTAENDE, (wo, soll["rechtsstand"])
    for key in ("prozent", "monate"):
        if key in soll:
            assert isinstance(soll[key], int) and not isinstance(soll[key], bool), (wo, key)
    if "norm" in soll:
        assert isinstance(soll["norm"], str) and soll["norm"].startswith("§"), (wo, "norm")
    if soll.get("betrag_euro") is not None:
        assert isinstance(soll["betrag_euro"], (int, float)), (wo, "betrag_euro")
    if soll.get("gedeckelt") is not None:
        assert isinstance(soll["gedeckelt"], int), (wo, "gedeckelt")
    for key in ("entzug_regelbedarf", "nicht_erreichbar"):
        if key in soll:
            assert isinstance(soll[key], bool), (wo, key)
    for key in ("folgestufen", "alternativen"):
        if key in soll:
            assert isinstance(soll[key], list), (wo, key)
            for i, s in enumerate(soll[key]):
                _pruefe_rf_format(s, f"{wo}.{key}[{i}]")


@pytest.mark.parametrize("pfad", _dateien(), ids=lambda p: p.name)
def test_format_und_namen(pfad: Path) -> None:
    """Typos in the YAML must not silently weaken a test: keys and names are checked."""
    regeln = {r.id for r in kooplan.REGELN}
    phasen = {p.value for p in kooplan.Phase}
    modi = {m.value for m in kooplan.Modus}
    anliegen = {a.value for a in kooplan.Anliegen}
    for nr, sz in enumerate(szenarien_yaml.laden(pfad), start=1):
        wo = f"{pfad.name} Szenario {nr}"
        szenarien_yaml.pruefe_szenario_kopf(sz, wo, SZENARIO_SCHLUESSEL)
        for j, fr in enumerate(sz["fragen"], start=1):
            wo_f = f"{wo} Frage {j}"
            szenarien_yaml.pruefe_frage_kopf(fr, wo_f)
            assert fr["anliegen"] in anliegen, wo_f
            soll = fr["erwartet"]
            assert isinstance(soll, dict) and soll, wo_f
            assert set(soll) <= ERWARTET_SCHLUESSEL, (wo_f, set(soll) - ERWARTET_SCHLUESSEL)
            if "fehler" in soll:
                assert soll["fehler"] in FEHLERCODES, wo_f
                assert not set(soll) & ERWARTET_ENTSCHEIDUNG, wo_f
            else:
                assert "ort" not in soll, wo_f
            assert soll.get("phase", "erstkontakt") in phasen, wo_f
            assert soll.get("modus", "ohne_rfb") in modi, wo_f
            assert soll.get("rechtsstand", "2023-07") in RECHTSSTAENDE, wo_f
            assert soll.get("regel", "b.kooperation") in regeln, wo_f
            for c in [*soll.get("hinweise", []), *soll.get("keine_hinweise", [])]:
                assert c in kooplan.HINWEISE, (wo_f, c)
            if soll.get("rechtsfolgen") is not None:
                _pruefe_rf_format(soll["rechtsfolgen"], f"{wo_f} rechtsfolgen")


def test_abweichungen_werden_nicht_geladen_sind_aber_lesbar() -> None:
    pfad = VERZEICHNIS / "_abweichungen.yaml"
    assert pfad not in _dateien()
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
        einladung = fr.frage["anliegen"] == "einladung"
        return rf.get("rechtsstand") == rs and einladung is (art == "meldeversaeumnis")

    assert _abgedeckt(passt)


@pytest.mark.parametrize("rs", B_RECHTSSTAENDE)
@pytest.mark.parametrize(("prozent", "monate"), [(10, 1), (20, 2), (30, 3)])
def test_jede_stufe_in_jedem_b_rechtsstand(rs: str, prozent: int, monate: int) -> None:
    """§ 31a Abs. 1 Satz 1–3, § 31b Abs. 2 a.F.: steps 1, 2 and 3 under every B Rechtsstand."""
    assert _abgedeckt(
        lambda fr, rf: (
            fr.frage["anliegen"] != "einladung"
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
            fr.frage["anliegen"] == "vermittlungsvorschlag"
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
