"""Deciding a whole case load: streaming, in input order, errors as values, on several processes.

Three entry points:

* `entscheide_alle` decides any iterable of cases (`Fall` objects, contract
  JSON objects as dicts, JSON texts as ``str``/``bytes``, or a
  `KooplanError` already found while reading) and yields one
  `Ergebnis` per case.
* `entscheide_jsonl` decides JSON Lines (an iterable of lines, e.g. a file opened in binary
  mode) and yields exactly the lines ``kooplan entscheide FILE.jsonl`` writes, ``zeile`` included.
* `entscheide_anfragen` answers requests (``kooplan/anfrage/1``), one per line, each with
  its own case, Anliegen, Stichtag, Fälligkeit and policy name, as
  ``kooplan entscheide --anfragen`` does.

All are generators over their input: memory stays flat whatever the input size (with ``jobs=1``
one case is read per result; with ``jobs > 1`` at most ``2 * jobs`` chunks are in flight, a chunk
holding at most ``chunk`` cases and, for JSON Lines, about `CHUNK_BYTES` bytes), results
come in input order, and a bad case yields its error in its place and never stops the others.

With ``jobs > 1`` the cases are decided in worker processes, each with a pipe of its own to this
process (nothing is shared between workers, so a worker that dies at any moment, even while it
sends its answer, cannot block the others or this process). A dead worker is noticed at once: a
new one takes its place and the chunk it had is run again. A chunk whose worker died twice is
split into single cases; a single case whose worker died twice gets the error
``verarbeitung_abgebrochen`` in its place. So every case gets exactly one answer, in order.
Workers end when this process ends, on any signal (on Linux by ``PR_SET_PDEATHSIG``, elsewhere
within a second by a watch on the parent).

Arguments that concern every case (`anliegen`, `stichtag`, `faellig`, `jobs`, `chunk`)
are checked at the call, before any case is read: a bad one raises
`UngueltigeEingabe` (`ValueError`), as the command line exits 2.

Examples:
    >>> import datetime as dt
    >>> import kooplan
    >>> from kooplan.oberflaechen.batch import entscheide_alle, entscheide_jsonl
    >>> fall = kooplan.Fall("JC-1", [kooplan.PlanGescheitert(am=dt.date(2025, 5, 2))])
    >>> [(r.index, r.fall, r.ok) for r in entscheide_alle([fall, b"kein JSON"], "massnahme",
    ...                                                    dt.date(2025, 5, 6))]
    [(0, 'JC-1', True), (1, None, False)]
    >>> zeilen = [b'{"schema": "kooplan/fall/1", "fall": "JC-2", "ereignisse": []}\\n', b"\\n"]
    >>> for z in entscheide_jsonl(zeilen, "einladung", dt.date(2025, 5, 6)):
    ...     print(z[:64])
    {"schema": "kooplan/entscheidung/1", "fall": "JC-2", "zeile": 1,
    {"schema": "kooplan/fehler/1", "fall": null, "zeile": 2, "fehler
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import datetime as dt
import itertools
import multiprocessing
import multiprocessing.connection
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from multiprocessing.connection import Connection
from typing import Any, Final, Generic, TypeVar

import attrs

from kooplan.motor.entscheidung import Entscheidung, entscheide, entscheide_stichtage
from kooplan.recht.policy import STANDARD, Policy
from kooplan.vertrag.ausgabe import (
    entscheidung_als_dict,
    entscheidung_als_zeile,
    fehler_als_dict,
    zeile,
)
from kooplan.vertrag.laden import anfrage_aus_json, fall_aus_json, fall_aus_objekt
from kooplan.werte.anliegen import Anliegen, als_anliegen
from kooplan.werte.fall import Fall
from kooplan.werte.fehler import KooplanError, UngueltigeEingabe, VerarbeitungAbgebrochen

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

CHUNK: Final = 256
"""Cases per chunk sent to a worker process (`jobs > 1`): large enough that sending a chunk
costs little against deciding it, small enough that a crash repeats little work."""
CHUNK_BYTES: Final = 1_000_000
"""Bytes of JSON Lines per chunk: a chunk is closed once it holds this many (or `chunk` lines),
so that lines of a megabyte travel alone and the bytes in flight stay bounded."""
_IN_FLIGHT_JE_JOB: Final = 2
"""Chunks read ahead per worker process: one being decided, one waiting."""

Eingabe = Fall | KooplanError | Mapping[str, Any] | str | bytes | bytearray
"""What `entscheide_alle` accepts as one case."""

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen
class Auftrag:
    """What every case of a batch is decided for (checked once, sent to the workers)."""

    anliegen: Anliegen
    """The Anliegen of every case."""
    stichtag: dt.date
    """The Stichtag of every case."""
    faellig: dt.date | None = None
    """The due day of every case (`None`: the Stichtag)."""
    policy: Policy = STANDARD
    """The policy."""

    @classmethod
    def neu(
        cls,
        anliegen: Anliegen | str,
        stichtag: dt.date,
        faellig: dt.date | None = None,
        policy: Policy = STANDARD,
    ) -> Auftrag:
        """Check the arguments as `kooplan.entscheide` does, but once for the batch."""
        anliegen = als_anliegen(anliegen)
        for name, tag in (("stichtag", stichtag), ("faellig", faellig)):
            if tag is not None and (isinstance(tag, dt.datetime) or not isinstance(tag, dt.date)):
                raise UngueltigeEingabe(f"'{name}' muss ein Datum sein (ohne Uhrzeit).", ort=name)
        if faellig is not None and faellig < stichtag:
            raise UngueltigeEingabe("'faellig' darf nicht vor dem Stichtag liegen.", ort="faellig")
        if not isinstance(policy, Policy):
            raise UngueltigeEingabe("'policy' muss eine kooplan.Policy sein.", ort="policy")
        return cls(anliegen, stichtag, faellig, policy)


@attrs.frozen
class Ergebnis:
    """The result for one case of a batch: its decision or its error, in the case's place.

    `index` is the case's 0-based position in the input, `zeile` its 1-based line for JSON
    Lines input (else `None`), `fall` the case id when it is known and valid (else `None`),
    `wert` the `Entscheidung` or the `KooplanError`.
    """

    index: int
    """The case's 0-based position in the input."""
    zeile: int | None
    """Its 1-based line for JSON Lines input, else `None`."""
    fall: str | None
    """The case id when it is known and valid, else `None`."""
    wert: Entscheidung | KooplanError
    """The decision, or the error of this case."""

    @property
    def ok(self) -> bool:
        """True when the case was decided."""
        return isinstance(self.wert, Entscheidung)

    @property
    def entscheidung(self) -> Entscheidung | None:
        """The decision, or `None` for an error."""
        return self.wert if isinstance(self.wert, Entscheidung) else None

    @property
    def fehler(self) -> KooplanError | None:
        """The error, or `None` for a decision."""
        return self.wert if isinstance(self.wert, KooplanError) else None

    def als_dict(self) -> dict[str, Any]:
        """The contract's JSON object (`kooplan/entscheidung/1` or `kooplan/fehler/1`)."""
        if isinstance(self.wert, Entscheidung):
            return entscheidung_als_dict(self.wert, self.zeile)
        return fehler_als_dict(self.wert, self.zeile)

    def als_zeile(self) -> str:
        """The contract's JSON Lines line (without the newline)."""
        if isinstance(self.wert, Entscheidung):
            return entscheidung_als_zeile(self.wert, self.zeile)
        return zeile(fehler_als_dict(self.wert, self.zeile))


