"""The command line (docs/vertrag.md, "Command line"; docs/fachliches.md sections 3–4 for the expected modes).

Most runs call ``kooplan.cli.main(argv, out, err)`` in-process; a few run the installed console
script and ``python -m kooplan`` as subprocesses, where the real standard streams, exit status
and encoding are visible.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from faelle_bau import (
    ENTSCHEIDUNG_SCHLUESSEL,
    FALL_ID,
    FEHLER_SCHLUESSEL,
    FEHLERCODES,
    GEB_FORMEN,
    GEBURTSDATUM,
)
from faelle_bau import json_orte as _orte
from kooplan.cli import main

DATEN = Path(__file__).parent / "daten"
GEMISCHT = DATEN / "gemischt.jsonl"
GUT = DATEN / "gut.jsonl"
VERTRAG = DATEN / "vertrag_beispiel.json"
POL_B = DATEN / "mitwirkung_eigenbemuehungen.jsonl"

GEHEIM = "GEHEIM-1234"

PHASEN = [
    "erstkontakt",
    "kooperation",
    "mitwirkung_eingefordert",
    "schlichtung",
    "ohne_plan",
    "beendet",
]

STICHTAG = "2024-03-01"
ANLIEGEN = "eigenbemuehungen"

#: gemischt.jsonl, line by line: (kind or error code, fall, ort or ..., phase, modus)
GEMISCHT_ERWARTET: list[tuple[str, str | None, Any, str | None, str | None]] = [
    ("entscheidung", "CLI-1", ..., "kooperation", "ohne_rfb"),  # plan made
    ("ungueltige_eingabe", None, ..., None, None),  # truncated JSON
    ("ungueltige_eingabe", None, ..., None, None),  # blank line
    ("ungueltige_eingabe", None, ..., None, None),  # a JSON array
    ("ungueltige_eingabe", None, ..., None, None),  # invalid UTF-8
    ("unzulaessiger_uebergang", "CLI-6", "ereignisse[1]", None, None),  # nothing was demanded
    ("ungueltige_eingabe", None, ..., None, None),  # whitespace only
    ("entscheidung", "CLI-8", ..., "erstkontakt", "ohne_rfb"),  # CRLF line end
    ("ungueltige_eingabe", "CLI-9", "fal", None, None),  # unknown key
    ("ungueltige_eingabe", None, ..., None, None),  # null
    ("ungueltige_eingabe", None, ..., None, None),  # a JSON string
    ("entscheidung", "CLI-12", ..., "ohne_plan", "mit_rfb"),  # B, ohne_plan: § 15 Abs. 6 a.F.
    ("leistungsbezug_beendet", "CLI-13", ..., None, None),
]


# -- helpers ---------------------------------------------------------------------------------


@dataclass
class Lauf:
    rc: int | None
    out: str
    err: str

    @property
    def zeilen(self) -> list[dict[str, Any]]:
        return [json.loads(z) for z in self.out.splitlines()]


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``main`` in-process; argparse's own exits count as exit status."""

    def run(*argv: Any, stdin: bytes | None = None) -> Lauf:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), "utf-8"))
        out, err = io.StringIO(), io.StringIO()
        try:
            rc = main([str(a) for a in argv], out, err)
        except SystemExit as e:
            rc = e.code
        cap = capsys.readouterr()
        return Lauf(rc, out.getvalue() + cap.out, err.getvalue() + cap.err)

    return run


def _skript() -> list[str]:
    pfad = shutil.which("kooplan", path=str(Path(sys.executable).parent))
    if pfad is None:  # pragma: no cover - the package installs it
        pytest.fail("console script 'kooplan' is not installed next to the interpreter")
    return [pfad]


@dataclass
class Prozess:
    rc: int
    out: bytes
    err: bytes


def prozess(
    *argv: Any, stdin: bytes = b"", modul: bool = False, cwd: Path | None = None
) -> Prozess:
    cmd = [sys.executable, "-m", "kooplan"] if modul else _skript()
    r = subprocess.run(
        [*cmd, *(str(a) for a in argv)],
        input=stdin,
        capture_output=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )
    return Prozess(r.returncode, r.stdout, r.stderr)


def entscheide(*extra: Any, datei: Any = GEMISCHT) -> list[Any]:
    return ["entscheide", datei, "--anliegen", ANLIEGEN, "--stichtag", STICHTAG, *extra]


def pruefe_zusammenfassung(err: str, zaehlung: dict[str, int]) -> None:
    """stderr holds only a summary by error code: each code with its count, nothing personal."""
    assert "Traceback" not in err
    assert err.strip(), "a summary is expected on standard error"
    assert len(err.strip().splitlines()) <= 5
    for code in FEHLERCODES:
        if code in zaehlung:
            n = zaehlung[code]
            assert re.search(rf"({code}\W{{0,3}}{n}\b|\b{n}\W{{0,3}}{code})", err), (code, err)
        else:
            assert code not in err, err
    assert "CLI-" not in err and "GUT-" not in err
    assert not any(g in err for g in GEB_FORMEN)
    assert GEHEIM not in err


def pruefe_zeile(obj: dict[str, Any], nr: int | None) -> None:
    """One output line as the contract says."""
    if obj["schema"] == "kooplan/entscheidung/1":
        assert [k for k in obj if k not in ("zeile", "rechtsfolgen")] == ENTSCHEIDUNG_SCHLUESSEL
        assert obj.get("zeile") == nr
        assert obj["rfb"] is (obj["modus"] != "ohne_rfb")
        assert obj["phase"] in PHASEN and len(obj["gruende"]) >= 1
    else:
        assert obj["schema"] == "kooplan/fehler/1", obj
        assert list(obj) == FEHLER_SCHLUESSEL
        assert obj["zeile"] == nr
        assert obj["fehler"] in FEHLERCODES
        assert isinstance(obj["meldung"], str) and obj["meldung"].strip()
        assert obj["ort"] is None or isinstance(obj["ort"], str)
    assert obj["fall"] is None or FALL_ID.fullmatch(obj["fall"]), obj["fall"]


def jsonl_zeilenzahl(daten: bytes) -> int:
    """Lines of a JSON Lines file: a final newline ends the last line."""
    if not daten:
        return 0
    return daten.count(b"\n") + (0 if daten.endswith(b"\n") else 1)


# -- entscheide: one output line per input line -------------------------------------------------


