"""Links an organisation states about what it owns, made public or groups it with, read in a sentence by
Korean constructions:

- a relative clause of making public: "<A>가 (…) 공개한 <X>", "<A>가 발표한 “<X>”" (X announced by A; a
  policy or measure is issued by A); "<X>는 … <A>가 공개한 프로젝트." names X by the sentence's topic;
- an organisation's own things listed by kind: "<A>는 자체 OS(<X>)와 칩(<Y>) 개발", "<A>는 자체 개발
  반도체(<X>)부터 …, 브라우저(<Y>)까지", "자체의 플랫폼 (<X>·<Y>·<Z>)" (each is A's: designed, developed or
  offered by A by its class; a business unit is part of A);
- members of a market segment named in its parenthesis: "<segment>(<A>·<B>·<C> 등)" (each in the segment:
  firms, products or platforms).

Mixed into the TextReader through ``RivalFrames``; each construction is its own rule (``text:<frame>:<how>``).
"""

from __future__ import annotations

import re

from petaflop.extract.facts import Extraction, Fact, Location
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_, clause_starts_of
from petaflop.extract.text_links import _RELEASABLE
from petaflop.extract.text_succession import SuccessionFrames

_FIRMS = ("Firm", "AILab")


def _quoted(s: str, at: int) -> bool:
    """A name inside a quotation ("OpenAI는 "미국이 … 한다"는 청사진도 제시") is the quoted words' own subject,
    not the agent of the sentence's verb."""
    return s.count('"', 0, at) % 2 == 1 or s.count("“", 0, at) > s.count("”", 0, at)

_SEGMENT_MEMBERS = ("Organization", "AIProduct", "SoftwarePlatform")  # a firm, a product or a platform
_AGENTS = ("Organization", "Person", "GovernmentBody", "Country")
_ISSUED = ("PolicyInstrument", "ExportControlEvent")
_ANNOUNCED = ("AIModel", "AIProduct", "SoftwarePlatform", "Hardware", "Source", "Event", "NetworkTechnology",
              "MemoryTechnology", "ChipArchitecture", "ComputeCluster", "SovereignAIInitiative", "Technology")

# "<A>가 [올해 1월 13일에|지난 1월] 공개한 [“]<X>": at most three short words between the subject and the verb
_MADE_PUBLIC = re.compile(r"\s?(?:\([^)]{0,20}\))?(?:\s(?:대통령|주석|총리|장관|회장|CEO))?(?:이|가)\s"
                          r"(?:(?:[가-힣A-Za-z0-9]{1,8}|\d{1,2}월|\d{1,2}일에?)\s){0,3}?"
                          r"(공개|발표|공식\s?발표|내놓|제시|출시)(?:한|은|된)\s['‘“\"]?"
                          # the thing's kind before its name: "개발한 AI 서비스 Manus"
                          r"(?:(?:AI|오픈소스|코딩|신규|새로운|차세대|자체)\s)?(?:(?:서비스|모델|칩|제품|플랫폼|에이전트|앱|"
                          r"시스템|가속기|GPU|CPU|ASIC|프로젝트)(?:인)?\s['‘“\"]?)?")
# "<A> “<행사명>” 행사에서 공식 발표된 “<X>”": a firm's own event (its quoted name after the firm's) where X was shown
_MADE_PUBLIC_AT = re.compile(r"\s['‘“\"][^'’”\"]{1,30}['’”\"]\s?(?:행사|컨퍼런스|콘퍼런스|이벤트|개발자\s?회의)에서\s"
                             r"(?:공식\s?|정식\s?|처음\s?)?(공개|발표)(?:한|된)\s['‘“\"]?")
# "<A>는 8월 27일 “<X>”를 공개", "<A>는 … <X>(<abbr>) 아키텍처를 공개", "<X>라는 (…) 비전을 제시", "<X>도 제시"
# (also put forward): X shown
_SHOWN = re.compile(r"['’”\"]?\s?(?:\([^)]{0,20}\))?\s?(?:[가-힣A-Za-z]{1,6}\s?|라는\s(?:[가-힣]{1,6}\s)?(?:비전|청사진|구상|개념))?(?:을|를|도)\s(?:[가-힣A-Za-z0-9]{1,8}\s){0,2}?"
                    r"(?:공개|발표|공식\s?발표|제시)(?![가-힣]{0,2}\s?(?:예정|계획|목표|전망|할))")
