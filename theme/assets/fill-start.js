/* Space Hacks templates page: shows the form that fills templates in, keeps what is typed in
   this browser, and loads the filling code and the zip library only when the form is first
   used, so a reader who only downloads a template pays for neither. Loaded by this page only. */
(function () {
  "use strict";
  var root = document.querySelector(".sh-autofill");
  if (!root) return;
  /* Each language's form keeps its own details: its fields carry that language's labels. */
  var KEY = root.getAttribute("data-store") || "spacehacks-fill-details";
  var form = root.querySelector("form");
  form.hidden = false;
  root.querySelector(".sh-autofill__nojs").hidden = true;

  function inputs() { return form.querySelectorAll("[data-label]"); }
  function saved() {
    try { return JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  var kept = saved();
  Array.prototype.forEach.call(inputs(), function (el) {
    var v = kept[el.getAttribute("data-label")];
    if (typeof v === "string") el.value = v;
  });
  form.addEventListener("input", function () {
    var out = {};
    Array.prototype.forEach.call(inputs(), function (el) {
      if (el.value) out[el.getAttribute("data-label")] = el.value;
    });
    try { localStorage.setItem(KEY, JSON.stringify(out)); } catch (e) { /* storage full or off */ }
  });

  var loading = false;
  function load() {
    if (loading) return;
    loading = true;
    /* In order: the filling code uses the zip library as soon as it runs. */
    [root.getAttribute("data-zip-script"), root.getAttribute("data-fill-script")].forEach(function (src) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      document.head.appendChild(s);
    });
  }
  ["focusin", "pointerdown", "keydown", "input", "change"].forEach(function (type) {
    form.addEventListener(type, load, { once: true });
  });
  /* What the reader asked for before the filling code arrived: it runs that once loaded. */
  function pending(action) {
    if (window.__spacehacksFillReady) return;
    form.setAttribute("data-pending", action);
    load();
  }
  form.addEventListener("submit", function (event) {
    /* Never a real submission: the details would end up in the address. */
    event.preventDefault();
    pending("build");
  });
  form.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fill-action]");
    if (button) pending(button.getAttribute("data-fill-action"));
  });
})();
