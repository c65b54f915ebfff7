"""What ``kooplan verlauf`` writes for a case: the table or the ``kooplan/verlauf/1`` line.

The command line and the HTTP service (``POST /v1/verlauf``) both write through `verlauf_ausgabe`,
so the two give the same bytes for the same input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kooplan.motor.phasen import verlauf
from kooplan.vertrag.ausgabe import fehler_als_dict, zeile
from kooplan.vertrag.laden import faelle_lesen, zeilen_lesen
from kooplan.werte.fall import Fall
from kooplan.werte.fehler import KooplanError

__all__ = ["faelle_aus_bytes", "tabelle", "verlauf_ausgabe"]


def tabelle(kopf: Sequence[str], zeilen: Sequence[Sequence[str]]) -> str:
    """A plain text table: a head, a rule of dashes, one line per row, columns padded."""
    breiten = [max(len(str(z[i])) for z in (kopf, *zeilen)) for i in range(len(kopf))]

    def fmt(z: Sequence[str]) -> str:
        return "  ".join(str(w).ljust(b) for w, b in zip(z, breiten, strict=True)).rstrip()

    linie = "  ".join("-" * b for b in breiten)
    return "\n".join([fmt(kopf), linie, *(fmt(z) for z in zeilen)])


def _als_json(fall: Fall, stichtag: dt.date, schritte: Sequence[Any]) -> str:
    return zeile(
        {
            "schema": "kooplan/verlauf/1",
            "fall": fall.fall,
            "stichtag": stichtag.isoformat(),
            "schritte": [
                {
                    "tag": s.tag.isoformat(),
                    "ausloeser": s.ausloeser,
                    "position": s.position,
                    "von": s.von.value,
                    "nach": s.nach.value,
                    "regel": s.regel.id,
                    "norm": s.norm,
                    "quelle": s.regel.quelle.value,
                    "text": s.regel.text,
                }
                for s in schritte
            ],
        }
    )


def _als_tabelle(fall: Fall, stichtag: dt.date, schritte: Sequence[Any]) -> str:
    kopf = ("Tag", "Auslöser", "von", "nach", "Norm")
    zeilen = [
        (f"{s.tag:%d.%m.%Y}", s.ausloeser, s.von.value, s.nach.value, s.norm or "–")
        for s in schritte
    ]
    return f"Fall {fall.fall}, Verlauf bis {stichtag:%d.%m.%Y}\n" + tabelle(kopf, zeilen)


def verlauf_ausgabe(
    faelle: Iterable[tuple[int | None, Fall | KooplanError]], stichtag: dt.date, *, json: bool
) -> Iterator[tuple[str, str | None]]:
    """For each case (as `kooplan.vertrag.laden.faelle_lesen` yields them) the text
    ``kooplan verlauf`` writes for it, its final newline included, and the error code
    (``None`` when the case had no error): the table, or with ``json`` the
    ``kooplan/verlauf/1`` line; an error as the ``kooplan/fehler/1`` line."""
    for nr, fall in faelle:
        try:
            if isinstance(fall, KooplanError):
                raise fall
            schritte = verlauf(fall, stichtag)
        except KooplanError as e:
            yield zeile(fehler_als_dict(e, nr)) + "\n", e.code
            continue
        if json:
            yield _als_json(fall, stichtag, schritte) + "\n", None
        else:
            yield _als_tabelle(fall, stichtag, schritte) + "\n", None


def faelle_aus_bytes(daten: bytes, format: str) -> Iterator[tuple[int | None, Fall | KooplanError]]:
    """The cases of an input held in memory, as ``kooplan verlauf`` reads a file: ``json`` one
    case, ``jsonl`` one case per line (numbered from 1)."""
    if format == "json":
        yield from faelle_lesen(daten, "json")
        return
    for nr, z in zeilen_lesen(daten):
        yield from ((nr, f) for _, f in faelle_lesen(z, "json"))
