// The Explore page: fetches the entries (entries.json, beside the page), filters them with AND
// between facets and OR within one (AND within the tags: see EVERY_CHOICE in
// deepscopie/render/explore.py), shows counts next to each choice (how many entries that
// choice would show with the other filters kept, or "+n", how many it would add to those of
// its facet's choices ticked; a choice that would show or add none is disabled),
// filters by words ignoring accents, sorts, and keeps the state in the address (so that a
// filtered view can be shared, and Back undoes a change). Each entry is a card: title (its
// permalink), type, category, first sentence, language, tags, link status. Only a batch of
// the matching entries becomes elements at a time ("show more" adds the next), so 10,000
// entries stay quick.
(function () {
  "use strict";
  const root = document.querySelector("[data-ds-explore]");
  if (!root) return;
  // Without search.js's helpers there is nothing to filter with: reader.js gives the links
  // of the page without script back, as to any page where this script did not run to the end.
  if (!window.deepscopie) return;
  const form = root.querySelector("[data-ds-form]");
  const panel = form.querySelector("[data-ds-filters]"); // the facets, folded on a phone
  const list = root.querySelector("[data-ds-list]");
  const more = root.querySelector("[data-ds-more]");
  const count = root.querySelector("[data-ds-count]");
  const countLine = count.parentElement;
  const bar = root.querySelector("[data-ds-bar]");
  const sort = root.querySelector("[data-ds-sort]");
  const toggle = root.querySelector("[data-ds-toggle]");
  const toggleText = toggle.textContent;
  const chips = root.querySelector("[data-ds-chips]");
  const empty = root.querySelector("[data-ds-empty]");
  const emptyText = empty.querySelector("[data-ds-empty-text]");
  const waysOut = empty.querySelector("[data-ds-ways]"); // (none in a page cached from before)
  const undoButton = empty.querySelector("[data-ds-undo]");
  const spokenWhy = root.querySelector("[data-ds-spoken-why]");
  const nearName = empty.querySelector("[data-ds-near-name]");
  const searchSite = empty.querySelector("[data-ds-search-site]");
  // The same after the list, when the words found resources (none in a page cached from before).
  const searchFoot = root.querySelector("[data-ds-search-site-foot]");
  const fallback = root.querySelector("[data-ds-fallback]");
  const batch = Number(root.dataset.dsBatch) || 200;
  const facets = Array.from(form.querySelectorAll("fieldset[data-facet]"), (set) => set.dataset.facet);
  // The facets whose choices an entry must all have (the tags), not one of them.
  const everyChoice = new Set(Array.from(form.querySelectorAll("fieldset[data-ds-every]"), (set) => set.dataset.facet));
  const hasChoices = (entry, facet, values) =>
    everyChoice.has(facet) ? values.every((value) => entry.values[facet].includes(value)) : values.some((value) => entry.values[facet].includes(value));
  // An entry's values of a facet as a list (the entries file gives one value as itself, and
  // none as nothing). A list and not a set: an entry has one to a few values, and 10,000
  // entries' sets took tens of milliseconds before the list first showed (bench/explore.py).
  const NO_VALUE = Object.freeze([]);
  const listed = (value) => (value == null ? NO_VALUE : Array.isArray(value) ? value : [value]);
  const { fold, filled, forCount } = window.deepscopie; // search.js's, loaded before this script
  // (A browser's older copy of search.js, beside this one, has none: the words as typed.)
  const withoutDirectionControls = window.deepscopie.withoutDirectionControls || ((text) => text);
  const withoutElision = window.deepscopie.withoutElision || ((text) => text);
  // (search.js's too; a browser's older copy of it, beside this one, has none: a moment later.)
  const whenIdle = window.deepscopie.whenIdle || ((work) => setTimeout(work, 200));
  // The typed words as the page says them back (a chip, the empty result, the site search's
  // button, the tab's title): their first ECHOED characters, without those that set the
  // text's direction (see withoutDirectionControls). A pasted page of 1,800 was said three
  // times in full, and on a phone pushed the field 2,000 px down, out of sight.
  const ECHOED = 60;
  const echoed = (typed) => {
    const said = withoutDirectionControls(typed);
    const letters = Array.from(said);
    return letters.length > ECHOED ? `${letters.slice(0, ECHOED - 1).join("").trimEnd()}…` : said;
  };
  // What a question asks for: either side of "napari ou fiji", each as its meaningful words
  // (search.js's, as the header's search reads a question; plain words without its dialog).
  const askedFor = window.deepscopie.askedFor || ((typed) => [fold(typed).split(/\s+/).filter(Boolean)]);
  // The facets whose names a card shows, and a reader may type ("débutants", "Segmenter").
  const NAMED_FACETS = ["task", "way", "category", "type", "tag", "language"];
  const boxes = (facet) => Array.from(form.querySelectorAll(`input[name="${facet}"]`));
  const phone = window.matchMedia("(max-width: 59.9375em)");
  let names = {};
  let foldedNames = {}; // names, folded as typed words are: those of NAMED_FACETS
  let notices = {}; // what a card says beside the facets' values (entries_json)
  // Badges for what readers must know before following a link: a resource that is no longer
  // active, code not maintained for a year, named as their filters name them.
  const badge = (facet, value) => span(`ds-badge ds-badge--${value}`, names[facet]?.[value] || value);
  let entries = [];
  let matching = [];
  let shown = 0;
  // The filters in the order the reader set them (boxes, and the typed words' field), so
  // "remove the last filter" undoes the last.
  let history_ = [];
  const typedField = form.elements.q;
  const isSet = (filter) => (filter === typedField ? Boolean(filter.value.trim()) : filter.checked);
  // The filters set now: the typed words, the boxes ticked.
  const setFilters = () => [typedField, ...form.querySelectorAll("input[type=checkbox]:checked")].filter(isSet);
  // ...in the order they were set (those of an address first, in its order).
  const filtersInOrder = () => [...history_.filter(isSet), ...setFilters().filter((filter) => !history_.includes(filter))];

  function chosen() {
    return Object.fromEntries(facets.map((facet) => [facet, boxes(facet).filter((box) => box.checked).map((box) => box.value)]));
  }

  // A word matches the words of an entry that begin with it ("segment" finds
  // "segmentation", "AI" does not find "Paintera"), and a plural its singular said whole
  // ("noyaux" finds "noyau", "cells" "cell"; "mass" and "virus" are no plurals; see phraseWord).
  // (After the form search gives the word: "entraînées" found nothing, "entraîné" 33 entries.)
  const asSearched = window.deepscopie.asSearched || ((word) => word);
  const isParticiple = window.deepscopie.isParticiple || (() => false);
  const singular = (typed) => {
    const word = asSearched(typed);
    return word.length > 3 && /(?:[^su]s|ux)$/.test(word) ? word.slice(0, -1) : word;
  };
  // The singulars a plural may have, in either language (a word that is none, itself):
  // "noyaux" "noyau", "cells" "cell", English's "batches" "batch", "libraries" "library"
  // (read as French plurals, "batche" and "librarie" were in no entry), and a processor's
  // "gpus" "gpu" ("virus" is none). Whole words (see phraseWord), so that a wrong one
  // ("plus" "plu") finds nothing.
  const singulars = (typed) => {
    const word = asSearched(typed);
    const forms = new Set([singular(typed)]);
    if (word.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(word)) forms.add(word.slice(0, -2));
    if (word.length > 4 && word.endsWith("ies")) forms.add(`${word.slice(0, -3)}y`);
    if (word.length === 4 && word.endsWith("us")) forms.add(word.slice(0, -1));
    return [...forms];
  };
  // A verb's form stands for its verb: its stem begins the verb's other forms and nouns, as
  // search finds them ("cells counted", "labelled images" found nothing; see verbStem in
  // search.js), and the verb's group is its group, by the forms the groups list ("count",
  // "denoise", "classify", "labelling", "process", French "compter"); a French participle's
  // too ("données étiquetées" found nothing: its group has "étiqueter").
  const verbStem = window.deepscopie.verbStem || (() => null);
  const participleStem = window.deepscopie.participleStem || (() => null);
  const VERB_FORMS = ["", "e", "y", "ing", "er"];
  const verbForms = (word) => {
    const stem = verbStem(asSearched(word)) || participleStem(word);
    return stem ? [stem, stem + stem.at(-1)].flatMap((one) => VERB_FORMS.map((ending) => one + ending)) : [];
  };
  // What a word's matches begin with: the word as searched, or its verb's stem.
  const beginningOf = (word) => verbStem(asSearched(word)) || asSearched(word);
  const escaped = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A word also stands for its synonym groups (data/vocabulary.yaml, as in the header's
  // search): "denoise" finds the entries that say "denoising" or "débruitage", "annotate"
  // those of "annotation". Which groups an entry's text uses is read as search reads it
  // (entry_groups in deepscopie/render/search_records.py: whole words and phrases, not the
  // beginning of another word, "collés" of "collects", nor the name of its category).
  // Read at the first word typed, not when the page starts: building it then made the
  // first click on a filter half as long again (bench/explore.py).
  let synonymGroups = [];
  let groupsOf = null;
  function groupsOfWord(word) {
    if (!groupsOf) {
      groupsOf = new Map();
      synonymGroups.forEach((group, index) => {
        for (const one of group.map(fold)) {
          if (one.includes(" ")) continue; // a phrase is found, not typed word by word
          for (const form of new Set([one, ...singulars(one)])) groupsOf.set(form, [...(groupsOf.get(form) || []), index]);
        }
      });
    }
    const found = [word, ...singulars(word), ...verbForms(word)].find((form) => groupsOf.has(form));
    return found ? groupsOf.get(found) : [];
  }
  // What a word or a phrase asks of an entry: its text has them (see phraseWord), or it
  // uses one of their groups.
  // A phrase's words in a text may have little words between them, which askedFor leaves out
  // ("jeu de données", "matériel et puissance de calcul": the names of a type and a category,
  // typed, missed the entries of that type and category).
  const BETWEEN_WORDS = "[^\\p{L}\\p{N}]+(?:\\p{L}{1,3}[^\\p{L}\\p{N}]+){0,2}";
  // A phrase's word of one or two letters is whole there: "no annotation" is not in "nombre
  // d'annotations", nor "T cells" in "the FAQ. Cellpose". Other words are beginnings, but a
  // plural's singular is a whole word, not the beginning of another ("logs" found the 60
  // French entries that say "logiciel", "cours" those of "courbe", "formats" the courses,
  // "formation", "temps" Multi-Template-Matching, "notes" "notebook"); but a French
  // participle's singular begins its other forms and its verb's words ("entraînés" finds
  // "entraînée", "entraînement" and "entraîner", as search does).
  const phraseWord = (word, alone) => {
    if (alone && Array.from(word).length <= 2) return `${escaped(word)}(?![\\p{L}\\p{N}])`;
    const searched = asSearched(word);
    const begins = beginningOf(word);
    const ones = singulars(word).filter((one) => one !== searched);
    if (!ones.length) return `${escaped(begins)}\\p{L}*`;
    // (Only its French singular: "classes", folded as "classés", keeps "class" whole.)
    const french = isParticiple(word) ? singular(word) : null;
    const begun = [begins, ...ones.filter((one) => one === french)].map(escaped).join("|");
    const whole = ones.filter((one) => one !== french).map(escaped).join("|");
    return whole ? `(?:(?:${begun})\\p{L}*|(?:${whole})(?![\\p{L}\\p{N}]))` : `(?:${begun})\\p{L}*`;
  };
  // Where a text says the words (a word, or a phrase's words in order).
  const saying = (words) =>
    new RegExp(`(?:^|[^\\p{L}\\p{N}])${words.map((word) => phraseWord(word, words.length > 1)).join(BETWEEN_WORDS)}`, "u");
  const asking = (words, groups) => ({ words, text: saying(words), groups: new Set(groups) });
  const answers = (entry, asked) => asked.text.test(wordsOf(entry)) || (entry.groups || []).some((group) => asked.groups.has(group));
  // What words typed are looked for in: an entry's text with the names of its facets'
  // values in the page's language ("débutants", "Segmenter"), and the names of its kind.
  // Each made the first time words ask for the entry, not for the list's first showing.
  const wordsOf = (entry) => {
    if (entry.words === undefined) {
      const named = NAMED_FACETS.flatMap((facet) => listed(entry[facet]).map((value) => foldedNames[facet][value] || ""));
      entry.words = `${entry.text} ${named.join(" ")}`;
    }
    return entry.words;
  };
  const kindOf = (entry) => (entry.kind ??= `${foldedNames.type[entry.type] || ""} ${foldedNames.category[entry.category] || ""}`);

  // A group's phrase typed as such ("image pleine de grain", "cells stuck together") stands
  // for its group, as the header's search gives it (its entries carry the group's words):
  // word by word, its words ("pleine", "stuck") are in no entry's text. Each phrase as the
  // question is read (askedFor: folded, its stop words left out), the longest first.
  let groupPhrases = null; // every group's, once all are read
  let phrasesRead = [];
  let groupsRead = 0;
  function readPhrasesOfGroup(index) {
    for (const member of synonymGroups[index].map(fold)) {
      const sides = member.includes(" ") ? askedFor(member) : [];
      const words = sides.length === 1 && sides[0].length > 1 ? sides[0] : null;
      if (words) phrasesRead.push({ words, forms: words.map(singulars), index });
    }
  }
  function phrasesOfGroups() {
    if (!groupPhrases) {
      while (groupsRead < synonymGroups.length) readPhrasesOfGroup(groupsRead++);
      groupPhrases = phrasesRead.sort((a, b) => b.words.length - a.words.length);
    }
    return groupPhrases;
  }
  function forgetGroups() {
    groupsOf = groupPhrases = null;
    phrasesRead = [];
    groupsRead = 0;
  }
  // The groups' phrases read ahead, while the page waits for the reader: read at the first
  // word typed, they were most of its wait (65 ms of 110, bench/explore.py). A slice at a
  // time, so that a box ticked meanwhile waits for no more than one; one reading at a time
  // (it goes on from the start if the language's words come meanwhile, see forgetGroups).
  const SLICE_MS = 8;
  let readingAhead = false;
  function readGroupsAhead() {
    if (readingAhead || groupPhrases) return;
    readingAhead = true;
    whenIdle(readASlice, { orAfter: 200 });
  }
  function readASlice(idle) {
    const until = performance.now() + Math.min(SLICE_MS, idle ? idle.timeRemaining() : SLICE_MS);
    do {
      if (groupsRead < synonymGroups.length) readPhrasesOfGroup(groupsRead++);
    } while (groupsRead < synonymGroups.length && performance.now() < until);
    if (groupsRead < synonymGroups.length) return whenIdle(readASlice, { orAfter: 200 });
    readingAhead = false;
    phrasesOfGroups(); // (their order: the longest first)
  }
  // What one side of a question asks each entry: per word, or per phrase of a group, its
  // words in the singular or the plural ("sans annotations" is the group's "sans
  // annotation": word by word, it found the 22 annotation tools, which have "annotation"
  // and, in their way of working, "Sans programmer").
  function patternsOf(side) {
    const patterns = [];
    // (Each word's singulars read once, not for each phrase it is compared with.) A verb's
    // form is its verb there too ("mesurant la taille" is the group's "mesurer la taille").
    const typedForms = side.map((word) => [...singulars(word), ...verbForms(word)]);
    const same = (at, word, forms) =>
      at < side.length && (side[at] === word || typedForms[at].some((one) => forms.includes(one)));
    for (let at = 0; at < side.length; ) {
      const phrase = phrasesOfGroups().find(({ words, forms }) => words.every((word, i) => same(at + i, word, forms[i])));
      patterns.push(phrase ? asking(phrase.words, [phrase.index]) : asking([side[at]], groupsOfWord(side[at])));
      at += phrase ? phrase.words.length : 1;
    }
    return patterns;
  }

  const hasWords = (entry, asked) => !asked.length || asked.some((side) => side.every((pattern) => answers(entry, pattern)));
  const hasFacets = (entry, choice, ignored) =>
    facets.every((facet) => facet === ignored || !choice[facet].length || hasChoices(entry, facet, choice[facet]));
  const matches = (entry, choice, asked, ignored) => hasWords(entry, asked) && hasFacets(entry, choice, ignored);

  const tagBoxes = new Map(boxes("tag").map((box) => [box.value, box]));
  const tagBox = (tag) => tagBoxes.get(tag);
  // A card's tag pressed: its filter set (last, as a box ticked) or taken off; the focus on
  // the count, which says what came (the card may be gone with the change).
  function pressTag(tag) {
    const box = tagBox(tag);
    if (!box) return;
    box.checked = !box.checked;
    history_ = history_.filter((filter) => filter !== box);
    if (box.checked) history_.push(box);
    changed();
    // The new list from its start: on a phone the count, in the bar, is always in view, and
    // focusing it left a reader who tapped the 40th card's tag near the end of the new list.
    resultsFromTheirStart();
    countLine.focus({ preventScroll: true });
  }

  // A group of ways of working and its ways ("Sans programmer", then "Application
  // graphique"…, indented under it) are chosen one level at a time: the group takes in its
  // ways (choices within a facet add up), so a way ticked under its ticked group changed
  // nothing, though its count promised fewer entries. Ticking one unticks the other level.
  function oneLevelOf(box) {
    for (const other of otherLevel(box)) {
      if (!other.checked) continue;
      other.checked = false;
      history_ = history_.filter((filter) => filter !== other);
    }
  }
  // The boxes of the other level than `box`'s: its group's, or its ways' (read once: every
  // change counts what each choice would give).
  const levels = new Map();
  function otherLevel(box) {
    if (!levels.has(box)) levels.set(box, readOtherLevel(box));
    return levels.get(box);
  }
  function readOtherLevel(box) {
    const label = box.closest("label");
    const labels = Array.from(label.parentElement.children).filter((one) => one.tagName === "LABEL");
    const nested = (one) => one.classList.contains("ds-explore__sub");
    const at = labels.indexOf(label);
    let others = [];
    if (nested(label)) {
      const group = labels.slice(0, at).reverse().find((one) => !nested(one));
      others = group ? [group] : [];
    } else {
      const after = labels.slice(at + 1);
      const end = after.findIndex((one) => !nested(one));
      others = end < 0 ? after : after.slice(0, end);
    }
    return others.map((one) => one.querySelector("input"));
  }

  function span(className, text) {
    const element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  // An address of the site's own list, and its entries' links, only where a page may lead:
  // the list comes from the page's markup, which a hand-written page could imitate
  // ("javascript:…" links, a list from elsewhere); the build cleans such pages, and this
  // script trusts nothing it does not need to.
  const ownOrigin = (address) => new URL(address, document.baseURI).origin === location.origin;
  const SAFE_PROTOCOLS = new Set(["http:", "https:", "file:"]);
  function safeHref(href) {
    try {
      return SAFE_PROTOCOLS.has(new URL(href, document.baseURI).protocol) ? href : "#";
    } catch {
      return "#"; // not an address at all
    }
  }

  function card(entry) {
    const li = document.createElement("li");
    li.id = `explore-${entry.id}`;
    li.className = "ds-card";
    const link = document.createElement("a");
    link.className = "ds-card__title";
    link.href = safeHref(String(entry.href));
    link.textContent = entry.title;
    if (entry.title_lang) link.lang = String(entry.title_lang); // read in its own language
    li.append(link);
    if (entry.lifecycle && entry.lifecycle !== "active") li.append(" ", badge("lifecycle", entry.lifecycle));
    for (const value of listed(entry.maintenance)) if (value !== "recent") li.append(" ", badge("maintenance", value));
    if (entry.activity) li.append(" ", span("ds-explore__activity", entry.activity));
    const kind = [names.type?.[entry.type], names.category?.[entry.category]].filter(Boolean).join(" · ");
    li.append(span("ds-card__where ds-explore__where", kind));
    if (entry.summary) li.append(span("ds-card__summary", entry.summary));
    const facts = [listed(entry.language).map((code) => names.language?.[code] || code).join(", ")];
    // Sorted by year, an entry without one says so: after the last year, the list went on
    // with entries in no order a reader could see.
    if (entry.year) facts.push(String(entry.year));
    else if (sort.value === "year") facts.push(root.dataset.dsNoYearText);
    if (entry.status && names.status) facts.push(names.status[entry.status] || entry.status);
    if (entry.url_needed) facts.push(notices.url_needed);
    li.append(span("ds-card__facts", facts.filter(Boolean).join(" · ")));
    if (entry.tag?.length) {
      const tags = span("ds-card__tags", "");
      // Each a button that filters by it (or no more): they looked like buttons, and a reader
      // who tapped "noyaux" on a card got nothing.
      for (const tag of entry.tag) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "md-tag ds-explore__tag";
        button.dataset.tag = tag;
        button.textContent = names.tag?.[tag] || tag;
        button.setAttribute("aria-pressed", String(Boolean(tagBox(tag)?.checked)));
        tags.append(button, " ");
      }
      li.append(tags);
    }
    return li;
  }

  function showMore(focus) {
    const next = matching.slice(shown, shown + batch);
    const fragment = document.createDocumentFragment();
    for (const entry of next) fragment.append(card(entry));
    list.append(fragment);
    if (focus && next.length) list.children[shown].querySelector("a").focus();
    shown += next.length;
    const left = matching.length - shown;
    more.hidden = left === 0;
    // The last batch is said as such: "Afficher 1 de plus (1 restantes)" when 201 matched.
    const last = forCount(left, { one: root.dataset.dsMoreLastOneText, other: root.dataset.dsMoreLastText });
    more.textContent = filled(left > batch ? root.dataset.dsMoreText : last, { n: Math.min(batch, left), left });
  }

  // Relevance to the typed words: in the title counts most, then in the name of the entry's
  // kind (its type or category: "course" first finds the courses, not the images shared on
  // "the course's Slack"), then how early in the text. Each where a word begins
  // ("formation" is not in "Information", which came first), and the kind also, less, by a
  // word of the typed word's groups ("formation": the courses, their kind "Cours", before
  // the entries that name "le Slack de la formation"; "cours": the courses, then the
  // tutorials).
  const wordStart = (forms) => new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${forms.map(escaped).join("|")})`, "u");
  const groupKindPattern = (word) => {
    const groupWords = groupsOfWord(word).flatMap((index) => synonymGroups[index].map(fold).filter((one) => !one.includes(" ")));
    return groupWords.length ? wordStart([...new Set(groupWords.map(singular))]) : null;
  };
  // A verb's form said as typed ranks first, then its verb's other forms ("trained networks":
  // the entries that say "trained", then those that say "training", a title's first).
  const SAID_AS_TYPED = 100;
  const asTyped = (word) => (beginningOf(word) === asSearched(word) ? null : wordStart([asSearched(word)]));
  // A word that names a task (of the group of its id or of its name's verb: "segmentation" of
  // "Segmenter", "débruitage" of "Débruiter et restaurer") ranks the entries of that task as
  // its box ticked does (see taskRank), before those that only say the word: Cellpose came
  // 15th for "segmentation", after a survey of transformers that says it sooner. (Below a
  // kind named, 5.)
  function tasksNamed(word) {
    const groups = new Set(groupsOfWord(word));
    const verb = (task) => (foldedNames.task[task] || "").split(" ")[0];
    const named = (task) => [task, verb(task)].some((name) => groupsOfWord(name).some((group) => groups.has(group)));
    return groups.size ? Object.keys(foldedNames.task || {}).filter(named) : [];
  }
  const TASK_NAMED = 2;
  function taskNamedScore(entry, tasks) {
    const own = listed(entry.task);
    if (!tasks.length || !own.some((task) => tasks.includes(task))) return 0;
    return TASK_NAMED + (listed(entry.way).length ? 1 : 0) + (tasks.includes(own[0]) ? 1 : 0);
  }
  function relevance(entry, starts, titleStarts, groupKinds, typedForms, namedTasks) {
    const title = fold(entry.title);
    let score = 0;
    starts.forEach((start, at) => {
      if (typedForms[at] && typedForms[at].test(wordsOf(entry))) score += SAID_AS_TYPED;
      if (titleStarts[at].test(title)) score += 10;
      if (start.test(kindOf(entry))) score += 5;
      else if (groupKinds[at] && groupKinds[at].test(kindOf(entry))) score += 3;
      score += taskNamedScore(entry, namedTasks[at]);
      const place = wordsOf(entry).search(start);
      if (place >= 0) score += 1 + 1 / (1 + place);
    });
    return score;
  }

  // Relevance to the tasks chosen: what a reader works with (an entry that says how, its ways
  // of working) before what only tells of the task, a dataset, a video, a paper ("Segmenter"
  // opened on Cellpose's dataset, "Classer" on the MNIST digits); then, as an entry lists its
  // tasks main one first (data/), the tools whose main task it is before those that also do
  // it ("Segmenter": Cellpose and ilastik before the annotation tools that segment too).
  const NOT_WORKED_WITH = 1000; // more than any entry's count of tasks
  function taskRank(entry, tasks) {
    const own = listed(entry.task);
    const places = tasks.map((task) => own.indexOf(task)).filter((at) => at >= 0);
    const place = places.length ? Math.min(...places) : own.length;
    return listed(entry.way).length ? place : NOT_WORKED_WITH + place;
  }

  // A resource a reader cannot use today (it stopped, or its link is broken) after those it
  // ties with in relevance, as search shows it: with only filters set, a discontinued
  // service came first of its category.
  const later = (entry) => (entry.later ? 1 : 0);
  // Then what the knowledge base cites most (entries.json, see times_cited in
  // deepscopie/render/search_names.py): "Segmenter" opened on ITK-SNAP, first in the data,
  // with Cellpose, StarDist and ilastik after it.
  const cited = (entry) => (Number.isFinite(entry.cited) ? entry.cited : 0);
  // Titles in the page's language's order; entries of the same date or year in that order
  // too (they came in the data's, which a reader could not make sense of: entries without a
  // year, all last when sorted by year). One collator: localeCompare makes one per call.
  const titles = new Intl.Collator(document.documentElement.lang || undefined);
  const byTitle = (a, b) => titles.compare(a.title, b.title);
  // A task typed alone ("segmentation", read as the header's search reads it:
  // taskTypedAlone) lists first the task's leads, what its box lists first, as that search
  // opens on them (entries.json's `lead`, see deepscopie/render/search_leads.py): Cellpose
  // came ninth for "segmentation", after papers titled with the word. Then the others by
  // relevance to the words.
  const NOT_A_LEAD = Number.MAX_SAFE_INTEGER;
  const leadPlace = (entry, task) => {
    const value = listed(entry.lead).find((one) => one.slice(0, one.lastIndexOf("-")) === task);
    return value ? Number(value.slice(value.lastIndexOf("-") + 1)) : NOT_A_LEAD;
  };
  function ordered(found, words, tasks, typedTask = null) {
    const by = sort.value;
    const sorted = found.slice();
    if (by === "title") return sorted.sort(byTitle);
    if (by === "added") return sorted.sort((a, b) => (a.added < b.added) - (a.added > b.added) || byTitle(a, b));
    if (by === "year") return sorted.sort((a, b) => (b.year || 0) - (a.year || 0) || byTitle(a, b));
    if (words.length || tasks.length) {
      // Where each word is, as the list is filtered (see phraseWord: "logs" is no "Logiciel").
      const starts = words.map((word) => saying([word]));
      // In a title of the list, a plural's singular may begin a name: "labels" ranks
      // LabelImg and Labelme first, listed for their group, as "label" does (and, less
      // usefully, a "Logiciel…" title of an entry that says "logs", listed for saying it).
      const titleStarts = words.map((word) => wordStart([beginningOf(word), ...singulars(word)]));
      const groupKinds = words.map(groupKindPattern);
      const typedForms = words.map(asTyped);
      const namedTasks = words.map(tasksNamed);
      const scores = new Map(
        sorted.map((entry) => [entry, words.length ? relevance(entry, starts, titleStarts, groupKinds, typedForms, namedTasks) : 0]),
      );
      const ranks = new Map(sorted.map((entry) => [entry, tasks.length ? taskRank(entry, tasks) : 0]));
      const byRelevance = (a, b) =>
        scores.get(b) - scores.get(a) || ranks.get(a) - ranks.get(b) || later(a) - later(b) || cited(b) - cited(a);
      if (!typedTask) return sorted.sort(byRelevance);
      return sorted.sort((a, b) => leadPlace(a, typedTask) - leadPlace(b, typedTask) || byRelevance(a, b));
    }
    // All tie: in the entries file's order, the usable ones first, then the most cited
    // (listed_order in deepscopie/render/search_leads.py; not sorted here: the 10,000 entries
    // would be ordered again at each change). The usable ones first again, for a file cached
    // from before that order.
    return [...found.filter((entry) => !later(entry)), ...found.filter(later)];
  }

  // The list and the counts for the filters set; `remember`, how they changed (false: the
  // address gave them), kept in the address.
  let viewShown = null; // the address's query the list shows
  // The resources the words leave out ("segmentation sans napari": the entries that said both
  // were all that was shown, and there were none), read by the header's search, which has
  // the resources' names (see exclusionIn): the list is drawn again once they have come,
  // for alternatives too, read by them (askedFor). (A cached older search.js reads none.)
  let exclusionRead = { typed: null, read: null }; // the last words read so
  function exclusionOf(typed) {
    if (exclusionRead.typed === typed) return exclusionRead.read;
    const reading = window.deepscopie.exclusionIn ? window.deepscopie.exclusionIn(typed) : null;
    const coming = reading instanceof Promise;
    exclusionRead = { typed, read: coming ? null : reading };
    if (coming) {
      // (Not drawn again for nothing: a list drawn under the pointer takes its click.)
      const readBefore = JSON.stringify(askedFor(typed));
      reading.then((read) => {
        if (exclusionRead.typed !== typed) return;
        exclusionRead.read = read;
        if (read || JSON.stringify(askedFor(typed)) !== readBefore) update(false);
      });
    }
    return exclusionRead.read;
  }

  // What a question for another of a resource asks for when it says nothing else
  // ("alternative à ilastik", "un truc comme cellpose"): what does its job, the main task of
  // its own entry (its first, data/), as the header's search lists it (withAlternatives).
  function jobOfAnother(exclusion) {
    if (!exclusion || !exclusion.another || !exclusion.isOwn) return null;
    const own = entries.find((entry) => exclusion.isOwn(entry.title) && listed(entry.task).length);
    return own ? listed(own.task)[0] : null;
  }

  function update(remember) {
    const choice = chosen();
    const exclusion = exclusionOf(typedField.value);
    const question = exclusion ? exclusion.kept : typedField.value;
    const words = askedFor(question);
    const asked = words.map(patternsOf);
    const left = exclusion ? entries.filter((entry) => !exclusion.leftOut(entry.title, entry.plugs_into)) : entries;
    const job = asked.length ? null : jobOfAnother(exclusion);
    // The entries that have the words, read once for the list and each facet's counts (each
    // read the 10,000 entries' texts again: a word typed took 380 ms, bench/explore.py).
    const withWords = asked.length
      ? left.filter((entry) => hasWords(entry, asked))
      : job
        ? left.filter((entry) => listed(entry.task).includes(job))
        : left;
    const tasks = [...(choice.task || []), ...(job ? [job] : [])];
    const typedTask = asked.length && window.deepscopie.taskTypedAlone ? window.deepscopie.taskTypedAlone(question) : null;
    matching = ordered(withWords.filter((entry) => hasFacets(entry, choice, null)), words.flat(), tasks, typedTask);
    count.textContent = matching.length;
    // On a phone the filters fold away: their button says how many are set in its panel (not
    // the words, in view over it: "Filters (1)" opened on nothing set).
    const set = setFilters().filter((filter) => filter !== typedField);
    toggle.textContent = set.length ? `${toggleText} (${set.length})` : toggleText;
    showChips();
    const said = forCount(matching.length, { one: root.dataset.dsCountOne, other: root.dataset.dsCountOther });
    // ...and those left out, said before: a wrong exclusion would otherwise go unseen; and
    // the job listed for another of a resource ("Pour « Segmenter », hors « ilastik » :").
    const another = job && filled(root.dataset.dsAnotherText || "", { task: names.task?.[job] || job, q: exclusion.named });
    const leftOut = exclusion ? [`${another || exclusion.said} `] : [];
    countLine.replaceChildren(...leftOut, ...said.split("{n}").flatMap((part, i) => (i ? [count, part] : [part])));
    empty.hidden = matching.length > 0;
    const typed = typedField.value.trim();
    explainEmpty(asked, question.trim(), withWords);
    offerWaysOut(choice, left, withWords, asked);
    // Said again only if it changed (not at each sort of an empty list). (A page cached from
    // before it has no such region.)
    const why = matching.length ? "" : emptyText.textContent;
    if (spokenWhy && spokenWhy.textContent !== why) spokenWhy.textContent = why;
    for (const offer of [searchSite, searchFoot].filter(Boolean)) {
      offer.hidden = !typed || !window.deepscopie.openSearch || (offer === searchFoot && !matching.length);
      offer.textContent = filled(root.dataset.dsSearchSiteText, { q: echoed(typed) });
    }
    list.replaceChildren();
    shown = 0;
    showMore(false);
    for (const facet of facets) {
      // A choice of a facet where choices add up, when one is ticked: how many entries it
      // would add, "+18" ("Annoter" said 21 beside "Segmenter" ticked, and gave 36).
      const adding = !everyChoice.has(facet) && choice[facet].length > 0;
      // A way ticked under its ticked group takes its place (see oneLevelOf), and the other
      // way round: the choices the list would then have.
      const replacing = new Map();
      for (const box of adding ? boxes(facet) : []) {
        const replaced = box.checked ? [] : otherLevel(box).filter((other) => other.checked);
        if (!replaced.length) continue;
        const kept = choice[facet].filter((value) => !replaced.some((other) => other.value === value));
        replacing.set(box, { kept: [...kept, box.value], n: 0 });
      }
      const tally = new Map();
      for (const entry of withWords) {
        if (!hasFacets(entry, choice, everyChoice.has(facet) ? null : facet)) continue;
        const added = adding && !hasChoices(entry, facet, choice[facet]);
        for (const value of entry.values[facet]) {
          const counted = tally.get(value) || { n: 0, added: 0 };
          counted.n += 1;
          counted.added += added ? 1 : 0;
          tally.set(value, counted);
        }
        for (const instead of replacing.values()) if (hasChoices(entry, facet, instead.kept)) instead.n += 1;
      }
      for (const box of boxes(facet)) {
        let { n, added } = tally.get(box.value) || { n: 0, added: 0 };
        if (replacing.has(box)) n = replacing.get(box).n;
        const more = adding && !box.checked && !replacing.has(box);
        const shown = box.parentElement.querySelector("[data-ds-n]");
        shown.textContent = more ? `+${added}` : n;
        // Read as words ("Annoter, ajoute 18"), not "plus 18".
        // ("true": an empty aria-hidden hides nothing, and "+2 ajoute 2" was read.)
        if (more) shown.setAttribute("aria-hidden", "true");
        else shown.removeAttribute("aria-hidden");
        box.parentElement.querySelector("[data-ds-n-said]").textContent = more ? filled(root.dataset.dsAddsText, { n: added }) : "";
        // A choice that would show or add nothing is not offered (unless it is ticked: untick it).
        box.disabled = (more ? added : n) === 0 && !box.checked;
        box.parentElement.classList.toggle("ds-explore__option--none", box.disabled);
      }
    }
    viewShown = remember ? keepInAddress(remember === WORDS) : location.search;
  }

  // The view in the address, so that it can be shared, and Back undoes a filter as a reader
  // expects of a list of filters: each change is an entry of the browser's history (Back
  // left the page, the reader's filters lost), but the words typed in one go (until the
  // field is left) are one entry, changed letter by letter in place, and gone when they are
  // erased (Back stayed on the same view).
  const WORDS = "words";
  const DEFAULT_SORT = "relevance";
  let typedInPlace = false; // the current entry was made by typing words, which may go on
  let beforeTyping = null; // the address's query before them
  // The address's query of the view shown.
  function queryOfView() {
    const params = new URLSearchParams();
    // In the order they were set, so that a shared view undoes the same way.
    for (const filter of filtersInOrder()) {
      params.append(filter.name, filter.value);
    }
    if (sort.value !== DEFAULT_SORT) params.set("sort", sort.value);
    const query = params.toString();
    return query ? `?${query}` : "";
  }
  // Returns the address's query of the view shown.
  function keepInAddress(byWords) {
    const search = queryOfView();
    if (search === location.search) return search;
    const typingOn = byWords && typedInPlace;
    if (typingOn && search === beforeTyping) {
      // The view before the words: their entry goes (the address is that view's once the
      // browser is back; the list shows it already).
      typedInPlace = false;
      history.back();
      return search;
    }
    // Without a query, the page's whole address, not its path: "//deepscopie/explore/" (a
    // link with a slash too many) is another host's, which the browser refuses.
    const address = search || location.href.replace(/[?#].*$/, "");
    if (typingOn) history.replaceState(history.state, "", address);
    else {
      beforeTyping = location.search;
      history.pushState(null, "", address);
    }
    typedInPlace = byWords;
    return search;
  }
  // Back or Forward to another view of this page: its filters again, the list from its start.
  function viewOfAddress() {
    typedInPlace = false;
    restore();
    update(false);
    if (listStart !== null && window.scrollY > listStart + 1) resultsFromTheirStart();
  }

  // Why a result is empty: the typed words alone find nothing ("celpose"), and then the
  // name the reader may have meant (as the header's search puts it right), or the filters
  // together.
  const noChoice = Object.fromEntries(facets.map((facet) => [facet, []]));
  // The most words read (a group's phrase is one) of a question whose list is empty that are
  // each looked for alone: a question typed, not a pasted page.
  const MOST_CHECKED = 8;
  // What is asked that no entry has, as the reader typed it: each word, or a group's phrase
  // read whole, as the list reads them ("image pleine de grain zzqx" lacks "zzqx" only: its
  // words, alone, are in no entry's text, and "pleine" and "grain" were said absent). Not
  // either side of alternatives: null.
  function lackingWords(asked, typed) {
    if (asked.length !== 1) return null;
    const absent = asked[0].filter((pattern) => !entries.some((entry) => answers(entry, pattern)));
    // Each read word as typed ("Levure" read "levure"), without its elided article, as the
    // header's search says it ("« axolotl »" of "d'axolotl").
    const typedWords = withoutElision(typed).split(/\s+/);
    const readWords = typedWords.map((word) => askedFor(word).flat());
    const asTyped = (word) => typedWords.find((_, at) => readWords[at].includes(word)) || word;
    return absent.map((pattern) => pattern.words.map(asTyped).join(" "));
  }
  function explainEmpty(asked, typed, withWords) {
    nearName.hidden = true;
    if (matching.length) return;
    const wordsFindNothing = asked.length > 0 && !withWords.length;
    // Each word finds some, not all of them together ("suivi python"): said so, not that no
    // resource contains the words, as if one of them were unknown.
    const words = typed.split(/\s+/);
    // (Each word is read against every entry at worst: not for a pasted page, which froze
    // the page for seconds at 10,000 entries.)
    const few = asked.flat().length <= MOST_CHECKED;
    // Else the words that find nothing, each said, as the header's search says them ("Aucune
    // ressource ne contient « qwxyz »": « noyaux qwxyz » read as if "noyaux" found nothing
    // too). (A cached older search.js cannot say them.)
    const lacking = wordsFindNothing && few ? lackingWords(asked, typed) : null;
    const together = lacking ? !lacking.length : wordsFindNothing && few && words.length > 1 && words.every(findsSome);
    const { absentSaid } = window.deepscopie;
    const said = together ? root.dataset.dsEmptyWordsTogetherText : root.dataset.dsEmptyWordsText;
    const [one, many] = [root.dataset.dsEmptyWordsText, root.dataset.dsEmptyWordsManyText];
    if (lacking && lacking.length && absentSaid) emptyText.textContent = absentSaid(lacking, one, many);
    else emptyText.textContent = wordsFindNothing ? filled(said, { q: echoed(typed) }) : root.dataset.dsEmptyText;
    if (wordsFindNothing && few && window.deepscopie.nameSlips) offerNearName(typed, lacking);
  }
  // Filters that together find nothing, each of which finds some: what taking each one off
  // would show ("Retirer « Bibliothèque de programmation » (3 ressources)"). "Remove the last
  // filter" alone took off the reader's task ("Suivre des objets") before the type that
  // emptied the list, and nothing said which filter did. The typed words count as one.
  // `left`: the entries not excluded by the words; `withWords`: those of them with the words.
  function offerWaysOut(choice, left, withWords, asked) {
    if (!waysOut) return;
    const set = matching.length || (asked.length && !withWords.length) ? [] : filtersInOrder();
    const ways = (set.length > 1 ? set : []).flatMap((filter) => {
      const n =
        filter === typedField
          ? left.filter((entry) => hasFacets(entry, choice, null)).length
          : withWords.filter((entry) => hasFacets(entry, { ...choice, [filter.name]: choice[filter.name].filter((value) => value !== filter.value) }, null)).length;
      return n ? [wayOut(filter, n)] : [];
    });
    waysOut.replaceChildren(...ways);
    waysOut.hidden = ways.length === 0;
    // (Not the last filter then, which may find nothing either, unless it is the words,
    // taken off a word at a time.)
    const last = filtersInOrder().at(-1);
    undoButton.hidden = ways.length > 0 && last !== typedField;
  }
  function wayOut(filter, n) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    const count = filled(forCount(n, { one: root.dataset.dsCountOne, other: root.dataset.dsCountOther }), { n });
    const name = filter === typedField ? echoed(typedField.value.trim()) : filterName(filter);
    button.textContent = filled(root.dataset.dsWayOutText, { name, count });
    button.addEventListener("click", () => {
      takeOff(filter);
      countLine.focus(); // the button is gone with the empty result: the count says what came
    });
    item.append(button);
    return item;
  }
  const findsSome = (question) => {
    const asked = askedFor(question).map(patternsOf);
    return entries.some((entry) => matches(entry, noChoice, asked, null));
  };
  // `lacking`: the words that find nothing, as typed, if known (see lackingWords).
  async function offerNearName(typed, lacking) {
    const slips = await window.deepscopie.nameSlips(typed);
    const words = typed.split(/\s+/);
    // From the last: a name typed in pieces ("cell pose") takes the place of its words.
    for (const { at, size = 1, name } of [...slips].reverse()) words.splice(at, size, name);
    let question = words.join(" ");
    // Then the other words that find nothing, put right as the header's search offers them
    // ("noyeaux", "nucleii": nothing was offered, only a resource's name).
    const unknown = words.filter((word) => (lacking ? lacking.includes(withoutElision(word)) : !findsSome(word)));
    if (unknown.length && window.deepscopie.mendedWords) {
      question = (await window.deepscopie.mendedWords(question, unknown)) || question;
    }
    if (question === typed || typedField.value.trim() !== typed || matching.length) return;
    // Offered only if it finds something: "celpose yeast" offered "Cellpose yeast", and no
    // resource says "yeast" either.
    if (!findsSome(question)) return;
    nearName.dataset.q = question;
    nearName.textContent = filled(root.dataset.dsNearNameText, { q: nearName.dataset.q });
    nearName.hidden = false;
    // Said with the reason: a screen reader heard that the words find nothing, and not that
    // a way on had come.
    if (spokenWhy) spokenWhy.textContent = `${emptyText.textContent} ${nearName.textContent}`;
  }
  function takeNearName() {
    typedField.value = nearName.dataset.q;
    changed();
    countLine.focus(); // the button is gone with the empty result: the count says what came
  }

  // Where the list starts, as a scroll position of the page: measured at the reader's first
  // scroll (the page is laid out by then), again after a resize, never in a click's time.
  let listStart = null;
  window.addEventListener("scroll", () => {
    if (listStart !== null) return;
    const under = parseFloat(getComputedStyle(bar).top) + bar.getBoundingClientRect().height;
    listStart = list.getBoundingClientRect().top + window.scrollY - under;
  }, { passive: true });
  window.addEventListener("resize", () => (listStart = null), { passive: true });

  // On a wide screen the filters' column is as tall as the window leaves under the bar (the
  // CSS's max-height), and no taller than the list beside it once the footer comes into
  // view under a list longer than the window: a sticky column is held within its grid, and
  // the footer pushed it up under the bar, the box just ticked moving from under the pointer
  // as the list changed length. (Kept short enough for the footer all the way down instead,
  // it left a band of blank under it.) The list's height does not depend on the column's:
  // the column spans the grid's last row, 1fr, which alone takes the difference; beside a
  // shorter list the column is what makes the grid tall, and it keeps its height. Measured
  // in an animation frame, as the page scrolls or the grid's size changes, never in a click.
  const listFoot = more.parentElement; // under the list: "more", and the FAQ's offer
  const LEAST_FILTERS_HEIGHT = 160; // px: a facet's title and a few of its boxes
  let fitting = 0;
  let filtersEnd = "";
  function fitFilters() {
    fitting = 0;
    let end = "";
    if (!phone.matches) {
      const listEnd = listFoot.getBoundingClientRect().bottom;
      const stuckAt = parseFloat(getComputedStyle(form).top);
      const besideLongList = listEnd - list.getBoundingClientRect().top >= window.innerHeight - stuckAt;
      if (besideLongList && listEnd < window.innerHeight) {
        // (From where it sticks: the column may be pushed up already, above it.)
        const top = Math.max(stuckAt, form.getBoundingClientRect().top);
        end = `${Math.round(Math.max(LEAST_FILTERS_HEIGHT, listEnd - top))}px`;
      }
    }
    if (end === filtersEnd) return;
    filtersEnd = end;
    if (end) form.style.setProperty("--ds-list-end", end);
    else form.style.removeProperty("--ds-list-end");
  }
  const fitFiltersSoon = () => (fitting ||= requestAnimationFrame(fitFilters));
  window.addEventListener("scroll", fitFiltersSoon, { passive: true });
  window.addEventListener("resize", fitFiltersSoon, { passive: true });
  if (window.ResizeObserver) new ResizeObserver(fitFiltersSoon).observe(root);

  // A filter changed by the reader: the list is shown again from its start, under the bar.
  // On a wide screen the filters' column, sticky beside the list, then stays where it was
  // (the box just ticked under the pointer); else the page jumped as the list shrank below
  // the place the reader had scrolled to. On a phone an emptied result is brought into view
  // (under the panel of filters when it is open).
  // Nothing here reads the layout (nor the media query) unless it has to: reading it would
  // lay the new list out at once, within the click.
  // `how`: WORDS when typed words changed it (see keepInAddress).
  function changed(how = "filters") {
    root.dataset.changed = ""; // the list's reserved height goes (see the CSS)
    unknownOfAddress = []; // (see restore)
    const wasEmpty = matching.length === 0;
    const past = listStart !== null && window.scrollY > listStart + 1;
    update(how);
    // (Not while words are typed: the field, over the notice, stays where the keyboard left it.)
    if (!matching.length && !wasEmpty && phone.matches && document.activeElement !== typedField) {
      empty.scrollIntoView({ block: "nearest" });
    } else if (past && !phone.matches) {
      const start = (matching.length ? list : empty).getBoundingClientRect().top;
      window.scrollBy(0, start - bar.getBoundingClientRect().bottom);
    }
  }

  // The filters set, in the order they were, each a button that removes it ("Noyaux ✕"):
  // on a phone the filters fold into a panel, and an address shared with filters showed
  // "Filters (2)" alone; on a wide screen, folded facets hid theirs. A box's name is its
  // label's, without its count; the words, in quotes.
  // The tab's title says them too, first ("Segmenter, Sans programmer - Explorer -
  // DeepScopie"): in the tabs, the history and the bookmarks, every view of the page had
  // the same name.
  const pageTitle = document.title;
  function showChips() {
    const set = filtersInOrder();
    const unknown = unknownOfAddress.length ? [unknownSaid(unknownOfAddress)] : [];
    const all = set.length > 1 ? [clearAllChip()] : [];
    chips.replaceChildren(...set.map(chip), ...all, ...unknown);
    chips.hidden = set.length === 0 && unknown.length === 0;
    document.title = set.length ? `${set.map(filterName).join(", ")} - ${pageTitle}` : pageTitle;
  }
  const filterName = (filter) =>
    filter === typedField
      ? filled(root.dataset.dsWordsText, { q: echoed(typedField.value.trim()) })
      : names[filter.name]?.[filter.value] || filter.value;
  function chip(filter) {
    const name = filterName(filter);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ds-explore__chip";
    // Named with its facet for a screen reader ("Active" alone: of what?).
    const facetName = filter === typedField ? ownText(typedField.closest("label")) : legendOf(filter.closest("fieldset"));
    button.setAttribute("aria-label", filled(root.dataset.dsRemoveText, { name: facetName ? `${name} (${facetName})` : name }));
    const cross = document.createElement("span");
    cross.setAttribute("aria-hidden", "true");
    cross.textContent = "✕";
    button.append(name, " ", cross);
    button.addEventListener("click", () => {
      const place = Array.from(chips.children).indexOf(button);
      takeOff(filter);
      // The focus on the next one (or the one before), else on the count: not lost with it.
      const next = chips.children[Math.min(place, chips.children.length - 1)];
      (next || countLine).focus();
    });
    return button;
  }

  // With two filters or more, one more chip takes them all off, as the filters' own button
  // does: that one is at the foot of the facets, out of sight on a laptop once a few are
  // open, and on a phone in the folded panel (a reader's review).
  const clearButton = form.querySelector('button[type="reset"]');
  function clearAllChip() {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ds-explore__chip ds-explore__chip--all";
    button.dataset.dsClearAll = "";
    button.textContent = clearButton.textContent;
    button.addEventListener("click", () => {
      form.reset();
      countLine.focus(); // (the chips are gone: the count says what came)
    });
    return button;
  }

  // A filter taken off (its chip, or a way out of an empty list), as if never set.
  function takeOff(filter) {
    history_ = history_.filter((one) => one !== filter);
    if (filter === typedField) typedField.value = "";
    else filter.checked = false;
    changed();
  }

  // A facet's name, as its legend says it (without what follows it, a count or a note).
  const ownText = (element) => (element ? element.firstChild?.textContent?.trim() || "" : "");
  const legendOf = (fieldset) => ownText(fieldset?.querySelector("legend"));

  // The values of the address that no choice has: a tag since renamed or removed, a value
  // typed wrong ("?task=segmentaton"). The list was shown without them, unsaid, and looked
  // filtered; it says they are not applied, until the reader changes a filter (the address
  // then has the filters set alone).
  // The first few said, then how many more: an address of 500 unknown tags pushed the list
  // 3,000 px down on a phone.
  let unknownOfAddress = [];
  const UNKNOWN_SAID = 5;
  function unknownSaid(unknown) {
    const note = document.createElement("p");
    note.className = "ds-explore__unknown";
    const list = unknown.slice(0, UNKNOWN_SAID).map(({ facet, value }) => {
      const name = legendOf(form.querySelector(`fieldset[data-facet="${facet}"]`));
      const words = filled(root.dataset.dsWordsText, { q: echoed(value) });
      return name ? `${words} (${name})` : words;
    });
    const left = unknown.length - list.length;
    if (left > 0) {
      list.push(filled(forCount(left, { one: root.dataset.dsUnknownMoreOne, other: root.dataset.dsUnknownMoreOther }), { n: left }));
    }
    const said = forCount(unknown.length, { one: root.dataset.dsUnknownOne, other: root.dataset.dsUnknownOther });
    note.textContent = filled(said, { list: list.join(", ") });
    return note;
  }

  function restore() {
    const params = new URLSearchParams(location.search);
    // (Not an empty value, "?tag=", which asks for nothing: it was said as « ».)
    const asked = (facet) => [...new Set(params.getAll(facet))].filter((value) => withoutDirectionControls(value).trim());
    unknownOfAddress = facets.flatMap((facet) =>
      asked(facet).filter((value) => !boxes(facet).some((box) => box.value === value)).map((value) => ({ facet, value })),
    );
    // (A line break as a space: the field drops it, and "fiji%0Astardist" was "fijistardist".)
    typedField.value = withoutDirectionControls(params.get("q") || "");
    const order = params.get("sort");
    sort.value = Array.from(sort.options, (option) => option.value).includes(order) ? order : DEFAULT_SORT;
    for (const facet of facets) {
      for (const box of boxes(facet)) box.checked = params.getAll(facet).includes(box.value);
      if (params.getAll(facet).length) form.querySelector(`fieldset[data-facet="${facet}"]`).closest("details").open = true;
    }
    // The address lists the filters in the order they were set; each once (an address
    // written by hand, "?tag=nuclei&tag=nuclei", showed two chips of one filter, and
    // "remove the last filter" took two clicks).
    history_ = Array.from(params)
      .map(([name, value]) => (name === typedField.name ? typedField : facets.includes(name) && boxes(name).find((box) => box.value === value)))
      .filter((filter, at, all) => filter && isSet(filter) && all.indexOf(filter) === at);
  }

  // The way out of an empty result: undo the last filter set (a box, or the typed words).
  // Typed words but the last one read: each narrows the list (an entry has them all), and
  // "noyaux zebrafish", emptied by its last word, is "noyaux" again (all the words went, and
  // the list was wider than before them). Not a word that is not read (a stop word, "ou",
  // one past the most read of a pasted page): taking it away would change nothing. A quote
  // left open is closed. Nor, then, a word left last that is not read ("zzqx ou yyqx" left
  // "zzqx ou", "sans napari ni fiji" "sans napari ni").
  const MOST_READ = 200; // more than askedFor ever reads
  const readingOf = (words) => JSON.stringify(askedFor(words.join(" ")));
  function withoutTheLastWord(typed) {
    const read = JSON.stringify(askedFor(typed));
    let words = typed.trim().split(/\s+/).slice(0, MOST_READ);
    do words = words.slice(0, -1);
    while (words.length && readingOf(words) === read);
    const left = readingOf(words);
    while (words.length > 1 && readingOf(words.slice(0, -1)) === left) words = words.slice(0, -1);
    const kept = words.join(" ");
    return (kept.match(/"/g) || []).length % 2 ? `${kept}"` : kept;
  }
  function undo() {
    const last = history_.pop();
    if (last === typedField) {
      typedField.value = withoutTheLastWord(typedField.value);
      if (isSet(typedField)) history_.push(typedField);
    } else if (last) last.checked = false;
    else {
      typedField.value = "";
      for (const box of form.querySelectorAll("input:checked")) box.checked = false;
    }
    changed();
    // The button is gone with the empty result: focus goes to the count, which says what
    // the reader now has.
    countLine.focus();
  }

  // On a phone the filters fold into a panel under the bar, so the results stay near.
  function showFilters(open) {
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  }

  // On a phone: the panel folds, and the results come under the bar, their count said.
  function showResults() {
    countTypedWords();
    showFilters(false);
    resultsFromTheirStart();
    countLine.focus({ preventScroll: true });
  }

  // From the filters to the first result (or the empty result's way out), by the keyboard.
  function skipToResults() {
    countTypedWords();
    const first = matching.length ? list.querySelector("a") : empty.querySelector("button:not([hidden])");
    if (phone.matches) showFilters(false); // the panel folds, as "show the results" does
    if (first) first.focus();
  }

  // Words typed within the pause are counted first.
  function countTypedWords() {
    if (typing === null) return;
    clearTimeout(typing);
    typing = null;
    update(WORDS);
  }

  // The first result (or the empty result's way out) right under the bar.
  function resultsFromTheirStart() {
    (matching.length ? list : empty).scrollIntoView({ block: "start" });
    window.scrollBy(0, -bar.getBoundingClientRect().bottom);
  }

  let typing = null; // the words' field's pause, while it lasts
  function start(data) {
    names = data.names || {};
    notices = data.notices || {};
    synonymGroups = data.synonyms || [];
    foldedNames = Object.fromEntries(
      NAMED_FACETS.map((facet) => [facet, Object.fromEntries(Object.entries(names[facet] || {}).map(([value, name]) => [value, fold(name)]))]),
    );
    // Read in place, once (a copy of each of 10,000 entries cost as much again): the words
    // a text filter reads are made when words are first typed (wordsOf).
    entries = data.entries;
    for (const entry of entries) {
      entry.values = {};
      for (const facet of facets) entry.values[facet] = listed(entry[facet]);
    }
    form.addEventListener("change", (event) => {
      // The words' field left: the list shows its words already (see "input" below). Drawn
      // again, the list under the pointer took the click that left the field, and the entry
      // clicked opened only at the second.
      if (event.target === typedField && queryOfView() === viewShown) return;
      if (event.target.type === "checkbox") {
        history_ = history_.filter((box) => box !== event.target);
        if (event.target.checked) {
          history_.push(event.target);
          oneLevelOf(event.target);
        }
      }
      changed();
    });
    // Words typed after the field was left are another change (another entry).
    typedField.addEventListener("change", () => (typedInPlace = false));
    typedField.addEventListener("input", () => {
      history_ = history_.filter((filter) => filter !== typedField);
      if (isSet(typedField)) history_.push(typedField);
      clearTimeout(typing);
      typing = setTimeout(() => {
        typing = null;
        changed(WORDS);
      }, 120);
    });
    form.addEventListener("reset", () => {
      history_ = [];
      setTimeout(changed, 0);
    });
    // Enter in the words' field (a phone's "Go" key): on a phone, the results, as the panel's
    // button shows them; elsewhere they are beside the field already.
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (phone.matches) showResults();
    });
    sort.addEventListener("change", () => changed());
    more.addEventListener("click", () => showMore(true));
    list.addEventListener("click", (event) => {
      const tag = event.target instanceof Element && event.target.closest("[data-tag]");
      if (tag) pressTag(tag.dataset.tag);
    });
    empty.querySelector("[data-ds-undo]").addEventListener("click", undo);
    for (const offer of [searchSite, searchFoot].filter(Boolean)) {
      offer.addEventListener("click", () => window.deepscopie.openSearch(typedField.value));
    }
    nearName.addEventListener("click", takeNearName);
    toggle.addEventListener("click", () => {
      const closing = !panel.hidden;
      showFilters(!closing);
      // Folded from the bar, the panel left the reader partway down a list that changed:
      // the results from their first, as the panel's own button shows them (focus stays).
      if (closing) resultsFromTheirStart();
    });
    // Escape in the panel folds it as its button does, the focus back on the button (the
    // words' field, over the panel, only empties itself, as any search field).
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || panel.hidden || !phone.matches || !panel.contains(event.target)) return;
      showFilters(false);
      resultsFromTheirStart();
      toggle.focus();
    });
    toggle.disabled = false; // shown from the first paint, working from now
    typedField.disabled = false; // the same (words typed before would have been lost)
    form.hidden = false;
    form.querySelector("[data-ds-show]").addEventListener("click", showResults);
    form.querySelector("[data-ds-skip]").addEventListener("click", skipToResults);
    bar.hidden = false;
    document.documentElement.dataset.dsExploring = ""; // no "back to top" over the bar
    restore();
    // An address with filters this page does not have ("?task=foo", a value renamed since
    // it was shared) or one twice: the address says the view shown (it looked filtered when
    // it was not), in place.
    const shown = queryOfView();
    if (shown !== location.search) {
      history.replaceState(history.state, "", `${shown || location.href.replace(/[?#].*$/, "")}${location.hash}`);
    }
    showFilters(!phone.matches);
    update(false);
    returnToPlace();
    window.addEventListener("popstate", () => {
      if (location.search !== viewShown) viewOfAddress();
    });
    root.dataset.ready = String(Math.round(performance.now())); // measured by bench/explore.py
    readGroupsAhead();
    // A French participle is read as search reads it once the language's words have come
    // (see asSearched): the list again then, if a word typed meanwhile is read otherwise.
    // The synonym groups' words are read again too (a group read before had its
    // participles as their letters: "sous-traités" found 1 entry of 2 for the whole visit).
    // (Not when they came first, for the address's words: see wordsFirst.)
    if (!wordsCame) window.deepscopie.formsOfTheLanguage?.().then(readWithTheLanguageSWords);
  }
  function readWithTheLanguageSWords() {
    const words = askedFor(typedField.value).flat();
    // (Groups not read yet will be, with the language's words.)
    const groupsBefore = groupsOf ? words.map((word) => String(groupsOfWord(word))) : null;
    forgetGroups();
    const groupsChanged = (word, at) => groupsBefore !== null && String(groupsOfWord(word)) !== groupsBefore[at];
    // (Only a word that needs them: an English one typed on the French page, "learning", is
    // read by the borrowed verb endings, the same before and after.)
    const readOtherwise = (word, at) =>
      (needsWords(word) && (asSearched(word) !== word || isParticiple(word) || verbStem(asSearched(word)) !== null)) ||
      groupsChanged(word, at);
    if (words.some(readOtherwise)) update(false);
    readGroupsAhead();
  }

  // The reader's place in the list, kept with this page's entry in the history: a browser
  // that loads the page again on Back (no back-forward cache) put it back before the list
  // was there, near the top. Kept when the page is left, put back once the list is shown
  // (by this script only: where the list fails, the browser keeps its own way).
  addEventListener("pagehide", () => {
    if (entries.length) history.replaceState({ ...history.state, dsExplorePlace: { y: scrollY, shown } }, "");
  });
  function returnToPlace() {
    history.scrollRestoration = "manual";
    const place = history.state && history.state.dsExplorePlace;
    if (!place) return;
    while (shown < place.shown && !more.hidden) showMore(false);
    window.scrollTo(0, place.y);
  }

  fallback.hidden = true;
  root.dataset.live = ""; // this script ran (reader.js gives the links back otherwise)
  // Words in the address (a shared link, Back) on a page that reads them with the language's
  // words (a participle, see asSearched): the list waits for those, fetched beside the
  // entries, and is drawn once, the reader's place put back in it ("étiquetées" showed an
  // empty list, then, when they came, 33 entries from the top). (Without them, as typed.)
  // At most WORDS_WAIT: a file that does not come must not keep the list away (the words
  // are read again when it comes, as typed ones).
  const WORDS_WAIT = 1500;
  const waited = (coming) => Promise.race([coming, new Promise((resolve) => setTimeout(resolve, WORDS_WAIT))]).catch(() => {});
  const needsWords = window.deepscopie.needsTheLanguageSWords || (() => false);
  const addressQuestion = new URLSearchParams(location.search).get("q") || "";
  const addressWords = askedFor(addressQuestion).flat();
  let wordsCame = false;
  const wordsFirst =
    window.deepscopie.formsOfTheLanguage && addressWords.some(needsWords)
      ? waited(window.deepscopie.formsOfTheLanguage().then(() => (wordsCame = true)))
      : null;
  // The resources' names, by which the words may leave some out, ask for another of them or
  // name alternatives (see exclusionOf): fetched beside the entries (a small file), so that
  // words typed are read with them at once (the list was drawn, then drawn again when they
  // came); waited for only when the address's words may need them.
  if (window.deepscopie.resourceNames) window.deepscopie.resourceNames();
  const addressExclusion = window.deepscopie.exclusionIn ? window.deepscopie.exclusionIn(addressQuestion) : null;
  const namesFirst = addressExclusion instanceof Promise ? waited(addressExclusion) : null;
  // The request the page made for the entries as it was read (deepscopie/render/explore.py),
  // else (a page of before it) this script's own.
  const entriesAsked = window.deepscopieEntries instanceof Promise ? window.deepscopieEntries : null;
  Promise.resolve(root.dataset.dsEntries || "")
    .then((address) => {
      if (!ownOrigin(address)) throw new Error(`not the site's own list: ${address}`);
      return entriesAsked || fetch(address);
    })
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json();
    })
    .then((data) => Promise.all([wordsFirst, namesFirst]).then(() => data))
    .then(start)
    .catch((error) => {
      console.warn("Explore: the entries could not be loaded", error);
      fallback.querySelector("[data-ds-why]").textContent = root.dataset.dsFailedText;
      fallback.hidden = false;
      root.dataset.failed = ""; // the links again, in place of the count and the list (CSS)
      for (const part of [bar, form, empty, list, more]) part.hidden = true; // start() may have shown them
    });
})();