# "… <A>가 공개한 프로젝트." : the head noun is a plain kind, the thing named is the sentence's topic
_KIND_END = re.compile(r"(?:프로젝트|계획|보고서|청사진|전략|정책|법안|이니셔티브|제품|모델|칩|서비스|플랫폼)"
                       r"(?:임|이다|입니다)?\s?\.?\s?$")
# "<A>가 공개한 K2 기술 논문": the name modifies a document, which is what was made public
# "<A>가 내놓은 HBM 대체재 “AI SSD”": the name modifies another noun, which is what was made public
_DOCUMENT_AFTER = re.compile(r"\s(?:[가-힣]{1,4}\s)?(?:논문|보고서|리포트|백서|문서|자료|대체재|대체품|대안|경쟁|대항|기반|"
                             r"관련|호환|계열|수준)")

# acquisitions: "<A>는 … <B>를 65억 달러에 인수", "<A>가 인수를 완료한 <B>", "<A>(의) '<B>' 인수" (an acquisition
# only announced or decided — "인수를 발표한 <B>" — is not done: a planned link, its own rule)
_NOT_DEAL = r"(?!\s?(?:(?:를|을)\s?)?(?:심사|후보|제안|가격|설|의향|검토|추진|협상|시도|발표|결정|계획))"
_ACQUIRED_OBJECT = re.compile(r"['’”\"]?(?:을|를)\s(?:[^\s,.]{1,10}\s){0,3}?(?:전격\s)?인수" + _NOT_DEAL)
_ACQUIRER_RELATIVE = re.compile(r"(?:이|가)\s(?:[^\s,.]{1,10}\s){0,2}?인수(?:를\s(?:완료|단행)한|한|했던)\s['‘“\"]?")
_ACQUIRER_ANNOUNCED = re.compile(r"(?:이|가)\s(?:[^\s,.]{1,10}\s){0,2}?인수(?:를)?\s?(?:발표|결정)한\s['‘“\"]?")
_ACQUIRER_GENITIVE_GAP = re.compile(r"\s?(?:의)?\s?['‘“\"]?")
_ACQUIRED_NOUN = re.compile(r"['’”\"]?\s?인수" + _NOT_DEAL)

# an organisation's own things: "자체", "자체의", "자체 개발(의)", "자체 제작" before the list
_OWN = re.compile(r"(?:자체|자사|독자)(?:의|\s?개발(?:의|한)?|\s?제작(?:한)?)?\s")
# one item of the list: "<kind word(s)>(<names>)" and what joins it to the next
_ITEM = re.compile(r"\s?(?:[가-힣A-Za-z]{1,8}\s){0,2}[가-힣A-Za-z]{1,8}\s?\(([^()]{1,80})\)\s?(와|과|부터|,|및|그리고|까지)?")
_DEVELOPED_AFTER = re.compile(r"\s?(?:을|를)?\s?개발")  # the list is the object of "개발"
_NOT_OWN = re.compile(r"경쟁|대체|대항|대비|고객|파트너|외부")

# a segment's members in its parenthesis: "<segment>(<A>·<B>·<C> 등)", "<segment> (<A> 등)"
_MEMBERS_PAREN = re.compile(r"\s?\(([^()]{1,80})\)")
_MEMBERS_LIST = re.compile(r"^[^()]*?(?:\s?등)?\s?$")


def _inside(mentions: list[Mention_], start: int, end: int) -> list[Mention_]:
    return [m for m in mentions if m.start >= start and m.end <= end]


def _owned_property(owned_type: str) -> str | None:
    """What an organisation's own thing is to it, by the thing's class."""
    if any(is_a(owned_type, c) for c in ("Chip", "System", "ChipArchitecture", "ScaleUpInterconnect",
                                          "ScaleOutNetwork")):
        return "designedBy"
    if is_a(owned_type, "AIModel"):
        return "developedBy"
    if is_a(owned_type, "AIProduct") or is_a(owned_type, "SoftwarePlatform"):  # a product or platform is offered
        return "offeredBy"
    if any(is_a(owned_type, c) for c in _FIRMS):
        return "partOf"
    return None


