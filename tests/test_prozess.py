"""The process around the rules, as an operator runs it: never hang, never lie, bounded memory.

Each test starts the installed command line as a subprocess, as a nightly job or a service
would, and looks at what the operating system sees: exit status, standard error, the bytes on
standard output, the worker processes under ``/proc`` and their memory. No test asserts a time;
a hang fails by the timeouts of :func:`subprocess.run` and of the wait loops.

The findings these tests reproduce, one section each: a batch that hung when a worker was killed
while it sent its answer; memory that grew with line size, chunk and jobs; limits checked after
reading; workers orphaned by a signal; tracebacks and an exit status that lied (a broken pipe, a
full disk, closed descriptors, a read error, SIGINT, a deep policy file, a policy key with a lone
surrogate); one question per process (the request mode). Linear time is shown by
``benchmarks/linear.py``, the stack-independent nesting in ``tests/test_haertung.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import tty
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kooplan.batch import entscheide_jsonl

DATEN = Path(__file__).parent / "daten"
GEMISCHT = DATEN / "gemischt.jsonl"
GUT = DATEN / "gut.jsonl"
ARGS = ["--anliegen", "einladung", "--stichtag", "2024-03-01"]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc and uses Linux signals"
)


def _kooplan() -> str:
    pfad = shutil.which("kooplan", path=str(Path(sys.executable).parent))
    assert pfad is not None, "console script 'kooplan' is not installed next to the interpreter"
    return pfad


def _popen(*argv: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen([_kooplan(), *argv], **kwargs)


def _run(*argv: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("capture_output", True)
    return subprocess.run([_kooplan(), *argv], timeout=timeout, check=False, **kwargs)


# -- /proc ----------------------------------------------------------------------------------------


def _stat(pid: int) -> tuple[str, int] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            st = f.read().decode()
    except OSError:
        return None
    rest = st[st.rindex(")") + 2 :].split()
    return rest[0], int(rest[1])  # state, ppid


def kinder(pid: int) -> list[int]:
    """The living child processes of ``pid`` (zombies are dead: they count as gone)."""
    gefunden = []
    for eintrag in os.listdir("/proc"):
        if eintrag.isdigit():
            st = _stat(int(eintrag))
            if st is not None and st[1] == pid and st[0] != "Z":
                gefunden.append(int(eintrag))
    return gefunden


def lebt(pid: int) -> bool:
    st = _stat(pid)
    return st is not None and st[0] != "Z"


def _status_kb(pid: int, feld: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for zeile in f:
                if zeile.startswith(feld + ":"):
                    return int(zeile.split()[1])
    except OSError:
        pass
    return 0


class Speicher:
    """Samples the resident memory of a process and its children until it ends: the peak of
    their sum (the process tree) and the highest single VmHWM seen."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.baum_kb = 0
        self.haupt_kb = 0
        self.arbeiter_kb = 0
        self._faden = threading.Thread(target=self._messen, daemon=True)
        self._faden.start()

    def _messen(self) -> None:
        while lebt(self.pid):
            kk = kinder(self.pid)
            haupt = _status_kb(self.pid, "VmRSS")
            arbeiter = [_status_kb(k, "VmRSS") for k in kk]
            self.baum_kb = max(self.baum_kb, haupt + sum(arbeiter))
            self.haupt_kb = max(self.haupt_kb, _status_kb(self.pid, "VmHWM"))
            self.arbeiter_kb = max([self.arbeiter_kb, *(_status_kb(k, "VmHWM") for k in kk)])
            time.sleep(0.02)

    def ende(self) -> None:
        self._faden.join(timeout=30)


def _schlaeft(pid: int, mal: int) -> bool:
    """Whether ``pid`` is asleep (waits in a system call) at ``mal`` looks 50 ms apart."""
    for _ in range(mal):
        st = _stat(pid)
        if st is None or st[0] != "S":
            return False
        time.sleep(0.05)
    return True


def warten_bis(bedingung: Callable[[], bool], sekunden: float = 30) -> bool:
    ende = time.monotonic() + sekunden
    while time.monotonic() < ende:
        if bedingung():
            return True
        time.sleep(0.05)
    return bedingung()


