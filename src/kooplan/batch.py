"""Deciding a whole case load: streaming, in input order, errors as values, on several processes.

The old import path; the code lives in `kooplan.oberflaechen.batch`."""

from kooplan.oberflaechen.batch import (
    CHUNK,
    CHUNK_BYTES,
    Auftrag,
    Eingabe,
    Ergebnis,
    Policies,
    Zeitreihenauftrag,
    Zeitreihenergebnis,
    entscheide_alle,
    entscheide_anfragen,
    entscheide_jsonl,
    entscheide_zeitreihe,
    entscheide_zeitreihe_jsonl,
    monatsenden,
    verfuegbare_cpus,
)

__all__ = [
    "CHUNK",
    "CHUNK_BYTES",
    "Auftrag",
    "Eingabe",
    "Ergebnis",
    "Policies",
    "Zeitreihenauftrag",
    "Zeitreihenergebnis",
    "entscheide_alle",
    "entscheide_anfragen",
    "entscheide_jsonl",
    "entscheide_zeitreihe",
    "entscheide_zeitreihe_jsonl",
    "monatsenden",
    "verfuegbare_cpus",
]
