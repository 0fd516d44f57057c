package locale

import "testing"

func TestPlainCLocalesNameNoLanguage(t *testing.T) {
	cases := map[string]bool{
		"C.UTF-8": true, "POSIX.utf8": true, "C": false, "en_GB.UTF-8": false, "": false, "cy_GB": false,
	}
	for loc, want := range cases {
		if got := plainC(loc); got != want {
			t.Errorf("plainC(%q) = %v, want %v", loc, got, want)
		}
	}
}

func TestEffectiveLocaleFollowsGettextOrder(t *testing.T) {
	env := map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "C.UTF-8"}
	if got := effective(func(k string) string { return env[k] }); got != "C.UTF-8" {
		t.Errorf("effective = %q, want LC_MESSAGES to win over LANG", got)
	}
	env["LC_ALL"] = "cy_GB.UTF-8"
	if got := effective(func(k string) string { return env[k] }); got != "cy_GB.UTF-8" {
		t.Errorf("effective = %q, want LC_ALL to win", got)
	}
}
