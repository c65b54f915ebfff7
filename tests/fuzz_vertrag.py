"""A fuzz target for the strict reader and the decision: cases, requests and policy files.

Each target takes arbitrary bytes and checks what must hold for any input:

* ``fall``: :func:`kooplan.vertrag.laden.fall_aus_json` gives a case or an
  :class:`~kooplan.fehler.UngueltigeEingabe`; a case is decided for every Anliegen on a few
  Stichtage and gives a decision or a contract error; every answer is valid under the shipped
  schemas; every error is one German sentence whose ``ort`` names a place in the input outside
  the caller's ``x_`` data and whose message never quotes an ``x_`` key.
* ``anfrage``: the same for a request (``kooplan/anfrage/1``), answered as
  ``kooplan entscheide --anfragen`` answers it.
* ``policy``: :func:`kooplan.vertrag.laden.policy_lesen` (TOML and JSON) gives a policy or an
  :class:`~kooplan.fehler.UngueltigeEingabe`, never another exception.

Any other exception (a ``RecursionError``, a ``UnicodeEncodeError``, an ``AssertionError`` of
the checks) is a finding. Run from the repository root:

.. code-block:: sh

    .venv/bin/python tests/fuzz_vertrag.py                      # Hypothesis, 20,000 inputs each
    .venv/bin/python tests/fuzz_vertrag.py --anzahl 1000000 fall
    .venv/bin/python tests/fuzz_vertrag.py --atheris fall       # coverage-guided (pip install atheris)

``tests/test_fuzz.py`` runs a short campaign of each target in the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kooplan
from faelle_bau import zitiert
from kooplan.batch import Policies, entscheide_anfragen
from kooplan.beispiele import beispiele
from kooplan.fehler import FEHLERCODES, KooplanError, UngueltigeEingabe
from kooplan.policy import Policy
from kooplan.vertrag.ausgabe import entscheidung_als_dict, fehler_als_dict
from kooplan.vertrag.laden import fall_aus_json, policy_lesen
from kooplan.vertrag.schema import schema

_STICHTAGE = (dt.date(2023, 7, 1), dt.date(2025, 5, 6), dt.date(2026, 7, 1), dt.date(2099, 12, 31))
_ANLIEGEN = ("einladung", "massnahme", "vermittlungsvorschlag", "eigenbemuehungen")
_ENGLISCH = re.compile(
    r"\b(the|is|not|of|value|expecting|expected|invalid|line|column|error|must|object|string|"
    r"cannot|delimiter|property|unterminated|at end)\b",
    re.IGNORECASE,
)
_VALIDATOREN: dict[str, Any] = {}


def _validator(name: str) -> Any:
    if name not in _VALIDATOREN:
        import jsonschema

        _VALIDATOREN[name] = jsonschema.Draft202012Validator(schema(name))
    return _VALIDATOREN[name]


def _dokument(daten: bytes) -> Any:
    try:
        return json.loads(daten.decode("utf-8").removeprefix("\ufeff"))
    except (ValueError, RecursionError):
        return None


def _x_schluessel(doc: Any) -> set[str]:
    """The keys that are the caller's own (``x_…``), at any level."""
    gefunden: set[str] = set()
    stapel = [doc]
    while stapel:
        w = stapel.pop()
        if isinstance(w, dict):
            gefunden.update(k for k in w if k.startswith("x_"))
            stapel.extend(w.values())
        elif isinstance(w, list):
            stapel.extend(w)
    return gefunden


def pruefe_fehler(err: KooplanError, doc: Any, *, eigene_daten: bool = True) -> None:
    """What every error must be: a contract code, one German sentence, and for a case or a
    request (``eigene_daten``) a place outside the caller's ``x_`` data and no ``x_`` key
    quoted (a policy has no ``x_`` data: such a key is an unknown key, and named as one)."""
    assert err.code in FEHLERCODES, err.code
    meldung = err.meldung
    assert isinstance(meldung, str) and meldung.endswith(".") and meldung == meldung.strip()
    assert _ENGLISCH.search(re.sub(r"'[^']*'|\"[^\"]*\"", "", meldung)) is None, meldung
    if eigene_daten and err.ort is not None:
        assert not re.search(r"(^|\.|\[\")x_", err.ort), err.ort
    for k in _x_schluessel(doc) if eigene_daten else ():
        assert f"'{zitiert(k)}'" not in meldung, meldung
    obj = fehler_als_dict(err, 1)
    _validator("fehler").validate(obj)
    json.dumps(obj, ensure_ascii=False).encode("utf-8")  # printable as the contract's UTF-8
    str(err).encode("utf-8")
    repr(err).encode("utf-8")


def ziel_fall(daten: bytes) -> None:
    """Fuzz target: one case as bytes."""
    doc = _dokument(daten)
    try:
        fall = fall_aus_json(daten)
    except UngueltigeEingabe as err:
        pruefe_fehler(err, doc)
        return
    for stichtag in _STICHTAGE:
        for anliegen in _ANLIEGEN:
            try:
                e = kooplan.entscheide(fall, anliegen, stichtag)
            except KooplanError as err:
                pruefe_fehler(err, doc)
                assert err.fall == fall.fall
                continue
            _validator("entscheidung").validate(entscheidung_als_dict(e))


def ziel_anfrage(daten: bytes) -> None:
    """Fuzz target: one request line as bytes, answered as the request mode answers it."""
    doc = _dokument(daten)
    policies = Policies(benannt={"streng": Policy.aus_mapping({"rfb_umfang": "einzelfall"})})
    (antwort,) = entscheide_anfragen([daten.replace(b"\n", b" ")], policies)
    obj = json.loads(antwort)
    if obj["schema"] == "kooplan/fehler/1":
        err = UngueltigeEingabe(obj["meldung"], ort=obj["ort"], fall=obj["fall"])
        err.code = obj["fehler"]
        pruefe_fehler(err, doc)
    else:
        _validator("entscheidung").validate(obj)


