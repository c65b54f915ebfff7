"""The example notebook ``docs/notebooks/fallbestand.ipynb`` runs and produces what it promises.

It is executed with nbclient on a ``python3`` kernel of the interpreter running the tests (so in
the wheel test of CI it imports the installed wheel, never ``src/``), with ``MPLBACKEND=Agg``.
The notebook is found relative to this file, as ``tests/`` and ``docs/`` are copied together.
Skipped where the tools to run a notebook (the ``test`` extra) are not installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

import kooplan

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")
pytest.importorskip("pandas")

NOTEBOOK = Path(__file__).resolve().parent.parent / "docs" / "notebooks" / "fallbestand.ipynb"

#: Appended to the notebook for the test only: what it computed, as one JSON line.
_PRUEFZELLE = """\
import json as _json
print(_json.dumps({
    "stichtage": [t.isoformat() for t in anteile.index],
    "phasen": list(anteile.columns),
    "zeilensummen": [float(s) for s in anteile.sum(axis=1)],
    "faelle": len(faelle),
    "bestand_je_stichtag": [int(n) for n in bestand.groupby("stichtag").size()],
    "fehler": int((bestand["phase"] == "fehler").sum()),
    "beispiele": len(beispiele),
}))
"""


@pytest.fixture(scope="module")
def ausgefuehrt(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The notebook after execution, with the test's cell at the end."""
    # a kernel spec of exactly this interpreter, found before any other ``python3`` spec
    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / "python3"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Python 3 (tests)",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(jupyter))
        mp.setenv("MPLBACKEND", "Agg")
        nb = nbformat.read(NOTEBOOK, as_version=4)
        nb.cells.append(nbformat.v4.new_code_cell(_PRUEFZELLE))
        client = nbclient.NotebookClient(
            nb,
            kernel_name="python3",
            timeout=120,
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
    return nb


def _ausgaben(nb: Any) -> list[Any]:
    return [a for z in nb.cells if z.cell_type == "code" for a in z.get("outputs", [])]


def test_the_committed_notebook_is_valid_and_has_no_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    for z in nb.cells:
        if z.cell_type == "code":
            assert z.outputs == [] and z.execution_count is None, z.source[:60]


def test_no_cell_has_an_error_output(ausgefuehrt):
    fehler = [a for a in _ausgaben(ausgefuehrt) if a.output_type == "error"]
    assert not fehler, fehler
    for z in ausgefuehrt.cells:
        if z.cell_type == "code":
            assert z.execution_count is not None
    stderr = [a.text for a in _ausgaben(ausgefuehrt) if a.get("name") == "stderr"]
    assert not any("Traceback" in t for t in stderr), stderr


def test_a_figure_is_produced(ausgefuehrt):
    bilder = [a for a in _ausgaben(ausgefuehrt) if "image/png" in a.get("data", {})]
    assert len(bilder) == 1
    assert len(bilder[0].data["image/png"]) > 10_000  # base64 of a real plot, not an empty one


def _werte(nb: Any) -> dict[str, Any]:
    (ausgabe,) = nb.cells[-1].outputs
    return json.loads(ausgabe.text)


def test_the_phase_shares_sum_to_one_per_stichtag(ausgefuehrt):
    w = _werte(ausgefuehrt)
    assert w["stichtage"][0] == "2024-02-01" and w["stichtage"][-1] == "2026-12-01"
    assert len(w["stichtage"]) == 35  # monthly, February 2024 to December 2026
    assert w["zeilensummen"] == pytest.approx([1.0] * 35, abs=1e-12)


def test_the_case_load_is_decided_without_errors(ausgefuehrt):
    w = _werte(ausgefuehrt)
    assert w["faelle"] == 240
    assert w["fehler"] == 0
    assert "fehler" not in w["phasen"]
    # the load grows with the inflow and never exceeds the generated cases
    bestand = w["bestand_je_stichtag"]
    assert bestand == sorted(bestand) and bestand[-1] == 240
    # the phases are the state machine's, in its order; a Schlichtung appears before 1.7.2026
    reihenfolge = [p.value for p in kooplan.Phase]
    assert w["phasen"] == [p for p in reihenfolge if p in w["phasen"]]
    assert {"erstkontakt", "kooperation", "mitwirkung_eingefordert", "beendet"} <= set(w["phasen"])
    assert w["beispiele"] == 23
