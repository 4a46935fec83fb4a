"""The ``briefing`` command: check content, and write pages for any Markdown site builder."""

from __future__ import annotations

import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from .derive.analysis import Analysis, Copies, derive, derive_from_bodies
from .derive.duplicates import NearDuplicate, similar_pairs
from .derive.impact import impact
from .derive.ledger import Statement
from .model import Archive, ArticleInfo
from .publish.offline import build_date
from .publish.pipeline import fingerprint, load
from .read.errors import ContentError, ContentErrors
from .read.groups import group_questions
from .read.lint import all_draft_warnings, once_events_dated_apart
from .read.load import load_archive, load_registries
from .read.of_which import of_which_questions
from .read.positions import position_questions
from .read.sources import read_body
from .read.tracked import tracked_generated_files
from .render.export import article_schema, data_files

if TYPE_CHECKING:
    from .draft.copies import Copied

L = TypeVar("L")  # what a loader gives: the archive, or the registries alone

CONTENT_OPTION = click.option(
    "--content", "content_dir", type=click.Path(file_okay=False, path_type=Path),
    default=Path("briefings"), show_default=True, help="Folder holding articles/ and the .yml files.")


def _load_or_exit(content_dir: Path, loader: Callable[..., L]) -> L:
    try:
        return loader(content_dir, root=Path.cwd())
    except ContentErrors as errors:
        for error in errors.errors:
            click.echo(error.format(), err=True)
        count = len(errors.errors)
        click.echo(f"{count} error{'s' * (count > 1)}", err=True)
        sys.exit(1)


@click.group()
def main() -> None:
    """Build and check a briefing archive."""


@main.command()
@CONTENT_OPTION
@click.option("--strict", is_flag=True,
              help="Make the warnings that mark a draft errors (CI runs this on pull requests).")
@click.option("--article", "articles", multiple=True, metavar="PATH_OR_ID",
              help="Also print what this article brings: its statements, those other articles "
                   "state too, and the agreements, divergences and contradictions it takes part "
                   "in (repeatable).")
def check(content_dir: Path, strict: bool, articles: tuple[str, ...]) -> None:
    """Validate every content file without building the site.

    Errors (exit status 1) and warnings go to standard error, one per line:
    ``path:line:col: field: message (hint: ...)``. Warnings mark what a draft leaves
    behind (claims still commented out, an empty date_note, debris headings...);
    ``--strict`` makes them errors. A near-duplicate article stays a warning, and so do
    questions: on a new actor that a group of actors.yml may include, on a figure the text
    counts « dont » in another whose metrics topics.yml does not nest, and on positions that
    name no question in a topic with several.
    """
    processed: dict = {}

    def load_all(folder: Path, root: Path) -> Archive:
        archive, results = load(folder, root, workers=os.cpu_count() or 1)
        processed.update(results)
        return archive

    archive = _load_or_exit(content_dir, load_all)
    named = [_article_named(archive, content_dir, wanted) for wanted in articles]
    root = Path.cwd()
    committed = tracked_generated_files(root)
    if committed:
        for error in committed:
            click.echo(error.format(), err=True)
        click.echo(f"{len(committed)} error{'s' * (len(committed) > 1)}", err=True)
        sys.exit(1)
    drafts = all_draft_warnings(archive.articles, root) + once_events_dated_apart(archive.articles, archive.topics, root)
    from .draft.unclaimed import (  # the figure reader of `briefing new`
        WarningCache,
        unclaimed_warnings,
    )

    cache = WarningCache(root / ".cache" / "briefing" / "unclaimed.sealed", fingerprint(content_dir))
    drafts += unclaimed_warnings(archive.articles, archive.topics, root, cache)
    if strict:
        drafts = [replace(warning, severity="error") for warning in drafts]
    copies = Copies(similar_pairs({i: p.shingle_array() for i, p in processed.items()}))
    analysis = derive(archive, copies)  # as the build does: what fails there fails here
    # Questions, not a draft's leftovers: warnings even with --strict, like a near-duplicate.
    duplicates = duplicate_warnings(archive, copies.pairs, root) + group_questions(
        archive.articles, archive.actors, root) + of_which_questions(archive.articles, archive.topics, root) \
        + position_questions(archive.topics, content_dir, root)
    for problem in sorted(drafts + duplicates):
        click.echo(problem.format(), err=True)
    if strict and drafts:
        count = len(drafts)
        click.echo(f"{count} error{'s' * (count > 1)} (warnings made errors by --strict: "
                   "finish the draft)", err=True)
        sys.exit(1)
    warnings = len(drafts) + len(duplicates)
    claims = sum(len(a.claims) for a in archive.articles)
    noted = f" ({warnings} warning{'s' * (warnings > 1)})" if warnings else ""
    click.echo(f"ok: {len(archive.articles)} articles, {claims} claims{_derived(analysis)}, "
               f"{len(archive.topics)} topics, {len(archive.actors)} actors, "
               f"{len(archive.outlets)} outlets{noted}")
    for article in named:
        click.echo(_impact_lines(analysis, article))


