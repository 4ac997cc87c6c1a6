/*
 * Offline reporting: progressive enhancement of the report form (and of the offline page).
 *
 * Without JavaScript, or without IndexedDB, the form posts to the server as always.
 * With them, a report sent while the device has no connection (navigator.onLine is
 * false; or, if the device thinks it is online, a post that fails, which the service
 * worker keeps "unprepared" for this page to finish) is kept on the device with its own
 * Idempotency-Key and its photos made smaller (at most MAX_SIDE px, JPEG), and the
 * page says "Waiting for signal: N". When the connection returns (Background Sync
 * in the service worker, the "online" event, or the next visit) it is sent through
 * POST /api/incidents/, which stores it once whatever the number of attempts, and
 * the page shows its tracking code. Categories and areas are sent by their codes
 * (the page's "report-codes" JSON, from ReportForm.api_codes).
 */
(function () {
    "use strict";

    var Queue = window.ReportQueue;
    var box = document.querySelector("[data-report-queue]");
    if (!Queue || !box || !window.indexedDB || !window.fetch || !window.FormData) return;

    var form = document.querySelector("form[data-offline-report]");
    var codesNode = document.getElementById("report-codes");
    var codes = codesNode ? JSON.parse(codesNode.textContent) : {};
    var language = document.documentElement.lang || "id";
    var labels = box.dataset;
    var MAX_SIDE = 1600;
    var FIELDS = ["category", "description", "kecamatan", "kelurahan", "address", "landmark", "latitude",
        "longitude", "reporter_name", "reporter_phone", "reporter_email"];

    function element(tag, className, text) {
        var node = document.createElement(tag);
        if (className) node.className = className;
        if (text) node.textContent = text;
        return node;
    }

    function render(entries) {
        var waiting = entries.filter(function (e) { return e.state === "waiting" || e.state === "unprepared"; });
        var sent = entries.filter(function (e) { return e.state === "sent"; });
        var refused = entries.filter(function (e) { return e.state === "refused"; });
        box.textContent = "";
        box.classList.toggle("message--error", refused.length > 0);
        box.classList.toggle("message--success", sent.length > 0 && !waiting.length && !refused.length);
        if (waiting.length) {
            box.appendChild(element("p", "report-queue__waiting", labels.labelWaiting.replace("{count}", waiting.length)));
        }
        sent.forEach(function (entry) {
            var p = element("p", "report-queue__sent", labels.labelSent + " ");
            p.appendChild(element("strong", "tracking-code", entry.trackingCode));
            box.appendChild(p);
            var link = element("a", "button button--report", labels.labelFollow);
            link.href = "/" + entry.language + "/track/" + entry.trackingCode + "/";
            var follow = element("p");
            follow.appendChild(link);
            box.appendChild(follow);
        });
        refused.forEach(function (entry) {
            var p = element("p", "report-queue__refused", labels.labelRefused);
            var list = element("ul");
            (entry.errors || []).forEach(function (text) { list.appendChild(element("li", "", text)); });
            box.appendChild(p);
            box.appendChild(list);
        });
        if (waiting.length || refused.length) box.appendChild(element("p", "", "")).appendChild(element("strong", "", labels.labelCall));
        box.hidden = !entries.length;
    }

    function refresh() {
        return Queue.all().then(render).catch(function () {});
    }

    function sendWaiting() {
        if (!navigator.onLine) return refresh();
        return Queue.all().then(function (entries) {
            if (!entries.some(function (e) { return e.state === "waiting"; })) return render(entries);
            box.hidden = false;
            box.textContent = labels.labelSending;
            return Queue.sendAll().catch(function () {}).then(refresh);
        }).catch(function () {});
    }

    function askForSync() {
        if (!("serviceWorker" in navigator)) return;
        navigator.serviceWorker.ready.then(function (registration) {
            if (registration.sync) return registration.sync.register(Queue.syncTag);
        }).catch(function () {});
    }

    function newKey() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        var bytes = crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
        return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
    }

    /* A photo at most MAX_SIDE px on its longer side, as JPEG; the file itself if it cannot be decoded. */
    function smaller(file) {
        if (!window.createImageBitmap || !/^image\//.test(file.type)) return Promise.resolve(file);
        return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
            var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
            var canvas = document.createElement("canvas");
            canvas.width = Math.round(bitmap.width * scale);
            canvas.height = Math.round(bitmap.height * scale);
            canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
            return new Promise(function (resolve) {
                canvas.toBlob(function (blob) { resolve(blob || file); }, "image/jpeg", 0.8);
            });
        }).catch(function () { return file; });
    }

    /* The API's fields from the form's values (choices become codes). */
    function apiFields(value) {
        var fields = {};
        FIELDS.forEach(function (name) {
            var given = value(name) || "";
            fields[name] = codes[name] ? (given ? codes[name][given] || "" : "") : given;
        });
        return fields;
    }

    function fieldsOf(form) {
        var data = new FormData(form);
        return apiFields(function (name) { return data.get(name); });
    }

    /* Reports the service worker kept from a failed post: codes and smaller photos, then "waiting". */
    function prepareKept() {
        if (!codesNode) return Promise.resolve();
        return Queue.all().then(function (entries) {
            return Promise.all(entries.filter(function (e) { return e.state === "unprepared"; }).map(function (entry) {
                return Promise.all((entry.photos || []).slice(0, 3).map(smaller)).then(function (photos) {
                    entry.fields = apiFields(function (name) { return entry.fields[name]; });
                    entry.photos = photos;
                    entry.state = "waiting";
                    return Queue.put(entry);
                });
            }));
        }).then(function (prepared) {
            if (prepared.length) askForSync();
        });
    }

    function keep() {
        var input = form.querySelector("input[type=file][name=photos]");
        var files = input ? Array.prototype.slice.call(input.files, 0, 3) : [];
        var token = form.querySelector("input[name=csrfmiddlewaretoken]");
        return Promise.all(files.map(smaller)).then(function (photos) {
            return Queue.add({
                key: newKey(),
                language: language,
                api: form.dataset.api,
                csrf: token ? token.value : "",
                fields: fieldsOf(form),
                photos: photos,
            });
        }).then(function () {
            form.reset();
            askForSync();
            return refresh();
        }).then(function () {
            box.setAttribute("tabindex", "-1");
            box.focus();
        });
    }

    if (form) {
        var busy = false;
        form.addEventListener("submit", function (event) {
            // With a connection the form posts as without JavaScript: the server checks it and answers.
            if (navigator.onLine) return;
            event.preventDefault();
            var honeypot = form.querySelector("input[name=website]");
            if (busy || (honeypot && honeypot.value) || !form.reportValidity()) return;
            busy = true;
            keep().catch(function () {
                form.submit();  // nowhere to keep it (e.g. storage refused): let the browser try
            }).then(function () { busy = false; });
        });
    }

    window.addEventListener("online", sendWaiting);
    if ("serviceWorker" in navigator) {
        navigator.serviceWorker.addEventListener("message", function (event) {
            if (event.data && event.data.type === "report-queue") refresh();
        });
    }
    prepareKept().catch(function () {}).then(sendWaiting);
})();
