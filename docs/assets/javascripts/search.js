// The header's search, in a dialog: Pagefind's engine (its index of the page's <html lang>, so a
// French page searches French entries only) with our own results. Each result is an entry (a
// resource or an FAQ entry) shown as a card: title, type, category, one line of description,
// link status when known; it links to the entry's permalink. Hand-written pages (About,
// Contribute) come after the entries, so none outranks an entry. Arrow keys move through the
// results, Enter opens one, Escape closes the dialog and gives focus back. The entry a
// permalink opens is highlighted.
(function () {
  "use strict";
  const dialog = document.getElementById("ds-search");
  const opener = document.querySelector(".ds-search-open");
  const script = document.currentScript;
  // Lower case without accents ("Modèle" -> "modele"), as readers may type it: the folding of
  // without_accents (deepscopie/folding.py). Explore's script uses it, and filled, too.
  const fold = (text) => (text || "").normalize("NFKD").toLowerCase().replace(/[\u0300-\u036f]/g, "").trim();
  // The id the address's anchor names ("#cellpose"), or none when it cannot be read: a
  // malformed escape ("#%E0") threw, and stopped this script before the search was set up.
  // reader.js uses it too.
  function addressedId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch {
      return "";
    }
  }
  // A catalogue's text for a count of `n`: its form for none when it has one ("aucune
  // entrée"), else for one or for more as the page's language says (French says "0
  // ressource", "1,5 Go"; English "0 resources"). Explore's script uses it too.
  const pluralRules = new Intl.PluralRules(document.documentElement.lang);
  function forCount(n, { one, other, none }) {
    if (n === 0 && none !== undefined) return none;
    return pluralRules.select(n) === "one" ? one : other;
  }
  // Work for a moment the page is idle, at most `timeout` ms from now; where the browser
  // cannot tell (Safari), `orAfter` ms from now. Explore's script uses it too.
  function whenIdle(work, { timeout = 3000, orAfter = 1000 } = {}) {
    if (window.requestIdleCallback) requestIdleCallback(work, { timeout });
    else setTimeout(work, orAfter);
  }
  // A reader's words said back without the characters that set the text's direction: "‮evil"
  // in an address reversed the site's own words around it ("Chercher « … » dans tout le
  // site", the tab's title). Letters of a script written right to left stay as typed. Nor
  // other control characters, each a space ("?tag=%00" was said back as « » with an
  // invisible character between).
  const DIRECTION_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  const withoutDirectionControls = (text) => text.replace(DIRECTION_CONTROLS, "").replace(/\p{Cc}+/gu, " ");
  // A question with its letters as the index has them: a ligature pasted from a PDF
  // ("ﬂuorescence"), letters full width or in mathematical bold, as their plain letters
  // (NFKC), and without direction controls ("\u202ecell"): each found nothing, and the search
  // said the word was absent (Explore, whose fold reads them, found them). Not every
  // character NFKC changes: the index has the text as written, and "µm" (the micro sign)
  // would have been searched as the Greek letter, "m²" as "m2".
  const LETTER_FORMS = /[\ufb00-\ufb06\uff01-\uff5e]|[\u{1d400}-\u{1d7ff}]/gu;
  const searchable = (text) => withoutDirectionControls(text).replace(LETTER_FORMS, (form) => form.normalize("NFKC"));
  window.deepscopie = Object.assign(window.deepscopie || {}, { fold, filled, forCount, addressedId, whenIdle, withoutDirectionControls });
  highlightTarget();
  window.addEventListener("hashchange", highlightTarget);
  if (!dialog || !opener || !script) return;

  const input = dialog.querySelector("[data-ds-input]");
  const results = dialog.querySelector("[data-ds-results]");
  const status = dialog.querySelector("[data-ds-status]");
  const texts = dialog.dataset;
  // How records are told apart in the index (search_index_names in
  // deepscopie/render/search_records.py): a filter whose value is "page" for a hand-written
  // page and "lexicon" for a part's words, and the subtag that names a part's index.
  const names = JSON.parse(dialog.dataset.dsIndex);
  // Result addresses are stored from the site's root: prefix the path the site is served
  // under (GitLab Pages serves it under /<project>/), found from this script's own address.
  // One slash to start: at "//deepscopie/" (a link with a slash too many) the path
  // "//deepscopie/pagefind/…" would be another host's address ("deepscopie").
  const siteRoot = new URL(script.src, document.baseURI).pathname
    .replace(/^\/+/, "/")
    .replace(/assets\/javascripts\/search\.js$/, "");
  const SHOWN = 10; // entry cards shown at first, and added by "more"
  const PAGES = 3; // hand-written pages shown after the entries
  let engine = null;
  let entrySearch = {}; // Pagefind's options for the entries' search (see startEngine)

  // Pagefind (its script, WebAssembly and this language's index) is fetched once a page has
  // loaded (see the end of this file), or as soon as a reader shows an intent to search. If
  // it cannot start, the next question tries again.
  function loadEngine() {
    if (!engine) {
      engine = startEngine();
      engine.catch((error) => {
        console.warn("Search: Pagefind could not be loaded", error);
        engine = null;
      });
    }
    return engine;
  }

  async function startEngine() {
    const pagefind = await import(`${siteRoot}pagefind/pagefind.js`);
    const options = {
      excerptLength: 0,
      // Entries are short: a long FAQ answer should not be buried for its length, nor a
      // one-line entry lifted for its brevity. Pagefind (since 1.5) also searches a record's
      // metadata, the card's fields, and lifts a record by those its words fill (its title
      // most): left as it sets them, since turning off all but the title's lift, or also the
      // title's, or only the fields a card does not show, changed no set of readers' questions
      // by more than a question or two, either way (bench/README.md, stop 33).
      // pageLength: how much a long record's score is lowered; 0.5 rather than 0.3 since the
      // synonym groups give the longest FAQ answers hundreds of words (bench/README.md, stop
      // 39: 2,218 questions, 4 found, 2 lost, in two rounds).
      ranking: { pageLength: 0.5, termFrequency: 0.8 },
      // Pagefind's entry file names the index files of its build: asked for anew at each page
      // view (never an old one), with one address for all the indexes and for addParts, so
      // that they read one and the same file.
      metaCacheTag: String(Date.now()),
    };
    try {
      await pagefind.options({ baseUrl: siteRoot, ...options });
      await pagefind.init();
      // The file that tells the hand-written pages apart (a filter), fetched now: every
      // search waits for it, and it would queue behind the word's index chunks.
      pagefind.filters().catch(() => {}); // a failure shows in the search that follows
      const parts = await within(addParts(pagefind, options), ENGINE_PATIENCE);
      // With parts, each holds a record of all the language's words (see _lexicon in
      // deepscopie/render/search_records.py), which is never a result. Each part's filter
      // file, which leaves it out, is fetched now too, not with the first search's chunks.
      if (parts) {
        entrySearch = { filters: { [names.filter]: { none: [names.lexicon] } } };
        pagefind.filters().catch(() => {});
      }
      return pagefind;
    } catch (error) {
      // Else a part that failed would stay in every search.
      await pagefind.destroy().catch(() => {});
      throw error;
    }
  }

  // Pagefind waits for its main index forever before it adds a part, even when that index
  // failed to load.
  const ENGINE_PATIENCE = 20000;
  function within(promise, milliseconds) {
    let timer;
    const late = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${milliseconds} ms`)), milliseconds);
    });
    return Promise.race([promise, late]).finally(() => clearTimeout(timer));
  }

  // A long list of entries is indexed in parts (index_parts in
  // deepscopie/render/search_records.py), each an index of a private-use variant of the
  // page's language (en-x-part1…) in Pagefind's entry file: Pagefind searches them with the
  // language's own index and ranks all their results together.
  async function addParts(pagefind, options) {
    const address = `${siteRoot}pagefind/pagefind-entry.json?ts=${options.metaCacheTag}`;
    const response = await fetch(address);
    if (!response.ok) throw new Error(`${address}: ${response.status}`);
    const languages = Object.keys((await response.json()).languages || {});
    const part = new RegExp(`^${document.documentElement.lang.toLowerCase()}-${names.part}\\d+$`);
    // The same folder, written so that Pagefind does not take it for the main index's.
    const folder = `${siteRoot}pagefind/./`;
    const parts = languages.filter((code) => part.test(code));
    await Promise.all(parts.map((code) => pagefind.mergeIndex(folder, { ...options, language: code })));
    return parts.length;
  }

  // What a reader types, as Pagefind's words: elided articles dropped ("l'apprentissage" is
  // "apprentissage"; harmless in English), and French plurals in -aux/-eux (noyau, noyaux),
  // which escape Pagefind's French stemmer, searched as the plural it reduces like the index.
  // Which languages need it is data (search_terms in deepscopie/catalogues/languages.yaml),
  // set on the dialog.
  const frenchForms = dialog.dataset.dsTerms === "french";
  // A slash between two words set apart, a word that joins alternatives ("cellpose/stardist" is
  // "cellpose ou stardist", see joinsAlternatives). No lookbehind: Safari before 16.4 would
  // reject the whole script.
  const slashesApart = (text) => text.replace(/([\p{L}\p{N}])\/(?=[\p{L}\p{N}])/gu, "$1 / ");
  // An elided word before another ("l'", "d'", "qu'"): left out of what is searched. So too
  // an English "'s" after one ("cellpose's models", "what's napari": Explore found no
  // resource that says "cellpose's").
  const ELIDED = /\b(?:qu|[cdjlmnst])['’](?=\p{L})/giu;
  const APOSTROPHE_S = /(\p{L})['’]s(?![\p{L}\p{N}])/giu;
  const withoutElision = (query) => query.replace(ELIDED, "").replace(APOSTROPHE_S, "$1");
  // The most words of a question searched: readers' longest questions have 25; a pasted
  // page's thousands were each searched, alone and together ("a/b/c/d/" 500 times: 4.5 s).
  const MOST_WORDS = 48;
  // The most letters of a word searched: no entry has a longer one, and Pagefind's French
  // stemmer takes a time that grows as the square of some words' length (a pasted
  // "aeiouaeiou…" of 300,000 letters kept the search busy for 26 s).
  const MOST_LETTERS = 100;
  const cut = (word) => (word.length > MOST_LETTERS ? Array.from(word).slice(0, MOST_LETTERS).join("") : word);
  // The fewest letters of a word's beginning that says the word is there (see beginning): a
  // beginning of three letters begins too many others ("log" of "logiciel").
  const SHORTEST_BEGINNING = 4;
  // A question's last quote when it is left open ('"zebrafish', typed or on its way to a
  // phrase) as a space: no phrase, but its words. Read as one, it was given to Pagefind as
  // typed, and its words were not looked for each (see absentWords): '"zebrafish' showed
  // three entries that say "z" as if they had it, where "zebrafish" is said absent.
  const openQuoteApart = (query) => ((query.match(/"/g) || []).length % 2 ? query.replace(/"(?=[^"]*$)/, " ") : query);
  // The words of a question as typed, elisions, slashes and a quote left open apart (what the
  // status says back).
  const typedTerms = (query) =>
    slashesApart(withoutElision(openQuoteApart(query))).trim().split(/\s+/).slice(0, MOST_WORDS).map(cut).join(" ");
  function terms(query) {
    const words = typedTerms(query);
    // From a word's first letter only: tried at every letter, a long word pasted took a time
    // that grows as the square of its length (a 300,000-letter one, 96 s).
    if (frenchForms) return words.replace(/(^|[^a-zà-ÿ])([a-zà-ÿ]{2,}[ae]u)(?=\s|$)/giu, "$1$2x");
    // On another language's pages, a French plural in -aux or -eux without its x, which begins
    // the singular the synonym groups give the entries (French labs type the field's French
    // words: "segmentation des noyaux" found 3 entries on the English pages, "noyau" the
    // nucleus tools; "canaux" is "canau", which begins no "canal"). Harmless in English,
    // whose words in -eaux are French plurals too ("plateaux", "tableaux").
    return words.replace(/(^|[^a-zà-ÿ])([a-zà-ÿ]{2,}[ae]u)x(?=\s|$)/giu, "$1$2");
  }

  // The results for some words, entries and hand-written pages (About, Contribute…) apart.
  // Only pages carry a filter with the value "page": the pages are the results with it, the entries the
  // others. A filter on every entry made a common word's search four times longer at 10,000
  // entries, and its file is fetched before the first results.
  // A question that is only phrases its entries say another way has first those that also
  // say it their way (see usualWords), then the others: the same entries, in another order.
  async function resultsFor(pagefind, typed) {
    const words = inTheirSense(typed);
    const usual = usualWords(typed);
    const [all, pages, saidTheirWay] = await Promise.all([
      pagefind.search(words, entrySearch),
      pagefind.search(words, { filters: { [names.filter]: names.page } }),
      usual ? pagefind.search(`${words} ${inTheirSense(usual)}`, entrySearch) : null,
    ]);
    const pageResults = pages ? pages.results : [];
    const pageIds = new Set(pageResults.map((result) => result.id));
    const first = saidTheirWay ? saidTheirWay.results : [];
    const found = unique([...first, ...(all ? all.results : [])]).filter((result) => !pageIds.has(result.id));
    return { found, pages: pageResults };
  }

  // The lists of words of the page's language (the `…_words` of
  // deepscopie/catalogues/languages.yaml, set on the dialog), each by its name, its words in
  // the `form` compared.
  let wordLists = {};
  try {
    wordLists = JSON.parse(dialog.dataset.dsWordLists || "{}");
  } catch (error) {
    console.warn("Search: the language's lists of words could not be read", error);
  }
  const listedWords = (name, form = fold) =>
    new Set(String(wordLists[name] || "").split(/\s+/).filter(Boolean).map(form));

  // The words that only hold a question together ("une", "sur", "the"; stop_words).
  const stopWords = listedWords("stop_words");
  // The words searched that name nothing an entry is about ("sans", "but"; kept_words).
  const keptWords = listedWords("kept_words");
  const bare = (word) => fold(word).replace(/[^\p{L}\p{N}]/gu, ""); // "avec," is "avec"
  // The records that have a word as written, not only a word it begins: quoted, Pagefind
  // looks for it alone.
  const withWordAlone = (pagefind, word, options = {}) => pagefind.search(`"${bare(word)}"`, options);
  // A word of one or two letters ("IA", "z", "3D"), which Pagefind reads as every word that
  // begins with it: waited for while typed, read whole where entries have it
  // (resultsForWhole), never said absent.
  const SHORT_WORD = 2;
  const isShort = (word) => Array.from(word).length <= SHORT_WORD;
  // A word without the punctuation around it, kept within ("(noyaux," is "noyaux", "u-net"
  // stays "u-net"); and so, lower case without accents. A long word's end is found one
  // character at a time from its last letter: the pattern, anchored at the end, is tried
  // again from each character of a run of punctuation ("c", 8,000 hyphens, "ell" froze
  // Explore for 5 s, a run of 30,000 accents for 144 s). A word of readers' length keeps
  // the pattern, which is quicker (Explore reads every word of 10,000 entries with it: the
  // other way made the words typed 70 ms longer there).
  const PUNCTUATION_AROUND = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
  function unpunctuated(word) {
    if (word.length <= MOST_LETTERS) return word.replace(PUNCTUATION_AROUND, "");
    const begun = word.replace(/^[^\p{L}\p{N}]+/u, "");
    const characters = Array.from(begun);
    return characters.slice(0, characters.findLastIndex((one) => LETTER_OR_DIGIT.test(one)) + 1).join("");
  }
  const trimmed = (word) => fold(unpunctuated(word));

  // Words that Pagefind's stemmer reads as another word ("formation", a course, is stemmed as
  // "format", of a file), searched as a word of their synonym group (searched_as in
  // data/vocabulary.yaml, set on the dialog); not in a phrase in quotes. Each is looked up
  // as a word of the question is (bare: "fine-tune" is "finetune"). A page from before a
  // change of the attribute's form searches words as typed rather than not at all.
  const searchedAs = new Map();
  try {
    for (const [typed, searched] of Object.entries(JSON.parse(dialog.dataset.dsSearchedAs || "{}"))) {
      if (typeof searched === "string") searchedAs.set(bare(typed), searched);
    }
  } catch (error) {
    console.warn("Search: words searched as others could not be read", error);
  }
  // And a plural whose "s" Pagefind's stemmer keeps while it keeps the singular as is, as
  // the singular, which begins both: an acronym's, as typed ("GPUs" found 2 entries of the
  // 11 that say "GPU"; "ROIs"; in lower case, the vocabulary's are in searchedAs, see
  // deepscopie/render/searched_as.py), and, in French, one in -os ("vidéos", "tutos").
  // Not a short word's final s ("trous" searched as "trou" was every entry that says
  // "trouver"; "plus", "plugin"). Only as Pagefind's word, a question's own words stay as
  // typed (a name typed wrong, "knsosos", is still put right).
  const acronymPlural = /^([^\p{L}\p{N}]*\p{Lu}[\p{Lu}\p{N}]+)s([^\p{L}\p{N}]*)$/u;
  const pluralInOs = /^([^\p{L}\p{N}]*\p{L}{3,}o)s([^\p{L}\p{N}]*)$/iu; // "(vidéos)" too
  const singularOf = (word) => {
    const acronym = word.replace(acronymPlural, "$1$2");
    return acronym !== word || !frenchForms ? acronym : word.replace(pluralInOs, "$1$2");
  };
  // And a French participle in -ée(s), as its -é(s): the stemmer cuts "annoté" to "annot", which
  // begins "annotation", "annoter" and "annotées", but "annotées" to "annote", which
  // begins none of them ("images annotées": 9 entries, "annotés" 54; "entraînée" 1, 98;
  // "bruitées" missed CARE). Only a participle of a verb the entries use or their synonym
  // groups give them, as its -é, -és or -er (search-words, see formsOfTheLanguage:
  // "étiquetées"), and with five letters before it at least:
  // a noun's -é begins other words ("données", "portée", "lignée", "traînées", "journée":
  // "dont", "port", "en ligne", "training", "journal").
  // (At the word's end, and not from its start: Explore reads words of any length, and a
  // pattern from the start took a time that grows as the square of the word's.)
  const feminineInEe = /(\p{L}{5})[ée]e(s?)([^\p{L}\p{N}]*)$/iu; // "annotee", "pré-entraînée" too
  let knownForms = null; // the language's words, folded, once fetched (formsOfTheLanguage)
  const mayBeParticiple = (word) => frenchForms && feminineInEe.test(word);
  // The letters of a word before an ending found by a pattern whose first group is the five
  // letters before it (feminineInEe, participleInE), folded.
  const stemBefore = (word, found) => (fold(word.slice(0, found.index + found[1].length)).match(/\p{L}+$/u) || [""])[0];
  function asMasculine(word) {
    const found = knownForms && mayBeParticiple(word) ? feminineInEe.exec(word) : null;
    if (!found) return word;
    const before = stemBefore(word, found);
    const ofAVerb = ["e", "es", "er"].some((ending) => knownForms.has(before + ending));
    // Of the same number: "annotées" is "annotés", which Pagefind reads as a reader's
    // "annotés" (as "annoté", it ranked two entries the other way round once the entries
    // were given the feminine forms of their synonyms).
    return ofAVerb ? word.replace(feminineInEe, "$1é$2$3") : word;
  }
  // Whether a word, folded, is a French participle in -é or -és of a verb the language knows
  // ("entraînés", and "entraînées" read as such by asMasculine): Explore reads its other
  // forms and its verb's words from it, as search finds them ("entraînement", "entraîner").
  // Five letters before the -e at least, as feminineInEe ("notes" is none, and finds no
  // "notebook"); a noun of a verb's stem is one ("mesures", of "mesurer"), harmlessly: its
  // singular begins that verb's words. (Its end only, as feminineInEe.)
  const participleInE = /(\p{L}{5})es?$/u;
  const isParticiple = (folded) => participleStem(folded) !== null;
  // Its verb's stem ("étiquetés": "étiquet", of "étiqueter"), or null.
  function participleStem(folded) {
    const found = knownForms ? participleInE.exec(folded) : null;
    const stem = found ? stemBefore(folded, found) : null;
    return stem && knownForms.has(`${stem}er`) ? stem : null;
  }
  // A consonant doubled at a stem's end, before an ending ("labell-ing", "mapp-ed").
  const endsDoubled = (stem) => stem.at(-1) === stem.at(-2) && !/[aeiouy]/.test(stem.at(-1));
  // The stem of a verb's form by the language's verb endings (verb_ending_words), which begins
  // the verb's other forms and its nouns, as Pagefind's stemmer finds them ("counted",
  // "counting": "count"; "labelled": "label", its consonant once; "classified": "classif" of
  // "classification"), or null. Five letters at least, as a participle's (participleInE):
  // "imaging" is not "imag" of "imagej"; a consonant doubled in the verb itself stays
  // ("classant": "class", not "clas"). The longest ending that leaves one ("classified" is
  // no "classifi", "applying" is "apply"). In French, only a verb the language knows, as a
  // participle's: "constant" and "composant" found "construire" and "composition".
  // And a borrowed language's ("labelled", "trained" typed on the French pages), of any verb.
  const longestFirst = (words) => [...words].sort((a, b) => b.length - a.length);
  const verbEndings = longestFirst(listedWords("verb_ending_words"));
  const borrowedVerbEndings = longestFirst(listedWords("borrowed_verb_ending_words"));
  const VERB_STEM = 5;
  const verbStem = (folded) => stemBy(verbEndings, folded, frenchForms) ?? stemBy(borrowedVerbEndings, folded, false);
  function stemBy(endings, folded, ofAKnownVerb) {
    for (const ending of endings) {
      if (!folded.endsWith(ending)) continue;
      const stem = folded.slice(0, -ending.length);
      if (stem.length < VERB_STEM || !/^\p{L}+$/u.test(stem)) continue;
      if (ofAKnownVerb && !knownForms?.has(`${stem}er`)) return null;
      return endsDoubled(stem) && stem.length > VERB_STEM ? stem.slice(0, -1) : stem;
    }
    return null;
  }
  // Whether a word may be read otherwise once the language's words have come (a participle,
  // feminine or not, or a verb's form): Explore waits for them before its first list of
  // such words.
  const needsTheLanguageSWords = (folded) =>
    frenchForms && (participleInE.test(folded) || verbEndings.some((one) => folded.endsWith(one)));
  // (Not for absenceMarks, which reads a participle by its own letters: "infectées" was no
  // longer said absent, "infecté" beginning "infe" of "inférence".)
  const wordAsSearched = (word) => searchedAs.get(bare(word)) || singularOf(word);
  const pagefindWord = (word) => asMasculine(wordAsSearched(word));
  // A question that is only phrases its entries say another way ("apprentissage profond":
  // they say "deep learning"): the phrase's own words are every entry's of the idea at a
  // synonym's weight, and an entry that said "apprentissage" and "profonds" apart came
  // first. The phrases are the language's file (written by
  // deepscopie/render/search_phrases.py), keyed as keyOf reads a question (Synonyms.usual_forms
  // keys them the same way), of at most `names.phrase_words` words. Only a whole question:
  // "how many cells was cellpose trained on" is not about counting cells.
  // A word as its singular, crudely ("masques", "vidéos", "datasets"): the rule of
  // deepscopie/synonyms.py (singular), by which the phrases are keyed.
  const singular = (word) => (word.length > 3 ? word.replace(/[sx]$/, "") : word);
  const keyOf = (words) =>
    fold(words).split(/[^\p{L}\p{N}_]+/u).filter((word) => word && !stopWords.has(word)).map(singular);
  const PHRASE_WORDS = Number(names.phrase_words) || 0;
  let usualTable = {};
  // The negated phrases, keyed as usualTable, with their groups (see negatedPhrasesIn), and
  // how many entries the language has.
  let negatedTable = {};
  let entryCount = 0;
  let knownPhrases = null;
  function usualForms() {
    if (!knownPhrases) {
      // None on a page from before the file (its names lack it): words as typed.
      const file = languageFile(names.phrases);
      knownPhrases = (file ? siteTable(file) : Promise.resolve({})).then((table) => {
        // (A file of before the negated phrases was the usual forms alone.)
        const known = (part) => (part && typeof part === "object" && !Array.isArray(part) ? part : {});
        usualTable = "usual" in table ? known(table.usual) : table;
        negatedTable = known(table.negated);
        entryCount = Number(table.entries) || 0;
      });
    }
    return knownPhrases;
  }
  const usualFormOf = (key) => (Object.hasOwn(usualTable, key) && typeof usualTable[key] === "string" ? usualTable[key] : null);
  // The entries' words for what a question asks (see above), but those it has and stop
  // words ("classification de pixels"); "" for a question that is not only such phrases.
  function usualWords(words) {
    if (words.includes('"')) return "";
    const keys = keyOf(words);
    const covered = new Set();
    const usuals = [];
    for (let from = 0; from < keys.length; from++) {
      let key = keys[from];
      // Each phrase from each word, up to the longest a phrase is (a pasted question of
      // many words tried every stretch of them: 30 s).
      for (let to = from + 2; to <= Math.min(keys.length, from + PHRASE_WORDS); to++) {
        key += ` ${keys[to - 1]}`;
        const usual = usualFormOf(key);
        if (!usual) continue;
        usuals.push(usual);
        for (let at = from; at < to; at++) covered.add(at);
      }
    }
    if (!usuals.length || covered.size < keys.length) return "";
    const has = new Set(keys);
    const added = usuals.flatMap((usual) => withoutElision(usual).split(/\s+/)).filter((word) => {
      const key = trimmed(word);
      return key && !stopWords.has(key) && !has.has(singular(key)) && has.add(singular(key));
    });
    return added.join(" ");
  }
  const inTheirSense = (words) => (words.includes('"') ? words : words.split(/\s+/).map(pagefindWord).join(" "));

  // The words that join alternatives, as typed, accents kept ("où" is not "ou"; or_words in
  // deepscopie/catalogues/languages.yaml, set on the dialog).
  const orWords = listedWords("or_words", (word) => word);
  // A slash set apart between two words joins them too (see slashesApart).
  const joinsAlternatives = (word) =>
    word === "/" || orWords.has(word.toLowerCase().replace(/[.,;:!?]+$/, "")); // "vs."

  // The words that ask for something other than what they name (instead_words in
  // deepscopie/catalogues/languages.yaml, set on the dialog; "alternative à", "au lieu de").
  const insteadWords = listedWords("instead_words");
  // Whether a word of a question as searched (see terms) is one of them: "au lieu de
  // knossos" is searched "au lieux de knossos", and "lieux" was required. (Not in the
  // question as typed: "lieux" is also a word of its own.)
  const insteadAsSearched = new Set([...insteadWords].map((word) => bare(terms(word))));
  const asksForAnother = (word) => insteadWords.has(bare(word)) || insteadAsSearched.has(bare(word));
  // What the reader wants another of: the words after an instead-word ("to" and "de" aside)
  // up to the next stop word ("un équivalent d'ilastik dans Fiji" wants one in Fiji), or
  // those before it when it ends the question ("labelimg online alternative"; "julia instead
  // of python" wants Julia).
  // `asSearched`: the question is in the form search gives it (see terms, asksForAnother);
  // `compared`: what comparisonIn read in it, if anything.
  const bareWords = (question) => typedTerms(question).split(/\s+/).map(bare).filter(Boolean);
  function replacedWords(question, asSearched, compared) {
    if (compared) return compared.tool;
    const words = bareWords(question);
    const asks = asSearched ? asksForAnother : (word) => insteadWords.has(word);
    const at = words.findIndex(asks);
    if (at < 0) return [];
    const after = namedAfter(words.slice(at + 1), asks);
    return after.length ? after : namedAfter(words.slice(0, at).reverse(), asks).reverse(); // as typed
  }
  // The first words of `list` but stop words and words that ask for another, up to the next.
  function namedAfter(list, asks) {
    const start = list.findIndex((word) => !stopWords.has(word) && !asks(word));
    if (start < 0) return [];
    const end = list.findIndex((word, place) => place > start && (stopWords.has(word) || asks(word)));
    return list.slice(start, end < 0 ? list.length : end);
  }
  // "autre logiciel d'annotation que napari", "an annotation tool other than napari": a word
  // that asks for another, a comparing word a few words after it (other_words, than_words),
  // then a resource's name. The words after "autre" were taken for what the reader wanted
  // another of, and "other" asks for nothing alone: napari came first. `tool`: the name; `job`:
  // the words between, which may name the job wanted ("annotation"). Not "que" of a clause
  // ("alternative à ilastik que je peux utiliser sans GPU"), nor "than" after other words
  // ("I have other images than the ones cellpose was trained on"), nor before the names have
  // come (the question is then searched as typed).
  const otherWords = listedWords("other_words");
  const thanWords = listedWords("than_words");
  // A word that says better asks for another as "autre" does, right before the comparing
  // word ("il y a mieux que ilastik ?", "anything better than TrackMate") or one word apart
  // ("better suited than"); so does a comparative (comparative_words: "anything faster than
  // ilastik") right before it, and a word of degree before a quality ("plus rapide
  // qu'ilastik", "more accurate than stardist"). Only when the question names no other
  // resource: "is stardist better than cellpose?" asks about both. Not a word of degree
  // before other words: "plus de noyaux que cellpose n'en trouve", "de plus, est-ce que
  // cellpose gère la 3D ?", "more nuclei than stardist detects" ask about that tool.
  // Searched as a word, "better" drew a paper that "does better than random search"; the
  // comparative and the quality are searched (Labkit for "faster": it says "fluide", which
  // the vocabulary groups with "fast").
  const betterWords = listedWords("better_words");
  const comparativeWords = listedWords("comparative_words");
  const degreeWords = listedWords("degree_words");
  const qualityWords = listedWords("quality_words");
  function saysBetterAt(words, at) {
    const [word, next, then] = [words[at], words[at + 1], words[at + 2]];
    if (betterWords.has(word)) return thanWords.has(next) || (!stopWords.has(next) && thanWords.has(then));
    if (comparativeWords.has(word)) return thanWords.has(next);
    return degreeWords.has(word) && qualityWords.has(next) && thanWords.has(then);
  }
  const COMPARED_WITHIN = 4; // the most words between "autre" and "que"
  function comparedIn(words) {
    if (!nameList) return null;
    const other = words.findIndex((word, at) => otherWords.has(word) || saysBetterAt(words, at));
    if (other < 0) return null;
    const than = words.findIndex((word, place) => place > other && place <= other + COMPARED_WITHIN + 1 && thanWords.has(word));
    if (than < 0) return null;
    const tool = namedAfter(words.slice(than + 1), () => false);
    if (!tool.length || !isName(tool[0])) return null;
    const namesAnother = words.some((word) => isName(word) && word !== tool[0]);
    if (!otherWords.has(words[other]) && namesAnother) return null;
    return { tool: tool.slice(0, 1), job: words.slice(other + 1, than) };
  }
  // "something like labelimg", "un outil similaire à ilastik": a word that likens (like_words),
  // after a word for a thing to use (thing_words) or first, then, one stop word apart at most
  // ("to", "à"), a resource's name, which the reader wants another of (ilastik's own FAQ
  // entry came first). Not "I'd like to train StarDist", "it looks like cellpose merges
  // nuclei", "des images similaires à cellpose": that resource, or its images.
  const likeWords = listedWords("like_words");
  const thingWords = listedWords("thing_words");
  function likenedIn(words) {
    if (!nameList) return null;
    for (const [at, word] of words.entries()) {
      if (!likeWords.has(word) || (at > 0 && !thingWords.has(words[at - 1]))) continue;
      const next = stopWords.has(words[at + 1]) ? words[at + 2] : words[at + 1];
      if (next && isName(next)) return { tool: [next], job: [] };
    }
    return null;
  }
  // "segmentation sans napari", "tracking but not trackmate": a word that excludes what it
  // names, right before a resource's name, which the reader wants another of (napari came
  // first: "sans" and "napari" were both searched, and only napari's entry has both). A word
  // that excludes anything after it (negation_words: "sans", "without", "ni"), or one that
  // does only after what the reader wants in its place (not_words after a resource's name,
  // a but word, a job or a thing: "cellpose not napari", "but not trackmate", "cell
  // segmentation not cellpose", "a tool not fiji"; or first, "pas de fiji", "no napari",
  // which listed Fiji's plugins and napari first; not "je ne connais pas napari",
  // "pourquoi pas napari", "tutoriel pas à pas cellpose"); with the names an or word or an and word
  // joins to it ("sans napari ou fiji", "sans cellpose et stardist"; not "sans napari dans
  // fiji"). The question's other words may
  // name the job ("segmentation"). When it names another resource ("cellpose not napari"),
  // that one is what the reader wants, and no alternatives are looked for (`aside`; see
  // withAlternatives). Either way, the entries of those excluded are left out of those
  // shown (withoutReplaced). Not a word apart from the name: "cellpose ne marche pas avec
  // napari" asks about both.
  const negationWords = listedWords("negation_words");
  const notWords = listedWords("not_words");
  const butWords = listedWords("but_words");
  const andWords = listedWords("and_words");
  const excludesAt = (words, at) => negationWords.has(words[at]) || (notWords.has(words[at]) && (at === 0 || wantedInstead(words[at - 1])));
  const wantedInstead = (word) => butWords.has(word) || isName(word) || thingWords.has(word) || Boolean(taskNamed([word]));
  function negatedIn(words) {
    // Not beside a word that asks for another ("alternative à napari sans fiji" wants
    // another napari).
    if (!nameList || words.some((word) => insteadWords.has(word))) return null;
    const tool = [];
    const negation = []; // its words, not searched
    for (const [at, word] of words.entries()) {
      // One stop word apart at most: "mais pas avec Fiji", "but not with napari".
      const apart = stopWords.has(words[at + 1]) && excludesAt(words, at) ? 1 : 0;
      const next = words[at + 1 + apart] || "";
      if (!isName(next) || tool.includes(next)) continue;
      if (excludesAt(words, at)) {
        if (at > 0 && butWords.has(words[at - 1])) negation.push(words[at - 1]);
        negation.push(...words.slice(at, at + 1 + apart));
        tool.push(next);
      } else if (at > 0 && tool.includes(words[at - 1]) && (orWords.has(word) || andWords.has(word))) {
        // Not after another word: "sans napari dans fiji" wants Fiji.
        negation.push(word);
        tool.push(next);
      }
    }
    if (!tool.length) return null;
    const job = words.filter((word) => !tool.includes(word) && !negation.includes(word));
    return { tool, job, negation, aside: words.some((word) => isName(word) && !tool.includes(word)) };
  }
  // What a question compares with a resource it names, if anything (see comparedIn, likenedIn,
  // negatedIn). ("plus rapide qu'ilastik": the elided "que" is kept for it, the other
  // elisions dropped.)
  const comparisonIn = (question) => {
    const words = bareWords(minusAsNegation(question).replace(ELIDED, (elided) => (/^qu/i.test(elided) ? "que " : "")));
    // (Not in a phrase in quotes, searched as written.)
    return comparedIn(words) || likenedIn(words) || (openQuoteApart(question).includes('"') ? null : negatedIn(words));
  };
  // A word right after a minus ("nuclei -fiji", as in a web search engine) is one a
  // negation word excludes (see negatedIn); its minus was dropped, and the word required.
  const NEGATION = [...negationWords][0] || "";
  const minusAsNegation = (question) => (NEGATION ? question.replace(/(^|\s)[-\u2212](?=\p{L})/gu, `$1${NEGATION} `) : question);
  // A word of that comparison, not searched in a question for another resource.
  const compares = (word) =>
    [otherWords, betterWords, degreeWords, thanWords, likeWords].some((list) => list.has(bare(word)));
  // Whether what comparisonIn read (`compared`) is an exclusion (see negatedIn).
  const excluding = (compared) => Boolean(compared && compared.negation);
  // Whether a word is one of what `compared` read, a comparison or an exclusion.
  const comparing = (word, compared) =>
    Boolean(compared) && (compares(word) || (excluding(compared) && compared.negation.includes(bare(word))));
  // When no entry that does its job was found (see withAlternatives, whose order is then
  // kept), the results with the entries of what the reader wants another of put fourth and
  // after: "alternative à Google Colab" gave Google Colab first, as it has every word. Its own entry
  // is one whose name (its title before a colon or a parenthesis), of one or two words, has
  // a word the reader named, of four letters or more ("colab" of "Google Colab"); when that
  // word is a resource's name (search-names.json), every entry titled with it is of that
  // resource too: "alternative to cellpose" gave five entries about Cellpose (its talk, its
  // dataset, its tutorial), and no other tool. Not any word of a title: "online" of
  // "labelimg online alternative" is what the reader wants.
  // `excluded`: the reader said to leave it out ("sans napari", see negatedIn): its entries
  // shown are left out rather than put after, and the status says so.
  const REPLACED_BELOW = 3;
  // Whether an entry is of a resource `replaced` (bare words) names: its own entry, by its
  // title (`isOwn`), or another (`titled`): titled with a resource's name, or a plugin of
  // those alone (`pluggedInto`, the names of what an entry plugs into, apart by spaces:
  // deepscopie/render/search_names.py, plugins_of; not the BioImage Model Zoo, which plugs
  // into napari too, for "sans fiji").
  function ofResources(replaced) {
    const isOwn = (title) => {
      const name = title.split(/:| \(| – /)[0].split(/\s+/).map(bare).filter(Boolean);
      return name.length <= 2 && name.some((word) => word.length >= 4 && replaced.has(word));
    };
    const resourceNames = [...replaced].filter(isName);
    const pluginOf = (pluggedInto) => {
      const into = pluggedInto.split(" ").filter(Boolean);
      return into.length > 0 && into.every((name) => replaced.has(name));
    };
    const titled = (title, pluggedInto = "") => resourceNames.some((name) => wordsOfTitle(title).has(name)) || pluginOf(pluggedInto);
    return { isOwn, titled };
  }
  function withoutReplaced(shown, replacedList, excluded = false) {
    const replaced = new Set(replacedList);
    if (!replaced.size || shown.placed) return shown; // by withAlternatives
    const title = (data) => String(data.meta.title || "");
    const ofReplaced = ofResources(replaced);
    const isOwn = (data) => ofReplaced.isOwn(title(data));
    const titledWithName = (data) => ofReplaced.titled(title(data), data.meta.plugs_into);
    const of = shown.entryData.map((data, at) => ((excluded || at < REPLACED_BELOW) && isOwn(data)) || titledWithName(data));
    if (excluded) {
      const kept = of.flatMap((is, at) => (is ? [] : [at]));
      const left = reordered(shown.found, shown.entryData, kept);
      // (And those of the entries "more results" fetches: see moreButton.)
      const leftOut = (data) => isOwn(data) || titledWithName(data);
      return { ...shown, ...left, whole: Math.min(shown.whole, left.found.length), leftOut };
    }
    if (!of.slice(0, REPLACED_BELOW).some(Boolean)) return shown;
    const others = of.flatMap((is, at) => (is ? [] : [at]));
    const theirs = of.flatMap((is, at) => (is ? [at] : []));
    // Its own entry first: named so, the shortest title ("Cellpose", then "Cellpose : réseau
    // généraliste ou spécialiste").
    const rank = (at) => [isOwn(shown.entryData[at]) ? 0 : 1, title(shown.entryData[at]).length];
    theirs.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1] || a - b);
    const order = [...others.slice(0, REPLACED_BELOW), ...theirs, ...others.slice(REPLACED_BELOW)];
    return { ...shown, ...reordered(shown.found, shown.entryData, order) };
  }

  // The entries of a tool the question excludes left out of all those found, not only of
  // those shown (withoutReplaced), when they are few enough to read at once: the count was
  // of them all ("segmentation sans cellpose": 41 entries, of which "more results" showed
  // 34). Beyond, "more results" leaves them out as it reads them (see moreButton).
  const MOST_READ_FOR_EXCLUSION = 100;
  async function withoutExcluded(shown, stale) {
    const { found, entryData, leftOut } = shown;
    if (!leftOut || found.length <= entryData.length || found.length > MOST_READ_FOR_EXCLUSION) return shown;
    const rest = found.slice(entryData.length);
    const restData = await Promise.all(rest.map((result) => result.data()));
    if (stale()) return shown;
    const kept = [...found.slice(0, entryData.length), ...rest.filter((_, at) => !leftOut(restData[at]))];
    return { ...shown, found: kept, whole: Math.min(shown.whole, kept.length) };
  }

  // A question for another tool than one it names ("instead of ilastik", "équivalent de
  // trackmate"): the word that asks for another is not searched; entries that say it
  // ("Simulating images instead of annotating them?", glossaries giving a word's French
  // "équivalent") came first, not the tool nor what does its job (see withAlternatives).
  // Kept for other questions: "à ma place", "d'un autre microscope" lost their answers
  // without it. The names were fetched with the engine (prepare); until they have come, the
  // question is searched as typed.
  function withoutAskingForAnother(words, replaced, compared) {
    if (!replaced.some(isName)) return words;
    const kept = words.split(/\s+/).filter((word) => !asksForAnother(word) && !comparing(word, compared));
    if (!excluding(compared)) return kept.length ? kept.join(" ") : words;
    // Nor, after a word that excludes it, the names: only their own entries have both. When
    // nothing else is asked, the first, as "alternative à napari" ("sans napari ni fiji").
    const others = kept.filter((word) => !compared.tool.includes(bare(word)));
    return others.some((word) => !stopWords.has(bare(word))) ? others.join(" ") : compared.tool[0];
  }

  // What each task is called in the page's language, and the words that name it (task_names
  // and task_words, set on the dialog).
  const taskNames = new Map();
  const taskOfWord = new Map();
  try {
    for (const [id, name] of Object.entries(JSON.parse(dialog.dataset.dsTaskNames || "{}"))) {
      if (typeof name === "string") taskNames.set(id, name);
    }
    for (const [id, words] of Object.entries(JSON.parse(dialog.dataset.dsTaskWords || "{}"))) {
      if (typeof words !== "string" || !taskNames.has(id)) continue;
      for (const word of words.split(/\s+/).filter(Boolean)) if (!taskOfWord.has(word)) taskOfWord.set(word, id);
    }
  } catch (error) {
    console.warn("Search: the names of the tasks could not be read", error);
  }
  // The task a question's words name, if any ("d'annotation", "masques": annotation).
  function taskNamed(words) {
    for (const word of words.map(trimmed)) {
      const task = taskOfWord.get(word) || taskOfWord.get(singular(word));
      if (task) return task;
    }
    return null;
  }
  // A question for another than a resource it names ("alternative à ilastik", "équivalent de
  // trackmate") opens on the entries that do its job, then its own entry, then what the
  // question found (withoutReplaced is then left out). It gave the entries that mention the name (the
  // image.sc forum and HDF5 for ilastik) or TrackMate alone. Its job is its own entry's
  // first task (search-jobs.json, see deepscopie/render/search_jobs.py), searched by that
  // task's name with the question's other words ("dans Fiji"). Kept: those that have the
  // task, of its type or used some way as it is (TrackMate, a plugin, has ilastik, an
  // application; MNIST, a dataset, had scikit-learn), never an entry titled with the name
  // (its talk, its dataset), nor one a reader cannot use today (see usableFirst). In that
  // order (see rank below): those with the other words, those of its type, the more tasks
  // and ways they share with it the better. Not when its own entry is a work about it rather
  // than the thing ("Fiji : des ROI au masque de labels", a plugin, as no entry is Fiji).
  const ALTERNATIVES_READ = 3 * SHOWN;
  let knownJobs = null; // the promise of the file, fetched by the first such question
  function entryJobs() {
    // Without it, no entry does the job: the question's own results.
    if (!knownJobs) knownJobs = siteTable(names.jobs);
    return knownJobs;
  }
  async function withAlternatives(pagefind, shown, asked, words, compared, stale) {
    if (compared && compared.aside) return shown;
    // What it names (`words`, see replacedWords): a resource's one-word name
    // (search-names.json), or words that together are the title of an entry found ("Google
    // Colab", "Tissue Analyzer"). Not split at a colon, unlike withoutReplaced's own entry:
    // "Fiji : des ROI au masque de labels" is a work about Fiji, not Fiji.
    const named = words.filter(isName);
    const nameOf = (data) => bare(String(data.meta.title || "").split("(")[0]);
    const together = words.length > 1 ? words.join("") : null;
    const ownOf = named.length
      ? (data) => (data.meta.named || "").split(" ").some((name) => named.includes(name))
      : (data) => nameOf(data) === together;
    const at = shown.entryData.findIndex(ownOf);
    if (at < 0 && !named.length) return shown;
    const entry = at >= 0 ? shown.found[at] : await namedEntry(pagefind, named[0]);
    const own = at >= 0 ? shown.entryData[at] : entry && (await entry.data());
    const isTheThing = own && (named.length ? named.includes(nameOf(own)) : nameOf(own) === together);
    if (!isTheThing || stale()) return shown;
    const replaced = named.length ? named : words;
    const jobs = await entryJobs();
    // An entry's tasks and ways, by its id (its address's fragment, as written: ids are
    // letters, digits and hyphens).
    const jobOf = (data) => {
      const id = String(data.meta.href || "").split("#")[1] || "";
      const job = Object.hasOwn(jobs, id) && Array.isArray(jobs[id]) ? jobs[id] : [];
      return { tasks: String(job[0] || "").split(" ").filter(Boolean), ways: String(job[1] || "").split(" ").filter(Boolean) };
    };
    const ownJob = jobOf(own);
    // Its other words, not a "?" apart ("alternative à ilastik ?").
    const other = meaningful(asked).filter(
      (word) => bare(word) && !replaced.includes(bare(word)) && !asksForAnother(word) && !comparing(word, compared),
    );
    // The job the question names between "autre" and "que" (see comparedIn), else its own.
    const task = taskNamed(compared ? compared.job : []) || ownJob.tasks[0];
    if (!task || !taskNames.has(task) || stale()) return shown;
    const sameType = (data) => data.meta.type === own.meta.type;
    // Among `results`, those that do its job; `tier`: how they were found (see rank).
    const ids = new Set([entry.id]);
    const keptAmong = async (results, tier) => {
      const read = results.filter((result) => !ids.has(result.id)).slice(0, ALTERNATIVES_READ);
      const readData = await Promise.all(read.map((result) => result.data()));
      return read.flatMap((result, place) => {
        const data = readData[place];
        const job = jobOf(data);
        // Of its kind: its type, or, for a resource used some way, one used some way too.
        const sameKind = sameType(data) || (ownJob.ways.length > 0 && job.ways.length > 0);
        const theirs = named.length ? titleHas(data, named, false) : titleHas(data, words, true);
        // Not one a reader cannot use today (meta.later, see usableFirst): "alternative à
        // Google Colab" opened on the European Grid Infrastructure, which stopped.
        if (!job.tasks.includes(task) || !sameKind || theirs || data.meta.later) return [];
        ids.add(result.id);
        return [{ result, data, job, place, tier }];
      });
    };
    const searchedFor = async (question) => (await resultsFor(pagefind, searched(terms(question)))).found;
    // Its task with the question's other words ("dans Fiji"); if they leave fewer than
    // three, those of the question's own results that do its job (a long question: "un truc
    // comme cellpose qui marche dans le navigateur, sans rien installer"), then its task
    // alone ("un truc comme cellpose" had none, for "truc").
    let kept = await keptAmong(await searchedFor([taskNames.get(task), ...other].join(" ")), 0);
    if (other.length && kept.length < REPLACED_BELOW && !stale()) kept = [...kept, ...(await keptAmong(shown.found, 1))];
    if (other.length && kept.length < REPLACED_BELOW && !stale()) {
      kept = [...kept, ...(await keptAmong(await searchedFor(taskNames.get(task)), 2))];
    }
    if (stale()) return shown;
    // In the order they were found (Labkit's alternatives in Fiji, then the others), those
    // of its type first; then, for a question with no other words, the more of its tasks and
    // ways they share, the closer (StarDist, for segmentation and detection with Python,
    // rather than ITK-SNAP for Cellpose); else as the words rank them ("un truc comme
    // cellpose qui marche dans le navigateur": nucleAIzer).
    const shared = (job) => job.tasks.filter((one) => ownJob.tasks.includes(one)).length + job.ways.filter((way) => ownJob.ways.includes(way)).length;
    const closeness = (one) => (other.length ? one.place : -shared(one.job));
    const rank = (one) => [one.tier, sameType(one.data) ? 0 : 1, closeness(one), one.place];
    const before = (a, b) => rank(a).map((value, at) => value - rank(b)[at]).find((difference) => difference !== 0) || 0;
    const alternatives = kept.sort(before);
    if (!alternatives.length) return shown;
    const known = new Map(shown.entryData.map((data, place) => [shown.found[place].id, data]));
    for (const { result, data } of alternatives) known.set(result.id, data);
    known.set(entry.id, own);
    const first = alternatives.slice(0, REPLACED_BELOW).map((one) => one.result);
    const rest = alternatives.slice(REPLACED_BELOW).map((one) => one.result);
    // Not after a word that excludes it ("tracking but not trackmate"): its entries are then
    // left out (withoutReplaced).
    const excludes = excluding(compared);
    const found = unique(excludes ? [...first, ...rest, ...shown.found] : [...first, entry, ...rest, ...shown.found]);
    const entryData = await Promise.all(found.slice(0, SHOWN).map((result) => known.get(result.id) || result.data()));
    // Placed: its own entry comes right after them, even when they are fewer than three
    // (withoutReplaced leaves them). Each has every word, when the question's own results had: they answer it (the count
    // then says "n entries"); else the count of those that have them stays.
    const whole = shown.whole === shown.found.length ? found.length : shown.whole;
    return { ...shown, found, entryData, whole, placed: !excludes };
  }

  // The phrases of a chat that only hold a sentence together ("du coup", "quand même",
  // "I was wondering"; filler_words, separated by commas), each as its words: bare, without
  // elided words, as a question's words are when it is searched (see terms; the Python
  // definition: Language.filler_phrases).
  const phrasesListed = (name) =>
    String(wordLists[name] || "")
      .split(",")
      .map((phrase) => withoutElision(phrase).split(/\s+/).map(bare).filter(Boolean));
  const fillerPhrases = phrasesListed("filler_words").filter((words) => words.length);
  // The places in `words` of the `phrases` said whole there (each phrase as its words).
  function placesSaid(words, phrases) {
    const places = new Set();
    words.forEach((_, at) => {
      for (const phrase of phrases) {
        if (phrase.every((word, next) => words[at + next] === word)) phrase.forEach((_, next) => places.add(at + next));
      }
    });
    return places;
  }
  // A question's words (as split on spaces) but its filler phrases, wherever said whole.
  function withoutFillers(words) {
    const filler = placesSaid(words.map(bare), fillerPhrases);
    return words.filter((_, at) => !filler.has(at));
  }

  // The words by which a reader asks to be shown what follows ("liste des cours", "list all
  // courses"; request_words), the verbs by which one asks to be shown a kind of entry
  // ("voir tous les cours", "search for courses"; showing_words), and the synonyms' phrases
  // that say one ("mailing list", "liste de diffusion", "find a model"; asking_phrases,
  // separated by commas), each as its words but stop words, bare and singular. Searched,
  // "list" found the books first (their group's "reading list"), "donne" every entry that
  // says "données", and "voir", a word of the visualisation group, napari for the courses.
  const requestWords = new Set([...listedWords("request_words")].map(bare).map(singular));
  const showingWords = new Set([...listedWords("showing_words")].map(bare).map(singular));
  const phrasesOf = (name) => phrasesListed(name).map((words) => words.filter((word) => !stopWords.has(word)).map(singular));
  const askingPhrases = phrasesOf("asking_phrases").filter((words) => words.length > 1);
  // The names of the kinds of entry (the types' and their groups', kind_phrases; read so
  // already), and the words for a thing to use (thing_words: "find a tool").
  const kindPhrases = [...phrasesOf("kind_phrases"), ...[...listedWords("thing_words")].map((word) => [singular(bare(word))])].filter(
    (words) => words.length,
  );
  const namesAKind = (words) => kindPhrases.some((phrase) => phrase.every((word, at) => words[at] === word));

  // `words` but the request words, and the showing words right before a kind of entry ("voir
  // les cours"; not "afficher une pile 3D", "hyperparameter search"), except where they are
  // a word of a synonym's phrase said whole, stop words aside ("s'abonner à la liste de
  // diffusion", "liste diffusion", "find a model").
  function withoutAsking(words) {
    const singulars = words.map((word) => singular(bare(word)));
    if (!singulars.some((word) => requestWords.has(word) || showingWords.has(word))) return words;
    const inPhrase = placesSaid(singulars, askingPhrases);
    const kept = singulars.map((word, at) => inPhrase.has(at) || !requestWords.has(word));
    singulars.forEach((word, at) => {
      if (!kept[at] || inPhrase.has(at) || !showingWords.has(word)) return;
      // What is asked after it: "voir la liste des cours" shows courses too.
      if (namesAKind(singulars.filter((_, later) => later > at && kept[later]))) kept[at] = false;
    });
    return words.filter((_, at) => kept[at]);
  }

  // The words of a question but its filler phrases, stop words and marks alone (the "?" of
  // "quelqu'un sait ?", the only word left: every entry was shown for it in Explore), a word
  // joining alternatives left alone ("cellpose vs" while the second is typed), and the words
  // by which it asks for entries (see withoutAsking), unless nothing else is left ("list
  // all" is "list", as typed while "list all courses" is).
  // (A French question's verb and subject joined, "est-il", "existe-t-il", "peut-on": their
  // pieces are stop words; Pagefind searched "est" and "il" for it.)
  const inStopWords = (word) => stopWords.has(bare(word)) || (word.includes("-") && fold(word).split("-").every((piece) => stopWords.has(bare(piece))));
  function meaningful(typed) {
    const words = withoutFillers(typed.split(/\s+/)).filter((word) => bare(word) && !inStopWords(word) && !joinsAlternatives(word));
    const asked = withoutAsking(words);
    return asked.length ? asked : words;
  }

  // What a question is searched for: its meaningful words, or all of them when it has none
  // or is a phrase in quotes (Pagefind's exact phrase, searched as written).
  function searched(typed) {
    const kept = typed.includes('"') ? [] : meaningful(typed);
    return kept.length ? kept.join(" ") : typed.split(/\s+/).join(" ");
  }

  // A question split at its or-words, and at the commas of a list before them ("cellpose,
  // stardist ou ilastik"), has two to five sides of a word or two each, things named
  // ("napari ou ilastik", "modèle généraliste ou spécialiste"); a longer one is searched
  // whole ("modèle pré-entraîné ou le trouver", typed for "où"). (Explore listed the
  // entries that say all four of "stardist ou cellpose ou ilastik ou napari": one.)
  const MOST_SIDES = 5;
  const MOST_SIDE_WORDS = 2;

  // The sides of a question that asks for either of two things, each as its meaningful
  // words; none when it does not. `shared`: with the rest of the question each side's (see
  // sharedAround), as Explore reads it; the header's search reads the whole question beside
  // the sides (see entries), and ranked its answers lower with that rest in each.
  function alternatives(typed, shared = false) {
    const words = typed.split(/\s+/);
    const lastJoin = words.findLastIndex(joinsAlternatives);
    const sides = [[]];
    for (const [at, word] of words.entries()) {
      if (joinsAlternatives(word)) sides.push([]);
      else sides[sides.length - 1].push(word);
      if (at < lastJoin && word.endsWith(",")) sides.push([]);
    }
    const kept = sides.map((side) => meaningful(side.join(" "))).filter((words) => words.length);
    if (kept.length < 2 || kept.length > MOST_SIDES) return [];
    const around = shared ? sharedAround(kept) : null;
    if (around) return around.map((words) => words.join(" "));
    const named = (words) =>
      // A side of one or two letters alone ("R", "2D") would be every word that begins so.
      words.length <= MOST_SIDE_WORDS && words.some((word) => !isShort(word));
    return kept.every(named) ? kept.map((words) => words.join(" ")) : [];
  }

  // The sides of alternatives between resources' names (search-names.json) that the rest of
  // the question is about, each with that rest: "segmentation napari ou fiji" is
  // "segmentation napari" or "segmentation fiji", and "cellpose ou stardist pour des noyaux"
  // "cellpose noyaux" or "stardist noyaux" (Explore listed Fiji's every entry for the first,
  // and the entries that say both tools for the second). The names are the words at the
  // or-words: the first side's last, the last side's first, the middle sides' one word.
  // Null when they are not all names, or nothing else was said. (Not without the names: in
  // "u-net ou réseau convolutif", "convolutif" is the second side's own.)
  function sharedAround(sides) {
    const first = sides[0];
    const last = sides[sides.length - 1];
    const middle = sides.slice(1, -1);
    const names = [first.at(-1), ...middle.map((side) => side[0]), last[0]];
    const before = first.slice(0, -1);
    const after = last.slice(1);
    const alone = middle.every((side) => side.length === 1);
    if (!alone || !(before.length || after.length) || !names.every((word) => isName(bare(word)))) return null;
    return names.map((name) => [...before, name, ...after]);
  }

  // What a question asks for, to filter entries by the words of their text (Explore): the
  // sides of a question that asks for either of two things, else the question (in quotes,
  // whole, as the header's search reads it: '"napari ou fiji"' is not either tool); each as
  // its meaningful words (all of them when it has none), lower case without accents or
  // elided article, without the punctuation around them ("(noyaux," is "noyaux"); the first
  // MOST_WORDS words of MOST_LETTERS letters at most, as searched (a pasted word of 300,000
  // letters made a pattern too large, and Explore stopped).
  function askedFor(typed) {
    const question = slashesApart(withoutElision(openQuoteApart(typed)));
    const quoted = question.includes('"');
    const sides = quoted ? [] : alternatives(question, true);
    const words = (side) => side.split(/\s+/).slice(0, MOST_WORDS).map(cut).map(trimmed).filter(Boolean);
    // (Explore has no phrase: a phrase's meaningful words, as without its quotes. Its little
    // words were each required, and a group's phrase in quotes was not read as the group's:
    // '"image pleine de grain"' found nothing.)
    const whole = searched(quoted ? question.replaceAll('"', " ") : question);
    return (sides.length ? sides : [whole]).map(words).map(asItIsNow).filter((side) => side.length);
  }
  // A resource's names and words that ask for it as it is now ("dernière version de
  // stardist": see withNamedResources): its names alone. Explore required "dernière" and
  // "version", and listed nothing.
  function asItIsNow(words) {
    const names = words.filter((word) => !aboutItsVersion(word));
    return names.length && names.length < words.length && names.every((word) => isName(bare(word))) ? names : words;
  }
  window.deepscopie.askedFor = askedFor;
  window.deepscopie.withoutElision = withoutElision; // the words said back (see typedTerms)
  // A word of askedFor as the header's search gives it to Pagefind (a French participle in
  // -ée(s) as its -é, see asMasculine), for Explore to find what search finds.
  window.deepscopie.asSearched = (word) => fold(asMasculine(word));
  window.deepscopie.isParticiple = (word) => isParticiple(fold(asMasculine(word)));
  window.deepscopie.verbStem = (word) => verbStem(fold(word));
  window.deepscopie.participleStem = (word) => participleStem(fold(asMasculine(word)));
  window.deepscopie.needsTheLanguageSWords = (word) => needsTheLanguageSWords(fold(word));
  window.deepscopie.formsOfTheLanguage = frenchForms ? formsOfTheLanguage : null;

  // Each result once, at its first place (results of different searches are different
  // objects for the same entry).
  function unique(results) {
    const seen = new Set();
    return results.filter((result) => !seen.has(result.id) && seen.add(result.id));
  }

  // Each list's first results, then each one's second…, each entry once.
  function interleaved(lists) {
    const longest = Math.max(0, ...lists.map((list) => list.length));
    const ranked = [];
    for (let rank = 0; rank < longest; rank++) {
      for (const list of lists) if (rank < list.length) ranked.push(list[rank]);
    }
    return unique(ranked);
  }

  // A question that asks for either of two things ("napari ou fiji", "cellpose vs stardist"):
  // each side's own entry (its title is the side), then the entries that name every side
  // (what compares them, which the reader is choosing between), then, in turn, those of each
  // side. Pagefind, which requires every word, would give only the second, and neither of
  // the two asked for. (Taken in turn with each side's, the comparisons came late:
  // "cellpose ou stardist" had the FAQ's answer on what sets them apart sixth, after
  // Cellpose's dataset and StarDist's plugin.)
  async function entries(pagefind, typed, stale) {
    const sides = typed.includes('"') ? [] : alternatives(typed);
    if (sides.length < 2) return entriesOf(pagefind, typed, stale);
    // Together: Pagefind's worker searches one after the other, but fetches the words'
    // files meanwhile.
    const [together, ...each] = await Promise.all([
      resultsForWhole(pagefind, sides.join(" ")),
      ...sides.map((side) => entriesOf(pagefind, side, stale)),
    ]);
    const named = (await Promise.all(each.map((side, at) => namedAmong(side.found, [sides[at]])))).flat();
    const others = [...together.found, ...interleaved(each.map((side) => side.found))];
    const found = unique([...named, ...others]);
    // Each has the words of one side at least: what was asked.
    return { found, pages: interleaved([together.pages, ...each.map((side) => side.pages)]), whole: found.length };
  }

  // The entries among the first results whose title is what was asked ("track mate" is
  // TrackMate), whose data is fetched to show them anyway.
  async function namedAmong(found, asked) {
    const names = new Set(asked.map(bare));
    const head = found.slice(0, SHOWN);
    const titles = await Promise.all(head.map(async (result) => bare((await result.data()).meta.title)));
    return head.filter((_, at) => names.has(titles[at]));
  }

  // A reader who types a resource's name gets that resource first, before the entries that
  // mention it most.
  async function namedFirst(found, asked) {
    return unique([...(await namedAmong(found, asked)), ...found]);
  }

  // The name a word alone begins when it begins only that one, as a name being typed
  // ("cellpo" is Cellpose, which came fifth, after its dataset, talks and tutorial; "label"
  // begins four names, and "cell" is a word).
  function begunName(question) {
    const word = bare(question);
    if (!nameList || word.length < 5 || /\s/.test(question.trim()) || isName(word)) return [];
    const begun = Object.keys(nameList).filter((name) => name.startsWith(word));
    return begun.length === 1 ? begun : [];
  }
  // The name a question of a resource's name and a version is ("cellpose 3", "napari
  // v0.4", "StarDist 2.0"): after an entry titled with both ("Cellpose 2.0 : …" for
  // "cellpose 2"), the resource's own. "cellpose 3" had Cellpose's dataset first (its title
  // and text say "3" and "Cellpose" most), Cellpose second; "cellpose 2", Cellpose 2.0's
  // tutorial sixth.
  const VERSION = /^v?(\d+(?:\.\d+)*)$/i;
  // A version as compared: without its "v" and its last ".0"s ("v2.0" is "2").
  const versionOf = (word) => {
    const found = VERSION.exec(word);
    return found ? found[1].replace(/(?:\.0+)+$/, "") : null;
  };
  function versionedName(question) {
    const words = question.trim().split(/\s+/);
    if (words.length !== 2 || versionOf(words[1]) === null || !isName(bare(words[0]))) return [];
    return [words[0]];
  }
  // The first results, an entry titled with the name and that version first ("Cellpose 2.0 :
  // …" for "cellpose 2", not "Cellpose 3D" for "cellpose 3", nor "Cellpose 10" for "cellpose
  // 1").
  async function versionFirst(found, question) {
    const [name] = versionedName(question);
    if (!name) return found;
    const version = versionOf(question.trim().split(/\s+/)[1]);
    const head = found.slice(0, SHOWN);
    const titled = await Promise.all(
      head.map(async (result) => {
        const [first, second = ""] = fold((await result.data()).meta.title || "").split(/[^\p{L}\p{N}.]+/u).filter(Boolean);
        const said = versionOf(second.replace(/\.$/, ""));
        return first === bare(name) && said !== null && (said === version || said.startsWith(`${version}.`));
      }),
    );
    return unique([...head.filter((_, at) => titled[at]), ...found]);
  }

  // A resource's name typed wrong ("celpose", "ilastick", "fidji"). Pagefind, which has no
  // typo tolerance, searches a word that no entry has as the longest beginning of it that one
  // has ("cel"): anything but the tool. Such a word is searched as the name it is nearest
  // to (search-names.json, written by deepscopie/render/search_names.py: lower case -> as
  // written), and the question as typed stays one click away. Key by key, the word being
  // typed is put right once the keys pause (it may be the beginning of a word: "augmenta",
  // one letter from "Augmend"); until then a question whose last word may be a slip is not
  // shown, the results before it stay ("no entry has celpose" came first).
  let knownNames = null; // the promise of the file
  let nameList = null; // its names, once fetched
  const isName = (word) => Boolean(nameList) && Object.hasOwn(nameList, word);
  function entryNames() {
    // Without it, a question is searched as typed.
    if (!knownNames) knownNames = siteTable(names.names).then((table) => (nameList = table));
    return knownNames;
  }
  // The path of the page's language's file named by `template` ("search-words-{language}.json"),
  // or null when the page's index names have none (a page from before the file).
  function languageFile(template) {
    return template ? template.replace("{language}", document.documentElement.lang.toLowerCase()) : null;
  }
  // A JSON object of the site (`path` from its root), or {} when it cannot be had.
  function siteTable(path) {
    return fetch(`${siteRoot}${path}`)
      .then((response) => (response.ok ? response.json() : {}))
      .catch(() => ({}))
      .then((table) => (table && typeof table === "object" && !Array.isArray(table) ? table : {}));
  }

  // How many letters differ, are missing, are added or swapped ("stardsit") between two
  // words, counted up to `most` (more is most + 1): the optimal string alignment distance.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) return most + 1;
    let before = null;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const row = [i];
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], before[j - 2] + 1);
        }
      }
      if (Math.min(...row) > most) return most + 1;
      [before, previous] = [previous, row];
    }
    return Math.min(previous[b.length], most + 1);
  }

  // The word of `candidates` (lower case, the preferred first) a word of `shortest` letters
  // or more is nearest to: one letter away, two for a word of eight letters or more, with
  // the same first letter (a slip rarely falls there), the first of those as near. None for
  // a word that begins a candidate or that a candidate begins ("cell", "cellposes"):
  // Pagefind finds those itself.
  const LONG_WORD = 8;
  // No reader types a longer word (search_names.LONGEST_WORD): comparing words takes the
  // product of their lengths, and a contributed 20,000-letter word froze the page.
  const LONGEST_WORD = Number(names.longest_word);
  function nearest(word, candidates, shortest = 4) {
    const letters = Array.from(word).length;
    if (letters < shortest || letters > LONGEST_WORD || !/^\p{L}+$/u.test(word)) return null;
    const most = word.length >= LONG_WORD ? 2 : 1;
    let best = null;
    let bestDistance = most + 1;
    for (const name of candidates) {
      if (name[0] !== word[0] || name.startsWith(word) || word.startsWith(name)) continue;
      const far = distance(word, name, most);
      if (far < bestDistance) [best, bestDistance] = [name, far];
    }
    return best;
  }
  const nearestName = (word) => (!nameList || isName(word) ? null : nearest(word, Object.keys(nameList)));

  // A common word that no entry has may be one typed wrong near its start ("carte grafique",
  // "micrsocopy"; near its end, Pagefind finds the beginning). It is more often a word the
  // entries do not use ("centaines", "côté", "conference" are one or two letters from
  // "certaines", "coûte", "confluence"): the question is searched without it, as before,
  // and the reader is offered the question with the word of the entries it is nearest to,
  // the commonest of those as near. The language's words (search-words-<language>.json,
  // written by deepscopie/render/search_words.py, commonest first) are fetched the first
  // time a question has such a word.
  const SHORTEST_WORD = Number(names.shortest_word); // search_records.SHORTEST_WORD
  // The file has the language's own words, then those it borrows from another language of
  // the site (see deepscopie/render/search_words.py), offered only for a long word: a short
  // one is more often a word of the language that no entry has ("double" was offered the
  // English "doable").
  // And the words the synonym groups give the entries, never offered (they mix languages),
  // which tell a participle from a noun (asMasculine: "étiquetées" of "étiqueter").
  let knownWords = null; // the promise of the file: {own, borrowed, given: {folded word: as written}}
  const asWords = (list) => new Map((Array.isArray(list) ? list : []).map((word) => [bare(String(word)), String(word)]));
  // The language's words, for asMasculine: a question that may have a participle waits for
  // them (see search), and Explore asks for them when it starts.
  function formsOfTheLanguage() {
    return languageWords().then(({ own, borrowed, given }) => {
      knownForms = new Set([...own.keys(), ...borrowed.keys(), ...given.keys()]);
    });
  }
  function languageWords() {
    if (!knownWords) {
      const file = languageFile(names.words);
      // Without it, nothing is offered.
      knownWords = (file ? siteTable(file) : Promise.resolve({})).then((words) => ({
        own: asWords(words.own),
        borrowed: asWords(words.borrowed),
        given: asWords(words.given),
      }));
    }
    return knownWords;
  }
  // The question as typed with each of its `missing` words replaced by the entries' word it
  // is nearest to, wherever it stands whole ("d'un côté" keeps its "d'"); null when none is
  // near.
  // `sure`: each word mended is of LONG_WORD letters or more and a slip of the entries' word
  // a reader's fingers make, two letters swapped or a double letter typed once or a letter
  // typed twice ("micrsocopy", "trakcing", "anotation", "aprentissage"): a real word no
  // entry has is more often a letter away otherwise ("stimulation" and "simulation",
  // "dilution" and "dilation", "macroscopic" and "microscopic", "concours" and "contours"),
  // and is only offered, as "segmantation" is.
  async function mended(question, missing) {
    const { own, borrowed } = await languageWords();
    const words = new Map([...borrowed, ...own]); // the language's spelling of a word of both
    let mendedQuestion = question;
    let sure = true;
    for (const word of new Set(missing)) {
      if (words.has(bare(word))) continue; // a word of the entries, if not of those found
      // A common word of four letters is one letter from many ("côté", "coûte"); the
      // language's words first, as near.
      const long = Array.from(bare(word)).length >= LONG_WORD;
      const candidates = long ? [...own.keys(), ...borrowed.keys()] : own.keys();
      const near = nearest(bare(word), candidates, SHORTEST_WORD);
      if (!near) continue;
      sure = sure && long && swappedOrDoubled(bare(word), near);
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      // No lookbehind (see test_code_quality): what comes before the word is kept as found.
      const whole = new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu");
      mendedQuestion = mendedQuestion.replace(whole, (_, before) => before + words.get(near));
    }
    return mendedQuestion === question ? null : { question: mendedQuestion, sure };
  }

  // Whether two words differ by two letters next to each other swapped, or by one letter
  // beside the same letter ("anotation", "annnotation": "annotation").
  function swappedOrDoubled(a, b) {
    const differsAt = (one, other) => Array.from(one).findIndex((letter, at) => letter !== other[at]);
    if (a.length === b.length) {
      const at = differsAt(a, b);
      return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
    }
    const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
    if (longer.length !== shorter.length + 1) return false;
    const found = differsAt(shorter, longer);
    const at = found < 0 ? shorter.length : found;
    const extra = longer[at];
    return longer.slice(0, at) + longer.slice(at + 1) === shorter && (extra === longer[at - 1] || extra === longer[at + 1]);
  }

  // The names a question's words may stand for, each with its place in the question and the
  // number of words it takes: two or three words that run together into a resource's name
  // ("cell pose", "track mate", "deep image j"; Pagefind found entries of "cell" and "pose"
  // and not Cellpose's), and a word typed wrong for one (not a stop word, nor "ou").
  function slips(question) {
    const words = question.split(/\s+/);
    const joinedAt = (at, size) => words.slice(at, at + size).map(bare).join("");
    // Pieces of letters or digits, none a name itself, nor a word that joins alternatives
    // ("cellpose / stardist" asks for either).
    const piece = (word) => bare(word) && !joinsAlternatives(word) && !isName(bare(word));
    const joins = (at, size) => words.slice(at, at + size).every(piece) && isName(joinedAt(at, size));
    const found = [];
    for (let at = 0; at < words.length; ) {
      const size = nameList ? [3, 2].find((n) => at + n <= words.length && joins(at, n)) : null;
      if (size) {
        found.push({ at, size, word: words.slice(at, at + size).join(" "), name: joinedAt(at, size), joined: true });
        at += size;
        continue;
      }
      const word = words[at];
      const name = stopWords.has(bare(word)) || joinsAlternatives(word) ? null : nearestName(bare(word));
      if (name) found.push({ at, size: 1, word, name, joined: false });
      at += 1;
    }
    return found;
  }

  // Whether the last word of a question may be a name typed wrong, or the end of one typed
  // in pieces.
  function endsWithSlip(question) {
    const last = question.split(/\s+/).length - 1;
    return slips(question).some(({ at, size }) => at + size - 1 === last);
  }

  // The question with each word that no entry has replaced by the name it is nearest to, as
  // searched and as shown ("cellpose", "Cellpose"); null when nothing was replaced.
  // `question`: as searched (see terms); `typed`: as typed, which the reader is shown ("au
  // lieu de", not "au lieux de").
  async function corrected(pagefind, question, typed) {
    await entryNames();
    const searchedWords = question.split(/\s+/);
    const shownWords = typedTerms(typed).split(/\s+/);
    let changed = false;
    const found = slips(question);
    // The entries' words, for a slip nearer one of them than a name ("annotatoin" is
    // "annotation", not AnnotatorJ, which it was searched as).
    const { own } = found.some(({ joined }) => !joined) ? await languageWords() : { own: new Map() };
    // From the last: a name in pieces takes the place of several words.
    for (const { at, size, word, name, joined } of found.reverse()) {
      if (!joined) {
        if ((await withWordAlone(pagefind, word)).results.length) continue;
        const common = nearest(bare(word), own.keys(), SHORTEST_WORD);
        if (common && common !== name && distance(bare(word), common, 2) < distance(bare(word), name, 2)) continue;
      }
      searchedWords.splice(at, size, name);
      shownWords.splice(at, size, nameList[name]);
      changed = true;
    }
    return changed ? { searched: searchedWords.join(" "), shown: shownWords.join(" ") } : null;
  }

  // A question that names a resource among other words ("installer cellpose", "stardist
  // fluorescence model"): that resource's own entry among the first results. Pagefind,
  // which requires every word, ranks first the entries that say them all, and the
  // resource's entry, which rarely says "installer", comes far below them or not at all.
  // It comes second, after the best of those (a question about the resource's dataset
  // wants that entry first). A name is a resource's one-word name (search-names.json); its
  // own entry says so in its record ("named", see named_entries in
  // deepscopie/render/search_names.py).
  const NAMED_AT = 1;
  const versionWords = listedWords("version_words");
  const aboutItsVersion = (word) => [bare(word), singular(bare(word))].some((form) => versionWords.has(form) || degreeWords.has(form));
  async function namedEntry(pagefind, word) {
    const found = (await resultsFor(pagefind, word)).found.slice(0, SHOWN);
    const data = await Promise.all(found.map((result) => result.data()));
    return found[data.findIndex((one) => (one.meta.named || "").split(" ").includes(word))];
  }
  async function withNamedResources(pagefind, question, found, stale) {
    const words = meaningful(question).map(trimmed).filter(Boolean); // not a "?" apart
    if (words.length < 2 || !nameList) return found;
    // (Those that ask for a resource as it is now, "la version la plus récente de cellpose",
    // ask for it: version_words, and degree words.)
    const asked = new Set(words.filter((word) => !aboutItsVersion(word)));
    const entries = []; // the own entries of the names asked, in the question's order
    for (const word of [...asked].filter(isName)) {
      if (stale()) return found;
      const entry = await namedEntry(pagefind, word);
      if (entry) entries.push(entry);
    }
    // A question of resources' names alone ("ilastik napari") asks for those resources: they
    // come first, in the question's order, unless the first entry found is titled with all
    // of them ("StarDist for Fiji"). The image.sc forum, whose description lists every
    // tool, came first. (Not for a name without an entry of its own: "stardist qupath".)
    // A name asked about as it is now: its own entry, before its talks and its plugins.
    const itself = asked.size === 1 && words.length > 1;
    const namesAlone =
      entries.length === asked.size && found.length > 0 && (itself || !titleHas(await found[0].data(), [...asked], true));
    if (namesAlone) return unique([...entries, ...found]);
    let placed = found;
    for (const entry of entries) {
      if (!placed.slice(0, NAMED_AT + 2).some((result) => result.id === entry.id)) {
        placed = unique([...placed.slice(0, NAMED_AT), entry, ...placed.slice(NAMED_AT)]);
      }
    }
    return placed;
  }
  // A task typed alone, or with words for a thing to use ("Segmenter", "outil de
  // segmentation", "visualisation"), opens on the resources Explore lists first for its box:
  // it opened on two papers titled with the word, and Cellpose came seventh. Those of them
  // the question found, in their places: they are the entries with the task's values of the
  // leads' filter (see deepscopie/render/search_leads.py). Not with any other word:
  // "segmentation 3D", "segmentation sans fiji", "cours de segmentation" ask for more than
  // the task.
  const MOST_LEADS = Number(names.most_leads) || 0;
  // The words that ask what a thing is or why (explaining_words): the task named with one
  // asks for its explanation, not for its tools.
  const explainingWords = listedWords("explaining_words");
  const asksWhatItIs = (question) =>
    fold(question)
      .replace(/’/g, "'")
      .split(/[^\p{L}'-]+/u)
      .some((word) => explainingWords.has(word));
  // The task's words of a question that says nothing else ([] if it does). The other words
  // of the task's name count as its own beside one of them ("augmentation de données",
  // "data augmentation", "entraîner un réseau"; not "données" alone, nor "c'est quoi
  // l'augmentation de données", which asks what it is).
  function taskAlone(question) {
    if (asksWhatItIs(question)) return [];
    const words = meaningful(question).filter((word) => trimmed(word) && !thingWords.has(trimmed(word)));
    const tasks = new Set(words.map((word) => taskNamed([word])).filter(Boolean));
    if (tasks.size !== 1) return [];
    const [task] = tasks;
    const ofItsName = new Set(meaningful(taskNames.get(task) || "").map((word) => singular(trimmed(word))));
    const its = (word) => taskNamed([word]) === task;
    return words.every((word) => its(word) || ofItsName.has(singular(trimmed(word)))) ? words.filter(its) : [];
  }
  async function withTaskLeads(pagefind, question, found, stale) {
    const words = taskAlone(question);
    if (!words.length || !names.lead || !found.length) return found;
    const places = Array.from({ length: MOST_LEADS }, (_, at) => `${taskNamed(words)}-${at + 1}`);
    // The task's words, whose index the question fetched (a search without words fetched
    // every entry's list of filters, 3 MB at 10,000 entries); those the question found are kept.
    const search = await pagefind.search(inTheirSense(words.join(" ")), { filters: { [names.lead]: { any: places } } });
    const ids = new Set(found.map((result) => result.id));
    const leads = search ? search.results.filter((result) => ids.has(result.id)) : [];
    if (stale() || !leads.length) return found;
    const data = await Promise.all(leads.map((result) => result.data()));
    const place = (one) => Math.min(...(one.filters?.[names.lead] || []).map((value) => places.indexOf(value)).filter((at) => at >= 0));
    const order = [...leads.keys()].sort((a, b) => place(data[a]) - place(data[b]));
    return unique([...order.map((at) => leads[at]), ...found]);
  }

  // The meaningful words of a result's title, as a question's are compared with them (bare).
  const wordsOfTitle = (title) => new Set(meaningful(String(title || "")).map(bare).filter(Boolean));
  const titleWords = (data) => wordsOfTitle(data.meta.title);
  // Whether a result's title has the `words` (bare): all of them when `every`, else one.
  function titleHas(data, words, every) {
    const title = titleWords(data);
    return every ? words.every((word) => title.has(word)) : words.some((word) => title.has(word));
  }

  // The entries of a question (its own entry first: `named`, what the reader typed), and the
  // data of those shown.
  async function shownFor(pagefind, question, named, stale) {
    const { found: unordered, pages, whole, lacking } = await entries(pagefind, question, stale);
    const asked = [named, ...begunName(named), ...versionedName(named)];
    const nameFirst = await versionFirst(await namedFirst(unordered, asked), named);
    const placed = await withTaskLeads(pagefind, question, await withNamedResources(pagefind, question, nameFirst, stale), stale);
    const shownData = stale() ? [] : await Promise.all(placed.slice(0, SHOWN).map((result) => result.data()));
    const usable = usableFirst(placed, shownData, question);
    // The entries with every word, by id (none for a question of alternatives: each side's
    // entries count as having them all).
    const complete = new Set(alternatives(question).length ? [] : unordered.slice(0, whole).map((result) => result.id));
    const typeFirst = ofTypeFirst(usable.found, usable.entryData, question, complete);
    return { ...typeFirst, pages, whole, lacking: lacking || new Map() };
  }

  // `found` with its first entries (those of `data`, their data) in the `order` given (their
  // places in `data`), the others after them as they were.
  const reordered = (found, data, order) => ({
    found: [...order.map((at) => found[at]), ...found.slice(data.length)],
    entryData: order.map((at) => data[at]),
  });

  // A question that names a type of entry ("cours deep learning", "livres deep learning",
  // "nuclei dataset": every word of the type's name but its stop words, a plural as its
  // singular) has the first entry of that type among the first TYPE_WITHIN cards: "cours
  // deep learning" opened on a paper titled "deep-learning-based" (Pagefind took its
  // "courbe" for a longer "cours"), and the one course came fourth. Only that one, and only
  // from the entries with every word (`complete`, their ids): the type's word may be the
  // topic ("toy datasets vs real data", "introductory videos" lost their answers when every
  // entry of the type came first), and "napari or fiji tutorial" lifted Cellpose's tutorial.
  const TYPE_WITHIN = 3;
  function ofTypeFirst(found, data, question, complete) {
    // (A word searched as another is that one: "formation" is "cours", the courses' type.)
    const asked = new Set(meaningful(question).map((word) => bare(searchedAs.get(bare(word)) || word)).map(singular).filter(Boolean));
    const isTypeAsked = (type) => {
      const words = meaningful(String(type || "")).map(bare).map(singular).filter(Boolean);
      return words.length > 0 && words.every((word) => asked.has(word));
    };
    const at = data.findIndex((one, place) => complete.has(found[place].id) && isTypeAsked(one.meta.type));
    if (at < TYPE_WITHIN) return { found, entryData: data }; // there already, or none
    const order = [...data.keys()].filter((place) => place !== at);
    order.splice(TYPE_WITHIN - 1, 0, at);
    return reordered(found, data, order);
  }

  // Among the cards shown first, a resource a reader cannot use today (it stopped, or its
  // link is broken: meta.later, out_of_reach in deepscopie/render/health.py) gives
  // its place to the next LATER_BY usable entries: a service that stopped came second for
  // "quelle carte graphique acheter". No further: what it says still answers ("SOTA
  // leaderboard", Papers with Code). Not a resource the question names (its title's words,
  // or its name: "is papers with code still online?", "EGI"), nor one whose title has all
  // the question's words, if they are most of its own ("deep hybrid datacloud"; not
  // "glossaire", nor "computing grid").
  const LATER_BY = 2;
  function usableFirst(found, data, question) {
    const asked = new Set(meaningful(question).map(bare).filter(Boolean));
    const named = (one) => {
      const title = titleWords(one);
      const name = (one.meta.named || "").split(" ");
      const mostOfTitle = asked.size > 1 && asked.size * 2 > title.size && [...asked].every((word) => title.has(word));
      return [...title].every((word) => asked.has(word)) || mostOfTitle || name.some((word) => asked.has(word));
    };
    // Usable entries keep their order (0, 1, 2…); one that is not comes after the LATER_BY
    // usable ones that followed it, then in its order among others like it.
    let usable = 0;
    const place = data.map((one, at) => (one.meta.later && !named(one) ? usable + LATER_BY - 0.5 + at / 100 : usable++));
    const order = data.map((_, at) => at).sort((a, b) => place[a] - place[b]);
    return reordered(found, data, order);
  }

  // The words of a question that none of the entries found has, nor the beginning of:
  // Pagefind searched a shorter beginning of each (it has no word "levure", so "le"; no
  // "rtx", so "r"). Only words of letters or digits, three or more ("RVB", "3090"; a word
  // of one or two letters is every word that begins so); a word's end may differ
  // ("studies" finds "study", as Pagefind's stems do), and a text may write it in pieces
  // ("u2os" is in "U2-OS").
  //
  // A word the entries shown lack may be another's, ranked below them ("cell segmentation
  // python julia": the entry that says "julia" has one word of four): it is searched alone,
  // and is absent if the first entry found then lacks it too (Pagefind answers a word some
  // entry begins with by those entries only). A pasted page's words beyond the first
  // ABSENCE_CHECKS are not searched again, and said absent.
  const ABSENCE_CHECKS = 5;
  async function absentWords(pagefind, question, shown, stale) {
    if (!shown.length) return [];
    const shownTexts = shown.flatMap(textsOf);
    // Not a word of a negated phrase, which entries have as their phrase's group, not as its
    // words ("without coding": "coding" was said absent, the entries shown using "no code").
    const typed = question.split(/\s+/);
    const inPhrases = new Set(negatedPhrasesIn(question).flatMap((phrase) => phrase.places));
    const checked = meaningful(typed.filter((_, at) => !inPhrases.has(at)).join(" "));
    const lacking = checked
      .map((word) => [word, absenceMarks(word)])
      .filter(([, marks]) => marks.length && !saysAny(shownTexts, marks));
    const absent = [];
    for (const [at, [word, marks]] of lacking.entries()) {
      if (at < ABSENCE_CHECKS && !stale()) {
        const first = (await resultsFor(pagefind, word)).found[0];
        if (first && saysAny(textsOf(await first.data()), marks)) continue;
      }
      absent.push(word);
    }
    // A word two others run together that no entry has ("deepcell"): Pagefind answered it as
    // its beginning ("deep": 64 entries, said to have it). The entries shown have that
    // beginning as a word of its own, the longest that begins it, and an entry has the rest
    // ("cell") alone: absent, searched as the two ("deeplearning" is "deep learning"). Not a
    // word whose rest is an ending ("workflows" of "workflow", "studies" of "study"; see
    // gluedIn).
    let checks = 0; // each a search, as for the words lacking above
    // (Also a word said absent above: once a word is there only in its forms, "deepcell" is
    // not there as "deep".)
    for (const word of checked) {
      if (glued.has(word) || stale()) continue;
      if (checks >= ABSENCE_CHECKS) break;
      const pieces = gluedIn(trimmed(word), shownTexts);
      if (!pieces) continue;
      checks += 1;
      if (!(await withWordAlone(pagefind, pieces[1], entrySearch)).results.length) continue;
      glued.set(word, pieces);
      if (!absent.includes(word)) absent.push(word);
    }
    return absent;
  }
  // A word no entry has that begins with a resource's name ("napariplugin", "stardistnapari",
  // "qupathextension": no entry shown had a word of its beginning, and nothing was searched)
  // is that name and the rest, when an entry has the rest alone.
  async function gluedToNames(pagefind, words) {
    if (!nameList) return;
    const names = Object.keys(nameList).filter((name) => name.length >= GLUED_REST);
    for (const word of words.slice(0, ABSENCE_CHECKS)) {
      const letters = trimmed(word);
      if (!/^\p{L}+$/u.test(letters)) continue;
      const name = names.filter((one) => letters.startsWith(one) && letters.length - one.length >= 3).sort((a, b) => b.length - a.length)[0];
      if (!name) continue;
      const rest = letters.slice(name.length);
      if ((await withWordAlone(pagefind, rest, entrySearch)).results.length) glued.set(word, [name, rest]);
    }
  }
  const GLUED_REST = 4; // the fewest letters of the rest: "-ing", "-ies" are endings
  function gluedIn(letters, texts) {
    if (!/^\p{L}+$/u.test(letters) || letters.length < 3 + GLUED_REST || texts.some((text) => text.includes(letters))) {
      return null;
    }
    // Nor another form of a word of theirs: "overfits" of "overfitting" (its beginning but
    // two letters begins a word).
    const form = new RegExp(`(?:^|[^\\p{L}\\p{N}])${letters.slice(0, -2)}`, "u");
    if (texts.some((text) => form.test(text))) return null;
    // Nor one by an ending of the language: "permettrait" of "permettent" (not "permet
    // trait").
    const forms = endings.length ? beginnings(letters).map(atWordStart) : [];
    if (forms.some((pattern) => texts.some((text) => pattern.test(text)))) return null;
    for (let end = letters.length - 1; end >= 3; end -= 1) {
      const start = letters.slice(0, end);
      const alone = new RegExp(`(?:^|[^\\p{L}\\p{N}])${start}(?:[^\\p{L}\\p{N}]|$)`, "u");
      if (texts.some((text) => alone.test(text))) return letters.length - end >= GLUED_REST ? [start, letters.slice(end)] : null;
    }
    return null;
  }
  // A result's text as a word is looked for in it (see absenceMarks): lower case without
  // accents, and without what separates the pieces of a word ("U2-OS" has "u2os"), but
  // spaces: words run together made words ("quand ou bien" had "doub", and "double" was
  // not said absent).
  const textsOf = (data) => {
    const text = fold(`${data.meta.title} ${data.content}`);
    return [text, text.replace(/[^\p{L}\p{N}\s]+/gu, "")];
  };
  // A mark is a word's beginning, or a pattern.
  const says = (text, mark) => (typeof mark === "string" ? text.includes(mark) : mark.test(text));
  const saysAny = (texts, marks) => texts.some((text) => marks.some((mark) => says(text, mark)));
  // (A word two others run together, whole: a page with "deep" has no "deepcell".)
  const has = (data, word) => saysAny(textsOf(data), glued.has(word) ? [trimmed(word)] : absenceMarks(word));
  // Whether a result says a word where a word begins, or a word in a name written in
  // capitals ("LabelsToROIs"): "ram" is in "programming", and a card of PyTorch no longer said
  // it lacked "RAM".
  const atWordStart = (mark) => (typeof mark === "string" ? wordPattern(mark, false) : mark);
  // The word itself, or its singular, not its beginning: "trac" of "tracking" begins
  // "tracer".
  const hasWord = (data, word) => {
    const named = `${data.meta.title} ${data.content}`.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2");
    const texts = [...textsOf(data), fold(named)];
    const letters = trimmed(word);
    return saysAny(texts, [...new Set([letters, singular(letters)])].filter(Boolean).map(atWordStart));
  };
  // The pages of the site a reader may name ("FAQ", "statistiques", "à propos", a category;
  // page_names in deepscopie/render/navigation.py, set on the dialog), each as a result's
  // data, by its names' meaningful words: a question that is one of them shows that page
  // first, before the entries that say its words ("statistiques" showed sixteen entries
  // first, the page under "more results").
  // The words that only say a question is about a page (see pageKey).
  const pageWords = listedWords("page_words", bare);
  const namedSitePages = new Map();
  try {
    for (const page of JSON.parse(dialog.dataset.dsPageNames || "[]")) {
      const data = { url: `${siteRoot}${page.url}`, meta: { title: String(page.title) } };
      for (const name of page.names || []) {
        const words = pageKey(String(name));
        if (words && !namedSitePages.has(words)) namedSitePages.set(words, data);
      }
    }
  } catch (error) {
    console.warn("Search: the names of the site's pages could not be read", error);
  }
  // A question's words as searched (all of them when all are stop words: "about", "À
  // propos"), each once, in order; without the words that only say it is a page ("page
  // statistiques", "about page"; page_words in deepscopie/catalogues/languages.yaml).
  function pageKey(question) {
    const named = question.split(/\s+/).filter((word) => !pageWords.has(bare(word))).join(" ");
    return [...new Set(searched(withoutElision(named || question)).split(/\s+/).map(bare).filter(Boolean))].sort().join(" ");
  }
  // The hand-written pages among the first `pages` that have each of the `words` no entry has:
  // a page of the site the reader named ("contribuer", "FAQ", "statistiques"), shown although
  // no entry is. Pagefind answered such a word with the records that have a beginning of it:
  // pages that lack it are not kept.
  async function pagesWith(pages, words) {
    const data = await Promise.all(pages.slice(0, PAGES).map((result) => result.data()));
    return data.filter((one) => words.every((word) => has(one, word)));
  }
  // What of a word an entry must have (one of them) for the word not to be absent: none for
  // a word of one or two letters, or with other signs. A word in pieces ("super-résolution",
  // "deep-learning") is there written whole or in words: Pagefind answered
  // "super-résolution", which no entry has, with SLIC Superpixels alone, and the reader was
  // not told.
  function absenceMarks(word) {
    const letters = trimmed(word);
    // Or the word searched instead ("gpus" is "gpu"; see pagefindWord), never absent when
    // that one is too short to be ("lrs" is "lr", "IAs" "IA": said absent, and dropped).
    const instead = trimmed(wordAsSearched(unpunctuated(word)));
    if (!instead || instead === letters) return marksOf(letters);
    const theirs = marksOf(instead);
    return theirs.length ? [...marksOf(letters), ...theirs] : [];
  }
  function marksOf(letters) {
    if (isShort(letters)) return [];
    const pieces = inPieces(letters);
    if (pieces.length) {
      // Not a verb and its pronoun ("auriez-vous", "faut-il", "peut-on"): read as words.
      if (pieces.some((piece) => stopWords.has(piece))) return [];
      return [pieces.join(""), pieces.join(" ")].map(beginning);
    }
    if (!/^[\p{L}\p{N}]+$/u.test(letters)) return [];
    // A name and its number ("vgg16", "resnet50") is there if the name is.
    if (/^\p{L}{3,}\p{N}+$/u.test(letters)) return [letters.replace(/\p{N}+$/u, "")];
    // A plural is there if its singular is, as a word: a short word's beginning is the whole
    // word, and "bugs" was said absent from the entries that say "bug". Not as a beginning:
    // Pagefind answers "logs" with every French entry that says "logiciel".
    const one = singular(letters);
    const begun = beginnings(letters);
    return one === letters ? begun : [...begun, wordPattern(one, true)];
  }
  // The endings by which forms of a word differ (ending_words): a word is there when a text
  // has it but one of them ("studies": "stud", "study"; "segmentera": "segment"), or but its
  // last letter or two ("taken": "take", "learnt": "learn"), and as much of it as its
  // beginning at least. "organoid" was there in any text that said "organization" (its
  // beginning, "orga"), and the count said the entries shown had every word. Without an
  // ending of two letters or more, a stem may be shorter, more than half the word, where a
  // text's word begins ("coder": "code", "utilisaient": "utilise"; not "levure" of "lever",
  // nor "utilization" of "utility"). A "y" before an ending is an "i" too ("modifying",
  // "modified"). A language without them: the word's beginning.
  const endings = [...listedWords("ending_words")];
  const SHORTEST_STEM = 3;
  const TRIMMED_SHORTEST = 5; // a word but its last letters: what is left, at least
  // A stem shorter than the word's beginning: five letters ("annotatrices": "annot", which
  // its beginning "annotat" had found), or more than half the word (half, from four
  // letters: "utilisaient": "utilis"; not "utilization": "util", nor "levure": "lev").
  const shortStemKept = (stem, letters) =>
    stem.length >= TRIMMED_SHORTEST ||
    (stem.length >= SHORTEST_STEM && (stem.length > SHORTEST_STEM ? stem.length * 2 >= letters.length : stem.length * 2 > letters.length));
  function beginnings(letters) {
    if (!endings.length) return [beginning(letters)];
    const shortest = beginning(letters).length;
    const stems = new Map([[letters, letters]]);
    const add = (stem, mayBeShort) => {
      if (stem.length >= shortest) stems.set(stem, stem);
      else if (mayBeShort && shortStemKept(stem, letters)) stems.set(stem, wordPattern(stem, false));
    };
    for (const ending of endings) {
      if (!letters.endsWith(ending)) continue;
      const stem = letters.slice(0, letters.length - ending.length);
      const mayBeShort = ending.length >= 2;
      add(stem, mayBeShort);
      // A consonant doubled before the ending ("labelling", "mapped"): the word has it once.
      if (endsDoubled(stem)) add(stem.slice(0, -1), mayBeShort);
      if (stem.endsWith("y")) add(`${stem.slice(0, -1)}i`, mayBeShort);
    }
    for (const cut of [1, 2]) if (letters.length - cut >= TRIMMED_SHORTEST) add(letters.slice(0, -cut), false);
    return [...stems.values()];
  }
  // `letters` where a word begins, as a whole word when `whole`.
  const wordPattern = (letters, whole) =>
    new RegExp(`(?:^|[^\\p{L}\\p{N}])${letters.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${whole ? "(?![\\p{L}\\p{N}])" : ""}`, "u");
  // A word in pieces, joined by a hyphen or another dash ("super–résolution" typed on a Mac),
  // and its pieces of three letters or more.
  const DASHES = "-\\u2010-\\u2015"; // a hyphen, then Unicode's dashes
  const IN_PIECES = new RegExp(`^[\\p{L}\\p{N}]+(?:[${DASHES}][\\p{L}\\p{N}]+)+$`, "u");
  const inPieces = (letters) => (IN_PIECES.test(letters) ? letters.split(new RegExp(`[${DASHES}]`, "u")) : []);
  const piecesOf = (word) => glued.get(word) || inPieces(unpunctuated(word)).filter((piece) => !isShort(piece));
  // A word that two others run together ("deepcell", "deeplearning"), by the question's word,
  // with its two words (see absentWords), for the question being searched.
  const glued = new Map();
  // A word without its end, which forms of it change ("studies" finds "study"): its last
  // four letters, and in French all but half of a long word, seven letters at least, as
  // Pagefind's stemmer cuts a verb's ending ("photoblanchissent" is "photoblanchiment": the
  // word was said absent, and only "images" of "mes images photoblanchissent" was
  // searched; see search_terms). Not fewer: "inter" of "interrompu" is in many words.
  const FRENCH_STEM = 7;
  const kept = (letters) =>
    frenchForms ? Math.min(letters.length - 4, Math.max(FRENCH_STEM, Math.ceil(letters.length / 2))) : letters.length - 4;
  const beginning = (letters) => letters.slice(0, Math.max(SHORTEST_BEGINNING, kept(letters)));
  // Entries first, then pages, for the words of a question but its stop words (unless it
  // has no other): nearly every entry says "une" or "sur", and "où poser une question sur
  // Fiji" is about the three other words. Pagefind requires every word: when that leaves
  // fewer entries than the cards shown at first, the entries matching most of the words
  // follow (a reader's "enough data" finds the entry that says "how much data"; "GeForce or
  // Quadro for training networks", the entry titled "…Quadro, Ampere, GeForce compared"
  // after the three that also say "training" and "networks").
  async function entriesOf(pagefind, typed, stale) {
    const phrases = negatedPhrasesIn(searched(typed));
    return phrases.length ? entriesSaying(pagefind, typed, phrases, stale) : entriesByWords(pagefind, typed, stale);
  }

  // The phrases of a question (its words as searched) that open with a negating word ("sans
  // annotations", "no GPU", "non supervisé"; the file's negated table, keyed as keyOf reads
  // words), each as the places of its words, its groups and its words as typed; the longest
  // from each word. Not in a phrase in quotes, searched as written.
  function negatedPhrasesIn(words) {
    if (words.includes('"')) return [];
    const list = words.split(/\s+/);
    // Each key with the place of its word (a word in pieces has several: "non-supervisé").
    const keys = list.flatMap((word, at) => keyOf(withoutElision(word)).map((key) => ({ key, at })));
    const phrases = [];
    for (let from = 0; from < keys.length; from++) {
      let key = keys[from].key;
      let longest = null;
      for (let to = from + 1; to < Math.min(keys.length, from + PHRASE_WORDS); to++) {
        key += ` ${keys[to].key}`;
        const groups = Object.hasOwn(negatedTable, key) ? negatedTable[key] : null;
        if (Array.isArray(groups) && groups.length) longest = { to, groups: groups.map(String) };
      }
      if (!longest) continue;
      const places = [];
      for (let at = keys[from].at; at <= keys[longest.to].at; at++) places.push(at);
      phrases.push({ places, groups: longest.groups, text: places.map((at) => list[at]).join(" ") });
      from = longest.to;
    }
    return phrases;
  }

  // The entries for a question that says negated phrases (see negatedPhrasesIn): a phrase is
  // had by the entries that use its group (their records' mark), not by those with its
  // words apart: "entraîner un modèle sans annotations" opened on the annotation tools,
  // which have "annotation" and, in their way of working ("Sans programmer"), "sans".
  // Ranked as the question's words rank entries (see entriesByWords), by how many of its
  // words each has (a phrase's, all or none: "train a model without labels" counts "without
  // labels" as two, and Noise2Void, which has them, came after every entry that has "train"
  // and "model"; once, the tools used without code came after StarDist's library for
  // "stardist sans coder"), then by how rare those are (a word of fewer entries says more:
  // "train without labels", Noise2Void before the entries about training), then in the order the question's
  // words give them: with the phrase's words for those that use its group ("pas assez
  // d'images pour entraîner" opened on the entries that say "entraîner" most), without them
  // for the others (the annotation tools came right after Noise2Void). A phrase whose group
  // no entry uses is searched as its words ("non-maximum suppression in stardist").
  async function entriesSaying(pagefind, typed, said, stale) {
    const list = searched(typed).split(/\s+/);
    // Each group's phrase once ("sans GPU" pasted 24 times: 24 searches of one mark).
    const groupsKey = (phrase) => phrase.groups.join(" ");
    const distinct = said.filter((phrase, at) => said.findIndex((other) => groupsKey(other) === groupsKey(phrase)) === at);
    // The entries of a phrase's groups: those with a group's mark (NEGATED and negated_mark
    // in deepscopie/render/search_records.py), a word of theirs searched alone, as written
    // (a word no entry has is answered with the longest that begins it: "d").
    const filtered = async (phrase) => {
      const markOf = (group) => names.negated.replace("{group}", group);
      const marked = await Promise.all(phrase.groups.map((group) => withWordAlone(pagefind, markOf(group), entrySearch)));
      return unique(marked.flatMap((answer) => (answer && answer.results) || []));
    };
    // Each word's entries, searched once for the question and for its other words: searched
    // again, a question with a phrase took four times as long at 10,000 entries.
    const wordEntries = new Map();
    const [everyWord, ...saying] = await Promise.all([
      entriesByWords(pagefind, typed, stale, wordEntries),
      ...distinct.map(filtered),
    ]);
    const phrases = distinct.filter((_, at) => saying[at].length);
    if (!phrases.length || stale()) return everyWord; // (not shown, when stale)
    const sets = saying.filter((results) => results.length);
    // (The places of each group's phrases, wherever the question says them.)
    const had = new Set(phrases.map(groupsKey));
    const inPhrase = new Set(said.filter((phrase) => had.has(groupsKey(phrase))).flatMap((phrase) => phrase.places));
    const restWords = [...new Set(list.filter((word, at) => !inPhrase.has(at) && !isShort(word)))];
    const restLists = [];
    for (const word of restWords) {
      if (stale()) return everyWord;
      restLists.push(await entriesOfWord(pagefind, word, wordEntries));
    }
    const known = Math.max(entryCount, everyWord.found.length, ...restLists.map((one) => one.length));
    const rarity = (count) => Math.log((known + 1) / (count + 1));
    const restIds = restLists.map((one) => new Set(one.map((result) => result.id)));
    const phraseIds = sets.map((results) => new Set(results.map((result) => result.id)));
    const candidates = unique([...everyWord.found, ...restLists.flat(), ...sets.flat()]);
    // Those without the phrase in the order of their other words: how many, then their
    // places in each word's results (reciprocal rank fusion: a word's results put first
    // those that say it the entries' way, see resultsFor, not by Pagefind's score).
    const restPlaces = restLists.map((one) => new Map(one.map((result, at) => [result.id, at])));
    const FUSED = 60;
    const restScore = (result) =>
      restPlaces.reduce((sum, places) => sum + (places.has(result.id) ? 1 / (FUSED + places.get(result.id)) : 0), 0);
    const restCount = (result) => restIds.filter((ids) => ids.has(result.id)).length;
    const byRest = [...candidates].sort((a, b) => restCount(b) - restCount(a) || restScore(b) - restScore(a));
    const placeIn = (results) => new Map(results.map((result, at) => [result.id, at]));
    const [everyPlace, restPlace] = [placeIn(everyWord.found), placeIn(byRest)];
    const ranked = candidates.map((result, at) => {
      const lacks = restWords.filter((_, index) => !restIds[index].has(result.id));
      const has = (index) => phraseIds[index].has(result.id);
      const score =
        restWords.reduce((sum, _, index) => sum + (restIds[index].has(result.id) ? rarity(restLists[index].length) : 0), 0) +
        phrases.reduce((sum, _, index) => sum + (has(index) ? rarity(sets[index].length) : 0), 0);
      const lacked = [...lacks, ...phrases.filter((_, index) => !has(index)).map((phrase) => phrase.text)];
      const places = phrases.some((_, index) => has(index)) ? everyPlace : restPlace;
      const order = places.has(result.id) ? places.get(result.id) : candidates.length + at;
      const units =
        restWords.length - lacks.length + phrases.reduce((sum, phrase, index) => sum + (has(index) ? phrase.places.length : 0), 0);
      return { result, order, units, score, lacked };
    });
    ranked.sort((a, b) => b.units - a.units || b.score - a.score || a.order - b.order);
    return {
      found: ranked.map((one) => one.result),
      pages: everyWord.pages,
      whole: ranked.filter((one) => !one.lacked.length).length,
      lacking: new Map(ranked.map((one) => [one.result.id, one.lacked])),
    };
  }

  // The entries of one word (resultsFor), searched once a question (`known`: word -> its
  // entries).
  async function entriesOfWord(pagefind, word, known) {
    if (!known.has(word)) known.set(word, (await resultsFor(pagefind, word)).found);
    return known.get(word);
  }

  // The entries for a question's words (see entriesOf); `known`, each word's entries
  // already searched (see entriesOfWord).
  async function entriesByWords(pagefind, typed, stale, known = new Map()) {
    const words = searched(typed);
    const { found, partly, shortLists, pages } = await resultsForWhole(pagefind, words);
    // Words of one or two letters are searched one by one only as the entries that have them
    // whole (see resultsForWhole): Pagefind would read them as every word that begins with
    // them ("IA générative": "générative").
    const split = words.split(/\s+/).filter((word) => !isShort(word));
    if (!split.length || (split.length === 1 && split[0] === words)) {
      return { found: [...found, ...partly], pages, whole: found.length + partly.length };
    }
    if (found.length >= SHOWN) return { found: [...found, ...partly], pages, whole: found.length };
    const lists = shortLists.map((list) => ({ word: null, list }));
    for (const word of split) {
      if (stale()) break; // a newer question came: these results will not be shown
      lists.push({ word, list: await entriesOfWord(pagefind, word, known) });
    }
    const seen = new Set(found.map((result) => result.id));
    const partial = new Map();
    for (const { word, list } of lists) {
      for (const result of list) {
        if (seen.has(result.id)) continue;
        const known = partial.get(result.id) || { result, words: 0, score: 0, has: new Set() };
        known.words += 1;
        known.score += result.score;
        if (word) known.has.add(word);
        partial.set(result.id, known);
      }
    }
    const ranked = [...partial.values()].sort((a, b) => b.words - a.words || b.score - a.score);
    // `whole`: how many of them have every word (the others, some); `lacking`: the words
    // each of the others lacks, by its id (its card says them, see card).
    const lacking = new Map(ranked.map((known) => [known.result.id, split.filter((word) => !known.has.has(word))]));
    return { found: found.concat(ranked.map((known) => known.result)), pages, whole: found.length, lacking };
  }

  // The results for some words (see resultsFor), a word of one or two letters ("IA", "EM",
  // "z") read whole when some entries have it so; Pagefind also reads it as the beginning of
  // longer words ("IAFIG", "embeddings", "zéro": "pile z" gave "Installer TensorFlow de
  // zéro" first, and "EM segmentation" five unrelated entries said to have all the words).
  // `found`: the entries with every word, a short one whole; `partly`: those with only the
  // beginning of a short word; `shortLists`: for each short word some entries have whole,
  // those entries. Not three letters: "lab" lost "laboratory" (2,338 questions: two answers
  // lost).
  async function resultsForWhole(pagefind, words) {
    const [results, shortLists] = await Promise.all([resultsFor(pagefind, words), wholeShortWords(pagefind, words)]);
    const having = shortLists.map((list) => new Set(list.map((result) => result.id)));
    const whole = (result) => having.every((ids) => ids.has(result.id));
    return { ...results, found: results.found.filter(whole), partly: results.found.filter((result) => !whole(result)), shortLists };
  }
  // For each short word of `words` that some entries have whole, those entries.
  async function wholeShortWords(pagefind, words) {
    if (words.includes('"')) return [];
    const short = new Set(inTheirSense(words).split(/\s+/).map(bare).filter((word) => word && isShort(word)));
    const lists = await Promise.all([...short].map(async (word) => (await withWordAlone(pagefind, word, entrySearch)).results));
    return lists.filter((list) => list.length);
  }

  // One search at a time: Pagefind's worker runs them one after the other, and a reader who
  // types faster than a common word's search takes would queue a search of every prefix. A
  // question that comes while a search runs waits for it; the newest one only.
  let running = false;
  let waiting = null;
  let searching = null; // the question under way
  // Enter pressed before the results of what is typed were shown: the first of them opens.
  let openFirst = false;
  async function request(query) {
    if (running && query === searching) {
      waiting = null; // the question under way is the newest again (typed, then erased)
      return;
    }
    waiting = query;
    if (running) return;
    running = true;
    try {
      while (waiting !== null) {
        const next = waiting;
        waiting = null;
        searching = next;
        try {
          await search(next);
        } catch (error) {
          console.warn("Search failed", error);
          openFirst = false;
          status.textContent = texts.dsFailedText;
          results.dataset.dsQuery = results.dataset.dsDone = next;
        }
        searching = null;
      }
    } finally {
      running = false;
    }
  }

  async function search(query) {
    const stale = () => waiting !== null; // a newer question came meanwhile
    glued.clear(); // this question's (see absentWords)
    const words = terms(query);
    if (!words) {
      showExamples();
      results.dataset.dsQuery = results.dataset.dsDone = query;
      return;
    }
    const pagefind = await loadEngine(); // and the names, asked for with it (prepare)
    await usualForms(); // asked for with it too: a small file, fetched meanwhile
    if (!knownForms && words.split(/\s+/).some(mayBeParticiple)) await formsOfTheLanguage();
    if (stale()) return;
    // Not while a word is being typed, nor when the reader asked for the words as typed.
    const beingTyped = query === keystroke;
    const mayCorrect = !words.includes('"') && query !== asTyped && !beingTyped;
    const correction = mayCorrect ? await corrected(pagefind, words, query) : null;
    if (stale()) return;
    if (beingTyped && endsWithSlip(words)) return hold(query); // put right once the keys pause
    // What the reader wants another of, in the question with a name put right ("alternative
    // a ilastk" asks for another ilastik).
    const compared = comparisonIn(correction ? correction.searched : query);
    const replaced = replacedWords(correction ? correction.searched : query, Boolean(correction), compared);
    let asked = withoutAskingForAnother(correction ? correction.searched : words, replaced, compared);
    // (What the reader named, to put its entry first: without the resource excluded.)
    const namedAsked = correction ? asked : excluding(compared) ? searched(asked) : query;
    let shown = await shownFor(pagefind, asked, namedAsked, stale);
    if (stale()) return;
    // A word that no entry has ("levure", "zebrafish") was searched as the longest beginning
    // of it that one has ("le"): the question goes on without it, and the reader is told
    // (and offered the entries' word it may be a slip of, see mended).
    // So too beside a name put right ("celpose levure": Cellpose's entries, none of yeast).
    let missing = asked.includes('"') ? [] : await absentWords(pagefind, asked, shown.entryData, stale);
    if (stale()) return;
    // Nothing found at all: no entry to read, and none has any of the words (each was
    // searched alone, see entriesOf), Pagefind having found no beginning of them either.
    if (!correction && !asked.includes('"') && !shown.found.length) {
      missing = meaningful(asked).filter((word) => absenceMarks(word).length > 0);
    }
    // The word being typed is in no entry: most often it is not finished ("celp"), and its
    // results are those of a shorter beginning. Said once the keys pause, if still so.
    if (beingTyped && missing.includes(asked.split(/\s+/).pop())) return hold(query);
    let suggestion = null; // the question with its slips mended (see mended)
    let sureMend = false; // each slip one of the fingers in a long word (see mended)
    let othersFound = false; // the question's other words found entries, which a mend replaced
    let mendedShown = null; // that question, when its results are those shown
    // The page the question names, and those that have the words no entry has (see pagesWith).
    const named = namedSitePages.get(pageKey(query));
    let namedPages = named ? [named] : [];
    if (missing.length) {
      namedPages = [...namedPages, ...(await pagesWith(shown.pages, missing))].filter(
        (one, at, all) => all.findIndex((other) => other.url === one.url) === at,
      );
      if (stale()) return;
      // A word a page has is no slip ("contribuer" is not "contributor").
      const slipped = missing.filter((word) => !namedPages.some((one) => has(one, word)) && !asksForAnother(word));
      // Not for a question the reader asked for as typed (a name's slip they kept), nor
      // beside a name put right (one offer at a time).
      const mayMend = query !== asTyped && !correction;
      const mend = mayMend ? await mended(query.trim(), slipped.map(unpunctuated)) : null;
      if (stale()) return;
      [suggestion, sureMend] = mend ? [mend.question, mend.sure] : [null, false];
      // A word that begins with a resource's name is that name and the rest (see gluedToNames).
      await gluedToNames(pagefind, missing.filter((word) => !piecesOf(word).length));
      if (stale()) return;
      // A word in pieces that no entry has whole is searched as its pieces: "non-convex" as
      // "convex" (left out, StarDist's non-convex objects came seventh).
      // Those pieces no entry has either are left out too ("cryo-tomographie": "cryo").
      const pieces = missing.flatMap(piecesOf);
      const absentPieces = pieces.length ? await absentWords(pagefind, pieces.join(" "), shown.entryData, stale) : [];
      if (stale()) return;
      asked = asked
        .split(/\s+/)
        .flatMap((word) => (missing.includes(word) ? piecesOf(word).filter((piece) => !absentPieces.includes(piece)) : [word]))
        .join(" ");
      const none = { found: [], pages: [], entryData: [], whole: 0, lacking: new Map() };
      // What is left may be a letter alone ("anisotropie en z": "z"), which Pagefind reads as
      // every word that begins with it: nothing is left to search then.
      const left = meaningful(asked).some((word) => Array.from(trimmed(word)).length > 1);
      shown = left ? await shownFor(pagefind, asked, asked, stale) : none;
      if (stale()) return;
      // Nothing found, and the question mended finds entries with all its words: they are
      // shown, said so ("anotation" showed nothing but "did you mean “annotation”?"). Not
      // when a word is still in none ("anotation levure"): the offer stays. So too when the
      // other words found entries, if the slips are sure ones: "anotation d'images" opened on
      // the image.sc forum, found by "images" alone, and "denoise micrsocopy images" on what
      // says "denoise images"; the reader may still search as typed. Not so in a question that
      // compares or excludes (see comparisonIn), which the question put right is not read as:
      // "anotation d'images sans fiji" gave Fiji's plugins; it is offered.
      if (suggestion && (!shown.found.length || (sureMend && !compared)) && !namedPages.length) {
        // (Read as a question typed is: "d'images" is "images", see terms.)
        const mendedWords = terms(suggestion);
        const instead = await shownFor(pagefind, mendedWords, mendedWords, stale);
        const lacking = instead.found.length ? await absentWords(pagefind, mendedWords, instead.entryData, stale) : [];
        if (stale()) return;
        // (Beside other words, when an entry has every word of the question put right: not
        // "méthodes recettes de segmentation" for "récentes".)
        const answered = !shown.found.length || instead.whole > 0;
        if (instead.found.length && !lacking.length && answered) {
          othersFound = shown.found.length > 0;
          [shown, mendedShown] = [instead, suggestion];
        }
      }
    }
    shown = await withAlternatives(pagefind, shown, asked, replaced, compared, stale);
    if (stale()) return;
    const excludes = excluding(compared);
    const { found, pages, entryData, whole, lacking, placed, leftOut } = await withoutExcluded(
      withoutReplaced(shown, replaced, excludes),
      stale,
    );
    if (stale()) return;
    // How many entries were found, and whether none has all the words searched ("my nuclei
    // touch each other and StarDist merges them": 71 entries have some of them).
    // Or some of them only ("live imaging phototoxicity": one entry has all three words, 110
    // have "imaging"; the count read as if 111 had them all). Those with all are said first:
    // "112 entries, 5 with all the words" read as if nearly every entry answered "train
    // without a GPU". (Not "then": a resource the question names is shown second, whatever
    // words it has, see withNamedResources.)
    const counted =
      whole === 0 && found.length
        ? someWords(found.length)
        : whole < found.length
          ? filled(forCount(whole, { one: texts.dsWholeSomeOneText, other: texts.dsWholeSomeText }), { m: whole, k: found.length - whole })
          : plural(found.length);
    results.replaceChildren();
    results.scrollTop = 0; // a new list from its first card, not where the last was read
    // The pages that have the words no entry has come first ("foire aux questions": no entry
    // says "foire", the FAQ page does), the entries of the other words under a heading.
    if (namedPages.length) {
      results.append(...pagesBlock(namedPages));
      if (entryData.length) results.append(resultsHeading(texts.dsEntriesText));
    }
    // The words no entry has, said as the reader typed them: "cerveau", searched as
    // "cerveaux" (see terms), is not said "cerveaux".
    const typedWords = new Set(typedTerms(query).split(/\s+/).map(unpunctuated));
    const asTypedWord = (word) => (!typedWords.has(word) && typedWords.has(word.slice(0, -1)) ? word.slice(0, -1) : word);
    // ...and so the words an entry lacks, on its card. Not the tool another of which is asked
    // for, nor the words that ask ("au lieu de ilastik": Cellpose lacked "ilastik"), nor a
    // word that names nothing ("but", kept_words), and none on the entries that do its job
    // (withAlternatives), found by other words.
    const notLacked = (word) =>
      replaced.includes(bare(word)) || asksForAnother(word) || compares(word) || keptWords.has(bare(word));
    // Nor a word its own text has that Pagefind did not find in it ("ROIs" of "LabelsToROIs").
    // Nor on a long question's cards, whose words are mostly the reader's own ("travaille",
    // "sais", "conseillez-vous" on every card of a pasted question, whose status says the
    // entries have part of its words); nor a number ("2.00", "7.79" of a pasted error).
    const saysLacks = meaningful(asked).length <= MOST_WORDS_LACKS_SAID;
    const lackedBy = (result, data) =>
      placed || !saysLacks
        ? []
        : [
            ...new Set(
              (lacking.get(result.id) || [])
                .filter((word) => !notLacked(word) && !hasWord(data, word) && !/^[\d.,]+$/.test(word))
                .map(unpunctuated)
                .map(asTypedWord),
            ),
          ];
    const list = document.createElement("ul");
    list.className = "ds-results";
    entryData.forEach((data, at) => list.append(card(data, lackedBy(found[at], data))));
    results.append(list);
    if (found.length > entryData.length) results.append(moreButton(found, entryData.length, list, lackedBy, leftOut));
    // Not a word that asks for another thing ("cellpose alternative" said "No entry has
    // “alternative”" before the alternatives): left out as said.
    const unsaid = missing.filter((word) => !asksForAnother(word));
    const absent = unsaid.length ? `${absentSaid(onceEach(unsaid.map(unpunctuated).map(asTypedWord)))} ` : ""; // said once
    const asWritten = () => searchButton(filled(texts.dsAsTypedText, { q: quoted(query) }), query, () => (asTyped = query));
    if (correction) {
      // What the results are for: the names put right and the other words entries have.
      const searchedWords = correction.searched.split(/\s+/);
      const kept = correction.shown.split(/\s+/).filter((_, at) => !missing.includes(searchedWords[at]));
      const said = `${filled(texts.dsCorrectedText, { q: quoted(kept.join(" ")) })} ${counted} `;
      status.replaceChildren(...(absent ? [absent] : []), said, asWritten());
    } else if (missing.length) {
      // ...and what the results shown are for: the other words.
      const others = meaningful(asked).map(unpunctuated).filter(Boolean).map(asTypedWord).join(" "); // not "?"
      // ...or, when nothing is left, a way out (a link made of the catalogue's text only: a
      // reader's "{explore}" stays what they typed), unless the pages named are.
      const wayOut = namedPages.length ? [] : withExploreLink(texts.dsElsewhereText);
      const rest = found.length ? [`${filled(texts.dsCorrectedText, { q: quoted(mendedShown || others) })} ${counted}`] : wayOut;
      if (mendedShown && othersFound) status.replaceChildren(absent, ...rest, " ", asWritten());
      else if (!suggestion || mendedShown) status.replaceChildren(absent, ...rest);
      // The question mended first when nothing else was found; after the results otherwise.
      else if (!found.length) status.replaceChildren(absent, suggestedButton(suggestion), " ", ...rest);
      else status.replaceChildren(absent, ...rest, " ", suggestedButton(suggestion));
    } else if (namedPages.length && !found.length) {
      // The page named is the answer: no other words, nor Explore, to try instead.
      status.textContent = texts.dsNoEntryText;
    } else {
      // The tools a question excludes, said: the count is of the others (a wrong exclusion
      // would otherwise go unseen).
      const leftOut = excludes ? [`${leftOutSaid(compared)} `] : [];
      status.replaceChildren(...leftOut, ...withExploreLink(counted));
    }
    results.dataset.dsQuery = query;
    focusReturnedTo(query);
    if (opensFirst(results, query)) return; // the first result shown, a page named or an entry
    // The hand-written pages come after the entries, fetched once those are shown (but when
    // the pages named came first: one list of pages, under one heading).
    const pageData = namedPages.length ? [] : await Promise.all(pages.slice(0, PAGES).map((result) => result.data()));
    if (stale()) return;
    results.dataset.dsDone = query; // the pages too: the search is complete
    if (!pageData.length) {
      openFirst = false; // nothing (more) to open
      focusReturnedTo(query, true);
      return;
    }
    const [heading, other] = pagesBlock(pageData);
    results.append(heading, other);
    focusReturnedTo(query, true);
    opensFirst(other, query);
  }

  // Back from a result, the results are there again, the one opened in focus: the next is
  // one arrow away. A reader comparing results pressed Back, found the page without them,
  // and opened the search again for each (the question kept, see remember, but not where
  // they were). It is kept in the history entry of the page the result was opened from:
  // only the way back to it (Back, or Forward to it) reopens the search: not a reload, nor the
  // next visit of that page.
  const OPENED = "dsOpenedResult";
  let returnedTo = null; // { question, href } of the result opened, until it has the focus
  function keepOpened(link) {
    const question = results.dataset.dsQuery;
    // A result at the very address shown (the entry the reader is on, the page itself) makes
    // no new history entry: the browser keeps the state, and the search came back at once.
    if (!question || link.href === location.href) return;
    // How many cards were shown ("more results" pressed): as many are shown again.
    const shown = results.querySelectorAll(ENTRY_CARDS).length;
    try {
      history.replaceState({ ...(history.state || {}), [OPENED]: { question, href: link.href, shown } }, "");
    } catch {
      // a state the browser refused: Back shows the page alone, as before
    }
  }
  // The kept result, taken off this page's history entry; null when there is none.
  function takeOpened() {
    const kept = (history.state || {})[OPENED];
    if (!kept) return null;
    dropFromState(OPENED);
    return typeof kept.question === "string" && typeof kept.href === "string" ? kept : null;
  }
  // This page's history entry without what `key` kept there (its other keys stay).
  function dropFromState(key) {
    const others = { ...(history.state || {}) };
    delete others[key];
    history.replaceState(Object.keys(others).length ? others : null, "");
  }
  function reopen(kept) {
    if (!kept) return;
    open(kept.question);
    returnedTo = kept;
  }
  // A page shown from the back-forward cache, or loaded again by Back or Forward; any other
  // load (a reload, a navigation stopped before it left) drops what was kept.
  window.addEventListener("pageshow", (event) => {
    const [loaded] = performance.getEntriesByType("navigation");
    const kept = takeOpened();
    if (event.persisted || (loaded && loaded.type === "back_forward")) reopen(kept);
    openOnItsEntry(); // reloaded while it was open
  });
  window.addEventListener("popstate", () => {
    if (steppedBack) {
      steppedBack = false;
      keepFocusThroughTheStep();
    }
    // Back from the open search's own entry (see addSearchEntry): it closes, the page stays.
    if (dialog.open && entryAdded && !isSearchEntry()) {
      entryAdded = false; // nothing to take back: the browser is there already
      dialog.close();
      keepFocusThroughTheStep(); // as after the step that Escape makes
      return;
    }
    // Over a wide page, a step within it (Explore's filters, an anchor) changes what is under
    // the open search, which closes, as the page it searched is gone: Back over Explore took
    // its words away under the search, which stayed open on them. (A step to another page
    // leaves this one: no popstate.) Once the page has made its step, so that the focus goes
    // back to what is still shown.
    if (dialog.open && !goingTo) {
      setTimeout(() => dialog.close());
      return;
    }
    // Back to this page's entry after a result at its very address (see goingTo).
    if (goingTo) {
      const address = goingTo;
      goingTo = null;
      location.replace(address); // the same page: its anchor only, brought into view
      return;
    }
    reopen(takeOpened()); // a result within the page
    openOnItsEntry(); // Forward to it
  });

  // Where the search fills the screen (a phone), Back closes it, as it would a screen of
  // its own: it left the page, and the question and Explore's filters with it. Opening the
  // search there adds an entry to the history (the same address), which closing it any
  // other way (its button, Escape) takes back; not a result opened, whose page the browser
  // goes to, and whose Back comes back to this entry, the search open again. Not over a wide
  // page, which stays in view around it: Back leaves the page, as a reader expects there
  // (and the entry taken back, a history.back that comes later, stopped a page the reader
  // asked for at once after Escape).
  const SEARCH_ENTRY = "dsSearchOpen";
  let entryAdded = false; // the entry shown is the open search's
  let leaving = false; // a result was opened: the browser goes on, from this entry
  // A result at the very address shown (its anchor): the browser would make no entry of its
  // own, and the search's stayed, for a Back that did nothing. Followed once that is taken
  // back (popstate).
  let goingTo = null;
  const isSearchEntry = () => Boolean(history.state && history.state[SEARCH_ENTRY]);
  const fillsTheScreen = () => dialog.offsetHeight >= window.innerHeight - 1; // the CSS says when
  function addSearchEntry() {
    leaving = false;
    if (isSearchEntry()) {
      entryAdded = true; // back (or forward) to it: it is there already
      return;
    }
    if (!fillsTheScreen()) return;
    try {
      history.pushState({ ...(history.state || {}), [SEARCH_ENTRY]: true }, "");
      entryAdded = true;
    } catch {
      // a state the browser refused: Back leaves the page, as before
    }
  }
  // The step back to an address with an anchor (a page opened at an entry) takes the focus
  // to the page's start, after the dialog gave it back (a reader's review, on a phone), the
  // reader's Back as this one: see keepFocusThroughTheStep. Not when a result at that address is followed (goingTo): the
  // browser goes to it, the focus with it.
  let steppedBack = false;
  function takeSearchEntryBack() {
    if (entryAdded && !leaving && isSearchEntry()) {
      history.back();
      steppedBack = !goingTo;
    }
    entryAdded = false;
  }
  // The browser goes to the anchor once the step is made (popstate), Chromium at once, others
  // maybe with the layout: the focus it takes to nothing then goes back, without scrolling,
  // to where the dialog gave it. Within a second, once, and not once the reader has pressed
  // or tapped anything (a tap on the page's text leaves the focus on nothing, as asked).
  const STEP_TIME = 1000;
  function keepFocusThroughTheStep() {
    const held = document.activeElement;
    if (!held || held === document.body) return;
    const giveBack = (event) => {
      if (event.relatedTarget) return;
      setTimeout(() => !dialog.open && document.activeElement === document.body && held.focus({ preventScroll: true }));
    };
    const stop = () => held.removeEventListener("focusout", giveBack);
    held.addEventListener("focusout", giveBack, { once: true });
    for (const type of ["pointerdown", "keydown"]) addEventListener(type, stop, { once: true, capture: true });
    setTimeout(stop, STEP_TIME);
  }
  // On the search's entry with the search closed (a reload, Forward): it opens, with the
  // question last typed, and Back closes it; not a step that showed nothing.
  function openOnItsEntry() {
    if (isSearchEntry() && !dialog.open) open();
  }

  const ENTRY_CARDS = ".ds-result:not(.ds-result--page)";
  // In focus once shown, "more results" pressed as often as it was; `complete`: the search
  // is over (the pages shown too), and a result it does not show is let go. One at a time:
  // the pages may come while more cards are fetched.
  let returning = Promise.resolve();
  function focusReturnedTo(query, complete = false) {
    returning = returning.then(() => putBack(query, complete)).catch((error) => console.warn("Search: the result opened could not be shown again", error));
  }
  async function putBack(query, complete) {
    const kept = returnedTo;
    if (!kept || kept.question !== query || !dialog.open) return;
    const linkTo = () => Array.from(results.querySelectorAll("a")).find((one) => one.href === kept.href);
    const more = () => results.querySelector(".ds-results__more");
    const cards = () => results.querySelectorAll(ENTRY_CARDS).length;
    const wanted = Number(kept.shown) || 0;
    // Each time, unless the reader has typed meanwhile (returnedTo let go) or it is not there.
    while (!linkTo() && more() && cards() < wanted && returnedTo === kept) await moreShownBy.get(more())();
    if (returnedTo !== kept) return;
    const link = linkTo();
    if (link || complete) returnedTo = null;
    if (link) link.focus();
  }

  function resultsHeading(said) {
    const heading = document.createElement("h2");
    heading.className = "ds-results__heading";
    heading.textContent = said;
    return heading;
  }

  // Pages of the site under their heading.
  function pagesBlock(pageData) {
    const list = document.createElement("ul");
    list.className = "ds-results ds-results--pages";
    pageData.forEach((data) => list.append(pageItem(data)));
    return [resultsHeading(texts.dsPagesText), list];
  }

  // Enter pressed before the results of what is typed were shown: the first one opens, once
  // shown, if the search is still open on that question.
  function opensFirst(list, query) {
    const first = list.querySelector("a");
    if (!openFirst || !first || query !== input.value || !dialog.open) return false;
    openFirst = false;
    first.click();
    return true;
  }

  // A text of the dialog with its {names} filled. By a function: as a string, a "$&" or a "$'"
  // in what the reader typed, or in a title, would be read as a pattern of replace().
  // A text of the catalogue with its {placeholders} filled (Explore's script uses it too: it
  // is given to it above, before a page without the dialog stops here).
  function filled(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  // A text of the catalogue with its "{explore}" as a link to the Explore page: a search
  // that finds nothing leads there. Never given the reader's words, whose "{explore}" would
  // become a link too.
  function withExploreLink(said) {
    const [before, ...after] = said.split("{explore}");
    if (!after.length) return [said];
    const link = document.createElement("a");
    link.href = texts.dsExploreHref;
    link.textContent = texts.dsExploreText;
    return [before, link, after.join(texts.dsExploreText)];
  }

  // A button that searches `question`, put in the field as the reader would have typed it,
  // and kept as typed questions are (see remember); `before` runs first: the question as
  // typed is noted, see asTyped. The focus goes back to the field, but on a touch screen,
  // whose keyboard would then come up over the results.
  function searchButton(label, question, before = () => {}) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ds-search__as-typed";
    button.textContent = label;
    button.addEventListener("click", (event) => {
      before();
      input.value = question;
      remember(question);
      if (event.pointerType !== "touch") input.focus();
      request(question);
    });
    return button;
  }
  const suggestedButton = (question) => searchButton(filled(texts.dsSuggestedText, { q: quoted(question) }), question);

  // Nothing typed: what may be asked, and questions to try, each a button that searches it
  // (search_examples in the catalogues). On a phone the search opened on a blank screen.
  // Where results go, not in the status: that one is announced, and describes the field.
  const examples = (texts.dsExamplesText || "").split("|").map((one) => one.trim()).filter(Boolean);
  function showExamples() {
    status.textContent = "";
    if (!examples.length) return results.replaceChildren();
    const hint = document.createElement("p");
    hint.className = "ds-search__hint";
    hint.textContent = texts.dsHintText;
    const tried = examples.map((example) => {
      const button = searchButton(example, example);
      button.classList.add("ds-search__example");
      return button;
    });
    results.replaceChildren(hint, ...tried);
    results.scrollTop = 0;
  }

  // A reader's words as the status says them back: a pasted page is not read out whole (the
  // status is a live region, which a screen reader speaks), the first words then "…".
  const MOST_SAID = 80;
  function quoted(typed) {
    const words = withoutDirectionControls(typed);
    if (words.length <= MOST_SAID) return words;
    const cut = words.slice(0, MOST_SAID);
    const space = cut.lastIndexOf(" ");
    return `${space > 0 ? cut.slice(0, space) : cut}…`;
  }

  // The words no entry has, each in its quotes: "No entry has “czi” or “lif”" ("“czi lif”"
  // read as one phrase searched). A pasted page's are not all read out (see quoted): the
  // first few, "…", and the last.
  const MOST_ABSENT_SAID = 6;
  function absentSaid(words, one = texts.dsAbsentText, many = texts.dsAbsentManyText) {
    if (words.length === 1) return filled(one, { q: quoted(words[0]) });
    const first = words.slice(0, -1).slice(0, MOST_ABSENT_SAID - 1).map(inQuotes);
    if (words.length > MOST_ABSENT_SAID) first.push("…");
    return filled(many, { list: first.join(", "), last: inQuotes(words[words.length - 1]) });
  }
  // Each word once, as first typed, letter case and accents aside ("Zzqx ZZQX zzqx" said
  // three times).
  function onceEach(words) {
    const seen = new Set();
    return words.filter((word) => word && !seen.has(fold(word)) && seen.add(fold(word)));
  }
  // Explore says the words its list lacks so too, in its own sentences ("Aucune ressource…").
  window.deepscopie.absentSaid = (words, one, many) => absentSaid(onceEach(words.map(unpunctuated)), one, many);
  // A reader's word in the language's quotes ("« noyaux »").
  const inQuotes = (word) => filled(texts.dsQuotedText, { q: quoted(word) });
  // The resources a question leaves out (see negatedIn), said: "Hors « Napari » :".
  const leftOutSaid = (compared) => filled(texts.dsLeftOutText, { q: namesQuoted(compared.tool) });
  const namesQuoted = (names) => names.map((name) => inQuotes(nameList[name] || name)).join(", ");

  // The resources' names, which Explore asks for as it starts (a small file), so that words
  // typed are read with them at once (see exclusionIn, askedFor).
  window.deepscopie.resourceNames = entryNames;
  // The task a question names alone, if it does (see withTaskLeads): Explore lists what that
  // task's box lists first, as this search opens on it.
  window.deepscopie.taskTypedAlone = (typed) => {
    const words = taskAlone(typed);
    return words.length ? taskNamed(words) : null;
  };

  // Explore's words that leave resources out ("segmentation sans napari"), or ask for
  // another of them ("alternative à ilastik", "un outil autre que fiji pour annoter", "un truc
  // comme cellpose": see replacedWords, comparedIn, likenedIn), read as this search reads
  // them: the question without the words that exclude or ask, the names, and, for another,
  // the words for a thing ("outil"), which stand for what is asked (`kept`); whether an
  // entry, by its title and what it plugs into, is of those (`leftOut`) or is a resource's
  // own (`isOwn`: Explore lists what does its job when nothing else is asked); whether it
  // asks for another (`another`); the names, quoted (`named`), and the words that say it
  // (`said`). Explore found nothing for these: each word was required, "alternative" too.
  // Null when no word may exclude or ask, or none does; the promise of it while the names
  // are fetched, which alternatives are read by too (see sharedAround): Explore reads the
  // question again when they have come.
  window.deepscopie.exclusionIn = (typed) => {
    const words = bareWords(minusAsNegation(typed));
    const mayExclude = words.some((word) => negationWords.has(word) || notWords.has(word));
    const mayReplace = words.some((word) => insteadWords.has(word) || compares(word));
    const mayJoin = typed.split(/\s+/).some(joinsAlternatives);
    // (A resource asked about as it is now is read by the names too: see asItIsNow.)
    const mayBeItself = words.some(aboutItsVersion);
    if (!mayExclude && !mayReplace && !mayJoin && !mayBeItself) return null;
    const read = () => {
      if (!mayExclude && !mayReplace) return null;
      const compared = comparisonIn(typed);
      const tool = compared ? compared.tool : replacedWords(typed, false, null).filter(isName);
      if (!tool.length) return null;
      const another = !excluding(compared);
      const { isOwn, titled } = ofResources(new Set(tool));
      const asks = (word) => comparing(word, compared) || compares(word) || insteadWords.has(bare(word));
      // (Elided: "qu'ilastik" is "que" and the name.)
      const dropped = (word) =>
        asks(word) || [word, withoutElision(word)].some((form) => tool.includes(bare(form)) || (another && thingWords.has(bare(form))));
      const rest = typed.split(/\s+/).filter((word) => !dropped(word));
      // (Nothing, when nothing else is meant: "alternative à ilastik" left "à", required.)
      const kept = meaningful(rest.join(" ")).length ? rest : [];
      const leftOut = (title, pluggedInto) => isOwn(title) || titled(title, pluggedInto);
      return { kept: kept.join(" "), leftOut, isOwn, another, named: namesQuoted(tool), said: leftOutSaid({ tool }) };
    };
    return nameList ? read() : entryNames().then(read);
  };

  // How many entries were found: the catalogue's words alone (none of the reader's, which
  // withExploreLink would read).
  function plural(n) {
    return filled(forCount(n, { one: texts.dsOneText, other: texts.dsManyText, none: texts.dsNoneText }), { n });
  }
  const someWords = (n) => filled(forCount(n, { one: texts.dsSomeOneText, other: texts.dsSomeManyText }), { n });

  // `fetched`: how many of `found` have been read (their cards shown, or left out); `leftOut`:
  // whether an entry is of a tool the question excludes ("sans napari": napari's tutorial
  // came under "more results").
  function moreButton(found, fetched, list, lackedBy, leftOut = () => false) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "ds-results__more";
    button.textContent = texts.dsMoreText;
    let read = fetched;
    // The next cards, the first of them in focus (also asked for by putBack): SHOWN of them,
    // unless fewer are left. One fetch at a time: pressed twice while the first was fetched,
    // the same ten cards came twice, and the next ten never.
    let pending = null;
    const showMore = () => pending || (pending = showNext().finally(() => (pending = null)));
    const showNext = async () => {
      const first = list.children.length;
      while (read < found.length && list.children.length - first < SHOWN) {
        const more = found.slice(read, read + SHOWN - (list.children.length - first));
        const next = await Promise.all(more.map((result) => result.data()));
        next.forEach((data, at) => leftOut(data) || list.append(card(data, lackedBy(more[at], data))));
        read += more.length;
      }
      // (The last card when every entry left was left out: not the button, removed.)
      (list.children[first] || list.lastElementChild)?.querySelector("a").focus();
      if (read >= found.length) button.remove();
    };
    moreShownBy.set(button, showMore);
    button.addEventListener("click", showMore);
    return button;
  }
  const moreShownBy = new WeakMap(); // "more results" button -> what it does, to be awaited

  // The most words of a question whose cards say the words each lacks (see lackedBy).
  const MOST_WORDS_LACKS_SAID = 6;
  // An entry's card; `lacks`: the reader's words it does not have, said on it ("5 entries
  // with all the words, 98 with some": which were which, the card did not say).
  function card(data, lacks = []) {
    const meta = data.meta;
    const item = document.createElement("li");
    item.className = "ds-result";
    const link = document.createElement("a");
    link.className = "ds-result__link";
    link.href = siteRoot + meta.href;
    const title = document.createElement("span");
    title.className = "ds-result__title";
    const name = document.createElement("span");
    // (As written: its title is searched without its elided words, deepscopie/render/search_records.py.)
    name.textContent = meta.shown || meta.title;
    if (meta.title_lang) name.lang = meta.title_lang; // a title as published, read in its language
    title.append(name);
    // What a reader must know before following it: a resource that stopped, code left alone.
    for (const kind of ["lifecycle", "maintenance"]) {
      if (!meta[kind]) continue;
      const badge = document.createElement("span");
      badge.className = `ds-badge ds-badge--${meta[`${kind}_kind`]}`;
      badge.textContent = meta[kind];
      title.append(" ", badge);
    }
    const where = document.createElement("span");
    where.className = "ds-result__where";
    where.textContent = [meta.type, meta.category, meta.languages].filter(Boolean).join(" · ");
    link.append(title, where);
    if (meta.summary) {
      const line = document.createElement("span");
      line.className = "ds-result__summary";
      line.textContent = meta.summary;
      link.append(line);
    }
    for (const line of [meta.activity, meta.status]) {
      if (!line) continue;
      const state = document.createElement("span");
      state.className = "ds-result__status";
      state.textContent = line;
      link.append(state);
    }
    if (lacks.length) {
      const missing = document.createElement("span");
      missing.className = "ds-result__lacks";
      missing.textContent = filled(texts.dsLacksText, { q: lacks.map(inQuotes).join(", ") });
      link.append(missing);
    }
    item.append(link);
    return item;
  }

  function pageItem(data) {
    const item = document.createElement("li");
    item.className = "ds-result ds-result--page";
    const link = document.createElement("a");
    link.className = "ds-result__link";
    link.href = data.url;
    const title = document.createElement("span");
    title.className = "ds-result__title";
    title.textContent = data.meta.title;
    link.append(title);
    item.append(link);
    return item;
  }

  // Arrow keys: from the field to the first result, between results (and the "more results"
  // button after them, in the page's order), back to the field.
  function onKey(event) {
    // The results, or, when there is none, what the status offers ("did you mean", the Explore
    // page): arrows reached nothing then, and the offer only by tabbing past the close button.
    const found = Array.from(results.querySelectorAll("a, .ds-results__more, .ds-search__example"));
    const links = found.length ? found : Array.from(status.querySelectorAll("a, button"));
    const at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!links.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at + step;
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)].focus();
    } else if (at >= 0 && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      input.focus(); // typing on a result goes on typing the question
    }
  }

  let typing;
  // The question typed key by key (its last word not yet put right), and the pause after
  // which it is.
  let keystroke = null;
  let settling;
  const SETTLING = 300;
  let asTyped = null; // the question the reader asked to search as typed
  // A question typed key by key that is not shown yet (see search), searched again as a
  // whole once the keys pause.
  let held = null;
  function hold(query) {
    held = query;
    // The keys paused while it was searched (settle came first, with nothing held yet): it
    // is searched again as a whole once this search returns (see request). It stayed unshown,
    // the examples under the words typed, until another key.
    if (keystroke !== query && input.value === query && waiting === null) waiting = query;
  }
  function settle() {
    if (input.value !== keystroke) return;
    keystroke = null;
    if (held === input.value || slips(terms(input.value)).length) request(input.value);
  }
  input.addEventListener("input", (event) => {
    // (Not within a word being composed, which a change of the field would break.)
    if (!event.isComposing && searchable(input.value) !== input.value) input.value = searchable(input.value);
    clearTimeout(typing);
    openFirst = false;
    returnedTo = null; // another question: the focus stays where the reader types
    remember(input.value);
    // Each change searches at once (one search at a time: see request), but for a word of
    // one or two letters being typed: Pagefind reads it as every word that begins with them,
    // a long search and rarely the question, so it waits for a pause, its index chunks
    // fetched meanwhile. Typing is a key, an erasure, or a phone keyboard composing its word
    // letter by letter; a question pasted, dropped or picked from suggestions goes at once.
    const kind = event.inputType || "";
    const typed =
      (kind === "insertText" && (event.data || "").length <= 1) ||
      kind === "insertCompositionText" ||
      kind.startsWith("delete");
    const words = terms(input.value);
    const last = words.split(/\s+/).pop() || "";
    keystroke = typed ? input.value : null;
    clearTimeout(settling);
    if (typed) settling = setTimeout(settle, SETTLING);
    if (!typed || !words || !isShort(last)) return request(input.value);
    // The words that will be searched: not a stop word's chunks, nor "vs" being typed.
    loadEngine().then((pagefind) => pagefind.preload(inTheirSense(searched(words))));
    typing = setTimeout(() => request(input.value), 300);
  });
  input.addEventListener("keydown", (event) => {
    // Escape closes the dialog at once, the question kept for its next opening (a search
    // field's own Escape would empty it first).
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      dialog.close();
      giveFocusBack(); // now: the close event comes later, and a key may come before it
      return;
    }
    if (event.key === "Enter" && !event.isComposing) { // not the Enter that ends a composed word
      event.preventDefault();
      const first = results.querySelector("a");
      clearTimeout(settling);
      const wasTyped = keystroke === input.value;
      keystroke = null; // Enter ends the typing: a name typed wrong is put right first
      if (wasTyped && (held === input.value || slips(terms(input.value)).length)) {
        openFirst = true;
        request(input.value);
      } else if (results.dataset.dsQuery === input.value) {
        if (first) first.click();
      } else if (terms(input.value)) {
        openFirst = true;
        clearTimeout(typing); // a short word waiting for a pause: searched now
        request(input.value);
      }
    }
  });
  dialog.addEventListener("keydown", onKey);

  // The dialog opens with what it last searched (the header's button, "/"), or with a query
  // (a search field of the page: the home page's, the 404 page's).
  let returnFocus = null; // where the focus was when the dialog opened
  // The focus goes back where it was when the dialog closes. Chromium may leave it on the
  // field of the closed dialog (Escape handled by the field), where the next key would go
  // unseen.
  // Opened with "/" while nothing had the focus, to the search button, which opens it too:
  // the focus went to the page's start, and a keyboard reader lost their place.
  // (Not to what is gone or hidden since: Explore's "search the whole site" once Back has
  // taken its words away; the search's button then.)
  const isShown = (element) => element.isConnected && element.getClientRects().length > 0;
  function giveFocusBack() {
    if (!dialog.contains(document.activeElement)) return;
    if (returnFocus && returnFocus !== document.body && isShown(returnFocus)) returnFocus.focus();
    else if (opener && opener.offsetParent !== null) opener.focus({ preventScroll: true });
    else document.activeElement.blur();
  }
  // What a first search needs, asked for as soon as the reader heads for the search: the
  // engine, and the names that a question pasted at once is checked against (else its
  // search would wait for them).
  function prepare() {
    loadEngine();
    entryNames();
    usualForms();
  }

  // The question last typed in this tab, met again on the next page: a reader who opened
  // a result and came back, or goes on to the next, had to type it anew.
  const QUESTION_KEPT = "deepscopie-search-question";
  function remember(question) {
    try {
      sessionStorage.setItem(QUESTION_KEPT, question);
    } catch {
      // storage refused (private browsing, a full quota): each page starts empty
    }
  }
  function remembered() {
    try {
      return sessionStorage.getItem(QUESTION_KEPT) || "";
    } catch {
      return "";
    }
  }

  function open(query) {
    openFirst = false;
    returnedTo = null;
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
      addSearchEntry();
    }
    prepare();
    input.focus();
    if (typeof query === "string" && query.trim()) {
      input.value = searchable(query).trim();
      remember(input.value);
      request(input.value);
      return;
    }
    // Selected: a key typed replaces it.
    if (!input.value && remembered().trim()) {
      input.value = remembered();
      request(input.value);
    }
    if (!input.value.trim()) showExamples();
    input.select();
  }

  // Explore's empty result offers the typed words to this search (it searches the FAQ too),
  // and the names its words may be typed wrong or in pieces for, as this search puts them
  // right: each one's place in the question, the number of words it takes, and the name as
  // written.
  window.deepscopie.openSearch = open;
  window.deepscopie.nameSlips = async (question) => {
    await entryNames();
    return slips(question).map(({ at, size, name }) => ({ at, size, name: nameList[name] }));
  };
  // ...and the question with its `lacking` words (as typed) put right to the entries' words
  // they are nearest to, as this search offers them ("noyeaux": "noyaux"); null if none is.
  window.deepscopie.mendedWords = async (question, lacking) => {
    const mend = await mended(question, lacking);
    return mend ? mend.question : null;
  };
  opener.hidden = false; // without JavaScript there is no search: the button stays hidden
  // ...and links to Explore and the categories stand in its place (partials/header.html).
  for (const fallback of document.querySelectorAll("[data-ds-no-search]")) fallback.hidden = true;
  opener.addEventListener("click", () => open());
  for (const form of document.querySelectorAll("[data-ds-search-form]")) {
    const field = form.querySelector("input[name=q]");
    if (!field) continue;
    form.hidden = false; // hidden without JavaScript: there would be no search behind it
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      open(field.value);
    });
    for (const intent of ["focus", "pointerenter"]) field.addEventListener(intent, prepare, { once: true, passive: true });
  }
  for (const intent of ["pointerenter", "focus", "touchstart"]) opener.addEventListener(intent, prepare, { once: true, passive: true });
  // And once the page has loaded, unless the reader saves data or has a slow connection: the
  // engine takes 200 to 300 ms to start at 10,000 entries (its WebAssembly and the lists of
  // entries, about 200 KB, which the browser keeps), which a question pasted at once would
  // wait for. It starts in a worker, beside the page's own scripts; waiting for the page to
  // be idle made such a question wait 100 ms longer. But on the Explore page, which builds
  // its filters once loaded: there it waits until the page is idle.
  const connection = navigator.connection || {};
  if (!connection.saveData && !/(^|-)2g$|^3g$/.test(connection.effectiveType || "")) {
    const busy = document.querySelector("[data-ds-explore]");
    const start = busy ? () => whenIdle(() => loadEngine()) : () => loadEngine();
    window.addEventListener("load", start, { once: true });
  }
  dialog.querySelector(".ds-search__close").addEventListener("click", () => dialog.close());
  // Closed (Escape, the button, a result): nothing opens later by itself.
  dialog.addEventListener("close", () => {
    if (dialog.open) return; // opened again since (Escape, then "/" at once): stale
    takeSearchEntryBack();
    openFirst = false;
    clearTimeout(typing);
    giveFocusBack();
  });
  dialog.addEventListener("click", (event) => {
    // A click on the backdrop, or on a result (it may point into the current page), closes it.
    const link = event.target.closest("a");
    // A result opened in this tab (not in another, with a modifier key) is kept for Back.
    const here = event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
    // A link of the status too (the Explore page): Back from where it leads comes back to the
    // search, not to this page's entry for it, with the search closed (a Back that did nothing).
    if (link && here) keepOpened(link);
    if (link && here && link.href === location.href && entryAdded && isSearchEntry()) {
      event.preventDefault();
      goingTo = link.href;
    } else if (link && here) leaving = true; // the browser follows it, in this tab
    if (event.target === dialog || link) dialog.close();
  });
  // Where a key is the reader's text, not the shortcut: a box ticked or a button pressed is
  // not ("/" did nothing after an Explore filter), a menu is for "s" (it picks its option
  // beginning with s) and not for "/".
  const UNTYPED_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset", "range", "color", "file", "image"]);
  function typedInto(target, key) {
    const field = target.closest("input, textarea, select, [contenteditable]");
    if (!field) return false;
    if (field.tagName === "INPUT") return !UNTYPED_INPUTS.has(field.type);
    return field.tagName !== "SELECT" || key !== "/";
  }
  document.addEventListener("keydown", (event) => {
    const typingSomewhere = typedInto(event.target, event.key);
    if (!typingSomewhere && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });

  // The entry a permalink opens: its heading and what follows it, up to the next heading, are
  // marked (the heading alone is by :target, without JavaScript) and brought into view.
  function highlightTarget() {
    for (const old of document.querySelectorAll(".ds-targeted")) old.classList.remove("ds-targeted");
    const id = addressedId();
    const heading = id && document.getElementById(id);
    if (!heading || !/^H[1-6]$/.test(heading.tagName)) return;
    const level = Number(heading.tagName[1]);
    heading.classList.add("ds-targeted");
    for (let next = heading.nextElementSibling; next; next = next.nextElementSibling) {
      if (/^H[1-6]$/.test(next.tagName) && Number(next.tagName[1]) <= level) break;
      next.classList.add("ds-targeted");
    }
    heading.scrollIntoView({ block: "start" });
  }
})();
