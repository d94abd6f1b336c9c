"""The notebooks as a catalogue: their order, titles, questions and the figures each one writes.

The notebooks say this in their opening cell; reading it from there keeps the report, the README
checks and the tests from keeping a second list.
"""

from dataclasses import dataclass
import json
from pathlib import Path
import re

from . import paths

_WRITES = re.compile(r"figures/\{zh,en\}/([\w-]+)\.\{png,svg,csv\}")
_QUESTION = re.compile(r"\*\*Question\.\*\*\s*(.+?)(?:\n\s*\n|\Z)", re.S)
_SAVED = re.compile(r'figures\.bilingual\(\s*"([\w-]+)"')


@dataclass(frozen=True)
class Entry:
    path: Path
    title: str
    question: str
    writes: tuple[str, ...]  # figure names listed in the header; the first is the headline figure
    saves: tuple[str, ...]  # figure names the code saves

    @property
    def name(self) -> str:
        return self.path.stem


def notebooks(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The analysis notebooks, in reading order."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def cells(path: Path, kind: str, nb: dict | None = None) -> list[dict]:
    """The cells of one kind; pass `nb` when the notebook is already read."""
    nb = nb or json.loads(Path(path).read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == kind]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def entry(path: Path) -> Entry:
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    header = source(cells(path, "markdown", nb)[0])
    title = header.splitlines()[0].lstrip("# ").strip()
    question = _QUESTION.search(header)
    code = "\n".join(source(c) for c in cells(path, "code", nb))
    return Entry(
        path=Path(path),
        title=title,
        question=" ".join(question[1].replace("#", "").split()) if question else "",
        writes=tuple(_WRITES.findall(header)),
        saves=tuple(_SAVED.findall(code)),
    )


def catalog(folder: Path = paths.NOTEBOOKS) -> list[Entry]:
    return [entry(p) for p in notebooks(folder)]
