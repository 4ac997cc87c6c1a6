"""The production shape under faults, through nginx (issue 12). Run by .ci/run:

    bin/stack up && .venv/bin/pytest -m stack tests/stack; bin/stack down

Each test prints its figures. The tests run in file order: the load tests
come after the quick checks, the metrics check last, as it reads their counts.
"""

import gzip
import json
import random
import re
import statistics
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .conftest import (
    NGINX,
    STAFF,
    engine,
    form_with,
    get_from,
    login,
    manage,
    new_key,
    sql,
    stack,
    staff_token,
    wait_until,
)

requests = pytest.importorskip("requests")

pytestmark = pytest.mark.stack

STAFF_EMAIL = "admin@damkar.example"
APPLICANT_EMAIL = "pemohon.demo@damkar.example"
DEMO_PASSWORD = STAFF[1]


def report(fields, key, **extra):
    return {
        **fields,
        "description": f"Stack test report {key}: smoke behind the market",
        "address": "Jl. Stack No. 1",
        **extra,
    }


class Load:
    """Reports sent by `clients` threads; each retries its report with the same
    Idempotency-Key until it is acknowledged, as the reporting app does."""

    def __init__(self, fields, count, clients, run_id=None):
        self.fields, self.count, self.clients = fields, count, clients
        self.run_id = run_id or uuid.uuid4().hex[:8]
        self.keys = [f"{new_key()}-{self.run_id}" for _ in range(count)]
        self.acked = {}
        self.statuses = Counter()
        self.server_errors = []  # (status, Retry-After) of every 5xx
        self.connection_errors = 0
        self.unexpected = []
        self.latencies = []
        self._lock = threading.Lock()
        self._next = iter(self.keys)

    def _take(self):
        with self._lock:
            return next(self._next, None)

    def _client(self):
        session = requests.Session()
        while (key := self._take()) is not None:
            payload = report(self.fields, key)
            for _attempt in range(60):
                started = time.perf_counter()
                try:
                    response = session.post(
                        f"{NGINX}/api/incidents/", json=payload, headers={"Idempotency-Key": key}, timeout=30
                    )
                except requests.RequestException:
                    with self._lock:
                        self.connection_errors += 1
                    time.sleep(0.2)
                    continue
                elapsed = time.perf_counter() - started
                with self._lock:
                    self.statuses[response.status_code] += 1
                    self.latencies.append(elapsed)
                if response.status_code in (200, 201):
                    with self._lock:
                        self.acked[key] = response.json()["tracking_code"]
                    break
                if response.status_code >= 500:
                    retry_after = response.headers.get("Retry-After")
                    with self._lock:
                        self.server_errors.append((response.status_code, retry_after))
                    # Honour Retry-After, capped so the test stays short.
                    time.sleep(min(float(retry_after or 0.2), 1.0) * random.uniform(0.5, 1.0))  # noqa: S311
                    continue
                with self._lock:
                    self.unexpected.append((response.status_code, response.text[:200]))
                break

    def run(self, during=None):
        started = time.perf_counter()
        with ThreadPoolExecutor(self.clients) as pool:
            futures = [pool.submit(self._client) for _ in range(self.clients)]
            if during:
                during(self)
            for future in futures:
                future.result()
        self.elapsed = time.perf_counter() - started
        return self

    def stored(self):
        rows = sql(
            "SELECT idempotency_key, tracking_code FROM reporting_incident WHERE description LIKE %s",
            (f"Stack test report %-{self.run_id}:%",),
        )
        return rows

    def figures(self, title):
        rows = self.stored()
        latencies = sorted(self.latencies) or [0.0]
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        keys = Counter(key for key, _code in rows)
        return (
            f"\n{title}: reports sent {self.count} at {self.clients} clients in {self.elapsed:.1f}s; "
            f"acknowledged {len(self.acked)}; stored {len(rows)}; duplicates {len(rows) - len(keys)}; "
            f"5xx {len(self.server_errors)} {dict(Counter(s for s, _ in self.server_errors))}; "
            f"connection errors {self.connection_errors}; requests {sum(self.statuses.values())}; "
            f"p50 {statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms"
        )

    def assert_each_stored_once(self):
        assert not self.unexpected, self.unexpected[:5]
        assert len(self.acked) == self.count, "every report was acknowledged after retries"
        rows = self.stored()
        stored = {}
        for key, code in rows:
            assert key not in stored, f"{key} stored twice"
            stored[key] = code
        assert stored == self.acked, "every acknowledged tracking code is stored exactly once"


