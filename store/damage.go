package store

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// A damaged store file must be reported, never crash carehub. bbolt reads its file through a
// memory map and trusts what it finds: a file cut short makes the first read past its end a
// SIGBUS, and a zeroed or scribbled page makes bbolt panic ("assertion failed") — some of
// that on a goroutine of bbolt's own at open, where nothing can recover it. So carehub checks
// the file's structure itself before bbolt touches it (filecheck.go), and every transaction
// runs under guard, which turns whatever still gets through into ErrDamaged.

// ErrDamaged is what a store file that cannot be read as a whole reports.
var ErrDamaged = errors.New("this store is damaged")

// DamagedError says what is wrong with a damaged store file.
type DamagedError struct {
	Detail string
}

// Error says what is damaged and to restore from a backup.
func (e *DamagedError) Error() string {
	return "this store is damaged: " + e.Detail + " — restore it from a backup"
}

// Is makes a DamagedError an ErrDamaged.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

func damaged(format string, args ...any) error {
	return &DamagedError{Detail: fmt.Sprintf(format, args...)}
}

// guard runs fn, which reads or writes the file. A fault in the memory-mapped file (a file cut
// short while open) becomes a panic instead of killing the process, and a panic that comes
// from the file — such a fault, or bbolt's own panic on a page it cannot read — becomes a
// DamagedError. Any other panic is a bug in carehub, not damage, and goes on as a panic: it
// must never be reported as "restore from a backup". A write transaction that panics has been
// rolled back by bbolt, so nothing is half-written.
func guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if !fromTheFile(r) {
				panic(r)
			}
			err = damaged("part of the file cannot be read (%s)", panicWords(r))
		}
	}()
	return fn()
}

// fromTheFile reports whether a recovered panic came from the store's file: a memory fault away
// from address zero (a nil pointer is a bug) or a panic raised inside bbolt. It must be called
// from the deferred function that recovered, while the panicking frames are still on the stack.
func fromTheFile(r any) bool {
	if f, ok := r.(interface{ Addr() uintptr }); ok && f.Addr() >= 4096 {
		return true
	}
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(3, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt")
		}
		if !more {
			return false
		}
	}
}

// panicWords keeps a panic's message to a few words on one line.
func panicWords(r any) string {
	s := strings.Join(strings.Fields(fmt.Sprint(r)), " ")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
