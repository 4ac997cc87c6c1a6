// Keep a training's remaining seats current while the page is open: every 30 s
// (and when the tab comes back) the server-rendered seats fragment is fetched again.
// Without JavaScript the page shows the count as it was when loaded.
(function () {
    "use strict";
    var box = document.querySelector("[data-seats-url]");
    if (!box || !window.fetch) { return; }
    var url = box.getAttribute("data-seats-url");
    function refresh() {
        if (document.hidden) { return; }
        fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                if (html !== null && box.innerHTML.trim() !== html.trim()) { box.innerHTML = html; }
            })
            .catch(function () { /* offline: keep what is shown */ });
    }
    window.setInterval(refresh, 30000);
    document.addEventListener("visibilitychange", refresh);
}());
