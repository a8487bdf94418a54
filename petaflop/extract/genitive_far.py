"""A maker's product named a few words after the maker's genitive, and a maker written right before
a technology it makes.

* **far genitive** — "엔비디아의 차세대 랙 아키텍처 “Kyber”", "AMD의 AI 칩 “MI355X”", "AMD의 1,000W
  공랭식 MI350X": between "<org>의" and the product stand one to three bare words (a kind, a
  generation, a figure) — more than the plain genitive's one short modifier, and no "…인"
  description (``text:genitive-described``). A word ending in a particle or a verb ending ends the
  noun phrase ("DeepSeek의 성과 뒤에는 … R1"), so the product is not the organisation's; words of
  rivalry or comparison ("대항마", "대비") never make a product the organisation's own.
  Rule ``text:genitive-far:<entry id>``.
* **maker before a technology** — "엔비디아 Hopper 시리즈", "엔비디아 NVLink": the modifier frame
  (``text:modifier``) reads an organisation right before hardware or an AI product; a chip
  architecture or a network, packaging or power technology written the same way is the maker's
  work too. Rule ``text:modifier-tech:<entry id>``.

* **maker in a relative clause** — "Butterfly Effect Technology가 개발한 AI 서비스 Manus": the subject
  of a making verb right before the product names its maker; the subject of a selling verb ("엔비디아가
  내년에 본격 판매할 … 스위치") offers the product (``offeredBy``, planned when
  it is still to be sold: "판매할"), and so does the subject naming it its product ("GitHub가 핵심 제품
  Copilot에", "엔비디아가 주력으로 밀고 있는 시스템 제품인, NVL72"); the bare maker before the noun "개발"
  ("Avikus 개발 자율운항 시스템 (HiNAS)") says the same. Rule ``text:made-by-relative``.
* **maker in an appositive** — "테슬라 ESS인 Megapack": the bare maker, a kind word (or two) ending in the
  copula "인", then the product. Rule ``text:maker-appositive``.
* **its own development** — "자체개발: AWS Inferentia 추론용 ASIC": a maker and its thing right after
  "자체 개발" (rule ``text:own-development``, in prose and cells alike).
* **where it was made** — "마이크로소프트에서 소형 언어 모델(예: phi-1.5, Phi-3) 개발", "구글에서 MaskGIT·Muse
  모델을 발명한": the products listed between "<org>에서" and a making verb are the organisation's
  work (a career line names where someone built what). Rule ``text:made-at``.

* **maker before its things in parentheses** — "구글(Gemini)", "TSMC(로직+CoWoS)": paren_maker.py, rule
  ``text:paren-maker``.

The genitive lexicon decides the property by the two classes (designedBy, developedBy, offeredBy).

A slide title ("[참고] 엔비디아의 차세대 랙 아키텍처 “Kyber”는 …") is read for these constructions and
for the plain genitive and modifier (``title:<construction>:<entry id>``): the prose frames never
see a title, and a title names a maker and its product as often as a sentence does.
"""

from __future__ import annotations

import itertools
import re

from petaflop.extract.facts import Fact, Location
from petaflop.extract.genitive_list import genitive_list
from petaflop.extract.name_maker import maker_prefix
from petaflop.extract.paren_maker import paren_makers
from petaflop.extract.relation_guards import LIKE_AFTER
from petaflop.extract.resolve import is_a
from petaflop.extract.text_frames import Mention_
from petaflop.extract.text_power_maker import PRODUCTS as POWER_PRODUCTS
from petaflop.extract.text_power_maker import power_makers
from petaflop.extract.text_power_mix import power_mix
from petaflop.extract.text_rank_noun import ranked_nouns

