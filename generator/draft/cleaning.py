"""French web debris out of the text, each removal listed for the contributor to confirm.

Reads the lines of a pasted text (or of a web page's extracted text) and finds the
article's title, date, outlet and wire agency in what it takes out: a byline « Par
FRANCE 24 avec AFP », a line « Publié le : 30/04/2025 - 11:52 », a headline printed
twice. Nothing is dropped silently: every removal becomes a ``cleaning`` note (French).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..model import Outlet
from ..read.lint import (
    BRACKETED_NOTE,
    CHANGE_NOTE,
    COMMENT_HEADER,
    DURATION,
    DURATION_TEXT,
    GREETING,
    SPEAKS_AS_READER,
)
from ..read.quotes import normalise
from .dates import printed_date, stamp_weekday_date, weekday_date
from .words import compact, is_acronym

if TYPE_CHECKING:
    from .webpage import Page

_WIRES = r"AFP|Reuters|AP|Belga|ATS|Yonhap|l['’]AFP"


def _byline_patterns(wires: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A byline « Par X avec AFP » and a credit « X avec AFP et Reuters » naming the agencies
    ``wires`` (an alternation: the common ones and every name of the registered agencies)."""
    # One agency or several: « AFP », « AFP et Reuters », « AFP, AP et Reuters ».
    listed = rf"(?:{wires})(?:\s*(?:,|et)\s+(?:{wires}))*"
    # (« Par Anne Roy (avec AFP) »: the agencies may stand in brackets there too.)
    # (« Article rédigé par franceinfo avec AFP »: a name in lower case after « rédigé par ».)
    byline = re.compile(r"^(?:Article\s+rédigé\s+par\s+(?=\w)|(?:Texte\s+)?(?:Par|par|Propos recueillis par)\s*:?\s*"
                        rf"(?=[A-ZÀ-Ý]))(?P<name>.+?)"
                        rf"(?:\s*(?P<open>\()?\s*(?:,|avec|et)\s+(?P<wire>{listed})\s*(?(open)\)))?\s*$")
    # « Le Monde avec AFP », « La Croix (avec AFP), », « Léa Morand, avec AFP et Keystone-ATS »: the
    # agencies may stand in brackets or after a comma, the line end on the comma that led to the
    # date on the next line.
    with_wire = re.compile(rf"^(?P<name>(?:[^.!?:()]|(?<=\b[A-ZÀ-Ý])\.){{2,40}}?)\s*,?\s*(?P<open>\()?\s*(?:avec|et)\s+"
                           rf"(?P<wire>{listed})\s*(?(open)\))\s*,?\s*$")
    return byline, with_wire


_PUBLISHED = re.compile(r"^(?:Publi[ée]|Mis à jour|Mise à jour|Modifi[ée]|Actualis[ée]|Post[ée])\b"
                        # a line that is only a date and a time: « Le 19 juin 2025 à 10h41 »
                        r"|^(?:le\s+)?(?:\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})"
                        r"(?:\s*(?:à|-)\s*\d{1,2}[h:]\d{2})?\s*$", re.I)
_PHOTO = re.compile(
    r"^\(?\s*(?:Photos?|Cr[ée]dits?(?:\s+photo)?|Photographie|Illustration|Image|Vidéo)\s*:"
    r"|^©|^\((?:Photo\s*:\s*)?[^()]{1,40}\)$|^Photo d['’]illustration\b"
    r"|\bPhotos?\s*:?\s*(?:AFP|Reuters|AP|KCNA|Yonhap|EPA|Getty Images)\s*$"
    r"|(?:/\s*|\bvia\s+|©\s*)(?:AFP|Reuters|AP|KCNA|Yonhap|EPA|Getty Images)(?:\s*/\s*Archives)?\s*\)?$"
    # a caption closed by its credit in brackets: « … exercice militaire. (Photo d'archives KCNA. …) »
    r"|\((?:Photos?|Cr[ée]dits?|Illustration)\b[^()]*\)$"
    # a caption with its credit after a copyright sign: « … à Pyongyang. — © KCNA via KNS »
    r"|\s©\s*\S"
    # a credit alone: names joined by slashes, an agency's among them (« AFP/Archives », « Keystone /
    # Peter Klaunzer »)
    r"|^(?=.*(?-i:\b[A-Z]{2,}\b|Archives|Reuters|Getty|Keystone|Belga|Sipa|Zuma|Abaca|Shutterstock))[A-ZÀ-Ý][\w.’'-]*(?:\s+[\w.’'-]+){0,3}(?:\s*/\s*[A-ZÀ-Ý][\w.’'-]*(?:\s+[\w.’'-]+){0,3})+$",
    re.I)
# Where a page shows a picture: a line naming it alone (« Image », « Photo 2/5 »); the line
# after it, when it reads as a caption, goes with it.
_IMAGE_MARKER = re.compile(r"^(?:Images?|Photos?|Photographies?|Illustrations?|Diaporama|Galerie(?: photos?)?)"
                           r"(?:\s*\d+\s*/\s*\d+)?$", re.I)
# What a caption lacks: a verb saying or stating something (« a affirmé », « sont », « selon »). A
# caption names what the picture shows (« Le dirigeant … lors d'une cérémonie (archives). »).
_STATEMENT = re.compile(r"\b(?:a|ont|avait|avaient|aurait|auraient|aura|auront|est|sont|était|étaient|serait"
                        r"|seraient|sera|seront|selon|d['’]après|affirm\w*|déclar\w*|estim\w*|indiqu\w*|annonc\w*"
                        r"|assur\w*|rapport\w*|précis\w*|expliqu\w*|dit|disent|ajout\w*|soulign\w*|confirm\w*"
                        r"|pourrait|pourraient|doit|doivent|va|vont)\b|[«»“”\"]", re.I)
_READ_ALSO = re.compile(r"^(?:[ÀA]\s+)?(?:lire|voir|écouter|regarder)\s+(?:aussi|également|la suite|en vidéo|en images)"
                        r"(?:\b|(?-i:(?=[A-ZÀ-Ý])))"
                        r"|^[^.!?]{0,40}\bvous (?:conseille|recommande|propose)\b|^Dans la même rubrique\b"
                        r"|^Sur le même sujet\b|^Nous recommandons\s*:|^VIDÉO\s*:|^Notre dossier\b"
                        r"|^(?:À|A) découvrir\b|^Le direct\s*:|(?-i:^LIRE\b)"
                        # a list of related articles under its label
                        r"|^(?:Nos|Tous nos)\s+(?:autres\s+|derniers\s+)?articles\b|^(?:Les|Tous les)\s+(?:derniers\s+)?articles"
                        r"\s+(?:sur|liés|du même|de la rubrique)\b|^Plus d['’]actualités?\b"
                        r"|^Articles? liés?\b|^Pour aller plus loin\b|^(?:Les )?plus lus\b|^En lien\s*:", re.I)
# A follow block: the site's accounts on social networks (« Suivez X sur Instagram, X et WhatsApp »).
_FOLLOW = re.compile(r"^(?:Suivez|Retrouvez|Rejoignez)(?:-nous)?\b.{0,60}\b(?:sur|via)\s+(?:Facebook|X|Twitter|Instagram"
                     r"|WhatsApp|Telegram|LinkedIn|TikTok|YouTube|Google|Bluesky|Threads|nos réseaux)\b", re.I)
# An embedded widget's start and end markers (« Début du widget … », « Fin du widget … »): what
# lies between them is the widget's.
_EMBED = re.compile(r"^(?P<end>Début|Fin)\s+d(?:u|e\s+la|e\s+l['’])\s*(?:widget|contenu\s+(?:intégré|externe)|module"
                    r"|publication\s+intégrée)\b", re.I)
# A copyright footer (« ©2025 Société X. Tous droits réservés. », « © Le Journal - 2025 »: a name and
# its year, where a photo's credit has none).
_RIGHTS = re.compile(r"tous droits réservés|^©\s*\d{4}\b|^©\s*[^\d©/()]{2,40}?[\s,–-]*\d{4}\.?$", re.I)
_SUBSCRIPTION = re.compile(
    r"abonnez-vous|déjà abonné|réservée?s? aux abonnés|s['’]abonner|cet article vous est offert"
    r"|il vous reste [\d.,]+\s?% de (?:cet |l['’])article|offre (?:spéciale|découverte|d['’]essai)"
    r"|connectez-vous|accéder à tous les articles|la suite est réservée|article réservé"
    r"|essai gratuit|sans engagement|se connecter|créer un compte|télécharge[zr] l['’]appli", re.I)
# A paywall label alone on its line (« Abonnés », « Réservé abonnés », « Premium », « Article payant »).
_SUBSCRIBER_LABEL = re.compile(r"^(?:(?:article|contenu|édition|exclusivité|exclusif|réservé|offert)\s+)?"
                               r"(?:aux\s+|pour\s+les\s+)?(?:abonnée?s?|premium|payant|membres?)\s*\+?$"
                               r"|^(?:abonnée?s?|premium)\s+(?:seulement|uniquement)$", re.I)
# The label of an advertiser's content set in the text (« Contenu sponsorisé », « Publireportage »,
# « En partenariat avec … »).
_SPONSORED = re.compile(r"^(?:(?:article|contenu|publication|communiqué)s?\s+)?(?:sponsoris[ée]e?s?|partenaires?"
                        r"|promotionnel(?:le)?s?|publicitaires?)$|^publi-?\s?(?:information|reportage|rédactionnel|"
                        r"communiqué)s?$|^(?:en\s+)?partenariat\b.{0,40}$|^sponsoris[ée]e?\s+par\b.{0,40}$", re.I)
# A source credit line (« Source : Reuters », « Sources: AFP, Belga »): names, no sentence.
_SOURCE_CREDIT = re.compile(r"^Sources?\s*:\s*(?P<names>[A-ZÀ-Ý][\w.’'&-]*(?:(?:\s+|\s*[,/]\s*|\s+et\s+)"
                            r"[\w.’'&-]+){0,5})\s*\.?$")
# A prompt to log in or subscribe in order to comment (« Connectez-vous pour réagir », « Vous devez
# être connecté pour commenter »): the comments' furniture, not a subscription offer.
_LOG_IN = (r"(?:connectez|identifiez|abonnez|inscrivez)-vous|(?:vous devez|il faut) être (?:connecté|identifié|abonné"
           r"|inscrit)e?s?|se connecter|s['’](?:identifier|abonner|inscrire)")
_TO_COMMENT = r"(?:réagir|commenter|(?:laisser|publier|écrire|poster) un commentaire)"
_COMMENT_PROMPT = re.compile(rf"\b(?:{_LOG_IN})\b.{{0,20}}\bpour {_TO_COMMENT}\b|^pour {_TO_COMMENT}\b.{{0,20}}"
                             rf"\b(?:{_LOG_IN})\b", re.I)
_NEWSLETTER = re.compile(r"newsletter|lettre d['’]information|inscrivez-vous|je m['’]inscris"
                         r"|recevez (?:chaque|gratuitement|nos|notre|toute)|s['’]inscrire", re.I)
