"""The command line: ``kooplan entscheide | verlauf | demo | diagramm | schema | serve | pruefe``.

It speaks German throughout, argparse's own messages included. Every failure of the process
itself is one German line on standard error and an exit status of its own, never a traceback
(`Ausgang`):

* 0 every case (or request) was decided;
* 1 all input was read and answered, and some case had an error line (a summary by error code
  goes to standard error);
* 2 bad arguments, an input or policy file that cannot be opened or is not a file kooplan reads
  (a directory, a device; a policy must be a regular file), a bad policy, or ``--faellig`` before
  ``--stichtag`` (nothing on standard output);
* 70 an internal error (a bug in kooplan: named by its kind and place, never by data);
* 74 an input/output error after the start: reading the input failed, or writing the output did
  (a full disk, a closed standard output);
* 130 and 143 ended by SIGINT or SIGTERM (the output ends after a complete line);
* 141 the reader of standard output went away (``kooplan … | head -1``): no message, as
  command-line tools do when the shell reports them killed by SIGPIPE.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import enum
import errno
import itertools
import json
import os
import re
import signal
import stat
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn

from kooplan import __version__
from kooplan.beispiele import abweichungen, beispiele
from kooplan.motor.entscheidung import Anliegen, Entscheidung, entscheide, entscheide_stichtage
from kooplan.oberflaechen import pruefe
from kooplan.oberflaechen.batch import (
    Policies,
    entscheide_anfragen,
    entscheide_jsonl,
    entscheide_zeitreihe_jsonl,
    monatsenden,
    verfuegbare_cpus,
)
from kooplan.oberflaechen.verlauf import tabelle, verlauf_ausgabe
from kooplan.recht.policy import STANDARD, Policy
from kooplan.vertrag.ausgabe import (
    entscheidung_als_dict,
    entscheidung_als_zeile,
    fehler_als_dict,
    zeile,
)
from kooplan.vertrag.laden import (
    MAX_BYTES_JE_FALL,
    MAX_BYTES_JE_POLICY,
    Lesefehler,
    faelle_lesen,
    fall_aus_objekt,
    policy_lesen,
    zeilen_begrenzt,
)
from kooplan.werte.fehler import KooplanError, UngueltigeEingabe
from kooplan.werte.pruefen import FRUEHESTER_TAG, SPAETESTER_TAG

__all__ = ["Ausgang", "main"]


class Ausgang(enum.IntEnum):
    """The exit statuses of the command line."""

    #: Every case (or request) was decided.
    OK = 0
    #: All input was read and answered; some case had an error line.
    FEHLER_IN_FAELLEN = 1
    #: Bad arguments, an input or policy file that cannot be read, or a bad policy.
    ARGUMENTE = 2
    #: An internal error of kooplan (a bug).
    INTERN = 70
    #: Reading the input or writing the output failed after the start.
    EIN_AUSGABE = 74
    #: Ended by SIGINT (Ctrl-C).
    SIGINT = 130
    #: Standard output was closed by its reader (a broken pipe).
    PIPE = 141
    #: Ended by SIGTERM.
    SIGTERM = 143


_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")
#: A policy name on the command line (``--policy NAME=FILE``) and in a request.
_POLICY_NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")


class _ArgFehler(Exception):
    """Bad arguments, an unreadable file or a bad policy file: exit 2."""


class _Abbruch(Exception):
    """SIGINT or SIGTERM arrived."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Schreibfehler(Exception):
    """Writing the output failed (the operating system's error)."""

    def __init__(self, err: OSError) -> None:
        super().__init__(err.errno)
        self.err = err


# -- German for argparse ---------------------------------------------------------------------------

#: argparse's messages (its gettext message ids) in German.
_ARGPARSE_DEUTSCH = {
    "usage: ": "Aufruf: ",
    "argument %(argument_name)s: %(message)s": "Argument %(argument_name)s: %(message)s",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "unrecognized arguments: %s": "unbekannte Argumente: %s",
    "not allowed with argument %s": "nicht zusammen mit dem Argument %s erlaubt",
    "ignored explicit argument %r": "überzähliger Wert %r",
    "the following arguments are required: %s": "diese Argumente fehlen: %s",
    "one of the arguments %s is required": "eines der Argumente %s ist nötig",
    "expected one argument": "erwartet einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "expected %s argument": "erwartet %s Wert",
    "expected %s arguments": "erwartet %s Werte",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
    "unexpected option string: %s": "unerwartete Option: %s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Auswahl: %(value)r (möglich: %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
}


def _deutsch(text: str) -> str:
    return _ARGPARSE_DEUTSCH.get(text, text)


def _deutsch_n(einzahl: str, mehrzahl: str, n: int) -> str:
    return _deutsch(einzahl if n == 1 else mehrzahl)


@contextlib.contextmanager
def _argparse_deutsch() -> Iterator[None]:
    """argparse with German messages while the parser is built and used (argparse looks each
    message up through its module's gettext functions, so they are swapped for that time)."""
    alt = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _deutsch, _deutsch_n  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = alt  # type: ignore[attr-defined]


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


_MONAT = re.compile(r"\d{4}-\d{2}")


