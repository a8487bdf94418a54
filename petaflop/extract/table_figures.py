"""Cells that state one measure several times, once per numeric format: "5 PFLOPs (FP8), 10 PFLOPs (FP4)",
"354 TFLOPS/s (INT8) 177 TFLOPS/s (FP16/BF16)" — each figure is a value of the row's kind with its own
format (the table reader otherwise keeps a cell's first figure only)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

from ingest.amounts import norm
from ingest.model import Table
from ingest.quantities import Quantity, parse_cell
from petaflop.extract.facts import Location, Statement
from petaflop.extract.lexicon import Lexicon, ValueEntry
from petaflop.extract.resolve import is_a
from petaflop.extract.values import find_quantities


def figures_by_precision(text: str, dimension: str, label: str = "") -> list[Quantity]:
    """The cell's figures of ``dimension`` when there are two or more, each written with its own numeric
    format in parentheses and no format repeated; else [] (one figure, or figures the format does not tell
    apart, are read as before). Bare figures ("5.5 (INT8), 2.8 (FP16)") take the scale the label names
    ("SIMD TOPS"): operations for an integer format, floating-point operations otherwise."""
    if dimension == "length":
        return _size_pair(text)
    if dimension != "compute":
        return []
    found = [q for q in find_quantities(text) if q.kind in ("compute", "number") and q.value is not None]
    formats = [q.precision.split()[0] for q in found if q.precision]
    if not found or len(formats) != len(found) or len(set(formats)) != len(formats):
        return []
    bare = [q for q in found if q.kind == "number"]
    scale = _LABEL_SCALE.search(label)
    if bare and (scale is None or len(bare) != len(found)):
        return []
    if not bare:
        return found if len(found) >= 2 else []
    factor = Decimal(10) ** _PREFIX[scale.group(1)]  # type: ignore[union-attr]
    return [replace(q, kind="compute", value=norm(q.value * factor),  # type: ignore[operator]
                    unit="OPS" if q.precision.upper().startswith("INT") else "FLOPS") for q in found]


#: "25.6mm x 16.4mm": a cell that is one size, two lengths across each other (nothing else in it)
_SIZE_PAIR = re.compile(r"\s*[\d.,]+\s?[a-zμ]{1,2}\s?[x×X*]\s?[\d.,]+\s?[a-zμ]{1,2}\s*")


def _size_pair(text: str) -> list[Quantity]:
    """Both lengths of a cell that is a size ("25.6mm x 16.4mm"), each its own figure; else []."""
    if not _SIZE_PAIR.fullmatch(text):
        return []
    found = [q for q in find_quantities(text) if q.value is not None]
    return found if len(found) == 2 and all(q.kind == "length" for q in found) else []


def size_side(label: str, index: int) -> str:
    """The metric of a size's ``index``-th length ("면적 | 25.6mm x 16.4mm"): the label's length, then width."""
    return f"{label} ({'length' if index == 0 else 'width' if index == 1 else f'side {index + 1}'})"[:60]


def several_suffix(entry: ValueEntry, suffix: str) -> str:
    """The rule suffix of the figures of :func:`figures_by_precision`: a size's lengths keep the cell's rule."""
    return ":by-precision" if entry.dimension == "compute" else suffix


_LABEL_SCALE = re.compile(r"(?<![A-Za-z])([GTPE])(?:FLOPS|FLOPs|OPS)(?![A-Za-z])")
_PREFIX = {"G": 9, "T": 12, "P": 15, "E": 18}


#: dimensions no kind of the lexicon measures but ``quantity`` (with the label as its metric)
PLAIN_DIMENSIONS = ("length", "area", "mass", "frequency")


def plain_measure(text: str, header: str, entry: ValueEntry | None) -> ValueEntry | None:
    """"1회 평균 탑승 거리 | 마일 | 8", "칩 면적 | 260 mm²": a figure whose unit is a length, an area, a mass or
    a frequency that the label's kind does not measure is a ``quantity`` of what the label says (the
    label is its metric); None when the cell has no such figure or the label's kind takes it."""
    q = parse_cell(text, header)
    if q is None or q.value is None or q.kind not in (*PLAIN_DIMENSIONS, "duration"):
        return None
    if q.kind == "duration" and (entry is not None or not q.original_unit):
        return None  # "GPU 사용 시간 (초) | 10", "생성 길이 | 8~10초": a span of time under a label no kind knows
    if any(o.kind not in (q.kind, "number") for o in find_quantities(text) if o.value is not None):
        return None  # "2km 정도 단거리: $3.8": the length only qualifies another figure of the cell
    if entry is not None and entry.dimension == q.kind:
        return None
    kind = "duration" if q.kind == "duration" else "quantity"
    # "무게 | 50g", "~55g": a weight, in the unit written (grams, kilograms, tonnes), read apart from the lengths
    # and areas (a weight below tonnes was a unitless number before the units knew grams)
    rule = "quantity@mass" if q.kind == "mass" else f"{kind}@unit"
    return ValueEntry(id=rule, match=_NEVER, kind=kind, dimension=q.kind, metric_from_label=True)


