"""Write every file whole or not at all: a temporary file in the same folder, then one rename.

A reader, a concurrent build or a killed one sees the old file or the new one, never half of
either. The temporary file is removed on any failure, and the file gets the permissions of the
user's umask (a bare temporary file would be private to its owner).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
import os
from pathlib import Path
import shutil
import tempfile


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a plain `open(path, "w")` would give a new file."""
    return 0o666 & ~_umask()


def folder_mode() -> int:
    """The mode a plain `mkdir` would give a new folder."""
    return 0o777 & ~_umask()


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path`; when the block ends without error, rename it onto `path`."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> Path:
    with replacing(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def write_with(path: Path, writer: Callable[[Path], object]) -> Path:
    """Let `writer(tmp)` write the file (for libraries that want a path), then put it in place."""
    with replacing(path) as tmp:
        writer(tmp)
    return Path(path)


def staged_copies(pairs: list[tuple[Path, Path]]) -> list[tuple[Path, Path]]:
    """Copy each source to a temporary file beside its destination; all or none.

    Returns (temporary, destination) pairs for `commit`. If any copy fails, the ones already
    made are removed and the error is raised: nothing at any destination has changed.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for src, dest in pairs:
            dest.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
            os.close(fd)
            staged.append((Path(tmp), dest))
            shutil.copyfile(src, tmp)
            os.chmod(tmp, file_mode())
    except BaseException:
        discard(staged)
        raise
    return staged


def commit(staged: list[tuple[Path, Path]]) -> list[Path]:
    """Rename each staged file onto its destination (one rename each: cannot be left half-written)."""
    try:
        for tmp, dest in staged:
            os.replace(tmp, dest)
    finally:
        discard(staged)
    return [dest for _, dest in staged]


def discard(staged: list[tuple[Path, Path]]) -> None:
    for tmp, _ in staged:
        tmp.unlink(missing_ok=True)


def replace_folder(staging: Path, out: Path) -> None:
    """Swap a fully built folder in for `out`: the old one is moved aside, the new one renamed in."""
    staging, out = Path(staging), Path(out)
    os.chmod(staging, folder_mode())
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        os.replace(out, old / out.name)
    try:
        os.replace(staging, out)
    except BaseException:
        if old is not None:
            os.replace(old / out.name, out)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
