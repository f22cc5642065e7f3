/* Space Hacks: the search worker Material starts on every page (theme/main.html points its
   worker setting here). It answers Material's SETUP at once and loads the search itself
   (assets/search-pagefind.js) only when a reader types a first query.

   Its listener is added before any other, so it sees the page's messages first and keeps them
   from Material's own worker, which search-fallback.js may load later: that one only sees the
   messages re-dispatched to it (untrusted events). */
"use strict";
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
self.addEventListener("message", function (ev) {
  if (!ev.isTrusted) return;
  ev.stopImmediatePropagation();
  var message = ev.data;
  if (message.type === SETUP) {
    self.shSetup = message;
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    var query = String(message.data || "").trim();
    if (!self.shQuery) {
      if (!query) return self.postMessage({ type: RESULT, data: { items: [] } });
      try {
        importScripts(new URL("search-pagefind.js", self.location.href).href);
      } catch (e) {      /* offline, and never saved: nothing to answer with */
        return self.postMessage({ type: RESULT, data: { items: [] } });
      }
    }
    self.shQuery(query);
  }
});
