/* Space Hacks opened from disk (file://): loaded only there (theme/main.html).

   The site's addresses are directories (/<section>/<category>/<hack>/), which organizations link
   to and which must not change. A web server answers them with the folder's index.html; a
   browser reading files from disk shows a folder listing instead. So here every link to a
   directory of the site (ending in "/", ".", or "..", before any ?query or #fragment) gets
   "index.html" added: the links in the page, the ones scripts add later (search results,
   featured cards), and, through window.shPage, the addresses scripts go to (random). */
(function () {
  "use strict";
  var SCHEME = /^[a-z][a-z0-9+.-]*:/i;

  /* The same link, pointing at the folder's index.html if it names a folder on disk. */
  function page(href) {
    if (!href || href.charAt(0) === "#") return href;
    if (SCHEME.test(href) && !/^file:/i.test(href)) return href;
    var cut = href.search(/[?#]/);
    var path = cut < 0 ? href : href.slice(0, cut);
    var rest = cut < 0 ? "" : href.slice(cut);
    if (!path) return href;
    if (/\/$/.test(path)) return path + "index.html" + rest;
    if (/(^|\/)\.\.?$/.test(path)) return path + "/index.html" + rest;
    return href;
  }

  function fix(a) {
    if (!/^(A|AREA)$/.test(a.tagName)) return;
    var href = a.getAttribute("href");
    var local = page(href);
    if (local !== href) a.setAttribute("href", local);
  }

  function fixAll(root) {
    if (root.nodeType !== 1) return;
    if (root.hasAttribute("href")) fix(root);
    Array.prototype.forEach.call(root.querySelectorAll("a[href], area[href]"), fix);
  }

  window.shPage = page;
  fixAll(document.documentElement);
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "attributes") fix(change.target);
      else Array.prototype.forEach.call(change.addedNodes, fixAll);
    });
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["href"] });
})();
