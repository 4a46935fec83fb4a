"""Quoted passages are marked in the Markdown token stream, before sanitising: whatever
span a highlight covers, the page gets well-nested <mark> and anchor elements and nothing
else, and no attribute is ever broken into."""

from __future__ import annotations

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.render.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    Highlight,
    SafeMarkdown,
    clean_html,
)

MARKDOWN = SafeMarkdown()
LINK = 'Selon [le communiqué](https://exemple.fr/a_(b) "titre du communiqué officiel"), 3 000 soldats.'
ALLOWED = ({(tag, None) for tag in ALLOWED_TAGS}
           | {(tag, name) for tag, names in ALLOWED_ATTRIBUTES.items() for name in names}
           | {("a", "rel"), ("mark", None), ("mark", "class"), ("span", None), ("span", "class"),
              ("span", "id")})


def render(body: str, *spans: tuple[int, int]) -> str:
    return MARKDOWN.render(body, [Highlight(start, end, anchor=f"claim-{n}")
                                  for n, (start, end) in enumerate(spans)])


def shape(html: str) -> set:
    soup = BeautifulSoup(html, "html.parser")
    return {(element.name, name) for element in soup.find_all(True)
            for name in [None, *element.attrs]}


def check(html: str, body: str, same_links: bool = True) -> BeautifulSoup:
    """What every highlighted page must be: allowlisted, sanitised as it stands, with
    (``same_links``) the links of the source and their attributes. A span cut inside
    Markdown syntax (between a link's ``]`` and ``(``, or an image's ``!`` and ``[``), as
    a quote found in the text never is, may change what that syntax makes: not checked
    then, the rest still is."""
    assert shape(html) <= ALLOWED, html
    assert not any("\ue000" <= char <= "\ue003" for char in html), html
    assert "%EE%80%8" not in html.upper(), html
    assert clean_html(html, marks=True) == html  # nothing was added after sanitising
    soup = BeautifulSoup(html, "html.parser")
    for mark in soup.find_all("mark"):
        assert mark["class"] == ["ba-quote"] and mark.find("mark") is None
    for anchor in soup.find_all("span"):
        assert anchor["class"] == ["ba-anchor"] and anchor.get_text() == ""
    if same_links:
        plain = BeautifulSoup(MARKDOWN.render(body), "html.parser")
        assert [a.attrs for a in soup.find_all("a")] == [a.attrs for a in plain.find_all("a")], html
    return soup


def test_a_quote_boundary_inside_a_link_title_stays_out_of_the_attribute():
    title = LINK.index("du communiqué officiel")
    for spans in [(title, len(LINK)), (0, title), (title, title + 5), (LINK.index("exemple"), title)]:
        soup = check(render(LINK, spans), LINK)
        [link] = soup.find_all("a")
        assert link["title"] == "titre du communiqué officiel"
        assert link["href"] == "https://exemple.fr/a_(b)"
        assert link.get_text() == "le communiqué"
        assert soup.find(id="claim-0") is not None


def test_a_quote_boundary_inside_a_link_destination_keeps_the_address():
    body = "Voir [ici](https://exemple.fr/rapport) et [là](https://autre.fr) la suite."
    start = body.index("exemple.fr")
    soup = check(render(body, (start, start + 3), (body.index("autre"), len(body))), body)
    assert [a["href"] for a in soup.find_all("a")] == ["https://exemple.fr/rapport",
                                                      "https://autre.fr"]
    assert soup.find("mark").get_text() == "là la suite."


def test_a_mark_across_elements_nests_in_them():
    body = "Un *texte en italique* puis `du code` et la fin."
    soup = check(render(body, (body.index("italique"), body.index("code") + 2)), body)
    # A mark ending inside an element opened after it closes after the element.
    assert [mark.get_text() for mark in soup.find_all("mark")] == ["italique", " puis du code"]
    assert str(soup.p).endswith('<mark class="ba-quote"> puis <code>du code</code></mark> et la fin.</p>')


def test_marks_in_a_code_block():
    body = "```\nligne un\nligne deux\n```\n\nFin."
    soup = check(render(body, (body.index("un"), body.index("deux"))), body)
    assert soup.pre.get_text() == "ligne un\nligne deux\n"
    assert [mark.get_text() for mark in soup.find_all("mark")] == ["un", "ligne "]


PIECES = ["[lien](https://exemple.fr/x \"un titre\")", "*em*", "**fort**", "`code`", "\n\n",
          "\n", "## ", "- ", "> ", "![img](https://x.fr/i.png \"t\")", "<https://auto.fr/a>",
          "\\*", "&amp;", "\"", "'", "<", ">", "&", "mot ", " ", "é"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=12),
       spans=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=3))
def test_any_span_of_any_body_gives_allowlisted_well_formed_markup(pieces, spans):
    body = "".join(pieces)
    spans = [(min(a, b, len(body)), min(max(a, b), len(body))) for a, b in spans]
    check(render(body, *spans), body, same_links=False)
