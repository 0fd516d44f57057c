// Package store keeps carehub's records in one bbolt file: versioned, encrypted envelopes,
// a change log for sync, an append-only audit, and a compact sealed caseload that loads at
// unlock.
//
// Nothing that identifies a patient is stored in clear: record bodies, caseload entries and
// audit entries are sealed with AES-256-GCM under a random data key, and the data key is
// wrapped by a key derived from a passphrase with argon2id. Ids, kinds, versions and the
// deleted and final (agreed plan) flags stay in clear, so sync can work without the key; the
// NHS-number index is keyed by an HMAC under a key derived from the data key.
//
// A Store is safe for concurrent use. Every write (record, change-log entry, audit entry)
// happens in one bbolt transaction, so nothing is ever half-saved.
package store

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"carehub/careplan/access"
)

// Errors callers check for. Messages are written for the people who will read them.
var (
	ErrAlreadyOpen     = errors.New("carehub is already open on this store")
	ErrWrongPassphrase = errors.New("the passphrase is not right for this store")
	ErrNoStore         = errors.New("there is no carehub store at that path")
	ErrStoreExists     = errors.New("a carehub store already exists there")
	ErrNotFound        = errors.New("not found")
	ErrNotCarehub      = errors.New("this file is not a carehub store")
	ErrNewerStore      = errors.New("this store was written by a newer version of carehub: update carehub to open it")
	ErrNoPassphrase    = errors.New("a passphrase is needed")
	ErrDuplicateNHS    = errors.New("a patient with this NHS number is already on the hub")
	ErrBadID           = errors.New("not a carehub record id")
	ErrAppendOnly      = errors.New("a PAM assessment or outcome record cannot be changed once recorded: mark it entered in error instead")
	ErrPlanMoved       = errors.New("a plan cannot move to another patient")
	ErrStaffName       = errors.New("a staff member needs a name")
	ErrLiveStore       = errors.New("a backup cannot overwrite the store it copies")
)

// Options tune how a store is created or opened. The zero value is right for the app.
type Options struct {
	Now         func() time.Time // clock; nil = time.Now
	User        string           // who is working when the shared "hub" slot opens the store; an account's own name replaces it
	OpenTimeout time.Duration    // 0 = 1s; how long to wait for the file lock
	KDF         *KDFParams       // nil = ProductionKDF(); used when creating a key slot
	// Admin, when set, makes Create give the store its first hub administrator's account, with
	// this name and the passphrase, instead of the shared "hub" key slot. User is then ignored:
	// the audit names whoever signs in.
	Admin string
	// AdminAlso is a second role for that first administrator: access.Coordinator when the
	// person who sets the hub up also runs its caseload ("" for none).
	AdminAlso access.Role
	// Owner, when set, makes Create give the store this one account (a patient's, for their
	// tablet) instead of the shared slot or an administrator. It gets a new id.
	Owner *access.User
	// Inspect opens a store even when its history does not hold together (ErrAltered), so that
	// `carehub check` can say where; History then reports what the unlock found. Nothing else
	// should set it.
	Inspect bool
	// Sleep waits out the wrong-passphrase back-off kept in the file (backoff.go); nil means
	// time.Sleep. Tests pass their own.
	Sleep func(time.Duration)

	readOnly bool // open bbolt read-only: nothing is written, and no free list is rebuilt

	// importChunk, when above 0, replaces importChunkItems (tests make small bundles chunked).
	importChunk int
}

