"""The import layers of kooplan (docs/architektur.md): every import counts, also those under
``if TYPE_CHECKING:`` and those inside functions; no cycle; no module imports another's private
names; each package imports only the packages below it."""

from __future__ import annotations

import ast
import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import kooplan

PAKET = Path(kooplan.__file__).resolve().parent
TESTS = Path(__file__).resolve().parent

#: Which packages a package may import (besides itself). "kooplan" is the public namespace
#: (``kooplan/__init__.py``); "alt" are the thin modules kept for the old import paths.
ERLAUBT: dict[str, frozenset[str]] = {
    "werte": frozenset(),
    "recht": frozenset({"werte"}),
    "motor": frozenset({"werte", "recht"}),
    "vertrag": frozenset({"werte", "recht", "motor"}),
    "beispiele": frozenset(),
    "kooplan": frozenset({"werte", "recht", "motor"}),
    "testing": frozenset({"werte", "recht", "motor", "vertrag"}),
    "oberflaechen": frozenset({"werte", "recht", "motor", "vertrag", "beispiele", "kooplan"}),
    "alt": frozenset({"werte", "recht", "motor", "vertrag", "oberflaechen", "kooplan"}),
    "einstieg": frozenset({"oberflaechen"}),  # kooplan/__main__.py
}
#: Not drawn in docs/architektur.md: the old paths and ``python -m kooplan``.
NICHT_IM_BILD = frozenset({"alt", "einstieg"})

#: The package layout is being built: until a test passes on it, it is marked as expected to
#: fail; ``strict`` turns an unexpected pass into a failure, so each marker must come off in the
#: commit that makes its test pass.
NOCH_FLACH = pytest.mark.xfail(strict=True, reason="the modules still sit flat in kooplan/")


def module() -> dict[str, Path]:
    out = {}
    for datei in PAKET.rglob("*.py"):
        teile = ["kooplan", *datei.relative_to(PAKET).with_suffix("").parts]
        if teile[-1] == "__init__":
            teile.pop()
        out[".".join(teile)] = datei
    return out


MODULE = module()


def paket(modul: str) -> str:
    teile = modul.split(".")
    if modul == "kooplan.__main__":
        return "einstieg"
    if len(teile) == 1:
        return "kooplan"
    if teile[1] == "testing":
        return "testing"
    if teile[1] == "gesetzestexte":
        return "recht"  # the statute texts: data of the law, kept at their path in the package
    if (PAKET / teile[1]).is_dir():
        return teile[1]
    return "alt"  # a module directly in kooplan/: a path kept for compatibility


def _ziel(name: str) -> str:
    while name not in MODULE and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def importe(modul: str, datei: Path) -> Iterator[tuple[str, str, int]]:
    """(imported module, imported name or "", line) for every import, wherever it stands."""
    baum = ast.parse(datei.read_text(encoding="utf-8"))
    ist_paket = datei.name == "__init__.py"
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Import):
            for a in knoten.names:
                if a.name.split(".")[0] == "kooplan":
                    yield _ziel(a.name), "", knoten.lineno
        elif isinstance(knoten, ast.ImportFrom):
            basis = knoten.module or ""
            if knoten.level:
                teile = modul.split(".")[: len(modul.split(".")) - knoten.level + ist_paket]
                basis = ".".join([*teile, *([basis] if basis else [])])
            if basis.split(".")[0] != "kooplan":
                continue
            for a in knoten.names:
                voll = f"{basis}.{a.name}"
                if voll in MODULE:
                    yield voll, "", knoten.lineno
                else:
                    yield _ziel(basis), a.name, knoten.lineno


KANTEN = {
    (m, z, name, zeile) for m, d in MODULE.items() for z, name, zeile in importe(m, d) if z != m
}


def privat(modul: str, name: str) -> bool:
    if name.startswith("_") and not name.startswith("__"):
        return True
    return any(t.startswith("_") and not t.startswith("__") for t in modul.split("."))


# -- the rules on the flat layout of today ---------------------------------------------------
# Until the packages exist, each flat module has a role. A rule the code keeps is enforced now; a
# rule it breaks has its findings written down below: one test fails on any finding not listed
# (the debt cannot grow), a strict xfail test fails once the list is paid (remove the marker and
# empty the list then).