def _pruefe_gemischt(lauf_rc: int | None, out: str, err: str) -> None:
    assert lauf_rc == 1
    assert out.endswith("\n")
    zeilen = out.splitlines()
    assert len(zeilen) == len(GEMISCHT_ERWARTET) == jsonl_zeilenzahl(GEMISCHT.read_bytes())
    zaehlung: dict[str, int] = {}
    for nr, (text, (art, fall_id, ort, phase, modus)) in enumerate(
        zip(zeilen, GEMISCHT_ERWARTET, strict=True), start=1
    ):
        obj = json.loads(text)
        assert isinstance(obj, dict)
        pruefe_zeile(obj, nr)
        assert obj["fall"] == fall_id, (nr, obj)
        if art == "entscheidung":
            assert obj["schema"] == "kooplan/entscheidung/1", (nr, obj)
            assert obj["zeile"] == nr
            assert (obj["stichtag"], obj["anliegen"]) == (STICHTAG, ANLIEGEN)
            assert (obj["phase"], obj["modus"]) == (phase, modus), (nr, obj)
        else:
            assert obj["fehler"] == art, (nr, obj)
            zaehlung[art] = zaehlung.get(art, 0) + 1
            if ort is not ...:
                assert obj["ort"] == ort
    assert not any(g in out for g in GEB_FORMEN)
    assert GEHEIM not in out
    pruefe_zusammenfassung(err, zaehlung)


def test_mixed_jsonl_in_process(cli):
    lauf = cli(*entscheide())
    _pruefe_gemischt(lauf.rc, lauf.out, lauf.err)


def test_mixed_jsonl_console_script():
    p = prozess(*entscheide())
    _pruefe_gemischt(p.rc, p.out.decode("utf-8"), p.err.decode("utf-8"))


def test_mixed_jsonl_python_m_kooplan_gives_the_same_bytes():
    a = prozess(*entscheide(), modul=True)
    b = prozess(*entscheide())
    assert a.rc == b.rc == 1
    assert a.out == b.out
    _pruefe_gemischt(a.rc, a.out.decode("utf-8"), a.err.decode("utf-8"))


def test_stdin_dash_reads_jsonl(cli):
    daten = GEMISCHT.read_bytes()
    lauf = cli(*entscheide(datei="-"), stdin=daten)
    _pruefe_gemischt(lauf.rc, lauf.out, lauf.err)
    p = prozess(*entscheide(datei="-"), stdin=daten)
    _pruefe_gemischt(p.rc, p.out.decode("utf-8"), p.err.decode("utf-8"))
    assert p.out.decode("utf-8") == lauf.out


def test_all_good_file_exits_0_with_empty_stderr(cli):
    lauf = cli(*entscheide(datei=GUT))
    assert lauf.rc == 0
    assert lauf.err == ""
    zeilen = lauf.zeilen
    assert [z["fall"] for z in zeilen] == ["GUT-1", "GUT-2", "GUT-3"]
    for nr, z in enumerate(zeilen, start=1):
        assert z["schema"] == "kooplan/entscheidung/1"
        pruefe_zeile(z, nr)
    assert [z["phase"] for z in zeilen] == ["erstkontakt", "kooperation", "ohne_plan"]
    assert not any(g in lauf.out for g in GEB_FORMEN)
    assert GEHEIM not in lauf.out
    p = prozess(*entscheide(datei=GUT))
    assert (p.rc, p.err) == (0, b"")
    assert p.out.decode("utf-8") == lauf.out


def test_output_is_utf8_not_ascii_escaped():
    p = prozess(*entscheide(datei=GUT))
    assert "§".encode() in p.out
    assert b"\\u00a7" not in p.out
    p.out.decode("utf-8")  # strict


@pytest.mark.parametrize(
    ("daten", "arten"),
    [
        (b"", []),
        (b"\n", ["fehler"]),
        (b"{}\n", ["fehler"]),
        (
            b'{"schema": "kooplan/fall/1", "fall": "A", "ereignisse": []}',
            ["entscheidung"],
        ),  # no final newline
        (
            b'{"schema": "kooplan/fall/1", "fall": "A", "ereignisse": []}\n\n',
            ["entscheidung", "fehler"],
        ),
        (
            b'\n\n{"schema": "kooplan/fall/1", "fall": "A", "ereignisse": []}\r\n\r\n',
            ["fehler", "fehler", "entscheidung", "fehler"],
        ),
        (
            b'\xef\xbb\xbf{"schema": "kooplan/fall/1", "fall": "A", "ereignisse": []}\n',
            ["entscheidung"],
        ),
        (
            b'{"schema": "kooplan/fall/1", "fall": "A", "ereignisse": []}\n' * 50,
            ["entscheidung"] * 50,
        ),
    ],
)
def test_every_input_line_yields_one_output_line(cli, tmp_path, daten, arten):
    datei = tmp_path / "faelle.jsonl"
    datei.write_bytes(daten)
    lauf = cli(*entscheide(datei=datei))
    zeilen = lauf.zeilen
    assert len(zeilen) == len(arten) == jsonl_zeilenzahl(daten)
    for nr, (z, art) in enumerate(zip(zeilen, arten, strict=True), start=1):
        assert z["schema"] == f"kooplan/{art}/1"
        pruefe_zeile(z, nr)
    assert lauf.rc == (1 if "fehler" in arten else 0)
    if "fehler" not in arten:
        assert lauf.err == ""


def test_illegal_history_is_an_error_line(cli, tmp_path):
    # worked example 10: mitwirkung_erbracht when nothing was demanded
    datei = tmp_path / "f.jsonl"
    datei.write_text(
        json.dumps(
            {
                "schema": "kooplan/fall/1",
                "fall": "B-10",
                "ereignisse": [
                    {"art": "plan_erstellt", "am": "2023-10-02"},
                    {"art": "mitwirkung_erbracht", "am": "2023-12-11"},
                ],
            }
        )
        + "\n",
        "utf-8",
    )
    lauf = cli("entscheide", datei, "--anliegen", "massnahme", "--stichtag", "2024-01-01")
    assert lauf.rc == 1
    (z,) = lauf.zeilen
    assert (z["fehler"], z["fall"], z["ort"], z["zeile"]) == (
        "unzulaessiger_uebergang",
        "B-10",
        "ereignisse[1]",
        1,
    )
    pruefe_zusammenfassung(lauf.err, {"unzulaessiger_uebergang": 1})


