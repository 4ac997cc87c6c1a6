/*
 * The service worker, served at /sw.js by portal.webapp.service_worker, which puts
 * its configuration first: self.PORTAL_SW = {version, shell, pages, offline,
 * defaultLanguage, staticUrl, bypass, queueScript, reportPages, api}.
 *
 * - Static files (the shell: CSS, JS, logo, icons): cache first; their names
 *   are hashed in production, so a new file is a new URL.
 * - Pages: network first; the report form, the offline page and pages the server
 *   marks public are kept for use without a connection. Without a connection a
 *   page not kept shows the offline page of its language (with "Call 112").
 * - Background Sync "damkar-report-queue": sends the reports kept on the device
 *   (static/js/report-queue.js) when the connection returns, even with the page closed.
 * - A report form whose post fails for want of a network is kept (postOrKeep).
 * The back office, accounts, APIs and media are left to the network untouched.
 */
/* global ReportQueue */
"use strict";

var config = self.PORTAL_SW;
importScripts(config.queueScript);

var SHELL_CACHE = "damkar-shell-" + config.version;
var PAGE_CACHE = "damkar-pages-" + config.version;

self.addEventListener("install", function (event) {
    event.waitUntil(
        Promise.all([
            caches.open(SHELL_CACHE).then(function (cache) { return cache.addAll(config.shell); }),
            caches.open(PAGE_CACHE).then(function (cache) {
                // One by one: a page that fails must not stop the others from being kept.
                return Promise.all(config.pages.map(function (url) {
                    return cache.add(new Request(url, { credentials: "same-origin" })).catch(function () {});
                }));
            }),
        ]).then(function () { return self.skipWaiting(); })
    );
});

self.addEventListener("activate", function (event) {
    event.waitUntil(
        caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name.indexOf("damkar-") === 0 && name !== SHELL_CACHE && name !== PAGE_CACHE;
            }).map(function (name) { return caches.delete(name); }));
        }).then(function () { return self.clients.claim(); })
    );
});

function bypassed(path) {
    return config.bypass.some(function (prefix) { return path.indexOf(prefix) === 0; });
}

function kept(path) {
    return config.pages.indexOf(path) !== -1;
}

function publicPage(response) {
    var policy = response.headers.get("Cache-Control") || "";
    return /\bpublic\b/.test(policy) && !/no-store|private/.test(policy);
}

function offlinePage(path) {
    var language = path.split("/")[1];
    return config.offline[language] || config.offline[config.defaultLanguage];
}

function cacheFirst(request) {
    return caches.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
            if (response.ok && response.type === "basic") {
                var copy = response.clone();
                caches.open(SHELL_CACHE).then(function (cache) { cache.put(request, copy); });
            }
            return response;
        });
    });
}

function networkFirst(request, url) {
    return fetch(request).then(function (response) {
        if (response.ok && response.type === "basic" && !response.redirected &&
            (kept(url.pathname) || publicPage(response))) {
            var copy = response.clone();
            caches.open(PAGE_CACHE).then(function (cache) { cache.put(url.pathname + url.search, copy); });
        }
        return response;
    }).catch(function () {
        var options = { ignoreVary: true };
        return caches.match(url.pathname + url.search, options).then(function (hit) {
            return hit || caches.match(url.pathname, options);
        }).then(function (hit) {
            return hit || caches.match(offlinePage(url.pathname), options);
        }).then(function (hit) {
            return hit || Response.error();
        });
    });
}

/*
 * A report form posted while the device thinks it is online but the post fails (weak
 * signal): keep what was typed, unprepared (the page maps its choices to the API's
 * codes and makes its photos smaller on its next load), and go back to the form.
 */
function postOrKeep(request, url) {
    var copy = request.clone();
    return fetch(request).catch(function () {
        return copy.formData().then(function (data) {
            if (data.get("website")) return;  // the honeypot: the server drops these, and so do we
            var fields = {};
            data.forEach(function (value, name) {
                if (typeof value === "string") fields[name] = value;
            });
            var photos = data.getAll("photos").filter(function (file) {
                return typeof file !== "string" && file.size;
            });
            return ReportQueue.add({
                key: self.crypto.randomUUID(),
                language: url.pathname.split("/")[1],
                api: config.api,
                csrf: fields.csrfmiddlewaretoken || "",
                fields: fields,
                photos: photos,
            }, "unprepared");
        }).then(function () {
            // To the form by GET (as the Web Share Target pattern does): reloading it must not post again.
            return Response.redirect(url.pathname, 303);
        });
    });
}

self.addEventListener("fetch", function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin || bypassed(url.pathname)) return;
    if (request.method === "POST" && request.mode === "navigate" && config.reportPages.indexOf(url.pathname) !== -1) {
        event.respondWith(postOrKeep(request, url));
        return;
    }
    if (request.method !== "GET") return;
    if (url.pathname.indexOf(config.staticUrl) === 0) {
        event.respondWith(cacheFirst(request));
    } else if (request.mode === "navigate") {
        event.respondWith(networkFirst(request, url));
    }
});

function tellPages() {
    return self.clients.matchAll({ type: "window" }).then(function (pages) {
        pages.forEach(function (page) { page.postMessage({ type: "report-queue" }); });
    });
}

self.addEventListener("sync", function (event) {
    if (event.tag !== ReportQueue.syncTag) return;
    // A rejection makes the browser try the sync again later.
    event.waitUntil(ReportQueue.sendAll().then(tellPages, function (error) {
        return tellPages().then(function () { throw error; });
    }));
});
