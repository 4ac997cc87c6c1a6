"""The portal's benchmark: gunicorn with production settings on a seeded
database, loaded over loopback with wrk, one URL at a time.

    bin/bench                      # SQLite file, 10 s per URL
    BENCH_SECONDS=20 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench bin/bench

Prints, for each URL: requests/s, p50 and p99 latency, queries per request and
throughput relative to a trivial Django view measured in the same run. Nothing
is asserted: the figures are for people to read and compare.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
PORT = int(os.environ.get("BENCH_PORT", "8800"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 2) * 2)))


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def prepare(env):
    fresh = "BENCH_DATABASE_URL" not in os.environ
    if fresh and DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True, exist_ok=True)
    print("==> migrate, seed_demo, collectstatic", flush=True)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    # seed_demo refuses production settings: seed the same database with dev settings.
    seed_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    run([PYTHON, "manage.py", "seed_demo"], seed_env, stdout=subprocess.DEVNULL)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)


def start_gunicorn(env):
    args = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "portal.wsgi:application",
        f"--bind=127.0.0.1:{PORT}",
        f"--workers={WORKERS}",
        "--worker-class=gthread",
        "--threads=2",
        "--keep-alive=5",
        "--log-level=warning",
    ]
    server = subprocess.Popen(args, cwd=ROOT, env=env)  # noqa: S603
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not become healthy")


# POSTs a JSON body with a unique marker per request; every accepted response's
# key (e.g. the tracking code) is collected and written out, so that the run can
# prove each accepted submission is in the database.
LUA_POST = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept-Language"] = "id"
local template = [[%(body)s]]
local counter = 0
accepted = ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  local body = string.gsub(template, "{{n}}", tostring(counter) .. "-" .. tostring(math.random(1, 1000000000)))
  return wrk.format(nil, nil, nil, body)
end

response = function(status, headers, body)
  if status >= 200 and status < 300 then
    local key = string.match(body, '"%(key)s"%%s*:%%s*"([^"]+)"')
    if key then accepted = accepted .. key .. "\\n" end
  end
end

function done(summary, latency, requests)
  local out = io.open("%(keys_file)s", "w")
  for _, thread in ipairs(threads) do out:write(thread:get("accepted")) end
  out:close()
end
"""


def load(target):
    url = f"http://127.0.0.1:{PORT}{target['path']}"
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "5s", "--latency"]
    if target.get("method") == "POST":
        script = DATA / "post.lua"
        keys_file = DATA / "accepted-keys.txt"
        script.write_text(LUA_POST % {"body": json.dumps(target["body"]), "key": target["key"], "keys_file": keys_file})
        args += ["-s", str(script)]
    else:
        args += ["-H", "Accept-Language: id"]
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    return parse_wrk(output)


def _ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(output):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+)(us|ms|s)", output)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", output)
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: .*?timeout (\d+)", output)
    return {
        "rps": rps,
        "p50": _ms(*p50.groups()),
        "p99": _ms(*p99.groups()),
        "requests": total,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "timeouts": int(errors.group(1)) if errors else 0,
    }


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DATA / 'bench.sqlite3'}"),
        "STATIC_ROOT": str(DATA / "static"),
        "MEDIA_ROOT": str(DATA / "media"),
        # The benchmark measures the pages, not the abuse limits.
        "THROTTLE_ANON": "1000000/min",
        "THROTTLE_INCIDENT_CREATE": "1000000/min",
        "THROTTLE_TRACKING": "1000000/min",
    }
    prepare(env)
    targets = json.loads(run([PYTHON, "bench/targets.py"], env, capture_output=True, text=True).stdout)
    server = start_gunicorn(env)
    results = []
    try:
        for target in targets:
            print(f"==> {target['name']}: {target.get('method', 'GET')} {target['path']}", flush=True)
            result = load(target)
            if target.get("method") == "POST":
                result["stored"] = check_stored(env, target)
            results.append((target, result))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report(results)


def check_stored(env, target):
    """(accepted, found): how many accepted submissions the database really holds."""
    keys = [k for k in (DATA / "accepted-keys.txt").read_text().split() if k]
    model, field = target["count_model"], target["key"]
    code = (
        "import json, sys, django; django.setup(); from django.apps import apps; "
        f"keys = json.load(sys.stdin); print(apps.get_model({model!r}).objects.filter({field}__in=keys).count())"
    )
    found = run([PYTHON, "-c", code], env, input=json.dumps(keys), capture_output=True, text=True).stdout
    return len(keys), int(found)


def report(results):
    trivial = next((r for t, r in results if t["path"] == "/bench/trivial"), None)
    print()
    print(f"gunicorn {WORKERS} workers x 2 threads, wrk 2 threads, {CONNECTIONS} connections, {SECONDS}s per URL")
    header = f"{'URL':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} {'vs trivial':>10} {'non-2xx':>8}"
    print(header)
    print("-" * len(header))
    for target, r in results:
        ratio = r["rps"] / trivial["rps"] if trivial else 0
        print(
            f"{target['name']:<34} {r['rps']:>8.0f} {r['p50']:>8.1f} {r['p99']:>8.1f} "
            f"{target['queries']:>8} {ratio:>10.2f} {r['non_2xx']:>8}"
        )
    for target, r in results:
        if "stored" in r:
            accepted, found = r["stored"]
            verdict = "nothing lost" if accepted == found else f"LOST {accepted - found}"
            print(f"{target['name']}: {accepted} accepted, {found} of them in the database: {verdict}")


if __name__ == "__main__":
    sys.exit(main())