_SHARE_WORDS = (r"partager|partagez|partage|facebook|twitter|x|linkedin|whatsapp|messenger|telegram"
                r"|e-?mail|courriel|mail|imprimer|copier(?: le)? lien|lien copi[ée]|envoyer|r[ée]agir"
                r"|commenter|commentaires?|ajouter à (?:vos|mes) (?:favoris|sélections|articles)|"
                r"sauvegarder|enregistrer|flipboard|bluesky|threads|pinterest|sur|le|la|cet article|l['’]article"
                r"|lien|\d+")
_SHARE = re.compile(rf"^(?:(?:{_SHARE_WORDS})[\s:|·•,/-]*)+$", re.I)
_BUTTON = re.compile(r"^(?:Plus|Lire la suite|Publicité|Fermer|Suivant|Précédent|Écouter(?: cet article"
                     r"| l['’]article)?|\d+\s*min(?:utes?)?(?: de lecture)?|Temps de lecture.*|"
                     r"Accueil|Menu|Rechercher|Voir les commentaires|Contenus sponsorisés|Offrir(?: cet)? l['’]article|"
                     r"Lire plus tard|Lire dans l['’]app(?:li(?:cation)?)?|Ajouter à mes articles|"
                     r"Écouter \d+ min|(?:Passer|Fermer|Ignorer) la publicité|Signaler (?:un|ce) contenu"
                     r"|Signaler une (?:coquille|erreur|faute))$", re.I)
# Generic shapes of page furniture, whatever the site's words: a reading or listening time
# (lint.DURATION), a comments counter (« Commentaires (34) », « 0 commentaire », « Voir les
# contributions »), a device limit.
# A player's prompt: « listen to / read / watch » what the page offers, its duration in brackets or
# after a dash (« Écouter cet article (4 min) », « Regarder la vidéo - 2:05 »).
_PLAYER_PROMPT = re.compile(r"^[▶►▸]?\s*(?:écouter|lire|regarder|voir)\s+(?:cet|ce|cette|l['’]|le|la)\s*"
                            r"(?:article|podcast|émission|épisode|vidéo|reportage|entretien|texte)\s*"
                            rf"(?:\(\s*{DURATION_TEXT}\s*\)|[:–—-]\s*{DURATION_TEXT})$", re.I)
# A button in the reader's voice: « Je » and a verb, a word or two more, no sentence (« Je m'inscris »,
# « Je soutiens la rédaction », « Je découvre l'offre »).
_FIRST_PERSON_BUTTON = re.compile(r"^Je\s+(?:m['’]|me\s+|l['’]|le\s+|la\s+)?[a-zà-ÿ]+(?:\s+[a-zà-ÿ'’]+){0,2}$")
# A note about an earlier version of the article, whatever its label: the page's, not the story's.
_PREVIOUS_VERSION = re.compile(r"\b(?:une|la|cette|notre)\s+(?:(?:première|précédente|ancienne|premi[eè]re)\s+)?"
                               r"version\s+(?:(?:précédente|antérieure|initiale|originale)\s+)?"
                               r"(?:de\s+(?:cet|notre)\s+article|de\s+l['’]article|du\s+texte)\b", re.I)
_COUNTER = re.compile(r"^(?:\d+\s+(?:commentaires?|réactions?|contributions?|partages?)"
                      r"|(?:commentaires?|réactions?|contributions?)\s*\(\d+\)"
                      r"|(?:vos|voir les|les|lire les|afficher les)\s+(?:commentaires|contributions|réactions)"
                      r"(?:\s*\(\d+\))?"
                      r"|réagir(?:\s*\(\d+\))?"
                      r"|(?:les |l['’]espace (?:des )?)?commentaires? (?:est |sont )?(?:fermés?|désactivés?|clos)\.?)$", re.I)
_DEVICE = re.compile(r"\bappareils?\b.*\b(?:à la fois|en même temps)\b|\bl['’]autre appareil\b", re.I)
# A consent banner: its text on cookies, and its buttons (« Accepter et fermer »).
_CONSENT = re.compile(r"\b(?:cookies?|traceurs)\b"
                      r"|^(?:tout\s+)?(?:accepter|refuser|param[ée]trer|personnaliser)(?:\s+(?:et fermer|tout))?$"
                      r"|^continuer sans accepter$", re.I)
# A line addressing the reader (« vous », « votre ») outside any quotation: the site speaking.
# (An imperative opening the line, its object the site's: « Consultez notre dossier », « Retrouvez toute
# l'actualité », « Lisez aussi »; « Rodriguez a déclaré » is a name.)
_READER = re.compile(r"\b(?:vous|votre|vos)\b|^(?-i:[A-ZÀ-Ý])[a-zà-ÿ]{3,}ez(?:\s*$|-(?:nous|les|le|la)\b|\s+(?:(?:à|de|des|du"
                     r"|dans|sur)\s+)?(?:notre|nos|tous|toutes|toute|tout|ici|aussi|également|plus|chaque|gratuitement"
                     r"|en direct)\b)", re.I)
# What closes a reader comment: its buttons.
_COMMENT_BUTTON = re.compile(r"^(?:Répondre|Signaler(?: (?:ce|le) commentaire| un abus)?|J['’]aime|Aimer|Like"
                             r"|\d+\s*(?:réponses?|j['’]aime)|Masquer les réponses)$", re.I)
# A handle alone on its line (« @NomDuCompte »): an embedded post from a social network begins.
_HANDLE = re.compile(r"^@\w{2,30}$")
# The page's own control of a few words opening with an infinitive (« Voir sur X », « Suivre
# l'auteur »); lint.py's SPEAKS_AS_READER and BRACKETED_NOTE are its other controls and notes, and its
# GREETING, COMMENT_HEADER and CHANGE_NOTE the shapes of a greeting, a reader comment's header and a
# correction note, which the drafter takes out and the check warns on.
_SHORT_INFINITIVE = re.compile(r"^(?:S['’][a-zà-ÿ]+?|[A-ZÀ-Ý][a-zà-ÿ]+?)(?:er|ir|re)\b(?:\s+\S+){0,3}$")


def _latin_share(text: str) -> float:
    """The share of its letters that are Latin ones: an intertitle of a French text is written in them."""
    letters = [char for char in text if char.isalpha()]
    return sum(char < "\u0250" for char in letters) / len(letters) if letters else 1.0
# A byline naming who wrote or picked up the piece, and when (« Repéré par Anne Roy — 3 mai 2025 à 8h »).
_CREDITED_BY = re.compile(r"^(?:[A-ZÀ-Ý][a-zà-ÿ]+\s+)?par\s+[A-ZÀ-Ý][\w.'’-]*(?:\s+(?:de\s+|d['’])?[A-ZÀ-Ý][\w.'’-]*)"
                          r"{0,3}$")
_ORIGIN = re.compile(r"^Article original publié sur\s+(?P<name>\S+)", re.I)
_WIRE_CREDIT = re.compile(rf"^(?:Avec (?:des informations de )?(?P<wire>{_WIRES})\b.*|\((?P<wire2>{_WIRES})\))$",
                          re.I)
# A byline with the date and reading time on the same line, and the separators between them.
_BYLINE_PARTS = re.compile(r"\s+[|•·–—-]\s+|\s+\|\s*")
_TIME_TO_READ = re.compile(r"^(?:temps de )?lecture\s*:?\s*\d{1,3}\s*min(?:utes?)?\.?$", re.I)
# A line without a letter or a digit (« | », « • • • »).
_NO_WORDS = re.compile(r"^[^\w]+$")
# Arrows and bullets a related link opens with (« → Lire aussi : … »).
_LINK_MARK = re.compile(r"^[→➜➔►▶▸>•·]+\s*")
# What a dateline or update stamp is made of: dates, times and the words between them
# (« 28/04/2025 11:47 Actualisé 28/04/2025 13:02 »).
_STAMP_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b"
                         r"|\b\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4}\b", re.I)
_STAMP_REST = re.compile(r"\b\d{1,2}\s*(?:[h:]\s*\d{2}|h)\b|\b(?:publi[ée]e?|mis|mise|à|jour|modifi[ée]e?|actualis[ée]e?|[ée]dition"
                         r"|post[ée]e?|le|a|et|updated|published|derni[èe]re|maj|depuis"
                         # a weekday, written out or cut short (« Vendredi, 1 novembre 2024 06:41 », « ven. 3 mai »)
                         r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim)\b\.?"
                         r"|[\s:|·•,()-]+", re.I)
# A byline naming an agency or outlet and the place it writes from (« Agence France-Presse à Séoul »).
_FROM_PLACE = re.compile(r"^(?P<name>[A-ZÀ-Ý][^\s,.!?:]*(?:\s+[^\s,.!?:]+){0,4}?)\s+(?:à|depuis)\s+"
                         r"[A-ZÀ-Ý][\w’'-]*(?:[\s-][A-ZÀ-Ý][\w’'-]*)?$")
# A journalist's byline with their role (« Léa Morand, correspondante à Genève », « Paul Roux, envoyé
# spécial à Kharkiv »).
_ROLE_BYLINE = re.compile(r"^(?:Par\s+)?[A-ZÀ-Ý][\w’'-]+(?:\s+(?:et\s+)?[A-ZÀ-Ý][\w’'-]+){1,5}\s*,\s*"
                          r"(?:notre\s+|nos\s+)?(?:correspondante?s?|envoyée?s?\s+spéciale?s?|journalistes?|"
                          r"rédact(?:eur|rice)s?|reporters?|grand reporter)\b[^.!?]{0,50}$")
# Control characters (but tab and newline), bidi overrides and isolates, private use, BOM.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ue000-\uf8ff\ufeff]")
_METADATA_PREFIX = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\s+")
_GLUED_HEADING = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý][a-zà-ÿ]+\s)")
# The words a French sentence opens with (articles, pronouns, prepositions): glued to a heading that
# ends on a name, one of them starts the paragraph (« …en RussieLa Corée du Nord a … »); any other
# capital inside a capitalised word is the name's own (« JoongAng », « YouTube », « TotalEnergies »).
_SENTENCE_OPENERS = frozenset(
    "le la les un une des du de au aux ce cet cette ces il ils elle elles on nous selon pour dans depuis "
    "après avant alors mais et en lors ainsi son sa ses leur leurs sur face par".split())
# « …selon Moscou.Des pertes revues à la hausse »: a sentence end with no space after it.
_GLUED_SENTENCE = re.compile(r"(?<=[a-zà-ÿ]{2}[.!?])(?=[A-ZÀ-Ý][a-zà-ÿ])|(?<=[a-zà-ÿ][.!?][»”\"])(?=[A-ZÀ-Ý])")
_DOMAIN = re.compile(r"\b(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9-]*)\.(?:fr|com|info|net|tv|eu|be|ch|ca|org)\b",
                     re.I)


@dataclass
class Draft:
    """What was found in the raw text."""

    title: str = ""
    title_source: str = ""
    blocks: list[str] = field(default_factory=list)
    cleaning: list[str] = field(default_factory=list)
    date: str | None = None
    date_source: str = ""
    date_note: str | None = None
    outlet: str | None = None
    outlet_source: str = ""
    outlet_suggestion: str | None = None   # a name the text gives that outlets.yml lacks
    wire: str | list[str] | None = None
    wire_source: str = ""
    wire_suggestion: str | None = None
    url: str | None = None
    url_source: str = ""
    date_mentions: list[str] = field(default_factory=list)


