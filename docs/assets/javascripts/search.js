// The header's search: Pagefind's interface in a dialog. Pagefind picks the index of the
// page's <html lang>, so a French page searches French pages only, and an English one English.
(function () {
  "use strict";
  const dialog = document.getElementById("ds-search");
  const opener = document.querySelector(".ds-search-open");
  const script = document.currentScript;
  if (!dialog || !opener || !script) return;

  // Result addresses are stored from the site's root: prefix the path the site is served
  // under (GitLab Pages serves it under /<project>/), found from this script's own address.
  const siteRoot = new URL(script.src, document.baseURI).pathname.replace(/assets\/javascripts\/search\.js$/, "");
  let ui = null;
  let pagefind = null;

  // Pagefind's interface (script and style) is fetched when a reader shows an intent to
  // search, not with every page: it would block the page's first paint and its main thread.
  function loadPagefind() {
    if (!pagefind) {
      pagefind = new Promise((resolve, reject) => {
        const style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = `${siteRoot}pagefind/pagefind-ui.css`;
        const code = document.createElement("script");
        code.src = `${siteRoot}pagefind/pagefind-ui.js`;
        code.onload = resolve;
        code.onerror = reject;
        document.head.append(style, code);
      });
      // Pagefind itself (its WebAssembly and this language's index) starts loading now too,
      // rather than on the first keystroke: the interface imports the same module instance.
      import(`${siteRoot}pagefind/pagefind.js`)
        .then(async (core) => {
          await core.options({ baseUrl: siteRoot });
          await core.init();
        })
        .catch((error) => console.warn("Search: Pagefind could not be preloaded", error));
    }
    return pagefind;
  }

  // French plurals in -aux/-eux (noyau, noyaux) escape Pagefind's French stemmer: search the
  // plural, which it reduces to the same stem as the words in the index. Which languages need
  // it is data (search_terms in deepscopie/catalogues/languages.yaml), set on the dialog.
  const pluralsFix = dialog.dataset.dsTerms === "french-plurals";
  const pluralise = (term) => term.replace(/([a-zà-ÿ]{2,}[ae]u)(?=\s|$)/giu, "$1x");

  // The dialog opens empty (the header's button, "/") or with a query (a search field of the
  // page: the home page's, the 404 page's).
  async function open(query) {
    const initial = typeof query === "string" ? query.trim() : "";
    if (!dialog.open) dialog.showModal();
    // Until Pagefind's interface is there, a field of our own takes the keys: typed into
    // nothing, "n" and "p" would be Material's shortcuts to the next and previous page.
    const early = ui ? null : waitingField();
    await loadPagefind();
    if (early) early.remove();
    if (!ui) {
      ui = new PagefindUI({
        element: "#ds-search-ui",
        baseUrl: siteRoot,
        showSubResults: true,
        showImages: false,
        resetStyles: false,
        autofocus: true,
        // Pagefind waits 300 ms after the last keystroke by default. Less shows results sooner;
        // much less would search every prefix as a reader types (at 10,000 entries those
        // searches queue up: seconds, measured by bench/search.py).
        debounceTimeoutMs: 150,
        // Category pages are long lists: do not let length bury the page holding the entry.
        ranking: { pageLength: 0.1 },
        processTerm: pluralsFix ? pluralise : (term) => term,
      });
    }
    const input = dialog.querySelector("input");
    if (!input) return;
    // Pagefind names its field by a title alone, which screen readers may skip: give it a
    // label, in the page's language (Pagefind's title is already translated).
    if (!input.hasAttribute("aria-label")) input.setAttribute("aria-label", input.title);
    input.focus();
    const typed = (early && early.value) || initial;
    if (typed) {
      input.value = typed;
      ui.triggerSearch(typed);
    }
  }

  function waitingField() {
    const field = document.createElement("input");
    field.type = "search";
    field.className = "ds-search__waiting";
    field.setAttribute("aria-label", dialog.getAttribute("aria-label"));
    dialog.querySelector("#ds-search-ui").append(field);
    field.focus();
    return field;
  }

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
    for (const intent of ["focus", "pointerenter"]) field.addEventListener(intent, loadPagefind, { once: true, passive: true });
  }
  for (const intent of ["pointerenter", "focus", "touchstart"]) opener.addEventListener(intent, loadPagefind, { once: true, passive: true });
  dialog.querySelector(".ds-search__close").addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => {
    // A click on the backdrop, or on a result (it may point into the current page), closes it.
    if (event.target === dialog || event.target.closest("a")) dialog.close();
  });
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s")) {
      event.preventDefault();
      open();
    }
  });
})();
