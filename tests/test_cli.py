"""The command line as a user meets it: output on good input, one clear line on bad input."""

import csv
from decimal import Decimal
import io
import json
import subprocess
import sys

import pytest

from fujian_fpa import data, paths


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "fujian_fpa", *args], capture_output=True, text=True, cwd=paths.ROOT.parent
    )


def test_csv_lists_every_figure_in_base_units():
    out = run("quantities", str(paths.ARTICLE), "--format", "csv")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "start,end,text,kind,value,value_max,unit,bound"
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    measured = {
        (int(r["start"]), Decimal(r["value"]), r["unit"]) for r in rows if r["kind"] in {"quantity", "percent", "range"}
    }
    indicators = data.load_indicators()
    expected = set()
    for row in indicators.itertuples():
        hit = [
            (int(r["start"]), Decimal(r["value"]), r["unit"])
            for r in rows
            if row.start <= int(r["start"]) < row.start + len(row.quote) and r["text"] == row.printed
        ]
        assert len(hit) == 1, row.id
        expected.add(hit[0])
        assert hit[0][1] == Decimal(str(row.value)).normalize() or float(hit[0][1]) == row.value
    excluded = set(data.load_exclusions()["start"])
    assert {m for m in measured if m[0] not in excluded} <= expected


def test_json_matches_csv():
    as_json = json.loads(run("quantities", str(paths.ARTICLE), "--format", "json").stdout)
    as_csv = list(csv.DictReader(io.StringIO(run("quantities", str(paths.ARTICLE)).stdout)))
    assert [(m["start"], m["text"], m["kind"]) for m in as_json] == [
        (int(r["start"]), r["text"], r["kind"]) for r in as_csv
    ]
    insurance = next(m for m in as_json if m["text"] == "285.57万元")
    assert (insurance["value"], insurance["unit"]) == (2855700, "元")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "file not found"), (b"", "file is empty"), ("全省共投入保费9478.43万元".encode("gbk"), "not UTF-8")],
    ids=["missing", "empty", "gbk"],
)
def test_bad_input_exits_non_zero_with_one_line(tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    out = run("quantities", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    assert message in lines[0] and "input.txt" in lines[0]


def test_check_passes_on_the_committed_data():
    out = run("check")
    assert out.returncode == 0, out.stdout
    assert "every number of the article is accounted for" in out.stdout
