"""Hostile and broken input: one case per hazard, each with its precise error or its
harmless output. Every case here fails without the protection it names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import (
    FIXTURE_ARCHIVE,
    REPO,
    VALID_BODY,
    article_text,
    briefing,
    content,
    make_project,
    make_site_project,
    mkdocs_build,
    run,
    search_index,
    soup,
)

from generator.read.errors import ContentErrors
from generator.read.load import load_archive

FRONT = """id: a
title: "Titre"
date: 2025-01-15
outlet: bfmtv
language: fr
topics: [troops]"""


def content_dir(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "briefings"
    (folder / "articles").mkdir(parents=True)
    for meta in ("topics.yml", "actors.yml", "outlets.yml"):
        (folder / meta).write_bytes((FIXTURE_ARCHIVE / meta).read_bytes())
    for name, data in files.items():
        path = folder / "articles" / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def first_error(tmp_path: Path, files: dict[str, bytes | str]) -> str:
    with pytest.raises(ContentErrors) as errors:
        load_archive(content_dir(tmp_path, files), root=tmp_path)
    return errors.value.errors[0].format()


def with_front(extra: str = "", replace: tuple[str, str] = ("", ""), body: str = VALID_BODY) -> str:
    return f"---\n{FRONT.replace(*replace)}\n{extra}---\n\n{body}\n"


CLAIM = ("claims:\n  - topic: troops\n    metric: deployed\n    value: {value}\n"
         "    qualifier: exact\n    as_of: 2025-01\n    attributed_to: jcs\n"
         "    quote: \"3.000 soldats\"\n")
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"

LOADER_HAZARDS = {
    "figure-with-dot": (with_front(CLAIM.format(value="3.000")),
                        "a.md:11:12: claims[0].value: '3.000' is not a plain integer: write 3000"),
    "figure-octal": (with_front(CLAIM.format(value="03000")),
                     "a.md:11:12: claims[0].value: '03000' is not a plain integer"),
    "figure-float": (with_front(CLAIM.format(value="3e3")),
                     "a.md:11:12: claims[0].value: '3e3' is not a plain integer"),
    "yaml-boolean-guess": (with_front(replace=("topics: [troops]", "topics: [no]")),
                           "a.md:7:10: topics[0]: unknown topic 'no'"),
    "duplicate-key": (with_front("title: \"Autre\"\n"),
                      "a.md:8:1: duplicate key 'title' (first defined on line 3)"),
    "alias-bomb": (with_front(LAUGHS), "a.md:8:4: anchors (&name) are not allowed"),
    "python-tag": (with_front("x: !!python/object/apply:os.system [\"id\"]\n"),
                   "a.md:8:4: tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed"),
    "merge-key": (with_front("<<: {title: x}\n"), "a.md:8:1: <<: unknown field"),
    "unknown-field": (with_front("script: x\n"), "a.md:8:1: script: unknown field"),
    "bom": (b"\xef\xbb\xbf" + with_front().encode(), "a.md:1:1: file starts with a byte order mark"),
    "frontmatter-list": ("---\n- a\n---\n\nx\n", "a.md:2:1: the frontmatter is a list, not a mapping"),
    "unclosed-frontmatter": ("---\nid: a\n\nx\n", "a.md:1:1: the frontmatter opened on line 1 is never closed"),
    "not-utf8": (b"---\nid: \xe9\n---\nx\n", "a.md:2:1: not valid UTF-8"),
    "bidi-override-title": (with_front(replace=("\"Titre\"", "\"abc\u202edcba\"")),
                            "a.md:3:8: title: contains the invisible control character U+202E"),
    "control-char-note": (with_front("date_note: \"a\x07b\"\n"),
                          "a.md:8:14: contains the invisible control character U+0007"),
    "control-char-body": (with_front(body="ok\n\nbad \x1b[2J"),
                          "a.md:12:1: body: contains the invisible control character U+001B"),
    "private-use-body": (with_front(body="x \ue000 y"),
                         "a.md:10:1: body: contains the invisible control character U+E000"),
    "path-escape-id": (with_front(replace=("id: a", "id: ../../etc/passwd")),
                       "a.md:2:5: id: '../../etc/passwd' is not a valid id"),
    "id-not-file-name": (with_front(replace=("id: a", "id: b")),
                         "a.md:2:5: id: 'b' does not match the file name"),
    "uppercase-id": (with_front(replace=("id: a", "id: A")), "a.md:2:5: id: 'A' is not a valid id"),
    "javascript-url": (with_front("url: \"javascript:alert(1)\"\n"),
                       "a.md:8:6: url: 'javascript:alert(1)' is not an http(s) URL"),
    "data-url": (with_front("url: \"data:text/html,<script>alert(1)</script>\"\n"),
                 "a.md:8:6: url: 'data:text/html,<script>alert(1)</script>' is not an http(s) URL"),
    "outlet-path": (with_front(replace=("outlet: bfmtv", "outlet: ../x")),
                    "a.md:5:9: outlet: '../x' is not a valid id"),
    "deep-nesting": (with_front("x: " + "[" * 20 + "]" * 20 + "\n"), "a.md:8:"),
    "huge-frontmatter": (with_front("x: \"" + "a" * 300_000 + "\"\n"),
                         "a.md:1:1: YAML larger than 256 KiB"),
    "empty-body": (with_front(body=""), "a.md:9:1: body: the article has no text"),
}


@pytest.mark.parametrize("text, expected", LOADER_HAZARDS.values(), ids=LOADER_HAZARDS.keys())
def test_loader_refuses_each_hazard_with_file_line_and_field(tmp_path, text, expected):
    error = first_error(tmp_path, {"a.md": text})
    assert error.startswith(f"briefings/articles/{expected}"), error


def test_yaml_no_stays_text_instead_of_false(tmp_path):
    folder = content_dir(tmp_path, {"a.md": with_front(replace=("\"Titre\"", "no"))})
    assert load_archive(folder, root=tmp_path).articles[0].title == "no"


def test_symlinked_article_is_refused(tmp_path):
    folder = content_dir(tmp_path, {})
    secret = tmp_path / "secret.md"
    secret.write_text(with_front())
    (folder / "articles" / "a.md").symlink_to(secret)
    with pytest.raises(ContentErrors, match="symbolic links are not allowed"):
        load_archive(folder, root=tmp_path)


@pytest.mark.build
def test_check_reports_every_hazard_at_once_without_traceback(tmp_path):
    project = make_project(tmp_path, {f"{name}.md": text for name, (text, _) in LOADER_HAZARDS.items()
                                      if isinstance(text, str)}, keep_articles=False)
    result = briefing(["check"], project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].endswith(" errors")
    assert all(line.startswith("briefings/articles/") for line in lines[:-1])


# --- What a hostile article can make a reader's browser do: nothing. --------------------

HOSTILE_TITLE = "<script>alert(1)</script> [x](javascript:alert(2)) {{ 7*7 }} </title>"
HOSTILE_BODY = "\n\n".join([
    "Paragraphe 1 <script>alert(3)</script> fin.",
    "<img src=x onerror=alert(4)>",
    "[lien](javascript:alert(5)) et [donnee](data:text/html;base64,PHNjcmlwdD4=)",
    "![image distante](https://evil.example/pixel.png)",
    "Texte {: onclick=\"alert(6)\" }",
    "<iframe src=\"https://evil.example\"></iframe><object data=x></object>",
    "<form action=\"https://evil.example\"><input name=q></form>",
    "<style>body{display:none}</style>",
    "<a href=\"https://ok.example\" onmouseover=\"alert(7)\">survol</a>",
    "[propre](https://exemple.fr/page)",
    "Citation <b>importante</b> ici.",
])
HOSTILE_FRONT = f"""id: hostile
title: {json.dumps(HOSTILE_TITLE)}
date: 2025-01-15
date_note: "<b>gras</b> {{{{ 7*7 }}}}"
outlet: bfmtv
language: fr
topics: [troops]
cleaning:
  - "<script>alert(8)</script>"
