// Package fhirserver starts the local FHIR server the shared-record tests publish to (Medplum's
// FHIR engine on its in-memory repository, server.mjs beside this file) on 127.0.0.1, and
// reads it back as a receiver would. The command-line, service and screen tests share it.
//
// The server's packages come from package-lock.json: `make test` installs them first (make
// fhir-server); a test that finds them missing runs npm ci itself. Without node the tests that
// need the server skip on a developer's machine, and fail in CI (CI set), so they can never be
// skipped there without anyone noticing.
package fhirserver

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// dir is the folder of server.mjs: this file's own.
func dir(t testing.TB) string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("fhirserver: cannot find test/fhirserver")
	}
	return filepath.Dir(file)
}

// needNode finds node, or skips the test where node is missing (fails it in CI).
func needNode(t testing.TB) string {
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

// Start starts the local FHIR server for the test, stopped when it ends, and returns its base
// URL.
func Start(t testing.TB) string {
	t.Helper()
	node := needNode(t)
	dir := dir(t)
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

// Down is the address of a server that is not there: a port on 127.0.0.1 that was free a
// moment ago, so connecting to it is refused.
func Down(t testing.TB) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return "http://" + l.Addr().String()
}

// Search runs a search on the server and returns the matching resources.
func Search(t testing.TB, base, query string) []map[string]any {
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

// ByNHS is a search for a Patient by NHS number (digits only).
func ByNHS(nhs string) string {
	return "Patient?identifier=" + url.QueryEscape("https://fhir.nhs.uk/Id/nhs-number|"+nhs)
}

// Query escapes a token search value ("system|code") for a search's query string.
func Query(s string) string {
	return strings.NewReplacer("|", "%7C", ":", "%3A", "/", "%2F").Replace(s)
}

// Put replaces a resource on the server as another system would, and returns its new version.
func Put(t testing.TB, base string, r map[string]any) string {
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
	return Version(got)
}

// Version is a resource's meta.versionId.
func Version(r map[string]any) string {
	meta, _ := r["meta"].(map[string]any)
	v, _ := meta["versionId"].(string)
	return v
}
