"""The production shape on one machine: the engine behind `bin/stack`.

    bin/stack up | down | status
    bin/stack start|stop|kill|restart PART     (for fault tests: app1, app2, redis, postgres, worker, …)
    bin/stack env                              (print the environment the app runs with)

Everything lives under .stack/ in the checkout: a private PostgreSQL cluster
and a private Redis (so faults can be injected without touching the machine's
shared servers), nginx from Debian's package run with its own prefix, two
gunicorn app servers, the db_worker and an aiosmtpd sink writing a Maildir.
Each part has a pid file; `down` stops only what has one.
"""

import argparse
import contextlib
import hashlib
import os
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STATE = ROOT / ".stack"
RUN, LOGS = STATE / "run", STATE / "logs"
VENV = ROOT / ".venv" / "bin"


def _pg_bin():
    """Debian's newest installed PostgreSQL (STACK_PG_BIN overrides)."""
    if os.environ.get("STACK_PG_BIN"):
        return Path(os.environ["STACK_PG_BIN"])
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return versions[-1] if versions else Path("/usr/lib/postgresql/15/bin")


PG_BIN = _pg_bin()

HOST = "127.0.0.1"
PORTS = {
    "nginx": 8080,
    "purge": 8081,
    "refresh": 8082,
    "app1": 8001,
    "app2": 8002,
    "redis": 6380,
    "postgres": 5433,
    "smtp": 8025,
}
# The "monitoring network" nginx lets reach /metrics; the stack test scrapes from it.
MONITORING_NETWORK = "127.0.0.2/32"
ORDER = ["postgres", "redis", "smtp", "app1", "app2", "worker", "nginx"]
IS_ROOT = os.geteuid() == 0


def _world_traversable(path):
    """Whether an unprivileged user (postgres, nginx's workers) can reach `path`."""
    return all(parent.stat().st_mode & stat.S_IXOTH for parent in [path, *path.parents] if parent.exists())


# As root, PostgreSQL runs as `postgres` and nginx's workers as `nobody`: they
# need to reach their files. A checkout under a private home (CI's clone may be)
# gets its cluster under /var/lib/portal-stack and nginx workers running as root.
SHARED_CHECKOUT = _world_traversable(ROOT)
PG_DIR = (
    STATE / "pg"
    if SHARED_CHECKOUT or not IS_ROOT
    else Path("/var/lib/portal-stack") / f"pg-{hashlib.sha256(str(ROOT).encode()).hexdigest()[:12]}"
)


def stack_values():
    """deploy/env.template's variables, filled in for this machine."""
    key_file = STATE / "secret_key"
    STATE.mkdir(exist_ok=True)
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
    base = f"http://{HOST}:{PORTS['nginx']}"
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": key_file.read_text().strip(),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "CSRF_TRUSTED_ORIGINS": f"{base},http://localhost:{PORTS['nginx']}",
        "DATABASE_URL": f"postgres://postgres@{HOST}:{PORTS['postgres']}/portal_stack",
        "CACHE_URL": f"rediscache://{HOST}:{PORTS['redis']}/0",
        "EMAIL_URL": f"smtp://{HOST}:{PORTS['smtp']}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MEDIA_ROOT": str(STATE / "media"),
        "STATIC_ROOT": str(STATE / "static"),
        "WAGTAILADMIN_BASE_URL": base,
        "ACCOUNT_DEFAULT_HTTP_PROTOCOL": "http",
        # Plain HTTP on loopback: the TLS settings stay for the real site.
        "SECURE_SSL_REDIRECT": "False",
        "SESSION_COOKIE_SECURE": "False",
        "CSRF_COOKIE_SECURE": "False",
        "SECURE_HSTS_SECONDS": "0",
        "PRIVATE_MEDIA_ACCEL_REDIRECT": "/protected-media/",
        "FRONTEND_CACHE_PURGE_URL": f"http://{HOST}:{PORTS['purge']}",
        "METRICS_ALLOWED_NETWORKS": "127.0.0.1/32,::1/128",
        "PROMETHEUS_MULTIPROC_DIR": str(STATE / "prometheus"),
        "LOG_FORMAT": "json",
        # The load test sends thousands of reports from one address.
        "THROTTLE_ANON": "100000/min",
        "THROTTLE_INCIDENT_CREATE": "100000/hour",
        "THROTTLE_TRACKING": "100000/min",
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "2"),
        "GUNICORN_THREADS": os.environ.get("GUNICORN_THREADS", "4"),
    }


