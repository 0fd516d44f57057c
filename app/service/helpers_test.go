package service

import (
	"time"

	"carehub/app/service/servicetest"
)

// fixedNow is the day the tests run on, so demo data is the same every time.
func fixedNow() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }

// testOptions are the services' options in these tests: the fixed clock, the app's printing
// fonts and a cheap key derivation.
func testOptions() Options {
	return Options{Now: fixedNow, KDF: servicetest.CheapKDF, Fonts: servicetest.Fonts()}
}

// servicesOn is every service over the store src gives, as the tests use them.
func servicesOn(src Source) *Set { return NewSet(src, testOptions()) }
