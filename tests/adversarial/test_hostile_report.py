"""A copy of the report with hostile cell text, built and opened in a real browser (Debian's Chromium).

Before: Markdown in report text was rendered — an image link in a table cell made every
viewer's browser fetch that URL (object, graph, explorer and search pages). Here a table cell
and two sentences about Colossus carry an ``<img>`` tag, a Markdown image, a Markdown link, a
``<script>`` and ``**bold**``; every request the browser makes outside the app is recorded
(and blocked), and the pages' DOM is searched for any element made of that text.
"""

from __future__ import annotations

import re

import pytest
from browser import launch, running_app
from playwright.sync_api import expect, sync_playwright

pytestmark = pytest.mark.slow
PAYLOAD = ('<img src="http://canary.invalid/img.png"> ![pic](http://canary.invalid/md.png) '
           '[click](http://canary.invalid/link) <script>fetch("http://canary.invalid/s")</script> **bold**')
EDITS = [  # (line, text found there, text put after it): in place, so line numbers stay
    (1907, 'xAI의 "Colossus"', " " + PAYLOAD),  # a mapped table row: Colossus, 2025
    (1471, "세계 1위로 등극.", " " + PAYLOAD),
    (1473, "9월부터 훈련 돌입.", " " + PAYLOAD),
]
MARKUP = "img[src*='canary'], a[href*='canary'], script:text('canary'), iframe[src*='canary'], strong:text-is('bold')"


@pytest.fixture(scope="module")
def hostile_app(report_path, tmp_path_factory):
    import os

    from petaflop.build import run_build

    work = tmp_path_factory.mktemp("hostile")
    lines = report_path.read_text(encoding="utf-8").split("\n")
    for n, anchor, added in EDITS:
        assert anchor in lines[n - 1], (n, lines[n - 1])
        lines[n - 1] = lines[n - 1].replace(anchor, anchor + added, 1)
    report = work / "report.txt"
    report.write_text("\n".join(lines), encoding="utf-8")
    result = run_build(str(report), out_dir=work / "build", check_consistency=False, write_store=False)
    before = os.environ.get("PETAFLOP_REPORT")
    os.environ["PETAFLOP_REPORT"] = str(report)  # the app reads the report's own text at run time
    try:
        with running_app(result.nq_path, log=work / "streamlit.log") as url:
            yield url
    finally:
        if before is None:
            os.environ.pop("PETAFLOP_REPORT", None)
        else:
            os.environ["PETAFLOP_REPORT"] = before


def _no_markup(page, where: str) -> None:
    for frame in page.frames:
        found = frame.locator(MARKUP)
        assert found.count() == 0, (where, frame.url, found.first.evaluate("e => e.outerHTML"))


def test_no_request_leaves_and_nothing_renders_as_markup(hostile_app, tmp_path):
    url = hostile_app
    outside: list[str] = []
    shown: list[str] = []
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile")
        ctx.set_default_timeout(60_000)

        def route(r):
            target = r.request.url
            if target.startswith(url) or target.startswith(("data:", "blob:", "about:")):
                r.continue_()
            else:
                outside.append(target)
                r.abort()

        ctx.route("**/*", route)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()

        # the object page: open every provenance badge (each shows the report's text at its line)
        page.goto(url + "/?page=object&id=colossus")
        expect(page.get_by_role("heading", name="Colossus").first).to_be_visible(timeout=90_000)
        page.wait_for_timeout(1500)
        badges = page.locator('[data-testid="stPopover"] button')
        for i in range(badges.count()):
            badges.nth(i).click()
            body = page.locator('[data-testid="stPopoverBody"]').last
            body.wait_for()
            page.wait_for_timeout(300)
            text = body.inner_text()
            if "canary" in text:
                shown.append(text)
            _no_markup(page, f"badge {i}")
            page.keyboard.press("Escape")
            page.wait_for_timeout(200)
        _no_markup(page, "object page")

        for path in ("/?page=graph&seed=colossus", "/?page=explorer&type=ComputeCluster",
                     "/?page=sparql&query=entity-facts-by-origin&p.entity=colossus&run=1", "/?page=object&id=xai"):
            page.goto(url + path)
            page.wait_for_timeout(4000)
            _no_markup(page, path)
        page.goto(url + "/")
        search = page.get_by_role("textbox").first
        search.fill("Colossus")
        search.press("Enter")
        page.wait_for_timeout(2500)
        _no_markup(page, "search")
        ctx.close()
    assert outside == []
    # the text was shown, as text: every character of the payload is there
    assert shown and any("![pic](http://canary.invalid/md.png)" in s and "**bold**" in s for s in shown), shown


def test_shared_console_links_cannot_crash_the_app_or_reach_out(hostile_app, tmp_path):
    """A ``/?page=sparql&sparql=…&run=1`` link is run by whoever opens it: deep nesting crashed the
    Streamlit server for everyone, ``SERVICE`` made it fetch, a runaway sort kept growing it."""
    import urllib.parse
    import urllib.request

    url = hostile_app
    links = {
        "deep": "SELECT * WHERE " + "{ " * 3000 + "}" * 3000,
        "service": "SELECT * WHERE { SERVICE <http://canary.invalid/sparql> { ?s ?p ?o } }",
        "runaway": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f",
    }
    outside: list[str] = []
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile")
        ctx.set_default_timeout(60_000)
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith((url, "data:", "blob:", "about:"))
                  else (outside.append(r.request.url), r.abort()))
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        for name, text in links.items():
            query = urllib.parse.urlencode({"page": "sparql", "sparql": text, "run": "1", "timeout": "3"})
            page.goto(f"{url}/?{query}")
            # the runaway is stopped by whichever bound it meets first: the 3 s limit, or (on an idle
            # machine, where it gets a whole core) the memory ceiling
            says = {"deep": "nested too deeply", "service": "federated queries are refused",
                    "runaway": re.compile(r"did not (finish|start) within 3 s|it was stopped")}[name]
            expect(page.get_by_text(says).first).to_be_visible(timeout=60_000)
            with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as health:
                assert health.status == 200, name
        page.goto(url + "/?page=object&id=colossus")  # and it still serves everyone else
        expect(page.get_by_role("heading", name="Colossus").first).to_be_visible(timeout=90_000)
        ctx.close()
    assert outside == []
