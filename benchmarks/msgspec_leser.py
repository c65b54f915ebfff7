"""msgspec against kooplan's reader, with a pre-scan for duplicate keys (a measurement, not a test).

Run: ``.venv/bin/python benchmarks/msgspec_leser.py [--n 20000] [--json OUT]`` (``--schnell``:
2,000 lines). Needs msgspec (``pip install msgspec``), a benchmark-only import: kooplan does not
use it. The same ``--n`` lines of ``daten.py`` (cases of 10 events) are read in one process,
best of ``--wiederholungen``, by:

* kooplan's reader: ``kooplan.vertrag.fall_aus_json`` (the JSON parse ``json_lesen`` with its
  duplicate-key hook, then ``fall_aus_objekt``, the fast reader with the exact reader behind it);
* msgspec into plain dicts (``msgspec.json.Decoder()``), the pre-scan, then kooplan's
  ``fall_aus_objekt``: a drop-in for the JSON parse only;
* msgspec into typed Structs made from the contract's field specs (``kooplan.vertrag.felder``:
  tagged events by ``art``, dates as dates, enumerations as literals, bounds as constraints), the
  pre-scan; and that plus building kooplan's ``Fall`` from the Structs.

Every line whose pre-scan or decode fails goes to the exact reader, so the errors stay those of
``fall_aus_json``. The Fall from each msgspec path is compared with kooplan's for every line.

**The pre-scan.** msgspec keeps the last value of a duplicate key (the contract refuses such a
case), so a line may take the fast path only if it can hold no duplicate: the number of keys
decoded must equal the number of keys in the text. Outside strings a JSON text has a colon after
every key and nowhere else, so ``zeile.count(b":")`` is the number of keys plus the colons inside
strings: equal to the keys decoded only if no key was lost and no string holds a colon. A line
with a colon in a string is counted exactly, when it has no backslash (then every ``"`` opens or
closes a string, and the colons outside strings are those between the ``"``-separated pieces of
even index); with a backslash it goes to the exact reader. ``tests/test_msgspec_vorpruefung.py``
holds the pre-scan to this (every line with a duplicate key goes to the exact reader). Counting
only ``":`` (the closing quote of a key before its colon) would not do: ``{"a" : 1, "a": 2}``
has one ``":`` and one key after decoding.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import platform
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, Union

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))

import daten  # noqa: E402

# -- the pre-scan (needs no msgspec) --------------------------------------------------------------


def schluessel_genau(zeile: bytes) -> int | None:
    """The colons outside strings (= the keys) of a line without a backslash, else ``None``."""
    if b"\\" in zeile:
        return None
    return sum(teil.count(b":") for teil in zeile.split(b'"')[::2])


def schluessel_zahl(wert: Any) -> int:
    """The keys of a decoded JSON value (plain dicts and lists), nested ones included."""
    if type(wert) is dict:
        return len(wert) + sum(schluessel_zahl(v) for v in wert.values() if type(v) in _BEHAELTER)
    if type(wert) is list:
        return sum(schluessel_zahl(v) for v in wert if type(v) in _BEHAELTER)
    return 0


_BEHAELTER = (dict, list)


def schluessel_zahl_fall(obj: Any) -> int:
    """The keys of the objects a case has where the contract puts them (the case, its events,
    their plans and a plan's Eigenbemühungen), other objects left out: never more than the keys
    decoded, and as many for a case without nested ``x_`` data; eight times faster than
    `schluessel_zahl`. Counting too few only sends a line to the exact reader."""
    if type(obj) is not dict:
        return 0
    n = len(obj)
    ereignisse = obj.get("ereignisse")
    if type(ereignisse) is list:
        for e in ereignisse:
            if type(e) is dict:
                n += len(e)
                plan = e.get("plan")
                if type(plan) is dict:
                    n += len(plan)
                    eigen = plan.get("eigenbemuehungen")
                    if type(eigen) is dict:
                        n += len(eigen)
    return n


def vorpruefung(zeile: bytes, decodiert: int) -> bool:
    """True: ``zeile``, decoded with ``decodiert`` keys, holds no duplicate key (the fast path
    may take it); False: hand it to the exact reader."""
    if zeile.count(b":") == decodiert:
        return True  # every colon is a key's, and no key was lost
    genau = schluessel_genau(zeile)
    return genau is not None and genau == decodiert


def vorpruefung_anfuehrung(zeile: bytes, decodiert: int) -> bool:
    """The rule by ``":`` alone (no backslash, count of ``":`` = keys decoded). Not sound: a key
    followed by a blank before its colon is not counted (see the module's docstring)."""
    return b"\\" not in zeile and zeile.count(b'":') == decodiert


# -- typed Structs from the contract's field specs ------------------------------------------------


def _structs() -> tuple[Any, dict[str, Any]]:
    """The case Struct and the event Structs by art, made from ``kooplan.vertrag.felder``."""
    import msgspec

    from kooplan.vertrag.felder import (
        EIGENBEMUEHUNGEN_FELDER,
        EREIGNIS_FELDER,
        FALL_FELDER,
        PLAN_FELDER,
        Feld,
        Typ,
        ereignis_felder,
    )
    from kooplan.vertrag.laden import MAX_EREIGNISSE
    from kooplan.werte.fall import LAENDER

    def literal(werte: tuple[str, ...]) -> Any:
        return Literal.__getitem__(werte)  # type: ignore[attr-defined]

    def typ(f: Feld, verschachtelt: dict[str, Any]) -> Any:
        t = f.typ
        if t is Typ.DATUM:
            return dt.date
        if t is Typ.BOOL:
            return bool
        if t is Typ.INT:
            return Annotated[int, msgspec.Meta(ge=f.minimum, le=f.maximum)]
        if t is Typ.TEXT:
            return Annotated[str, msgspec.Meta(min_length=1)]
        if t is Typ.ID:
            return Annotated[str, msgspec.Meta(min_length=1, max_length=128)]
        if t is Typ.TEXTLISTE:
            return Annotated[list[str], msgspec.Meta(min_length=f.minimum or 0)]
        if t in (Typ.ENUM, Typ.KONSTANTE):
            return literal(f.werte)
        if t is Typ.LAND:
            return literal(tuple(LAENDER))
        if t is Typ.FALL_ID:
            return Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9._-]{1,64}$")]
        return verschachtelt[t.value]

    def struct(name: str, felder: Any, verschachtelt: dict[str, Any], **optionen: Any) -> Any:
        spalten = []
        for k, f in felder.items():
            if f.pflicht:
                spalten.append((k, typ(f, verschachtelt)))
            else:
                spalten.append((k, typ(f, verschachtelt) | msgspec.UnsetType, msgspec.UNSET))
        return msgspec.defstruct(
            name, spalten, forbid_unknown_fields=True, kw_only=True, frozen=True, **optionen
        )

    v: dict[str, Any] = {}
    v["eigenbemuehungen"] = struct("Eigenbemuehungen", EIGENBEMUEHUNGEN_FELDER, v)
    v["plan"] = struct("Plan", PLAN_FELDER, v)
    arten = {}
    for art in EREIGNIS_FELDER:
        felder = {k: f for k, f in ereignis_felder(art).items() if k != "art"}
        arten[art] = struct(f"E_{art}", felder, v, tag_field="art", tag=art)
    v["ereignisse"] = Annotated[
        list[Union.__getitem__(tuple(arten.values()))],  # type: ignore[attr-defined]
        msgspec.Meta(max_length=MAX_EREIGNISSE),
    ]
    return struct("Fall", FALL_FELDER, v), arten


