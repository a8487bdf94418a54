"""Clusters named in ways the readers must see through, on sentences of our own: a facility known by
"<place>(<what it is>)" lies in that place (adjacent.py), and a sentence closing on a facility's name
hands that facility on as the topic of the next sentence (text_frames.handed_topic)."""

from __future__ import annotations

from petaflop.extract.adjacent import AdjacentReader
from petaflop.extract.facts import Extraction, Location
from petaflop.extract.gazetteer import Entity, Gazetteer
from petaflop.extract.resolve import Resolver
from petaflop.extract.text_reader import TextReader


def _with_campus(gaz) -> Gazetteer:
    campus = Entity("gana-austin-campus", "ComputeCluster", "Gana Austin campus", aliases=("오스틴(둘째 캠퍼스)",))
    return Gazetteer([*gaz.entities, campus])


def _adjacent(gaz, text: str) -> set[tuple[str, str, str, str]]:
    ex = Extraction()
    AdjacentReader(gaz, ex, Resolver(gaz, ex).record).read(text, Location(3, 3, "IV"))
    return {(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts}


def test_a_facility_named_by_its_place_lies_there_and_in_the_place_before(gaz):
    links = _adjacent(_with_campus(gaz), "- 가나다社가 지은 텍사스 오스틴(둘째 캠퍼스) 부지는 가동 중")
    assert links == {
        ("gana-austin-campus", "locatedIn", "austin", "adjacent:place-prefix"),
        ("gana-austin-campus", "locatedIn", "texas", "adjacent:place-prefix"),
        ("austin", "locatedIn", "texas", "adjacent:place-prefix"),
    }


def test_no_place_inside_the_name_links_nothing_more(gaz):
    mixed = Gazetteer([*gaz.entities, Entity("gana-campus", "ComputeCluster", "Gana campus", aliases=("가나(둘째 캠퍼스)",))])
    assert _adjacent(mixed, "- 텍사스 가나(둘째 캠퍼스) 부지") == {
        ("gana-campus", "locatedIn", "texas", "adjacent:place-prefix")}


def _read(gaz, text: str) -> Extraction:
    ex = Extraction()
    reader = TextReader(Resolver(gaz, ex), use_kiwi=False)
    reader.start_slide("")
    reader.read(text, Location(5, 5, "IV"), ())
    return ex


def test_a_sentence_closing_on_a_cluster_hands_it_to_the_next_sentence(gaz):
    ex = _read(gaz, "- 다음 주력은 테네시 주에 짓는 Colossus 2단계. 7만 개의 GB200을 먼저 설치.")
    assert [(s.subject, s.kind, int(s.value or 0), s.item) for s in ex.statements] == [
        ("colossus-2", "chipCount", 70000, "nvidia-gb200")]


def test_a_sentence_closing_on_a_firm_or_with_a_verb_hands_on_nothing(gaz):
    ex = _read(gaz, "- 다음 주력은 오라클. 7만 개의 GB200을 먼저 설치.")
    assert not any(s.subject == "oracle" for s in ex.statements)
    ex = _read(gaz, "- 테네시 주에 Colossus 2단계를 짓는 중이다. 7만 개의 GB200을 먼저 설치.")
    assert not any(s.subject == "colossus-2" for s in ex.statements)
