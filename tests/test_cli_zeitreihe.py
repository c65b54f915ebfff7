"""``kooplan entscheide --stichtage``: a panel on the command line.

Every line must be byte for byte the line that a run with ``--stichtag`` for that day writes,
case after case and, per case, the Stichtage in their order.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from kooplan.cli import main

DATEN = Path(__file__).parent / "daten"
GEMISCHT = DATEN / "gemischt.jsonl"
VERTRAG = DATEN / "vertrag_beispiel.json"
ANLIEGEN = "eigenbemuehungen"


def _lauf(*argv: Any, stdin: bytes | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    alt = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), "utf-8")
    try:
        rc = main([str(a) for a in argv], out, err)
    finally:
        sys.stdin = alt
    return rc, out.getvalue(), err.getvalue()


def _einzeln(datei: Path, tage: list[str], *extra: str) -> list[str]:
    """The lines of one ``--stichtag`` run per day, put case by case, Stichtag by Stichtag."""
    laeufe = []
    for tag in tage:
        _, out, _ = _lauf("entscheide", datei, "--anliegen", ANLIEGEN, "--stichtag", tag, *extra)
        laeufe.append(out.splitlines(keepends=True))
    assert len({len(zeilen) for zeilen in laeufe}) == 1
    return [laeufe[k][i] for i in range(len(laeufe[0])) for k in range(len(tage))]


TAGE = ["2023-12-31", "2024-03-01", "2024-03-02", "2025-06-30", "2026-07-01"]


@pytest.mark.parametrize("datei", [GEMISCHT, VERTRAG], ids=["jsonl", "json"])
def test_panel_lines_equal_separate_runs_byte_for_byte(datei):
    rc, out, err = _lauf("entscheide", datei, "--anliegen", ANLIEGEN, "--stichtage", ",".join(TAGE))
    erwartet = _einzeln(datei, TAGE)
    assert out.splitlines(keepends=True) == erwartet
    assert out == "".join(erwartet)
    hat_fehler = any('"schema": "kooplan/fehler/1"' in z for z in erwartet)
    assert rc == (1 if hat_fehler else 0)
    if hat_fehler:  # the summary counts lines, one per case and Stichtag
        assert err.startswith(f"kooplan: {len(erwartet)} Zeilen, ")
    else:
        assert err == ""


def test_panel_with_two_jobs_writes_the_same_bytes():
    argv = ["entscheide", GEMISCHT, "--anliegen", ANLIEGEN, "--stichtage", ",".join(TAGE)]
    _, eins, _ = _lauf(*argv)
    _, zwei, _ = _lauf(*argv, "--jobs", "2")
    assert zwei == eins
    assert eins.count("\n") == 13 * len(TAGE)  # gemischt.jsonl has 13 lines


def test_panel_from_stdin_is_read_as_json_lines():
    argv = ["entscheide", "-", "--anliegen", ANLIEGEN, "--stichtage", ",".join(TAGE)]
    _, out, _ = _lauf(*argv, stdin=GEMISCHT.read_bytes())
    assert out == "".join(_einzeln(GEMISCHT, TAGE))


def test_month_range_means_every_month_end():
    # the last day of each month; 2024 is a leap year, so February ends on the 29th
    monatsenden = ["2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31"]
    argv = ["entscheide", GEMISCHT, "--anliegen", ANLIEGEN, "--stichtage"]
    _, bereich, _ = _lauf(*argv, "2023-11..2024-03")
    _, liste, _ = _lauf(*argv, ",".join(monatsenden))
    assert bereich == liste
    assert bereich == "".join(_einzeln(GEMISCHT, monatsenden))
    _, ein_monat, _ = _lauf(*argv, "2024-02..2024-02")
    assert ein_monat == "".join(_einzeln(GEMISCHT, ["2024-02-29"]))


@pytest.mark.parametrize(
    ("extra", "meldung"),
    [
        (
            ["--stichtage", "2024-03-01,2024-02-01"],
            "Argument --stichtage: die Stichtage müssen aufsteigen, jeder nur einmal: "
            "01.02.2024 folgt auf 01.03.2024",
        ),
        (
            ["--stichtage", "2024-03-01,2024-03-01"],
            "Argument --stichtage: die Stichtage müssen aufsteigen, jeder nur einmal: "
            "01.03.2024 folgt auf 01.03.2024",
        ),
        (
            ["--stichtage", "2024-03-01,2024-02-30"],
            "Argument --stichtage: kein gültiger Kalendertag: '2024-02-30'",
        ),
        (
            ["--stichtage", "2024-03-01,"],
            "Argument --stichtage: kein Datum der Form JJJJ-MM-TT: ''",
        ),
        (
            ["--stichtage", "2024-13..2025-01"],
            "Argument --stichtage: kein Monat der Form JJJJ-MM: '2024-13'",
        ),
        (
            ["--stichtage", "2024-1..2025-01"],
            "Argument --stichtage: kein Monat der Form JJJJ-MM: '2024-1'",
        ),
        (
            ["--stichtage", "2024-03..2024-02"],
            "Argument --stichtage: der letzte Monat liegt vor dem ersten: '2024-03..2024-02'",
        ),
        (
            ["--stichtage", "2099-11..2100-01"],
            "Argument --stichtage: Tag außerhalb von 01.01.1900 bis 31.12.2099: '2100-01-31'",
        ),
        (
            ["--stichtage", "2024-01..2024-02", "--stichtag", "2024-01-31"],
            "--stichtag gibt es nicht mit --stichtage.",
        ),
        (
            ["--stichtage", "2024-01..2024-02", "--faellig", "2024-03-31"],
            "--faellig gibt es nicht mit --stichtage.",
        ),
        (
            ["--stichtage", "2024-01..2024-02", "--anfragen"],
            "--anfragen gibt es nicht mit --stichtage.",
        ),
    ],
)
def test_bad_stichtage_arguments_exit_2_with_a_german_message(extra, meldung):
    rc, out, err = _lauf("entscheide", GEMISCHT, "--anliegen", ANLIEGEN, *extra)
    assert rc == 2
    assert out == ""
    assert err.splitlines()[-1] == f"kooplan: Fehler: {meldung}"


def test_stichtage_without_anliegen_exits_2():
    rc, out, err = _lauf("entscheide", GEMISCHT, "--stichtage", "2024-01..2024-02")
    assert (rc, out) == (2, "")
    assert err.splitlines()[-1] == "kooplan: Fehler: diese Argumente fehlen: --anliegen"
