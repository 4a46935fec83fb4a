"""Data a reader can take away: a CSV that French spreadsheets open in columns, each topic's
own files, a licence and a citation on the Données page and in the downloads, and no empty
actor page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from helpers import briefing, briefing_process, content

from generator.cli import main as cli
from generator.derive.analysis import derive_from_bodies

BOM = b"\xef\xbb\xbf"
CC_BY = "https://creativecommons.org/licenses/by/4.0/deed.fr"
FIXTURE_CITATION = ("briefing-archive, « Corée du Nord – Russie : le dossier », version de mars "
                    "2025, licence CC BY 4.0, consulté le [date de consultation].")


def text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def csv_rows(path: Path) -> list[dict]:
    """The file as a French spreadsheet reads it: UTF-8 after its BOM, split on semicolons."""
    data = path.read_bytes()
    assert data.startswith(BOM), path
    return list(csv.DictReader(io.StringIO(data[len(BOM):].decode("utf-8"), newline=""),
                               delimiter=";"))


def as_cells(claim: dict) -> dict:
    """A claims.json record as its claims.csv row writes it (the fixture has no formula-like text)."""
    return {key: ";".join(value) if isinstance(value, list) else "" if value is None
            else str(value) for key, value in claim.items()}


def codes(rows: list[dict]) -> list[dict]:
    """CSV rows without the French words beside their codes (test_export): the JSON's fields."""
    return [{k: v for k, v in row.items() if not k.endswith("_fr")} for row in rows]


def topic_data_links(site: Path, page: Path) -> list[Path]:
    """The per-topic data files a topic page links to, as files of the site."""
    links = [a["href"] for a in content(page).select(".ba-data a[download]")]
    return [(page.parent / href).resolve().relative_to(site.resolve()) for href in links]


# Exact expectations on the frozen fixture archive.

def test_claims_csv_opens_in_a_french_spreadsheet_with_the_rows_of_claims_json(fixture_site):
    data = (fixture_site / "data" / "claims.csv").read_bytes()
    assert data.startswith(BOM + b"claim_id;article_id;topic;")
    rows = csv_rows(fixture_site / "data" / "claims.csv")
    claims = json.loads((fixture_site / "data" / "claims.json").read_text(encoding="utf-8"))
    assert len(rows) == len(claims) == 51
    assert codes(rows) == [as_cells(claim) for claim in claims]
    disputing = [r for r in rows if r["disputes"]]
    assert [r["disputes"] for r in disputing] == [
        "date-inconnue-missiles-kn-23-budanov/withdrawal_reported-international_media-2025-01"]


def test_each_fixture_topic_links_its_own_files(fixture_site):
    expected = {"troupes": ("troops", 19), "pertes": ("casualties", 9),
                "armement": ("weapons", 14), "traite": ("treaty", 9)}
    for slug, (topic_id, count) in expected.items():
        page = fixture_site / "sujets" / f"{slug}.html"
        assert topic_data_links(fixture_site, page) == [
            Path(f"data/claims-{slug}.csv"), Path(f"data/claims-{slug}.json")]
        rows = csv_rows(fixture_site / "data" / f"claims-{slug}.csv")
        claims = json.loads((fixture_site / "data" / f"claims-{slug}.json").read_text("utf-8"))
        assert len(rows) == len(claims) == count
        assert {r["topic"] for r in rows} == {c["topic"] for c in claims} == {topic_id}
        assert codes(rows) == [as_cells(claim) for claim in claims]
        data_page = content(page).select_one(".ba-data a[href$='donnees.html']")
        assert data_page is not None and data_page["href"] == "../donnees.html"
    treaty = csv_rows(fixture_site / "data" / "claims-traite.csv")
    assert {r["event"] for r in treaty} == {"signature", "mutual_defence_clause", "entry_into_force"}


