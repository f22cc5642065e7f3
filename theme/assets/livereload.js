/* Live reload under `mkdocs serve` only (the plugin adds this file to served pages, never to a
   built site). MkDocs injects its own reloader as an inline script, which the pages'
   Content-Security-Policy refuses to run; this file does the same from the site itself: it asks
   the server for its build epoch, then waits for a newer one and reloads. */
(function () {
  var epoch = 0, req, timer;
  function poll() {
    req = new XMLHttpRequest();
    req.onloadend = function () {
      var now = parseFloat(this.responseText);
      if (epoch && now > epoch) return location.reload();
      if (!epoch && now) epoch = now;
      timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    req.open("GET", "/livereload/" + epoch + "/" + Date.now());
    req.send();
  }
  function stop() {
    if (req) req.abort();
    clearTimeout(timer);
    req = timer = undefined;
  }
  window.addEventListener("load", function () { if (document.visibilityState === "visible") poll(); });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll(); else stop();
  });
  window.addEventListener("beforeunload", stop);
})();
