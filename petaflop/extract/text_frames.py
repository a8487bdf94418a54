"""Frames read in a sentence beside its figures: who is whose (genitives), who invested in whom
(an Investment node with amount and stake), what a thing uses (memory, process node, packaging,
network, chips), and when it was released, announced or founded. Mixed into the TextReader,
whose sentence loop calls each frame with the sentence's mentions and its topic.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from foundation.namespaces import PFA, RDF
from ingest.quantities import REFERENCE_DATE, Quantity
from petaflop.extract.appositive import APPOSITIVE
from petaflop.extract.cell_text import quantity_period
from petaflop.extract.facts import EntityRecord, Fact, Location, Statement
from petaflop.extract.genitive_list import genitive_list
from petaflop.extract.release_milestone import milestone_scope
from petaflop.extract.resolve import is_a
from petaflop.extract.text_based_on import based_on_model
from petaflop.extract.text_heads import head_of_state
from petaflop.extract.text_operation import operation_starts
from petaflop.extract.text_policy_owner import policy_owner
from petaflop.extract.text_power_maker import PRODUCTS as _POWER_PRODUCTS
from petaflop.extract.title_list import orgs_before
from petaflop.extract.title_predicate import past_title, predicate_titles, title_link
from petaflop.extract.values import find_quantities
from petaflop.extract.will_words import FUTURE_EXPECTED, HAPPEN_WILL, NOT_HAPPEN, WANTED

RDF_TYPE = RDF.type
HOW = {"topic": "sentence-topic", "previous": "previous-sentence-topic", "block": "block-topic",
       "slide": "slide-topic", "row": "row", "hardware": "hardware-topic", "chapter": "chapter-topic",
       "caption": "caption-topic"}
#: "오라클도 설비를 함께 공급": a name marked by 도 ("also") adds one more party to what the sentence says
_ALSO = re.compile(r"\)?['’”\"]?\S{0,6}?도(?![가-힣])")
#: "X조차 달성하지 못한 성과." ("even X"): a name marked by a focus particle as the subject of a clause that only
#: describes the noun closing the sentence (no comma, no verb of its own after): the sentence is not about X
#: ("X마저 … 지연될 전망이고, …": X is the subject of the sentence's own verb, it stays the topic)
_EVEN_RELATIVE = re.compile(r"\)?['’”\"]?(?:조차|마저)\s(?:[^\s.,;]+\s){0,3}[^\s.,;]*([가-힣])\s[가-힣]{1,6}[.。]?\s*$")


def _adnominal(syllable: str) -> bool:
    """A verb's adnominal ending: a syllable closing on ㄴ ("못한", "이룬", "된") or 는/던."""
    return syllable in "는던" or (ord(syllable) - 0xAC00) % 28 == 4


def also_marked(sentence: str, end: int) -> bool:
    """A name (ending at ``end``) marked by 도 ("X도 함께"), or by 조차/마저 ("even X") in a clause describing the
    noun the sentence closes on: it joins the sentence, often as its object, and is not a topic the following sentences and blocks are about."""
    return bool(_ALSO.match(sentence, end)) or bool((m := _EVEN_RELATIVE.match(sentence, end)) and _adnominal(m.group(1)))


#: "차세대 동력은 테네시 주에 건설 중인 X 2단계.": a sentence closing on a name, no verb after it (a nominal predicate)
_CLOSING = re.compile(r"['’”\"]?\s?(?:이다|임)?\s?[.。]?\s*$")
NAMED_LAST = ("Facility",)


def handed_topic(res, sentence: str, found: Mention_ | None) -> Mention_ | None:
    """The topic a sentence hands on to the next: its own (``found`` marked as topic, unless "X도": one more
    party), else a facility its last words name ("… 건설 중인 X 2단계."), which the next
    sentence goes on about; else none."""
    if found is not None and found.role == "topic":
        return None if also_marked(sentence, found.end) else found
    last = max(res.gaz.find_mentions(sentence), key=lambda m: m.end, default=None)
    if last is None or not _CLOSING.fullmatch(sentence, last.end):
        return None
    ent = res.gaz.by_id(last.entity_id)
    if not any(is_a(ent.type, t) for t in NAMED_LAST) or sentence.count("(", 0, last.start) > sentence.count(")", 0, last.start):
        return None
    return Mention_(res.record(ent), ent.type, last.start, last.end, "topic")


