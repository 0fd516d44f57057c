package app

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"carehub/app/service/servicetest"
	"carehub/store"
)

// laptopFile makes a closed hub store on disk named name (with demo patients when demo > 0),
// for the sync commands to open as an operator would. Its file is checked at cleanup.
func laptopFile(t *testing.T, dir, name string, demo int) string {
	t.Helper()
	path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".carehub")
	st, err := store.Create(path, "pw-for-tests", store.Options{Now: fixedNow, KDF: servicetest.CheapKDF})
	if err != nil {
		t.Fatal(err)
	}
	if demo > 0 {
		if err := services(Env{Now: fixedNow}, st).Demo.Load(1, demo, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RenameDevice(name); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { servicetest.CheckBolt(t, path) })
	return path
}

// ok runs a command that must succeed and returns what it printed.
func ok(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := run(t, "pw-for-tests", args...)
	if code != 0 {
		t.Fatalf("carehub %s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	return out
}

// refused runs a command that must fail and returns its one line of complaint.
func refused(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := run(t, "pw-for-tests", args...)
	if code == 0 {
		t.Fatalf("carehub %s succeeded: %s", strings.Join(args, " "), out)
	}
	if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "carehub: ") {
		t.Errorf("carehub %s: want one line, got %q", strings.Join(args, " "), stderr)
	}
	for _, dump := range []string{"goroutine", "panic", "open /", "no such file or directory", "invalid character", "%!"} {
		if strings.Contains(stderr, dump) {
			t.Errorf("carehub %s: %q is not in the user's words: %q", strings.Join(args, " "), dump, stderr)
		}
	}
	return stderr
}

// pairLaptops pairs two store files through their device cards, as two coordinators would.
func pairLaptops(t *testing.T, dir, a, b string) {
	t.Helper()
	for _, p := range [][3]string{{a, b, "a.card"}, {b, a, "b.card"}} {
		card := filepath.Join(dir, p[2])
		ok(t, "device", "card", "--db", p[0], "--out", card)
		ok(t, "device", "add", "--db", p[1], "--card", card)
	}
}

func TestDeviceCardAddAndListPairTwoLaptops(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 0), laptopFile(t, dir, "Hub laptop 2", 0)
	if out := ok(t, "device", "list", "--db", a); strings.Count(out, "\n") != 1 {
		t.Errorf("an unpaired store lists devices:\n%s", out)
	}
	card := filepath.Join(dir, "a.card")
	out := ok(t, "device", "card", "--db", a, "--out", card)
	if !strings.HasPrefix(out, "device card of Hub laptop 1 (hub, device ") || !strings.Contains(out, card) {
		t.Errorf("device card said %q", out)
	}
	if out := ok(t, "device", "add", "--db", b, "--card", card); !strings.HasPrefix(out, "paired with Hub laptop 1 (hub, device ") {
		t.Errorf("device add said %q", out)
	}
	// Adding the same card again changes nothing and is not an error.
	ok(t, "device", "add", "--db", b, "--card", card)
	ok(t, "device", "card", "--db", b, "--out", filepath.Join(dir, "b.card"))
	ok(t, "device", "add", "--db", a, "--card", filepath.Join(dir, "b.card"))

	row := regexp.MustCompile(`(?m)^[0-9a-f-]{36}\s+(Hub laptop \d)\s+hub\s+[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3}\s+never\s+never\s+(\d+)$`)
	for db, want := range map[string]string{a: "Hub laptop 2", b: "Hub laptop 1"} {
		out := ok(t, "device", "list", "--db", db)
		rows := row.FindAllStringSubmatch(out, -1)
		if len(rows) != 1 || rows[0][1] != want {
			t.Errorf("device list on the store paired with %s:\n%s", want, out)
		}
	}
	// A store's own card is refused: it would be a copy of itself.
	if msg := refused(t, "device", "add", "--db", a, "--card", card); !strings.Contains(msg, "this store's own device id") {
		t.Errorf("own card: %q", msg)
	}
}