# -- .json files and --format -------------------------------------------------------------------


def test_json_file_is_one_case(cli):
    lauf = cli("entscheide", VERTRAG, "--anliegen", "massnahme", "--stichtag", "2024-03-10")
    assert (lauf.rc, lauf.err) == (0, "")
    (z,) = lauf.zeilen
    assert [k for k in z if k not in ("zeile", "rechtsfolgen")] == ENTSCHEIDUNG_SCHLUESSEL
    assert z.get("zeile") is None
    assert (z["fall"], z["phase"], z["modus"], z["rfb"], z["rechtsstand"]) == (
        "JC-4711-0001",
        "mitwirkung_eingefordert",
        "mit_rfb",
        True,
        "2023-07",
    )
    assert z["naechste_ueberpruefung"] == "2024-07-15"
    assert "1999-04-01" not in lauf.out


def test_json_suffix_holding_json_lines_is_one_error(cli, tmp_path):
    datei = tmp_path / "faelle.json"
    datei.write_bytes(GUT.read_bytes())
    lauf = cli(*entscheide(datei=datei))
    assert lauf.rc == 1
    (z,) = lauf.zeilen
    assert (z["fehler"], z["zeile"], z["fall"]) == ("ungueltige_eingabe", None, None)


def test_format_overrides_the_suffix(cli, tmp_path):
    als_json = tmp_path / "faelle.json"
    als_json.write_bytes(GUT.read_bytes())
    lauf = cli(*entscheide("--format", "jsonl", datei=als_json))
    assert (lauf.rc, lauf.err) == (0, "")
    assert [(z["zeile"], z["fall"]) for z in lauf.zeilen] == [
        (1, "GUT-1"),
        (2, "GUT-2"),
        (3, "GUT-3"),
    ]
    als_jsonl = tmp_path / "fall.jsonl"
    als_jsonl.write_bytes(VERTRAG.read_bytes())  # a pretty-printed single case
    lauf = cli(*entscheide("--format", "json", datei=als_jsonl))
    assert lauf.rc == 0
    (z,) = lauf.zeilen
    assert z["fall"] == "JC-4711-0001" and z.get("zeile") is None
    ohne_endung = tmp_path / "faelle.txt"
    ohne_endung.write_bytes(GUT.read_bytes())
    lauf = cli(*entscheide("--format", "jsonl", datei=ohne_endung))
    assert lauf.rc == 0 and len(lauf.zeilen) == 3


def test_stdin_with_format_json_is_one_case(cli):
    lauf = cli(
        "entscheide",
        "-",
        "--format",
        "json",
        "--anliegen",
        "massnahme",
        "--stichtag",
        "2024-03-10",
        stdin=VERTRAG.read_bytes(),
    )
    assert lauf.rc == 0
    (z,) = lauf.zeilen
    assert z["fall"] == "JC-4711-0001"


# -- exit status 2: nothing on standard output ---------------------------------------------------


def _pruefe_argumentfehler(rc: Any, out: str | bytes, err: str | bytes) -> None:
    assert rc == 2
    assert not out, out
    err_text = err.decode("utf-8") if isinstance(err, bytes) else err
    assert err_text.strip(), "a message on standard error is expected"
    assert "Traceback" not in err_text


@pytest.mark.parametrize("name", ["faelle.txt", "faelle", "faelle.csv", "faelle.json.bak"])
def test_unknown_suffix_without_format_exits_2(cli, tmp_path, name):
    datei = tmp_path / name
    datei.write_bytes(GUT.read_bytes())
    lauf = cli(*entscheide(datei=datei))
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)


def test_missing_file_exits_2(cli, tmp_path):
    lauf = cli(*entscheide(datei=tmp_path / "fehlt.jsonl"))
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)
    p = prozess(*entscheide(datei=tmp_path / "fehlt.jsonl"))
    _pruefe_argumentfehler(p.rc, p.out, p.err)


def test_directory_as_file_exits_2(cli, tmp_path):
    verzeichnis = tmp_path / "ordner.jsonl"
    verzeichnis.mkdir()
    lauf = cli(*entscheide(datei=verzeichnis))
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)


def test_faellig_before_stichtag_exits_2(cli):
    lauf = cli(*entscheide("--faellig", "2024-02-29"))
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)
    p = prozess(*entscheide("--faellig", "2024-02-29", datei=GUT))
    _pruefe_argumentfehler(p.rc, p.out, p.err)


@pytest.mark.parametrize("faellig", [STICHTAG, "2024-03-15"])
def test_faellig_on_or_after_stichtag_is_output(cli, faellig):
    lauf = cli(*entscheide("--faellig", faellig, datei=GUT))
    assert lauf.rc == 0
    assert {z["faellig"] for z in lauf.zeilen} == {faellig}
    assert {z["stichtag"] for z in lauf.zeilen} == {STICHTAG}


@pytest.mark.parametrize("option", ["--stichtag", "--faellig"])
@pytest.mark.parametrize(
    "wert",
    [
        "2024-02-30",
        "20240115",
        "2024-1-5",
        "2024-01-15T00:00",
        "2024-W03-1",
        "heute",
        "",
        "15.01.2024",
        "2024-01-15 ",
    ],
)
def test_bad_date_argument_exits_2(cli, option, wert):
    argv = ["entscheide", GUT, "--anliegen", ANLIEGEN, "--stichtag", STICHTAG]
    argv += [option, wert]  # a repeated --stichtag: the last one counts
    lauf = cli(*argv)
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)


def test_bad_date_argument_exits_2_from_the_console_script():
    p = prozess("entscheide", GUT, "--anliegen", ANLIEGEN, "--stichtag", "2024-02-30")
    _pruefe_argumentfehler(p.rc, p.out, p.err)
    p = prozess("verlauf", VERTRAG, "--stichtag", "20240501", modul=True)
    _pruefe_argumentfehler(p.rc, p.out, p.err)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["unbekannt"],
        ["entscheide"],
        ["entscheide", GUT, "--stichtag", STICHTAG],
        ["entscheide", GUT, "--anliegen", "termin", "--stichtag", STICHTAG],
        ["entscheide", GUT, "--anliegen", ANLIEGEN],
        ["entscheide", GUT, "--anliegen", ANLIEGEN, "--stichtag", STICHTAG, "--format", "csv"],
        ["entscheide", GUT, "--anliegen", ANLIEGEN, "--stichtag", STICHTAG, "--unbekannt"],
        ["verlauf", VERTRAG],
        ["verlauf", VERTRAG, "--stichtag", "2024-13-01"],
    ],
    ids=lambda a: " ".join(map(str, a)) or "leer",
)
def test_bad_arguments_exit_2(cli, argv):
    lauf = cli(*argv)
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)