def _article_named(archive: Archive, content_dir: Path, wanted: str) -> ArticleInfo:
    """The article whose id, or whose file (as a path or a file name), is ``wanted``."""
    path = Path(wanted)
    for article in archive.articles:
        if wanted == article.id or path.name == Path(article.source).name and (
                not path.parent.parts or path.resolve() == Path(article.source).resolve()):
            return article
    raise click.BadParameter(f"no article {wanted!r} in {content_dir} (an id, or a file of "
                             f"{content_dir / 'articles'})", param_hint="--article")


def _said(statement: Statement) -> str:
    """A statement in one line: who, what, the figure and for when (« reported » its date)."""
    claim = statement.claim
    what = claim.metric or claim.event or ""
    figure = ("" if not claim.metric else f" {claim.low}-{claim.high}" if claim.qualifier == "range"
              else f" {claim.qualifier} {claim.value}")
    when = (f"as of {claim.as_of}" if claim.as_of
            else f"reported {statement.reported}" if statement.reported else "undated")
    return f"{claim.attributed_to} {what}{figure} ({when})"


def _impact_lines(analysis: Analysis, article: ArticleInfo) -> str:
    """What ``article`` brings, for ``check --article``."""
    found = impact(analysis, article.id)
    lines = [f"{article.source}: {len(found.statements)} statement{'s' * (len(found.statements) != 1)} "
             f"({len(found.repeated)} also in other articles), {len(found.findings)} "
             f"finding{'s' * (len(found.findings) != 1)}, {found.disputes} "
             f"dispute{'s' * (found.disputes != 1)}"]
    for statement in found.repeated:
        others = len({entry.article.id for entry in statement.entries}) - 1
        lines.append(f"  also in {others} other article{'s' * (others > 1)}: {_said(statement)}")
    lines += [f"  {finding} ({metric}): {_said(mine)} / {_said(other)}"
              for finding, metric, mine, other in found.findings]
    lines += [f"  replaces ({metric}): {_said(mine)}, said {mine.known_on} / {_said(earlier)}, "
              f"said {earlier.known_on or 'on an unknown date'} (the same period: a revision)"
              for metric, mine, earlier in found.replaces]
    lines += [f"  repeat ({metric}): {_said(repeat)} / {_said(origin)} (linked to it, neither "
              "charted nor counted again; if it is new, give it its own date or source)"
              if any(e.article.id == article.id for e in repeat.entries) else
              f"  repeated ({metric}): {_said(repeat)}, in {_articles(repeat)}, now repeats "
              f"{_said(origin)} (if they are not one statement, check both claims' metric and date)"
              for metric, repeat, origin in found.repeats]
    return "\n".join(lines)


def _articles(statement: Statement) -> str:
    return ", ".join(sorted({Path(entry.article.source).name for entry in statement.entries}))


def _derived(analysis: Analysis) -> str:
    """What the build will conclude: statements, findings and disputes, counted."""
    if not analysis.ledger:
        return ""
    found: Counter[str] = Counter(pair.finding for briefing in analysis.briefings.values()
                    for metric in briefing.metrics for pair in metric.findings)
    found["dispute"] = len(analysis.disputes)
    counts = "".join(f", {count} {name}{'s' * (count > 1)}"
                     for name, count in sorted(found.items()) if count)
    return f" ({len(analysis.statements)} statements{counts})"


