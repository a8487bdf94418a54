"""Links between organisations and their products read in a sentence by Korean constructions:
whose product a described thing is ("엔비디아의 자체 제품인 X"), an organisation's home country
("중국의 딥시크", "미국 기업 X"), its rivals ("경쟁사인 X, Y", "X 등 경쟁사", "X와 경쟁"), its parent
("X의 자회사 Y", "Y (X 자회사)", "X 산하의 Y", "Y(약칭: X 산하의 …)") and its partners ("X와 Y의 파트너십", "X와 협력").

Mixed into the TextReader beside the frames of ``text_frames``; each construction is its own rule
(``text:<frame>:<how>``) so the precision gate judges each alone. A frame that names both ends (a
genitive, a modifier, a parenthetical) has the same rule in prose and in table cells, as the genitive
frame has; a frame that takes one end from the topic is ``text-cell:`` in a cell (the row's entity).
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.genitive_list import genitive_list
from petaflop.extract.name_maker import maker_prefix
from petaflop.extract.node_foundry import written_in
from petaflop.extract.resolve import is_a
from petaflop.extract.text_adopt import adoptions
from petaflop.extract.text_alliance import add_alliance_members
from petaflop.extract.text_demand_share import demand_shares
from petaflop.extract.text_frames import HOW, Mention_, clause_starts_of
from petaflop.extract.text_invest_relative import relative_investments
from petaflop.extract.text_partner_pairs import partner_pairs

_FIRMS = ("Firm", "AILab")
_MADE = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform", "ChipArchitecture", "ScaleUpInterconnect",
         "ScaleOutNetwork")

# "<A>의 [자체|최신…] <what it is>인 <B>": the head noun says B is a made thing (a product, a model…)
_THING = (r"(?:제품|모델|기술|칩|시스템|플랫폼|서비스|솔루션|소프트웨어|프레임워크|규격|가속기|GPU|ASIC|브랜드|챗봇|"
          r"에이전트|엔진|LLM|라이브러리|툴킷|스위치|인터커넥트|아키텍처|로봇|앱)")
_DESCRIBED_GAP = re.compile(r"\)?['’”\"]?\s?의\s(?:[가-힣A-Za-z0-9·\-]{1,10}\s){0,3}[가-힣A-Za-z]{0,8}" + _THING
                            + r"(?:(?:인|이라는|라는|으로서|로서)\s?['‘“\"(]?|\s?\(\s?['‘“\"]?)")
_PLAIN_GENITIVE = re.compile(r"\)?['’”\"]?\s?(?:의)\s?['‘“\"]?(?:[가-힣]{1,4}\s)?['‘“\"]?")

# a home country: "<country>의 <org>" or "<country> [AI|반도체…] [기업|업체|스타트업] <org>"
_HOME_GENITIVE_GAP = re.compile(r"\s?의\s?['‘“\"]?")
_HOME_MODIFIER_GAP = re.compile(r"\s(?:(?:AI|IT|테크|반도체|빅테크)\s?)?(?:(?:기업|업체|스타트업|회사)\s)?")
# "<country>의 AI 업체인 <org>", "<country> 최대 쿼트 헤지펀드 '<org>'": described by a noun of organisations
_HOME_DESCRIBED_GAP = re.compile(r"(?:\s?의)?\s(?:[가-힣A-Za-z]{1,8}\s){0,3}[가-힣]{0,6}"
                                 r"(?:업체|기업|스타트업|회사|펀드|커뮤니티|연구소|기관)(?:인|이자)?\s['‘“\"]?")
# a body that governs or serves a region ("북미 전력 규제기관인 NERC"): the region is its jurisdiction, not its seat
_GOVERNING_GAP = re.compile(r".*(?:기관|당국|위원회|협회|기구)(?:인|이자)?\s['‘“\"]?")
# what may follow the organisation: a particle, a list mark, a bracket, a quote, "등", end of clause
_HOME_AFTER = re.compile(r"^(?:\s?(?:\([^)]{0,30}\))?['’”\"]?\s?(?:社|사)?(?:은|는|이나|이|가|을|를|와|과|나\s|의|도|에|에서|,|·|\)|\(|등|\s관련|$))")
# a metaphor or comparison, not a home: "중국의 엔비디아로 불림", "중국의 웨이모라고 불렸던"
_METAPHOR = re.compile(r"^\s?['’”\"]?\s?(?:\([^)]{0,30}\))?['’”\"]?\s?(?:이?라고|이?라\s?불|로\s?불|으로\s?불|처럼|같은|와\s?같|과\s?같|급|판)")

# rivals
_RIVAL_WORD = re.compile(r"경쟁\s?(?:사|자|업체|기업)|라이벌")
_RIVAL_VERB = re.compile(r"(?:등)?\s?(?:과|와)\s?(?:(?:직접|정면|치열하게|본격)\S*\s)?경쟁(?!사|자|력|업체|기업|우위|구도|\s?우위)")
_PARTNER_NOUN = re.compile(r"파트너(?:사|社)?(?:들)?(?!십)")
_CUSTOMER_NOUN = re.compile(r"고객사(?:들)?")
_CUSTOMER_VERB = re.compile(r"(?:등)?\s?(?:[가-힣/]{1,6}\s)?(?:[가-힣/]{1,6})?(?:을|를)\s(?:주요\s)?고객으로"
                            # "NIH, NHS와 같은 공공 분야로 고객을 확장": the names the customer base grew into
                            r"|(?:등|와\s?같은|과\s?같은)\s(?:[가-힣/]{1,6}\s){0,2}?[가-힣/]{0,6}?(?:으로|로)\s(?:[가-힣]{1,4}\s)?"
                            r"고객(?:을|층을)\s(?:확장|확대|넓)")
_LIST_SEP = re.compile(r"\s?(?:,|·|/|및|와|과|나|이나|는 물론,?|뿐만 아니라,?|\s)\s?")
_OWNER_GAP = re.compile(r"\)?['’”\"]?\s?의\s?(?:[가-힣]{1,5}\s){0,2}$")

# parents
_PARENT_BEFORE = re.compile(r"\)?['’”\"]?\s?(?:의\s?)?(?:자회사|산하|계열사)(?:인|의|이자)?\s?(?:[가-힣]{1,6}\s)?['‘“\"]?$")
# "GM은 로보택시 사업 “Cruise”를": a business of the firm, its name quoted after the word of business
_PARENT_BUSINESS = re.compile(r"\)?['’”\"]?\s?(?:은|는|의)?\s(?:[가-힣A-Za-z]{1,8}\s)?(?:사업부?|부문)\s?['‘“\"]")
_PARENT_NOTE = re.compile(r"^\s?\(\s?$")
_PARENT_NOTE_AFTER = re.compile(r"^\s?(?:의\s)?(?:자회사|산하|계열사)\s?\)")
# "라이프니츠 슈퍼컴퓨팅 센터(LRZ: 바이에른 과학 아카데미 산하의 …)": a gloss in the name's parenthesis
_PARENT_GLOSS = re.compile(r"^\s?\(\s?(?:[^():]{1,12}:\s?)?$")
_PARENT_GLOSS_AFTER = re.compile(r"^\s?(?:의\s)?(?:자회사|산하|계열사)(?:인|의|이자)?\s")

# partners
_PARTNER_WORD = r"(?:파트너십|협력|제휴|협업|동맹|공동\s?개발|합작)"
# the close of a list named before its noun: "A, B 등 고객사", "A, B 단 두 고객사", "A, B 등 3개 경쟁사"
# (a count of the names listed: the noun is theirs)
_LIST_CLOSE = re.compile(r"\s?(?:등\s?(?:의\s)?|(?:등\s|단\s)?(?:두|세|네|[2-9]\s?개)\s?)$")
_COUNTS = {"두": 2, "세": 3, "네": 4}
# "Anthropic의 API 매출 비중은 …": a block opening on a topic a firm owns (a few words, no aside)
_LEAD = re.compile(r"[\s\-•·*]*")
_TOPIC_OWNED = re.compile(r"\)?['’”\"]?\s?의\s(?:[^\s,.·'‘’“”()\[\]]{1,10}\s){0,3}[^\s,.·'‘’“”()\[\]]{1,10}(?:은|는)\s")
_COUNTERPART_NOUN = re.compile(r"경쟁|라이벌|파트너|고객|투자|자회사|계열|산하|주주|협력|공급|인수|CEO|대표|창업")


def _count_of(close: str) -> int:
    """The count a list's close states ("단 두" 2, "등 3개" 3), 0 for none."""
    m = re.search(r"(두|세|네|[2-9])", close)
    return 0 if m is None else _COUNTS.get(m.group(1)) or int(m.group(1))

