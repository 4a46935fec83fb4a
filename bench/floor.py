#!/usr/bin/env python3
"""The "Python floor": the least work any Python builder of this archive must do.

    python bench/floor.py DIR --out OUTDIR --mode plain|jinja

plain: for each article of DIR/briefings/articles: read the file, split off the
       frontmatter, parse it with PyYAML (C loader when available), convert the body
       with Python-Markdown (one Markdown instance, .reset() between articles) and
       write OUTDIR/articles/<id>.html.
jinja: the same, but each page goes through a small Jinja2 page template (title,
       metadata, body), and OUTDIR/search/search_index.json is written in Material's
       shape ({"config": ..., "docs": [{location, title, text}]}, text = body without
       tags).

Single process, no validation, no derived pages: a lower bound, not a competitor.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
from pathlib import Path

import markdown
import yaml

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")

PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ title }} – {{ site_name }}</title>
<link rel="stylesheet" href="../assets/site.css">
</head>
<body>
<header><a href="../index.html">{{ site_name }}</a></header>
<main>
<article>
<h1>{{ title }}</h1>
<dl class="meta">
  <dt>Date</dt><dd>{{ date }}</dd>
  <dt>Média</dt><dd>{{ outlet }}{% if wire %} ({{ wire }}){% endif %}</dd>
  <dt>Sujets</dt><dd>{% for topic in topics %}<a href="../sujets/{{ topic }}.html">{{ topic }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</dd>
</dl>
{{ body }}
{% if claims %}<h2>Chiffres et faits</h2>
<ul class="claims">
{% for claim in claims %}  <li><strong>{{ claim.metric or claim.event }}</strong>{% if claim.value is not none %} : {{ claim.value }}{% endif %} — {{ claim.attributed_to }}, {{ claim.as_of }} : « {{ claim.quote }} »</li>
{% endfor %}</ul>{% endif %}
</article>
</main>
</body>
</html>
"""


def split_frontmatter(text: str) -> tuple[str, str]:
    if not text.startswith("---\n"):
        raise ValueError("no frontmatter")
    end = text.index("\n---\n", 3)
    return text[4:end], text[end + 5:]


def strip_tags(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def build(project: Path, out: Path, mode: str) -> int:
    articles = sorted((project / "briefings" / "articles").glob("*.md"))
    (out / "articles").mkdir(parents=True, exist_ok=True)
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": {"permalink": True}})
    template = None
    docs = []
    if mode == "jinja":
        import jinja2
        env = jinja2.Environment(autoescape=jinja2.select_autoescape(default=True))
        template = env.from_string(PAGE)
    for path in articles:
        front, body = split_frontmatter(path.read_text(encoding="utf-8"))
        meta = yaml.load(front, Loader=Loader)
        body_html = md.reset().convert(body)
        article_id = meta.get("id") or path.stem
        if template is None:
            page = body_html
        else:
            import markupsafe
            page = template.render(
                site_name="Corée du Nord – Russie : le dossier", title=meta["title"],
                date=meta.get("date"), outlet=meta.get("outlet"), wire=meta.get("wire"),
                topics=meta.get("topics") or [], claims=meta.get("claims") or [],
                body=markupsafe.Markup(body_html))
            docs.append({"location": f"articles/{article_id}.html", "title": meta["title"],
                         "text": strip_tags(body_html)})
        (out / "articles" / f"{article_id}.html").write_text(page, encoding="utf-8")
    if template is not None:
        (out / "search").mkdir(exist_ok=True)
        index = {"config": {"lang": ["fr"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]},
                 "docs": docs}
        (out / "search" / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="project folder (holds briefings/articles)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--mode", choices=("plain", "jinja"), default="plain")
    args = parser.parse_args()
    started = time.perf_counter()
    count = build(args.project, args.out, args.mode)
    print(f"floor-{args.mode}: {count} articles -> {args.out} "
          f"({time.perf_counter() - started:.2f} s in-process)", file=sys.stderr)


if __name__ == "__main__":
    main()
