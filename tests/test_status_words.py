"""Which words give a prose figure its status (petaflop.extract.status_words and the cues of text_frames):
an aside with a figure of its own is about that figure, a clause about what already runs keeps its figures
actual, a claim's window is cut to the figure's clause, an event's goal is a target and what is said to come
a forecast; "예측 가능", "비전 트랜스포머" and "할 것으로 예상" are read for what they are. Sentences are our own."""

from __future__ import annotations

from petaflop.extract.facts import Location
from petaflop.extract.lexicon import load_lexicon
from petaflop.extract.status_words import clause_words, plan_status, sentence_plan, window_words
from petaflop.extract.text_frames import status_of_words

LOC = Location(10, 10, "VI", "test slide")


def test_an_aside_with_its_own_figure_gives_no_cue_to_a_figure_outside_it():
    clause = "변전소 3호(80일 목표로 시공 중) + 배터리 150대"
    assert status_of_words(clause) == "target"
    assert status_of_words(clause_words(clause, "150대")) == ""
    noted = "매출 70억 달러 (추정)"  # parentheses without a figure still qualify it
    assert status_of_words(clause_words(noted, "70억 달러")) == "estimate"


def test_a_figure_inside_an_aside_takes_only_the_asides_words():
    clause = "H200 등 9만개 목표치 (서부 지역 등 21개 프로젝트)"
    assert clause_words(clause, "21개") == "서부 지역 등 21개 프로젝트"
    assert status_of_words(clause_words(clause, "9만개")) == "target"
    sentence = "4분기 내 7만개의 GB300(약 90만개의 A100과 동일한 것으로 추정)이 추가 투입될 예정."
    assert status_of_words(clause_words(sentence, "90만개")) == "estimate"
    assert sentence_plan(sentence, sentence, "90만개") == ""  # the sentence's plan is not the aside's


def test_a_plan_at_the_end_of_the_sentence_governs_figures_but_not_what_already_runs():
    sentence = "Acme는 3만 개를 구축하고, 내년에 5만 개를 더 투입할 예정."
    assert sentence_plan(sentence, "Acme는 3만 개를 구축하고, ", "3만 개") == "planned"
    running = "Acme는 3만 개의 H100을 가동 중이고, 내년에 5만 개를 더 투입할 예정."
    assert sentence_plan(running, "Acme는 3만 개의 H100을 가동 중이고, ", "3만 개") == ""
    now = "사업 목표는 3GW이고, 현재로서는 0.8GW 이상"
    assert sentence_plan(now, "현재로서는 0.8GW 이상", "0.8GW") == ""
    times = "Acme는 장기적으로 현재의 50배인 2억 개 수준의 칩을 확보할 계획."
    assert sentence_plan(times, times, "50배") == "planned"  # a multiple of now is no figure of now


def test_the_prose_reader_keeps_running_figures_actual_and_an_aside_estimate(text_reader):
    r, ex = text_reader
    r.read("- xAI는 30만개의 H100을 가동 중이고, 4분기 내 70만개의 GB300(약 900만개의 A100과 동일한 것으로 추정)이 "
           "추가 투입될 예정.", LOC, ())
    got = sorted((s.kind, int(s.value), s.status) for s in ex.statements if s.subject == "xai")
    assert got == [("a100EquivalentCount", 9000000, "estimate"), ("chipCount", 300000, "actual"),
                   ("chipCount", 700000, "planned")]


def test_a_claims_window_is_cut_to_the_figures_clause():
    assert window_words("사업 목표는 3GW이고, 현재로서는 0.8GW 이상의 용량으로 가") == "현재로서는 0.8GW 이상의 용량으로 가"
    assert window_words("20GW라는 목표에서 절반을 확보). 9GW급 GB300 ") == "9GW급 GB300 "
    assert status_of_words(window_words("아주 큰 계획. 사업 목표는 3GW이고, 현재로서")) == "target"


def test_an_events_goal_is_a_target_and_what_is_said_to_come_a_forecast(text_reader):
    assert plan_status("를 목표", "로 했던") == "target"
    assert plan_status("될 것", "이라는 소문") == "forecast"
    assert plan_status("예정", "") == "planned"
    assert plan_status(None, "") == ""
    r, ex = text_reader
    r.read("- 올해 12월 출시 목표인 차세대 Ascend 910D는 성능이 높음.", LOC, ())
    r.read("- DeepSeek R2는 당초 3월 출시를 목표로 했음. R2가 11월에 출시될 것이라는 소문도 있음.", LOC, ())
    r.read("• 2026년 2분기: S2 양산 라인 업그레이드 완료 (목표)", LOC, ())
    got = sorted((s.subject, s.kind, s.time.text, s.status) for s in ex.statements if s.kind.endswith("Date"))
    assert got == [("deepseek-r2", "releaseDate", "2025-03", "target"),
                   ("deepseek-r2", "releaseDate", "2025-11", "forecast"),
                   ("huawei-ascend-910d", "releaseDate", "2025-12", "target"),
                   ("samsung-s2-line", "completionDate", "2026-Q2", "target")]


def test_cue_words_read_for_what_they_say():
    assert status_of_words("내년에 2,000억 달러를 지출할 것으로 예상") == "forecast"
    assert status_of_words("내년에 2,000억 달러를 투자할 것") == "planned"
    assert status_of_words("주목할 것은 약 60일 이내라는 계약") == ""  # what is to be noted: no plan
    assert status_of_words("1K 토큰당 $0.01 비용으로 가정") == "estimate"
    assert status_of_words("영상 → 비전 트랜스포머 → 동작") == ""
    assert status_of_words("비전통적 기업의 매출") == ""
    assert status_of_words("장기 비전은 10GW") == "target"
    assert status_of_words("비교적 예측 가능 (샘플당 $0.5)") == ""
    assert status_of_words("수율 향상은 생산량 예측에 있어 중요") == ""
    assert status_of_words("내년 매출 예측치") == "forecast"
    lexicon = load_lexicon()
    assert lexicon.status_of("유튜브 영상 → 비전 트랜스포머") == ""
    assert lexicon.status_of("장기 비전") == "target"
    assert lexicon.status_of("비교적 예측 가능") == ""
    assert lexicon.status_of("매출 예측") == "forecast"


def test_a_column_of_the_figures_of_now_stays_undated_like_every_current_value():
    # "현재 값" is now: undated, it ranks with the report's other current values of the same thing (dated to
    # the report's year, its period's end would outrank a current value read elsewhere)
    from petaflop.extract.table_status import table_status
    from tests.test_table_reader import make_table

    table = make_table(["두 회사의 주요 수치"], ["회사", "지표", "이전 시점", "이전 값", "현재 값", "성장률"],
                       [["가나다랩", "연간 매출", "5개월 전", "$20억", "$50억", "150%"]])
    status = table_status({table.id: table})[table.id]
    assert status.period(5, 101) is None
    assert status.period(4, 101) is None and status.period(6, 101) is None  # an earlier value, a change: not now
