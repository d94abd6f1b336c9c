"""Every path of the project, resolved from this file so that nothing depends on the working directory."""

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
DATA = ROOT / "data"
RAW = DATA / "raw"
ARTICLE = RAW / "000_b5693f90e40b923b.txt"
ARTICLE_SHA256 = "52e89037bdec0c12727c7943a1befe9192e3dce7d053dde86e99e8a8299dcce6"
INDICATORS = DATA / "indicators.csv"
EVENTS = DATA / "events.csv"
EXCLUSIONS = DATA / "exclusions.csv"
GLOSSARY = DATA / "glossary.csv"
UNITS = DATA / "units.csv"
THEMES = DATA / "themes.csv"
DERIVED = DATA / "derived.csv"
DATAPACKAGE = DATA / "datapackage.json"
WORKBOOK = DATA / "fujian_fpa_2021.xlsx"
NOTEBOOKS = ROOT / "notebooks"
# Where the build keeps its own records (stamps of what was built from what); never committed.
BUILD = Path(os.environ.get("FUJIAN_FPA_BUILD") or ROOT / "build")
COMMITTED_FIGURES = ROOT / "figures"
# The build and the tests point notebooks at a staging folder through this variable, so that a
# test run or a failed build never touches the committed figures.
FIGURES = Path(os.environ.get("FUJIAN_FPA_FIGURES") or COMMITTED_FIGURES)


def relative(path: Path) -> str:
    """A path as a reader of an error message wants it: relative to the project when inside it."""
    path = Path(path).resolve()
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)