claims:
  - topic: troops
    event: deployment_unconfirmed
    as_of: 2025-01
    attributed_to: jcs
    quote: "Citation <b>importante</b> ici."
"""


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("hostile")
    project = make_project(tmp_path, {"hostile.md": article_text(HOSTILE_FRONT, HOSTILE_BODY)})
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def page_of(site: Path):
    return soup(site / "articles" / "hostile.html")


@pytest.mark.build
def test_no_script_frame_form_style_or_image_from_contributor_text(hostile_page):
    main = content(hostile_page / "articles" / "hostile.html")
    for tag in ("script", "iframe", "object", "form", "input", "style", "img"):
        assert main.find(tag) is None, tag
    text = main.get_text()
    assert "<script>alert(3)</script>" in text       # shown as text, not run
    assert "<img src=x onerror=alert(4)>" in text


@pytest.mark.build
def test_no_event_handler_or_dangerous_url(hostile_page):
    page = page_of(hostile_page)
    for element in page.find_all(True):
        for attribute, value in element.attrs.items():
            assert not attribute.startswith("on"), (element.name, attribute)
            if attribute in ("href", "src", "action", "data"):
                assert not str(value).strip().lower().startswith(("javascript:", "data:")), value
    links = {a.get_text(): a.get("href") for a in content(hostile_page / "articles" / "hostile.html")
             .select(".ba-body a")}
    # A javascript: or data: link stays as its text (no link, or a link without href).
    assert links.get("lien") is None and links.get("donnee") is None
    assert "lien" in page.get_text() and "donnee" in page.get_text()
    assert links["propre"] == "https://exemple.fr/page"


@pytest.mark.build
def test_metadata_shows_literally(hostile_page):
    page = page_of(hostile_page)
    assert page.title.get_text().startswith(HOSTILE_TITLE)
    main = content(hostile_page / "articles" / "hostile.html")
    assert main.h1.get_text() == HOSTILE_TITLE
    panel = main.select_one("dl.ba-meta").get_text()
    assert "<b>gras</b> {{ 7*7 }}" in panel and "49" not in panel
    assert "<script>alert(8)</script>" in main.select_one(".ba-cleaning").get_text()
    ledger = " ".join(main.select_one("table.ba-ledger").get_text().split())  # typeset spaces
    assert "« Citation <b>importante</b> ici. »" in ledger


@pytest.mark.build
def test_hostile_title_is_escaped_in_lists_search_and_exports(hostile_page):
    troops = content(hostile_page / "sujets" / "troupes.html")
    assert HOSTILE_TITLE in [a.get_text() for a in troops.select("ul.ba-article-list a")]
    index = search_index(hostile_page)
    assert [doc[1] for doc in index["docs"] if doc[0] == "articles/hostile.html"] == [HOSTILE_TITLE]
    script = (REPO / "docs" / "assets" / "javascripts" / "briefing-search.js").read_text()
    assert "innerHTML" not in script and "textContent" in script  # results are shown as text
    articles = json.loads((hostile_page / "data" / "articles.json").read_text())
    assert next(a for a in articles if a["id"] == "hostile")["title"] == HOSTILE_TITLE


@pytest.mark.build
def test_failed_build_leaves_the_previous_site_untouched(tmp_path):
    project = make_site_project(tmp_path)
    assert run(["make", "site"], project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    broken = project / "briefings" / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.md"
    broken.write_text(broken.read_text().replace("value: 1100", "value: 1.100"))
    result = run(["make", "site"], project)
    assert result.returncode != 0
    assert "'1.100' is not a plain integer: write 1100" in result.stderr
    after = {p: p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.build
def test_two_builds_of_the_same_input_are_byte_identical_cold_or_cached(tmp_path):
    project = make_project(tmp_path)
    env_epoch = {"SOURCE_DATE_EPOCH": "1743033600", "BRIEFING_OFFLINE_ZIP": "true"}
    trees = []
    for name in ("cold", "cached"):  # the first build fills .cache/briefing, the second uses it
        site = tmp_path / name
        result = mkdocs_build(project, site, env_epoch)
        assert result.returncode == 0, result.stderr
        trees.append({p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()})
        assert (project / ".cache" / "briefing").is_dir()
    assert trees[0] == trees[1]


@pytest.mark.build
def test_a_cached_rebuild_after_an_edit_matches_a_cold_build(tmp_path):
    """Pages and files kept from the previous build are reused only when unchanged."""
    project = make_project(tmp_path)
    env_epoch = {"SOURCE_DATE_EPOCH": "1743033600"}

    def build(name: str) -> dict:
        site = tmp_path / name
        result = mkdocs_build(project, site, env_epoch)
        assert result.returncode == 0, result.stderr
        return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    before = build("before")
    article = next((project / "briefings" / "articles").glob("*.md"))
    text = article.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    article.write_text(text.replace(title, "title: Un titre corrigé", 1), encoding="utf-8")
    cached = build("cached")
    shutil.rmtree(project / ".cache")
    assert cached == build("cold")
    changed = {str(path) for path in cached if cached[path] != before.get(path)}
    # the month's list was made again, not linked from the store
    assert any("Un titre corrigé".encode() in cached[Path(p)] for p in changed
               if p.startswith("archives/"))
