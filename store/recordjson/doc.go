// Package recordjson reads stored record bodies (the JSON encodeBody writes for patients,
// plans, PAM assessments, outcome records, contacts, staff, templates and services) several
// times faster than encoding/json, for the first full sync of a hub and the readers of a whole
// store.
//
// It is a fast path, not a second format: Decode either gives exactly the value json.Unmarshal
// would give for the same bytes into a zero value, or refuses, and the caller then uses
// encoding/json, whose behaviour on odd or bad input stays the product's. It refuses whatever
// it cannot be sure of: whitespace, a field name it does not know (a field added to a domain
// type later is never silently dropped), a key given twice, a null where the domain type has
// no pointer or slice, a number with a fraction or exponent or out of range, invalid UTF-8, a
// lone surrogate, a date time.Parse would not read, and a target that is not a zero value.
//
// The typed decoders (decoders_gen.go) are written by a generator from the domain types by
// reflection (internal/gen), so a changed type shows up as a failing test until they are
// written again with go generate.
package recordjson

//go:generate go run ./internal/writedecoders decoders_gen.go
