"""`python -m fujian_fpa quantities`: standard input, several files, exact JSON, nothing half-written."""

import csv
from decimal import Decimal
import io
import json
import subprocess
import sys

import pytest

from fujian_fpa import paths


def run(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "fujian_fpa", "quantities", *args],
        input=stdin,
        capture_output=True,
        cwd=paths.ROOT.parent,
    )


def test_a_dash_reads_standard_input():
    out = run("-", stdin="共帮扶433户。".encode())
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert [(r["text"], r["value"], r["unit"]) for r in rows] == [("433户", "433", "户")]


@pytest.mark.parametrize(
    ("content", "message"), [(b"", "input is empty"), ("投入9478.43万元".encode("gbk"), "not UTF-8")]
)
def test_bad_standard_input_exits_with_one_line(content, message):
    out = run("-", stdin=content)
    assert out.returncode == 2 and out.stdout == b""
    lines = out.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "standard input" in lines[0] and message in lines[0]


def test_several_files_have_a_path_column(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("投入3.5亿元。", encoding="utf-8")
    second.write_text("惠及2万户,占百分之十二点五。", encoding="utf-8")
    out = run(str(first), str(second))
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode())))
    assert [(r["path"], r["text"]) for r in rows] == [
        (str(first), "3.5亿元"),
        (str(second), "2万户"),
        (str(second), "百分之十二点五"),
    ]
    as_json = json.loads(run(str(first), str(second), "--format", "json").stdout)
    assert [m["path"] for m in as_json] == [str(first), str(second), str(second)]


def test_nothing_is_written_when_a_later_file_fails(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("投入3.5亿元。", encoding="utf-8")
    for fmt in ("csv", "json"):
        out = run(str(good), str(tmp_path / "missing.txt"), "--format", fmt)
        assert out.returncode == 2 and out.stdout == b""
        assert "missing.txt" in out.stderr.decode()


def test_json_has_one_type_per_field_and_null_for_none():
    text = "2021年5月16日,投入3.5亿元,占12.5%,约有二三万人。"
    rows = json.loads(run("-", "--format", "json", stdin=text.encode()).stdout)
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind["date"]["value"] == "2021-05-16" and by_kind["date"]["unit"] is None
    assert by_kind["quantity"]["value"] == 350000000 and by_kind["quantity"]["value_max"] is None
    assert by_kind["percent"]["value"] == 12.5
    assert by_kind["unparsed"]["value"] is None
    for r in rows:
        assert isinstance(r["start"], int) and isinstance(r["end"], int)
        assert isinstance(r["text"], str) and isinstance(r["bound"], str)


@pytest.mark.parametrize(
    "number",
    ["1234567890123456789.123456789", "9" * 5000, "1" * 200 + "." + "2" * 200, "12345678901234567890"],
    ids=["long-decimal", "5000-digits", "400-digit-decimal", "beyond-2**53"],
)
def test_json_is_valid_and_exact_for_numbers_a_float_cannot_hold(number):
    out = run("-", "--format", "json", stdin=f"投入{number}元。".encode())
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout, parse_constant=lambda c: pytest.fail(f"not JSON: {c}"))
    assert rows[0]["value"] == number and Decimal(rows[0]["value"]) == Decimal(number)


def test_a_huge_multiplied_number_is_not_a_crash():
    text = "9" + "万" * 250_000 + "元"
    out = run("-", "--format", "json", stdin=text.encode())
    assert out.returncode == 0, out.stderr[-500:]
    row = json.loads(out.stdout)[0]
    assert row["kind"] == "unparsed" or Decimal(row["value"]) == Decimal("9E+1000000")


def test_help_documents_each_option_and_kind():
    out = run("--help").stdout.decode()
    options = ["--format", "PATH", "standard input", "path", "decimal digits"]
    kinds = ["quantity", "percent", "range", "number", "date", "day_name", "section", "ordinal", "anniversary"]
    for word in [*options, *kinds, "title", "name", "unparsed"]:
        assert word in out, word