def struct_schluessel(s: Any) -> int:
    """The keys a decoded case Struct was read from: its set fields, each event's set fields and
    its tag ``art``, a plan's and its Eigenbemühungen's set fields. With unknown fields refused
    (``x_`` data included), these are all the objects the text can hold."""
    import msgspec

    unset, felder = msgspec.UNSET, msgspec.structs.astuple
    t = felder(s)
    n = len(t) - t.count(unset)
    for e in s.ereignisse:
        t = felder(e)
        n += len(t) - t.count(unset) + 1
        plan = getattr(e, "plan", unset)
        if plan is not unset:
            t = felder(plan)
            n += len(t) - t.count(unset)
            if plan.eigenbemuehungen is not unset:
                t = felder(plan.eigenbemuehungen)
                n += len(t) - t.count(unset)
    return n


def _bauer() -> Callable[[Any], Any]:
    """Build kooplan's ``Fall`` from a decoded case Struct, with the fast reader's checks that
    msgspec's constraints do not express (days in kooplan's range, text not blank, printable
    ids); a fault raises ``LookupError`` (the line then goes to the exact reader)."""
    import msgspec

    from kooplan.vertrag.felder import (
        EIGENBEMUEHUNGEN_FELDER,
        FALL_FELDER,
        PLAN_FELDER,
        Feld,
        Typ,
        ereignis_felder,
    )
    from kooplan.werte.ereignisse import ARTEN
    from kooplan.werte.fall import Fall
    from kooplan.werte.plan import Eigenbemuehungen, Kooperationsplan
    from kooplan.werte.pruefen import FRUEHESTER_TAG, SPAETESTER_TAG

    unset = msgspec.UNSET

    def wandler(f: Feld) -> Callable[[Any], Any] | None:
        t = f.typ
        if t is Typ.DATUM:

            def datum(w: Any) -> Any:
                if FRUEHESTER_TAG <= w <= SPAETESTER_TAG:
                    return w
                raise LookupError

            return datum
        if t is Typ.TEXT:

            def text(w: Any) -> Any:
                if w.strip():
                    return w
                raise LookupError

            return text
        if t is Typ.ID:

            def kennung(w: Any) -> Any:
                if w.isprintable():
                    return w
                raise LookupError

            return kennung
        if t is Typ.TEXTLISTE:

            def liste(w: Any) -> Any:
                if all(x.strip() for x in w):
                    return tuple(w)
                raise LookupError

            return liste
        if t is Typ.ENUM:
            assert f.enum_typ is not None
            return f.enum_typ
        if t is Typ.PLAN:
            return lambda w: plan(w)  # defined below
        if t is Typ.EIGENBEMUEHUNGEN:
            return lambda w: eigen(w)
        return None

    def formen(felder: Any, ohne: tuple[str, ...] = ()) -> list[tuple[str, Any]]:
        return [(k, wandler(f)) for k, f in felder.items() if k not in ohne]

    def felder_von(s: Any, form: list[tuple[str, Callable[[Any], Any] | None]]) -> dict[str, Any]:
        out = {}
        for k, w in form:
            wert = getattr(s, k)
            if wert is not unset:
                out[k] = wert if w is None else w(wert)
        return out

    eigen_form = formen(EIGENBEMUEHUNGEN_FELDER)
    plan_form = formen(PLAN_FELDER)

    def eigen(s: Any) -> Any:
        return Eigenbemuehungen(**felder_von(s, eigen_form))

    def plan(s: Any) -> Any:
        return Kooperationsplan(**felder_von(s, plan_form))

    ereignis_form = {art: (ARTEN[art], formen(ereignis_felder(art), ("art",))) for art in ARTEN}
    fall_form = formen(FALL_FELDER, ("schema", "ereignisse"))

    def bauen(s: Any) -> Any:
        ereignisse = []
        for e in s.ereignisse:
            klasse, form = ereignis_form[e.__struct_config__.tag]
            ereignisse.append(klasse(**felder_von(e, form)))
        kopf = felder_von(s, fall_form)
        return Fall(kopf.pop("fall"), tuple(ereignisse), **kopf)

    return bauen


