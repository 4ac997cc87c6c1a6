/* The dispatch board: polls its feed with If-None-Match, redraws rows and map,
   runs each response clock, and announces new reports (flash, sound, notification). */
(function () {
    "use strict";

    function json(id) {
        var node = document.getElementById(id);
        return node ? JSON.parse(node.textContent) : null;
    }

    function csrf() {
        var config = json("wagtail-config");
        if (config && config.CSRF_TOKEN) return config.CSRF_TOKEN;
        var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return match ? decodeURIComponent(match[1]) : "";
    }

    function pad(n) { return (n < 10 ? "0" : "") + n; }

    function duration(ms) {
        var s = Math.max(0, Math.floor(ms / 1000));
        var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
        return (h ? h + ":" + pad(m) : m) + ":" + pad(s % 60);
    }

    function Board(root) {
        this.root = root;
        this.ds = root.dataset;
        this.tbody = root.querySelector("[data-board-rows]");
        this.status = root.querySelector("[data-board-status]");
        this.targetMs = parseInt(this.ds.targetMinutes, 10) * 60000;
        this.pollMs = parseInt(this.ds.pollSeconds, 10) * 1000;
        this.etag = null;
        this.offset = 0; // server clock minus this device's clock
        this.rows = json("dispatch-board-rows") || [];
        this.known = {};
        this.rows.forEach(function (row) { this.known[row.id] = true; }, this);
        this.audio = null;
        this.setUpAlerts();
        this.setUpMap(json("dispatch-board-stations") || []);
        this.render(this.rows, []);
        window.setInterval(this.tick.bind(this), 1000);
        this.schedule(0);
    }

    Board.prototype.schedule = function (delay) {
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(this.poll.bind(this), delay);
    };

    Board.prototype.poll = function () {
        var board = this;
        var headers = { Accept: "application/json" };
        if (board.etag) headers["If-None-Match"] = board.etag;
        fetch(board.ds.feedUrl, { headers: headers, cache: "no-store", credentials: "same-origin" })
            .then(function (response) {
                var date = response.headers.get("Date");
                if (date) board.offset = Date.parse(date) - Date.now();
                if (response.status === 304) return null;
                if (!response.ok) throw new Error(response.status);
                board.etag = response.headers.get("ETag");
                return response.json();
            })
            .then(function (data) {
                if (data) board.update(data.incidents);
                board.root.classList.remove("dispatch-board--stale");
            })
            .catch(function () {
                board.root.classList.add("dispatch-board--stale");
                board.status.textContent = board.ds.labelFailed;
            })
            .then(function () { board.schedule(board.pollMs); });
    };

    Board.prototype.update = function (rows) {
        var fresh = rows.filter(function (row) { return !this.known[row.id]; }, this);
        rows.forEach(function (row) { this.known[row.id] = true; }, this);
        this.rows = rows;
        this.render(rows, fresh.map(function (row) { return row.id; }));
        if (fresh.length) this.announce(fresh);
    };

    Board.prototype.render = function (rows, freshIds) {
        var board = this;
        var body = document.createElement("tbody");
        body.setAttribute("data-board-rows", "");
        if (!rows.length) {
            var empty = body.insertRow();
            var cell = empty.insertCell();
            cell.colSpan = 8;
            cell.textContent = board.ds.labelNone;
        }
        rows.forEach(function (row) {
            var tr = body.insertRow();
            tr.dataset.id = row.id;
            if (freshIds.indexOf(row.id) !== -1) tr.className = "dispatch-board__row--new";
            var codeCell = tr.insertCell();
            codeCell.className = "dispatch-board__code";
            var code = document.createElement("a");
            code.href = row.url;
            code.textContent = row.code;
            codeCell.appendChild(code);
            var tag = document.createElement("span");
            tag.className = "incident-status incident-status--" + row.status;
            tag.textContent = row.status_label;
            tr.insertCell().appendChild(tag);
            var clock = tr.insertCell();
            clock.className = "dispatch-board__clock";
            clock.dataset.received = row.received_at;
            clock.dataset.onScene = row.on_scene_at || "";
            clock.dataset.running = row.clock_running ? "1" : "0";
            var actions = tr.insertCell();
            actions.className = "dispatch-board__moves";
            row.moves.forEach(function (move) {
                var button = document.createElement("button");
                button.type = "button";
                button.className = "button button-small";
                button.textContent = move.label;
                button.addEventListener("click", function () { board.move(row, move, button); });
                actions.appendChild(button);
            });
            var open = document.createElement("a");
            open.href = row.url;
            open.className = "button button-small button-secondary";
            open.textContent = board.ds.labelOpen;
            actions.appendChild(open);
            tr.insertCell().textContent = row.category;
            tr.insertCell().textContent = row.kecamatan;
            tr.insertCell().textContent = row.station || (row.suggested ? row.suggested.name : "");
            var time = document.createElement("time");
            time.dateTime = row.received_at;
            time.textContent = row.received_time;
            tr.insertCell().appendChild(time);
        });
        board.tbody.replaceWith(body);
        board.tbody = body;
        board.tick();
        board.drawIncidents(rows);
        var waiting = rows.filter(function (row) { return row.status === "received"; }).length;
        document.title = document.title.replace(/^\(\d+\) /, "");
        if (waiting) document.title = "(" + waiting + ") " + document.title;
    };

    Board.prototype.tick = function () {
        var now = Date.now() + this.offset, target = this.targetMs;
        Array.prototype.forEach.call(this.tbody.querySelectorAll(".dispatch-board__clock"), function (cell) {
            var start = Date.parse(cell.dataset.received);
            var end = cell.dataset.running === "1" ? now : Date.parse(cell.dataset.onScene);
            if (isNaN(end)) { cell.textContent = "–"; return; }
            var elapsed = end - start;
            cell.textContent = duration(elapsed);
            cell.classList.toggle("dispatch-board__clock--late", elapsed >= target);
            cell.classList.toggle("dispatch-board__clock--near", elapsed < target && elapsed >= target - 5 * 60000);
        });
    };

    Board.prototype.move = function (row, move, button) {
        var board = this;
        var payload = { target: move.target };
        if (move.target === "dispatched" && row.suggested) payload.station = row.suggested.id;
        button.disabled = true;
        fetch(row.transition_url, {
            method: "POST",
            credentials: "same-origin",
            headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf() },
            body: JSON.stringify(payload)
        }).then(function (response) {
            if (!response.ok) throw new Error(response.status);
        }).catch(function () {
            board.status.textContent = board.ds.labelMoveFailed;
            button.disabled = false;
        }).then(function () { board.schedule(0); });
    };

    Board.prototype.setUpAlerts = function () {
        var board = this;
        var button = board.root.querySelector("[data-board-alerts]");
        if (!button) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            var Context = window.AudioContext || window.webkitAudioContext;
            if (Context && !board.audio) board.audio = new Context();
            if (board.audio) board.audio.resume();
            if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
            button.hidden = true;
        });
    };

    Board.prototype.announce = function (fresh) {
        var label = this.ds.labelNew;
        this.status.textContent = label + ": " + fresh.map(function (row) { return row.code; }).join(", ");
        if (this.audio) {
            var osc = this.audio.createOscillator(), gain = this.audio.createGain();
            osc.frequency.value = 880;
            gain.gain.value = 0.2;
            osc.connect(gain).connect(this.audio.destination);
            osc.start();
            osc.stop(this.audio.currentTime + 0.4);
        }
        if ("Notification" in window && Notification.permission === "granted") {
            fresh.forEach(function (row) {
                new Notification(label + " " + row.code, { body: row.category + " · " + row.kecamatan, tag: row.code });
            });
        }
    };

    Board.prototype.setUpMap = function (stations) {
        var box = this.root.querySelector("[data-board-map]");
        if (!box || !window.L) return;
        var center = this.ds.center.split(",").map(parseFloat);
        this.map = L.map(box).setView(center, 12);
        L.tileLayer(this.ds.tileUrl, { maxZoom: 19, attribution: this.ds.attribution }).addTo(this.map);
        stations.forEach(function (s) {
            L.circleMarker([s.lat, s.lon], { radius: 7, color: "#1b6e36", weight: 2 }).addTo(this.map).bindTooltip(s.name);
        }, this);
        this.layer = L.layerGroup().addTo(this.map);
    };

    Board.prototype.drawIncidents = function (rows) {
        if (!this.layer) return;
        this.layer.clearLayers();
        rows.forEach(function (row) {
            if (row.lat === null) return;
            L.circleMarker([row.lat, row.lon], { radius: 9, color: "#a61b1b", fillOpacity: 0.6 })
                .addTo(this.layer)
                .bindTooltip(row.code + " · " + row.category);
        }, this);
    };

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-board]"), function (root) { new Board(root); });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
