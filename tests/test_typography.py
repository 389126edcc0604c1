"""French typography on French pages only."""

from __future__ import annotations

from deepscopie.render.typography import french_spacing


def test_a_question_mark_cannot_wrap_alone() -> None:
    assert (
        french_spacing("Pourquoi Cellpose marche-t-il ?") == "Pourquoi Cellpose marche-t-il\u202f?"
    )
    assert (
        french_spacing("Type : [Logiciel](../types/tool.md)")
        == "Type\u202f: [Logiciel](../types/tool.md)"
    )
    assert french_spacing("**Oui !** Et ; non") == "**Oui\u202f!** Et\u202f; non"


def test_guillemets_hold_their_words() -> None:
    assert french_spacing("« Biologeek attitude »") == "«\u00a0Biologeek attitude\u00a0»"


def test_addresses_and_code_are_left_alone() -> None:
    unchanged = "[ici](https://example.org/a?b=c) `a :b` {#cellpose} {: .ds-meta }"
    assert french_spacing(unchanged) == unchanged