def _bracketed_names(name: str) -> list[str]:
    """The other names a registered name gives in brackets: an abbreviation (« (AFP) », « (dpa) ») or
    a name of several words (« RTS (Radio Télévision Suisse) »). One capitalised word there qualifies
    the name (« Le Matin (Suisse) », « Le Quotidien (Luxembourg) ») and names nothing alone: a site's
    menu printing « Suisse » is not that outlet."""
    return [part for part in re.findall(r"\((.*?)\)", name)
            if len(part.split()) > 1 or part.isupper() or part.islower() or re.search(r"\d", part)]


class Outlets:
    """Outlets.yml, looked up by any name, abbreviation or homepage domain."""

    def __init__(self, outlets: dict[str, Outlet]):
        self.keys: dict[str, str] = {}
        for outlet in outlets.values():
            names = [outlet.id, outlet.name, re.sub(r"\s*\(.*?\)", "", outlet.name), *_bracketed_names(outlet.name)]
            if outlet.homepage:
                host = urlsplit(outlet.homepage).hostname or ""
                names.append(host.removeprefix("www.").split(".")[0])
            for name in names:
                self.keys.setdefault(compact(name), outlet.id)
        self.kinds = {outlet.id: outlet.kind for outlet in outlets.values()}
        # Every printed name of a registered agency (« Agence France-Presse », « Keystone-ATS »),
        # longest first, for bylines: an agency the registry holds is read whatever its name.
        wire_names = {name for outlet in outlets.values() if outlet.kind == "wire"
                      for name in (outlet.name, re.sub(r"\s*\(.*?\)", "", outlet.name),
                                   *_bracketed_names(outlet.name)) if len(name) >= 2}
        self.wires = "|".join([*(re.escape(name) for name in sorted(wire_names, key=lambda n: (-len(n), n))),
                               _WIRES])
        self.printed_names = sorted(((name, outlet.id) for outlet in outlets.values()
                                     for name in {outlet.name, re.sub(r"\s*\(.*?\)", "", outlet.name)}
                                     if len(name) >= 4), key=lambda pair: -len(pair[0]))

    def named_in(self, line: str) -> str | None:
        """The name of a registered outlet (not an agency) that the line prints, if any."""
        for name, outlet in self.printed_names:
            if self.kinds.get(outlet) == "outlet" and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", line):
                return name
        return None

    def of_kind(self, name: str | None, kind: str) -> str | None:
        """The registered outlet ``name`` names when it is of ``kind`` (« outlet », « wire »)."""
        found = self.find(name)
        return found if found and self.kinds.get(found) == kind else None

    def find(self, name: str | None) -> str | None:
        if not name:
            return None
        key = compact(re.sub(r"\.(?:com|fr|info|net|tv)\b.*$", "", name.strip(), flags=re.I))
        key = key.removeprefix("www")
        return self.keys.get(key) or self.keys.get(key.removeprefix("le").removeprefix("la"))


def _as_list(value: str | list[str] | None) -> list[str]:
    return [] if not value else [value] if isinstance(value, str) else list(value)


def _is_heading(line: str, longest: int = 100) -> bool:
    return len(line) < longest and not re.search(r"[.!?:;,]$", line) and not line.startswith("•")


def _is_question_title(line: str) -> bool:
    """A headline asking a question (« Qui sont les soldats envoyés par Kim Jong-un ? »)."""
    return _short(line, 20) and line.rstrip().endswith("?") and line.count("?") == 1 and not re.search(
        r"[.!]\s", line)


def _same(a: str, b: str) -> bool:
    return normalise(a).lower().strip(" .") == normalise(b).lower().strip(" .")


def _repeats(lines: list[str]) -> tuple[set[int], set[int]]:
    """Scraped duplicates: the lines whose words stand again, nearly all, in a later line that says
    more (kept: the fuller copy), and the later copies of a line said as fully before (dropped: the
    first copy stands where the article put it, a copy at the page's end is debris)."""
    earlier = _repeated_later(lines)
    reversed_lines = lines[::-1]
    later = {len(lines) - 1 - index for index in _repeated_later(reversed_lines)}
    # A pair of near-identical copies is in both sets: keep the first.
    return {index for index in earlier if not _has_copy_before(index, later, lines)}, later


def _has_copy_before(index: int, later: set[int], lines: list[str]) -> bool:
    """Whether the earlier line ``index`` is itself the first of a pair whose later copy is dropped."""
    return any(other > index and _repeated_later([lines[other], lines[index]]) for other in later)


def _repeated_later(lines: list[str]) -> set[int]:
    """Lines whose words stand again, nearly all, in one later line (a scraped duplicate)."""
    grams: list[set[str]] = []
    for line in lines:
        words = normalise(line).lower().split()
        grams.append({" ".join(words[i:i + 3]) for i in range(len(words) - 2)} if len(words) >= 6 else set())
    postings: dict[str, list[int]] = {}
    for index, line_grams in enumerate(grams):
        for gram in line_grams:
            postings.setdefault(gram, []).append(index)
    repeated = set()
    for index, line_grams in enumerate(grams):
        if not line_grams:
            continue
        shared = Counter(other for gram in line_grams for other in postings[gram] if other > index)
        if any(count >= 0.8 * len(line_grams) for count in shared.values()):
            repeated.add(index)
    return repeated


_SENTENCE_START = re.compile(r"(?<=[.!?»\"”])\s+(?=[«\"“A-ZÀ-Ý])")


def _repeated_opening(previous: str, line: str) -> str | None:
    """The first sentence of ``line`` when it repeats, verbatim or nearly, a sentence of the
    paragraph before and more follows it (scraped debris: the sentence printed again at the head of
    the next paragraph); a paragraph that is only the copy is one of ``_repeats``'s copies."""
    first, *rest = _SENTENCE_START.split(line, maxsplit=1)
    if not rest or _is_heading(line):
        return None
    grams = _word_grams(first)
    if len(grams) < 4:
        return None   # too short to tell a copy from a common phrase
    return first if any(len(grams & _word_grams(sentence)) >= 0.8 * len(grams)
                        for sentence in _SENTENCE_START.split(previous)) else None


