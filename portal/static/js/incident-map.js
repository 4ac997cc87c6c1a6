/* Back office: a read-only map of an incident, its nearest stations and any photo GPS hints. */
(function () {
    "use strict";
    function pairs(text) {
        return (text || "").split(";").filter(Boolean).map(function (item) { return item.split(","); });
    }
    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-incident-map]"), function (box) {
            if (!window.L) return;
            var ds = box.dataset;
            var point = [parseFloat(ds.lat), parseFloat(ds.lon)];
            var map = L.map(box).setView(point, 15);
            L.tileLayer(ds.tileUrl, { maxZoom: 19, attribution: ds.attribution }).addTo(map);
            var bounds = L.latLngBounds([point]);
            L.marker(point).addTo(map);
            pairs(ds.stations).forEach(function (s) {
                var p = [parseFloat(s[0]), parseFloat(s[1])];
                L.circleMarker(p, { radius: 8, color: "#1b6e36" }).addTo(map).bindTooltip(s.slice(2).join(","));
                bounds.extend(p);
            });
            pairs(ds.hints).forEach(function (h) {
                L.circleMarker([parseFloat(h[0]), parseFloat(h[1])], { radius: 6, color: "#b34700" }).addTo(map);
            });
            map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
        });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
