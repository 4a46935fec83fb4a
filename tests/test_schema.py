"""Each check a contributor can fail, with the exact line they are shown."""

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import load_archive
from helpers import FIXTURE_ARCHIVE, VALID_BODY, VALID_FRONT, article_text


def content_with(tmp_path: Path, name: str, text: str) -> Path:
    """A content folder holding the real metadata files and one article."""
    folder = tmp_path / "briefings"
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for meta in ("topics.yml", "actors.yml", "outlets.yml"):
        (folder / meta).write_text((FIXTURE_ARCHIVE / meta).read_text(encoding="utf-8"))
    (folder / "articles" / name).write_text(text, encoding="utf-8")
    return folder


def errors_for(tmp_path: Path, front: str, body: str = VALID_BODY, name: str = "a.md") -> list[str]:
    folder = content_with(tmp_path, name, article_text(front, body))
    with pytest.raises(ContentErrors) as errors:
        load_archive(folder, root=tmp_path)
    return [error.format() for error in errors.value.errors]


def test_valid_article_loads(tmp_path):
    folder = content_with(tmp_path, "a.md", article_text(VALID_FRONT.format(id="a"), VALID_BODY))
    archive = load_archive(folder, root=tmp_path)
    (article,) = archive.articles
    assert article.title == "Un article de test"
    assert str(article.date) == "2025-01-15"
    assert article.source == "briefings/articles/a.md"


CLAIM = """
claims:
  - topic: troops
    metric: reinforcements
    value: {value}
    qualifier: exact
    as_of: 2025-02
    attributed_to: jcs
    quote: "a déployé 3.000 soldats"
"""


@pytest.mark.parametrize("value, message", [
    ("3.000", "'3.000' is not a plain integer: write 3000"),
    ("03000", "'03000' is not a plain integer (digits only, no leading zero)"),
    ("3 000", "'3 000' is not a plain integer: write 3000"),
])
def test_figures_must_be_plain_integers(tmp_path, value, message):
    front = VALID_FRONT.format(id="a") + CLAIM.format(value=value)
    (error,) = errors_for(tmp_path, front)
    assert error.startswith(f"briefings/articles/a.md:12:12: claims[0].value: {message}")


@pytest.mark.parametrize("change, expected", [
    (("id: a", "id: b"), "a.md:2:5: id: 'b' does not match the file name (hint: use 'a'"),
    (("outlet: bfmtv", "outlet: lemonde"), "a.md:5:9: outlet: unknown outlet 'lemonde' (hint: the closest known outlet is 'excelsior'; "
     "a new outlet is defined in briefings/outlets.yml)"),
    (("topics: [troops]", "topics: [troupes]"), "a.md:7:10: topics[0]: unknown topic 'troupes'"),
    (("date: 2025-01-15", "date: 15/01/2025"), "a.md:4:7: date: '15/01/2025' is not a date: write YYYY-MM-DD"),
    (("date: 2025-01-15", "date: 2025-02-30"), "a.md:4:7: date: '2025-02-30' is not a real date"),
    (("language: fr", "langue: fr"), "a.md:6:1: langue: unknown field"),
    (("title: \"Un article de test\"\n", ""), "a.md:2:1: title: required field is missing"),
    (("id: a", "id: A_b"), "a.md:2:5: id: 'A_b' is not a valid id"),
    (("title: \"Un article de test\"", "title: \"a\u202eb\""), "a.md:3:8: title: contains the invisible control character U+202E"),
])
def test_frontmatter_errors_name_line_column_and_field(tmp_path, change, expected):
    front = VALID_FRONT.format(id="a").replace(*change)
    errors = errors_for(tmp_path, front)
    assert any(f"briefings/articles/{expected}" in e for e in errors), errors


def test_claim_shape_and_references_are_checked(tmp_path):
    front = VALID_FRONT.format(id="a") + """
claims:
  - topic: troops
    metric: reinforcements
    event: signature
    as_of: 2025-02
    attributed_to: jcs
    quote: "x"
  - topic: troops
    metric: soldiers
    value: 1
    qualifier: exact
    as_of: 2025-02
    attributed_to: cia
    quote: "x"
  - topic: troops
    metric: deployed
    qualifier: range
    low: 12000
    high: 10000
    as_of: 2025-02
    attributed_to: jcs
    quote: "x"
"""
    assert errors_for(tmp_path, front) == [
        "briefings/articles/a.md:10:5: claims[0]: a claim has either 'metric' (a figure) or "
        "'event', not both or neither",
        "briefings/articles/a.md:23:5: claims[2]: 'low' (12000) must be smaller than 'high' (10000)",
    ]
    # References are checked once the shapes are valid.
    front = front.replace("    event: signature\n", "    value: 5\n    qualifier: about\n")
    front = front.replace("low: 12000", "low: 9000")
    assert [e for e in errors_for(tmp_path, front) if "unknown" in e] == [
        "briefings/articles/a.md:18:13: claims[1].metric: unknown metric 'soldiers' for topic "
        "'troops' (hint: the closest known metric is 'deployed'; a new metric is defined in "
        "briefings/topics.yml, under 'troops: metrics:')",
        "briefings/articles/a.md:22:20: claims[1].attributed_to: unknown actor 'cia' (hint: the "
        "closest known actor is 'kcna'; a new actor is defined in briefings/actors.yml)",
    ]


def test_body_control_characters_are_refused_with_their_line(tmp_path):
    errors = errors_for(tmp_path, VALID_FRONT.format(id="a"), body="Ligne 1\n\nLigne\x1b[31m 3")
    assert errors == ["briefings/articles/a.md:12:1: body: contains the invisible control "
                      "character U+001B; remove it"]


def test_every_error_of_every_file_is_reported_at_once(tmp_path):
    folder = content_with(tmp_path, "a.md", article_text(VALID_FRONT.format(id="b"), VALID_BODY))
    (folder / "articles" / "c.md").write_text("no frontmatter\n")
    with pytest.raises(ContentErrors) as errors:
        load_archive(folder, root=tmp_path)
    assert [e.path for e in errors.value.errors] == ["briefings/articles/a.md",
                                                     "briefings/articles/c.md"]
