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


def test_a_byline_and_its_date_on_one_line_give_outlet_wire_and_date():
    outlets = load_registries(DRAFTS / "registry", DRAFTS).outlets
    draft = analyse("\n".join([
        "Corée du Nord : Pyongyang aurait livré plus de 200 lance-roquettes multiples à Moscou",
        "La Croix (avec AFP), le 09/04/2025 à 11:32",
        "Le paragraphe de l’article, qui dit quelque chose, a rapporté mardi 8 avril un député."]),
        outlets)
    assert draft.blocks == ["Le paragraphe de l’article, qui dit quelque chose, a rapporté mardi 8 "
                            "avril un député."]
    # The printed date, not the day a source spoke.
    assert (draft.outlet, draft.wire, draft.date) == ("lacroix", "afp", "2025-04-09")


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


def test_a_person_s_byline_names_registered_agencies_by_any_of_their_names():
    """Agencies are read from outlets.yml whatever name the byline prints (« Agence France-Presse »),
    after a person's name and a comma."""
    draft = analyse("\n".join([HEADLINE, "Marc Lefèvre, avec Agence France-Presse et Belga", PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert draft.wire == ["afp", "belga"]
    assert "Signature « Marc Lefèvre, avec Agence France-Presse et Belga » supprimée (média dans outlet, " \
           "agence dans wire)." in draft.cleaning


OTHER = "Le Kremlin n’a pas répondu aux questions sur ces livraisons d’armes."


def test_a_journalist_s_byline_with_their_role_is_debris():
    for byline in ("Paul Roux, envoyé spécial à Kharkiv", "Anne Dubois et Marc Petit, correspondants à Séoul"):
        draft = analyse("\n".join([HEADLINE, byline, PARAGRAPH]), _outlets())
        assert draft.blocks == [PARAGRAPH], byline
    # A sentence about a correspondent stays.
    sentence = "Paul Roux, correspondant de l’agence à Séoul, a confirmé l’information."
    assert analyse("\n".join([HEADLINE, sentence]), _outlets()).blocks == [sentence]


def test_a_caption_is_debris_by_its_credit_or_the_image_it_stands_by():
    """A caption closed by a © credit; a caption line just before a credit line, or just after an
    image marker, when it names what is shown (no verb of statement). A statement stays."""
    caption = "Un blindé russe détruit près de Pokrovsk, en mars 2024. — © Ukrinform / Zuma Press"
    draft = analyse("\n".join([HEADLINE, caption, PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH]
    before_credit = "Des artilleurs ukrainiens près de Kharkiv, le 2 février (archives)."
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, before_credit, "PHOTO : EPA / Sergey Kozlov", OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, OTHER]
    after_marker = "Vladimir Poutine et Kim Jong-un au cosmodrome de Vostotchny, en septembre 2023."
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "Photo", after_marker, OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, OTHER]
    assert any(after_marker in note for note in draft.cleaning)
    # A credit alone, names joined by slashes with an agency's among them; two places joined so stay.
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "Keystone / Anna Weber", "Séoul / Pyongyang", OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, "## Séoul / Pyongyang", OTHER]
    # The headline is never a caption, even just above a credit.
    draft = analyse("\n".join([HEADLINE, "PHOTO : EPA / Sergey Kozlov", PARAGRAPH]), _outlets())
    assert (draft.title, draft.blocks) == (HEADLINE, [PARAGRAPH])
    statement = "Le ministère a affirmé mardi que 200 obus avaient été livrés."
    draft = analyse("\n".join([HEADLINE, statement, "PHOTO : EPA / Sergey Kozlov", PARAGRAPH]), _outlets())
    assert draft.blocks == [statement, PARAGRAPH]


def test_the_titles_under_a_bare_related_label_are_debris():
    """« À lire également : » alone on its line: the titles under it go, a question too, while
    they read as headlines; the paragraph after them stays."""
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "À lire également :",
                               "Ukraine : Kiev dit avoir frappé une raffinerie près de Riazan",
                               "Pourquoi Pyongyang arme-t-il Moscou ?",
                               "Le Kremlin n’a pas répondu aux questions sur ces livraisons d’armes."]), _outlets())
    assert draft.blocks == [PARAGRAPH, "Le Kremlin n’a pas répondu aux questions sur ces livraisons d’armes."]
    assert not any(block.startswith("## ") for block in draft.blocks)


def test_the_text_of_a_newsletter_box_goes_with_its_prompts():
    blurb = "Tous les lundis, le point de nos envoyés spéciaux sur les conflits en cours."
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "Recevez notre newsletter Défense", blurb, "S'inscrire",
                               "Le Kremlin n’a pas répondu."]), _outlets())
    assert draft.blocks == [PARAGRAPH, "Le Kremlin n’a pas répondu."]


def test_an_embedded_widget_follow_block_rights_and_closed_comments_are_debris():
    draft = analyse("\n".join([
        HEADLINE, PARAGRAPH, "Début du contenu intégré", "Publication Telegram du ministère russe de la Défense.",
        "Fin du contenu intégré", "Le Kremlin n’a pas répondu.", "Il vous reste 62 % de cet article à lire.",
        "Suivez-nous sur Telegram, Bluesky et Instagram", "Signaler une erreur", "Les commentaires sont fermés.",
        "© 2025 Groupe Presse Exemple. Tous droits réservés."]), _outlets())
    assert draft.blocks == [PARAGRAPH, "Le Kremlin n’a pas répondu."]


