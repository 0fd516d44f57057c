//go:build windows

package store

import (
	"os"
	"syscall"
	"unsafe"
)

// mapFile maps size bytes of f read-only, for checkFile; unmap releases them.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), err error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, func() {}, nil
	}
	h, err := syscall.CreateFileMapping(syscall.Handle(f.Fd()), nil, syscall.PAGE_READONLY,
		uint32(uint64(size)>>32), uint32(size), nil)
	if h == 0 {
		return nil, nil, os.NewSyscallError("CreateFileMapping", err)
	}
	defer syscall.CloseHandle(h)
	addr, err := syscall.MapViewOfFile(h, syscall.FILE_MAP_READ, 0, 0, uintptr(size))
	if addr == 0 {
		return nil, nil, os.NewSyscallError("MapViewOfFile", err)
	}
	// addr is the view's address, which Go's garbage collector does not manage.
	base := *(*unsafe.Pointer)(unsafe.Pointer(&addr))
	data = unsafe.Slice((*byte)(base), int(size))
	return data, func() { _ = syscall.UnmapViewOfFile(addr) }, nil
}
