"""Draft an article file from raw scraped text, for a contributor to confirm and complete.

Pure: text in, Markdown (with frontmatter) out. Probable debris is taken out of the
body and listed under ``cleaning`` so that nothing is dropped silently; figures the
text states become commented-out claim entries, quote included.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

from .model import UNKNOWN, Outlet
from .quotes import normalise
from .search import fold

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/article.schema.json"
_NUMBER = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+"
_QUALIFIERS = {"environ": "about", "quelque": "about", "près de": "about", "plus de": "at_least",
               "au moins": "at_least", "jusqu'à": "at_most", "jusqu’à": "at_most"}
_FIGURE = re.compile(
    r"(?:(?P<q>environ|quelque|près de|plus de|au moins|jusqu['’]à)\s+)?"
    rf"(?:entre\s+(?P<low>{_NUMBER})\s+et\s+(?P<high>{_NUMBER})|(?<![\d.,])(?P<value>{_NUMBER}))"
    r"(?![\d.,]\d)\s+(?:(?:les|des)\s+)?(?P<unit>[a-zà-ÿ][a-zà-ÿ-]{2,}(?:\s+[a-zà-ÿ][a-zà-ÿ-]{3,})?)",
    re.IGNORECASE)
_NOT_UNITS = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre", "ans", "heures", "jours", "mois", "fois", "pour"}
_DEBRIS = [
    (re.compile(r"^(Nous recommandons|À lire aussi|Lire aussi|Voir aussi|VIDÉO)\s*:", re.I),
     "Ligne publicitaire ou de recommandation supprimée"),
    (re.compile(r"abonnez-vous|accéder à tous les articles|réservé aux abonnés", re.I),
     "Appel à l'abonnement supprimé"),
    (re.compile(r"^(Plus|Lire la suite|Publicité)$", re.I), "Reste de bouton ou de publicité supprimé"),
    (re.compile(r"^Article original publié sur\s+(?P<name>\S+)", re.I),
     "Mention du média d'origine supprimée"),
    (re.compile(r"^Avec (?:des informations de )?l['’]?(?P<name>AFP|Reuters|AP)\b", re.I),
     "Crédit d'agence supprimé"),
]
_METADATA_PREFIX = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\s+")
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý][a-zà-ÿ]+\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?»\"”])\s+(?=[«\"“A-ZÀ-Ý0-9])")


@dataclass
class Draft:
    """What was found in the raw text."""

    title: str = ""
    blocks: list[str] = field(default_factory=list)
    cleaning: list[str] = field(default_factory=list)
    date: str | None = None
    date_source: str = ""
    outlet: str | None = None
    outlet_source: str = ""
    wire: str | None = None
    date_mentions: list[str] = field(default_factory=list)


def slugify(text: str, words: int = 6) -> str:
    folded = fold(unicodedata.normalize("NFC", text)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)[:words]) or "article"


def _find_outlet(name: str, outlets: dict[str, Outlet]) -> str | None:
    key = fold(name).lower().removesuffix(".com").removesuffix(".fr")
    for outlet in outlets.values():
        if key in (outlet.id, fold(outlet.name).lower()) or fold(outlet.name).lower().startswith(key + " "):
            return outlet.id
    return None


def _is_heading(line: str, longest: int = 100) -> bool:
    return len(line) < longest and not re.search(r"[.!?:;,]$", line) and not line.startswith("•")


def _repeats_later(line: str, later: list[str]) -> bool:
    """The line's words stand again, nearly all, in a later line (a scraped duplicate)."""
    words = normalise(line).lower().split()
    if len(words) < 6:
        return False
    grams = {" ".join(words[i:i + 3]) for i in range(len(words) - 2)}
    for other in later:
        other_words = normalise(other).lower().split()
        other_grams = {" ".join(other_words[i:i + 3]) for i in range(len(other_words) - 2)}
        if len(grams & other_grams) >= 0.8 * len(grams):
            return True
    return False


