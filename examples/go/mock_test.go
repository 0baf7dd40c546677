// Package example tests a GitLab bot against gitlab-services-mock with
// go-gitlab: TestMain starts one mock server (or uses GITLAB_MOCK_URL), and
// every test gets its own tenant, an isolated GitLab, so tests run with
// t.Parallel(). Copy this file next to your tests.
package example

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	gitlab "github.com/xanzy/go-gitlab"
)

// The demo scenario's admin token (fixtures/demo-scenario.json).
const rootToken = "glpat-demo-root"

var mockURL string

func TestMain(m *testing.M) {
	mockURL = strings.TrimRight(os.Getenv("GITLAB_MOCK_URL"), "/")
	var server *exec.Cmd
	if mockURL == "" {
		command := strings.Fields(os.Getenv("GITLAB_MOCK_COMMAND"))
		if len(command) == 0 {
			command = []string{"npx", "gitlab-services-mock"}
		}
		server = exec.Command(command[0], append(command[1:], "--port", "0", "--quiet")...)
		stdout, _ := server.StdoutPipe()
		if err := server.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "cannot start the mock:", err)
			os.Exit(2)
		}
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		match := regexp.MustCompile(`listening on (http://\S+)/api/v4`).FindStringSubmatch(line)
		if match == nil {
			fmt.Fprintf(os.Stderr, "the mock did not start: %q\n", line)
			os.Exit(2)
		}
		mockURL = match[1]
	}
	code := m.Run()
	if server != nil {
		server.Process.Signal(os.Interrupt)
		server.Wait()
	}
	os.Exit(code)
}

// control calls the mock's control API under prefix and decodes the JSON answer into out.
func control(t *testing.T, prefix, method, path string, body, out interface{}) {
	t.Helper()
	var payload []byte
	if body != nil {
		payload, _ = json.Marshal(body)
	}
	request, _ := http.NewRequest(method, prefix+path, bytes.NewReader(payload))
	if body != nil {
		request.Header.Set("Content-Type", "application/json")
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	if response.StatusCode >= 300 {
		t.Fatalf("%s %s: %s", method, path, response.Status)
	}
	if out != nil {
		if err := json.NewDecoder(response.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
}

// tenant creates an isolated GitLab for one test and returns a client for it and its control prefix.
func tenant(t *testing.T) (*gitlab.Client, string) {
	t.Helper()
	var created struct {
		ID      string `json:"id"`
		BaseURL string `json:"base_url"`
	}
	control(t, mockURL, "POST", "/__mock/tenants", map[string]interface{}{}, &created)
	t.Cleanup(func() { control(t, mockURL, "DELETE", "/__mock/tenants/"+created.ID, nil, nil) })
	client, err := gitlab.NewClient(rootToken, gitlab.WithBaseURL(created.BaseURL))
	if err != nil {
		t.Fatal(err)
	}
	return client, strings.TrimSuffix(created.BaseURL, "/api/v4")
}

// configureSlack is the code under test: point a project's Slack at a webhook.
func configureSlack(client *gitlab.Client, project, webhook string) error {
	_, err := client.Services.SetSlackService(project, &gitlab.SetSlackServiceOptions{WebHook: gitlab.String(webhook)})
	return err
}

func TestConfiguresSlackOnce(t *testing.T) {
	t.Parallel()
	client, prefix := tenant(t)
	if err := configureSlack(client, "demo/web-app", "https://hooks.slack.com/services/T0/B0/go"); err != nil {
		t.Fatal(err)
	}
	slack, _, err := client.Services.GetSlackService("demo/web-app")
	if err != nil {
		t.Fatal(err)
	}
	if !slack.Active || slack.Properties.WebHook != "https://hooks.slack.com/services/T0/B0/go" {
		t.Fatalf("slack is %+v", slack)
	}
	var count struct{ Count int }
	control(t, prefix, "GET", "/__mock/requests/count?method=PUT&path=/projects/*/services/slack", nil, &count)
	if count.Count != 1 {
		t.Fatalf("%d PUTs, want 1", count.Count)
	}
}

func TestListsTheActiveServices(t *testing.T) {
	t.Parallel()
	client, _ := tenant(t)
	services, _, err := client.Services.ListServices("demo/web-app")
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, service := range services {
		slugs = append(slugs, service.Slug)
	}
	if strings.Join(slugs, ",") != "slack,jira,pipelines-email,alerts" {
		t.Fatalf("active services: %v", slugs)
	}
}

func TestRetriesAfterARateLimit(t *testing.T) {
	t.Parallel()
	client, prefix := tenant(t)
	fault := map[string]interface{}{"method": "GET", "path": "/projects/*/services/slack", "status": 429, "times": 1, "headers": map[string]string{"Retry-After": "1"}}
	control(t, prefix, "POST", "/__mock/faults", fault, nil)
	if _, _, err := client.Services.GetSlackService("demo/web-app"); err != nil {
		t.Fatal(err) // go-gitlab's retryablehttp waited and tried again
	}
	var count struct{ Count int }
	control(t, prefix, "GET", "/__mock/requests/count?method=GET&path=/projects/*/services/slack", nil, &count)
	if count.Count != 2 {
		t.Fatalf("%d GETs, want 2 (the 429, then the retry)", count.Count)
	}
}

func TestAForbiddenCallerGets403(t *testing.T) {
	t.Parallel()
	_, prefix := tenant(t)
	developer, _ := gitlab.NewClient("glpat-demo-developer", gitlab.WithBaseURL(prefix+"/api/v4"))
	_, response, err := developer.Services.ListServices("demo/web-app")
	if err == nil || response.StatusCode != http.StatusForbidden {
		t.Fatalf("want 403, got %v", err)
	}
}
