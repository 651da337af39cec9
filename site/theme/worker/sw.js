// The handbook's service worker: it keeps a copy of this build of the
// handbook (every page, the theme and the checker) so that a reader who
// has visited once can read and check drafts offline. `handbook build`
// writes it to the handbook's root with the lines between the markers
// filled in; the preview server never writes or registers it.
//
// What it does and does not do:
// - Pages come from the network whenever it answers, so a reader online
//   always sees the newest build; the copy is used only when the network
//   fails, and then the page says plainly that it is an offline copy.
// - Fingerprinted assets never change, so they come from the copy first.
// - It stores only GET requests for this handbook's own files, listed
//   below when the handbook was built (plus the search index, once the
//   reader searches). Nothing a reader types is ever a request, so no
//   draft is ever stored; the checker keeps drafts only in the page.
// - Each build has its own cache, named by the build's fingerprint; a new
//   build's worker deletes the old copies once it takes over.
"use strict";

/* BUILD */
const BUILD = "";
const ROOT = "/";
const PRECACHE = [];
const LATER = [];
/* END BUILD */

const CACHE = "handbook-" + BUILD;
const OFFLINE_MARK = "data-offline-notice hidden";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((u) => new Request(u, { cache: "reload" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("handbook-") && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

// ours reports whether a URL is one of this build's files.
function ours(url) {
  return url.origin === self.location.origin && url.pathname.startsWith(ROOT);
}

// offlineCopy answers a page request from the copy, marked as a copy: the
// page's hidden offline notice is shown. A page not in the copy gets the
// copy of the 404 page, which says so.
async function offlineCopy(url) {
  const cache = await caches.open(CACHE);
  let hit = await cache.match(url.pathname);
  if (!hit) hit = await cache.match(ROOT + "404.html");
  if (!hit) return Response.error();
  const html = (await hit.text()).replace(OFFLINE_MARK, "data-offline-notice");
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (!ours(url) || url.pathname === ROOT + "sw.js") return;
  if (req.mode === "navigate") {
    // no-cache: the browser's HTTP cache must not answer for the network,
    // or a reader offline could get an old page that does not say so.
    event.respondWith(fetch(new Request(req, { cache: "no-cache" })).catch(() => offlineCopy(url)));
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(url.pathname);
    if (hit) return hit;
    const res = await fetch(req);
    // Files the copy leaves out until they are used (the search index)
    // are kept the first time the page asks for them.
    if (res.ok && LATER.includes(url.pathname)) await cache.put(url.pathname, res.clone());
    return res;
  })());
});
