"""Property: no string in any field adds an element, attribute or URL scheme to an article
page beyond what a clean article's page has (plus, for the body, the Markdown allowlist).

Pages are rendered by the generator and then by Python-Markdown with the site's own
extensions, as MkDocs does; the theme around them only receives escaped titles.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from urllib.parse import urlsplit

import markdown
from bs4 import BeautifulSoup
from helpers import REPO
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from pydantic import ValidationError

from generator.model import Actor, Archive, Article, Outlet, Topic
from generator.render.pages import PageBuilder
from generator.render.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

CONFIG = load_config(str(REPO / "mkdocs.yml"))
TOPIC = Topic.model_validate({"id": "troops", "title": "Troupes", "description": "d",
                              "events": {"said": {"label": "Déclaration"}}})
HAZARDS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
           "[x](javascript:alert(1))", "{: onclick=alert(1) }", "{{ 7*7 }}", "{% raw %}", "\"'><",
           "<a href=\"data:text/html,x\">x</a>", "---\ntitle: x\n---", "<!--", "]]>", "&lt;",
           "<svg onload=alert(1)>", "<iframe src=//x>", "`<b>`", "\n\n<div>", "*", "#", "\\"]
TEXT = st.lists(st.one_of(st.sampled_from(HAZARDS), st.text(max_size=12)), max_size=6).map("".join)


def render(title: str, note: str, cleaning: str, quote: str, body: str) -> BeautifulSoup | None:
    try:
        article = Article.model_validate({
            "id": "a", "title": title, "date": "2025-01", "date_note": note, "outlet": "o",
            "topics": ["troops"], "cleaning": [cleaning],
            "claims": [{"topic": "troops", "event": "said", "as_of": "2025-01",
                        "attributed_to": "jcs", "quote": quote}],
            "body": body, "source": "a.md"})
    except ValidationError:
        return None  # refused at load time: nothing is published
    archive = Archive(topics={"troops": TOPIC}, actors={"jcs": Actor(id="jcs", name="JCS")},
                      outlets={"o": Outlet(id="o", name="O")}, articles=(article,))
    page = PageBuilder.from_archive(archive).article(article).page()
    md = markdown.Markdown(extensions=CONFIG["markdown_extensions"],
                           extension_configs=CONFIG["mdx_configs"])
    meta_title = json.loads(page.markdown.split("\n")[1].removeprefix("title: "))
    # The theme prints the (escaped) title raw inside <title>.
    return BeautifulSoup(f"<title>{meta_title}</title>" + md.convert(page.content), "html.parser")


def shape(soup: BeautifulSoup) -> tuple[set, set]:
    pairs, schemes = set(), set()
    for element in soup.find_all(True):
        pairs.add((element.name, None))
        for attribute, value in element.attrs.items():
            pairs.add((element.name, attribute))
            if attribute in ("href", "src"):
                schemes.add(urlsplit(str(value)).scheme)
    return pairs, schemes


CLEAN_PAIRS, CLEAN_SCHEMES = shape(render("Titre", "Note", "Nettoyage", "texte", "Un texte."))
BODY_PAIRS = {(t, None) for t in ALLOWED_TAGS} | {(t, a) for t, attrs in ALLOWED_ATTRIBUTES.items()
                                                  for a in attrs} | {("a", "rel")}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, note=TEXT, cleaning=TEXT, quote=TEXT)
def test_metadata_fields_add_nothing_to_the_page(title, note, cleaning, quote):
    soup = render(title, note, cleaning, quote, "Un texte.")
    if soup is None:
        return
    pairs, schemes = shape(soup)
    assert pairs <= CLEAN_PAIRS
    assert schemes <= CLEAN_SCHEMES
    # The model keeps titles NFC-normalised (model.clean_text): '\U0002f800' is '\u4e3d'.
    expected = unicodedata.normalize("NFC", title).strip()
    # Shown as text, in French typography (render/typography.py): spaces and apostrophes aside.
    assert as_typeset(soup.title.get_text()) == as_typeset(html.unescape(html.escape(expected)))


def as_typeset(text: str) -> str:
    """A text without its spaces, its apostrophes all one: « «a » and « « a » typeset alike."""
    return re.sub(r"[\s\u00a0\u202f]", "", text).replace("\u2019", "'")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXT)
def test_body_adds_only_allowlisted_markup(body):
    soup = render("Titre", "Note", "Nettoyage", "texte", body + "\n\ntexte")
    if soup is None:
        return
    pairs, schemes = shape(soup)
    assert pairs <= CLEAN_PAIRS | BODY_PAIRS
    assert schemes <= CLEAN_SCHEMES | {"http", "https", "mailto"}