# -- one case ---------------------------------------------------------------------------------------


def _fall(eingabe: Eingabe) -> Fall:
    if isinstance(eingabe, Fall):
        return eingabe
    if isinstance(eingabe, (bytes, bytearray, str)):
        return fall_aus_json(bytes(eingabe) if isinstance(eingabe, bytearray) else eingabe)
    if isinstance(eingabe, Mapping):
        return fall_aus_objekt(eingabe if isinstance(eingabe, dict) else dict(eingabe))
    raise UngueltigeEingabe(
        "Ein Fall muss ein kooplan.Fall, ein JSON-Objekt (dict) oder ein JSON-Text sein."
    )


def _entscheide_eins(eingabe: Eingabe, auftrag: Auftrag) -> Entscheidung | KooplanError:
    """Decide one case; every `KooplanError` becomes a value (other exceptions are bugs
    and propagate, as in the command line)."""
    if isinstance(eingabe, KooplanError):
        return eingabe
    try:
        fall = _fall(eingabe)
        return entscheide(fall, auftrag.anliegen, auftrag.stichtag, auftrag.faellig, auftrag.policy)
    except KooplanError as err:
        return err


def _ergebnis(index: int, eingabe: Eingabe, auftrag: Auftrag, erste_zeile: int | None) -> Ergebnis:
    wert = _entscheide_eins(eingabe, auftrag)
    nr = None if erste_zeile is None else erste_zeile + index
    return Ergebnis(index, nr, wert.fall, wert)


def _ohne_zeilenende(z: bytes | bytearray | str) -> bytes:
    """A JSON Lines line as `kooplan entscheide` sees it: without `\\n` and one `\\r`.

    Text lines are encoded back to UTF-8 first (`surrogateescape` restores bytes a text file
    could not decode), so the loader's limits and messages are those of the byte input.
    """
    if isinstance(z, str):
        text = z
        try:
            z = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            z = text.encode("utf-8", "surrogatepass")  # the loader reports it as invalid UTF-8
    if z.endswith(b"\n"):
        z = z[:-1]
    if z.endswith(b"\r"):
        z = z[:-1]
    return bytes(z)


def _jsonl_zeile(nr: int, roh: bytes | bytearray | str, auftrag: Auftrag) -> tuple[str, str | None]:
    """One output line for one input line, and its error code (`None` for a decision)."""
    return _jsonl_zeile_ohne_ende(nr, _ohne_zeilenende(roh), auftrag)


def _jsonl_zeile_ohne_ende(nr: int, roh: bytes, auftrag: Auftrag) -> tuple[str, str | None]:
    wert = _entscheide_eins(roh, auftrag)
    if isinstance(wert, KooplanError):
        return zeile(fehler_als_dict(wert, nr)), wert.code
    return entscheidung_als_zeile(wert, nr), None


# -- chunks (what a worker process runs) --------------------------------------------------------------

_ObjektChunk = tuple[Auftrag, int | None, list[tuple[int, Eingabe]]]
_JsonlChunk = tuple[Auftrag, int, bytes, list[int]]
r"""JSON Lines travel to a worker as one bytes object and the length of each line, and come back as
one text (the output lines joined by `\n`) and the error codes: one large object pickles in a
fraction of the time of hundreds of small ones, and the calling process does that work for every
line. An output line never holds a `\n` (JSON escapes it); an input line may."""
_JsonlErgebnis = tuple[str, list[str | None]]


def _objekt_chunk(arbeit: _ObjektChunk) -> list[Ergebnis]:
    auftrag, erste_zeile, faelle = arbeit
    return [_ergebnis(i, eingabe, auftrag, erste_zeile) for i, eingabe in faelle]


