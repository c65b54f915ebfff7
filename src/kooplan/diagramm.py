"""The state machine as a Mermaid `stateDiagram-v2`, generated from the transition table.

The old import path; the code lives in `kooplan.oberflaechen.diagramm`."""

from kooplan.oberflaechen.diagramm import (
    Diagramm,
    diagramm,
    mermaid,
)

__all__ = [
    "Diagramm",
    "diagramm",
    "mermaid",
]

if __name__ == "__main__":  # pragma: no cover
    from kooplan.oberflaechen.diagramm import seite

    print(seite(), end="")
