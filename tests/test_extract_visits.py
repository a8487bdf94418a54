"""A site's visitors are its visits counted, no users (audit 10: a traffic table's "방문자 수" read as users)."""

TRAFFIC = ("주요 AI 서비스 웹 트래픽 변화\n\n챗봇 도메인\t2월 방문자 수\t5월 방문자 수\t변동률\n"
           "ChatGPT\t39억 500만\t54억 9,200만\t41%\nClaude\t7,300만\t1억\t37%\n\n자료: SimilarWeb\n")


def test_a_traffic_tables_visitors_are_visits_of_each_service_not_its_users():
    from ingest.parser import parse_text
    from petaflop.extract.pipeline import extract

    ex = extract(parse_text("I. 시험 장: 서비스\n\nVII. 중국 AI: 트래픽\n\n" + TRAFFIC))
    counts = {(s.subject, s.kind, int(s.value)) for s in ex.statements if s.kind in ("userCount", "unitCount")}
    assert counts == {("chatgpt", "unitCount", 3905000000), ("chatgpt", "unitCount", 5492000000),
                      ("claude", "unitCount", 73000000), ("claude", "unitCount", 100000000)}
