/*
 * Location picker: progressive enhancement of reporting/includes/location_fields.html.
 *
 * Without JavaScript (or without Leaflet) the plain fields work. With it, a map
 * appears: tap or drag the pin, or press "Use my location"; the latitude and
 * longitude fields follow the pin, and the kelurahan list narrows to the chosen
 * kecamatan. Tiles come from the server's MAP_TILE_URL setting.
 */
(function () {
    "use strict";

    function parsePair(text) {
        var parts = (text || "").split(",").map(Number);
        return parts.length === 2 && parts.every(isFinite) ? parts : null;
    }

    function inBox(lat, lon, box) {
        return lat >= box[0] && lat <= box[2] && lon >= box[1] && lon <= box[3];
    }

    function filterKelurahan(kecamatan, kelurahan) {
        if (!kecamatan || !kelurahan) return;
        var options = Array.prototype.slice.call(kelurahan.options);
        function apply() {
            var chosen = kecamatan.value;
            options.forEach(function (option) {
                var owner = option.getAttribute("data-kecamatan");
                var show = !owner || !chosen || owner === chosen;
                option.hidden = !show;
                option.disabled = !show;
                if (!show && option.selected) kelurahan.value = "";
            });
        }
        kecamatan.addEventListener("change", apply);
        apply();
    }

    function setup(root) {
        var ds = root.dataset;
        var latInput = document.getElementById(ds.latInput);
        var lonInput = document.getElementById(ds.lonInput);
        var status = root.querySelector(".location-fields__status");
        var mapBox = root.querySelector(".location-fields__map");
        filterKelurahan(document.getElementById(ds.kecamatanInput), document.getElementById(ds.kelurahanInput));
        if (!window.L || !latInput || !lonInput || !mapBox) return;

        var raw = (ds.bbox || "").split(",").map(Number);
        var box = raw.length === 4 ? raw : null;
        var center = parsePair(ds.center) || [0, 0];
        var start = [parseFloat(latInput.value), parseFloat(lonInput.value)];
        var hasStart = isFinite(start[0]) && isFinite(start[1]);

        mapBox.hidden = false;
        mapBox.setAttribute("role", "region");
        mapBox.setAttribute("aria-label", ds.labelMap || "Map");
        var map = L.map(mapBox, { scrollWheelZoom: false }).setView(hasStart ? start : center, hasStart ? 16 : 13);
        if (box) map.setMaxBounds(L.latLngBounds([box[0] - 0.05, box[1] - 0.05], [box[2] + 0.05, box[3] + 0.05]));
        L.tileLayer(ds.tileUrl, { maxZoom: 19, attribution: ds.attribution }).addTo(map);
        // No pin until a place is chosen (by a tap, "Use my location" or typed
        // coordinates): a pin at the city centre looks like an answer.
        var marker = null;

        function pin(lat, lon) {
            if (marker) {
                marker.setLatLng([lat, lon]);
                return;
            }
            marker = L.marker([lat, lon], { draggable: true, keyboard: true, title: ds.labelMap }).addTo(map);
            marker.on("dragend", function () {
                var p = marker.getLatLng();
                place(p.lat, p.lng);
            });
        }
        if (hasStart) pin(start[0], start[1]);

        function say(text) {
            if (status) status.textContent = text || "";
        }

        function place(lat, lon, message) {
            pin(lat, lon);
            latInput.value = lat.toFixed(6);
            lonInput.value = lon.toFixed(6);
            if (box && !inBox(lat, lon, box)) {
                say(ds.labelOutside);
            } else {
                say(message || "");
            }
        }

        map.on("click", function (event) {
            place(event.latlng.lat, event.latlng.lng);
        });
        [latInput, lonInput].forEach(function (input) {
            input.addEventListener("change", function () {
                var lat = parseFloat(latInput.value);
                var lon = parseFloat(lonInput.value);
                if (isFinite(lat) && isFinite(lon)) {
                    pin(lat, lon);
                    map.panTo([lat, lon]);
                }
            });
        });

        if ("geolocation" in navigator) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "button button--secondary location-fields__locate";
            button.textContent = ds.labelLocate;
            button.addEventListener("click", function () {
                say(ds.labelLocating);
                button.disabled = true;
                navigator.geolocation.getCurrentPosition(
                    function (position) {
                        button.disabled = false;
                        var lat = position.coords.latitude;
                        var lon = position.coords.longitude;
                        map.setView([lat, lon], 17);
                        place(lat, lon, ds.labelLocated);
                    },
                    function () {
                        button.disabled = false;
                        say(ds.labelDenied);
                    },
                    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
                );
            });
            mapBox.parentNode.insertBefore(button, mapBox);
        }
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-location-picker]"), setup);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