_PAIR_TAIL = re.compile(r"^\)?['’”\"]?\s?(?:의|간의?|삼자간|양사\s?간의?|사이의?)?\s?(?:전략적\s|기술\s)?" + _PARTNER_WORD)
_WITH_TAIL = re.compile(r"^\)?['’”\"]?\s?(?:등)?\s?(?:과|와)(?:의)?\s?(?:(?:(?:전략적|기술|긴밀한?|공동)\s)?" + _PARTNER_WORD
                        # "A/B와 100MW 규모 프로젝트를 진행": a project carried out with them
                        + r"|(?:[^\s,.]{1,12}\s){0,2}(?:공동\s?)?(?:프로젝트|사업)(?:를|을)\s?(?:공동\s?)?(?:진행|추진|수행))")


# a foundry's process making chips: "<chips>(의 대부분)은 TSMC의 7nm 공정으로 제작"
_FAB_AFTER = re.compile(r"\)?['’”\"]?\s?(?:의)?\s?(?:[A-Za-z0-9+\-.]{1,10}\s?)?(?:\([^)]{0,12}\)\s?)?공정\s?(?:\([^)]{0,12}\)\s?)?"
                        r"(?:으로|로|에서|을 통해|를 통해)\s?(?:[가-힣]{1,4}\s)?(?:제작|생산|양산|제조|위탁\s?생산)")
