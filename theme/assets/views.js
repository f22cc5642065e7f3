/* Space Hacks: what only the generated listing pages use (rotating quotes; the filters of all
   hacks). Linked from those pages alone (spacehacks/site/mkdocs_plugin.py), so a hack page's
   first load does not carry it. Every page works without it. */
(function () {
  "use strict";
  /* Our words in the page's language, by spacehacks.js's tr (every page loads it, before
     this script runs anything). */
  function tr(text, values) { return window.spacehacksTr(text, values); }
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
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
      toggle.textContent = paused ? tr("Play quotes") : tr("Pause quotes");
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

  /* The list of every hack (hacks.json; from disk, the same data as assets/hacks.js, since
     browsers fetch nothing there), loaded once, when a filter first needs it. */
  var manifest = null;
  function loadManifest(root) {
    if (manifest) return manifest;
    manifest = new Promise(function (resolve, reject) {
      if (location.protocol === "file:") {
        var script = document.createElement("script");
        script.src = root + "assets/hacks.js";
        script.onload = function () { if (window.__hacks) resolve(window.__hacks); else reject(); };
        script.onerror = reject;
        document.head.appendChild(script);
      } else if (window.fetch) {
        fetch(root + "hacks.json").then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        }).then(resolve, reject);
      } else reject();
    });
    manifest.catch(function () { manifest = null; });   /* the next change tries again */
    return manifest;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  /* All hacks: the page holds a page of titles; a filter by section and tag shows the matching
     hacks of the whole publication, grouped as the pages are, and its address can be shared
     (hacks/?tag=consent, as the tags page links to the rest of a tag's hacks). */
  function filter(form) {
    var section = form.querySelector("[name=section]");
    var tag = form.querySelector("[name=tag]");
    var status = form.querySelector(".sh-filter__status");
    var results = document.querySelector("[data-sh-results]");
    var paged = document.querySelector("[data-sh-paged]");
    var root = form.getAttribute("data-sh-root") || "./";
    var lang = document.documentElement.lang;
    var asked = 0;
    function render(data) {
      var hacks = data.hacks.filter(function (h) {
        return (!section.value || h.section === section.value) && (!tag.value || h.tags.indexOf(tag.value) >= 0);
      });
      results.textContent = "";
      var group = null, list = null, lastSection = null, lastCategory = null;
      hacks.forEach(function (h) {
        if (h.section !== lastSection) {
          group = element("section", "sh-group");
          var h2 = element("h2");
          var a2 = element("a", "", h.section_title);
          a2.href = root + h.section_url;
          h2.appendChild(a2);
          group.appendChild(h2);
          results.appendChild(group);
          lastSection = h.section;
          lastCategory = null;
        }
        if (h.category !== lastCategory) {
          var sub = element("section", "sh-subgroup");
          var h3 = element("h3");
          var a3 = element("a", "", h.category_title);
          a3.href = root + h.category_url;
          h3.appendChild(a3);
          sub.appendChild(h3);
          list = element("ul", "sh-hacks sh-hacks--titles");
          sub.appendChild(list);
          group.appendChild(sub);
          lastCategory = h.category;
        }
        var li = element("li", "sh-hack");
        var a = element("a", "sh-hack__title", h.title);
        a.href = root + h.url;
        if (h.language && h.language !== lang) a.lang = h.language;
        li.appendChild(a);
        list.appendChild(li);
      });
      status.textContent = tr("Showing {shown} of {total} hacks.", { shown: hacks.length, total: data.hacks.length });
      paged.hidden = true;
      results.hidden = false;
    }
    function apply() {
      var query = [];
      if (section.value) query.push("section=" + encodeURIComponent(section.value));
      if (tag.value) query.push("tag=" + encodeURIComponent(tag.value));
      if (window.history && history.replaceState) {
        history.replaceState(null, "", location.pathname + (query.length ? "?" + query.join("&") : "") + location.hash);
      }
      var mine = ++asked;
      if (!query.length) {
        results.hidden = true;
        results.textContent = "";
        paged.hidden = false;
        status.textContent = "";
        return;
      }
      loadManifest(root).then(function (data) { if (mine === asked) render(data); }, function () {
        if (mine === asked) status.textContent = tr("The list of hacks could not be loaded. Check your connection and try again.");
      });
    }
    /* Only a value the page offers is taken from the address; anything else is ignored. */
    var params = new URLSearchParams(location.search);
    [section, tag].forEach(function (select) {
      var wanted = params.get(select.name);
      for (var i = 0; wanted && i < select.options.length; i++) {
        if (select.options[i].value === wanted) select.selectedIndex = i;
      }
      select.addEventListener("change", apply);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    if (section.value || tag.value) apply();
  }

  function init() {
    document.querySelectorAll("[data-sh-quotes]").forEach(quotes);
    document.querySelectorAll("[data-sh-filter]").forEach(filter);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