_NEVER = re.compile(r"(?!)")


#: counts the report writes with a unit of their own, in a hardware item's cell: (pattern, factor, kind, rule,
#: metric, a word the cell or its label must hold). "HBM3e 12hi 8스택": the height of the memory stacks (dies
#: per stack) and their number; "HBM 스택 | 12 채널 8개 스택": the height written as channels before the
#: stacks (an HBM3E/HBM4 stack has 16 or 32 channels, never 12: "12" is its 12-Hi height — 288 GB over 8 stacks
#: is 36 GB, twelve 24 Gb dies —, and the metric says it was written '채널'); "12MP 초광각", "듀얼 4K OLED (2300만 픽셀)": a camera's or a display's pixels
_UNIT_COUNTS = (
    (re.compile(r"(?<![\w.])(\d{1,2})\s?-?\s?[Hh]i(?![A-Za-z])"), Decimal(1), "quantity", "stack-height",
     "HBM 적층 단수 (Hi)", "HBM"),
    (re.compile(r"(?<![\w.])(\d{1,2})\s?채널\s?\d{1,2}\s?개?\s?스택"), Decimal(1), "quantity", "stack-height",
     "HBM 적층 단수 (Hi; 원문 '채널' 표기)", "HBM"),
    (re.compile(r"(?<![\w.])(\d{1,2})\s?스택(?!\w)"), Decimal(1), "unitCount", "stack-count", "HBM 스택 수", "HBM"),
    (re.compile(r"(?<![\w.])(\d{1,3}(?:\.\d)?)\s?MP(?![A-Za-z])"), Decimal(10) ** 6, "quantity", "pixels",
     "화소 (MP)", ""),
    (re.compile(r"(?<![\w.])(\d{1,5})만\s?(?:픽셀|화소)"), Decimal(10) ** 4, "quantity", "pixels", "픽셀", ""),
)


#: "12 채널 8개 스택": the written height and the number of stacks; "HBM3E 288GB": the memory the row gives
_CHANNEL_STACKS = re.compile(r"(\d{1,2})\s?채널\s?(\d{1,2})\s?개?\s?스택")
_ROW_MEMORY = re.compile(r"(?<![\d.])(\d{2,4})\s?GB(?![/A-Za-z])")
#: the capacities (GB) of one HBM die: 16 Gb, 24 Gb, 32 Gb
_DIE_GB = (Decimal(2), Decimal(3), Decimal(4))


