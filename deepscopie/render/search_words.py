"""The words of each language's entries, for the search to put right a common word typed
wrong ("carte grafique").

Pagefind has no typo tolerance: a word that no entry has is searched as the longest beginning
of it that some entry has. search.js says such a word and leaves it out of the question (see
``absentWords``); a slip near the end of a word rarely gets there, since the beginning is
found ("segmentaton"), but one near its start does ("grafique", "micrsocopy"). Only then,
for a word that no entry has, search.js fetches its language's file and offers the question
with the word it is nearest to by the rule of the names (deepscopie.render.search_names), the
commonest when several are as near. Offered, not searched in its place: most words no entry
has are real words ("centaines" is one letter from "certaines"). The names come first: a
name's slip is corrected as it is typed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from deepscopie.folding import without_accents
from deepscopie.languages import Language
from deepscopie.render.data_files import compact_json
from deepscopie.render.search_names import LONGEST_WORD
from deepscopie.render.search_records import SHORTEST_WORD, WORDS_FILE, SearchRecord, is_lexicon

# A run of letters, with no digit, no hyphen, no apostrophe: how search.js reads a word that
# may be a slip (a hyphenated word's parts are words of their own for Pagefind too).
_LETTERS = re.compile(r"[^\W\d_]+")


def search_words(records: Iterable[SearchRecord], language: str) -> list[str]:
    """The words of the entries of ``language``, as they most often write them, commonest
    first (by how often the entries use the word, accents and case aside, then
    alphabetically): the order in which search.js prefers the words as near to a slip. The
    entries' own words, not those their synonym groups give them: the groups mix languages,
    and an English reader's "celulles" was offered the French "cellules"."""
    # Counted by the text's pieces between spaces, all the language's text at once, then each
    # distinct piece read once: at 10,000 entries, reading every piece took seconds.
    pieces = Counter(
        " ".join(
            record.words
            for record in records
            if record.language == language and not is_lexicon(record)
        ).split()
    )
    spellings: dict[str, Counter[str]] = {}
    for piece, count in pieces.items():
        # A piece's words once each ("d'images" is "images"), as often as the piece.
        for word in set(_LETTERS.findall(piece.lower())):
            if SHORTEST_WORD <= len(word) <= LONGEST_WORD:
                spellings.setdefault(without_accents(word), Counter())[word] += count
    ranked = sorted(spellings, key=lambda word: (-spellings[word].total(), word))
    return [_commonest(spellings[word]) for word in ranked]


def borrowed_words(own: list[str], lenders: Iterable[list[str]]) -> list[str]:
    """The words of the ``lenders`` (other languages' :func:`search_words`) that a language's
    ``own`` lack (accents and case aside), each lender's commonest first: a French reader
    types the field's English words ("trakcing de cellules" was offered "training", the French
    entries saying "suivi"). search.js offers them after the language's own, for a long word
    only."""
    known = {without_accents(word.lower()) for word in own}
    words = []
    for lent in lenders:
        for word in lent:
            key = without_accents(word.lower())
            if key not in known:  # one spelling per word: search.js keys them so
                known.add(key)
                words.append(word)
    return words


def given_words(groups: Iterable[Iterable[str]], known: Iterable[str]) -> list[str]:
    """The words of the vocabulary's synonym ``groups`` (which give theirs to the entries that
    use one, see deepscopie.synonyms) not among the ``known`` ones, each once, in lower case,
    in the groups' order. Never offered for a slip (the groups mix languages): search.js reads
    them to tell a French participle from a noun (asMasculine): "données étiquetées" found 1
    entry with both words and "données étiquetés" 39, as no entry writes "étiqueter" but
    the group of annotation gives it."""
    seen = {without_accents(word.lower()) for word in known}
    words = []
    for group in groups:
        for member in group:
            for word in _LETTERS.findall(member.lower()):
                key = without_accents(word)
                if SHORTEST_WORD <= len(word) <= LONGEST_WORD and key not in seen:
                    seen.add(key)
                    words.append(word)
    return words


def words_files(
    records: Iterable[SearchRecord],
    languages: Iterable[Language],
    groups: Iterable[Iterable[str]] = (),
) -> dict[str, str]:
    """``{path in the built site: content}`` of each language's words file: its own words,
    those it borrows (``borrows_words_from`` in deepscopie/catalogues/languages.yaml), and
    those the synonym ``groups`` give its entries (see :func:`given_words`)."""
    kept, chosen, group_list = list(records), list(languages), [list(group) for group in groups]
    # Each language's words read once, for its file and for those that borrow them (the
    # language's text, all of it at 10,000 entries).
    own = {language.code: search_words(kept, language.code) for language in chosen}
    files = {}
    for language in chosen:
        borrowed = borrowed_words(
            own[language.code],
            [
                own[code] if code in own else search_words(kept, code)
                for code in language.borrows_words_from.split()
            ],
        )
        # Only where search.js reads participles (French forms): elsewhere 7 KB more to fetch
        # for nothing (Explore asks for the file when it starts).
        reads_participles = language.search_terms == "french"
        given = (
            given_words(group_list, [*own[language.code], *borrowed]) if reads_participles else []
        )
        files[WORDS_FILE.format(language=language.code)] = compact_json(
            {"own": own[language.code], "borrowed": borrowed, **({"given": given} if given else {})}
        )
    return files


def _commonest(spellings: Counter[str]) -> str:
    """The spelling used most, the first alphabetically among as used (the same file from
    the same data)."""
    return min(spellings, key=lambda spelling: (-spellings[spelling], spelling))
