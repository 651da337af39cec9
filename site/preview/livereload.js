// Live reload for `handbook serve`: listens for rebuilds over Server-Sent
// Events. A rebuild reloads the page at the same scroll position; a change
// to stylesheets alone swaps them in place; a failed build shows its errors
// in an overlay until the next good build. Only served by the preview
// server, never part of a built site.
(function () {
  "use strict";
  var scrollKey = "handbook-scroll:" + location.pathname;
  var overlayId = "handbook-build-errors";
  var foldKey = "handbook-errors-folded";

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) {}
    var y = saved === null ? NaN : parseInt(saved, 10);
    if (!isNaN(y)) {
      window.scrollTo(0, y);
    }
  }

  function reload() {
    try {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
    } catch (e) {}
    location.reload();
  }

  // swapStylesheets loads each stylesheet again under a new query string
  // and removes the old link once the new one has loaded, so the page
  // never shows unstyled.
  function swapStylesheets() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (old) {
      var url = new URL(old.href, location.href);
      url.searchParams.set("handbook-reload", String(Date.now()));
      var fresh = old.cloneNode(false);
      fresh.href = url.toString();
      fresh.addEventListener("load", function () { old.remove(); });
      fresh.addEventListener("error", function () { fresh.remove(); });
      old.after(fresh);
    });
  }

  function clearErrors() {
    var old = document.getElementById(overlayId);
    if (old) {
      old.remove();
    }
  }

  // showErrors builds the overlay from text nodes only: messages quote the
  // content, which must never be parsed as HTML.
  function showErrors(errors) {
    clearErrors();
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    Object.assign(box.style, {
      position: "fixed", left: "0", right: "0", bottom: "0", zIndex: "2147483647",
      maxHeight: "50vh", overflow: "auto", padding: "16px 20px",
      background: "#fff", color: "#0b0c0c", borderTop: "5px solid #d4351c",
      font: "16px/1.4 system-ui, sans-serif", boxShadow: "0 -2px 8px rgba(0,0,0,.3)"
    });
    var heading = document.createElement("h2");
    heading.textContent = errors.length === 1 ? "The handbook has an error" : "The handbook has " + errors.length + " errors";
    Object.assign(heading.style, { margin: "0 0 8px", fontSize: "20px" });
    var list = document.createElement("ul");
    Object.assign(list.style, { margin: "0", paddingLeft: "20px" });
    errors.forEach(function (e) {
      var item = document.createElement("li");
      var where = e.file || "";
      if (where && e.line > 0) {
        where += ":" + e.line;
      }
      if (where) {
        var code = document.createElement("code");
        code.textContent = where;
        item.appendChild(code);
      }
      item.appendChild(document.createTextNode((where ? ": " : "") + e.message));
      list.appendChild(item);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Dismiss";
    Object.assign(close.style, { marginTop: "12px", font: "inherit" });
    close.addEventListener("click", clearErrors);
    var note = document.createElement("p");
    note.textContent = "The page shows the last good build. Save a fix and it will update.";
    Object.assign(note.style, { margin: "8px 0 0" });
    // The panel folds down to its heading, so the bottom of the page can
    // be read while the errors stand; it stays folded across reloads.
    var details = document.createElement("div");
    details.id = overlayId + "-details";
    details.appendChild(list);
    details.appendChild(note);
    details.appendChild(close);
    var fold = document.createElement("button");
    fold.type = "button";
    fold.setAttribute("aria-controls", details.id);
    Object.assign(fold.style, { font: "inherit", marginLeft: "12px" });
    function setFolded(folded) {
      details.hidden = folded;
      fold.setAttribute("aria-expanded", String(!folded));
      fold.textContent = folded ? "Show errors" : "Hide errors";
      try {
        if (folded) sessionStorage.setItem(foldKey, "1");
        else sessionStorage.removeItem(foldKey);
      } catch (e) {}
    }
    fold.addEventListener("click", function () { setFolded(!details.hidden); });
    var folded = false;
    try { folded = sessionStorage.getItem(foldKey) === "1"; } catch (e) {}
    setFolded(folded);
    var top = document.createElement("div");
    Object.assign(top.style, { display: "flex", alignItems: "baseline", justifyContent: "space-between", flexWrap: "wrap" });
    Object.assign(heading.style, { margin: "0" });
    top.appendChild(heading);
    top.appendChild(fold);
    Object.assign(list.style, { marginTop: "8px" });
    box.appendChild(top);
    box.appendChild(details);
    document.body.appendChild(box);
  }

  function onStatus(status) {
    if (status && status.ok === false && status.errors) {
      showErrors(status.errors);
    } else {
      clearErrors();
    }
  }

  // servedBuild returns the build that served this page, which the server
  // names in a Server-Timing header, or null if the browser cannot tell.
  function servedBuild() {
    try {
      var nav = performance.getEntriesByType("navigation")[0];
      var entries = (nav && nav.serverTiming) || [];
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].name === "build" && entries[i].description) {
          return entries[i].description;
        }
      }
    } catch (e) {}
    return null;
  }

  function start() {
    restoreScroll();
    fetch("/_handbook/status", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(onStatus)
      .catch(function () {});
    connect(servedBuild());
  }

  // connect opens the event stream. EventSource retries a dropped stream by
  // itself, but gives up for good after some failures (an HTTP error, a
  // blocked request); then a new one is opened after a pause.
  function connect(build) {
    var events = new EventSource("/_handbook/events");
    function seen(ev) {
      try {
        build = JSON.parse(ev.data).build;
      } catch (e) {}
    }
    events.addEventListener("hello", function (ev) {
      // A build other than the page's, on connecting or reconnecting,
      // means a rebuild was missed while no stream was open.
      var was = build;
      seen(ev);
      if (was !== null && build !== was) {
        reload();
      }
    });
    events.addEventListener("reload", reload);
    events.addEventListener("css", function (ev) {
      seen(ev);
      clearErrors();
      swapStylesheets();
    });
    events.addEventListener("error", function (ev) {
      if (typeof ev.data === "string") {
        // A failed build.
        seen(ev);
        try {
          onStatus(JSON.parse(ev.data));
        } catch (e) {}
        return;
      }
      // The stream itself failed.
      if (events.readyState === EventSource.CLOSED) {
        setTimeout(function () { connect(build); }, 1000);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
