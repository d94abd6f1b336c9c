"""Execute the notebooks in place, in parallel, and move the figures they write into figures/.

Each notebook runs in a fresh kernel of this environment. Its figures go to a temporary folder
and its executed copy to a temporary file; only when every cell has run are both moved into
place, so a failing notebook leaves every committed output as it was.

A notebook is skipped when neither its inputs (its cells, the data, the package, the pinned
requirements) nor its outputs have changed since the run recorded in build/stamps.json.
"""

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
import hashlib
import json
import os
from pathlib import Path
import shutil
import tempfile
import time

from . import paths

# Cell metadata that records when or how a run went, and so differs from run to run.
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime")


@dataclass(frozen=True)
class Result:
    notebook: Path
    seconds: float
    error: str | None = None
    skipped: bool = False
    outputs: tuple[Path, ...] = ()

    @property
    def status(self) -> str:
        if self.skipped:
            return "unchanged, skipped"
        return f"FAILED at {self.error}" if self.error else "ok"


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- execution ---------------------------------------------------------------------------------


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
    import nbformat

    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    nbformat.write(nb, tmp)
    os.replace(tmp, dest)


def _move_tree(src: Path, dest: Path) -> list[Path]:
    moved = []
    for path in sorted(src.rglob("*")):
        if path.is_file():
            target = dest / path.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
            moved.append(target)
    return moved


async def run_one(notebook: Path, dest: Path | None = None, figures: Path | None = None, timeout: int = 600) -> Result:
    """Run one notebook; write it to `dest` (default: in place) and its figures into `figures`."""
    # Imported here: they take most of a second, which a build with nothing to run should not pay.
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    import nbformat

    notebook, dest, figures = Path(notebook), Path(dest or notebook), Path(figures or paths.FIGURES)
    started = time.perf_counter()
    nb = nbformat.read(notebook, as_version=4)
    staging = Path(tempfile.mkdtemp(prefix="fujian-fpa-figures-"))
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
        await client.async_execute(env=os.environ | {"FUJIAN_FPA_FIGURES": str(staging)})
        _clean(nb)
        _write_atomic(nb, dest)
        moved = _move_tree(staging, figures)
    except CellExecutionError as err:
        where = f"cell {_failed_cell(nb) + 1} of {len(nb.cells)}"
        return Result(notebook, time.perf_counter() - started, f"{where}: {err.ename}: {err.evalue}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Result(notebook, time.perf_counter() - started, outputs=(dest, *moved))


def execute(notebook: Path, dest: Path | None = None, figures: Path | None = None, timeout: int = 600) -> Result:
    """`run_one`, for callers outside an event loop."""
    return asyncio.run(run_one(notebook, dest, figures, timeout))


async def _run_many(notebooks: list[Path], jobs: int, figures: Path | None, report: Callable[[Result], None]):
    slots = asyncio.Semaphore(jobs)

    async def one(notebook: Path) -> Result:
        async with slots:
            result = await run_one(notebook, figures=figures)
        report(result)
        return result

    return await asyncio.gather(*(one(nb) for nb in notebooks))


# --- incremental builds ------------------------------------------------------------------------


def _digest(chunks: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for chunk in chunks:
        h.update(hashlib.sha256(chunk).digest())
    return h.hexdigest()


def shared_inputs() -> list[Path]:
    """What every notebook reads besides itself: the data, the package, the pinned requirements."""
    data = [p for p in sorted(paths.DATA.rglob("*")) if p.is_file() and p != paths.WORKBOOK]
    return [*data, *sorted(paths.PACKAGE.glob("*.py")), paths.ROOT / "requirements.txt"]


def _notebook_source(notebook: Path) -> bytes:
    """The cells a notebook runs, without their outputs: what the build reads from it."""
    nb = json.loads(notebook.read_bytes())
    return json.dumps([(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]).encode()


class Stamps:
    """What each output was built from, so that an unchanged notebook need not run again."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path or paths.BUILD / "stamps.json")
        self.entries = json.loads(self.path.read_text(encoding="utf-8")) if self.path.is_file() else {}
        self._shared = _digest(p.read_bytes() for p in shared_inputs())

    def key(self, target: Path) -> str:
        return str(Path(target).resolve())

    def inputs(self, target: Path) -> str:
        own = _notebook_source(target) if target.suffix == ".ipynb" else b""
        return _digest([self._shared.encode(), own])

    def fresh(self, target: Path) -> bool:
        entry = self.entries.get(self.key(target))
        if not entry or entry["inputs"] != self.inputs(target):
            return False
        return all(Path(p).is_file() and _digest([Path(p).read_bytes()]) == h for p, h in entry["outputs"].items())

    def record(self, target: Path, outputs: Iterable[Path]) -> None:
        self.entries[self.key(target)] = {
            "inputs": self.inputs(target),
            "outputs": {str(Path(p).resolve()): _digest([Path(p).read_bytes()]) for p in outputs},
        }

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.entries, indent=1, sort_keys=True), encoding="utf-8")


def build(
    notebooks: list[Path],
    jobs: int | None = None,
    force: bool = False,
    figures: Path | None = None,
    report: Callable[[Result], None] = lambda _: None,
) -> list[Result]:
    """Run every notebook whose inputs or outputs changed, `jobs` at a time; report each as it ends."""
    stamps = Stamps()
    todo = []
    for notebook in notebooks:
        if not force and stamps.fresh(notebook):
            report(Result(Path(notebook), 0.0, skipped=True))
        else:
            todo.append(Path(notebook))
    results = asyncio.run(_run_many(todo, jobs or default_jobs(), figures, report)) if todo else []
    for result in results:
        if not result.error:
            stamps.record(result.notebook, result.outputs)
    stamps.save()
    return results