def test_das_recht_als_daten_importiert_keinen_motor_und_keine_oberflaeche() -> None:
    falsch = sorted(
        f"{m}:{zeile} importiert {z}"
        for m, z, _, zeile in KANTEN
        if paket(m) == "recht" and paket(z) not in ERLAUBT["recht"] | {"recht"}
    )
    assert not falsch, "\n".join(falsch)


def test_wertobjekte_importieren_nur_wertobjekte() -> None:
    """The value objects rest on nothing else of kooplan: not the law, the engine or a face."""
    falsch = sorted(
        f"{m}:{zeile} importiert {z}"
        for m, z, _, zeile in KANTEN
        if paket(m) == "werte" and paket(z) != "werte"
    )
    assert not falsch, "\n".join(falsch)


def test_keine_schicht_importiert_eine_hoehere() -> None:
    falsch = sorted(
        f"{m}:{zeile} importiert {z}"
        for m, z, _, zeile in KANTEN
        if paket(z) != paket(m) and paket(z) not in ERLAUBT[paket(m)]
    )
    assert not falsch, "\n".join(falsch)


def test_kein_modul_importiert_private_namen_eines_anderen() -> None:
    falsch = sorted(
        f"{m}:{zeile} importiert {z}.{name}".rstrip(".")
        for m, z, name, zeile in KANTEN
        if privat(z, name)
    )
    assert not falsch, "\n".join(falsch)


