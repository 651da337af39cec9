// Registers the service worker (sw.js at the handbook's root) that keeps
// a copy of the handbook and the checker on this device, so that both
// work offline once visited. The preview server leaves this script out.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  const me = document.currentScript;
  const sw = me && me.getAttribute("data-sw");
  const scope = me && me.getAttribute("data-scope");
  if (!sw) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(sw, { scope: scope || "/" }).catch(function () {
      // No offline copy: the handbook still works online.
    });
  });
})();
