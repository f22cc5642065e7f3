/* Space Hacks: small progressive enhancements. Every page works without this file. */
(function () {
  "use strict";
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
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
  function readJSON(el) {
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  /* Rotating quote: pausable, and still when the reader prefers reduced motion. */
  function quotes(fig) {
    var data = readJSON(fig.querySelector(".sh-quote__data"));
    if (!data || data.length < 2) return;
    var text = fig.querySelector(".sh-quote__text p");
    var by = fig.querySelector(".sh-quote__by");
    var controls = fig.querySelector(".sh-quote__controls");
    var toggle = fig.querySelector(".sh-quote__toggle");
    var next = fig.querySelector(".sh-quote__next");
    var current = 0;
    for (var i = 0; i < data.length; i++) if (data[i].text === text.textContent) current = i;
    var timer = null;
    var paused = reduceMotion;
    function show(i) {
      current = (i + data.length) % data.length;
      var q = data[current];
      text.textContent = q.text;
      var words = q.text.trim();
      text.classList.toggle("sh-quote--opened", /^[“"‘]/.test(words));
      text.classList.toggle("sh-quote--closed", /[”"’]$/.test(words));
      if (!by) { by = document.createElement("figcaption"); by.className = "sh-quote__by"; fig.insertBefore(by, controls); }
      by.textContent = q.attribution;
      by.hidden = !q.attribution;
    }
    function schedule() {
      clearInterval(timer);
      if (!paused) timer = setInterval(function () { show(current + 1); }, 12000);
      toggle.textContent = paused ? "Play quotes" : "Pause quotes";
      toggle.setAttribute("aria-pressed", paused ? "true" : "false");
    }
    toggle.addEventListener("click", function () { paused = !paused; schedule(); });
    next.addEventListener("click", function () { show(current + 1); });
    /* Hovering or focusing the quote holds it still while it is being read. */
    fig.addEventListener("mouseenter", function () { clearInterval(timer); });
    fig.addEventListener("mouseleave", schedule);
    fig.addEventListener("focusin", function () { clearInterval(timer); });
    fig.addEventListener("focusout", schedule);
    if (reduceMotion) toggle.hidden = true;
    controls.hidden = false;
    schedule();
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

  /* All hacks: filter by section and tag. */
  function filter(form) {
    var section = form.querySelector("[name=section]");
    var tag = form.querySelector("[name=tag]");
    var status = form.querySelector(".sh-filter__status");
    var items = document.querySelectorAll(".sh-group .sh-hack");
    function apply() {
      var shown = 0;
      items.forEach(function (li) {
        var ok = (!section.value || li.getAttribute("data-section") === section.value) &&
                 (!tag.value || (" " + li.getAttribute("data-tags") + " ").indexOf(" " + tag.value + " ") >= 0);
        li.hidden = !ok;
        if (ok) shown++;
      });
      document.querySelectorAll(".sh-subgroup, .sh-group").forEach(function (g) {
        g.hidden = !g.querySelector(".sh-hack:not([hidden])");
      });
      status.textContent = (section.value || tag.value)
        ? "Showing " + shown + " of " + items.length + " hacks." : "";
    }
    section.addEventListener("change", apply);
    tag.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
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
    text.textContent = picked.count > 1 ? "A random pick from " + picked.count + " hacks." : "A random pick.";
    var again = document.createElement("a");
    again.className = "md-button";
    again.href = window.shPage ? window.shPage(siteRoot + "random/") : siteRoot + "random/";
    again.textContent = "Show another";
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
    document.querySelectorAll("[data-sh-quotes]").forEach(quotes);
    document.querySelectorAll("[data-sh-featured]").forEach(featured);
    document.querySelectorAll("[data-sh-filter]").forEach(filter);
    randomNote();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (document.readyState === "complete") offline();
  else window.addEventListener("load", offline);
})();