def app_env():
    """The environment of every app process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))}
    env.update(stack_values())
    return env


# --- process bookkeeping ----------------------------------------------------------


def pid_of(part):
    path = RUN / f"{part}.pid"
    try:
        pid = int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        path.unlink(missing_ok=True)
        return None
    except PermissionError:
        pass
    return pid


def spawn(part, argv, env=None):
    log = open(LOGS / f"{part}.log", "ab")  # noqa: SIM115 - handed to the child
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env or app_env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    (RUN / f"{part}.pid").write_text(str(process.pid))
    return process.pid


def port_open(port, host=HOST):
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def wait_for(check, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise SystemExit(f"stack: {what} did not come up within {timeout}s (see {LOGS})")


def run(argv, env=None, cwd=ROOT, **kwargs):
    return subprocess.run(argv, cwd=cwd, env=env or app_env(), check=True, **kwargs)


def as_postgres(argv):
    return ["runuser", "-u", "postgres", "--", *argv] if IS_ROOT else argv


# --- installation -----------------------------------------------------------------


def install():
    global PG_BIN
    packages = []
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        packages.append("nginx-light")
    if not shutil.which("redis-server"):
        packages.append("redis-server")
    if not (PG_BIN / "initdb").exists():
        packages.append("postgresql")
    if packages:
        print(f"==> Installing {' '.join(packages)}")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages],
            check=True,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        PG_BIN = _pg_bin()
    if not (VENV / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(ROOT / ".venv")], check=True)
    probe = subprocess.run(
        [str(VENV / "python"), "-c", "import aiosmtpd, gunicorn, django_prometheus, pythonjsonlogger"],
        capture_output=True,
    )
    if probe.returncode:
        print("==> Installing Python packages")
        run([str(VENV / "pip"), "install", "-q", "-r", "requirements-dev.txt"], env=os.environ.copy())
        run([str(VENV / "python"), "bin/compile_messages.py"], env=os.environ.copy(), stdout=subprocess.DEVNULL)


# --- parts ------------------------------------------------------------------------


def start_postgres():
    data = PG_DIR / "data"
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        if IS_ROOT:
            shutil.chown(PG_DIR, "postgres", "postgres")
            shutil.chown(data, "postgres", "postgres")
        run(
            as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]),
            cwd=PG_DIR,
            stdout=subprocess.DEVNULL,
        )
    options = f"-p {PORTS['postgres']} -k {PG_DIR} -c listen_addresses={HOST} -c fsync=on"
    log = PG_DIR / "postgres.log"
    run(
        as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]),
        cwd=PG_DIR,
        stdout=subprocess.DEVNULL,
    )
    pid = (data / "postmaster.pid").read_text().split()[0]
    (RUN / "postgres.pid").write_text(pid)
    exists = subprocess.run(
        [
            str(PG_BIN / "psql"),
            "-h",
            HOST,
            "-p",
            str(PORTS["postgres"]),
            "-U",
            "postgres",
            "-tAc",
            "SELECT 1 FROM pg_database WHERE datname='portal_stack'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        run([str(PG_BIN / "createdb"), "-h", HOST, "-p", str(PORTS["postgres"]), "-U", "postgres", "portal_stack"])


def stop_postgres(mode="fast"):
    data = PG_DIR / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", mode, "-w", "stop"]),
            cwd=PG_DIR,
            stdout=subprocess.DEVNULL,
            check=False,
        )
    (RUN / "postgres.pid").unlink(missing_ok=True)


def start_redis():
    (STATE / "redis").mkdir(exist_ok=True)
    spawn(
        "redis",
        [
            "redis-server",
            "--port",
            str(PORTS["redis"]),
            "--bind",
            HOST,
            "--dir",
            str(STATE / "redis"),
            "--save",
            "",
            "--appendonly",
            "no",
            "--maxmemory",
            "256mb",
            "--maxmemory-policy",
            "allkeys-lru",
        ],
    )
    wait_for(lambda: port_open(PORTS["redis"]), "redis")


def start_smtp():
    for sub in ("tmp", "new", "cur"):  # a Maildir
        (STATE / "mail" / sub).mkdir(parents=True, exist_ok=True)
    spawn(
        "smtp",
        [
            str(VENV / "python"),
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"{HOST}:{PORTS['smtp']}",
            "-c",
            "aiosmtpd.handlers.Mailbox",
            str(STATE / "mail"),
        ],
    )
    wait_for(lambda: port_open(PORTS["smtp"]), "the SMTP sink")


def start_app(part):
    env = app_env()
    env.update(GUNICORN_BIND=f"{HOST}:{PORTS[part]}", GUNICORN_PROC_NAME=f"portal-{part}")
    spawn(part, [str(VENV / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "portal.wsgi"], env)
    wait_for(lambda: healthy_http(PORTS[part]), part, timeout=60)


def start_worker():
    spawn("worker", [str(VENV / "python"), "manage.py", "db_worker"])
    wait_for(lambda: pid_of("worker") is not None, "the worker", timeout=5)


def render(text, values):
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    return text


def start_nginx():
    base = STATE / "nginx"
    conf_dir = base / "conf"
    for sub in ("conf", "cache", "temp", "logs"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    env = app_env()
    values = {
        "CONF_DIR": str(conf_dir),
        "CACHE_DIR": str(base / "cache"),
        "APP_PORT_1": str(PORTS["app1"]),
        "APP_PORT_2": str(PORTS["app2"]),
        "LISTEN": f"{HOST}:{PORTS['nginx']}",
        "PURGE_PORT": str(PORTS["purge"]),
        "REFRESH_PORT": str(PORTS["refresh"]),
        "SERVER_NAME": "127.0.0.1 localhost",
        "ACCESS_LOG": str(LOGS / "nginx-access.log"),
        "STATIC_ROOT": env["STATIC_ROOT"],
        "MEDIA_ROOT": env["MEDIA_ROOT"],
        "METRICS_ALLOWED_NETWORKS": MONITORING_NETWORK,
    }
    for name in ("http.conf", "site.conf", "locations.conf", "proxy.conf", "purge.conf", "file-headers.conf"):
        (conf_dir / name).write_text(render((ROOT / "deploy" / "nginx" / name).read_text(), values))
    temp = base / "temp"
    main = f"""# Generated by bin/stack from deploy/nginx/: a private nginx instance.
{("user nobody nogroup;" if SHARED_CHECKOUT else "user root root;") if IS_ROOT else ""}
worker_processes 2;
pid {RUN / "nginx.pid"};
error_log {LOGS / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {conf_dir}/http.conf;
    include {conf_dir}/site.conf;
    include {conf_dir}/purge.conf;
}}
"""
    (base / "nginx.conf").write_text(main)
    if IS_ROOT and SHARED_CHECKOUT:
        for path in (base / "cache", temp):
            shutil.chown(path, "nobody", "nogroup")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    argv = [nginx, "-p", str(base), "-c", str(base / "nginx.conf"), "-e", str(LOGS / "nginx-error.log")]
    run([*argv, "-t", "-q"])
    # nginx writes its own pid file (the master's); daemon mode off keeps it ours to stop.
    log = open(LOGS / "nginx.log", "ab")  # noqa: SIM115
    subprocess.Popen(
        [*argv, "-g", "daemon off;"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_for(lambda: healthy_http(PORTS["nginx"]), "nginx")


def healthy_http(port, path="/healthz"):
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


STARTERS = {
    "postgres": start_postgres,
    "redis": start_redis,
    "smtp": start_smtp,
    "app1": lambda: start_app("app1"),
    "app2": lambda: start_app("app2"),
    "worker": start_worker,
    "nginx": start_nginx,
}


def start(part):
    if part == "postgres":
        if pid_of("postgres") is None:
            start_postgres()
        return
    if pid_of(part) is None:
        STARTERS[part]()


def stop(part, sig=signal.SIGTERM):
    if part == "postgres":
        return stop_postgres("immediate" if sig == signal.SIGKILL else "fast")
    pid = pid_of(part)
    if pid is None:
        return
    # The whole process group: a gunicorn master and its workers, like a lost machine.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        # Reap it if it is our child (kill/start within one process, as the test does).
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.1)
    (RUN / f"{part}.pid").unlink(missing_ok=True)


# --- commands ---------------------------------------------------------------------


def up():
    for path in (RUN, LOGS, STATE / "media", STATE / "static"):
        path.mkdir(parents=True, exist_ok=True)
    install()
    start("postgres")
    start("redis")
    start("smtp")
    python = str(VENV / "python")
    print("==> Migrating")
    run([python, "manage.py", "migrate", "--noinput"], stdout=subprocess.DEVNULL)
    if not (STATE / "static" / "staticfiles.json").exists() or os.environ.get("STACK_COLLECTSTATIC"):
        print("==> Collecting static files")
        run([python, "manage.py", "collectstatic", "--noinput"], stdout=subprocess.DEVNULL)
    if not (STATE / "seeded").exists():
        print("==> Seeding the demo (once)")
        # seed_demo refuses production settings (it creates a demo staff account).
        run(
            [python, "manage.py", "seed_demo"],
            env={**app_env(), "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "LOG_LEVEL": "WARNING"},
            stdout=subprocess.DEVNULL,
        )
        (STATE / "seeded").write_text(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
    prometheus = STATE / "prometheus"
    if pid_of("app1") is None and pid_of("app2") is None:
        shutil.rmtree(prometheus, ignore_errors=True)
    prometheus.mkdir(exist_ok=True)
    for part in ("app1", "app2", "worker", "nginx"):
        start(part)
    status()
    print(
        f"""
  Portal:   http://{HOST}:{PORTS["nginx"]}/        (nginx → app servers :{PORTS["app1"]}, :{PORTS["app2"]})
  Admin:    http://{HOST}:{PORTS["nginx"]}/admin/  admin@damkar.example / damkar-demo (local demo only)
  Metrics:  http://{HOST}:{PORTS["nginx"]}/metrics from {MONITORING_NETWORK} only
  Mail:     {STATE / "mail"}/new/  (SMTP sink on :{PORTS["smtp"]})
  Logs:     {LOGS}/   State: {STATE}/
