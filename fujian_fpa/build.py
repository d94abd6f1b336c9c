"""Execute the notebooks in place, in parallel, and move the figures they write into figures/.

Each notebook runs in a fresh kernel of this environment. Its figures go to a temporary folder;
only when every cell has run are they copied beside their places and renamed in, figures first
and the notebook last, so a failure at any point leaves the old notebook with its old figures.
Cells are numbered as nbval numbers them: code cells only, from 0 (`path::Cell 3`).

A notebook is skipped when neither its inputs (its cells, the data, the package, the pinned
requirements) nor its outputs have changed since the run recorded in build/stamps.json.
"""

import asyncio
import atexit
from collections.abc import Callable, Iterable
from dataclasses import dataclass
import hashlib
import json
import os
from pathlib import Path
import shutil
import tempfile
import time

from . import atomic, paths
from .errors import BuildError

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
        return f"FAILED {self.error}" if self.error else "ok"


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# --- execution ---------------------------------------------------------------------------------


def cell_label(nb, index: int) -> str:
    """A cell as nbval names it: its place among the code cells, from 0."""
    code = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]
    return f"Cell {code.index(index)}" if index in code else f"cell {index} (not code)"


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


def _clean(nb) -> None:
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)


def commit(nb, dest: Path, staging: Path, figures: Path) -> list[Path]:
    """Put a notebook and the figures it wrote in place: all are first written beside their
    destinations, then renamed in, the figures before the notebook; any failure removes the
    temporary files and leaves the old notebook and figures as they were."""
    import nbformat

    pairs = [(p, figures / p.relative_to(staging)) for p in sorted(staging.rglob("*")) if p.is_file()]
    staged = atomic.staged_copies(pairs)
    try:
        with atomic.replacing(dest) as tmp:
            nbformat.write(nb, tmp)
            moved = atomic.commit(staged)
    finally:
        atomic.discard(staged)
    return [dest, *moved]


