/* Space Hacks: search when Pagefind cannot answer (offline, with the chunks for a word never
   saved). Loaded by assets/search-worker.js only then: Material's own worker (Lunr), set up on
   the hacks' titles, summaries and tags from hacks.json, which every reader has been sent. */
"use strict";
(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  var here = self.location.href;
  var started = null;

  function manifestDocs() {
    return fetch(new URL("../hacks.json", here)).then(function (r) {
      if (!r.ok) throw new Error("hacks.json: " + r.status);
      return r.json();
    }).then(function (m) {
      return m.hacks.map(function (h) {
        return { location: h.url, title: h.title, text: h.summary + " " + h.section_title + " › " + h.category_title,
                 tags: h.tags || [] };
      });
    });
  }

  function start(setup, worker) {
    return manifestDocs().then(function (docs) {
      return new Promise(function (resolve) {
        var post = self.postMessage.bind(self);
        var waiting = null;
        /* Material's worker answers with a global postMessage: its READY is ours to keep, its
           results go to whoever asked. */
        self.postMessage = function (message) {
          if (message && message.type === READY) return resolve(ask);
          if (message && message.type === RESULT && waiting) { var w = waiting; waiting = null; return w(message.data); }
          post(message);
        };
        function ask(query) {
          return new Promise(function (done) {
            waiting = done;
            self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query } }));
          });
        }
        importScripts(worker);
        var data = setup.data;
        self.dispatchEvent(new MessageEvent("message",
          { data: { type: SETUP, data: { config: data.config, docs: docs, options: data.options } } }));
      });
    });
  }

  self.shFallback = function (query, setup, worker) {
    if (!started) {
      started = start(setup, worker);
      started.catch(function () { started = null; });
    }
    return started.then(function (ask) { return ask(query); }).then(function (data) { return data.items; });
  };
})();
