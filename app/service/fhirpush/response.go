package fhirpush

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// What a FHIR server answers is outside input: every parser here refuses what it cannot use
// with an error, never panics, and keeps what it reports to one short line (fuzzed in
// response_fuzz_test.go).

// maxReported bounds how much of a server's words carehub repeats in a failure line.
const maxReported = 300

// OutcomeText is the gist of a server's OperationOutcome (its issues' details or diagnostics)
// on one line, or "" when body is not one.
func OutcomeText(body []byte) string {
	var oo struct {
		ResourceType string `json:"resourceType"`
		Issue        []struct {
			Severity    string `json:"severity"`
			Code        string `json:"code"`
			Diagnostics string `json:"diagnostics"`
			Details     *struct {
				Text string `json:"text"`
			} `json:"details"`
		} `json:"issue"`
	}
	if json.Unmarshal(body, &oo) != nil || oo.ResourceType != "OperationOutcome" {
		return ""
	}
	var parts []string
	for _, is := range oo.Issue {
		text := is.Diagnostics
		if is.Details != nil && is.Details.Text != "" {
			text = is.Details.Text
		}
		if text == "" {
			text = is.Code
		}
		if text != "" {
			parts = append(parts, text)
		}
	}
	return oneLine(strings.Join(parts, "; "))
}

// oneLine keeps outside words to one printable line of bounded length.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || !unicode.IsPrint(r) {
			return ' '
		}
		return r
	}, s)), " ")
	if r := []rune(s); len(r) > maxReported {
		s = string(r[:maxReported]) + "…"
	}
	return s
}

// entryResult is what the server did with one transaction entry.
type entryResult struct {
	Status   int
	Type, ID string // from the location
	Version  string // from the ETag, or the returned resource's meta.versionId
}