def test_donnees_page_has_licence_and_citation_and_no_command(fixture_site):
    page = content(fixture_site / "donnees.html")
    licence = page.select_one(".ba-licence a[rel=license]")
    assert (licence["href"], licence.get_text()) == (CC_BY, "CC BY 4.0")
    assert "restent la propriété de leurs médias" in text(page.select_one(".ba-quotes-rights"))
    assert page.find(id="licence") and page.find(id="comment-citer")
    assert text(page.select_one(".ba-citation")) == FIXTURE_CITATION
    # The version is the date the home page gives after « Mis à jour ».
    home = content(fixture_site / "index.html")
    assert text(home.select_one(".ba-archive-updated")) == \
        "Mis à jour : dernier article daté de mars 2025."
    readme = page.select_one("a[href='data/LISEZMOI.txt']")
    assert readme is not None
    page_text = text(page)
    for command in cli.commands:
        assert f"briefing {command}" not in page_text
    assert not [code for code in page.select("code") if re.match(r"(make|\.venv|python|pip)\b",
                                                                 code.get_text())]


def test_downloads_carry_licence_citation_and_every_file(fixture_site):
    readme = (fixture_site / "data" / "LISEZMOI.txt").read_text(encoding="utf-8")
    assert CC_BY in readme and "CC BY 4.0" in readme
    assert FIXTURE_CITATION in readme
    assert "Mis à jour : dernier article daté de mars 2025." in readme
    assert "séparateur point-virgule" in readme
    for path in (fixture_site / "data").iterdir():
        if path.name != "LISEZMOI.txt":
            assert path.name in readme, path.name


def test_fixture_topic_page_citation(fixture_site):
    page = content(fixture_site / "sujets" / "traite.html")
    assert text(page.select_one(".ba-citation")) == (
        "briefing-archive, « Traité », dans « Corée du Nord – Russie : le dossier », version de "
        "mars 2025, licence CC BY 4.0, consulté le [date de consultation].")


def test_an_actor_without_claims_has_a_page_saying_so(fixture_site):
    index = content(fixture_site / "acteurs" / "index.html")
    for actor_id, slug in (("white_house", "maison-blanche"), ("yang_moo_jin", "yang-moo-jin"),
                           ("western_officials", "sources-occidentales")):
        row = index.find(id=actor_id)
        assert row.find("a")["href"] == f"{slug}.html" and text(row.find_all("td")[1]) == "0"
        page = content(fixture_site / "acteurs" / f"{slug}.html")
        assert "Aucune affirmation relevée" in text(page.select_one(".ba-count"))
        assert not page.select("table.ba-ledger")
        assert (fixture_site / "acteurs" / f"{actor_id}.html").exists()  # the id's address redirects
    jcs = index.find(id="jcs")
    assert jcs.select_one("a")["href"] == "jcs.html"
    assert len(content(fixture_site / "acteurs" / "jcs.html").select("table.ba-ledger tbody tr"))


@pytest.mark.build
def test_a_publication_file_with_errors_is_reported(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path)
    (project / "briefings" / "publication.yml").write_text(
        'title: "Archive"\npublisher: "Moi"\nlicence:\n  name: "CC BY 4.0"\n  title: "CC"\n'
        '  url: "javascript:alert(1)"\n', encoding="utf-8")
    result = briefing(["check"], project)
    assert result.returncode == 1
    assert result.stderr.startswith("briefings/publication.yml:6:")
    assert "licence.url" in result.stderr


@pytest.mark.build
def test_without_a_publication_file_no_licence_is_claimed(tmp_path):
    from helpers import make_project

    project = make_project(tmp_path)
    (project / "briefings" / "publication.yml").unlink()
    result = briefing_process(["export", "out"], project)  # the installed command
    assert result.returncode == 0, result.stderr
    readme = (project / "out" / "LISEZMOI.txt").read_text(encoding="utf-8")
    assert "Aucune licence n'est indiquée pour ces données." in readme
    assert "COMMENT CITER" not in readme


# Invariants on the real archive (and on it with a contributor's new article).

