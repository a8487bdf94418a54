"""The gazetteer: every named thing in the report, and the matcher that finds its mentions.

The data lives in ``gazetteer.tsv`` (one reviewable row per entity) so that reviewers can
fix names without touching code; this module validates that file strictly, because the
entity ids it yields become ``pfid:`` IRIs that the whole graph is keyed on.

Matching rules (why they exist):

* one compiled trie-shaped regular expression, so the full report scans in a few
  hundred milliseconds instead of trying two thousand alternatives at every character;
* the longest alias wins at a position and mentions never overlap, so ``GB200 NVL72``
  is one system rather than a chip plus a rack;
* a Latin-script alias may not touch another ASCII letter or digit (``MS`` is not in
  ``MSL``, ``H20`` is not in ``H200``), and short Latin aliases (three characters or
  fewer) are case-sensitive so that ``ms`` (milliseconds) is not Microsoft;
* a Hangul alias may not be glued to a preceding Hangul syllable (``대중국`` is not
  listed under that spelling unless the row says so) and may only be followed by a
  non-Hangul character or a Korean particle/suffix (``오라클이``, ``중국산``), which
  keeps ``애플리케이션`` from being Apple;
* per-row ``exclude`` and ``context`` regexes settle the remaining ambiguities, and a
  shared ambiguous alias goes to the entity whose context match lies nearest the mention;
* a model's name followed by a release-date suffix its alias lacks (``Qwen3-235B-A22B-2507``,
  ``…-Instruct-2507``, ``R1 0528``) names another release, not the base model: no mention
  (:data:`_RELEASE_SUFFIX`); a release the report names gets its own row.
"""

from __future__ import annotations

import csv
import difflib
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from foundation.names import norm_name, slugify

DEFAULT_PATH = Path(__file__).with_name("gazetteer.tsv")

COLUMNS = ("id", "type", "name_en", "name_ko", "aliases", "exclude", "context", "ambiguous", "note")

# Class local names from docs/architecture.md ("Core class local names"); the gazetteer may
# only use these, so that every row maps onto an ontology class.
KNOWN_TYPES = frozenset(
    {
        # organizations
        "Organization", "Firm", "AILab", "GovernmentBody", "Investor", "SovereignWealthFund",
        "UtilityOrGridOperator", "StandardsBody", "ResearchInstitute",
        # people and places
        "Person", "Country", "Region", "Site",
        # hardware
        "Chip", "GPU", "ASIC", "CPU", "ChipArchitecture", "MemoryTechnology", "ProcessNode",
        "PackagingTechnology", "System", "NetworkTechnology", "SoftwarePlatform",
        # facilities
        "ComputeCluster", "ClusterPhase",
        # energy
        "PowerAsset", "GasTurbine", "BatteryStorage", "FuelCell", "SolarPV", "NuclearPlant",
        "GridConnection", "Grid", "PowerTechnology", "GridEvent",
        # models
        "AIModel", "AIProduct",
        # events and technology families (benchmarks, meetings, algorithms, data sets)
        "Event", "Technology",
        # policy
        "ExportControlMeasure", "ExportBan", "LicenseRequirement", "RevenueShareCondition",
        "PerformanceThreshold", "RuleRescinded", "ExportControlEvent", "TradeMeasure", "Policy",
        # deals
        "Investment", "Deal", "Contract", "Partnership", "Acquisition",
        # blocs and aggregates
        "Alliance", "SovereignAIInitiative", "MarketSegment",
        # provenance
        "Source", "ReportLocation",
    }
)

# Korean particles and short suffixes that may follow a Hangul alias without turning it into
# another word. Matched as prefixes of the text after the alias.
PARTICLES = (
    "이라는", "이라고", "이었", "이며", "이고", "이나", "이랑", "이다", "에서", "에게", "에는", "에도",
    "으로", "까지", "부터", "처럼", "보다", "조차", "마저", "밖에", "께서", "라는", "라고", "만의",
    "와의", "과의", "하고", "한테", "전용", "주도", "대비", "대신", "만큼", "같은",
    "이", "가", "을", "를", "은", "는", "의", "에", "와", "과", "로", "도", "만", "나", "랑",
    "뿐", "였", "인", "측", "社", "들", "산", "産", "식", "계", "발", "發", "향", "판", "내",
    "형", "급", "등", "외", "간", "하",
)