func TestSyncExportImportAndAcknowledgementMoveTheCheckpoint(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 6), laptopFile(t, dir, "Hub laptop 2", 0)
	pairLaptops(t, dir, a, b)

	bundlePath, ackPath := filepath.Join(dir, "to-2.chb"), filepath.Join(dir, "back-to-1.chb")
	out := ok(t, "sync", "export", "--db", a, "--to", "hub laptop 2", "--out", bundlePath)
	first := regexp.MustCompile(`^Bundle for Hub laptop 2: (\d+) records, `).FindStringSubmatch(out)
	if first == nil || first[1] == "0" {
		t.Fatalf("first export said %q", out)
	}
	out = ok(t, "sync", "import", "--db", b, "--in", bundlePath, "--ack", ackPath)
	if !strings.HasPrefix(out, "Bundle from Hub laptop 1: "+first[1]+" new, 0 updated, 0 merged, 0 unchanged;") ||
		!strings.Contains(out, "acknowledgement for Hub laptop 1 written to "+ackPath) {
		t.Errorf("import said %q", out)
	}
	if la, lb := ok(t, "list", "--db", a), ok(t, "list", "--db", b); la != lb || strings.Count(lb, "\n") != 6 {
		t.Errorf("laptop 2 does not list laptop 1's six patients:\n%s---\n%s", la, lb)
	}

	// Until the acknowledgement comes back, laptop 1 still counts everything as waiting and
	// the next bundle carries it all again.
	if out := ok(t, "device", "list", "--db", a); !regexp.MustCompile(`\s[1-9]\d*\n$`).MatchString(out) {
		t.Errorf("before the acknowledgement nothing waits:\n%s", out)
	}
	if out := ok(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", bundlePath); !strings.HasPrefix(out, "Bundle for Hub laptop 2: "+first[1]+" records") {
		t.Errorf("export before the acknowledgement said %q", out)
	}
	if out := ok(t, "sync", "import", "--db", a, "--in", ackPath); out != "Acknowledgement from Hub laptop 2: it has everything up to that bundle\n" {
		t.Errorf("importing the acknowledgement said %q", out)
	}
	if out := ok(t, "device", "list", "--db", a); !regexp.MustCompile(`Hub laptop 2\s+hub\s+\S.*\s0\n$`).MatchString(out) {
		t.Errorf("after the acknowledgement something still waits:\n%s", out)
	}
	out = ok(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", filepath.Join(dir, "again.chb"))
	if !strings.HasPrefix(out, "Bundle for Hub laptop 2: 0 records, ") || !strings.Contains(out, "nothing new since the last bundle it acknowledged") {
		t.Errorf("export after the acknowledgement said %q", out)
	}
}

func TestImportingABundleTwiceChangesNothingAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 4), laptopFile(t, dir, "Hub laptop 2", 0)
	pairLaptops(t, dir, a, b)
	bundlePath := filepath.Join(dir, "to-2.chb")
	ok(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", bundlePath)
	ok(t, "sync", "import", "--db", b, "--in", bundlePath)
	listed, checked := ok(t, "list", "--db", b), withoutAudit(ok(t, "check", "--db", b))

	out := ok(t, "sync", "import", "--db", b, "--in", bundlePath)
	if !strings.HasPrefix(out, "Bundle from Hub laptop 1 had already been imported: nothing changed\n") {
		t.Errorf("second import said %q", out)
	}
	if ok(t, "list", "--db", b) != listed || withoutAudit(ok(t, "check", "--db", b)) != checked {
		t.Error("importing the same bundle again changed the store")
	}
	// The acknowledgement is written again, in case the first one was lost.
	if _, err := os.Stat(filepath.Join(dir, "to-2.ack.chb")); err != nil {
		t.Errorf("no acknowledgement after the second import: %v", err)
	}
}

// withoutAudit drops check's audit count, which every command adds to.
func withoutAudit(check string) string {
	return regexp.MustCompile(`(?m)^audit entries.*\n`).ReplaceAllString(check, "")
}