# Round 6's debris families (issue 23), in other words than its texts.

OTHER = "Un autre paragraphe, sans rapport avec le premier, suit."

def test_a_source_credit_line_is_debris_and_gives_the_wire():
    draft = analyse("\n".join([HEADLINE, "Sources : Reuters", PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert draft.wire == "reuters"


def test_a_stamp_with_a_two_digit_year_and_a_last_update_is_a_date_line():
    draft = analyse("\n".join([HEADLINE, "14-11-24, 08:05 Dernière mise à jour: 14-11-24, 09:30", PARAGRAPH]),
                    _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert draft.date == "2024-11-14"


def test_credits_and_a_date_joined_by_slashes_are_debris():
    draft = analyse("\n".join([HEADLINE, "LCI / Reuters / le 2 mai 2025 à 07h10, modifié à 09h00", PARAGRAPH]),
                    _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert (draft.wire, draft.date) == ("reuters", "2025-05-02")
    # Two labels joined by a slash and no date or duration: no credit line (under the headline, not
    # between two paragraphs, no clear intertitle either: left to the notes as doubtful).
    kept = analyse("\n".join([HEADLINE, "Séoul / Moscou", PARAGRAPH]), _outlets())
    assert kept.blocks == [PARAGRAPH] and kept.wire is None and kept.date is None
    assert any("intertitre douteux" in note and "Séoul / Moscou" in note for note in kept.cleaning)
    kept = analyse("\n".join([HEADLINE, PARAGRAPH, "Séoul / Moscou", OTHER]), _outlets())
    assert kept.blocks == [PARAGRAPH, "## Séoul / Moscou", OTHER]


def test_a_media_block_s_label_with_its_duration_is_debris():
    for label in ("Le journal de 19h / 2 min 30 / le 8 mars 2025", "Reportage vidéo | 03:12",
                  "▶ 2 min 30"):
        draft = analyse("\n".join([HEADLINE, label, PARAGRAPH]), _outlets())
        assert draft.blocks == [PARAGRAPH], label


def test_a_caption_closed_by_a_credit_after_a_dash_or_in_brackets_is_debris():
    for caption in ("Des chars défilent sur la place Kim Il-sung, le 10 octobre 2020. - Reuters Photo",
                    "Le ministre de la Défense lors d'une visite à Vladivostok (EPA)",
                    "Un lance-missiles mobile dans un hangar près de Pyongyang / Getty Images"):
        draft = analyse("\n".join([HEADLINE, PARAGRAPH, caption, OTHER]), _outlets())
        assert caption not in " ".join(draft.blocks), caption
    # A statement ending on an agency's name stays.
    said = "Le ministre a affirmé que les livraisons continuent - Reuters"
    assert f"## {said}" in analyse("\n".join([HEADLINE, PARAGRAPH, said, OTHER]),
                                   _outlets()).blocks


def test_a_paywall_label_alone_is_debris():
    for label in ("Premium", "Réservé aux abonnés", "Article payant", "Abonnée"):
        draft = analyse("\n".join([HEADLINE, label, PARAGRAPH]), _outlets())
        assert draft.blocks == [PARAGRAPH], label


def test_a_name_over_the_date_stamp_is_the_signature_block_s():
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "Groupe Rossel", "Publié le 12/06/2025 à 08:15",
                               OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, OTHER]
    # An intertitle before a paragraph stays.
    kept = analyse("\n".join([HEADLINE, PARAGRAPH, "Des pertes en hausse", OTHER]), _outlets())
    assert "## Des pertes en hausse" in kept.blocks


def test_the_site_s_address_alone_or_a_rights_footer_names_the_outlet():
    address = analyse("\n".join(["lacroix.com", HEADLINE, PARAGRAPH]), _outlets())
    assert (address.blocks, address.outlet) == ([PARAGRAPH], "lacroix")
    footer = analyse("\n".join([HEADLINE, PARAGRAPH, "© 2025 BFMTV. Tous droits réservés"]), _outlets())
    assert (footer.blocks, footer.outlet) == ([PARAGRAPH], "bfmtv")


# Round 7's families (issue 23), in other words than round 7's texts.

LAST = "Le Kremlin, qui n’a jamais reconnu la présence de ces soldats, s’est refusé à tout commentaire."

def _with_dpa():
    from generator.model import Outlet
    return {**_outlets(), "dpa": Outlet(id="dpa", name="Deutsche Presse-Agentur (DPA)", kind="wire")}


def test_a_registered_agency_s_name_alone_on_its_line_is_a_credit():
    """Any registered name of an agency, full or short, alone under the headline: the dispatch's
    credit, each agency of consecutive credit lines in `wire`, none of them a heading."""
    draft = analyse("\n".join([HEADLINE, "Deutsche Presse-Agentur", "Reuters", PARAGRAPH]), _with_dpa())
    assert draft.blocks == [PARAGRAPH]
    assert draft.wire == ["dpa", "reuters"]
    # A byline's agency is not replaced by a credit line further down.
    bylined = analyse("\n".join([HEADLINE, "Par Jean Roux avec Reuters", PARAGRAPH, "Deutsche Presse-Agentur"]),
                      _with_dpa())
    assert bylined.wire == "reuters" and bylined.blocks == [PARAGRAPH]


def test_agencies_joined_by_slashes_with_initials_are_a_credit():
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "dpa/reuters/jmr"]), _with_dpa())
    assert draft.blocks == [PARAGRAPH]
    assert draft.wire == ["dpa", "reuters"]
    # A picture's credit (« Reuters/Archives ») names no dispatch's agency.
    assert analyse("\n".join([HEADLINE, PARAGRAPH, "Reuters/Archives"]), _with_dpa()).wire is None


def test_an_initials_byline_with_its_agency_gives_the_wire():
    draft = analyse("\n".join([HEADLINE, "J.-M. R. avec Reuters", PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH] and draft.wire == "reuters"


def test_a_date_stamp_with_a_weekday_and_no_label_is_the_publication_s():
    draft = analyse("\n".join([HEADLINE, "Mardi, 4 mars 2025 14:20", "MODIFIÉ Mardi, 4 mars 2025 16:05",
                               PARAGRAPH]), _outlets())
    assert draft.blocks == [PARAGRAPH]
    assert draft.date == "2025-03-04" and draft.date_source == "« Mardi, 4 mars 2025 14:20 »"


def test_a_media_block_s_label_and_title_go_with_its_duration():
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "Podcasts Radio Nord", "Ce que l’on sait du sommet de Vladivostok?",
                               "3:05", LAST]), _outlets())
    assert draft.blocks == [PARAGRAPH, LAST]
    # Before the text, a headline over a reading time stays the headline.
    opening = analyse("\n".join([HEADLINE, "4 min", PARAGRAPH]), _outlets())
    assert opening.title == HEADLINE and opening.blocks == [PARAGRAPH]