def _word_grams(text: str) -> set[tuple[str, ...]]:
    """The text's runs of three words, punctuation and quotation marks left out."""
    words = re.findall(r"\w+", normalise(text).lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _only_stamps(line: str) -> bool:
    """A line of publication or update dates and times only, whatever words join them."""
    return bool(_STAMP_DATE.search(line)) and not _STAMP_REST.sub("", _STAMP_DATE.sub("", line))


def _short(line: str, words: int = 30) -> bool:
    return len(line.split()) <= words


# A photo's credit in brackets closing a line (« … le 12 janvier 2025. (Photo X / Y / AFP) », « (Crédit
# photo : …) », « (© …) »): the line is the picture's caption, whatever its length.
_BRACKETED_CREDIT = re.compile(r"[.!?»]?\s*\((?:(?:Photos?|Cr[ée]dits?(?:\s+photos?)?|Illustration)\b|©)[^()]{1,80}\)\s*$",
                               re.I)
# Where a caption's credit begins at its end: after a dash, a slash or a bar (« … à Pékin. - Belga
# Image », « … / Reuters »), or in brackets (« … à Pyongyang (AFP) », « [KCNA via KNS - Keystone] »).
_CREDIT_TAIL = re.compile(r"(?:\s[-–—|/]\s*|\s*[(\[])(?P<credit>[^-–—|/()\[\]]{2,40}?(?:\s*[-/]\s*[^-–—|/()\[\]]{2,30})*)"
                          r"\s*[)\]]?\s*$")
# Words a photo credit is made of besides names: « Belga Image », « AFP/Archives », « KCNA via KNS ».
_CREDIT_WORDS = re.compile(r"^(?:images?|photos?|archives?|via|pour|de|du|des|et|/|-|illustration|dr)$", re.I)
# Photo and news agencies a credit names, besides the registered ones.
_PHOTO_AGENCIES = re.compile(r"^(?:afp|reuters|ap|kcna|kns|yonhap|epa|getty|belga|keystone|sipa|zuma|abaca|"
                             r"shutterstock|maxppp|dpa|anp|imago|ansa|efe|tass|ria|xinhua|bestimage|hans|lucas)$",
                             re.I)
# « Photo Anne Roy », « Crédit : Marc Durand / Sipa »: the word photo or credit, then a name.
_NAMED_PHOTOGRAPHER = re.compile(r"(?i:photos?|cr[ée]dits?(?:\s+photos?)?)\s*:?\s+[A-ZÀ-Ý][\w'’.-]*"
                                 r"(?:\s*/?\s*[A-ZÀ-Ý][\w'’.-]*){0,4}")
# Where a date stamp follows a byline in one block (« Anne Roy avec AFP Publié le 3 mars 2025 »).
_STAMP_AFTER = re.compile(r"\s+(?=(?:Publi[ée]|Mis à jour|Mise à jour|Modifi[ée]|Actualis[ée])\b)")
# The separators of a menu's items (« Monde | Sport », « Monde · Sport »).
_BAR = re.compile(r"\s+[|·•]\s+")
# Joined by slashes or bars: the parts of a credit and date line (« OLJ / AFP / le 3 mars 2025 ») or of a
# media block's label (« Le journal de 7h / 2 min. / le 4 mai 2025 »).
_JOINED = re.compile(r"\s+[/|•·]\s+")


class _Cleaner:
    def __init__(self, outlets: dict[str, Outlet], page: Page | None):
        self.outlets = Outlets(outlets)
        self.byline, self.with_wire = _byline_patterns(self.outlets.wires)
        self.draft = Draft()
        self.page = page
        self.last_kind: str | None = None
        self.last_index = -1
        self.drop_next_heading = False   # after a bare « Lire aussi », the linked titles
        self.linked_title = False        # whether the last line taken out was one of them
        self.printed: list[tuple[str, str]] = []       # (date, line) from « Publié le … »
        self.updated: list[tuple[str, str]] = []       # (date, line) from « Mis à jour le … »
        # (name, where it stands, whether it surely names the outlet), in priority order
        self.outlet_names: list[tuple[str, str, bool]] = []
        # Names the site's own messages print (« notre infolettre Le Devoir international »).
        self.own_names: list[tuple[str, str]] = []
        self.masthead: tuple[str, str] | None = None   # an agency's name opening its own page
        self.started = False   # whether a line was kept yet
        self.picture = False   # whether the last line taken out was a photo credit
        self.prompt = False    # whether it was a subscription or newsletter prompt
        self.embedded = False  # inside an embedded widget (after « Début du widget »)
        self.stamp = False     # whether the last line taken out was a date stamp
        self.media = False     # whether it was a media block's duration (« 2:14 »)
        self.wire_from_credits = False   # whether the wire comes from agencies' names alone on lines
        self.yearless = ""     # a publication stamp printed without its year
        self.comment = 0       # lines of a reader comment's text still to come (after its header)
        self.comment_buttons = False   # whether the last line taken out was a comment's button
        self.greeted = False   # whether the last line taken out was the site's greeting

    def note(self, text: str) -> None:
        self.draft.cleaning.append(text)

    def note_line(self, kind: str, line: str) -> None:
        """A removed line; consecutive lines of one kind (share buttons...) make one note."""
        if self.last_kind == kind and self.last_index == len(self.draft.cleaning) - 1:
            self.draft.cleaning[-1] = self.draft.cleaning[-1].removesuffix(".") + f", « {line} »."
        else:
            self.note(f"{kind} : « {line} ».")
        self.last_kind, self.last_index = kind, len(self.draft.cleaning) - 1

    def wire(self, names: str | None, line: str) -> None:
        """The agencies a byline or credit names (« AFP et Reuters »), when registered."""
        if not names or self.draft.wire:
            return
        found: list[str] = []
        for name in re.split(r"\s*(?:,|\bet\b)\s*", names):
            name = re.sub(r"^l['’]", "", name.strip())
            wire = self.outlets.find(name)
            if wire and self.outlets.kinds.get(wire) == "wire":
                found.append(wire)
            elif name and not wire and not self.draft.wire_suggestion:
                self.draft.wire_suggestion = name
        if found:
            self.draft.wire = found[0] if len(found) == 1 else list(dict.fromkeys(found))
            self.draft.wire_source = f"« {line} »"

    def slashed_agencies(self, line: str) -> list[str] | None:
        """Registered agencies joined by slashes, maybe with an author's initials or a registered
        outlet's name, in brackets or not (« DPA/Reuters », « ansa/afp/mlo », « (La Gazette/AFP) »): a
        dispatch's credit; the outlet named there is the page's. (« AFP/Archives » credits a picture.)"""
        bare = re.sub(r"^\((.*)\)$", r"\1", line)
        parts = [part.strip() for part in bare.split("/")]
        if len(parts) < 2 or not _short(line, 6):
            return None
        agencies = [self.outlets.of_kind(part, "wire") for part in parts]
        outlets = [self.outlets.of_kind(part, "outlet") for part in parts]
        if not any(agencies) or not all(agency or outlet or re.fullmatch(r"[a-z]{2,5}|[A-Z]{2,5}", part)
                                        for agency, outlet, part in zip(agencies, outlets, parts, strict=True)):
            return None
        self.outlet_names += [(part, line, True) for outlet, part in zip(outlets, parts, strict=True) if outlet]
        return [agency for agency in agencies if agency]

    def credit_agencies(self, agencies: list[str], line: str) -> None:
        """A credit naming agencies on its own line: each goes to ``wire``, with those of the credit
        lines before it (« Agence France-Presse » / « Associated Press »), unless a byline gave it."""
        if not self.draft.wire or self.wire_from_credits:
            unique = list(dict.fromkeys([*_as_list(self.draft.wire), *agencies]))
            self.draft.wire = unique[0] if len(unique) == 1 else unique
            quoted = f"« {line} »"
            if not self.wire_from_credits:
                self.draft.wire_source = quoted
            elif quoted not in self.draft.wire_source:
                self.draft.wire_source += f", {quoted}"
            self.wire_from_credits = True
        self.note_line("Crédit d'agence seul sur sa ligne supprimé (agence dans wire)", line)

    def is_credit(self, text: str) -> bool:
        """Names of agencies or photographers crediting a picture or a dispatch (« Belga Image »,
        « AFP/Archives », « KCNA via KNS - Keystone »): few words, each a name or a credit's word,
        an agency's name or initials among them."""
        words = [w for w in re.split(r"\s+|(?<=\w)/(?=\w)", text.strip(" .")) if w]
        if not 1 <= len(words) <= 7 or not all(_CREDIT_WORDS.match(w) or w[:1].isupper() for w in words):
            return False
        return any(_PHOTO_AGENCIES.match(w) or re.fullmatch(r"[A-Z]{2,6}", w)
                   or self.outlets.of_kind(w, "wire") for w in words)

    def photo_credit(self, line: str) -> bool:
        """« PHOTO MARC DURAND, ARCHIVES REUTERS », « Crédit Marc Roux / Sipa »: the word photo or
        credit, then a credit (names and a credit's words, an agency's among them)."""
        match = re.match(r"(?:photos?|cr[ée]dits?(?:\s+photos?)?|illustration)\s+(?P<credit>.+)$", line, re.I)
        return match is not None and self.is_credit(re.sub(r"\s*,\s*", " ", match["credit"]))

    def credited_caption(self, line: str) -> bool:
        """A picture's caption closed by its credit (« X et Y à Pékin, le 3 mai. - Belga Image »):
        the credit after a dash, a slash or in brackets, the caption before it naming what is shown."""
        tail = _CREDIT_TAIL.search(line)
        if not tail or not self.is_credit(tail["credit"]):
            return False
        caption = line[:tail.start()].strip()
        return _is_caption(caption) and _short(line, 35)

    def credit_after_stop(self, line: str) -> bool:
        """A picture's caption with its credit as a last « sentence » after its final stop, with no
        dash or bracket (« Des chars à Pyongyang, selon la télévision d'Etat. Reuters », « … en 2023.
        Photo Anne Roy »): whatever the caption says, what closes it is a credit, not a statement.
        One or two sentences before it, as a caption has; a paragraph is longer."""
        match = re.search(r"[.!?»”]\s+(?P<credit>[^.!?«»]{2,40}?)\s*$", line)
        if not match or not _short(line, 35) or len(_SENTENCE_BREAK.findall(line[:match.end() - len(
                match["credit"])])) > 2:
            return False
        credit = match["credit"].strip()
        words = [word for word in re.split(r"\s+|(?<=\w)/(?=\w)", credit) if word]
        if any(word.lower() in _SENTENCE_OPENERS for word in words):
            return False   # « … Selon Reuters », « … Pour l'AFP »: a sentence, not a credit
        # An agency named (initials alone may be a button's: « … l'audience. OK Paramétrer »), or a
        # photographer after the word photo or credit.
        agency = any(_PHOTO_AGENCIES.match(word) or self.outlets.of_kind(word, "wire") for word in words)
        return (agency and self.is_credit(credit)) or self.photo_credit(credit) or bool(
            _NAMED_PHOTOGRAPHER.fullmatch(credit))

    def is_agency_or_outlet(self, text: str) -> bool:
        """A registered agency's or outlet's name, or an outlet's initials (« OLJ »)."""
        return bool(self.outlets.find(text) or re.fullmatch(r"[A-Z]{2,6}", text) or self.is_credit(text))

    def joined_credits(self, line: str) -> bool:
        """Parts joined by slashes or bars that are credits, date stamps and a duration, with at
        most one short label (« OLJ / AFP / le 3 mars 2025 à 8h45 », « Le journal de 7h / 2 min. /
        le 4 mai 2025 »): a credit and date line, or a media block's label. Takes what it says."""
        parts = [part.strip() for part in _JOINED.split(line)]
        if len(parts) < 2 or not _short(line, 25):
            return False
        kinds = []
        for part in parts:
            if _PUBLISHED.match(part) or _only_stamps(part):
                kinds.append("stamp")
            elif DURATION.match(part) or re.fullmatch(DURATION_TEXT, part, re.I):
                kinds.append("duration")
            elif self.is_agency_or_outlet(part):
                kinds.append("credit")
            elif _short(part, 6) and not re.search(r"[.!?;]", part):
                kinds.append("label")
            else:
                return False
        # (Stamps alone are a date line: « Publié le … / Modifié le … ».)
        if kinds.count("label") > 1 or not {"stamp", "duration"} & set(kinds) or set(kinds) == {"stamp"}:
            return False
        for part, kind in zip(parts, kinds, strict=True):
            if kind == "stamp" and (day := printed_date(part)):
                (self.updated if re.match(r"mis|mise|modifi|actualis", part, re.I) else self.printed).append(
                    (day, part))
            elif kind == "credit" and (found := self.outlets.find(part)):
                if self.outlets.kinds.get(found) == "wire":
                    self.wire(part, line)
                else:
                    self.outlet_names.append((part, line, True))
        if "duration" in kinds:
            self.note_line("Bloc audio ou vidéo supprimé (titre, durée, date)", line)
        else:
            self.note(f"Ligne de crédits et de date supprimée (média dans outlet, agence dans wire) : « {line} ».")
        return True

    def debris(self, line: str) -> bool:
        """Take out the line if it is web debris; note why."""
        if (embed := _EMBED.match(line)) or self.embedded:
            self.embedded = bool(embed and embed["end"].lower() == "début") or (self.embedded and not embed)
            self.note_line("Contenu intégré (widget) supprimé", line)
            return True
        if _FOLLOW.match(line) and _short(line, 20):
            self.note_line("Invitation à suivre le site sur les réseaux sociaux supprimée", line)
            return True
        if _RIGHTS.search(line) and _short(line, 15):
            self.note_line("Mention de droits d'auteur supprimée", line)
            # the rights' holder may be the site (« © 2025 Radio Nord »): a name to look up
            if holder := re.search(r"©\s*(?:\d{4}\s*)?(?P<name>[^\d.,©]{2,40}?)\s*(?:\d{4})?\s*(?:[.,]|$)", line):
                self.outlet_names.append((holder["name"].strip(" -–"), line, False))
            return True
        if match := _ORIGIN.search(line):
            self.outlet_names.insert(0, (match["name"].rstrip("."), line, True))
            self.note(f"Mention du média d'origine supprimée : « {line} ».")
            return True
        if match := _WIRE_CREDIT.match(line):
            self.wire(match["wire"] or match["wire2"], line)
            self.note(f"Crédit d'agence supprimé : « {line} ».")
            return True
        # « La Croix (avec AFP), le 09/04/2025 à 11:32 »: the byline and its date after a comma.
        head, comma, stamp = line.rpartition(", ")
        if (comma and _short(line, 20) and (match := self.byline.match(head) or self.with_wire.match(head))
                and (_PUBLISHED.match(stamp) or _only_stamps(stamp)) and (day := printed_date(stamp))):
            self.outlet_names.append((match["name"], line, bool(match["wire"])))
            if match["wire"]:
                self.wire(match["wire"], line)
            self.printed.append((day, stamp.strip()))
            self.note(f"Signature « {line} » supprimée (média dans outlet, agence dans wire, date de "
                      "publication dans date).")
            return True
        parts = _BYLINE_PARTS.split(line)
        if len(parts) > 1 and _short(line, 30) and (self.byline.match(parts[0]) or self.with_wire.match(parts[0])) and all(
                self.byline.match(part) or self.with_wire.match(part) or _PUBLISHED.match(part) or DURATION.match(part)
                or _TIME_TO_READ.match(part) for part in parts):
            for part in parts:   # « Par X avec AFP | Publié le 07/02/2025 - Temps de lecture : 2 min »
                if _PUBLISHED.match(part) and (day := printed_date(part)):
                    self.printed.append((day, part.strip()))
                elif match := self.byline.match(part) or self.with_wire.match(part):
                    self.outlet_names.append((match["name"], line, True))
                    self.wire(match["wire"], line)
            self.note(f"Signature « {line} » supprimée (média dans outlet, agence dans wire, date de "
                      "publication dans date).")
            return True
        if _short(line, 14) and not re.search(r"[.!?]$", line) and (match := self.byline.match(line)
                                                                      or self.with_wire.match(line)):
            if match["wire"]:
                self.outlet_names.append((match["name"], line, True))
                self.wire(match["wire"], line)
                self.note(f"Signature « {line} » supprimée (média dans outlet, agence dans wire).")
            else:
                self.outlet_names.append((match["name"], line, False))
                self.note(f"Signature « {line} » supprimée.")
            return True
        if match := _SOURCE_CREDIT.match(line):
            self.wire(match["names"].replace("/", ","), line)
            self.note(f"Crédit de source supprimé : « {line} ».")
            return True
        if self.comment_line(line):
            return True
        if GREETING.match(line) and (_short(line, 12) or self.greeted):
            # The site greeting its readers (a live blog's welcome post: its title and its text).
            self.greeted = _short(line, 12)
            self.note_line("Message d'accueil du site supprimé", line)
            return True
        self.greeted = False
        if (((note := CHANGE_NOTE.match(line)) and len(note["text"].split()) >= 3 or _PREVIOUS_VERSION.search(line))
                and _short(line, 80)):
            if note and (day := printed_date(note["when"])):
                self.updated.append((day, line))
            self.note(f"Note de correction ou de mise à jour supprimée (hors du texte de l'article ; son "
                      f"chiffre peut être celui corrigé) : « {line} ».")
            return True
        parts = _BYLINE_PARTS.split(line)
        if (len(parts) > 1 and _short(line, 20) and _CREDITED_BY.match(parts[0])
                and all(_PUBLISHED.match(part) or _only_stamps(part) for part in parts[1:])):
            self.stamp = True
            for part in parts[1:]:
                if day := printed_date(part):
                    self.printed.append((day, part.strip()))
            self.note(f"Signature et date supprimées (date de publication dans date) : « {line} ».")
            return True
        if self.joined_credits(line):
            self.stamp = True
            return True
        if (_PUBLISHED.match(line) or _only_stamps(line)) and _short(line, 20):
            self.stamp = True
            parts = re.split(r"(?=(?:Mis à jour|Mise à jour|Modifi[ée]|Actualis[ée]))", line)
            for index, part in enumerate(parts):
                day = printed_date(part)
                # a date opening a line that goes on with its update is the publication's, and so is
                # a stamp without the words of an update (« Vendredi, 1 novembre 2024 06:41 »)
                first = index == 0 and len(parts) > 1 and part[:1].isdigit()
                update = re.match(r"\s*(?:mis|mise|modifi|actualis|derni)", part, re.I)
                if day:
                    (self.printed if first or not update else self.updated).append((day, part.strip()))
                elif not update and not self.yearless:
                    self.yearless = part.strip()   # « Publié le 4 mars à 8 h 10 »: no year
            self.note(f"Ligne de date de publication supprimée : « {line} ».")
            return True
        if (agencies := self.slashed_agencies(line)) is not None:
            self.credit_agencies(agencies, line)
            return True
        if (_PHOTO.search(line) and _short(line, 25) and not re.search(r"[a-zà-ÿ]\.$", line)
                or self.credited_caption(line) or self.photo_credit(line) or self.credit_after_stop(line)):
            self.note_line("Crédit ou légende photo supprimé", line)
            self.picture = True
            copyright_ = re.match(r"^©\s*(?P<name>[^0-9/]+?)\s*(?:\d{4})?\s*$", line)
            if copyright_:
                self.outlet_names.append((copyright_["name"], line, True))
            return True
        if ((credit := _BRACKETED_CREDIT.search(line)) and _short(line, 60)
                and len(_SENTENCE_BREAK.findall(line[:credit.start()])) <= 1):
            # A caption too long for the rules above, left between two paragraphs (« Un soldat … sur
            # une image diffusée le 12 janvier 2025. (Photo X / Y / AFP) »): its date is the picture's.
            self.note_line("Légende photo supprimée (elle finit par son crédit entre parenthèses ; sa date "
                           "est celle de la photo, pas de l'article)", line)
            self.picture = True
            return True
        if self.drop_next_heading:
            # After a bare « À lire aussi : », the linked titles: the first title-like line (a
            # question too), then more of them while they read as headlines (« Sujet : … », « … ? »).
            first, self.drop_next_heading = self.last_kind == "Renvoi vers un autre article supprimé" and not \
                self.linked_title, False
            if (_is_heading(line, 200) or _is_question_title(line)) and (
                    first or _is_question_title(line) or re.search(r"\s:\s", line)):
                self.note_line("Renvoi vers un autre article supprimé", line)
                self.drop_next_heading = self.linked_title = True
                return True
        self.linked_title = False
        if _ROLE_BYLINE.match(line) and _short(line, 12):
            self.note(f"Signature « {line} » supprimée.")
            return True
        if ((place := _FROM_PLACE.match(line)) and _short(line, 8)
                and (named := self.outlets.find(place["name"]))):
            if self.outlets.kinds.get(named) == "wire":
                self.wire(place["name"], line)
            else:
                self.outlet_names.append((place["name"], line, True))
            self.note(f"Signature « {line} » supprimée (média dans outlet, agence dans wire).")
            return True
        if _READ_ALSO.search(_LINK_MARK.sub("", line)) and _short(line):
            self.note_line("Renvoi vers un autre article supprimé", line)
            self.drop_next_heading = bool(re.fullmatch(r"[^:|]{0,30}:?", line))  # a bare label
            self.linked_title = False
            return True
        if _COMMENT_PROMPT.search(line) and _short(line, 15):
            self.note_line("Invitation à commenter supprimée", line)
            return True
        if (_SUBSCRIPTION.search(line) and _short(line)) or _SUBSCRIBER_LABEL.match(line):
            self.prompt = True
            # « Abonnez-vous à la newsletter … »: a newsletter's, not a subscription's (review 28, G5).
            self.note_line("Invitation à la lettre d'information supprimée" if _NEWSLETTER.search(line)
                           else "Appel à l'abonnement supprimé", line)
            self.own_name(line)
            return True
        if _NEWSLETTER.search(line) and _short(line, 15):
            self.prompt = True
            self.note_line("Invitation à la lettre d'information supprimée", line)
            self.own_name(line)
            return True
        if self.bar(line):
            self.note_line("Menu ou barre de liens supprimé", line)
            return True
        if _SHARE.match(line) and re.search(r"[a-z]", line, re.I) and not re.fullmatch(
                r"(?:sur|le|la|lien|\d+|\W)+", line, re.I):
            self.note_line("Boutons de partage supprimés", line)
            return True
        if _BUTTON.match(line) or _FIRST_PERSON_BUTTON.match(line):
            # « Temps de lecture : 2 min » is a reading time, however a button list reads it (review 27, F8).
            self.note_line("Temps de lecture ou d'écoute supprimé" if DURATION.match(line)
                           else "Reste de bouton ou de publicité supprimé", line)
            return True
        if (domain := _DOMAIN.fullmatch(line)) and self.outlets.of_kind(domain[1], "outlet"):
            self.outlet_names.append((domain[1], line, True))   # the site's address alone (« radionord.fr »)
            self.note_line("Nom du média supprimé", line)
            return True
        if (_short(line, 4) and not re.search(r"[.!?:]$", line)
                and self.outlets.of_kind(line, "outlet")):
            self.outlet_names.append((line, line, True))
            self.note_line("Nom du média supprimé", line)
            return True
        if _short(line, 5) and not re.search(r"[.!?:]$", line) and (agency := self.outlets.of_kind(line, "wire")):
            if not self.started and self.masthead is None:
                # An agency's name opening the page: the agency's own site (« Agence de presse Yonhap »).
                self.masthead = (agency, line)
                self.note_line("Nom du média supprimé", line)
            else:
                # Any registered name of an agency alone on its line, after the page's top: the
                # dispatch's credit (« Deutsche Presse-Agentur » / « Reuters » under the headline).
                self.credit_agencies([agency], line)
            return True
        if _NO_WORDS.match(line):
            self.note_line("Ligne sans texte supprimée", line)
            return True
        if DURATION.match(line) or _PLAYER_PROMPT.match(line):
            # a player's time (« 2:14 », « Vidéo 1 min 30 », an hour's « 1 h 05 min »), not a reading
            # time: a media block's
            self.media = not re.search(r"lecture", line, re.I) and bool(re.search(
                r"\d:\d|\d\s*h\b|vidéo|audio|écouter|durée|[▶►▸]", line, re.I))
            self.note_line("Temps de lecture ou d'écoute supprimé", line)
            return True
        if _COUNTER.match(line):
            self.note_line("Compteur de commentaires supprimé", line)
            return True
        if _DEVICE.search(line) and _short(line, 25):
            self.note_line("Message du site sur les appareils connectés supprimé", line)
            return True
        if _CONSENT.search(line) and _short(line, 60):
            self.note_line("Bandeau de consentement aux cookies supprimé", line)
            return True
        if self.page and line in self.page.furniture:
            # printed by the saved page in a video block, a related list, an aside or a menu
            self.note_line("Élément de la page hors du texte (bloc vidéo, liens, encadré, menu) supprimé", line)
            return True
        if (_READER.search(line) and _short(line, 20) and not re.search(r"[«»\"“”]", line)
                and not re.search(r"\d", line)):
            self.note_line("Message du site au lecteur supprimé", line)
            self.own_name(line)
            return True
        return False

    @staticmethod
    def bar(line: str) -> bool:
        """A menu or a language bar: four items or more joined by bars or dots, each a name of a few
        words without a sentence's punctuation (« Accueil | Monde | Sport | Culture », « Deutsch |
        English | Русский | 中文 »). No headline or sentence is cut so."""
        items = _BAR.split(line)
        return len(items) >= 4 and all(0 < len(item.split()) <= 3 and not re.search(r"[.!?:;,«»]", item)
                                       for item in items)

    def comment_line(self, line: str) -> bool:
        """A reader comment: its header (a name and when it was posted), then its text, three lines
        at most, and its buttons (« Répondre », « Signaler »). Not the article's: no claim from it."""
        if COMMENT_HEADER.match(line) and _short(line, 12):
            self.comment, self.comment_buttons = 3, False
        elif _COMMENT_BUTTON.match(line) and (self.comment or self.comment_buttons):
            self.comment, self.comment_buttons = 0, True
        elif self.comment:
            self.comment -= 1
        else:
            self.comment_buttons = False
            return False
        self.note_line("Commentaire de lecteur supprimé (en-tête, texte, boutons)", line)
        return True

    def rubric_out(self, line: str) -> None:
        """A short line above the headline: a section's name, or the outlet's own name (« Le Parisien »
        where « Par Le Parisien avec AFP » signs the text), which names the outlet even when
        outlets.yml does not have it yet."""
        names = [name for name, _, strong in self.outlet_names if strong]
        if self.page and self.page.site_name:
            names.append(self.page.site_name)
        if any(_same(line, name) for name in names):
            self.outlet_names.append((line, line, True))
            self.note(f"Nom du média supprimé : « {line} ».")
        else:
            self.note(f"Rubrique du site supprimée : « {line} ».")

    def own_name(self, line: str) -> None:
        """A registered outlet named by the site's own message (« Le Devoir est un média
        indépendant… », « notre infolettre Le Devoir international »): the site's name."""
        if name := self.outlets.named_in(line):
            self.own_names.append((name, line))

    def split_glued(self, line: str) -> list[str]:
        """« Moscou.Des pertes revues à la hausse »: a sentence end glued to what follows."""
        if line.startswith(("http", "www.")):
            return [line]
        parts = [part for part in _GLUED_SENTENCE.split(line) if part.strip()]
        for match in list(_GLUED_SENTENCE.finditer(line))[:len(parts) - 1]:
            before = line[max(0, match.start() - 30):match.start()]
            if match.start() > 30 and " " in before:
                before = before.split(" ", 1)[1]   # from a word's start
            after = line[match.start():match.start() + 40]
            self.note("Texte collé à la phrase précédente séparé (« mot.Mot ») : "
                      f"« {'…' * (match.start() > 30)}{before.lstrip()}{after.rstrip()}"
                      f"{'…' * (match.start() + 40 < len(line))} ».")
        return [part.strip() for part in parts]


def analyse(raw: str | list[str], outlets: dict[str, Outlet], page: Page | None = None,
            today: date | None = None) -> Draft:
    """The draft's parts from a pasted text, or from a web page's extracted lines (``today``
    bounds the years a date printed without one may fall in)."""
    cleaner = _Cleaner(outlets, page)
    draft = cleaner.draft
    source_lines = raw if isinstance(raw, list) else raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines: list[str] = []
    hidden = sum(len(_INVISIBLE.findall(line)) for line in source_lines)
    if hidden:
        source_lines = [_INVISIBLE.sub("", line) for line in source_lines]
        cleaner.note(f"Caractères de contrôle invisibles supprimés ({hidden}).")
    for line in source_lines:
        line = unicodedata.normalize("NFC", line).replace("\t", " ").strip()
        if line:
            lines += cleaner.split_glued(line)
    if page and page.title:
        draft.title, draft.title_source = page.title, "titre de la page (métadonnées)"
    kept: list[str] = []
    sequence: list[tuple[str, bool]] = []   # every line, and whether it was taken out as debris
    credits: set[int] = set()   # where in it a photo credit stands
    prompts: set[int] = set()   # where a subscription or newsletter prompt stands
    stamps: set[int] = set()    # where a date stamp stands
    media: set[int] = set()     # where a media player's duration stands
    for line in lines:
        prefix = _METADATA_PREFIX.match(line)
        if prefix:
            draft.date, draft.date_source = prefix["date"], f"« date {prefix['date']} » en tête du texte"
            cleaner.note(f"Préfixe de métadonnées « {prefix.group().strip()} » retiré du début du texte.")
            line = line[prefix.end():]
        plain = line.removeprefix("## ")
        cleaner.picture = cleaner.prompt = cleaner.stamp = cleaner.media = False
        if cleaner.debris(plain):
            sequence.append((line, True))
            if cleaner.picture:
                credits.add(len(sequence) - 1)
            if cleaner.prompt:
                prompts.add(len(sequence) - 1)
            if cleaner.stamp:
                stamps.add(len(sequence) - 1)
            if cleaner.media:
                media.add(len(sequence) - 1)
            continue
        cleaner.last_kind = None
        cleaner.started = True
        kept.append(line)
        sequence.append((line, False))
    sequence = _captions_out(cleaner, sequence, credits)
    sequence = _boxes_out(cleaner, sequence, prompts)
    sequence = _signature_out(cleaner, sequence, stamps)
    sequence = _media_out(cleaner, sequence, media)
    sequence = _posts_out(cleaner, sequence, stamps)
    sequence = _sponsored_out(cleaner, sequence)
    sequence = _head_box_out(cleaner, sequence)
    sequence = _pull_quotes_out(cleaner, sequence)
    kept = _furniture_out(cleaner, sequence)
    # The headline: the page's title, or the first line that reads as one; its copies go.
    if not draft.title:
        # The first line that reads as a headline; short lines before it are section names.
        # Of the title-like lines opening the text (section names, a kicker, the headline), the
        # longest of four words or more.
        text_start = next((i for i, line in enumerate(kept) if not _is_heading(line.removeprefix("## "), 200)),
                          len(kept))
        long_enough = [i for i in range(text_start) if len(kept[i].split()) >= 4]
        first = (max(long_enough, key=lambda i: len(kept[i])) if long_enough
                 else next((i for i, line in enumerate(kept) if not _is_heading(line.removeprefix("## "), 200)
                            or len(line.split()) >= 4), None))
        if first is None or not _is_heading(kept[first].removeprefix("## "), 200):
            first = 0   # no longer headline: the first line, if it reads as a title
        if kept and not kept[first].startswith("• ") and _is_heading(
                kept[first].removeprefix("## "), longest=200):
            for rubric in kept[:first]:
                cleaner.rubric_out(rubric.removeprefix("## "))
            draft.title = kept[first].removeprefix("## ")
            draft.title_source = "première ligne du texte" if not first else "premier titre du texte"
            del kept[:first + 1]
    if draft.title and page:
        # Short title-like lines before the copy of the page's title in its text: section names.
        copy = next((i for i, line in enumerate(kept) if _same(line.removeprefix("## "), draft.title)), None)
        if copy and all(_is_heading(line.removeprefix("## ")) and len(line.split()) <= 4 for line in kept[:copy]):
            for rubric in kept[:copy]:
                cleaner.rubric_out(rubric.removeprefix("## "))
            del kept[:copy]
    if draft.title:
        repeated = [line for line in kept if _same(line.removeprefix("## "), draft.title)]
        for line in repeated:
            kept.remove(line)
            cleaner.note(f"Titre répété dans le texte supprimé (sa première copie est le titre) : "
                         f"« {line.removeprefix('## ')} ».")
    unique: list[str] = []
    repeated_later, copies = _repeats(kept)
    for index, line in enumerate(kept):
        if index in repeated_later:
            cleaner.note(f"Ligne répétée plus loin dans le texte supprimée : « {line} ».")
            continue
        if index in copies:
            cleaner.note(f"Copie d'un passage plus haut dans le texte supprimée : « {line} ».")
            continue
        opening = _repeated_opening(unique[-1], line) if unique and not _is_heading(unique[-1]) else None
        if opening:
            cleaner.note("Phrase en tête de paragraphe supprimée (elle répète une phrase du paragraphe "
                         f"précédent) : « {opening} ».")
            line = line[len(opening):].lstrip()
        unique.append(line)
    # Short lines closing the text (author initials, outlet name) are trailers.
    while unique and len(unique[-1].split()) <= 2 and not re.search(r"[.!?»\"”]$", unique[-1]):
        trailer = unique.pop()
        cleaner.outlet_names.append((trailer, trailer, False))
        cleaner.note(f"Mention de fin supprimée : « {trailer} ».")
    doubtful = _doubtful_headings(lines, unique)
    for line in unique:
        if line in doubtful:
            cleaner.last_kind = None
            cleaner.note(f"Ligne courte hors des paragraphes du texte supprimée (intertitre douteux : à remettre "
                         f"en « ## » si c'en est un) : « {line.removeprefix('## ')} ».")
            continue
        if line.startswith("## "):
            draft.blocks.append(line)
            continue
        glued = _glued_heading(line)
        # (An intertitle holds no comma: « Selon X, cité par le … » is a sentence.)
        if (glued and _is_heading(line[:glued]) and len(line[:glued].split()) >= 2
                and "," not in line[:glued]):
            draft.blocks += [f"## {line[:glued]}", line[glued:]]
            cleaner.note(f"Intertitre collé au paragraphe séparé : « {line[:glued]} ».")
        elif line.startswith("•"):
            draft.blocks.append("- " + line.lstrip("• ").strip())
        elif _is_heading(line):
            draft.blocks.append(f"## {line}")
        else:
            draft.blocks.append(line)
    if not draft.title:
        opening = next((b for b in draft.blocks if not b.startswith(("#", "-"))), "")
        draft.title = opening if len(opening) <= 120 else opening[:120].rsplit(" ", 1)[0] + "…"
        draft.title_source = "aucun titre imprimé : titre provisoire repris du texte, à réécrire"
        cleaner.note("Aucun titre imprimé : titre provisoire repris du texte, à réécrire.")
    if page:
        cleaner.note("Page web : texte principal extrait avec trafilatura ; menus, pied de page, "
                     "légendes et encadrés de la page laissés de côté.")
        for text in page.short_texts:   # the page's byline, which the extraction leaves out
            # (its block may print the date stamp after it: « Anne Roy avec AFP Publié le … »)
            text = _STAMP_AFTER.split(text, maxsplit=1)[0]
            match = cleaner.byline.match(text) or cleaner.with_wire.match(text)
            if match and match["wire"] and not draft.wire:
                cleaner.outlet_names.append((match["name"], text, True))
                cleaner.wire(match["wire"], text)
                if draft.wire:
                    draft.wire_source += " (signature de la page)"
    _date(cleaner, page, unique, today)
    _outlet(cleaner, page, unique)
    if page and page.url:
        draft.url, draft.url_source = page.url, "adresse canonique de la page"
    draft.date_mentions = re.findall(
        r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+\d{1,2}\s+[a-zéû]+(?:\s+\d{4})?)?"
        r"|ce mois-ci|cette année|\b\d{1,2}\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|"
        r"septembre|octobre|novembre|décembre)(?:\s+\d{4})?", " ".join(unique), re.IGNORECASE)
    return draft


