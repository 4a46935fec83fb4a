"""draft/cleaning.py: bylines read for the outlet and its agencies."""

from helpers import FIXTURES

from generator.draft.cleaning import analyse
from generator.read.load import load_registries

DRAFTS = FIXTURES / "drafts"


def test_a_byline_with_its_agency_in_brackets_gives_outlet_and_wire():
    outlets = load_registries(DRAFTS / "registry", DRAFTS).outlets
    draft = analyse("\n".join([
        "Corée du Nord : Pyongyang aurait livré plus de 200 lance-roquettes multiples à Moscou",
        "La Croix (avec AFP),", "le 04/03/2025 à 07:55",
        "Le paragraphe de l’article, qui dit quelque chose."]), outlets)
    assert draft.blocks == ["Le paragraphe de l’article, qui dit quelque chose."]
    assert (draft.outlet, draft.wire, draft.date) == ("lacroix", "afp", "2025-03-04")
    assert "Signature « La Croix (avec AFP), » supprimée (média dans outlet, agence dans wire)." in draft.cleaning


def _outlets():
    return load_registries(DRAFTS / "registry", DRAFTS).outlets


HEADLINE = "La Corée du Nord reconnaît avoir envoyé des soldats combattre pour la Russie"
PARAGRAPH = "Le paragraphe de l’article, qui dit quelque chose."


def test_a_line_of_dates_and_times_is_a_stamp_not_a_heading():
    draft = analyse("\n".join([HEADLINE, "28/04/2025 11:47 Actualisé 28/04/2025 13:02", PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert draft.date == "2025-04-28"   # the first date is the publication's, the second its update


def test_an_agency_byline_with_the_place_it_writes_from_gives_the_wire():
    draft = analyse("\n".join([HEADLINE, "Agence France-Presse à Séoul", "19 décembre 2024", PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert draft.wire == "afp"
    # Only a registered name before the place makes a byline.
    other = analyse("\n".join([HEADLINE, "Le président est arrivé à Séoul", PARAGRAPH]), _outlets())
    assert other.wire is None and not any("Signature" in note for note in other.cleaning)


def test_a_call_to_action_and_an_arrowed_related_link_are_debris():
    related = "→ Lire aussi : Corée du Nord : qui sont les soldats du « Storm Corps » envoyés en Russie ?"
    last = "Le Kremlin, qui n’a jamais reconnu la présence de ces soldats, s’est refusé à tout commentaire."
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, related, "À voir en vidéo", last]), _outlets())
    assert draft.blocks == [PARAGRAPH, last]


def test_the_site_s_own_message_names_its_outlet():
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "Abonnez-vous à notre infolettre Le Devoir international",
                               "Votre adresse courriel"]), _outlets())
    assert draft.outlet == "ledevoir"


def test_an_agency_s_own_page_gives_title_date_and_outlet():
    """A wire's site: its name opens the page, the date is printed year first, a photo caption
    closed by its credit and buttons' labels stand between the headline and the text."""
    draft = analyse("\n".join([
        "Agence de presse Yonhap", "Accueil", "Nord-Corée",
        "Pyongyang a envoyé quelque 3.000 soldats supplémentaires en Russie, selon le JCS",
        "Publié : 2025/03/18 15:04   Modifié : 2025/03/18 16:27", "Taille de police", "A+ A-", "Imprimer",
        "Des soldats nord-coréens lors d'un exercice militaire. (Photo d'archives KCNA. Revente et archivage interdits)",
        PARAGRAPH]), _outlets())
    assert draft.title == "Pyongyang a envoyé quelque 3.000 soldats supplémentaires en Russie, selon le JCS"
    assert (draft.date, draft.outlet, draft.wire) == ("2025-03-18", "yonhap", None)
    assert draft.blocks == [PARAGRAPH]