def test_a_label_between_the_headline_and_the_standfirst_over_the_byline_is_debris():
    standfirst = "Selon Séoul, Pyongyang a envoyé de nouveaux soldats au début de l’année."
    draft = analyse("\n".join([HEADLINE, "En bref", standfirst, "Par Jean Roux avec Reuters", PARAGRAPH]),
                    _outlets())
    assert draft.blocks == [standfirst, PARAGRAPH]
    # An intertitle between paragraphs stays one.
    kept = analyse("\n".join([HEADLINE, standfirst, "Les renforts", PARAGRAPH]), _outlets())
    assert kept.blocks == [standfirst, "## Les renforts", PARAGRAPH]


def test_an_uppercase_photo_credit_and_a_call_to_read_a_dossier_are_debris():
    third = "Rodriguez a démenti l’envoi de soldats."   # a name, not an imperative
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, "PHOTO MARC DURAND, ARCHIVES REUTERS", LAST,
                               "Découvrez notre dossier sur la mer de Chine", third]), _outlets())
    assert draft.blocks == [PARAGRAPH, LAST, third]


def test_what_a_saved_page_prints_in_its_furniture_blocks_is_not_the_text():
    from generator.draft.webpage import Page, _furniture_texts
    html = ("<html><body><article><h1>Titre</h1><p>" + "Un mot de l’article. " * 30 + "</p>"
            "<div class='c-player video-box'><p>Mer de Chine: Pékin dépêche trois navires</p><span>2:05</span></div>"
            "<aside><a href='/x'>Un autre article du site</a></aside></article></body></html>")
    furniture = _furniture_texts(html)
    assert {"Mer de Chine: Pékin dépêche trois navires", "Un autre article du site"} <= furniture
    assert not any("Un mot de l’article" in text for text in furniture)   # the article's frame is none
    page = Page(title=HEADLINE, date="2025-03-04", site_name=None, url=None, hostname=None,
                lines=[PARAGRAPH, "## Mer de Chine: Pékin dépêche trois navires", LAST], furniture=furniture)
    draft = analyse(page.lines, _outlets(), page)
    assert draft.blocks == [PARAGRAPH, LAST]


def test_a_stamp_without_its_year_takes_the_year_of_the_one_weekday_the_text_names():
    from datetime import date
    text = "\n".join([HEADLINE, "Publié le 4 mars à 8 h 10",
                      "Séoul a annoncé mardi l’envoi de nouveaux soldats, selon le ministère."])
    draft = analyse(text, _outlets(), today=date(2026, 12, 7))
    assert draft.date == "2025-03-04"   # a Tuesday in 2025 only, of 2022-2026
    assert "« mardi »" in draft.date_note and "2025" in draft.date_note
    # Two weekdays named: no year is read.
    both = analyse(text + "\nLe Kremlin a répondu jeudi.", _outlets(), today=date(2026, 12, 7))
    assert both.date is None


# Round 8 (issue 23): sections that are not the article, and the conservative heading policy. Written
# in other words than round 8's texts (other names, outlets, labels).

STANDFIRST = "Selon Séoul, Pyongyang a envoyé de nouveaux soldats au début de l’année."


