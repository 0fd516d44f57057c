package fhirpush

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"carehub/careplan/fhir"
)

// maxBody bounds how much of a server's answer is read: a person's transaction-response is a
// few hundred KB at most; anything far larger is not an answer carehub can use.
const maxBody = 32 << 20

// ErrUnreachable is a server that could not be reached, or kept failing (5xx), after every
// retry. Nothing more is sent in that push, and nothing unsent is marked as sent. It is
// fhir.ErrUnreachable, so the screens can tell it apart without importing this package.
var ErrUnreachable = fhir.ErrUnreachable

// ServerError is a server's refusal (4xx, or 5xx after every retry) with its own words.
type ServerError struct {
	Status  int
	Message string // from its OperationOutcome, one line; may be empty
}

func (e *ServerError) Error() string {
	if e.Message == "" {
		return fmt.Sprintf("the server answered %d %s", e.Status, http.StatusText(e.Status))
	}
	return fmt.Sprintf("the server answered %d %s: %s", e.Status, http.StatusText(e.Status), e.Message)
}

// Client talks FHIR JSON to one server: it signs each request in, and retries with back-off
// on a network failure, a 5xx or a 429, since those pass; a 4xx is an answer and returned.
type Client struct {
	Base    string // the server's base URL, normalised (fhir.NormalServerURL)
	HTTP    *http.Client
	Auth    Authorizer
	Tries   int           // attempts per request (at least 1)
	Backoff time.Duration // the first wait; each next wait doubles
	// Sleep waits between attempts (time.Sleep unless a test replaces it); Warn hears one line
	// per failed attempt that will be tried again.
	Sleep func(context.Context, time.Duration) error
	Warn  func(line string)
}

// NewClient returns a client for base with the usual retries: four attempts, waiting 1, 2 and 4
// seconds between them.
func NewClient(base string, auth Authorizer) *Client {
	return &Client{Base: base, HTTP: &http.Client{Timeout: 60 * time.Second}, Auth: auth, Tries: 4,
		Backoff: time.Second, Sleep: sleepCtx, Warn: func(string) {}}
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Post sends a Bundle to the server's base and returns its answer, or an error: ErrUnreachable
// wrapped, or a *ServerError. A batch of searches (idempotent) is retried after any network
// failure; a transaction only when it cannot have reached the server (the connection was
// refused) or the server answered 5xx or 429 (a transaction is all or nothing), since sending it
// twice could create twice what the first, unanswered, attempt created.
func (c *Client) Post(ctx context.Context, bundle []byte, idempotent bool) ([]byte, error) {
	return c.do(ctx, http.MethodPost, c.Base, bundle, idempotent)
}

// Get reads path (relative to the base, e.g. "CarePlan?subject=Patient/1").
func (c *Client) Get(ctx context.Context, path string) ([]byte, error) {
	return c.do(ctx, http.MethodGet, c.Base+"/"+path, nil, true)
}

func (c *Client) do(ctx context.Context, method, url string, body []byte, idempotent bool) ([]byte, error) {
	wait := c.Backoff
	var last error
	for try := 1; try <= max(c.Tries, 1); try++ {
		if try > 1 {
			c.Warn(fmt.Sprintf("%s; trying again in %s (attempt %d of %d)", last, wait, try, c.Tries))
			if err := c.Sleep(ctx, wait); err != nil {
				return nil, err
			}
			wait *= 2
		}
		answer, err, again := c.once(ctx, method, url, body)
		var sent *sentError
		if errors.As(err, &sent) && !idempotent {
			return nil, fmt.Errorf("%w (%s): %v; it may or may not have been applied, and the next push looks before it writes",
				ErrUnreachable, c.Base, sent.err)
		}
		if !again {
			return answer, err
		}
		last = err
	}
	return nil, fmt.Errorf("%w (%s) after %d tries: %v", ErrUnreachable, c.Base, c.Tries, last)
}

// once makes one attempt; again reports a failure worth retrying.
func (c *Client) once(ctx context.Context, method, url string, body []byte) (answer []byte, err error, again bool) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("the FHIR server's address %s cannot be used: %v", c.Base, err), false
	}
	req.Header.Set("Accept", "application/fhir+json")
	if body != nil {
		req.Header.Set("Content-Type", "application/fhir+json")
	}
	if c.Auth != nil {
		token, err := c.Auth.Authorization(ctx)
		if err != nil {
			return nil, err, errors.Is(err, ErrUnreachable)
		}
		if token != "" {
			req.Header.Set("Authorization", token)
		}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err(), false
		}
		var op *net.OpError
		if errors.As(err, &op) && op.Op == "dial" {
			return nil, fmt.Errorf("no answer from %s: %v", c.Base, op.Err), true
		}
		return nil, &sentError{fmt.Errorf("no answer from %s: %v", c.Base, err)}, true
	}
	defer resp.Body.Close()
	answer, err = io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, &sentError{fmt.Errorf("the answer from %s broke off: %v", c.Base, err)}, true
	}
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return answer, nil, false
	case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
		return nil, &ServerError{Status: resp.StatusCode, Message: OutcomeText(answer)}, true
	}
	return nil, &ServerError{Status: resp.StatusCode, Message: OutcomeText(answer)}, false
}

// sentError is a failure after the request may have reached the server.
type sentError struct{ err error }

func (e *sentError) Error() string { return e.err.Error() }
