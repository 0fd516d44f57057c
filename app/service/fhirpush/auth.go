package fhirpush

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"carehub/careplan/fhir"
)

// Authorizer gives the Authorization header for a request: "Bearer …", or "" for none.
type Authorizer interface {
	Authorization(ctx context.Context) (string, error)
}

// bearer is a fixed token, from an environment variable.
type bearer string

func (b bearer) Authorization(context.Context) (string, error) {
	if b == "" {
		return "", nil
	}
	return "Bearer " + string(b), nil
}

// NewAuthorizer returns how to sign in as cfg says: a bearer token from the environment
// variable cfg.TokenVar (none when it is unset), or OAuth2 client credentials with a signed
// JWT, whose private key is cfg.PrivateKeyPEM or the file cfg.PrivateKeyFile.
func NewAuthorizer(cfg fhir.ServerConfig, getenv func(string) string, client *http.Client, now func() time.Time) (Authorizer, error) {
	if cfg.Auth != fhir.AuthClientCredentials {
		name := cfg.TokenVar
		if name == "" {
			name = fhir.DefaultTokenVar
		}
		return bearer(strings.TrimSpace(getenv(name))), nil
	}
	pemText := []byte(cfg.PrivateKeyPEM)
	if len(strings.TrimSpace(cfg.PrivateKeyPEM)) == 0 {
		b, err := os.ReadFile(cfg.PrivateKeyFile)
		if err != nil {
			return nil, fmt.Errorf("%w: %s (%v)", fhir.ErrKeyFile, cfg.PrivateKeyFile, errors.Unwrap(err))
		}
		pemText = b
	}
	key, err := ParsePrivateKey(pemText)
	if err != nil {
		return nil, err
	}
	return &clientCredentials{cfg: cfg, key: key, http: client, now: now}, nil
}

// ErrPrivateKey is a private key carehub cannot sign with (fhir.ErrPrivateKey).
var ErrPrivateKey = fhir.ErrPrivateKey

// ParsePrivateKey reads an RSA private key from PEM, PKCS #1 or PKCS #8.
func ParsePrivateKey(pemText []byte) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode(pemText)
	if block == nil {
		return nil, ErrPrivateKey
	}
	var key *rsa.PrivateKey
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		key = k
	} else if k, err := x509.ParsePKCS8PrivateKey(block.Bytes); err == nil {
		key, _ = k.(*rsa.PrivateKey)
	}
	if key == nil || key.N.BitLen() < 2048 {
		return nil, ErrPrivateKey
	}
	return key, nil
}

// clientCredentials gets access tokens with the OAuth2 client credentials grant, proving who
// carehub is with a short-lived JWT signed RS512 (private_key_jwt, RFC 7523), and keeps each
// token until a minute before it expires.
type clientCredentials struct {
	cfg  fhir.ServerConfig
	key  *rsa.PrivateKey
	http *http.Client
	now  func() time.Time

	mu      sync.Mutex
	token   string
	expires time.Time
}

func (c *clientCredentials) Authorization(ctx context.Context) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && c.now().Before(c.expires) {
		return "Bearer " + c.token, nil
	}
	assertion, err := SignJWT(c.key, c.cfg.KeyID, map[string]any{
		"iss": c.cfg.ClientID, "sub": c.cfg.ClientID, "aud": c.cfg.TokenURL,
		"jti": uuid.NewString(), "exp": c.now().Add(5 * time.Minute).Unix(),
	})
	if err != nil {
		return "", err
	}
	form := url.Values{
		"grant_type":            {"client_credentials"},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {assertion},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.cfg.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", fmt.Errorf("the token endpoint %s cannot be used: %v", c.cfg.TokenURL, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("%w: the token endpoint %s did not answer: %v", ErrUnreachable, c.cfg.TokenURL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	token, life, err := parseToken(resp.StatusCode, body)
	if err != nil {
		if resp.StatusCode >= 500 {
			err = fmt.Errorf("%w: %v", ErrUnreachable, err)
		}
		return "", err
	}
	c.token, c.expires = token, c.now().Add(life-time.Minute)
	return "Bearer " + token, nil
}

// parseToken reads a token endpoint's answer: the access token and how long it lasts.
func parseToken(status int, body []byte) (string, time.Duration, error) {
	var t struct {
		AccessToken string          `json:"access_token"`
		ExpiresIn   json.RawMessage `json:"expires_in"`
		Error       string          `json:"error"`
		Description string          `json:"error_description"`
	}
	if json.Unmarshal(body, &t) != nil || status != http.StatusOK || t.AccessToken == "" {
		why := oneLine(strings.TrimSpace(t.Error + " " + t.Description))
		if why == "" {
			why = http.StatusText(status)
		}
		return "", 0, fmt.Errorf("the token endpoint refused carehub (%d): %s", status, why)
	}
	secs := 0
	if s := strings.Trim(string(t.ExpiresIn), `"`); s != "" {
		fmt.Sscan(s, &secs)
	}
	if secs < 120 || secs > 24*3600 {
		secs = 300 // absent or odd: assume five minutes, so it is fetched again soon
	}
	return t.AccessToken, time.Duration(secs) * time.Second, nil
}

// SignJWT signs claims as a compact JWT with RS512 (RSASSA-PKCS1-v1_5 with SHA-512), the
// algorithm NHS England's APIs require for private_key_jwt.
func SignJWT(key *rsa.PrivateKey, kid string, claims map[string]any) (string, error) {
	header := map[string]string{"alg": "RS512", "typ": "JWT"}
	if kid != "" {
		header["kid"] = kid
	}
	h, err := json.Marshal(header)
	if err != nil {
		return "", err
	}
	c, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding
	signing := enc.EncodeToString(h) + "." + enc.EncodeToString(c)
	sum := sha512.Sum512([]byte(signing))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA512, sum[:])
	if err != nil {
		return "", err
	}
	return signing + "." + enc.EncodeToString(sig), nil
}
