// Training pages, progressive enhancement only:
// 1. keep the remaining seats current while the page is open: every 30 s (and when
//    the tab comes back) the server-rendered seats fragment is fetched again;
// 2. show the place on a small map (vendored Leaflet) when coordinates are given;
// 3. on the application, narrow the kelurahan list to the chosen kecamatan.
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

    // The application: the kelurahan list shows only the chosen kecamatan's group.
    // Without JavaScript every group shows and the server checks that they match.
    function narrowKelurahan() {
        var kecamatan = document.querySelector("[data-narrows]");
        if (!kecamatan) { return; }
        var kelurahan = document.getElementById(kecamatan.getAttribute("data-narrows"));
        if (!kelurahan) { return; }
        function apply() {
            var chosen = kecamatan.selectedIndex > 0 ? kecamatan.options[kecamatan.selectedIndex].text : "";
            Array.prototype.forEach.call(kelurahan.querySelectorAll("optgroup"), function (group) {
                var show = !chosen || group.label === chosen;
                group.hidden = !show;
                group.disabled = !show;
                if (!show && group.contains(kelurahan.options[kelurahan.selectedIndex])) { kelurahan.value = ""; }
            });
        }
        kecamatan.addEventListener("change", apply);
        apply();
    }

    function init() { liveSeats(); map(); narrowKelurahan(); }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
