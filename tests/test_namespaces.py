"""Closed namespaces (foundation.namespaces): a typo is an error, not a silent empty result; W3C
vocabularies are read from a copy of rdflib's term lists only when a term is first looked up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from foundation.namespaces import DCT, OWL, PFA, PFID, PFK, RDF, Namespace, UnknownTerm


def test_known_terms_give_their_iris():
    assert RDF.type == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert OWL["Class"] == "http://www.w3.org/2002/07/owl#Class"
    assert PFA.Chip == "https://petaflop-atlas.org/ontology#Chip"
    assert PFK.powerCapacity == "https://petaflop-atlas.org/kind/powerCapacity"
    # terms named like str methods still give the term
    assert (DCT.title, DCT.format) == ("http://purl.org/dc/terms/title", "http://purl.org/dc/terms/format")


def test_a_misspelt_term_is_an_error_naming_it_and_the_closest():
    with pytest.raises(UnknownTerm) as err:
        PFA.operatdBy  # noqa: B018
    assert "pfa:operatdBy" in str(err.value) and "operatedBy" in str(err.value)
    with pytest.raises(UnknownTerm):
        RDF["tpye"]


def test_instance_namespaces_are_open():
    assert PFID["any-new-id"] == "https://petaflop-atlas.org/id/any-new-id"


def test_a_loaded_term_that_a_str_method_would_shadow_must_be_declared():
    ns = Namespace("http://example.org/v#", "ex", loader=lambda: {"title", "name"})
    with pytest.raises(TypeError, match=r"\['title'\]"):
        ns.name  # noqa: B018
    declared = Namespace("http://example.org/v#", "ex", loader=lambda: {"title", "name"}, str_names=("title",))
    assert (declared.title, declared.name) == ("http://example.org/v#title", "http://example.org/v#name")


def test_commands_start_without_importing_rdflib():
    code = "import sys, petaflop.cli, foundation.namespaces; print('rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["RDF", "RDFS", "OWL", "XSD", "SKOS", "PROV", "DCTERMS"])
def test_the_copied_w3c_term_lists_equal_rdflibs(name):
    import json

    from rdflib import namespace as rdflib_ns

    from foundation.namespaces import _W3C_TERMS

    copied = json.loads(_W3C_TERMS.read_text(encoding="utf-8"))[name]
    assert copied == sorted(getattr(rdflib_ns, name).__annotations__)


def test_a_query_command_imports_no_rdflib():
    """``petaflop.results`` names xsd:string at import: the term check reads the copied list."""
    code = ("import sys, petaflop.cli, petaflop.results, petaflop.params, foundation.namespaces as n; "
            "n.XSD.string; n.RDF.langString; print('rdflib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
