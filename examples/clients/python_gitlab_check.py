"""Drives the standalone mock with python-gitlab (Debian: apt-get install python3-gitlab).

Start the server first:  npx gitlab-services-mock --port 4010
Then:                    python3 examples/clients/python_gitlab_check.py
Uses the demo scenario's tokens (fixtures/demo-scenario.json).
"""
import gitlab

URL = "http://127.0.0.1:4010"
gl = gitlab.Gitlab(URL, private_token="glpat-demo-root")
gl.auth()
assert gl.user.username == "root"
print("version", gl.version())
project = gl.projects.get("demo/web-app")
integrations = project.integrations  # python-gitlab 3.x calls /integrations
print("active", [i.slug for i in integrations.list()])

slack = integrations.get("slack", lazy=True)
slack.webhook = "https://hooks.slack.com/services/T0/B0/python"
slack.push_events = False
slack.save()
slack = integrations.get("slack")
assert slack.active and slack.push_events is False
assert slack.properties["webhook"].endswith("/python")

try:
    jira = integrations.get("jira", lazy=True)
    jira.url = "https://jira.example.com"
    jira.save()
    raise SystemExit("expected a 400")
except gitlab.exceptions.GitlabUpdateError as error:
    assert error.response_code == 400, error
    print("jira without credentials ->", error.error_message)

integrations.delete("slack")
assert integrations.get("slack").active is False

developer = gitlab.Gitlab(URL, private_token="glpat-demo-developer")
try:
    developer.projects.get("demo/web-app").integrations.list()
    raise SystemExit("expected a 403")
except gitlab.exceptions.GitlabListError as error:
    assert error.response_code == 403, error
print("python-gitlab: all checks passed")
