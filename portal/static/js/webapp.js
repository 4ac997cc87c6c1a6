/*
 * Installs the service worker (served by portal.webapp at /sw.js, scope "/"):
 * it keeps the site shell and the report form for use without a connection.
 */
(function () {
    "use strict";
    if (!("serviceWorker" in navigator)) return;
    var script = document.currentScript;
    var url = (script && script.dataset.worker) || "/sw.js";
    window.addEventListener("load", function () {
        navigator.serviceWorker.register(url, { scope: "/" }).catch(function () {
            /* No worker (private mode, old browser): the site works as before. */
        });
    });
})();