#: What argparse and the C library say in English, and the internal name of the command.
_ENGLISCH_CLI = re.compile(
    r"usage:|error:|the following|required|invalid|choice|choose|unrecognized|expected|"
    r"argument|ambiguous|No such file|Permission denied|Is a directory|befehl|at line|column|"
    r"Invalid|Expected|Cannot|Unterminated",
)


@pytest.mark.parametrize(
    ("argv", "deutsch"),
    [
        ([], "diese Argumente fehlen: BEFEHL"),
        (["unbekannt"], "ungültige Auswahl: 'unbekannt'"),
        (["entscheide", GUT, "--stichtag", STICHTAG], "diese Argumente fehlen: --anliegen"),
        (["entscheide", GUT, "--anliegen", ANLIEGEN], "diese Argumente fehlen: --stichtag"),
        (
            ["entscheide", GUT, "--anliegen", "Einladung", "--stichtag", STICHTAG],
            "Argument --anliegen: ungültige Auswahl: 'Einladung' (möglich: 'einladung'",
        ),
        (
            ["entscheide", GUT, "--anliegen", ANLIEGEN, "--stichtag", STICHTAG, "--unbekannt"],
            "unbekannte Argumente: --unbekannt",
        ),
        (
            ["entscheide", DATEN / "fehlt.jsonl", "--anliegen", ANLIEGEN, "--stichtag", STICHTAG],
            "(nicht gefunden, ENOENT)",
        ),
        (
            [
                "entscheide",
                DATEN,
                "--format",
                "jsonl",
                "--anliegen",
                ANLIEGEN,
                "--stichtag",
                STICHTAG,
            ],
            "(ist ein Verzeichnis)",
        ),
        (["entscheide", GUT, "--anliegen", ANLIEGEN, "--stichtag", "x"], "kein Datum der Form"),
        (["verlauf", VERTRAG, "--stichtag"], "Argument --stichtag: erwartet einen Wert"),
        (
            [
                "entscheide",
                GUT,
                "--anliegen",
                ANLIEGEN,
                "--stichtag",
                STICHTAG,
                "--policy",
                DATEN / "policy_kaputt.toml",
            ],
            "Kein gültiges TOML:",
        ),
        (["schema", "fall", "--alle"], "nicht beides"),
    ],
    ids=lambda a: " ".join(map(str, a))[:40] if isinstance(a, list) else None,
)
def test_argument_errors_are_german_sentences(cli, argv, deutsch):
    """Every message of the command line is German, argparse's own included; the internal name
    of the command (``befehl``) and the C library's English never show."""
    lauf = cli(*argv)
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)
    assert deutsch in lauf.err, lauf.err
    assert "kooplan: Fehler: " in lauf.err
    assert _ENGLISCH_CLI.search(lauf.err.replace(str(DATEN), "")) is None, lauf.err


def test_help_is_german(cli):
    for argv in (["--help"], ["entscheide", "--help"], ["schema", "-h"]):
        lauf = cli(*argv)
        assert lauf.rc == 0
        assert "Aufruf: kooplan" in lauf.out and "Optionen" in lauf.out
        assert "diese Hilfe zeigen und beenden" in lauf.out
        assert _ENGLISCH_CLI.search(lauf.out) is None, lauf.out


def test_the_summary_counts_one_fall_in_the_singular(cli, tmp_path):
    datei = tmp_path / "eins.jsonl"
    datei.write_bytes(b"kein JSON\n")
    lauf = cli(*entscheide(datei=datei))
    assert lauf.rc == 1
    assert lauf.err == "kooplan: 1 Fall, 1 mit Fehler (ungueltige_eingabe: 1)\n"


# -- --policy -------------------------------------------------------------------------------


def _fall_datei(tmp_path: Path, *ereignisse: dict[str, Any], name: str = "f.jsonl") -> Path:
    datei = tmp_path / name
    datei.write_text(
        json.dumps({"schema": "kooplan/fall/1", "fall": "POL-1", "ereignisse": list(ereignisse)})
        + "\n",
        "utf-8",
    )
    return datei


@pytest.mark.parametrize(
    ("policy", "anliegen", "modus"),
    [
        # docs/fachliches.md section 4, B, mitwirkung_eingefordert with eigenbemuehungen outstanding:
        # another Anliegen is mit_rfb under rfb_umfang "fall" (default), ohne_rfb under "einzelfall"
        (None, "massnahme", "mit_rfb"),
        ("policy_einzelfall.toml", "massnahme", "ohne_rfb"),
        ("policy_einzelfall.json", "massnahme", "ohne_rfb"),
        (None, "vermittlungsvorschlag", "mit_rfb"),
        ("policy_einzelfall.toml", "vermittlungsvorschlag", "ohne_rfb"),
        (None, "einladung", "mit_rfb"),
        ("policy_einzelfall.json", "einladung", "ohne_rfb"),
        # the outstanding kind itself stays mit_rfb (Gesetz, § 15 Abs. 5 Satz 2 a.F.)
        (None, "eigenbemuehungen", "mit_rfb"),
        ("policy_einzelfall.toml", "eigenbemuehungen", "mit_rfb"),
        ("policy_einzelfall.json", "eigenbemuehungen", "mit_rfb"),
    ],
)
def test_policy_rfb_umfang_regime_b(cli, policy, anliegen, modus):
    argv = ["entscheide", POL_B, "--anliegen", anliegen, "--stichtag", "2024-02-06"]
    if policy:
        argv += ["--policy", DATEN / policy]
    lauf = cli(*argv)
    assert (lauf.rc, lauf.err) == (0, "")
    (z,) = lauf.zeilen
    assert z["phase"] == "mitwirkung_eingefordert"
    assert (z["modus"], z["rfb"]) == (modus, modus != "ohne_rfb")