def analyse(raw: str, outlets: dict[str, Outlet]) -> Draft:
    draft = Draft()
    lines = [unicodedata.normalize("NFC", line).strip() for line in raw.replace("\r", "").split("\n")]
    lines = [line for line in lines if line]
    kept: list[str] = []
    for index, line in enumerate(lines):
        prefix = _METADATA_PREFIX.match(line)
        if prefix:
            draft.date, draft.date_source = prefix["date"], f"« date {prefix['date']} »"
            draft.cleaning.append(f"Préfixe de métadonnées « {prefix.group().strip()} » retiré "
                                  "du début du texte.")
            line = line[prefix.end():]
        debris = next(((pattern, reason) for pattern, reason in _DEBRIS if pattern.search(line)), None)
        if debris:
            pattern, reason = debris
            match = pattern.search(line)
            name = match.groupdict().get("name")
            if name and reason.startswith("Mention"):
                draft.outlet, draft.outlet_source = _find_outlet(name, outlets), line
            elif name:
                draft.wire = _find_outlet(name, outlets)
            draft.cleaning.append(f"{reason} : « {line} ».")
            continue
        if _repeats_later(line, lines[index + 1:]):
            draft.cleaning.append(f"Ligne répétée plus loin dans le texte supprimée : « {line} ».")
            continue
        kept.append(line)
    # Short lines closing the text (author initials, outlet name) are trailers.
    while kept and len(kept[-1].split()) <= 2 and not re.search(r"[.!?»\"”]$", kept[-1]):
        trailer = kept.pop()
        outlet = _find_outlet(trailer, outlets)
        if outlet and not draft.outlet:
            draft.outlet, draft.outlet_source = outlet, trailer
        draft.cleaning.append(f"Mention de fin supprimée : « {trailer} ».")
    if kept and _is_heading(kept[0], longest=200):
        draft.title = kept.pop(0)
    for line in kept:
        glued = _GLUED.search(line)
        if glued and _is_heading(line[:glued.start()]):
            draft.blocks += [f"## {line[:glued.start()]}", line[glued.start():]]
            draft.cleaning.append(f"Intertitre collé au paragraphe séparé : « {line[:glued.start()]} ».")
        elif line.startswith("•"):
            draft.blocks.append("- " + line.lstrip("• ").strip())
        elif _is_heading(line):
            draft.blocks.append(f"## {line}")
        else:
            draft.blocks.append(line)
    if not draft.title:
        first = next((b for b in draft.blocks if not b.startswith(("#", "-"))), "")
        draft.title = first if len(first) <= 120 else first[:120].rsplit(" ", 1)[0] + "…"
        draft.cleaning.append("Aucun titre imprimé : titre provisoire repris du texte, à réécrire.")
    draft.date_mentions = re.findall(
        r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+\d{1,2}\s+[a-zéû]+(?:\s+\d{4})?)?"
        r"|ce mois-ci|cette année|\b\d{1,2}\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|"
        r"septembre|octobre|novembre|décembre)(?:\s+\d{4})?", " ".join(kept), re.IGNORECASE)
    return draft


@dataclass(frozen=True)
class Candidate:
    value: int | None
    low: int | None
    high: int | None
    qualifier: str
    unit: str
    sentence: str


def _to_int(number: str) -> int:
    return int(re.sub(r"\D", "", number))


def candidates(blocks: list[str]) -> list[Candidate]:
    """Each French number with its unit noun, in the sentence it stands in."""
    found = []
    for block in blocks:
        if block.startswith("#"):
            continue
        for sentence in _SENTENCE_END.split(block.removeprefix("- ")):
            for match in _FIGURE.finditer(sentence):
                unit = match["unit"].lower()
                if unit.split()[0] in _NOT_UNITS:
                    continue
                qualifier = "range" if match["low"] else _QUALIFIERS.get((match["q"] or "").lower(),
                                                                          "exact")
                found.append(Candidate(
                    None if match["low"] else _to_int(match["value"]),
                    _to_int(match["low"]) if match["low"] else None,
                    _to_int(match["high"]) if match["high"] else None,
                    qualifier, unit, sentence))
    return found


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def render_draft(draft: Draft, figures: list[Candidate], topics: list[str]) -> tuple[str, str]:
    """The proposed article id and the file's text."""
    article_id = "-".join([draft.date or "date-inconnue", draft.outlet or "inconnu",
                           slugify(draft.title, 5)])
    out = ["---", SCHEMA_COMMENT, f"id: {article_id}", f"title: {_yaml(draft.title)}"]
    if draft.date:
        out.append(f"date: {draft.date}    # from {draft.date_source}: check it")
    else:
        mentions = "; ".join(f"« {m} »" for m in dict.fromkeys(draft.date_mentions)) or "none"
        out.append(f"date: {UNKNOWN}    # YYYY-MM-DD or YYYY-MM if the text allows; it mentions: {mentions}")
    out.append("date_note:    # how the date was established, in French")
    outlet_comment = f"from « {draft.outlet_source} »" if draft.outlet else \
        "an id from outlets.yml, or unknown"
    out.append(f"outlet: {draft.outlet or UNKNOWN}    # {outlet_comment}")
    if draft.wire:
        out.append(f"wire: {draft.wire}")
    out += ["language: fr", f"topics: []    # one or more of: {', '.join(topics)}", "cleaning:"]
    if draft.cleaning:
        out.append("  # Probable debris taken out of the text below: check each line, put back "
                   "anything that belongs to the article.")
    out += [f"  - {_yaml(note)}" for note in draft.cleaning]
    out.append("claims:")
    if figures:
        out.append("  # Figures found in the text: uncomment those the article reports, complete "
                   "topic, metric, as_of and attributed_to, and shorten each quote.")
    for figure in figures:
        out += [f"  # - topic:              # {figure.unit}", "  #   metric:"]
        if figure.qualifier == "range":
            out += [f"  #   low: {figure.low}", f"  #   high: {figure.high}"]
        else:
            out.append(f"  #   value: {figure.value}")
        out += [f"  #   qualifier: {figure.qualifier}", "  #   as_of:", "  #   attributed_to:",
                f"  #   quote: {_yaml(figure.sentence)}"]
    out += ["---", "", "\n\n".join(draft.blocks), ""]
    return article_id, "\n".join(out)