# "X100 칩은 TSMC 3nm 기반.", "… X100 칩. TSMC 3nm(N3E 추정) 기반.": a chip built on a node (a nominal sentence)
_NODE_BASED = re.compile(r"\s?(?:\([^)]{0,12}\)\s?)?기반\s?(?:[.。]|$)")
# the sentence before a nominal "<node> 기반." that ends with the chip it is about ("… Tensor G5 칩.")
_CHIP_SENTENCE_END = re.compile(r"\)?['’”\"]?\s?(?:칩|칩셋|프로세서)?\s?\.\s?$")


# provisions: "<A>는 … <B>에 … 제공" (B is A's customer), "<B>에 <A>는 … 공급" (B is supplied by A),
# "<A>로부터 칩을 공급받는 <B>" (B is supplied by A)
_PROVIDE_VERB = re.compile(r"(제공|공급|납품)(?!받|망|량|과잉|부족|능력|업체|사)")
#: "A, B 등 첩보/방첩 기관에", "A와 같은 미국 기업에": a list closed by 등 (or one example "와 같은") and the kind
#: of its members, marked as the recipient
_KIND_PLACE = re.compile(r"(\s?등)?(?(1)|(?:와|과)\s?같은)\s(?:[가-힣/·]{1,8}\s){0,2}[가-힣/·]{1,8}(?:에게|에)\s")
_ABSTRACT_GIFT = re.compile(r"(?:기회|수익|혜택|효과|동력|근거|계기|모멘텀|시사점)(?:을|를)?\s?(?:[가-힣]{1,4}\s)?$")
_SUPPLIED_FROM = re.compile(r"(?:으로부터|로부터)\s(?:[가-힣A-Za-z0-9]{1,8}\s){0,2}?[가-힣A-Za-z0-9]{0,8}(?:을|를)?\s?공급받")
#: "<thing> 공급은 (이제) <A>와 <B>에 의존": the supply of the thing rests on the firms listed before "에 의존" (not
#: negated, nor a degree of reliance: "의존하지 않", "의존도")
_SUPPLY_OF = re.compile(r"['’”\")]?\s?공급(?:은|는|이|가|도|을|를)\s(?:[가-힣]{1,4}\s){0,2}?")
_RESTS_ON = re.compile(r"(?:\([^)]{0,30}\))?['’”\"]?\s?(?:등)?에\s?(?:[가-힣]{1,4}\s)?의존(?!도|하지|도\s?않|할\s?수)")

# a release by the clause's subject: "OpenAI가 오픈소스 모델 gpt-oss를 출시", "xAI는 Grok 4를 공개"
_RELEASED = re.compile(r"['’”\")]?\s?(?:\([^)]{0,20}\))?\s?"
                       # the thing's kind after its name: "CloudMatrix384 아키텍처를", "“Codex”라는 코딩 에이전트를"
                       r"(?:(?:이?라는\s(?:[가-힣A-Za-z]{1,8}\s){0,2}?|\s)[가-힣A-Za-z]{0,6}" + _THING + r")?"
                       r"(?:을|를)\s(?:[가-힣A-Za-z0-9]{1,8}\s){0,2}?"
                       r"(출시|공개|발표|선보|내놓|오픈소스로 공개|오픈소스화|만든|만들었)(?![가-힣]{0,2}\s?(?:예정|계획|목표|전망))")
#: a verb of making among them: its subject may be a person ("Chollet는 … 'Keras'를 만든 천재")
_MAKING_VERBS = ("만든", "만들었")

_RELEASABLE = ("AIModel", "AIProduct", "SoftwarePlatform", "Hardware", "MemoryTechnology", "ChipArchitecture",
               "NetworkTechnology")

# a group named by its members: "화웨이+SMIC 연합전선", "MS-OpenAI", "삼성전자 & 팔란티어"
_MEMBER_SPLIT = re.compile(r"\s?[+\-–·&/]\s?")

#: (the word, the verb, the property, the rule name, whether the listed names are the subjects)
_COUNTERPARTS = (
    (_RIVAL_WORD, _RIVAL_VERB, "competesWith", "rival", False),
    (_PARTNER_NOUN, None, "partnerOf", "partner-noun", False),
    (_CUSTOMER_NOUN, _CUSTOMER_VERB, "customerOf", "customer", True),
)