def test_a_reader_comment_with_its_header_and_buttons_is_debris():
    draft = analyse("\n".join([
        HEADLINE, STANDFIRST, PARAGRAPH, "3 réactions",
        "Paul D. · il y a 2 h", "Au moins 40 000 hommes en plus, ça ne changera rien au front.", "Répondre",
        "Signaler", "marco75 | hier à 18:02", "Encore une fois les chiffres de Kiev sont gonflés.", "J’aime",
        LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, PARAGRAPH, LAST]
    assert any(note.startswith("Commentaire de lecteur supprimé") and "Paul D." in note for note in draft.cleaning)
    # A sentence with a dash and « hier » is no comment's header.
    sentence = "Moscou – hier encore, le Kremlin démentait tout envoi de troupes."
    assert analyse("\n".join([HEADLINE, STANDFIRST, sentence, LAST]), _outlets()).blocks == [STANDFIRST, sentence, LAST]


def test_a_correction_note_apart_from_the_text_is_debris():
    note = ("Rectificatif, 5 mars à 10h05 : une version précédente évoquait 900 morts. Il s’agit de 900 "
            "blessés, selon l’état-major.")
    draft = analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, note, LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, PARAGRAPH, LAST]
    assert any(note in line and "correction" in line for line in draft.cleaning)
    # A sentence of the text that opens with the same word is no note.
    text = "Précision importante, le ministère n’a jamais confirmé ce chiffre devant la presse."
    assert text in analyse("\n".join([HEADLINE, STANDFIRST, text, LAST]), _outlets()).blocks


def test_an_embedded_post_with_its_handle_stamp_and_counters_is_debris():
    draft = analyse("\n".join([
        HEADLINE, STANDFIRST, PARAGRAPH, "Ministère de la Défense", "@DefenceMinistry",
        "Our estimate of the troops sent to the front now exceeds 9,000 soldiers.",
        "10:02 AM · 4 févr. 2025", "3,1 k", "Répondre", "Voir 240 réponses", LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, PARAGRAPH, LAST]
    assert any(note.startswith("Message intégré d'un réseau social") for note in draft.cleaning)


def test_a_live_blog_s_greeting_and_its_welcome_text_are_debris():
    draft = analyse("\n".join([
        HEADLINE, STANDFIRST, "09:30", "Le front se déplace vers le sud", PARAGRAPH, "06:45",
        "Bonsoir et bienvenue dans notre suivi en continu",
        "Bonsoir à toutes et à tous, nous suivons ce soir les nouvelles du front avec notre correspondant.",
        LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, "## Le front se déplace vers le sud", PARAGRAPH, LAST]


def test_a_byline_naming_who_picked_the_piece_with_its_stamp_is_debris():
    draft = analyse("\n".join([HEADLINE, STANDFIRST, "Sélectionné par Marc Olivier — 3 mars 2025 à 9h10",
                               PARAGRAPH]), _outlets())
    assert draft.blocks == [STANDFIRST, PARAGRAPH]
    assert draft.date == "2025-03-03"


def test_a_short_line_that_is_not_clearly_an_intertitle_goes_to_the_notes():
    """Only a short line between two paragraphs of prose, with no stamp, separator, counter, name
    alone or word to the reader, becomes a heading; any other goes to the cleaning notes."""
    def body(*middle: str) -> list[str]:
        return analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, *middle, LAST]), _outlets()).blocks

    assert body("Les renforts du printemps") == [STANDFIRST, PARAGRAPH, "## Les renforts du printemps", LAST]
    # Over an update stamp, not over a paragraph: a source line closing the text.
    line = "Signalé dans The Guardian, Yonhap"
    drafted = analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, line, "Mis à jour le 4 mars 2025 à 12h30", LAST]),
                      _outlets())
    assert drafted.blocks == [STANDFIRST, PARAGRAPH, LAST]
    assert any("intertitre douteux" in note and line in note for note in drafted.cleaning)
    # Sites put related links or an ad at a section's break, and share buttons may follow a scraped
    # intertitle: furniture before it, or a few buttons under it, leave it an intertitle.
    assert body("Lire aussi : Kim Jong-un inspecte une usine de drones", "Publicité", "Les renforts du printemps") == [
        STANDFIRST, PARAGRAPH, "## Les renforts du printemps", LAST]
    assert body("Les renforts du printemps", "Partager", "Facebook", "Copier le lien") == [
        STANDFIRST, PARAGRAPH, "## Les renforts du printemps", LAST]
    for line in ("Marc Olivier · 4 mars", "Anne Roy | Séoul", "Voir les 2,4 k partages du jour",
                 "Sabine Laurent", "Les 38 % de la semaine", "Rejoignez la discussion du jour",
                 # the page's controls and notes by their form: speaking as the reader, an infinitive
                 # of a few words, a note in brackets, a line in another script
                 "Enregistrer dans mes favoris", "Suivre sur Bluesky", "S'abonner à la chaîne",
                 "(Traduit du coréen par notre service étranger.)", "Пресслужба / Заява"):
        assert body(line) == [STANDFIRST, PARAGRAPH, LAST], line
    # Not between two paragraphs of prose: after a list's item, or before a short line.
    assert "## Les renforts du printemps" not in body("• Un point de la liste", "Les renforts du printemps")


