"""pytest fixtures for testing a GitLab bot against gitlab-services-mock.

Copy this file next to your tests. One mock server serves the whole session
(every pytest-xdist worker too); each test gets its own tenant: an isolated
GitLab with its own state, journal and faults, so tests can run in parallel.

- Set GITLAB_MOCK_URL (e.g. http://127.0.0.1:4010) to use a server you started
  yourself (`npx gitlab-services-mock --port 4010`, or a container);
- otherwise the session starts one (GITLAB_MOCK_COMMAND overrides the command,
  default `npx gitlab-services-mock`) on a free port and stops it at the end.
"""
import json
import os
import re
import shlex
import subprocess
import urllib.request

import gitlab
import pytest

ROOT_TOKEN = "glpat-demo-root"  # the demo scenario's admin (fixtures/demo-scenario.json)


def control(base, method, path, body=None):
    """A call to the mock's control API (JSON in, JSON out)."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


@pytest.fixture(scope="session")
def mock_url():
    """The root URL of a running gitlab-services-mock (no /api/v4)."""
    given = os.environ.get("GITLAB_MOCK_URL")
    if given:
        yield given.rstrip("/")
        return
    command = shlex.split(os.environ.get("GITLAB_MOCK_COMMAND", "npx gitlab-services-mock"))
    server = subprocess.Popen(command + ["--port", "0", "--quiet"], stdout=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        match = re.search(r"listening on (http://\S+)/api/v4", line)
        assert match, f"the mock did not start: {line!r}"
        yield match.group(1)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def tenant(mock_url):
    """A fresh, isolated GitLab for one test: {"id", "base_url", "control"}."""
    created = control(mock_url, "POST", "/__mock/tenants", {})
    prefix = created["base_url"][: -len("/api/v4")]
    yield {"id": created["id"], "base_url": created["base_url"], "root": prefix, "control": lambda m, p, b=None: control(prefix, m, p, b)}
    control(mock_url, "DELETE", f"/__mock/tenants/{created['id']}")


@pytest.fixture
def gl(tenant):
    """A python-gitlab client for the tenant, authenticated as the demo admin."""
    client = gitlab.Gitlab(tenant["root"], private_token=ROOT_TOKEN)
    client.auth()
    return client
