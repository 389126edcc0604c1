// Keeping the reader's place: the language switcher goes to the same place of the same page
// in the other language (its anchor, and the query that holds Explore's filters), and an FAQ
// entry named by the address (a permalink) unfolds and is highlighted; Explore without its
// script gives its links back.
(function () {
  "use strict";

  // The switcher's links lead to the other language's version of this page; the anchor and
  // query are read when the reader goes, since Explore rewrites the query as filters change.
  function carryPlace(link) {
    const target = new URL(link.getAttribute("href"), location.href);
    target.search = location.search;
    target.hash = location.hash;
    link.href = target.href;
  }
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    for (const moment of ["pointerdown", "focus", "click", "keydown"]) {
      link.addEventListener(moment, () => carryPlace(link));
    }
  }

  // FAQ: the open questions only, on demand (a box the browser may restore ticked when the
  // reader comes back: applied at once). Kept in the address (`?open`), as Explore keeps its
  // filters: a link shared, a reload or the other language shows the same questions.
  const filter = document.querySelector("[data-ds-faq-filter]");
  const openOnly = filter && filter.querySelector("[data-ds-open-only]");
  const OPEN_ONLY = "open";
  const askedOpenOnly = () => new URLSearchParams(location.search).has(OPEN_ONLY);
  function keepInAddress() {
    if (openOnly.checked === askedOpenOnly()) return;
    // The query's other parts as they were written ("?open", not "?open=").
    const others = location.search.slice(1).split("&");
    const kept = others.filter((part) => part && part.split("=")[0] !== OPEN_ONLY);
    const query = [...kept, ...(openOnly.checked ? [OPEN_ONLY] : [])].join("&");
    // The page's whole address, not its path: "//deepscopie/faq/" is another host's.
    const page = location.href.replace(/[?#].*$/, "");
    history.replaceState(history.state, "", `${page}${query ? `?${query}` : ""}${location.hash}`);
  }
  function applyOpenOnly() {
    keepInAddress();
    for (const entry of document.querySelectorAll("details.ds-faq")) {
      entry.hidden = openOnly.checked && entry.dataset.dsState !== "open";
    }
    for (const topic of document.querySelectorAll(".ds-faq-topic")) {
      topic.hidden = !topic.querySelector("details.ds-faq:not([hidden])");
      // Its size says what shows: "2 open questions", not the topic's 12.
      const size = topic.querySelector("[data-ds-open-size]");
      if (!size) continue;
      if (!("dsAllSize" in size.dataset)) size.dataset.dsAllSize = size.textContent;
      size.textContent = openOnly.checked ? size.dataset.dsOpenSize : size.dataset.dsAllSize;
    }
  }
  if (openOnly) {
    filter.hidden = false; // without JavaScript, every question shows: nothing to filter
    if (askedOpenOnly()) openOnly.checked = true;
    openOnly.addEventListener("change", applyOpenOnly);
    // Back or Forward within the page: the box says what that address asked for (a
    // permalink to an answered question had unticked it; Back showed "?open" unticked).
    window.addEventListener("popstate", () => {
      openOnly.checked = askedOpenOnly();
      applyOpenOnly();
    });
    applyOpenOnly();
    // Back to the page, the browser ticks the box again after this script ran: applied then.
    window.addEventListener("pageshow", applyOpenOnly);
  }

  // FAQ: open the entry the address names (on arrival and when the anchor changes); one
  // that the filter above hides, or a topic it hides whole (the table of contents leads
  // there), shows with every question again (a search led there).
  function openTarget() {
    const id = window.deepscopie ? window.deepscopie.addressedId() : ""; // search.js's
    const target = id && document.getElementById(id);
    const entry = target && target.closest("details.ds-faq");
    const hidden = target && openOnly && target.closest("[hidden]");
    if (!entry && !hidden) return; // the browser brings it into view
    if (hidden) {
      openOnly.checked = false;
      applyOpenOnly();
    }
    if (entry) entry.open = true;
    target.scrollIntoView({ block: "start" });
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
  // A link to the address already shown changes no anchor (a search result followed twice,
  // the box ticked again meanwhile): after the browser's own jump, as if it had.
  document.addEventListener("click", (event) => {
    const link = event.target instanceof Element && event.target.closest("a[href*='#']");
    if (link && link.href === location.href) setTimeout(openTarget);
  });

  // Explore: if its script did not run (not loaded, or stopped by an error), the links of the
  // page without script come back (the CSS hides them from the first paint where scripting
  // is on). This script comes after it.
  const explore = document.querySelector("[data-ds-explore]:not([data-live])");
  if (explore) {
    explore.querySelector("[data-ds-why]").textContent = explore.dataset.dsFailedText;
    explore.dataset.failed = "";
  }

  // A table wider than the page scrolls sideways in its own box (Material's scroll wrapper),
  // which the keyboard reaches only with a place in the tab order (axe's
  // scrollable-region-focusable, serious: the Contribute page's tables on a phone), as
  // Material gives one to a block of code that scrolls. Once Material has wrapped the
  // tables (by the page's load), and again when the window's width changes.
  function scrollingTablesFocusable() {
    for (const wrapper of document.querySelectorAll(".md-typeset__scrollwrap")) {
      if (wrapper.scrollWidth > wrapper.clientWidth) wrapper.tabIndex = 0;
      else wrapper.removeAttribute("tabindex");
    }
  }
  window.addEventListener("load", scrollingTablesFocusable);
  window.addEventListener("resize", scrollingTablesFocusable, { passive: true });
})();
