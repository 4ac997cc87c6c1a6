/*
 * Reports kept on this device until there is a connection (IndexedDB), and their sending.
 *
 * Used by the report page (static/js/offline-report.js) and by the service worker
 * (Background Sync), so it touches no DOM. An entry is
 *   {key, language, api, csrf, fields: {name: value}, photos: [Blob], state, created}
 * where key is the Idempotency-Key made on the device: the server stores a report
 * once whatever the number of attempts, even when the page and the worker send it
 * at the same moment. state: "waiting" → "sent" (with trackingCode, fields and
 * photos dropped) or "refused" (with the server's messages). An entry kept by the
 * service worker from a failed form post is "unprepared" (form values, photos as
 * taken) until the report page prepares it (offline-report.js) and makes it "waiting".
 */
(function (scope) {
    "use strict";

    var DB_NAME = "damkar-reports";
    var STORE = "queue";
    var LOCK = "damkar-report-queue";
    var KEEP_SENT_MS = 24 * 60 * 60 * 1000;

    function open() {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open(DB_NAME, 1);
            request.onupgradeneeded = function () {
                request.result.createObjectStore(STORE, { keyPath: "key" });
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    function run(mode, action) {
        return open().then(function (db) {
            return new Promise(function (resolve, reject) {
                var tx = db.transaction(STORE, mode);
                var request = action(tx.objectStore(STORE));
                tx.oncomplete = function () {
                    db.close();
                    resolve(request ? request.result : undefined);
                };
                tx.onerror = tx.onabort = function () {
                    db.close();
                    reject(tx.error);
                };
            });
        });
    }

    function all() {
        return run("readonly", function (store) { return store.getAll(); }).then(function (entries) {
            return (entries || []).sort(function (a, b) { return a.created - b.created; });
        });
    }

    function put(entry) {
        return run("readwrite", function (store) { return store.put(entry); });
    }

    function remove(key) {
        return run("readwrite", function (store) { return store.delete(key); });
    }

    function body(entry) {
        var data = new FormData();
        Object.keys(entry.fields).forEach(function (name) {
            var value = entry.fields[name];
            if (value !== "" && value !== null && value !== undefined) data.append(name, value);
        });
        (entry.photos || []).forEach(function (photo, index) {
            data.append("photos", photo, "photo-" + (index + 1) + ".jpg");
        });
        return data;
    }

    function messages(errors) {
        var out = [];
        Object.keys(errors || {}).forEach(function (name) {
            [].concat(errors[name]).forEach(function (text) { out.push(String(text)); });
        });
        return out;
    }

    /* Send one entry. Resolves with the stored entry; rejects when it should be tried again. */
    function send(entry) {
        var headers = { "Idempotency-Key": entry.key, "Accept": "application/json", "Accept-Language": entry.language };
        if (entry.csrf) headers["X-CSRFToken"] = entry.csrf;
        return fetch(entry.api, { method: "POST", headers: headers, body: body(entry), credentials: "same-origin" })
            .then(function (response) {
                if (response.status === 429 || response.status >= 500) throw new Error("retry later");
                return response.json().catch(function () { return {}; }).then(function (data) {
                    var done = { key: entry.key, language: entry.language, created: entry.created, finished: Date.now() };
                    if (response.ok) {
                        done.state = "sent";
                        done.trackingCode = data.tracking_code;
                    } else {
                        done.state = "refused";
                        done.errors = messages(data);
                    }
                    return put(done).then(function () { return done; });
                });
            });
    }

    function sendWaiting() {
        return all().then(function (entries) {
            var now = Date.now();
            var chain = Promise.resolve();
            var failed = false;
            entries.forEach(function (entry) {
                if (entry.finished && now - entry.finished > KEEP_SENT_MS) {
                    chain = chain.then(function () { return remove(entry.key); });
                } else if (entry.state === "waiting") {
                    chain = chain.then(function () {
                        return send(entry).catch(function () { failed = true; });
                    });
                }
            });
            return chain.then(function () {
                if (failed) throw new Error("some reports are still waiting");
            });
        });
    }

    /* Send every waiting report, one sender at a time across the page and the worker. */
    function sendAll() {
        if (scope.navigator && scope.navigator.locks) {
            return scope.navigator.locks.request(LOCK, sendWaiting);
        }
        return sendWaiting();
    }

    function add(entry, state) {
        entry.state = state || "waiting";
        entry.created = Date.now();
        return put(entry);
    }

    scope.ReportQueue = { add: add, all: all, put: put, remove: remove, sendAll: sendAll, syncTag: "damkar-report-queue" };
})(self);
