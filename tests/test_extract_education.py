"""A person's school is educatedAt (an alumnus), not affiliatedWith (staff)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from petaflop.extract.education import came_from, degree_after, studied


def _m(eid: str, text: str, name: str) -> SimpleNamespace:
    start = text.index(name)
    return SimpleNamespace(entity_id=eid, start=start, end=start + len(name))


@pytest.mark.parametrize(("text", "name", "expected"), [
    ("칭화대 CS 석·학사", "칭화대", "educatedAt"),
    ("NYU 박사", "NYU", "educatedAt"),
    ("딥마인드 수석 연구; NYU 박사", "NYU", "educatedAt"),
    ("MIT 박사후연구원", "MIT", "affiliatedWith"),  # a post-doctoral post is staff
    ("CMU 교수", "CMU", "affiliatedWith"),
    ("드롭박스·트위터 선임 엔지니어", "드롭박스", "affiliatedWith"),
])
def test_a_school_named_with_a_degree_is_where_the_person_studied(text, name, expected):
    m = _m("org", text, name)
    assert studied("affiliatedWith", "org", text, [m]) == expected


def test_only_affiliation_links_turn_into_schooling():
    text = "칭화대 학사"
    assert studied("developedBy", "org", text, [_m("org", text, "칭화대")]) == "developedBy"
    assert degree_after(text, len("칭화대"))
    assert not degree_after("칭화대 교수", len("칭화대"))


def test_a_university_one_comes_from_is_a_school_a_firm_a_former_employer():
    assert came_from("ResearchInstitute") == "educatedAt"
    assert came_from("Firm") == "affiliatedWith"
    assert came_from("AILab") == "affiliatedWith"


def test_the_report_graph_gives_schools_as_education_not_affiliation(built_graph):
    """The MSL staff table's degree column (lines 3119-3139) and a founder who "comes from" two
    universities (line 3741) give educatedAt links; none of those schools is an affiliatedWith."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(built_graph), format=ox.RdfFormat.N_QUADS)
    pfa, pfid, facts = ("https://petaflop-atlas.org/ontology#", "https://petaflop-atlas.org/id/",
                        "https://petaflop-atlas.org/graph/facts")

    def objects(person: str, prop: str) -> set[str]:
        rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{facts}> {{ <{pfid}{person}> <{pfa}{prop}> ?o }} }}")
        return {r["o"].value.rsplit("/", 1)[1] for r in rows}

    assert "tsinghua-university" in objects("hongyu-ren", "educatedAt")
    assert "tsinghua-university" not in objects("hongyu-ren", "affiliatedWith")
    assert {"new-york-university", "tsinghua-university"} <= objects("ji-lin", "educatedAt")
    assert {"tsinghua-university", "carnegie-mellon-university"} <= objects("yang-zhilin", "educatedAt")
    # "CMU 교수" in the column of past careers ("이전 경력"): staff once, a former affiliation (a link statement)
    former = store.query(f"SELECT ?o WHERE {{ GRAPH <{facts}> {{ <{pfid}yuanzhi-li> <{pfa}linkStatement> ?l . "
                         f"?l <{pfa}linkProperty> <{pfa}affiliatedWith> ; <{pfa}linkObject> ?o ; "
                         f"<{pfa}statementStatus> <{pfa}Former> }} }}")
    assert "carnegie-mellon-university" in {r["o"].value.rsplit("/", 1)[1] for r in former}
    assert "carnegie-mellon-university" not in objects("yuanzhi-li", "affiliatedWith")