_CLAUSE_BREAK = re.compile(r",\s|;\s|\s/\s|(?<=[고며])\s(?=[^\s])|(?:지만|는데|면서|으며|이며)\s")
#: a vision (a goal), not computer vision ("비전 트랜스포머", "비전 온리", "비전-언어") nor 비전통적, 비전력
VISION = r"비전(?!통|력|\s?온리|\s?트랜스포머|-?\s?언어)"
#: a prediction, not what is predictable ("예측 가능/불가"), predictive ("예측 유지보수") or "in predicting" ("예측에 있어")
PREDICT = r"예측(?!\s?(?:가능|불가|유지\s?보수|에\s?있어))"
#: a figure on completion ("완공 시", "완료되면"), not "완료 시점"
ON_COMPLETION = r"(?:완공|완료|완성)\s?(?:시|되면|하면)(?![가-힣])"
#: "15%까지 늘어날 가능성": what may come (not "가능성은 낮다", said unlikely)
LIKELY = r"(?:[날될할갈질울을일올릴킬줄]|있을)\s?가능성(?!\s?(?:은|이)\s?(?:낮|적|없|희박))"
#: a size the thing must grow to ("1억 개 수준으로 확대해야 한다", "두 배로 늘려야 함"): what is needed, a goal
MUST_GROW = r"(?:확대|증설|확충|증가)\s?(?:해|시켜)야\s?(?:한|함|할)|(?:늘려|높여|키워|끌어올려)야\s?(?:한|함|할)"
_STATUS_CUES = (
    (re.compile(r"목표|타깃|청사진|" + VISION + "|" + MUST_GROW), "target"),  # a goal, a blueprint, a vision
    # a figure on completion ("완공 시", "완료되면") is a plan
    # "…할 것" of an agent's act is a plan, of what happens ("발생할 것", "10배 안전할 것") a forecast (will_words)
    (re.compile(r"계획|예정|추진 중|" + NOT_HAPPEN + r"할 것(?!으로|은)|하겠다|할 계획|착공|" + ON_COMPLETION), "planned"),
    (re.compile(r"전망|" + PREDICT + r"|예상|될 것|" + FUTURE_EXPECTED + "|" + HAPPEN_WILL + r"|수도 있|" + LIKELY),
     "forecast"),  # "…될 수도 있음": a hedge; "밑돌 것으로": what is expected
    (re.compile(r"추정|추산|(?:으로|로)\s?가정"), "estimate"),  # "…로 가정": an assumed figure
)
#: a release, an announcement or a completion put off or called off ("출시를 연기", "공개가 취소", "출시가 8월로
#: 지연"): no event (not "지연 시간", a latency)
PUT_OFF = r"[^.,;]{0,10}?(?:연기|지연(?!\s?시간)|미뤄|미루|늦춰|취소|무산|보류|철회)"
_PUT_OFF_AFTER = re.compile(PUT_OFF)
#: "Grok-4 출시", "'Artemis' 칩 공식 공개", "Inferentia 추론용 ASIC 전격 발표", "'OCT 7 Rule' 시행": a name, its
#: closing quote, a class word, a particle, at most two words and an adverb of manner, then the verb; a word
#: of an act upon the thing ("A100·H100 수출 금지 발표": the ban was announced, not the chip) breaks it
#: "'사이버캡' 전용 모델 대량 생산", "AI6 칩 양산": mass production of a product is its release
#: (a production line, plant or capacity named after the verb is no release: "S2 양산 라인")
_EVENT_AFTER = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:프로젝트|모델|칩)?\s?(?:을|를|이|가|이?라는\s)?\s?"
                          r"(?:(?!수출|금지|규제|제한|판매|공급|생산|중단|가격|투자)[가-힣A-Za-z+]{1,8}\s){0,2}(?:(?:전격|공식|정식)\s?)?"
                          r"(출시|런칭|롤아웃|공개|발표|시행|설립|창업|완공|완료|완성|대량\s?생산|양산|신설)"
                          r"(?![가-힣]{0,1}(?:예정|계획|목표))(?!\s?(?:라인|공장|능력|시설|설비|체제|규모))"
                          r"(?!(?<=창업|설립)자)")  # "오라클 창업자/CTO인 …": a founder, no founding
#: … or a note in parentheses right after the name (its kind word between): "MI350X GPU(올해 중반으로 앞당겨 출시)"
_EVENT_NOTE = re.compile(r"\s?(?:GPU|TPU|CPU|칩|가속기)?\s?\((?:[가-힣A-Za-z0-9]{1,8}\s){0,3}(출시|공개|발표)\)")
#: the release that also names its maker (``_released_by``): the name, its particle and the verb, no adverb, no plan or
#: wish after ("출시가 절실"); a quoted name only right before its particle and the verb ("“X”를 공개", not "'X' 플랫폼 출시")
_RELEASE_LINK = re.compile(r"\s?(?:\([^)]{0,20}\))?(?:['’”\"]\s?(?:을|를|이|가)?\s?|\s?(?:프로젝트|모델|칩)?\s?(?:을|를|이|가)?\s?"
                           r"(?:[가-힣A-Za-z+]{1,8}\s){0,2})(?:출시|런칭|롤아웃|공개)(?![가-힣]{0,1}(?:예정|계획|목표))(?!" + WANTED + ")")
