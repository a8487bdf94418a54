"""The reference layer's data: identity attributes the report takes for granted.

Tab-separated files, reviewed like code (see ``README.md`` in this folder): countries with
their ISO 3166-1 codes, the country each region lies in, each organisation's country and
parent, each chip's and system's designer, and bloc memberships. Every row names its source:
a report line where the report states it, otherwise ``reference`` with a short justification.
``petaflop.reference`` reads and validates the files and turns them into the ``pfg:reference``
named graph. This package holds data only and imports nothing.
"""

from __future__ import annotations

from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent

#: SHA-256 of the report text the ``report:<line>`` sources cite. A build of another text (an
#: edited report, a test fixture) still uses the layer, but cannot check or point at those lines.
REPORT_SHA256 = "e94b0c1446e2ac2bcfeaf4cdd9691326dc017586b9cff0a8aa4b8f66a5875c40"
