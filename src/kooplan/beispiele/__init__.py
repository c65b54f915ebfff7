"""The bundled worked examples (BEISPIELE.md) as contract cases with their expected results.

Each line of ``beispiele.jsonl`` is a case of the contract; its ``x_beispiel`` field (ignored by
the loader, as every ``x_`` field) holds the example's number, Anliegen (one or a list),
Stichtag, optional ``faellig`` and the expected result. The same file serves ``kooplan demo``,
the docs and the tests.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import attrs

__all__ = ["Beispiel", "abweichungen", "beispiele", "beispiele_text"]


@attrs.frozen
class Beispiel:
    nr: str
    titel: str
    fall: dict[str, Any] = attrs.field(eq=False)
    anliegen: tuple[str, ...]
    stichtag: dt.date
    faellig: dt.date | None
    erwartet: dict[str, Any] = attrs.field(eq=False)


def beispiele_text() -> str:
    """The raw JSON Lines of the bundled examples."""
    return resources.files(__name__).joinpath("beispiele.jsonl").read_text(encoding="utf-8")


def beispiele() -> Iterator[Beispiel]:
    for zeile in beispiele_text().splitlines():
        if not zeile.strip():
            continue
        fall = json.loads(zeile)
        b = fall["x_beispiel"]
        anliegen = b["anliegen"]
        yield Beispiel(
            nr=b["nr"],
            titel=b.get("titel", ""),
            fall=fall,
            anliegen=tuple(anliegen) if isinstance(anliegen, list) else (anliegen,),
            stichtag=dt.date.fromisoformat(b["stichtag"]),
            faellig=dt.date.fromisoformat(b["faellig"]) if b.get("faellig") else None,
            erwartet=b["erwartet"],
        )


def abweichungen(ergebnis: dict[str, Any], erwartet: dict[str, Any]) -> list[str]:
    """Where a contract result (decision or error object) departs from the expectation.

    ``zitiert`` means: some reason's norm starts with each given text; ``hinweise``: each given
    code is among the result's notes. Every other key must be equal.
    """
    out: list[str] = []
    for key, soll in erwartet.items():
        if key == "rechtsfolgen":
            out += _folgen_abweichungen(ergebnis.get("rechtsfolgen"), soll, "rechtsfolgen")
        elif key == "zitiert":
            normen = [g["norm"] for g in ergebnis.get("gruende", [])]
            for z in soll:
                if not any(n.startswith(z) for n in normen):
                    out.append(f"zitiert nicht {z!r} (Normen: {normen})")
        elif key == "hinweise":
            codes = [h["code"] for h in ergebnis.get("hinweise", [])]
            for c in soll:
                if c not in codes:
                    out.append(f"Hinweis {c!r} fehlt")
        elif ergebnis.get(key, "<fehlt>") != soll:
            out.append(f"{key}: erwartet {soll!r}, erhalten {ergebnis.get(key, '<fehlt>')!r}")
    return out


def _folgen_abweichungen(ist: Any, soll: dict[str, Any], wo: str) -> list[str]:
    """``rechtsfolgen`` expectations: the given keys only; ``norm`` as a prefix; lists of
    ``alternativen``/``folgestufen`` element by element."""
    if not isinstance(ist, dict):
        return [f"{wo} fehlt"]
    out: list[str] = []
    for key, wert in soll.items():
        if key == "norm":
            if not str(ist.get("norm", "")).startswith(wert):
                out.append(f"{wo}.norm beginnt nicht mit {wert!r}")
        elif key in ("alternativen", "folgestufen"):
            liste = ist.get(key, [])
            if len(liste) != len(wert):
                out.append(f"{wo}.{key}: erwartet {len(wert)}, erhalten {len(liste)}")
            for i, (a, b) in enumerate(zip(liste, wert, strict=False)):
                out += _folgen_abweichungen(a, b, f"{wo}.{key}[{i}]")
        elif ist.get(key, "<fehlt>") != wert:
            out.append(f"{wo}.{key}: erwartet {wert!r}, erhalten {ist.get(key, '<fehlt>')!r}")
    return out
