"""The state machine as a Mermaid `stateDiagram-v2`, generated from the transition table.

Only transitions that change the phase are drawn (with the conditions that decide them); rows
that leave the phase unchanged are listed in the docs' table instead, to keep the picture legible.
"""

from __future__ import annotations

from kooplan.motor.phasen import PHASEN_TEXT, UEBERGAENGE, Phase, Ziel

__all__ = ["Diagramm", "diagramm", "mermaid"]


class Diagramm(str):
    """The Mermaid text, shown as a diagram in notebooks that render Mermaid in Markdown
    (JupyterLab 4.1 and later)."""

    __slots__ = ()

    def _repr_markdown_(self) -> str:
        return f"```mermaid\n{self}\n```"


def diagramm() -> Diagramm:
    """The state machine as a displayable object (`kooplan.oberflaechen.diagramm.diagramm()` in a notebook)."""
    return Diagramm(mermaid())


def _label(ausloeser: str, bedingung: str | None) -> str:
    text = ausloeser.replace("zeit:", "Zeit ")
    if bedingung:
        text += f" [{bedingung}]"
    return text.replace(":", " ")


def mermaid() -> str:
    """The diagram as Mermaid text.

    Examples:
        >>> print(mermaid().splitlines()[0])
        stateDiagram-v2
    """
    zeilen = ["stateDiagram-v2", "    [*] --> erstkontakt"]
    for ph in Phase:
        zeilen.append(f'    state "{ph.value}: {PHASEN_TEXT[ph]}" as {ph.value}')
    kanten: dict[tuple[str, str], list[str]] = {}
    for row in UEBERGAENGE:
        for von in sorted(row.von, key=lambda p: list(Phase).index(p)):
            if isinstance(row.nach, Phase):
                if row.nach is von:
                    continue
                nach = row.nach
            elif row.nach is Ziel.KOOPERATION_WENN_NICHTS_OFFEN and von is not Phase.KOOPERATION:
                nach = Phase.KOOPERATION
            else:
                continue
            bed = row.bedingung.value if row.bedingung else None
            if row.nach is Ziel.KOOPERATION_WENN_NICHTS_OFFEN:
                bed = "nichts mehr offen"
            for a in row.ausloeser:
                kanten.setdefault((von.value, nach.value), []).append(_label(a, bed))
    for (start, ziel), labels in kanten.items():
        zeilen.append(f"    {start} --> {ziel}: {' / '.join(dict.fromkeys(labels))}")
    zeilen.append("    note right of schlichtung: nur Regime B (bis 30.6.2026)")
    return "\n".join(zeilen)


def seite() -> str:
    """The docs page `docs/diagramm.md` (generated: `python -m kooplan.diagramm`)."""
    return (
        "# State diagram\n\n"
        "Generated from the transition table by `python -m kooplan.diagramm`; do not edit by "
        "hand. The phases of a case and the events that move it from one to another; "
        "[the domain rules](fachliches.md#3-phases-and-transitions) explain them. Only "
        "transitions that change the phase are drawn; rows that leave it unchanged are in the "
        "[rule catalogue](regeln.md#transitions). A label names the event art, with its "
        "condition in brackets (kooplan's German wording); `Zeit …` marks a time-driven step "
        "(`vier_wochen`: the Schlichtung's four weeks have run; `aufhebung_15a`: the Schlichtung "
        "was repealed on 1.7.2026). Schlichtung exists only in regime B (until 30.6.2026). "
        "`kooplan diagramm` prints the same Mermaid text.\n\n"
        f"```mermaid\n{mermaid()}\n```\n"
    )


if __name__ == "__main__":  # pragma: no cover
    print(seite(), end="")
