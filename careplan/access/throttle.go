package access

import "time"

// freeAttempts is how many wrong passphrases in a row are let through at once: enough for
// ordinary typing slips.
const freeAttempts = 5

// maxDelay caps the wait, so a hub member who forgot and remembered is not locked out for long.
const maxDelay = 5 * time.Minute

// Throttle slows passphrase guessing: after five wrong passphrases in a row each further attempt
// waits, one second after the fifth and doubling with each further miss, up to five minutes.
// The argon2id key derivation already makes every guess slow; this makes many guesses slower
// still on a laptop left somewhere. The zero value is ready to use; it is not safe for
// concurrent use.
type Throttle struct {
	misses int
}

// Delay is how long to wait before the next attempt.
func (t *Throttle) Delay() time.Duration {
	if t.misses < freeAttempts {
		return 0
	}
	d := time.Second << min(t.misses-freeAttempts, 16)
	return min(d, maxDelay)
}

// Failed records a wrong passphrase.
func (t *Throttle) Failed() { t.misses++ }

// Succeeded forgets earlier misses.
func (t *Throttle) Succeeded() { t.misses = 0 }

// DelayAfter is how long to wait before an attempt that follows misses wrong passphrases in a
// row: Throttle's rule, for a count kept elsewhere (the store keeps it, so a restart does not
// reset it).
func DelayAfter(misses int) time.Duration {
	t := Throttle{misses: max(misses, 0)}
	return t.Delay()
}
