package app

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var fingerprintRE = regexp.MustCompile(`[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}`)

// The fingerprint device card prints is the one device add and device list show on the
// other laptop, so two coordinators can read it to each other before trusting the card.
func TestDeviceCardAddAndListShowTheSameFingerprint(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 0), laptopFile(t, dir, "Hub laptop 2", 0)
	card := filepath.Join(dir, "a.card")
	fp := fingerprintRE.FindString(ok(t, "device", "card", "--db", a, "--out", card))
	if fp == "" {
		t.Fatal("device card shows no fingerprint")
	}
	added := ok(t, "device", "add", "--db", b, "--card", card)
	if !strings.Contains(added, fp) || !strings.Contains(added, "compare") {
		t.Errorf("device add does not show %s to compare:\n%s", fp, added)
	}
	if list := ok(t, "device", "list", "--db", b); !strings.Contains(list, fp) {
		t.Errorf("device list does not show %s:\n%s", fp, list)
	}
}

// A lost laptop is unpaired from the command line: its row is marked, its bundles are refused
// in one line, and nothing more is made for it.
func TestUnpairedLaptopsBundlesAreRefused(t *testing.T) {
	dir := t.TempDir()
	a, b := laptopFile(t, dir, "Hub laptop 1", 0), laptopFile(t, dir, "Hub laptop 2", 3)
	pairLaptops(t, dir, a, b)
	fromB := filepath.Join(dir, "from-2.chb")
	ok(t, "sync", "export", "--db", b, "--to", "Hub laptop 1", "--out", fromB)
	if out := ok(t, "device", "unpair", "--db", a, "--device", "Hub laptop 2"); !strings.Contains(out, "unpaired Hub laptop 2") {
		t.Errorf("device unpair says %q", out)
	}
	if msg := refused(t, "sync", "import", "--db", a, "--in", fromB); !strings.Contains(msg, "unpaired") {
		t.Errorf("a lost laptop's bundle: %q", msg)
	}
	if msg := refused(t, "sync", "export", "--db", a, "--to", "Hub laptop 2", "--out", filepath.Join(dir, "to-2.chb")); !strings.Contains(msg, "unpaired") {
		t.Errorf("a bundle for a lost laptop: %q", msg)
	}
	if list := ok(t, "device", "list", "--db", a); !strings.Contains(list, "UNPAIRED") {
		t.Errorf("the lost laptop's row is not marked:\n%s", list)
	}
	if out := ok(t, "list", "--db", a); out != "" {
		t.Errorf("the refused bundle brought people in:\n%s", out)
	}
}
