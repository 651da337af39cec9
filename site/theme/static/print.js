// Puts the date of printing in the print notice at the foot of every
// page: "Printed on 23 November 2026: check the online handbook for the
// current version." Without JavaScript the notice gives the date the
// handbook was last updated instead.
(function () {
  "use strict";
  function printLinks() {
    document.querySelectorAll("[data-print-link]").forEach(function (p) {
      p.hidden = false;
      p.querySelector("button").addEventListener("click", function () { window.print(); });
    });
  }

  function stamp() {
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-print-notice]").forEach(function (p) {
      p.textContent = "Printed on " + today + ": check the online handbook for the current version.";
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { stamp(); printLinks(); });
  } else {
    stamp();
    printLinks();
  }
  // A page left open overnight prints today's date, not yesterday's.
  window.addEventListener("beforeprint", stamp);
})();
