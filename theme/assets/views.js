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
        ? tr("Showing {shown} of {total} hacks.", { shown: shown, total: items.length }) : "";
    }
    section.addEventListener("change", apply);
    tag.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
  }

  function init() {
    document.querySelectorAll("[data-sh-quotes]").forEach(quotes);
    document.querySelectorAll("[data-sh-filter]").forEach(filter);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