def test_topic_files_partition_the_claims(built_site, archive):
    every = csv_rows(built_site / "data" / "claims.csv")
    claims = json.loads((built_site / "data" / "claims.json").read_text(encoding="utf-8"))
    assert [r["claim_id"] for r in every] == [c["claim_id"] for c in claims]
    seen = []
    for topic_id, topic in archive.topics.items():
        page = built_site / "sujets" / f"{topic.slug or topic_id}.html"
        csv_path, json_path = topic_data_links(built_site, page)
        rows = csv_rows(built_site / csv_path)
        topic_claims = json.loads((built_site / json_path).read_text(encoding="utf-8"))
        assert {r["topic"] for r in rows} <= {topic_id}
        assert [r["claim_id"] for r in rows] == [c["claim_id"] for c in topic_claims]
        assert len(rows) == sum(c.topic == topic_id for a in archive.articles for c in a.claims)
        seen += [r["claim_id"] for r in rows]
    assert sorted(seen) == sorted(r["claim_id"] for r in every)


def test_every_actor_page_lists_its_statements_or_says_there_are_none(built_site, archive):
    statements = {actor_id: 0 for actor_id in archive.actors}
    for topic_briefing in derive_from_bodies(archive).briefings.values():
        for statement in topic_briefing.statements:
            statements[statement.actor] += 1
    index = content(built_site / "acteurs" / "index.html")
    for actor_id, actor in archive.actors.items():
        page = built_site / "acteurs" / f"{actor.slug or actor_id}.html"
        assert index.find(id=actor_id).find("a")["href"] == page.name
        rows = content(page).select("table.ba-ledger tbody tr")
        if statements[actor_id]:
            assert rows, page.name
        else:
            assert not rows and "Aucune affirmation" in text(content(page).select_one(".ba-count"))


def test_licence_and_citation_everywhere(built_site, archive):
    page = content(built_site / "donnees.html")
    citation = text(page.select_one(".ba-citation"))
    publication = archive.publication
    assert publication is not None  # the real archive states its licence
    assert page.select_one(".ba-licence a[rel=license]")["href"] == publication.licence.url
    assert citation.startswith(f"{publication.publisher}, « {publication.title} »")
    assert citation in (built_site / "data" / "LISEZMOI.txt").read_text(encoding="utf-8")
    for command in cli.commands:
        assert f"briefing {command}" not in text(page)


def test_cli_export_writes_the_sites_data_folder(tmp_path, project, built_site):
    result = briefing(["export", str(tmp_path / "out")], project)
    assert result.returncode == 0, result.stderr
    published = {p.name: p.read_bytes() for p in (built_site / "data").iterdir()}
    exported = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert exported == published
    assert {"claims.csv", "LISEZMOI.txt"} <= set(exported)


def test_fixture_article_citation(fixture_site):
    page = content(fixture_site / "articles" / "2024-12-23-bfmtv-pertes-nord-coreennes.html")
    assert text(page.select_one(".ba-citation")) == (
        "BFMTV, « Plus de 1 000 soldats nord-coréens tués ou blessés face à l’Ukraine, selon "
        "l’état-major sud-coréen », 23 décembre 2024 ; relevé dans briefing-archive, « Corée du "
        "Nord – Russie : le dossier », consulté le [date de consultation].")


def test_every_article_has_a_citation_with_its_original(built_site, archive):
    for article in archive.articles:
        page = content(built_site / "articles" / f"{article.id}.html")
        citation = text(page.select_one(".ba-citation"))
        # The title as the page typesets it: an apostrophe between letters is the typographic
        # one (render/typography.py), whatever the contributor typed.
        assert f"« {article.title} »".replace("'", "’") in citation
        if article.url:
            assert article.url in citation, article.id
            assert page.select_one(f'.ba-meta a[href="{article.url}"]') is not None