def _jsonl_packen(teil: list[tuple[int, bytes]]) -> tuple[int, bytes, list[int]]:
    return teil[0][0], b"".join(z for _, z in teil), [len(z) for _, z in teil]


def _jsonl_chunk(arbeit: _JsonlChunk) -> _JsonlErgebnis:
    auftrag, nr, daten, laengen = arbeit
    return _zeilen_chunk(nr, daten, laengen, lambda n, roh: _jsonl_zeile_ohne_ende(n, roh, auftrag))


def _zeilen_chunk(
    nr: int, daten: bytes, laengen: list[int], eine: Callable[[int, bytes], tuple[str, str | None]]
) -> _JsonlErgebnis:
    texte: list[str] = []
    codes: list[str | None] = []
    ab = 0
    for i, n in enumerate(laengen):
        text, code = eine(nr + i, daten[ab : ab + n])
        ab += n
        texte.append(text)
        codes.append(code)
    return "\n".join(texte), codes


def _jsonl_auspacken(ergebnis: _JsonlErgebnis) -> list[tuple[str, str | None]]:
    text, codes = ergebnis
    texte = text.split("\n")
    if len(texte) != len(codes):  # pragma: no cover - an output line never holds a newline
        raise AssertionError("eine Ausgabezeile enthält einen Zeilenumbruch")
    return list(zip(texte, codes, strict=True))


def _chunks(items: Iterable[T], groesse: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, groesse)):
        yield chunk


def _zeilen_chunks(
    nummeriert: Iterable[tuple[int, bytes | bytearray | str]], groesse: int
) -> Iterator[list[tuple[int, bytes]]]:
    """Lines without their line end, in chunks of at most ``groesse`` lines and about
    `CHUNK_BYTES` bytes (a chunk is closed once it reaches either; a longer line travels
    alone). No line is read before the chunk it belongs to is needed."""
    teil: list[tuple[int, bytes]] = []
    n = 0
    for nr, roh in nummeriert:
        z = _ohne_zeilenende(roh)
        teil.append((nr, z))
        n += len(z)
        if len(teil) >= groesse or n >= CHUNK_BYTES:
            yield teil
            teil, n = [], 0
    if teil:
        yield teil


def verfuegbare_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the platform has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # pragma: no cover - platforms without affinity masks
        return os.cpu_count() or 1


def _jobs(jobs: int) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise UngueltigeEingabe(
            "'jobs' muss eine ganze Zahl ab 0 sein (0: alle Kerne).", ort="jobs"
        )
    if jobs == 0:
        return verfuegbare_cpus()
    return jobs


def _chunk_groesse(chunk: int) -> int:
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise UngueltigeEingabe("'chunk' muss eine ganze Zahl ab 1 sein.", ort="chunk")
    return chunk


# -- the worker processes -------------------------------------------------------------------------

#: ``prctl(PR_SET_PDEATHSIG, …)`` (Linux): the kernel sends the signal when the parent ends.
_PR_SET_PDEATHSIG: Final = 1
#: How often a worker looks whether its parent still lives, where the kernel does not tell it.
_WACHE_SEKUNDEN: Final = 1.0


