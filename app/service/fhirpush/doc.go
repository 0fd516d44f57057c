// Package fhirpush publishes consenting people's agreed care plans to a county's shared care
// record: a FHIR R4 server, one transaction per person (carehub fhir push).
//
// It is part of the service layer: it reads the store, maps each person with careplan/fhir,
// and keeps in the store, per server, a checkpoint like a paired device's and what was
// published of each person (server ids, versions, a hash of what was sent), so a second push
// sends only what changed, never creates anything twice, and notices when the server's copy
// was changed by someone else (412), which it reports instead of overwriting. A person who
// withdraws consent to share with professionals has what was published deleted. Only
// coordinators and administrators may push (access.User.PublishesSharedRecord), and every push
// is audited. docs/fhir-server.md says what a county's server sees.
package fhirpush
