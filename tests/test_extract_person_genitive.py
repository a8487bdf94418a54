"""text:person-genitive on sentences of our own: "<person>의 <firm>" — the person leads the firm
("<person>의 스타트업 <firm>", "<person>가 세운 <firm>": founded it, an affiliation under ``:founder``);
"<person>의 <cluster>" — the cluster is the person's project (text_person_genitive.py)."""

from __future__ import annotations

from petaflop.extract.facts import Extraction, Location

LOC = Location(10, 10, "IV", "test slide")


def links(ex: Extraction) -> list[tuple[str, str, str]]:
    return sorted((f.subject, f.predicate, str(f.obj)) for f in ex.facts if f.rule in RULES)


RULES = ("text:person-genitive", "text:person-genitive:leads", "text:person-genitive:founder")


def test_a_persons_firm_is_led_by_the_person(text_reader):
    r, ex = text_reader
    r.read("이 전략은 젠슨 황의 엔비디아와 유사.", LOC, ())  # a comparison after the name keeps the genitive
    r.read("샘 알트만이 이끄는 OpenAI는 새 칩을 준비.", LOC, ())
    assert [(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.rule in RULES] == [
        ("jensen-huang", "leads", "nvidia", "text:person-genitive:leads"),
        ("sam-altman", "leads", "openai", "text:person-genitive:leads")]


def test_a_persons_startup_or_firm_they_set_up_is_a_founding_not_a_lead(text_reader):
    r, ex = text_reader
    r.read("MS는 샘 알트만의 스타트업 'OpenAI'를 인수.", LOC, ())  # founded, maybe sold since: no lead now
    r.read("젠슨 황이 1993년에 세운 엔비디아는 칩을 설계.", LOC, ())
    assert sorted((f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.rule in RULES) == [
        ("jensen-huang", "affiliatedWith", "nvidia", "text:person-genitive:founder"),
        ("sam-altman", "affiliatedWith", "openai", "text:person-genitive:founder")]


def test_a_persons_cluster_is_developed_by_the_person(text_reader):
    r, ex = text_reader
    r.read("일론 머스크의 Colossus 클러스터는 2단계 확장 중.", LOC, ())
    assert links(ex) == [("colossus", "developedBy", "elon-musk")]


def test_no_link_to_a_model_a_country_after_a_former_title_or_across_words(text_reader):
    r, ex = text_reader
    r.read("일론 머스크의 Grok은 인기.", LOC, ())  # a model: not this construction
    r.read("트럼프의 미국은 관세를 올림.", LOC, ())  # a country
    r.read("前 샘 알트만의 OpenAI 이사회는 해체.", LOC, ())  # after a former title
    r.read("젠슨 황의 발표는 엔비디아 주가를 올림.", LOC, ())  # a noun with its own particle between
    assert links(ex) == []


def test_a_cluster_an_organisation_holds_is_no_persons_work(text_reader, gaz):
    from petaflop.extract.facts import Fact
    from petaflop.extract.text_person_genitive import settle_person_facilities

    r, ex = text_reader
    r.read("일론 머스크의 Colossus 클러스터는 2단계 확장 중.", LOC, ())
    r.read("샘 알트만의 스타트업 'OpenAI'는 새 칩을 준비.", LOC, ())
    settle_person_facilities(ex, gaz)  # no organisation holds Colossus yet: the person's project
    assert links(ex) == [("colossus", "developedBy", "elon-musk"), ("sam-altman", "affiliatedWith", "openai")]
    ex.add(Fact("colossus", "ownedBy", "xai", True, LOC, "text:owned-by", ()))  # "xAI가 소유한 Colossus"
    settle_person_facilities(ex, gaz)
    assert links(ex) == [("sam-altman", "affiliatedWith", "openai")]  # the firm's founder link stays
    assert [(f.subject, f.predicate, str(f.obj), f.rule) for f in ex.facts if f.rule.endswith(":unsure")] == [
        ("colossus", "developedBy", "elon-musk", "text:person-genitive:unsure")]  # a claim, not a fact
