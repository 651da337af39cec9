// The checker's Web Worker: it loads Go's glue and the WebAssembly
// checker, then answers each draft with the report's JSON. Checking here,
// off the main thread, keeps typing smooth however long the draft.
//
// Messages in:  {type: "init", glue, wasm, settings}
//               {type: "check", id, text, answers}  (answers: {flag id: "yes"|"no"} or null)
//               {type: "docx", id, bytes}   (an ArrayBuffer of a .docx file)
//               {type: "annotate", id, input, date, guidance, answers}
//                 (input: a .docx's ArrayBuffer or the draft's text)
// Messages out: {type: "ready", ms} | {type: "failed", message}
//               {type: "result", id, json, ms} | {type: "error", id, message}
//               {type: "docx", id, text, parts} | {type: "docx", id, error}
//               {type: "annotated", id, bytes} | {type: "annotated", id, error}
// "ready" says annotate: true when the module can write Word comments
// (built with -tags annotate).
"use strict";

self.onmessage = function (event) {
  const msg = event.data || {};
  if (msg.type === "init") {
    init(msg);
  } else if (msg.type === "check") {
    check(msg);
  } else if (msg.type === "docx") {
    readDocx(msg);
  } else if (msg.type === "annotate") {
    annotate(msg);
  }
};

async function init(msg) {
  const started = performance.now();
  try {
    importScripts(msg.glue);
    const glued = performance.now();
    const go = new self.Go();
    let result;
    if (WebAssembly.instantiateStreaming) {
      result = await WebAssembly.instantiateStreaming(fetch(msg.wasm), go.importObject);
    } else {
      const bytes = await (await fetch(msg.wasm)).arrayBuffer();
      result = await WebAssembly.instantiate(bytes, go.importObject);
    }
    // go.run resolves only when the Go program exits, which it never does:
    // its functions exist as soon as main has run up to its select.
    const compiled = performance.now();
    go.run(result.instance);
    const ran = performance.now();
    if (typeof self.handbookCheck !== "function") {
      throw new Error("the checker module did not start");
    }
    if (msg.settings) {
      const problem = self.handbookConfigure(msg.settings);
      if (problem) {
        throw new Error("the handbook's checker settings are not valid: " + problem);
      }
    }
    // The stages' times go to the page for the browser tests' figures.
    self.postMessage({ type: "ready", ms: performance.now() - started,
      annotate: typeof self.handbookAnnotate === "function",
      stages: { glue: glued - started, compile: compiled - glued, start: ran - compiled } });
  } catch (err) {
    self.postMessage({ type: "failed", message: String((err && err.message) || err) });
  }
}

function check(msg) {
  const started = performance.now();
  let json;
  try {
    json = msg.answers ? self.handbookCheck(String(msg.text), msg.answers) : self.handbookCheck(String(msg.text));
  } catch (err) {
    self.postMessage({ type: "error", id: msg.id, message: String((err && err.message) || err) });
    return;
  }
  self.postMessage({ type: "result", id: msg.id, json: json, ms: performance.now() - started });
}

// readDocx turns a Word document into text with the same Go code as
// `handbook check`, here in the worker: the file never leaves the page.
function readDocx(msg) {
  let out;
  try {
    out = self.handbookReadDocx(new Uint8Array(msg.bytes));
  } catch (err) {
    out = { error: String((err && err.message) || err) };
  }
  self.postMessage({ type: "docx", id: msg.id, text: out.text, parts: out.parts, error: out.error });
}

// annotate makes the Word document with the feedback as comments, with
// the same Go code as `handbook check --annotate`: nothing leaves the page.
function annotate(msg) {
  let out;
  try {
    const input = typeof msg.input === "string" ? msg.input : new Uint8Array(msg.input);
    out = self.handbookAnnotate(input, msg.date, msg.guidance, msg.answers || null);
  } catch (err) {
    out = String((err && err.message) || err);
  }
  if (typeof out === "string") {
    self.postMessage({ type: "annotated", id: msg.id, error: out });
    return;
  }
  self.postMessage({ type: "annotated", id: msg.id, bytes: out.buffer }, [out.buffer]);
}