_HANGUL = "가-힣"
_ASCII_ALNUM = "A-Za-z0-9"
_HANGUL_TAIL = "(?-i:(?=(?:" + "|".join(re.escape(p) for p in PARTICLES) + f")|[^{_HANGUL}]|$))"
# The Hangul tail depends only on the alias's last character, and a Hangul syllable matches only
# itself (it has no case), so it is tested once after the trie instead of at each of the hundreds
# of aliases ending in Hangul (compiling those copies cost a third of a second); backtracking
# still tries the same aliases in the same order.
_HANGUL_END = f"(?-i:(?<![{_HANGUL}])|{_HANGUL_TAIL})"
_CASE_SENSITIVE_MAX = 3
#: A release-date suffix right after a model's name (an optional variant word, then MMDD or YYMM): "-2507",
#: "-Instruct-2507", " 0528" (a space before a month's leading zero only) — another release of the model
_RELEASE_SUFFIX = re.compile(r"(?:\s?[- ](?:Instruct|Thinking|Chat|Base))?(?:\s?-\s?(?:(?:0[1-9]|1[0-2])[0-3]\d|2[1-9]"
                             r"(?:0[1-9]|1[0-2]))|\s0[1-9][0-3]\d)(?![0-9A-Za-z])")  # not "GPT-4o 1024 토큰"
_RELEASE_TYPES = frozenset({"AIModel"})


class GazetteerError(ValueError):
    """A problem in the TSV; the message names the line and column so a reviewer can fix it."""


@dataclass(frozen=True)
class Entity:
    """One row of the gazetteer."""

    id: str
    type: str
    name_en: str
    name_ko: str = ""
    aliases: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    context: str = ""
    ambiguous: tuple[str, ...] = ()
    note: str = ""
    line: int = 0

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that identifies the entity: canonical names, aliases and the id."""
        out = [self.name_en, *([self.name_ko] if self.name_ko else []), *self.aliases, self.id]
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity; ``alias`` is the gazetteer spelling that matched."""

    entity_id: str
    start: int
    end: int
    alias: str


def _is_hangul(ch: str) -> bool:
    return "가" <= ch <= "힣"


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _case_sensitive(alias: str) -> bool:
    """Short Latin aliases (MS, X, BE, GE, o3) are only trusted in their written case."""
    return len(alias) <= _CASE_SENSITIVE_MAX and any(ch.isascii() and ch.isalpha() for ch in alias)


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


class _Trie:
    """Builds a regex whose alternatives share prefixes, with each alias's boundary test at its end."""

    _END = ""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, key: str, tail: str) -> None:
        node = self.root
        for ch in key:
            node = node.setdefault(ch, {})
        node.setdefault(self._END, set()).add(tail)

    def pattern(self) -> str:
        return self._node(self.root)

    def _node(self, node: dict) -> str:
        # Children start with distinct (casefolded) characters, so at most one can match; the
        # alias that ends at this node is tried last, i.e. only after every longer continuation
        # failed, which is what makes the longest alias win and lets the regex back off to a
        # shorter alias when a longer one fails its boundary test.
        branches = [re.escape(ch) + self._node(node[ch]) for ch in sorted(c for c in node if c != self._END)]
        tails = node.get(self._END)
        if tails:
            branches.append("|".join(f"(?:{t})" if t else "" for t in sorted(tails)))
        if len(branches) == 1 and not tails:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"