_MAKERS = ("Firm", "AILab", "ResearchInstitute")
_PRODUCT_PROPS = ("designedBy", "developedBy", "offeredBy")
#: a bare word of a noun phrase: no particle, no verb or copula ending at its end
_WORD = r"(?![^\s]*(?:은|는|이|가|을|를|에|와|과|도|로|서|며|고|한|된|던|할|의|인|면|나|써|해|지|들)\s)[가-힣A-Za-z0-9,.~\-·]{1,10}"
_FAR_GAP = re.compile(r"\)?['’”\"]?\s?의\s(?:" + _WORD + r"\s){1,3}['‘“\"]?")
_NEAR_GAP = re.compile(r"\)?['’”\"]?\s?(?:의)\s?['‘“\"]?(?:[가-힣]{1,4}\s)?['‘“\"]?")
_RIVALRY = re.compile(r"경쟁|대체|대항|대비|비해|보다|같은|유사|닮은|모방")
#: a making verb in a relative clause: "개발한", "설계해 온", "제시하고 완성해 온"
_MAKING = (r"(?:(?:[가-힣]{1,4}하고\s)?(?:개발|발명|출시|공개|제작|설계|완성)(?:한|했던|해\s?온|해\s?왔던)"
           r"|만든|내놓은|선보인)")
_RELATIVE_GAP = re.compile(r"\)?['’”\"]?\s?(?:이|가)\s(?:[가-힣A-Za-z0-9]{1,8}\s){0,2}" + _MAKING + r"\s(?:" + _WORD + r"\s){0,2}['‘“\"]?")
#: the same without the verb's ending, the bare maker before the making noun: "Avikus 개발 자율운항 시스템 (HiNAS)"
_NOMINAL_MADE = re.compile(r"\s개발\s(?:" + _WORD + r"\s){0,2}(?:" + _WORD + r"\s?\(\s?)?['‘“\"]?")
#: a selling verb in the same relative clause: "엔비디아가 내년에 본격 판매할 … 스위치" — what the firm sells it offers
_SELLING = re.compile(r"\)?['’”\"]?\s?(?:이|가)\s(?:[가-힣A-Za-z0-9]{1,8}\s){0,2}(?:판매|공급)(?:할|하는|한|해\s?온)\s(?:" + _WORD + r"\s){0,3}['‘“\"]?")
_SELLING_TO_COME = re.compile(r"(?:판매|공급)할\s")
#: the subject of the clause naming its product: "GitHub가 핵심 제품 Copilot에", "엔비디아가 주력으로 밀고 있는 시스템
#: 제품인, NVL72" — what a firm calls its (flagship) product it offers; no verb of buying or using fits between
_PRODUCT_NOUN = re.compile(r"\)?['’”\"]?\s?(?:이|가)\s(?:(?:핵심|주력|대표|간판)\s)?(?:주력으로\s)?(?:밀고\s있는\s)?"
                           r"(?:(?![가-힣A-Za-z]*(?:한|된|던|할|는|은|을|를|의|에)\s)[가-힣A-Za-z]{1,6}\s)?제품(?:인,?)?\s['‘“\"]?")
#: "테슬라 ESS인 Megapack": the maker bare before one or two kind words ending in the copula "인"
_APPOSITIVE_GAP = re.compile(r"\s(?:" + _WORD + r"\s)?[가-힣A-Za-z0-9]{1,8}인\s['‘“\"]?")
_LIST_GAP = re.compile(r"['’”\"]?\s?[,·/]\s?['‘“\"]?|['’”\"]?\s(?:및|과|와)\s['‘“\"]?")
_MADE_AT = re.compile(r"\)?['’”\"]?\s?에서\s")
_MADE_AT_VERB = re.compile(r"^[^.,;]{0,12}?(?:개발|발명|이끈|만든|만들|공헌|기여)")
#: "자체개발:", "자체 개발한", "자체 개발의" right before the maker's name
_OWN_DEV = re.compile(r"자체\s?개발\s?(?::|한|의|된)?\s?$")
#: between the maker and its thing: a space, an ordinal generation ("2세대"), a quote
_OWN_DEV_GAP = re.compile(r"\s(?:\d세대\s)?['‘“\"]?")
_TECH = ("ChipArchitecture", "NetworkTechnology", "PackagingTechnology")
_MADE = ("Hardware", "AIModel", "AIProduct", "SoftwarePlatform", *_TECH)


