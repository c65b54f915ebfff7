"""Deciding a whole case load: streaming, in input order, errors as values, on several processes.

Two entry points:

* `entscheide_alle` decides any iterable of cases (`Fall` objects, contract
  JSON objects as dicts, JSON texts as `str`/`bytes`, or a
  `KooplanError` already found while reading) and yields one
  `Ergebnis` per case.
* `entscheide_jsonl` decides JSON Lines (an iterable of lines, e.g. a file opened in binary
  mode) and yields exactly the lines `kooplan entscheide FILE.jsonl` writes, `zeile` included.

Both are generators over their input: memory stays flat whatever the input size (with `jobs=1`
one case is read per result; with `jobs > 1` at most `2 * jobs` chunks of `chunk` cases are
in flight), results come in input order, and a bad case yields its error in its place and never
stops the others. With `jobs > 1` the cases are decided in worker processes
(`concurrent.futures`); if a worker dies, the chunks it had in flight are decided in this
process and a new pool takes the rest, so a crash costs time, never results.

Arguments that concern every case (`anliegen`, `stichtag`, `faellig`, `jobs`, `chunk`)
are checked at the call, before any case is read: a bad one raises
`UngueltigeEingabe` (`ValueError`), as the command line exits 2.

Examples:
    >>> import datetime as dt
    >>> import kooplan
    >>> from kooplan.batch import entscheide_alle, entscheide_jsonl
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
import datetime as dt
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from typing import Any, Final, TypeVar

import attrs

from kooplan.entscheidung import Anliegen, Entscheidung, als_anliegen, entscheide
from kooplan.fall import Fall
from kooplan.fehler import KooplanError, UngueltigeEingabe
from kooplan.policy import STANDARD, Policy
from kooplan.vertrag.ausgabe import (
    entscheidung_als_dict,
    entscheidung_als_zeile,
    fehler_als_dict,
    zeile,
)
from kooplan.vertrag.laden import fall_aus_json, fall_aus_objekt

__all__ = [
    "CHUNK",
    "Auftrag",
    "Eingabe",
    "Ergebnis",
    "entscheide_alle",
    "entscheide_jsonl",
]

CHUNK: Final = 256
"""Cases per chunk sent to a worker process (`jobs > 1`): large enough that the cost of sending a
chunk is small against deciding it, small enough that a crash repeats little work."""
_IN_FLIGHT_JE_JOB: Final = 2
"""Chunks in flight per worker process: one being decided, one waiting."""
_MAX_NEUSTARTS: Final = 8
"""How often a broken pool is replaced before the rest is decided in this process only."""

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


def _jsonl_packen(auftrag: Auftrag, teil: list[tuple[int, bytes | bytearray | str]]) -> _JsonlChunk:
    zeilen = [_ohne_zeilenende(roh) for _, roh in teil]
    return auftrag, teil[0][0], b"".join(zeilen), [len(z) for z in zeilen]


def _jsonl_chunk(arbeit: _JsonlChunk) -> _JsonlErgebnis:
    auftrag, nr, daten, laengen = arbeit
    texte: list[str] = []
    codes: list[str | None] = []
    ab = 0
    for i, n in enumerate(laengen):
        text, code = _jsonl_zeile_ohne_ende(nr + i, daten[ab : ab + n], auftrag)
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


def _jobs(jobs: int) -> int:
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise UngueltigeEingabe(
            "'jobs' muss eine ganze Zahl ab 0 sein (0: alle Kerne).", ort="jobs"
        )
    if jobs == 0:
        return os.cpu_count() or 1
    return jobs


def _chunk_groesse(chunk: int) -> int:
    if isinstance(chunk, bool) or not isinstance(chunk, int) or chunk < 1:
        raise UngueltigeEingabe("'chunk' muss eine ganze Zahl ab 1 sein.", ort="chunk")
    return chunk


class _Pool:
    """A process pool that is replaced when a worker dies (at most `_MAX_NEUSTARTS`)."""

    def __init__(self, jobs: int, mp_kontext: str | None) -> None:
        self.jobs = jobs
        self.kontext = multiprocessing.get_context(mp_kontext)
        self.neustarts = 0
        self.pool: ProcessPoolExecutor | None = self._neu()

    def _neu(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.kontext)

    def submit(self, fn: Callable[[T], R], arbeit: T) -> Future[R] | None:
        """Send a chunk to a worker; `None` when it is to be decided in this process."""
        while self.pool is not None:
            try:
                return self.pool.submit(fn, arbeit)
            except BrokenExecutor:  # a worker died since the last chunk was sent
                self.kaputt()
        return None

    def kaputt(self) -> None:
        """The pool broke: replace it, or give up on processes after too many breaks."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.neustarts += 1
        self.pool = self._neu() if self.neustarts <= _MAX_NEUSTARTS else None

    def schliessen(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _geordnet(
    arbeiten: Iterator[T],
    fn: Callable[[T], R],
    jobs: int,
    mp_kontext: str | None,
) -> Iterator[R]:
    """`fn` over the chunks on `jobs` processes, one result per chunk in input order, at
    most `2 * jobs` chunks in flight. A chunk whose worker failed is run in this process."""
    pool = _Pool(jobs, mp_kontext)
    offen: collections.deque[tuple[T, Future[R] | None, ProcessPoolExecutor | None]] = (
        collections.deque()
    )
    grenze = _IN_FLIGHT_JE_JOB * jobs

    def fertig() -> R:
        arbeit, future, von = offen.popleft()
        if future is not None:
            try:
                return future.result()
            except BrokenExecutor:
                # A worker died: every chunk of that pool still in flight is decided here; the
                # chunks not yet sent go to a new pool (replaced once per break).
                if von is pool.pool:
                    pool.kaputt()
            except Exception:
                # An input that cannot be sent to a worker, or a bug: decide the chunk here;
                # a bug then raises here, as it would with jobs=1.
                pass
        return fn(arbeit)

    try:
        for arbeit in arbeiten:
            offen.append((arbeit, pool.submit(fn, arbeit), pool.pool))
            while len(offen) >= grenze:
                yield fertig()
        while offen:
            yield fertig()
    finally:
        pool.schliessen()


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

    A case may be a `Fall`, a contract JSON object (`dict`), a JSON text
    (`str`/`bytes`), or a `KooplanError` (passed through as that case's
    error, e.g. from `kooplan.vertrag.laden.faelle_lesen`). Each result equals what
    `kooplan.entscheide` returns or raises for that case.

    `jobs`: worker processes (1: in this process; 0: one per CPU core). `chunk`: cases per
    chunk sent to a worker. `erste_zeile`: when given, case `i` gets `zeile =
    erste_zeile + i`. `mp_kontext`: the `multiprocessing` start method (`"fork"`,
    `"spawn"`, `"forkserver"`; default: the platform's).
    """
    auftrag = Auftrag.neu(anliegen, stichtag, faellig, policy)
    n_jobs = _jobs(jobs)
    groesse = _chunk_groesse(chunk)
    if n_jobs == 1:
        return (_ergebnis(i, e, auftrag, erste_zeile) for i, e in enumerate(faelle))
    arbeiten = ((auftrag, erste_zeile, teil) for teil in _chunks(enumerate(faelle), groesse))
    return _flach(_geordnet(arbeiten, _objekt_chunk, n_jobs, mp_kontext), _selbst)


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
        arbeiten = (_jsonl_packen(auftrag, teil) for teil in _chunks(nummeriert, groesse))
        paare = _flach(_geordnet(arbeiten, _jsonl_chunk, n_jobs, mp_kontext), _jsonl_auspacken)
    return _zaehlen(paare, fehler)


def _zaehlen(
    paare: Iterator[tuple[str, str | None]], fehler: collections.Counter[str] | None
) -> Iterator[str]:
    for text, code in paare:
        if code is not None and fehler is not None:
            fehler[code] += 1
        yield text