_MASS_PRODUCTION = ("양산", "대량 생산", "대량생산")
_GOAL_AFTER = re.compile(r"(?:\s?및\s[^•.;:()]{0,30})?\s?\(\s?목표\s?\)")
#: the verb closing a name's own words ("A100·H100 수출 금지 발표" named as the ban it announces)
_VERB_ENDED = re.compile(r"\s(발표|시행|출시|공개|강화)")
_OWN_FOUNDING = re.compile(r"^\s?(?:회사|기업|법인)\s?(설립|창업)")
_EVENT_KINDS = {
    "출시": ("releaseDate", ("AIModel", "AIProduct", "Hardware", "SoftwarePlatform")),
    "런칭": ("releaseDate", ("AIModel", "AIProduct", "Hardware", "SoftwarePlatform")),
    "양산": ("releaseDate", ("AIProduct", "Hardware")),  # mass production of a chip or a vehicle starts its sales
    "롤아웃": ("releaseDate", ("AIModel", "AIProduct", "SoftwarePlatform")),
    "신설": ("releaseDate", ("AIProduct",)),  # "X(월 $300)이라는 최상위 요금제 신설": a new plan or service launched
    "공개": ("announcedDate", ("AIProduct", "Hardware", "SoftwarePlatform", "Facility")),
    "발표": ("announcedDate", ("AIProduct", "Hardware", "SoftwarePlatform", "Facility", "PolicyInstrument")),
    "시행": ("effectiveDate", ("PolicyInstrument",)),  # a measure put in force
    "강화": ("eventDate", ("PolicyInstrument",)),  # a tightening named as such ("대역폭 한도 강화"): only a name's own verb
    "모델공개": ("releaseDate", ("AIModel",)),  # a model made public is released
    "설립": ("foundedDate", ("Organization",)),
    "창업": ("foundedDate", ("Organization",)),
    # "S2 양산 라인 업그레이드 완료", "엑시노스 2600 개발 완료", "캠퍼스 완공": a thing built or developed is done
    **{v: ("completionDate", ("Facility", "Site", "Chip", "ProcessNode", "ComputeCluster", "ClusterPhase")) for v in ("완공", "완료", "완성")},
}
#: … the target of a move to it ("Trainium3으로 업그레이드"), what it is made of ("Trainium으로 구성된 클러스터")
_ADOPT_VERB = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:(?:을|를|으로|로)?\s?(?:[가-힣]{1,4}\s)?"
                         r"(?:쓰|사용|채택|탑재|적용|장착|활용|도입|조합|투입)|(?:으로|로)\s(?:[가-힣]{1,4}\s)?(?:업그레이드|전환|교체)|(?:으로|로)\s구성(?:된|되어|돼|되는))")
_TOPIC_OWNER = re.compile(r"['’”\"]?\s?의\s[가-힣]{1,6}(?:은|는)\s")  # "X의 심장은 …": the topic noun's owner is what the clause is about
#: a component coordinated with the next one, whose verb of use is both's: "SRAM과 LPDDR을 조합", "A, B를 채택"
_AND_NEXT = re.compile(r"['’”\"]?\s?(?:와|과|,|·|및)\s?['‘“\"]?")
#: a network named as what joins the subject's parts: "PCIe 6.0 기반으로 연결", "ConnectX-8 SuperNIC을 통해 연결",
#: "Spectrum-X 네트워킹 플랫폼으로 확장", "NVLink 스위치로 묶어" (a use of that network, read for network technologies only)
_JOIN_VERB = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:네트워킹\s|네트워크\s)?(?:플랫폼|패브릭|스위치)?\s?"
                        r"(?:을\s통해|를\s통해|을\s?통한|를\s?통한|기반으로|기반의|으로|로)\s?(?:[가-힣]{1,4}\s)?(?:연결|확장|묶)")
#: a network named as the means of the clause's topic, with no verb of joining after it: "Quantum-X800는 SHARPV4
#: 기술을 통해 … 처리" (read only with the topic marked in the clause: a carried topic may not be the one it serves)
_VIA = re.compile(r"\s?(?:\([^)]{0,20}\))?['’”\"]?\s?(?:기술|프로토콜)?\s?(?:을|를)\s통해\s")
#: what a component used by something is to it: (component class, property, classes of the user)
ADOPTED = (
    ("MemoryTechnology", "usesMemory", ("Hardware",)),
    ("ProcessNode", "fabricatedOn", ("Chip",)),
    ("PackagingTechnology", "packagedWith", ("Chip",)),
    ("ChipArchitecture", "hasArchitecture", ("Chip", "System")),
    ("NetworkTechnology", "usesNetwork", ("Hardware", "Facility")),
    ("System", "usesSystem", ("Facility",)),
    ("Chip", "usesChip", ("Facility", "System", "AIModel", "AIProduct")),
)
_INVEST_VERB = re.compile(r"투자(?:했|하|해|를|한|\s?금액|액|(?=\)|\.|$))|출자|지분[^.]{0,20}인수|인수(?:했|하|해|를|한)")
_INVESTEE_GAP = re.compile(r"['’”\"]?\s?(?:에|에도|에게|의)?\s?(?:지분\s?)?")
# between "A의" and "B": nothing but a quote, a space or a short modifier ("엔비디아의 최신 H20")
# — or an appositive naming what B is to A ("엔비디아의 자체 제품인 X", "구글의 자체 제작 스마트폰인 “Y”")
_GENITIVE_GAP = re.compile(r"\)?['’”\"]?\s?(?:의)\s?['‘“\"]?(?:[가-힣]{1,4}\s|" + APPOSITIVE + r")?['‘“\"]?")
# "A의 B", "A의 클라우드 B": a parent named side by side, or with a noun of its units ("A의 자회사 B" is
# text_links' subsidiary frame)
_PLAIN_FIRM_GAP = re.compile(r"\)?['’”\"]?\s?의\s?(?:(?:사업부|부문|클라우드)(?:인|이자)?\s)?['‘“\"]?")


def _list_end(s: str, mentions: list[Mention_], i: int) -> Mention_:
    """The last of the things of one class listed from ``mentions[i]`` on ("A과 B", "A, B, C"), else itself."""
    m = mentions[i]
    for x in mentions[i + 1:]:
        if x.type != m.type or not _AND_NEXT.fullmatch(s, m.end, x.start):
            break
        m = x
    return m


@dataclass
class Mention_:
    """A mention in a sentence with the role its particle gives it (topic, subject, genitive…)."""

    entity: str
    type: str
    start: int
    end: int
    role: str