def schreiber(p: subprocess.Popen[bytes], zeilen: Iterator[bytes]) -> threading.Thread:
    """Feed ``zeilen`` to the process's standard input from a thread (then close it)."""

    def lauf() -> None:
        assert p.stdin is not None
        try:
            for z in zeilen:
                p.stdin.write(z)
            p.stdin.close()
        except (BrokenPipeError, ValueError):
            pass

    t = threading.Thread(target=lauf, daemon=True)
    t.start()
    return t


def leser(p: subprocess.Popen[bytes]) -> tuple[threading.Thread, list[bytes]]:
    ablage: list[bytes] = []

    def lauf() -> None:
        assert p.stdout is not None
        ablage.append(p.stdout.read())

    t = threading.Thread(target=lauf, daemon=True)
    t.start()
    return t, ablage


def _gemischte_zeilen(n: int) -> list[bytes]:
    """``n`` lines of the mixed file in turn (cases of every kind, errors included), each case
    with its own id so that a shifted line would show."""
    vorlage = GEMISCHT.read_bytes().splitlines(keepends=True)
    zeilen = []
    for i in range(n):
        z = vorlage[i % len(vorlage)]
        zeilen.append(z.replace(b'"fall": "CLI-', b'"fall": "N%d-' % i, 1))
    return zeilen


# -- 1. a batch never hangs: workers killed again and again ---------------------------------------


