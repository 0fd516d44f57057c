package main

import (
	"debug/pe"
	"encoding/binary"
	"strings"
	"testing"
)

// versionBlob is a VS_VERSIONINFO as the Windows resource compiler lays it out, with the
// fixed version a.b.c.d and a ProductVersion string.
func versionBlob(a, b, c, d uint16, product string) []byte {
	out := []byte{0, 0, 52, 0, 0, 0} // wLength (not read), wValueLength, wType
	out = append(out, utf16le("VS_VERSION_INFO\x00")...)
	out = pad4(out)
	fixed := make([]byte, 52)
	binary.LittleEndian.PutUint32(fixed[0:], fixedFileInfoSignature)
	binary.LittleEndian.PutUint32(fixed[8:], uint32(a)<<16|uint32(b))
	binary.LittleEndian.PutUint32(fixed[12:], uint32(c)<<16|uint32(d))
	out = append(out, fixed...)
	out = append(out, 0, 0, 0, 0, 1, 0) // a String's wLength, wValueLength, wType
	out = append(out, utf16le("ProductVersion\x00")...)
	out = pad4(out)
	return append(out, utf16le(product+"\x00")...)
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func TestVersionResourceGivesFileAndProductVersion(t *testing.T) {
	vi, err := parseVersionInfo(versionBlob(0, 1, 0, 7, "0.1.0.7"))
	if err != nil {
		t.Fatal(err)
	}
	if vi.fileVersion != "0.1.0.7" || vi.productVersion != "0.1.0.7" {
		t.Errorf("got %+v", vi)
	}
	if _, err := parseVersionInfo([]byte("not a version resource at all, just bytes")); err == nil {
		t.Error("nonsense read as a version resource")
	}
}

// rsrc lays out a resource section at address base holding one resource per type.
func rsrc(base uint32, bodies map[uint32][]byte, types ...uint32) []byte {
	dir := func(n int) []byte {
		d := make([]byte, 16)
		binary.LittleEndian.PutUint16(d[14:], uint16(n))
		return d
	}
	ent := func(id, to uint32) []byte {
		e := make([]byte, 8)
		binary.LittleEndian.PutUint32(e, id)
		binary.LittleEndian.PutUint32(e[4:], to)
		return e
	}
	// type directory, then per type: a name directory, a language directory, a data entry.
	const perType = 16 + 8 + 16 + 8 + 16
	out := dir(len(types))
	start := uint32(16 + 8*len(types))
	for i, t := range types {
		out = append(out, ent(t, 0x80000000|(start+uint32(i)*perType))...)
	}
	dataAt := start + uint32(len(types))*perType
	for i, t := range types {
		at := start + uint32(i)*perType
		out = append(out, dir(1)...)
		out = append(out, ent(1, 0x80000000|(at+24))...)
		out = append(out, dir(1)...)
		out = append(out, ent(0x809, at+48)...)
		leaf := make([]byte, 16)
		binary.LittleEndian.PutUint32(leaf, base+dataAt)
		binary.LittleEndian.PutUint32(leaf[4:], uint32(len(bodies[t])))
		out = append(out, leaf...)
		dataAt += uint32(len(bodies[t]))
	}
	for _, t := range types {
		out = append(out, bodies[t]...)
	}
	return out
}

func TestResourceTreeFindsTheIconAndVersion(t *testing.T) {
	bodies := map[uint32][]byte{rtGroupIcon: []byte("icon group"), rtVersion: versionBlob(1, 2, 3, 4, "1.2.3.4")}
	got, err := readResourceTree(rsrc(0x5000, bodies, rtGroupIcon, rtVersion), 0x5000)
	if err != nil {
		t.Fatal(err)
	}
	if len(got[rtGroupIcon]) != 1 || string(got[rtGroupIcon][0]) != "icon group" {
		t.Errorf("icon: %q", got[rtGroupIcon])
	}
	if vi, err := parseVersionInfo(got[rtVersion][0]); err != nil || vi.fileVersion != "1.2.3.4" {
		t.Errorf("version: %+v %v", vi, err)
	}
	if _, err := readResourceTree(rsrc(0x5000, bodies, rtVersion)[:20], 0x5000); err == nil {
		t.Error("a cut-off section was read")
	}
}

func TestHeaderWantsAWindowsGUIProgramForX8664(t *testing.T) {
	header := func(machine, subsystem uint16) *pe.File {
		return &pe.File{FileHeader: pe.FileHeader{Machine: machine},
			OptionalHeader: &pe.OptionalHeader64{Subsystem: subsystem}}
	}
	if err := checkHeader(header(pe.IMAGE_FILE_MACHINE_AMD64, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)); err != nil {
		t.Errorf("a GUI x86-64 program refused: %v", err)
	}
	if err := checkHeader(header(pe.IMAGE_FILE_MACHINE_AMD64, pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)); err == nil ||
		!strings.Contains(err.Error(), "subsystem") {
		t.Errorf("a console program passed: %v", err)
	}
	if err := checkHeader(header(pe.IMAGE_FILE_MACHINE_ARM64, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)); err == nil {
		t.Error("an ARM64 program passed")
	}
}

func TestFullVersionPadsToThreeNumbers(t *testing.T) {
	for in, want := range map[string]string{"1": "1.0.0", "1.2": "1.2.0", "0.1.0": "0.1.0"} {
		if got := fullVersion(in); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
