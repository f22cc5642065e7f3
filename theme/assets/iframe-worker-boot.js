/* The first script of the hidden frame in which the vendored iframe-worker shim runs search's
   worker when the site is opened from disk. The shim writes these lines as an inline script that
   holds the page's own file address, which no hash in the Content-Security-Policy can know in
   advance; the build points the shim at this file instead (spacehacks/site/csp.py). */
postMessage = function (message, origin) {
  parent.postMessage(message, origin || "*");
};
importScripts = function () {
  return [].slice.call(arguments).reduce(function (done, url) {
    return done.then(function () {
      return new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        document.body.appendChild(script);
      });
    });
  }, Promise.resolve());
};
addEventListener("error", function (event) {
  // The worker is the frame's second script; the shim added "?<time>" to its address.
  var src = document.scripts[1].src;
  parent.dispatchEvent(new ErrorEvent("error", {
    filename: src.slice(0, src.lastIndexOf("?")), error: event.error
  }));
});
