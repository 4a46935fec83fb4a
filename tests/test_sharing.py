"""A page's image for link previews (render/sharing.py), read from its content."""

from __future__ import annotations

from generator.render.sharing import image


def test_the_first_share_image_is_the_page_image_from_the_site_root():
    content = '<p>Texte</p><img src="a.svg" data-share-image="troupes.png"><img data-share-image="b.png">'
    assert image("sujets/troupes.html", content) == "sujets/troupes.png"


def test_an_attribute_that_only_ends_with_the_name_is_not_the_share_image():
    content = '<img xdata-share-image="autre.png"><img data-share-image="troupes.png">'
    assert image("sujets/troupes.html", content) == "sujets/troupes.png"
    assert image("index.html", 'data-share-image="accueil.png"') == "accueil.png"


def test_a_page_without_one_or_with_a_foreign_address_has_no_image():
    assert image("sujets/troupes.html", "<p>Aucun graphique</p>") == ""
    assert image("sujets/troupes.html", '<img data-share-image="https://ailleurs.example/x.png">') == ""
