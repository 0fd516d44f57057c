//go:build unix

package service

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the process has used so far, 0 where it cannot be read. It shows
// the work an operation does whatever else the machine is running at the time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