func TestBundleForAnotherDeviceIsRefusedInOneLine(t *testing.T) {
	dir := t.TempDir()
	a := laptopFile(t, dir, "Hub laptop 1", 3)
	b, c := laptopFile(t, dir, "Hub laptop 2", 0), laptopFile(t, dir, "Hub laptop 3", 0)
	pairLaptops(t, dir, a, b)
	pairLaptops(t, dir, a, c)
	bundlePath := filepath.Join(dir, "to-2.chb")
	ok(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", bundlePath)
	if msg := refused(t, "sync", "import", "--db", c, "--in", bundlePath); msg != "carehub: this bundle is for another device, not this one\n" {
		t.Errorf("laptop 3 importing laptop 2's bundle: %q", msg)
	}
	if out := ok(t, "list", "--db", c); out != "" {
		t.Errorf("a refused bundle brought in patients:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "to-2.ack.chb")); !os.IsNotExist(err) {
		t.Errorf("an acknowledgement was written for a refused bundle: %v", err)
	}
}

func TestAcknowledgementThatCannotBeWrittenSaysTheImportHappened(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 2), laptopFile(t, dir, "Hub laptop 2", 0)
	pairLaptops(t, dir, a, b)
	bundlePath := filepath.Join(dir, "to-2.chb")
	ok(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", bundlePath)
	code, out, stderr := run(t, "pw-for-tests", "sync", "import", "--db", b, "--in", bundlePath, "--ack", filepath.Join(dir, "no-such-folder", "x.chb"))
	if code == 0 || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("exit %d, %q", code, stderr)
	}
	if !strings.Contains(stderr, "the bundle was imported, but its acknowledgement could not be written") || !strings.Contains(stderr, "there is no such folder") {
		t.Errorf("the message does not say the import happened and only the acknowledgement failed: %q", stderr)
	}
	if !strings.HasPrefix(out, "Bundle from Hub laptop 1: ") {
		t.Errorf("no summary of what was imported: %q", out)
	}
	if n := strings.Count(ok(t, "list", "--db", b), "\n"); n != 2 {
		t.Errorf("laptop 2 lists %d patients, want the 2 imported", n)
	}
	// Importing again writes the acknowledgement and changes nothing.
	if out := ok(t, "sync", "import", "--db", b, "--in", bundlePath); !strings.Contains(out, "already been imported") {
		t.Errorf("the second import said %q", out)
	}
	ok(t, "sync", "import", "--db", a, "--in", filepath.Join(dir, "to-2.ack.chb"))
}

func TestSyncCommandLinesGetOneClearLine(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 1), laptopFile(t, dir, "Hub laptop 2", 0)
	lone := laptopFile(t, dir, "Lone laptop", 0)
	pairLaptops(t, dir, a, b)
	notCard := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notCard, []byte("hello, this is a shopping list"), 0o600); err != nil {
		t.Fatal(err)
	}
	bundlePath := filepath.Join(dir, "to-2.chb")
	ok(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", bundlePath)
	missing := filepath.Join(dir, "missing.chb")
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"device alone", []string{"device"}, "device needs card, add, list or unpair"},
		{"device unknown", []string{"device", "remove", "--db", a}, `device "remove": use card, add, list or unpair`},
		{"card without out", []string{"device", "card", "--db", a}, "device card needs --out"},
		{"card onto the store", []string{"device", "card", "--db", a, "--out", a}, "that is the store itself"},
		{"add without card", []string{"device", "add", "--db", a}, "device add needs --card"},
		{"card missing", []string{"device", "add", "--db", a, "--card", filepath.Join(dir, "gone.card")}, "there is no file " + filepath.Join(dir, "gone.card")},
		{"card not a card", []string{"device", "add", "--db", a, "--card", notCard}, notCard + ": this file is not a carehub device card"},
		{"card is a folder", []string{"device", "add", "--db", a, "--card", dir}, "cannot be read"},
		{"sync alone", []string{"sync"}, "sync needs export or import"},
		{"sync unknown", []string{"sync", "push"}, `sync "push": use export or import`},
		{"export bad flag", []string{"sync", "export", "--db", a, "--too", "x"}, "flag provided but not defined: -too"},
		{"export without to", []string{"sync", "export", "--db", a, "--out", bundlePath}, "sync export needs --to"},
		{"export to nobody", []string{"sync", "export", "--db", lone, "--to", "Hub laptop 2", "--out", bundlePath}, "not paired with any device yet"},
		{"import without in", []string{"sync", "import", "--db", b}, "sync import needs --in"},
		{"import missing file", []string{"sync", "import", "--db", b, "--in", missing}, "there is no file " + missing},
		{"import a card", []string{"sync", "import", "--db", b, "--in", filepath.Join(dir, "a.card")}, "this file is not a carehub sync bundle"},
		{"ack over the bundle", []string{"sync", "import", "--db", b, "--in", bundlePath, "--ack", bundlePath}, "that is the file being read"},
		{"no such store", []string{"sync", "import", "--db", filepath.Join(dir, "none.db"), "--in", bundlePath}, "no carehub store"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if msg := refused(t, c.args...); !strings.Contains(msg, c.want) {
				t.Errorf("want %q in %q", c.want, msg)
			}
		})
	}
}

