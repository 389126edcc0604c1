"""The vocabulary's synonym groups (data/vocabulary.yaml), as search reads them: which groups
a text uses, and the words of those groups that it lacks (search adds them to its record, so
that a reader's word finds the entries that use another of its group)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from deepscopie.folding import as_written, fold, question_words, whole_words, without_elision
from deepscopie.languages import Language, site_languages
from deepscopie.stemming import indexed_form

# The most words a text is given (see Synonyms.added_to); today's most is 363.
MOST_ADDED = 500
# The most words of a phrase that search looks for the entries' words of (see
# Synonyms.usual_forms; search.js tries each stretch of a question up to this length). Today's
# longest has 7.
PHRASE_WORDS = 8


# A word's pieces joined by a sign other than a hyphen or an apostrophe ("3D+t", "H&E",
# "train/validation"): Pagefind indexes each piece as a word, which means another thing
# alone. Such a member is not given to the texts of its group (see Synonyms.added_to): every
# time-lapse entry had "3D" of "3D+t", and TrackMate came first for "stardist 3d", said to
# have both words. A text that writes it still uses its group.
_JOINED = re.compile(r"[^\W_][^\w\s'’-]+[^\W_]")


class Reading(NamedTuple):
    """What a text says of the synonym groups: the ``groups`` it mentions (their indexes) and
    the words and phrases of them it ``said`` (folded, each word singular)."""

    groups: tuple[int, ...]
    said: frozenset[str]


class Synonyms:
    """The vocabulary's synonym groups, and which of them a text uses.

    A word matches whole, in the singular or the plural (``noyaux`` uses ``noyau``), and not
    as a part of a hyphenated compound ("coding-free" uses neither "coding" nor "free"); a
    phrase of several words matches as written, accents, case, punctuation and plurals aside
    ("z stack" matches "z-stack", "bases de données" "base de données"). A phrase's words
    keep their own groups ("interactive annotation" is annotation too): a word that means
    another thing within a phrase is a group's only in phrases ("les bases du", not "base").

    ``ignored``: words that use no group in the texts read (a language's stop words, folded):
    the English "AI" is the French "ai" of "j'ai", which gave French questions the words of
    artificial intelligence.

    ``counted``: how the search index of the texts' language counts a word (its
    :func:`deepscopie.stemming.indexed_form`; by default, the word without accents): a text is
    not given another form of a word it has.

    ``negating``: the words that, first in a phrase of a group, turn what follows them into
    its opposite ("no", "sans"): what such a phrase negates ("installation" of "no installation",
    "ground truth" of "no ground truth") is no use of its own groups, unless the text says it
    elsewhere. Every entry that runs "without installation" had the words of installation
    problems ("CUDA", "NVIDIA driver"), and webKnossos came first for "CUDA out of memory".

    ``false_friends``: words of the groups that mean another thing in the texts' language
    (French "lecture", a reading): a text does not use a group by them."""

    def __init__(
        self,
        groups: Iterable[Iterable[str]],
        ignored: Iterable[str] = (),
        counted: Callable[[str], str] = as_written,
        negating: Iterable[str] = (),
        false_friends: Iterable[str] = (),
    ) -> None:
        self._counted = counted
        negating_words = frozenset(singular(fold(word)) for word in negating)
        # Each negated phrase (padded, as self._phrases has it), as its words.
        self._negated: dict[str, tuple[str, ...]] = {}
        # And as search.js reads a question (see negated_phrases), with its groups.
        self._negated_keys: dict[str, set[int]] = {}
        self.groups = [tuple(group) for group in groups]
        ignored_words = self._ignored = frozenset(ignored)
        unread = ignored_words | {fold(word) for word in false_friends}
        self._words: dict[str, set[int]] = {}
        # Each form of a word of one piece, with the word it is (folded, singular).
        self._word_members: dict[str, set[str]] = {}
        # Phrases by their first word: only those whose first word occurs are looked for.
        self._phrases: dict[str, list[tuple[str, int]]] = {}
        # Each group's words and phrases, each as a text's reading says it (Reading.said).
        self._members: list[list[tuple[str, str]]] = []
        for index, group in enumerate(self.groups):
            members = []
            for word in group:
                folded = fold(word)
                if " " in folded:
                    words = _singulars(folded)
                    first = words.split(" ", 1)[0]
                    self._phrases.setdefault(first, []).append((f" {words} ", index))
                    members.append((word, words))
                    # What follows a negating first word: "no installation", "sans GPU",
                    # not "ne détecte pas toutes les cellules", which negates the verb
                    # (the cells are still its subject).
                    if first in negating_words:
                        self._negated[f" {words} "] = tuple(words.split())
                        key = self._question_key(word)
                        if len(key.split()) > 1:
                            self._negated_keys.setdefault(key, set()).add(index)
                elif folded not in unread:  # and its plurals: a text's words as is
                    for form in (folded, f"{folded}s", f"{folded}x", singular(folded)):
                        self._words.setdefault(form, set()).add(index)
                        self._word_members.setdefault(form, set()).add(singular(folded))
                    members.append((word, singular(folded)))
            self._members.append(members)
        # Each group's words space by space, keyed by how the search index counts a text's
        # word (see added_to), each at its first place with its first spelling.
        self._spellings: list[dict[str, str]] = []
        for group in self.groups:
            spellings: dict[str, str] = {}
            for word in group:
                for part in word.split():
                    if not _JOINED.search(part):
                        spellings.setdefault(counted(part), part)
            self._spellings.append(spellings)

    def used_by(self, words: str) -> list[int]:
        """The groups (their indexes) that ``words`` mentions."""
        return list(self.reading(words).groups)

    def reading(self, words: str) -> Reading:
        """Which groups ``words`` mentions, and by which of their words and phrases."""
        singulars = _singulars(fold(words))
        padded = f" {singulars} "
        phrases = [
            (phrase, index)
            for first in set(singulars.split()) & self._phrases.keys()
            for phrase, index in self._phrases[first]
            if phrase in padded
        ]
        pieces = whole_words(words) & self._words.keys()
        if negated := [phrase for phrase, _ in phrases if phrase in self._negated]:
            # What a negated phrase says the text lacks ("no ground truth", "pas besoin
            # d'installer") is not a use of its groups, unless the text says it elsewhere.
            text = singulars.split()
            lacked = self._lacked_places(text, negated)
            pieces = {piece for piece in pieces if not _only_at((singular(piece),), text, lacked)}
            phrases = [
                (phrase, index)
                for phrase, index in phrases
                if phrase in self._negated or not _only_at(tuple(phrase.split()), text, lacked)
            ]
        found = {index for _, index in phrases}
        found |= {i for word in pieces for i in self._words[word]}
        said = {phrase.strip() for phrase, _ in phrases}
        said |= {member for word in pieces for member in self._word_members[word]}
        return Reading(tuple(sorted(found)), frozenset(said))

    def _lacked_places(self, text: list[str], negated: list[str]) -> set[int]:
        """The places in ``text`` (its words) of the words that its ``negated`` phrases
        negate: each one's words but the first, wherever it is said."""
        places: set[int] = set()
        for phrase in negated:
            words = self._negated[phrase]
            for start in places_of(words, text):
                places.update(range(start + 1, start + len(words)))
        return places

    def usual_forms(self, said: Iterable[frozenset[str]]) -> dict[str, str]:
        """The phrases of the groups that no text says (``said``: what each text's
        :meth:`reading` found), each with the first word of its group that one says
        ("apprentissage profond": "deep learning", which the French entries say): a question
        that is only such phrases shows first the entries that say those words too
        (search.js, usualWords). Its own words are every text's of the group, at a synonym's
        weight; an entry that said "apprentissage" and "profonds" apart outranked those about
        deep learning, which "deep learning" ranks by their own text.

        Each phrase is keyed as search.js reads a question: without elided words and stop
        words, each word singular, apart by spaces (``d'une frame à l'autre`` is ``frame
        autre``). Not a phrase keyed by a single word (it would stand for every question of
        that word) or by more than ``PHRASE_WORDS``; nor one that has every word of a word
        or phrase of its group that a text says ("artificial neural networks" are the
        "neural networks" they say); nor one of groups that give it different words."""
        used = frozenset().union(*said)
        forms: dict[str, str] = {}
        # A phrase of several groups ("training data": annotation, training set) stands for
        # none of them: its entries are those of either.
        ambiguous: set[str] = set()
        for members in self._members:
            # (A stop word is no group's word here: the French "ai" is not "AI".)
            told = [member for member, key in members if key in used]
            if not told:
                continue
            told_words = [set(self._question_key(member).split()) for member in told]
            for member, key in members:
                if key in used or " " not in key:
                    continue
                words = self._question_key(member)
                keyed = set(words.split())
                if not 2 <= len(words.split()) <= PHRASE_WORDS or any(
                    known and known <= keyed for known in told_words
                ):
                    continue
                if forms.setdefault(words, told[0]) != told[0]:
                    ambiguous.add(words)
        return {words: usual for words, usual in forms.items() if words not in ambiguous}

    def negated_phrases(self) -> dict[str, list[int]]:
        """The phrases that open with a negating word ("sans annotation", "no GPU", "non
        supervisé"), keyed as search.js reads a question (see :meth:`usual_forms`), each with
        the groups it is a phrase of. A question that says one means the phrase, not its
        words apart: "entraîner un modèle sans annotations" opened on the annotation tools,
        which have "annotation" and, in their way of working ("Sans programmer"), "sans"."""
        return {key: sorted(groups) for key, groups in sorted(self._negated_keys.items())}

    def read_as_asked(self, text: str) -> list[str]:
        """The words of ``text`` as search.js compares those of a question with the phrases
        it is given (:func:`question_words`, each singular, the stop words aside)."""
        return [singular(word) for word in question_words(text) if word not in self._ignored]

    def phrases_saying(self, words: Iterable[str]) -> list[str]:
        """The groups' phrases (as written, each once) that have one of ``words`` among
        theirs, read as search.js reads a question's (:meth:`read_as_asked`): search.js
        keeps a word that it otherwise leaves out of a question where the question says one
        of them ("mailing list", "liste de diffusion"; see request_words in
        deepscopie/catalogues/languages.yaml). Not a phrase of one word so read ("la liste";
        "mailing-list" is one word there)."""
        wanted = set(self.read_as_asked(" ".join(words)))
        saying = (
            member
            for group in self.groups
            for member in group
            if len(said := self.read_as_asked(member)) > 1 and wanted.intersection(said)
        )
        return list(dict.fromkeys(saying))

    def negated_groups(self) -> frozenset[int]:
        """The groups of :meth:`negated_phrases`."""
        return frozenset().union(*self._negated_keys.values())

    def _question_key(self, phrase: str) -> str:
        """``phrase`` as search.js reads a question's words (see :meth:`usual_forms`); not
        its filler phrases, which no synonym says (the validator's synonym-filler)."""
        words = fold(without_elision(phrase)).split()
        return " ".join(singular(word) for word in words if word not in self._ignored)

    def gives(self, typed: str, searched: str) -> bool:
        """Whether every text that uses the word ``typed`` is given the word ``searched`` (see
        :meth:`added_to`), or has it, with the same meaning: both in one group, ``searched``
        as one of its words (not a word of one of its phrases: "par" of "apprentissage par
        transfert")."""
        searched_word = fold(searched)
        return any(
            searched_word in {fold(word) for word in self.groups[index]}
            for index in self.used_by(typed)
        )

    def added_to(self, words: str, groups: Sequence[int] | None = None) -> list[str]:
        """The words of the groups that ``words`` mentions which it does not have, each once:
        a word the text has would only add a position to every search of it (a common word's
        search time grows with them), and nothing to what it finds. A word counts as the text
        writes it, accents and case aside: Pagefind indexes "vérité-terrain" and
        "d'apprentissage" as one word each, which "vérité" or "apprentissage" do not give;
        and by its stem: a text that says "segmentation" has "segmented" and "segmenting"
        too, which would double the positions of the commonest words. ``groups``: those
        :meth:`used_by` gives ``words``, when already known."""
        groups = self.used_by(words) if groups is None else groups
        if not groups:
            return []
        # Merged by dictionaries rather than word by word (this runs for every entry in every
        # language: a third of the search records' time at 10,000 entries): a word of several
        # groups takes its place from the first of them, then, the groups taken again from
        # the last, its spelling too.
        merged: dict[str, str] = {}
        for index in groups:
            merged.update(self._spellings[index])
        for index in reversed(groups):
            merged.update(self._spellings[index])
        counted = self._counted
        # Pagefind finds a word by its beginning too: a text that says "bruitées" ("bruite")
        # has "bruité" ("bruit"), one letter shorter, the commonest such pair (a participle's
        # feminine and masculine); the reverse is not so ("bruitée" is not in "bruité").
        present = {form for word in words.split() for form in _with_one_less(counted(word))}
        added = [part for counted, part in merged.items() if counted not in present]
        # Bounded, whatever the vocabulary: a text that used a thousand large groups would
        # carry them all, in each record of each language.
        return added[:MOST_ADDED]


