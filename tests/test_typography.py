"""French typography: on text only, never on code, addresses or attributes."""

from __future__ import annotations

import markdown
import pytest

from deepscopie.render.safe_html import markdown_to_safe_html
from deepscopie.render.typography import typeset

NNBSP, NBSP = "\u202f", "\u00a0"


def _page(source: str, language: str = "fr") -> str:
    """A Markdown page as the site's build renders it (with the typography extension)."""
    return markdown.markdown(
        source,
        extensions=["attr_list", "toc", "deepscopie.render.markdown_typography"],
        extension_configs={"deepscopie.render.markdown_typography": {"language": language}},
    )


def test_a_question_mark_cannot_wrap_alone() -> None:
    assert (
        typeset("Pourquoi Cellpose marche-t-il ?", "fr") == f"Pourquoi Cellpose marche-t-il{NNBSP}?"
    )
    assert typeset("Type : Logiciel", "fr") == f"Type{NNBSP}: Logiciel"
    assert typeset("Oui ! Et ; non", "fr") == f"Oui{NNBSP}! Et{NNBSP}; non"
    assert typeset("Déjà\u00a0: espacé", "fr") == f"Déjà{NNBSP}: espacé"


def test_guillemets_hold_their_words() -> None:
    assert typeset("« Biologeek attitude »", "fr") == f"«{NNBSP}Biologeek attitude{NNBSP}»"


def test_numbers_hold_together_and_to_their_unit() -> None:
    assert typeset("10 000 images sur 16 Go", "fr") == f"10{NNBSP}000{NBSP}images sur 16{NBSP}Go"
    assert typeset("entre 2019 2020", "fr") == "entre 2019 2020"  # two years, not one number
    assert typeset("3 mois", "fr") == "3 mois"  # "m" is a unit, "mois" is not


def test_english_is_left_as_written() -> None:
    assert typeset("Why ? « no » 16 GB", "en") == "Why ? « no » 16 GB"


@pytest.mark.parametrize(
    ("source", "untouched"),
    [
        ("Voir `a : b` ici", "<code>a : b</code>"),
        ("Voir `x ? y ! z ; w` ici", "<code>x ? y ! z ; w</code>"),
        ("Un bloc :\n\n    a : b ? c\n", "<code>a : b ? c\n</code>"),
        ("<https://example.org/a?b=c;d=e>", 'href="https://example.org/a?b=c;d=e"'),
        ('[ici](https://example.org/ "Titre : oui ?")', 'title="Titre : oui ?"'),
        ("Touche <kbd>a : b</kbd>", "<kbd>a : b</kbd>"),
        ("# Titre ? {: data-x='a : b' }", 'data-x="a : b"'),
    ],
)
def test_code_addresses_and_attributes_are_left_alone(source: str, untouched: str) -> None:
    rendered = _page(source)
    assert untouched in rendered, rendered


def test_the_text_around_code_is_typeset() -> None:
    rendered = _page("Pourquoi `a : b` ?")
    assert rendered == f"<p>Pourquoi <code>a : b</code>{NNBSP}?</p>"
    heading = _page("# Pourquoi ? {#pourquoi}")
    assert f"Pourquoi{NNBSP}?" in heading and 'id="pourquoi"' in heading


def test_contributed_markdown_is_typeset_outside_its_code() -> None:
    html = markdown_to_safe_html(
        'Pourquoi ? Voir `a : b` et [le site ?](https://a.org/?q=x;y=1 "Titre : oui").', "fr"
    )
    assert f"Pourquoi{NNBSP}?" in html
    assert "<code>a : b</code>" in html
    assert 'href="https://a.org/?q=x;y=1" title="Titre : oui"' in html
    assert f"le site{NNBSP}?</a>" in html
    assert markdown_to_safe_html("Why ? `a : b`", "en") == "<p>Why ? <code>a : b</code></p>"


def test_a_text_typeset_twice_is_typeset_once() -> None:
    # Card lines are typeset, and some are read from texts already typeset: the narrow
    # spaces inside « » doubled.
    for text in ("« Biologeek attitude » : oui ; non ! 10 000 images", "«mot»", "Pourquoi  ?"):
        once = typeset(text, "fr")
        assert typeset(once, "fr") == once