"""
    )


def down():
    for part in reversed(ORDER):
        stop(part)
    print("stack: stopped")


def status():
    checks = {
        "postgres": lambda: (
            subprocess.run(
                [str(PG_BIN / "pg_isready"), "-q", "-h", HOST, "-p", str(PORTS["postgres"])], check=False
            ).returncode
            == 0
        ),
        "redis": lambda: port_open(PORTS["redis"]),
        "smtp": lambda: port_open(PORTS["smtp"]),
        "app1": lambda: healthy_http(PORTS["app1"]),
        "app2": lambda: healthy_http(PORTS["app2"]),
        "worker": lambda: True,
        "nginx": lambda: healthy_http(PORTS["nginx"]),
    }
    ok = True
    for part in ORDER:
        pid = pid_of(part)
        healthy = pid is not None and checks[part]()
        ok &= healthy
        where = f"{HOST}:{PORTS[part]}" if part in PORTS else "-"
        print(f"  {part:<9} {'healthy' if healthy else 'DOWN':<8} pid {pid or '-':<8} {where}")
    return ok


def main(argv=None):
    parser = argparse.ArgumentParser(prog="bin/stack", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["up", "down", "status", "start", "stop", "kill", "restart", "env"])
    parser.add_argument("part", nargs="?", choices=ORDER)
    args = parser.parse_args(argv)
    RUN.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    if args.command in ("start", "stop", "kill", "restart") and not args.part:
        parser.error(f"{args.command} needs a part")
    if args.command == "up":
        up()
    elif args.command == "down":
        down()
    elif args.command == "status":
        return 0 if status() else 1
    elif args.command == "env":
        for key, value in stack_values().items():
            print(f"{key}={value}")
    elif args.command == "start":
        start(args.part)
    elif args.command == "stop":
        stop(args.part)
    elif args.command == "kill":
        stop(args.part, signal.SIGKILL)
    elif args.command == "restart":
        stop(args.part)
        start(args.part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
