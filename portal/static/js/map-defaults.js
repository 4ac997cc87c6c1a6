/*
 * Leaflet defaults for every map of the portal, read from this script's data
 * attributes (templates/includes/leaflet.html):
 * - the default marker's images by their static URLs. Leaflet guesses the image
 *   folder from its stylesheet, which fails once collectstatic gives files hashed
 *   names, and the pin becomes a broken image;
 * - the zoom buttons' titles and the attribution prefix in the page's language.
 */
(function () {
    "use strict";
    var script = document.currentScript;
    if (!script || !window.L) return;
    var ds = script.dataset;

    L.Icon.Default.imagePath = "";
    L.Icon.Default.mergeOptions({
        iconUrl: ds.iconUrl,
        iconRetinaUrl: ds.iconRetinaUrl,
        shadowUrl: ds.shadowUrl
    });
    L.Control.Zoom.mergeOptions({ zoomInTitle: ds.zoomIn, zoomOutTitle: ds.zoomOut });

    var link = document.createElement("a");
    link.href = "https://leafletjs.com";
    link.title = ds.libraryTitle || "";
    link.textContent = "Leaflet";
    L.Control.Attribution.mergeOptions({ prefix: link.outerHTML });
})();
