"""A request id on every log line, from nginx through the app to the task worker.

nginx sends X-Request-ID (its $request_id, or the load balancer's); the
middleware keeps it in a context variable for the request, echoes it in the
response, and the logging filter stamps it on each record. A task enqueued
during the request remembers the id in the shared cache under the task's id,
and the worker takes it back when it starts the task, so its log lines carry
the id of the request that caused them.
"""

import contextlib
import contextvars
import logging
import re
import uuid

request_id = contextvars.ContextVar("request_id", default="")

HEADER = "X-Request-ID"
VALID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
TASK_KEY = "portal:task-request-id:{}"
TASK_KEY_TIMEOUT = 7 * 24 * 3600
logger = logging.getLogger("portal.tasks")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        value = incoming if VALID.match(incoming) else uuid.uuid4().hex
        token = request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response[HEADER] = value
        return response


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (empty outside a request or task)."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


def _enqueued(sender, task_result, **kwargs):
    from django.core.cache import cache

    current = request_id.get()
    if current:
        # A convenience: a cache failure must never fail the enqueue, only lose the correlation.
        with contextlib.suppress(Exception):
            cache.set(TASK_KEY.format(task_result.id), current, TASK_KEY_TIMEOUT)
    logger.info("task enqueued", extra={"task_id": str(task_result.id), "task": task_result.task.name})


_tokens = {}


def _started(sender, task_result, **kwargs):
    from django.core.cache import cache

    # Reset on finish, so an immediate task run inside a request gives the request its id back.
    remembered = None
    with contextlib.suppress(Exception):
        remembered = cache.get(TASK_KEY.format(task_result.id))
    _tokens[task_result.id] = request_id.set(remembered or request_id.get())
    logger.info("task started", extra={"task_id": str(task_result.id), "task": task_result.task.name})


def _finished(sender, task_result, **kwargs):
    logger.info(
        "task finished",
        extra={"task_id": str(task_result.id), "task": task_result.task.name, "status": str(task_result.status)},
    )
    token = _tokens.pop(task_result.id, None)
    if token is not None:
        request_id.reset(token)


def connect():
    # Imported here: the logging filter above loads before the app registry.
    from django_tasks.signals import task_enqueued, task_finished, task_started

    task_enqueued.connect(_enqueued, dispatch_uid="portal.tracing.enqueued")
    task_started.connect(_started, dispatch_uid="portal.tracing.started")
    task_finished.connect(_finished, dispatch_uid="portal.tracing.finished")
