package fhir

import (
	"errors"
	"net/url"
	"strings"
)

// How carehub signs in to a FHIR server.
const (
	// AuthBearer sends a token the operator puts in an environment variable (TokenVar), or
	// nothing when the variable is unset (a server on the hub's own network).
	AuthBearer = "bearer"
	// AuthClientCredentials gets a token with OAuth2 client credentials, proving who carehub
	// is with a JWT signed by the hub's private key (private_key_jwt, RS512), as NHS England's
	// APIs do.
	AuthClientCredentials = "client-credentials"
)

// DefaultTokenVar is the environment variable a bearer token is read from.
const DefaultTokenVar = "CAREHUB_FHIR_TOKEN"

// ServerConfig is how the hub reaches its shared-record FHIR server, as an administrator set it
// up. The store keeps it sealed: the private key is a secret, and so, to an attacker, is which
// server holds the county's records.
type ServerConfig struct {
	URL      string `json:"url"`
	Auth     string `json:"auth"`               // AuthBearer or AuthClientCredentials
	TokenVar string `json:"tokenVar,omitempty"` // AuthBearer: the environment variable; "" = DefaultTokenVar
	TokenURL string `json:"tokenUrl,omitempty"` // AuthClientCredentials: the token endpoint
	ClientID string `json:"clientId,omitempty"` // AuthClientCredentials: carehub's client id (the JWT's iss and sub)
	KeyID    string `json:"keyId,omitempty"`    // AuthClientCredentials: the JWT header's kid
	// The private key signing the JWT: a PEM kept in the store (sealed), or a path to a PEM file
	// on the hub's machine; one of the two.
	PrivateKeyPEM  string `json:"privateKeyPem,omitempty"`
	PrivateKeyFile string `json:"privateKeyFile,omitempty"`
}

// Errors of a server configuration, in an administrator's words.
var (
	ErrServerURL = errors.New("the FHIR server's address must be a full http:// or https:// URL, such as https://fhir.example.nhs.uk/R4")
	ErrAuthKind  = errors.New("choose how carehub signs in: bearer (a token in an environment variable) or client-credentials (a signed JWT)")
	ErrTokenURL  = errors.New("client credentials need the token endpoint's https:// address")
	ErrClientID  = errors.New("client credentials need carehub's client id, as the server's administrator registered it")
	ErrNoKey     = errors.New("client credentials need the private key: its file, or the key itself kept in the store")
)

// Validate checks a configuration can be used. It says every problem (errors.Join, first the
// address), so a form can mark each field at once; errors.Is finds each.
func (c ServerConfig) Validate() error {
	var problems []error
	if _, err := NormalServerURL(c.URL); err != nil {
		problems = append(problems, err)
	}
	switch c.Auth {
	case AuthBearer:
	case AuthClientCredentials:
		if u, err := url.Parse(c.TokenURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			problems = append(problems, ErrTokenURL)
		}
		if strings.TrimSpace(c.ClientID) == "" {
			problems = append(problems, ErrClientID)
		}
		if strings.TrimSpace(c.PrivateKeyPEM) == "" && strings.TrimSpace(c.PrivateKeyFile) == "" {
			problems = append(problems, ErrNoKey)
		}
	default:
		problems = append(problems, ErrAuthKind)
	}
	return errors.Join(problems...)
}

// NormalServerURL is a server's base URL as carehub keys it: scheme and host lower case, no
// trailing slash, no query or fragment, so "https://FHIR.example/R4/" and
// "https://fhir.example/R4" are one server with one checkpoint.
func NormalServerURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return "", ErrServerURL
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	u.RawQuery, u.Fragment, u.RawFragment = "", "", ""
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u.String(), nil
}