def test_a_summary_box_at_the_article_s_head_is_taken_out_with_its_lines():
    """After the headline, the standfirst and the byline, a short title over short one-sentence lines,
    before the text's first paragraph: a box summing up the text, not an intertitle (round 10)."""
    first = ("Les services de Séoul ont présenté mardi leurs estimations aux députés. Elles portent sur "
             "les renforts arrivés depuis janvier.")
    items = ["Pyongyang aurait envoyé de nouveaux renforts vers la région de Koursk.",
             "Moscou n’a fait aucun commentaire sur ces informations de Séoul.",
             "Kiev réclame des sanctions supplémentaires contre le régime nord-coréen."]
    draft = analyse("\n".join([HEADLINE, STANDFIRST, "Par Jean Roux avec Reuters", "Les points clés", *items,
                               first, LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, first, LAST]
    assert any("« Les points clés »" in note and items[2] in note for note in draft.cleaning)
    # The same lines between paragraphs of the text: an intertitle over them, kept.
    inside = analyse("\n".join([HEADLINE, STANDFIRST, "Par Jean Roux avec Reuters", first, "Les points clés",
                                *items, LAST]), _outlets())
    assert inside.blocks == [STANDFIRST, first, "## Les points clés", *items, LAST]
    # One line under the label: the summary it announces is the text's first paragraph, kept.
    single = analyse("\n".join([HEADLINE, STANDFIRST, "Par Jean Roux avec Reuters", "Les points clés", first,
                                LAST]), _outlets())
    assert first in single.blocks


def test_an_advertiser_s_block_in_the_text_goes_and_the_intertitle_after_it_stays():
    """A sponsored label, the ad's title, a button and the advertiser's credit: taken out as one
    block, so the intertitle under them stands between two paragraphs (round 10)."""
    for block in (["Publireportage", "Vacances : les plus belles plages de Bretagne", "Réserver",
                   "Offert par Voyages Martin"],
                  ["Contenu sponsorisé", "Isolation : les aides de l’État que personne ne demande",
                   "Maison Durand"]):
        draft = analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, *block, "Les renforts du printemps", LAST]),
                        _outlets())
        assert draft.blocks == [STANDFIRST, PARAGRAPH, "## Les renforts du printemps", LAST], block
        assert any(note.startswith("Contenu sponsorisé supprimé") and block[1] in note for note in draft.cleaning)


def test_a_doubtful_line_before_an_intertitle_is_skipped_like_debris():
    """A newsletter box's own heading (doubtful, to the notes) over its prompts, then an intertitle:
    what the text said last before the intertitle is the paragraph above the box (round 10)."""
    draft = analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, "Toute l’actualité du monde en un clic",
                               "Recevez chaque soir notre lettre", "S’inscrire", "Les renforts du printemps",
                               LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, PARAGRAPH, "## Les renforts du printemps", LAST]
    assert any("intertitre douteux" in note and "Toute l’actualité du monde" in note for note in draft.cleaning)


def test_a_place_in_brackets_qualifies_a_registered_name_and_names_no_outlet_alone():
    """« La Gazette (Belgique) »: a site's menu printing « Belgique » is not that outlet; an abbreviation
    in brackets, or a name of several words, is another name of it (round 10's « Le Matin (Suisse) »
    made RTS's « Suisse » menu item read as Le Matin)."""
    from generator.draft.cleaning import Outlets
    from generator.model import Outlet

    outlets = {key: Outlet(id=key, name=name) for key, name in (
        ("gazette", "La Gazette (Belgique)"), ("radionord", "Radio Nord (RN)"),
        ("rtn", "RTN (Radio Télévision du Nord)"))}
    found = Outlets(outlets)
    assert found.find("Belgique") is None
    assert (found.find("La Gazette"), found.find("RN"), found.find("Radio Télévision du Nord")) == (
        "gazette", "radionord", "rtn")
    draft = analyse("\n".join(["RTN", "Belgique", "International", HEADLINE, STANDFIRST, PARAGRAPH]), outlets)
    assert draft.outlet == "rtn"


# Round 11 (issue 23), in other words than round 11's texts (other names, agencies, captions).

def test_a_capital_inside_a_name_is_no_glued_heading_but_a_glued_sentence_opening_is():
    """A word of mixed case opening with a capital is a name (« YouTube », « LinkedIn »), and so is one
    whose lower-case part is one letter (« iPhone »): no heading is cut there. A heading glued to its
    paragraph still splits, after a lower-case word (« …à l'estLes troupes ») or after a name when a
    sentence's opening word follows (« …de la CoréeDes soldats »)."""
    named = ["La chaîne YouTube du ministère a diffusé mardi des images des essais, sans les dater.",
             "Le réseau LinkedIn de l’officier mentionne une affectation à Vladivostok depuis 2023.",
             "Le soldat filmait la scène avec un iPhone acheté à Moscou, selon ses proches."]
    for line in named:
        draft = analyse("\n".join([HEADLINE, STANDFIRST, line, LAST]), _outlets())
        assert draft.blocks == [STANDFIRST, line, LAST], line
        assert not any("Intertitre collé" in note for note in draft.cleaning), line
    for heading, paragraph in (("Un front qui recule à l’est", "Les troupes ont perdu du terrain en mars, selon l’état-major."),
                               ("Des renforts venus de Corée", "Des soldats sont arrivés par train au début du mois.")):
        draft = analyse("\n".join([HEADLINE, STANDFIRST, heading + paragraph, LAST]), _outlets())
        assert draft.blocks == [STANDFIRST, f"## {heading}", paragraph, LAST], heading


def test_a_line_closed_by_a_credit_after_its_last_stop_is_a_caption():
    """A caption's credit may follow its last full stop with no dash or bracket (« … Reuters »,
    « … Photo Anne Roy »): the line is a picture's, whatever the caption says; « Selon Reuters »
    after a stop is a sentence, and stays."""
    for caption in ("Des lanceurs défilent à Pyongyang, selon la télévision d’État. Reuters",
                    "Le porte-avions est entré dans le port de Vladivostok, a indiqué la marine. Photo Anne Roy",
                    "Le ministre russe de la Défense a été reçu à Pyongyang. EPA"):
        draft = analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, caption, LAST]), _outlets())
        assert caption not in " ".join(draft.blocks), caption
        assert any("Crédit ou légende photo supprimé" in note and caption in note for note in draft.cleaning)
    said = "Les livraisons ont repris en mars. Selon Reuters"
    assert said in " ".join(analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, said, LAST]), _outlets()).blocks)
    # Initials alone after the stop are no agency's: a consent banner's buttons stay the banner's.
    banner = "Ce site utilise des traceurs pour mesurer l'audience. OK Paramétrer"
    assert any(note.startswith("Bandeau de consentement") and banner in note
               for note in analyse("\n".join([banner, HEADLINE, STANDFIRST, PARAGRAPH]), _outlets()).cleaning)


