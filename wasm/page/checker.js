// The checker page's main-thread script. It wires the draft box to a Web
// Worker that runs the WebAssembly checker, marks the words each note is
// about in a layer kept in step behind the text area (as an editor's
// margin notes do), asks the screening questions, and draws the feedback:
// summary and flags first, then the questions, the few things to fix
// first, the checklist with met items folded away, commitments and
// statistics.
//
// Nothing here sends anything over the network: the worker fetches the
// module once while the page loads, and the draft and the answers never
// leave the page. Every piece of the draft and of the report is written
// with textContent, never as HTML, so a draft holding markup stays text.
(function () {
  "use strict";

  const root = document.getElementById("checker");
  const app = document.getElementById("checker-app");
  if (!root || !app) {
    return; // the checker is unavailable in this build: the page says why
  }

  const STORAGE_KEY = "handbook-checker-draft";
  // The limits on a text and a Word file, from handbook/limits by way of
  // the page, so that the page refuses what `handbook check` refuses.
  const MAX_FILE_BYTES = Number(root.dataset.maxText) || 10 * 1024 * 1024;
  const MAX_WORD_BYTES = Number(root.dataset.maxWord) || 50 * 1024 * 1024;
  const inMB = function (n) { return Math.ceil(n / (1024 * 1024)) + " MB"; };
  const MAX_LISTED = 500; // notes drawn; the report keeps them all
  const FIX_FIRST = 3; // how many problems "fix these first" names
  const QUOTE_CHARS = 60; // a quote longer than this is cut at a word

  const el = {
    manual: document.getElementById("checker-manual"),
    draft: document.getElementById("checker-draft"),
    marks: document.getElementById("checker-marks"),
    here: document.getElementById("checker-here"),
    file: document.getElementById("checker-file"),
    keep: document.getElementById("checker-keep"),
    check: document.getElementById("checker-check"),
    copy: document.getElementById("checker-copy"),
    print: document.getElementById("checker-print"),
    downloadText: document.getElementById("checker-download-text"),
    downloadJSON: document.getElementById("checker-download-json"),
    downloadWord: document.getElementById("checker-download-word"),
    clear: document.getElementById("checker-clear"),
    status: document.getElementById("checker-status"),
    feedback: document.getElementById("checker-feedback"),
    overview: document.getElementById("checker-overview"),
    screening: document.getElementById("checker-screening"),
    questions: document.getElementById("checker-questions"),
    results: document.getElementById("checker-results"),
  };

  const guidanceRoot = root.dataset.root || "";
  const wide = window.matchMedia("(min-width: 64em)");

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

  // The practitioner's answers to the screening questions: flag id ->
  // "yes" | "no". Kept in this page's memory only, never stored.
  const answers = {};

  // The marks drawn behind the text area: {start, end, level, note} in
  // UTF-16 indices into markText, the text they were drawn on.
  let marks = [];
  let anchors = []; // spans the feedback can select that carry no mark
  let markText = "";
  let pieces = []; // [index, element] of each piece of the marks layer

  let worker = null;
  let seq = 0; // id of the latest request
  let latestPage = 0; // id of the latest check of the text area
  let busy = false; // the worker is checking
  let queue = []; // requests waiting for the worker: {id, text, answers, page}
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
  drawMarks();
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
        if (el.downloadWord) {
          el.downloadWord.hidden = !msg.annotate;
        }
        root.dataset.state = "ready";
        setStatus("Ready. Paste or type your draft, and the feedback appears here.");
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
      case "annotated":
        onAnnotated(msg);
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
  }

  // ---- checking ----------------------------------------------------------

  function answered() {
    const out = {};
    let any = false;
    for (const id of Object.keys(answers)) {
      out[id] = answers[id];
      any = true;
    }
    return any ? out : null;
  }

  function requestCheck(announce) {
    if (state.phase === "loading" || state.phase === "failed") {
      return 0;
    }
    seq += 1;
    // Only the newest draft matters: drop older ones still waiting.
    queue = queue.filter(function (r) { return !r.page; });
    queue.push({ id: seq, text: el.draft.value, answers: answered(), page: true });
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
    worker.postMessage({ type: "check", id: next.id, text: next.text, answers: next.answers });
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
      // The summary is on screen in the feedback already: the status line
      // says it only to screen readers, so nobody reads it twice.
      setStatus(openedNote + "Feedback updated.", summary);
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

  // checkText runs the checker on any text, with any answers, without
  // touching the page; the browser tests use it for texts the text area
  // would change (CRLF) and to compare answers with the command's.
  function checkText(text, withAnswers) {
    if (state.phase === "loading" || state.phase === "failed") {
      return Promise.reject(new Error("the checker is not ready"));
    }
    seq += 1;
    const id = seq;
    return new Promise(function (resolve) {
      waiters.set(id, resolve);
      queue.push({ id: id, text: String(text), answers: withAnswers || null, page: false });
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

  // ---- words ---------------------------------------------------------------

  const STATUS = {
    met: "Met",
    partly: "Partly met",
    missing: "Missing",
    not_applicable: "Does not apply",
  };

  const LEVEL_WORDS = {
    flag: "Should not be used",
    error: "Must be fixed",
    warning: "Needs work",
    info: "Worth a look",
  };
  const LEVEL_RANK = { flag: 4, error: 3, warning: 2, info: 1 };

  const KIND = {
    agreement: "This reads as a written agreement.",
    undertaking: "This reads as a written undertaking.",
  };

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

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

  // quoteOf gives a passage's own words, on one line and cut short.
  function quoteOf(text, start, end) {
    let words = text.slice(start, end).replace(/\s+/g, " ").trim();
    if (words === "") {
      return "(this point in the draft)";
    }
    if (words.length > QUOTE_CHARS) {
      let cut = words.lastIndexOf(" ", QUOTE_CHARS);
      if (cut < QUOTE_CHARS / 2) {
        cut = QUOTE_CHARS;
      }
      words = words.slice(0, cut).replace(/[ ,;:]+$/, "") + "…";
    }
    return "“" + words + "”";
  }

  // partLabel names the Word document's paragraph or table cell a passage
  // is in, while the draft is the document as opened; "" otherwise.
  function partLabel(start, text) {
    const doc = state.doc;
    if (doc && doc.text === text) {
      for (const p of doc.parts) {
        if (p.start <= start && start < p.end) {
          return p.label.charAt(0).toUpperCase() + p.label.slice(1);
        }
      }
    }
    return "";
  }

  // ---- drawing the report --------------------------------------------------

  // spansOf converts every span in the report to UTF-16 indices at once.
  function spansOf(report, text) {
    const offsets = [];
    const note = function (s) {
      offsets.push(s.start, s.end);
    };
    report.criteria.forEach(function (c) { c.evidence.forEach(note); });
    report.flags.forEach(function (f) { f.evidence.forEach(note); });
    report.findings.forEach(note);
    report.commitments.forEach(note);
    const map = utf16Offsets(text, offsets);
    return function (s) {
      const start = map.get(s.start);
      const end = map.get(s.end);
      if (start === undefined || end === undefined || end < start) {
        return null;
      }
      return { start: start, end: end };
    };
  }

  function render(report, text) {
    el.overview.replaceChildren();
    el.results.replaceChildren();
    el.results.hidden = false;
    marks = [];
    anchors = [];
    markText = text;
    if (report.refused) {
      el.overview.append(h("p", { className: "checker-summary", text: refusalText(report) }));
      drawScreening([]);
      redrawMarks();
      return;
    }
    const span = spansOf(report, text);
    const ctx = { report: report, text: text, span: span };

    const notMet = report.criteria.filter(function (c) {
      return c.status === "missing" || c.status === "partly";
    });
    const screening = report.screening || [];
    const open = screening.filter(function (q) {
      return q.answer === "unanswered" && !q.detected;
    });

    el.overview.append(renderSummary(report, notMet, open));
    if (report.flags.length > 0) {
      el.overview.append(renderFlags(ctx));
    }
    drawScreening(screening);
    if (notMet.length > 0 || report.findings.length > 0) {
      el.results.append(renderFixFirst(ctx, notMet));
    }
    if (report.criteria.length > 0 || report.findings.length > 0) {
      el.results.append(renderChecklist(ctx, notMet));
    }
    if (report.commitments.length > 0) {
      el.results.append(renderCommitments(ctx));
    }
    if (report.stats && report.stats.words > 0) {
      el.results.append(renderStats(report.stats));
    }
    redrawMarks();
  }

  // redrawMarks draws the report's marks on the draft as it is now: if it
  // was edited while the checker worked, the marks move with the edit.
  function redrawMarks() {
    if (el.draft.value !== markText) {
      shiftMarks();
    } else {
      drawMarks();
    }
  }

  // renderSummary is the short answer first: what the draft is, how many
  // never-use situations, how many checks need work, and how many
  // questions are still open. It never calls the draft fine while a
  // question is open.
  function renderSummary(report, notMet, open) {
    const box = h("div", { className: "checker-summary-box" });
    if (KIND[report.kind]) {
      box.append(h("p", { className: "checker-kind", text: KIND[report.kind] }));
    }
    const counts = h("ul", { className: "checker-counts" });
    if (report.flags.length > 0) {
      counts.append(h("li", { className: "checker-count checker-count--flag", text:
        plural(report.flags.length, "situation where a written agreement should not be used",
          "situations where a written agreement should not be used") }));
    }
    if (report.criteria.length > 0) {
      let says = notMet.length + " of " + report.criteria.length + " checks need work";
      if (notMet.length === 0) {
        says = open.length > 0
          ? "All " + report.criteria.length + " checks on the text are met"
          : "All " + report.criteria.length + " checks are met";
      }
      counts.append(h("li", { className: "checker-count", text: says }));
    }
    if (open.length > 0) {
      counts.append(h("li", { className: "checker-count", text:
        plural(open.length, "question only you can answer", "questions only you can answer") +
        ": answer " + (open.length === 1 ? "it" : "them") + " below before you rely on this" }));
    }
    if (counts.children.length > 0) {
      box.append(counts);
    }
    // The checker's own summary repeats the counts above for a judged
    // draft; it is shown where it says more: an unfinished draft, or a
    // text the checker does not judge.
    const unfinished = report.findings.some(function (f) { return f.rule === "placeholder"; });
    if (!KIND[report.kind] || unfinished || counts.children.length === 0) {
      box.append(h("p", { className: "checker-summary", text: report.summary }));
    }
    return box;
  }

  // quoteButton shows a passage as its own words; choosing it selects
  // those words in the text area.
  function quoteButton(ctx, s) {
    const at = ctx.span(s);
    if (!at) {
      return null;
    }
    anchors.push(at);
    const where = partLabel(s.start, ctx.text);
    return h("button", {
      type: "button",
      className: "checker-quote",
      "data-start": String(at.start),
      "data-end": String(at.end),
    }, [
      h("span", { className: "visually-hidden", text: "Select in your draft: " }),
      where ? where + ": " : null,
      quoteOf(ctx.text, at.start, at.end),
    ]);
  }

  function quotes(ctx, spans, most) {
    const buttons = spans.slice(0, most || 5).map(function (s) { return quoteButton(ctx, s); })
      .filter(function (b) { return b !== null; });
    if (buttons.length === 0) {
      return null;
    }
    const list = h("ul", { className: "checker-quotes" });
    buttons.forEach(function (b) { list.append(h("li", null, [b])); });
    if (spans.length > buttons.length && spans.length > (most || 5)) {
      list.append(h("li", { className: "checker-more", text: "and " + (spans.length - buttons.length) + " more" }));
    }
    return list;
  }

  function addMark(ctx, s, level, note) {
    const at = ctx.span(s);
    if (at) {
      marks.push({ start: at.start, end: at.end, level: level, note: note });
    }
  }

  // renderFlags: each situation as GOV.UK warning text, with its words.
  function renderFlags(ctx) {
    const section = h("section", { className: "checker-flags", "aria-labelledby": "checker-flags-heading" }, [
      h("h3", { id: "checker-flags-heading", text: "Stop: a written agreement may be the wrong tool" }),
    ]);
    ctx.report.flags.forEach(function (f, i) {
      const id = "checker-note-flag-" + i;
      f.evidence.forEach(function (s) { addMark(ctx, s, "flag", id); });
      section.append(h("div", { className: "warning-text checker-flag checker-note", id: id, tabindex: "-1" }, [
        h("span", { className: "warning-text__icon", "aria-hidden": "true", text: "!" }),
        h("div", { className: "warning-text__text" }, [
          h("span", { className: "visually-hidden", text: "Warning: " }),
          h("strong", { className: "checker-flag-title", text: f.title }),
          h("p", { className: "checker-flag-message", text: f.message }),
          quotes(ctx, f.evidence),
          h("p", null, [guidanceLink(f.guidance, "What to use instead: " + f.title)]),
        ]),
      ]));
    });
    return section;
  }

  // drawScreening keeps one fieldset per question across redraws, so that
  // focus and the chosen radio stay put while the feedback changes.
  function drawScreening(screening) {
    if (screening.length === 0) {
      el.screening.hidden = true;
      return;
    }
    el.screening.hidden = false;
    const ids = screening.map(function (q) { return q.id; }).join(" ");
    if (el.questions.dataset.ids !== ids) {
      el.questions.replaceChildren();
      el.questions.dataset.ids = ids;
      screening.forEach(function (q) {
        const name = "checker-q-" + q.id;
        const radio = function (value, label) {
          const input = h("input", { type: "radio", className: "checker-radio", id: name + "-" + value, name: name, value: value });
          input.checked = answers[q.id] === value;
          return h("div", { className: "checker-radios__item" }, [
            input,
            h("label", { for: name + "-" + value, text: label }),
          ]);
        };
        el.questions.append(h("fieldset", { className: "checker-question", "data-id": q.id, "aria-describedby": name + "-hint" }, [
          h("legend", { text: q.question }),
          h("p", { id: name + "-hint", className: "checker-question-hint" }),
          h("div", { className: "checker-radios" }, [radio("yes", "Yes"), radio("no", "No")]),
        ]));
      });
    }
    screening.forEach(function (q) {
      const hint = document.getElementById("checker-q-" + q.id + "-hint");
      if (!hint) {
        return;
      }
      const says = q.detected ? "The draft itself suggests this: see the warning above." : "";
      hint.textContent = says;
      hint.hidden = says === "";
    });
  }

  // renderFixFirst names the most serious few problems: the template text
  // left in, then what is missing, then what is partly there.
  function renderFixFirst(ctx, notMet) {
    const items = [];
    const placeholders = ctx.report.findings.filter(function (f) { return f.rule === "placeholder"; });
    if (placeholders.length > 0) {
      items.push({ title: "Fill in the template text left in", message: plural(placeholders.length, "place still holds", "places still hold") + " template text.", target: "checker-note-f-" + ctx.report.findings.indexOf(placeholders[0]) });
    }
    ["missing", "partly"].forEach(function (status) {
      notMet.forEach(function (c) {
        if (c.status === status) {
          items.push({ title: c.title, message: c.message, target: "checker-note-c-" + c.id });
        }
      });
    });
    const section = h("section", { className: "checker-fix-first", "aria-labelledby": "checker-fix-heading" }, [
      h("h3", { id: "checker-fix-heading", text: items.length > 1 ? "Fix these first" : "Fix this first" }),
    ]);
    if (items.length === 0) {
      section.append(h("p", { text: "Nothing needs fixing, but look at the notes below." }));
      return section;
    }
    const list = h("ol", { className: "checker-fix-list" });
    items.slice(0, FIX_FIRST).forEach(function (it) {
      list.append(h("li", null, [
        h("a", { href: "#" + it.target, className: "checker-fix-link", text: it.title }),
        h("p", { text: it.message }),
      ]));
    });
    section.append(list);
    return section;
  }

  // renderChecklist: the checks that need work, each with its notes on
  // passages; then any other notes; then the met checks, folded away.
  function renderChecklist(ctx, notMet) {
    const section = h("section", { className: "checker-checklist-section", "aria-labelledby": "checker-checklist-heading" }, [
      h("h3", { id: "checker-checklist-heading", text: "Checklist" }),
    ]);
    const byCriterion = new Map();
    const findings = ctx.report.findings.slice(0, MAX_LISTED);
    findings.forEach(function (f, i) {
      const level = f.severity in LEVEL_RANK ? f.severity : "info";
      addMark(ctx, f, level, "checker-note-f-" + i);
      if (!byCriterion.has(f.criterion)) {
        byCriterion.set(f.criterion, []);
      }
      byCriterion.get(f.criterion).push(i);
    });
    const shown = new Set();

    if (notMet.length > 0) {
      const list = h("ol", { className: "checker-checklist" });
      notMet.forEach(function (c) {
        const notes = byCriterion.get(c.id) || [];
        notes.forEach(function (i) { shown.add(i); });
        list.append(h("li", { className: "checker-criterion checker-status-" + c.status + " checker-note", id: "checker-note-c-" + c.id, tabindex: "-1" }, [
          h("p", { className: "checker-criterion-head" }, [
            h("strong", { className: "checker-tag checker-tag--" + c.status, text: STATUS[c.status] || c.status }),
            " ",
            h("span", { className: "checker-criterion-title", text: c.title }),
          ]),
          c.message ? h("p", { className: "checker-message", text: c.message }) : null,
          notes.length > 0 ? renderNotes(ctx, notes) : quotes(ctx, c.evidence, 3),
          h("p", { className: "checker-guidance-line" }, [guidanceLink(c.guidance, "Guidance: " + c.title)]),
        ]));
      });
      section.append(list);
    } else if (ctx.report.criteria.length > 0) {
      section.append(h("p", { text: "Every check is met." }));
    }

    const rest = [];
    findings.forEach(function (f, i) {
      if (!shown.has(i)) {
        rest.push(i);
      }
    });
    if (rest.length > 0) {
      section.append(h("h4", { text: "Other notes on the words" }), renderNotes(ctx, rest));
    }
    if (ctx.report.findings.length > MAX_LISTED) {
      section.append(h("p", { text: "And " + (ctx.report.findings.length - MAX_LISTED) + " more notes, not listed here. Download the report to see them all." }));
    }

    const met = ctx.report.criteria.filter(function (c) { return c.status === "met"; });
    if (met.length > 0) {
      const list = h("ul", { className: "checker-met-list" });
      met.forEach(function (c) {
        list.append(h("li", { className: "checker-criterion checker-status-met", id: "checker-note-c-" + c.id }, [
          h("strong", { className: "checker-tag checker-tag--met", text: STATUS.met }),
          " ",
          guidanceLink(c.guidance, c.title),
        ]));
      });
      section.append(h("details", { className: "checker-met" }, [
        h("summary", { text: plural(met.length, "check is met", "checks are met") }),
        list,
      ]));
    }
    return section;
  }

  function renderNotes(ctx, indices) {
    const list = h("ul", { className: "checker-notes" });
    indices.forEach(function (i) {
      const f = ctx.report.findings[i];
      const level = f.severity in LEVEL_RANK ? f.severity : "info";
      list.append(h("li", { className: "checker-finding checker-severity-" + level + " checker-note", id: "checker-note-f-" + i, tabindex: "-1" }, [
        h("span", { className: "checker-level checker-mark-" + level, text: LEVEL_WORDS[level] }),
        " ",
        quoteButton(ctx, f),
        h("span", { className: "checker-finding-message", text: " " + f.message }),
      ]));
    });
    return list;
  }

  function renderCommitments(ctx) {
    const body = h("tbody");
    // Drawn rows are capped like notes: a huge paste must not stall the page.
    ctx.report.commitments.slice(0, MAX_LISTED).forEach(function (c) {
      body.append(h("tr", null, [
        h("td", { text: (c.actor || "Not named") + (c.party === "professional" ? " (professional)" : " (family)") }),
        h("td", null, [quoteButton(ctx, c)]),
        h("td", { text: c.timescale || "No timescale given" }),
        h("td", { text: c.checkable ? "Yes" : "No" }),
      ]));
    });
    return h("section", { className: "checker-commitments", "aria-labelledby": "checker-commitments-heading" }, [
      h("h3", { id: "checker-commitments-heading", text: "Who commits to what" }),
      h("p", { className: "checker-scroll-cue", text: "The table scrolls sideways on a narrow screen." }),
      h("div", { className: "checker-table-wrap", role: "region", "aria-label": "Table of commitments, which scrolls sideways", tabindex: "0" }, [
        h("table", null, [
          h("caption", { className: "visually-hidden", text: "Who commits to what, by when, and whether someone else could check it was done" }),
          h("thead", null, [h("tr", null, [
            h("th", { scope: "col", text: "Who" }),
            h("th", { scope: "col", text: "What" }),
            h("th", { scope: "col", text: "By when" }),
            h("th", { scope: "col", text: "Can someone check it was done?" }),
          ])]),
          body,
        ]),
      ]),
    ]);
  }

  function readingWords(ease) {
    if (ease >= 70) {
      return "easy to read";
    }
    if (ease >= 60) {
      return "plain English";
    }
    if (ease >= 50) {
      return "fairly hard to read";
    }
    return "hard to read";
  }

  function renderStats(stats) {
    const ease = Math.round(stats.reading_ease);
    return h("section", { className: "checker-stats", "aria-labelledby": "checker-stats-heading" }, [
      h("h3", { id: "checker-stats-heading", text: "Length and reading ease" }),
      h("p", { text: plural(stats.words, "word", "words") + " in " + plural(stats.sentences, "sentence", "sentences") + "." }),
      h("p", { text: "Reading ease " + stats.reading_ease.toFixed(1) + " out of 100: " + readingWords(ease) +
        ". Higher is easier; 60 or more is plain English most parents can follow. Short sentences and everyday words raise it." }),
    ]);
  }

  // ---- marks in the draft ----------------------------------------------------

  // drawMarks draws the marks layer behind the text area: the draft's text,
  // invisible, with each marked passage underlined by its level. Passages
  // may overlap: the text is cut at every boundary and each piece takes
  // the most serious level covering it.
  function drawMarks() {
    const text = el.draft.value;
    const frag = document.createDocumentFragment();
    pieces = [];
    const cuts = new Set([0, text.length]);
    const usable = marks.filter(function (m) { return m.end <= text.length; });
    usable.forEach(function (m) { cuts.add(m.start); cuts.add(m.end); });
    anchors.forEach(function (a) {
      if (a.start <= text.length) {
        cuts.add(a.start);
      }
    });
    const points = Array.from(cuts).sort(function (a, b) { return a - b; });
    const starts = new Map();
    usable.forEach(function (m) {
      if (!starts.has(m.start)) {
        starts.set(m.start, []);
      }
      starts.get(m.start).push(m);
    });
    const open = [];
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      for (let j = open.length - 1; j >= 0; j--) {
        if (open[j].end <= a) {
          open.splice(j, 1);
        }
      }
      (starts.get(a) || []).forEach(function (m) {
        if (m.end > a) {
          open.push(m);
        }
      });
      const piece = text.slice(a, b);
      let node;
      if (open.length === 0) {
        node = h("span", { text: piece });
      } else {
        let top = open[0];
        open.forEach(function (m) {
          if (LEVEL_RANK[m.level] > LEVEL_RANK[top.level]) {
            top = m;
          }
        });
        node = h("mark", { className: "checker-mark checker-mark-" + top.level, "data-note": top.note, text: piece });
      }
      pieces.push([a, node]);
      frag.append(node);
    }
    // A final line break needs something after it to take up its line.
    frag.append(document.createTextNode("\u200b"));
    el.marks.replaceChildren(frag);
    fitMarks();
  }

  // fitMarks keeps the layer exactly behind the text area's text: the same
  // width inside any scroll bar, and the same scroll position.
  function fitMarks() {
    const style = getComputedStyle(el.draft);
    const border = parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth);
    el.marks.style.width = (el.draft.clientWidth + border) + "px";
    el.marks.style.height = el.draft.offsetHeight + "px";
    el.marks.scrollTop = el.draft.scrollTop;
    el.marks.scrollLeft = el.draft.scrollLeft;
  }

  // shiftMarks moves the marks with an edit, until the checker's next
  // report: marks after the edit move with their words, marks it touched
  // go.
  function shiftMarks() {
    const next = el.draft.value;
    const prev = markText;
    if (next === prev) {
      return;
    }
    let p = 0;
    const limit = Math.min(prev.length, next.length);
    while (p < limit && prev.charCodeAt(p) === next.charCodeAt(p)) {
      p++;
    }
    let s = 0;
    while (s < limit - p && prev.charCodeAt(prev.length - 1 - s) === next.charCodeAt(next.length - 1 - s)) {
      s++;
    }
    const oldEnd = prev.length - s;
    const delta = next.length - prev.length;
    const move = function (list) {
      return list.filter(function (m) {
        return m.end <= p || m.start >= oldEnd;
      }).map(function (m) {
        return m.start >= oldEnd ? Object.assign({}, m, { start: m.start + delta, end: m.end + delta }) : m;
      });
    };
    marks = move(marks);
    anchors = move(anchors);
    markText = next;
    drawMarks();
  }

  // marksAt lists the marks at a place in the draft, most serious first.
  function marksAt(pos) {
    return marks.filter(function (m) {
      return m.start <= pos && (pos < m.end || (pos === m.end && m.end > m.start));
    }).sort(function (a, b) { return LEVEL_RANK[b.level] - LEVEL_RANK[a.level]; });
  }

  // noteAtCaret opens the note for the words at the cursor: it says it
  // under the box and, on a wide screen where the feedback is beside the
  // draft, brings the note into view without taking the cursor away.
  function noteAtCaret(fromClick) {
    if (el.draft.selectionStart !== el.draft.selectionEnd || markText !== el.draft.value) {
      return;
    }
    const here = marksAt(el.draft.selectionStart);
    if (here.length === 0) {
      el.here.hidden = true;
      return;
    }
    const note = document.getElementById(here[0].note);
    if (!note) {
      return;
    }
    const message = note.querySelector(".checker-finding-message, .checker-flag-title");
    el.here.replaceChildren(
      h("strong", { text: LEVEL_WORDS[here[0].level] + ": " }),
      message ? message.textContent.trim() + " " : "",
      h("a", { href: "#" + note.id, className: "checker-here-link", text: "Go to the note" })
    );
    el.here.hidden = false;
    if (fromClick) {
      openNote(note, wide.matches);
    }
  }

  function openNote(note, scroll) {
    const details = note.closest("details");
    if (details) {
      details.open = true;
    }
    const previous = el.feedback.querySelector(".checker-current");
    if (previous) {
      previous.classList.remove("checker-current");
    }
    note.classList.add("checker-current");
    if (scroll) {
      note.scrollIntoView({ block: "nearest" });
    }
  }

  // selectInDraft selects a passage in the text area and scrolls it into
  // view, so the words can be changed at once.
  function selectInDraft(start, end) {
    if (markText !== el.draft.value) {
      return; // the draft has changed since; the next report brings new places
    }
    el.draft.focus({ preventScroll: true });
    el.draft.setSelectionRange(start, end);
    let target = null;
    for (const [at, node] of pieces) {
      if (at > start) {
        break;
      }
      target = node;
    }
    if (target) {
      el.draft.scrollTop = Math.max(0, target.offsetTop - el.draft.clientHeight / 3);
      fitMarks();
    }
    el.draft.scrollIntoView({ block: "nearest" });
    const current = el.marks.querySelector(".checker-current");
    if (current) {
      current.classList.remove("checker-current");
    }
    if (target && target.tagName === "MARK") {
      target.classList.add("checker-current");
    }
  }

  // ---- plain-text feedback -------------------------------------------------

  // feedbackText is the feedback as plain text for a case record: the
  // same order as the page, passages as quotes.
  function feedbackText() {
    if (!state.report) {
      return "";
    }
    const r = JSON.parse(state.report);
    if (r.refused) {
      return refusalText(r) + "\n";
    }
    const text = state.text;
    const span = spansOf(r, text);
    const quote = function (s) {
      const at = span(s);
      if (!at) {
        return "";
      }
      const where = partLabel(s.start, text);
      return (where ? where + ": " : "") + quoteOf(text, at.start, at.end);
    };
    const link = function (path) {
      return absolute(guidanceRoot + path);
    };
    const lines = ["Feedback from the written agreement checker", ""];
    if (KIND[r.kind]) {
      lines.push(KIND[r.kind]);
    }
    lines.push(r.summary, "");
    if (r.flags.length > 0) {
      lines.push("STOP: a written agreement may be the wrong tool");
      r.flags.forEach(function (f) {
        lines.push("- " + f.title, "  " + f.message);
        f.evidence.slice(0, 5).forEach(function (s) { lines.push("  In the draft: " + quote(s)); });
        lines.push("  Guidance: " + link(f.guidance));
      });
      lines.push("");
    }
    const screening = r.screening || [];
    if (screening.length > 0) {
      lines.push("Questions only you can answer");
      screening.forEach(function (q) {
        const a = q.answer === "yes" ? "Yes" : q.answer === "no" ? "No" : "Not answered";
        lines.push("- " + q.question + " " + a + (q.detected ? " (the draft suggests yes)" : ""));
      });
      lines.push("");
    }
    const notMet = r.criteria.filter(function (c) { return c.status === "missing" || c.status === "partly"; });
    if (notMet.length > 0) {
      lines.push("Needs work");
      notMet.forEach(function (c) {
        lines.push("- " + STATUS[c.status] + ": " + c.title, "  " + c.message);
        r.findings.forEach(function (f) {
          if (f.criterion === c.id) {
            lines.push("  " + quote(f) + ": " + f.message);
          }
        });
        lines.push("  Guidance: " + link(c.guidance));
      });
      lines.push("");
    }
    const other = r.findings.filter(function (f) {
      return !notMet.some(function (c) { return c.id === f.criterion; });
    });
    if (other.length > 0) {
      lines.push("Other notes on the words");
      other.forEach(function (f) { lines.push("- " + quote(f) + ": " + f.message); });
      lines.push("");
    }
    const met = r.criteria.filter(function (c) { return c.status === "met"; });
    if (met.length > 0) {
      lines.push("Met");
      met.forEach(function (c) { lines.push("- " + c.title); });
      lines.push("");
    }
    if (r.commitments.length > 0) {
      lines.push("Who commits to what");
      r.commitments.forEach(function (c) {
        lines.push("- " + (c.actor || "Not named") + " (" + c.party + "): " + quote(c) +
          " | by when: " + (c.timescale || "no timescale given") +
          " | can be checked: " + (c.checkable ? "yes" : "no"));
      });
      lines.push("");
    }
    lines.push("Words: " + r.stats.words + ", sentences: " + r.stats.sentences +
      ", reading ease: " + r.stats.reading_ease.toFixed(1) + " out of 100 (higher is easier)");
    return lines.join("\n") + "\n";
  }

  function copyFeedback() {
    if (!state.report) {
      setStatus("There is no feedback to copy yet: paste or type your draft first.");
      return;
    }
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

  // download saves a file made here in the page; nothing is fetched.
  function download(name, type, data) {
    if (!state.report) {
      setStatus("There is no report to download yet: paste or type your draft first.");
      return;
    }
    const url = URL.createObjectURL(new Blob([data], { type: type }));
    const a = h("a", { href: url, download: name, hidden: "" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    setStatus("Saved " + name + " to this device.");
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

  function setDraft(text) {
    el.draft.value = text;
    marks = [];
    anchors = [];
    markText = text;
    drawMarks();
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
      setStatus(file.name + " is larger than " + inMB(MAX_WORD_BYTES) + ", too large to check.");
      return;
    }
    const isWord = /\.docx$/i.test(file.name) ||
      file.type === "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (!isWord && file.size > MAX_FILE_BYTES) {
      setStatus(file.name + " is larger than " + inMB(MAX_FILE_BYTES) + ", too large to check.");
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
        opening.set(seq, { name: file.name, bytes: reader.result.slice(0) });
        worker.postMessage({ type: "docx", id: seq, bytes: reader.result }, [reader.result]);
      };
      reader.readAsArrayBuffer(file);
      return;
    }
    reader.onload = function () {
      state.doc = null;
      setDraft(String(reader.result).replace(/^\uFEFF/, ""));
      saveDraft();
      setStatus("Opened " + file.name + ".");
      openedNote = "Opened " + file.name + ". ";
      requestCheck(true);
    };
    reader.readAsText(file, "utf-8");
  }

  const opening = new Map(); // id -> {name, bytes} of a Word document being read

  // downloadWord has the worker write the feedback into a Word document
  // as comments: into the document opened, while the draft is its text,
  // else into a plain document made from the draft. The date is this
  // device's clock; the checker has none.
  function downloadWord() {
    if (!state.report) {
      setStatus("There is no report to download yet: paste or type your draft first.");
      return;
    }
    const doc = state.doc;
    const own = doc && doc.bytes && doc.text === el.draft.value;
    seq += 1;
    annotating.set(seq, own ? doc.name.replace(/\.docx$/i, "") + "-feedback.docx" : "draft-feedback.docx");
    setStatus("Writing the Word document…");
    worker.postMessage({
      type: "annotate", id: seq,
      input: own ? doc.bytes.slice(0) : el.draft.value,
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      guidance: absolute(guidanceRoot),
      answers: answered(),
    });
  }

  const annotating = new Map(); // id -> the file name to save as

  function onAnnotated(msg) {
    const name = annotating.get(msg.id) || "feedback.docx";
    annotating.delete(msg.id);
    if (msg.error) {
      setStatus("The Word document could not be written: " + msg.error + ".");
      return;
    }
    state.word = new Uint8Array(msg.bytes);
    download(name, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", state.word);
  }

  function onDocx(msg) {
    const opened = opening.get(msg.id) || { name: "The document", bytes: null };
    const name = opened.name;
    opening.delete(msg.id);
    if (msg.error) {
      setStatus(name + " could not be opened: " + msg.error + ".");
      return;
    }
    state.doc = { text: msg.text, parts: msg.parts || [], name: name, bytes: opened.bytes };
    setDraft(msg.text);
    saveDraft();
    openedNote = "Opened " + name + "; the notes name its paragraphs and table cells. ";
    setStatus(openedNote);
    requestCheck(true);
  }

  function clearAll() {
    clearTimeout(debounceTimer);
    latestPage = 0; // results on their way are for the old draft
    queue = queue.filter(function (r) { return !r.page; });
    setDraft("");
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
    el.overview.replaceChildren();
    el.results.replaceChildren();
    el.results.hidden = true;
    el.here.hidden = true;
    setStatus("Cleared. Nothing of your draft is kept on this device.");
    el.draft.focus();
  }

  function setStatus(text, spoken) {
    el.status.textContent = text;
    if (spoken) {
      el.status.append(h("span", { className: "visually-hidden", text: " " + spoken }));
    }
  }

  // ---- events --------------------------------------------------------------

  el.draft.addEventListener("input", function () {
    shiftMarks();
    el.here.hidden = true;
    scheduleCheck();
  });
  el.draft.addEventListener("scroll", fitMarks);
  if (window.ResizeObserver) {
    new ResizeObserver(fitMarks).observe(el.draft);
  }
  window.addEventListener("resize", fitMarks);
  el.draft.addEventListener("click", function () { noteAtCaret(true); });
  el.draft.addEventListener("keyup", function (event) {
    if (event.key.indexOf("Arrow") === 0 || event.key === "Home" || event.key === "End") {
      noteAtCaret(false);
    }
  });
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
  el.downloadText.addEventListener("click", function () {
    download("agreement-feedback.txt", "text/plain;charset=utf-8", feedbackText());
  });
  if (el.downloadWord) {
    el.downloadWord.addEventListener("click", downloadWord);
  }
  el.downloadJSON.addEventListener("click", function () {
    download("agreement-report.json", "application/json", state.report + "\n");
  });
  el.clear.addEventListener("click", clearAll);
  el.feedback.addEventListener("click", function (event) {
    const button = event.target.closest("button.checker-quote");
    if (button) {
      selectInDraft(Number(button.dataset.start), Number(button.dataset.end));
      return;
    }
    const link = event.target.closest("a.checker-fix-link");
    if (link) {
      const note = document.getElementById(link.getAttribute("href").slice(1));
      if (note) {
        event.preventDefault();
        openNote(note, true);
        note.focus({ preventScroll: true });
      }
    }
  });
  el.here.addEventListener("click", function (event) {
    const link = event.target.closest("a.checker-here-link");
    const note = link && document.getElementById(link.getAttribute("href").slice(1));
    if (note) {
      event.preventDefault();
      openNote(note, true);
      note.focus({ preventScroll: true });
    }
  });
  el.questions.addEventListener("change", function (event) {
    const input = event.target;
    const fieldset = input.closest("fieldset[data-id]");
    if (!fieldset || input.type !== "radio") {
      return;
    }
    answers[fieldset.dataset.id] = input.value;
    clearTimeout(debounceTimer);
    requestCheck(true);
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
    get word() { return state.word || null; }, // the last Word document downloaded
    get answers() { return Object.assign({}, answers); },
    get marks() {
      return marks.map(function (m) { return { start: m.start, end: m.end, level: m.level, note: m.note }; });
    },
    check: checkText,
    // show draws a report for a text as if the checker had written it, so
    // tests can exercise every part of the feedback with a known report.
    show: function (json, text) {
      latestPage = 0;
      state.report = json;
      state.text = text;
      state.phase = "done";
      root.dataset.state = "done";
      if (el.draft.value !== text) {
        el.draft.value = text;
      }
      render(JSON.parse(json), text);
    },
    feedbackText: feedbackText,
    utf16Offsets: function (text, offsets) {
      return Array.from(utf16Offsets(text, offsets).entries());
    },
  });
})();
