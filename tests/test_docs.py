"""Documentation that is generated or executed must not drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import kooplan
from kooplan.katalog import katalog

ROOT = Path(__file__).resolve().parent.parent


def test_rule_catalogue_in_docs_is_generated_from_the_tables():
    assert (ROOT / "docs" / "regeln.md").read_text(encoding="utf-8") == katalog(), (
        "docs/regeln.md is stale: run `python -m kooplan.katalog > docs/regeln.md`"
    )


def test_catalogue_names_every_rule_with_a_norm():
    text = katalog()
    for r in kooplan.REGELN:
        assert f"`{r.id}`" in text
        assert all(r.norm(g) for g in r.regime)
    for u in kooplan.UEBERGAENGE:
        assert f"`{u.id}`" in text
    for code in kooplan.HINWEISE:
        assert f"`{code}`" in text


def test_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "README has a Python example"
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_readme_opens_with_the_two_newcomer_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert first_block is not None
    lines = [line for line in first_block.group(1).splitlines() if line.strip()]
    assert "kooplan demo" in lines[0]
    assert "pytest" in lines[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[test]' && .venv/bin/python -m pytest" in ci


def test_glossary_covers_the_domain_words_of_the_public_api():
    glossar = (ROOT / "docs" / "glossar.md").read_text(encoding="utf-8")
    for wort in (
        "Kooperationsplan",
        "Rechtsfolgenbelehrung",
        "Eigenbemühungen",
        "Schlichtung",
        "Mitwirkung",
        "Stichtag",
        "Rechtsstand",
        "wichtiger Grund",
    ):
        assert wort in glossar


def test_version_and_changelog_agree():
    """The version is kept in one place (``__version__``), the build reads it from there, and
    the CHANGELOG has its section."""
    import importlib.metadata
    import tomllib

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"], "the version is kept in __init__.py only"
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/kooplan/__init__.py"
    version = kooplan.__version__
    assert importlib.metadata.version("kooplan") == version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    released = version.split(".dev")[0]
    if ".dev" in version:
        assert "## [Unreleased]" in changelog, "a dev version collects its changes under Unreleased"
    else:
        assert f"## [{released}]" in changelog, f"CHANGELOG.md has no section for {released}"


def test_state_diagram_page_is_generated_from_the_table():
    from kooplan.oberflaechen.diagramm import seite

    assert (ROOT / "docs" / "diagramm.md").read_text(encoding="utf-8") == seite(), (
        "docs/diagramm.md is stale: run `python -m kooplan.diagramm > docs/diagramm.md`"
    )


def test_worked_examples_page_is_generated_from_the_file():
    from kooplan.beispiele import seite

    assert (ROOT / "docs" / "beispiele.md").read_text(encoding="utf-8") == seite(), (
        "docs/beispiele.md is stale: run `python -m kooplan.beispiele > docs/beispiele.md`"
    )


def test_every_worked_example_is_explained():
    from kooplan.beispiele import beispiele

    for b in beispiele():
        assert b.erklaerung.strip(), f"example {b.nr} has no 'erklaerung' in beispiele.jsonl"