def test_a_replay_s_duration_in_hours_closes_a_media_block_and_the_intertitle_after_it_stays():
    """« 2 h 05 min » is a player's duration like « 3:05 »: the block's title and label go with it,
    and the intertitle under the block, between two paragraphs, stays a heading."""
    draft = analyse("\n".join([HEADLINE, STANDFIRST, PARAGRAPH, "Replay", "Le débat de la commission en intégralité",
                               "2 h 05 min", "Un front qui recule à l’est", LAST]), _outlets())
    assert draft.blocks == [STANDFIRST, PARAGRAPH, "## Un front qui recule à l’est", LAST]
    assert any("Bloc audio ou vidéo" in note and "Le débat de la commission" in note for note in draft.cleaning)


def test_a_menu_or_language_bar_is_debris_and_never_the_headline():
    """Four items or more joined by bars or dots, each a name of a few words: the page's menu or its
    language bar, however long (it was taken for the headline), in any script. A headline with one
    bar stays the headline."""
    for bar in ("Nederlands | Deutsch | English | Русский | 日本語 | Türkçe | Bahasa Melayu",
                "Accueil · Monde · Économie · Culture · Sport"):
        draft = analyse("\n".join([bar, HEADLINE, STANDFIRST, PARAGRAPH]), _outlets())
        assert (draft.title, draft.blocks) == (HEADLINE, [STANDFIRST, PARAGRAPH]), bar
        assert any("Menu ou barre de liens supprimé" in note and bar in note for note in draft.cleaning)
    titled = analyse("\n".join(["Corée du Nord | Les renforts du printemps arrivent à Koursk", STANDFIRST,
                                PARAGRAPH]), _outlets())
    assert titled.title == "Corée du Nord | Les renforts du printemps arrivent à Koursk"


def test_a_stamp_labelled_as_the_day_s_edition_is_the_publication_date():
    draft = analyse("\n".join([HEADLINE, "Édition 04.03.2025 - 09h30", STANDFIRST, PARAGRAPH]), _outlets())
    assert (draft.date, draft.blocks) == ("2025-03-04", [STANDFIRST, PARAGRAPH])


def test_a_dispatch_credit_joining_the_outlet_and_its_agency_by_a_slash_gives_both():
    """« La Croix/Reuters » or « (La Croix/Reuters) »: a registered outlet and a registered agency joined
    by a slash credit the dispatch; « Par Anne Roy (avec Reuters) » names it in brackets."""
    for credit in ("La Croix/Reuters", "(La Croix/Reuters)"):
        draft = analyse("\n".join([HEADLINE, credit, STANDFIRST, PARAGRAPH]), _outlets())
        assert (draft.blocks, draft.outlet, draft.wire) == ([STANDFIRST, PARAGRAPH], "lacroix", "reuters"), credit
    bylined = analyse("\n".join([HEADLINE, "Par Anne Roy (avec Reuters)", STANDFIRST, PARAGRAPH]), _outlets())
    assert (bylined.blocks, bylined.wire) == ([STANDFIRST, PARAGRAPH], "reuters")


def test_a_saved_page_s_byline_block_with_its_date_stamp_gives_the_wire():
    from generator.draft.webpage import Page
    page = Page(title=HEADLINE, date="2025-03-04", site_name=None, url=None, hostname=None,
                lines=[STANDFIRST, PARAGRAPH],
                short_texts=["Anne Roy avec Reuters Publié le mardi 4 mars 2025 à 9h30"])
    assert analyse(page.lines, _outlets(), page).wire == "reuters"


def test_a_listening_prompt_with_its_duration_is_debris():
    for prompt in ("Écouter cet épisode (12 min)", "Regarder la vidéo - 2:05", "Lire cet entretien (8 minutes)"):
        draft = analyse("\n".join([HEADLINE, PARAGRAPH, prompt, OTHER]), _outlets())
        assert prompt not in " ".join(draft.blocks), prompt


def test_a_button_in_the_reader_s_voice_is_debris_but_a_sentence_is_not():
    for button in ("Je soutiens la rédaction", "Je m'inscris", "Je découvre l'offre"):
        draft = analyse("\n".join([HEADLINE, PARAGRAPH, button, OTHER]), _outlets())
        assert button not in " ".join(draft.blocks), button
    said = "Je ne crois pas à un retrait rapide des troupes, a dit le général."
    assert said in analyse("\n".join([HEADLINE, PARAGRAPH, said, OTHER]), _outlets()).blocks


def test_a_quotation_repeating_a_clause_of_the_body_is_a_pull_quote():
    body = ("Selon le général, « les brigades envoyées au front ont perdu la moitié de leurs hommes », "
            "ce que Moscou dément.")
    pull = "« Les brigades envoyées au front ont perdu la moitié de leurs hommes »"
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, body, pull, OTHER]), _outlets())
    assert not any("Les brigades envoyées" in block for block in draft.blocks if block.startswith("##"))
    assert body in draft.blocks
    # A short quoted intertitle echoing the body's words is no pull quote.
    short = "« Des combats acharnés »"
    echo = "Le porte-parole a évoqué « des combats acharnés » près de la frontière."
    assert f"## {short}" in analyse("\n".join([HEADLINE, PARAGRAPH, short, echo, OTHER]), _outlets()).blocks


