package app

import "testing"

// The audit names the system account that ran a command, on Windows laptops (USERNAME) as on
// Linux (USER).
func TestOperatorNamesTheSystemAccountOnLinuxAndWindows(t *testing.T) {
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"USER": "ann"}, "command line (ann)"},
		{map[string]string{"USERNAME": "Siobhán Ó Briain"}, "command line (Siobhán Ó Briain)"},
		{map[string]string{}, "command line"},
	} {
		env := Env{Getenv: func(k string) string { return c.env[k] }}
		if got := operator(env); got != c.want {
			t.Errorf("%v: %q, want %q", c.env, got, c.want)
		}
	}
}
