// A "Print" button for printable documents ([data-print]); hidden without JavaScript.
(function () {
    "use strict";
    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
        });
    }
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
