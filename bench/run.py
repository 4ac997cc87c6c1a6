"""The portal's benchmark: gunicorn with production settings on a seeded
database, loaded over loopback with wrk, one URL at a time.

    bin/bench                                   # SQLite file, 10 s per URL
    bin/bench --database postgres --json out.json --incidents 10000
    bin/bench --seconds 20 --only home

For every URL it prints requests/s, p50/p99 latency, queries per request (of an
uncached request), and the CPU time the gunicorn processes spent per request,
with its ratio to a trivial Django view measured in the same run. CPU per
request is the robust figure on a shared machine: wrk and other work on the
same cores change requests/s and latency, not the CPU a request costs.

Public pages are measured twice: as cache hits (an anonymous visitor) and
uncached (a visitor carrying a cookie that bypasses the page cache, so the
page is built from scratch every time). Nothing is asserted, and the table is
printed even when a URL fails or the server is slow to stop.
"""

import argparse
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
TICKS = os.sysconf("SC_CLK_TCK")
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--database-url", help=f"PostgreSQL URL (default {POSTGRES_URL} or BENCH_DATABASE_URL)")
    parser.add_argument("--incidents", type=int, default=0, metavar="N", help="seed N extra incidents first")
    parser.add_argument("--scale", type=int, default=1, metavar="K", help="seed K times the demo articles")
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", "10")))
    parser.add_argument("--connections", type=int, default=int(os.environ.get("BENCH_CONNECTIONS", "16")))
    parser.add_argument("--post-connections", type=int, default=32, help="clients for report submission")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", "4")))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8800")))
    parser.add_argument("--only", help="only URLs whose name contains this text (the trivial view always runs)")
    parser.add_argument("--no-seed", action="store_true", help="reuse the database of the previous run")
    return parser.parse_args(argv)


def run(args, env, **kwargs):
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


def database_url(options):
    if options.database == "postgres":
        return options.database_url or os.environ.get("BENCH_DATABASE_URL") or POSTGRES_URL
    return f"sqlite:///{DATA / 'bench.sqlite3'}"


def prepare(env, options):
    if options.database == "sqlite" and not options.no_seed and DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir(parents=True, exist_ok=True)
    if options.database == "postgres" and not options.no_seed:
        recreate_postgres(env["DATABASE_URL"])
    print("==> migrate, seed_demo, collectstatic", flush=True)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    if not options.no_seed:
        # seed_demo refuses production settings: seed the same database with dev settings.
        seed_env = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
        run([PYTHON, "manage.py", "seed_demo"], seed_env, stdout=subprocess.DEVNULL)
        if options.incidents or options.scale > 1:
            print(f"==> seeding {options.incidents} incidents, articles x{options.scale}", flush=True)
            seed = [PYTHON, "bench/seed.py", f"--incidents={options.incidents}", f"--scale={options.scale}"]
            run(seed, seed_env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)


def recreate_postgres(url):
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    code = (
        "import sys, psycopg; c = psycopg.connect(sys.argv[1], autocommit=True); "
        "c.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\" WITH (FORCE)'); "
        "c.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')"
    )
    subprocess.run([PYTHON, "-c", code, server, name], check=True)  # noqa: S603


def start_gunicorn(env, options):
    args = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "portal.wsgi:application",
        f"--bind=127.0.0.1:{options.port}",
        f"--workers={options.workers}",
        "--worker-class=gthread",
        f"--threads={options.threads}",
        "--keep-alive=5",
        "--log-level=warning",
    ]
    server = subprocess.Popen(args, cwd=ROOT, env=env)  # noqa: S603
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{options.port}/healthz", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    stop(server)
    raise SystemExit("gunicorn did not become healthy")