def places_of(words: Sequence[str], text: Sequence[str]) -> list[int]:
    """Where ``words`` start in ``text`` (words both), each time."""
    size, wanted = len(words), tuple(words)
    return [at for at in range(len(text) - size + 1) if tuple(text[at : at + size]) == wanted]


def _only_at(words: tuple[str, ...], text: list[str], places: set[int]) -> bool:
    """Whether ``text`` says ``words`` at ``places`` only (a hyphenated word, one word to
    the groups and two in the text, is never there)."""
    starts = places_of(words, text)
    return bool(starts) and all(
        place in places for start in starts for place in range(start, start + len(words))
    )


def _with_one_less(form: str) -> tuple[str, ...]:
    """A word's form in the search index, and its beginning one letter shorter, which finds
    it (not a short word's: a beginning of three letters begins too many others)."""
    return (form, form[:-1]) if len(form) > 4 else (form,)


def singular(word: str) -> str:
    """A crude singular, the same for a text's words and the groups' (``noyaux``, ``noyau``)."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


# The last letter of each word that singular drops, in a folded text (words apart by spaces).
_PLURAL_END = re.compile(r"(?<=\w{3})[sx](?= |$)")


def _singulars(folded: str) -> str:
    """:func:`singular` of each word of ``folded`` (a text as :func:`fold` writes it)."""
    return _PLURAL_END.sub("", folded)


def language_synonyms(groups: tuple[tuple[str, ...], ...], language: Language) -> Synonyms:
    """The vocabulary's ``groups`` as read in ``language``: a word of its stop words names no
    group there, and a text's words count as its search index counts them (see
    :class:`Synonyms`). Made once per language and groups: the search records, their groups
    and the words that name a task (deepscopie.render.search_jobs) all read them, and each
    group's words are stemmed as they are made."""
    # Any language's: the groups mix them, and a French text says "no-code".
    negating = frozenset(word for one in site_languages() for word in one.negating_words)
    return _language_synonyms(
        groups, language.code, language.stop_word_set, negating, language.false_friends
    )


@lru_cache(maxsize=8)
def _language_synonyms(
    groups: tuple[tuple[str, ...], ...],
    language: str,
    stop_words: frozenset[str],
    negating: frozenset[str],
    false_friends: str,
) -> Synonyms:
    return Synonyms(
        groups,
        ignored=stop_words,
        counted=indexed_form(language),
        negating=negating,
        false_friends=false_friends.split(),
    )