// Store is an open, unlocked carehub store.
type Store struct {
	// db is the open bbolt file. A large import replaces it with the copy it built (see
	// syncchunked.go), so it is read through bolt() under dbMu; writes hold writing, which
	// the import holds throughout, so no write is made to a file about to be replaced.
	db      *bolt.DB
	dbMu    sync.RWMutex
	writing sync.Mutex

	importChunk int // Options.importChunk
	path        string
	now         func() time.Time
	keys        *keys
	origin      uuid.UUID
	kdf         KDFParams // for the key slots of accounts added later

	// dataKey is kept while the store is open so that an administrator can give a new account
	// its own key slot; it is as secret as the keys derived from it and never leaves memory.
	dataKey []byte

	clock clock // the hybrid logical clock, resumed from the file at open

	mu       sync.Mutex // guards user and signedIn
	user     string
	signedIn access.User

	history error // what the unlock's check of the history found, when opened with Inspect

	kind    storeKind // hub or tablet, from the sealed record in meta (kind.go)
	kindDue bool      // an older store's kind was worked out at unlock and is to be recorded

	slotDue *slotUpgrade // the signed-in slot, from before grants, made again to be written at unlock
}

// slotUpgrade is a legacy key slot made again with a grant, for the unlock to write.
type slotUpgrade struct {
	name  string
	slot  keyslot
	grant grant
}

// fileMode keeps the store readable by its owner only.
const fileMode = 0o600

