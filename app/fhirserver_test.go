package app

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The push tests run against a real FHIR server: Medplum's FHIR engine on its in-memory
// repository (test/fhirserver), started on 127.0.0.1 for the test and stopped after it.

const fhirServerDir = "../test/fhirserver"

// needNode finds node, or skips the test where node is missing; in CI (CI set) a missing node
// fails the test instead, so the push tests can never be skipped there without anyone noticing.
func needNode(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is not installed: the FHIR push tests need Node 20.19 or later to run the local FHIR server (.ci/deps.sh installs it)")
		}
		t.Skip("node is not installed: skipping the tests against a local FHIR server (CI runs them)")
	}
	return node
}

// startFHIRServer starts the local FHIR server and returns its base URL. The server's
// packages come from test/fhirserver/package-lock.json (make test runs npm ci; a developer's
// first run here does it too).
func startFHIRServer(t *testing.T) string {
	t.Helper()
	node := needNode(t)
	dir, err := filepath.Abs(fhirServerDir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@medplum", "fhir-router")); err != nil {
		npm := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		npm.Dir = dir
		if out, err := npm.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in test/fhirserver failed (the FHIR server's packages could not be installed): %v\n%s", err, out)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, node, "--experimental-websocket", "server.mjs")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); cmd.Wait() })
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if p, ok := strings.CutPrefix(sc.Text(), "listening on "); ok {
				port <- p
			}
		}
	}()
	select {
	case p := <-port:
		return "http://127.0.0.1:" + p
	case <-time.After(90 * time.Second):
		t.Fatal("the local FHIR server did not start within 90 s")
	}
	return ""
}

// fhirSearch runs a search on the server and returns the matching resources.
func fhirSearch(t *testing.T, base, query string) []map[string]any {
	t.Helper()
	resp, err := http.Get(base + "/" + query)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var b struct {
		ResourceType string
		Entry        []struct{ Resource map[string]any }
	}
	if err := json.Unmarshal(body, &b); err != nil || resp.StatusCode != 200 || b.ResourceType != "Bundle" {
		t.Fatalf("search %s: %d %v %s", query, resp.StatusCode, err, body)
	}
	out := make([]map[string]any, len(b.Entry))
	for i, e := range b.Entry {
		out[i] = e.Resource
	}
	return out
}

// byNHS is a search for a Patient by NHS number.
func byNHS(nhs string) string {
	return "Patient?identifier=" + url.QueryEscape("https://fhir.nhs.uk/Id/nhs-number|"+nhs)
}

// fhirPut replaces a resource on the server as another system would, and returns its new
// version.
func fhirPut(t *testing.T, base string, r map[string]any) string {
	t.Helper()
	raw, _ := json.Marshal(r)
	req, _ := http.NewRequest(http.MethodPut, fmt.Sprintf("%s/%s/%s", base, r["resourceType"], r["id"]), strings.NewReader(string(raw)))
	req.Header.Set("Content-Type", "application/fhir+json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got map[string]any
	json.NewDecoder(resp.Body).Decode(&got)
	if resp.StatusCode != 200 {
		t.Fatalf("PUT: %d %v", resp.StatusCode, got)
	}
	return versionOf(got)
}

func versionOf(r map[string]any) string {
	meta, _ := r["meta"].(map[string]any)
	v, _ := meta["versionId"].(string)
	return v
}
