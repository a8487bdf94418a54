"""Where things live: the repository root, the build folder and the source report.

The report is never copied into the repository; it is looked up at run time, in this order:
an explicit ``--report`` argument, the ``PETAFLOP_REPORT`` environment variable, then the
workplace's shared seed file beside the checkout.
"""

from __future__ import annotations

import os
from pathlib import Path

from foundation.errors import ReportNotFound

REPO_ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = REPO_ROOT / "build"
REPORT_ENV = "PETAFLOP_REPORT"
DEFAULT_REPORT = REPO_ROOT.parent / "shared" / "seeds" / "000_76f8ec56cf8c30fd.txt"


def report_candidates(explicit: str | os.PathLike[str] | None = None) -> list[tuple[str, Path | None]]:
    """The three places, in order, each with a label saying where it came from."""
    env = os.environ.get(REPORT_ENV)
    return [
        ("--report", Path(explicit) if explicit else None),
        (f"${REPORT_ENV}", Path(env) if env else None),
        ("default", DEFAULT_REPORT),
    ]


def resolve_report(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return the first report path that is given; fail naming all three places.

    A place that is *given* but does not exist is an error on its own: silently falling
    through to the default would build the graph from a file the user did not ask for.
    """
    tried: list[str] = []
    for label, path in report_candidates(explicit):
        if path is None:
            tried.append(f"{label}: not set")
            continue
        if path.is_file():
            return path.resolve()
        tried.append(f"{label}: {path} (not found)")
        if label != "default":
            break
    if len(tried) < 3:  # stopped at an explicit choice: still name every place
        for label, path in report_candidates(explicit)[len(tried):]:
            tried.append(f"{label}: {path if path else 'not set'} (not tried)")
    raise ReportNotFound("report not found; looked in " + "; ".join(tried))
