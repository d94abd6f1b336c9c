"""Full-height screenshots of every page of the report in headless Chromium, to look at before a change lands.

Chromium's own `--screenshot` captures one window; the whole page needs its height, which only the
loaded page knows. So this drives Chromium over its DevTools pipe (no network port, no extra
package): load a page, measure it, capture it whole. Each run uses a throwaway browser profile,
removed afterwards.

    python -m fujian_fpa.screenshots build/report build/report-check
"""

import base64
import contextlib
import fcntl
import json
import os
from pathlib import Path
import subprocess
import sys
import tempfile

WIDTH = 1280


def _high(fd: int) -> int:
    """The same pipe end on a close-on-exec descriptor above 4, so that moving it to 3 or 4 clobbers nothing."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


class Browser:
    """One headless Chromium, spoken to over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, chromium: str, profile: str):
        to_chrome_r, self._to_chrome = (_high(fd) for fd in os.pipe())
        self._from_chrome, from_chrome_w = (_high(fd) for fd in os.pipe())

        def pipe_fds() -> None:  # in the child: Chromium reads commands on fd 3, writes replies on fd 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self._proc = subprocess.Popen(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            close_fds=False,  # fds 3 and 4 must reach Chromium; Python's own fds are close-on-exec anyway
            preexec_fn=pipe_fds,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._id = 0
        self.session = self._attach()

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, session: str | None = None, **params) -> dict:
        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def wait_for(self, event: str) -> None:
        while self._read().get("method") != event:
            pass

    def _attach(self) -> str:
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        return self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]

    def screenshot(self, url: str, out: Path) -> tuple[int, int]:
        """Load `url`, then capture the whole page at WIDTH; return its size in CSS pixels."""
        s = self.session
        self.send("Page.enable", s)
        self._viewport(WIDTH, 900)
        self.send("Page.navigate", s, url=url)
        self.wait_for("Page.loadEventFired")
        self.send("Runtime.evaluate", s, expression="document.fonts.ready", awaitPromise=True)
        size = self.send("Page.getLayoutMetrics", s)["cssContentSize"]
        width, height = WIDTH, int(size["height"]) + 1
        self._viewport(width, height)
        shot = self.send(
            "Page.captureScreenshot",
            s,
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(base64.b64decode(shot["data"]))
        return width, height

    def _viewport(self, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            self.session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self._proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)


def shoot(site: Path, out: Path, chromium: str = "chromium") -> list[Path]:
    """A full-height PNG of every page of the site, named after the page's path."""
    site, out = Path(site).resolve(), Path(out)
    written = []
    with tempfile.TemporaryDirectory(prefix="report-check-profile-") as profile:
        browser = Browser(chromium, profile)
        try:
            for page in sorted(site.rglob("*.html")):
                name = page.relative_to(site).with_suffix("").as_posix().replace("/", "__")
                png = out / f"{name}.png"
                width, height = browser.screenshot(page.as_uri(), png)
                print(f"{png} {width}×{height}")
                written.append(png)
        finally:
            browser.close()
    return written


def main(argv: list[str]) -> int:
    site, out = Path(argv[0]), Path(argv[1])
    chromium = argv[2] if len(argv) > 2 else "chromium"
    shoot(site, out, chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