def _mit_eltern_enden(eltern: int | None) -> None:
    """Make this worker end when its parent ends, whatever ends it (SIGKILL included)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if eltern is None:  # a forkserver's child: its parent is the forkserver
        eltern = os.getppid()
    if os.getppid() != eltern:  # the parent ended before the line above
        os._exit(0)
    threading.Thread(target=_wache, args=(eltern,), name="kooplan-wache", daemon=True).start()


def _wache(eltern: int) -> None:  # pragma: no cover - runs in the worker process
    while True:
        time.sleep(_WACHE_SEKUNDEN)
        if os.getppid() != eltern:
            os._exit(0)


def _arbeiter(verbindung: Connection, eltern: int | None, schliessen: list[int]) -> None:
    """The loop of a worker process: receive ``(fn, arbeit)``, answer ``(True, fn(arbeit))``.

    An exception of ``fn`` (a bug: a `KooplanError` is a case's value, never raised here)
    is answered ``(False, None)``: the calling process then runs the chunk itself, so that the
    bug is raised there as it would be with one process."""
    for fd in schliessen:  # the other workers' pipes, inherited by fork
        with contextlib.suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _mit_eltern_enden(eltern)
    while True:
        try:
            nachricht = verbindung.recv_bytes()
        except (EOFError, OSError):
            return
        antwort: tuple[bool, Any]
        try:
            fn, arbeit = pickle.loads(nachricht)
            del nachricht
            antwort = (True, fn(arbeit))
        except Exception:
            antwort = (False, None)
        try:
            daten = pickle.dumps(antwort, pickle.HIGHEST_PROTOCOL)
        except Exception:
            daten = pickle.dumps((False, None))
        del antwort
        try:
            verbindung.send_bytes(daten)
        except OSError:
            return


@attrs.define
class _Teil(Generic[T, R]):
    """A chunk in flight: its work, its result once there, and how often its worker died."""

    arbeit: T
    einzeln: bool
    ergebnis: R | None = None
    fertig: bool = False
    laeuft: bool = False
    hier: bool = False
    tode: int = 0


@attrs.define
class _Arbeiter:
    prozess: Any
    verbindung: Connection
    teil: _Teil[Any, Any] | None = None


@attrs.frozen
class _Art(Generic[T, R]):
    """What the pool needs to know of a kind of chunk."""

    #: Decides a chunk (runs in a worker, or here).
    fn: Callable[[T], R]
    #: The chunk split into chunks of one case each.
    teilen: Callable[[T], list[T]]
    #: How many cases a chunk holds.
    anzahl: Callable[[T], int]
    #: The result of a chunk of one case whose worker died twice.
    abgebrochen: Callable[[T], R]


#: After this many workers in a row died without any chunk being answered, the rest is decided
#: in this process (the processes themselves fail, e.g. they cannot be started).
_MAX_NEUSTARTS: Final = 8


class _Pool:
    """Worker processes, each with a pipe of its own; started when there is work for them."""

    def __init__(self, jobs: int, mp_kontext: str | None) -> None:
        self.jobs = jobs
        self.kontext = multiprocessing.get_context(mp_kontext)
        self.arbeiter: list[_Arbeiter] = []
        self.tode_in_folge = 0
        self.aufgegeben = False

    def _starten(self) -> _Arbeiter | None:
        methode = self.kontext.get_start_method()
        eltern = os.getpid() if methode in ("fork", "spawn") else None
        schliessen = [a.verbindung.fileno() for a in self.arbeiter] if methode == "fork" else []
        hier, dort = self.kontext.Pipe(duplex=True)
        try:
            prozess = self.kontext.Process(  # type: ignore[attr-defined]
                target=_arbeiter, args=(dort, eltern, schliessen), daemon=True
            )
            prozess.start()
        except OSError:  # no process can be started now (limits, memory)
            hier.close()
            dort.close()
            self._tod()
            return None
        dort.close()
        a = _Arbeiter(prozess, hier)
        self.arbeiter.append(a)
        return a

    def _tod(self) -> None:
        self.tode_in_folge += 1
        if self.tode_in_folge >= _MAX_NEUSTARTS:
            self.aufgegeben = True

    def frei(self) -> _Arbeiter | None:
        """An idle worker, started if fewer than ``jobs`` run; ``None`` if all are busy."""
        for a in self.arbeiter:
            if a.teil is None:
                return a
        if len(self.arbeiter) < self.jobs and not self.aufgegeben:
            return self._starten()
        return None

    def senden(self, a: _Arbeiter, fn: Callable[[T], R], teil: _Teil[T, R]) -> bool:
        """Give ``teil`` to ``a``; ``False`` when it cannot travel to a worker (then it is to be
        decided here) or ``a`` died meanwhile (then the chunk waits for the next worker)."""
        try:
            nachricht = pickle.dumps((fn, teil.arbeit), pickle.HIGHEST_PROTOCOL)
        except Exception:  # an input that cannot be pickled
            teil.hier = True
            return False
        try:
            a.verbindung.send_bytes(nachricht)
        except OSError:  # the worker died while idle: not this chunk's doing
            self._weg(a)
            self._tod()
            return False
        a.teil = teil
        teil.laeuft = True
        return True

    def warten(self) -> list[tuple[_Arbeiter, bool, Any]]:
        """Wait until a busy worker answers or dies: ``(worker, answered, answer)`` for each."""
        beschaeftigt = [a for a in self.arbeiter if a.teil is not None]
        objekte: list[Any] = [a.verbindung for a in beschaeftigt]
        objekte += [a.prozess.sentinel for a in beschaeftigt]
        bereit = set(multiprocessing.connection.wait(objekte))
        ereignisse: list[tuple[_Arbeiter, bool, Any]] = []
        for a in beschaeftigt:
            if a.verbindung in bereit:
                try:
                    antwort = pickle.loads(a.verbindung.recv_bytes())
                except (EOFError, OSError, pickle.UnpicklingError):
                    ereignisse.append((a, False, None))
                    continue
                ereignisse.append((a, True, antwort))
            elif a.prozess.sentinel in bereit:
                ereignisse.append((a, False, None))
        return ereignisse

    def _weg(self, a: _Arbeiter) -> None:
        self.arbeiter.remove(a)
        a.verbindung.close()
        if a.prozess.is_alive():
            a.prozess.kill()
        a.prozess.join()

    def gestorben(self, a: _Arbeiter) -> _Teil[Any, Any] | None:
        """A worker died: remove it; return the chunk it had (``None`` if it was idle)."""
        teil, a.teil = a.teil, None
        self._weg(a)
        self._tod()
        return teil

    def schliessen(self) -> None:
        """End every worker at once (they hold nothing that needs a clean end)."""
        for a in list(self.arbeiter):
            self._weg(a)


def _geordnet(
    arbeiten: Iterator[T], art: _Art[T, R], jobs: int, mp_kontext: str | None
) -> Iterator[R]:
    """``art.fn`` over the chunks on up to ``jobs`` worker processes, the results in input
    order (a split chunk gives the results of its parts), at most ``2 * jobs`` chunks read
    ahead. Every chunk gets its result: see the module's description for a dead worker."""
    pool = _Pool(jobs, mp_kontext)
    offen: list[_Teil[T, R]] = []
    grenze = _IN_FLIGHT_JE_JOB * jobs
    quelle = iter(arbeiten)
    erschoepft = False
    try:
        while True:
            while not erschoepft and len(offen) < grenze:
                arbeit = next(quelle, _ENDE)
                if arbeit is _ENDE:
                    erschoepft = True
                else:
                    offen.append(_Teil(arbeit, art.anzahl(arbeit) == 1))  # type: ignore[arg-type]
            while offen and offen[0].fertig:
                yield offen.pop(0).ergebnis  # type: ignore[misc]
            if not offen:
                if erschoepft:
                    return
                continue
            kopf = offen[0]
            if (kopf.hier or pool.aufgegeben) and not kopf.laeuft:
                kopf.ergebnis = art.fn(kopf.arbeit)
                kopf.fertig = True
                continue
            for teil in offen:
                if teil.fertig or teil.laeuft or teil.hier:
                    continue
                a = pool.frei()
                if a is None:
                    break
                pool.senden(a, art.fn, teil)
            if not any(t.laeuft for t in offen):
                continue  # nothing to wait for: the head is decided here next
            for a, beantwortet, antwort in pool.warten():
                t: _Teil[T, R] | None = a.teil
                assert t is not None
                if beantwortet:
                    a.teil = None
                    t.laeuft = False
                    pool.tode_in_folge = 0
                    ok, ergebnis = antwort
                    if ok:
                        t.ergebnis, t.fertig = ergebnis, True
                    else:  # a bug in the worker: run it here, where it raises as with jobs=1
                        t.hier = True
                    continue
                pool.gestorben(a)
                t.laeuft = False
                t.tode += 1
                if t.tode < 2:
                    continue
                if t.einzeln:
                    t.ergebnis, t.fertig = art.abgebrochen(t.arbeit), True
                    pool.tode_in_folge = 0
                else:
                    i = offen.index(t)
                    offen[i : i + 1] = [_Teil(e, True) for e in art.teilen(t.arbeit)]
    finally:
        pool.schliessen()


_ENDE: Final = object()


def _selbst(teil: list[Ergebnis]) -> list[Ergebnis]:
    return teil


def _flach(teile: Iterator[T], auspacken: Callable[[T], Iterable[R]]) -> Iterator[R]:
    """The items of every chunk result, in order; closing this closes `teile` (the pool)."""
    try:
        for teil in teile:
            yield from auspacken(teil)
    finally:
        close = getattr(teile, "close", None)
        if close is not None:
            close()


def _objekt_art() -> _Art[_ObjektChunk, list[Ergebnis]]:
    def teilen(arbeit: _ObjektChunk) -> list[_ObjektChunk]:
        auftrag, erste_zeile, faelle = arbeit
        return [(auftrag, erste_zeile, [f]) for f in faelle]

    def abgebrochen(arbeit: _ObjektChunk) -> list[Ergebnis]:
        _, erste_zeile, [(i, _)] = arbeit
        nr = None if erste_zeile is None else erste_zeile + i
        return [Ergebnis(i, nr, None, VerarbeitungAbgebrochen())]

    return _Art(_objekt_chunk, teilen, lambda a: len(a[2]), abgebrochen)


def _zeilen_art(fn: Callable[[Any], _JsonlErgebnis]) -> _Art[Any, _JsonlErgebnis]:
    """For chunks ``(kontext, nr, daten, laengen)`` of lines (cases or requests)."""

    def teilen(arbeit: Any) -> list[Any]:
        kontext, nr, daten, laengen = arbeit
        teile, ab = [], 0
        for i, n in enumerate(laengen):
            teile.append((kontext, nr + i, daten[ab : ab + n], [n]))
            ab += n
        return teile

    def abgebrochen(arbeit: Any) -> _JsonlErgebnis:
        err = VerarbeitungAbgebrochen()
        return zeile(fehler_als_dict(err, arbeit[1])), [err.code]

    return _Art(fn, teilen, lambda a: len(a[3]), abgebrochen)


# -- the API ----------------------------------------------------------------------------------------


def entscheide_alle(
    faelle: Iterable[Eingabe],
    anliegen: Anliegen | str,
    stichtag: dt.date,
    faellig: dt.date | None = None,
    policy: Policy = STANDARD,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    erste_zeile: int | None = None,
    mp_kontext: str | None = None,
) -> Iterator[Ergebnis]:
    """Decide every case of `faelle` for `anliegen` on `stichtag`; one `Ergebnis`
    per case, in input order, as a generator (the input is read as the results are consumed).

    A case may be a `Fall`, a contract JSON object (``dict``), a JSON text
    (``str``/``bytes``), or a `KooplanError` (passed through as that case's
    error, e.g. from `kooplan.vertrag.laden.faelle_lesen`). Each result equals what
    `kooplan.entscheide` returns or raises for that case; a case whose worker process died
    twice gets `VerarbeitungAbgebrochen`.

    ``jobs``: worker processes (1: in this process; 0: one per available CPU); they are started
    only when there is work for them. ``chunk``: cases per chunk sent to a worker.
    ``erste_zeile``: when given, case ``i`` gets ``zeile = erste_zeile + i``. ``mp_kontext``: the
    `multiprocessing` start method (``"fork"``, ``"spawn"``, ``"forkserver"``; default: the
    platform's).
    """
    auftrag = Auftrag.neu(anliegen, stichtag, faellig, policy)
    n_jobs = _jobs(jobs)
    groesse = _chunk_groesse(chunk)
    if n_jobs == 1:
        return (_ergebnis(i, e, auftrag, erste_zeile) for i, e in enumerate(faelle))
    arbeiten = ((auftrag, erste_zeile, teil) for teil in _chunks(enumerate(faelle), groesse))
    return _flach(_geordnet(arbeiten, _objekt_art(), n_jobs, mp_kontext), _selbst)


def entscheide_jsonl(
    zeilen: Iterable[bytes | bytearray | str],
    anliegen: Anliegen | str,
    stichtag: dt.date,
    faellig: dt.date | None = None,
    policy: Policy = STANDARD,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    erste_zeile: int = 1,
    fehler: collections.Counter[str] | None = None,
    mp_kontext: str | None = None,
) -> Iterator[str]:
    """Decide JSON Lines: for every input line exactly the line `kooplan entscheide` writes
    (without the newline), `zeile` included, in input order, as a generator.

    `zeilen`: lines as a file opened in binary mode yields them (`\\n` and one `\\r` at the
    end are removed); text lines are taken as UTF-8. A blank or non-JSON line gives an error line.
    `erste_zeile`: the number of the first line (for a part of a file). `fehler`: a counter
    that gets one count per error line, by error code (for a summary such as the command line's).
    `jobs`, `chunk`, `mp_kontext`: as in `entscheide_alle`.
    """
    auftrag = Auftrag.neu(anliegen, stichtag, faellig, policy)
    n_jobs = _jobs(jobs)
    groesse = _chunk_groesse(chunk)
    nummeriert = enumerate(zeilen, start=erste_zeile)
    if n_jobs == 1:
        paare: Iterator[tuple[str, str | None]] = (
            _jsonl_zeile(nr, roh, auftrag) for nr, roh in nummeriert
        )
    else:
        arbeiten = ((auftrag, *_jsonl_packen(teil)) for teil in _zeilen_chunks(nummeriert, groesse))
        paare = _flach(
            _geordnet(arbeiten, _zeilen_art(_jsonl_chunk), n_jobs, mp_kontext), _jsonl_auspacken
        )
    return _zaehlen(paare, fehler)


def _zaehlen(
    paare: Iterator[tuple[str, str | None]], fehler: collections.Counter[str] | None
) -> Iterator[str]:
    for text, code in paare:
        if code is not None and fehler is not None:
            fehler[code] += 1
        yield text


# -- requests ---------------------------------------------------------------------------------------


def _als_dict(m: Mapping[str, Policy]) -> Mapping[str, Policy]:
    return dict(m) if isinstance(m, Mapping) else m  # anything else is refused below


@attrs.frozen
class Policies:
    """The policies a run of requests may name: ``standard`` for a request without ``policy``,
    and the named ones (``kooplan entscheide --anfragen --policy NAME=FILE``)."""

    standard: Policy = attrs.field(default=STANDARD)
    """The policy of a request that names none."""
    benannt: Mapping[str, Policy] = attrs.field(factory=dict, converter=_als_dict)
    """The policies by name."""

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.standard, Policy) or not all(
            isinstance(k, str) and isinstance(v, Policy) for k, v in self.benannt.items()
        ):
            raise UngueltigeEingabe(
                "'policies' muss Policies mit Namen (Text) zu kooplan.Policy sein.",
                ort="policies",
            )


