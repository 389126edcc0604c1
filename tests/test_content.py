"""The real content: everything in the seed documents is in the data, cleaned, in both languages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from deepscopie.knowledge_base import DataFiles, KnowledgeBase, load_knowledge_base
from deepscopie.markdown_links import links_in
from deepscopie.model import Localized
from tests.conftest import REPO

URL = re.compile(r"https?://[^\s<>()\[\]]+")

# Seed addresses whose published form differs, and why.
REPAIRED = {
    # No scheme and tracking parameters in the seed page.
    "amazon.fr/Deep-Learning-Python-Fran%C3%A7ois-Chollet/dp/1617296864": "https://www.amazon.fr/Deep-Learning-Python-Fran%C3%A7ois-Chollet/dp/1617296864",
    "amazon.fr/Deep-Learning-avec-Keras-TensorFlow/dp/2100790668": "https://www.amazon.fr/Deep-Learning-avec-Keras-TensorFlow/dp/2100790668",
    # Tracking or referral parameters removed.
    "https://arxiv.org/pdf/2009.00236.pdf?ref=https://githubhelp.com": "https://arxiv.org/pdf/2009.00236.pdf",
    "https://docs.google.com/presentation/d/1ff6T2KhrSm1NSI3LQCn5IWcE41GKevNmvlES4KBnfXk/edit?urp=gmail_link": "https://docs.google.com/presentation/d/1ff6T2KhrSm1NSI3LQCn5IWcE41GKevNmvlES4KBnfXk/edit",
    "https://forum.image.sc/t/unspecified-error-while-loading-self-trained-stardist-model/71626/10?u=marbre2": "https://forum.image.sc/t/unspecified-error-while-loading-self-trained-stardist-model/71626/10",
    "https://play.google.com/store/apps/details?id=org.plantnet&hl=fr&gl=US": "https://play.google.com/store/apps/details?id=org.plantnet",
    # A text-highlight fragment (#:~:text=) is not part of the address.
    "https://medium.com/analytics-vidhya/learning-rate-decay-and-methods-in-deep-learning-2cee564f910b#:~:text=Learning%20rate%20decay%20is%20a,help%20both%20optimization%20and%20generalization,": "https://medium.com/analytics-vidhya/learning-rate-decay-and-methods-in-deep-learning-2cee564f910b",
    # Empty client-side routes.
    "https://bioimage.io/#/": "https://bioimage.io/",
    "https://stardist.net/#": "https://stardist.net/",
    "https://biaflows-sandbox.neubias.org/#/": "https://biaflows-sandbox.neubias.org/",
    # The canonical host of YouTube playlists, and https where the site serves it.
    "https://youtube.com/playlist?list=PLUukCwr0iCef9M7WUOx9_bJYJpvMxek6F": "https://www.youtube.com/playlist?list=PLUukCwr0iCef9M7WUOx9_bJYJpvMxek6F",
    "https://youtube.com/playlist?list=PLUukCwr0iCefUhA50m8TREn9GpzTwv_fD": "https://www.youtube.com/playlist?list=PLUukCwr0iCefUhA50m8TREn9GpzTwv_fD",
    "http://www.cellpose.org/": "https://www.cellpose.org/",
    # A sentence's full stop was caught by the address.
    "https://keras.io/api/layers/initializers/.": "https://keras.io/api/layers/initializers/",
}
# Seed addresses deliberately kept out of the data.
LEFT_OUT = {
    # Slack profile pages of participants: they identify people and are private.
    "https://anfdeepscopie.slack.com/team/U03DN61U6F4",
    "https://anfdeepscopie.slack.com/team/U03E0QT9NGH",
    "https://anfdeepscopie.slack.com/team/U03E0QTDW2D",
    "https://anfdeepscopie.slack.com/team/U03EBU9355W",
    # A message announcing a video of a vendor presentation, with no link to it.
    "https://anfdeepscopie.slack.com/archives/C03DK92G58V/p1655293493764259",
}
# The seed FAQ, numbered as on the resource page, and where each question lives now.
SEED_FAQ = {
    1: ("slack", "machine-learning-when-classical-methods-fail"),
    2: ("slack", "cellpose-fine-tuning"),
    3: ("slack", "noise-and-training"),
    4: ("slack", "ilastik-separate-touching-objects"),
    5: ("slack", "continuous-membrane-from-discontinuous-staining"),
    6: ("slack", "spatial-molecular-imaging-paper-explained"),
    7: ("slack", "differentiable-loss-versus-activation"),
    8: ("slack", "conv2d-weight-initialisation"),
    9: ("slack", "why-cellpose-works-so-well"),
    10: ("slack", "multichannel-proliferating-lymphocytes"),
    11: ("skype", "optimising-gpu-use"),
    12: ("skype", "how-much-data"),
    13: ("skype", "from-model-driven-to-data-driven"),
    14: ("skype", "time-to-implement"),
    15: ("skype", "variable-learning-rate"),
    16: ("skype", "resizing-images"),
    17: ("skype", "choosing-batch-size"),
    18: ("skype", "keeping-the-best-epoch"),
}


@pytest.fixture(scope="module")
def base() -> KnowledgeBase:
    return load_knowledge_base(DataFiles.in_folder(REPO / "data"))


def _data_text() -> str:
    return "".join(path.read_text(encoding="utf-8") for path in (REPO / "data").glob("*.yaml"))


def _seed_urls(seeds: Path) -> set[str]:
    text = "".join(path.read_text(encoding="utf-8") for path in seeds.glob("0*.txt"))
    schemeless = re.findall(r"\]\((amazon\.fr/[^?\s)]*?/dp/\w+)", text)
    return set(URL.findall(text)) | set(schemeless)


def test_every_seed_address_is_in_the_data_in_its_published_form(seeds: Path) -> None:
    data = _data_text()
    missing = sorted(
        url for url in _seed_urls(seeds) - LEFT_OUT if REPAIRED.get(url, url) not in data
    )
    assert missing == []


def test_the_repaired_forms_replace_the_broken_ones(seeds: Path) -> None:
    assert set(REPAIRED) <= _seed_urls(seeds)
    data = _data_text()
    for broken, repaired in REPAIRED.items():
        assert repaired in data
        assert f" {broken}\n" not in data and f"({broken})" not in data


def test_all_eighteen_seed_faq_entries_are_there_with_their_source(base: KnowledgeBase) -> None:
    sources = {entry.id: entry.source for entry in base.faq}
    assert {number: (sources.get(id_), id_) for number, (_, id_) in SEED_FAQ.items()} == {
        number: (source, id_) for number, (source, id_) in SEED_FAQ.items()
    }


def test_faq_11_has_no_answer_and_is_open(base: KnowledgeBase) -> None:
    entry = next(e for e in base.faq if e.id == SEED_FAQ[11][1])
    assert entry.is_open


def test_slack_threads_missing_from_the_seed_faq_were_added(base: KnowledgeBase) -> None:
    ids = {entry.id for entry in base.faq}
    assert {
        "nuclei-of-different-sizes-without-training",
        "drawing-a-network-diagram",
        "adding-a-convexity-prior",
    } <= ids
    assert len(ids) > len(SEED_FAQ)


def test_tools_named_without_a_link_are_kept_as_needing_one(base: KnowledgeBase) -> None:
    needing = {r.id for r in base.resources if r.url_needed}
    assert {"r-language", "fiji-hyperstacks", "tissue-analyzer", "tissueminer"} <= needing
    assert all(r.url is None for r in base.resources if r.url_needed)


def test_the_link_broken_by_a_space_is_repaired(base: KnowledgeBase) -> None:
    stardist_fiji = base.resource("stardist-fiji")
    assert "https://github.com/stardist/stardist/issues/90" in [
        link.url for link in stardist_fiji.links
    ]


def _published_texts(base: KnowledgeBase) -> Iterator[tuple[str, Localized]]:
    vocabulary = base.vocabulary
    for category in vocabulary.categories:
        yield f"category {category.id}", category.name
        if category.intro:
            yield f"category {category.id} intro", category.intro
        for sub in category.subcategories:
            yield f"sub-category {sub.id}", sub.name
    for term in (*vocabulary.types, *vocabulary.tags):
        yield f"term {term.id}", term.name
    for resource in base.resources:
        yield f"resource {resource.id} title", resource.title
        yield f"resource {resource.id} description", resource.description
        for link in resource.links:
            yield f"resource {resource.id} link", link.label
        for author in resource.authors:
            yield f"resource {resource.id} author", Localized(fr=author, en=author)
    for entry in base.faq:
        yield f"faq {entry.id} question", entry.question
        if entry.answer:
            yield f"faq {entry.id} answer", entry.answer


def _participant_names(seeds: Path) -> set[str]:
    archive = next(seeds.glob("000_*.txt")).read_text(encoding="utf-8")
    # A message starts with its author: "name  [4:23 PM](https://….slack.com/archives/…)".
    speakers = re.findall(
        r"^([^\n\[\]!]+?)[ \u00a0]{2,}\[[^\]]*\]\(https://\w+\.slack\.com/archives/",
        archive,
        flags=re.MULTILINE,
    )
    mentions = re.findall(r"\[@([^\]]+)\]", archive)
    # People the seeds name in running text rather than as speakers.
    named_in_text = ["N Goudin", "B. Vernay", "T Pécot", "vernay"]
    words = set()
    for name in [*speakers, *mentions, *named_in_text]:
        words |= {part.lower() for part in re.split(r"[\s.]+", name) if len(part) > 3}
    return words


def test_no_participant_is_named_in_published_text(base: KnowledgeBase, seeds: Path) -> None:
    names = _participant_names(seeds)
    assert {"legoff", "breuilly", "fallet", "pécot", "vernay"} <= names  # the parser found them
    found = [
        (where, name)
        for where, text in _published_texts(base)
        for language in ("fr", "en")
        for name in names
        if re.search(rf"\b{re.escape(name)}\b", text.get(language), flags=re.IGNORECASE)
    ]
    assert found == []


def test_private_slack_links_are_only_provenance(base: KnowledgeBase) -> None:
    leaks = [
        where
        for where, text in _published_texts(base)
        for language in ("fr", "en")
        if "slack.com" in text.get(language) or "seafile" in text.get(language)
    ]
    assert leaks == []
    urls = [r.url for r in base.resources] + [link.url for r in base.resources for link in r.links]
    assert not [url for url in urls if url and "slack.com" in url]


def test_long_texts_are_translated_not_copied(base: KnowledgeBase) -> None:
    untranslated = [
        where
        for where, text in _published_texts(base)
        if ("description" in where or "question" in where or "answer" in where or "intro" in where)
        and text.get("fr") == text.get("en")
    ]
    assert untranslated == []


def test_links_in_answers_are_the_same_in_both_languages(base: KnowledgeBase) -> None:
    for entry in base.faq:
        if entry.answer:
            assert links_in(entry.answer.get("fr")) == links_in(entry.answer.get("en")), entry.id
        assert links_in(entry.question.get("fr")) == links_in(entry.question.get("en")), entry.id


def test_every_category_has_resources(base: KnowledgeBase) -> None:
    used = {r.category for r in base.resources}
    assert [c.id for c in base.vocabulary.categories if c.id not in used] == []
