"""The HTTP service: ``kooplan serve`` (Starlette on uvicorn, the extra ``server``).

Every answer is the bytes the command line writes for the same input: ``POST /v1/entscheidung``
answers one request (``kooplan/anfrage/1``) with the line ``kooplan entscheide --anfragen``
writes for it, ``POST /v1/entscheidungen`` streams JSON Lines in and out, line by line, in order,
with bounded memory, ``POST /v1/verlauf`` answers as ``kooplan verlauf``. Every error, of the
input or of the service (too large, too slow, too busy, not authorised, unknown path), is the
contract's error object ``kooplan/fehler/1``; docs/http-api.md lists the status codes.

The access log has one line per request: method, path, status and duration, nothing else (no
body, no query string, no case id, no client address).

This module imports Starlette only when it is imported itself; ``import kooplan`` never does.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import datetime as dt
import hmac
import json
import logging
import os
import re
import signal
import socket
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, MutableMapping
from types import FrameType
from typing import Any, Final, TypeVar

import attrs
import uvicorn
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from kooplan import RECHTSSTAENDE, __version__
from kooplan.oberflaechen.batch import Policies, entscheide_anfragen
from kooplan.oberflaechen.katalog import eintraege
from kooplan.oberflaechen.verlauf import faelle_aus_bytes, verlauf_ausgabe
from kooplan.vertrag.ausgabe import fehler_als_dict, zeile
from kooplan.vertrag.laden import MAX_BYTES_JE_FALL, json_lesen
from kooplan.vertrag.schema import alle_schemas, schema
from kooplan.werte.fehler import KooplanError, UngueltigeEingabe, VerarbeitungAbgebrochen

__all__ = [
    "LOGGER",
    "SCHEMANAMEN",
    "Einstellungen",
    "anwendung",
    "openapi",
    "serve",
]

LOGGER: Final = "kooplan.server"
"""The name of the logger of the access log (one line per request)."""

SCHEMANAMEN: Final = ("fall", "anfrage", "entscheidung", "fehler")
"""The schemas ``GET /v1/schema/{name}`` serves, by their short name."""

_JSON: Final = "application/json"
_NDJSON: Final = "application/x-ndjson"
_TEXT: Final = "text/plain; charset=utf-8"


def _positiv(_: object, attribut: attrs.Attribute[Any], wert: object) -> None:
    if isinstance(wert, bool) or not isinstance(wert, int | float) or not wert > 0:
        raise UngueltigeEingabe(
            f"'{attribut.name}' muss eine Zahl größer 0 sein.", ort=attribut.name
        )


@attrs.frozen
class Einstellungen:
    """The limits and the access control of the service (``kooplan serve`` options)."""

    max_bytes: int = attrs.field(default=MAX_BYTES_JE_FALL + 48_576, validator=_positiv)
    """The largest body of ``/v1/entscheidung`` and ``/v1/verlauf`` (bytes; larger: 413)."""
    max_bytes_strom: int = attrs.field(default=1 << 30, validator=_positiv)
    """The largest body of ``/v1/entscheidungen`` (bytes; a longer stream ends with an error
    line, a declared longer one is refused with 413). A single line is limited by the loader
    (`kooplan.vertrag.laden.MAX_BYTES_JE_FALL`), as on the command line."""
    zeitlimit: float = attrs.field(default=10.0, validator=_positiv)
    """Seconds a request may take (reading its body and answering; longer: 504). For
    ``/v1/entscheidungen`` the limit holds for each wait for input and each block of answers."""
    max_gleichzeitig: int = attrs.field(default=64, validator=_positiv)
    """Requests one worker process answers at once (more: 503 at once, nothing queued)."""
    token: str | None = attrs.field(default=None, repr=False)
    """The bearer token every request but ``/healthz`` must carry (``None``: none needed)."""
    policies: Policies = attrs.field(factory=Policies)
    """The policies requests may name, as with ``kooplan entscheide --anfragen --policy``."""


# -- error objects -----------------------------------------------------------------------------------


def _fehlertext(err: KooplanError) -> bytes:
    return (zeile(fehler_als_dict(err)) + "\n").encode("utf-8")


def _fehler(
    status: int, meldung: str, *, ort: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    """A service error as the contract's error object: ``verarbeitung_abgebrochen`` where the
    service could not answer (busy, too slow), else ``ungueltige_eingabe``."""
    art = VerarbeitungAbgebrochen if status in (503, 504) else UngueltigeEingabe
    return Response(_fehlertext(art(meldung, ort=ort)), status, headers, media_type=_JSON)


class _Abgelehnt(Exception):
    def __init__(self, antwort: Response) -> None:
        super().__init__(antwort.status_code)
        self.antwort = antwort


def _zahl(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _zu_gross(grenze: int) -> _Abgelehnt:
    return _Abgelehnt(_fehler(413, f"Der Inhalt der Anfrage ist länger als {_zahl(grenze)} Bytes."))


def _angesagte_laenge(request: Request) -> int | None:
    wert = request.headers.get("content-length")
    return int(wert) if wert is not None and wert.isdigit() else None


async def _koerper(request: Request, grenze: int) -> bytes:
    """The body, read chunk by chunk and refused (413) as soon as it is longer than ``grenze``."""
    laenge = _angesagte_laenge(request)
    if laenge is not None and laenge > grenze:
        raise _zu_gross(grenze)
    teile: list[bytes] = []
    n = 0
    async for teil in request.stream():
        n += len(teil)
        if n > grenze:
            raise _zu_gross(grenze)
        teile.append(teil)
    return b"".join(teile)


# -- deciding off the event loop -------------------------------------------------------------------

T = TypeVar("T")

_pool: concurrent.futures.ThreadPoolExecutor | None = None


async def _im_pool(fn: Callable[..., T], *args: Any) -> T:
    """Run the (CPU-bound) ``fn`` in a thread, so the event loop keeps taking connections and
    a time limit can answer while a decision still runs."""
    global _pool
    if _pool is None:
        _pool = concurrent.futures.ThreadPoolExecutor(4, thread_name_prefix="kooplan")
    return await asyncio.get_running_loop().run_in_executor(_pool, fn, *args)


_KLEIN: Final = 65_536
"""A request body up to this size is decided on the event loop itself (a fraction of a
millisecond: handing it to a thread would cost more than deciding it); a larger one in a thread,
so the time limit can answer while it runs."""


def _eine_anfrage(daten: bytes, policies: Policies) -> tuple[str, str | None]:
    fehler: Counter[str] = Counter()
    text = next(iter(entscheide_anfragen([daten], policies, fehler=fehler)))
    return text, next(iter(fehler), None)


def _ist_json(daten: bytes) -> bool:
    try:
        json_lesen(daten)
    except KooplanError:
        return False
    return True


def _status(daten: bytes, code: str | None) -> int:
    """200 for a decision; 400 for a body that is no JSON at all (empty, not UTF-8, broken,
    nested too deep, too long for the loader); 422 for JSON that breaks the contract or a case
    the rules refuse."""
    if code is None:
        return 200
    return 422 if _ist_json(daten) else 400


# -- the routes ------------------------------------------------------------------------------------


def _einstellungen(request: Request) -> Einstellungen:
    e: Einstellungen = request.app.state.einstellungen
    return e


async def _fristgerecht(request: Request, arbeit: Awaitable[Response]) -> Response:
    try:
        return await asyncio.wait_for(arbeit, _einstellungen(request).zeitlimit)
    except TimeoutError:
        return _fehler(
            504,
            f"Die Anfrage wurde nicht innerhalb von {_einstellungen(request).zeitlimit:g} "
            "Sekunden beantwortet.",
        )
    except _Abgelehnt as a:
        return a.antwort


async def entscheidung(request: Request) -> Response:
    """``POST /v1/entscheidung``: one request in, its decision (or error) line out."""

    async def arbeit() -> Response:
        e = _einstellungen(request)
        daten = await _koerper(request, e.max_bytes)
        if len(daten) <= _KLEIN:
            text, code = _eine_anfrage(daten, e.policies)
        else:
            text, code = await _im_pool(_eine_anfrage, daten, e.policies)
        return Response((text + "\n").encode("utf-8"), _status(daten, code), media_type=_JSON)

    return await _fristgerecht(request, arbeit())


_DATUM = re.compile(r"\d{4}-\d{2}-\d{2}")


def _stichtag(request: Request) -> dt.date:
    wert = request.query_params.get("stichtag")
    if wert is None:
        raise _Abgelehnt(_fehler(400, "Der Parameter 'stichtag' fehlt.", ort="stichtag"))
    try:
        if not _DATUM.fullmatch(wert):
            raise ValueError
        return dt.date.fromisoformat(wert)
    except ValueError:
        raise _Abgelehnt(
            _fehler(400, "'stichtag' ist kein Datum der Form JJJJ-MM-TT.", ort="stichtag")
        ) from None


def _wahl(request: Request, name: str, werte: tuple[str, ...]) -> str:
    wert = request.query_params.get(name, werte[0])
    if wert not in werte:
        raise _Abgelehnt(
            _fehler(400, f"'{name}' muss {' oder '.join(werte)} sein.", ort=name)
        ) from None
    return wert


def _verlauf_text(daten: bytes, stichtag: dt.date, als_json: bool, format: str) -> tuple[str, int]:
    teile: list[str] = []
    fehler = 0
    for text, code in verlauf_ausgabe(faelle_aus_bytes(daten, format), stichtag, json=als_json):
        teile.append(text)
        fehler += code is not None
    return "".join(teile), fehler


async def verlauf_route(request: Request) -> Response:
    """``POST /v1/verlauf?stichtag=JJJJ-MM-TT[&json=true][&format=jsonl]``: as ``kooplan
    verlauf``; a single case (``format=json``, the default) refused by the rules gives 422."""

    async def arbeit() -> Response:
        stichtag = _stichtag(request)
        als_json = _wahl(request, "json", ("false", "true")) == "true"
        format = _wahl(request, "format", ("json", "jsonl"))
        daten = await _koerper(request, _einstellungen(request).max_bytes)
        text, fehler = await _im_pool(_verlauf_text, daten, stichtag, als_json, format)
        status = 200
        if format == "json" and fehler:
            status = 422 if _ist_json(daten) else 400
        art = (_NDJSON if format == "jsonl" else _JSON) if als_json or status != 200 else _TEXT
        return Response(text.encode("utf-8"), status, media_type=art)

    return await _fristgerecht(request, arbeit())


class _Zeilen:
    """The lines of a request stream as they arrive, each at most ``grenze + 2`` bytes (a longer
    line is cut there, so the loader refuses it by its length, and the rest of it is dropped),
    as `kooplan.vertrag.laden.zeilen_begrenzt` reads standard input; at most ``gesamt`` bytes
    in all."""

    def __init__(self, strom: AsyncIterator[bytes], grenze: int, gesamt: int) -> None:
        self.strom = strom
        self.grenze = grenze
        self.gesamt = gesamt
        self.gelesen = 0
        self.zu_lang = False

    async def bloecke(self, frist: float) -> AsyncIterator[list[bytes]]:
        """Lists of whole lines (each with its line end but the last), as each chunk of the
        body completes them."""
        rest = bytearray()
        verwerfen = False
        it = aiter(self.strom)
        while True:
            try:
                teil = await asyncio.wait_for(anext(it), frist)
            except StopAsyncIteration:
                break
            if self.gelesen + len(teil) > self.gesamt:  # the lines within the limit count
                teil = teil[: self.gesamt - self.gelesen]
                self.zu_lang = True
            self.gelesen += len(teil)
            block: list[bytes] = []
            ab = 0
            while True:
                ende = teil.find(b"\n", ab)
                if ende < 0:
                    if not verwerfen:
                        rest += teil[ab:]
                        if len(rest) > self.grenze + 2:
                            del rest[self.grenze + 2 :]
                            verwerfen = True
                    break
                if not verwerfen:
                    rest += teil[ab : ende + 1]
                    if len(rest) > self.grenze + 3:
                        del rest[self.grenze + 2 :]
                block.append(bytes(rest))
                rest.clear()
                verwerfen = False
                ab = ende + 1
            if block:
                yield block
            if self.zu_lang:
                return
        if rest:
            yield [bytes(rest)]


def _antwortblock(zeilen: list[bytes], policies: Policies, erste: int) -> bytes:
    texte = entscheide_anfragen(zeilen, policies, erste_zeile=erste)
    return "".join(t + "\n" for t in texte).encode("utf-8")


class _Strom(Response):
    """A streamed answer that reads the request body while it writes (Starlette's own
    streaming response would take the body's messages away to watch for a disconnect)."""

    def __init__(self, inhalt: Callable[[], AsyncIterator[bytes]]) -> None:
        self.status_code = 200
        self.background = None
        self.raw_headers = [(b"content-type", _NDJSON.encode("ascii"))]  # no content-length
        self.inhalt = inhalt

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": self.raw_headers})
        with contextlib.suppress(ClientDisconnect, OSError):
            async for teil in self.inhalt():
                await send({"type": "http.response.body", "body": teil, "more_body": True})
        with contextlib.suppress(OSError):
            await send({"type": "http.response.body", "body": b"", "more_body": False})


async def entscheidungen(request: Request) -> Response:
    """``POST /v1/entscheidungen``: JSON Lines of requests in, one answer line each out, in
    order, streamed (a line is answered as soon as it has arrived)."""
    e = _einstellungen(request)
    laenge = _angesagte_laenge(request)
    if laenge is not None and laenge > e.max_bytes_strom:
        return _zu_gross(e.max_bytes_strom).antwort
    zeilen = _Zeilen(request.stream(), MAX_BYTES_JE_FALL, e.max_bytes_strom)

    async def inhalt() -> AsyncIterator[bytes]:
        nr = 1
        try:
            async for block in zeilen.bloecke(e.zeitlimit):
                text = await asyncio.wait_for(
                    _im_pool(_antwortblock, block, e.policies, nr), e.zeitlimit
                )
                nr += len(block)
                yield text
        except TimeoutError:
            meldung = f"Zeitlimit von {e.zeitlimit:g} Sekunden überschritten; der Strom endet hier."
            yield _fehlertext(VerarbeitungAbgebrochen(meldung))
            return
        if zeilen.zu_lang:
            yield _fehlertext(
                UngueltigeEingabe(
                    f"Der Inhalt der Anfrage ist länger als {_zahl(e.max_bytes_strom)} Bytes; "
                    "der Strom endet hier."
                )
            )

    return _Strom(inhalt)


def _json(inhalt: Any) -> Response:
    text = json.dumps(inhalt, ensure_ascii=False, indent=2) + "\n"
    return Response(text.encode("utf-8"), media_type=_JSON)


async def schema_route(request: Request) -> Response:
    """``GET /v1/schema/{name}``: one JSON Schema of the contract, as ``kooplan schema NAME``."""
    name = request.path_params["name"]
    if name not in SCHEMANAMEN:
        return _fehler(
            404,
            f"Ein Schema dieses Namens gibt es nicht; es gibt {', '.join(SCHEMANAMEN)}.",
            ort="name",
        )
    return _json(schema(name))


def regeln() -> dict[str, Any]:
    """The rule catalogue as JSON: every rule of every table with its norms and kind of source."""
    return {
        "regeln": [
            {
                "tabelle": e.tabelle,
                "id": e.id,
                "normen": [{"regime": r or None, "norm": n} for r, n in e.normen],
                "quelle": e.quelle,
                "text": e.text,
            }
            for e in eintraege()
        ]
    }


def rechtsstaende() -> dict[str, Any]:
    """The Rechtsstand table as JSON, each row with its first and last day and its source."""

    def tag(t: dt.date | None) -> str | None:
        return None if t is None else t.isoformat()

    return {
        "rechtsstaende": [
            {
                "id": r.id,
                "von": tag(r.von),
                "bis": tag(r.bis),
                "name": r.name,
                "quelle": r.quelle,
                "regime": r.regime.value,
                "verifiziert": r.verifiziert,
                "von_andere_lesart": tag(r.von_andere_lesart),
            }
            for r in RECHTSSTAENDE
        ]
    }


async def regeln_route(request: Request) -> Response:
    return _json(request.app.state.regeln)


async def rechtsstaende_route(request: Request) -> Response:
    return _json(rechtsstaende())


async def healthz(request: Request) -> Response:
    return _json({"status": "ok"})


async def version(request: Request) -> Response:
    return _json({"kooplan": __version__})


async def openapi_route(request: Request) -> Response:
    return _json(request.app.state.openapi)


# -- OpenAPI ----------------------------------------------------------------------------------------


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def _fehlerantworten(*codes: int) -> dict[str, Any]:
    texte = {
        400: "Der Inhalt ist kein JSON (leer, kein UTF-8, fehlerhaft, zu tief verschachtelt) "
        "oder ein Parameter fehlt oder ist falsch.",
        401: "Der Bearer-Token fehlt oder ist falsch.",
        404: "Unbekannt.",
        413: "Der Inhalt ist zu groß.",
        422: "JSON, das den Vertrag verletzt, oder ein Fall, den die Regeln ablehnen.",
        503: "Zu viele gleichzeitige Anfragen.",
        504: "Zeitlimit überschritten.",
    }
    return {
        str(c): {"description": texte[c], "content": {_JSON: {"schema": _ref("fehler")}}}
        for c in codes
    }


def _json_antwort(beschreibung: str, schema_: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": beschreibung, "content": {_JSON: {"schema": schema_}}}}


def openapi() -> dict[str, Any]:
    """The OpenAPI 3.1 description of the service; its ``components.schemas`` are the
    contract's JSON Schemas (`kooplan.vertrag.schema.alle_schemas`), by short name."""
    schemas = {s["title"].split("/")[1]: s for s in alle_schemas().values()}
    allgemein = (401, 503, 504)
    objekt = {"type": "object"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "kooplan",
            "version": __version__,
            "description": "Regeln des Kooperationsplans (SGB II) über HTTP: dieselben Antworten "
            "wie die Kommandozeile (docs/http-api.md).",
        },
        "paths": {
            "/v1/entscheidung": {
                "post": {
                    "operationId": "entscheidung",
                    "summary": "Eine Anfrage entscheiden (wie kooplan entscheide --anfragen)",
                    "requestBody": {
                        "required": True,
                        "content": {_JSON: {"schema": _ref("anfrage")}},
                    },
                    "responses": {
                        **_json_antwort("Die Entscheidung.", _ref("entscheidung")),
                        **_fehlerantworten(400, 413, 422, *allgemein),
                    },
                }
            },
            "/v1/entscheidungen": {
                "post": {
                    "operationId": "entscheidungen",
                    "summary": "Anfragen als JSON Lines, Antworten als JSON Lines (gestreamt)",
                    "requestBody": {
                        "required": True,
                        "content": {_NDJSON: {"schema": {"type": "string"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "Je Zeile eine Entscheidung oder ein Fehlerobjekt.",
                            "content": {_NDJSON: {"schema": {"type": "string"}}},
                        },
                        **_fehlerantworten(413, *allgemein),
                    },
                }
            },
            "/v1/verlauf": {
                "post": {
                    "operationId": "verlauf",
                    "summary": "Die Phasen eines Falls (wie kooplan verlauf)",
                    "parameters": [
                        {
                            "name": "stichtag",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "format": "date"},
                        },
                        {"name": "json", "in": "query", "schema": {"enum": ["false", "true"]}},
                        {"name": "format", "in": "query", "schema": {"enum": ["json", "jsonl"]}},
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {_JSON: {"schema": _ref("fall")}},
                    },
                    "responses": {
                        "200": {
                            "description": "Die Tabelle oder je Fall eine Zeile kooplan/verlauf/1.",
                            "content": {
                                _TEXT: {"schema": {"type": "string"}},
                                _JSON: {"schema": objekt},
                                _NDJSON: {"schema": {"type": "string"}},
                            },
                        },
                        **_fehlerantworten(400, 413, 422, *allgemein),
                    },
                }
            },
            "/v1/schema/{name}": {
                "get": {
                    "operationId": "schema",
                    "summary": "Ein JSON Schema des Vertrags",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        **_json_antwort("Das Schema.", objekt),
                        **_fehlerantworten(404, 401, 503),
                    },
                }
            },
            "/v1/regeln": {
                "get": {
                    "operationId": "regeln",
                    "summary": "Der Regelkatalog mit Normen und Quellen",
                    "responses": {
                        **_json_antwort("Die Regeln.", objekt),
                        **_fehlerantworten(401, 503),
                    },
                }
            },
            "/v1/rechtsstaende": {
                "get": {
                    "operationId": "rechtsstaende",
                    "summary": "Die Rechtsstände mit Grenzen und Quellen",
                    "responses": {
                        **_json_antwort("Die Rechtsstände.", objekt),
                        **_fehlerantworten(401, 503),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "healthz",
                    "summary": "Lebenszeichen (ohne Token)",
                    "responses": _json_antwort("Der Dienst läuft.", objekt),
                }
            },
            "/version": {
                "get": {
                    "operationId": "version",
                    "summary": "Die Version von kooplan",
                    "responses": {
                        **_json_antwort("Die Version.", objekt),
                        **_fehlerantworten(401, 503),
                    },
                }
            },
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }


# -- the guard: access log, token, concurrency -------------------------------------------------------

_ASGI = Callable[[MutableMapping[str, Any], Any, Any], Awaitable[None]]


class _Wache:
    """Around the application: the cap on concurrent requests (503), the bearer token (401), and
    the access log line (method, path, status, duration: nothing of the request's data)."""

    def __init__(self, app: _ASGI, einstellungen: Einstellungen) -> None:
        self.app = app
        self.einstellungen = einstellungen
        self.laufend = 0
        self.log = logging.getLogger(LOGGER)
        self.token = None if einstellungen.token is None else einstellungen.token.encode("utf-8")

    def _erlaubt(self, scope: MutableMapping[str, Any]) -> bool:
        if self.token is None or scope["path"] == "/healthz":
            return True
        for name, wert in scope.get("headers", ()):
            if name == b"authorization":
                art, _, token = bytes(wert).partition(b" ")
                return art.lower() == b"bearer" and hmac.compare_digest(token.strip(), self.token)
        return False

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        beginn = time.perf_counter()
        status = 0

        async def senden(nachricht: MutableMapping[str, Any]) -> None:
            nonlocal status
            if nachricht["type"] == "http.response.start":
                status = nachricht["status"]
            await send(nachricht)

        try:
            if self.laufend >= self.einstellungen.max_gleichzeitig and scope["path"] != "/healthz":
                antwort = _fehler(
                    503,
                    f"Zu viele gleichzeitige Anfragen (höchstens "
                    f"{self.einstellungen.max_gleichzeitig}); bitte später wiederholen.",
                    headers={"Retry-After": "1"},
                )
                await antwort(scope, receive, senden)
            elif not self._erlaubt(scope):
                antwort = _fehler(
                    401,
                    "Der Bearer-Token fehlt oder ist falsch.",
                    headers={"WWW-Authenticate": "Bearer"},
                )
                await antwort(scope, receive, senden)
            else:
                self.laufend += 1
                try:
                    await self.app(scope, receive, senden)
                finally:
                    self.laufend -= 1
        finally:
            dauer = (time.perf_counter() - beginn) * 1000
            self.log.info("%s %s %d %.1fms", scope["method"], scope["path"], status, dauer)


async def _http_fehler(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    meldungen = {
        404: "Diesen Pfad gibt es nicht.",
        405: "Diese Methode gibt es für diesen Pfad nicht.",
    }
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else None
    return _fehler(status, meldungen.get(status, "Die Anfrage ist ungültig."), headers=headers)


async def _intern(request: Request, exc: Exception) -> Response:
    art = type(exc).__name__
    err = KooplanError(f"Interner Fehler ({art}); bitte melden.")
    err.code = VerarbeitungAbgebrochen.code
    return Response(_fehlertext(err), 500, media_type=_JSON)


def anwendung(einstellungen: Einstellungen | None = None) -> _ASGI:
    """The ASGI application of the service (for ``uvicorn`` or any ASGI server)."""
    einstellungen = einstellungen or Einstellungen()
    app = Starlette(
        routes=[
            Route("/v1/entscheidung", entscheidung, methods=["POST"]),
            Route("/v1/entscheidungen", entscheidungen, methods=["POST"]),
            Route("/v1/verlauf", verlauf_route, methods=["POST"]),
            Route("/v1/schema/{name}", schema_route, methods=["GET"]),
            Route("/v1/regeln", regeln_route, methods=["GET"]),
            Route("/v1/rechtsstaende", rechtsstaende_route, methods=["GET"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/version", version, methods=["GET"]),
            Route("/openapi.json", openapi_route, methods=["GET"]),
        ],
        exception_handlers={HTTPException: _http_fehler, Exception: _intern},
    )
    app.state.einstellungen = einstellungen
    app.state.openapi = openapi()
    app.state.regeln = regeln()
    return _Wache(app, einstellungen)


# -- running it ------------------------------------------------------------------------------------


class _Server(uvicorn.Server):
    """uvicorn, but a SIGTERM or SIGINT ends it gracefully with status 0 (uvicorn would raise the
    signal again after its shutdown, so the process would end by the signal)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        alt = {s: signal.signal(s, self.handle_exit) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for s, h in alt.items():
                signal.signal(s, h)


def _log_einrichten() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger(LOGGER)
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _socket(host: str, port: int) -> socket.socket:
    familie = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(familie, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _ein_prozess(app: _ASGI, sock: socket.socket, einstellungen: Einstellungen) -> None:
    config = uvicorn.Config(
        app,
        log_config=None,
        access_log=False,
        lifespan="off",
        server_header=False,
        timeout_graceful_shutdown=int(einstellungen.zeitlimit) + 5,
    )
    _Server(config).run(sockets=[sock])


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    einstellungen: Einstellungen | None = None,
    *,
    melden: Callable[[str], None] | None = None,
) -> int:
    """Run the service until SIGTERM or SIGINT; returns 0 after a graceful end (requests under
    way are answered first, for at most ``zeitlimit + 5`` seconds). With ``workers > 1`` that
    many processes share one listening socket (forked; on platforms without ``fork`` only one);
    a worker that dies is replaced, one that dies within a second of its start ends the service
    (status 70). Raises `OSError` when the address cannot be bound."""
    einstellungen = einstellungen or Einstellungen()
    _log_einrichten()
    sock = _socket(host, port)
    app = anwendung(einstellungen)
    if melden is not None:
        wo = f"[{host}]" if ":" in host else host
        melden(
            f"HTTP-Dienst auf http://{wo}:{sock.getsockname()[1]} "
            f"({workers} {'Prozess' if workers == 1 else 'Prozesse'}); Ende mit SIGTERM oder Ctrl-C."
        )
    if workers <= 1 or not hasattr(os, "fork"):
        _ein_prozess(app, sock, einstellungen)
        return 0
    return _mit_prozessen(app, sock, einstellungen, workers)


def _mit_prozessen(app: _ASGI, sock: socket.socket, einstellungen: Einstellungen, n: int) -> int:
    kinder: dict[int, float] = {}  # pid: when it was started
    ende = False

    def starten() -> None:
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child process
            status = 0
            try:
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _ein_prozess(app, sock, einstellungen)
            except BaseException:
                status = 70
            finally:
                os._exit(status)
        kinder[pid] = time.monotonic()

    def weiter(signum: int, _: FrameType | None) -> None:
        nonlocal ende
        ende = True
        for pid in list(kinder):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)

    alt = {s: signal.signal(s, weiter) for s in (signal.SIGINT, signal.SIGTERM)}
    status = 0
    try:
        for _ in range(n):
            starten()
        while kinder:
            try:
                pid, wert = os.wait()
            except ChildProcessError:
                break
            except InterruptedError:  # pragma: no cover - PEP 475 retries
                continue
            gestartet = kinder.pop(pid, None)
            if gestartet is None:
                continue
            code = os.waitstatus_to_exitcode(wert)
            if not ende and time.monotonic() - gestartet > 1:  # a worker died: a new one
                starten()
            elif code != 0:  # or one that could not even start: the service ends
                status = 70
                weiter(signal.SIGTERM, None)
    finally:
        for s, h in alt.items():
            signal.signal(s, h)
        sock.close()
    return status
