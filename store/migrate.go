package store

import (
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migration is one step of the schema. Step n (counting from 1) takes a store at schema
// version n-1 to version n. A step runs inside the transaction that records its version, so a
// store is never left between versions.
type migration func(tx *bolt.Tx) error

// migrations returns every schema step in order. Append new steps at the end; never edit or
// reorder a released one, because stores in the field have already run it.
func migrations() []migration {
	return []migration{
		createBuckets,        // 1: the initial layout
		createOutcomeBuckets, // 2: outcome records (frailty, loneliness, wellbeing)
		createContactBuckets, // 3: the contacts log
		createPlanLibrary,    // 4: plan templates and the community services directory
		createUserBucket,     // 5: user accounts
		createCheckInBucket,  // 6: goal check-ins made on a patient's tablet
		createSyncBuckets,    // 7: paired devices and merge conflicts (sync)
		createCheckInIndex,   // 8: goal check-ins by patient
		createFHIRPushBucket, // 9: what was published to shared-record FHIR servers
		createSignInList,     // 10: active staff accounts' names, for signing in by name
		createChainGaps,      // 11: the places of change-log entries a tablet's wipe removed
	}
}

// createBuckets makes every bucket in buckets.go.
func createBuckets(tx *bolt.Tx) error {
	for _, name := range allBuckets() {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return fmt.Errorf("creating bucket %q: %w", name, err)
		}
	}
	return nil
}

// createOutcomeBuckets adds the outcome buckets. A store created before outcomes existed gains
// them when it is next unlocked; a new store runs this straight after step 1.
func createOutcomeBuckets(tx *bolt.Tx) error {
	for _, name := range outcomeBuckets() {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return fmt.Errorf("creating bucket %q: %w", name, err)
		}
	}
	return nil
}

// createContactBuckets adds the contacts log's buckets (schema step 3).
func createContactBuckets(tx *bolt.Tx) error {
	for _, name := range contactBuckets() {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return fmt.Errorf("creating bucket %q: %w", name, err)
		}
	}
	return nil
}

// schemaVersion reads how many migrations the store has run (0 for a new file).
func schemaVersion(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil {
		return 0, nil
	}
	b := meta.Get([]byte(metaSchema))
	if b == nil {
		return 0, nil
	}
	if len(b) != 4 {
		return 0, fmt.Errorf("the schema version is damaged: %w", ErrNotCarehub)
	}
	return int(binary.BigEndian.Uint32(b)), nil
}

// runMigrations runs, in order, the steps the store has not run yet, and records each one.
func runMigrations(tx *bolt.Tx, steps []migration) error {
	done, err := schemaVersion(tx)
	if err != nil {
		return err
	}
	if done > len(steps) {
		return ErrNewerStore
	}
	for i := done; i < len(steps); i++ {
		if err := steps[i](tx); err != nil {
			return fmt.Errorf("schema step %d: %w", i+1, err)
		}
		meta, err := tx.CreateBucketIfNotExists([]byte(bucketMeta))
		if err != nil {
			return err
		}
		if err := meta.Put([]byte(metaSchema), binary.BigEndian.AppendUint32(nil, uint32(i+1))); err != nil {
			return err
		}
	}
	return nil
}

// createPlanLibrary adds the buckets for the hub's plan templates and its directory of
// community services (schema step 4).
func createPlanLibrary(tx *bolt.Tx) error {
	for _, name := range planLibraryBuckets() {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return fmt.Errorf("creating bucket %q: %w", name, err)
		}
	}
	return nil
}

// createUserBucket adds the bucket of user accounts (schema step 5). Accounts' key slots live in
// the keyslots bucket beside the shared one, so older stores keep opening as before.
func createUserBucket(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketUsers)); err != nil {
		return fmt.Errorf("creating bucket %q: %w", bucketUsers, err)
	}
	return nil
}

// createCheckInBucket adds the bucket of goal check-ins (schema step 6).
func createCheckInBucket(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketCheckIns)); err != nil {
		return fmt.Errorf("creating bucket %q: %w", bucketCheckIns, err)
	}
	return nil
}

// createSyncBuckets adds the buckets sync keeps: the devices this store is paired with, and
// the conflicts merges have found (schema step 7).
func createSyncBuckets(tx *bolt.Tx) error {
	for _, name := range []string{bucketPeers, bucketConflicts} {
		if _, err := tx.CreateBucketIfNotExists([]byte(name)); err != nil {
			return fmt.Errorf("creating bucket %q: %w", name, err)
		}
	}
	return nil
}

// createChainGaps adds the bucket of gaps in the history's chain (schema step 11). The chain
// itself is built at the next unlock (chainupgrade.go), because a migration runs before the key
// is known.
func createChainGaps(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists([]byte(bucketChainGaps)); err != nil {
		return fmt.Errorf("creating bucket %q: %w", bucketChainGaps, err)
	}
	return nil
}