@pytest.mark.parametrize(
    ("policy", "anliegen", "modus"),
    [
        # docs/fachliches.md section 4, C, mitwirkung_eingefordert: another kind verpflichtung_va under "fall",
        # ohne_rfb under "einzelfall"; einladung mit_rfb / ohne_rfb; the outstanding kind VA.
        (None, "massnahme", "verpflichtung_va"),
        ("policy_einzelfall.toml", "massnahme", "ohne_rfb"),
        (None, "einladung", "mit_rfb"),
        ("policy_einzelfall.json", "einladung", "ohne_rfb"),
        ("policy_einzelfall.toml", "eigenbemuehungen", "verpflichtung_va"),
    ],
)
def test_policy_rfb_umfang_regime_c(cli, tmp_path, policy, anliegen, modus):
    datei = _fall_datei(
        tmp_path,
        {"art": "plan_erstellt", "am": "2026-07-06"},
        {
            "art": "mitwirkung_unterblieben",
            "am": "2026-08-03",
            "mitwirkung": "eigenbemuehungen",
            "wichtiger_grund": False,
        },
    )
    argv = ["entscheide", datei, "--anliegen", anliegen, "--stichtag", "2026-08-04"]
    if policy:
        argv += ["--policy", DATEN / policy]
    lauf = cli(*argv)
    assert lauf.rc == 0
    (z,) = lauf.zeilen
    assert (z["phase"], z["rechtsstand"]) == ("mitwirkung_eingefordert", "2026-07")
    assert (z["modus"], z["rfb"]) == (modus, modus != "ohne_rfb")


@pytest.mark.parametrize(
    ("policy", "modus"),
    [
        (None, "ohne_rfb"),
        ("policy_massnahme_kooperation.json", "mit_rfb"),
    ],
)
def test_policy_massnahme_mit_rfb_in_kooperation(cli, tmp_path, policy, modus):
    datei = _fall_datei(tmp_path, {"art": "plan_erstellt", "am": "2024-01-15"})
    argv = ["entscheide", datei, "--anliegen", "massnahme", "--stichtag", "2024-02-06"]
    if policy:
        argv += ["--policy", DATEN / policy]
    (z,) = cli(*argv).zeilen
    assert (z["phase"], z["modus"]) == ("kooperation", modus)


def test_policy_plan_max_schritte_adds_a_note(cli, tmp_path):
    datei = _fall_datei(
        tmp_path,
        {
            "art": "plan_erstellt",
            "am": "2024-01-15",
            "plan": {"eingliederungsziel": "Z", "schritte": ["a", "b", "c"]},
        },
    )
    policy = tmp_path / "kurz.toml"
    policy.write_text("plan_max_schritte = 2\n", "utf-8")
    argv = ["entscheide", datei, "--anliegen", "massnahme", "--stichtag", "2024-02-06"]
    (ohne,) = cli(*argv).zeilen
    (mit,) = cli(*argv, "--policy", policy).zeilen
    assert {h["code"] for h in mit["hinweise"]} > {h["code"] for h in ohne["hinweise"]}


@pytest.mark.parametrize(
    "policy",
    [
        "policy_unbekannt.toml",
        "policy_unbekannt.json",
        "policy_kaputt.toml",
        "policy_falscher_wert.toml",
        "fehlt.toml",
    ],
)
def test_bad_policy_file_exits_2(cli, policy):
    lauf = cli(*entscheide("--policy", DATEN / policy, datei=GUT))
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)


@pytest.mark.parametrize(
    ("name", "inhalt"),
    [
        ("p.json", "[]"),
        ("p.json", '{"rfb_umfang": 1}'),
        ("p.toml", "plan_max_schritte = '3'"),
        ("p.toml", "plan_max_schritte = true"),
        ("p.json", '{"massnahme_mit_rfb_in_kooperation": 1}'),
        ("p.toml", "[rfb_umfang]\nwert = 'fall'"),
    ],
)
def test_policy_with_wrong_values_exits_2(cli, tmp_path, name, inhalt):
    datei = tmp_path / name
    datei.write_text(inhalt, "utf-8")
    lauf = cli(*entscheide("--policy", datei, datei=GUT))
    _pruefe_argumentfehler(lauf.rc, lauf.out, lauf.err)


def test_bad_policy_file_exits_2_from_the_console_script():
    p = prozess(*entscheide("--policy", DATEN / "policy_unbekannt.toml", datei=GUT))
    _pruefe_argumentfehler(p.rc, p.out, p.err)


# -- Rechtsstand --------------------------------------------------------------------------------


@pytest.mark.parametrize("stichtag", ["2023-06-30", "2020-01-01"])
def test_stichtag_before_1_7_2023_gives_error_lines(cli, stichtag):
    lauf = cli("entscheide", GUT, "--anliegen", "einladung", "--stichtag", stichtag)
    assert lauf.rc == 1
    zeilen = lauf.zeilen
    assert [(z["zeile"], z["fall"], z["fehler"]) for z in zeilen] == [
        (1, "GUT-1", "rechtsstand_nicht_abgedeckt"),
        (2, "GUT-2", "rechtsstand_nicht_abgedeckt"),
        (3, "GUT-3", "rechtsstand_nicht_abgedeckt"),
    ]
    for nr, z in enumerate(zeilen, start=1):
        pruefe_zeile(z, nr)
    pruefe_zusammenfassung(lauf.err, {"rechtsstand_nicht_abgedeckt": 3})


def test_first_day_of_buergergeld_is_covered(cli):
    lauf = cli("entscheide", GUT, "--anliegen", "einladung", "--stichtag", "2023-07-01")
    assert lauf.rc == 0
    assert {z["rechtsstand"] for z in lauf.zeilen} == {"2023-07"}


# -- demo, diagramm, schema ---------------------------------------------------------------------

#: Stichtage of every worked example in the worked examples (docs/beispiele.md).
BEISPIEL_STICHTAGE = [
    "2023-09-04",
    "2023-09-14",
    "2023-11-01",
    "2023-12-12",
    "2024-01-09",
    "2025-05-06",
    "2025-05-20",
    "2025-06-03",
    "2026-10-07",
    "2024-01-01",
    "2025-08-01",
    "2023-06-30",
    "2025-06-02",
    "2024-02-14",
    "2024-03-04",
    "2024-05-07",
    "2026-09-15",
    "2025-02-04",
    "2026-06-20",
    "2024-03-21",
]


