// The checker page's main-thread script. It wires the form to a Web
// Worker that runs the WebAssembly checker and draws the report: flags,
// checklist, highlighted passages, commitments and statistics.
//
// Nothing here sends anything over the network: the worker fetches the
// module once while the page loads, and the draft never leaves the page.
// Every piece of the draft and of the report is written with textContent,
// never as HTML, so a draft holding markup stays text.
(function () {
  "use strict";

  const root = document.getElementById("checker");
  const app = document.getElementById("checker-app");
  if (!root || !app) {
    return; // the checker is unavailable in this build: the page says why
  }

  const STORAGE_KEY = "handbook-checker-draft";
  const MAX_FILE_BYTES = 10 * 1024 * 1024; // the checker's own limit
  const MAX_WORD_BYTES = 50 * 1024 * 1024; // checker/docx's limit on a .docx
  const MAX_LISTED = 500; // findings drawn; the report keeps them all

  const el = {
    manual: document.getElementById("checker-manual"),
    draft: document.getElementById("checker-draft"),
    file: document.getElementById("checker-file"),
    keep: document.getElementById("checker-keep"),
    check: document.getElementById("checker-check"),
    copy: document.getElementById("checker-copy"),
    print: document.getElementById("checker-print"),
    clear: document.getElementById("checker-clear"),
    status: document.getElementById("checker-status"),
    results: document.getElementById("checker-results"),
  };

  const guidanceRoot = root.dataset.root || "";

  // State, exposed read-only on window.handbookChecker for the browser
  // tests and for anyone curious in the developer tools.
  const state = {
    phase: "loading", // loading | ready | checking | done | failed
    readyAt: 0, // performance.now() when the checker became ready
    initMs: 0, // time the worker took to load the module
    report: "", // the last report's JSON, exactly as the checker wrote it
    text: "", // the text that report is about
    checkMs: 0, // time the last check took inside the worker
    doc: null, // the Word document last opened: {text, parts}
  };

  let worker = null;
  let seq = 0; // id of the latest request
  let latestPage = 0; // id of the latest check of the text area
  let busy = false; // the worker is checking
  let queue = []; // requests waiting for the worker: {id, text, page}
  const sentTexts = new Map(); // id -> text, until its result arrives
  const waiters = new Map(); // id -> resolve, for handbookChecker.check
  let debounceTimer = 0;
  let lastSummary = "";
  let announceNext = false;
  let openedNote = ""; // "Opened x.docx. ", said with the first feedback on it

  // ---- start-up ----------------------------------------------------------

  // With script running, the checklist by hand gives way to the checker;
  // it comes back, with the reason, if the checker cannot start.
  app.hidden = false;
  if (el.manual) {
    el.manual.hidden = true;
  }
  setStatus("Loading the checker…");
  restoreDraft();
  startWorker();

  function startWorker() {
    try {
      worker = new Worker(absolute(root.dataset.worker));
    } catch (err) {
      fail(err);
      return;
    }
    worker.onmessage = onWorkerMessage;
    worker.onerror = function (event) {
      event.preventDefault();
      fail(event.message || "the checker's worker stopped");
    };
    worker.postMessage({
      type: "init",
      glue: absolute(root.dataset.glue),
      wasm: absolute(root.dataset.wasm),
      settings: root.dataset.settings || "",
    });
  }

  function absolute(url) {
    return new URL(url, document.baseURI).href;
  }

  function onWorkerMessage(event) {
    const msg = event.data || {};
    switch (msg.type) {
      case "ready":
        state.phase = "ready";
        state.readyAt = performance.now();
        state.initMs = msg.ms;
        state.initStages = msg.stages || null;
        root.dataset.state = "ready";
        setStatus("The checker is ready. Paste or type your draft.");
        if (el.draft.value !== "") {
          requestCheck(false);
        }
        break;
      case "failed":
        fail(msg.message);
        break;
      case "docx":
        onDocx(msg);
        break;
      case "result":
        busy = false;
        onResult(msg.id, msg.json, msg.ms);
        sendPending();
        break;
      case "error":
        busy = false;
        if (!resolveWaiter(msg.id, null) && msg.id === latestPage) {
          state.phase = "ready";
          root.dataset.state = "error";
          setStatus("The checker could not check this text: " + msg.message);
        }
        sendPending();
        break;
    }
  }

  function fail(reason) {
    state.phase = "failed";
    root.dataset.state = "failed";
    const text = "The automatic checker could not start in this browser (" +
      String((reason && reason.message) || reason) +
      "). You can still work through the checklist by hand.";
    setStatus(text);
    const why = document.getElementById("checker-manual-why");
    if (el.manual && why) {
      why.textContent = text;
      el.manual.hidden = false;
      app.hidden = true;
    }
    el.check.disabled = true;
  }

  // ---- checking ----------------------------------------------------------

  function requestCheck(announce) {
    if (state.phase === "loading" || state.phase === "failed") {
      return 0;
    }
    seq += 1;
    // Only the newest draft matters: drop older ones still waiting.
    queue = queue.filter(function (r) { return !r.page; });
    queue.push({ id: seq, text: el.draft.value, page: true });
    latestPage = seq;
    announceNext = announceNext || announce;
    state.phase = "checking";
    root.dataset.state = "checking";
    sendPending();
    return seq;
  }

  function sendPending() {
    if (busy || queue.length === 0) {
      return;
    }
    const next = queue.shift();
    busy = true;
    sentTexts.set(next.id, next.text);
    worker.postMessage({ type: "check", id: next.id, text: next.text });
  }

  function onResult(id, json, ms) {
    const text = sentTexts.get(id);
    sentTexts.delete(id);
    if (resolveWaiter(id, json)) {
      return; // a programmatic check: leave the page as it is
    }
    if (id !== latestPage) {
      return; // a newer draft is on its way, or the draft was cleared
    }
    state.report = json;
    state.text = text;
    state.checkMs = ms;
    state.phase = "done";
    root.dataset.state = "done";
    let report;
    try {
      report = JSON.parse(json);
    } catch (err) {
      setStatus("The checker gave an answer this page cannot read.");
      return;
    }
    render(report, text);
    const summary = report.refused ? refusalText(report) : report.summary;
    if (announceNext || summary !== lastSummary) {
      setStatus(openedNote + "Feedback updated. " + summary);
    }
    openedNote = "";
    announceNext = false;
    lastSummary = summary;
  }

  function resolveWaiter(id, json) {
    const resolve = waiters.get(id);
    if (!resolve) {
      return false;
    }
    waiters.delete(id);
    resolve(json);
    return true;
  }

  // checkText runs the checker on any text without touching the page; the
  // browser tests use it for texts the text area would change (CRLF).
  function checkText(text) {
    if (state.phase === "loading" || state.phase === "failed") {
      return Promise.reject(new Error("the checker is not ready"));
    }
    seq += 1;
    const id = seq;
    return new Promise(function (resolve) {
      waiters.set(id, resolve);
      queue.push({ id: id, text: String(text), page: false });
      sendPending();
    });
  }

  function scheduleCheck() {
    clearTimeout(debounceTimer);
    // Long drafts wait a little longer, so typing is not redrawn each key.
    const wait = el.draft.value.length > 200000 ? 1000 : 350;
    debounceTimer = setTimeout(function () {
      if (el.keep.checked) {
        saveDraft();
      }
      requestCheck(false);
    }, wait);
  }

  // ---- offsets -----------------------------------------------------------

  // utf16Offsets maps the report's UTF-8 byte offsets to indices into the
  // JavaScript string in one pass. A lone surrogate counts three bytes: it
  // reached Go as U+FFFD.
  function utf16Offsets(text, offsets) {
    const sorted = Array.from(new Set(offsets)).sort(function (a, b) {
      return a - b;
    });
    const map = new Map();
    let bytes = 0;
    let i = 0;
    for (const want of sorted) {
      while (bytes < want && i < text.length) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          bytes += 1;
          i += 1;
        } else if (c < 0x800) {
          bytes += 2;
          i += 1;
        } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length &&
          text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
          bytes += 4;
          i += 2;
        } else {
          bytes += 3;
          i += 1;
        }
      }
      map.set(want, i);
    }
    return map;
  }

  // ---- drawing the report --------------------------------------------------

  const STATUS = {
    met: { words: "Met", icon: "✓" },
    partly: { words: "Partly met", icon: "◐" },
    missing: { words: "Missing", icon: "✗" },
    not_applicable: { words: "Does not apply", icon: "–" },
  };

  const KIND = {
    agreement: "a written agreement",
    undertaking: "a written undertaking",
    safety_plan: "a safety plan",
    unknown: "not recognised as an agreement or undertaking",
  };

  function h(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const name of Object.keys(attrs)) {
        if (name === "text") {
          node.textContent = attrs.text;
        } else if (name === "className") {
          node.className = attrs.className;
        } else {
          node.setAttribute(name, attrs[name]);
        }
      }
    }
    for (const child of children || []) {
      if (child !== null && child !== undefined) {
        node.append(child);
      }
    }
    return node;
  }

  function guidanceLink(path, label) {
    return h("a", { href: guidanceRoot + path, className: "checker-guidance", text: label });
  }

  function refusalText(report) {
    return "This text could not be checked: it " +
      (report.reason === "holds a NUL byte" ? "holds a NUL character" : "is " + report.reason) +
      ". Remove that character and try again.";
  }

  function render(report, text) {
    const out = el.results;
    out.replaceChildren();
    out.hidden = false;
    el.copy.disabled = false;
    el.print.disabled = false;

    out.append(h("h2", { id: "checker-feedback-heading", tabindex: "-1", text: "Feedback" }));
    if (report.refused) {
      out.append(h("p", { className: "checker-summary", text: refusalText(report) }));
      return;
    }

    const passages = collectPassages(report, text);

    out.append(h("p", { className: "checker-summary" }, [
      h("span", { className: "checker-kind", text: "This looks like " + (KIND[report.kind] || report.kind) + ". " }),
      report.summary,
    ]));

    if (report.flags.length > 0) {
      out.append(renderFlags(report.flags, passages));
    }
    if (report.criteria.length > 0) {
      out.append(renderChecklist(report.criteria, passages));
    }
    out.append(renderPassages(report.findings, passages, text));
    if (report.commitments.length > 0) {
      out.append(renderCommitments(report.commitments, passages.offsets, text));
    }
    out.append(renderStats(report.stats));
  }

  // collectPassages gives every span the report points at a number, so that
  // a finding, a flag or a criterion can link to its place in the mirror.
  function collectPassages(report, text) {
    const offsets = [];
    const note = function (s) {
      offsets.push(s.start, s.end);
    };
    report.criteria.forEach(function (c) { c.evidence.forEach(note); });
    report.flags.forEach(function (f) { f.evidence.forEach(note); });
    report.findings.forEach(note);
    report.commitments.forEach(note);
    const map = utf16Offsets(text, offsets);

    const list = [];
    const add = function (span, kind) {
      const start = map.get(span.start);
      const end = map.get(span.end);
      if (start === undefined || end === undefined || end < start) {
        return -1;
      }
      list.push({ start: start, end: end, kind: kind, n: list.length + 1 });
      return list.length - 1;
    };
    const byFlag = report.flags.map(function (f) {
      return f.evidence.map(function (s) { return add(s, "flag"); });
    });
    const byCriterion = report.criteria.map(function (c) {
      const kind = c.status === "met" ? "met" : "criterion";
      return c.evidence.map(function (s) { return add(s, kind); });
    });
    const byFinding = report.findings.slice(0, MAX_LISTED).map(function (f) {
      return add(f, "finding-" + f.severity);
    });
    return { list: list, byFlag: byFlag, byCriterion: byCriterion, byFinding: byFinding, offsets: map };
  }

  function passageButtons(indices, passages, what) {
    const shown = indices.filter(function (i) { return i >= 0; });
    if (shown.length === 0) {
      return null;
    }
    const buttons = shown.slice(0, 10).map(function (i, k) {
      const p = passages.list[i];
      return h("button", {
        type: "button",
        className: "checker-show",
        "data-passage": String(p.n),
        "aria-label": "Show passage " + (k + 1) + " for " + what + " in your draft",
        text: "Show passage " + (k + 1),
      });
    });
    return h("p", { className: "checker-evidence" }, buttons);
  }

  function renderFlags(flags, passages) {
    const list = h("ul", { className: "checker-flag-list" });
    flags.forEach(function (f, i) {
      list.append(h("li", { className: "checker-flag" }, [
        h("h4", { className: "checker-flag-title" }, [
          h("span", { className: "checker-icon", "aria-hidden": "true", text: "⚠ " }),
          f.title,
        ]),
        h("p", { text: f.message }),
        h("p", null, [guidanceLink(f.guidance, "Read the guidance: " + f.title)]),
        passageButtons(passages.byFlag[i], passages, f.title),
      ]));
    });
    return h("section", { className: "checker-flags", "aria-labelledby": "checker-flags-heading" }, [
      h("h3", { id: "checker-flags-heading", text: "Stop: a written agreement may be the wrong tool" }),
      h("p", { text: "These situations are ones in which the guidance says not to use a written agreement. Read what to use instead before going further." }),
      list,
    ]);
  }

  function renderChecklist(criteria, passages) {
    const list = h("ol", { className: "checker-checklist" });
    criteria.forEach(function (c, i) {
      const st = STATUS[c.status] || { words: c.status, icon: "?" };
      list.append(h("li", { className: "checker-criterion checker-status-" + c.status }, [
        h("p", { className: "checker-criterion-head" }, [
          h("span", { className: "checker-icon", "aria-hidden": "true", text: st.icon }),
          " ",
          h("strong", { className: "checker-status-words", text: st.words + ":" }),
          " ",
          c.title,
        ]),
        c.message ? h("p", { className: "checker-message", text: c.message }) : null,
        h("p", null, [guidanceLink(c.guidance, "Guidance: " + c.title)]),
        passageButtons(passages.byCriterion[i], passages, c.title),
      ]));
    });
    return h("section", { className: "checker-checklist-section checker-print", "aria-labelledby": "checker-checklist-heading" }, [
      h("h3", { id: "checker-checklist-heading", text: "Checklist" }),
      list,
    ]);
  }

  function renderPassages(findings, passages, text) {
    const section = h("section", { className: "checker-passages", "aria-labelledby": "checker-passages-heading" }, [
      h("h3", { id: "checker-passages-heading", text: "Passages to look at" }),
    ]);
    if (findings.length === 0) {
      section.append(h("p", { text: "The checker points at no particular passage." }));
    } else {
      const list = h("ol", { className: "checker-findings" });
      findings.slice(0, MAX_LISTED).forEach(function (f, i) {
        const p = passages.byFinding[i];
        const label = where(f, text) + ": " + f.message;
        list.append(h("li", { className: "checker-finding checker-severity-" + f.severity }, [
          p >= 0
            ? h("button", { type: "button", className: "checker-finding-link", "data-passage": String(passages.list[p].n), text: label })
            : label,
        ]));
      });
      section.append(list);
      if (findings.length > MAX_LISTED) {
        section.append(h("p", { text: "And " + (findings.length - MAX_LISTED) + " more passages, not listed here. Copy the feedback to see them all." }));
      }
    }
    section.append(
      h("h3", { id: "checker-mirror-heading", className: "checker-print", text: "Your draft, with the passages marked" }),
      renderMirror(text, passages.list)
    );
    return section;
  }

  // renderMirror draws the draft as text with <mark>s for the passages.
  // Passages may overlap: the text is cut at every passage boundary and each
  // piece is marked if any passage covers it.
  function renderMirror(text, list) {
    const mirror = h("div", {
      id: "checker-mirror",
      className: "checker-mirror checker-print",
      "aria-labelledby": "checker-mirror-heading",
      role: "region",
      tabindex: "0", // it scrolls, so the keyboard must reach it
    });
    const cuts = new Set([0, text.length]);
    list.forEach(function (p) {
      cuts.add(p.start);
      cuts.add(p.end);
    });
    const points = Array.from(cuts).sort(function (a, b) { return a - b; });
    const starts = new Map(); // start -> passages starting there
    list.forEach(function (p) {
      if (!starts.has(p.start)) {
        starts.set(p.start, []);
      }
      starts.get(p.start).push(p);
    });
    const open = []; // passages covering the current piece
    const frag = document.createDocumentFragment();
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      for (let j = open.length - 1; j >= 0; j--) {
        if (open[j].end <= a) {
          open.splice(j, 1);
        }
      }
      const beginning = starts.get(a) || [];
      beginning.forEach(function (p) {
        if (p.end > a) {
          open.push(p);
        }
      });
      const piece = text.slice(a, b);
      if (open.length === 0) {
        frag.append(document.createTextNode(piece));
        continue;
      }
      const kinds = new Set(open.map(function (p) { return p.kind; }));
      const mark = h("mark", { className: Array.from(kinds).map(function (k) { return "checker-mark-" + k; }).join(" ") });
      mark.textContent = piece;
      if (beginning.length > 0) {
        // The passages that start here; a finding's link looks them up.
        mark.dataset.p = beginning.map(function (p) { return p.n; }).join(" ");
        mark.tabIndex = -1;
      }
      frag.append(mark);
    }
    // An empty passage (start === end) still needs somewhere to go.
    list.forEach(function (p) {
      if (p.start === p.end) {
        frag.append(h("span", { "data-p": String(p.n), tabindex: "-1", className: "checker-anchor" }));
      }
    });
    mirror.append(frag);
    return mirror;
  }

  function renderCommitments(commitments, offsets, text) {
    const body = h("tbody");
    // Drawn rows are capped like findings: a huge paste must not stall the page.
    commitments.slice(0, MAX_LISTED).forEach(function (c) {
      const start = offsets.get(c.start);
      const end = offsets.get(c.end);
      const what = start !== undefined && end !== undefined ? text.slice(start, end).trim() : "";
      body.append(h("tr", null, [
        h("td", { text: (c.actor || "Not named") + (c.party === "professional" ? " (professional)" : " (family)") }),
        h("td", { text: what }),
        h("td", { text: c.timescale || "No timescale given" }),
        h("td", { text: c.checkable ? "Yes" : "No" }),
      ]));
    });
    return h("section", { className: "checker-commitments", "aria-labelledby": "checker-commitments-heading" }, [
      h("h3", { id: "checker-commitments-heading", text: "Commitments" }),
      h("div", { className: "checker-table-wrap" }, [
        h("table", null, [
          h("caption", { text: "Who commits to what, by when, and whether someone else could check it was done" }),
          h("thead", null, [h("tr", null, [
            h("th", { scope: "col", text: "Who" }),
            h("th", { scope: "col", text: "What" }),
            h("th", { scope: "col", text: "By when" }),
            h("th", { scope: "col", text: "Can it be checked?" }),
          ])]),
          body,
        ]),
      ]),
    ]);
  }

  function renderStats(stats) {
    const row = function (term, value) {
      return [h("dt", { text: term }), h("dd", { text: value })];
    };
    return h("section", { className: "checker-stats", "aria-labelledby": "checker-stats-heading" }, [
      h("h3", { id: "checker-stats-heading", text: "Statistics" }),
      h("dl", null, [].concat(
        row("Words", String(stats.words)),
        row("Sentences", String(stats.sentences)),
        row("Reading ease (0 to 100, higher is easier)", stats.reading_ease.toFixed(1))
      )),
    ]);
  }

  function showPassage(n) {
    const target = el.results.querySelector('#checker-mirror [data-p~="' + Number(n) + '"]');
    if (!target) {
      return;
    }
    const previous = el.results.querySelector(".checker-current");
    if (previous) {
      previous.classList.remove("checker-current");
    }
    target.classList.add("checker-current");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  // ---- plain-text feedback -------------------------------------------------

  function feedbackText() {
    if (!state.report) {
      return "";
    }
    const r = JSON.parse(state.report);
    if (r.refused) {
      return refusalText(r) + "\n";
    }
    const link = function (path) {
      return absolute(guidanceRoot + path);
    };
    const lines = ["Feedback from the written agreement checker", "", r.summary, ""];
    if (r.flags.length > 0) {
      lines.push("STOP: a written agreement may be the wrong tool");
      r.flags.forEach(function (f) {
        lines.push("- " + f.title, "  " + f.message, "  Guidance: " + link(f.guidance));
      });
      lines.push("");
    }
    if (r.criteria.length > 0) {
      lines.push("Checklist");
      r.criteria.forEach(function (c) {
        const st = STATUS[c.status] || { words: c.status };
        lines.push("- " + st.words + ": " + c.title);
        if (c.message) {
          lines.push("  " + c.message);
        }
        lines.push("  Guidance: " + link(c.guidance));
      });
      lines.push("");
    }
    if (r.findings.length > 0) {
      lines.push("Passages to look at");
      r.findings.forEach(function (f) {
        lines.push("- " + where(f, state.text) + ": " + f.message);
      });
      lines.push("");
    }
    if (r.commitments.length > 0) {
      const offsets = utf16Offsets(state.text, r.commitments.flatMap(function (c) { return [c.start, c.end]; }));
      lines.push("Commitments");
      r.commitments.forEach(function (c) {
        const what = state.text.slice(offsets.get(c.start), offsets.get(c.end)).trim();
        lines.push("- " + (c.actor || "Not named") + " (" + c.party + "): " + what +
          " | by when: " + (c.timescale || "no timescale given") +
          " | can be checked: " + (c.checkable ? "yes" : "no"));
      });
      lines.push("");
    }
    lines.push("Words: " + r.stats.words + ", sentences: " + r.stats.sentences +
      ", reading ease: " + r.stats.reading_ease.toFixed(1));
    return lines.join("\n") + "\n";
  }

  function copyFeedback() {
    const text = feedbackText();
    const done = function () { setStatus("Feedback copied. Paste it wherever you need it."); };
    const fallback = function () {
      // execCommand still works where the asynchronous clipboard is denied.
      const scratch = h("textarea", { className: "checker-scratch", "aria-hidden": "true", tabindex: "-1" });
      scratch.value = text;
      document.body.append(scratch);
      scratch.select();
      let ok = false;
      try {
        ok = document.execCommand("copy");
      } catch (err) {
        ok = false;
      }
      scratch.remove();
      el.copy.focus();
      if (ok) {
        done();
      } else {
        setStatus("This browser would not copy the feedback. Select the feedback and copy it yourself.");
      }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  // ---- the draft: storage, files, clearing ---------------------------------

  function storage() {
    try {
      return window.localStorage;
    } catch (err) {
      return null; // storage switched off: keeping is simply unavailable
    }
  }

  function restoreDraft() {
    const store = storage();
    if (!store) {
      el.keep.disabled = true;
      return;
    }
    let saved = null;
    try {
      saved = store.getItem(STORAGE_KEY);
    } catch (err) {
      saved = null;
    }
    if (saved !== null) {
      el.draft.value = saved;
      el.keep.checked = true;
    }
  }

  function saveDraft() {
    const store = storage();
    if (!store) {
      return;
    }
    try {
      if (el.keep.checked) {
        store.setItem(STORAGE_KEY, el.draft.value);
      } else {
        store.removeItem(STORAGE_KEY);
      }
    } catch (err) {
      setStatus("This browser would not keep the draft (it may be too long for its storage).");
    }
  }

  // openFile reads a chosen or dropped file into the draft, here in the
  // page: a Word document goes to the worker, which reads it with the same
  // Go code as `handbook check`; a text file is read as UTF-8.
  function openFile(file) {
    file = file || (el.file.files && el.file.files[0]);
    el.file.value = "";
    if (!file) {
      return;
    }
    if (file.size > MAX_WORD_BYTES) {
      setStatus(file.name + " is larger than 50 MB, too large to check.");
      return;
    }
    const isWord = /\.docx$/i.test(file.name) ||
      file.type === "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (!isWord && file.size > MAX_FILE_BYTES) {
      setStatus(file.name + " is larger than 10 MB, too large to check.");
      return;
    }
    const reader = new FileReader();
    reader.onerror = function () {
      setStatus(file.name + " could not be read.");
    };
    if (isWord) {
      if (state.phase === "loading" || state.phase === "failed") {
        setStatus("Word documents can be opened once the checker has loaded.");
        return;
      }
      reader.onload = function () {
        seq += 1;
        opening.set(seq, file.name);
        worker.postMessage({ type: "docx", id: seq, bytes: reader.result }, [reader.result]);
      };
      reader.readAsArrayBuffer(file);
      return;
    }
    reader.onload = function () {
      state.doc = null;
      el.draft.value = String(reader.result).replace(/^\uFEFF/, "");
      saveDraft();
      setStatus("Opened " + file.name + ".");
      openedNote = "Opened " + file.name + ". ";
      requestCheck(true);
    };
    reader.readAsText(file, "utf-8");
  }

  const opening = new Map(); // id -> name of a Word document being read

  function onDocx(msg) {
    const name = opening.get(msg.id) || "The document";
    opening.delete(msg.id);
    if (msg.error) {
      setStatus(name + " could not be opened: " + msg.error + ".");
      return;
    }
    state.doc = { text: msg.text, parts: msg.parts || [] };
    el.draft.value = msg.text;
    saveDraft();
    openedNote = "Opened " + name + "; the passages below name its paragraphs and table cells. ";
    setStatus(openedNote);
    requestCheck(true);
  }

  // where says where a finding is: the Word document's paragraph or table
  // cell while the draft is the document as opened, else line and column.
  function where(f, text) {
    const doc = state.doc;
    if (doc && doc.text === text) {
      for (const p of doc.parts) {
        if (p.start <= f.start && f.start < p.end) {
          return p.label.charAt(0).toUpperCase() + p.label.slice(1);
        }
      }
    }
    return "Line " + f.line + ", column " + f.column;
  }

  function clearAll() {
    clearTimeout(debounceTimer);
    latestPage = 0; // results on their way are for the old draft
    queue = queue.filter(function (r) { return !r.page; });
    el.draft.value = "";
    state.doc = null;
    el.keep.checked = false;
    saveDraft();
    state.report = "";
    state.text = "";
    if (state.phase === "checking" || state.phase === "done") {
      state.phase = "ready";
      root.dataset.state = "ready";
    }
    lastSummary = "";
    el.results.replaceChildren();
    el.results.hidden = true;
    el.copy.disabled = true;
    el.print.disabled = true;
    setStatus("Cleared. Nothing of your draft is kept on this device.");
    el.draft.focus();
  }

  function setStatus(text) {
    el.status.textContent = text;
  }

  // ---- events --------------------------------------------------------------

  el.draft.addEventListener("input", scheduleCheck);
  // Saving waits for the pause in typing, as checking does; leaving the
  // page saves at once.
  window.addEventListener("pagehide", function () {
    if (el.keep.checked) {
      saveDraft();
    }
  });
  el.check.addEventListener("click", function () {
    clearTimeout(debounceTimer);
    if (el.keep.checked) {
      saveDraft();
    }
    requestCheck(true);
  });
  el.keep.addEventListener("change", function () {
    saveDraft();
    setStatus(el.keep.checked
      ? "Your draft will be kept in this browser until you press Clear or untick the box."
      : "Your draft is no longer kept on this device.");
  });
  el.file.addEventListener("change", function () {
    openFile(null);
  });
  // Dropping a file on the text area opens it, as choosing it does.
  el.draft.addEventListener("dragover", function (event) {
    if (event.dataTransfer && Array.from(event.dataTransfer.types).includes("Files")) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
    }
  });
  el.draft.addEventListener("drop", function (event) {
    const files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length > 0) {
      event.preventDefault();
      openFile(files[0]);
    }
  });
  el.copy.addEventListener("click", copyFeedback);
  el.print.addEventListener("click", function () {
    window.print();
  });
  el.clear.addEventListener("click", clearAll);
  el.results.addEventListener("click", function (event) {
    const button = event.target.closest("button[data-passage]");
    if (button) {
      showPassage(button.dataset.passage);
    }
  });

  window.handbookChecker = Object.freeze({
    get phase() { return state.phase; },
    get readyAt() { return state.readyAt; },
    get initStages() { return state.initStages; },
    get initMs() { return state.initMs; },
    get report() { return state.report; },
    get text() { return state.text; },
    get checkMs() { return state.checkMs; },
    get doc() { return state.doc; },
    check: checkText,
    // show draws a report for a text as if the checker had written it, so
    // tests can exercise every part of the feedback with a known report.
    show: function (json, text) {
      latestPage = 0;
      state.report = json;
      state.text = text;
      state.phase = "done";
      root.dataset.state = "done";
      render(JSON.parse(json), text);
    },
    feedbackText: feedbackText,
    utf16Offsets: function (text, offsets) {
      return Array.from(utf16Offsets(text, offsets).entries());
    },
  });
})();
