package app

import (
	"errors"
	"testing"
	"time"
)

func TestIdleLockSetting(t *testing.T) {
	tests := []struct {
		v    string
		want time.Duration
		err  error
	}{
		{"", 0, nil},
		{"off", -1, nil},
		{"90s", 90 * time.Second, nil},
		{"10m", 10 * time.Minute, nil},
		{"soon", 0, errIdleLock},
		{"-5m", 0, errIdleLock},
	}
	for _, tc := range tests {
		got, err := IdleLock(func(string) string { return tc.v })
		if got != tc.want || !errors.Is(err, tc.err) {
			t.Errorf("%q: got %v, %v", tc.v, got, err)
		}
	}
}
