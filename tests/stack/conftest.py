"""The stack test drives `bin/stack` and talks to it over HTTP, as a city's users would.

It reads the stack's own PostgreSQL (not a test database) to check what was
stored, and its SMTP sink's Maildir to check what was mailed.
"""

import http.client
import importlib.util
import subprocess
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("stack_engine", ROOT / "deploy" / "stack.py")
engine = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(engine)

NGINX = f"http://{engine.HOST}:{engine.PORTS['nginx']}"
STAFF = ("admin", "damkar-demo")  # the demo staff account (local demo only)


def stack(*args, check=True):
    return subprocess.run([str(ROOT / "bin" / "stack"), *args], cwd=ROOT, check=check)


def manage(*args):
    """Run a management command against the stack's database, as the app servers see it."""
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args],
        cwd=ROOT,
        env=engine.app_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def sql(query, params=()):
    import psycopg

    url = f"postgresql://postgres@{engine.HOST}:{engine.PORTS['postgres']}/portal_stack"
    with psycopg.connect(url, autocommit=True) as connection:
        cursor = connection.execute(query, params)
        return cursor.fetchall() if cursor.description else []


def get_from(source_ip, path, port=None):
    """GET from a chosen loopback source address (127.0.0.2 stands in for the monitoring network)."""
    connection = http.client.HTTPConnection(
        engine.HOST, port or engine.PORTS["nginx"], timeout=10, source_address=(source_ip, 0)
    )
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


class FormParser(HTMLParser):
    """Every form on a page with its fields' current values, to post one back like a browser."""

    def __init__(self):
        super().__init__()
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"action": attrs.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name") and tag != "option":
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._form["fields"].append([attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
            self._form["fields"].append(self._textarea)
        elif tag == "select":
            self._select = [attrs["name"], None]
        elif tag == "option" and self._select is not None and (self._select[1] is None or "selected" in attrs):
            self._select[1] = attrs.get("value", "")

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None:
            if self._form is not None and self._select[1] is not None:
                self._form["fields"].append(self._select)
            self._select = None


def form_with(html, field_name):
    parser = FormParser()
    parser.feed(html)
    for form in parser.forms:
        if any(name == field_name for name, _value in form["fields"]):
            return form
    raise AssertionError(f"no form with a {field_name} field")


def login(session, base, email, password):
    """Sign in through allauth's form, the way a person does."""
    page = session.get(f"{base}/id/accounts/login/", timeout=10)
    form = form_with(page.text, "login")
    fields = dict(form["fields"])
    fields.update(login=email, password=password)
    response = session.post(
        f"{base}/id/accounts/login/", data=fields, headers={"Referer": page.url}, timeout=10, allow_redirects=False
    )
    assert response.status_code == 302, response.text[:500]
    assert "sessionid" in session.cookies


def staff_token():
    import requests

    response = requests.post(f"{NGINX}/api/auth/token/", data={"username": STAFF[0], "password": STAFF[1]}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["token"]


def new_key():
    return f"stack-{uuid.uuid4()}"


def wait_until(check, timeout, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(step)
    return check()


@pytest.fixture(scope="session")
def running_stack():
    """`bin/stack up` is idempotent: it starts whatever is not running yet."""
    stack("up")
    stack("status")
    return engine


@pytest.fixture(scope="session")
def report_fields(running_stack):
    import requests

    body = requests.get(f"{NGINX}/api/incident-categories/", timeout=10).json()
    categories = body["results"] if isinstance(body, dict) else body
    kecamatan = sql("SELECT code FROM core_kecamatan ORDER BY code LIMIT 1")
    assert categories and kecamatan, "the demo seed should have categories and places"
    return {"category": categories[-1]["code"], "kecamatan": kecamatan[0][0]}
