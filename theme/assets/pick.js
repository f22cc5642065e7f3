/* Space Hacks: the random pick and the offline page's list of saved pages. Loaded only by the
   pages that use it (theme/views/random.html, offline.html), so hack pages do not pay for it;
   the service worker saves it up front (theme/sw.js), for random offline. */
(function () {
  "use strict";
  /* Our words in the page's language, by spacehacks.js's tr (every page loads it, before
     this script runs anything). */
  function tr(text, values) { return window.spacehacksTr(text, values); }
  var RANDOM_KEY = "sh-random";   /* read by spacehacks.js on the page a pick lands on */

  /* Random hack: read the manifest and go; the page's own list is the fallback. Offline, only
     hacks this device has saved are picked (the others would open the offline page). */
  function random(box) {
    var manifest = box.getAttribute("data-sh-random");
    var root = manifest.replace(/hacks\.json$/, "");
    var status = box.querySelector(".sh-random__status");
    /* From disk, from-disk.js (window.shPage) turns a folder's address into its index.html. */
    function go(href, count) {
      var target = new URL(window.shPage ? window.shPage(href) : href, location.href).href;
      try { sessionStorage.setItem(RANDOM_KEY, JSON.stringify({ url: target, count: count })); } catch (e) {}
      window.location.replace(target);
    }
    function fallback() {
      var links = box.querySelectorAll(".sh-hack__title");
      if (links.length) go(links[Math.floor(Math.random() * links.length)].getAttribute("href"), 0);
    }
    function choose(hacks) { go(root + hacks[Math.floor(Math.random() * hacks.length)].url, hacks.length); }
    function pick(m) {
      if (navigator.onLine !== false || !window.caches) return choose(m.hacks);
      Promise.all(m.hacks.map(function (h) {
        return caches.match(new URL(root + h.url, location.href).href).then(function (hit) { return hit ? h : null; });
      })).then(function (saved) {
        saved = saved.filter(Boolean);
        if (saved.length) return choose(saved);
        status.textContent = tr("You are offline and no hack is saved on this device yet.");
      }, function () { choose(m.hacks); });
    }
    function failed() {
      status.textContent = tr("Could not load the list of hacks; picking from the ones below.");
      fallback();
    }
    if (location.protocol === "file:") {
      /* Browsers fetch nothing from disk; the same manifest ships as a script (HACKS_SCRIPT). */
      var script = document.createElement("script");
      script.src = root + "assets/hacks.js";
      script.onload = function () { if (window.__hacks) pick(window.__hacks); else failed(); };
      script.onerror = failed;
      return document.head.appendChild(script);
    }
    if (!window.fetch) return fallback();
    fetch(manifest).then(function (r) { return r.json(); }).then(pick).catch(failed);
  }

  /* The offline page lists the pages this device has saved, by their titles. */
  function offlineList(box) {
    if (!window.caches) return;
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("spacehacks-") === 0; }).map(function (k) {
        return caches.open(k).then(function (c) { return c.keys(); });
      }));
    }).then(function (lists) {
      var pages = [].concat.apply([], lists).map(function (r) { return r.url; }).filter(function (u, i, all) {
        return all.indexOf(u) === i && /\/$/.test(new URL(u).pathname) && !/\/offline\/$/.test(u);
      });
      return Promise.all(pages.map(function (u) {
        return caches.match(u).then(function (res) { return res.text(); }).then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var h1 = doc.querySelector("h1");
          return { url: u, title: (h1 ? h1.textContent : doc.title).replace(/\u00ad/g, "").trim() };
        });
      }));
    }).then(function (pages) {
      var list = box.querySelector(".sh-offline__saved");
      pages.sort(function (a, b) { return a.title.localeCompare(b.title); }).forEach(function (p) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = p.url;
        a.textContent = p.title;
        li.appendChild(a);
        list.appendChild(li);
      });
      box.hidden = !pages.length;
    }).catch(function () {});
  }

  function init() {
    document.querySelectorAll("[data-sh-random]").forEach(random);
    document.querySelectorAll("[data-sh-offline]").forEach(offlineList);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
