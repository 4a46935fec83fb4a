/*
 * Lets the site's search run when it is opened from disk (file://).
 *
 * Browsers refuse to start a Web Worker from a file:// page, so Material's search
 * worker would never start. When the page comes from disk, this replaces Worker
 * with a hidden same-origin iframe that runs the worker script and relays its
 * messages. Served by the site itself (no CDN); its file name contains
 * "iframe-worker" so that Material's offline plugin does not add a remote copy.
 * Over http(s) it does nothing.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") {
    return;
  }

  function loadScript(doc, src) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      doc.head.appendChild(script);
    });
  }

  function IFrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    var self = this;
    frame.hidden = true;
    document.body.appendChild(frame);
    var scope = frame.contentWindow;

    function emit(type, init, handler) {
      var event = type === "error" ? new ErrorEvent(type, init) : new MessageEvent(type, init);
      target.dispatchEvent(event);
      if (typeof self[handler] === "function") {
        self[handler](event);
      }
    }

    // The worker script's global scope: what it posts comes back to the page.
    scope.postMessage = function (data) {
      emit("message", { data: structuredClone(data) }, "onmessage");
    };
    // Workers load their dependencies with importScripts; here it returns a promise.
    scope.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (chain, src) {
        return chain.then(function () { return loadScript(scope.document, src); });
      }, Promise.resolve());
    };
    scope.addEventListener("error", function (event) {
      emit("error", { message: event.message, filename: event.filename, error: event.error },
           "onerror");
    });

    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    var ready = loadScript(scope.document, url);
    this.postMessage = function (data) {
      ready.then(function () {
        scope.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    };
    this.terminate = function () {
      frame.remove();
    };
  }

  // Material's search worker looks for IFrameWorker to locate its language files.
  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