def test_a_note_on_an_earlier_version_is_the_page_s_and_its_figure_no_claim():
    for note in ("Rectificatif : une première version de cet article évoquait 500 missiles au lieu de 300.",
                 "Correctif, 3 mars : une version antérieure de l'article indiquait 900 soldats."):
        draft = analyse("\n".join([HEADLINE, PARAGRAPH, note, OTHER]), _outlets())
        assert note not in draft.blocks, note
    unlabelled = "Une version précédente de cet article donnait 40 lanceurs au lieu de 4."
    assert unlabelled not in analyse("\n".join([HEADLINE, PARAGRAPH, unlabelled, OTHER]), _outlets()).blocks


def test_a_quoted_intertitle_under_a_box_stays_an_intertitle():
    lines = [HEADLINE, PARAGRAPH, "Contenu partenaire", "Proposé par Voyages Martin",
             "Les marchés asiatiques en hausse", "En savoir plus", "« Une guerre d'usure »", OTHER,
             "La suite du texte, avec un autre paragraphe."]
    draft = analyse("\n".join(lines), _outlets())
    assert "## « Une guerre d'usure »" in draft.blocks
    assert not any("marchés asiatiques" in block for block in draft.blocks)
    held = [HEADLINE, PARAGRAPH, "Contenu partenaire", "Proposé par Voyages Martin",
            "Les marchés asiatiques en hausse", "En savoir plus", "Des frappes « ciblées »", OTHER,
            "La suite du texte, avec un autre paragraphe."]
    assert "## Des frappes « ciblées »" in analyse("\n".join(held), _outlets()).blocks


def test_a_paragraph_copied_further_down_keeps_its_first_place_and_a_sentence_copied_alone_goes():
    """Reviews 12 and 13 (§4.2): a paragraph repeated at the page's end was kept there and removed
    from its place under its intertitle; a sentence of the text repeated alone at the end stayed."""
    outlets = load_registries(DRAFTS / "registry", DRAFTS).outlets
    first = ("Selon l'armée, les livraisons d'obus vers la Russie ont doublé depuis le printemps, "
             "a indiqué vendredi un porte-parole à la presse.")
    opening = ("Les combats se poursuivent dans la région frontalière. Le renseignement estime qu'au total "
               "environ 9 000 soldats ont été envoyés en Russie depuis l'été.")
    draft = analyse("\n".join([
        "Des livraisons d'obus en hausse, selon l'armée",
        opening,
        "## Des livraisons en hausse",
        first,
        "Un analyste juge que la tendance devrait se confirmer dans les prochains mois.",
        first,
        "Le renseignement estime qu'au total environ 9 000 soldats ont été envoyés en Russie depuis l'été.",
    ]), outlets)
    assert draft.blocks == [opening, "## Des livraisons en hausse", first,
                            "Un analyste juge que la tendance devrait se confirmer dans les prochains mois."]
    assert sum("Copie d'un passage plus haut" in note for note in draft.cleaning) == 2


def test_an_unknown_outlet_s_acronym_in_a_byline_is_suggested_a_journalist_s_name_is_not():
    """Review 13 (§4.2): « Par : RFI » was removed as a byline with no word that the outlet is missing."""
    outlets = load_registries(DRAFTS / "registry", DRAFTS).outlets
    text = "\n".join(["Des renforts nord-coréens arrivent à Koursk", "Par : {who}",
                      "Le paragraphe de l’article, qui dit quelque chose de plus long."])
    assert analyse(text.format(who="TNRV"), outlets).outlet_suggestion == "TNRV"
    assert analyse(text.format(who="Jeanne Martin"), outlets).outlet_suggestion is None


def test_a_paragraph_opening_on_a_sentence_of_the_one_before_loses_that_sentence_only():
    """Review 15 (§3, friction 5): a sentence of a paragraph printed again, verbatim or nearly, at the
    head of the next one is scraped debris; the rest of that paragraph is the article's."""
    denial = ("L'agence officielle a démenti mercredi toute livraison d'armes, qualifiant les accusations "
              "de « fabrications absurdes ».")
    before = f"{denial} Pyongyang avait pourtant reconnu fin avril la présence de ses troupes."
    after = "Ce traité, entré en vigueur en décembre, prévoit une assistance militaire immédiate."
    for copy in (denial, denial.replace(" mercredi", "").replace("« fabrications absurdes »",
                                                                  '"fabrications absurdes"')):
        draft = analyse("\n".join(["Pyongyang dément toute livraison d'armes à Moscou", before,
                                   f"{copy} {after}"]), _outlets())
        assert draft.blocks == [before, after]
        assert (f"Phrase en tête de paragraphe supprimée (elle répète une phrase du paragraphe précédent) : "
                f"« {copy} ».") in draft.cleaning
    # A paragraph opening on its own words keeps them, even on the same subject.
    own = ("L'agence officielle a aussi démenti tout envoi de soldats en Ukraine, selon un communiqué "
           f"publié jeudi. {after}")
    assert analyse("\n".join(["Pyongyang dément toute livraison d'armes à Moscou", before, own]),
                   _outlets()).blocks == [before, own]


