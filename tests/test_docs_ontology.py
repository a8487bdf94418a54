"""`petaflop docs`: the generated HTML lists every class, link, rule and competency question."""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import OWL, RDF

from foundation.namespaces import PFA
from ontology import load_competency_questions, load_ontology, load_rules
from petaflop.cli import app
from petaflop.docs import build_html

PUBLISHED = Path(__file__).resolve().parent.parent / "docs" / "ontology" / "index.html"


def test_petaflop_docs_writes_html_with_every_term(cli, tmp_path):
    result = cli.invoke(app, ["docs", "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    onto = load_ontology()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in onto.subjects(RDF.type, kind):
            if str(term).startswith(PFA):
                assert f"id='{str(term)[len(PFA):]}'" in page, term
    for iri, _label, _sparql in load_rules():
        assert "pfr:" + iri.split("#")[-1] in page
    for cq in load_competency_questions():
        assert f"id='{cq.id}'" in page and cq.ko in page


def test_page_is_self_contained_with_an_inline_svg_diagram():
    page = build_html()
    assert page.count("<svg") == 1 and "</svg>" in page
    assert not re.search(r"<script|https?://[^\"'<> ]+\.(js|css)\b", page)
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert 'href="#ComputeCluster"' in svg and 'href="#ExportControlMeasure"' in svg
    assert "usesChip" in page and "한국" not in svg


def test_published_docs_are_up_to_date():
    assert PUBLISHED.read_text(encoding="utf-8") == build_html()