def _glued_heading(line: str) -> int | None:
    """Where a paragraph starts that is glued to the heading before it (« Des pertes en hausseLes
    soldats … »): a capital after a lower-case letter inside a word. A word of mixed case is a name,
    not a boundary: one opening with a capital (« JoongAng Ilbo », « LinkedIn ») unless what follows
    the capital is a word a sentence opens with (« …en RussieLa Corée »), and one whose lower-case
    part is a single letter (« iPhone », « eBay »)."""
    for match in _GLUED_HEADING.finditer(line):
        word = re.search(r"[\w'’-]*$", line[:match.start()])
        before = word.group() if word else ""
        follows = re.match(r"\w+", line[match.start():])
        opener = follows is not None and follows.group().lower() in _SENTENCE_OPENERS
        if len(before) < 2 or (before[:1].isupper() and not opener):
            continue   # a name's own capital
        return match.start()
    return None


# Buttons taken out (« Partager », « Facebook »…) that may stand between an intertitle and its paragraph.
_DEBRIS_UNDER_HEADING = 4
_CLOCK = re.compile(r"\b\d{1,2}\s*[h:]\s*\d{2}\b|\b\d{1,2}\s*h\b")
_COUNT_MARK = re.compile(r"\d\s*(?:k|K|M|%)(?!\w)|\d+\s*(?:votes?|vues|abonnés|réponses|likes?)\b")