def _orgs(ms: list[Mention_]) -> list[Mention_]:
    return [m for m in ms if any(is_a(m.type, c) for c in _FIRMS)]


class LinkFrames:
    """The frames; needs ``self.ex``, ``self.lex`` and ``self.prefix`` (the TextReader's)."""

    def _links(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
               sources: tuple[str, ...]) -> None:
        if not getattr(self, "previous_sentence", ""):  # a block's first sentence: whose is the block
            self.block_owner = _opening_owner(s, mentions)
        self._described(s, mentions, loc, sources)
        self._home_countries(s, mentions, loc, sources)
        self._rivals(s, mentions, topic, loc, sources)
        self._parents(s, mentions, loc, sources)
        self._partners(s, mentions, topic, loc, sources)
        partner_pairs(self.ex, s, mentions, getattr(self, "previous_sentence", ""), loc, sources)  # "A는 B, C는 D"
        self._fabrication(s, mentions, loc, sources)
        self._provisions(s, mentions, topic, loc, sources)
        demand_shares(s, mentions, self._link, self.prefix, loc, sources)  # "A가 엔비디아 칩 수요의 30% 차지"
        self._releases(s, mentions, loc, sources)
        self._named_members(s, mentions, loc, sources)
        add_alliance_members(s, mentions, self._link, loc, sources)  # "미국과 중동의 페타플롭스 동맹"
        adoptions(s, mentions, loc, sources, self._link, self.prefix)
        relative_investments(self, s, mentions, loc, sources)  # "A가 투자한 <kind> B"

    def _link(self, subject: Mention_, prop: str, obj: Mention_, rule: str, loc: Location, sources: tuple[str, ...],
              raw: str) -> None:
        if subject.entity != obj.entity:
            self.ex.add(Fact(subject.entity, prop, obj.entity, True, loc, rule, sources, raw=raw[:60]))

    def _described(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"엔비디아의 자체 제품인 Quantum-X800", "팔란티어의 최첨단 AI 시스템인 “MSS”", "TeleTracking의
        운영 플랫폼(Operation IQ)": the thing described (or named in parentheses after the description)
        as the organisation's product is its work (designed or developed, by the classes)."""
        for a, b in itertools.pairwise(mentions):
            if a.role != "genitive" or not any(is_a(a.type, c) for c in ("Firm", "AILab", "ResearchInstitute")):
                continue
            gap = s[a.end:b.start]
            if _PLAIN_GENITIVE.fullmatch(gap) or not _DESCRIBED_GAP.fullmatch(gap):
                continue
            if not any(is_a(b.type, c) for c in _MADE) or re.search(r"경쟁\s?(?:사|자)|대체|대항", gap):
                continue
            entry = self.lex.genitive_for(a.type, b.type)
            if entry is None or entry.property not in ("designedBy", "developedBy", "offeredBy"):
                continue
            self._link(b, entry.property, a, f"text:genitive-described:{entry.property}", loc, sources,
                       s[a.start:b.end])
            genitive_list(self.ex, self.res.gaz, s, mentions, a, b, entry, loc, sources, self.lex.genitive_for)

    def _home_countries(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"중국의 DeepSeek이", "미국 메타의 LLaMA", "영국의 Fluidstack社와": the organisation is of that
        country — not when the name goes on as a compound ("미국의 엔비디아 칩 수출") or a metaphor
        ("중국의 엔비디아로 불림")."""
        named = [m for m in mentions if not is_a(m.type, "MarketSegment")]  # "AI 스타트업" describes, names no one
        for a, b in itertools.pairwise(named):
            region = is_a(a.type, "Region")  # "북미 전력 규제기관인 NERC": a region only with the described frame
            if not (is_a(a.type, "Country") or region) or not is_a(b.type, "Organization") or is_a(b.type, "Country") \
                    or is_a(b.type, "Region"):
                continue
            gap = s[a.end:b.start]
            if region and (not (a.role in ("", "genitive") and _HOME_DESCRIBED_GAP.fullmatch(gap))
                           or _GOVERNING_GAP.fullmatch(gap)):  # a region's regulator sits somewhere in it
                continue
            if a.role == "genitive" and _HOME_GENITIVE_GAP.fullmatch(gap):
                how = "genitive"
            elif not a.role and _HOME_MODIFIER_GAP.fullmatch(gap) and (any(is_a(b.type, c) for c in _FIRMS) or (
                    gap == " " and is_a(b.type, "GovernmentBody"))):  # "英 NHS": a country's own agency
                how = "modifier"
            elif a.role in ("", "genitive") and _HOME_DESCRIBED_GAP.fullmatch(gap):
                how = "described"
            else:
                continue
            rest = s[b.end:b.end + 20]
            if _METAPHOR.match(rest) or not _HOME_AFTER.match(rest):
                continue
            if a.start > 0 and re.search(r"[가-힣A-Za-z]$", s[:a.start]):  # part of a longer word
                continue
            self._link(b, "headquarteredIn", a, f"text:home-country:{how}", loc, sources, s[a.start:b.end])

    def _list_after(self, s: str, at: int, mentions: list[Mention_]) -> list[Mention_]:
        """The mentions listed from ``at`` on ("우버, 리프트는 물론"), up to the first non-list gap."""
        out: list[Mention_] = []
        pos = at
        for m in (m for m in mentions if m.start >= at):
            gap = s[pos:m.start]
            if (out and not _LIST_SEP.fullmatch(gap)) or (not out and not re.fullmatch(r"\s?['‘“\"]?", gap)):
                break
            out.append(m)
            pos = m.end
            pos += len(re.match(r"(?:\([^)]{0,30}\))?['’”\"]?", s[pos:]).group(0))
        return out

    def _list_before(self, s: str, at: int, mentions: list[Mention_]) -> list[Mention_]:
        """The mentions listed right before ``at`` ("바이두, 바이트댄스, 텐센트 등과")."""
        out: list[Mention_] = []
        pos = at
        for m in reversed([m for m in mentions if m.end <= at]):
            gap = s[m.end:pos]
            if (out and not _LIST_SEP.fullmatch(gap)) or (not out and gap.strip() not in ("", "등")):
                break
            out.insert(0, m)
            pos = m.start
        return out

    def _rivals(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                sources: tuple[str, ...]) -> None:
        """"경쟁사인 OpenAI", "경쟁사(AMD, 화웨이 등)", "메타 등 경쟁사", "Scale AI의 경쟁사인 Surge",
        "바이두, 바이트댄스 등과 경쟁": the rivals compete with the organisation whose rivals they are —
        the genitive before the word, else the clause's topic (or subject, for the verb), else the
        sentence's topic. Partners ("OpenAI의 최대 파트너인 Microsoft", "파트너사(A, B)") and customers
        ("고객사인 A", "A, B 등을 고객으로") are read the same way."""
        for word, verb, prop, name, listed_first in _COUNTERPARTS:
            self._counterparts(s, mentions, topic, loc, sources, word, verb, prop, name, listed_first)

    def _counterparts(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                      sources: tuple[str, ...], word: re.Pattern[str], verb: re.Pattern[str] | None, prop: str,
                      name: str, listed_first: bool) -> None:
        found: list[tuple[int, int, list[Mention_], tuple[str, ...]]] = []
        for w in word.finditer(s):
            after = re.match(r"(?:인|으로서|로서|\s?=)?\s?\(?\s?", s[w.end():])  # "A의 파운드리 파트너 = B"
            listed = self._list_after(s, w.end() + len(after.group(0)), mentions) if after.group(0) else []
            if not listed:
                before = _LIST_CLOSE.search(s[:w.start()])
                listed = self._list_before(s, before.start(), mentions) if before else []
                if before and _count_of(before.group(0)) not in (0, len(listed)) and "등" not in before.group(0):
                    listed = []  # "GitHub 두 고객사": a count the names do not fill
            found.append((w.start(), w.end(), listed, ("topic",)))  # "A는 … 경쟁사인 B": A's rival
        for v in verb.finditer(s) if verb is not None else ():  # "A는/가 … B와 경쟁": A competes
            found.append((v.start(), v.end(), self._list_before(s, v.start(), mentions), ("topic", "subject")))
        for start, end, listed, roles in found:
            listed = _without_modifiers(s, listed)
            # a customer may be any organisation (an agency, a hospital); rivals and partners are firms
            others = [m for m in listed if is_a(m.type, "Organization") and not is_a(m.type, "Country")] \
                if listed_first else _orgs(listed)
            if not others or len(others) != len(listed):
                continue
            owner, how = None, ""
            gen = [m for m in mentions if m.end <= start and m.role == "genitive" and m not in listed
                   and len(s[m.end:start]) <= 20 and _OWNER_GAP.fullmatch(s[m.end:start])]
            if gen and len(self._list_before(s, gen[-1].end, _orgs(mentions))) > 1:
                continue  # "OpenAI, Microsoft의 파트너들(A, B)": whose is which is not said
            if gen and any(is_a(gen[-1].type, c) for c in _FIRMS):
                owner, how = gen[-1], "genitive"
            else:
                owner, how = _the_firm(mentions, listed, topic, roles, getattr(self, "block_owner", None))
            if owner is None:
                continue
            # "<A>의 경쟁사인 B", "<A>의 최대 파트너인 B": one construction, whatever the noun (it names both ends)
            # a customer list ("A, B 등을 고객으로", "고객사인 A"): one rule however its firm is found
            rule = "text:counterpart:genitive" if how == "genitive" else \
                f"{self.prefix}:{name}" if listed_first else f"{self.prefix}:{name}:{how}"
            for o in others:
                a, b = (o, owner) if listed_first else (owner, o)
                self._link(a, prop, b, rule, loc, sources, s[max(0, start - 30):end + 30])

    def _parents(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"Microsoft의 자회사 GitHub", "HD현대 자회사 Avikus", "GUC (TSMC 자회사)": the subsidiary is part
        of its parent."""
        orgs = [m for m in mentions if is_a(m.type, "Organization") and not is_a(m.type, "Country")]
        for a, b in itertools.pairwise(orgs):
            if a.entity == b.entity:
                continue
            gap = s[a.end:b.start]
            # one construction (a word of parenthood between the two names), one rule for the gate
            if (_PARENT_BEFORE.fullmatch(gap) or _PARENT_BUSINESS.fullmatch(gap)) and not re.search(r"[,.]", gap):
                self._link(b, "partOf", a, "text:subsidiary", loc, sources, s[a.start:b.end])
            elif _PARENT_NOTE.fullmatch(gap) and _PARENT_NOTE_AFTER.match(s[b.end:b.end + 12]):
                self._link(a, "partOf", b, "text:subsidiary", loc, sources, s[a.start:b.end + 8])
            elif (_PARENT_GLOSS.fullmatch(gap) or (re.fullmatch(r"\s?:\s?", gap) and re.search(r"\(\s?$", s[:a.start])))\
                    and _PARENT_GLOSS_AFTER.match(s[b.end:b.end + 12]):
                self._link(a, "partOf", b, "text:subsidiary", loc, sources, s[a.start:b.end + 8])

    def _partners(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                  sources: tuple[str, ...]) -> None:
        """"OpenAI와 Oracle, Vantage 삼자간 협력", "SK하이닉스와의 파트너십", "Kion, Accenture와 협력": the
        named organisations partner — with each other, or with the clause's topic or subject (a utility or an
        investor may be a partner: "BE는 AEP/AWS/Cologics와 … 프로젝트를 진행")."""
        orgs = [m for m in mentions if any(is_a(m.type, c) for c in (*_FIRMS, "UtilityOrGridOperator", "Investor"))]
        for i, m in enumerate(orgs):
            rest = s[m.end:m.end + 30]
            if _PAIR_TAIL.match(rest) and m.role != "with":
                # "A와 B(, C)의 협력": the list ending at m, its first member marked with 와/과
                listed = self._list_before(s, m.end, orgs[:i + 1])
                listed = [x for x in listed if x in orgs]
                if len(listed) >= 2 and s[listed[0].end:listed[0].end + 2].strip()[:1] in ("와", "과", ","):
                    for x, y in itertools.combinations(listed, 2):
                        self._link(x, "partnerOf", y, "text:partner:pair", loc, sources,
                                   s[listed[0].start:m.end + 12])
                continue
            if not _WITH_TAIL.match(rest):
                continue
            listed = [x for x in self._list_before(s, m.end, orgs[:i + 1]) if x in orgs]
            owner, how = _the_firm(mentions, listed, topic, opening=getattr(self, "block_owner", None))
            if owner is None:
                continue
            for x in listed:
                self._link(owner, "partnerOf", x, f"{self.prefix}:partner:with:{how}", loc, sources,
                           s[max(0, x.start - 20):m.end + 12])

    def _fabrication(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"910B와 910C의 대부분은 TSMC의 7nm 공정으로 제작": the chips named before a firm's process,
        in the same clause, are made by that firm (on that node, when the node is named with its firm;
        the foundry then follows from the node's written name, ``derived:node-foundry``)."""
        for i, m in enumerate(mentions):
            based = not _FAB_AFTER.match(s, m.end) and _NODE_BASED.match(s, m.end)
            if not (based or _FAB_AFTER.match(s, m.end)):
                continue
            firm = m if is_a(m.type, "Firm") else self._node_maker(m, s[m.start:m.end])
            if firm is None or (based and firm is m):
                continue  # (built on a firm, not a node: "엔비디아 기반" is no fabrication)
            chips = [c for c in mentions[:i] if is_a(c.type, "Chip") and not re.search(r"[,;.]\s", s[c.end:m.start])]
            if based and not chips and not s[:m.start].strip():  # "… Tensor G5 칩. TSMC 3nm 기반."
                chips = self._chip_closing(getattr(self, "previous_sentence", ""))
            for c in chips:
                if firm is m:
                    self._link(c, "fabricatedBy", firm, "text:foundry:process", loc, sources,
                               s[c.start:m.end + 20])
                else:  # the node, written with its foundry: the foundry follows from the node (node_foundry)
                    self._link(c, "fabricatedOn", m, "text:foundry:process-node", loc, sources,
                               s[m.start:m.end + 20])

    def _chip_closing(self, sentence: str) -> list[Mention_]:
        """The chip a sentence ends with ("… AP는 Tensor G5 칩."), the subject of a nominal sentence after it."""
        found = self.res.gaz.find_mentions(sentence)
        last = found[-1] if found else None
        ent = self.res.gaz.by_id(last.entity_id) if last is not None else None
        if ent is None or not is_a(ent.type, "Chip") or not _CHIP_SENTENCE_END.fullmatch(sentence[last.end:]):
            return []
        return [Mention_(self.res.record(ent), ent.type, last.start, last.end, "")]

    def _node_maker(self, m: Mention_, surface: str) -> Mention_ | None:
        """The foundry written at the head of a process node's mention ("TSMC의 7nm" → TSMC)."""
        if not is_a(m.type, "ProcessNode"):
            return None
        gaz = self.res.gaz
        node = gaz.by_id(m.entity)
        org = maker_prefix(node.name_en, gaz, node.id) if node is not None else None
        if org is None or not is_a(org.type, "Firm") or not written_in(org, surface):
            return None
        return Mention_(self.res.record(org), org.type, m.start, m.end, "")

    def _provisions(self, s: str, mentions: list[Mention_], topic: Mention_ | None, loc: Location,
                    sources: tuple[str, ...]) -> None:
        """"팔란티어가 우크라이나군에 제공하는 AI 플랫폼": the recipients (marked 에/에게) of what an
        organisation provides are its customers; of what it supplies (공급, 납품), supplied by it;
        "아마존으로부터 칩을 공급받는 Anthropic": the next organisation is supplied by the first; "<thing> 공급은
        A와 B에 의존": the thing is supplied by the firms it rests on (one rule, the supplier marked by its case)."""
        starts = clause_starts_of(s)
        for v in _PROVIDE_VERB.finditer(s):
            c0 = max(x for x in starts if x <= v.start())
            before = [m for m in mentions if c0 <= m.start and m.end <= v.start()]
            places = [m for m in before if m.role == "place" and is_a(m.type, "Organization")
                      and not is_a(m.type, "Country")]
            kinds = _KIND_PLACE.search(s, c0, v.start())  # "NSA, CIA 등 첩보 기관에 … 제공": the listed ones
            at = places[-1].end if places else kinds.start() + len(kinds.group(1) or "") if kinds else -1
            if at < 0:
                continue
            # (a list may run across a comma the clause split counts as a boundary)
            recipients = [x for x in self._list_before(s, at, before if places else mentions)
                          if is_a(x.type, "Organization") and not is_a(x.type, "Country")] or places[-1:]
            if not recipients:
                continue
            provider, _ = _the_firm(mentions, recipients, topic)
            if provider is None:
                continue
            if _ABSTRACT_GIFT.search(s[c0:v.start()]):
                continue  # "엔비디아에 수익 기회를 제공": a chance given, nothing bought
            # one family with the customer lists ("고객으로", "고객사인"): a provision names a customer
            prop, name = ("customerOf", "customer") if v.group(1) == "제공" else ("suppliedBy", "supply")
            for r in recipients:
                self._link(r, prop, provider, f"{self.prefix}:{name}", loc, sources, s[r.start:v.end()])
        for m in (m for m in mentions if any(is_a(m.type, c) for c in _FIRMS)):
            hit = _SUPPLIED_FROM.match(s, m.end)
            if not hit:
                continue
            nxt = next((x for x in mentions if x.start >= hit.end() and any(is_a(x.type, c) for c in _FIRMS)), None)
            if nxt is not None and re.fullmatch(r"[가-힣]{0,2}\s?", s[hit.end():nxt.start]):
                self._link(nxt, "suppliedBy", m, "text:supply:from", loc, sources, s[m.start:nxt.end])
        for t, nxt in itertools.pairwise(mentions):
            # "UALink 스위치 공급은 이제 A와 B에 의존": the same frame, the supplier marked by 에 의존 (the thing first)
            if not any(is_a(t.type, c) for c in _MADE) or not _SUPPLY_OF.fullmatch(s, t.end, nxt.start):
                continue
            listed = self._list_after(s, nxt.start, mentions)
            if not listed or not all(any(is_a(x.type, c) for c in _FIRMS) for x in listed) \
                    or not _RESTS_ON.match(s, listed[-1].end):
                continue
            for x in listed:
                self._link(t, "suppliedBy", x, "text:supply:from", loc, sources, s[t.start:listed[-1].end + 6])

    def _releases(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"OpenAI가 오픈소스 모델 gpt-oss를 출시": a model, product or platform released (the object of a
        verb of release) by the organisation marked as the clause's subject or topic before it is its
        work (a product or service: offered by it). A thing made ("X를 만든") by the clause's subject is
        its work too, and the maker may be a person ("Chollet는 … 'Keras'를 만든 천재": developed by them)."""
        starts = clause_starts_of(s)
        for i, m in enumerate(mentions):
            hit = _RELEASED.match(s, m.end)
            if hit is None or not any(is_a(m.type, c) for c in _RELEASABLE):
                continue
            c0 = max(x for x in starts if x <= m.start)
            makers = (*_FIRMS, "Person") if hit.group(1) in _MAKING_VERBS else _FIRMS
            by = [x for x in mentions[:i] if x.start >= c0 and x.role in ("topic", "subject")
                  and any(is_a(x.type, c) for c in makers)]
            if len({x.entity for x in by}) != 1:
                continue
            if hit.group(1) in ("공개", "발표"):  # made public: announced by it
                self._link(m, "announcedBy", by[0], f"{self.prefix}:release-by:announcedBy", loc, sources,
                           s[by[0].start:m.end + 8])
            if any(is_a(m.type, c) for c in ("Hardware", "ChipArchitecture")):
                continue  # who designed a chip is not said by who showed it (a memory product is the maker's own)
            person = is_a(by[0].type, "Person")  # a person makes a thing, a firm offers its product
            prop = "offeredBy" if is_a(m.type, "AIProduct") and not person else "developedBy"
            self._link(m, prop, by[0], f"{self.prefix}:release-by:{prop}", loc, sources, s[by[0].start:m.end + 8])

    def _named_members(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"화웨이+SMIC 연합전선", "스페이스X+팔란티어 컨소시움": an alliance written as its members joined by
        '+', '-', '&' has them as members; a partnership written so makes them partners (its rule ends in the way
        its parties are found, ``named``: the gate pools it with the other rules whose parties the text names)."""
        gaz = self.res.gaz
        for m in mentions:
            alliance = is_a(m.type, "Alliance")
            if not alliance and not is_a(m.type, "Partnership"):
                continue
            parts = _MEMBER_SPLIT.split(s[m.start:m.end])
            if len(parts) < 2:
                continue
            members = []
            for part in parts:
                words = part.split()
                ent = next((e for k in range(len(words), 0, -1) if (e := gaz.lookup(" ".join(words[:k]))) is not None), None)
                if ent is None or not is_a(ent.type, "Organization") or is_a(ent.type, "Country"):
                    members = []
                    break
                members.append(ent)
            named = [Mention_(self.res.record(ent), ent.type, m.start, m.end, "") for ent in members]
            if alliance:
                for member in named:
                    self._link(member, "memberOf", m, "text:named-members:memberOf", loc, sources, s[m.start:m.end])
            else:
                for a, b in itertools.combinations(named, 2):
                    self._link(a, "partnerOf", b, "text:named-members:partnerOf", loc, sources, s[m.start:m.end])


def _without_modifiers(s: str, listed: list[Mention_]) -> list[Mention_]:
    """A list less the countries written as a modifier of the next name ("英 NHS나 美 HCA 헬스케어")."""
    return [m for m, nxt in zip(listed, [*listed[1:], None], strict=False)
            if not (nxt is not None and is_a(m.type, "Country") and s[m.end:nxt.start] == " ")]


def _the_firm(mentions: list[Mention_], besides: list[Mention_], topic: Mention_ | None,
              roles: tuple[str, ...] = ("topic", "subject"), opening: Mention_ | None = None
              ) -> tuple[Mention_ | None, str]:
    """The one firm the clause marks as its topic or subject (other than ``besides``), with "clause";
    when it marks none, the sentence's firm topic with how it was found; else the firm owning the topic
    the block opens on (``opening``, "block-owner"); else ``(None, "")``."""
    marked = [m for m in mentions if m.role in roles and m not in besides and any(is_a(m.type, c) for c in _FIRMS)]
    if len({m.entity for m in marked}) == 1:
        return marked[0], "clause"
    if not marked and topic is not None and any(is_a(topic.type, c) for c in _FIRMS):
        return topic, HOW.get(topic.role, "clause")
    if not marked and opening is not None and all(m.entity != opening.entity for m in besides):
        return opening, "block-owner"
    return None, ""


def _opening_owner(s: str, mentions: list[Mention_]) -> Mention_ | None:
    """"- Anthropic의 API 매출 비중은 …": the firm owning the topic a block opens on (a few words, no
    list, no aside, not the firm's rival, partner or customer: "A의 경쟁사는 …" is another party)."""
    first = mentions[0] if mentions else None
    if first is None or first.role != "genitive" or not any(is_a(first.type, c) for c in _FIRMS) \
            or not _LEAD.fullmatch(s[:first.start]):
        return None
    owned = _TOPIC_OWNED.match(s, first.end)
    if owned is None or _COUNTERPART_NOUN.search(owned.group(0)) or any(m.start < owned.end() for m in mentions[1:]):
        return None
    return Mention_(first.entity, first.type, -1, -1, "block-owner")
