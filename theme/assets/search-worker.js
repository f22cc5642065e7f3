/* Space Hacks: Material's search worker, loaded on the reader's first query instead of on
   every page. Material starts this worker (main.html points its worker setting here, with
   ?worker=<Material's own worker>) and sends SETUP with an index that holds no documents
   (spacehacks/site/lazy_search.py). We answer READY at once so the search box works; the first
   QUERY fetches the full index and Material's worker, hands them the SETUP and then the latest
   query. Offline with no saved index, the hacks' titles and summaries from hacks.json stand in. */
"use strict";
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var params = new URL(self.location.href).searchParams;
var here = self.location.href;
var setup = null;          /* Material's SETUP message, config only */
var state = "idle";        /* idle -> loading -> ready */
var pending = null;        /* the latest query typed while loading */
var forward = null;        /* set once Material's worker listens */
var swallowReady = false;

function fetchJSON(url) {
  return fetch(url).then(function (r) {
    if (!r.ok) throw new Error(url + ": " + r.status);
    return r.json();
  });
}

/* When neither the network nor the service worker has the full index, search what every
   reader has been sent anyway: the manifest of hacks. */
function manifestDocs() {
  return fetchJSON(new URL("../hacks.json", here)).then(function (m) {
    return m.hacks.map(function (h) {
      return { location: h.url, title: h.title, text: h.summary + " " + h.section_title + " › " + h.category_title,
               tags: h.tags || [] };
    });
  });
}

function load() {
  state = "loading";
  var docs = fetchJSON(new URL("../search/full_index.json", here))
    .then(function (index) { return index.docs; }, manifestDocs);
  docs.then(function (list) {
    /* Material's worker answers with a global postMessage: keep its READY from reaching the page
       twice, and release the query held while loading once it is ready. */
    var post = self.postMessage.bind(self);
    self.postMessage = function (message) {
      if (message && message.type === READY && swallowReady) {
        swallowReady = false;
        state = "ready";
        if (pending !== null) { forward({ type: QUERY, data: pending }); pending = null; }
        return;
      }
      post(message);
    };
    importScripts(params.get("worker"));
    forward = function (message) { self.dispatchEvent(new MessageEvent("message", { data: message })); };
    swallowReady = true;
    var data = setup.data;
    forward({ type: SETUP, data: { config: data.config, docs: list, options: data.options } });
  });
}

/* Added before Material's worker adds its own, so this sees the page's messages first and keeps
   them from it; Material's worker only sees what we re-dispatch (untrusted events). */
self.addEventListener("message", function (ev) {
  if (!ev.isTrusted) return;
  ev.stopImmediatePropagation();
  var message = ev.data;
  if (message.type === SETUP) {
    setup = message;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    if (state === "ready") return forward(message);
    /* Material asks for "" as soon as it is ready, and on every page: that is not a search. */
    if (state === "idle" && !String(message.data).trim()) return self.postMessage({ type: RESULT, data: { items: [] } });
    pending = message.data;
    if (state === "idle") load();
  }
});
