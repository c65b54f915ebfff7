"""A real ``kooplan serve`` in a subprocess for the HTTP tests: started on a free port of
127.0.0.1 (``--port 0``; the port is read from its start line), its standard error (the access
log) collected, ended by SIGTERM."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence

import httpx

_START = re.compile(r"HTTP-Dienst auf http://127\.0\.0\.1:(\d+) ")


class Dienst:
    """One running ``kooplan serve``."""

    def __init__(self, argumente: Sequence[str] = (), env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kooplan", "serve", "--port", "0", *argumente],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
        )
        self.zeilen: list[str] = []
        self._port: int | None = None
        self._bereit = threading.Event()
        threading.Thread(target=self._lesen, daemon=True).start()
        if not self._bereit.wait(60) or self._port is None:
            self.proc.kill()
            raise AssertionError("kooplan serve did not start:\n" + "\n".join(self.zeilen))
        self.url = f"http://127.0.0.1:{self._port}"
        self.port = self._port
        frist = time.monotonic() + 60
        while True:  # the start line comes before the socket is served
            try:
                if httpx.get(self.url + "/healthz", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > frist:
                    raise
                time.sleep(0.05)

    def _lesen(self) -> None:
        assert self.proc.stderr is not None
        for roh in self.proc.stderr:
            text = roh.decode("utf-8", "replace").rstrip("\n")
            self.zeilen.append(text)
            treffer = _START.search(text)
            if treffer:
                self._port = int(treffer.group(1))
                self._bereit.set()
        self._bereit.set()

    def log_seit(self, n: int, anzahl: int = 0) -> list[str]:
        """The lines of standard error from the ``n``-th on, once there are ``anzahl`` of them
        (the service writes each after its answer; waited for up to a minute)."""
        frist = time.monotonic() + 60
        while len(self.zeilen) < n + anzahl and time.monotonic() < frist:
            time.sleep(0.01)
        time.sleep(0.1)  # and no more than those: a line too many would show here
        return self.zeilen[n:]

    def beenden(self, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@contextlib.contextmanager
def dienst(argumente: Sequence[str] = (), env: dict[str, str] | None = None) -> Iterator[Dienst]:
    d = Dienst(argumente, env)
    try:
        yield d
    finally:
        d.beenden()


def roh(port: int, kopf: bytes, koerper: bytes = b"") -> socket.socket:
    """A raw connection that has sent ``kopf`` and part of a body (a slow client)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=30)
    s.sendall(kopf + koerper)
    return s


STROM_KOPF = (
    b"POST /v1/entscheidungen HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
    b"Connection: close\r\n\r\n"
)


def chunk(daten: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(daten), daten) if daten else b"0\r\n\r\n"


def bis(s: socket.socket, gelesen: bytes, muster: bytes) -> bytes:
    """Read from ``s`` until ``muster`` has come (everything read so far is returned)."""
    while muster not in gelesen:
        neu = s.recv(65536)
        assert neu, "the connection ended before " + repr(muster)
        gelesen += neu
    return gelesen


def bis_zum_ende(s: socket.socket, gelesen: bytes) -> bytes:
    while neu := s.recv(65536):
        gelesen += neu
    return gelesen


def antwort(s: socket.socket) -> tuple[int, bytes]:
    """Read a whole response (the server closes or sends Content-Length); status and body."""
    daten = b""
    while b"\r\n\r\n" not in daten:
        teil = s.recv(65536)
        if not teil:
            break
        daten += teil
    kopf, _, rest = daten.partition(b"\r\n\r\n")
    status = int(kopf.split(b" ", 2)[1])
    laenge = re.search(rb"(?i)content-length: *(\d+)", kopf)
    if laenge:
        while len(rest) < int(laenge.group(1)):
            teil = s.recv(65536)
            if not teil:
                break
            rest += teil
    return status, rest