func TestExportToAnUnknownDeviceNamesTheKnownOnes(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 1), laptopFile(t, dir, "Hub laptop 2", 0)
	pairLaptops(t, dir, a, b)
	out := filepath.Join(dir, "x.chb")
	for _, to := range []string{"Hub laptop 9", "0b6f2c1e-4a59-4f77-9e0d-2d4c6f1a9b10"} {
		msg := refused(t, "sync", "export", "--db", a, "--to", to, "--out", out)
		if !strings.Contains(msg, "not paired with that device") || !strings.Contains(msg, `"`+to+`"`) || !strings.Contains(msg, `"Hub laptop 2" (hub, `) {
			t.Errorf("--to %s: %q", to, msg)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
}

func TestWritingIntoAMissingFolderSaysSoPlainly(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 1), laptopFile(t, dir, "Hub laptop 2", 0)
	pairLaptops(t, dir, a, b)
	nowhere := filepath.Join(dir, "no-such-folder")
	for _, args := range [][]string{
		{"device", "card", "--db", a, "--out", filepath.Join(nowhere, "a.card")},
		{"sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", filepath.Join(nowhere, "x.chb")},
	} {
		if msg := refused(t, args...); msg != "carehub: cannot write to "+nowhere+": there is no such folder\n" {
			t.Errorf("carehub %s: %q", strings.Join(args[:2], " "), msg)
		}
	}
}

func TestCreateMakesASecondLaptopThatPairs(t *testing.T) {
	dir := t.TempDir()
	a := laptopFile(t, dir, "Hub laptop 1", 2)
	b := filepath.Join(dir, "laptop2.db")
	if msg := refused(t, "create", "--db", b); !strings.Contains(msg, "--admin NAME") {
		t.Errorf("create without an administrator: %q", msg)
	}
	if out := ok(t, "create", "--db", b, "--admin", "Ada Admin"); out != "empty store written to "+b+"\n" {
		t.Errorf("create said %q", out)
	}
	t.Cleanup(func() { servicetest.CheckBolt(t, b) })
	if msg := refused(t, "create", "--db", b, "--admin", "Ada Admin"); !strings.Contains(msg, "already exists") {
		t.Errorf("create over a store: %q", msg)
	}
	pairLaptops(t, dir, a, b)
	// A new store is named after its device id until someone renames it; the id works as --to.
	m := regexp.MustCompile(`(?m)^([0-9a-f-]{36})\s+carehub device ([0-9a-f]{8})\s+hub\s`).FindStringSubmatch(ok(t, "device", "list", "--db", a))
	if m == nil || !strings.HasPrefix(m[1], m[2]) {
		t.Fatalf("laptop 1 does not list the new store by its default name")
	}
	bundlePath := filepath.Join(dir, "x.chb")
	ok(t, "sync", "export", "--db", a, "--to", m[1], "--out", bundlePath)
	ok(t, "sync", "import", "--db", b, "--in", bundlePath)
	if n := strings.Count(ok(t, "list", "--db", b), "\n"); n != 2 {
		t.Errorf("the new laptop lists %d patients, want 2", n)
	}
}
