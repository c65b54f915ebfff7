"""The HTTP service against the command line (a benchmark, not a test: it prints figures and never
fails on time).

Run: ``.venv/bin/python benchmarks/server.py [--n 4000] [--workers 2] [--json OUT]``.

On the same requests (``daten.py``'s cases of 10 events as ``kooplan/anfrage/1`` lines) it
measures

1. the command line's request mode, ``kooplan entscheide --anfragen DATEI`` (one process, the
   start included), in decisions per second;
2. ``kooplan serve --workers N`` over HTTP/1.1 on 127.0.0.1: ``POST /v1/entscheidung``, one
   request per decision, at concurrency 1 and 32 (that many keep-alive connections, each sending
   its next request when its answer is in), in decisions per second with the p50 and p99 latency;
3. ``POST /v1/entscheidungen`` with every request in one streamed body.

Every answer is checked against the command line's line for it (the same bytes but ``zeile``).
The client is a small asyncio HTTP/1.1 client in this process, on the same machine: it takes CPU
time from the service, so the figures are a floor for a service with a machine of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from daten import ANLIEGEN, STICHTAG, faelle

_START = re.compile(r"HTTP-Dienst auf http://127\.0\.0\.1:(\d+) ")
_ZEILE = re.compile(rb'"zeile": \d+, ')


def anfragen(n: int) -> list[bytes]:
    return [
        json.dumps(
            {
                "schema": "kooplan/anfrage/1",
                "anliegen": ANLIEGEN,
                "stichtag": STICHTAG.isoformat(),
                "fall": f,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        for f in faelle(n)
    ]


def cli(datei: Path) -> tuple[float, list[bytes]]:
    beginn = time.perf_counter()
    p = subprocess.run(
        [sys.executable, "-m", "kooplan", "entscheide", "--anfragen", str(datei)],
        capture_output=True,
        check=True,
    )
    return time.perf_counter() - beginn, p.stdout.splitlines()


def starten(workers: int) -> tuple[subprocess.Popen[bytes], int]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kooplan", "serve", "--port", "0", "--workers", str(workers)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    assert proc.stderr is not None
    for roh in proc.stderr:
        treffer = _START.search(roh.decode("utf-8", "replace"))
        if treffer:
            # the access log goes on: read it away, or the service blocks on a full pipe
            threading.Thread(target=proc.stderr.read, daemon=True).start()
            return proc, int(treffer.group(1))
    raise SystemExit("kooplan serve did not start")


async def _antwort(leser: asyncio.StreamReader) -> tuple[int, bytes]:
    kopf = await leser.readuntil(b"\r\n\r\n")
    status = int(kopf.split(b" ", 2)[1])
    laenge = int(re.search(rb"(?i)content-length: *(\d+)", kopf).group(1))  # type: ignore[union-attr]
    return status, await leser.readexactly(laenge)


async def _verbindung(
    port: int, arbeit: list[tuple[int, bytes]], dauern: list[float], antworten: dict[int, bytes]
) -> None:
    leser, schreiber = await asyncio.open_connection("127.0.0.1", port)
    while arbeit:
        i, koerper = arbeit.pop()
        beginn = time.perf_counter()
        schreiber.write(
            b"POST /v1/entscheidung HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n%s" % (len(koerper), koerper)
        )
        status, text = await _antwort(leser)
        dauern.append(time.perf_counter() - beginn)
        assert status in (200, 422), status
        antworten[i] = text
    schreiber.close()


async def _last(
    port: int, zeilen: list[bytes], c: int
) -> tuple[float, list[float], dict[int, bytes]]:
    arbeit = list(enumerate(zeilen))[::-1]
    dauern: list[float] = []
    antworten: dict[int, bytes] = {}
    beginn = time.perf_counter()
    await asyncio.gather(*(_verbindung(port, arbeit, dauern, antworten) for _ in range(c)))
    return time.perf_counter() - beginn, dauern, antworten


def last(port: int, zeilen: list[bytes], c: int) -> tuple[float, list[float], dict[int, bytes]]:
    return asyncio.run(_last(port, zeilen, c))


def strom(port: int, koerper: bytes) -> tuple[float, bytes]:
    import httpx

    beginn = time.perf_counter()
    r = httpx.post(
        f"http://127.0.0.1:{port}/v1/entscheidungen",
        content=(koerper[i : i + 65536] for i in range(0, len(koerper), 65536)),
        timeout=600,
    )
    return time.perf_counter() - beginn, r.content


def ohne_zeile(z: bytes) -> bytes:
    return _ZEILE.sub(b"", z, count=1).rstrip(b"\n")


def perzentil(werte: list[float], p: float) -> float:
    return statistics.quantiles(werte, n=100, method="inclusive")[int(p) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=4000, help="requests per run")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = ap.parse_args()

    zeilen = anfragen(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        datei = Path(tmp) / "anfragen.jsonl"
        datei.write_bytes(b"".join(z + b"\n" for z in zeilen))
        cli_s, cli_zeilen = cli(datei)
    soll = [ohne_zeile(z) for z in cli_zeilen]
    figures: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{platform.platform()}",
        "n": args.n,
        "workers": args.workers,
        "cli_decisions_per_s": args.n / cli_s,
    }
    proc, port = starten(args.workers)
    try:
        last(port, zeilen[:500], 8)  # warm up every worker
        for c in (1, 32):
            dauer, dauern, antworten = last(port, zeilen, c)
            assert [ohne_zeile(antworten[i]) for i in range(len(zeilen))] == soll
            figures[f"c{c}"] = {
                "decisions_per_s": args.n / dauer,
                "p50_ms": perzentil(dauern, 50) * 1000,
                "p99_ms": perzentil(dauern, 99) * 1000,
            }
        dauer, text = strom(port, b"".join(z + b"\n" for z in zeilen))
        assert text.splitlines() == cli_zeilen
        figures["stream_decisions_per_s"] = args.n / dauer
    finally:
        proc.terminate()
        proc.wait(30)
    print(json.dumps(figures, indent=2))
    print(
        f"\nCLI --anfragen: {figures['cli_decisions_per_s']:.0f}/s; "
        f"HTTP c=1: {figures['c1']['decisions_per_s']:.0f}/s "
        f"(p50 {figures['c1']['p50_ms']:.2f} ms, p99 {figures['c1']['p99_ms']:.2f} ms); "
        f"c=32: {figures['c32']['decisions_per_s']:.0f}/s "
        f"(p50 {figures['c32']['p50_ms']:.2f} ms, p99 {figures['c32']['p99_ms']:.2f} ms); "
        f"stream: {figures['stream_decisions_per_s']:.0f}/s"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
