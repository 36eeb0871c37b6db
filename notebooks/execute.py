"""Run the notebooks on a fresh kernel of this Python and save them with their outputs.

    .venv/bin/python notebooks/execute.py              # every notebook here
    .venv/bin/python notebooks/execute.py article_view.ipynb

The notebooks are committed with outputs so they read well on a code host;
run this after changing the extractor or the notebooks. The test suite runs
the same `execute` without saving.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
KERNEL = "python3"


class ThisPython(KernelSpecManager):
    """Every kernel name resolves to an ipykernel of the running interpreter (the venv's),
    whatever kernelspecs the machine has installed elsewhere."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(
            argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            display_name="Python 3 (ipykernel)", language="python", name=kernel_name,
        )


def execute(path: Path, *, timeout: int = 120) -> nbformat.NotebookNode:
    """The notebook at `path` after running every cell, with cwd = its folder.

    Raises:
        nbclient.exceptions.CellExecutionError: a cell raised; the message shows it.
        nbclient.exceptions.CellTimeoutError: a cell ran longer than `timeout` seconds.
    """
    notebook = nbformat.read(path, as_version=4)
    # nbclient is asynchronous: a blocking manager would wait for output forever and never time out.
    manager = AsyncKernelManager(kernel_name=KERNEL, kernel_spec_manager=ThisPython())
    client = NotebookClient(
        notebook, km=manager, kernel_name=KERNEL, timeout=timeout, record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


def main(names: list[str]) -> None:
    paths = [HERE / name for name in names] if names else sorted(HERE.glob("*.ipynb"))
    for path in paths:
        print(f"executing {path.name}", flush=True)
        nbformat.write(execute(path), path)


if __name__ == "__main__":
    main(sys.argv[1:])
