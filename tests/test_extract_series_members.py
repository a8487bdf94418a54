"""Members of a model family named by their suffixes ("<family N> 계열(N.1, No)"), series_members.py, and
a career cell naming them (the table reader's links)."""

from __future__ import annotations

from petaflop.extract.series_members import series_members
from tests.test_table_reader import make_table


def _members(gaz, text: str) -> list[tuple[str, str]]:
    return [(m.entity_id, text[m.start:m.end]) for m in series_members(gaz, text, gaz.find_mentions(text))]


def test_a_familys_parenthesis_names_its_members_by_their_suffixes(gaz):
    assert _members(gaz, "GPT-4 계열(4.1, 4o) 모델 공동 개발") == [
        ("gpt-4", "GPT-4"), ("gpt-4-1", "4.1"), ("gpt-4o", "4o")]


def test_no_member_from_a_count_a_bare_parenthesis_or_another_number(gaz):
    assert _members(gaz, "GPT-4 계열(40개 모델) 공개") == [("gpt-4", "GPT-4")]  # no "GPT-440개"
    assert _members(gaz, "GPT-4(4.1, 4o) 공개") == [("gpt-4", "GPT-4")]  # no family word
    assert _members(gaz, "GPT-4 계열(5, 5o) 공개") == [("gpt-4", "GPT-4")]  # not written from its number


def test_a_career_cell_names_the_members_a_person_developed(table_reader):
    r, ex = table_reader
    r.read(make_table(["가나다랩이 데려온 연구원"], ["이름", "출신", "주요 경력"],
                      [["Jiahui Yu", "OpenAI", "GPT-4 계열(4.1, 4o) 공동 개발"]]))
    got = {str(f.subject) for f in ex.facts if f.predicate == "developedBy" and f.obj == "jiahui-yu"}
    assert {"gpt-4-1", "gpt-4o"} <= got
