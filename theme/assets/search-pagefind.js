/* Space Hacks: search on the web, through Material's search box, answered by Pagefind.

   Material starts assets/search-worker.js on every page (theme/main.html points its worker
   setting there, with ?worker=<Material's own worker>); that worker answers Material's SETUP at
   once and loads this file, with importScripts, only when a reader first types a query, so a
   page's first load carries a few hundred bytes of search instead of all of this. Queries are
   answered from Pagefind's chunked index (pagefind/, written at build time by
   spacehacks/site/pagefind.py): the first query fetches Pagefind's script, its WebAssembly and
   only the index chunks and result fragments it needs, so what a reader downloads grows with
   the query, not with the publication. Pagefind picks the index of the page's language
   (Material's SETUP names it), so a second edition gets its own.

   When Pagefind cannot answer (offline, with the chunks for that word never saved), the hacks'
   titles, summaries and tags from hacks.json are searched instead (assets/search-fallback.js). */
"use strict";
var RESULT = 3;
var params = new URL(self.location.href).searchParams;
var here = self.location.href;
var engine = null;         /* a promise of Pagefind, once the first query asks for it */
var latest = null;         /* the query to answer next; older ones are dropped */
var busy = false;
var asked = 0;             /* queries received: an answer to an older one is never shown */
var RESULTS = 10;          /* result fragments fetched per query (Material shows ten at first) */
var EXCERPT_WORDS = 30;    /* about 200 characters */
/* Words readers type for what this publication calls something else, by language: each is
   searched as well, and a page found either way keeps its better score. */
var ALSO = {
  en: { ban: "restriction", bans: "restriction", banned: "restriction", barred: "restriction",
        heat: "overheating", hot: "overheating", kicked: "restriction", cops: "police" }
};
/* Phrases readers type as two words for what the text writes as one. */
var PHRASES = {
  en: [[/\bburn(?:ed|t)?\s+out\b/g, "burnout"], [/\bneedle\s+stick\b/g, "needle-stick"]]
};

/* Material inserts titles and excerpts as HTML: titles are escaped here, and an excerpt keeps
   no markup but Pagefind's <mark>. */
function escapeHTML(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function excerptHTML(html) {
  return String(html).replace(/<mark>/g, "\u0001").replace(/<\/mark>/g, "\u0002")
    .replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/\u0001/g, "<mark>").replace(/\u0002/g, "</mark>");
}

function language() {
  var setup = self.shSetup;   /* Material's SETUP message (kept by search-worker.js) */
  var lang = setup && setup.data.config && setup.data.config.lang;
  return (Array.isArray(lang) ? lang[0] : lang) || "en";
}

function pagefind() {
  if (!engine) {
    engine = import(new URL("../pagefind/pagefind.js", here).href).then(function (pf) {
      return pf.options({ excerptLength: EXCERPT_WORDS, baseUrl: "/" }).then(function () {
        return pf.init(language());
      }).then(function () { return pf; });
    });
    engine.catch(function () { engine = null; });   /* try again on the next query */
  }
  return engine;
}

function terms(query) {
  var out = {};
  query.split(/\s+/).filter(Boolean).forEach(function (t) { out[t.toLowerCase()] = true; });
  return out;
}

function alternatives(query) {
  var also = ALSO[language()] || {};
  var joined = (PHRASES[language()] || []).reduce(function (q, p) { return q.replace(p[0], p[1]); },
                                                  query.toLowerCase());
  var words = joined.split(/\s+/);
  var other = words.map(function (w) { return also[w] || w; }).join(" ");
  if (joined !== query.toLowerCase()) return [other];   /* "burn out" means burnout, not burns */
  return other === words.join(" ") ? [query] : [query, other];
}

function search(pf, query) {
  return Promise.all(alternatives(query).map(function (q) { return pf.search(q); })).then(function (all) {
    var best = {};
    all.forEach(function (found) {
      (found ? found.results : []).forEach(function (r) {
        if (!best[r.id] || best[r.id].score < r.score) best[r.id] = r;
      });
    });
    return Object.keys(best).map(function (id) { return best[id]; })
      .sort(function (a, b) { return b.score - a.score; });
  });
}

function pagefindResults(query) {
  return pagefind().then(function (pf) {
    return search(pf, query);
  }).then(function (found) {
    var top = found.slice(0, RESULTS);
    return Promise.all(top.map(function (r) { return r.data(); })).then(function (pages) {
      var t = terms(query);
      return pages.map(function (d, i) {
        return [{
          location: d.url.replace(/^\//, ""),   /* relative to the site's root */
          title: escapeHTML(d.meta && d.meta.title || d.url),
          text: "<p>" + excerptHTML(d.excerpt) + "</p>",
          score: top[i].score,
          terms: t
        }];
      });
    });
  });
}

/* Offline with nothing saved for this query: assets/search-fallback.js, loaded only then. */
function fallbackResults(query) {
  if (!self.shFallback) importScripts(new URL("search-fallback.js", here).href);
  return self.shFallback(query, self.shSetup, params.get("worker"));
}

function answer() {
  if (busy || latest === null) return;
  var query = latest, number = asked;
  latest = null;
  busy = true;
  pagefindResults(query).catch(function () { return fallbackResults(query); })
    .catch(function () { return []; })
    .then(function (items) {
      busy = false;
      /* A newer query typed meanwhile makes this answer stale: answer that one instead. */
      if (number === asked) self.postMessage({ type: RESULT, data: { items: items } });
      answer();
    });
}

/* Called by search-worker.js for each of Material's queries, this one's first included. */
self.shQuery = function (query) {
  asked++;
  /* Material asks for "" as soon as it is ready, and on every page: that is not a search. */
  if (!query) { latest = null; return self.postMessage({ type: RESULT, data: { items: [] } }); }
  latest = query;
  answer();
};