// Exists reports whether there is a file at path (a store, or something in its way).
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func create(path, passphrase string, kdf KDFParams, opt Options) (*Store, error) {
	db, err := openBolt(path, opt)
	if err != nil {
		return nil, err
	}
	dataKey := newDataKey()
	slotName := hubSlot
	var admin access.User
	switch {
	case opt.Owner != nil:
		admin = *opt.Owner
		admin.ID, admin.Active = uuid.NewString(), true
		if err := admin.Validate(); err != nil {
			db.Close()
			return nil, err
		}
		slotName = userSlot(admin.ID)
	case opt.Admin != "":
		admin = access.User{ID: uuid.NewString(), Name: opt.Admin, Role: access.Administrator, Also: opt.AdminAlso, Active: true}
		if err := admin.Validate(); err != nil {
			db.Close()
			return nil, err
		}
		slotName = userSlot(admin.ID)
	}
	slot, g, err := newSlot(slotName, passphrase, dataKey, kdf)
	if err != nil {
		db.Close()
		return nil, err
	}
	origin := uuid.New()
	err = db.Update(func(tx *bolt.Tx) error {
		if err := runMigrations(tx, migrations()); err != nil {
			return err
		}
		meta, err := bucket(tx, bucketMeta)
		if err != nil {
			return err
		}
		if err := meta.Put([]byte(metaMagic), []byte(metaMagicValue)); err != nil {
			return err
		}
		if err := meta.Put([]byte(metaDevice), origin[:]); err != nil {
			return err
		}
		if err := markCaseloadFormat(tx); err != nil { // a new store has no old entries
			return err
		}
		if err := meta.Put([]byte(metaCheckInIndex), []byte{1}); err != nil { // nor old check-ins
			return err
		}
		if err := markSignInList(tx); err != nil { // nor accounts left off the sign-in list
			return err
		}
		if err := meta.Put([]byte(metaChain), []byte{1}); err != nil { // its history is chained from the start
			return err
		}
		if err := markLastPAMOwn(tx); err != nil { // nor a last PAM taken from a Carer PAM
			return err
		}
		slots, err := bucket(tx, bucketKeyslots)
		if err != nil {
			return err
		}
		if err := slots.Put([]byte(slotName), slot.encode()); err != nil {
			return err
		}
		return putGrant(tx, slotName, g)
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	s, err := newStore(db, path, dataKey, origin, kdf, opt)
	if err != nil {
		db.Close()
		return nil, err
	}
	s.kind = storeKind{kind: HubStore}
	if opt.Owner != nil {
		s.kind = storeKind{kind: TabletStore, patient: admin.PatientID}
	}
	if err := s.update(func(w *writer) error { return putKind(w.tx, w.keys, s.kind) }); err != nil {
		db.Close()
		return nil, err
	}
	if slotName == hubSlot {
		s.signedIn = sharedHubUser(opt.User)
		return s, nil
	}
	if err := s.update(func(w *writer) error { return w.putUser(admin) }); err != nil {
		db.Close()
		return nil, err
	}
	s.signIn(admin)
	return s, nil
}

// Open unlocks the existing store at path with the passphrase alone: every key slot is tried
// in turn, and the one that opens says who signed in (OpenAs tries one). A wrong passphrase is
// reported as ErrWrongPassphrase and changes nothing in the file: the passphrase is checked in
// a read-only transaction, before any migration runs.
func Open(path, passphrase string, opt Options) (*Store, error) {
	return openWith(path, opt, func(tx *bolt.Tx) (string, []byte, bool, error) {
		if passphrase == "" {
			return "", nil, false, ErrWrongPassphrase
		}
		return unlockAnySlot(tx, passphrase)
	}, "", passphrase)
}

// openExisting opens the bbolt file of an existing store, refusing to create one.
func openExisting(path string, opt Options) (*bolt.DB, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", path, ErrNoStore)
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() || info.Size() == 0 {
		// bbolt would initialise an empty file: refuse before it can.
		return nil, fmt.Errorf("%s: %w", path, ErrNotCarehub)
	}
	// bbolt trusts its file, and a damaged one can crash it where nothing can recover: check
	// the file's structure first (filecheck.go).
	if err := checkFile(path); err != nil {
		return nil, err
	}
	var db *bolt.DB
	err = guard(func() error {
		var err error
		db, err = openBolt(path, opt)
		return err
	})
	return db, err
}

// slotOpener finds the key slot a sign-in opens and unwraps the data key from it; legacy says
// the slot wraps the data key itself, from before grants (grant.go).
type slotOpener func(tx *bolt.Tx) (slot string, dataKey []byte, legacy bool, err error)

// openWith unlocks the store at path with open; as, when not empty, is the account the person
// said they are, which the slot must turn out to be.
func openWith(path string, opt Options, open slotOpener, as, passphrase string) (*Store, error) {
	db, err := openExisting(path, opt)
	if err != nil {
		return nil, err
	}
	waitForBackOff(db, opt)
	s, err := unlock(db, path, open, as, passphrase, opt)
	countMiss(db, opt, err)
	if err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func unlock(db *bolt.DB, path string, open slotOpener, as, passphrase string, opt Options) (*Store, error) {
	var dataKey []byte
	var origin uuid.UUID
	var schema int
	var slotName string
	var legacy bool
	err := guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			var err error
			if origin, err = readIdentity(tx); err != nil {
				return err
			}
			if schema, err = schemaVersion(tx); err != nil {
				return err
			}
			if schema > len(migrations()) {
				return ErrNewerStore
			}
			slotName, dataKey, legacy, err = open(tx)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	kdf := ProductionKDF()
	if opt.KDF != nil {
		kdf = *opt.KDF
	}
	s, err := newStore(db, path, dataKey, origin, kdf, opt)
	if err != nil {
		return nil, err
	}
	if s.kindDue, err = s.loadKind(); err != nil {
		return nil, err
	}
	if err := s.signInWith(slotName, opt.User); err != nil {
		return nil, err
	}
	if as != "" {
		if err := s.checkSignedInAs(as); err != nil {
			return nil, err
		}
	}
	if legacy && !opt.readOnly { // the passphrase is at hand: give the slot a grant (grant.go)
		slot, g, err := newSlot(slotName, passphrase, dataKey, kdf)
		if err != nil {
			return nil, err
		}
		s.slotDue = &slotUpgrade{name: slotName, slot: slot, grant: g}
	}
	// Only the right passphrase gets this far, and only a store with something to do is
	// written: an ordinary open leaves the file as it was, bar the mark of history verified.
	if err := s.finishUnlock(schema < len(migrations()), opt.Inspect); err != nil {
		return nil, err
	}
	return s, nil
}

// readIdentity checks the file is a carehub store and returns the device id it was created with.
func readIdentity(tx *bolt.Tx) (uuid.UUID, error) {
	var origin uuid.UUID
	meta := tx.Bucket([]byte(bucketMeta))
	if meta == nil || string(meta.Get([]byte(metaMagic))) != metaMagicValue {
		return origin, ErrNotCarehub
	}
	dev := meta.Get([]byte(metaDevice))
	if len(dev) != len(origin) {
		return origin, fmt.Errorf("the device id is damaged: %w", ErrNotCarehub)
	}
	copy(origin[:], dev)
	return origin, nil
}

// unlockAnySlot tries each key slot in turn (the shared "hub" slot and one per account), so
// any passphrase that has a slot opens the store, and the slot it opened says who signed in.
// Each try costs one argon2id derivation, so signing in takes longer on a hub with many
// accounts; the unlock screen asks for the passphrase alone because of this trade.
func unlockAnySlot(tx *bolt.Tx, passphrase string) (string, []byte, bool, error) {
	slots, err := bucket(tx, bucketKeyslots)
	if err != nil {
		return "", nil, false, err
	}
	tried := false
	c := slots.Cursor()
	for name, v := c.First(); name != nil; name, v = c.Next() {
		slot, err := decodeKeyslot(v)
		if err != nil {
			return "", nil, false, fmt.Errorf("slot %q: %w", name, err)
		}
		tried = true
		key, legacy, err := openSlot(tx, string(name), passphrase, slot)
		if err == nil {
			return string(name), key, legacy, nil
		}
		if !errors.Is(err, ErrWrongPassphrase) {
			return "", nil, false, err
		}
	}
	if !tried {
		return "", nil, false, fmt.Errorf("the store has no key slot: %w", ErrNotCarehub)
	}
	return "", nil, false, ErrWrongPassphrase
}

// openBolt opens the bbolt file with a lock timeout, so a second copy of carehub on the same
// store gets ErrAlreadyOpen instead of hanging. The file is never created here: Create makes it
// first, and Open must not leave a file behind at a mistyped path.
func openBolt(path string, opt Options) (*bolt.DB, error) {
	timeout := opt.OpenTimeout
	if timeout <= 0 {
		timeout = time.Second
	}
	db, err := bolt.Open(path, fileMode, boltOptions(timeout, opt.readOnly))
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, ErrAlreadyOpen
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, ErrNoStore)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return nil, fmt.Errorf("%s: %w", path, ErrNotCarehub)
	}
	return nil, fmt.Errorf("opening %s: %w", path, err)
}

// boltOptions are the bbolt options every store file is opened with.
func boltOptions(timeout time.Duration, readOnly bool) *bolt.Options {
	return &bolt.Options{
		Timeout:         timeout,
		ReadOnly:        readOnly,
		NoFreelistSync:  true,
		FreelistType:    bolt.FreelistMapType,
		InitialMmapSize: initialMmapSize(),
		OpenFile: func(name string, flag int, mode os.FileMode) (*os.File, error) {
			return os.OpenFile(name, flag&^os.O_CREATE, mode)
		},
	}
}

// initialMmapSize reserves address space for a county-sized store up front. bbolt maps the
// file and, when a write transaction outgrows the map, maps it again and first copies every
// page the transaction has changed onto the heap: a first sync of 30,000 people would do that
// a dozen times over hundreds of megabytes. The map is only address space (the file still
// grows with what is written) on 64-bit Linux and macOS; on Windows bbolt would grow the file
// to the map's size, and 32-bit systems have little address space to spare, so those keep
// bbolt's default.
func initialMmapSize() int {
	if runtime.GOOS == "windows" || strconv.IntSize < 64 {
		return 0
	}
	return 1 << 30
}

func newStore(db *bolt.DB, path string, dataKey []byte, origin uuid.UUID, kdf KDFParams, opt Options) (*Store, error) {
	k, err := newKeys(dataKey)
	if err != nil {
		clear(dataKey)
		return nil, err
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	s := &Store{db: db, path: path, now: now, keys: k, origin: origin, kdf: kdf, dataKey: dataKey, user: opt.User,
		importChunk: opt.importChunk}
	err = s.view(func(tx *bolt.Tx) error {
		var err error
		if s.clock.last, err = lastVersion(tx); err != nil {
			return err
		}
		return k.carriedPseudonym(tx)
	})
	if err != nil {
		clear(dataKey)
		return nil, err
	}
	return s, nil
}

// History is what this unlock's check of the history found: nil, or (for a store opened with
// Options.Inspect) the ErrAltered that would have refused it.
func (s *Store) History() error { return s.history }

// Close releases the file lock and forgets the data key. The Store must not be used afterwards.
func (s *Store) Close() error {
	clear(s.dataKey)
	return s.bolt().Close()
}

// bolt is the open bbolt file.
func (s *Store) bolt() *bolt.DB {
	s.dbMu.RLock()
	defer s.dbMu.RUnlock()
	return s.db
}

// Path is the file the store lives in.
func (s *Store) Path() string { return s.path }

// SetUser sets who is working, for the envelopes and audit entries of later writes and views.
func (s *Store) SetUser(name string) {
	s.mu.Lock()
	s.user = name
	s.mu.Unlock()
}

func (s *Store) currentUser() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user
}

// update runs fn in one read-write transaction with a writer for this store.
func (s *Store) update(fn func(w *writer) error) error {
	if err := s.stillWhole(); err != nil {
		return err
	}
	s.writing.Lock()
	defer s.writing.Unlock()
	return guard(func() error {
		return s.bolt().Update(func(tx *bolt.Tx) error {
			w := s.writer(tx)
			if err := fn(w); err != nil {
				return err
			}
			return w.advanceMark()
		})
	})
}

// stillWhole refuses a write to a file that has been cut short since it was opened (another
// program, a network share): bbolt rebuilds its free list after every write that fails, on a
// goroutine of its own that would fault past the end of the file and take carehub down. A read
// needs no such check: guard turns its fault into ErrDamaged.
func (s *Store) stillWhole() error {
	info, err := os.Stat(s.path)
	if err != nil {
		return err
	}
	var need int64
	if err := s.view(func(tx *bolt.Tx) error { need = tx.Size(); return nil }); err != nil {
		return err
	}
	if info.Size() < need {
		return damaged("the file has been cut short while open (%d bytes of %d)", info.Size(), need)
	}
	return nil
}

// view runs fn in one read transaction.
// A read that began on the file a large import has just replaced (and closed) runs again on
// the new one.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	for {
		db := s.bolt()
		err := guard(func() error { return db.View(fn) })
		if errors.Is(err, berrors.ErrDatabaseNotOpen) && s.bolt() != db {
			continue
		}
		return err
	}
}

func (s *Store) writer(tx *bolt.Tx) *writer {
	return &writer{tx: tx, keys: s.keys, origin: s.origin, user: s.currentUser(), now: s.now(), clock: &s.clock}
}

// parseID reads a record id. Ids are canonical UUID strings, which lets the file key records
// by their 16 bytes and keeps ids from different devices from colliding.
func parseID(id string) (uuid.UUID, error) {
	u, err := uuid.Parse(id)
	if err != nil || u.String() != id {
		return uuid.UUID{}, fmt.Errorf("%q: %w", id, ErrBadID)
	}
	return u, nil
}

// withNewID gives *id a new UUID when it is empty, runs save, and takes the id back if save
// fails, so a failed save never leaves the caller holding an id with no record behind it.
func withNewID(id *string, save func() error) error {
	if *id != "" {
		return save()
	}
	*id = uuid.NewString()
	err := save()
	if err != nil {
		*id = ""
	}
	return err
}