#: Fields of a request that are not inside its case: an error there keeps its ``ort``.
_ANFRAGE_ORTE: Final = frozenset({"schema", "anliegen", "stichtag", "faellig", "policy"})


def _anfrage_zeile(nr: int, roh: bytes, policies: Policies) -> tuple[str, str | None]:
    """One answer line for one request line, and its error code (``None`` for a decision)."""
    try:
        anfrage = anfrage_aus_json(roh)
        if anfrage.policy is None:
            policy = policies.standard
        elif anfrage.policy in policies.benannt:
            policy = policies.benannt[anfrage.policy]
        else:
            raise UngueltigeEingabe(
                "'policy' nennt keine Policy, mit der kooplan gestartet wurde.",
                ort="policy",
                fall=anfrage.fall.fall,
            )
        try:
            e = entscheide(
                anfrage.fall, anfrage.anliegen, anfrage.stichtag, anfrage.faellig, policy
            )
        except KooplanError as err:
            if err.ort is not None and err.ort.split(".")[0].split("[")[0] not in _ANFRAGE_ORTE:
                err.unter("fall")  # a place in the case: under the request's "fall"
            raise
    except KooplanError as err:
        return zeile(fehler_als_dict(err, nr)), err.code
    return entscheidung_als_zeile(e, nr), None