def ziel_policy(daten: bytes) -> None:
    """Fuzz target: a policy file's bytes, read as TOML and as JSON."""
    doc = _dokument(daten)
    for toml in (True, False):
        try:
            p = policy_lesen(daten, toml=toml)
        except UngueltigeEingabe as err:
            pruefe_fehler(err, doc, eigene_daten=False)
        else:
            assert isinstance(p, Policy)


ZIELE: dict[str, Callable[[bytes], None]] = {
    "fall": ziel_fall,
    "anfrage": ziel_anfrage,
    "policy": ziel_policy,
}

# -- inputs: the bundled examples, mutated ---------------------------------------------------------


def _saaten() -> dict[str, list[bytes]]:
    faelle = [json.dumps(b.fall, ensure_ascii=False).encode("utf-8") for b in beispiele()]
    anfragen = [
        json.dumps(
            {
                "schema": "kooplan/anfrage/1",
                "anliegen": b.anliegen[0],
                "stichtag": b.stichtag.isoformat(),
                "fall": b.fall,
                **({"policy": "streng"} if i % 3 == 0 else {}),
            },
            ensure_ascii=False,
        ).encode("utf-8")
        for i, b in enumerate(beispiele())
    ]
    policies = [
        b'rfb_umfang = "einzelfall"\nplan_max_schritte = 3\n',
        b"\xef\xbb\xbfmassnahme_mit_rfb_in_kooperation = true\n",
        b'{"rfb_umfang": "fall", "plan_max_schritte": 12}',
    ]
    return {"fall": faelle, "anfrage": anfragen, "policy": policies}


SAATEN = _saaten()

#: Pieces that reach the loader's edges: nesting, duplicates, x_ keys, odd text, limits.
_STUECKE = [
    b"{",
    b"}",
    b"[",
    b"]",
    b"[" * 70,
    b"]" * 70,
    b'"x_a": ',
    b'"x_Mustermann": {"k": 1, "k": 2}, ',
    b'"x_t": ' + b"[" * 40 + b"]" * 40 + b", ",
    b'"fall": ',
    b'"schema": "kooplan/fall/1", ',
    b'"art": "termin_versaeumt", ',
    b'"bezug": "m1", ',
    b'"\\ud800"',
    b"\xef\xbb\xbf",
    b"\xff",
    b"\x00",
    b"NaN",
    b"1e999",
    b"9" * 5000,
    b'"2024-02-30"',
    b"\r\n",
    b'"a" = ',
    b"[[a]]\n",
    b"'''",
]


@st.composite
def mutiert(draw: st.DrawFn, saaten: list[bytes]) -> bytes:
    daten = bytearray(draw(st.sampled_from(saaten)))
    for _ in range(draw(st.integers(0, 6))):
        if not daten:
            daten += draw(st.binary(min_size=1, max_size=8))
            continue
        pos = draw(st.integers(0, len(daten)))
        art = draw(st.sampled_from(["einfuegen", "loeschen", "ersetzen", "kippen"]))
        if art == "einfuegen":
            daten[pos:pos] = draw(st.sampled_from(_STUECKE) | st.binary(max_size=6))
        elif art == "loeschen":
            daten[pos : pos + draw(st.integers(1, 40))] = b""
        elif art == "ersetzen":
            daten[pos : pos + draw(st.integers(1, 8))] = draw(st.sampled_from(_STUECKE))
        elif pos < len(daten):
            daten[pos] ^= 1 << draw(st.integers(0, 7))
    return bytes(daten)


def eingaben(name: str) -> st.SearchStrategy[bytes]:
    return mutiert(SAATEN[name]) | st.binary(max_size=300)


def hypothesis_lauf(name: str, anzahl: int) -> None:
    """Run target ``name`` on ``anzahl`` Hypothesis inputs (it shrinks what it finds)."""
    ziel = ZIELE[name]

    @settings(
        max_examples=anzahl,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(eingaben(name))
    def lauf(daten: bytes) -> None:
        ziel(daten)

    lauf()


def atheris_lauf(name: str) -> None:  # pragma: no cover - needs atheris
    import atheris

    ziel = ZIELE[name]
    argv = [sys.argv[0], *(a for a in sys.argv[1:] if a.startswith("-") and a != "--atheris")]
    atheris.Setup(argv, ziel)
    atheris.Fuzz()


def main() -> None:  # pragma: no cover - a script
    ap = argparse.ArgumentParser(description="Fuzz the reader and the decision.")
    ap.add_argument("ziele", nargs="*", metavar="ZIEL", help="fall, anfrage, policy (all)")
    ap.add_argument("--anzahl", type=int, default=20_000, help="inputs per target (Hypothesis)")
    ap.add_argument("--atheris", action="store_true", help="coverage-guided, one target")
    args = ap.parse_args()
    args.ziele = args.ziele or list(ZIELE)
    unbekannt = set(args.ziele) - set(ZIELE)
    if unbekannt:
        ap.error(f"unknown target(s): {', '.join(sorted(unbekannt))}")
    if args.atheris:
        atheris_lauf(args.ziele[0])
        return
    for name in args.ziele:
        hypothesis_lauf(name, args.anzahl)
        print(f"{name}: {args.anzahl} inputs, no finding")


if __name__ == "__main__":  # pragma: no cover
    main()
