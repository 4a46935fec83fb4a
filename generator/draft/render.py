"""The draft file: frontmatter with every proposed value marked for confirmation, then the text.

Claims stay commented out (``  # - topic:`` / ``  #   field:``) until the contributor
confirms them by removing the first ``# `` of each line; every field the draft filled
carries a trailing ``# à confirmer : …`` saying what it was read from.
"""

from __future__ import annotations

import json
import re
import unicodedata

from ..derive.search import fold
from ..model import UNKNOWN
from .claims import Candidate, sentences
from .cleaning import Draft
from .hedges import following_hedges, hedge_words
from .unnamed import Unnamed

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/article.schema.json"
CONFIRM = "à confirmer"
FILL = "à remplir"


def slugify(text: str, words: int = 6) -> str:
    folded = fold(unicodedata.normalize("NFC", text)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", folded)[:words]) or "article"


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _line(field: str, value: object, comment: str = "", prefix: str = "") -> str:
    text = f"{prefix}{field}:" + (f" {value}" if value not in (None, "") else "")
    return f"{text}    # {comment}" if comment else text


def article_id(draft: Draft) -> str:
    return "-".join([draft.date or "date-inconnue", draft.outlet or "inconnu", slugify(draft.title, 5)])


def _claim_ids(figures: list[Candidate]) -> dict[int, str]:
    """Ids for claims that would otherwise share one (metric, actor, as_of)."""
    groups: dict[tuple, list[int]] = {}
    for index, figure in enumerate(figures):
        groups.setdefault((figure.metric, figure.actor, figure.as_of), []).append(index)
    ids = {}
    for (metric, _, _), members in groups.items():
        if len(members) > 1 and metric:
            for index in members:
                figure = figures[index]
                numbers = "-".join(str(n) for n in figure.numbers)
                ids[index] = f"{metric.replace('_', '-')}-{numbers}"
    return ids


# « sans préciser la source de ce chiffre », « sans citer de source »: an actor's figure that
# the text says rests on no source it gives (Claim.unsourced).
_UNSOURCED = re.compile(r"\bsans\s+(?:en\s+)?(?:préciser|citer|indiquer|donner|mentionner)\s+"
                        r"(?:la\s+|sa\s+|ses\s+|de\s+|les\s+)?sources?\b", re.IGNORECASE)


def _hedges(quote: str, sentence: str, field: str, whole_quote: str = "",
            after: tuple[str, tuple[str, ...]] | None = None) -> list[str]:
    """The quote's hedging words (and the sentence's fixed phrases) as the claim's ``hedges``, to
    confirm: a conditional may also be a future seen from the past (« a annoncé que … seraient envoyés »).
    A part (« dont 3 000 tués ») takes those of its total's ``whole_quote`` first; ``after``, the
    next sentence and its hedges when it names these figures (« Ces chiffres … »), come last."""
    own = tuple(dict.fromkeys((*(hedge_words(whole_quote) if whole_quote else ()), *hedge_words(quote, sentence))))
    later = tuple(word for word in (after[1] if after else ()) if word not in own)
    words = own + later
    if not words:
        return []
    listed = "[" + ", ".join(_yaml(word) for word in words) + "]"
    out = [_line("hedges", listed, f"{CONFIRM} : le texte nuance ce qu'il rapporte ; à supprimer "
                 "si le conditionnel n'est qu'un futur dans le passé", field)]
    if later and after:
        shown = ", ".join(f"« {word} »" for word in later)
        out.append(f"{field}# {shown} : de la phrase suivante, qui parle de ces chiffres (« {after[0]} ») : "
                   f"{CONFIRM} qu'elle nuance bien ce chiffre")
    return out


def hedges_after(blocks: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each sentence followed by one that names its figures by a demonstrative (« Ces chiffres
    restent difficiles à vérifier », in the same paragraph or opening the next, no heading
    between): that next sentence and its hedges."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    before: str | None = None
    for block in blocks:
        if block.startswith("#"):
            before = None
            continue
        for sentence in sentences([block])[0]:
            if before is not None and (words := following_hedges(sentence)):
                found[before] = (sentence, words)
            before = sentence
    return found


def _dates(figure: Candidate, field: str) -> list[str]:
    """``as_of`` (the figure's date) and ``stated_on`` (the day it was said), each with its words."""
    out = []
    if figure.as_of:
        out.append(_line("as_of", figure.as_of, f"{CONFIRM} : {figure.as_of_hint}", field))
        if figure.as_of_words:
            out.append(_line("as_of_words", _yaml(figure.as_of_words), "", field))
        if figure.as_of_note:
            out.append(_line("as_of_note", _yaml(figure.as_of_note), "", field))
    if figure.stated_on:
        out.append(_line("stated_on", figure.stated_on, f"{CONFIRM} : {figure.stated_hint}", field))
        if figure.stated_words:
            out.append(_line("stated_words", _yaml(figure.stated_words), "", field))
    return out


def render_claim(figure: Candidate, topics: list[str], claim_id: str | None = None,
                 after: tuple[str, tuple[str, ...]] | None = None) -> list[str]:
    """A claim's commented-out lines; ``after``: the next sentence naming its figures, and its hedges."""
    out = []
    if figure.topic:
        out.append(_line("topic", figure.topic, f"{CONFIRM} : {figure.topic_hint}", "  # - "))
    else:
        out.append(_line("topic", None, f"{FILL} : un de {', '.join(topics)} (unité « {figure.unit} »)",
                         "  # - "))
    field = "  #   "
    if figure.event:
        out.append(_line("event", figure.event, f"{CONFIRM} : {figure.topic_hint}", field))
        out += _dates(figure, field)
        out.append(_line("attributed_to", figure.actor, f"{CONFIRM} : {figure.actor_hint}", field)
                   if figure.actor else _line("attributed_to", None, f"{FILL} : aucun acteur de "
                   "actors.yml nommé dans la phrase (unattributed si l'article l'affirme lui-même)", field))
        out.append(_line("quote", _yaml(figure.quote), f"{CONFIRM} : la proposition qui nomme l'événement",
                         field))
        return out + _hedges(figure.quote, figure.sentence, field)
    if claim_id:
        out.append(_line("id", claim_id, "deux chiffres auraient le même id", field))
    if figure.metric:
        out.append(_line("metric", figure.metric, f"{CONFIRM} : {figure.metric_hint}", field))
    elif figure.metric_options:
        out.append(_line("metric", None, f"{FILL} : un de {', '.join(figure.metric_options)}", field))
    else:
        out.append(_line("metric", None, f"{FILL} : une métrique du thème (topics.yml), ou event", field))
    shown = f"« {figure.figure_text} »"
    if figure.qualifier == "range":
        out += [_line("low", figure.low, f"{CONFIRM} : {shown}", field), _line("high", figure.high, "", field)]
    else:
        out.append(_line("value", figure.value, f"{CONFIRM} : {shown}", field))
    out.append(_line("qualifier", figure.qualifier, CONFIRM, field))
    out += _dates(figure, field)
    if not figure.as_of and figure.recall:
        out.append(f"{field}# pas de date pour ce rappel dans sa proposition : sans as_of, il compterait à la "
                   "date de l'article ; donnez celle de l'estimation rappelée si une source la dit")
    elif not figure.as_of:
        out.append(f"{field}# pas de date pour ce chiffre dans la phrase : as_of omis "
                   "(chiffre rapporté à la date de l'article)")
    if figure.actor:
        out.append(_line("attributed_to", figure.actor, f"{CONFIRM} : {figure.actor_hint}", field))
    else:
        out.append(_line("attributed_to", None, f"{FILL} : aucun acteur de actors.yml nommé dans la "
                         "phrase (unattributed si l'article l'affirme lui-même)", field))
    out.append(_line("quote", _yaml(figure.quote), f"{CONFIRM} : la proposition qui porte le chiffre",
                     field))
    out += _hedges(figure.quote, figure.sentence, field, figure.whole_quote, after)
    if _UNSOURCED.search(figure.sentence):
        out.append(_line("unsourced", "true", f"{CONFIRM} : la phrase dit que l'acteur ne donne pas "
                         "la source de ce chiffre ; il ne confirme alors aucun autre chiffre", field))
    for note in figure.notes:
        out.append(f"{field}# {note}")
    if figure.repeats > 1:
        out.append(f"{field}# le chiffre revient {figure.repeats} fois dans le texte : proposé une fois")
    return out


# What the comment calls each kind, its pronoun, and what its event needs besides label and synonyms.
_UNNAMED = {"denial": ("Démenti relevé", "le", ", stance: true : une position"),
            "visit": ("Visite relevée", "la", "")}


def _unmeasured(figure: Candidate) -> str:
    """A figure no metric measures, so that it is not lost: as printed, the number read (« 12
    millions » is 12000000) with its unit noun, and the clause that holds it."""
    noun = figure.unit.split()[0] if figure.unit.strip() else ""
    printed = figure.sentence[figure.start:figure.end - len(figure.unit) + len(noun)].rstrip()
    number = " à ".join(str(n) for n in figure.numbers)
    read = f"lu {number}" if re.sub(r"\D", "", printed) != number.replace(" à ", "") else ""
    said = " ; ".join(part for part in (read, f"unité « {noun} »" if noun else "sans unité") if part)
    return f"« {printed} » ({said}) dans « {figure.quote} »"


def render_draft(draft: Draft, figures: list[Candidate], topics: list[str],
                 unmeasured: list[Candidate] | None = None,
                 unnamed: list[Unnamed] | None = None) -> tuple[str, str]:
    """The proposed article id and the file's text; ``unmeasured``: numbers of the text that no
    metric of topics.yml measures, named in a comment rather than proposed."""
    proposed_id = article_id(draft)
    out = ["---", SCHEMA_COMMENT,
           _line("id", proposed_id, "date-média-mots du titre : le nom du fichier ; à changer avec "
                 "lui si date, média ou titre changent"),
           _line("title", _yaml(draft.title), f"{CONFIRM} : {draft.title_source}")]
    if draft.date:
        out.append(_line("date", draft.date, f"{CONFIRM} : {draft.date_source}"))
        if draft.date_note:
            out.append(_line("date_note", _yaml(draft.date_note), f"{CONFIRM} : {draft.date_source}"))
        elif "en tête du texte" in draft.date_source:
            out.append(_line("date_note", None, "comment la date a été établie, en français"))
    else:
        mentions = "; ".join(f"« {m} »" for m in dict.fromkeys(draft.date_mentions)) or "aucune"
        out.append(_line("date", UNKNOWN, f"{FILL} : YYYY-MM-DD, ou YYYY-MM si le texte le permet ; "
                         f"dates mentionnées : {mentions}"))
        out.append(_line("date_note", None, "comment la date a été établie, en français"))
    if draft.outlet:
        out.append(_line("outlet", draft.outlet, f"{CONFIRM} : {draft.outlet_source}"))
    elif draft.outlet_suggestion:
        out.append(_line("outlet", UNKNOWN, f"{FILL} : « {draft.outlet_suggestion} » n'est pas dans "
                         "outlets.yml : ajoutez-le (id, name, kind, homepage) et mettez son id ici"))
    else:
        out.append(_line("outlet", UNKNOWN, f"{FILL} : un id de outlets.yml, ou unknown"))
    if draft.wire:
        wire = draft.wire if isinstance(draft.wire, str) else f"[{', '.join(draft.wire)}]"
        out.append(_line("wire", wire, f"{CONFIRM} : {draft.wire_source}"))
    elif draft.wire_suggestion:
        out.append(f"# wire: « {draft.wire_suggestion} » cité comme agence, absent de outlets.yml : "
                   "ajoutez-le (kind: wire) pour le renseigner")
    if draft.url:
        out.append(_line("url", draft.url, f"{CONFIRM} : {draft.url_source}"))
    out.append("language: fr")
    found = list(dict.fromkeys(f.topic for f in figures if f.topic))
    others = [t for t in topics if t not in found]
    if found:
        out.append(_line("topics", f"[{', '.join(found)}]", f"{CONFIRM} : thèmes des chiffres relevés"
                         + (f" ; autres : {', '.join(others)}" if others else "")))
    else:
        out.append(_line("topics", "[]", f"{FILL} : un ou plusieurs de {', '.join(topics)}"))
    out.append("cleaning:")
    if draft.cleaning:
        out.append("  # Débris probables retirés du texte ci-dessous : vérifiez chaque ligne, remettez "
                   "dans le texte ce qui appartient à l'article.")
    out += [f"  - {_yaml(note)}" for note in draft.cleaning]
    out.append("claims:")
    if figures:
        out.append("  # Chiffres relevés dans le texte : pour confirmer une affirmation, retirez le "
                   "premier « # » de chacune de ses lignes et vérifiez les champs « à confirmer » ; "
                   "supprimez celles que l'article ne rapporte pas.")
    ids = _claim_ids([f for f in figures if not f.event])
    after = hedges_after(draft.blocks)
    for index, figure in enumerate(f for f in figures if not f.event):
        out += render_claim(figure, topics, ids.get(index), after.get(figure.sentence))
    if unmeasured:
        out.append("  # Nombres qu'aucune métrique de topics.yml ne mesure, non proposés (ajoutez une métrique à "
                   "topics.yml si l'archive doit les suivre) :")
        out += [f"  #   {_unmeasured(figure)}" for figure in unmeasured]
    events = [f for f in figures if f.event]
    if events:
        out.append("  # Événements nommés dans le texte (mots de topics.yml) : à confirmer de même.")
    for event in events:
        out += render_claim(event, topics)
    for mention in unnamed or ():
        said, pronoun, stance = _UNNAMED[mention.kind]
        if mention.known:
            which = ", ".join(mention.known)
            why, then = (("proposé plus haut pour une autre phrase", "rien à ajouter") if mention.proposed
                         else ("tous les mots d'un de ses synonymes sont dans la phrase",
                               "écrivez l'affirmation à la main"))
            out.append(f"  # {said} au paragraphe {mention.paragraph} (« {mention.words} ») : topics.yml a "
                       f"peut-être déjà l'événement qui {pronoun} nomme ({which} : {why}) ; s'il {pronoun} "
                       f"nomme, {then}.")
            continue
        out.append(f"  # {said} au paragraphe {mention.paragraph} (« {mention.words} ») : aucun événement de "
                   f"topics.yml ne {pronoun} nomme ; ajoutez-en un (label, synonyms{stance}) pour qu'il soit proposé.")
    out += ["---", "", "\n\n".join(draft.blocks), ""]
    return proposed_id, "\n".join(out)