def stop(server, grace=60):
    """Stop gunicorn; a slow shutdown is reported, never fatal (the table matters more)."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        print(f"warning: gunicorn took more than {grace}s to stop; killing it", file=sys.stderr, flush=True)
        server.kill()
        server.wait()


def cpu_seconds(master_pid):
    """User + system CPU of the gunicorn master and its workers, in seconds."""
    pids = [master_pid]
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
        pids += [int(pid) for pid in children]
    except OSError:
        pass
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a worker that just exited
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


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


def load(target, options, server):
    url = f"http://127.0.0.1:{options.port}{target['path']}"
    connections = options.post_connections if target.get("method") == "POST" else options.connections
    args = ["wrk", "-t2", f"-c{connections}", f"-d{options.seconds}s", "--timeout", "5s", "--latency"]
    if target.get("method") == "POST":
        script = DATA / "post.lua"
        keys_file = DATA / "accepted-keys.txt"
        script.write_text(LUA_POST % {"body": json.dumps(target["body"]), "key": target["key"], "keys_file": keys_file})
        args += ["-s", str(script)]
    else:
        args += ["-H", "Accept-Language: id"]
    for name, value in target.get("headers", {}).items():
        args += ["-H", f"{name}: {value}"]
    before = cpu_seconds(server.pid)
    output = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    cpu = cpu_seconds(server.pid) - before
    result = parse_wrk(output)
    result["connections"] = connections
    result["cpu_ms"] = 1000 * cpu / result["requests"] if result["requests"] else None
    return result


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
        "p50_ms": _ms(*p50.groups()) if p50 else None,
        "p99_ms": _ms(*p99.groups()) if p99 else None,
        "requests": total,
        "non_2xx": int(bad.group(1)) if bad else 0,
        "timeouts": int(errors.group(1)) if errors else 0,
    }


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


def main(argv=None):
    options = parse_args(sys.argv[1:] if argv is None else argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url(options),
        "STATIC_ROOT": str(DATA / "static"),
        "MEDIA_ROOT": str(DATA / "media"),
        # The benchmark measures the pages, not the abuse limits.
        "THROTTLE_ANON": "1000000/min",
        "THROTTLE_INCIDENT_CREATE": "1000000/min",
        "THROTTLE_TRACKING": "1000000/min",
    }
    prepare(env, options)
    listed = run([PYTHON, "bench/targets.py"], env, capture_output=True, text=True).stdout
    targets = json.loads(listed)
    if options.only:
        targets = [t for t in targets if t["path"] == "/bench/trivial" or options.only in t["name"]]
    results = []
    server = start_gunicorn(env, options)
    try:
        for target in targets:
            print(f"==> {target['name']}: {target.get('method', 'GET')} {target['path']}", flush=True)
            try:
                result = load(target, options, server)
                if target.get("method") == "POST":
                    result["accepted"], result["stored"] = check_stored(env, target)
            except Exception as error:  # noqa: BLE001 - one failing URL never costs the table
                print(f"    failed: {error}", file=sys.stderr, flush=True)
                result = {"error": str(error)}
            results.append((target, result))
    except KeyboardInterrupt:
        print("interrupted: printing what was measured", file=sys.stderr)
    finally:
        stop(server)
        report(results, options)


def report(results, options):
    trivial = next((r for t, r in results if t["path"] == "/bench/trivial" and r.get("cpu_ms")), None)
    rows = []
    for target, r in results:
        row = {
            "name": target["name"],
            "method": target.get("method", "GET"),
            "path": target["path"],
            "queries": target.get("queries"),
            "status": target.get("status"),
            **r,
        }
        if trivial and r.get("cpu_ms") is not None:
            row["cpu_vs_trivial"] = r["cpu_ms"] / trivial["cpu_ms"]
        rows.append(row)
    print()
    print(
        f"{options.database}, gunicorn {options.workers} workers x {options.threads} threads, wrk 2 threads, "
        f"{options.connections} connections ({options.post_connections} for POST), {options.seconds}s per URL"
    )
    header = (
        f"{'URL':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>8} "
        f"{'CPU ms':>8} {'x trivial':>9} {'non-2xx':>8}"
    )
    print(header)
    print("-" * len(header))

    def fmt(value, spec, width=8):
        return (format(value, spec) if value is not None else "-").rjust(width)

    for row in rows:
        if "error" in row:
            print(f"{row['name']:<34} failed: {row['error'][:60]}")
            continue
        print(
            f"{row['name']:<34} {row['rps']:>8.0f} {fmt(row['p50_ms'], '.1f')} {fmt(row['p99_ms'], '.1f')} "
            f"{fmt(row['queries'], '')} {fmt(row['cpu_ms'], '.2f')} {fmt(row.get('cpu_vs_trivial'), '.1f', 9)} "
            f"{row['non_2xx']:>8}"
        )
    for row in rows:
        if "stored" in row:
            lost = row["accepted"] - row["stored"]
            verdict = "nothing lost" if lost == 0 else f"LOST {lost}"
            print(f"{row['name']}: {row['accepted']} accepted, {row['stored']} of them in the database: {verdict}")
    if options.json:
        meta = {k: v for k, v in vars(options).items() if k != "json"}
        Path(options.json).write_text(json.dumps({"options": meta, "results": rows}, indent=2))
        print(f"figures written to {options.json}")


if __name__ == "__main__":
    sys.exit(main())