_AnfragenChunk = tuple[Policies, int, bytes, list[int]]


def _anfragen_chunk(arbeit: _AnfragenChunk) -> _JsonlErgebnis:
    policies, nr, daten, laengen = arbeit
    return _zeilen_chunk(nr, daten, laengen, lambda n, roh: _anfrage_zeile(n, roh, policies))


def entscheide_anfragen(
    zeilen: Iterable[bytes | bytearray | str],
    policies: Policies | None = None,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    erste_zeile: int = 1,
    fehler: collections.Counter[str] | None = None,
    mp_kontext: str | None = None,
) -> Iterator[str]:
    """Answer requests (``kooplan/anfrage/1``), one JSON object per line: for every line exactly
    the line ``kooplan entscheide --anfragen`` writes (a ``kooplan/entscheidung/1`` or
    ``kooplan/fehler/1`` object with ``zeile``), in input order, as a generator.

    Each request names its case, Anliegen, Stichtag, optionally its Fälligkeit and the name of
    one of ``policies`` (without a name: ``policies.standard``). An error inside the request's
    case has its ``ort`` under ``fall`` (``fall.ereignisse[2].am``). With ``jobs=1`` each answer
    is yielded before the next line is read, so a caller on a pipe can send one request, read its
    answer and then send the next. ``jobs``, ``chunk``, ``erste_zeile``, ``fehler``,
    ``mp_kontext``: as in `entscheide_jsonl`.

    Examples:
        >>> fall = '{"schema": "kooplan/fall/1", "fall": "JC-1", "ereignisse": []}'
        >>> zeilen = [
        ...     '{"schema": "kooplan/anfrage/1", "anliegen": "einladung", "stichtag": "2025-05-06", '
        ...     f'"fall": {fall}}}',
        ...     '{"schema": "kooplan/anfrage/1", "anliegen": "einladung", "stichtag": "2025-05-06", '
        ...     f'"policy": "streng", "fall": {fall}}}',
        ... ]
        >>> for z in entscheide_anfragen(zeilen):
        ...     print(z[:70])
        {"schema": "kooplan/entscheidung/1", "fall": "JC-1", "zeile": 1, "stic
        {"schema": "kooplan/fehler/1", "fall": "JC-1", "zeile": 2, "fehler": "
    """
    if policies is None:
        policies = Policies()
    if not isinstance(policies, Policies):
        raise UngueltigeEingabe("'policies' muss kooplan.batch.Policies sein.", ort="policies")
    n_jobs = _jobs(jobs)
    groesse = _chunk_groesse(chunk)
    nummeriert = enumerate(zeilen, start=erste_zeile)
    if n_jobs == 1:
        paare: Iterator[tuple[str, str | None]] = (
            _anfrage_zeile(nr, _ohne_zeilenende(roh), policies) for nr, roh in nummeriert
        )
    else:
        arbeiten = (
            (policies, *_jsonl_packen(teil)) for teil in _zeilen_chunks(nummeriert, groesse)
        )
        paare = _flach(
            _geordnet(arbeiten, _zeilen_art(_anfragen_chunk), n_jobs, mp_kontext),
            _jsonl_auspacken,
        )
    return _zaehlen(paare, fehler)


