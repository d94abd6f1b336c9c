"""Fixtures the report's tests share: the site, built once per test process."""

from pathlib import Path

import pytest

from fujian_fpa import report


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return report.build(tmp_path_factory.mktemp("site") / "report", progress=lambda _: None)
