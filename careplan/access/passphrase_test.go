package access

import (
	"errors"
	"testing"
)

func TestCheckNewPassphrase(t *testing.T) {
	tests := []struct {
		name string
		pass string
		ok   bool
	}{
		{"one character", "1", false},
		{"empty", "", false},
		{"nine characters", "123456789", false},
		{"ten characters", "1234567890", true},
		{"ten letters counted as letters, not bytes", "ŵŷâêîôûëïö", true},
		{"nine letters in Welsh", "ŵŷâêîôûëï", false},
		{"spaces at the ends do not count", "   12345678   ", false},
		{"three short words", "ox at my", true},
		{"two words", "kettle on", false}, // 9 characters, two words
		{"three words, one a single letter", "I am ok", false},
		{"three words of punctuation", "!! ?? ..", false},
		{"a sentence", "correct horse battery staple", true},
	}
	for _, tt := range tests {
		err := CheckNewPassphrase(tt.pass)
		if tt.ok && err != nil {
			t.Errorf("%s: %q refused: %v", tt.name, tt.pass, err)
		}
		if !tt.ok && !errors.Is(err, ErrWeakPassphrase) {
			t.Errorf("%s: %q accepted (%v)", tt.name, tt.pass, err)
		}
	}
}