def height_fits(cell: str, row: str) -> bool:
    """True when the height written as channels ("12 채널 8개 스택") is the stacks' height by the row's own memory
    (one "288GB" in the row: 288 / 8 stacks / 12 = 3 GB, a 24 Gb die); not when the row gives no such one memory
    or another die ("1024GB" over "12 채널 16개 스택" is 5.3 GB a die: the 12 is no height)."""
    m = _CHANNEL_STACKS.search(cell)
    sizes = {Decimal(x) for x in _ROW_MEMORY.findall(row)}
    if m is None or len(sizes) != 1 or not int(m.group(1)) or not int(m.group(2)):
        return False
    return sizes.pop() / int(m.group(2)) / int(m.group(1)) in _DIE_GB


def unit_counts(text: str, subject: str, loc: Location, sources: tuple[str, ...], tag: str,
                label: str = "", table: Table | None = None) -> list[Statement]:
    """The ``quantity`` (``unitCount``) statements of a hardware cell's self-described counts (above): one
    per pattern that finds exactly one figure in the cell (none where a cell gives several), where the
    cell or its label holds the pattern's word; a height written as channels only where the row's memory
    fits it (:func:`height_fits`: ``table`` holds the cell's row)."""
    out = []
    row = " ".join(c.text for r in (table.rows if table else ()) if r.line == loc.line_start for c in r.cells)
    for pattern, factor, kind, rule, metric, needs in _UNIT_COUNTS:
        found = {m.group(1) for m in pattern.finditer(text)}
        if "채널" in pattern.pattern and not height_fits(text, row):  # a height written as channels
            continue
        if len(found) == 1 and needs.upper() in f"{text} {label}".upper():
            out.append(Statement(subject, kind, loc, f"table-reader:{kind}@{rule}{tag}",
                                 value=norm(Decimal(found.pop()) * factor), unit="count", metric=metric,
                                 sources=sources, raw=text[:60]))
    return out

#: "0-32K: 1달러; 32K-128K: 1.8달러": one tier of a tiered figure, its label before a colon
_TIER = re.compile(r"([^:;()]{1,20}?)\s?[:：]\s?([^:;()]+?)\s*(?=;|；|\)|$)")


def figures_by_tier(text: str, dimension: str) -> list[tuple[str, Quantity]]:
    """"컨텍스트 길이별 계층화 (0-32K: 1달러; 32K-128K: 1.8달러)": a cell listing two or more tiers, each
    "label: figure" and separated by semicolons, states the row's measure once per tier (its label the
    scope); [] when any tier has no single figure of ``dimension`` or a label repeats."""
    if ";" not in text and "；" not in text:
        return []
    tiers = []
    for m in _TIER.finditer(text):
        found = [q for q in find_quantities(m.group(2)) if q.value is not None]
        if len(found) != 1 or found[0].kind != dimension:
            return []
        tiers.append((m.group(1).strip(), found[0]))
    labels = [label for label, _ in tiers]
    return tiers if len(tiers) >= 2 and len(set(labels)) == len(labels) and text.count(":") == len(tiers) else []


_MAGNITUDE = re.compile(r"\d\s*(?:[KMBTkmbt]\b|[천만억조])")
#: a figure glued to a spec unit ("320p", "60fps", "1080i") is a specification, not a score
_SPEC_UNIT = re.compile(r"\d\s?(?:p|i|px|fps|Hz)\b")


def benchmark_scores(subject: str, text: str, label: str, loc: Location, sources: tuple[str, ...],
                     suffix: str) -> list[Statement]:
    """A model's score in a benchmark table's cell; none for a size or a count written with its
    magnitude ("235B", "4M", "2억") or a specification in its unit ("320p")."""
    q = parse_cell(text, label)
    if q is None or q.value is None or q.kind not in ("number", "percent") or _MAGNITUDE.search(text) \
            or _SPEC_UNIT.search(text):
        return []
    out = [Statement(subject, "benchmarkScore", loc, f"table-reader:benchmarkScore@model-default{suffix}",
                     value=Decimal(q.value), unit="" if q.kind == "number" else "%", scope=label[:60],
                     sources=sources, raw=text[:60])]
    # "32.9% ($186,125)": the money the score stands for, in parentheses after it
    paren = _PAREN.fullmatch(text.strip())
    money = [m for m in find_quantities(paren.group(1)) if m.value is not None] if paren else []
    if len(money) == 1 and money[0].kind == "money":
        out.append(Statement(subject, "amount", loc, f"table-reader:amount@score-paren{suffix}",
                             value=Decimal(money[0].value), unit=money[0].unit, metric=label[:60],
                             sources=sources, raw=text[:60]))
    return out


