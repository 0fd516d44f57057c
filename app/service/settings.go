package service

import (
	"fmt"

	"carehub/careplan/access"
)

// Settings keeps each person's own settings with their account, and the hub's name and logo,
// which only an administrator may change.
type Settings struct{ base }

// Preferences are the signed-in account's own settings.
func (s *Settings) Preferences() (access.Preferences, error) {
	st, err := s.store()
	if err != nil {
		return access.Preferences{}, err
	}
	return st.SignedIn().Prefs, nil
}

// SavePreferences keeps the signed-in account's own settings.
func (s *Settings) SavePreferences(p access.Preferences) error {
	st, err := s.store()
	if err != nil {
		return err
	}
	return st.SavePreferences(p)
}

// HubName is the hub's name as screens and printouts show it.
func (s *Settings) HubName() (string, error) {
	st, err := s.store()
	if err != nil {
		return "", err
	}
	return hubName(st), nil
}

// SetHubName changes the hub's name; only an administrator may.
func (s *Settings) SetHubName(name string) error {
	st, err := s.store()
	if err != nil {
		return err
	}
	if !st.SignedIn().ManagesSettings() {
		return fmt.Errorf("%w: only a hub administrator changes the hub's name", access.ErrNotAllowed)
	}
	return st.SetHubName(name)
}

// HubLogo is the hub's logo, a PNG or JPEG, or nil when it has none.
func (s *Settings) HubLogo() ([]byte, error) {
	st, err := s.store()
	if err != nil {
		return nil, err
	}
	return st.HubLogo()
}

// SetHubLogo changes the hub's logo, or removes it when logo is empty; only an administrator
// may.
func (s *Settings) SetHubLogo(logo []byte) error {
	st, err := s.store()
	if err != nil {
		return err
	}
	if !st.SignedIn().ManagesSettings() {
		return fmt.Errorf("%w: only a hub administrator changes the hub's logo", access.ErrNotAllowed)
	}
	return st.SetHubLogo(logo)
}