def test_the_outlet_s_name_above_the_headline_is_named_so_even_when_outlets_yml_lacks_it():
    """Review 19 (Workflow, 6): « Le Parisien » alone above the headline, the outlet not yet in outlets.yml,
    was called « Rubrique du site »; so was « franceinfo » (review 18), whose byline « Article rédigé par
    franceinfo avec AFP » was read as the name « Article rédigé par franceinfo »."""
    outlets = {key: outlet for key, outlet in _outlets().items() if key not in ("leparisien", "franceinfo")}
    draft = analyse("\n".join(["Accueil > International > Asie", "Le Parisien", HEADLINE,
                               "Par Le Parisien avec AFP", PARAGRAPH]), outlets)
    assert draft.outlet is None and draft.outlet_suggestion == "Le Parisien"
    assert "Nom du média supprimé : « Le Parisien »." in draft.cleaning
    assert not any("Rubrique du site supprimée : « Le Parisien »" in note for note in draft.cleaning)
    draft = analyse("\n".join(["franceinfo", "Monde", HEADLINE, "Article rédigé par franceinfo avec AFP", PARAGRAPH]),
                    outlets)
    assert (draft.outlet_suggestion, draft.wire) == ("franceinfo", "afp")
    assert draft.cleaning[-2:] == ["Nom du média supprimé : « franceinfo ».", "Rubrique du site supprimée : « Monde »."]


def test_a_paragraph_above_a_photo_credit_is_the_text_s_not_a_caption():
    """Only the line beside the picture is its caption (review 24, G1): a sentence above a credit
    line that carries its own caption stays, and so does a full sentence longer than a caption,
    with a figure or an attribution, above a credit alone; a caption above a credit alone goes."""
    sentence = "Les combats reprennent autour de Soudja depuis la fin de l’hiver."
    captioned_credit = "Des blindés russes près de Soudja, le 2 mars 2026. (Reuters via ANP)"
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, sentence, captioned_credit, OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, sentence, OTHER], draft.cleaning
    assert not any("Légende photo" in note for note in draft.cleaning)
    estimate = ("Le renseignement militaire de Kiev chiffre de son côté à plus de 4 500 le nombre de soldats "
                "nord-coréens encore engagés dans la région au début du mois.")
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, estimate, "PHOTO : EPA / Sergey Kozlov", OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, estimate, OTHER], draft.cleaning
    caption = "Des soldats nord-coréens à l’entraînement dans la région de Koursk, en mars 2026."
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, caption, "PHOTO : EPA / Sergey Kozlov", OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, OTHER]


def test_each_kind_of_page_furniture_gets_its_own_label():
    """The cuts were right but the labels not (reviews 27 F8, 28 G5): a copyright line is no photo
    credit, a prompt to log in to comment no subscription offer, a comments heading with its count
    a counter."""
    for line, label in (("© La Gazette du Centre - 2025", "Mention de droits d'auteur supprimée"),
                        ("© Le Journal de Vendée 2024", "Mention de droits d'auteur supprimée"),
                        ("Identifiez-vous pour commenter", "Invitation à commenter supprimée"),
                        ("Pour réagir, connectez-vous", "Invitation à commenter supprimée"),
                        ("Vos commentaires (12)", "Compteur de commentaires supprimé"),
                        ("Temps de lecture : 4 min", "Temps de lecture ou d'écoute supprimé"),
                        ("Abonnez-vous à la newsletter Monde", "Invitation à la lettre d'information supprimée")):
        draft = analyse("\n".join([HEADLINE, PARAGRAPH, line, OTHER]), _outlets())
        assert draft.blocks == [PARAGRAPH, OTHER], line
        assert f"{label} : « {line} »." in draft.cleaning, (line, draft.cleaning)
    # A photo's credit stays one, and a subscription offer one.
    for line, label in (("© KCNA via KNS", "Crédit ou légende photo supprimé"),
                        ("Abonnez-vous pour lire la suite", "Appel à l'abonnement supprimé")):
        draft = analyse("\n".join([HEADLINE, PARAGRAPH, line, OTHER]), _outlets())
        assert f"{label} : « {line} »." in draft.cleaning, (line, draft.cleaning)


def test_a_long_caption_closed_by_its_credit_in_brackets_is_cut_with_its_date():
    """A caption left between two paragraphs, too long for the other caption rules, its credit in
    brackets at its end (review 28 G4): cut, with a note that its date is the picture's."""
    caption = ("Des artilleurs nord-coréens lors d'un exercice de tir dans la province du Hamgyong du Sud, "
               "sur une image diffusée par la télévision d'Etat le 3 février 2025. (Photo HANDOUT / KOREAN "
               "CENTRAL TELEVISION / AFP)")
    draft = analyse("\n".join([HEADLINE, PARAGRAPH, caption, OTHER]), _outlets())
    assert draft.blocks == [PARAGRAPH, OTHER]
    (note,) = [note for note in draft.cleaning if caption in note]
    assert "sa date est celle de la photo" in note, note
    # So is one credited after a copyright sign; a paragraph that goes on after its brackets stays.
    signed = "Un convoi militaire près de la frontière russe, en mars 2025. (© Agence Yonhap / Reuters)"
    assert analyse("\n".join([HEADLINE, PARAGRAPH, signed, OTHER]), _outlets()).blocks == [PARAGRAPH, OTHER]
    statement = ("Le ministère a publié une photo (Photo du ministère) montrant les convois, a précisé "
                 "mardi un porte-parole devant la presse réunie à Séoul.")
    assert statement in analyse("\n".join([HEADLINE, PARAGRAPH, statement, OTHER]), _outlets()).blocks