class Gazetteer:
    """Validated entities plus the compiled mention matcher."""

    def __init__(self, entities: Iterable[Entity]):
        self.entities: tuple[Entity, ...] = tuple(entities)
        self._by_id = {e.id: e for e in self.entities}
        self._lookup: dict[str, list[Entity]] = {}
        for entity in self.entities:
            for name in entity.names:
                bucket = self._lookup.setdefault(norm_name(name), [])
                if entity not in bucket:
                    bucket.append(entity)
        # alias (casefolded) -> [(alias as written, entity, needs_context)]
        self._alias_index: dict[str, list[tuple[str, Entity, bool]]] = {}
        for entity in self.entities:
            ambiguous = set(entity.ambiguous)
            for alias in entity.aliases:
                self._alias_index.setdefault(alias.casefold(), []).append((alias, entity, alias in ambiguous))

    # The mention matcher (one large regex and the exclude/context patterns) is compiled on first
    # use: name lookups (query parameters, exports) never pay for it.
    @functools.cached_property
    def _exclude(self) -> dict[str, re.Pattern[str]]:
        return {e.id: re.compile("|".join(e.exclude)) for e in self.entities if e.exclude}

    @functools.cached_property
    def _context(self) -> dict[str, re.Pattern[str]]:
        return {e.id: re.compile(e.context) for e in self.entities if e.context}

    @functools.cached_property
    def _regex(self) -> re.Pattern[str] | None:
        if not self.entities:
            return None
        trie = _Trie()
        for entity in self.entities:
            for alias in entity.aliases:
                trie.add(alias.casefold(), self._tail(alias))
        # the first characters as one class up front: a position no alias starts at fails at once,
        # instead of after the head's look-arounds and every case-folded first letter of the trie
        first = "(?=[" + "".join(re.escape(ch) for ch in sorted(trie.root)) + "])"
        return re.compile(first + self._head_pattern() + trie.pattern() + _HANGUL_END, re.IGNORECASE)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path | str = DEFAULT_PATH) -> Gazetteer:
        """Read and validate the TSV; any problem raises GazetteerError naming line and column."""
        path = Path(path)
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        if not rows:
            raise GazetteerError(f"{path}: line 1: empty file, expected header {COLUMNS}")
        header = tuple(rows[0])
        if header != COLUMNS:
            raise GazetteerError(f"{path}: line 1, column 'header': expected {COLUMNS}, got {header}")
        entities: list[Entity] = []
        seen_ids: dict[str, int] = {}
        seen_alias: dict[str, tuple[int, str, bool]] = {}
        for lineno, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                raise GazetteerError(
                    f"{path}: line {lineno}, column 'row': expected {len(COLUMNS)} tab-separated "
                    f"fields, got {len(row)}"
                )
            rec = dict(zip(COLUMNS, (cell.strip() for cell in row), strict=True))
            entity = cls._entity(path, lineno, rec)
            if entity.id in seen_ids:
                raise GazetteerError(
                    f"{path}: line {lineno}, column 'id': duplicate id {entity.id!r} "
                    f"(first on line {seen_ids[entity.id]})"
                )
            seen_ids[entity.id] = lineno
            for alias in entity.aliases:
                key = norm_name(alias)
                amb = alias in entity.ambiguous
                if key in seen_alias:
                    other_line, other_id, other_amb = seen_alias[key]
                    if other_id != entity.id and not (amb and other_amb):
                        raise GazetteerError(
                            f"{path}: line {lineno}, column 'aliases': alias {alias!r} also belongs to "
                            f"{other_id!r} (line {other_line}); mark it ambiguous in both rows"
                        )
                seen_alias.setdefault(key, (lineno, entity.id, amb))
            entities.append(entity)
        return cls(entities)

    @staticmethod
    def _entity(path: Path, lineno: int, rec: dict[str, str]) -> Entity:
        def fail(column: str, message: str) -> GazetteerError:
            return GazetteerError(f"{path}: line {lineno}, column '{column}': {message}")

        if not rec["id"]:
            raise fail("id", "empty id")
        if not rec["name_en"]:
            raise fail("name_en", "empty name_en")
        if rec["id"] != slugify(rec["name_en"]):
            raise fail("id", f"{rec['id']!r} is not slugify(name_en) = {slugify(rec['name_en'])!r}")
        if rec["type"] not in KNOWN_TYPES:
            hint = difflib.get_close_matches(rec["type"], sorted(KNOWN_TYPES), n=1)
            raise fail("type", f"unknown type {rec['type']!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
        aliases = _split(rec["aliases"])
        if len(set(aliases)) != len(aliases):
            raise fail("aliases", "an alias is listed twice")
        exclude = _split(rec["exclude"])
        # each |-separated exclude piece must compile on its own, so consumers may split the column
        for column, patterns in (("exclude", exclude),
                                 ("context", [rec["context"]] if rec["context"] else [])):
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise fail(column, f"bad regex {pattern!r}: {exc}") from exc
        ambiguous = _split(rec["ambiguous"])
        stray = [a for a in ambiguous if a not in aliases]
        if stray:
            raise fail("ambiguous", f"{stray} are not among the aliases")
        if ambiguous and not rec["context"]:
            raise fail("context", "ambiguous aliases need a context regex")
        return Entity(
            id=rec["id"], type=rec["type"], name_en=rec["name_en"], name_ko=rec["name_ko"],
            aliases=aliases, exclude=exclude, context=rec["context"], ambiguous=ambiguous,
            note=rec["note"], line=lineno,
        )

    # ------------------------------------------------------------------ lookups
    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self):
        return iter(self.entities)

    def by_id(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def lookup(self, name: str) -> Entity | None:
        """Exact match on any name, alias or id, ignoring case, spacing and ``·-_()``."""
        bucket = self._lookup.get(norm_name(name))
        if not bucket:
            return None
        key = norm_name(name)
        for entity in bucket:  # prefer the entity whose own name/id is the query
            if key in (norm_name(entity.name_en), norm_name(entity.id), norm_name(entity.name_ko or "\0")):
                return entity
        return bucket[0]

    def release_of(self, text: str) -> Entity | None:
        """A release of a known model that ``text`` (a whole cell) names: a model's name and a release-date
        suffix ("Qwen3-235B -A22B-2507") is another model than the base, a new entity named by the text (its
        spaces around hyphens closed); None for any other text."""
        text = text.strip()
        for m in re.finditer(r"[\s-]", text):
            suffix = _RELEASE_SUFFIX.match(text, m.start())
            if suffix is not None and suffix.end() == len(text):
                base = self.lookup(text[:m.start()])
                if base is not None and base.type in _RELEASE_TYPES:
                    name = re.sub(r"\s*-\s*", "-", text)
                    return self.lookup(name) or Entity(slugify(name), base.type, name, aliases=(text,),
                                                       note=f"a release of {base.id}")
                return None
        return None

    def suggest(self, name: str, n: int = 5) -> list[Entity]:
        """Close matches for a name that ``lookup`` did not resolve (reviewer aid)."""
        keys = difflib.get_close_matches(norm_name(name), list(self._lookup), n=n * 3, cutoff=0.5)
        out: list[Entity] = []
        for key in keys:
            for entity in self._lookup[key]:
                if entity not in out:
                    out.append(entity)
        return out[:n]

    # ------------------------------------------------------------------ matching
    @staticmethod
    def _tail(alias: str) -> str:
        last = alias[-1]
        # Tails and heads are case-sensitive groups ((?-i:...)): under IGNORECASE, Python folds
        # the case of every character of a class, which for the Hangul range costs seconds.
        if _is_ascii_alnum(last):
            return f"(?-i:(?![{_ASCII_ALNUM}]))"
        return ""  # a Hangul last character is tested by _HANGUL_END

    def _head_pattern(self) -> str:
        # The lookbehind depends only on the alias's first character, so it can be applied once:
        # ASCII-alnum starts must not follow an ASCII letter/digit, Hangul starts must not follow Hangul.
        return (
            f"(?-i:(?:(?<![{_ASCII_ALNUM}])(?=[{_ASCII_ALNUM}])"
            f"|(?<![{_HANGUL}])(?=[{_HANGUL}])"
            f"|(?=[^{_ASCII_ALNUM}{_HANGUL}])))"
        )

    @functools.cached_property
    def _mention_cache(self) -> dict[str, tuple[Mention, ...]]:
        # Readers scan the same sentence and cell texts many times; the entities (and so the
        # mentions of a text) never change after construction, so one scan per text suffices.
        return {}

    def find_mentions(self, text: str) -> list[Mention]:
        """All non-overlapping mentions in ``text``, left to right, longest alias first."""
        cached = self._mention_cache.get(text)
        if cached is None:
            cached = self._mention_cache[text] = tuple(self._scan(text))
        return list(cached)

    def _scan(self, text: str) -> list[Mention]:
        if self._regex is None:
            return []
        mentions: list[Mention] = []
        pos = 0
        search = self._regex.search
        while True:
            m = search(text, pos)
            if m is None:
                break
            mention = self._accept(text, m.start(), m.end())
            if mention is None:
                pos = m.start() + 1
                continue
            mentions.append(mention)
            pos = m.end()
        return mentions

    def _accept(self, text: str, start: int, end: int) -> Mention | None:
        surface = text[start:end]
        candidates = self._alias_index.get(surface.casefold(), [])
        window = text[max(0, start - 12): end + 12]
        line = None
        best: tuple[int, int, str, Entity] | None = None
        for order, (alias, entity, needs_context) in enumerate(candidates):
            if _case_sensitive(alias) and surface != alias:
                continue
            exclude = self._exclude.get(entity.id)
            if exclude is not None and exclude.search(window):
                continue
            if entity.type in _RELEASE_TYPES and _RELEASE_SUFFIX.match(text, end):
                continue  # "Qwen3-235B-A22B-2507": another release than the base model's
            distance = 0
            if needs_context:
                if line is None:
                    line_start = text.rfind("\n", 0, start) + 1
                    line_end = text.find("\n", end)
                    line = (line_start, text[line_start: line_end if line_end != -1 else len(text)])
                context = self._context[entity.id]
                hits = [abs(line[0] + h.start() - start) for h in context.finditer(line[1])
                        if not (line[0] + h.start() >= start and line[0] + h.end() <= end)]
                if not hits:
                    continue
                distance = min(hits)
            key = (distance, order, alias, entity)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return None
        return Mention(entity_id=best[3].id, start=start, end=end, alias=best[2])

    # ------------------------------------------------------------------ writing
    @staticmethod
    def rows(entities: Iterable[Entity]) -> list[list[str]]:
        """Rows in file order (type, then id), for tools that regenerate the TSV."""
        out = [list(COLUMNS)]
        for e in sorted(entities, key=lambda e: (e.type, e.id)):
            out.append([e.id, e.type, e.name_en, e.name_ko, "|".join(e.aliases), "|".join(e.exclude),
                        e.context, "|".join(e.ambiguous), e.note])
        return out


__all__ = [
    "COLUMNS", "DEFAULT_PATH", "KNOWN_TYPES", "Entity", "Gazetteer", "GazetteerError", "Mention",
    "norm_name", "slugify",
]

