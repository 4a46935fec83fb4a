"""What tells a draft from a finished article: warnings that `briefing check --strict` makes errors.

A draft written by `briefing new` is valid YAML once its topics are filled in, so the
schema alone cannot tell it from a finished article. These checks look for what a draft
leaves behind: claims still commented out, an empty ``date_note``, page debris kept as a
heading (or as the title), the same statement claimed twice, a period quoted in words but
shown as a date, a month named in words without its year, a date the quote prints whole that
as_of does not hold, an id that still says ``inconnu`` once the date or outlet is known;
and a remote image, which the site would drop without a word. Each runs on an article
that already passed every check of ``schema.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..model import (
    UNKNOWN,
    ArticleInfo,
    DateInterval,
    Topic,
    full_dates,
    month_without_year,
)
from .errors import ContentError
from .sources import SourceDocument, article_lines, read_article

# `  # - topic:` as `briefing new` writes a candidate claim (any field may come first).
_COMMENTED_CLAIM = re.compile(r"^\s*#\s*-\s+[a-z_]+\s*:")
_EMPTY_KEY = re.compile(r"^date_note\s*:\s*(?:#.*)?$")
_DATE_PREFIX = re.compile(r"^(?:\d{4}-\d{2}(?:-\d{2})?|date-inconnue)-")

# What opens a list of related articles; the headings right after it are their titles.
_RELATED_LABEL = re.compile(r"^(?:[→>•]\s*)?(?:[ÀA]\s+)?(?:lire|voir)\s+(?:aussi|également)\b|^Sur le même sujet\b"
                            r"|^(?:Nos|Tous nos)\s+(?:autres\s+|derniers\s+)?articles\b|^Plus d['’]actualités?\b"
                            r"|^Articles? liés?\b|^Dans la même rubrique\b|^Pour aller plus loin\b", re.I)
_BARE_LABEL = re.compile(r"[^:|]{0,40}:?\s*")
# A headline with its kicker (« Mer de Chine : Pékin dépêche trois navires vers les Philippines »):
# how sites print the titles of other articles; an intertitle is no headline.
_KICKER_TITLE = re.compile(r"^[A-ZÀ-Ý][^:.!?]{1,30}?\s?:\s+[A-ZÀ-Ý«\"]\S*(?:\s+\S+){4,}$")
# What scraped pages put between paragraphs, and what an article's heading never is:
# patterns on the heading as written, then words found anywhere in it (lowercased).
# The page's own control, speaking as the reader clicking it: « Ajouter à ma liste », « Mes favoris »
# (also how the drafter tells it from an intertitle).
SPEAKS_AS_READER = re.compile(r"\b(?:ma|mon|mes)\b", re.I)
# An editor's note wholly in brackets: « (Traduit de l'anglais par la rédaction.) »
BRACKETED_NOTE = re.compile(r"^\(.*\)\.?$")
# The site greeting its readers (a live blog's welcome post: « Bonjour et bienvenue dans ce direct »).
GREETING = re.compile(r"^(?:bonjour|bonsoir|bienvenue|rebonjour|hello)\b", re.I)
# A reader comment's header: a name (initials allowed), a separator, when it was posted (« Paul D. · il
# y a 2 h », « marco75 | hier à 18:02 »).
COMMENT_HEADER = re.compile(r"^[\w.'’-]+(?:\s+[\w.'’-]+){0,3}\s*[·•|–—-]\s*(?:il y a\s+\d+\s*(?:s|sec|secondes?|min"
                            r"|minutes?|h|heures?|j|jours?|sem\.?|semaines?|mois|ans?)|(?:hier|avant-hier|aujourd['’]hui) à)\b",
                            re.I)
# A note set apart from the text about a change to it (« Correction, 3 mars à 9h : une première version
# … », « Rectificatif : … », « Mise à jour, 4 mai à 12h : ajout de … »): its figure may be the wrong one.
CHANGE_NOTE = re.compile(r"^(?:Correction|Correctif|Rectificatif|Rectification|Erratum|Précision|Mise à jour|Actualisation"
                         r"|Note de la rédaction|N\.?D\.?L\.?R\.?)\b(?P<when>[^:]{0,50}?)\s?:\s+(?P<text>\S.*)$", re.I)
# A reading or listening time, a player's duration (« Lecture 3 min. », « Lecture en 4 min »,
# « Écouter - 02:41 », « 00:00/03:41 », a replay's « 2 h 05 min »).
DURATION_TEXT = (r"(?:(?:\d{1,2}\s*h(?:eures?)?\s*)?\d{1,3}\s*min(?:utes?)?\.?(?:\s*\d{1,2}\s*(?:s|sec)?\.?)?"
                 r"(?:\s*de lecture)?|\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2})?)")
DURATION = re.compile(r"^[▶►▸]?\s*(?:(?:temps de )?lecture(?:\s+en)?|écouter|durée|vidéo|audio)?\s*[:-]?\s*"
                      rf"{DURATION_TEXT}$", re.I)
_DEBRIS = [
    (BRACKETED_NOTE, "an editor's note in brackets"),
    (re.compile(r"^(?:publié|mis à jour|mise à jour|modifié|actualisé)\b", re.I),
     "a publication date line"),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\b\d{1,2}-\d{1,2}-\d{2,4}\b|\b\d{1,2}[h:]\d{2}\b"),
     "a date or time line"),
    # a source credit: « Source : Reuters », « Sources: AFP, Belga »
    (re.compile(r"^Sources?\s*:\s*[A-ZÀ-Ý][^.!?]{0,60}$"), "a source credit"),
    # parts joined by slashes or bars, one a duration: a media block's label (« Le journal / 2 min. »)
    (re.compile(r"(?:^|\s[/|]\s)[▶►]?\s*(?:\d{1,3}\s*min(?:utes?)?\.?(?:\s*\d{1,2}\s*s?)?|\d{1,2}:\d{2})"
                r"\s*(?:\s[/|]\s|$)", re.I), "an audio or video block's label"),
    # parts joined by slashes, a date among them: a credit and date line (« ABC / AFP / le 3 mai 2025 »)
    (re.compile(r"^(?=[^.!?]*\s/\s)(?=.*\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août"
                r"|septembre|octobre|novembre|décembre)\s+\d{4}\b)[^.!?]{0,140}$", re.I), "a credit and date line"),
    # a caption closed by its credit after a dash, a slash or in brackets (« … à Pékin. - Belga Image »)
    (re.compile(r"(?:\s[-–—/|]\s*|\s\()(?:AFP|Reuters|AP|KCNA|Yonhap|EPA|Getty(?: Images)?|Belga|Keystone|Sipa"
                r"|Zuma|Abaca|Shutterstock|MaxPPP|DPA|ANP|Imago|ANSA|EFE|Xinhua)(?:\s*/\s*\w+)?"
                r"(?:\s+(?:Images?|Photos?|Archives))?\)?\s*$"), "a photo caption or credit"),
    # a paywall label alone: « Abonnés », « Premium », « Article payant »
    (re.compile(r"^(?:(?:article|contenu|édition|exclusivité|réservé)\s+)?(?:aux\s+)?(?:abonnée?s?|premium|payant)"
                r"\s*\+?$", re.I), "a subscription or login prompt"),
    (re.compile(r"^Par\s+\S+(?:\s+\S+){0,4}$"), "a byline"),
    # names then the agencies credited: « Léa Morand, avec AFP et Keystone-ATS », « Le Monde avec Reuters »
    (re.compile(r"^[A-ZÀ-Ý][\w’'-]*(?:\s+(?:et\s+)?[A-ZÀ-Ý][\w’'-]*){0,5}\s*,?\s+\(?avec\s+(?:l['’])?"
                r"(?:[A-Z]{2,}|Reuters|Belga|Keystone|Agence)\b[^.!?]*$"), "a byline"),
    # names then their role: « Paul Roux, envoyé spécial à Kharkiv »
    (re.compile(r"^[A-ZÀ-Ý][\w’'-]+(?:\s+(?:et\s+)?[A-ZÀ-Ý][\w’'-]+){1,5}\s*,\s*(?:notre\s+)?(?:correspondante?s?"
                r"|envoyée?s?\s+spéciale?s?|journalistes?|rédact(?:eur|rice)s?|reporters?)\b[^.!?]{0,50}$"), "a byline"),
    (re.compile(r"^[(\[].*[)\]]$|^(?:photo|crédits?|illustration)\b", re.I),
     "a photo caption or credit"),
    (re.compile(r"^(?:partager|partagez|publicité|plus|lire la suite|en savoir plus)\W*$", re.I),
     "a link, share or ad line"),
    (re.compile(r"^[^A-Za-zÀ-ÿ]*$"), "a line without words"),
    # a date stamp, with or without its weekday and time: « Samedi 3 mai 2025 », « mar. 4 février 2025, 8 h »
    (re.compile(r"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\.?,?\s+)?(?:le\s+)?\d{1,2}(?:er)?"
                r"\s+(?:janv|févr|fév|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)[a-zéû]*\.?\s+\d{4}"
                r"(?:\s*(?:,|à|-)?\s*\d{1,2}\s*[h:]\s*(?:\d{2})?)?$", re.I), "a date or time line"),
    # a news agency's name alone: « Agence France-Presse », « Associated Press », « Deutsche Presse-Agentur »
    (re.compile(r"^(?=.*\b(?:Agence|Agency|Agentur|Press|Presse|News|Nachrichtenagentur)\b)[A-ZÀ-Ý][\w’'-]*"
                r"(?:\s+(?:de\s+presse\s+|de\s+|d['’])?[A-ZÀ-Ý][\w’'-]*){0,4}$"), "an agency's credit"),
    # a media block's label: « Vidéos Radio Nord », « Podcast », « Replay »
    (re.compile(r"^(?:(?:nos|les|toutes les)\s+)?(?:vidéos?|podcasts?|audio|replay|diaporama|galerie)\b[^.!?:]{0,40}$",
                re.I), "an audio or video block's label"),
    # a summary box's label over the standfirst: « En bref », « À retenir », « Résumé »
    (re.compile(r"^(?:l['’]essentiel|en bref|en résumé|résumé|à retenir|ce qu['’]il faut retenir|les points clés"
                r"|points clés|l['’]info en bref)\s*:?$", re.I), "a box label"),
    (_RELATED_LABEL, "a link, share or ad line"),
    (DURATION, "a reading or listening time"),
    (re.compile(r"^(?:\d+\s+(?:commentaires?|réactions?|contributions?)|(?:commentaires?|réactions?|"
                r"contributions?)\s*\(\d+\)|(?:vos|voir les|lire les)\s+(?:commentaires|contributions))\W*$",
                re.I), "a comments counter"),
    (re.compile(r"\bappareils?\b.*\b(?:à la fois|en même temps)\b|\bl['’]autre appareil\b", re.I),
     "a device limit of a subscription"),
    (COMMENT_HEADER, "a reader comment's header"),
    # an embedded post's or a poll's counters: « 3,1 k », « Voir 240 réponses », « 1 426 votes »
    (re.compile(r"^(?:\D{0,20}\s)?\d+(?:[,.]\d+)?\s*[kK]\b|\b\d[\d  ]*\s*(?:réponses|votes|retweets|j['’]aime)$", re.I),
     "an embedded post's or a poll's counter"),
    (GREETING, "a greeting to the reader"),
    (CHANGE_NOTE, "a correction or update note"),
    # a line naming where the piece was picked up: « Vu dans The Guardian, Yonhap », « Repéré sur … »
    (re.compile(r"^(?i:repérée?s?|vue?s?|lue?s?|trouvée?s?|signalée?s?)\s+(?i:sur|dans|chez)\s+[A-ZÀ-Ý][^.!?]{0,60}$"),
     "a source credit"),
    (SPEAKS_AS_READER, "a control of the page"),
]
# A short paragraph is checked too: page debris stands alone on its line.
_SHORT_PARAGRAPH = 14  # words
# A caption ending on its credit after a copyright sign (« … à Pyongyang. — © KCNA via KNS »), of
# a caption's length.
_CAPTION_CREDIT = re.compile(r"(?:^|\s)©\s*\w[^.!?]*$")
_CAPTION_WORDS = 40
_DEBRIS_WORDS = [
    (("©", "photo :", "crédit :", "crédits :", "illustration :"), "a photo caption or credit"),
    (("abonn", "connectez", "se connecter", "identifiez-vous", "inscrivez", "newsletter"),
     "a subscription or login prompt"),
    (("lire aussi", "à lire", "voir aussi", "suivez-nous", "cookies", "http://", "https://", "www."),
     "a link, share or ad line"),
]


def heading_text(line: str) -> str | None:
    """The text of an ATX heading line (``## Text ##``), or None when it is not one.

    What ``^#{1,6}\\s+(.+?)\\s*#*\\s*$`` would capture, in linear time: that expression
    takes minutes on a line of many spaces or ``#``, which a contributor can write."""
    after = line.lstrip("#")
    if not 1 <= len(line) - len(after) <= 6 or not after[:1].isspace():
        return None
    rest = after.lstrip()
    text = rest.rstrip().rstrip("#").rstrip()
    if text:
        return text
    if rest:  # only closing hashes after the spaces: the first one is the text
        return rest[0]
    return after[-1] if len(after) > 1 else None  # only spaces: the last one is the text


def debris_kind(text: str) -> str | None:
    """What page debris ``text`` looks like (a byline, a date line…), or None."""
    text = text.strip()
    lowered = text.lower()
    for words, kind in _DEBRIS_WORDS:
        if any(word in lowered for word in words):
            return kind
    return next((kind for pattern, kind in _DEBRIS if pattern.search(text)), None)


def paragraph_debris_kind(text: str) -> str | None:
    """What page debris a short paragraph looks like; fewer shapes than for a heading, since
    an article's sentence may hold « Photo : » or a date."""
    kind = debris_kind(text)
    sure = {"a subscription or login prompt", "a link, share or ad line", "a reading or listening time",
            "a comments counter", "a device limit of a subscription", "a publication date line"}
    if kind in sure and not re.search(r"[«»“”\"]", text):
        return kind
    return None


def all_draft_warnings(articles: tuple[ArticleInfo, ...] | list[ArticleInfo],
                       root: Path) -> list[ContentError]:
    """``draft_warnings`` of every article, read from ``root / article.source``.

    One pass over the files, mostly a read and a few string tests per line: about a
    second for 10,000 articles, so it runs in one process.
    """
    return [warning for article in articles
            for warning in draft_warnings(article, root / article.source, root)]


def once_events_dated_apart(articles: Sequence[ArticleInfo], topics: Mapping[str, Topic],
                            root: Path) -> list[ContentError]:
    """A claim dating an event that happens once (topics.yml ``once``: a signature, an entry
    into force) at a time no other article's date for it meets: an anniversary or a reminder
    read as the event itself (« deux ans après son entrée en vigueur, le 4 décembre »)."""
    dated: dict[tuple[str, str], list[tuple[ArticleInfo, int, DateInterval]]] = {}
    for article in articles:
        for i, claim in enumerate(article.claims):
            event = topics[claim.topic].events.get(claim.event or "") if claim.topic in topics else None
            if event is not None and event.once and claim.as_of is not None:
                dated.setdefault((claim.topic, claim.event or ""), []).append((article, i, claim.as_of))
    found = []
    for (topic_id, event_id), claims in dated.items():
        by_date: dict[DateInterval, set[str]] = {}
        for article, _, when in claims:
            by_date.setdefault(when, set()).add(article.id)
        met = _meeting_another(list(by_date))
        dates_of = Counter(article_id for article_id, _ in {(a.id, w) for a, _, w in claims})
        for article, i, when in claims:
            if len(by_date[when]) > 1 or when in met and dates_of[article.id] == 1:
                continue  # another article gives this date, or one that meets it (at once)
            dates = [d for d, ids in by_date.items() if len(ids) > 1 or article.id not in ids]
            if not dates or any(when.overlaps(other) for other in dates):
                continue
            said = dict.fromkeys(str(w) for other, _, w in claims if other.id != article.id)
            found.append(_Lazy(root / article.source, root).warning(
                ("claims", i, "as_of"), f"claims[{i}].as_of",
                f"dates « {topics[topic_id].events[event_id].label} », an event that happens once, "
                f"{when}, where other articles date it {', '.join(said)}",
                "an anniversary or a reminder is not the event: give the date the text gives the "
                "event itself, or none"))
    return found


def _meeting_another(dates: list[DateInterval]) -> set[DateInterval]:
    """The dates that overlap another of ``dates`` (distinct): in start order, one meets an
    earlier one when the latest end before it reaches it, a later one when the next starts
    within it. Linear after the sort, for the thousands of dates a large archive may give."""
    ordered = sorted(dates, key=DateInterval.sort_key)
    met = set()
    latest_end = None
    for n, when in enumerate(ordered):
        if latest_end is not None and latest_end >= when.start \
                or n + 1 < len(ordered) and ordered[n + 1].start <= when.end:
            met.add(when)
        latest_end = when.end if latest_end is None else max(latest_end, when.end)
    return met


def draft_warnings(article: ArticleInfo, path: Path, root: Path) -> list[ContentError]:
    """Every sign that ``article`` (read from ``path``) is still a draft, as warnings."""
    lines, end = article_lines(path)
    display = article.source
    found: list[ContentError] = []
    date_line = 0
    for number, line in enumerate(lines[1:end], start=2):
        if not date_line and line.startswith("date:"):
            date_line = number
        if "#" in line and _COMMENTED_CLAIM.match(line):
            found.append(ContentError(
                display, number, line.index("#") + 1, "claims", "a claim is still commented out",
                "uncomment and complete it if the article reports this figure, otherwise delete "
                "its lines", severity="warning"))
        if _EMPTY_KEY.match(line):
            found.append(ContentError(
                display, number, 1, "date_note", "date_note is empty",
                "say in French how the date was established, or delete the line when the "
                "article prints its full date", severity="warning"))
    has_empty_note = any(w.field == "date_note" for w in found)
    precision = article.date.precision if article.date else None
    if article.date_note is None and not has_empty_note and precision != "day":
        what = {None: "unknown", "period": "a period, not a day"}.get(
            precision, f"known only to the {precision}")
        found.append(ContentError(
            display, date_line, 1, "date", f"the date is {what} and no date_note says why",
            "add date_note: what the text gives and how it places the article in time",
            severity="warning"))
    previous = ""   # the last line with text, and its heading's marks when it is one
    for number, line in enumerate(lines[end + 1:], start=end + 2):
        heading = heading_text(line) if line.startswith("#") else None
        kind = heading and debris_kind(heading)
        if heading and not kind and previous:
            # A heading right after a bare related-links label (« À lire aussi : », « Plus
            # d'actualités »: the label alone, its titles on the lines after): a linked title.
            label = heading_text(previous) if previous.startswith("#") else previous.strip()
            if label and _RELATED_LABEL.search(label) and _BARE_LABEL.fullmatch(label):
                kind = "a related article's title (after « " + label + " »)"
        if heading and not kind and _KICKER_TITLE.match(heading):
            kind = "another article's title (a kicker and a headline)"
        if line.strip():
            previous = line
        if heading and kind:
            found.append(ContentError(
                display, number, 1, "body", f"heading looks like {kind}: « {heading} »",
                "delete it and note what was removed under 'cleaning', or make it a paragraph "
                "if it belongs to the article", severity="warning"))
        elif (not heading and line.strip() and not line.lstrip().startswith(("-", "*", ">", "|"))
              and ((len(line.split()) <= _SHORT_PARAGRAPH and (kind := paragraph_debris_kind(line)))
                   or (len(line.split()) <= _CAPTION_WORDS and _CAPTION_CREDIT.search(line)
                       and (kind := "a photo caption or credit")))):
            found.append(ContentError(
                display, number, 1, "body", f"line looks like {kind}: « {line.strip()} »",
                "delete it and note what was removed under 'cleaning', or keep it if it belongs "
                "to the article", severity="warning"))
    found += remote_images(lines[end + 1:], display, first_line=end + 2)
    source = _Lazy(path, root)
    kind = debris_kind(article.title)
    if kind:
        found.append(source.warning(("title",), "title", f"the title looks like {kind}",
                                    "use the article's printed title, or write one"))
    found += _id_warnings(article, source)
    found += _id_date_warnings(article, source)
    found += _repeated_claims(article, source)
    found += _unworded_periods(article, source)
    found += _periods_without_year(article, source)
    found += _dates_the_quote_contradicts(article, source)
    return sorted(found)


def remote_images(lines: list[str], display: str, first_line: int) -> list[ContentError]:
    """A warning at each image ``![alt](http…)`` of the body: the site shows no image (it
    works offline and fetches nothing), so the image and its text would silently vanish.

    A scan with str.find, linear whatever the text: each ``](`` is looked for once for all
    the ``![`` before it, and only the innermost ``![`` is reported."""
    found: list[ContentError] = []
    body = "\n".join(lines)
    close = -1
    line, line_start, counted = first_line, 0, 0  # where offset ``counted`` stands
    start = body.find("![")
    while start >= 0:
        following = body.find("![", start + 2)
        if close < start + 2:
            close = body.find("](", start + 2)
            if close < 0:
                break
        if following < 0 or following > close:  # the innermost image before this ``](``
            target = body[close + 2:close + 2 + 300].lstrip(" \t\n<").lower()
            if target.startswith(("http://", "https://", "//")):
                newline = body.rfind("\n", counted, start)
                line_start = newline + 1 if newline >= 0 else line_start
                line, counted = line + body.count("\n", counted, start), start
                found.append(ContentError(
                    display, line, start - line_start + 1,
                    "body", "a remote image: the site shows no image and fetches nothing, so "
                    "it and its text would silently disappear",
                    "say in the text what it shows, or make it a link to the page that holds it: "
                    "[what it shows](address)", severity="warning"))
        start = following
    return found


class _Lazy:
    """The parsed source, read only when a warning needs a field's position."""

    def __init__(self, path: Path, root: Path):
        self.path, self.root = path, root
        self._source: SourceDocument | None = None

    def warning(self, key_path: tuple, field_name: str, message: str, hint: str) -> ContentError:
        if self._source is None:
            self._source = read_article(self.path, self.root)
        return self._source.error(key_path, field_name, message, hint, severity="warning")


def _id_warnings(article: ArticleInfo, source: _Lazy) -> list[ContentError]:
    """``date-inconnue-…`` or ``<date>-inconnu-…`` once the date or the outlet is known."""
    words = _DATE_PREFIX.sub("", article.id)
    date_unknown = article.id.startswith("date-inconnue-")
    outlet_unknown = words.startswith("inconnu-")
    stale = []
    if date_unknown and article.date is not None:
        stale.append(f"the date is {article.date}")
    if outlet_unknown and article.outlet != UNKNOWN:
        stale.append(f"the outlet is {article.outlet}")
    if not stale:
        return []
    if outlet_unknown and article.outlet != UNKNOWN:
        words = f"{article.outlet}-{words.removeprefix('inconnu-')}"
    date = str(article.date) if article.date else "date-inconnue"
    suggested = f"{date}-{words}"
    return [source.warning(("id",), "id", f"the id still says 'inconnu' but {' and '.join(stale)}",
                           f"rename the file and its id to '{suggested}'")]


def _id_date_warnings(article: ArticleInfo, source: _Lazy) -> list[ContentError]:
    """An id that starts with a date other than the article's ``date``."""
    prefix = re.match(r"^(\d{4}-\d{2}(?:-\d{2})?)-", article.id)
    if not prefix or article.date is None or prefix[1] == str(article.date):
        return []
    suggested = f"{article.date}-{article.id[prefix.end():]}"
    return [source.warning(("id",), "id", f"the id's date {prefix[1]} is not the article's date "
                           f"{article.date}", f"rename the file and its id to '{suggested}', or "
                           "correct the date")]


# A note that opens on the text's own words for the period, when no date or interval says
# them as the text does: « avant le début de l'année 2025 » is not « 2024 », « fin janvier »
# is not « janvier ». (Words quoted further on explain how the date was worked out; « depuis
# octobre 2024 », « depuis le début de l'année » are intervals up to the report, whose start
# as_of says exactly: their end is the next warning's.)
_PERIOD_WORDS = re.compile(r"^«(?!\s*depuis\b)[^»]*\b(?:avant|après|fin|début|mi-\w+|courant)\b[^»]*»",
                           re.I)


def _unworded_periods(article: ArticleInfo, source: _Lazy) -> list[ContentError]:
    """A claim whose as_of_note quotes a period in words (« avant … », « fin … ») while
    as_of_words is empty: pages would show its as_of, a precision the text does not give.
    Likewise a period that ends on its article's day (« depuis octobre 2024 » read as
    2024-10/2025-12-11): pages would show that day as its end, which the text may not give;
    with the words, they show them and the report's date."""
    found = []
    for i, claim in enumerate(article.claims):
        if claim.as_of is None or claim.as_of_words:
            continue
        quoted = claim.as_of_note and _PERIOD_WORDS.search(claim.as_of_note)
        if quoted:
            found.append(source.warning(
                ("claims", i, "as_of_note"), f"claims[{i}].as_of_note",
                f"quotes the period in words ({quoted.group()}) but as_of_words is empty: pages "
                f"would show {claim.as_of}, a precision the text does not give",
                "put the text's words in as_of_words (« avant le début de l'année 2025 », "
                "« fin janvier 2025 »)"))
        elif claim.as_of.runs_to(article.date):
            found.append(source.warning(
                ("claims", i, "as_of"), f"claims[{i}].as_of",
                f"ends on the article's date ({article.date}), a bound the text may not give: "
                "pages would show that day as the period's end",
                "put the text's words in as_of_words (« depuis octobre 2024 »): pages then show "
                "them and the date it was reported"))
    return found


def _periods_without_year(article: ArticleInfo, source: _Lazy) -> list[ContentError]:
    """A claim whose as_of_words (or stated_words) name a month or a season but no year while
    as_of (or stated_on) has one: pages print the words instead of the date, so « (plus de
    12 000, à la fin novembre) » would leave the reader to guess which November."""
    found = []
    for i, claim in enumerate(article.claims):
        for words_field, date_field, words, when in (
                ("as_of_words", "as_of", claim.as_of_words, claim.as_of),
                ("stated_words", "stated_on", claim.stated_words, claim.stated_on)):
            if not words or when is None or not month_without_year(words):
                continue
            years = sorted({when.start.year, when.end.year})
            example = f"« {words} {years[0]} »" if len(years) == 1 else "with the year of each month"
            found.append(source.warning(
                ("claims", i, words_field), f"claims[{i}].{words_field}",
                f"« {words} » names no year while {date_field} ({when}) has one: pages print these "
                "words instead of the date, and the reader cannot tell which year",
                f"add the year to the text's words ({example})"))
    return found


def _dates_the_quote_contradicts(article: ArticleInfo, source: _Lazy) -> list[ContentError]:
    """A claim whose quote prints days whole (« signé le 19 juin 2024 ») none of which its
    ``as_of`` (or its ``stated_on``) holds: a date taken from elsewhere in the sentence (the
    anniversary « ce vendredi ») would date the event or figure on a day no text gives."""
    found = []
    for i, claim in enumerate(article.claims):
        days = full_dates(claim.quote)
        if claim.as_of is None or not days:
            continue
        said = claim.stated_on
        if not any(claim.as_of.overlaps(d) or (said is not None and said.overlaps(d)) for d in days):
            found.append(source.warning(
                ("claims", i, "as_of"), f"claims[{i}].as_of",
                f"the quote prints {', '.join(map(str, days))}, which as_of ({claim.as_of}) does not hold",
                "as_of is the date the text gives the figure or event; the day the actor said it "
                "goes in stated_on"))
    return found


def _repeated_claims(article: ArticleInfo, source: _Lazy) -> list[ContentError]:
    """The same statement (topic, metric or event, actor, date, figure) claimed twice."""
    first: dict[tuple, int] = {}
    found = []
    for i, claim in enumerate(article.claims):
        key = (claim.topic, claim.metric, claim.event, claim.attributed_to, str(claim.as_of),
               claim.qualifier, claim.value, claim.low, claim.high)
        if key in first:
            found.append(source.warning(
                ("claims", i), f"claims[{i}]",
                f"states the same as claims[{first[key]}]: same topic, "
                f"{'metric' if claim.metric else 'event'}, actor, date"
                f"{' and figure' if claim.metric else ''}",
                "one claim per statement: delete one of the two (keep the quote that says it best)"))
        else:
            first[key] = i
    return found
