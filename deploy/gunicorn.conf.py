"""Gunicorn settings for one app server (deploy/systemd/app@.service, bin/stack).

Everything comes from the environment so one file serves every instance.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# Long enough for an upload of three photos on a slow phone connection.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
# Longer than nginx's upstream keepalive_timeout (60 s), so nginx always closes an
# idle connection first and never sends a request on one gunicorn is closing.
keepalive = 75
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = 2000
max_requests_jitter = 200
# Logs go to stderr (journald under systemd); Django logs the requests as JSON.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = os.environ.get("GUNICORN_PROC_NAME", "portal")


def child_exit(server, worker):
    # Prometheus multiprocess mode: drop a dead worker's live gauges.
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