# -- panels: one fold per case, many Stichtage -------------------------------------------------------


def monatsenden(von: dt.date, bis: dt.date) -> tuple[dt.date, ...]:
    """The last day of every month from the month of `von` to that of `bis`, both included.

    Examples:
        >>> monatsenden(dt.date(2024, 1, 15), dt.date(2024, 3, 1))
        (datetime.date(2024, 1, 31), datetime.date(2024, 2, 29), datetime.date(2024, 3, 31))
    """
    for name, tag in (("von", von), ("bis", bis)):
        if isinstance(tag, dt.datetime) or not isinstance(tag, dt.date):
            raise UngueltigeEingabe(f"'{name}' muss ein Datum sein (ohne Uhrzeit).", ort=name)
    if bis < von:
        raise UngueltigeEingabe("'bis' darf nicht vor 'von' liegen.", ort="bis")
    out: list[dt.date] = []
    jahr, monat = von.year, von.month
    while (jahr, monat) <= (bis.year, bis.month):
        folge = dt.date(jahr + monat // 12, monat % 12 + 1, 1)
        out.append(folge - dt.timedelta(days=1))
        jahr, monat = folge.year, folge.month
    return tuple(out)


@attrs.frozen
class Zeitreihenauftrag:
    """What every case of a panel is decided for (checked once, sent to the workers)."""

    anliegen: Anliegen
    """The Anliegen of every case."""
    stichtage: tuple[dt.date, ...]
    """The Stichtage, ascending, each once."""
    policy: Policy = STANDARD
    """The policy."""

    @classmethod
    def neu(
        cls, anliegen: Anliegen | str, stichtage: Iterable[dt.date], policy: Policy = STANDARD
    ) -> Zeitreihenauftrag:
        """Check the arguments once for the panel; the Stichtage are sorted, repeats dropped."""
        anliegen = als_anliegen(anliegen)
        if isinstance(stichtage, (str, bytes, dt.date)) or not isinstance(stichtage, Iterable):
            raise UngueltigeEingabe("'stichtage' muss eine Folge von Daten sein.", ort="stichtage")
        tage = list(stichtage)
        for tag in tage:
            if isinstance(tag, dt.datetime) or not isinstance(tag, dt.date):
                raise UngueltigeEingabe(
                    "Jeder Stichtag muss ein Datum sein (ohne Uhrzeit).", ort="stichtage"
                )
        if not tage:
            raise UngueltigeEingabe("Es fehlt ein Stichtag.", ort="stichtage")
        if not isinstance(policy, Policy):
            raise UngueltigeEingabe("'policy' muss eine kooplan.Policy sein.", ort="policy")
        return cls(anliegen, tuple(sorted(set(tage))), policy)


@attrs.frozen
class Zeitreihenergebnis:
    """The result for one case at one Stichtag of a panel.

    `index`, `zeile` and `fall` are those of the case as in `Ergebnis`; `stichtag` is the
    Stichtag, `wert` the `Entscheidung` or the `KooplanError` for it.
    """

    index: int
    """The case's 0-based position in the input."""
    zeile: int | None
    """Its 1-based line for JSON Lines input, else `None`."""
    fall: str | None
    """The case id when it is known and valid, else `None`."""
    stichtag: dt.date
    """The Stichtag of this result."""
    wert: Entscheidung | KooplanError
    """The decision, or the error of this case at this Stichtag."""

    @property
    def ok(self) -> bool:
        """True when the case was decided at this Stichtag."""
        return isinstance(self.wert, Entscheidung)

    def als_dict(self) -> dict[str, Any]:
        """The contract's JSON object (`kooplan/entscheidung/1` or `kooplan/fehler/1`)."""
        if isinstance(self.wert, Entscheidung):
            return entscheidung_als_dict(self.wert, self.zeile)
        return fehler_als_dict(self.wert, self.zeile)

    def als_zeile(self) -> str:
        """The contract's JSON Lines line (without the newline)."""
        if isinstance(self.wert, Entscheidung):
            return entscheidung_als_zeile(self.wert, self.zeile)
        return zeile(fehler_als_dict(self.wert, self.zeile))


def _zeitreihe_eins(
    eingabe: Eingabe, auftrag: Zeitreihenauftrag
) -> list[Entscheidung | KooplanError]:
    """The values of one case at every Stichtag: its error at each when it cannot be read."""
    if isinstance(eingabe, KooplanError):
        return [eingabe] * len(auftrag.stichtage)
    try:
        fall = _fall(eingabe)
    except KooplanError as err:
        return [err] * len(auftrag.stichtage)
    return list(entscheide_stichtage(fall, auftrag.anliegen, auftrag.stichtage, auftrag.policy))


def entscheide_zeitreihe(
    faelle: Iterable[Eingabe],
    anliegen: Anliegen | str,
    stichtage: Iterable[dt.date],
    policy: Policy = STANDARD,
    *,
    erste_zeile: int | None = None,
) -> Iterator[Zeitreihenergebnis]:
    """Decide every case of `faelle` for `anliegen` at every one of `stichtage` (a panel).

    Each case is read and folded once; the fold passes the Stichtage on its way
    (`kooplan.motor.entscheidung.entscheide_stichtage`). The results come as a generator, case by
    case in input order and for each case one per Stichtag, ascending (repeats dropped); each
    equals what `kooplan.entscheide` returns or raises for that case on that Stichtag. A case
    that cannot be read gets its error at every Stichtag. `faelle` and `erste_zeile` are as in
    `entscheide_alle`.

    Raises:
        UngueltigeEingabe: before any case is read, for a bad Anliegen, Stichtag or policy.

    Examples:
        >>> import kooplan
        >>> fall = kooplan.Fall("JC-1", [kooplan.PlanErstellt(am=dt.date(2025, 1, 6)),
        ...                              kooplan.PlanGescheitert(am=dt.date(2025, 2, 10))])
        >>> for r in entscheide_zeitreihe([fall], "massnahme", monatsenden(
        ...         dt.date(2025, 1, 1), dt.date(2025, 3, 1))):
        ...     print(r.stichtag, r.wert.phase.value, r.wert.modus.value)
        2025-01-31 kooperation ohne_rfb
        2025-02-28 ohne_plan mit_rfb
        2025-03-31 ohne_plan mit_rfb
    """
    auftrag = Zeitreihenauftrag.neu(anliegen, stichtage, policy)
    return _zeitreihe(faelle, auftrag, erste_zeile)


def _zeitreihe(
    faelle: Iterable[Eingabe], auftrag: Zeitreihenauftrag, erste_zeile: int | None
) -> Iterator[Zeitreihenergebnis]:
    for i, eingabe in enumerate(faelle):
        nr = None if erste_zeile is None else erste_zeile + i
        werte = _zeitreihe_eins(eingabe, auftrag)
        for tag, wert in zip(auftrag.stichtage, werte, strict=True):
            yield Zeitreihenergebnis(i, nr, wert.fall, tag, wert)


def _zeitreihe_zeile(
    nr: int, roh: bytes, auftrag: Zeitreihenauftrag
) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for wert in _zeitreihe_eins(roh, auftrag):
        if isinstance(wert, KooplanError):
            out.append((zeile(fehler_als_dict(wert, nr)), wert.code))
        else:
            out.append((entscheidung_als_zeile(wert, nr), None))
    return out


_ZeitreihenChunk = tuple[Zeitreihenauftrag, int, bytes, list[int]]


def _zeitreihe_chunk(arbeit: _ZeitreihenChunk) -> _JsonlErgebnis:
    auftrag, nr, daten, laengen = arbeit
    texte: list[str] = []
    codes: list[str | None] = []
    ab = 0
    for i, n in enumerate(laengen):
        for text, code in _zeitreihe_zeile(nr + i, daten[ab : ab + n], auftrag):
            texte.append(text)
            codes.append(code)
        ab += n
    return "\n".join(texte), codes


def _zeitreihe_art() -> _Art[_ZeitreihenChunk, _JsonlErgebnis]:
    basis = _zeilen_art(_zeitreihe_chunk)

    def abgebrochen(arbeit: _ZeitreihenChunk) -> _JsonlErgebnis:
        err = VerarbeitungAbgebrochen()
        n = len(arbeit[0].stichtage)
        return "\n".join([zeile(fehler_als_dict(err, arbeit[1]))] * n), [err.code] * n

    return _Art(_zeitreihe_chunk, basis.teilen, basis.anzahl, abgebrochen)


def entscheide_zeitreihe_jsonl(
    zeilen: Iterable[bytes | bytearray | str],
    anliegen: Anliegen | str,
    stichtage: Iterable[dt.date],
    policy: Policy = STANDARD,
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    erste_zeile: int = 1,
    fehler: collections.Counter[str] | None = None,
    mp_kontext: str | None = None,
) -> Iterator[str]:
    """A panel on JSON Lines: for every input line one output line per Stichtag (ascending,
    repeats dropped), in input order, as a generator.

    The line for the `k`-th Stichtag of an input line is exactly the line that
    `entscheide_jsonl` writes for it with that Stichtag (`zeile` included): a case that cannot
    be read gets its error line once per Stichtag. Each case is read and folded once. The other
    arguments are as in `entscheide_jsonl`; `fehler` counts every error line.
    """
    auftrag = Zeitreihenauftrag.neu(anliegen, stichtage, policy)
    n_jobs = _jobs(jobs)
    groesse = _chunk_groesse(chunk)
    nummeriert = enumerate(zeilen, start=erste_zeile)
    if n_jobs == 1:
        paare: Iterator[tuple[str, str | None]] = (
            paar
            for nr, roh in nummeriert
            for paar in _zeitreihe_zeile(nr, _ohne_zeilenende(roh), auftrag)
        )
    else:
        arbeiten = ((auftrag, *_jsonl_packen(teil)) for teil in _zeilen_chunks(nummeriert, groesse))
        paare = _flach(_geordnet(arbeiten, _zeitreihe_art(), n_jobs, mp_kontext), _jsonl_auspacken)
    return _zaehlen(paare, fehler)
