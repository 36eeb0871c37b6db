"""Every notebook runs on a fresh kernel of this venv without a cell raising, and shows what it promises."""
from __future__ import annotations

import importlib.util
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from conftest import REPO

NOTEBOOKS = REPO / "notebooks"
EXPECTED = ["article_view.ipynb", "fact_check.ipynb", "who_said_what.ipynb"]


def _runner():
    """notebooks/execute.py, the script that also saves the committed outputs."""
    spec = importlib.util.spec_from_file_location("notebooks_execute", NOTEBOOKS / "execute.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outputs(notebook, mime: str) -> list[str]:
    return [
        output["data"][mime]
        for cell in notebook.cells if cell.cell_type == "code"
        for output in cell.get("outputs", []) if mime in output.get("data", {})
    ]


def test_the_notebooks_are_all_here():
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == EXPECTED


@pytest.mark.parametrize("name", EXPECTED)
def test_notebook_runs_and_plots(name):
    notebook = _runner().execute(NOTEBOOKS / name)  # raises CellExecutionError naming the cell
    assert _outputs(notebook, "image/png"), f"{name} draws no plot"
    if name == "article_view.ipynb":
        pages = [html for html in _outputs(notebook, "text/html") if "<mark" in html]
        assert pages and "Joe Biden · said" in pages[0]
        assert pages[0].count("<mark") >= 6


@pytest.mark.parametrize("source, error", [
    ("1 / 0", "CellExecutionError"),
    ("while True:\n    pass", "CellTimeoutError"),  # a hung cell fails the run instead of hanging `make test`
])
def test_a_failing_or_hung_cell_fails_the_run(tmp_path, source, error):
    path = tmp_path / "bad.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell(source)]), path)
    with pytest.raises(Exception) as raised:
        _runner().execute(path, timeout=3)
    assert type(raised.value).__name__ == error


def test_the_kernel_is_this_python(tmp_path):
    path = tmp_path / "which.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("import os, sys\nprint(sys.executable, os.getcwd())")]), path)
    printed = _runner().execute(path).cells[0].outputs[0]["text"].split()
    assert printed == [sys.executable, str(tmp_path)]
