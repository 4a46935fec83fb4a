"""Each check a contributor can fail, with the exact line they are shown."""

from pathlib import Path

import pytest
from helpers import (
    FIXTURE_ARCHIVE,
    FIXTURES,
    VALID_BODY,
    VALID_FRONT,
    article_text,
    briefing,
    make_project,
)

from generator.read.errors import ContentErrors
from generator.read.load import load_archive


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


FIGURE = """
claims:
  - topic: troops
    metric: reinforcements
    value: {value}
    qualifier: exact
    as_of: 2025-02
    attributed_to: jcs
    quote: "{quote}"
"""


def figure_errors(tmp_path: Path, value: str, quote: str, body: str) -> list[str]:
    """The lines ``briefing check`` prints for one claim (none when the article is valid)."""
    front = VALID_FRONT.format(id="a") + FIGURE.format(value=value, quote=quote)
    folder = content_with(tmp_path, "a.md", article_text(front, body))
    try:
        load_archive(folder, root=tmp_path)
    except ContentErrors as errors:
        return [error.format() for error in errors.errors]
    return []


@pytest.mark.parametrize("value, message", [
    ("1000000000001", "'1000000000001' is too large for a count: a figure is at most "
                      "1000000000000 (10^12)"),
    ("9" * 5000, "'99999999999999999999… (5000 characters)' is too large for a count: a figure "
                 "is at most 1000000000000 (10^12)"),
    ("1 000 000 000 000 000", "'1 000 000 000 000 000' is not a plain integer: write "
                              "1000000000000000"),
    ("3\u2009000", "'3\u2009000' is not a plain integer: write 3000"),
    ("3\u00a0000", "'3\u00a0000' is not a plain integer: write 3000"),
])
def test_a_figure_too_large_for_a_count_is_refused_at_its_line(tmp_path, value, message):
    (error,) = figure_errors(tmp_path, value, "a déployé 3.000 soldats", VALID_BODY)
    assert error.startswith(f"briefings/articles/a.md:12:12: claims[0].value: {message}")


@pytest.mark.build
def test_check_refuses_huge_figures_without_traceback(tmp_path):
    front = VALID_FRONT.format(id="big") + FIGURE.format(value="9" * 5000, quote="3.000 soldats")
    project = make_project(tmp_path, {"big.md": article_text(front, VALID_BODY + " " + "9" * 5000)})
    result = briefing(["check"], project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "briefings/articles/big.md:12:12: claims[0].value: '99999999999999999999… (5000 "
        "characters)' is too large for a count: a figure is at most 1000000000000 (10^12)",
        "1 error"]


@pytest.mark.parametrize("space", ["\u2009", "\u202f", "\u00a0", " ", "."])
def test_thousands_with_any_french_separator_are_read(tmp_path, space):
    body = f"La Corée du Nord a déployé 3{space}000 soldats."
    assert figure_errors(tmp_path, "3000", f"a déployé 3{space}000 soldats", body) == []


@pytest.mark.parametrize("value, quote, expected", [
    ("1500000", "1,5 million d'obus", []),
    ("10000000", "10 millions d'obus", []),
    ("10", "10 millions d'obus", ["briefings/articles/a.md:12:12: claims[0].value: 10 does not "
                                  "appear in the quote (hint: numbers in the quote: 10000000)"]),
])
def test_a_number_with_its_multiplier_is_one_number(tmp_path, value, quote, expected):
    body = "La Corée du Nord a livré 1,5 million d'obus, puis 10 millions d'obus."
    assert figure_errors(tmp_path, value, quote, body) == expected


def test_a_count_written_in_words_is_read(tmp_path):
    body = "Selon le NIS, un millier de démineurs opèrent depuis juin."
    assert figure_errors(tmp_path, "1000", "un millier de démineurs", body) == []
    assert figure_errors(tmp_path, "100", "un millier de démineurs", body) == [
        "briefings/articles/a.md:12:12: claims[0].value: 100 does not appear in the quote "
        "(hint: numbers in the quote: 1000)"]


def test_a_huge_number_in_a_quote_is_read_as_no_count(tmp_path):
    body = f"Le matricule {'9' * 5000} a vu 3.000 soldats."
    assert figure_errors(tmp_path, "3000", f"{'9' * 5000} a vu 3.000 soldats", body) == []
    assert figure_errors(tmp_path, "9", f"{'9' * 5000} a vu", body) == [
        "briefings/articles/a.md:12:12: claims[0].value: 9 does not appear in the quote "
        "(hint: numbers in the quote: none)"]


def test_a_quote_starting_inside_a_larger_number_is_refused(tmp_path):
    body = "Plus de 11 000 soldats nord-coréens ont été déployés."
    assert figure_errors(tmp_path, "1000", "1 000 soldats nord-coréens", body) == [
        "briefings/articles/a.md:16:12: claims[0].quote: quote not found in the article text "
        "(hint: it stands only inside longer words or numbers: \"11 000 soldats nord-coréens\"; "
        "start and end the quote on whole words)"]
    assert figure_errors(tmp_path, "11000", "11 000 soldats nord-coréens", body) == []


def test_a_quote_copied_from_the_page_matches_text_with_markdown(tmp_path):
    body = ("Selon *Séoul*, la Corée du Nord a déployé [3 000 soldats](https://exemple.fr) "
            "**de plus**.")
    assert figure_errors(tmp_path, "3000", "Selon Séoul, la Corée du Nord a déployé 3 000 "
                                           "soldats de plus", body) == []


def test_a_position_is_someones(tmp_path):
    """An event that is a position (Event.stance) is attributed to who takes it."""
    scenarios = FIXTURES / "scenarios"
    article = scenarios / "stance" / "2024-12-23-a-silence.md"
    folder = tmp_path / "briefings"
    (folder / "articles").mkdir(parents=True)
    for meta in ("topics.yml", "actors.yml", "outlets.yml"):
        (folder / meta).write_text((scenarios / meta).read_text(encoding="utf-8"))
    (folder / "articles" / article.name).write_text(
        article.read_text(encoding="utf-8").replace("attributed_to: kappa", "attributed_to: inconnu"))
    with pytest.raises(ContentErrors) as errors:
        load_archive(folder, root=tmp_path)
    assert [e.format() for e in errors.value.errors] == [
        "briefings/articles/2024-12-23-a-silence.md:10:20: claims[0].attributed_to: 'silence' is "
        "a position someone takes: 'inconnu' is no one's (hint: attribute it to the actor whose "
        "position it is)"]