def test_demo_exits_0_and_shows_every_example(cli):
    lauf = cli("demo")
    assert lauf.rc == 0
    assert "Traceback" not in lauf.err
    for tag in BEISPIEL_STICHTAGE:
        assert tag in lauf.out, tag
    # error examples are part of the demo (nos. 10 and 12)
    assert "unzulaessiger_uebergang" in lauf.out
    assert "rechtsstand_nicht_abgedeckt" in lauf.out
    for modus in ("ohne_rfb", "mit_rfb", "verpflichtung_va"):
        assert modus in lauf.out


def test_demo_console_script_exits_0():
    p = prozess("demo")
    assert p.rc == 0
    assert b"Traceback" not in p.err
    assert p.out.strip()


#: Every transition of docs/fachliches.md section 3 that changes the phase.
KANTEN = {
    ("erstkontakt", "kooperation"),
    ("mitwirkung_eingefordert", "kooperation"),
    ("schlichtung", "kooperation"),
    ("ohne_plan", "kooperation"),
    ("erstkontakt", "ohne_plan"),
    ("kooperation", "ohne_plan"),
    ("mitwirkung_eingefordert", "ohne_plan"),
    ("schlichtung", "ohne_plan"),
    ("erstkontakt", "schlichtung"),
    ("kooperation", "schlichtung"),
    ("mitwirkung_eingefordert", "schlichtung"),
    ("ohne_plan", "schlichtung"),
    ("kooperation", "mitwirkung_eingefordert"),
    *((p, "beendet") for p in PHASEN if p != "beendet"),
    ("beendet", "erstkontakt"),
}


def test_diagramm_is_a_mermaid_state_diagram_of_every_phase(cli):
    lauf = cli("diagramm")
    assert lauf.rc == 0
    assert lauf.out.splitlines()[0].strip() == "stateDiagram-v2"
    for phase in PHASEN:
        assert re.search(rf"\b{phase}\b", lauf.out), phase
    kanten = {
        (m.group(1), m.group(2))
        for m in re.finditer(r"^\s*(\w+)\s*-->\s*(\w+)", lauf.out, re.MULTILINE)
    }
    assert kanten == KANTEN


def test_diagramm_console_script():
    p = prozess("diagramm", modul=True)
    assert p.rc == 0
    assert p.out.decode("utf-8").startswith("stateDiagram-v2")


def test_schema_prints_one_schema_by_name_and_the_bundle_with_alle(cli):
    for name in ("fall", "anfrage", "entscheidung", "fehler"):
        lauf = cli("schema", name)
        assert lauf.rc == 0 and lauf.err == ""
        assert json.loads(lauf.out)["title"] == f"kooplan/{name}/1"
    buendel = json.loads(cli("schema", "--alle").out)
    assert set(buendel["schemas"]) == {
        "kooplan/fall/1",
        "kooplan/anfrage/1",
        "kooplan/entscheidung/1",
        "kooplan/fehler/1",
    }


def test_output_lines_validate_against_the_printed_schemas(cli):
    jsonschema = pytest.importorskip("jsonschema")
    schemas = {n: json.loads(cli("schema", n).out) for n in ("fall", "entscheidung", "fehler")}
    for z in cli(*entscheide()).zeilen:
        jsonschema.validate(z, schemas[z["schema"].split("/")[1]])
    jsonschema.validate(json.loads(VERTRAG.read_text("utf-8")), schemas["fall"])


# -- verlauf --------------------------------------------------------------------------------


def test_verlauf_table(cli):
    lauf = cli("verlauf", VERTRAG, "--stichtag", "2024-05-01")
    assert lauf.rc == 0
    assert "JC-4711-0001" in lauf.out
    for phase in ("erstkontakt", "kooperation", "mitwirkung_eingefordert"):
        assert phase in lauf.out
    assert "§ 15 Abs. 2" in lauf.out
    assert "1999-04-01" not in lauf.out and "01.04.1999" not in lauf.out
    assert "Lagerlogistik" not in lauf.out
    with pytest.raises(json.JSONDecodeError):
        json.loads(lauf.out.splitlines()[-1])


def _wechsel(schritte: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(s["von"], s["nach"]) for s in schritte if s["von"] != s["nach"]]


def _pruefe_schritte(schritte: list[dict[str, Any]]) -> None:
    assert schritte
    vorher = "erstkontakt"  # a case starts in erstkontakt
    for s in schritte:
        assert {"von", "nach", "regel", "norm"} <= s.keys()
        assert s["von"] in PHASEN and s["nach"] in PHASEN
        assert s["von"] == vorher
        assert isinstance(s["regel"], str) and s["regel"]
        if s["von"] != s["nach"]:
            assert isinstance(s["norm"], str) and s["norm"].startswith("§")
        vorher = s["nach"]


def test_verlauf_json(cli):
    lauf = cli("verlauf", VERTRAG, "--stichtag", "2024-05-01", "--json")
    assert lauf.rc == 0
    (v,) = lauf.zeilen
    assert v["schema"] == "kooplan/verlauf/1"
    assert v["fall"] == "JC-4711-0001"
    _pruefe_schritte(v["schritte"])
    assert _wechsel(v["schritte"]) == [
        ("erstkontakt", "kooperation"),
        ("kooperation", "mitwirkung_eingefordert"),
        ("mitwirkung_eingefordert", "kooperation"),
    ]
    erster = next(s for s in v["schritte"] if s["von"] != s["nach"])
    assert erster["norm"].startswith("§ 15 Abs. 2 SGB II")
    assert "1999-04-01" not in lauf.out and "Lagerlogistik" not in lauf.out


def test_verlauf_stops_at_the_stichtag(cli):
    (v,) = cli("verlauf", VERTRAG, "--stichtag", "2024-03-10", "--json").zeilen
    _pruefe_schritte(v["schritte"])
    assert _wechsel(v["schritte"]) == [
        ("erstkontakt", "kooperation"),
        ("kooperation", "mitwirkung_eingefordert"),
    ]
    assert v["schritte"][-1]["nach"] == "mitwirkung_eingefordert"