// parseTransactionResponse reads a transaction-response Bundle for a transaction of n entries.
// Every entry must have succeeded (a server answers a failed transaction with an
// OperationOutcome, not a response Bundle) and, unless it was a delete, say where the resource
// is and at which version.
func parseTransactionResponse(body []byte, methods []string) ([]entryResult, error) {
	var b struct {
		ResourceType string `json:"resourceType"`
		Type         string `json:"type"`
		Entry        []struct {
			Response *struct {
				Status   string `json:"status"`
				Location string `json:"location"`
				Etag     string `json:"etag"`
			} `json:"response"`
			Resource *struct {
				ResourceType string `json:"resourceType"`
				ID           string `json:"id"`
				Meta         *struct {
					VersionID string `json:"versionId"`
				} `json:"meta"`
			} `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, fmt.Errorf("the server's answer is not FHIR JSON: %v", err)
	}
	if b.ResourceType != "Bundle" || b.Type != "transaction-response" {
		return nil, fmt.Errorf("the server answered with a %s %s, not a transaction-response Bundle", oneLine(b.Type), oneLine(b.ResourceType))
	}
	if len(b.Entry) != len(methods) {
		return nil, fmt.Errorf("the server answered %d entries for a transaction of %d", len(b.Entry), len(methods))
	}
	out := make([]entryResult, len(b.Entry))
	for i, e := range b.Entry {
		if e.Response == nil {
			return nil, fmt.Errorf("entry %d of the server's answer has no response", i+1)
		}
		st, err := statusCode(e.Response.Status)
		if err != nil || st < 200 || st > 299 {
			return nil, fmt.Errorf("entry %d: the server answered %q", i+1, oneLine(e.Response.Status))
		}
		r := entryResult{Status: st, Version: etagVersion(e.Response.Etag)}
		r.Type, r.ID, r.Version = parseLocation(e.Response.Location, r.Version)
		if e.Resource != nil {
			if r.ID == "" {
				r.Type, r.ID = e.Resource.ResourceType, e.Resource.ID
			}
			if r.Version == "" && e.Resource.Meta != nil {
				r.Version = e.Resource.Meta.VersionID
			}
		}
		if methods[i] != "DELETE" && (r.Type == "" || !validID(r.ID)) {
			return nil, fmt.Errorf("entry %d: the server did not say where it put the resource", i+1)
		}
		out[i] = r
	}
	return out, nil
}

// statusCode reads "201 Created" or "201".
func statusCode(s string) (int, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		s = s[:i]
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 100 || n > 599 {
		return 0, fmt.Errorf("not an HTTP status: %q", s)
	}
	return n, nil
}

// etagVersion reads the version from an ETag, W/"3" or "3".
func etagVersion(etag string) string {
	v := strings.TrimPrefix(strings.TrimSpace(etag), "W/")
	return strings.Trim(v, `"`)
}

// parseLocation reads "[base/]Type/id[/_history/version]" into its type, id and version (the
// version given when the location has none).
func parseLocation(loc, version string) (typ, id, ver string) {
	parts := strings.Split(strings.TrimRight(loc, "/"), "/")
	if n := len(parts); n >= 4 && parts[n-2] == "_history" {
		version, parts = parts[n-1], parts[:n-2]
	}
	if n := len(parts); n >= 2 && validType(parts[n-2]) {
		return parts[n-2], parts[n-1], version
	}
	return "", "", version
}

// validID is a FHIR id: 1-64 of A-Z a-z 0-9 - and .
func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// validType is a resource type's name: a capital letter then letters.
func validType(t string) bool {
	if t == "" || t[0] < 'A' || t[0] > 'Z' {
		return false
	}
	for _, r := range t {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// found is a resource a search found: its server id and version, carehub's identifier
// values on it, and what it holds.
type found struct {
	ID, Version string
	Identifiers []string // "system|value"
	Resource    json.RawMessage
}

// parseSearchBatch reads a batch-response whose n entries answer n searches, and returns
// each search's matches.
func parseSearchBatch(body []byte, n int) ([][]found, error) {
	var b struct {
		ResourceType string `json:"resourceType"`
		Type         string `json:"type"`
		Entry        []struct {
			Response *struct {
				Status string `json:"status"`
			} `json:"response"`
			Resource *struct {
				ResourceType string `json:"resourceType"`
				Entry        []struct {
					Search *struct {
						Mode string `json:"mode"`
					} `json:"search"`
					Resource json.RawMessage `json:"resource"`
				} `json:"entry"`
			} `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, fmt.Errorf("the server's answer to a search is not FHIR JSON: %v", err)
	}
	if b.ResourceType != "Bundle" || b.Type != "batch-response" || len(b.Entry) != n {
		return nil, fmt.Errorf("the server answered a batch of %d searches with a %s %s of %d entries",
			n, oneLine(b.Type), oneLine(b.ResourceType), len(b.Entry))
	}
	out := make([][]found, n)
	for i, e := range b.Entry {
		if e.Response != nil {
			if st, err := statusCode(e.Response.Status); err != nil || st > 299 {
				return nil, fmt.Errorf("search %d: the server answered %q", i+1, oneLine(e.Response.Status))
			}
		}
		if e.Resource == nil || e.Resource.ResourceType != "Bundle" {
			return nil, fmt.Errorf("search %d: the server's answer is not a search result", i+1)
		}
		for _, m := range e.Resource.Entry {
			if m.Search != nil && m.Search.Mode != "" && m.Search.Mode != "match" {
				continue
			}
			f, err := readFound(m.Resource)
			if err != nil {
				return nil, fmt.Errorf("search %d: %v", i+1, err)
			}
			out[i] = append(out[i], f)
		}
	}
	return out, nil
}

// readFound reads a matched resource's id, version and identifiers.
func readFound(raw json.RawMessage) (found, error) {
	var head struct {
		ID   string `json:"id"`
		Meta *struct {
			VersionID string `json:"versionId"`
		} `json:"meta"`
		Identifier []struct {
			System string `json:"system"`
			Value  string `json:"value"`
		} `json:"identifier"`
	}
	if json.Unmarshal(raw, &head) != nil || !validID(head.ID) {
		return found{}, fmt.Errorf("the server's match has no usable id")
	}
	f := found{ID: head.ID, Resource: raw}
	if head.Meta != nil {
		f.Version = head.Meta.VersionID
	}
	for _, id := range head.Identifier {
		f.Identifiers = append(f.Identifiers, id.System+"|"+id.Value)
	}
	return f, nil
}