def _monatsende(text: str) -> dt.date:
    """The last day of the month `JJJJ-MM`, checked as a Stichtag."""
    if not _MONAT.fullmatch(text) or not 1 <= int(text[5:]) <= 12:
        raise argparse.ArgumentTypeError(f"kein Monat der Form JJJJ-MM: {text!r}")
    erster = dt.date(int(text[:4]), int(text[5:]), 1)
    return _datum(monatsenden(erster, erster)[0].isoformat())


def _stichtage(text: str) -> tuple[dt.date, ...]:
    """``JJJJ-MM-TT,JJJJ-MM-TT,…`` (ascending, each once) or ``JJJJ-MM..JJJJ-MM`` (month ends)."""
    if ".." in text:
        von, _, bis = text.partition("..")
        erstes, letztes = _monatsende(von), _monatsende(bis)
        if letztes < erstes:
            raise argparse.ArgumentTypeError(f"der letzte Monat liegt vor dem ersten: {text!r}")
        return monatsenden(erstes, letztes)
    tage = tuple(_datum(teil) for teil in text.split(","))
    for vorher, tag in itertools.pairwise(tage):
        if tag <= vorher:
            raise argparse.ArgumentTypeError(
                f"die Stichtage müssen aufsteigen, jeder nur einmal: {tag:%d.%m.%Y} folgt auf "
                f"{vorher:%d.%m.%Y}"
            )
    return tage


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"keine ganze Zahl: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"--jobs muss 0 (alle CPUs) oder größer sein: {text!r}")
    return n


def _anzahl(kleinste: int) -> Callable[[str], int]:
    def lesen(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"keine ganze Zahl: {text!r}") from None
        if n < kleinste:
            raise argparse.ArgumentTypeError(f"muss mindestens {kleinste} sein: {text!r}")
        return n

    return lesen


def _sekunden(text: str) -> float:
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"keine Zahl: {text!r}") from None
    if not 0 < n < 86_400:
        raise argparse.ArgumentTypeError(f"muss größer 0 und kleiner 86400 sein: {text!r}")
    return n


class _Parser(argparse.ArgumentParser):
    """argparse, but its messages go to the stream `main` was given."""

    fehlerstrom: IO[str] | None = None

    def error(self, message: str) -> NoReturn:  # argparse's own errors exit 2 with usage
        if self.fehlerstrom is not None:
            _still(lambda: self.print_usage(self.fehlerstrom))
        self.exit(Ausgang.ARGUMENTE, f"kooplan: Fehler: {message}\n")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message and self.fehlerstrom is not None:
            strom = self.fehlerstrom
            _still(lambda: strom.write(message))
        raise _Ende(status)

    def _print_message(self, message: str, file: Any = None) -> None:
        # --help and --version go to standard output; a closed or full one ends quietly
        with contextlib.suppress(OSError, ValueError, AttributeError):
            super()._print_message(message, file)


