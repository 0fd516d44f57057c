package main

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtGroupIcon = 14
	rtVersion   = 16
)

// resources reads the program's resource tree (.rsrc) into the data of each resource, by type.
func resources(f *pe.File) (map[uint32][][]byte, error) {
	s := f.Section(".rsrc")
	if s == nil {
		return nil, errors.New("no resources (.rsrc section)")
	}
	data, err := s.Data()
	if err != nil {
		return nil, err
	}
	return readResourceTree(data, s.VirtualAddress)
}

// readResourceTree walks the three levels (type, name, language) of a resource section whose
// bytes are data and whose address in memory is base.
func readResourceTree(data []byte, base uint32) (map[uint32][][]byte, error) {
	out := map[uint32][][]byte{}
	types, err := dirEntries(data, 0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		if !t.dir {
			return nil, errors.New("resource type without a directory")
		}
		names, err := dirEntries(data, t.offset)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			langs := []entry{n}
			if n.dir {
				if langs, err = dirEntries(data, n.offset); err != nil {
					return nil, err
				}
			}
			for _, l := range langs {
				body, err := leaf(data, base, l)
				if err != nil {
					return nil, err
				}
				out[t.id] = append(out[t.id], body)
			}
		}
	}
	return out, nil
}

type entry struct {
	id     uint32
	dir    bool
	offset uint32
}

// dirEntries reads an IMAGE_RESOURCE_DIRECTORY at off and its entries.
func dirEntries(data []byte, off uint32) ([]entry, error) {
	if int(off)+16 > len(data) {
		return nil, errors.New("resource directory outside the section")
	}
	n := int(binary.LittleEndian.Uint16(data[off+12:])) + int(binary.LittleEndian.Uint16(data[off+14:]))
	var es []entry
	for i := 0; i < n; i++ {
		p := int(off) + 16 + 8*i
		if p+8 > len(data) {
			return nil, errors.New("resource entry outside the section")
		}
		id := binary.LittleEndian.Uint32(data[p:])
		to := binary.LittleEndian.Uint32(data[p+4:])
		es = append(es, entry{id: id, dir: to&0x80000000 != 0, offset: to &^ 0x80000000})
	}
	return es, nil
}

// leaf reads an IMAGE_RESOURCE_DATA_ENTRY, whose data address is relative to the image.
func leaf(data []byte, base uint32, e entry) ([]byte, error) {
	if e.dir || int(e.offset)+16 > len(data) {
		return nil, errors.New("bad resource data entry")
	}
	rva := binary.LittleEndian.Uint32(data[e.offset:])
	size := binary.LittleEndian.Uint32(data[e.offset+4:])
	if rva < base || int(rva-base)+int(size) > len(data) {
		return nil, errors.New("resource data outside the section")
	}
	return data[rva-base : rva-base+size], nil
}

// versionInfo is what Windows shows under Properties > Details.
type versionInfo struct {
	fileVersion    string // from VS_FIXEDFILEINFO, "major.minor.patch.build"
	productVersion string // the ProductVersion string
}

// fixedFileInfoSignature starts VS_FIXEDFILEINFO.
const fixedFileInfoSignature = 0xFEEF04BD

// parseVersionInfo reads a VS_VERSIONINFO resource: the fixed file version and the
// ProductVersion string of its StringFileInfo.
func parseVersionInfo(b []byte) (versionInfo, error) {
	var vi versionInfo
	key := utf16le("VS_VERSION_INFO\x00")
	if len(b) < 6+len(key) || string(b[6:6+len(key)]) != string(key) {
		return vi, errors.New("the version resource is not a VS_VERSIONINFO")
	}
	p := align4(6 + len(key))
	if p+52 > len(b) || binary.LittleEndian.Uint32(b[p:]) != fixedFileInfoSignature {
		return vi, errors.New("the version resource has no fixed file information")
	}
	ms, ls := binary.LittleEndian.Uint32(b[p+8:]), binary.LittleEndian.Uint32(b[p+12:])
	vi.fileVersion = fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	vi.productVersion = stringValue(b, "ProductVersion")
	return vi, nil
}

// stringValue finds a String structure keyed name in a version resource and returns its value.
func stringValue(b []byte, name string) string {
	key := utf16le(name + "\x00")
	for i := 0; i+len(key) <= len(b); i += 2 {
		if string(b[i:i+len(key)]) != string(key) {
			continue
		}
		var u []uint16
		for p := align4(i + len(key)); p+1 < len(b); p += 2 {
			c := binary.LittleEndian.Uint16(b[p:])
			if c == 0 {
				break
			}
			u = append(u, c)
		}
		return string(utf16.Decode(u))
	}
	return ""
}

func utf16le(s string) []byte {
	var out []byte
	for _, c := range utf16.Encode([]rune(s)) {
		out = binary.LittleEndian.AppendUint16(out, c)
	}
	return out
}

func align4(n int) int { return (n + 3) &^ 3 }
