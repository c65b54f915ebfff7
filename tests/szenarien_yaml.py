"""Shared machinery of the YAML scenario tests (``test_szenarien.py``, ``test_rechtsfolgen.py``).

Not a test module (its name does not start with ``test_``): it loads the scenario files of one
folder, names their questions, turns a scenario into a contract case object and checks an
expected error. What the two test files check differently stays in them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import attrs
import yaml

import kooplan

#: The keys every scenario has, and the keys a question may have.
SZENARIO_PFLICHT = frozenset({"titel", "quelle", "ereignisse", "fragen"})
FRAGE_SCHLUESSEL = frozenset({"anliegen", "stichtag", "faellig", "policy", "erwartet"})

UMLAUTE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def slug(text: str, laenge: int) -> str:
    """``text`` as an id part: umlauts spelled out, other runs of non-alphanumerics as ``_``."""
    s = re.sub(r"[^A-Za-z0-9]+", "_", text.translate(UMLAUTE)).strip("_")
    return s[:laenge].rstrip("_")


@attrs.frozen
class Frage:
    """One question of one scenario of one file.

    A subclass may cut the title shorter in the id (``slug_laenge``) or add the Fälligkeit to it
    (``faellig_im_id``).
    """

    slug_laenge: ClassVar[int] = 60
    faellig_im_id: ClassVar[bool] = False

    datei: str
    nr: int
    szenario: dict[str, Any]
    j: int
    frage: dict[str, Any]

    @property
    def titel(self) -> str:
        return str(self.szenario.get("titel", ""))

    @property
    def erwartet(self) -> dict[str, Any]:
        return dict(self.frage.get("erwartet") or {})

    @property
    def id(self) -> str:
        f = self.frage
        tag = f.get("stichtag")
        tag = tag.isoformat() if isinstance(tag, dt.date) else str(tag)
        bis = ""
        if self.faellig_im_id:
            faellig = f.get("faellig")
            bis = f"-{faellig.isoformat()}" if isinstance(faellig, dt.date) else ""
        return (
            f"{self.datei}-{self.nr:02d}-{slug(self.titel, self.slug_laenge)}-{self.j}-"
            f"{f.get('anliegen')}@{tag}{bis}"
        )


F = TypeVar("F", bound=Frage)


def dateien(verzeichnis: Path) -> list[Path]:
    """The scenario files of ``verzeichnis``; those whose name starts with ``_`` are left out."""
    return sorted(p for p in verzeichnis.glob("*.yaml") if not p.name.startswith("_"))


def laden(pfad: Path) -> list[dict[str, Any]]:
    daten = yaml.safe_load(pfad.read_text(encoding="utf-8"))
    assert isinstance(daten, list), f"{pfad.name}: erwartet wird eine Liste von Szenarien"
    return daten


def fragen(verzeichnis: Path, art: type[F]) -> list[F]:
    """Every question of every scenario file of ``verzeichnis``, as ``art``."""
    out = []
    for pfad in dateien(verzeichnis):
        for nr, sz in enumerate(laden(pfad), start=1):
            for j, fr in enumerate(sz.get("fragen") or [], start=1):
                out.append(art(pfad.stem, nr, sz, j, fr))
    return out


def iso(wert: Any) -> Any:
    """YAML dates (PyYAML makes ``date`` objects) as the contract's ISO strings, recursively."""
    if isinstance(wert, dt.datetime):
        raise AssertionError("Zeitpunkte sind im Vertrag nicht erlaubt; nur Tage")
    if isinstance(wert, dt.date):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {k: iso(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [iso(v) for v in wert]
    return wert


def fall_objekt(fr: Frage, praefix: str, fall_schluessel: Iterable[str]) -> dict[str, Any]:
    """The scenario of ``fr`` as a ``kooplan/fall/1`` object named ``{praefix}-{datei}-{nr}``."""
    sz = fr.szenario
    obj: dict[str, Any] = {"schema": "kooplan/fall/1", "fall": f"{praefix}-{fr.datei}-{fr.nr:02d}"}
    for key in fall_schluessel:
        if key in sz:
            obj[key] = iso(sz[key])
    obj["ereignisse"] = iso(sz.get("ereignisse") or [])
    return obj


def policy(fr: Frage) -> kooplan.Policy:
    p = fr.frage.get("policy")
    return kooplan.STANDARD if p is None else kooplan.Policy.aus_mapping(p)


def pruefe_fehler(err: kooplan.KooplanError, soll: dict[str, Any]) -> None:
    """An error was raised: it must be the expected one (``fehler``, and ``ort`` when given)."""
    assert "fehler" in soll, f"unerwarteter Fehler {err.code} (ort {err.ort}): {err.meldung}"
    assert err.code == soll["fehler"], err.meldung
    if "ort" in soll:
        assert err.ort == soll["ort"], err.meldung


def pruefe_szenario_kopf(sz: Any, wo: str, erlaubt: frozenset[str]) -> None:
    """The keys of one scenario (``erlaubt``: those it may have) and the types of its title,
    source, events and questions."""
    assert isinstance(sz, dict), wo
    assert set(sz) >= SZENARIO_PFLICHT, (wo, SZENARIO_PFLICHT - set(sz))
    assert set(sz) <= erlaubt, (wo, set(sz) - erlaubt)
    assert isinstance(sz["titel"], str) and sz["titel"], wo
    assert isinstance(sz["quelle"], str) and sz["quelle"], wo
    assert isinstance(sz["ereignisse"], list), wo
    assert sz["fragen"], wo


def pruefe_frage_kopf(fr: Any, wo: str) -> None:
    """The keys of one question and the types of its Stichtag and Fälligkeit."""
    assert set(fr) <= FRAGE_SCHLUESSEL, (wo, set(fr) - FRAGE_SCHLUESSEL)
    assert {"anliegen", "stichtag", "erwartet"} <= set(fr), wo
    assert isinstance(fr["stichtag"], dt.date), wo
    assert "faellig" not in fr or isinstance(fr["faellig"], dt.date), wo