class _Ende(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


_ANFRAGEN_HILFE = (
    "die Zeilen sind Anfragen (kooplan/anfrage/1): je Zeile ein Fall mit Anliegen, Stichtag, "
    "optional Fälligkeit und Policy-Name; jede Antwort wird sofort geschrieben"
)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="kooplan",
        description="Regeln des Kooperationsplans (SGB II): mit oder ohne Rechtsfolgenbelehrung?",
    )
    p.add_argument(
        "--version",
        action="version",
        version=f"kooplan {__version__}",
        help="die Version zeigen und beenden",
    )
    sub = p.add_subparsers(
        dest="befehl", metavar="BEFEHL", required=True, parser_class=_Parser, title="Befehle"
    )

    e = sub.add_parser("entscheide", help="eine Entscheidung je Fall als JSON Lines")
    e.add_argument("datei", metavar="DATEI", help="Falldatei (.json, .jsonl) oder - für stdin")
    e.add_argument(
        "--anliegen",
        choices=[a.value for a in Anliegen],
        help="was versandt werden soll (nicht mit --anfragen)",
    )
    e.add_argument(
        "--stichtag",
        type=_datum,
        metavar="JJJJ-MM-TT",
        help="der Tag, für den entschieden wird (nicht mit --anfragen)",
    )
    e.add_argument(
        "--stichtage",
        type=_stichtage,
        metavar="TAGE",
        help="mehrere Stichtage: JJJJ-MM-TT,JJJJ-MM-TT,… (aufsteigend) oder JJJJ-MM..JJJJ-MM "
        "(jedes Monatsende); je Fall eine Zeile je Stichtag, jeder Fall wird einmal gefaltet "
        "(nicht mit --stichtag, --faellig, --anfragen)",
    )
    e.add_argument(
        "--faellig", type=_datum, metavar="JJJJ-MM-TT", help="der Tag, an dem es fällig ist"
    )
    e.add_argument("--format", choices=["json", "jsonl"], help="statt der Dateiendung")
    e.add_argument(
        "--policy",
        metavar="[NAME=]DATEI",
        action="append",
        default=[],
        help="Policy als TOML oder JSON; mit --anfragen auch NAME=DATEI (mehrfach)",
    )
    e.add_argument(
        "--policy-verzeichnis",
        metavar="VERZEICHNIS",
        help="mit --anfragen: jede .toml- und .json-Datei darin ist eine Policy ihres Namens",
    )
    e.add_argument("--anfragen", action="store_true", help=_ANFRAGEN_HILFE)
    e.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="Prozesse für JSON Lines (Standard 1; 0: einer je CPU; höchstens die verfügbaren "
        "CPUs); die Reihenfolge bleibt",
    )

    v = sub.add_parser("verlauf", help="die Phasen eines Falls über die Zeit")
    v.add_argument("datei", metavar="DATEI", help="Falldatei (.json, .jsonl) oder - für stdin")
    v.add_argument("--stichtag", required=True, type=_datum, metavar="JJJJ-MM-TT")
    v.add_argument("--json", action="store_true", help="maschinenlesbar")
    v.add_argument("--format", choices=["json", "jsonl"], help="statt der Dateiendung")

    d = sub.add_parser("serve", help="die Entscheidungen als HTTP-Dienst anbieten (Extra 'server')")
    d.add_argument("--host", default="127.0.0.1", help="die Adresse (Standard 127.0.0.1)")
    d.add_argument("--port", type=_anzahl(0), default=8000, help="der Port (Standard 8000)")
    d.add_argument(
        "--workers",
        type=_anzahl(1),
        default=1,
        metavar="N",
        help="Prozesse, die sich den Port teilen (Standard 1)",
    )
    d.add_argument(
        "--max-bytes",
        type=_anzahl(1),
        default=1_048_576,
        metavar="BYTES",
        help="größter Inhalt einer Anfrage an /v1/entscheidung und /v1/verlauf "
        "(Standard 1048576; größer: 413)",
    )
    d.add_argument(
        "--max-bytes-strom",
        type=_anzahl(1),
        default=1 << 30,
        metavar="BYTES",
        help="größter Inhalt einer Anfrage an /v1/entscheidungen (Standard 1073741824)",
    )
    d.add_argument(
        "--zeitlimit",
        type=_sekunden,
        default=10.0,
        metavar="SEKUNDEN",
        help="so lange darf eine Anfrage dauern (Standard 10; länger: 504)",
    )
    d.add_argument(
        "--max-gleichzeitig",
        type=_anzahl(1),
        default=64,
        metavar="N",
        help="so viele Anfragen beantwortet ein Prozess zugleich (Standard 64; mehr: 503)",
    )
    d.add_argument(
        "--token-datei",
        metavar="DATEI",
        help="jede Anfrage (außer /healthz) braucht 'Authorization: Bearer TOKEN' mit dem "
        "Token aus dieser Datei (erste Zeile); ohne die Option gilt die Umgebungsvariable "
        "KOOPLAN_TOKEN, wenn gesetzt; sonst keine Anmeldung",
    )
    d.add_argument(
        "--policy",
        metavar="NAME=DATEI",
        action="append",
        default=[],
        help="Policy als TOML oder JSON, die Anfragen mit 'policy' nennen können (mehrfach); "
        "DATEI ohne Namen: die Policy jeder Anfrage ohne 'policy'",
    )
    d.add_argument(
        "--policy-verzeichnis",
        metavar="VERZEICHNIS",
        help="jede .toml- und .json-Datei darin ist eine Policy ihres Namens",
    )
    d.set_defaults(anfragen=True)

    sub.add_parser("demo", help="die mitgelieferten Beispiele entscheiden und prüfen")
    sub.add_parser("diagramm", help="die Zustandsmaschine als Mermaid stateDiagram-v2")
    s = sub.add_parser(
        "schema",
        help="ein JSON Schema des Vertrags (fall, anfrage, entscheidung, fehler) oder alle",
    )
    s.add_argument(
        "name",
        nargs="?",
        choices=["fall", "anfrage", "entscheidung", "fehler"],
        metavar="NAME",
        help="fall, anfrage, entscheidung oder fehler: genau ein Schema",
    )
    s.add_argument(
        "--alle",
        action="store_true",
        help="alle Schemas in einer Sammlung (selbst kein Schema)",
    )
    pruefe.argumente(
        sub.add_parser(
            "pruefe",
            help="die Szenarien gegen kooplan oder ein anderes System prüfen (Konformität)",
            description="Jede Frage der Szenariodateien als Anfrage (kooplan/anfrage/1) stellen "
            "und die Antwort mit dem erwarteten Ergebnis vergleichen. Ausgang 0: alle bestanden; "
            "1: mindestens eine fehlgeschlagen; 2: falsche Argumente oder eine fehlerhafte "
            "Szenariodatei.",
        )
    )
    return p


# -- streams ---------------------------------------------------------------------------------------


def _still(fn: Callable[[], object]) -> None:
    """Write to standard error; if even that fails (closed, full), there is no one to tell."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fn()


class _Stumm:
    """Standard error when it is closed: what is written goes nowhere."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


