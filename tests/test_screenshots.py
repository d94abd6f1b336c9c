"""`make report-check`: a full-height screenshot of every page, and no browser profile left behind."""

import shutil
import struct
import tempfile

import pytest

from fujian_fpa import screenshots

CHROMIUM = shutil.which("chromium")


def png_size(path) -> tuple[int, int]:
    return struct.unpack(">II", path.read_bytes()[16:24])


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (apt-get install chromium)")
def test_every_page_whole_and_no_profile_left(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "sub").mkdir(parents=True)
    (site / "short.html").write_text("<p>一页</p>", encoding="utf-8")
    (site / "sub" / "long.html").write_text('<div style="height:3000px">长</div><p>end</p>', encoding="utf-8")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    shots = screenshots.shoot(site, tmp_path / "shots", CHROMIUM)
    assert sorted(p.name for p in shots) == ["short.png", "sub__long.png"]
    assert png_size(tmp_path / "shots" / "sub__long.png")[1] > 3000  # the whole page, not the window
    assert list(scratch.iterdir()) == []  # the throwaway profile is gone