class FarGenitives:
    """Mixed into the TextReader; needs ``self.ex`` and ``self.lex``."""

    def read_title(self, title: str, loc: Location) -> None:
        """A slide title's maker-product links (plain, far and bare genitives), and the place in a ranking it gives a name."""
        try:
            mentions = self._mentions(title)  # type: ignore[attr-defined]
        except Exception:  # an extractor never raises on odd text
            return
        self._far_genitives(title, mentions, loc, (), prefix="title")
        power_mix(self.ex, title, mentions, loc, ())  # type: ignore[attr-defined]  # "X의 A·B 결합 C" (text_power_mix.py)
        ranked_nouns(self, title, mentions, loc, ())  # "세계 N번째로 높은 … 이 된 X" (text_rank_noun.py)

    def _far_genitives(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...],
                       prefix: str = "text") -> None:
        title = prefix == "title"
        for a, b in itertools.pairwise(mentions):
            if a.entity == b.entity or not any(is_a(a.type, c) for c in _MAKERS):
                continue
            gap = s[a.end:b.start]
            if not title and (_RELATIVE_GAP.fullmatch(gap) or (not a.role and _NOMINAL_MADE.fullmatch(gap))):
                how = "made-by-relative"
            elif not title and _PRODUCT_NOUN.fullmatch(gap) and any(is_a(b.type, c) for c in _MADE):
                if not _RIVALRY.search(gap):  # the firm's own product: offered by it (the seller's rule)
                    self.ex.add(Fact(b.entity, "offeredBy", a.entity, True, loc, "text:made-by-relative",  # type: ignore[attr-defined]
                                     sources, raw=s[a.start:b.end][:60]))
                continue
            elif not title and _SELLING.fullmatch(gap) and any(is_a(b.type, c) for c in _MADE):
                if not _RIVALRY.search(gap):  # the seller offers it, whatever it makes (one construction, one rule)
                    # "…가 내년에 판매할 X": the prospective "-할" says it is to be sold, a planned link
                    status = ("planned",) if _SELLING_TO_COME.search(gap) else ()
                    self.ex.add(Fact(b.entity, "offeredBy", a.entity, True, loc, "text:made-by-relative",  # type: ignore[attr-defined]
                                     sources, raw=s[a.start:b.end][:60], qualifiers=status))
                continue
            elif a.role == "genitive" and _NEAR_GAP.fullmatch(gap):
                if not title:
                    continue  # the prose genitive frame reads it
                how = "genitive"
            elif a.role == "genitive" and _FAR_GAP.fullmatch(gap):
                how = "genitive-far"
            elif not a.role and gap == " " and any(is_a(b.type, t) for t in (_MADE if title else _TECH)):
                how = "modifier" if title else "modifier-tech"
            else:
                continue
            if _RIVALRY.search(gap) or LIKE_AFTER.match(s[b.end:b.end + 8]):
                continue
            entry = self.lex.genitive_for(a.type, b.type)  # type: ignore[attr-defined]
            if entry is None or entry.property not in _PRODUCT_PROPS:
                continue
            self.ex.add(Fact(b.entity, entry.property, a.entity, True, loc,  # type: ignore[attr-defined]
                             _rule(prefix, how, entry.id), sources, raw=s[a.start:b.end][:60]))
            if not title:  # "<maker>의 … “A”와 “B”": the things coordinated after it are the maker's too
                genitive_list(self.ex, self.res.gaz, s, mentions, a, b, entry, loc, sources,  # type: ignore[attr-defined]
                              self.lex.genitive_for)  # type: ignore[attr-defined]
        if not title:
            power_makers(self.ex, self.res.gaz, s, mentions, loc, sources)  # type: ignore[attr-defined]  # text_power_maker.py
            paren_makers(self.ex, self.lex.genitive_for, s, mentions, loc, sources)  # type: ignore[attr-defined]  # paren_maker.py
            self._maker_appositives(s, mentions, loc, sources)
            self._made_at(s, mentions, loc, sources)
            self._own_development(s, mentions, loc, sources)

    def _maker_appositives(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"테슬라 ESS인 Megapack": the product after "<maker> <kind>인" (the kind word may itself be a name)."""
        for i, a in enumerate(mentions):
            if a.role or not any(is_a(a.type, c) for c in _MAKERS):
                continue
            b = next((b for b in mentions[i + 1:] if _APPOSITIVE_GAP.fullmatch(s[a.end:b.start])), None)
            if b is None or b.entity == a.entity or any(is_a(b.type, c) for c in POWER_PRODUCTS) \
                    or _RIVALRY.search(s[a.end:b.start]) \
                    or LIKE_AFTER.match(s[b.end:b.end + 8]):
                continue
            entry = self.lex.genitive_for(a.type, b.type)  # type: ignore[attr-defined]
            if entry is not None and entry.property in _PRODUCT_PROPS:
                self.ex.add(Fact(b.entity, entry.property, a.entity, True, loc,  # type: ignore[attr-defined]
                                 "text:maker-appositive", sources, raw=s[a.start:b.end][:60]))

    def _own_development(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"자체개발: AWS Inferentia 추론용 ASIC 발표", "자체 개발한 메타 'Artemis' 칩": the thing named right after
        "자체 개발", with its maker written before it, was developed by that maker (the words say so,
        whatever the lexicon would say of the two classes)."""
        for i, b in enumerate(mentions):
            if not any(is_a(b.type, c) for c in _MADE):
                continue
            a = mentions[i - 1] if i else None
            if a is not None and a.entity != b.entity and any(is_a(a.type, c) for c in _MAKERS[:2]) \
                    and _OWN_DEV.search(s[max(0, a.start - 12):a.start]) and _OWN_DEV_GAP.fullmatch(s[a.end:b.start]):
                maker, at = a.entity, a.start
            elif _OWN_DEV.search(s[max(0, b.start - 12):b.start]) and (
                    org := maker_prefix(s[b.start:b.end], self.res.gaz, b.entity)) is not None:  # type: ignore[attr-defined]
                maker, at = self.res.record(org), b.start  # type: ignore[attr-defined]  # "AWS Inferentia": one name
            else:
                continue
            self.ex.add(Fact(b.entity, "developedBy", maker, True, loc,  # type: ignore[attr-defined]
                             "text:own-development", sources, raw=s[max(0, at - 12):b.end][:60]))

    def _made_at(self, s: str, mentions: list[Mention_], loc: Location, sources: tuple[str, ...]) -> None:
        """"<org>에서 <products> … 개발/발명한": the products named before the verb are the org's work."""
        for i, a in enumerate(mentions):
            if not any(is_a(a.type, c) for c in _MAKERS) or not _MADE_AT.match(s, a.end):
                continue
            made: list[Mention_] = []
            for b in mentions[i + 1:]:
                between = s[made[-1].end if made else a.end:b.start]
                if not any(is_a(b.type, c) for c in _MADE) or (
                        _LIST_GAP.fullmatch(between) is None if made else re.search(r"[.;,]|이끈|개발|발명", between)):
                    break
                made.append(b)
            if not made or not _MADE_AT_VERB.match(s[made[-1].end:]):
                continue
            for b in made:
                entry = self.lex.genitive_for(a.type, b.type)  # type: ignore[attr-defined]
                if entry is not None and entry.property in _PRODUCT_PROPS:
                    self.ex.add(Fact(b.entity, entry.property, a.entity, True, loc,  # type: ignore[attr-defined]
                                     "text:made-at", sources, raw=s[a.start:b.end][:60]))


def _rule(prefix: str, how: str, entry_id: str) -> str:
    """A title's reading is one rule; in prose the bare maker before a technology is the modifier frame's
    construction (``text:modifier:<entry>``) and the far genitive is one rule whatever the classes."""
    if prefix == "title":
        return "title:maker"
    if how == "made-by-relative":
        return "text:made-by-relative"
    return f"text:modifier:{entry_id}" if how == "modifier-tech" else "text:genitive-far"