def _zyklen(kanten: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    tief: dict[str, int] = {}
    stapel: list[str] = []
    auf: set[str] = set()
    out: list[list[str]] = []

    def besuche(v: str) -> None:
        index[v] = tief[v] = len(index)
        stapel.append(v)
        auf.add(v)
        for w in sorted(kanten.get(v, ())):
            if w not in index:
                besuche(w)
                tief[v] = min(tief[v], tief[w])
            elif w in auf:
                tief[v] = min(tief[v], index[w])
        if tief[v] == index[v]:
            teil = []
            while True:
                w = stapel.pop()
                auf.discard(w)
                teil.append(w)
                if w == v:
                    break
            if len(teil) > 1:
                out.append(sorted(teil))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(MODULE):
        if v not in index:
            besuche(v)
    return out


def test_kein_zyklus_auch_nicht_ueber_typ_importe() -> None:
    kanten: dict[str, set[str]] = {}
    for m, z, _, _ in KANTEN:
        kanten.setdefault(m, set()).add(z)
    assert not _zyklen(kanten)


def _test_dateien() -> list[Path]:
    return [*sorted(TESTS.glob("*.py")), TESTS.parent / "conftest.py"]


@pytest.mark.parametrize("datei", _test_dateien(), ids=lambda p: p.name)
def test_tests_sprechen_oeffentliche_namen(datei: Path) -> None:
    if not datei.exists():
        pytest.skip("no conftest.py")
    baum = ast.parse(datei.read_text(encoding="utf-8"))
    falsch = []
    kooplan_namen: set[str] = set()
    for k in ast.walk(baum):
        if isinstance(k, ast.ImportFrom) and (k.module or "").startswith("kooplan"):
            for a in k.names:
                if privat(k.module or "", a.name):
                    falsch.append(f"{k.lineno}: {k.module}.{a.name}")
                kooplan_namen.add(a.asname or a.name)
        elif isinstance(k, ast.Import):
            for a in k.names:
                if a.name.startswith("kooplan"):
                    if privat(a.name, ""):
                        falsch.append(f"{k.lineno}: {a.name}")
                    kooplan_namen.add((a.asname or a.name).split(".")[0])
    for k in ast.walk(baum):
        if (
            isinstance(k, ast.Attribute)
            and k.attr.startswith("_")
            and not k.attr.startswith("__")
            and isinstance(k.value, ast.Name)
            and k.value.id in kooplan_namen
        ):
            falsch.append(f"{k.lineno}: {k.value.id}.{k.attr}")
        if (  # monkeypatch.setattr(modul, "_name", …)
            isinstance(k, ast.Call)
            and isinstance(k.func, ast.Attribute)
            and k.func.attr in {"setattr", "delattr"}
            and len(k.args) >= 2
            and isinstance(k.args[1], ast.Constant)
            and isinstance(k.args[1].value, str)
            and k.args[1].value.startswith("_")
        ):
            falsch.append(f"{k.lineno}: setattr(…, {k.args[1].value!r})")
    assert not falsch, "\n".join(falsch)


# -- the modules kept for the old import paths ------------------------------------------------


def _nur_reexport(datei: Path) -> bool:
    """A module of ``alt``: a docstring, imports, ``__all__`` and at most the ``-m`` entry."""
    for k in ast.parse(datei.read_text(encoding="utf-8")).body:
        if isinstance(k, (ast.Import, ast.ImportFrom)):
            continue
        if isinstance(k, ast.Expr) and isinstance(k.value, ast.Constant):
            continue  # the docstring
        if isinstance(k, ast.Assign) and [getattr(t, "id", "") for t in k.targets] == ["__all__"]:
            continue
        if isinstance(k, ast.If) and "__main__" in ast.unparse(k.test):
            continue
        return False
    return True


@pytest.mark.parametrize("modul", sorted(m for m in MODULE if paket(m) == "alt"))
def test_alte_pfade_sind_nur_wiederausfuhren(modul: str) -> None:
    assert _nur_reexport(MODULE[modul]), f"{modul} holds code: it belongs in a package"


def test_kein_paket_importiert_einen_alten_pfad() -> None:
    falsch = sorted(
        f"{m}:{zeile} importiert {z}"
        for m, z, _, zeile in KANTEN
        if paket(z) == "alt" and paket(m) != "alt"
    )
    assert not falsch, "\n".join(falsch)


# -- the package docstrings and the picture in docs/architektur.md ----------------------------

PAKETE = sorted(p for p in ERLAUBT if p not in NICHT_IM_BILD | {"kooplan", "testing"})


#: The packages already built; the others are expected to fail until they are.
GEBAUT = frozenset({"beispiele", "motor", "oberflaechen", "recht", "vertrag", "werte"})


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=() if n in GEBAUT else NOCH_FLACH) for n in PAKETE]
)
def test_jedes_paket_sagt_was_es_haelt_und_was_es_importieren_darf(name: str) -> None:
    doc = importlib.import_module(f"kooplan.{name}").__doc__ or ""
    assert doc.strip() and len(doc.splitlines()[0]) <= 100
    zeile = next((z for z in doc.splitlines() if z.startswith("Imports:")), "")
    assert zeile, f"kooplan.{name}: the docstring has no line 'Imports: …'"
    # "kooplan.werte" names a package, a bare "kooplan" the public namespace
    genannt = {m or "kooplan" for m in re.findall(r"\bkooplan(?:\.(\w+))?", zeile)}
    assert genannt == ERLAUBT[name], zeile


def _bild(kanten: set[tuple[str, str]]) -> str:
    knoten = sorted({p for k in kanten for p in k} | set(PAKETE) | {"kooplan", "testing"})
    zeilen = ["flowchart BT", *(f"  {k}[{k}]" for k in knoten)]
    zeilen += [f"  {a} --> {b}" for a, b in sorted(kanten)]
    return "\n".join(zeilen)


def test_das_bild_in_docs_architektur_zeigt_pakete_und_importe() -> None:
    text = (TESTS.parent / "docs" / "architektur.md").read_text(encoding="utf-8")
    treffer = re.search(r"```mermaid\n(flowchart BT\n.*?)```", text, re.S)
    assert treffer, "docs/architektur.md has no Mermaid flowchart"
    bild = treffer.group(1)
    knoten = set(re.findall(r"^\s*(\w+)\[", bild, re.M))
    kanten = set(re.findall(r"^\s*(\w+) --> (\w+)\s*$", bild, re.M))
    ist = {
        (paket(m), paket(z))
        for m, z, _, _ in KANTEN
        if paket(m) != paket(z) and not {paket(m), paket(z)} & NICHT_IM_BILD
    }
    assert knoten == set(ERLAUBT) - NICHT_IM_BILD
    assert kanten == ist, "the picture should be:\n" + _bild(ist)