_PAREN = re.compile(r"[^()]+\(([^()]+)\)")


def cell_entry(lex: Lexicon, label: str, types: tuple[str, ...], text: str) -> ValueEntry | None:
    """The lexicon's entry for a cell under ``label``: the first that matches (``Lexicon.value_for``), unless
    - it reads a model's bare figure as a hardware measure: "종합 성능 | 63.3" in a model's row is a benchmark
      score (the table reader's fallback for models, and for the people a model table measures them against),
      not a compute performance, whose cell would carry FLOPS;
      so is a model's percentage under a label naming a cost ("SWE-Lancer (코딩) 비용 포함 | 32.9% ($186,125)");
    - the cell holds a figure of a dimension of its own (money, power) that the entry does not measure while a
      later entry matching the label does: "수주 잔고 | $30.1 billion" is a backlog in money, not in power."""
    entry = lex.value_for(label, types)
    if entry is None:
        return None
    q = parse_cell(text, "")
    if q is None or q.value is None:
        return entry
    if any(is_a(t, c) for t in types for c in ("AIModel", "Person")) and (
            (entry.dimension == "compute" and q.kind in ("number", "percent"))
            or (entry.dimension == "money" and q.kind == "percent")):
        return None
    if q.kind not in _OWN_DIMENSIONS or entry.dimension not in _OWN_DIMENSIONS or entry.dimension == q.kind:
        return entry
    fitting = (e for e in lex.values if e.dimension == q.kind and e.match.search(label)
               and not (e.veto and e.veto.search(label))
               and not (e.subject and types and not any(is_a(t, c) for t in types for c in e.subject)))
    return next(fitting, entry)


#: dimensions a cell's figure states by its own unit, so that it tells which measure it is ("수주잔고, 리드타임 |
#: 55GW …": a backlog in power, not a lead time)
_OWN_DIMENSIONS = ("money", "power", "duration")


#: a caption saying its table compares results: of benchmarks, or of a contest's scores ("성적", "순위표")
_SCORES_CAPTION = re.compile(r"벤치마크|[Bb]enchmark|성적|점수|순위표|[Ll]eaderboard")
_CONTEST_CAPTION = re.compile(r"성적|점수|순위표|[Ll]eaderboard")


def scored_subject(types: tuple[str, ...] | list[str], table: Table) -> str | None:
    """The rule suffix under which a row's figure with a label the lexicon does not know is its score on
    that test, or None: any model's figure, and the human baseline's of a table keyed by its models (the
    row :func:`created_class` makes people); a firm's in a table whose caption says it compares benchmark
    results or scores (":caption"); a person's in a table whose caption says it lists a contest's scores
    or standings (":person")."""
    keys = (table.column_labels or [c.text for c in table.header])[:1]
    if any(is_a(t, "AIModel") for t in types) or (
            any(is_a(t, "Person") for t in types) and any(_MODEL_KEY.match(k.strip()) for k in keys)):
        return ""
    text = " ".join(table.caption)
    if _SCORES_CAPTION.search(text) and any(is_a(t, "Organization") for t in types):
        return ":caption"
    if _CONTEST_CAPTION.search(text) and any(is_a(t, "Person") for t in types):
        return ":person"
    return None


def person_rank_suffix(caption: list[str]) -> str:
    """The rule suffix of a person's rank in a table: ":person:contest" for a contest's standings (the
    caption says it lists scores), ":person" for any other list (of earners, of talent)."""
    return ":person:contest" if _CONTEST_CAPTION.search(" ".join(caption)) else ":person"


