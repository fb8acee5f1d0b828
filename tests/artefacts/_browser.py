"""A small W3C WebDriver client for Debian's chromium + chromedriver, over plain HTTP.

Why not selenium or playwright: chromedriver already speaks WebDriver (JSON over HTTP), so
the standard library's urllib is enough; there is no package that could try to download a
driver or a browser (selenium-manager does, playwright's installer does), which matters in a
CI with no network but package registries. Chromium runs headless with a fresh profile and
the background-networking features off; :meth:`Browser.requests` reads chromium's own
network log (``goog:loggingPrefs`` performance), so a test can assert that a page asked the
network for nothing.

Also a script: ``python tests/artefacts/_browser.py SITE OUT`` writes full-page screenshots
of a built site (index, one claim page, the playground) at desktop and phone widths
(``make site`` runs it), and the playground as it prints.
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

__all__ = ["Browser", "CHROMIUM", "CHROMEDRIVER", "available", "screenshots"]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
         "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1")
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C name of an element reference


def available() -> str | None:
    """None when chromium and chromedriver are installed, else what is missing."""
    missing = [path for path in (CHROMIUM, CHROMEDRIVER) if not Path(path).exists()]
    return None if not missing else f"{' and '.join(missing)} not installed (apt-get install chromium chromium-driver)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One headless chromium session; use as a context manager."""

    def __init__(self, width: int = 1280, height: int = 900) -> None:
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="metricproofs-chromium-")
        self.driver = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
        try:
            self._wait_ready()
            options = {"binary": CHROMIUM,
                       "args": [*FLAGS, f"--user-data-dir={self.profile}", f"--window-size={width},{height}"]}
            caps = {"browserName": "chrome", "goog:chromeOptions": options,
                    "goog:loggingPrefs": {"performance": "ALL", "browser": "ALL"}}
            self.session = self._call("POST", "/session", {"capabilities": {"alwaysMatch": caps}})["sessionId"]
        except BaseException:
            self._stop_driver()
            raise
        self.requests()  # drop what chromium fetched for itself before the first page

    # --- plumbing -------------------------------------------------------------------------

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 20
        while True:
            try:
                self._call("GET", "/status")
                return
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or self.driver.poll() is not None:
                    raise RuntimeError("chromedriver did not start") from None
                time.sleep(0.05)

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as exc:
            detail = json.loads(exc.read() or b"{}").get("value", {})
            raise RuntimeError(f"WebDriver {method} {path}: {detail.get('error')}: {detail.get('message')}") from None

    def _session(self, method: str, path: str, body: Any = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    def _stop_driver(self) -> None:
        self.driver.terminate()
        try:
            self.driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def close(self) -> None:
        try:
            self._session("DELETE", "")
        finally:
            self._stop_driver()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- what tests use ---------------------------------------------------------------------

    def get(self, url: str) -> None:
        self._session("POST", "/url", {"url": url})

    def execute(self, script: str, *args: Any) -> Any:
        """Run ``script`` (a function body; ``arguments`` holds ``args``) and return its value."""
        return self._session("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css: str) -> dict[str, str]:
        return self._session("POST", "/element", {"using": "css selector", "value": css})

    def find_all(self, css: str) -> list[dict[str, str]]:
        return self._session("POST", "/elements", {"using": "css selector", "value": css})

    def click(self, element: dict[str, str]) -> None:
        self._session("POST", f"/element/{element[ELEMENT]}/click", {})

    def clear(self, element: dict[str, str]) -> None:
        self._session("POST", f"/element/{element[ELEMENT]}/clear", {})

    def type(self, element: dict[str, str], text: str) -> None:
        """Send key strokes to ``element`` as a user typing them."""
        self._session("POST", f"/element/{element[ELEMENT]}/value", {"text": text})

    def keys(self, text: str) -> None:
        """Key strokes to whatever has the focus (e.g. TAB = U+E004, ARROW_UP = U+E013)."""
        actions = [a for ch in text for a in ({"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch})]
        self._session("POST", "/actions", {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})

    def set_size(self, width: int, height: int) -> None:
        """Lay pages out for a ``width`` x ``height`` screen (a phone is narrower than any window)."""
        self._session("POST", "/goog/cdp/execute", {"cmd": "Emulation.setDeviceMetricsOverride", "params": {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 700}})

    def requests(self) -> list[str]:
        """Every URL chromium asked for since the last call (from its network log)."""
        entries = self._session("POST", "/se/log", {"type": "performance"})
        urls = []
        for entry in entries:
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def console_errors(self) -> list[str]:
        """Errors the pages logged to the console since the last call."""
        entries = self._session("POST", "/se/log", {"type": "browser"})
        return [e["message"] for e in entries if e.get("level") == "SEVERE"]

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        """A PNG of the page (the whole page when ``full_page``, else the window)."""
        data = None
        if full_page:
            try:
                data = self._session("POST", "/goog/cdp/execute", {
                    "cmd": "Page.captureScreenshot", "params": {"format": "png", "captureBeyondViewport": True}})["data"]
            except RuntimeError:
                data = None
        if data is None:
            data = self._session("GET", "/screenshot")
        Path(path).write_bytes(base64.b64decode(data))


#: (name, width, height) of the screenshots ``make site`` writes
SIZES = (("desktop", 1280, 900), ("phone", 390, 844))


def screenshots(site: Path, out: Path, claim: str | None = None) -> list[Path]:
    """Full-page PNGs of the index, one claim page and the playground, at each of :data:`SIZES`."""
    site, out = Path(site).resolve(), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    claims = sorted((site / "claims").glob("*.html"))
    chosen = site / "claims" / f"{claim}.html" if claim else (claims[0] if claims else None)
    pages = [("index", site / "index.html", ""), ("playground", site / "playground.html", "")]
    if chosen is not None:
        pages.insert(1, ("claim", chosen, ""))
    written = []
    for size, width, height in SIZES:
        with Browser(max(width, 800), height) as browser:
            browser.set_size(width, height)
            for name, path, fragment in pages:
                browser.get(path.as_uri() + fragment)
                time.sleep(0.2)
                target = out / f"{name}-{size}.png"
                browser.screenshot(target)
                written.append(target)
    with Browser(800, 1100) as browser:  # the playground as it prints, for a handout
        browser._session("POST", "/goog/cdp/execute", {"cmd": "Emulation.setEmulatedMedia", "params": {"media": "print"}})
        browser.get((site / "playground.html").as_uri())
        time.sleep(0.2)
        target = out / "playground-print.png"
        browser.screenshot(target)
        written.append(target)
    return written


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python tests/artefacts/_browser.py SITE_DIR OUT_DIR [CLAIM_ID]")
    problem = available()
    if problem:  # the site is written all the same; only the pictures need a browser
        print(f"screenshots skipped: {problem}")
        sys.exit(0)
    for written_path in screenshots(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] if len(sys.argv) == 4 else None):
        print(f"wrote {written_path}")