def _prose(line: str) -> bool:
    """A paragraph of the text: sentences, not a title-like line or a list's item."""
    return not _is_heading(line.removeprefix("## "), 100) and len(line.split()) >= 8 and not line.startswith(
        ("## ", "•", "- "))


def _doubtful_headings(lines: list[str], kept: list[str]) -> set[str]:
    """The title-like lines of the kept text that are not clearly intertitles of the article.

    An intertitle stands between two paragraphs of the text, both kept and both prose, in the
    lines as printed (a live blog's post may have its time above it: « 12:10 »); it holds no date
    stamp or time, no « · » or « | », no counter (« 1,2 k », « 38 % »), is not a name alone, does not
    speak to the reader or as the reader (« ma liste »), is no control of a few words opening with an
    infinitive (« Voir sur … »), no note in brackets, no line in another script, and does not greet. Anything else short is the page's, or doubtful: the
    draft leaves it to the cleaning notes, where the contributor can put it back.
    """
    kept_set = set(kept)
    where: dict[str, int] = {}
    for number, line in enumerate(lines):
        where.setdefault(line, number)
    doubtful = set()
    for line in kept:
        text = line.removeprefix("## ")
        if not _is_heading(text) or text.startswith("•"):
            continue
        index = where.get(line)
        if index is None:
            continue
        # Before it, what the text said last: sites put their furniture (related links, an ad) at a
        # section's break, so the debris taken out there, and the short lines found doubtful there (a
        # box's own heading: « Ne manquez rien de … » over a newsletter's prompts), are skipped; a live
        # blog's post has its time.
        before = index - 1
        while before >= 0 and (lines[before] not in kept_set or lines[before] in doubtful):
            before -= 1
        timed = index >= 1 and re.fullmatch(r"\d{1,2}\s*[h:]\s*\d{2}", lines[index - 1]) is not None
        between_before = timed or (before >= 0 and _prose(lines[before]))
        # After it, the paragraph it stands over, with at most a few buttons taken out between (« Partager »,
        # « Facebook » under a scraped intertitle); a short line over a stamp, a note, a signature or the
        # page's end closes a section: to the notes.
        after = index + 1
        while (after < len(lines) and after - index <= _DEBRIS_UNDER_HEADING and lines[after] not in kept_set
               and len(lines[after].split()) <= 3):
            after += 1
        between_after = after < len(lines) and lines[after] in kept_set and _prose(lines[after])
        words = text.split()
        shaped = not (_STAMP_DATE.search(text) or _CLOCK.search(text) or re.search(r"[·|•]", text)
                      or _COUNT_MARK.search(text) or _READER.search(text) or GREETING.match(text)
                      or re.match(r"[A-ZÀ-Ý][a-zà-ÿ]{3,}ez\b", text)   # an imperative: « Rejoignez … »
                      or SPEAKS_AS_READER.search(text) or _SHORT_INFINITIVE.match(text)
                      or BRACKETED_NOTE.match(text) or _latin_share(text) < 0.5
                      or (len(words) <= 4 and all(w[:1].isupper() or w[:1] in ".-" for w in words)))
        if not (between_before and between_after and shaped):
            doubtful.add(line)
    return doubtful


