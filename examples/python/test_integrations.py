"""A bot's tests against gitlab-services-mock: configure Slack, read it back,
assert on what was sent, and survive a rate limit. Run: pytest -n 4"""
import gitlab
import pytest

PROJECT = "demo/web-app"
HOOK = "https://hooks.slack.com/services/T000/B000/python"


def configure_slack(gl, webhook):
    """The code under test: point a project's Slack at a webhook."""
    slack = gl.projects.get(PROJECT).integrations.get("slack", lazy=True)
    slack.webhook = webhook
    slack.push_events = False
    slack.save()


def test_lists_the_active_integrations(gl):
    # The demo scenario's demo/web-app: slack, jira, pipelines-email and the list-only alerts.
    slugs = sorted(i.slug for i in gl.projects.get(PROJECT).integrations.list())
    assert slugs == ["alerts", "jira", "pipelines-email", "slack"]


def test_configures_slack_once(gl, tenant):
    configure_slack(gl, HOOK)
    slack = gl.projects.get(PROJECT).integrations.get("slack")
    assert slack.active and slack.push_events is False
    assert slack.properties["webhook"] == HOOK  # GitLab 13.12 shows webhooks (later releases hide them)
    puts = tenant["control"]("GET", "/__mock/requests/count?method=PUT&path=/projects/*/integrations/slack")
    assert puts == {"count": 1}


def test_a_bad_request_is_gitlabs_400(gl):
    jira = gl.projects.get(PROJECT).integrations.get("jira", lazy=True)
    jira.url = "https://jira.example.com"
    with pytest.raises(gitlab.exceptions.GitlabUpdateError) as error:
        jira.save()
    assert error.value.response_code == 400


def test_retries_after_a_rate_limit(gl, tenant):
    tenant["control"]("POST", "/__mock/faults", {"method": "GET", "path": "/projects/*", "status": 429, "times": 1, "headers": {"Retry-After": "1"}})
    project = gl.projects.get(PROJECT)  # python-gitlab waits Retry-After and tries again
    assert project.path_with_namespace == PROJECT
    gets = tenant["control"]("GET", "/__mock/requests/count?method=GET&path=/projects/*")
    assert gets == {"count": 2}
    assert tenant["control"]("GET", "/__mock/faults") == []


def test_tenants_do_not_share_state(gl, tenant, mock_url):
    configure_slack(gl, HOOK)
    other = gitlab.Gitlab(mock_url, private_token="glpat-demo-root")  # the server's default tenant
    assert other.projects.get(PROJECT).integrations.get("slack").properties.get("webhook") != HOOK
