/* A "Print" button: <button data-print>. A file, not an inline handler, so the
 * Content-Security-Policy can refuse every inline script (portal/core/headers.py). */
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
        window.print();
    });
});
