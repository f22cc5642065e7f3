/* Space Hacks: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  /* Our words in the page's language: the footer's #sh-strings (spacehacks/script_strings.py)
     holds each English string's translation; {name} placeholders are filled in here. The other
     scripts (pick.js, views.js, fill-templates.js) use it as window.spacehacksTr. */
  function tr(text, values) {
    var el = document.getElementById("sh-strings"), strings = {};
    try { strings = el ? JSON.parse(el.textContent) : {}; } catch (e) { strings = {}; }
    return (strings[text] || text).replace(/\{([a-z_]+)\}/g, function (m, k) {
      return values && Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }
  window.spacehacksTr = tr;
  /* The site's root, from this script's own address (assets/spacehacks.js). */
  var siteRoot = document.currentScript && document.currentScript.src.replace(/assets\/spacehacks\.js(\?.*)?$/, "");

  function shuffled(list) {
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = a[i]; a[i] = a[j]; a[j] = t;
    }
    return a;
  }

  /* Featured hacks on a hack page: two picked at random on each view. The list is fetched only
     as the block nears the screen (it sits at the page's foot), so a reader who never scrolls
     there does not pay for it; until then, and from disk, the pair fixed at build time shows. */
  function featured(aside) {
    var root = aside.getAttribute("data-sh-root") || "";
    function load() {
      fetch(root + "assets/featured.json").then(function (r) { return r.json(); })
        .then(function (data) { pick(aside, data, root); }).catch(function () {});
    }
    if (!window.fetch || location.protocol === "file:") return;
    if (!("IntersectionObserver" in window)) return load();
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); load(); }
    }, { rootMargin: "600px 0px" });
    seen.observe(aside);
  }
  function pick(aside, data, root) {
    var self = aside.getAttribute("data-sh-featured");
    var picks = shuffled(data.filter(function (h) { return h.slug !== self; })).slice(0, 2);
    var items = aside.querySelectorAll(".sh-card");
    picks.forEach(function (h, i) {
      var li = items[i];
      if (!li) return;
      li.querySelector(".sh-card__link").setAttribute("href", root + h.url);
      li.querySelector(".sh-card__section").textContent = h.section;
      li.querySelector(".sh-card__title").textContent = h.title;
      li.querySelector(".sh-card__summary").textContent = h.summary;
    });
  }

  /* The page a random pick landed on (assets/pick.js) says so, and offers another pick. */
  var RANDOM_KEY = "sh-random";
  function randomNote() {
    var picked = null;
    try { picked = JSON.parse(sessionStorage.getItem(RANDOM_KEY) || "null"); } catch (e) {}
    if (!picked || picked.url.split("#")[0] !== location.href.split("#")[0] || !siteRoot) return;
    try { sessionStorage.removeItem(RANDOM_KEY); } catch (e) {}
    var where = document.querySelector(".md-content__inner");
    if (!where) return;
    var note = document.createElement("p");
    note.className = "sh-random-note";
    note.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = picked.count > 1 ? tr("A random pick from {n} hacks.", { n: picked.count }) : tr("A random pick.");
    var again = document.createElement("a");
    again.className = "md-button";
    again.href = window.shPage ? window.shPage(siteRoot + "random/") : siteRoot + "random/";
    again.textContent = tr("Show another");
    note.appendChild(text);
    note.appendChild(again);
    where.insertBefore(note, where.firstChild);
  }

  /* Offline reading (sw.js at the site's root). Not under `mkdocs serve`, where editors want
     every reload fresh, nor from disk, where browsers allow no service worker. */
  function offline() {
    var live = Array.prototype.some.call(document.scripts, function (s) { return /livereload/.test(s.textContent); });
    if (!siteRoot || live || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register(siteRoot + "sw.js").catch(function () {});
  }

  function init() {
    document.querySelectorAll("[data-sh-featured]").forEach(featured);
    randomNote();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (document.readyState === "complete") offline();
  else window.addEventListener("load", offline);
})();