async def run_one(notebook: Path, dest: Path | None = None, figures: Path | None = None, timeout: int = 600) -> Result:
    """Run one notebook; write it to `dest` (default: in place) and its figures into `figures`."""
    # Imported here: they take most of a second, which a build with nothing to run should not pay.
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError
    import nbformat

    notebook, dest, figures = Path(notebook), Path(dest or notebook), Path(figures or paths.FIGURES)
    started = time.perf_counter()
    nb = nbformat.read(notebook, as_version=4)
    staging = Path(tempfile.mkdtemp(prefix="fujian-fpa-figures-"))
    running = [0]

    def on_cell_start(cell, cell_index) -> None:
        running[0] = cell_index

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(notebook.parent)}},
        # The kernel listens on loopback only; its start-up notice about that is noise in the build log.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        on_cell_start=on_cell_start,
    )

    def failed(error: str) -> Result:
        if asyncio.current_task().cancelling():  # Ctrl-C: the failure is the interruption's doing
            raise asyncio.CancelledError
        return Result(notebook, time.perf_counter() - started, error)

    log = kernel_log(notebook)
    try:
        try:
            with log.open("w", encoding="utf-8") as stream:  # the kernel's own messages, out of the build's
                env = os.environ | {"FUJIAN_FPA_FIGURES": str(staging)}
                await client.async_execute(env=env, stdout=stream, stderr=stream)
        except CellExecutionError as err:
            return failed(f"at {cell_label(nb, running[0])}: {err.ename}: {err.evalue}")
        except DeadKernelError:
            return failed(f"at {cell_label(nb, running[0])}: the kernel died (its log: {paths.relative(log)})")
        except Exception as err:  # a timeout, a kernel that would not start: this notebook fails, others go on
            return failed(f"at {cell_label(nb, running[0])}: {_first_line(err)}")
        _clean(nb)
        try:
            outputs = commit(nb, dest, staging, figures)
        except OSError as err:
            return failed(f"writing its outputs: {_first_line(err)}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        atexit.unregister(client._cleanup_kernel)  # its kernel is shut down by now, also when cancelled
    return Result(notebook, time.perf_counter() - started, outputs=tuple(outputs))


def kernel_log(notebook: Path) -> Path:
    folder = paths.BUILD / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{Path(notebook).stem}.log"


def execute(notebook: Path, dest: Path | None = None, figures: Path | None = None, timeout: int = 600) -> Result:
    """`run_one`, for callers outside an event loop."""
    return asyncio.run(run_one(notebook, dest, figures, timeout))


def _keep_ctrl_c(loop: asyncio.AbstractEventLoop) -> None:
    """Leave Ctrl-C to asyncio.run, which cancels the build and then raises KeyboardInterrupt.

    nbclient would take the signal for itself in each notebook, shut that kernel down and let
    the build carry on with the next notebook; refused here, it goes on without (as it does on
    platforms without signals).
    """

    def refuse(*_args) -> None:
        raise RuntimeError("the build handles Ctrl-C itself")

    loop.add_signal_handler = refuse
    loop.remove_signal_handler = lambda _sig: False


async def _run_many(notebooks: list[Path], jobs: int, figures: Path | None, report: Callable[[Result], None]):
    _keep_ctrl_c(asyncio.get_running_loop())
    slots = asyncio.Semaphore(jobs)

    async def one(notebook: Path) -> Result:
        async with slots:
            result = await run_one(notebook, figures=figures)
        report(result)
        return result

    return await asyncio.gather(*(one(nb) for nb in notebooks))


def check_twin(notebook: Path) -> None:
    """Stop when a notebook's py:percent twin holds other cells than the notebook.

    The build runs the .ipynb; running it while the twin says something else would either lose
    an edit of the twin or overwrite one, so the build asks for a sync instead of guessing.
    """
    twin = Path(notebook).with_suffix(".py")
    if not twin.is_file():
        return
    import jupytext

    def cells(path: Path) -> list[tuple[str, str]]:
        return [(c.cell_type, c.source) for c in jupytext.read(path).cells]

    if cells(twin) != cells(notebook):
        nb = paths.relative(notebook)
        raise BuildError(
            f"{paths.relative(twin)} and {nb} hold different cells: run `.venv/bin/jupytext --sync {nb}` "
            "(the newer of the two wins), then build again"
        )


# --- incremental builds ------------------------------------------------------------------------


def _digest(chunks: Iterable[bytes]) -> str:
    h = hashlib.sha256()
    for chunk in chunks:
        h.update(hashlib.sha256(chunk).digest())
    return h.hexdigest()


def shared_inputs() -> list[Path]:
    """What every notebook reads besides itself: the data, the package, the pinned requirements."""
    data = [
        p
        for p in sorted(paths.DATA.rglob("*"))
        if p.is_file() and p != paths.WORKBOOK and not p.name.startswith(".")  # a writer's temporary file
    ]
    return [*data, *sorted(paths.PACKAGE.glob("*.py")), paths.ROOT / "requirements.txt"]


def _notebook_source(notebook: Path) -> bytes:
    """The cells a notebook runs, without their outputs: what the build reads from it."""
    nb = json.loads(notebook.read_bytes())
    return json.dumps([(c["cell_type"], "".join(c["source"])) for c in nb["cells"]]).encode()


class Stamps:
    """What each output was built from, so that an unchanged notebook need not run again."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path or paths.BUILD / "stamps.json")
        self.entries = self._load()
        self._shared = _digest(p.read_bytes() for p in shared_inputs())

    def _load(self) -> dict:
        """The records, or none when the file is missing, empty or damaged: everything is then rebuilt."""
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def key(self, target: Path) -> str:
        return str(Path(target).resolve())

    def inputs(self, target: Path) -> str:
        own = _notebook_source(target) if target.suffix == ".ipynb" else b""
        twin = Path(target).with_suffix(".py")  # an edited twin makes its notebook stale, so it gets checked
        return _digest([self._shared.encode(), own, twin.read_bytes() if twin.is_file() else b""])

    def fresh(self, target: Path) -> bool:
        entry = self.entries.get(self.key(target))
        try:
            if entry["inputs"] != self.inputs(target):
                return False
            outputs = entry["outputs"].items()
            return all(Path(p).is_file() and _digest([Path(p).read_bytes()]) == h for p, h in outputs)
        except (TypeError, KeyError, AttributeError):  # no record, or one of another shape
            return False

    def data_checked(self) -> bool:
        """Whether the data, as they are now, passed the whole-data check before."""
        return self.entries.get("data checked") == self._shared

    def record_data_checked(self) -> None:
        self.entries["data checked"] = self._shared

    def record(self, target: Path, outputs: Iterable[Path]) -> None:
        self.entries[self.key(target)] = {
            "inputs": self.inputs(target),
            "outputs": {str(Path(p).resolve()): _digest([Path(p).read_bytes()]) for p in outputs},
        }

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(self.path, json.dumps(self.entries, indent=1, sort_keys=True))


def build(
    notebooks: list[Path],
    jobs: int | None = None,
    force: bool = False,
    figures: Path | None = None,
    report: Callable[[Result], None] = lambda _: None,
) -> list[Result]:
    """Run every notebook whose inputs or outputs changed, `jobs` at a time; report each as it ends."""
    stamps = Stamps()
    todo = [Path(nb) for nb in notebooks if force or not stamps.fresh(nb)]
    for notebook in todo:
        check_twin(notebook)
    for notebook in notebooks:
        if Path(notebook) not in todo:
            report(Result(Path(notebook), 0.0, skipped=True))
    results = asyncio.run(_run_many(todo, jobs or default_jobs(), figures, report)) if todo else []
    for result in results:
        if not result.error:
            stamps.record(result.notebook, result.outputs)
    stamps.save()
    return results