# -- measuring ------------------------------------------------------------------------------------


def messen(n: int, wiederholungen: int) -> dict[str, Any]:
    import msgspec

    import kooplan
    from kooplan.batch import entscheide_jsonl
    from kooplan.vertrag.laden import fall_aus_json, fall_aus_objekt, json_lesen
    from kooplan.werte.fehler import KooplanError

    zeilen = [z.rstrip(b"\n") for z in daten.zeilen(n)]
    roh = msgspec.json.Decoder()
    fall_struct, _ = _structs()
    getypt = msgspec.json.Decoder(fall_struct)
    bauen = _bauer()
    zum_genauen = {"dicts": 0, "typen": 0}

    def genau(z: bytes) -> Any:
        try:
            return fall_aus_json(z)
        except KooplanError as err:
            return err

    def msgspec_dicts(z: bytes) -> Any:
        try:
            obj = roh.decode(z)
        except msgspec.DecodeError:
            return genau(z)
        if not vorpruefung(z, schluessel_zahl_fall(obj)) and not vorpruefung(
            z, schluessel_zahl(obj)
        ):
            zum_genauen["dicts"] += 1
            return genau(z)
        try:
            return fall_aus_objekt(obj)
        except KooplanError as err:
            return err

    def msgspec_typen(z: bytes) -> Any:
        try:
            s = getypt.decode(z)
        except (msgspec.ValidationError, msgspec.DecodeError):
            return genau(z)
        if not vorpruefung(z, struct_schluessel(s)):
            zum_genauen["typen"] += 1
            return genau(z)
        return s

    def msgspec_typen_fall(z: bytes) -> Any:
        s = msgspec_typen(z)
        if not isinstance(s, msgspec.Struct):
            return s
        try:
            return bauen(s)
        except (LookupError, KooplanError):
            return genau(z)

    def fall_aus_objekt_stdlib(z: bytes) -> Any:
        return fall_aus_objekt(json_lesen(z))

    def zeitnahme(lies: Callable[[bytes], Any], mal: int) -> float:
        """Each line read and its result dropped, as a stream does (a list of 20,000 cases
        kept alive would make the garbage collector's passes the figure)."""

        def lauf() -> None:
            for z in zeilen:
                lies(z)

        return daten.bestes(lauf, mal)[0]

    def vorpruefen(
        objekte: list[Any], zaehlen: Callable[[Any], int], regel: Callable[[bytes, int], bool]
    ) -> float:
        def lauf() -> None:
            for z, o in zip(zeilen, objekte, strict=True):
                regel(z, zaehlen(o))

        return daten.bestes(lauf, wiederholungen)[0]

    def ende_zu_ende() -> None:
        for _ in entscheide_jsonl(zeilen, daten.ANLIEGEN, daten.STICHTAG):
            pass

    ende_zu_ende()  # warm kooplan's caches, as a case load does
    kooplan_faelle = [genau(z) for z in zeilen]
    gleich_dicts = [msgspec_dicts(z) for z in zeilen] == kooplan_faelle
    gleich_typen = [msgspec_typen_fall(z) for z in zeilen] == kooplan_faelle
    zum_genauen = dict(zum_genauen)  # of that one pass over the lines
    del kooplan_faelle
    gc.collect()
    # in rounds, each way once per round, so that a busy spell of the machine hits all
    wege: dict[str, Callable[[bytes], Any]] = {
        "fall_aus_json": fall_aus_json,
        "json_lesen": json_lesen,
        "fall_aus_objekt_stdlib": fall_aus_objekt_stdlib,
        "msgspec_roh": roh.decode,
        "msgspec_dicts_fall": msgspec_dicts,
        "msgspec_typen_roh": getypt.decode,
        "msgspec_typen": msgspec_typen,
        "msgspec_typen_fall": msgspec_typen_fall,
    }
    t: dict[str, float] = {}
    for _ in range(wiederholungen):
        for name, lies in wege.items():
            t[name] = min(t.get(name, float("inf")), zeitnahme(lies, 1))
        t["ende_zu_ende"] = min(
            t.get("ende_zu_ende", float("inf")), daten.bestes(ende_zu_ende, 1)[0]
        )
    t["fall_aus_objekt"] = t.pop("fall_aus_objekt_stdlib") - t["json_lesen"]
    objekte = [roh.decode(z) for z in zeilen]
    frei = sum(
        vorpruefung(z, schluessel_zahl_fall(o)) for z, o in zip(zeilen, objekte, strict=True)
    )
    t["vorpruefung_dicts"] = vorpruefen(objekte, schluessel_zahl_fall, vorpruefung)
    t["vorpruefung_anfuehrung"] = vorpruefen(objekte, schluessel_zahl_fall, vorpruefung_anfuehrung)
    t["zaehlen_dicts"] = vorpruefen(objekte, schluessel_zahl_fall, lambda z, k: True)
    t["zaehlen_dicts_allgemein"] = vorpruefen(objekte, schluessel_zahl, lambda z, k: True)
    us = {k: v / n * 1e6 for k, v in t.items()}
    return {
        "n": n,
        "bytes_je_zeile": sum(len(z) for z in zeilen) / n,
        "kooplan": kooplan.__version__,
        "msgspec": msgspec.__version__,
        "python": platform.python_version(),
        "us": us,
        "vorpruefung_frei": frei,
        "zum_genauen_je_lauf": zum_genauen,
        "gleich_dicts": gleich_dicts,
        "gleich_typen": gleich_typen,
    }


