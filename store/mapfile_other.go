//go:build !unix && !windows

package store

import (
	"io"
	"os"
)

// mapFile reads the whole file, for checkFile, where the system has no memory map.
func mapFile(f *os.File, size int64) (data []byte, unmap func(), err error) {
	data = make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, nil, err
	}
	return data, func() {}, nil
}
