/* Space Hacks service worker: after one visit the site keeps working without a connection.
   It lives at the site's root so it can answer for every page (a worker only controls the
   folder it is served from). Installing saves a small core: the home page, all hacks, random,
   the offline page, the manifest, the stylesheets and scripts every page loads, and search's
   worker, with what it loads on a first query and its offline fallback; pages are
   saved as they are read, and the search index the first time a reader searches. Pages come
   from the network first, so readers online always get the latest edition. */
"use strict";
var PREFIX = "spacehacks-";
var CACHE = PREFIX + "v1";
var CORE = ["./", "hacks/", "random/", "offline/", "hacks.json", "search/search_index.json", "assets/search-worker.js",
            "assets/search-pagefind.js", "assets/search-fallback.js", "assets/pick.js"];
/* What the templates page's form loads only when it is used: saved whenever that page is, so the
   form works offline after one visit (the template files are saved as the form reads them). */
var FILL_PAGE = "templates/";
var FILL = ["assets/fill-start.js", "assets/fill-templates.js", "assets/fill-templates.css",
  "assets/vendor/fflate.min.js", "downloads/templates/fields.json"];
var ASSET = /(?:href|src)="([^"]+\.(?:css|js|png|svg|ico|webmanifest))"|"search":\s*"([^"]+)"/g;

function scoped(path) { return new URL(path, self.registration.scope).href; }

/* The files the home page loads, read from its HTML so hashed names never go stale here. */
function assetsOf(html, base) {
  var found = [], m;
  ASSET.lastIndex = 0;
  while ((m = ASSET.exec(html))) {
    var url = new URL(m[1] || m[2], base);
    if (url.origin === self.location.origin) found.push(url.href);
  }
  return found;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return fetch(scoped("./")).then(function (res) {
      if (!res.ok) throw new Error("home page: " + res.status);
      return cache.put(scoped("./"), res.clone()).then(function () { return res.text(); });
    }).then(function (html) {
      var urls = CORE.slice(1).map(scoped).concat(assetsOf(html, scoped("./")));
      return cache.addAll(urls.filter(function (u, i) { return urls.indexOf(u) === i; }));
    });
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () {
    return self.clients.claim();
  }).then(function () {
    /* The page the reader arrived on was loaded before this worker: save it too. */
    return self.clients.matchAll({ type: "window" }).then(function (wins) {
      return caches.open(CACHE).then(function (cache) {
        return Promise.all(wins.map(function (w) {
          return cache.add(w.url.split("#")[0]).catch(function () {});
        }));
      });
    });
  }));
});

function save(request, response) {
  if (response && response.ok && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

/* A page never saved: the site's offline page (saved at install), answered at the address the
   reader asked for, so reloading it once back online opens that page. A <base> makes the
   offline page's relative links and assets resolve from its own folder. */
function offlinePage() {
  var page = scoped("offline/");
  return caches.match(page).then(function (hit) {
    if (!hit) return plainOfflinePage();
    return hit.text().then(function (html) {
      html = html.replace(/<head([^>]*)>/i, '<head$1><base href="' + page + '">');
      return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

/* Only when the offline page itself was never saved (a worker installed by an older edition). */
function plainOfflinePage() {
  var home = self.registration.scope;
  var html = '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>You are offline - Space Hacks</title></head>" +
    "<body><main><h1>You are offline</h1><p>This page has not been saved on this device yet. " +
    'Pages you have read before still open, and so do <a href="' + home + 'hacks/">all hacks</a> ' +
    'and the <a href="' + home + '">home page</a>.</p></main></body></html>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

/* Network first, then the saved copy: for pages and the search index, which change. */
function networkFirst(request, fallback) {
  return fetch(request).then(function (res) { return save(request, res); }).catch(function () {
    return caches.match(request, { ignoreSearch: true }).then(function (hit) {
      return hit || (fallback ? fallback() : Response.error());
    });
  });
}

/* The saved copy at once, refreshed in the background: for stylesheets, scripts, images. */
function staleWhileRevalidate(request) {
  /* ignoreSearch: search's worker is loaded with its settings in the query string. */
  return caches.match(request, { ignoreSearch: true }).then(function (hit) {
    var fresh = fetch(request).then(function (res) { return save(request, res); });
    if (hit) {
      fresh.catch(function () {});
      /* A copy saved under another query string is re-wrapped: a worker reads its settings
         from its own address, which is the response's address, not the request's. */
      return hit.url === request.url ? hit : new Response(hit.body, hit);
    }
    return fresh;
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, offlinePage));
    if (url.href.split("#")[0].replace(/index\.html$/, "") === scoped(FILL_PAGE)) {
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.addAll(FILL.map(scoped));
      }).catch(function () {}));
    }
  } else if (/\.(json|xml)$/.test(url.pathname)) {
    event.respondWith(networkFirst(request));
  } else {
    event.respondWith(staleWhileRevalidate(request));
  }
});
