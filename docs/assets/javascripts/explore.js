// The Explore page: fetches the entries (entries.json, beside the page), filters them with AND
// between facets and OR within one, shows counts next to each choice (how many entries that
// choice would show with the other filters kept), filters by words ignoring accents, and keeps
// the state in the address so that a filtered view can be shared. Only a batch of the matching
// entries becomes elements at a time ("show more" adds the next), so 10,000 entries stay quick.
(function () {
  "use strict";
  const root = document.querySelector("[data-ds-explore]");
  if (!root) return;
  const form = root.querySelector("[data-ds-filters]");
  const list = root.querySelector("[data-ds-list]");
  const more = root.querySelector("[data-ds-more]");
  const count = root.querySelector("[data-ds-count]");
  const fallback = root.querySelector("[data-ds-fallback]");
  const batch = Number(root.dataset.dsBatch) || 200;
  const facets = Array.from(form.querySelectorAll("fieldset[data-facet]"), (set) => set.dataset.facet);
  const fold = (text) => text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const boxes = (facet) => Array.from(form.querySelectorAll(`input[name="${facet}"]`));
  // A category's name, as its checkbox's label shows it without the count (the data file
  // carries only its id).
  const labelText = (label) =>
    Array.from(label.childNodes, (node) => (node.nodeType === Node.TEXT_NODE ? node.textContent : "")).join("").trim();
  const categoryNames = new Map(boxes("category").map((box) => [box.value, labelText(box.parentElement)]));
  // Badges for what readers must know before following a link: a resource that is no longer
  // active, code not maintained for a year, named as their filters name them.
  const badgeNames = new Map(
    ["lifecycle", "maintenance"].flatMap((facet) => boxes(facet).map((box) => [`${facet}:${box.value}`, labelText(box.parentElement)])),
  );
  function badge(facet, value) {
    const span = document.createElement("span");
    span.className = `ds-badge ds-badge--${value}`;
    span.textContent = badgeNames.get(`${facet}:${value}`) || value;
    return span;
  }
  let entries = [];
  let matching = [];
  let shown = 0;

  function chosen() {
    return Object.fromEntries(facets.map((facet) => [facet, boxes(facet).filter((box) => box.checked).map((box) => box.value)]));
  }

  function matches(entry, choice, words, ignored) {
    if (!words.every((word) => entry.text.includes(word))) return false;
    return facets.every((facet) => facet === ignored || !choice[facet].length || choice[facet].some((value) => entry.values[facet].has(value)));
  }

  function item(entry) {
    const li = document.createElement("li");
    li.id = `explore-${entry.id}`;
    const link = document.createElement("a");
    link.href = entry.href;
    link.textContent = entry.title;
    const where = document.createElement("span");
    where.className = "ds-explore__where";
    where.textContent = categoryNames.get(entry.category) || entry.category;
    li.append(link);
    if (entry.lifecycle && entry.lifecycle !== "active") li.append(badge("lifecycle", entry.lifecycle));
    for (const value of [].concat(entry.maintenance || [])) if (value !== "recent") li.append(badge("maintenance", value));
    if (entry.activity) {
      const when = document.createElement("span");
      when.className = "ds-explore__activity";
      when.textContent = entry.activity;
      li.append(" ", when);
    }
    li.append(" ", where);
    return li;
  }

  function showMore(focus) {
    const next = matching.slice(shown, shown + batch);
    const fragment = document.createDocumentFragment();
    for (const entry of next) fragment.append(item(entry));
    list.append(fragment);
    if (focus && next.length) list.children[shown].querySelector("a").focus();
    shown += next.length;
    const left = matching.length - shown;
    more.hidden = left === 0;
    more.textContent = root.dataset.dsMoreText.replace("{n}", Math.min(batch, left)).replace("{left}", left);
  }

  function update(remember) {
    const choice = chosen();
    const words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
    matching = entries.filter((entry) => matches(entry, choice, words, null));
    count.textContent = matching.length;
    list.replaceChildren();
    shown = 0;
    showMore(false);
    for (const facet of facets) {
      const tally = new Map();
      for (const entry of entries) {
        if (!matches(entry, choice, words, facet)) continue;
        for (const value of entry.values[facet]) tally.set(value, (tally.get(value) || 0) + 1);
      }
      for (const box of boxes(facet)) box.parentElement.querySelector("[data-ds-n]").textContent = tally.get(box.value) || 0;
    }
    if (remember) {
      const params = new URLSearchParams();
      if (form.elements.q.value) params.set("q", form.elements.q.value);
      for (const facet of facets) for (const value of choice[facet]) params.append(facet, value);
      const query = params.toString();
      history.replaceState(null, "", query ? `?${query}` : location.pathname);
    }
  }

  function restore() {
    const params = new URLSearchParams(location.search);
    form.elements.q.value = params.get("q") || "";
    for (const facet of facets) {
      for (const box of boxes(facet)) box.checked = params.getAll(facet).includes(box.value);
      if (params.getAll(facet).length) form.querySelector(`fieldset[data-facet="${facet}"]`).closest("details").open = true;
    }
  }

  function start(data) {
    entries = data.entries.map((entry) => ({
      ...entry,
      values: Object.fromEntries(facets.map((facet) => [facet, new Set([].concat(entry[facet]))])),
    }));
    let typing;
    form.addEventListener("change", () => update(true));
    form.elements.q.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => update(true), 120);
    });
    form.addEventListener("reset", () => setTimeout(() => update(true), 0));
    form.addEventListener("submit", (event) => event.preventDefault());
    more.addEventListener("click", () => showMore(true));
    form.hidden = false;
    count.parentElement.hidden = false;
    restore();
    update(false);
    root.dataset.ready = String(Math.round(performance.now())); // measured by bench/explore.py
  }

  fallback.hidden = true;
  fetch(root.dataset.dsEntries)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.json();
    })
    .then(start)
    .catch((error) => {
      console.warn("Explore: the entries could not be loaded", error);
      fallback.querySelector("[data-ds-why]").textContent = root.dataset.dsFailedText;
      fallback.hidden = false;
    });
})();