class OwnedFrames(SuccessionFrames):
    """The frames; needs ``self.ex`` and ``self.prefix`` (the TextReader's)."""

    def _owned_links(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        self._made_public(s, mentions, loc, sources)
        self._own_lists(s, mentions, loc, sources)
        self._segment_members(s, mentions, loc, sources)
        self._successions(s, mentions, loc, sources)
        self._acquisitions(s, mentions, loc, sources)

    def _add_link(self, subject: Mention_, prop: str, obj: Mention_, rule: str, loc: Location,
                  sources: tuple[str, ...], raw: str, qualifiers: tuple[str, ...] = ()) -> None:
        if subject.entity != obj.entity:
            self.ex.add(Fact(subject.entity, prop, obj.entity, True, loc, rule, sources, raw=raw[:60],
                             qualifiers=qualifiers))

    def _made_public(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<A>가 공개한 <X>": X made public by A (the subject of the relative clause); "<A> “<행사>” 행사에서
        발표된 <X>": X shown at A's own event (A unmarked, right before the event's quoted name)."""
        self._shown(s, mentions, loc, sources)
        for i, a in enumerate(mentions):
            if not any(is_a(a.type, c) for c in _AGENTS):
                continue
            hit = _MADE_PUBLIC.match(s, a.end) or (_MADE_PUBLIC_AT.match(s, a.end) if not a.role else None)
            if hit is None:
                continue
            x = next((m for m in mentions[i + 1:] if m.start == hit.end()), None)
            how = "named"
            if x is None and _KIND_END.match(s, hit.end()):
                x = next((m for m in mentions[:i] if m.role == "topic"), None)
                how = "topic"
            if x is None or (how == "named" and _DOCUMENT_AFTER.match(s, x.end)):
                continue
            raw = s[a.start:hit.end() + 12]
            if any(is_a(a.type, c) for c in _FIRMS) and any(is_a(x.type, c) for c in ("AIModel", "AIProduct")):
                # a model or service a firm brought out is its work; when it was shown is a date, not news
                prop = "offeredBy" if is_a(x.type, "AIProduct") else "developedBy"
                self._add_link(x, prop, a, f"{self.prefix}:made-public", loc, sources, raw)
                continue
            if hit.group(1) in ("내놓", "출시"):
                continue
            if any(is_a(x.type, c) for c in _ISSUED):
                prop = "issuedBy"
            elif any(is_a(x.type, c) for c in _ANNOUNCED):
                prop = "announcedBy"
            else:
                continue
            self._add_link(x, prop, a, f"{self.prefix}:made-public", loc, sources, raw)

    def _shown(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<A>는 8월 27일 “<X>”를 공개": X shown by the clause's topic or subject A (a firm's model or
        service is left to the release frame, which says it is the firm's work)."""
        starts = clause_starts_of(s)
        for i, x in enumerate(mentions):
            if _SHOWN.match(s, x.end) is None:
                continue
            c0 = max(c for c in starts if c <= x.start)
            by = {m.entity: m for m in mentions[:i] if m.start >= c0 and m.role in ("topic", "subject")
                  and any(is_a(m.type, c) for c in _AGENTS) and not _quoted(s, m.start)}
            if by and all(any(is_a(m.type, c) for c in _FIRMS) for m in by.values()) and any(
                    is_a(x.type, c) for c in _RELEASABLE):
                continue  # a firm's release in its own clause: the release frame's (text_links)
            if not by:  # "<A>는 …, … <X>를 공개": the sentence's topic
                by = {m.entity: m for m in mentions[:i] if m.role == "topic" and any(is_a(m.type, c) for c in _AGENTS)}
            if len(by) != 1:
                continue
            a = next(iter(by.values()))
            if is_a(a.type, "Person"):
                continue  # a leader showing the firm's work speaks for the firm
            # the event of making a policy public: announced (the ontology's "announced a project, policy or deal")
            if any(is_a(x.type, c) for c in _ISSUED + _ANNOUNCED) and not (
                    any(is_a(a.type, c) for c in _FIRMS) and any(is_a(x.type, c) for c in ("AIModel", "AIProduct"))):
                prop = "announcedBy"
            else:
                continue
            self._add_link(x, prop, a, f"{self.prefix}:made-public", loc, sources, s[a.start:x.end + 10])

    def _own_lists(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<A>는 자체 OS(<X>)와 칩(<Y>) 개발": each thing in the list of A's own is A's."""
        starts = clause_starts_of(s)
        for own in _OWN.finditer(s):
            c0 = max(x for x in starts if x <= own.start())
            owner = next((m for m in reversed(mentions) if c0 <= m.start < own.start() and m.role in ("topic", "subject")
                          and any(is_a(m.type, c) for c in _FIRMS)), None)
            if owner is None:
                owner = next((m for m in reversed(mentions) if m.start < own.start() and m.role == "topic"
                              and any(is_a(m.type, c) for c in _FIRMS)), None)
            if owner is None or _NOT_OWN.search(s[owner.end:own.start()]):
                continue
            at, found = own.end(), []
            while (item := _ITEM.match(s, at)) is not None:
                found += [(m, item.end()) for m in _inside(mentions, item.start(1), item.end(1))]
                if item.group(2) is None:
                    break
                at = item.end()
            developed = bool(found) and _DEVELOPED_AFTER.match(s, found[-1][1]) is not None
            for m, end in found:
                prop = _owned_property(m.type)
                if prop == "offeredBy" and developed and is_a(m.type, "SoftwarePlatform"):
                    prop = "developedBy"  # "자체 OS(<X>)와 칩(<Y>) 개발": a platform the list says it developed
                if prop is not None:
                    self._add_link(m, prop, owner, f"{self.prefix}:own-list", loc, sources, s[owner.start:end])

    def _segment_members(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<segment>(<A>·<B> 등)": the organisations in the segment's parenthesis are in the segment."""
        for seg in mentions:
            if not is_a(seg.type, "MarketSegment"):
                continue
            hit = _MEMBERS_PAREN.match(s, seg.end)
            if hit is None:
                continue
            inner = _inside(mentions, hit.start(1), hit.end(1))
            if not inner or not all(any(is_a(m.type, c) for c in _SEGMENT_MEMBERS) for m in inner):
                continue
            rest = s[hit.start(1):hit.end(1)]
            for m in inner:
                rest = rest.replace(s[m.start:m.end], "")
            if not re.fullmatch(r"[\s,·/및와과]*(?:등)?\s?", rest):
                continue
            for m in inner:
                self._add_link(m, "inSegment", seg, f"{self.prefix}:segment-members", loc, sources,
                               s[seg.start:hit.end()])

    def _acquisitions(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<A>는 <B>를 … 인수", "<A>의 '<B>' 인수": A acquired B; "<A>가 인수를 발표한 <B>":
        A is to acquire B (a planned link, ``acquisition-announced``)."""
        starts = clause_starts_of(s)
        firms = [m for m in mentions if any(is_a(m.type, c) for c in _FIRMS)]
        for i, b in enumerate(firms):
            c0 = max(x for x in starts if x <= b.start)
            a = None
            if _ACQUIRED_OBJECT.match(s, b.end):
                a = next((m for m in reversed(firms[:i]) if m.start >= c0 and m.role in ("topic", "subject")), None)
            elif i > 0 and _ACQUIRER_GENITIVE_GAP.fullmatch(s[firms[i - 1].end:b.start]) and _ACQUIRED_NOUN.match(s, b.end):
                a = firms[i - 1]
            elif i > 0 and (hit := _ACQUIRER_RELATIVE.match(s, firms[i - 1].end)) is not None and hit.end() == b.start:
                a = firms[i - 1]
            elif i > 0 and (hit := _ACQUIRER_ANNOUNCED.match(s, firms[i - 1].end)) is not None and hit.end() == b.start:
                self._add_link(firms[i - 1], "acquired", b, f"{self.prefix}:acquisition-announced", loc, sources,
                               s[firms[i - 1].start:b.end + 8], qualifiers=("planned",))  # to be done: a planned link
            if a is not None:
                self._add_link(a, "acquired", b, f"{self.prefix}:acquisition", loc, sources, s[a.start:b.end + 8])


_MAKER_PROPS = ("designedBy", "developedBy", "offeredBy")


def settle_own_lists(ex: Extraction) -> None:
    """A thing in an organisation's list of its own ("구글은 자체 … 단말기(<X>)", "자체의 플랫폼 (<X>·<Y>)") is
    designed, developed or offered by it as the own-list reader says by the thing's class; another reader's
    maker link of the same pair on the same line (a clause keyword such as "개발" that belongs to another
    item of the list) yields to it."""
    own = {(f.subject, str(f.obj), f.location.line_start): f.predicate for f in ex.facts
           if f.rule.endswith(":own-list") and f.predicate in _MAKER_PROPS}
    if own:
        ex.facts[:] = [f for f in ex.facts if f.predicate not in _MAKER_PROPS or f.rule.endswith(":own-list")
                       or own.get((f.subject, str(f.obj), f.location.line_start), f.predicate) == f.predicate]