def listed_up_to(s: str, mentions: list[Mention_], last: int, joint: re.Pattern[str],
                 keep: Callable[[Mention_], bool] = lambda m: True) -> list[Mention_]:
    """The mentions listed up to and including ``mentions[last]`` ("A와 B, C"): walking back, each one ``keep``
    accepts whose text up to the next listed one is all ``joint`` (each reader its own joints and kinds)."""
    out = [mentions[last]]
    for m in reversed(mentions[:last]):
        if not keep(m) or not joint.fullmatch(s, m.end, out[0].start):
            break
        out.insert(0, m)
    return out


def clause_starts_of(sentence: str) -> list[int]:
    """Where the clauses of a sentence start (a comma inside parentheses starts none)."""
    return list(_clause_starts(sentence))


@lru_cache(maxsize=4096)  # a dozen readers ask for the starts of each sentence
def _clause_starts(sentence: str) -> tuple[int, ...]:
    return (0, *(b.end() for b in _CLAUSE_BREAK.finditer(sentence)
                 if sentence.count("(", 0, b.start()) <= sentence.count(")", 0, b.start())))


def status_of_words(text: str) -> str:
    """The status the words around a figure give it ('' when they give none)."""
    for rx, status in _STATUS_CUES:
        if rx.search(text):
            return status
    return ""


#: the term a figure of each dimension states about a measure
_TERM_KINDS = {"count": "unitCount", "duration": "duration", "percent": "share", "bandwidth": "memoryBandwidthCap"}
_JOINT = re.compile(r"공동\s?$")
_PROJECT_DASH = re.compile(r"['’”\"]?\s?[-–:]\s")
MEASURE_CLASSES = ("TradeMeasure", "ExportControlEvent")
_PER_YEAR = re.compile(r"(?:연간|매년|年|해마다)\s?$")
_UPPER = re.compile(r"한도|상한|최대|이하|까지")
#: a measure put under review ("…'수출 쿼터'를 검토"): not in force, its terms are planned
_UNDER_REVIEW = re.compile(r"(?:을|를)\s?검토")


# a title between an organisation and its person ("OpenAI CEO 샘 알트만", "AMD의 CEO 리사 수") or after
# "<person> <org>" ("젠슨 황 엔비디아 CEO"): (title pattern, property); the rule is the frame and the property,
# text:appositive:<property>, as for the genitive and modifier frames; a founder's title alone: see title_link
_TITLES = ((r"(?:CEO|최고경영자|대표이사|회장|편집장|장관|수장)", "leads"), (r"(?:공동\s?)?(?:창업자|창립자|설립자)(?!/)", "founder"),
           (r"(?:(?:공동\s?)?(?:창업자|창립자|설립자)|CTO|CFO|COO|최고\s?[가-힣]{2,4}책임자|부사장|임원|수석\s?과학자|디렉터|연구원|연구자|"
            r"총괄|헤드|설계자)", "affiliatedWith"))
# at most two short words between "의" and the title ("테슬라의 차량 엔지니어링 부사장인", a team's name may be
# quoted: "애플의 ‘파운데이션 모델팀’ 헤드"), and a second title after a slash or an abbreviation in parentheses
# ("창업자/CTO인", "최고 기술책임자(CTO)인"); a title in the past ("…의 수장이었던 <person>", group ``was``) says the
# person worked there, not that they lead it now: ``affiliatedWith`` whatever the title
_TITLE_TAIL = r"(?:\([A-Z]{2,4}\)|/[A-Za-z가-힣]{2,6})?"
# a title hedged by the writer ("…의 AI 정책 설계자라고 볼 수 있는 <person>") is still the title
_CALLED = r"(?:이)?라고\s(?:볼|할)\s수\s있는"
_ORG_TITLE_GAP = [(re.compile(r"['’”\"]?(?:'s|의)?\s?(?:(?![가-힣]*사\s)['‘“\"]?[가-힣A-Za-z]{1,6}['’”\"]?\s){0,2}" + t + _TITLE_TAIL
                              + r"(?:인|이자|,|(?P<was>이었던|였던)|" + _CALLED + r")?\s?"), p) for t, p in _TITLES]
_TITLE_AFTER = [(re.compile(r"\s?" + t + r"(?![A-Za-z])"), p) for t, p in _TITLES]
# one or two bare nouns between an organisation without particle and its person, none a rival's or a
# partner's word nor ending in a particle or a verb's modifier ("OpenAI 수학 천재 <person>")
_BARE_ROLE = re.compile(r" (?:(?![가-힣A-Za-z]*(?:경쟁|라이벌|대항|적수|비판|상대|고객|투자|파트너|협력))"
                        r"(?!(?:vs|VS|and|or|및|또는|대|등|그리고|with) )[가-힣A-Za-z]{1,6}(?<![의은는을를와과도로에서한된던인난간온]) ){1,2}")
_FORMER = re.compile(r"(?:前|전|전직|former|Former)\s?$")


# "its own" before a product ("자사의 머신러닝 프레임워크인 MLX", "자체 LLM인 Pangu Ultra", "자체 개발의 Llama 5")
# or after it ("Aurora라는 자체 이미지 생성 모드", "Nemotron Nano 2라는 직접 만든 언어모델"); "그 자체인 X" (X itself) is no own make
_OWN_BEFORE = re.compile(r"(?:자사의?|(?<!그 )(?<!그)자체(?!인)|직접 만든|직접 개발한|독자|(?<![가-힣])(?:본인들|자신들|이들|그들|자신)의)\s?(?:개발(?:의|한)?\s?)?(?:[가-힣A-Za-z]{1,8}\s?){0,3}"
                         r"(?:인|이라는|라는)?\s?['‘“\"(]?$")
