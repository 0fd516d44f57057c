//go:build !unix

package service

import "time"

// processCPU is not measured here: the benchmarks then report no cpu-s/op.
func processCPU() time.Duration { return 0 }
