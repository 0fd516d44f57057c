package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestBackgroundAppliesAfterWork checks the app's worker: work runs off the calling goroutine,
// and apply sees what work wrote.
func TestBackgroundAppliesAfterWork(t *testing.T) {
	test.NewTempApp(t)
	release := make(chan struct{})
	applied := make(chan int, 1)
	var result int
	background{}.run(func() {
		<-release // would deadlock if run were not asynchronous
		result = 42
	}, func() { applied <- result })
	close(release)

	select {
	case got := <-applied:
		if got != 42 {
			t.Errorf("apply saw %d, want what work wrote (42)", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("apply was not called within 10s")
	}
}

func TestBackgroundPost(t *testing.T) {
	test.NewTempApp(t)
	posted := make(chan struct{})
	go background{}.post(func() { close(posted) })
	select {
	case <-posted:
	case <-time.After(10 * time.Second):
		t.Fatal("post did not call its function within 10s")
	}
}
