// Training pages, progressive enhancement only:
// 1. keep the remaining seats current while the page is open: every 30 s (and when
//    the tab comes back) the server-rendered seats fragment is fetched again;
// 2. show the place on a small map (vendored Leaflet) when coordinates are given.
// Without JavaScript the page shows the count as loaded and the OpenStreetMap link.
(function () {
    "use strict";

    function liveSeats() {
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
    }

    function map() {
        var box = document.querySelector("[data-training-map]");
        if (!box || !window.L) { return; }
        var ds = box.dataset;
        var point = [parseFloat(ds.lat), parseFloat(ds.lon)];
        if (isNaN(point[0]) || isNaN(point[1])) { return; }
        box.hidden = false;
        var leaflet = L.map(box, { scrollWheelZoom: false }).setView(point, 16);
        L.tileLayer(ds.tileUrl, { maxZoom: 19, attribution: ds.attribution }).addTo(leaflet);
        L.marker(point, { alt: ds.label, title: ds.label, keyboard: false }).addTo(leaflet);
    }

    function init() { liveSeats(); map(); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