def _is_caption(line: str) -> bool:
    """A short line naming what a picture shows: four words or more, no verb of statement, no
    quotation, one sentence at most."""
    return (4 <= len(line.split()) <= 30 and not line.startswith(("## ", "•"))
            and not _STATEMENT.search(line) and len(_SENTENCE_BREAK.findall(line)) <= 1)


_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")


def _captions_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]], credits: set[int]
                  ) -> list[tuple[str, bool]]:
    """The sequence with picture captions marked as debris, found by where they stand: the line
    just before a photo credit (« … lors d'une cérémonie (archives). » / « PHOTO : Reuters »), or
    just after an image marker (« Image » / « X et Y à Pyongyang, le 17 juin. »), when it reads as
    a caption (no verb of statement, one sentence at most); the marker goes with it."""
    marked = list(sequence)
    # The first line kept is the headline, never a caption (« Guerre en Ukraine : les soldats … retirés »).
    headline = next((i for i, (_, debris) in enumerate(sequence) if not debris), len(sequence))

    def take(index: int) -> None:
        marked[index] = (marked[index][0], True)
        cleaner.last_kind = None
        cleaner.note_line("Légende photo supprimée (à côté d'un crédit ou d'une image)", marked[index][0])

    for index, (line, debris) in enumerate(sequence):
        after = index + 1
        if (not debris and _IMAGE_MARKER.match(line.removeprefix("## ")) and headline < index
                and after < len(marked) and not marked[after][1] and _is_caption(marked[after][0])):
            take(index)
            take(after)
        elif (index in credits and headline < index - 1 and not marked[index - 1][1]
              and _is_caption(marked[index - 1][0]) and not _reads_as_body(marked[index - 1][0], line)):
            take(index - 1)
    return marked


# A credit line that holds its own caption: a sentence of four words or more, then the credit in
# brackets or after a dash, a slash, a bar or « © » (« Des soldats … , le 5 septembre 2025. (KCNA
# via AFP) »).
_CAPTION_THEN_CREDIT = re.compile(r"^\S+(?:\s+\S+){3,}?[.!?]\s*(?:\([^()]*\)|[-–—/|©].*)$")
# What a caption is not: a paragraph's sentence, longer than a caption (« Le renseignement
# militaire ukrainien (HUR) évalue pour sa part à plus de 12 000 le nombre de … à la fin novembre. »).
_BODY_WORDS = 20
_FIGURE_OR_ATTRIBUTION = re.compile(r"\d|\b(?:selon|pour sa part|d['’]après|évalu\w*|chiffr\w*|compt\w*"
                                    r"|avanc\w*|fait état)\b", re.I)


def _reads_as_body(line: str, credit: str) -> bool:
    """Whether ``line``, right above a photo's ``credit``, is the text's rather than a caption:
    a sentence ending on its full stop above a credit line that carries its own caption (only the
    line beside the picture is one), or a full sentence longer than a caption, with a figure or an
    attribution."""
    sentence = line[:1].isupper() and line.rstrip().endswith((".", "»"))
    return sentence and (_CAPTION_THEN_CREDIT.match(credit) is not None or (
        len(line.split()) > _BODY_WORDS and _FIGURE_OR_ATTRIBUTION.search(line) is not None))


def _boxes_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]], prompts: set[int]) -> list[tuple[str, bool]]:
    """The sequence with the text of a subscription or newsletter box marked as debris: a short line
    (« Chaque vendredi, nos correspondants décryptent l'actualité. ») between two prompts of the box
    (« Newsletter … » / « S'inscrire »), whatever its words."""
    marked = list(sequence)
    for index in range(1, len(sequence) - 1):
        if (index - 1 in prompts and index + 1 in prompts and not sequence[index][1]
                and _short(sequence[index][0], 25) and not sequence[index][0].startswith("## ")):
            marked[index] = (sequence[index][0], True)
            cleaner.last_kind = None
            cleaner.note_line("Texte d'un encadré d'abonnement ou de lettre d'information supprimé", sequence[index][0])
    return marked


def _media_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]], media: set[int]) -> list[tuple[str, bool]]:
    """The sequence with a media block's title and label marked as debris: once the text has begun,
    the title-like line or question just before a player's duration (« Ce que l'on sait du sommet
    de Vladivostok? » / « 3:05 ») and the short labels above it (« Vidéos Radio Nord », « PODCAST »)."""
    marked = list(sequence)

    def is_paragraph(line: str) -> bool:
        return not _is_heading(line.removeprefix("## ")) and not _is_question_title(line)

    for duration in sorted(media):
        title = duration - 1
        if title < 0 or sequence[title][1]:
            continue
        line = sequence[title][0].removeprefix("## ")
        if not (_is_heading(line, 200) or _is_question_title(line)) or not _short(line, 25):
            continue
        if not any(not debris and is_paragraph(text) for text, debris in sequence[:title]):
            continue   # before the text: a headline over a reading time
        block = [title]
        while (len(block) < 3 and (label := block[-1] - 1) >= 0 and not sequence[label][1]
               and _is_heading(sequence[label][0].removeprefix("## ")) and len(sequence[label][0].split()) <= 4
               and not re.search(r"\d", sequence[label][0])):
            block.append(label)
        for index in sorted(block):
            marked[index] = (sequence[index][0], True)
            cleaner.last_kind = None
            cleaner.note_line("Bloc audio ou vidéo supprimé (étiquette, titre)", sequence[index][0].removeprefix("## "))
    return marked


def _posts_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]], stamps: set[int]) -> list[tuple[str, bool]]:
    """The sequence with an embedded post from a social network marked as debris, found by its frame:
    a handle alone (« @NomDuCompte ») and the name just above it, the post's text down to its date
    stamp (six lines at most), then its counters and buttons (short lines without a sentence's end:
    « 3,1 k », « Répondre », « Voir 240 réponses »). Not the article's text: no claim from it."""
    marked = list(sequence)

    def take(index: int) -> None:
        if not marked[index][1]:
            marked[index] = (marked[index][0], True)
            cleaner.last_kind = None
            cleaner.note_line("Message intégré d'un réseau social supprimé (compte, texte, date, compteurs)",
                              marked[index][0].removeprefix("## "))

    for index, (line, _) in enumerate(sequence):
        if not _HANDLE.match(line.removeprefix("## ")):
            continue
        name = index - 1
        if name >= 0 and _short(sequence[name][0], 4) and not re.search(r"[.!?:;]$", sequence[name][0]):
            take(name)
        take(index)
        stamp = next((i for i in range(index + 1, min(index + 8, len(sequence))) if i in stamps), None)
        if stamp is None:
            continue
        for inside in range(index + 1, stamp):
            take(inside)
        after = stamp + 1
        while (after < len(sequence) and _short(sequence[after][0], 5)
               and not re.search(r"[.!?»]$", sequence[after][0])):
            take(after)
            after += 1
    return marked


def _sponsored_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The sequence with an advertiser's block marked as debris, found by its frame: its label
    (« Contenu sponsorisé »), the line under it (the ad's title, whatever its words), then at most
    three short lines down to the advertiser's credit that closes it: a button of a word or two
    (« Découvrir »), and the advertiser named alone (« Maison Durand ») or after « par » (« Offert
    par Maison Durand »). Not the article's: no heading or claim from it."""
    marked = list(sequence)

    def button(line: str) -> bool:
        return len(line.split()) <= 2 and bool(_SHORT_INFINITIVE.match(line) or _BUTTON.match(line))

    def credit(line: str) -> bool:
        words = line.split()
        return bool(_CREDITED_BY.match(line)) or (1 <= len(words) <= 3 and not re.search(r"[.!?:;,]", line)
                                                  and all(word[:1].isupper() for word in words))

    for index, (line, _) in enumerate(sequence):
        if not _SPONSORED.match(line.removeprefix("## ")) or index + 1 >= len(sequence):
            continue
        title = index + 1
        if not _short(sequence[title][0], 25):
            continue   # a paragraph under it: a label of the text, not an ad's frame
        after = title + 1
        while after < min(title + 3, len(sequence)) and button(sequence[after][0].removeprefix("## ")):
            after += 1
        if after >= len(sequence) or not credit(sequence[after][0].removeprefix("## ")):
            continue
        cleaner.last_kind = None
        for inside in range(index, after + 1):
            if not marked[inside][1]:
                marked[inside] = (marked[inside][0], True)
                cleaner.note_line("Contenu sponsorisé supprimé (étiquette, titre, bouton, annonceur)",
                                  marked[inside][0].removeprefix("## "))
    return marked


_QUOTED_LINE = re.compile(r"^[«“\"]\s*(?P<text>[^«»“”\"]+?)\s*[»”\"]\.?$")
_PULL_QUOTE_WORDS = 6


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalise(text).lower()))


