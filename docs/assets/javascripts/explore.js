// The Explore page's filters: AND between facets, OR within one, counts next to each choice
// (how many entries that choice would show with the other filters kept), a text filter that
// ignores accents, and the state in the address so that a filtered view can be shared.
(function () {
  "use strict";
  const root = document.querySelector("[data-ds-explore]");
  if (!root) return;
  const form = root.querySelector("[data-ds-filters]");
  const count = root.querySelector("[data-ds-count]");
  const facets = Array.from(form.querySelectorAll("fieldset[data-facet]"), (set) => set.dataset.facet);
  const fold = (text) => text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const entries = Array.from(root.querySelectorAll(".ds-explore__list > li"), (li) => ({
    li,
    text: li.dataset.text,
    values: Object.fromEntries(facets.map((facet) => [facet, new Set((li.dataset[facet] || "").split(" ").filter(Boolean))])),
  }));
  const boxes = (facet) => Array.from(form.querySelectorAll(`input[name="${facet}"]`));

  function chosen() {
    return Object.fromEntries(facets.map((facet) => [facet, boxes(facet).filter((box) => box.checked).map((box) => box.value)]));
  }

  function matches(entry, choice, words, ignored) {
    if (!words.every((word) => entry.text.includes(word))) return false;
    return facets.every((facet) => facet === ignored || !choice[facet].length || choice[facet].some((value) => entry.values[facet].has(value)));
  }

  function update(remember) {
    const choice = chosen();
    const words = fold(form.elements.q.value).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const entry of entries) {
      const visible = matches(entry, choice, words, null);
      entry.li.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    count.textContent = shown;
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

  let typing;
  form.addEventListener("change", () => update(true));
  form.elements.q.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => update(true), 120);
  });
  form.addEventListener("reset", () => setTimeout(() => update(true), 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  restore();
  update(false);
  root.dataset.ready = String(Math.round(performance.now())); // measured by bench/explore.py
})();
