"""Each notebook's findings, its printed output and the README's headlines say what the data compute."""

import json
import re

import pytest

from fujian_fpa import catalog, data, findings, paths

ENTRIES = catalog.catalog()
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def squash(text: str) -> str:
    return " ".join(text.split())


def after_findings(path) -> list[dict]:
    """The cells after the notebook's "## Findings" heading."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    heading = next(i for i, c in enumerate(cells) if catalog.source(c).startswith("## Findings"))
    return cells[heading + 1 :]


def stated(path) -> list[str]:
    """The bullets of the first markdown cell after the heading, up to its caveats."""
    cell = next(c for c in after_findings(path) if c["cell_type"] == "markdown")
    body = catalog.source(cell).split("## Caveats")[0]
    return [squash(b) for b in re.split(r"(?m)^- ", body) if b.strip()]


def printed(path) -> list[str]:
    """What the findings cell, right after the heading, showed when the notebook ran (Markdown, one result)."""
    cell = after_findings(path)[0]
    assert cell["cell_type"] == "code" and "findings.of(" in catalog.source(cell)
    [result] = [out for out in cell["outputs"] if out["output_type"] == "execute_result"]
    text = "".join(result["data"]["text/markdown"])
    return [squash(line[2:]) for line in text.splitlines() if line.startswith("- ")]


def test_every_notebook_has_findings():
    assert sorted(findings.FINDINGS) == [e.name for e in ENTRIES]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_findings_section_states_what_the_data_compute(entry):
    computed = [squash(s) for s in findings.of(entry.name)]
    assert computed, entry.name
    assert stated(entry.path) == computed
    assert printed(entry.path) == computed


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_readme_headline_is_the_first_finding(entry):
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith(f"| [{entry.name}]("))
    headline = row.split(" | ")[1]
    assert headline == findings.of(entry.name)[0]


def _printed_numbers() -> set[float]:
    """Every number the data print: the numerals of each figure as printed, its value and its ends."""
    indicators = data.load_indicators()
    numbers = {float(n.replace(",", "")) for text in indicators["printed"] for n in NUMBER.findall(text)}
    for column in ("value", "value_max", "low", "high"):
        numbers |= set(indicators[column].dropna())
    return numbers


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_each_finding_computes_a_number_the_article_does_not_print(entry):
    """A finding that only repeats the article's figures is a restatement, not a finding."""
    printed_numbers = _printed_numbers()
    for sentence in findings.of(entry.name):
        numbers = {float(n.replace(",", "")) for n in NUMBER.findall(sentence)}
        assert numbers - printed_numbers, f"{entry.name}: {sentence!r} restates its inputs"


@pytest.mark.parametrize(
    "dropped",
    [
        "at least two people per household",
        "busiest month",
        "Every number in the article is accounted for",
        "divided by ten thousand",
        "in the order 1, 2, 4, 3, while",
    ],
)
def test_over_read_findings_are_gone(dropped):
    texts = [(paths.ROOT / "README.md").read_text(encoding="utf-8")]
    texts += [e.path.with_suffix(".py").read_text(encoding="utf-8") for e in ENTRIES]
    texts += [s for e in ENTRIES for s in findings.of(e.name)]
    for text in texts:
        assert dropped.lower() not in squash(text).lower().replace("# ", "")