def _pull_quotes_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The sequence with a pull quote marked as debris: a line that is only a quotation (« … ») of
    six words or more, whose words stand in that order in another line of the text: the page
    repeating, set apart, a sentence or clause of the body. A short quoted intertitle (« De
    lourds combats ») may echo the body's words and stays."""
    marked = list(sequence)
    body = [(index, _words(line)) for index, (line, debris) in enumerate(sequence) if not debris]
    for index, (line, debris) in enumerate(sequence):
        quoted = None if debris else _QUOTED_LINE.match(line.removeprefix("## "))
        words = _words(quoted["text"]) if quoted else ""
        if len(words.split()) < _PULL_QUOTE_WORDS:
            continue
        if any(other != index and f" {words} " in f" {text} " for other, text in body):
            marked[index] = (line, True)
            cleaner.last_kind = None
            cleaner.note_line("Citation mise en exergue supprimée (elle répète une phrase du texte)",
                              line.removeprefix("## "))
    return marked


def _quoted_intertitle(line: str) -> bool:
    """A short title that is or holds a quotation between French quotation marks, without the
    colon of a linked headline (« Guerre : « … » »)."""
    return bool(re.search(r"«[^«»]+»", line)) and len(line.split()) <= 10 and ":" not in line


def _box_item(line: str) -> bool:
    """A line of a summary box: a bullet, or one short sentence."""
    return line.startswith(("•", "- ")) or (
        _short(line, 25) and bool(re.search(r"[.!?»]$", line)) and len(_SENTENCE_BREAK.findall(line)) <= 1)


def _head_box_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The sequence with a summary box at the article's head marked as debris, found by where it
    stands and its shape: after the headline, the standfirst at most and the head's furniture
    (byline, date stamp, photo credit: lines taken out just before it), a short title without a
    sentence's punctuation (« Les points clés ») over two or more short one-sentence lines or bullets,
    before the text's first paragraph. An intertitle stands between paragraphs of the text; a box
    there sums up the text below it (the contributor may put it back)."""
    marked = list(sequence)
    kept = [i for i, (_, debris) in enumerate(sequence) if not debris]
    headline = next((i for i in kept if len(sequence[i][0].split()) >= 4), None)
    if headline is None:
        return marked
    after_headline = [i for i in kept if i > headline]
    for position, title in enumerate(after_headline[:2]):
        line = sequence[title][0].removeprefix("## ")
        if (not sequence[title - 1][1] or not _is_heading(line) or not _short(line, 8)
                or not all(_prose(sequence[i][0]) for i in after_headline[:position])):
            continue
        items = []
        for index in range(title + 1, len(sequence)):
            if sequence[index][1] or not _box_item(sequence[index][0].removeprefix("## ")):
                break
            items.append(index)
        if len(items) < 2 or items[-1] + 1 >= len(sequence) or not _prose(sequence[items[-1] + 1][0]):
            continue
        cleaner.last_kind = None
        for index in (title, *items):
            marked[index] = (sequence[index][0], True)
            cleaner.note_line("Encadré en tête d'article supprimé (un résumé que le texte reprend : à remettre "
                              "s'il dit autre chose)", sequence[index][0].removeprefix("## "))
        break
    return marked


def _signature_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]], stamps: set[int]
                   ) -> list[tuple[str, bool]]:
    """The sequence with a signature block's name marked as debris: after the headline, a name alone
    on its line (one to four words, each capitalised, no sentence) just before a date stamp is the
    author's or the publisher's (« Marie Dupont », « Groupe Presse Nord » over « Publié le … »)."""
    marked = list(sequence)
    headline = next((i for i, (_, debris) in enumerate(sequence) if not debris), len(sequence))
    for index in range(headline + 1, len(sequence) - 1):
        line, debris = sequence[index]
        words = line.removeprefix("## ").split()
        if (not debris and index + 1 in stamps and 1 <= len(words) <= 4 and not re.search(r"[.!?:;,]", line)
                and all(word[:1].isupper() or word.lower() in {"de", "du", "des", "et", "la", "le", "les"}
                        for word in words)):
            marked[index] = (line, True)
            cleaner.last_kind = None
            cleaner.outlet_names.append((line.removeprefix("## "), line, False))
            cleaner.note_line("Nom de l'auteur ou de l'éditeur (bloc de signature) supprimé", line.removeprefix("## "))
    return marked


def _furniture_out(cleaner: _Cleaner, sequence: list[tuple[str, bool]]) -> list[str]:
    """The kept lines, less the short title-like lines that page furniture is made of.

    Judged by where they stand, not by their words: once the article's text has begun, a run
    of short lines without sentence punctuation is debris when it lies between two debris lines
    (« Newsletter » / « International » / « L'essentiel… » / « S'inscrire »), when no
    paragraph follows it before the end of the text (tags, related links, « Sujets »), or when
    it is more than one line. An intermediate heading is one line with a paragraph after it.
    """
    def heading_like(line: str) -> bool:
        return _is_heading(line.removeprefix("## ")) and not line.startswith("•")

    def branding(line: str) -> bool:
        """« France 24 - Infos en continu »: the site's name and its motto."""
        head = re.split(r"\s+[-–—:|]\s+", line.removeprefix("## "), maxsplit=1)
        return len(head) == 2 and cleaner.outlets.find(head[0]) is not None

    started = next((i for i, (line, debris) in enumerate(sequence)
                    if not debris and not heading_like(line)), len(sequence))
    dropped: set[int] = set()
    # Under the headline (the longest title-like line opening the text), short labels before a first
    # paragraph that the byline or date stamp follows (the article's head) announce the standfirst
    # or a summary box (« En bref », « Résumé »): an intertitle stands between paragraphs of the text.
    text_start = next((i for i, (line, debris) in enumerate(sequence)
                       if not debris and not _is_heading(line.removeprefix("## "), 200)), len(sequence))
    opening = [i for i in range(text_start) if not sequence[i][1]]
    titles = [i for i in opening if len(sequence[i][0].split()) >= 4]
    if titles and text_start + 1 < len(sequence) and sequence[text_start + 1][1]:
        top = max(titles, key=lambda i: len(sequence[i][0]))
        under = [i for i in opening if i > top]
        if under and all(len(sequence[i][0].split()) <= 4 and not re.search(r"\d", sequence[i][0]) for i in under):
            dropped.update(under)
    # Just before the text, after the headline and the debris under it (byline, share buttons),
    # a title-like line is the site's furniture (« L'actualité en continu »), not an intertitle.
    # (The headline printed again there is left to the title's own rule.)
    if started >= 2 and heading_like(last := sequence[started - 1][0]) and sequence[started - 2][1]:
        earlier = [line for line, debris in sequence[:started - 2] if not debris]
        if (any(len(line.split()) >= 4 for line in earlier)
                and not any(_same(line.removeprefix("## "), last.removeprefix("## ")) for line in earlier)):
            dropped.add(started - 1)
    # Between the headline and the text, short title-like lines between two debris lines are
    # buttons' labels (« Taille de police », « A+ A- » between the date line and the share buttons).
    headline = next((i for i, (line, debris) in enumerate(sequence[:started])
                     if not debris and len(line.split()) >= 4), started)
    index = headline + 1
    while index < started:
        end = index
        while end < started and not sequence[end][1] and len(sequence[end][0].split()) < 4:
            end += 1
        if end > index and sequence[index - 1][1] and end < len(sequence) and sequence[end][1]:
            dropped.update(range(index, end))
        index = end + 1
    index = started
    while index < len(sequence):
        line, debris = sequence[index]
        if debris or not heading_like(line):
            index += 1
            continue
        end = index
        while end < len(sequence) and not sequence[end][1] and heading_like(sequence[end][0]):
            end += 1
        before_debris = index > 0 and sequence[index - 1][1]
        after_debris = end < len(sequence) and sequence[end][1]
        no_paragraph_after = all(debris or heading_like(line) for line, debris in sequence[end:])
        # An intertitle is one line: two or more in a row are a box (« Sur le » / « même thème » /
        # a linked title).
        if (before_debris and after_debris) or no_paragraph_after or end - index >= 2:
            # The run's last line, a paragraph right after it, when it is or holds a quotation
            # (« « Des pertes lourdes » », « Des frappes « ciblées » »): an intertitle under a box.
            stop = end - 1 if (end - index >= 2 and not after_debris and end < len(sequence)
                               and _quoted_intertitle(sequence[end - 1][0].removeprefix("## "))) else end
            dropped.update(range(index, stop))
        dropped.update(i for i in range(index, end) if branding(sequence[i][0]))
        index = end
    kept = []
    for index, (line, debris) in enumerate(sequence):
        if debris:
            continue
        if index in dropped:
            if len(line.split()) <= 3:   # a closing « excelsior » may still name the outlet
                cleaner.outlet_names.append((line.removeprefix("## "), line, False))
            cleaner.note_line("Élément de la page (encadré, mots-clés, liens) supprimé", line.removeprefix("## "))
            continue
        cleaner.last_kind = None
        kept.append(line)
    return kept


def _date(cleaner: _Cleaner, page: Page | None, lines: list[str], today: date | None) -> None:
    draft = cleaner.draft
    if page and page.date:
        draft.date, draft.date_source = page.date, "date de publication de la page (métadonnées)"
    elif draft.date:
        return
    elif cleaner.printed:
        draft.date, line = cleaner.printed[0]
        draft.date_source = f"« {line} »"
    elif cleaner.updated:
        draft.date, line = cleaner.updated[0]
        draft.date_source = f"« {line} » (date de mise à jour : seule date imprimée)"
    elif today is not None:
        for line in lines:
            found = weekday_date(line, today)
            if found:
                draft.date, draft.date_note = found
                draft.date_source = "jour de la semaine, jour et mois dans le texte (voir date_note)"
                return
        if cleaner.yearless and (found := stamp_weekday_date(cleaner.yearless, " ".join(lines), today)):
            draft.date, draft.date_note = found
            draft.date_source = f"« {cleaner.yearless} » et le jour de la semaine du texte (voir date_note)"


def _outlet(cleaner: _Cleaner, page: Page | None, lines: list[str]) -> None:
    """The outlet from outlets.yml that the page or the text names; else the name to add there."""
    draft = cleaner.draft
    names: list[tuple[str, str, bool]] = []   # (name, where it stands, whether it names the outlet)
    if page:
        if page.site_name:
            names.append((page.site_name, "nom du site (métadonnées de la page)", True))
        for address in (page.url, page.hostname):
            if address:
                host = urlsplit(address).hostname if "//" in address else address
                names.append((host or address, f"adresse de la page ({address})", False))
    names += [(name, f"« {where} »", strong) for name, where, strong in cleaner.outlet_names]
    for line in lines:
        names += [(match[1], f"« {match.group()} » dans le texte", False)
                  for match in _DOMAIN.finditer(line)]
    names += [(name, f"« {where} » (message du site)", False) for name, where in cleaner.own_names]
    for name, where, _ in names:
        if outlet := cleaner.outlets.of_kind(name, "outlet"):
            draft.outlet, draft.outlet_source = outlet, where
            return
    if cleaner.masthead:   # no outlet named: the agency whose own page this is
        draft.outlet, draft.outlet_source = cleaner.masthead[0], f"« {cleaner.masthead[1]} » en tête de la page"
        return
    # A name that surely names the outlet; else an acronym a byline gives (« Par : RFI »): a byline
    # may name a journalist, never in capitals alone.
    suggestion = next((name for name, _, strong in names if strong), None) or next(
        (name.strip() for name, where, _ in names if where.startswith("« ") and is_acronym(name.strip())), None)
    if suggestion and not cleaner.outlets.find(suggestion):
        draft.outlet_suggestion = suggestion.strip()
