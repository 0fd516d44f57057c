// Package fhir maps one person's carehub records to FHIR R4 resources, profiled on UK Core
// where UK Core has a profile, and writes them as a transaction Bundle or as NDJSON.
//
// It is pure: no files, no store, no UI. The caller gathers a Person (patient, plan versions,
// PAM results, outcome records, contacts log), and the package decides what may leave the hub
// (only people whose latest decision on sharing with professionals is "given", unless
// Options.IncludeWithoutConsent) and how each field is written. docs/fhir-mapping.md lists
// every field and every choice; codes marked UNVERIFIED in shared/domain.md are kept in Codes,
// which a caller can correct without touching the mappers.
package fhir
