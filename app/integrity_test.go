package app

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"
)

// editStoreFile changes a closed store's file directly, as someone with the file but no
// passphrase can.
func editStoreFile(t *testing.T, path string, fn func(tx *bbolt.Tx) error) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// usedPage is the page number of the patients' bucket's root in the store at path (4 KiB pages).
func usedPage(t *testing.T, path string) int {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var page int
	err = db.View(func(tx *bbolt.Tx) error {
		if root := tx.Bucket([]byte("patients")).Root(); root != 0 {
			page = int(root)
			return nil
		}
		return tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
			if page == 0 && b.Root() != 0 {
				page = int(b.Root())
			}
			return nil
		})
	})
	if err != nil || page == 0 {
		t.Fatalf("no page of the store's own to zero: %v", err)
	}
	if db.Info().PageSize != 4096 {
		t.Fatalf("the store's pages are %d bytes, not 4096", db.Info().PageSize)
	}
	return page
}

func TestDeletedChangeLogEntryStopsCommandsAndCheckNamesIt(t *testing.T) {
	db := demoStore(t, "5")
	editStoreFile(t, db, func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("changes"))
		c := b.Cursor()
		c.First()
		k, _ := c.Next() // the second entry, so the first still starts the chain
		return b.Delete(bytes.Clone(k))
	})
	code, out, stderr := run(t, "pw-for-tests", "list", "--db", db)
	if code == 0 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "history has been altered") ||
		!strings.Contains(stderr, "restore it from a backup") {
		t.Errorf("list on an altered store: exit %d, %q, %q", code, out, stderr)
	}
	code, out, stderr = run(t, "pw-for-tests", "check", "--db", db)
	if code == 0 {
		t.Fatalf("check passed an altered store:\n%s", out)
	}
	if !regexp.MustCompile(`(?m)^problem: history: the change to \S+ [0-9a-f-]{36} at .* does not follow from the entry before it`).MatchString(out) {
		t.Errorf("check does not name the broken entry:\n%s", out)
	}
	if strings.Count(stderr, "\n") != 1 {
		t.Errorf("check's error is not one line: %q", stderr)
	}
}

func TestPrintOfARecordSwappedUnderAnotherIsRefused(t *testing.T) {
	db := demoStore(t, "3")
	_, list, _ := run(t, "pw-for-tests", "list", "--db", db)
	numbers := regexp.MustCompile(`\d{3} \d{3} \d{4}`).FindAllString(list, -1)
	editStoreFile(t, db, func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("patients"))
		c := b.Cursor()
		k1, v1 := c.First()
		k2, v2 := c.Next()
		k1, v1, k2, v2 = bytes.Clone(k1), bytes.Clone(v1), bytes.Clone(k2), bytes.Clone(v2)
		if err := b.Put(k1, v2); err != nil {
			return err
		}
		return b.Put(k2, v1)
	})
	dir := t.TempDir()
	refused := 0
	for _, nhs := range numbers {
		nhs = strings.ReplaceAll(nhs, " ", "")
		out := filepath.Join(dir, nhs+".pdf")
		code, _, stderr := run(t, "pw-for-tests", "print", "--db", db, "--patient", nhs, "--out", out)
		if code == 0 || !strings.Contains(stderr, "altered") {
			continue // the third person, whose record was not moved (who may have no plan to print)
		}
		refused++
		if strings.Count(stderr, "\n") != 1 {
			t.Errorf("print of a swapped record: %q", stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Error("a PDF was written from a swapped record")
		}
	}
	if len(numbers) != 3 || refused != 2 {
		t.Errorf("%d of %d people refused as altered; want the two whose records were swapped", refused, len(numbers))
	}
	code, out, _ := run(t, "pw-for-tests", "check", "--db", db)
	if code == 0 || !strings.Contains(out, "the record inside is") {
		t.Errorf("check on swapped records: exit %d\n%s", code, out)
	}
}

func TestDamagedStoreCommandsSayOneLineAndChangeNothing(t *testing.T) {
	db := demoStore(t, "4")
	whole, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// The store cut short, and (separately) one of its pages zeroed, as a failing disk leaves it.
	// The page zeroed is one the store uses (the patients' bucket's root), found from the file
	// itself: a fixed page number may be a free page, which is no damage at all.
	cut := whole[:12<<10]
	zeroed := bytes.Clone(whole)
	page := usedPage(t, db)
	clear(zeroed[page*4096 : (page+1)*4096])
	dir := t.TempDir()
	for name, file := range map[string][]byte{"cut short": cut, "zeroed page": zeroed} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".db")
		if err := os.WriteFile(path, file, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"check", "--db", path},
			{"list", "--db", path},
			{"backup", "--db", path, "--out", filepath.Join(dir, "copy.db")},
			{"print", "--db", path, "--patient", "9434765919", "--out", filepath.Join(dir, "plan.pdf")},
			{"export", "fhir", "--db", path, "--out", filepath.Join(dir, "out.json"), "--all"},
			{"report", "--db", path, "--from", "2026-01-01", "--to", "2026-06-30"},
			{"device", "list", "--db", path},
		} {
			code, _, stderr := run(t, "pw-for-tests", args...)
			if code != 1 || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "this store is damaged: ") ||
				!strings.HasSuffix(stderr, "restore it from a backup\n") {
				t.Errorf("%s, %s: exit %d, %q", name, args[0], code, stderr)
			}
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, file) {
			t.Errorf("%s: the commands changed the damaged file", name)
		}
		for _, out := range []string{"copy.db", "plan.pdf", "out.json"} {
			if _, err := os.Stat(filepath.Join(dir, out)); err == nil {
				t.Errorf("%s: %s was written from a damaged store", name, out)
			}
		}
	}
}
