package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Every bucket name carehub uses, in one place, so the file layout can be read at a glance and
// a migration never misspells a name. All buckets are top-level. Names are constants (not
// []byte variables) so there is no mutable package state.
//
//	meta              magic, schema version, device id, last hybrid-clock value
//	keyslots          slot name → passphrase-wrapped data key
//	patients          record id (16 bytes) → envelope
//	plans             record id → envelope
//	pam               record id → envelope
//	staff             record id → envelope
//	plans-by-patient  patient id + plan id → empty (a patient's plans load without a scan)
//	pam-by-patient    patient id + assessment id → empty
//	outcomes          record id → envelope (frailty, loneliness, wellbeing; schema step 2)
//	outcomes-by-patient  patient id + outcome record id → empty (schema step 2)
//	contacts          record id → envelope (contacts log; schema step 3)
//	contacts-by-patient  patient id + contact id → empty (schema step 3)
//	templates         record id → envelope (the hub's own plan templates; schema step 4)
//	services          record id → envelope (the signposting directory; schema step 4)
//	caseload          patient id → sealed compact caseload entry
//	nhs-index         HMAC(NHS number) → patient id (so no NHS number is ever in clear)
//	changes           version (8 bytes, big-endian) + record id → kind code
//	audit             sequence (8 bytes, big-endian) → sealed audit entry
//	users             account id → sealed account (name, role, links; schema step 5)
//	checkins          check-in id (16 bytes) → sealed goal check-in from a tablet (schema step 6)
//	peers             device id (16 bytes) → sealed paired device: card, checkpoint (schema step 7)
//	conflicts         record id (16 bytes) → sealed conflict found by a merge (schema step 7)
//	fhir-push         "config" → sealed shared-record server settings; 's' ‖ server key → sealed
//	                  checkpoint; 'p' ‖ server key ‖ patient id → sealed publication (schema step 9)
//	accounts          key slot name → 1, account name in clear: the sign-in list (schema step 10)
//	chain-gaps        version (8 bytes) → 1, digest, link: a change-log entry a tablet's wipe
//	                  removed, kept only as its place in the history's chain (schema step 11)
const (
	bucketMeta           = "meta"
	bucketKeyslots       = "keyslots"
	bucketPatients       = "patients"
	bucketPlans          = "plans"
	bucketAssessments    = "pam"
	bucketStaff          = "staff"
	bucketPlansByPatient = "plans-by-patient"
	bucketPAMByPatient   = "pam-by-patient"
	bucketCaseload       = "caseload"
	bucketNHSIndex       = "nhs-index"
	bucketChanges        = "changes"
	bucketAudit          = "audit"

	bucketOutcomes          = "outcomes"
	bucketOutcomesByPatient = "outcomes-by-patient"

	bucketContacts          = "contacts"
	bucketContactsByPatient = "contacts-by-patient"

	bucketTemplates = "templates"
	bucketServices  = "services"

	bucketUsers    = "users"
	bucketCheckIns = "checkins"

	bucketCheckInsByPatient = "checkins-by-patient" // patient id ‖ check-in id → nothing
	bucketCheckInArrivals   = "checkins-arrived"    // clock version ‖ check-in id → device it came from, or nothing

	bucketPeers     = "peers"
	bucketConflicts = "conflicts"

	bucketFHIRPush = "fhir-push"

	bucketAccounts  = "accounts"   // the sign-in list: active staff accounts' names (signin.go)
	bucketChainGaps = "chain-gaps" // where a wipe removed change-log entries (chain.go)
)

// Keys in the meta bucket.
const (
	metaMagic  = "magic"  // metaMagicValue: tells a carehub store from any other bbolt file
	metaSchema = "schema" // uint32 big-endian: how many migrations have run
	metaDevice = "device" // 16-byte UUID of the device that created this store
	metaHLC    = "hlc"    // uint64 big-endian: the last version handed out

	metaCaseloadFormat = "caseload-format"  // 1 byte: every caseload entry is in this format
	metaTarget         = "enrolment-target" // uint32 big-endian: the hub's enrolment target
	metaHubName        = "hub-name"         // UTF-8: the hub's own name, for screens and printouts
	metaHubLogo        = "hub-logo"         // sealed PNG or JPEG bytes: the hub's logo, absent when none
	metaDeviceKeys     = "device-keys"      // sealed X25519 and Ed25519 private keys (sync)
	metaDeviceName     = "device-name"      // sealed UTF-8: what other devices call this one
	metaCheckInIndex   = "checkin-index"    // 1 byte, 1: every check-in is in the by-patient index
	metaLastPAMOwn     = "last-pam-own"     // 1 byte, 1: every caseload entry's last PAM is the person's own
	metaBackupPlan     = "backup-plan"      // JSON: the running app's backup folder, how many to keep, daily or not, and the last backup
)

// metaMagicValue marks a carehub store.
const metaMagicValue = "carehub store"

// hubSlot is the key slot a store made without a first administrator has: the hub's shared
// passphrase. Stores made by the app have a slot per account instead (userSlotPrefix + id).
const hubSlot = "hub"

// userSlotPrefix starts the name of an account's key slot; the account id follows.
const userSlotPrefix = "user:"

// allBuckets lists the buckets the first migration creates.
func allBuckets() []string {
	return []string{
		bucketMeta, bucketKeyslots,
		bucketPatients, bucketPlans, bucketAssessments, bucketStaff,
		bucketPlansByPatient, bucketPAMByPatient,
		bucketCaseload, bucketNHSIndex, bucketChanges, bucketAudit,
	}
}

// outcomeBuckets lists the buckets schema step 2 adds for outcome records. They are kept apart
// from allBuckets so the released first step stays exactly as stores in the field ran it.
func outcomeBuckets() []string {
	return []string{bucketOutcomes, bucketOutcomesByPatient}
}

// contactBuckets lists the buckets schema step 3 adds for the contacts log.
func contactBuckets() []string {
	return []string{bucketContacts, bucketContactsByPatient}
}

// planLibraryBuckets lists the buckets schema step 4 adds: plan templates and the directory of
// community services, both the hub's rather than any one person's.
func planLibraryBuckets() []string {
	return []string{bucketTemplates, bucketServices}
}

// bucket returns a top-level bucket that the schema guarantees, or an error naming it: a
// missing bucket means a damaged or foreign file, never a normal condition.
func bucket(tx *bolt.Tx, name string) (*bolt.Bucket, error) {
	b := tx.Bucket([]byte(name))
	if b == nil {
		return nil, fmt.Errorf("the %q bucket is missing: %w", name, ErrNotCarehub)
	}
	return b, nil
}

// bucketOfKind is where records of a kind live.
func bucketOfKind(k Kind) string {
	switch k {
	case KindPatient:
		return bucketPatients
	case KindPlan:
		return bucketPlans
	case KindAssessment:
		return bucketAssessments
	case KindStaff:
		return bucketStaff
	case KindOutcome:
		return bucketOutcomes
	case KindContact:
		return bucketContacts
	case KindTemplate:
		return bucketTemplates
	case KindService:
		return bucketServices
	}
	return ""
}