def bericht(r: dict[str, Any], maschine: dict[str, Any]) -> str:
    u = r["us"]
    e2e = u["ende_zu_ende"]
    leser = u["fall_aus_json"]
    a = [
        f"msgspec {r['msgspec']} against kooplan {r['kooplan']}'s reader, {r['n']:,} lines of 10 "
        f"events ({r['bytes_je_zeile']:,.0f} bytes each), one process, µs per line",
        f"machine: {maschine['machine']}, {maschine['cpu']}, nproc {maschine['nproc']}, "
        f"CPython {maschine['python']}, {maschine['system']}; load average {maschine['loadavg']}",
        "",
        f"  kooplan: fall_aus_json                          {leser:7.1f}",
        f"     of which json_lesen (stdlib json + hook)      {u['json_lesen']:7.1f}",
        f"     of which fall_aus_objekt (fast reader)        {u['fall_aus_objekt']:7.1f}",
        f"  msgspec.json.Decoder() (plain dicts) alone       {u['msgspec_roh']:7.1f}",
        f"  pre-scan: count keys in the dicts + colons        {u['vorpruefung_dicts']:7.1f}"
        f"   (counting the dicts alone {u['zaehlen_dicts']:.1f}, by a generic walk "
        f"{u['zaehlen_dicts_allgemein']:.1f}; by '\":' {u['vorpruefung_anfuehrung']:.1f})",
        f"  msgspec dicts + pre-scan + fall_aus_objekt       {u['msgspec_dicts_fall']:7.1f}"
        f"   same Fall for every line: {r['gleich_dicts']}",
        f"  msgspec typed Structs alone                      {u['msgspec_typen_roh']:7.1f}",
        f"  msgspec typed Structs + pre-scan                 {u['msgspec_typen']:7.1f}",
        f"  typed + pre-scan + building kooplan's Fall       {u['msgspec_typen_fall']:7.1f}"
        f"   same Fall for every line: {r['gleich_typen']}",
        f"  end to end (entscheide_jsonl, one Stichtag)      {e2e:7.1f}"
        f"   (the reader is {leser / e2e * 100:.0f} % of it)",
        f"  lines the pre-scan passed: {r['vorpruefung_frei']:,} of {r['n']:,}; "
        f"sent to the exact reader per run: {r['zum_genauen_je_lauf']}",
        "",
        "  saved per line, and as a share of end to end (measured | with the reader at 40 %):",
    ]
    for name, neu in (
        ("msgspec dicts as a drop-in for the JSON parse", u["msgspec_dicts_fall"]),
        ("typed Structs, kooplan's Fall built from them", u["msgspec_typen_fall"]),
        ("typed Structs straight into the fold (no Fall)", u["msgspec_typen"]),
    ):
        gespart = leser - neu
        a.append(
            f"    {name:48s} {gespart:6.1f} µs  {gespart / e2e * 100:5.1f} % | "
            f"{gespart / leser * 40:5.1f} %"
        )
    return "\n".join(a)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--wiederholungen", type=int, default=3)
    ap.add_argument("--json", type=Path, help="also write all figures as JSON")
    ap.add_argument("--schnell", action="store_true", help="2,000 lines, one run")
    args = ap.parse_args()
    try:
        import msgspec  # noqa: F401
    except ImportError:
        print(
            "msgspec ist nicht installiert: diese Messung braucht es (pip install msgspec); "
            "kooplan selbst braucht es nicht.",
            file=sys.stderr,
        )
        sys.exit(0)
    import suite

    if args.schnell:
        args.n, args.wiederholungen = 2_000, 1
    r = messen(args.n, args.wiederholungen)
    m = suite.maschine()
    print(bericht(r, m))
    if args.json:
        args.json.write_text(json.dumps({"maschine": m, **r}, indent=1) + "\n")


if __name__ == "__main__":
    main()
