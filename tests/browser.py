"""Run the app on a free 127.0.0.1 port and drive it with Debian's Chromium (tests and benchmark).

No browser is ever downloaded: Playwright (the pip package) is pointed at ``/usr/bin/chromium``
(``make sysdeps`` installs it), launched headless with a fresh profile directory.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from foundation.errors import EnvironmentProblem

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "app.py"
CHROMIUM = Path(os.environ.get("PETAFLOP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]  # a renderer crash ("Target crashed") once, in CI, on a graph re-render


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout_s: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise EnvironmentProblem(f"streamlit exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise EnvironmentProblem(f"the app did not answer at {url} within {timeout_s:g} s")


@contextmanager
def running_app(graph: Path | str, port: int | None = None, log: Path | None = None) -> Iterator[str]:
    """``streamlit run app.py`` on 127.0.0.1 (headless, no usage stats) over ``graph``; yields the URL."""
    port = port or free_port()
    env = {**os.environ, "PETAFLOP_GRAPH": str(graph)}
    env.pop("PETAFLOP_ENDPOINT", None)
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1",
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    out = open(log, "w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc=proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            out.close()


def check_chromium() -> Path:
    if not CHROMIUM.is_file():
        raise EnvironmentProblem(f"Chromium not found at {CHROMIUM}; run `make sysdeps` as root "
                                 "(it apt-installs the Debian package `chromium`)")
    return CHROMIUM


def launch(playwright, user_data_dir: Path, viewport=(1400, 1000)):
    """A persistent Chromium context on a fresh profile directory (Playwright needs the directory
    as a parameter rather than ``--user-data-dir``)."""
    return playwright.chromium.launch_persistent_context(
        str(user_data_dir), executable_path=str(check_chromium()), headless=True, args=CHROMIUM_ARGS,
        viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True,
    )