def duplicate_warnings(archive: Archive, pairs: tuple[NearDuplicate, ...], root: Path) -> list[ContentError]:
    """A warning for each near-duplicate pair: a copy of one dispatch (claim its figures in both),
    or texts that share an agency's phrasing only (no claim of either quotes the other: copy none)."""
    from .draft.copies import shares_phrasing_only

    by_id = {article.id: article for article in archive.articles}
    warnings = []
    for pair in pairs:
        first, second = by_id[pair.first], by_id[pair.second]
        shared = (f"near-duplicate of {first.source}: about {pair.similarity:.0%} of the shorter text's "
                  "5-word sequences also stand in the other")
        if shares_phrasing_only(first, read_body(root / first.source, root),
                                second, read_body(root / second.source, root)):
            message = f"{shared}, but no claim of either quotes words of the other"
            hint = ("they share set phrases (an agency's wording), not a dispatch: claim each text's "
                    "own figures, never copy claims from one to the other")
        else:
            message = shared
            hint = ("the same dispatch from two outlets is fine (claim its figures in both); "
                    "the same article twice is not: remove one")
        warnings.append(ContentError(second.source, 0, 0, "body", message, hint, severity="warning"))
    return warnings


@main.command()
@click.argument("source", type=click.Path(dir_okay=False, allow_dash=True, path_type=str), default="-")
@CONTENT_OPTION
def new(source: str, content_dir: Path) -> None:
    """Draft briefings/articles/<id>.md from what you have: raw text, a saved web page
    (.html), or - to paste the text on standard input; any encoding.

    Probable debris is taken out and listed under `cleaning`; figures become commented-out
    claims, filled from topics.yml and actors.yml where the text allows, each filled field
    marked « à confirmer ». An existing file is never overwritten.
    """
    from .draft import (  # only `new` needs them
        DraftInputError,
        draft_article,
        read_limited,
    )

    archive = _load_or_exit(content_dir, load_registries)
    try:
        if source == "-":
            if sys.stdin.isatty():
                click.echo("paste the article's text, then Ctrl-D (Ctrl-Z then Enter on Windows)",
                           err=True)
            data = read_limited(sys.stdin.buffer)
        else:
            with Path(source).open("rb") as handle:
                data = read_limited(handle, os.fstat(handle.fileno()).st_size)
        drafted = draft_article(data, archive.topics, archive.actors, archive.outlets)
    except DraftInputError as error:
        raise click.ClickException(f"{source}: {error}") from None
    except OSError as error:
        raise click.ClickException(f"{source}: cannot read it ({error.strerror or error})") from None
    except Exception as error:  # noqa: BLE001 - no input may end in a traceback
        raise click.ClickException(
            f"{source}: could not draft from it ({type(error).__name__}: {error}); please report "
            "this with the file") from None
    copied = _copied_in_archive("\n\n".join(drafted.draft.blocks), content_dir)
    target = content_dir / "articles" / f"{drafted.article_id}.md"
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(drafted.text)
    except FileExistsError:
        raise click.ClickException(f"{target} already exists: it was not changed") from None
    except OSError as error:
        raise click.ClickException(f"cannot write {target}: {error.strerror or error}") from None
    filled = sum(text.count("# à confirmer") for text in drafted.text.split("\nclaims:", 1)[1:])
    click.echo(f"wrote {target}: {len(drafted.draft.blocks)} paragraphs, "
               f"{len(drafted.draft.cleaning)} cleaning notes to confirm, "
               f"{len(drafted.figures)} candidate claims ({filled} claim fields to confirm)")
    if drafted.source.detected:
        click.echo(f"read as {drafted.source.encoding} (detected): check accented letters in the draft")
    if drafted.source.is_html:
        click.echo("read as a web page: title, date, outlet and URL from its metadata")
    for copy in copied:
        click.echo(_copy_advice(copy))
    click.echo("next: confirm or fill each « à confirmer » / « à remplir », then run "
               "`briefing check` and `make serve`")


