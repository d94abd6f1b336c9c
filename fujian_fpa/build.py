"""Execute the notebooks in place and move the figures they write into figures/.

Each notebook runs in a fresh kernel of this environment. Its figures go to a temporary folder
and its executed copy to a temporary file; only when every cell has run are both moved into
place, so a failing notebook leaves every committed output as it was.
"""

from dataclasses import dataclass
import os
from pathlib import Path
import shutil
import tempfile
import time

from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
import nbformat

from . import paths

# Cell metadata that records when or how a run went, and so differs from run to run.
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


@dataclass(frozen=True)
class Result:
    notebook: Path
    seconds: float
    error: str | None = None


def _failed_cell(nb) -> int:
    """Index of the cell whose output is the error (cells count from 0 here, from 1 in messages)."""
    return next(
        i for i, cell in enumerate(nb.cells) if any(o.get("output_type") == "error" for o in cell.get("outputs", []))
    )


def _clean(nb) -> None:
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)


def _write_atomic(nb, dest: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    nbformat.write(nb, tmp)
    os.replace(tmp, dest)


def _move_tree(src: Path, dest: Path) -> None:
    for path in sorted(src.rglob("*")):
        if path.is_file():
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)


def execute(notebook: Path, dest: Path | None = None, figures: Path = paths.FIGURES, timeout: int = 600) -> Result:
    """Run one notebook; write it to `dest` (default: in place) and its figures into `figures`."""
    notebook, dest = Path(notebook), Path(dest or notebook)
    started = time.perf_counter()
    nb = nbformat.read(notebook, as_version=4)
    staging = Path(tempfile.mkdtemp(prefix="fujian-fpa-figures-"))
    env = os.environ | {"FUJIAN_FPA_FIGURES": str(staging)}
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(notebook.parent)}},
        # The kernel listens on loopback only; its start-up notice about that is noise in the build log.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    try:
        client.execute(env=env)
        _clean(nb)
        _write_atomic(nb, dest)
        _move_tree(staging, Path(figures))
    except CellExecutionError as err:
        where = f"cell {_failed_cell(nb) + 1} of {len(nb.cells)}"
        return Result(notebook, time.perf_counter() - started, f"{where}: {err.ename}: {err.evalue}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Result(notebook, time.perf_counter() - started)