def test_citations_give_the_original_and_the_archive_address(tmp_path):
    from bs4 import BeautifulSoup
    from helpers import VALID_BODY, VALID_FRONT, article_text, make_project

    from generator.read.load import load_archive
    from generator.render.pages import ArticleRenderer, PageBuilder

    front = VALID_FRONT.format(id="avec-adresse") + 'url: "https://www.bfmtv.com/un-article.html"\n'
    project = make_project(tmp_path, {"avec-adresse.md": article_text(front, VALID_BODY)},
                           keep_articles=False)
    publication = project / "briefings" / "publication.yml"
    publication.write_text(publication.read_text("utf-8") + 'url: "https://exemple.org/dossier/"\n',
                           encoding="utf-8")
    archive = load_archive(project / "briefings")
    [article] = archive.articles
    page = BeautifulSoup(ArticleRenderer(archive).content(article), "html.parser")
    assert text(page.select_one(".ba-citation")) == (
        "BFMTV, « Un article de test », 15 janvier 2025, https://www.bfmtv.com/un-article.html ; "
        "relevé dans briefing-archive, « Corée du Nord – Russie : le dossier », "
        "https://exemple.org/dossier/articles/avec-adresse.html, consulté le [date de consultation].")
    topic = BeautifulSoup(PageBuilder.from_archive(archive).topic("troops")[0].page().content, "html.parser")
    assert text(topic.select_one(".ba-citation")) == (
        "briefing-archive, « Troupes », dans « Corée du Nord – Russie : le dossier », version du "
        "15 janvier 2025, https://exemple.org/dossier/sujets/troupes.html, licence CC BY 4.0, "
        "consulté le [date de consultation].")


def test_topic_files_are_the_whole_files_rows_of_the_topic():
    """Each topic's CSV and JSON hold the whole archive's rows of that topic, in its order,
    the JSON as json.dumps writes it (each file is written as it is made, a row at a time)."""
    from helpers import FIXTURE_ARCHIVE

    from generator.read.load import load_archive
    from generator.render.export import data_files, topic_files

    archive = load_archive(FIXTURE_ARCHIVE)
    files = data_files(archive, derive_from_bodies(archive))
    every = json.loads(files["data/claims.json"])
    header, *lines = files["data/claims.csv"].decode("utf-8-sig").splitlines(keepends=True)
    assert len(lines) == len(every)  # no cell of the fixture holds a line break
    for topic_id in archive.topics:
        csv_path, json_path = topic_files(archive, topic_id)
        kept = [i for i, row in enumerate(every) if row["topic"] == topic_id]
        assert kept
        assert files[json_path] == (json.dumps([every[i] for i in kept], ensure_ascii=False)
                                    + "\n").encode("utf-8")
        assert files[csv_path].decode("utf-8-sig") == header + "".join(lines[i] for i in kept)
    assert files["data/claims.json"] == (json.dumps(every, ensure_ascii=False) + "\n").encode()


def test_publication_and_titles_are_text_in_every_citation(tmp_path):
    """Markup in publication.yml or an article's title is shown as text, never run."""
    from bs4 import BeautifulSoup
    from helpers import VALID_BODY, VALID_FRONT, article_text, make_project

    from generator.read.load import load_archive
    from generator.render.export import data_files
    from generator.render.pages import PageBuilder

    script = "<script>alert(1)</script>"
    front = VALID_FRONT.format(id="hostile").replace('"Un article de test"', f'"{script}"')
    project = make_project(tmp_path, {"hostile.md": article_text(front, VALID_BODY)},
                           keep_articles=False)
    (project / "briefings" / "publication.yml").write_text(
        f'title: "{script}"\npublisher: "<img src=x onerror=alert(1)>"\nlicence:\n'
        f'  name: "<b>CC</b>"\n  title: "{script}"\n  url: "https://exemple.org/licence"\n',
        encoding="utf-8")
    archive = load_archive(project / "briefings")
    builder = PageBuilder.from_archive(archive)
    pages = [builder.data_page_sections(), builder.topic("troops")[0].page().content,
             builder.article(archive.articles[0]).page().content]
    for html in pages:
        page = BeautifulSoup(html, "html.parser")
        assert page.find("script") is None and page.find("img") is None
        assert page.find("b") is None
        assert script in text(page.select_one(".ba-citation"))
    readme = data_files(archive, derive_from_bodies(archive))["data/LISEZMOI.txt"].decode("utf-8")
    assert f"« {script} »" in readme  # a text file: shown as written