def test_verlauf_shows_the_time_driven_end_of_a_schlichtung(cli, tmp_path):
    # worked example 8: begun 2025-05-05, the four weeks ran out on 2025-06-02
    datei = _fall_datei(
        tmp_path,
        {"art": "plan_erstellt", "am": "2025-03-03"},
        {"art": "schlichtung_begonnen", "am": "2025-05-05", "verlangt_von": "leistungsberechtigte"},
        name="s.json",
    )
    (v,) = cli("verlauf", datei, "--stichtag", "2025-06-03", "--json").zeilen
    _pruefe_schritte(v["schritte"])
    assert _wechsel(v["schritte"]) == [
        ("erstkontakt", "kooperation"),
        ("kooperation", "schlichtung"),
        ("schlichtung", "ohne_plan"),
    ]
    (v,) = cli("verlauf", datei, "--stichtag", "2025-06-02", "--json").zeilen
    assert v["schritte"][-1]["nach"] == "schlichtung"


def test_verlauf_console_script():
    p = prozess("verlauf", VERTRAG, "--stichtag", "2024-05-01", "--json")
    assert p.rc == 0 and b"Traceback" not in p.err
    (v,) = [json.loads(z) for z in p.out.decode("utf-8").splitlines()]
    assert v["schema"] == "kooplan/verlauf/1"


# -- hostile input ------------------------------------------------------------------------------


def _basisfall(i: int) -> dict[str, Any]:
    return {
        "schema": "kooplan/fall/1",
        "fall": f"H-{i}",
        "geburtsdatum": GEBURTSDATUM,
        "regelbedarfsstufe": 1,
        "ereignisse": [
            {"art": "einladung_versandt", "am": "2024-01-08", "rfb": False, "id": "e1"},
            {"art": "termin_versaeumt", "am": "2024-01-10", "wichtiger_grund": False, "id": "t1"},
            {
                "art": "plan_erstellt",
                "am": "2024-01-15",
                "plan": {
                    "eingliederungsziel": f"{GEHEIM} Ziel",
                    "schritte": [f"{GEHEIM} Schritt"],
                    "eigenbemuehungen": {
                        "art": f"{GEHEIM} Art",
                        "anzahl": 4,
                        "zeitraum": "monat",
                        "nachweis": f"{GEHEIM} Nachweis",
                    },
                    "gesundheit": [f"{GEHEIM} Gesundheit"],
                },
            },
            {"art": "wichtiger_grund_nachgewiesen", "am": "2024-01-20", "bezug": "t1"},
            {
                "art": "mitwirkung_unterblieben",
                "am": "2024-02-05",
                "id": "m1",
                "mitwirkung": "massnahme",
                "wichtiger_grund": False,
            },
            {
                "art": "minderung_festgestellt",
                "am": "2024-02-20",
                "grund": "pflichtverletzung",
                "prozent": 10,
                "beginn": "2024-03-01",
            },
        ],
    }


FALSCHE_WERTE: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    1.5,
    10**30,
    "",
    "x",
    "2024-02-30",
    "2024-1-5",
    [],
    {},
    [None],
    {"a": 1},
    GEHEIM,
    "massnahme",
    "2022-12-01",
    "2026-07-01",
    "\u0000",
    "ä" * 300,
]
DATEN_POOL = [
    "2022-05-01",
    "2023-06-30",
    "2023-07-01",
    "2024-01-15",
    "2024-03-01",
    "2025-05-05",
    "2026-06-30",
    "2026-07-01",
    "2027-01-04",
    "2099-12-31",
    "2005-01-01",
]


def _objekte(obj: Any) -> list[dict[str, Any]]:
    return [c[k] for c, k in _orte(obj) if isinstance(c[k], dict)] + [obj]


def _feindliche_zeile(rng: random.Random, i: int) -> bytes:
    fall = _basisfall(i)
    art = rng.randrange(16)
    if art == 0:  # a value of the wrong type or out of range
        c, k = rng.choice(_orte(fall))
        c[k] = rng.choice(FALSCHE_WERTE)
    elif art == 1:  # a key or list item removed
        c, k = rng.choice(_orte(fall))
        del c[k]
    elif art == 2:  # an unknown key somewhere
        rng.choice(_objekte(fall))[f"unbekannt_{i}"] = 1
    elif art == 3:  # truncated JSON
        text = json.dumps(fall).encode()
        return text[: rng.randrange(len(text))]
    elif art == 4:  # random bytes
        ohne_lf = [b for b in range(256) if b != 10]
        return bytes(rng.choice(ohne_lf) for _ in range(rng.randrange(1, 150)))
    elif art == 5:  # a few flipped bytes
        text = bytearray(json.dumps(fall).encode())
        for _ in range(rng.randint(1, 3)):
            text[rng.randrange(len(text))] = rng.choice([b for b in range(256) if b != 10])
        return bytes(text)
    elif art == 6:  # a duplicate key
        text = json.dumps(fall)
        schluessel = rng.choice(['"am": ', '"fall": ', '"schritte": ', '"anzahl": ', '"art": '])
        pos = text.find(schluessel)
        return (text[:pos] + schluessel + '"2024-01-01", ' + text[pos:]).encode()
    elif art == 7:  # deep nesting
        n = rng.choice([50, 999, 3000, 20000])
        return rng.choice([b"[" * n + b"]" * n, b'{"x_a": ' * n + b"1" + b"}" * n, b"[" * n])
    elif art == 8:  # a huge number
        text = json.dumps(fall).replace(
            '"regelbedarfsstufe": 1', '"regelbedarfsstufe": ' + "9" * rng.choice([20, 5000])
        )
        return text.encode()
    elif art == 9:  # NaN / Infinity
        return json.dumps(fall).replace('"prozent": 10', '"prozent": NaN').encode()
    elif art == 10:  # dates shuffled: illegal histories, history before 1.7.2023
        for e in fall["ereignisse"]:
            e["am"] = rng.choice(DATEN_POOL)
        rng.shuffle(fall["ereignisse"])
    elif art == 11:  # other JSON values
        return rng.choice(
            [
                b"[]",
                b"null",
                b"0",
                b'"H"',
                b"true",
                b"[{}]",
                b"{}",
                b" ",
                b"\t",
                b"\r",
                b"\xef\xbb\xbf",
                b"\xef\xbb\xbf{}",
            ]
        )
    elif art == 12:  # escapes and control characters in strings
        fall["ereignisse"][2]["plan"]["schritte"].append('a\u2028b\u0001\\"')
        fall["x_\u00e4"] = "\ufeff"
        return json.dumps(fall, ensure_ascii=rng.random() < 0.5).encode()
    elif art == 13:  # events of unknown or wrong shape
        fall["ereignisse"].insert(
            rng.randrange(7),
            rng.choice(
                [{"art": "termin"}, {"am": "2024-01-01"}, [], "plan_erstellt", {"art": 5, "am": 5}]
            ),
        )
    elif art == 14:  # an event beyond the Rechtsstand table or after benefit end
        fall["ereignisse"].append(
            rng.choice(
                [
                    {"art": "leistungsbezug_beendet", "am": "2024-02-25"},
                    {"art": "schlichtung_begonnen", "am": "2026-07-02", "verlangt_von": "beide"},
                    {"art": "eingliederungsvereinbarung", "am": "2023-07-01"},
                    {
                        "art": "mitwirkung_erbracht",
                        "am": "2024-02-06",
                        "mitwirkung": "eigenbemuehungen",
                    },
                ]
            )
        )
    # art 15: the valid case itself
    return json.dumps(fall, ensure_ascii=False).encode()


