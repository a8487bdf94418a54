"""Rule pfr:bloc-deal on a pledged deal: its parties are planned link statements (docs/statements.md,
"Links with a status"), and the pledge still concerns the bloc its parties' countries belong to."""

from __future__ import annotations

import rdflib
from rdflib import RDF, URIRef

from foundation.namespaces import PFA, PFID
from petaflop.reasoning import materialise


def _graph(planned: bool) -> rdflib.Graph:
    g = rdflib.Graph()
    bloc, deal = URIRef(PFID["gana-rama-alliance"]), URIRef(PFID["pledge-1"])
    g.add((bloc, RDF.type, URIRef(PFA.Alliance)))
    g.add((deal, RDF.type, URIRef(PFA.Deal)))
    for firm, country in (("gana-chips", "ganada"), ("rama-fab", "ramaland")):
        g.add((URIRef(PFID[country]), URIRef(PFA.memberOf), bloc))
        g.add((URIRef(PFID[firm]), URIRef(PFA.headquarteredIn), URIRef(PFID[country])))
        if planned:
            lst = URIRef(PFID[f"pledge-1--lst--{firm}"])
            g.add((deal, URIRef(PFA.linkStatement), lst))
            g.add((lst, RDF.type, URIRef(PFA.LinkStatement)))
            g.add((lst, URIRef(PFA.linkProperty), URIRef(PFA.hasParty)))
            g.add((lst, URIRef(PFA.linkObject), URIRef(PFID[firm])))
            g.add((lst, URIRef(PFA.statementStatus), URIRef(PFA.Planned)))
        else:
            g.add((deal, URIRef(PFA.hasParty), URIRef(PFID[firm])))
    return g


def _concerns(g: rdflib.Graph) -> set[tuple[str, str]]:
    return {(str(i.subject).rsplit("/", 1)[1], str(i.object).rsplit("/", 1)[1])
            for i in materialise(g) if i.predicate == URIRef(PFA.concerns)}


def test_a_pledged_deal_with_planned_parties_concerns_their_bloc_as_an_actual_deal_does():
    assert _concerns(_graph(planned=False)) == {("pledge-1", "gana-rama-alliance")}
    assert _concerns(_graph(planned=True)) == {("pledge-1", "gana-rama-alliance")}


def test_one_planned_party_alone_makes_no_bloc_deal():
    g = _graph(planned=True)
    g.remove((None, URIRef(PFA.linkObject), URIRef(PFID["rama-fab"])))
    assert _concerns(g) == set()