def _copy_advice(copy: Copied) -> str:
    """What to do with an archive article the new text is a near-duplicate of: copy the claims
    whose quotes it holds (the same dispatch), or none when it holds none (shared phrasing: that
    article's figures are another day's or another source's, not this text's)."""
    article = copy.article
    shared = (f"{article.source} ({article.outlet}, {article.date or 'date inconnue'}): about "
              f"{copy.similarity:.0%} of the shorter text's 5-word sequences stand in both")
    if copy.phrasing_only:
        return (f"shared phrasing with {shared}, but none of its {len(article.claims)} claims quotes "
                "words this text has: the texts share set phrases (an agency's wording), not a "
                "dispatch; do not copy its claims, finish these candidates from this text")
    if not copy.claims:
        return f"same story as {shared}; it has no claims yet: compare the two texts before claiming"
    return (f"same story as {shared}; {len(copy.claims)} of its {len(article.claims)} claims quote "
            "words this text has: copy those claims (figure, actor, dates) rather than finish "
            "these candidates, then claim only what this text adds")


def _copied_in_archive(body: str, content_dir: Path) -> tuple[Copied, ...]:
    """The archive's articles a new text runs the same story as (draft.copies), read as
    `briefing check` reads them (the build's load, in parallel, with each article's shingles);
    none when the archive cannot be read as it stands (`briefing check` says why)."""
    from .draft.copies import copied_articles

    try:
        archive, processed = load(content_dir, Path.cwd(), workers=os.cpu_count() or 1)
    except ContentErrors:
        return ()
    return copied_articles(body, archive.articles, {i: p.shingle_array() for i, p in processed.items()})


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@CONTENT_OPTION
@click.option("--docs", "docs_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("docs"), show_default=True, help="Hand-written pages to include.")
def pages(out_dir: Path, content_dir: Path, docs_dir: Path) -> None:
    """Write the hand-written and generated pages as Markdown into OUT_DIR, for any builder.

    OUT_DIR is a docs_dir for MkDocs or Zensical, with no Markdown extension needed: set
    `use_directory_urls: false` (links point to .html files) and exclude `overrides/`
    (Material templates) unless the theme is Material's (then `custom_dir: OUT_DIR/overrides`).
    docs-dev/mkdocs-plain.yml is a tested plain MkDocs configuration; docs-dev/BUILDERS.md
    says more.
    """
    # Imported here: rendering pulls in matplotlib, too slow to import for `check`.
    from .render.pages import PageBuilder, check_no_overlap

    archive = _load_or_exit(content_dir, load_archive)
    builder = PageBuilder.from_archive(archive, build_day=build_date())
    generated = {page.path: page.markdown.encode("utf-8") for page in builder.all_pages()}
    assets = {asset.path: asset.content for asset in builder.all_assets()}
    hand_written = {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file()}
    try:
        check_no_overlap([*generated, *assets], hand_written)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    _refuse_non_empty(out_dir)
    shutil.copytree(docs_dir, out_dir, dirs_exist_ok=True)
    _write_files(out_dir, {**generated, **assets})
    for path, appended in builder.appended_sections().items():
        page = out_dir / path
        if page.exists():
            page.write_text(f"{page.read_text(encoding='utf-8')}\n\n{appended}", encoding="utf-8")
    click.echo(f"wrote {len(generated)} generated pages, {len(assets)} generated files and "
               f"{len(hand_written)} hand-written files to {out_dir}")


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@CONTENT_OPTION
def export(out_dir: Path, content_dir: Path) -> None:
    """Write the site's data/ folder into OUT_DIR: claims (CSV for French spreadsheets, JSON),
    each topic's claims, articles and analyses (JSON), and LISEZMOI.txt (licence, citation)."""
    archive = _load_or_exit(content_dir, load_archive)
    files = {path.removeprefix("data/"): content
             for path, content in data_files(archive, derive_from_bodies(archive)).items()}
    _refuse_non_empty(out_dir)
    _write_files(out_dir, files)
    for name in files:
        click.echo(out_dir / name)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the article frontmatter (kept in schema/article.schema.json)."""
    click.echo(article_schema().decode("utf-8"), nl=False)


def _refuse_non_empty(out_dir: Path) -> None:
    if out_dir.exists() and any(out_dir.iterdir()):
        raise click.ClickException(f"{out_dir} is not empty; choose a new folder")


def _write_files(out_dir: Path, files: dict[str, bytes]) -> None:
    for path, content in files.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
