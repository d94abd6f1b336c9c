"""Every failure is clean: no wrong number written, nothing left behind, one line, no traceback.

Commands run as a user runs them, in a subprocess, on a copy of the project whose data are
tampered one case at a time; each must exit with the promised status, print one line on stderr,
and leave every file of the copy as it was. What needs no subprocess is checked in process.
"""

import csv
import io
import os
from pathlib import Path
import shutil
import subprocess
import sys

import pytest

from fujian_fpa import atomic, build, cli, export, paths, report
from fujian_fpa.errors import DataError, collecting
from fujian_fpa.schema import read_rows

# --- commands on a tampered copy of the project ------------------------------------------------

COPIED = ["fujian_fpa", "data", "notebooks", "figures", "requirements.txt"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    for name in COPIED:
        src = paths.ROOT / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(src, root / name)
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m fujian_fpa ARGS` in the copy (its own package first on the path), with its own folders."""
    env = os.environ | {"FUJIAN_FPA_FIGURES": str(root / "figures"), "FUJIAN_FPA_BUILD": str(root / "build")}
    env.pop("FUJIAN_FPA_REFERENCE_FIGURES", None)
    return subprocess.run(
        [sys.executable, "-m", "fujian_fpa", *args], capture_output=True, text=True, env=env, cwd=root
    )


def one_line(out: subprocess.CompletedProcess, status: int) -> str:
    assert "Traceback" not in out.stderr + out.stdout, out.stderr
    lines = out.stderr.strip().splitlines()
    assert out.returncode == status, out.stderr
    assert len(lines) == 1, out.stderr
    return lines[0]


def edit_row(path: Path, row_id: str, **cells: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    for row in rows:
        if row["id"] == row_id:
            row.update(cells)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def give_claims_the_premiums_quote(path: Path) -> None:
    """The attack that once reached every output: a row given another row's quote, start, value and reading."""
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    premiums = next(r for r in rows if r["id"] == "ta_accident_premiums")
    copied = ("quote", "start", "value", "printed", "low", "high")  # every cell that reads the figure
    edit_row(path, "ta_accident_claims", **{column: premiums[column] for column in copied})


def claims_with_premiums_quote(root: Path) -> None:
    give_claims_the_premiums_quote(root / "data" / "indicators.csv")


def scale_minus_one(root: Path) -> None:
    edit_row(root / "data" / "derived.csv", "fh_online_to_offline", scale="-1")


def glossary_header_only(root: Path) -> None:
    path = root / "data" / "glossary.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


def value_with_underscore(root: Path) -> None:
    edit_row(root / "data" / "indicators.csv", "ta_accident_claims", value="6246_8600")


BAD_DATA = {
    "claims-carry-premiums-quote": (
        claims_with_premiums_quote,
        ["data/indicators.csv", "'ta_accident_claims'", "column 'quote'", "'ta_accident_premiums'"],
    ),
    "negative-scale": (scale_minus_one, ["data/derived.csv", "'fh_online_to_offline'", "column 'scale'"]),
    "header-only-csv": (glossary_header_only, ["data/glossary.csv", "has a header but no rows"]),
    "underscore-in-value": (value_with_underscore, ["data/indicators.csv", "column 'value'", "'6246_8600'"]),
}


@pytest.fixture
def tampered(project):
    """Apply one tampering to the copy's data, and put the data back afterwards."""
    saved = {p: p.read_bytes() for p in (project / "data").glob("*.csv")}
    yield lambda tamper: tamper(project)
    for path, content in saved.items():
        path.write_bytes(content)


@pytest.mark.parametrize("case", BAD_DATA, ids=list(BAD_DATA))
def test_bad_data_stops_the_build_before_anything_is_written(project, tampered, case):
    tamper, expected = BAD_DATA[case]
    tampered(tamper)
    before = snapshot(project)
    line = one_line(run(project, "build"), 1)
    for part in expected:
        assert part in line
    assert line.startswith("error: ") and line.endswith("nothing was built")
    after = snapshot(project)
    assert {k: v for k, v in after.items() if not k.startswith("build/")} == before, "a failed build wrote a file"


def indicators_header_only(root: Path) -> None:
    path = root / "data" / "indicators.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("tamper", "expected"),
    [
        (claims_with_premiums_quote, ["data/indicators.csv", "'ta_accident_claims'", "column 'quote'"]),
        (indicators_header_only, ["data/indicators.csv", "has a header but no rows"]),
    ],
    ids=["copied-quote", "header-only"],
)
def test_check_reports_the_root_cause_only(project, tampered, tamper, expected):
    tampered(tamper)
    out = run(project, "check")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[-1] == "1 problem(s)", lines  # no "not an id" from derived.csv, no "in no data file"
    assert all(part in lines[0] for part in expected), lines[0]


def test_check_says_when_every_row_of_a_file_is_bad(project, tampered):
    def every_date_full_width(root: Path) -> None:
        path = root / "data" / "events.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(",2021-", ",２021-"), encoding="utf-8")

    tampered(every_date_full_width)
    out = run(project, "check")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert any("data/events.csv: none of its rows is valid" in line for line in out.stdout.splitlines())


def test_report_on_bad_data_writes_no_page(project, tampered):
    tampered(value_with_underscore)
    line = one_line(run(project, "report"), 1)
    assert "column 'value'" in line and line.endswith("nothing was written")
    assert not (project / "build" / "report").exists()


def test_a_twin_edited_without_a_sync_stops_the_build(project):
    twin = project / "notebooks" / "03-services.py"
    saved = twin.read_bytes()
    try:
        twin.write_bytes(saved + b"\n# %%\nprint('edited in the twin only')\n")
        line = one_line(run(project, "build", "3"), 1)
        assert "notebooks/03-services.py" in line and "jupytext --sync notebooks/03-services.ipynb" in line
    finally:
        twin.write_bytes(saved)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["build", "notebooks/nope.ipynb"], "'notebooks/nope.ipynb' is not a notebook"),
        (["build", "README.md"], "'README.md' is not a notebook"),
        (["build", "nope"], "'nope' is not a notebook"),
        (["build", "--jobs", "0"], "at least 1, not '0'"),
        (["build", "--jobs", "-1"], "at least 1, not '-1'"),
        (["bulid"], "invalid choice: 'bulid'"),
        (["build", "corrupt.ipynb"], "'corrupt.ipynb' is not a readable notebook"),
    ],
    ids=["missing-path", "not-a-notebook", "unknown-name", "jobs-0", "jobs-negative", "unknown-command", "corrupt"],
)
def test_a_bad_argument_is_one_line_and_exit_2(args, expected, tmp_path):
    (tmp_path / "corrupt.ipynb").write_text('{"cells": [')
    (tmp_path / "README.md").write_text("# not a notebook")
    out = subprocess.run([sys.executable, "-m", "fujian_fpa", *args], capture_output=True, text=True, cwd=tmp_path)
    assert expected in one_line(out, 2)
    assert out.stdout == ""


@pytest.mark.parametrize("name", ["notebooks/03-services.ipynb", "03-services", "3", "03", "notebooks/03-services.py"])
def test_a_notebook_is_named_by_path_name_number_or_twin(name, monkeypatch):
    monkeypatch.chdir(paths.ROOT)
    assert cli.notebook_target(name).resolve() == paths.NOTEBOOKS / "03-services.ipynb"


# --- the data layer, in process ----------------------------------------------------------------


def write(path: Path, text: str, newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def glossary(tmp_path, text: str | None = None, newline: str = "\n") -> Path:
    return write(tmp_path / "glossary.csv", text or paths.GLOSSARY.read_text(encoding="utf-8"), newline)


@pytest.mark.parametrize(
    ("column", "value", "kind"),
    [
        ("value", "6246_8600", "number"),
        ("value", "６２４６８６００", "number"),
        ("value", "6.2e7", "number"),
        ("value", "Infinity", "number"),
        ("start", "９７０", "integer"),
        ("start", "9_70", "integer"),
    ],
    ids=["underscore", "full-width", "exponent", "infinity", "full-width-offset", "underscore-offset"],
)
def test_numbers_are_plain_ascii_decimals(tmp_path, column, value, kind):
    path = tmp_path / "indicators.csv"
    shutil.copy(paths.INDICATORS, path)
    edit_row(path, "ta_accident_claims", **{column: value})
    with pytest.raises(DataError) as info:
        read_rows("indicators", path)
    assert (info.value.row, info.value.column) == ("ta_accident_claims", column)
    assert f"is not a valid {kind}" in str(info.value) and "indicators.csv" in str(info.value)


@pytest.mark.parametrize("scale", ["-1", "0", "1e999", "1000", "0.5"])
def test_a_derived_scale_comes_from_the_documented_set(tmp_path, scale):
    path = tmp_path / "derived.csv"
    shutil.copy(paths.DERIVED, path)
    edit_row(path, "fh_online_to_offline", scale=scale)
    with pytest.raises(DataError) as info:
        read_rows("derived", path)
    assert (info.value.row, info.value.column) == ("fh_online_to_offline", "scale")


def test_each_figure_of_the_article_belongs_to_one_row(tmp_path):
    from fujian_fpa import data

    path = tmp_path / "indicators.csv"
    shutil.copy(paths.INDICATORS, path)
    give_claims_the_premiums_quote(path)
    with pytest.raises(DataError) as info:
        data.load_indicators(path)
    assert (info.value.row, info.value.column) == ("ta_accident_claims", "quote")
    assert "ta_accident_premiums" in str(info.value)


def test_a_header_without_rows_is_reported_as_such(tmp_path):
    path = glossary(tmp_path, "kind,key,zh,en\n\n")
    with pytest.raises(DataError, match="has a header but no rows"):
        read_rows("glossary", path)


def test_a_file_of_bad_rows_is_reported_as_such(tmp_path):
    text = "kind,key,zh,en\nprogram,a,b\nprogram,c\n"
    with collecting() as problems, pytest.raises(DataError, match="none of its rows is valid"):
        read_rows("glossary", glossary(tmp_path, text))
    assert len(problems) == 2, "each bad row is listed as well"


@pytest.mark.parametrize(
    ("prefix", "newline", "suffix"),
    [("", "\n", "\n"), ("\ufeff", "\n", ""), ("", "\r\n", ""), ("\ufeff", "\r\n", "\r\n\r\n")],
    ids=["trailing-blank-line", "bom", "crlf", "all-three"],
)
def test_benign_editor_habits_are_read(tmp_path, prefix, newline, suffix):
    text = prefix + paths.GLOSSARY.read_text(encoding="utf-8")
    path = write(tmp_path / "glossary.csv", text, newline)
    path.write_bytes(path.read_bytes() + suffix.encode())
    expected = [r.cells for r in read_rows("glossary", paths.GLOSSARY)]
    assert [r.cells for r in read_rows("glossary", path)] == expected


def test_crlf_inside_a_quote_reads_as_the_article_line_break(tmp_path):
    from fujian_fpa import data

    path = write(tmp_path / "indicators.csv", paths.INDICATORS.read_text(encoding="utf-8"), "\r\n")
    assert data.load_indicators(path).equals(data.load_indicators())


@pytest.mark.parametrize(
    "text",
    ["kind,key,zh,en\r\nprogram,a,b,c\nprogram,d,e,f\n", "kind,key,zh,en\nprogram,a,b,c\rprogram,d,e,f\n"],
    ids=["crlf-and-lf", "bare-cr"],
)
def test_mixed_line_endings_stay_an_error(tmp_path, text):
    with pytest.raises(DataError, match="mixes CRLF") as info:
        read_rows("glossary", glossary(tmp_path, text))
    assert info.value.line in (2, 3)


def test_a_blank_line_inside_the_rows_stays_an_error(tmp_path):
    text = paths.GLOSSARY.read_text(encoding="utf-8").replace("\n", "\n\n", 2)
    with pytest.raises(DataError, match="has 0 cells"):
        read_rows("glossary", glossary(tmp_path, text))


# --- writers broken mid-way leave nothing behind -----------------------------------------------


def strays(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*") if p.is_file())


class Broken(RuntimeError):
    pass


def fail(*_args, **_kwargs):
    raise Broken("broken on purpose")


def test_an_atomic_write_that_fails_keeps_the_old_file(tmp_path):
    path = write(tmp_path / "out.txt", "old")

    def half(tmp: Path) -> None:
        tmp.write_text("half of the new")
        fail()

    with pytest.raises(Broken):
        atomic.write_with(path, half)
    assert path.read_text() == "old" and strays(tmp_path) == []


def test_written_files_get_the_umask_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        path = atomic.write_text(tmp_path / "out.txt", "x")
        assert path.stat().st_mode & 0o777 == 0o640
        staging = tmp_path / "staging"
        staging.mkdir(mode=0o700)
        atomic.replace_folder(staging, tmp_path / "site")
        assert (tmp_path / "site").stat().st_mode & 0o777 == 0o750
    finally:
        os.umask(old)


def test_a_failing_workbook_leaves_no_temporary_file(tmp_path, monkeypatch):
    path = write(tmp_path / "book.xlsx", "old")
    monkeypatch.setattr(export, "workbook_bytes", fail)
    with pytest.raises(Broken):
        export.write_workbook(path)
    assert path.read_text() == "old" and strays(tmp_path) == []


def test_stamps_saved_atomically_and_read_back_whatever_their_state(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "BUILD", tmp_path)
    stamps_file = tmp_path / "stamps.json"
    nb = write(tmp_path / "10-x.ipynb", '{"cells": []}')
    for damaged in ["", "{", "[]", '{"x": 1}', f'{{"{nb.resolve()}": {{"inputs": 1}}}}']:
        stamps_file.write_text(damaged)
        assert not build.Stamps().fresh(nb), f"{damaged!r} must mean rebuild"
    last = stamps_file.read_text()
    stamps = build.Stamps()
    stamps.record(nb, [nb])
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(Broken):
        stamps.save()
    assert stamps_file.read_text() == last and strays(tmp_path) == []


def test_a_notebook_and_its_figures_are_committed_together(tmp_path, monkeypatch):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    staging, figures = tmp_path / "staging", tmp_path / "figures"
    for lang in ("en", "zh"):
        for folder, text in ((staging, "new"), (figures, "old")):
            (folder / lang).mkdir(parents=True)
            write(folder / lang / "a.csv", f"{text} {lang}")
    dest = write(tmp_path / "10-x.ipynb", "old notebook")
    nb = new_notebook(cells=[new_code_cell("1")])
    copies, real_copy = [], shutil.copyfile

    def copy_then_fail(src, dst):  # the second figure's copy breaks
        copies.append(dst)
        if len(copies) == 2:
            fail()
        real_copy(src, dst)

    monkeypatch.setattr(atomic.shutil, "copyfile", copy_then_fail)
    with pytest.raises(Broken):
        build.commit(nb, dest, staging, figures)
    monkeypatch.undo()
    assert dest.read_text() == "old notebook"
    assert [(figures / lang / "a.csv").read_text() for lang in ("en", "zh")] == ["old en", "old zh"]
    assert strays(tmp_path / "figures") == [] and not list(tmp_path.glob(".*"))

    monkeypatch.setattr(nbformat, "write", fail)  # the notebook breaks after its figures are staged
    with pytest.raises(Broken):
        build.commit(nb, dest, staging, figures)
    monkeypatch.undo()
    assert dest.read_text() == "old notebook"
    assert (figures / "en" / "a.csv").read_text() == "old en" and strays(tmp_path) == []

    written = build.commit(nb, dest, staging, figures)
    assert (figures / "zh" / "a.csv").read_text() == "new zh" and nbformat.read(dest, as_version=4).cells
    assert dest in written and (dest.stat().st_mode & 0o777) == atomic.file_mode()


def test_a_failing_report_leaves_the_old_one_and_no_staging_folder(tmp_path, monkeypatch):
    out = tmp_path / "report"
    out.mkdir()
    write(out / "index.html", "old report")
    monkeypatch.setattr(report, "catalog", list)  # no notebook pages: the failure comes after two pages
    monkeypatch.setattr(report, "article_figures_page", fail)
    with pytest.raises(Broken):
        report.build(out, progress=lambda _: None)
    assert (out / "index.html").read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_a_writers_temporary_file_in_data_does_not_change_the_stamps(tmp_path):
    stray = paths.DATA / ".indicators.csv.stray.tmp"
    before = build.shared_inputs()
    try:
        stray.write_text("x")
        assert build.shared_inputs() == before
    finally:
        stray.unlink()
