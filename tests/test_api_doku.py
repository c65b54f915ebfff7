"""The API reference is complete and renders: every public name is documented and shown.

The docstrings are Markdown in the Google style (sections such as `Args:`, `Returns:`,
`Raises:`, `Examples:`), read by mkdocstrings for the pages in `docs/api/`. Checked here with
griffe, the library mkdocstrings reads them with: every name of `kooplan.__all__` and of the
documented modules' `__all__` has a docstring, and so has every public field, property and method
of each class among them; every documented module is rendered on an API page; and no docstring
uses a reStructuredText role (`:class:` …) or a `>>>` example outside an `Examples:` section,
which would render literally or run into one paragraph.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import griffe
import pytest

import kooplan

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api"

#: The modules whose `__all__` the API reference documents besides `kooplan` (as
#: docs/stabilitaet.md lists them).
MODULE = (
    "kooplan.vertrag",
    "kooplan.vertrag.schema",
    "kooplan.batch",
    "kooplan.tabellen",
    "kooplan.testing",
    "kooplan.rechtsfolgen",
    "kooplan.kalender",
    "kooplan.regelbedarf",
    "kooplan.phasen",
    "kooplan.normen",
    "kooplan.anzeige",
    "kooplan.diagramm",
    "kooplan.beispiele",
    "kooplan.fehler",
    "kooplan.oberflaechen.pruefe",
)


@pytest.fixture(scope="module")
def paket() -> griffe.Module:
    return griffe.load(
        "kooplan",
        search_paths=[str(Path(kooplan.__file__).resolve().parent.parent)],
        docstring_parser="google",
        resolve_aliases=True,
        resolve_external=False,
    )


def _objekt(paket: griffe.Module, pfad: str) -> griffe.Object:
    obj = paket[pfad.removeprefix("kooplan.")] if pfad != "kooplan" else paket
    return obj.final_target if isinstance(obj, griffe.Alias) else obj


def _hat_doku(obj: griffe.Object | griffe.Alias) -> bool:
    return obj.docstring is not None and bool(obj.docstring.value.strip())


def _ist_aufzaehlung(cls: griffe.Class) -> bool:
    return any(str(b).split(".")[-1] in ("Aufzaehlung", "Enum", "str") for b in cls.bases)


def _oeffentliche_namen() -> list[str]:
    namen = [f"kooplan.{n}" for n in kooplan.__all__ if n != "__version__"]
    for modul in MODULE:
        m = importlib.import_module(modul)
        namen.append(modul)
        namen += [f"{modul}.{n}" for n in m.__all__]
    return namen


def test_every_public_name_has_a_docstring(paket):
    ohne = [p for p in _oeffentliche_namen() if not _hat_doku(_objekt(paket, p))]
    assert not ohne, f"public names without a docstring: {ohne}"


def test_every_public_member_of_a_public_class_has_a_docstring(paket):
    """Fields (attrs fields: the attribute docstring after the field), properties and methods;
    the members of an enumeration are explained by the enumeration's docstring."""
    ohne = []
    gesehen = set()
    for p in _oeffentliche_namen():
        obj = _objekt(paket, p)
        if not isinstance(obj, griffe.Class) or obj.path in gesehen:
            continue
        gesehen.add(obj.path)
        if _ist_aufzaehlung(obj):
            continue
        for name, m in obj.members.items():
            if name.startswith("_") or m.is_alias or m.inherited:
                continue
            if m.is_attribute and "class-attribute" in m.labels and name == "art":
                continue  # the event's contract art, named by the class
            if not _hat_doku(m):
                ohne.append(f"{obj.path}.{name}")
    assert not ohne, f"public members without a docstring: {ohne}"


def test_the_decision_documents_phase_mode_and_reasons(paket):
    e = _objekt(paket, "kooplan.Entscheidung")
    assert isinstance(e, griffe.Class)
    for name in ("phase", "modus", "gruende", "hinweise", "rechtsstand", "rechtsfolgen"):
        assert _hat_doku(e.members[name]), name


def _seiten() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(API.glob("*.md")))


def test_every_public_name_of_kooplan_is_on_the_api_page():
    seite = (API / "index.md").read_text(encoding="utf-8")
    fehlend = [
        n for n in kooplan.__all__ if n != "__version__" and f"::: kooplan.{n}\n" not in seite
    ]
    assert not fehlend, f"add to docs/api/index.md: {fehlend}"


def test_every_documented_module_is_on_an_api_page():
    seiten = _seiten()
    fehlend = [m for m in MODULE if f"::: {m}\n" not in seiten]
    assert not fehlend, f"add to a page of docs/api: {fehlend}"


_ROLLE = re.compile(r":(class|func|data|mod|attr|meth|exc|obj|const|py:\w+):`")


def _docstrings(obj: griffe.Object, tiefe: int = 0) -> list[tuple[str, str]]:
    out = []
    if obj.docstring is not None:
        out.append((obj.path, obj.docstring.value))
    for m in obj.members.values():
        if not m.is_alias and tiefe < 6:
            out += _docstrings(m, tiefe + 1)
    return out


def test_no_docstring_uses_a_restructuredtext_role(paket):
    funde = [p for p, text in _docstrings(paket) if _ROLLE.search(text)]
    assert not funde, f"reST roles render literally; write `name` instead: {funde}"


def test_examples_stand_in_an_examples_section(paket):
    """mkdocstrings shows `>>>` lines as a code block only in an `Examples:` section; elsewhere
    they run into one paragraph."""
    funde = []
    for p, text in _docstrings(paket):
        zeilen = [z.strip() for z in text.splitlines()]
        for i, z in enumerate(zeilen):
            if z.startswith(">>>"):
                if not any(v in ("Examples:", "Example:") for v in zeilen[:i]):
                    funde.append(p)
                break
    assert not funde, f"put the examples under 'Examples:': {funde}"


def _mkdocs_optionen() -> dict[str, object]:
    """The mkdocstrings options of mkdocs.yml, read as text (the file has `!!python/name` tags)."""
    text = (Path(__file__).resolve().parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"docstring_options:\n((?:\s{14}\S.*\n)+)", text)
    assert block, "mkdocs.yml sets no docstring_options"
    optionen: dict[str, object] = {}
    for zeile in block.group(1).splitlines():
        name, _, wert = zeile.strip().partition(":")
        optionen[name] = {"true": True, "false": False}.get(wert.strip(), wert.strip())
    return optionen


def test_a_returns_section_renders_as_one_description():
    """With griffe's default, every line of a `Returns:` section without a type becomes a row of
    its own, so a description over two lines renders as two return values. Parsed with the
    options the docs site uses, each section is one item."""
    optionen = _mkdocs_optionen()
    assert optionen.get("returns_multiple_items") is False
    paket = griffe.load(
        "kooplan",
        search_paths=[str(Path(kooplan.__file__).resolve().parent.parent)],
        docstring_parser="google",
        docstring_options=optionen,
        resolve_aliases=True,
        resolve_external=False,
    )
    funde = []
    gesehen = 0
    for pfad, _text in _docstrings(paket):
        obj = _objekt(paket, pfad)
        assert obj.docstring is not None
        for abschnitt in obj.docstring.parse("google", **optionen):
            if abschnitt.kind.value in ("returns", "yields"):
                gesehen += 1
                if len(abschnitt.value) != 1:
                    funde.append((pfad, len(abschnitt.value)))
    assert gesehen and not funde, (gesehen, funde)