@pytest.fixture(scope="module")
def feindlich(tmp_path_factory) -> Path:
    """A directory of hostile files: 8 .jsonl files of 40 lines and 60 .json files."""
    rng = random.Random(20240115)
    ordner = tmp_path_factory.mktemp("feindlich")
    n = 0
    for d in range(8):
        zeilen = []
        for _ in range(40):
            zeilen.append(_feindliche_zeile(rng, n))
            n += 1
        ende = b"\n" if d % 2 == 0 else b""
        (ordner / f"faelle_{d}.jsonl").write_bytes(b"\n".join(zeilen) + ende)
    for j in range(60):
        (ordner / f"fall_{j}.json").write_bytes(_feindliche_zeile(rng, n))
        n += 1
    return ordner


def _pruefe_feindlich(rc: Any, out: str, err: str, zeilen_soll: int, jsonl: bool) -> None:
    assert "Traceback" not in err
    assert not re.search(r"\b\w+(Error|Exception):", err), err
    assert rc in (0, 1), (rc, err)
    out.encode("utf-8")  # strict: no lone surrogates
    zeilen = out.splitlines()
    assert len(zeilen) == zeilen_soll
    fehler = 0
    for nr, text in enumerate(zeilen, start=1):
        obj = json.loads(text)
        pruefe_zeile(obj, nr if jsonl else None)
        fehler += obj["schema"] == "kooplan/fehler/1"
    assert rc == (1 if fehler else 0)
    if fehler:
        assert err.strip()
    else:
        assert err == ""
    for text in (out, err):
        assert not any(g in text for g in GEB_FORMEN)
        assert GEHEIM not in text


@pytest.mark.parametrize("anliegen", ["einladung", "massnahme"])
def test_hostile_directory_in_process(cli, feindlich, anliegen):
    dateien = sorted(feindlich.iterdir())
    assert len(dateien) == 68
    gesamt = 0
    for datei in dateien:
        jsonl = datei.suffix == ".jsonl"
        soll = jsonl_zeilenzahl(datei.read_bytes()) if jsonl else 1
        gesamt += soll
        lauf = cli("entscheide", datei, "--anliegen", anliegen, "--stichtag", "2024-03-01")
        _pruefe_feindlich(lauf.rc, lauf.out, lauf.err, soll, jsonl)
    assert gesamt == 8 * 40 + 60


def test_hostile_directory_verlauf_never_crashes(cli, feindlich):
    for datei in sorted(feindlich.iterdir()):
        lauf = cli("verlauf", datei, "--stichtag", "2024-03-01", "--json")
        assert lauf.rc in (0, 1)
        assert "Traceback" not in lauf.err
        lauf.out.encode("utf-8")
        assert not any(g in lauf.out for g in GEB_FORMEN) and GEHEIM not in lauf.out


def test_hostile_lines_console_script(feindlich, tmp_path):
    alle = (
        b"\n".join(
            zeile
            for datei in sorted(feindlich.glob("*.jsonl"))
            for zeile in datei.read_bytes().removesuffix(b"\n").split(b"\n")
        )
        + b"\n"
    )
    datei = tmp_path / "alle.jsonl"
    datei.write_bytes(alle)
    p = prozess(
        "entscheide", datei, "--anliegen", "vermittlungsvorschlag", "--stichtag", "2026-08-03"
    )
    _pruefe_feindlich(
        p.rc, p.out.decode("utf-8"), p.err.decode("utf-8"), jsonl_zeilenzahl(alle), True
    )
    p = prozess(
        "entscheide",
        "-",
        "--anliegen",
        "einladung",
        "--stichtag",
        "2024-03-01",
        stdin=alle,
        modul=True,
    )
    _pruefe_feindlich(
        p.rc, p.out.decode("utf-8"), p.err.decode("utf-8"), jsonl_zeilenzahl(alle), True
    )


def test_hostile_json_files_console_script(feindlich):
    for datei in sorted(feindlich.glob("*.json"))[:6]:
        p = prozess("entscheide", datei, "--anliegen", "massnahme", "--stichtag", "2025-01-02")
        _pruefe_feindlich(p.rc, p.out.decode("utf-8"), p.err.decode("utf-8"), 1, False)


def test_directory_of_hostile_files_as_argument_exits_2(feindlich):
    p = prozess(
        "entscheide",
        feindlich,
        "--anliegen",
        "massnahme",
        "--stichtag",
        "2025-01-02",
        "--format",
        "jsonl",
    )
    _pruefe_argumentfehler(p.rc, p.out, p.err)


@pytest.mark.parametrize("schluessel", ["\\ud800", "\\udcff"])
def test_unknown_key_with_a_lone_surrogate(tmp_path, schluessel):
    datei = tmp_path / "s.jsonl"
    datei.write_bytes(
        b'{"schema": "kooplan/fall/1", "fall": "S-1", "ereignisse": [], "'
        + schluessel.encode()
        + b'": 1}\n'
        b'{"schema": "kooplan/fall/1", "fall": "S-2", "ereignisse": []}\n'
    )
    p = prozess("entscheide", datei, "--anliegen", "einladung", "--stichtag", "2024-03-01")
    err = p.err.decode("utf-8", "replace")
    assert "Traceback" not in err
    zeilen = [json.loads(z) for z in p.out.decode("utf-8").splitlines()]
    assert [(z["zeile"], z["fall"], z["schema"]) for z in zeilen] == [
        (1, "S-1", "kooplan/fehler/1"),
        (2, "S-2", "kooplan/entscheidung/1"),
    ]
    assert p.rc == 1