class _Signale:
    """SIGINT and SIGTERM while a command runs: they end it between two output lines.

    A signal that arrives while a line is being written only marks the end; the line is
    finished first. Anywhere else (reading the input, deciding, waiting for workers) it ends the
    command at once by `_Abbruch`."""

    def __init__(self) -> None:
        self.schreibt = False
        self.signum: int | None = None
        self.alt: dict[int, Any] = {}

    def __enter__(self) -> _Signale:
        if threading.current_thread() is threading.main_thread():
            for s in (signal.SIGINT, signal.SIGTERM):
                self.alt[s] = signal.signal(s, self._signal)
        return self

    def __exit__(self, *_: object) -> None:
        for s, alt in self.alt.items():
            signal.signal(s, alt)

    def _signal(self, signum: int, _: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum
        if not self.schreibt:
            raise _Abbruch(signum)

    def pruefen(self) -> None:
        if self.signum is not None:
            raise _Abbruch(self.signum)


class _Ausgabe:
    """Standard output, written a whole line at a time.

    Lines are collected here and handed to the stream in blocks of about 64 KB (at once when
    ``sofort``), each block written and flushed while a signal only marks the end. So the
    stream's own buffer is empty whenever kooplan does anything else: a worker process started
    meanwhile (its start flushes the standard streams) never writes, or fails to write, part of
    the output."""

    _BLOCK = 65_536

    def __init__(self, strom: IO[str], signale: _Signale, sofort: bool = False) -> None:
        self.strom = strom
        self.signale = signale
        self.sofort = sofort
        self.zeilen = 0
        self._puffer: list[str] = []
        self._zeichen = 0

    def schreibe(self, text: str) -> None:
        self._puffer.append(text)
        self._zeichen += len(text)
        self.zeilen += text.count("\n")
        if self.sofort or self._zeichen >= self._BLOCK:
            self.ende()

    def zeile(self, text: str) -> None:
        self.schreibe(text + "\n")

    def ende(self) -> None:
        """Write and flush what was collected (a signal meanwhile only marks the end)."""
        self.signale.schreibt = True
        try:
            if self._puffer:
                block = "".join(self._puffer)
                self._puffer.clear()
                self._zeichen = 0
                self.strom.write(block)
            self.strom.flush()
        except OSError as err:
            raise _Schreibfehler(err) from None
        finally:
            self.signale.schreibt = False
        self.signale.pruefen()


#: Operating system errors in German (the C library speaks English).
_GRUENDE = {
    errno.ENOENT: "nicht gefunden",
    errno.EACCES: "keine Berechtigung",
    errno.EPERM: "nicht erlaubt",
    errno.EISDIR: "ist ein Verzeichnis",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Verzeichnis",
    errno.ELOOP: "zu viele symbolische Verknüpfungen",
    errno.ENAMETOOLONG: "Name zu lang",
    errno.EIO: "Ein-/Ausgabefehler des Geräts",
    errno.ENOSPC: "kein Platz mehr auf dem Gerät",
    errno.EDQUOT: "Kontingent überschritten",
    errno.EFBIG: "Datei zu groß",
    errno.EBADF: "der Datenstrom ist geschlossen",
    errno.EROFS: "nur lesbares Dateisystem",
    errno.ENXIO: "Gerät nicht vorhanden",
    errno.ENODEV: "Gerät nicht vorhanden",
    errno.EMFILE: "zu viele offene Dateien",
    errno.ENFILE: "zu viele offene Dateien im System",
    errno.ENOMEM: "nicht genug Speicher",
    errno.EPIPE: "der Leser hat die Verbindung geschlossen",
    errno.ECONNRESET: "Verbindung zurückgesetzt",
    errno.ETIMEDOUT: "Zeitüberschreitung",
    errno.EAGAIN: "vorübergehend nicht verfügbar",
}


def _grund(err: OSError) -> str:
    """An operating system error in German, with its symbolic name (``ENOSPC``)."""
    nr = err.errno
    if nr is None:
        return "Fehler des Betriebssystems"
    name = errno.errorcode.get(nr, str(nr))
    return f"{_GRUENDE.get(nr, 'Fehler des Betriebssystems')}, {name}"


def _name(datei: str) -> str:
    """A file name as shown in a message: quoted, bytes that are no text escaped."""
    return repr(datei)


def _sonderdatei(modus: int) -> str | None:
    if stat.S_ISDIR(modus):
        return "ist ein Verzeichnis"
    if stat.S_ISCHR(modus) or stat.S_ISBLK(modus):
        return "ist ein Gerät, keine Datei"
    if stat.S_ISSOCK(modus):
        return "ist ein Socket, keine Datei"
    return None


def _oeffnen(datei: str) -> IO[bytes]:
    """The input as a buffered binary stream: a regular file, a FIFO, or ``-`` (standard input).

    A directory, a device or a socket is refused (exit 2): a device such as ``/dev/zero`` never
    ends a line; standard input (``-``) reads any stream."""
    if datei == "-":
        if sys.stdin is None:
            raise _ArgFehler("Die Standardeingabe ist geschlossen.")
        return sys.stdin.buffer
    try:
        art = _sonderdatei(os.stat(datei).st_mode)
        if art is not None:
            raise _ArgFehler(f"Datei nicht lesbar: {_name(datei)} ({art}).")
        strom = open(datei, "rb")  # noqa: SIM115 - closed by the caller
    except OSError as err:
        raise _ArgFehler(f"Datei nicht lesbar: {_name(datei)} ({_grund(err)}).") from None
    return strom


def _lesen_begrenzt(strom: IO[bytes], grenze: int) -> bytes:
    """At most ``grenze + 1`` bytes (one more than the limit: then the reader refuses it)."""
    try:
        return strom.read(grenze + 1)
    except OSError as err:
        raise Lesefehler(err.errno, err.strerror) from None


def _regulaer(strom: IO[bytes]) -> bool:
    """Whether the input is a regular file (else each answer is flushed as it is written)."""
    try:
        return stat.S_ISREG(os.fstat(strom.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        return False


def _format(datei: str, format: str | None) -> str:
    if format is not None:
        return format
    if datei == "-":
        return "jsonl"
    suffix = Path(datei).suffix.lower()
    if suffix in (".json", ".jsonl"):
        return suffix[1:]
    raise _ArgFehler(
        f"Format von {_name(datei)} unbekannt: Endung .json oder .jsonl, oder --format angeben."
    )


# -- policies ----------------------------------------------------------------------------------------


def _policy_datei(datei: str) -> Policy:
    """A policy file: a regular file of at most `MAX_BYTES_JE_POLICY` bytes, TOML when
    its name ends in ``.toml`` (in any case), else JSON."""
    try:
        modus = os.stat(datei).st_mode
        art = _sonderdatei(modus)
        if art is None and stat.S_ISFIFO(modus):
            art = "ist eine FIFO, keine gewöhnliche Datei"
        elif art is None and not stat.S_ISREG(modus):
            art = "ist keine gewöhnliche Datei"
        if art is not None:
            raise _ArgFehler(f"Policy-Datei nicht lesbar: {_name(datei)} ({art}).")
        # non-blocking: should it have become a FIFO meanwhile, opening it never waits
        fd = os.open(datei, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as strom:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise _ArgFehler(
                    f"Policy-Datei nicht lesbar: {_name(datei)} (ist keine gewöhnliche Datei)."
                )
            daten = strom.read(MAX_BYTES_JE_POLICY + 1)
    except OSError as err:
        raise _ArgFehler(f"Policy-Datei nicht lesbar: {_name(datei)} ({_grund(err)}).") from None
    try:
        return policy_lesen(daten, toml=Path(datei).suffix.lower() == ".toml")
    except UngueltigeEingabe as err:
        raise _ArgFehler(f"Policy-Datei {_name(datei)}: {err.meldung}") from None


def _policies(args: argparse.Namespace) -> Policies:
    """The default policy and the named ones (request mode) from the arguments."""
    standard: Policy | None = None
    benannt: dict[str, Policy] = {}
    for angabe in args.policy:
        name, gleich, pfad = angabe.partition("=")
        if args.anfragen and gleich and _POLICY_NAME.fullmatch(name):
            if name in benannt:
                raise _ArgFehler(f"Die Policy {_name(name)} ist zweimal angegeben.")
            benannt[name] = _policy_datei(pfad)
        else:
            if standard is not None:
                raise _ArgFehler("--policy DATEI (ohne Namen) darf nur einmal angegeben sein.")
            standard = _policy_datei(angabe)
    if args.policy_verzeichnis is not None:
        if not args.anfragen:
            raise _ArgFehler("--policy-verzeichnis gibt es nur mit --anfragen.")
        for name, pfad in _policy_verzeichnis(args.policy_verzeichnis):
            if name in benannt:
                raise _ArgFehler(f"Die Policy {_name(name)} ist zweimal angegeben.")
            benannt[name] = _policy_datei(pfad)
    return Policies(standard or STANDARD, benannt)


def _policy_verzeichnis(verzeichnis: str) -> list[tuple[str, str]]:
    try:
        eintraege = sorted(os.scandir(verzeichnis), key=lambda e: e.name)
    except OSError as err:
        raise _ArgFehler(
            f"Policy-Verzeichnis nicht lesbar: {_name(verzeichnis)} ({_grund(err)})."
        ) from None
    gefunden: list[tuple[str, str]] = []
    for eintrag in eintraege:
        name, punkt, endung = eintrag.name.rpartition(".")
        if not punkt or endung.lower() not in ("toml", "json"):
            continue
        if not _POLICY_NAME.fullmatch(name):
            raise _ArgFehler(
                f"Policy-Datei {_name(eintrag.path)}: Der Name vor der Endung muss aus 1 bis 64 "
                "Buchstaben, Ziffern, '.', '_' oder '-' bestehen."
            )
        if any(n == name for n, _ in gefunden):
            raise _ArgFehler(
                f"Im Policy-Verzeichnis gibt es die Policy {_name(name)} zweimal "
                "(als .toml und .json)."
            )
        gefunden.append((name, eintrag.path))
    return gefunden


# -- commands ------------------------------------------------------------------------------------


def _abschluss(
    fehler: collections.Counter[str],
    n: int,
    aus: _Ausgabe,
    err: IO[str],
    einheit: tuple[str, str] = ("Fall", "Fälle"),
) -> int:
    """The output written out first (a failure there is reported instead of the summary),
    then the summary of the error lines, and the status."""
    aus.ende()
    if fehler:
        _zusammenfassung(fehler, n, err, einheit)
        return Ausgang.FEHLER_IN_FAELLEN
    return Ausgang.OK


def _zusammenfassung(
    fehler: collections.Counter[str],
    n: int,
    err: IO[str],
    einheit: tuple[str, str] = ("Fall", "Fälle"),
) -> None:
    teile = ", ".join(f"{code}: {anzahl}" for code, anzahl in sorted(fehler.items()))
    faelle = f"1 {einheit[0]}" if n == 1 else f"{n} {einheit[1]}"
    _still(lambda: err.write(f"kooplan: {faelle}, {sum(fehler.values())} mit Fehler ({teile})\n"))


def _hinweis(err: IO[str], text: str) -> None:
    _still(lambda: err.write(f"kooplan: Hinweis: {text}\n"))


def _jobs_begrenzt(jobs: int, err: IO[str]) -> int:
    cpus = verfuegbare_cpus()
    if jobs == 0:
        return cpus
    if jobs > cpus:
        _hinweis(
            err,
            f"--jobs {jobs} ist mehr als die {cpus} verfügbaren CPUs; es laufen {cpus} Prozesse.",
        )
        return cpus
    return jobs


def _entscheide(args: argparse.Namespace, aus: _Ausgabe, err: IO[str]) -> int:
    if args.stichtage is not None:
        return _zeitreihe(args, aus, err)
    if args.anfragen:
        return _anfragen(args, aus, err)
    fehlt = [o for o, w in (("--anliegen", args.anliegen), ("--stichtag", args.stichtag)) if not w]
    if fehlt:
        raise _ArgFehler(f"diese Argumente fehlen: {', '.join(fehlt)}")
    if args.faellig is not None and args.faellig < args.stichtag:
        raise _ArgFehler("--faellig darf nicht vor --stichtag liegen.")
    policy = _policies(args).standard
    format = _format(args.datei, args.format)
    jobs = _jobs_begrenzt(args.jobs, err)
    fehler: collections.Counter[str] = collections.Counter()
    n = 0
    quelle = _oeffnen(args.datei)
    try:
        aus.sofort = not _regulaer(quelle)
        if format == "jsonl":
            for text in entscheide_jsonl(
                zeilen_begrenzt(quelle),
                args.anliegen,
                args.stichtag,
                args.faellig,
                policy,
                jobs=jobs,
                fehler=fehler,
            ):
                n += 1
                aus.zeile(text)
        else:
            for nr, fall in faelle_lesen(_lesen_begrenzt(quelle, MAX_BYTES_JE_FALL), "json"):
                n += 1
                if not isinstance(fall, KooplanError):
                    try:
                        e = entscheide(fall, args.anliegen, args.stichtag, args.faellig, policy)
                    except KooplanError as err_:
                        fall = err_
                    else:
                        aus.zeile(entscheidung_als_zeile(e, nr))
                        continue
                fehler[fall.code] += 1
                aus.zeile(zeile(fehler_als_dict(fall, nr)))
    finally:
        if quelle is not getattr(sys.stdin, "buffer", None):
            quelle.close()
    return _abschluss(fehler, n, aus, err)


def _zeitreihe(args: argparse.Namespace, aus: _Ausgabe, err: IO[str]) -> int:
    """``--stichtage``: each case folded once, one line per case and Stichtag, in that order."""
    for option, gesetzt in (
        ("--stichtag", args.stichtag is not None),
        ("--faellig", args.faellig is not None),
        ("--anfragen", args.anfragen),
    ):
        if gesetzt:
            raise _ArgFehler(f"{option} gibt es nicht mit --stichtage.")
    if not args.anliegen:
        raise _ArgFehler("diese Argumente fehlen: --anliegen")
    policy = _policies(args).standard
    format = _format(args.datei, args.format)
    jobs = _jobs_begrenzt(args.jobs, err)
    fehler: collections.Counter[str] = collections.Counter()
    n = 0
    quelle = _oeffnen(args.datei)
    try:
        aus.sofort = not _regulaer(quelle)
        if format == "jsonl":
            for text in entscheide_zeitreihe_jsonl(
                zeilen_begrenzt(quelle),
                args.anliegen,
                args.stichtage,
                policy,
                jobs=jobs,
                fehler=fehler,
            ):
                n += 1
                aus.zeile(text)
        else:
            for nr, fall in faelle_lesen(_lesen_begrenzt(quelle, MAX_BYTES_JE_FALL), "json"):
                werte: list[Entscheidung | KooplanError] = (
                    [fall] * len(args.stichtage)
                    if isinstance(fall, KooplanError)
                    else list(entscheide_stichtage(fall, args.anliegen, args.stichtage, policy))
                )
                for wert in werte:
                    n += 1
                    if isinstance(wert, KooplanError):
                        fehler[wert.code] += 1
                        aus.zeile(zeile(fehler_als_dict(wert, nr)))
                    else:
                        aus.zeile(entscheidung_als_zeile(wert, nr))
    finally:
        if quelle is not getattr(sys.stdin, "buffer", None):
            quelle.close()
    return _abschluss(fehler, n, aus, err, ("Zeile", "Zeilen"))


def _anfragen(args: argparse.Namespace, aus: _Ausgabe, err: IO[str]) -> int:
    for option, wert in (("--anliegen", args.anliegen), ("--stichtag", args.stichtag)):
        if wert is not None:
            raise _ArgFehler(
                f"{option} gibt es nicht mit --anfragen: jede Anfrage nennt es selbst."
            )
    if args.faellig is not None:
        raise _ArgFehler("--faellig gibt es nicht mit --anfragen: jede Anfrage nennt es selbst.")
    if args.format == "json":
        raise _ArgFehler("Anfragen werden als JSON Lines gelesen (eine je Zeile), nicht als JSON.")
    policies = _policies(args)
    jobs = _jobs_begrenzt(args.jobs, err)
    fehler: collections.Counter[str] = collections.Counter()
    n = 0
    quelle = _oeffnen(args.datei)
    try:
        aus.sofort = not _regulaer(quelle)
        for text in entscheide_anfragen(
            zeilen_begrenzt(quelle), policies, jobs=jobs, fehler=fehler
        ):
            n += 1
            aus.zeile(text)
    finally:
        if quelle is not getattr(sys.stdin, "buffer", None):
            quelle.close()
    return _abschluss(fehler, n, aus, err)


def _faelle(datei: str, format: str | None) -> Iterator[tuple[int | None, Any]]:
    """The cases of a file for ``verlauf``: JSON Lines streamed, a JSON file read bounded."""
    format = _format(datei, format)
    quelle = _oeffnen(datei)
    try:
        if format == "json":
            yield from faelle_lesen(_lesen_begrenzt(quelle, MAX_BYTES_JE_FALL), "json")
            return
        for nr, roh in enumerate(zeilen_begrenzt(quelle), start=1):
            z = roh[:-1] if roh.endswith(b"\n") else roh
            z = z[:-1] if z.endswith(b"\r") else z
            yield from ((nr, f) for _, f in faelle_lesen(z, "json"))
    finally:
        if quelle is not getattr(sys.stdin, "buffer", None):
            quelle.close()


def _verlauf(args: argparse.Namespace, aus: _Ausgabe, err: IO[str]) -> int:
    fehler: collections.Counter[str] = collections.Counter()
    n = 0
    for text, code in verlauf_ausgabe(
        _faelle(args.datei, args.format), args.stichtag, json=args.json
    ):
        n += 1
        if code is not None:
            fehler[code] += 1
        aus.schreibe(text)
    return _abschluss(fehler, n, aus, err)


_tabelle = tabelle


def _demo(aus: _Ausgabe) -> int:
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
    aus.schreibe(_tabelle(kopf, zeilen) + "\n")
    aus.schreibe(
        "\nAlle Beispiele stimmen mit dem erwarteten Ergebnis überein.\n"
        if alle_ok
        else "\nMindestens ein Beispiel weicht ab.\n"
    )
    return Ausgang.OK if alle_ok else Ausgang.FEHLER_IN_FAELLEN


def _schema(args: argparse.Namespace, aus: _Ausgabe, err: IO[str]) -> int:
    from kooplan.vertrag.schema import schema, schemabuendel

    if args.name is not None and args.alle:
        raise _ArgFehler("Entweder NAME (ein Schema) oder --alle (die Sammlung), nicht beides.")
    if args.name is not None:
        inhalt = schema(args.name)
    else:
        if not args.alle:
            _hinweis(
                err,
                "ohne NAME gibt 'kooplan schema' die Sammlung aller Schemas aus (wie --alle), "
                "die selbst kein Schema ist; ein Schema allein: "
                "'kooplan schema fall|anfrage|entscheidung|fehler'.",
            )
        inhalt = schemabuendel()
    aus.schreibe(json.dumps(inhalt, ensure_ascii=False, indent=2) + "\n")
    return Ausgang.OK


def _diagramm(aus: _Ausgabe) -> int:
    from kooplan.oberflaechen.diagramm import mermaid

    aus.schreibe(mermaid() + "\n")
    return Ausgang.OK


# -- main ----------------------------------------------------------------------------------------


def _utf8(strom: IO[str], errors: str = "strict") -> IO[str]:
    """The contract's output is UTF-8 whatever the locale says (LC_ALL=C, latin-1 …)."""
    neu = getattr(strom, "reconfigure", None)
    if neu is not None:
        neu(encoding="utf-8", errors=errors)
    return strom


def _fds_belegen() -> None:
    """A closed standard descriptor (``<&-``, ``>&-``, ``2>&-``) is taken by ``/dev/null``, so
    that no file kooplan opens gets its number (``sys.stdin`` and the others stay ``None``)."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                neu = os.open(os.devnull, os.O_RDWR)
                if neu != fd:  # pragma: no cover - the lowest free number is the closed one
                    os.dup2(neu, fd)
                    os.close(neu)


def _stdout_stilllegen() -> None:
    """After a failed write, what is left in the buffer of standard output goes to
    ``/dev/null``, so that the interpreter's flush at exit fails no more."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def _ort(err: BaseException) -> str:
    """Where an internal error arose: the innermost frame in kooplan (file and line)."""
    rahmen = traceback.extract_tb(err.__traceback__)
    for r in reversed(rahmen):
        teile = Path(r.filename).parts
        if "kooplan" in teile:
            return "/".join(teile[teile.index("kooplan") :]) + f":{r.lineno}"
    return "unbekannt"


def main(
    argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None
) -> int:
    """Run the command line; returns the exit status (`Ausgang`)."""
    echt = out is None
    if echt:
        _fds_belegen()
    fehlerstrom: IO[str]
    if err is not None:
        fehlerstrom = err
    elif sys.stderr is not None:
        fehlerstrom = _utf8(sys.stderr, "backslashreplace")
    else:
        fehlerstrom = _Stumm()  # type: ignore[assignment]
    _Parser.fehlerstrom = fehlerstrom

    def melden(text: str) -> None:
        _still(lambda: fehlerstrom.write(f"kooplan: {text}\n"))

    try:
        with _argparse_deutsch():
            args = _parser().parse_args(argv)
    except _Ende as ende:  # --help, --version, or bad arguments (2)
        return ende.status
    if out is None:
        if sys.stdout is None:
            melden(
                "Fehler: Die Standardausgabe ist geschlossen; die Ergebnisse können nicht "
                "geschrieben werden."
            )
            return Ausgang.EIN_AUSGABE
        out = _utf8(sys.stdout)
    with _Signale() as signale:
        aus = _Ausgabe(out, signale)
        try:
            status = _befehl(args, aus, fehlerstrom)
            aus.ende()
            return status
        except _ArgFehler as e:
            melden(f"Fehler: {e}")
            return Ausgang.ARGUMENTE
        except _Abbruch as a:
            _zu_ende(aus)
            name = "SIGINT" if a.signum == signal.SIGINT else "SIGTERM"
            melden(
                f"abgebrochen durch {name} nach {aus.zeilen} Ausgabezeilen; die Ausgabe endet "
                "nach einer vollständigen Zeile."
            )
            return Ausgang.SIGINT if a.signum == signal.SIGINT else Ausgang.SIGTERM
        except _Schreibfehler as s:
            if echt:
                _stdout_stilllegen()
            if s.err.errno == errno.EPIPE:
                return Ausgang.PIPE
            melden(f"Fehler beim Schreiben der Ausgabe: {_grund(s.err)}.")
            return Ausgang.EIN_AUSGABE
        except Lesefehler as f:
            _zu_ende(aus)
            melden(f"Fehler beim Lesen der Eingabe nach {aus.zeilen} Ausgabezeilen: {_grund(f)}.")
            return Ausgang.EIN_AUSGABE
        except KeyboardInterrupt:  # SIGINT before or after the handler was in place
            _zu_ende(aus)
            return Ausgang.SIGINT
        except MemoryError:
            _zu_ende(aus)
            melden("interner Fehler: nicht genug Speicher; die Ausgabe ist unvollständig.")
            return Ausgang.INTERN
        except Exception as e:
            _zu_ende(aus)
            melden(
                f"interner Fehler ({type(e).__name__} in {_ort(e)}); bitte melden. "
                "Die Ausgabe ist unvollständig."
            )
            return Ausgang.INTERN


def _zu_ende(aus: _Ausgabe) -> None:
    """Flush the whole lines written so far; a failure now is not reported a second time."""
    aus.signale.signum = None  # the end is already under way
    try:
        aus.ende()
    except (_Schreibfehler, _Abbruch):
        _stdout_stilllegen()


def _befehl(args: argparse.Namespace, aus: _Ausgabe, err: IO[str]) -> int:
    if args.befehl == "entscheide":
        return _entscheide(args, aus, err)
    if args.befehl == "verlauf":
        return _verlauf(args, aus, err)
    if args.befehl == "serve":
        return _serve(args, err)
    if args.befehl == "demo":
        return _demo(aus)
    if args.befehl == "diagramm":
        return _diagramm(aus)
    if args.befehl == "schema":
        return _schema(args, aus, err)
    if args.befehl == "pruefe":
        return pruefe.ausfuehren(args, aus.schreibe, err)
    raise AssertionError(args.befehl)  # pragma: no cover


def _token(args: argparse.Namespace) -> str | None:
    if args.token_datei is None:
        return os.environ.get("KOOPLAN_TOKEN") or None
    try:
        with open(args.token_datei, "rb") as strom:
            daten = strom.read(4097)
    except OSError as err:
        raise _ArgFehler(
            f"Token-Datei nicht lesbar: {_name(args.token_datei)} ({_grund(err)})."
        ) from None
    try:
        token = daten.decode("utf-8").split("\n", 1)[0].strip()
    except UnicodeDecodeError:
        token = ""
    if not token or len(daten) > 4096:
        raise _ArgFehler(
            f"Token-Datei {_name(args.token_datei)}: Die erste Zeile muss der Token sein "
            "(UTF-8, höchstens 4096 Bytes)."
        )
    return token


def _serve(args: argparse.Namespace, err: IO[str]) -> int:
    """``kooplan serve``: the HTTP service (kooplan.oberflaechen.server) until SIGTERM."""
    policies = _policies(args)
    token = _token(args)
    try:
        from kooplan.oberflaechen import server
    except ImportError as fehlt:
        raise _ArgFehler(
            f"Der HTTP-Dienst braucht das Extra 'server' ({fehlt.name or 'starlette, uvicorn'} "
            "fehlt): pip install 'kooplan[server]'."
        ) from None
    einstellungen = server.Einstellungen(
        max_bytes=args.max_bytes,
        max_bytes_strom=args.max_bytes_strom,
        zeitlimit=args.zeitlimit,
        max_gleichzeitig=args.max_gleichzeitig,
        token=token,
        policies=policies,
    )
    try:
        return server.serve(
            args.host,
            args.port,
            args.workers,
            einstellungen,
            melden=lambda text: _still(lambda: (err.write(f"kooplan: {text}\n"), err.flush())),
        )
    except OSError as fehler:
        raise _ArgFehler(
            f"Adresse {args.host}:{args.port} nicht nutzbar ({_grund(fehler)})."
        ) from None