_OWN_AFTER = re.compile(r"^['’”\")]?\s?(?:이라는|라는)\s(?:자사의?|자체|직접 만든|직접 개발한|독자)")
_OWN_MADE = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform")


# between a maker and its product written side by side ("엔비디아 H20", "Palantir Gotham"): one space
_MODIFIER_GAP = re.compile(r"\s")
# the same with the product's name quoted: "엔비디아 “Isaac GR00T”의 …"
_MODIFIER_QUOTE_GAP = re.compile(r"\s['‘“\"]?")


class FrameReader:
    """The frames; needs ``self.ex``, ``self.lex``, ``self.prefix`` and ``self.default_time``. Genitive and
    investment frames name both ends, so their rules are the same in prose and in table cells."""

    def _genitives(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<A>의 <B>": B is A's (designed, developed, run, located, headquartered) — by their classes."""
        policy_owner(self.ex, self.res.gaz, s, mentions, loc, sources)  # "<state>의 <programme>": text_policy_owner.py
        for a, b in itertools.pairwise(mentions):
            if a.role != "genitive" or a.entity == b.entity:
                continue
            gap = s[a.end:b.start]
            if not _GENITIVE_GAP.fullmatch(gap):
                continue
            entry = self.lex.genitive_for(a.type, b.type)
            if entry is None or entry.property == "headquarteredIn":  # read by text_links, with its guards
                continue
            if is_a(a.type, "Firm") and any(is_a(b.type, c) for c in _POWER_PRODUCTS):
                continue  # a firm's turbine or battery: read with its guards by text_power_maker
            if entry.property == "partOf" and not _PLAIN_FIRM_GAP.fullmatch(gap):
                continue  # "구글의 웨이모": a firm's firm only side by side ("A의 경쟁사인 B" is no parent)
            self.ex.add(Fact(b.entity, entry.property, a.entity, True, loc, f"text:genitive:{entry.id}", sources,
                             raw=s[a.start:b.end][:60]))
            genitive_list(self.ex, self.res.gaz, s, mentions, a, b, entry, loc, sources, self.lex.genitive_for)

    def _titles(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<org> CEO <person>", "<org>의 창업자 <person>", "<person> <org> CEO": the person heads (or
        founded) the organisation; a former title ("前 GitHub CEO") says nothing of now."""
        for a, b in itertools.pairwise(mentions):
            if a.entity == b.entity or _FORMER.search(s[max(0, a.start - 4):a.start]):
                continue
            gap = s[a.end:b.start]
            if is_a(a.type, "Organization") and is_a(b.type, "Person"):
                title = next(((t, p) for rx, p in _ORG_TITLE_GAP if (t := rx.fullmatch(gap))), None)
                hit = None if title is None else past_title(title[1], s, b.end) if title[0].group("was") else title[1]
                if hit is None and not a.role and _BARE_ROLE.fullmatch(gap):
                    hit = "affiliatedWith"  # "OpenAI 수학 천재 <person>": a bare descriptor, no title
                person, org = b, a
            elif is_a(a.type, "Person") and is_a(b.type, "Organization") and _MODIFIER_GAP.fullmatch(gap):
                hit = next((p for rx, p in _TITLE_AFTER if rx.match(s, b.end)), None)
                person, org = a, b
            else:
                continue
            if hit is None:
                continue
            for o in (org, *(orgs_before(s, mentions, org) if org is a else ())):  # "A 및 B CEO X" (title_list.py)
                self.ex.add(Fact(person.entity, title_link(hit)[0], o.entity, True, loc, title_link(hit)[1], sources,
                                 raw=s[min(o.start, a.start):b.end + 8][:60]))
        head_of_state(self.ex, s, mentions, loc, sources)  # "프랑스의 마크롱 대통령": text_heads.py
        predicate_titles(self.ex, s, mentions, loc, sources, _TITLES)  # "<person>는 <org>의 CEO.": title_predicate.py
        based_on_model(self.ex, s, mentions, loc, sources)  # "<model> 기반의 <product>": text_based_on.py

    def _own_make(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                  sources: tuple[str, ...], carried: Mention_ | None = None) -> None:
        """"애플은 자사의 … 프레임워크인 MLX", "엔비디아는 본인들의 차세대 시리즈인 ‘Vera Rubin’": a product called
        the organisation's own (자사의, 자체, a possessive pronoun) is its work; the owner is
        the last organisation named before it in the clause (else the clause's topic). When the product is
        itself the sentence's topic ("이들의 최신 모델인 X는 …"), the pronoun points back past it to the topic
        carried from before (``carried``): rule ``…:own-make:<entry>:product-topic``."""
        starts = clause_starts_of(s)
        for i, m in enumerate(mentions):
            if not any(is_a(m.type, c) for c in _OWN_MADE):
                continue
            c0 = max(x for x in starts if x <= m.start)
            if not (_OWN_BEFORE.search(s[max(c0, m.start - 30):m.start]) or _OWN_AFTER.match(s[m.end:m.end + 12])):
                continue
            owner = next((o for o in reversed(mentions[:i]) if o.start >= c0 and o.role in ("topic", "subject", "genitive")
                          and any(is_a(o.type, c) for c in ("Firm", "AILab"))), None)
            how = "mention" if owner is not None else HOW.get(topic.role, "clause") if topic is not None else ""
            if owner is None and topic is not None and topic.entity == m.entity and topic.role == "topic":
                owner, how = carried, "product-topic"  # the product is the topic: the pronoun's firm is carried
            owner = owner or topic
            if owner is None or owner.entity == m.entity or not any(is_a(owner.type, c) for c in ("Firm", "AILab")):
                continue
            entry = self.lex.genitive_for(owner.type, m.type)
            if entry is None:
                continue
            self.ex.add(Fact(m.entity, entry.property, owner.entity, True, loc, f"{self.prefix}:own-make:{entry.id}:{how}",
                             sources, raw=s[max(c0, m.start - 30):m.end][:60]))

    def _modifiers(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<A> <B>" with no particle on A: an organisation written right before its product names the
        product's maker, like the genitive ("엔비디아 H20" as "엔비디아의 H20"); judged as its own rule."""
        for a, b in itertools.pairwise(mentions):
            if a.role or a.entity == b.entity or not any(is_a(a.type, c) for c in ("Firm", "AILab")):
                continue
            if not _MODIFIER_QUOTE_GAP.fullmatch(s[a.end:b.start]) or not any(
                    is_a(b.type, c) for c in ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform")):
                continue
            entry = self.lex.genitive_for(a.type, b.type)
            if entry is None:
                continue
            self.ex.add(Fact(b.entity, entry.property, a.entity, True, loc, f"text:modifier:{entry.id}", sources,
                             raw=s[a.start:b.end][:60]))

    def _events(self, s: str, mentions: list[Mention_], dates: list[Quantity], starts: list[int],
                topic: Mention_ | None, loc: Location, sources: tuple[str, ...]) -> None:
        """"Grok-4 출시", "Macrohard 프로젝트 공개", "회사 설립": the date of the clause (in a table, the
        row's date) is the thing's release, announcement or founding date."""
        for m, verb in self._event_mentions(s, mentions, topic):
            if verb == "공개" and is_a(m.type, "AIModel"):
                verb = "모델공개"
            kind, classes = _EVENT_KINDS["양산" if verb in _MASS_PRODUCTION else verb]
            if not any(is_a(m.type, c) for c in classes):
                continue
            if kind == "releaseDate" and _RELEASE_LINK.match(s, max(m.end, 0)):
                self._released_by(s, m, topic, loc, sources)
            if (ev := _EVENT_AFTER.match(s, max(m.end, 0))) and _PUT_OFF_AFTER.match(s, ev.end()):
                continue  # "R2 출시를 연기": its maker is named, no release is dated
            pos = max(m.start, 0)
            c0 = max(x for x in starts if x <= pos)
            c1 = min([x for x in starts if x > pos] or [len(s)])
            # a measure announced: its date is written before its name ("올 1월, … 지침 발표 - (2024년 1월, …)")
            c1 = pos if kind == "announcedDate" and is_a(m.type, "PolicyInstrument") else c1
            near = sorted((d for d in dates if c0 <= d.start < c1), key=lambda d: abs(d.start - pos))
            time = quantity_period(near[0]) if near else self.default_time
            if time is None or (near and {"lowerBound", "upperBound"} & near[0].qualifiers):
                continue
            ev = _EVENT_AFTER.match(s, max(m.end, 0))  # "… 완료 (목표)", "A 완성 및 B 완료 (목표)": a goal
            status = "target" if ev and _GOAL_AFTER.match(s, ev.end()) else "planned" if time.start > REFERENCE_DATE.isoformat() else "actual"
            # a release, an announcement, a founding and a measure put in force: one construction (the thing,
            # its event noun, the clause's or the row's date), one rule for the gate; a completion is judged apart
            rule = f"{self.prefix}:event:{kind}" if kind == "completionDate" else f"{self.prefix}:event:dated"
            # "Grok-1 오픈소스 출시", "B200 칩 양산 개시": a later milestone's date, a release in that scope only
            words = ev or _EVENT_NOTE.match(s, max(m.end, 0))
            scope = milestone_scope(s[m.end:words.end()]) if kind == "releaseDate" and words and m.end >= 0 else ""
            self.ex.statements.append(Statement(m.entity, kind, loc, rule, time=time, status=status, scope=scope,
                                                sources=sources, raw=s[max(pos, 0):][:60]))
        self.ex.statements.extend(operation_starts(s, mentions, dates, topic, loc, sources, self.default_time))

    def _released_by(self, s: str, m: Mention_, topic: Mention_ | None, loc: Location,
                     sources: tuple[str, ...]) -> None:
        """"(xAI는) Grok-2 출시": a model or product released in a clause about a firm or lab is its work; in
        a timeline row that names only the released thing, the lab the slide's title names ("<lab>는 … 모델을 출시 중")."""
        if (topic is None or topic.entity == m.entity) and self.prefix == "text-cell":
            topic = getattr(self, "cell_slide_topic", None)
        if topic is not None and topic.role == "caption" and not any(is_a(topic.type, c) for c in ("Firm", "AILab")):
            topic = getattr(self, "caption_before", None)  # a caption about a product: the firm carried before it
        if topic is None or topic.entity == m.entity or not any(is_a(topic.type, c) for c in ("Firm", "AILab")):
            return
        if not any(is_a(m.type, c) for c in ("AIModel", "AIProduct", "SoftwarePlatform")):
            return
        how = HOW.get(topic.role, "") or "clause"
        prop = "offeredBy" if is_a(m.type, "AIProduct") else "developedBy"  # a product or service is offered
        self.ex.add(Fact(m.entity, prop, topic.entity, True, loc, f"{self.prefix}:release:{prop}:{how}",
                         sources, raw=s[max(m.start, 0):m.end + 8][:60]))

    def _adoptions(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                   sources: tuple[str, ...]) -> None:
        """"(910C는) SMIC N+2를 쓰고 HBM2E를 채택": a component named as the object of a verb of use is
        the subject's memory, process node, packaging, network, architecture or chip."""
        for i, m in enumerate(mentions):
            last = _list_end(s, mentions, i)  # "SRAM과 LPDDR을 조합": the list's verb is each member's
            via = is_a(m.type, "NetworkTechnology") and not _JOIN_VERB.match(s, m.end) and bool(_VIA.match(s, m.end))
            if not (_ADOPT_VERB.match(s, last.end) or via
                    or (is_a(m.type, "NetworkTechnology") and _JOIN_VERB.match(s, m.end))):
                continue
            prop, owners = next(((p, o) for t, p, o in ADOPTED if is_a(m.type, t)), ("", ()))
            if not prop:
                continue
            # a network platform marked as the clause's topic uses the network it runs on too ("Quantum-X800는
            # SHARPV4 기술을 통해"); never carried: a network topic is no user of every network named after it
            users = (*owners, "NetworkTechnology") if prop == "usesNetwork" else owners
            marked = [x for x in mentions if x.end <= m.start and (x.role in ("topic", "subject") or (
                x.role == "genitive" and _TOPIC_OWNER.match(s, x.end))) and any(is_a(x.type, o) for o in users)]
            subject, how = (marked[-1], "clause-topic") if marked else (topic, HOW.get(topic.role, "")) \
                if topic is not None and any(is_a(topic.type, o) for o in owners) else (None, "")
            if subject is None or subject.entity == m.entity or (via and how != "clause-topic"):
                continue
            # one construction whatever the component's class: one rule (by how its subject was found)
            self.ex.add(Fact(subject.entity, prop, m.entity, True, loc, f"{self.prefix}:adopts:{how}", sources,
                             raw=s[max(m.start, 0):m.end + 12][:60]))

    def _event_mentions(self, s: str, mentions: list[Mention_], topic: Mention_ | None):
        for m in mentions:
            ev = _EVENT_AFTER.match(s, m.end) or _EVENT_NOTE.match(s, m.end)
            if ev and not (ev.group(1) in _MASS_PRODUCTION and re.match(r"\s?의\s", s[m.end:])):  # "X의 대량 생산을 시작": not a dated release
                yield m, ev.group(1)
            elif not ev and (own := _VERB_ENDED.search(s, m.start, m.end)) and own.end() == m.end:
                yield m, own.group(1)  # a name written with its verb ("수출 금지 발표"): the verb is the name's own
        own = _OWN_FOUNDING.search(s)  # "회사 설립": the row's (or sentence's) organisation
        if own and topic is not None and is_a(topic.type, "Organization"):
            yield topic, own.group(1)

    def _investments(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                     sources: tuple[str, ...]) -> None:
        """"A는 B에 N 달러를 투자", "A의 B 투자 금액은 N 달러", "A는 B의 지분 49%를 N 달러에 인수":
        an Investment node (investor, investee) with its amount and stake, and the investsIn link."""
        for verb in _INVEST_VERB.finditer(s):
            c0 = max((b.end() for b in _CLAUSE_BREAK.finditer(s, 0, verb.start())), default=0)
            before = [m for m in mentions if c0 <= m.start < verb.start() and is_a(m.type, "Agent")]
            investee = next((m for m in reversed(before) if m.role == "place"
                             or (m.role == "genitive" and re.match(r"\s?지분", s[m.end + 1:]))
                             or _INVESTEE_GAP.fullmatch(s[m.end:verb.start()])), None)
            opened = s.rfind("(", 0, verb.start())
            noted = False
            if investee is None and opened >= 0 and ")" not in s[opened:verb.start()]:
                # "Anthropic (아마존이 80억 달러 투자)": a note on the name before the parentheses
                investee = next((m for m in mentions if m.end <= opened and re.fullmatch(r"\s?", s[m.end:opened])
                                 and is_a(m.type, "Agent")), None)
                c0 = min(c0, opened)
                before = [m for m in mentions if opened < m.start < verb.start() and is_a(m.type, "Agent")]
                noted = True
            investor = next((m for m in before if m is not investee and m.role in ("topic", "subject", "genitive")
                             and m.start < (investee.start if investee and not noted else verb.start())), None)
            if investor is None and topic is not None and topic.start < 0 and is_a(topic.type, "Agent"):
                investor = topic
            investors = [investor] if investor is not None else []
            if investee is None and _JOINT.search(s[:verb.start()]):
                # "“Mistral AI Cluster” - 프랑스 정부와 UAE MGX 공동투자": a project, then its co-investors
                project = [m for m in mentions if c0 <= m.start < verb.start() and is_a(m.type, "Facility")
                           and _PROJECT_DASH.match(s, m.end)]
                if project:
                    investee = project[-1]
                    investors = [m for m in before if m.start > investee.end and m.role in ("with", "")]
            if investee is None or is_a(investee.type, "Place"):  # "인도네시아에 … 투자": where, not in whom
                continue
            money = [q for q in find_quantities(s[c0:verb.end() + 20]) if q.kind == "money" and q.value is not None]
            stake = [q for q in find_quantities(s[c0:verb.end() + 20]) if q.kind == "percent" and q.value is not None
                     and "지분" in s[c0 + max(0, q.start - 8):c0 + q.start]]
            for investor in investors:
                if investor.entity != investee.entity:
                    self._investment(s, investor, investee, money, stake, c0, verb, loc, sources)

    def _investment(self, s: str, investor: Mention_, investee: Mention_, money: list[Quantity],
                    stake: list[Quantity], c0: int, verb: re.Match[str], loc: Location,
                    sources: tuple[str, ...]) -> None:
        rule = "text:investment"
        node = f"investment--{investor.entity}--{investee.entity}--L{loc.line_start}"
        # a stake bought ("지분 49%를 … 인수") is an acquisition as well as an investment
        kinds = ("Investment", "Acquisition") if "인수" in verb.group(0) else ("Investment",)
        self.ex.add_entity(EntityRecord(node, kinds, f"Investment: {investor.entity} → {investee.entity}",
                                        "", (), "table"))
        for kind in kinds:
            self.ex.add(Fact(node, RDF_TYPE, PFA[kind], True, loc, rule, sources))
        self.ex.add(Fact(node, "hasInvestor", investor.entity, True, loc, rule, sources))
        self.ex.add(Fact(node, "hasInvestee", investee.entity, True, loc, rule, sources))
        self.ex.add(Fact(investor.entity, "investsIn", investee.entity, True, loc, rule + ":link", sources,
                         raw=s[investor.start if investor.start >= 0 else c0:verb.end()][:60]))
        status = status_of_words(s[c0:verb.end() + 12]) or "actual"
        consumed = getattr(self, "consumed", set())
        consumed.update(c0 + q.start for q in money[-1:] + stake[:1])  # not read again as the parties' values
        for q in money[-1:]:
            self.ex.statements.append(Statement(node, "amount", loc, rule + ":terms", value=Decimal(q.value),
                                                unit=q.currency or "USD", status=status, sources=sources,
                                                approximate="approximate" in q.qualifiers, raw=q.raw[:60]))
        for q in stake[:1]:
            self.ex.statements.append(Statement(node, "equityStake", loc, rule + ":terms", value=Decimal(q.value),
                                                unit="%", status=status, sources=sources,
                                                approximate="approximate" in q.qualifiers, raw=q.raw[:60]))

    def _measure_terms(self, s: str, mentions: list[Mention_], values: list[Quantity], loc: Location,
                       sources: tuple[str, ...]) -> None:
        """"연간 50만 개의 … GPU를 … 수입할 수 있게 하는 '수출 쿼터'", "선적 라이선스 발급(총 20,000개 한도,
        3개월 유효)", "매출의 15%를 … 납부해야 하는 '수익 공유'": a figure in a clause naming a trade
        measure or export-control event is a term of it — a quota, a validity, a share, a cap."""
        measures = [m for m in mentions if any(is_a(m.type, c) for c in MEASURE_CLASSES)]
        if not measures:
            return
        starts = clause_starts_of(s)
        for q in values:
            c0 = max(x for x in starts if x <= q.start)
            c1 = min([x for x in starts if x > q.start] or [len(s)])
            near = sorted((m for m in measures if c0 <= m.start < c1), key=lambda m: abs(m.start - q.start))
            kind = _TERM_KINDS.get(q.kind, "")
            if not near or not kind:
                continue
            measure = near[0]
            if kind == "share" and (is_a(measure.type, "RevenueShareCondition") or "매출" in s[max(0, q.start - 6):q.start]):
                kind = "revenueShare"
            around = s[max(c0, q.start - 8):min(c1, q.end + 8)]
            per = "year" if _PER_YEAR.search(s[max(c0, q.start - 8):q.start]) else ""
            value, high = Decimal(q.value), (q.high if q.high is not None and q.low is not None and q.high != q.low
                                             else None)
            self.ex.statements.append(Statement(
                measure.entity, kind, loc, "text:measure-term", value=value, high=high,
                unit=q.currency or ("count" if q.kind in ("count", "number") else q.unit),
                status=status_of_words(s[c0:c1]) or ("planned" if _UNDER_REVIEW.search(s[c0:].split(". ")[0]) else "actual"), per=per,
                bound="upper" if _UPPER.search(around) and kind != "duration" else "",
                approximate="approximate" in q.qualifiers, sources=sources, raw=s[max(0, q.start - 20):q.end + 8][:60]))
            self.consumed.add(q.start)



def chapter_topic(res, title: str, cls):
    """The topic of last resort of a slide whose title names nothing after its colon: the one entity the
    words before it name ("X. 팔란티어: 실제 숫자는 …" — the chapter's theme), role ``chapter``."""
    head = re.sub(r"^\s*[IVX]+\.\s*", "", title.split(":", 1)[0])
    found = res.entities_in(head)
    ent = found[0] if len({e.id for e in found}) == 1 else None
    return cls(res.record(ent), ent.type, -1, -1, "chapter") if ent else None