def test_repeated_sigkills_of_workers_cost_no_line_and_change_no_line(tmp_path: Path) -> None:
    """100,000 lines on two workers, SIGKILL to a random worker every 0.3–0.6 s (what the OOM
    killer does, at any moment: while it reads, decides or sends): every line is answered
    exactly once, in order, byte for byte as with one process."""
    zeilen = _gemischte_zeilen(100_000)
    eingabe = tmp_path / "faelle.jsonl"
    eingabe.write_bytes(b"".join(zeilen))
    soll = "".join(
        z + "\n" for z in entscheide_jsonl(zeilen, "einladung", dt.date(2024, 3, 1))
    ).encode()
    p = _popen(
        "entscheide",
        str(eingabe),
        *ARGS,
        "--jobs",
        "2",
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    t, ablage = leser(p)
    rng = random.Random(20261202)
    getoetet = 0
    while p.poll() is None:
        time.sleep(rng.uniform(0.3, 0.6))
        ziele = kinder(p.pid)
        if ziele and p.poll() is None:
            try:
                os.kill(rng.choice(ziele), signal.SIGKILL)
                getoetet += 1
            except ProcessLookupError:
                pass
    t.join(timeout=60)
    assert p.stderr is not None
    err = p.stderr.read().decode()
    print(f"{getoetet} workers killed during the run")
    # the run lasts a few seconds; how many kills fit depends on the machine's speed and load
    # (on a busy shared machine four were seen): three kills at random moments are repeated kills
    assert getoetet >= 3, f"only {getoetet} workers were killed: the run was too short"
    assert p.returncode == 1, err  # the file holds error lines; all were answered
    (out,) = ablage
    assert out.count(b"\n") == 100_000
    assert out == soll
    assert "Traceback" not in err


# -- 2. memory is bounded by bytes in flight -----------------------------------------------------

#: The documented bound for the process tree (docs/betrieb.md): the main process and each worker.
GRENZE_HAUPT_MB = 100
GRENZE_JE_ARBEITER_MB = 150


def _megabyte_zeilen(n: int) -> Iterator[bytes]:
    """Lines of about a megabyte, in turn: a case with a 1 MB ``x_`` text, a case of 9,000
    events, a case whose ``x_`` data is 330,000 small lists (hostile: many objects), and a
    line over the limit."""
    kopf = b'{"schema": "kooplan/fall/1", "fall": "M-%d", "ereignisse": [], "x_p": '
    termine = b",".join([b'{"art": "termin_wahrgenommen", "am": "2024-01-15"}'] * 9_000)
    for i in range(n):
        art = i % 4
        if art == 0:
            yield kopf % i + b'"' + b"a" * 998_900 + b'"}\n'
        elif art == 1:
            yield b'{"schema": "kooplan/fall/1", "fall": "E-%d", "ereignisse": [%s]}\n' % (
                i,
                termine,
            )
        elif art == 2:
            yield kopf % i + b"[" + b"[]," * 330_000 + b"[]]}\n"
        else:
            yield b"0" * 1_500_000 + b"\n"


def test_memory_of_the_process_tree_on_megabyte_lines_with_two_jobs() -> None:
    """Lines of a megabyte with ``--jobs 2``: the process tree stays within the documented
    bound (it was about 3 GB), and each worker within its share."""
    n = 48
    p = _popen(
        "entscheide",
        "-",
        *ARGS,
        "--jobs",
        "2",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    speicher = Speicher(p.pid)
    s = schreiber(p, _megabyte_zeilen(n))
    t, ablage = leser(p)
    p.wait(timeout=600)
    s.join(timeout=60)
    t.join(timeout=60)
    speicher.ende()
    (out,) = ablage
    zeilen = [json.loads(z) for z in out.splitlines()]
    assert len(zeilen) == n
    assert [z["zeile"] for z in zeilen] == list(range(1, n + 1))
    assert {z["schema"] for z in zeilen[0::4]} == {"kooplan/entscheidung/1"}
    assert {z.get("fehler") for z in zeilen[3::4]} == {"ungueltige_eingabe"}
    baum_mb = speicher.baum_kb / 1024
    print(
        f"process tree peak {baum_mb:.0f} MB, main VmHWM {speicher.haupt_kb / 1024:.0f} MB, "
        f"largest worker VmHWM {speicher.arbeiter_kb / 1024:.0f} MB"
    )
    assert speicher.haupt_kb / 1024 <= GRENZE_HAUPT_MB
    assert speicher.arbeiter_kb / 1024 <= GRENZE_JE_ARBEITER_MB
    assert baum_mb <= GRENZE_HAUPT_MB + 2 * GRENZE_JE_ARBEITER_MB


def test_jobs_beyond_the_available_cpus_are_capped_with_a_message() -> None:
    cpus = len(os.sched_getaffinity(0))
    r = _run("entscheide", str(GUT), *ARGS, "--jobs", "256")
    assert r.returncode == 0
    assert r.stderr.decode() == (
        f"kooplan: Hinweis: --jobs 256 ist mehr als die {cpus} verfügbaren CPUs; es laufen "
        f"{cpus} Prozesse.\n"
    )
    assert r.stdout == _run("entscheide", str(GUT), *ARGS).stdout


# -- 3. limits while reading; special files ------------------------------------------------------


def test_a_two_gigabyte_stream_through_a_pipe_in_bounded_memory() -> None:
    """2 GiB through a pipe, generated on the fly: lines of 100 and 600 MiB of zeros (over
    the limit; their first megabyte is held, the rest read and dropped), and about a megabyte
    of valid cases between them. Every line is answered in its place; the process tree stays
    within the documented bound."""
    stueck = b"0" * (1 << 20)

    def strom() -> Iterator[bytes]:
        # 15 × (100 MiB of zeros, one valid 1 MB case) + 600 MiB of zeros + a last case
        fall = b'{"schema": "kooplan/fall/1", "fall": "S-%d", "ereignisse": [], "x_p": "%s"}\n'
        for i in range(15):
            for _ in range(100):
                yield stueck
            yield b"\n"
            yield fall % (i, b"a" * 999_000)
        for _ in range(600):
            yield stueck
        yield b"\n"
        yield fall % (99, b"b")

    gesamt = 15 * (100 * len(stueck) + 1 + 999_070) + 600 * len(stueck) + 1
    assert gesamt > 2 * 2**30
    p = _popen(
        "entscheide",
        "-",
        *ARGS,
        "--jobs",
        "2",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    speicher = Speicher(p.pid)
    beginn = time.monotonic()
    s = schreiber(p, strom())
    t, ablage = leser(p)
    p.wait(timeout=900)
    dauer = time.monotonic() - beginn
    s.join(timeout=60)
    t.join(timeout=60)
    speicher.ende()
    (out,) = ablage
    zeilen = [json.loads(z) for z in out.splitlines()]
    assert len(zeilen) == 32
    for i, z in enumerate(zeilen):
        assert z["zeile"] == i + 1
        if i % 2 == 0:
            assert z["fehler"] == "ungueltige_eingabe" and "länger als" in z["meldung"]
        else:
            assert z["schema"] == "kooplan/entscheidung/1"
    print(f"2 GB in {dauer:.0f} s, process tree peak {speicher.baum_kb / 1024:.0f} MB")
    assert speicher.baum_kb / 1024 <= GRENZE_HAUPT_MB + 2 * GRENZE_JE_ARBEITER_MB


def test_a_500_megabyte_line_of_zeros_holds_one_megabyte() -> None:
    """One line of 500 MB on standard input (it took 1 GB before the error): the main process
    holds about a megabyte of it and answers it in its place."""
    stueck = b"\0" * (1 << 20)

    def strom() -> Iterator[bytes]:
        yield GUT.read_bytes().splitlines(keepends=True)[0]
        for _ in range(500):
            yield stueck
        yield b"\n"
        yield GUT.read_bytes().splitlines(keepends=True)[1]

    p = _popen("entscheide", "-", *ARGS, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    speicher = Speicher(p.pid)
    s = schreiber(p, strom())
    t, ablage = leser(p)
    assert p.wait(timeout=300) == 1
    s.join(timeout=60)
    t.join(timeout=60)
    speicher.ende()
    zeilen = [json.loads(z) for z in ablage[0].splitlines()]
    assert [z.get("fehler") for z in zeilen] == [None, "ungueltige_eingabe", None]
    assert speicher.haupt_kb / 1024 <= GRENZE_HAUPT_MB


@pytest.mark.parametrize("option", ["datei", "policy"])
def test_dev_zero_is_refused_at_once(option: str) -> None:
    """/dev/zero as the case file or as the policy (it reached 2–4.5 GB): refused, exit 2."""
    argv = ["/dev/zero", "--format", "jsonl"] if option == "datei" else [str(GUT)]
    if option == "policy":
        argv += ["--policy", "/dev/zero"]
    r = _run("entscheide", *argv, *ARGS, timeout=30)
    assert r.returncode == 2 and r.stdout == b""
    assert "'/dev/zero' (ist ein Gerät, keine Datei)" in r.stderr.decode()


def test_a_fifo_as_policy_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "policy.toml"
    os.mkfifo(fifo)
    r = _run("entscheide", str(GUT), *ARGS, "--policy", str(fifo), timeout=30)
    assert r.returncode == 2 and r.stdout == b""
    assert "ist eine FIFO, keine gewöhnliche Datei" in r.stderr.decode()


def test_a_fifo_as_case_file_is_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "faelle.jsonl"
    os.mkfifo(fifo)
    p = _popen("entscheide", str(fifo), *ARGS, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with open(fifo, "wb") as f:
        f.write(GUT.read_bytes())
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert out == _run("entscheide", str(GUT), *ARGS).stdout


# -- 4. workers end with their parent ----------------------------------------------------------


def _laufender_batch() -> tuple[subprocess.Popen[bytes], threading.Thread]:
    """``kooplan entscheide - --jobs 2`` fed endlessly (slowly), with both workers running."""
    p = _popen(
        "entscheide",
        "-",
        *ARGS,
        "--jobs",
        "2",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a shell's job
    )

    def endlos() -> Iterator[bytes]:
        zeilen = _gemischte_zeilen(2_000)
        while True:
            yield from zeilen

    s = schreiber(p, endlos())
    assert warten_bis(lambda: len(kinder(p.pid)) == 2), "the workers did not start"
    return p, s


@pytest.mark.parametrize(
    ("signum", "status", "gruppe"),
    [
        (signal.SIGTERM, 143, False),
        (signal.SIGINT, 130, False),
        (signal.SIGINT, 130, True),
        (signal.SIGKILL, -signal.SIGKILL, False),
    ],
    ids=["SIGTERM", "SIGINT", "Ctrl-C", "SIGKILL"],
)
def test_workers_end_with_their_parent_on_every_signal(
    signum: int, status: int, gruppe: bool
) -> None:
    """SIGTERM, SIGINT or SIGKILL to the command line with ``--jobs 2``, or Ctrl-C (SIGINT to
    the whole process group): no worker is left (they stayed alive under PID 1 before).
    SIGTERM and SIGINT end with 143 and 130, one German line on standard error, and output
    that ends after a complete line."""
    p, _ = _laufender_batch()
    t, ablage = leser(p)
    time.sleep(1.0)
    arbeiter = kinder(p.pid)
    assert len(arbeiter) == 2
    if gruppe:
        os.killpg(p.pid, signum)
    else:
        p.send_signal(signum)
    assert p.wait(timeout=30) == status
    t.join(timeout=30)
    assert warten_bis(lambda: not any(lebt(a) for a in arbeiter), 10), "orphaned workers"
    assert p.stderr is not None
    err = p.stderr.read().decode()
    if signum != signal.SIGKILL:
        name = "SIGTERM" if signum == signal.SIGTERM else "SIGINT"
        assert err.startswith(f"kooplan: abgebrochen durch {name} nach "), err
        assert err.count("\n") == 1 and "Traceback" not in err
        out = ablage[0]
        assert out.endswith(b"\n")
        for z in out.splitlines():
            json.loads(z)


# -- 6. never a traceback, a status that tells ---------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["entscheide", str(GEMISCHT), *ARGS],
        ["entscheide", "-", *ARGS, "--jobs", "2"],
        ["demo"],
        ["schema", "--alle"],
        ["diagramm"],
    ],
)
def test_a_closed_output_pipe_ends_quietly_with_141(argv: list[str]) -> None:
    """Standard output is a pipe whose reader is gone: no traceback, no message, exit 141 (what
    the shell reports for a command ended by SIGPIPE), not 0, as the answers were not
    delivered."""
    lesen, schreiben = os.pipe()
    os.close(lesen)
    with open(GEMISCHT, "rb") as ein:
        p = _popen(*argv, stdin=ein, stdout=schreiben, stderr=subprocess.PIPE)
        os.close(schreiben)
        _, err = p.communicate(timeout=120)
    assert p.returncode == 141
    assert err == b""


def test_head_minus_one_ends_quietly_with_141() -> None:
    """``kooplan entscheide … | head -1`` on a long input: the reader closes after one line."""
    daten = b"".join(_gemischte_zeilen(20_000))
    p = _popen(
        "entscheide",
        "-",
        *ARGS,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    s = schreiber(p, iter([daten]))
    assert p.stdout is not None
    assert json.loads(p.stdout.readline())["zeile"] == 1
    p.stdout.close()
    assert p.wait(timeout=120) == 141
    s.join(timeout=30)
    assert p.stderr is not None
    assert p.stderr.read() == b""


def test_a_full_disk_is_an_io_failure_with_status_74() -> None:
    with open("/dev/full", "wb") as voll:
        r = _run(
            "entscheide",
            str(GEMISCHT),
            *ARGS,
            capture_output=False,
            stdout=voll,
            stderr=subprocess.PIPE,
        )
    assert r.returncode == 74
    assert r.stderr.decode() == (
        "kooplan: Fehler beim Schreiben der Ausgabe: kein Platz mehr auf dem Gerät, ENOSPC.\n"
    )


@pytest.mark.parametrize(
    ("umleitung", "status", "meldung"),
    [
        (">&-", 74, "Die Standardausgabe ist geschlossen"),
        ("<&-", 2, "Die Standardeingabe ist geschlossen"),
        ("2>&-", 1, None),
    ],
)
def test_closed_descriptors_give_a_message_and_a_status(
    umleitung: str, status: int, meldung: str | None
) -> None:
    """A closed standard output, input or error (it was ``AttributeError: 'NoneType'``)."""
    befehl = f"{_kooplan()} entscheide - {' '.join(ARGS)} {umleitung}"
    if umleitung != "<&-":
        befehl = f"{befehl} < {GEMISCHT}"
    r = subprocess.run(["bash", "-c", befehl], capture_output=True, timeout=60, check=False)
    assert r.returncode == status, r.stderr
    err = r.stderr.decode()
    assert "Traceback" not in err
    if meldung is not None:
        assert err.startswith(f"kooplan: Fehler: {meldung}"), err
    else:
        assert err == "" and r.stdout.count(b"\n") == 13


def test_a_read_error_mid_stream_is_an_io_failure_with_status_74() -> None:
    """The input is a terminal whose other end goes away after two lines: reading fails with
    EIO. The two lines are answered, then one German line and exit 74 (not 1)."""
    meister, kind = os.openpty()
    tty.setraw(kind)
    p = _popen("entscheide", "-", *ARGS, stdin=kind, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    os.close(kind)
    os.write(meister, b"".join(GUT.read_bytes().splitlines(keepends=True)[:2]))
    assert p.stdout is not None
    zwei = [p.stdout.readline(), p.stdout.readline()]
    # the terminal fails a read that waits when its other end goes (a read after that sees EOF)
    assert warten_bis(lambda: _schlaeft(p.pid, 3)), "kooplan does not wait for input"
    os.close(meister)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 74, err
    assert [json.loads(z)["fall"] for z in zwei] == ["GUT-1", "GUT-2"] and out == b""
    assert err.decode() == (
        "kooplan: Fehler beim Lesen der Eingabe nach 2 Ausgabezeilen: Ein-/Ausgabefehler des "
        "Geräts, EIO.\n"
    )


@pytest.mark.parametrize(
    ("name", "inhalt", "meldung"),
    [
        ("tief.json", b"[" * 90_000, "tiefer als 64 Ebenen verschachtelt"),
        ("tief.toml", b"a = " + b"[" * 90_000, "tiefer als 64 Ebenen verschachtelt"),
        ("tief2.toml", b"a = " + b"{b = " * 5_000, "tiefer als 64 Ebenen verschachtelt"),
        ("gross.toml", b"# " + b"x" * 200_000, "länger als 100.000 Bytes"),
        # found by tests/fuzz_vertrag.py: tomllib raised a bare ValueError
        ("zahl.toml", b"plan_max_schritte = " + b"9" * 5_000, "Zahl mit zu vielen Stellen"),
        ("zahl.json", b'{"plan_max_schritte": ' + b"9" * 5_000 + b"}", "Zahl mit zu vielen"),
        ("surrogat.json", b'{"\\ud800": 1}', "Unbekannter Policy-Schlüssel '\\ud800'"),
        ("doppelt.json", b'{"rfb_umfang": "fall", "rfb_umfang": "einzelfall"}', "doppelt"),
    ],
)
def test_bad_policy_files_exit_2_with_one_german_line(
    tmp_path: Path, name: str, inhalt: bytes, meldung: str
) -> None:
    """A deeply nested policy (RecursionError and exit 1 before), one too long, a key with a
    lone surrogate ("lost sys.stderr" before), a duplicate key (accepted before)."""
    datei = tmp_path / name
    datei.write_bytes(inhalt)
    r = _run("entscheide", str(GUT), *ARGS, "--policy", str(datei))
    assert r.returncode == 2 and r.stdout == b""
    err = r.stderr.decode()
    assert err.startswith("kooplan: Fehler: Policy-Datei ") and meldung in err, err
    assert err.count("\n") == 1


def test_a_bug_is_one_line_and_status_70(tmp_path: Path) -> None:
    """An exception that is not a contract error (a bug) ends with one line naming its kind
    and place, never its data, and exit 70."""
    skript = tmp_path / "kaputt.py"
    skript.write_text(
        "import sys, kooplan.oberflaechen.cli\n"
        "def kaputt(*a, **k):\n"
        "    raise ZeroDivisionError('GEHEIM-4711')\n"
        "kooplan.oberflaechen.cli.entscheide_jsonl = kaputt\n"
        "sys.exit(kooplan.oberflaechen.cli.main())\n"
    )
    r = subprocess.run(
        [sys.executable, str(skript), "entscheide", str(GUT), *ARGS],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 70
    err = r.stderr.decode()
    assert err.startswith("kooplan: interner Fehler (ZeroDivisionError in "), err
    assert "GEHEIM" not in err and "Traceback" not in err and err.count("\n") == 1


# -- 10. the request mode: one process, many questions --------------------------------------------


def _fall(fid: str, *ereignisse: dict[str, Any]) -> dict[str, Any]:
    return {"schema": "kooplan/fall/1", "fall": fid, "ereignisse": list(ereignisse)}


def _anfrage(fall: dict[str, Any], anliegen: str, stichtag: str, **mehr: Any) -> bytes:
    obj = {"schema": "kooplan/anfrage/1", "anliegen": anliegen, "stichtag": stichtag}
    return json.dumps({**obj, **mehr, "fall": fall}).encode() + b"\n"


def _zeile_lesen(p: subprocess.Popen[bytes], sekunden: float = 60) -> bytes:
    """One answer line, or fail: the answer must come while the next request is not sent."""
    assert p.stdout is not None
    ergebnis: list[bytes] = []
    t = threading.Thread(target=lambda: ergebnis.append(p.stdout.readline()), daemon=True)
    t.start()
    t.join(sekunden)
    assert ergebnis, "no answer: the answer was not flushed before the next line was sent"
    return ergebnis[0]


def test_request_mode_answers_each_request_before_the_next_is_sent(tmp_path: Path) -> None:
    """One process, requests with different Anliegen, Stichtage, Fälligkeiten and policies:
    each answer comes (flushed) before the next request is written, in order."""
    streng = tmp_path / "streng.toml"
    streng.write_text('rfb_umfang = "einzelfall"\n')
    offen = _fall(
        "JC-1",
        {"art": "plan_erstellt", "am": "2024-01-15"},
        {
            "art": "mitwirkung_unterblieben",
            "am": "2024-03-04",
            "mitwirkung": "massnahme",
            "wichtiger_grund": False,
        },
    )
    p = _popen(
        "entscheide",
        "--anfragen",
        "-",
        "--policy",
        f"streng={streng}",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert p.stdin is not None
    fragen = [
        (_anfrage(offen, "massnahme", "2024-03-11"), "mit_rfb"),
        (_anfrage(offen, "einladung", "2024-03-11", policy="streng"), "ohne_rfb"),
        (_anfrage(offen, "einladung", "2024-03-11"), "mit_rfb"),
        (_anfrage(_fall("JC-2"), "einladung", "2025-05-06", faellig="2025-05-20"), "ohne_rfb"),
        (_anfrage(offen, "einladung", "2024-03-11", policy="gibtsnicht"), "ungueltige_eingabe"),
        (b"kein JSON\n", "ungueltige_eingabe"),
    ]
    for nr, (frage, erwartet) in enumerate(fragen, start=1):
        p.stdin.write(frage)
        p.stdin.flush()
        antwort = json.loads(_zeile_lesen(p))
        assert antwort["zeile"] == nr
        assert antwort.get("modus", antwort.get("fehler")) == erwartet, antwort
    p.stdin.close()
    assert p.wait(timeout=60) == 1
    assert p.stderr is not None
    assert p.stderr.read().decode() == ("kooplan: 6 Fälle, 2 mit Fehler (ungueltige_eingabe: 2)\n")


def test_plain_entscheide_from_stdin_answers_each_line_before_the_next_is_sent() -> None:
    p = _popen("entscheide", "-", *ARGS, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert p.stdin is not None
    for nr, z in enumerate(GUT.read_bytes().splitlines(keepends=True), start=1):
        p.stdin.write(z)
        p.stdin.flush()
        assert json.loads(_zeile_lesen(p))["zeile"] == nr
    p.stdin.close()
    assert p.wait(timeout=60) == 0


def test_request_mode_refuses_the_options_each_request_names() -> None:
    for extra in (["--anliegen", "einladung"], ["--stichtag", "2024-03-01"], ["--format", "json"]):
        r = _run("entscheide", "--anfragen", "-", *extra, input=b"")
        assert r.returncode == 2 and r.stdout == b""
        assert r.stderr.decode().startswith("kooplan: Fehler: ")


# -- the examples of the contract page, from programs that are not Python --------------------------

VERTRAG_SEITE = Path(__file__).parent.parent / "docs" / "vertrag.md"


def _block(sprache: str) -> str:
    text = VERTRAG_SEITE.read_text("utf-8")
    anfang = text.index(f"```{sprache}\n") + len(sprache) + 4
    return text[anfang : text.index("```", anfang)]


def _mit_kooplan_im_pfad() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(_kooplan()).parent}{os.pathsep}{os.environ['PATH']}"}


def test_the_shell_example_of_the_request_mode(tmp_path: Path) -> None:
    skript = tmp_path / "anfragen.sh"
    skript.write_text(_block("bash"))
    r = subprocess.run(
        ["bash", str(skript)],
        capture_output=True,
        timeout=120,
        env=_mit_kooplan_im_pfad(),
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().splitlines() == [
        '{"schema": "kooplan/entscheidung/1", "fall": "JC-4711-0001", "zeile": 1, "sticht',
        '{"schema": "kooplan/entscheidung/1", "fall": "JC-4711-0001", "zeile": 2, "sticht',
    ]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_the_nodejs_example_of_the_request_mode(tmp_path: Path) -> None:
    skript = tmp_path / "anfragen.mjs"
    skript.write_text(_block("javascript"))
    r = subprocess.run(
        ["node", str(skript)],
        capture_output=True,
        timeout=120,
        env=_mit_kooplan_im_pfad(),
        check=False,
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == _block("text")
