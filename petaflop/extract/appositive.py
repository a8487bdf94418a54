"""The appositive of a genitive: "<A>의 <what B is to A>인 <B>" ("엔비디아의 자체 제품인 X", "아마존의 자체 AI
가속기인 “Trainium”", "화웨이의 주력 칩인 910C"). The words before "인" say what B is (a product, a chip, a
technology) and may carry "own" modifiers; B is then A's as in "<A>의 <B>", and the genitive frame reads
both with one rule (``text:genitive:<entry>``). A head noun that says B is only a part or the core of A
("…의 핵심인 Y", "…의 일환인 Y") states no making, so it is not an appositive here."""

from __future__ import annotations

#: what B is to A, ended by the copula "인": at most four words before the head noun (a word may be two
#: joined by a slash: "데이터 생성/AI 훈련 방법론인"), the head noun
#: not a part-of word, and no word of rivalry or partnership ("AMD의 경쟁사 제품인 CUDA" is not AMD's)
APPOSITIVE = (r"(?![^인]{0,40}(?:경쟁|대체|대항|대비|라이벌|파트너|고객|협력|투자))(?:[가-힣A-Za-z0-9]{1,8}(?:/[가-힣A-Za-z0-9]{1,8})?\s){0,4}"
              r"(?!(?:핵심|심장|중심|일부|일환|기반|근간|대표|중)인)[가-힣A-Za-z]{1,8}인\s")