def after(load, share):
    """Wait until `share` of the load is acknowledged."""
    wait_until(lambda: len(load.acked) >= load.count * share, timeout=300, step=0.05)


# --- quick checks -------------------------------------------------------------------


def test_compression_media_and_the_anonymous_page_cache(running_stack, capsys):
    page = f"{NGINX}/id/?stack={uuid.uuid4().hex}"
    first = requests.get(page, headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert first.status_code == 200
    assert first.headers["Content-Encoding"] == "gzip"
    assert "Set-Cookie" not in first.headers
    second = requests.get(page, headers={"Accept-Encoding": "gzip"}, timeout=10)
    # The second anonymous visit is answered by nginx without reaching an app server.
    assert second.headers["X-Cache-Status"] == "HIT"

    raw = requests.get(page, headers={"Accept-Encoding": "gzip"}, timeout=10, stream=True).raw.read()
    html = gzip.decompress(raw).decode()
    images = re.findall(r'src="(/media/[^"]+)"', html)
    assert images, "the home page shows images from /media/"
    image = requests.get(f"{NGINX}{images[0]}", timeout=10)
    assert image.status_code == 200
    assert image.headers["Content-Type"].startswith("image/")

    signed_in = requests.Session()
    login(signed_in, NGINX, STAFF_EMAIL, DEMO_PASSWORD)
    for _ in range(2):
        response = signed_in.get(page, timeout=10)
        assert response.headers["X-Cache-Status"] == "BYPASS"
        assert "Wagtail user bar" in response.text  # a page made for this editor, not the cached one
    with capsys.disabled():
        print(
            f"\ncompression: home {len(html)} bytes, {len(raw)} gzipped; cache: {first.headers['X-Cache-Status']}"
            f" then {second.headers['X-Cache-Status']} anonymous, BYPASS signed in; image {images[0]} 200"
        )


def _csp(header):
    return {name: set(values) for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_files_nginx_serves_carry_the_apps_policies(running_stack):
    """Static files and media come from nginx, not the app: the same CSP, Permissions-Policy and CORP."""
    page = requests.get(f"{NGINX}/id/?headers={uuid.uuid4().hex}", timeout=10)
    assert page.status_code == 200
    static = re.search(r'href="(/static/[^"]+\.css)"', page.text).group(1)
    image = re.search(r'src="(/media/[^"]+)"', page.text).group(1)
    for path, corp in ((static, "same-origin"), (image, "cross-origin"), ("/static/no-such-file.svg", "same-origin")):
        served = requests.get(f"{NGINX}{path}", timeout=10)
        assert served.headers["Cross-Origin-Resource-Policy"] == corp, path
        assert served.headers["Permissions-Policy"] == page.headers["Permissions-Policy"], path
        assert served.headers["X-Content-Type-Options"] == "nosniff", path
        app_policy, file_policy = (
            _csp(page.headers["Content-Security-Policy"]),
            _csp(served.headers["Content-Security-Policy"]),
        )
        # The app's public policy, with images from our own origin only (a file loads no map tiles).
        assert file_policy.pop("img-src") <= app_policy.pop("img-src"), path
        assert file_policy == app_policy, path
    assert page.headers["Cross-Origin-Resource-Policy"] == "same-origin"


def test_publishing_purges_the_page_from_nginx(running_stack):
    from wagtail.contrib.frontend_cache.backends import HTTPBackend

    page = f"/id/?purge={uuid.uuid4().hex}"
    cached = requests.get(f"{NGINX}{page}", timeout=10)
    again = requests.get(f"{NGINX}{page}", timeout=10)
    assert again.headers["X-Cache-Status"] == "HIT"
    assert again.headers["X-Request-ID"] == cached.headers["X-Request-ID"]  # the stored response

    # What Wagtail does on publish with FRONTEND_CACHE_PURGE_URL set.
    purge_url = engine.stack_values()["FRONTEND_CACHE_PURGE_URL"]
    HTTPBackend({"LOCATION": purge_url}).purge(f"http://{engine.HOST}{page}")

    fresh = requests.get(f"{NGINX}{page}", timeout=10)
    assert fresh.headers["X-Cache-Status"] == "HIT"
    assert fresh.headers["X-Request-ID"] != cached.headers["X-Request-ID"], "a fresh copy replaced the old one"


def test_a_protected_document_reaches_its_applicant_only(running_stack):
    row = sql(
        "SELECT d.id, d.request_id FROM inspections_inspectiondocument d "
        "JOIN inspections_inspectionrequest r ON r.id = d.request_id "
        "JOIN auth_user u ON u.id = r.applicant_id WHERE u.email = %s ORDER BY d.id LIMIT 1",
        (APPLICANT_EMAIL,),
    )
    assert row, "the demo seed has an applicant with a document"
    document, request = row[0]
    url = f"{NGINX}/id/inspections/mine/{request}/documents/{document}/"
    file_name = sql("SELECT file FROM inspections_inspectiondocument WHERE id = %s", (document,))[0][0]

    # Straight from /media/ it is never served.
    assert requests.get(f"{NGINX}/media/{file_name}", timeout=10).status_code == 404

    other_email = f"other-{uuid.uuid4().hex[:8]}@damkar.example"
    manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; from allauth.account.models import EmailAddress; "
        f"u = get_user_model().objects.create_user(username='{other_email}', email='{other_email}', "
        f"password='{DEMO_PASSWORD}'); "
        f"EmailAddress.objects.create(user=u, email='{other_email}', verified=True, primary=True)",
    )
    stranger = requests.Session()
    login(stranger, NGINX, other_email, DEMO_PASSWORD)
    refused = stranger.get(url, timeout=10)
    assert refused.status_code in (403, 404)
    assert not refused.content.startswith(b"%PDF")

    applicant = requests.Session()
    login(applicant, NGINX, APPLICANT_EMAIL, DEMO_PASSWORD)
    served = applicant.get(url, timeout=10)
    assert served.status_code == 200
    assert served.content.startswith(b"%PDF")  # sent by nginx through X-Accel-Redirect
    assert served.headers["Content-Disposition"].startswith("attachment")


def test_a_new_phone_number_shows_on_both_app_servers_within_a_second(running_stack, capsys):
    app1 = f"http://{engine.HOST}:{engine.PORTS['app1']}"
    app2 = f"http://{engine.HOST}:{engine.PORTS['app2']}"
    for base in (app1, app2):  # both have the site shell cached
        assert requests.get(f"{base}/id/", timeout=10).status_code == 200

    staff = requests.Session()
    login(staff, app1, STAFF_EMAIL, DEMO_PASSWORD)
    site_id = sql("SELECT id FROM wagtailcore_site WHERE is_default_site LIMIT 1")[0][0]
    edit = f"{app1}/admin/settings/home/departmentsettings/{site_id}/"
    page = staff.get(edit, timeout=10)
    assert page.status_code == 200
    form = form_with(page.text, "main_phone")
    phone = f"0741-{random.randint(100000, 999999)}"  # noqa: S311
    fields = [[name, phone if name == "main_phone" else value] for name, value in form["fields"]]
    saved = staff.post(edit, data=fields, headers={"Referer": edit}, timeout=10, allow_redirects=False)
    assert saved.status_code == 302, saved.text[:1000]
    changed = time.monotonic()

    seen = wait_until(lambda: phone in requests.get(f"{app2}/id/", timeout=5).text, timeout=1.0, step=0.05)
    delay = time.monotonic() - changed
    assert seen, "the other app server shows the new number within a second"
    assert phone in requests.get(f"{app1}/id/", timeout=5).text
    with capsys.disabled():
        print(f"\nshared cache: phone changed on app1, seen on app2 after {delay * 1000:.0f} ms")


def maildir_messages(address):
    found = []
    for path in (engine.STATE / "mail" / "new").glob("*"):
        text = path.read_text(errors="replace")
        if address in text:
            found.append(text)
    return found


def test_a_status_change_reaches_the_reporter_through_the_worker(running_stack, report_fields, capsys):
    address = f"pelapor-{uuid.uuid4().hex[:8]}@example.test"
    created = requests.post(
        f"{NGINX}/api/incidents/",
        json=report(report_fields, new_key(), reporter_email=address),
        headers={"Idempotency-Key": new_key()},
        timeout=10,
    )
    assert created.status_code == 201, created.text
    pk = sql("SELECT id FROM reporting_incident WHERE tracking_code = %s", (created.json()["tracking_code"],))[0][0]

    stack("stop", "worker")
    request_id = f"stacktest-{uuid.uuid4().hex}"
    token = staff_token()
    moved = requests.post(
        f"{NGINX}/api/incidents/{pk}/transition/",
        json={"target": "verified", "public_note": "Petugas sedang memeriksa."},
        headers={"Authorization": f"Token {token}", "X-Request-ID": request_id},
        timeout=10,
    )
    assert moved.status_code == 200, moved.text
    assert moved.headers["X-Request-ID"] == request_id
    time.sleep(3)
    assert not maildir_messages(address), "no worker, no email yet"
    waiting = sql("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status = 'READY'")[0][0]
    assert waiting >= 1, "the email waits in the queue"

    stopped_for = time.monotonic()
    stack("start", "worker")
    mails = wait_until(lambda: maildir_messages(address), timeout=60, step=0.5)
    assert mails, "the email arrives once the worker is back"
    assert len(mails) == 1
    delivered = time.monotonic() - stopped_for

    # The request id from nginx's header is on the app's and the worker's log lines.
    logs = engine.LOGS
    app_lines = [
        json.loads(line)
        for name in ("app1.log", "app2.log")
        for line in (logs / name).read_text(errors="replace").splitlines()
        if request_id in line and line.startswith("{")
    ]
    worker_lines = [
        json.loads(line)
        for line in (logs / "worker.log").read_text(errors="replace").splitlines()
        if request_id in line and line.startswith("{")
    ]
    assert any(line["request_id"] == request_id for line in app_lines)
    assert any(line["request_id"] == request_id and line["message"] == "task started" for line in worker_lines)
    with capsys.disabled():
        print(
            f"\nworker: {waiting} task(s) waited while it was stopped; email delivered {delivered:.1f}s after restart"
        )


# --- faults under load --------------------------------------------------------------


def test_reports_survive_an_app_server_killed_under_load(running_stack, report_fields, capsys):
    def kill_and_restore(load):
        after(load, 0.25)
        stack("kill", "app2")
        time.sleep(3)
        stack("start", "app2")

    load = Load(report_fields, count=2000, clients=32).run(during=kill_and_restore)
    with capsys.disabled():
        print(load.figures("app server killed (SIGKILL) and restarted"))
    load.assert_each_stored_once()
    # Any 5xx (a request in flight on the killed server) was turned into the
    # stored report by a retry with the same key.
    assert all(status in (502, 503, 504) for status, _ in load.server_errors)


def test_a_redis_outage_is_not_an_outage(running_stack, report_fields, capsys):
    pages = Counter()

    def stop_redis_for_ten_seconds(load):
        after(load, 0.1)
        stack("stop", "redis")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            # Fresh URLs, so the app servers render them without the cache.
            # Slower without the cache on a busy machine, but served.
            response = requests.get(f"{NGINX}/id/?outage={uuid.uuid4().hex}", timeout=60)
            pages[response.status_code] += 1
        stack("start", "redis")

    load = Load(report_fields, count=400, clients=8).run(during=stop_redis_for_ten_seconds)
    with capsys.disabled():
        print(load.figures("redis stopped for 10 s") + f"; pages during the outage {dict(pages)}")
    assert set(pages) == {200}
    assert not load.server_errors
    load.assert_each_stored_once()


def test_a_postgres_restart_answers_a_clean_503_and_loses_nothing(running_stack, report_fields, capsys):
    def restart_postgres(load):
        after(load, 0.2)
        stack("stop", "postgres")
        time.sleep(3)
        stack("start", "postgres")

    load = Load(report_fields, count=400, clients=16).run(during=restart_postgres)
    with capsys.disabled():
        print(load.figures("postgres restarted"))
    refused = [retry_after for status, retry_after in load.server_errors if status == 503]
    assert refused, "requests during the restart were refused with a 503"
    assert all(refused), "every 503 says Retry-After"
    # Never a server error page; a rare proxy-level 502 is retried like any other.
    assert all(status in (502, 503, 504) for status, _ in load.server_errors)
    load.assert_each_stored_once()
    stack("start", "worker")  # the worker may have given up while the database was away


def test_metrics_show_the_reports_to_the_monitoring_network_only(running_stack, capsys):
    status, _ = get_from("127.0.0.1", "/metrics")
    assert status == 403
    status, body = get_from("127.0.0.2", "/metrics")
    assert status == 200
    received = sum(
        float(value) for value in re.findall(r'^portal_reports_received_total\{source="[^"]+"\} (\S+)$', body, re.M)
    )
    stored = sql("SELECT count(*) FROM reporting_incident")[0][0]
    assert received == stored >= 2800
    assert re.search(r"^portal_incident_first_dispatch_seconds_count \S+$", body, re.M)
    assert "portal_task_queue_depth" in body
    assert re.search(r"^django_http_requests_total_by_method_total\{", body, re.M)
    with capsys.disabled():
        print(f"\nmetrics: portal_reports_received_total {received:.0f} (stored {stored}); 403 outside 127.0.0.2")


def test_nothing_private_is_in_the_page_cache(running_stack):
    cache = Path(engine.STATE / "nginx" / "cache")
    for path in cache.rglob("*"):
        if path.is_file():
            head = path.read_bytes()[:4096]
            assert b"Set-Cookie" not in head
            assert b"sessionid" not in head
