// Search as you type, over the index that `handbook build` writes (see
// package handbook/site/search for its format). Without this script the
// search form goes to the A to Z index, so everything here is an
// enhancement. The box lists the best hits, with a count and a link to
// every result; on the A to Z page (the form's action) a query in the
// address (?q=) shows every result above the index. It fetches the index
// only when the reader starts to search (or arrives with a query),
// sends nothing else anywhere, and builds the results with DOM calls only
// (never innerHTML), so text from the index is always shown as text.
(function () {
  "use strict";

  const form = document.querySelector("form.search[data-index]");
  if (!form) return;
  const input = form.querySelector(".search__input");
  const results = form.querySelector(".search__results");
  const status = form.querySelector(".search__status");
  const indexURL = new URL(form.getAttribute("data-index"), document.baseURI);
  const rootURL = new URL(form.getAttribute("data-root") || "/", document.baseURI);
  const MAX_HITS = 10;

  // words and stem repeat search.Words and search.Stem exactly: the page
  // must split and stem a query as the build split and stemmed the text.
  function words(text) {
    return text.toLowerCase().replace(/['’]/g, "").match(/[\p{L}\p{N}]+/gu) || [];
  }

  const irregular = new Map([["children", "child"], ["people", "person"], ["women", "woman"], ["men", "man"]]);

  function stem(word) {
    if (irregular.has(word)) return irregular.get(word);
    let w = Array.from(word);
    if (w.length <= 3) return word;
    const ends = (s) => w.length >= s.length && w.slice(w.length - s.length).join("") === s;
    if (ends("ies") && w.length > 4) w = w.slice(0, -3).concat("y");
    else if (ends("sses")) w = w.slice(0, -2);
    else if (ends("ss") || ends("us") || ends("is")) { /* keep: process, bus, this */ }
    else if (ends("s")) w = w.slice(0, -1);
    if (ends("eed")) { if (w.length > 4) w = w.slice(0, -1); }
    else if (ends("ied") && w.length > 4) w = w.slice(0, -3).concat("y");
    else if (ends("ed")) w = cutEnding(w, 2);
    else if (ends("ing")) w = cutEnding(w, 3);
    if (w.length > 3 && w[w.length - 1] === "e") w = w.slice(0, -1);
    return w.join("");
  }

  function cutEnding(w, n) {
    let r = w.slice(0, w.length - n);
    if (!r.some((c) => "aeiouy".includes(c))) return w;
    if (r.length < 3) return n === 2 ? w.slice(0, -1) : r;
    const last = r[r.length - 1];
    if (last === r[r.length - 2] && !"aeiouylsz".includes(last)) r = r.slice(0, -1);
    return r;
  }

  // ---- the index ----

  let loading = null;

  function load() {
    if (!loading) {
      loading = fetch(indexURL)
        .then((r) => {
          if (!r.ok) throw new Error("the search index answered " + r.status);
          return r.json();
        })
        .then(prepare);
      loading.catch(() => { loading = null; });
    }
    return loading;
  }

  function prepare(data) {
    if (data.v !== 1) throw new Error("search index version " + data.v + " is not understood");
    const terms = new Map(Object.entries(data.terms));
    return {
      pages: data.pages,
      later: new Set(data.later || []),
      docs: data.docs,
      stop: new Set(data.stop.split(" ")),
      terms,
      sorted: Array.from(terms.keys()).sort(),
      decoded: new Map(),
    };
  }

  // postings decodes a term's postings once: [doc, weight, doc, weight…].
  function postings(ix, term) {
    let p = ix.decoded.get(term);
    if (p) return p;
    const raw = ix.terms.get(term);
    p = new Int32Array(raw.length * 2);
    let doc = 0;
    for (let i = 0; i < raw.length; i++) {
      doc += raw[i] >> 6;
      p[2 * i] = doc;
      p[2 * i + 1] = raw[i] & 63;
    }
    ix.decoded.set(term, p);
    return p;
  }

  // withPrefix lists the indexed stems that start with any of prefixes.
  function withPrefix(ix, prefixes) {
    const out = new Set();
    for (const prefix of prefixes) {
      let lo = 0;
      let hi = ix.sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ix.sorted[mid] < prefix) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < ix.sorted.length && ix.sorted[i].startsWith(prefix); i++) out.add(ix.sorted[i]);
    }
    return out;
  }

  // score ranks a word's place in a section: the chapter's title above the
  // section's heading above the text, then how often it is in the text.
  function score(weight) {
    return (weight & 32 ? 1000 : 0) + (weight & 16 ? 100 : 0) + (weight & 15);
  }

  // matchersOf turns a query into one matcher per word. Every word must
  // be found (AND); the last word, while it is still being typed, also
  // matches as the start of a longer word.
  function matchersOf(ix, q) {
    const typing = !/[\s.,;:!?]$/u.test(q);
    const ws = words(q).filter((w) => !ix.stop.has(w));
    return ws.map((w, i) => {
      const s = stem(w);
      const prefix = typing && i === ws.length - 1 && w.length >= 2;
      const terms = prefix ? withPrefix(ix, [s, w]) : new Set(ix.terms.has(s) ? [s] : []);
      return { stem: s, word: w, prefix, terms };
    });
  }

  // fit ranks a title or heading that the query matches closely above one
  // it matches among other words: "written undertakings" puts the chapter
  // of that name above "Model written undertaking".
  function fit(ix, doc, s, n) {
    if (!ix.docs[doc][1] && Math.floor(s / 1000) >= n) return 500 * n / significant(ix, doc, true);
    if (Math.floor((s % 1000) / 100) >= n) return 50 * n / significant(ix, doc, false);
    return 0;
  }

  // significant counts the words of a doc's title (for a chapter's own
  // entry) or heading that are not stop words, once per doc.
  function significant(ix, doc, title) {
    if (!ix.sig) ix.sig = new Int16Array(ix.docs.length);
    if (!ix.sig[doc]) {
      const [page, , heading] = ix.docs[doc];
      const text = title ? ix.pages[page][1] : heading;
      ix.sig[doc] = Math.max(1, words(text).filter((w) => !ix.stop.has(w)).length);
    }
    return ix.sig[doc];
  }

  function search(ix, q) {
    const matchers = matchersOf(ix, q);
    if (!matchers.length) return { matchers, hits: [], total: 0 };
    // One score per section, -1 where a word of the query is missing.
    const n = ix.docs.length;
    let total = null;
    for (const m of matchers) {
      const best = new Float64Array(n).fill(-1);
      for (const t of m.terms) {
        const p = postings(ix, t);
        const exact = t === m.stem ? 1 : 0;
        for (let i = 0; i < p.length; i += 2) {
          const s = score(p[i + 1]) + exact;
          if (s > best[p[i]]) best[p[i]] = s;
        }
      }
      if (total === null) total = best;
      else for (let d = 0; d < n; d++) total[d] = total[d] < 0 || best[d] < 0 ? -1 : total[d] + best[d];
    }
    const ranked = [];
    for (let d = 0; d < n; d++) {
      if (total[d] >= 0) ranked.push({ doc: d, s: total[d] + fit(ix, d, total[d], matchers.length) });
    }
    // Pages for editors come after all guidance, whatever their score.
    const later = (d) => (ix.later.has(ix.docs[d][0]) ? 1 : 0);
    ranked.sort((a, b) => later(a.doc) - later(b.doc) || b.s - a.s || ix.docs[a.doc][4] - ix.docs[b.doc][4] || a.doc - b.doc);
    const hitsOf = (list) => list.map(({ doc, s }) => hitOf(ix, doc, s));
    // Only the best few are drawn as the reader types; all() is for the
    // page of every result.
    return { matchers, hits: hitsOf(ranked.slice(0, MAX_HITS)), all: () => hitsOf(ranked), total: ranked.length };
  }

  function hitOf(ix, doc, s) {
    const [page, id, heading, snippet] = ix.docs[doc];
    const [url, title] = ix.pages[page];
    return { url: new URL(url + (id ? "#" + id : ""), rootURL).href, title, heading, snippet, score: s };
  }

  // ---- showing the hits ----

  function matches(matchers, token) {
    const w = words(token)[0];
    if (!w) return false;
    const s = stem(w);
    return matchers.some((m) => s === m.stem || (m.prefix && (s.startsWith(m.stem) || w.startsWith(m.word))));
  }

  // marked appends text to el with the words the query matched in <mark>.
  function marked(el, text, matchers) {
    const re = /[\p{L}\p{N}'’]+/gu;
    let at = 0;
    for (const m of text.matchAll(re)) {
      if (!matches(matchers, m[0])) continue;
      if (m.index > at) el.append(text.slice(at, m.index));
      const mark = document.createElement("mark");
      mark.textContent = m[0];
      el.append(mark);
      at = m.index + m[0].length;
    }
    if (at < text.length) el.append(text.slice(at));
    return el;
  }

  function count(n) {
    return n === 1 ? "1 result" : n + " results";
  }

  // hitList draws hits as a list of links with snippets.
  function hitList(hits, matchers) {
    const ul = document.createElement("ul");
    for (const hit of hits) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = hit.url;
      marked(a, hit.title, matchers);
      if (hit.heading) {
        a.append(" › ");
        marked(a, hit.heading, matchers);
      }
      li.append(a);
      if (hit.snippet) li.append(marked(document.createElement("p"), hit.snippet, matchers));
      ul.append(li);
    }
    return ul;
  }

  // allResultsURL is the A to Z page with the query: every result.
  function allResultsURL(q) {
    const u = new URL(form.action, document.baseURI);
    u.search = "?q=" + encodeURIComponent(q.trim());
    return u.href;
  }

  function show(q, found) {
    results.replaceChildren();
    if (!q.trim()) {
      close();
      status.textContent = "";
      return;
    }
    if (!found.hits.length) {
      const p = document.createElement("p");
      p.className = "search__none";
      p.textContent = "No results for “" + q.trim() + "”. ";
      const a = document.createElement("a");
      a.href = form.action;
      a.textContent = "Browse the A to Z index";
      p.append(a);
      results.append(p);
      status.textContent = "No results for " + q.trim();
    } else {
      const n = found.total;
      const head = document.createElement("p");
      head.className = "search__count";
      head.textContent = count(n) + (n > MAX_HITS ? ", the best " + MAX_HITS + " first" : "");
      results.append(head, hitList(found.hits, found.matchers));
      const all = document.createElement("p");
      all.className = "search__all";
      const a = document.createElement("a");
      a.href = allResultsURL(q);
      a.textContent = n > MAX_HITS ? "See all " + count(n) : "See the results on a page of their own";
      all.append(a);
      results.append(all);
      status.textContent = count(n) + (n > MAX_HITS ? ", showing the best " + MAX_HITS : "");
    }
    results.hidden = false;
  }

  // ---- every result, on the A to Z page ----

  function showPage(q) {
    const page = document.getElementById("search-page");
    if (!page || !q.trim()) return;
    const heading = document.getElementById("search-page-heading");
    const list = document.getElementById("search-page-results");
    input.value = q;
    load().then((ix) => {
      const found = search(ix, q);
      list.replaceChildren();
      heading.textContent = (found.total ? count(found.total) : "No results") + " for “" + q.trim() + "”";
      if (found.total) {
        list.append(hitList(found.all(), found.matchers));
        list.firstChild.className = "search-page__list";
      } else {
        const p = document.createElement("p");
        p.textContent = "Check the spelling, try fewer or other words, or look the subject up in the A to Z index below.";
        list.append(p);
      }
      page.hidden = false;
      const h1 = document.querySelector("main h1");
      if (h1) h1.textContent = "Search results";
      document.title = heading.textContent + " – " + document.title;
      heading.focus();
    }, () => {
      heading.textContent = "Search could not load its index";
      page.hidden = false;
    });
  }

  function close() {
    results.hidden = true;
  }

  function links() {
    return Array.from(results.querySelectorAll("a"));
  }

  // ---- wiring ----

  let timer = 0;

  function run() {
    const q = input.value;
    load().then((ix) => {
      if (input.value !== q) return; // a newer query is on its way
      show(q, search(ix, q));
    }, () => {
      status.textContent = "Search could not load its index. Press Enter to go to the A to Z index.";
    });
  }

  input.setAttribute("aria-controls", results.id);
  input.setAttribute("aria-describedby", status.id);
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  // Enter or the Search button submits the form as it stands: the A to
  // Z page then shows every result for the query.
  form.addEventListener("keydown", (e) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (e.key === "Escape") {
      if (!results.hidden) {
        e.preventDefault();
        close();
        input.focus();
      }
    } else if (e.key === "ArrowDown" && !results.hidden && all.length) {
      e.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : all[at - 1]).focus();
    }
  });
  form.addEventListener("focusout", (e) => {
    if (!form.contains(e.relatedTarget)) close();
  });
  input.addEventListener("focus", () => {
    if (input.value.trim() && results.childElementCount) results.hidden = false;
  });

  const pageQuery = new URLSearchParams(window.location.search).get("q");
  if (pageQuery) showPage(pageQuery);

  // For tests: the same search the box runs, and the word rules.
  window.handbookSearch = {
    query: (q) => load().then((ix) => search(ix, q)),
    stem,
    words,
  };
})();
