"""The command line (docs/vertrag.md): `kooplan entscheide | verlauf | demo | diagramm | schema`.

Exit status: 0 when every case was decided; 1 when any case produced an error line (a summary by
error code goes to standard error); 2 for bad arguments, an unreadable file, a bad policy file, or
`--faellig` before `--stichtag` (a message on standard error, nothing on standard output).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import IO, NoReturn

from kooplan import __version__
from kooplan._pruefen import FRUEHESTER_TAG, SPAETESTER_TAG
from kooplan.batch import entscheide_jsonl
from kooplan.beispiele import abweichungen, beispiele
from kooplan.entscheidung import Anliegen, entscheide
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.phasen import verlauf
from kooplan.policy import STANDARD, Policy
from kooplan.vertrag.ausgabe import (
    entscheidung_als_dict,
    entscheidung_als_zeile,
    fehler_als_dict,
    zeile,
)
from kooplan.vertrag.laden import faelle_lesen, fall_aus_objekt

__all__ = ["main"]

_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")


class _ArgFehler(Exception):
    """Bad arguments, an unreadable file or a bad policy file: exit 2."""


def _datum(text: str) -> dt.date:
    if not _DATUM.fullmatch(text):
        raise argparse.ArgumentTypeError(f"kein Datum der Form JJJJ-MM-TT: {text!r}")
    try:
        tag = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"kein gültiger Kalendertag: {text!r}") from None
    if not FRUEHESTER_TAG <= tag <= SPAETESTER_TAG:
        raise argparse.ArgumentTypeError(
            f"Tag außerhalb von {FRUEHESTER_TAG:%d.%m.%Y} bis {SPAETESTER_TAG:%d.%m.%Y}: {text!r}"
        )
    return tag


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"keine ganze Zahl: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"--jobs muss 0 (alle Kerne) oder größer sein: {text!r}")
    return n


class _Parser(argparse.ArgumentParser):
    """argparse, but its messages go to the stream `main` was given."""

    fehlerstrom: IO[str] = sys.stderr

    def error(self, message: str) -> NoReturn:  # argparse's own errors exit 2 with usage
        self.print_usage(self.fehlerstrom)
        self.exit(2, f"kooplan: Fehler: {message}\n")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.fehlerstrom.write(message)
        raise _Ende(status)


class _Ende(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="kooplan",
        description="Regeln des Kooperationsplans (SGB II): mit oder ohne Rechtsfolgenbelehrung?",
    )
    p.add_argument("--version", action="version", version=f"kooplan {__version__}")
    sub = p.add_subparsers(dest="befehl", required=True, parser_class=_Parser)

    e = sub.add_parser("entscheide", help="eine Entscheidung je Fall als JSON Lines")
    e.add_argument("datei", metavar="FILE", help="Falldatei (.json, .jsonl) oder - für stdin")
    e.add_argument("--anliegen", required=True, choices=[a.value for a in Anliegen])
    e.add_argument("--stichtag", required=True, type=_datum, metavar="JJJJ-MM-TT")
    e.add_argument("--faellig", type=_datum, metavar="JJJJ-MM-TT")
    e.add_argument("--format", choices=["json", "jsonl"])
    e.add_argument("--policy", metavar="FILE", help="Policy als TOML oder JSON")
    e.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="Prozesse für JSON Lines (Standard 1; 0: einer je CPU-Kern); Reihenfolge bleibt",
    )

    v = sub.add_parser("verlauf", help="die Phasen eines Falls über die Zeit")
    v.add_argument("datei", metavar="FILE")
    v.add_argument("--stichtag", required=True, type=_datum, metavar="JJJJ-MM-TT")
    v.add_argument("--json", action="store_true", help="maschinenlesbar")
    v.add_argument("--format", choices=["json", "jsonl"])

    sub.add_parser("demo", help="die mitgelieferten Beispiele entscheiden und prüfen")
    sub.add_parser("diagramm", help="die Zustandsmaschine als Mermaid stateDiagram-v2")
    sub.add_parser("schema", help="die JSON-Schemas von Eingabe und Ausgabe")
    return p


def _format(datei: str, format: str | None) -> str:
    if format is not None:
        return format
    if datei == "-":
        return "jsonl"
    suffix = Path(datei).suffix
    if suffix in (".json", ".jsonl"):
        return suffix[1:]
    raise _ArgFehler(
        f"Format von {datei!r} unbekannt: Endung .json oder .jsonl, oder --format angeben."
    )


def _lesen(datei: str, format: str | None) -> tuple[bytes, str]:
    format = _format(datei, format)
    if datei == "-":
        return sys.stdin.buffer.read(), format
    try:
        return Path(datei).read_bytes(), format
    except OSError as err:
        raise _ArgFehler(f"Datei nicht lesbar: {datei!r} ({err.strerror})") from None


def _oeffnen(datei: str) -> IO[bytes]:
    """The input as a binary stream, read line by line (JSON Lines: flat memory)."""
    if datei == "-":
        return sys.stdin.buffer
    try:
        return open(datei, "rb")
    except OSError as err:
        raise _ArgFehler(f"Datei nicht lesbar: {datei!r} ({err.strerror})") from None


def _policy(datei: str | None) -> Policy:
    if datei is None:
        return STANDARD
    pfad = Path(datei)
    try:
        roh = pfad.read_bytes()
    except OSError as err:
        raise _ArgFehler(f"Policy-Datei nicht lesbar: {datei!r} ({err.strerror})") from None
    try:
        if pfad.suffix == ".toml":
            daten = tomllib.loads(roh.decode("utf-8"))
        else:
            daten = json.loads(roh.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise _ArgFehler(f"Policy-Datei {datei!r} ist kein gültiges TOML/JSON: {err}") from None
    try:
        return Policy.aus_mapping(daten)
    except UngueltigeEingabe as err:
        raise _ArgFehler(f"Policy-Datei {datei!r}: {err.meldung}") from None


def _zusammenfassung(fehler: collections.Counter[str], n: int, err: IO[str]) -> None:
    teile = ", ".join(f"{code}: {anzahl}" for code, anzahl in sorted(fehler.items()))
    err.write(f"kooplan: {n} Fälle, {sum(fehler.values())} mit Fehler ({teile})\n")


def _entscheide(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if args.faellig is not None and args.faellig < args.stichtag:
        raise _ArgFehler("--faellig darf nicht vor --stichtag liegen.")
    policy = _policy(args.policy)
    fehler: collections.Counter[str] = collections.Counter()
    n = 0
    if _format(args.datei, args.format) == "jsonl":
        quelle = _oeffnen(args.datei)
        try:
            for text in entscheide_jsonl(
                quelle,
                args.anliegen,
                args.stichtag,
                args.faellig,
                policy,
                jobs=args.jobs,
                fehler=fehler,
            ):
                n += 1
                out.write(text + "\n")
        finally:
            if quelle is not sys.stdin.buffer:
                quelle.close()
        if fehler:
            _zusammenfassung(fehler, n, err)
            return 1
        return 0
    daten, format = _lesen(args.datei, args.format)
    for nr, fall in faelle_lesen(daten, format):
        n += 1
        if not isinstance(fall, KooplanError):
            try:
                e = entscheide(fall, args.anliegen, args.stichtag, args.faellig, policy)
            except KooplanError as err_:
                fall = err_
            else:
                out.write(entscheidung_als_zeile(e, nr) + "\n")
                continue
        fehler[fall.code] += 1
        out.write(zeile(fehler_als_dict(fall, nr)) + "\n")
    if fehler:
        _zusammenfassung(fehler, n, err)
        return 1
    return 0


def _verlauf(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    daten, format = _lesen(args.datei, args.format)
    fehler: collections.Counter[str] = collections.Counter()
    n = 0
    for nr, fall in faelle_lesen(daten, format):
        n += 1
        try:
            if isinstance(fall, KooplanError):
                raise fall
            schritte = verlauf(fall, args.stichtag)
        except KooplanError as e:
            out.write(zeile(fehler_als_dict(e, nr)) + "\n")
            fehler[e.code] += 1
            continue
        if args.json:
            out.write(
                zeile(
                    {
                        "schema": "kooplan/verlauf/1",
                        "fall": fall.fall,
                        "stichtag": args.stichtag.isoformat(),
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
                + "\n"
            )
        else:
            out.write(f"Fall {fall.fall}, Verlauf bis {args.stichtag:%d.%m.%Y}\n")
            kopf = ("Tag", "Auslöser", "von", "nach", "Norm")
            zeilen = [
                (f"{s.tag:%d.%m.%Y}", s.ausloeser, s.von.value, s.nach.value, s.norm or "–")
                for s in schritte
            ]
            out.write(_tabelle(kopf, zeilen) + "\n")
    if fehler:
        _zusammenfassung(fehler, n, err)
        return 1
    return 0


def _tabelle(kopf: Sequence[str], zeilen: Sequence[Sequence[str]]) -> str:
    breiten = [max(len(str(z[i])) for z in (kopf, *zeilen)) for i in range(len(kopf))]

    def fmt(z: Sequence[str]) -> str:
        return "  ".join(str(w).ljust(b) for w, b in zip(z, breiten, strict=True)).rstrip()

    linie = "  ".join("-" * b for b in breiten)
    return "\n".join([fmt(kopf), linie, *(fmt(z) for z in zeilen)])


def _demo(out: IO[str]) -> int:
    kopf = ("Nr", "Anliegen", "Stichtag", "Phase", "Modus", "Rechtsstand", "erste Norm", "ok")
    zeilen = []
    alle_ok = True
    for b in beispiele():
        for anliegen in b.anliegen:
            try:
                fall = fall_aus_objekt(b.fall)
                e = entscheide(fall, anliegen, b.stichtag, b.faellig)
                ergebnis = entscheidung_als_dict(e)
                phase, modus, rs = e.phase.value, e.modus.value, e.rechtsstand.id
                norm = e.gruende[0].norm
            except KooplanError as err:
                ergebnis = fehler_als_dict(err)
                phase, modus, rs, norm = f"Fehler: {err.code}", "–", "–", err.ort or "–"
            abw = abweichungen(ergebnis, b.erwartet)
            alle_ok &= not abw
            zeilen.append(
                (
                    b.nr,
                    anliegen,
                    b.stichtag.isoformat(),
                    phase,
                    modus,
                    rs,
                    norm,
                    "ja" if not abw else "NEIN: " + "; ".join(abw),
                )
            )
    out.write(_tabelle(kopf, zeilen) + "\n")
    out.write(
        "\nAlle Beispiele stimmen mit dem erwarteten Ergebnis überein.\n"
        if alle_ok
        else "\nMindestens ein Beispiel weicht ab.\n"
    )
    return 0 if alle_ok else 1


def _utf8(strom: IO[str]) -> IO[str]:
    """The contract's output is UTF-8 whatever the locale says (LC_ALL=C, latin-1 …)."""
    neu = getattr(strom, "reconfigure", None)
    if neu is not None:
        neu(encoding="utf-8", errors="strict")
    return strom


def main(
    argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Run the command line; returns the exit status."""
    out = out or _utf8(sys.stdout)
    err = err or _utf8(sys.stderr)
    _Parser.fehlerstrom = err
    try:
        args = _parser().parse_args(argv)
    except _Ende as ende:  # --help, --version, or bad arguments (2)
        return ende.status
    try:
        if args.befehl == "entscheide":
            return _entscheide(args, out, err)
        if args.befehl == "verlauf":
            return _verlauf(args, out, err)
        if args.befehl == "demo":
            return _demo(out)
        if args.befehl == "diagramm":
            from kooplan.diagramm import mermaid

            out.write(mermaid() + "\n")
            return 0
        if args.befehl == "schema":
            from kooplan.vertrag.schema import alle_schemas

            out.write(json.dumps(alle_schemas(), ensure_ascii=False, indent=2) + "\n")
            return 0
    except _ArgFehler as e:
        err.write(f"kooplan: Fehler: {e}\n")
        return 2
    raise AssertionError(args.befehl)  # pragma: no cover
