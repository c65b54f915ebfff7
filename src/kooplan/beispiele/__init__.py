"""The bundled worked examples as contract cases with their expected results.

Each line of `beispiele.jsonl` is a case of the contract; its `x_beispiel` field (ignored by the
loader, as every `x_` field) holds the example's number, title, an explanation, the Anliegen (one
or a list), the Stichtag, an optional `faellig` and the expected result. The same file serves
`kooplan demo`, the docs page `docs/beispiele.md` (`python -m kooplan.beispiele` writes it) and the
tests.

Imports: nothing (the examples are data; the module reading them uses the standard library).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import attrs

__all__ = ["Beispiel", "abweichungen", "beispiele", "beispiele_text", "seite"]


@attrs.frozen
class Beispiel:
    """One worked example: the case, what is asked, and what the decision must say."""

    nr: str
    """The example's number (`"8b"` for a variant of no. 8)."""
    titel: str
    """A short German title."""
    fall: dict[str, Any] = attrs.field(eq=False)
    """The case as the contract's JSON object (with its `x_beispiel` field)."""
    anliegen: tuple[str, ...]
    """The Anliegen asked for: one, or several that must all give the expected result."""
    stichtag: dt.date
    """The Stichtag of the decision."""
    faellig: dt.date | None
    """The due day, where the example gives one."""
    erwartet: dict[str, Any] = attrs.field(eq=False)
    """The expected result: keys of the decision (or error) object; see `abweichungen`."""
    erklaerung: str = ""
    """What the example shows, in English, with its norms."""


def beispiele_text() -> str:
    """The raw JSON Lines of the bundled examples."""
    return resources.files(__name__).joinpath("beispiele.jsonl").read_text(encoding="utf-8")


def beispiele() -> Iterator[Beispiel]:
    """The bundled examples, in the file's order."""
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
            erklaerung=b.get("erklaerung", ""),
        )


def abweichungen(ergebnis: dict[str, Any], erwartet: dict[str, Any]) -> list[str]:
    """Where a contract result (decision or error object) departs from the expectation.

    `zitiert` means: some reason's norm starts with each given text; `hinweise`: each given
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
    """`rechtsfolgen` expectations: the given keys only; `norm` as a prefix; lists of
    `alternativen`/`folgestufen` element by element."""
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


# -- the docs page ----------------------------------------------------------------------------------


def _erwartung(erwartet: dict[str, Any]) -> list[str]:
    """The expected result in words, one Markdown list item per key."""
    out: list[str] = []
    for key, wert in erwartet.items():
        if key == "zitiert":
            out.append("cites " + ", ".join(f"{n}" for n in wert))
        elif key == "hinweise":
            out.append("notes " + ", ".join(f"`{c}`" for c in wert))
        elif key == "rechtsfolgen":
            out.append("rechtsfolgen: " + _folgen(wert))
        else:
            out.append(f"`{key}`: `{json.dumps(wert, ensure_ascii=False)}`")
    return out


def _folgen(soll: dict[str, Any]) -> str:
    teile = []
    for key, wert in soll.items():
        if key in ("alternativen", "folgestufen"):
            teile.append(f"{key} [" + "; ".join(_folgen(w) for w in wert) + "]")
        elif key == "norm":
            teile.append(f"norm starting with {wert}")
        else:
            teile.append(f"`{key}` {json.dumps(wert, ensure_ascii=False)}")
    return ", ".join(teile)


def _fall_ohne_beispiel(fall: dict[str, Any]) -> str:
    obj = {k: v for k, v in fall.items() if k != "x_beispiel"}
    zeilen = ["{"]
    schluessel = list(obj)
    for i, k in enumerate(schluessel):
        komma = "," if i < len(schluessel) - 1 else ""
        if k == "ereignisse" and obj[k]:
            zeilen.append('  "ereignisse": [')
            for j, e in enumerate(obj[k]):
                zeilen.append(
                    "    "
                    + json.dumps(e, ensure_ascii=False)
                    + ("," if j < len(obj[k]) - 1 else "")
                )
            zeilen.append(f"  ]{komma}")
        else:
            zeilen.append(f"  {json.dumps(k)}: {json.dumps(obj[k], ensure_ascii=False)}{komma}")
    zeilen.append("}")
    return "\n".join(zeilen)


def seite() -> str:
    """The docs page of the worked examples (`docs/beispiele.md`), generated from the file."""
    alle = list(beispiele())
    z = [
        "# Worked examples",
        "",
        "Generated from the bundled example file (`kooplan/beispiele/beispiele.jsonl`) by "
        "`python -m kooplan.beispiele`; do not edit by hand. `kooplan demo` decides every "
        "example and marks whether it matches; the tests do the same, and the rule catalogue "
        "counts each example as a question for the rule it expects. Each case below is a case of "
        "the [contract](vertrag.md) as it stands (the file adds an `x_beispiel` field with the "
        "expectation, which the loader ignores); the titles are the file's German ones.",
        "",
        "An expectation names only what the example is about: *cites X* means that the norm of "
        "a reason starts with X, *notes* that each code is among the decision's notes; every "
        "other key must equal the decision's (or the error's) value.",
        "",
        "| no. | title | Anliegen | Stichtag | expected |",
        "|---|---|---|---|---|",
    ]
    for b in alle:
        kurz = ", ".join(
            f"`{b.erwartet[k]}`" for k in ("phase", "modus", "fehler") if k in b.erwartet
        ) or ", ".join(f"`{k}` {b.erwartet[k]}" for k in b.erwartet)
        z.append(
            f"| [{b.nr}](#nr-{b.nr}) | {b.titel} | {', '.join(f'`{a}`' for a in b.anliegen)} | "
            f"{b.stichtag.isoformat()} | {kurz or '–'} |"
        )
    for b in alle:
        z += ["", f"## {b.nr}. {b.titel} {{#nr-{b.nr}}}", ""]
        if b.erklaerung:
            z += [b.erklaerung, ""]
        gefragt = f"Anliegen {', '.join(f'`{a}`' for a in b.anliegen)}, Stichtag {b.stichtag}"
        if b.faellig is not None:
            gefragt += f", `faellig` {b.faellig}"
        if len(b.anliegen) > 1:
            gefragt += " (each of them gives the result)"
        z += [gefragt + ".", "", "```json", _fall_ohne_beispiel(b.fall), "```", ""]
        z.append("Expected:")
        z.append("")
        z += [f"- {e}" for e in _erwartung(b.erwartet)]
    return "\n".join(z) + "\n"