def figure_further(q: Quantity, dimension: str) -> bool:
    """The cell's leading quantity is not the row's figure, which is to be found further in: a bare number
    where a length is wanted ("TSMC 5nm"), or the date a count or other measure holds at ("2025년 7월 기준
    350+명": as of a month). Money keeps its own reading of such cells (the amount among the words)."""
    if dimension == "length":
        return q.kind == "number"
    return q.kind == "period" and dimension not in ("money", "date", "period")


#: a comma that lists the groups one segment's name joins ("뉴스 분석가, 기자, 저널리스트", "교사, 고등 교육")
_LISTING_COMMA = re.compile(r",(?=\s)")


def listed_name(text: str, create: str) -> str:
    """A key cell's text as a name to create an entity of class ``create`` from: a market segment (a group
    of actors described together) may be named by a list of groups, one segment, so its listing commas
    are no separators; another class's cell naming several things is left as it is (no name)."""
    return _LISTING_COMMA.sub("", text) if create == "MarketSegment" else text


#: the human baseline row of a model comparison ("인간 | 우주 | ? | 53.7", "Human expert"): people, not a model
_HUMAN_BASELINE = re.compile(r"(?:인간|사람|일반인|[Hh]umans?)(?:\s?(?:전문가|평균|최고|[Ee]xperts?|[Aa]verage|"
                             r"[Bb]aseline))?|(?:인간\s?)?전문가(?:\s?평균)?|(?:[Hh]uman\s)?[Ee]xperts?")
#: a key header naming the models of a table
_MODEL_KEY = re.compile(r"^(?:모델|모델명|[Mm]odel)$")


def created_class(text: str, create: str) -> str:
    """The class of the entity a key cell creates: the key's ``create``, but a person (the people the models
    are measured against) for the human baseline row of a model table ("인간", "Human expert")."""
    return "Person" if create == "AIModel" and _HUMAN_BASELINE.fullmatch(text.strip()) else create


#: a label naming a picture's resolution ("해상도", "출력 해상도", "Resolution")
_RESOLUTION_LABEL = re.compile(r"해상도|[Rr]esolution")
#: a resolution by its lines ("720p", "1080i") or by its common name ("4K", "FHD")
_LINES = r"(?:(\d{3,4})\s?[pi]|([248])K|(UHD|QHD|FHD|HD))(?![A-Za-z])"
_RESOLUTION_CELL = re.compile(rf"\s*{_LINES}(?:\s*[~–-]\s*{_LINES})?\s*")
#: the lines of a resolution named in words (a "4K" picture is 3,840 x 2,160)
_NAMED_LINES = {"2": 1080, "4": 2160, "8": 4320, "HD": 720, "FHD": 1080, "QHD": 1440, "UHD": 2160}


def resolution_lines(text: str, label: str) -> SimpleNamespace | None:
    """Under a resolution label, the cell's vertical resolution in lines: "320p" → 320, "720p ~ 4K" → 720–2,160;
    a cell in another form ("12MP 초광각") holds no figure (value None). None when the label is no resolution."""
    if not _RESOLUTION_LABEL.search(label):
        return None
    m = _RESOLUTION_CELL.fullmatch(text)
    lines = [] if m is None else [Decimal(g[0]) if g[0] else Decimal(_NAMED_LINES[g[1] or g[2]])
                                  for g in (m.groups()[:3], m.groups()[3:]) if any(g)]
    low, high = (lines[0], lines[-1]) if lines else (None, None)
    return SimpleNamespace(kind="number", value=low, low=low, high=high, unit="", currency=None,
                           qualifiers=frozenset(), precision="", raw=text)


#: a unit column's cell naming a unit of time ("시간", "분", "일", "hours")
TIME_UNIT = re.compile(r"(?:시간|분|초|일|주|개월|년|hours?|minutes?|days?|years?|hrs?|min)")
