"""More organisation links read in a sentence by Korean constructions, beside ``text_links``:
rival products ("경쟁 모델(Claude, Gemini)", "GPT-4.1 등 경쟁 모델"), alternatives and challengers
("CUDA의 대체재인 CANN", "NVLink에 대항하는 표준인 UALink", a cell "H20 대체" in the row of a chip) and
home countries given to a list ("유럽의 거인들(SAP와 엑센추어)", "A, B 등 (미국 기업)", "PIF (사우디)").

Each construction is its own rule (``text:<frame>:<how>``) so the precision gate judges each alone.
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.education import came_from
from petaflop.extract.facts import Location
from petaflop.extract.name_maker import maker_prefix
from petaflop.extract.name_parent import part_parent, surface_parent
from petaflop.extract.node_foundry import written_in
from petaflop.extract.person_moves import person_moves
from petaflop.extract.resolve import is_a
from petaflop.extract.text_acquired_lists import listed_acquisitions
from petaflop.extract.text_annual_multiple import annual_multiples
from petaflop.extract.text_bare_title import bare_title_leads, note_row_org
from petaflop.extract.text_builders import builder_links
from petaflop.extract.text_chosen_over import chosen_over
from petaflop.extract.text_data_sources import data_sources
from petaflop.extract.text_event_places import event_places
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_links import _the_firm
from petaflop.extract.text_owned import OwnedFrames
from petaflop.extract.text_person_genitive import person_genitives
from petaflop.extract.text_platform import platform_offers
from petaflop.extract.text_procure import ProcureFrames
from petaflop.extract.text_programme import add_programme_members
from petaflop.extract.text_role_firms import industry_lists, segment_appositives
from petaflop.extract.text_surpass import add_surpassed
from petaflop.extract.title_slide_people import slide_title_people

# things that compete as things (a model with a model, a chip with a chip…), and organisations
_KINDS = ("AIModel", "AIProduct", "Hardware", "SoftwarePlatform", "NetworkTechnology", "ScaleUpInterconnect",
          "ScaleOutNetwork", "Alliance", "Organization", "ComputeCluster")
_HOMES = ("Country", "Region")
_PARTS = ("AIProduct", "SoftwarePlatform")  # what a named part of a model or product is typed as

# "경쟁 모델(A, B)", "경쟁 모델인 A", "A 등 경쟁 모델": the word of a rival thing
# "A, B 등 모든 경쟁자를 제치고": the bare word for rivals, read as things when the listed ones are things
_RIVAL_THING = re.compile(r"경쟁\s?(?:모델|제품|칩|플랫폼|서비스)(?:들)?|경쟁자(?:들)?")
# before the word: "등", then at most a word of scope ("A, B 등 모든 경쟁자")
_RIVAL_LIST_END = re.compile(r"\s?등\s?(?:(?:모든|다른|주요|기존)\s)?$")
_SEP = re.compile(r"\s?(?:,|·|/|및|와|과|나|이나)\s?")
_QUOTES = " '‘’“”\""
# "<A>의 대체재인 <B>", "<A>에 대항하는 표준인 <B>", "<A>에 대항할, <B>"
_ALTERNATIVE = re.compile(r"\)?['’”\"]?\s?의\s(?:대체재|대안|대항마)(?:인|로서|으로서)\s?['‘“\"]?")
_CHALLENGER = re.compile(r"\)?['’”\"]?\s?(?:에\s?(?:대항|맞서)(?:하는|할|한)|"
                         # the comitative sibling: "<A>(녹색)와 경쟁 모델인 <B>", "<A>과 경쟁하는 칩인 <B>"
                         r"(?:\([^()]{0,12}\))?\s?(?:와|과)\s경쟁(?:하는)?(?=\s?(?:모델|제품|칩|플랫폼|표준)))"
                         r"\s?,?\s?(?:[가-힣A-Za-z]{1,8}(?:인|으로서|로서)\s)?['‘“\"]?")
# a cell naming what the row's thing replaces: "H20 대체", "A100 일부 대체"
_REPLACES_CELL = re.compile(r"\s?(?:일부\s?|부분\s?)?대체\s?$")
# a cell opening with what the row's thing is set against: "<A> 대응 …", "<A>에 대항" (a word of its own after)
_COUNTERS_CELL = re.compile(r"['’”\"]?\s?(?:에\s?)?(?:대응|대항|맞대응)(?:마|책|용)?(?=\s|,|$)")

# "<home> [의] [words] 기업들(A, B 등)": a word of organisations, then the listed organisations
_ORG_WORD = r"(?:기업|업체|빅테크|거인|회사|스타트업|테크\s?기업|IT\s?기업)(?:들)?"
_HOME_LIST_GAP = re.compile(r"\s?(?:의\s?)?(?:[가-힣A-Za-z]{1,6}\s){0,2}" + _ORG_WORD + r"\s?\(\s?")
_HOME_NOTE_BEFORE = re.compile(r"^\s?(?:등\s?)?\(\s?$")
_HOME_NOTE_AFTER = re.compile(r"^\s?" + _ORG_WORD + r"\s?\)")
_PAREN_ONLY = re.compile(r"^\s?\(\s?$")
# "마이크로소프트와 같은 미국 기업에": the note construction written as a likeness ("such as A, firms of <home>")
_SUCH_AS_BEFORE = re.compile(r"^['’”\"]?\s?(?:와|과)\s같은\s$")
_SUCH_AS_AFTER = re.compile(r"^\s?" + _ORG_WORD + r"(?=[에의을를이가은는과와도]|\s|$)")

# "엔비디아 VS 테슬라", "배터리(BESS) vs 디젤 발전", "X cost competitive vs Y": two things of a kind set against
# each other (a power source with a power source, too); "A vs B … 비교" titles a comparison, which states no rivalry
_VERSUS = re.compile(r"\)?\s?(?:\([^)]{0,20}\))?\s(?:(?:cost\s)?competitive\s)?(?:vs\.?|VS\.?)\s")
_VERSUS_KINDS = (*_KINDS, "PowerTechnology|PowerAsset")
_COMPARISON_AFTER = re.compile(r"[^.]{0,40}비교")
# "UALink마저 핵심 멤버인 브로드컴", "NATO의 회원국인 프랑스": the member named after the word
_MEMBER_GAP = re.compile(r"\)?['’”\"]?\s?(?:의|마저|도)?\s(?:핵심|주요|창립|창설|초기|정식)?\s?"
                         r"(?:멤버|회원사|회원국|일원)(?:인|이자|으로서|로서)\s?['‘“\"]?")
# a chart of a product's customers: "NVL72 랙 시스템의 주력 고객사들 비중 추정" (its legend names them)
_CUSTOMER_CHART = re.compile(r"\s?(?:[가-힣A-Za-z]{1,6}\s){0,2}?[가-힣A-Za-z]{0,6}의\s(?:주력\s|주요\s|핵심\s)?"
                             r"(?:고객사|고객|구매자|수요처)(?:들)?(?:별)?\s(?:비중|점유율|구성|분포|물량)")
_LEGEND_MARK = re.compile(r"[■□●○▲◆]")
# "A(…), B(…)로부터 데이터를 받을", "엔비디아로부터 IP를 제공받아", "B로부터 칩을 구매": what the clause's firm
# receives (supplied by) or buys (a customer of) from the organisations marked with 로부터
_FROM = re.compile(r"(?:\([^)]{0,80}\))?['’”\"]?\s?(?:으로부터|로부터)\s")
_RECEIVE = re.compile(r"(?:[^\s.,;]{1,10}\s){0,3}?[^\s.,;]{0,10}?(?:을|를)?\s?(?:[가-힣]{1,3}\s)?"
                      r"(구매|구입|사들|(?:공급|제공)\s?받|받|조달|수입)")
_FROM_SEP = re.compile(r"(?:\([^)]{0,80}\))?['’”\"]?\s?(?:,|·|와|과|및)\s?")
# "<person>은 칭화대/카네기멜론, 前 메타/구글브레인 출신": a person's former places
_FORMER_SEP = re.compile(r"\s?(?:,|·|/|및|와|과)\s?(?:前\s?|전\s)?")
# a note after a person's name: "카파시(OpenAI 공동창립자 / 테슬라 AI 디렉터)", "주신위 - 前 카카오브레인·답마인드
# 연구원": organisations, each with at most a few words and a title of staff (not a head: "CEO" leads)
_NOTE_OPEN = re.compile(r"\s?(?:\(|[-–]\s)\s?(?:前\s?|전\s)?")
_NOTE_TITLE = (r"(?:(?:공동\s?)?(?:창업자|창립자|설립자)|연구원|디렉터|엔지니어|교수|부사장|임원|총괄|CTO|CFO|COO|"
               r"수석\s?과학자|헤드)")
#: a founder's title: a founding link, no current affiliation ("OpenAI 공동창립자": the founder may have left)
_FOUNDER = re.compile(r"(?:공동\s?)?(?:창업자|창립자|설립자|창시자)")
_NOTE_AFTER_ORG = re.compile(r"(?:의)?\s?(?:[가-힣A-Za-z]{1,8}\s){0,2}(?:" + _NOTE_TITLE + r")?\s?(?:·|/|,|및|&)?\s?(?:前\s?)?")


def _kind(t: str) -> str | None:
    return next((k for k in _KINDS if is_a(t, k)), None)


def _versus_kind(t: str) -> str | None:
    return next((k for k in _VERSUS_KINDS if any(is_a(t, c) for c in k.split("|"))), None)


def _is_org(m: Mention_) -> bool:
    return is_a(m.type, "Organization") and not any(is_a(m.type, h) for h in _HOMES)


class RivalFrames(OwnedFrames, ProcureFrames):
    """The frames; needs ``self.ex``, ``self.res`` and ``self.prefix`` (the TextReader's)."""

    def _more_links(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                    sources: tuple[str, ...]) -> None:
        self._rival_things(s, mentions, topic, loc, sources)
        self._owned_links(s, mentions, loc, sources)
        listed_acquisitions(self, s, mentions, topic, loc, sources)
        event_places(self, s, mentions, loc, sources)
        self._alternatives(s, mentions, topic, loc, sources)
        self._home_lists(s, mentions, loc, sources)
        self._name_parents(s, mentions, loc, sources)
        self._versus(s, mentions, loc, sources)
        self._members(s, mentions, loc, sources)
        self._alumni(s, mentions, loc, sources)
        self._person_notes(s, mentions, loc, sources)
        self._received_from(s, mentions, topic, loc, sources)
        data_sources(self.ex, s, mentions, topic, loc, sources)  # "A나 B의 데이터를 사용" (text_data_sources.py)
        platform_offers(self.ex, s, mentions, topic, loc, sources)  # "F 같은 플랫폼에서 사용 가능" (text_platform.py)
        builder_links(self.ex, s, mentions, loc, sources)
        person_genitives(self.ex, s, mentions, loc, sources)  # "조니 아이브의 스타트업 'io'"
        person_moves(self.ex, s, mentions, loc, sources)  # "<person>이 A에서 B로 이직" (person_moves.py)
        add_surpassed(self, s, mentions, topic, loc, sources, _kind)
        chosen_over(self.ex, s, mentions, _kind, loc, sources)  # "A/B보다 C 선택"
        self._procurements(s, mentions, topic, loc, sources)
        bare_title_leads(self, s, mentions, topic, loc, sources)  # "… IgniteTech는 …. CEO 에릭 보건은"
        slide_title_people(self, s, mentions, loc, sources)  # a slide on one firm: "CFO <person>가" (title_slide_people.py)
        segment_appositives(self, s, mentions, loc, sources)  # "신형 클라우드 업체인 CoreWeave"
        industry_lists(self, s, mentions, topic, loc, sources)  # "A, B, C 등 핵심 산업에 침투"
        add_programme_members(self.ex, s, mentions, topic, loc, sources)  # "A와 B, 그리고 C가 거론"
        annual_multiples(self.ex, s, mentions, loc, sources, self.prefix)  # "훈련 연산량(연간 4.5배 증가)"

    def _note_row_org(self, row: Mention_ | None, loc: Location) -> None:
        note_row_org(self, row, loc)  # "팔란티어 | 공동창업자 <person>은 …" (text_bare_title.py)

    def read_name_cell(self, text: str, loc: Location, sources: tuple[str, ...]) -> None:
        """A table cell that names organisations with a note ("A, B 등 (미국 기업)", "MGX / PIF (사우디)",
        "GUC (TSMC 자회사)", "사우디 DataVolt", "양즈린 - 前 알리바바 연구원"): the frames that name both ends
        within the cell — home countries, parents, a person's note — read whatever column the cell stands
        in (the same rules as in prose)."""
        if not text or len(text) > 200:
            return
        mentions = self._mentions(text)
        self.read_storage_label(text, mentions, loc, sources)  # type: ignore[attr-defined]  # text_power.py
        if len(mentions) < 2:
            return
        self._home_countries(text, mentions, loc, sources)
        self._home_lists(text, mentions, loc, sources)
        self._parents(text, mentions, loc, sources)
        self._person_notes(text, mentions, loc, sources)

    @staticmethod
    def _listed(s: str, ms: list[Mention_], first: int, stop: int) -> list[Mention_]:
        """The mentions between ``first`` and ``stop`` when they are a plain list (names and separators)."""
        inside = [m for m in ms if m.start >= first and m.end <= stop]
        if not inside or s[first:inside[0].start].strip(_QUOTES) != "" \
                or s[inside[-1].end:stop].strip(_QUOTES) not in ("", "등"):
            return []
        for a, b in itertools.pairwise(inside):
            if not _SEP.fullmatch(s[a.end:b.start].strip(_QUOTES) or "-"):
                return []
        return inside

    def _rival_things(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                      sources: tuple[str, ...]) -> None:
        """"Grok 4는 … 경쟁 모델(Claude, Gemini)을 압도", "(Opus 4, Sonnet 4)이 GPT-4.1 등 경쟁 모델을":
        the listed things compete with the clause's topic or subject of the same kind."""
        for w in _RIVAL_THING.finditer(s):
            after = re.match(r"(?:인|으로서|로서)?\s?\(?\s?['‘“\"]?", s[w.end():]).group(0)
            rivals: list[Mention_] = []
            if after.strip():
                close = s.find(")", w.end()) if "(" in after else -1
                stop = close if close > 0 else next((m.end for m in mentions if m.start >= w.end()), w.end())
                rivals = self._listed(s, mentions, w.end() + len(after), stop)
                if close < 0:
                    rivals = rivals[:1]
            else:
                before = _RIVAL_LIST_END.search(s[:w.start()])
                if before:
                    rivals = [m for m in mentions if m.end <= before.start()]
                    out: list[Mention_] = []
                    for m in reversed(rivals):
                        end = out[0].start if out else before.start()
                        gap = s[m.end:end]
                        if (out and not _SEP.fullmatch(gap)) or (not out and gap.strip()):
                            break
                        out.insert(0, m)
                    rivals = out
            kinds = {_kind(r.type) for r in rivals}
            if not rivals or len(kinds) != 1 or None in kinds or "Organization" in kinds:
                continue
            kind = kinds.pop()
            owners = [m for m in mentions if m.end <= w.start() and m.role in ("topic", "subject")
                      and m not in rivals and _kind(m.type) == kind]
            if not owners and topic is not None and _kind(topic.type) == kind:
                owners = [topic]
            owners = self._paren_owners(s, mentions, owners, kind) or \
                (owners[-1:] if len({o.entity for o in owners}) == 1 else [])
            for o in owners:
                for r in rivals:
                    self._add_link(o, "competesWith", r, f"{self.prefix}:rival-thing", loc, sources,
                                   s[max(0, w.start() - 30):w.end() + 30])

    @staticmethod
    def _paren_owners(s: str, mentions: list[Mention_], owners: list[Mention_], kind: str) -> list[Mention_]:
        """"주력 모델(Opus 4, Sonnet 4)이": the owners listed together in one parenthesis, else none."""
        if not owners:
            return []
        last = owners[-1]
        close = s.rfind("(", 0, last.start)
        group = [m for m in mentions if close >= 0 and close < m.start <= last.start and _kind(m.type) == kind]
        if close < 0 or not group or s[close + 1:group[0].start].strip() or not re.match(r"\s?\)", s[last.end:]):
            return []
        return group

    def _alternatives(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                      sources: tuple[str, ...]) -> None:
        """"CUDA의 대체재인 CANN", "NVLink에 대항하는 표준인 UALink", "MS-OpenAI에 대항할, 아마존-Anthropic
        동맹": the thing named after competes with the one named before (of the same kind); a table cell
        "H20 (일부) 대체" names what the row's thing competes with."""
        for a, b in itertools.pairwise(mentions):
            gap = s[a.end:b.start]
            how = "alternative" if _ALTERNATIVE.fullmatch(gap) else "challenger" if _CHALLENGER.fullmatch(gap) else ""
            if how and _kind(a.type) is not None and _kind(a.type) == _kind(b.type):
                self._add_link(b, "competesWith", a, f"text:{how}", loc, sources, s[a.start:b.end])
        if self.prefix != "text-cell" or topic is None or not mentions:
            return
        m = mentions[0]  # the cell's first name, opening it (a quote at most before it)
        if len(mentions) > 1 and _is_org(m) and s[m.end:mentions[1].start] == " " and not _is_org(mentions[1]):
            m = mentions[1]  # "OpenAI Stargate 대응": the firm a modifier of the thing it names
        if s[:mentions[0].start].strip() not in ("", "'", "‘", "“", '"') or _kind(m.type) is None or _kind(m.type) != _kind(topic.type):
            return
        if len(mentions) == 1 and _REPLACES_CELL.fullmatch(s[m.end:]):
            # the same frame as "<A>의 대체재인 <B>": one rule, judged with its sibling phrasing
            self._add_link(topic, "competesWith", m, "text:alternative", loc, sources, s)
        elif _COUNTERS_CELL.match(s, m.end):
            # the same frame as "<A>에 대항하는 <B>", the row's thing the challenger: one rule with it
            self._add_link(topic, "competesWith", m, "text:challenger", loc, sources, s)

    def _home_lists(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"유럽의 거인들(SAP와 엑센추어)", "중국 빅테크(알리바바·텐센트 등)": the listed organisations are of
        the place named before the word of organisations; "A, B 등 (미국 기업)": of the place in the note;
        "PIF (사우디)": of the place alone in the parenthesis after it."""
        for i, m in enumerate(mentions):
            home = self._home_of(s, m)
            if home is None:
                continue
            gap = re.match(_HOME_LIST_GAP.pattern, s[m.end:]) if home is m else re.match(r"\s?\(\s?", s[m.end:])
            if gap is not None and (home is m or re.fullmatch(_ORG_WORD, s[m.start:m.end].split()[-1])):
                close = s.find(")", m.end)
                listed = self._listed(s, mentions, m.end + gap.end(), close if close > 0 else len(s))
                if listed and all(_is_org(x) for x in listed):
                    for x in listed:
                        self._add_link(x, "headquarteredIn", home, "text:home-country:list", loc, sources,
                                       s[m.start:close + 1])
                continue
            if home is not m or not (_HOME_NOTE_AFTER.match(s[m.end:]) or _SUCH_AS_AFTER.match(s[m.end:])):
                continue
            before = [x for x in mentions[:i] if x.end <= m.start]
            note = _HOME_NOTE_BEFORE if _HOME_NOTE_AFTER.match(s[m.end:]) else _SUCH_AS_BEFORE
            if not before or not note.match(s[before[-1].end:m.start]):
                continue
            listed = [before[-1]]
            for x in reversed(before[:-1]):
                if not _SEP.fullmatch(s[x.end:listed[0].start]):
                    break
                listed.insert(0, x)
            if all(_is_org(x) for x in listed):
                for x in listed:
                    self._add_link(x, "headquarteredIn", m, "text:home-country:note", loc, sources,
                                   s[listed[0].start:m.end + 6])
        self._home_parens(s, mentions, loc, sources)

    def _home_parens(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"PIF (사우디)": a place alone in the note after a name — the note construction of
        "A, B 등 (미국 기업)", judged with it (rule ``text:home-country:note``)."""
        for a, b in itertools.pairwise(mentions):
            if _is_org(a) and any(is_a(b.type, h) for h in _HOMES) and _PAREN_ONLY.match(s[a.end:b.start]) \
                    and re.match(r"\s?\)", s[b.end:]):
                self._add_link(a, "headquarteredIn", b, "text:home-country:note", loc, sources, s[a.start:b.end + 1])

    def _home_of(self, s: str, m: Mention_) -> Mention_ | None:
        """The place a mention names: a country or region, or the country heading a segment ("중국 빅테크")."""
        if any(is_a(m.type, h) for h in _HOMES):
            if m.start > 0 and re.search(r"[가-힣A-Za-z]$", s[:m.start]):
                return None
            return m
        if not is_a(m.type, "MarketSegment"):
            return None
        words = s[m.start:m.end].split()
        ent = self.res.gaz.lookup(words[0]) if len(words) > 1 else None
        if ent is None or not any(is_a(ent.type, h) for h in _HOMES):
            return None
        return Mention_(self.res.record(ent), ent.type, m.start, m.start + len(words[0]), "")

    def _name_parents(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"메타 초지능 연구소(MSL)", "아마존 AWS", "오라클의 DC 인프라인 OCI": an organisation whose own name
        is another firm's name and more words ("Meta Superintelligence Labs", "Amazon Web Services") is
        part of that firm — when the sentence writes the firm too, beside the name."""
        gaz = self.res.gaz
        for m in mentions:
            whole = part_parent(s[m.start:m.end], gaz, m.entity) if any(is_a(m.type, c) for c in _PARTS) else None
            if whole is not None:  # "GPT-4o 음성 기능": a named part of the model written before it (name_parent.py)
                self._add_link(m, "partOf", Mention_(self.res.record(whole), whole.type, m.start, m.end, ""),
                               "text:name-parent:part", loc, sources, s[max(0, m.start - 20):m.end + 10])
            if not _is_org(m) or any(is_a(m.type, c) for c in ("Alliance", "Partnership")):
                continue
            ent = gaz.by_id(m.entity)
            parent = maker_prefix(ent.name_en, gaz, ent.id) if ent is not None and ent.name_en else None
            if parent is None or not written_in(parent, s[:m.start] + " " + s[m.end:]):
                parent = surface_parent(s[m.start:m.end], m.type, gaz, m.entity)  # "백악관 과학기술정책실"
            if parent is None:
                continue
            self._add_link(m, "partOf", Mention_(self.res.record(parent), parent.type, m.start, m.end, ""),
                           "text:name-parent", loc, sources, s[max(0, m.start - 20):m.end + 10])

    def _versus(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"엔비디아 VS 테슬라", "xAI vs OpenAI": two organisations (or things of one kind) set against
        each other compete."""
        for a, b in itertools.pairwise(mentions):
            if _VERSUS.fullmatch(s[a.end:b.start]) and _versus_kind(a.type) is not None \
                    and _versus_kind(a.type) == _versus_kind(b.type) and not _COMPARISON_AFTER.match(s, b.end):
                self._add_link(a, "competesWith", b, "text:versus", loc, sources, s[a.start:b.end])

    def _members(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"UALink마저 핵심 멤버인 브로드컴": the organisation described as a member is a member of the
        group (an alliance, a standard's consortium…) named before the word."""
        for a, b in itertools.pairwise(mentions):
            if _MEMBER_GAP.fullmatch(s[a.end:b.start]) and is_a(b.type, "Organization") \
                    and _is_org(a) and not is_a(a.type, "Person"):
                self._add_link(b, "memberOf", a, "text:member:described", loc, sources, s[a.start:b.end])

    def _alumni(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"창업자 양즈린은 칭화대/카네기멜론, 前 메타/구글브레인 출신": the organisations listed before
        "출신" are the person's (the person is the clause's topic or subject)."""
        for w in re.finditer(r"\s?출신(?![가-힣])", s):
            listed: list[Mention_] = []
            end = w.start()
            for m in reversed([m for m in mentions if m.end <= end]):
                gap = s[m.end:end]
                if (listed and not _FORMER_SEP.fullmatch(gap)) or (not listed and gap.strip()):
                    break
                listed.insert(0, m)
                end = m.start
            if not listed or not all(_is_org(m) for m in listed):
                continue
            people = [m for m in mentions if m.end <= listed[0].start and m.role in ("topic", "subject")
                      and is_a(m.type, "Person")]
            if len({p.entity for p in people}) != 1 or re.search(r"[.;]\s", s[people[-1].end:listed[0].start]):
                continue
            for m in listed:
                self._add_link(people[-1], came_from(m.type), m, "text:alumnus", loc, sources,
                               s[people[-1].start:w.end()])

    def _person_notes(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"안드레 카파시(OpenAI 공동창립자 / 테슬라 AI 디렉터)", "양즈린(杨植麟) - 前 알리바바·Tsinghua NLP
        연구원": the organisations of the note after a person's name, each with a title of staff, are the
        person's (now or before). An organisation whose only title is a founder's ("OpenAI 공동창립자") is read by a rule
        of its own (``text:person-note:founder``): a founding says nothing of now, the founder may have left."""
        for i, p in enumerate(mentions):
            if not is_a(p.type, "Person"):
                continue
            pos, j = p.end, i + 1
            own = re.match(r"\s?\([^()]{0,20}\)", s[pos:])  # the name again: "양즈린(杨植麟·CEO)"
            if own and not any(pos <= m.start < pos + own.end() and m.entity != p.entity for m in mentions):
                pos += own.end()
            while j < len(mentions) and mentions[j].start < pos:
                j += 1
            op = _NOTE_OPEN.match(s, pos)
            if op is None:
                continue
            close = s.find(")", op.end()) if "(" in op.group(0) else -1
            nxt = next((m.start for m in mentions[j:] if is_a(m.type, "Person") and m.entity != p.entity), len(s))
            end = close if close >= 0 else nxt
            inside = [m for m in mentions[j:] if m.start >= op.end() and m.end <= end]
            if not inside or not re.fullmatch(r"(?:[가-힣A-Za-z]{1,8}\s)?", s[op.end():inside[0].start]) \
                    or not all(_is_org(m) for m in inside) \
                    or not re.search(_NOTE_TITLE, s[op.end():end]) or end - op.end() > 60:
                continue
            if not all(_NOTE_AFTER_ORG.fullmatch(s, a.end, b.start) for a, b in itertools.pairwise(inside)) \
                    or not _NOTE_AFTER_ORG.fullmatch(s, inside[-1].end, end):
                continue
            for m, till in zip(inside, [n.start for n in inside[1:]] + [end], strict=True):
                title = s[m.end:till]  # the organisation's own title, up to the next organisation
                founder = _FOUNDER.search(title) and not re.search(_NOTE_TITLE, _FOUNDER.sub("", title))
                self._add_link(p, "affiliatedWith", m, "text:person-note:founder" if founder else "text:person-note",
                               loc, sources, s[p.start:end + 1])

    def legend_customers(self, caption: str, texts: list[str], loc: Location, sources: tuple[str, ...]) -> None:
        """A chart captioned as a product's customers' shares ("NVL72 랙 시스템의 주력 고객사들 비중") whose
        legend ("■ 마이크로소프트 ■ 메타 ■ xAI/테슬라") names organisations: each procures the product."""
        ms = self._mentions(caption)
        thing = next((m for m in reversed(ms) if _CUSTOMER_CHART.match(caption, m.end)
                      and any(is_a(m.type, c) for c in ("Hardware", "AIProduct", "SoftwarePlatform"))), None)
        if thing is None:
            return
        gaz = self.res.gaz
        for text in texts:
            if not _LEGEND_MARK.search(text):
                continue
            for label in _LEGEND_MARK.split(text):
                for name in (n.strip() for n in label.split("/")):
                    org = gaz.lookup(name) if name else None
                    if org is None or not is_a(org.type, "Organization") or any(is_a(org.type, h) for h in _HOMES):
                        continue
                    buyer = Mention_(self.res.record(org), org.type, -1, -1, "")
                    self._add_link(buyer, "procures", thing, "figure:customer-legend:procures", loc, sources,
                                   f"{caption[thing.start:thing.end]} ← {name}")

    def _received_from(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                       sources: tuple[str, ...]) -> None:
        """"(xAI는 …) X(…), 테슬라(…)로부터 고품질 데이터를 받을", "이들은 아마존으로부터 칩을 구매": the
        clause's firm (its topic or subject, else the sentence's) is supplied by (받다, 공급받다, 조달, 수입)
        or a customer of (구매, 구입) the organisations marked with 로부터."""
        orgs = [m for m in mentions if _is_org(m) and s.count("(", 0, m.start) <= s.count(")", 0, m.start)]
        for i, m in enumerate(orgs):
            hit = _FROM.match(s, m.end)
            verb = _RECEIVE.match(s, hit.end()) if hit else None
            if verb is None or re.search(r"[.;]", s[hit.end():verb.end()]):
                continue
            listed = [m]
            for x in reversed(orgs[:i]):
                if not _FROM_SEP.fullmatch(s[x.end:listed[0].start]):
                    break
                listed.insert(0, x)
            giver_after = next((x for x in mentions if x.start >= verb.end()), None)
            if giver_after is not None and re.fullmatch(r"[가-힣]{0,2}\s?", s[verb.end():giver_after.start]):
                continue  # "…로부터 칩을 공급받는 Anthropic": the receiver named after (text:supply:from)
            firm, how = _the_firm(mentions, listed, topic)
            if firm is None:
                continue
            prop = "customerOf" if verb.group(1) in ("구매", "구입", "사들") else "suppliedBy"
            for x in listed:
                self._add_link(firm, prop, x, f"{self.prefix}:received-from:{how}", loc, sources,
                               s[x.start:verb.end()])
