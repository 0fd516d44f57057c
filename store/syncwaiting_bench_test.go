package store

import (
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkDevicesWaiting30k is what the Sync screen and `carehub device list` count for a
// hub of 30,000 people with 200 tablets issued and one other laptop, none of which has
// acknowledged anything (the worst case: the whole change log is "since"). ns/op is
// ChangesWaitingAll, one pass over the log for every device; per-device-ns/op is the same
// counts made one device at a time, as before, in the same run.
// Reproduce with: go test -run XXX -bench DevicesWaiting30k -benchtime 5x ./store/
func BenchmarkDevicesWaiting30k(b *testing.B) {
	s, err := Create(filepath.Join(b.TempDir(), "hub.carehub"), testPassphrase, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	plans := fillStore(b, s, 30_000)
	for i := 0; i < 200; i++ {
		if err := s.AddPeer(tabletCardFor(b, plans[i*150].PatientID)); err != nil {
			b.Fatal(err)
		}
	}
	other, err := Create(filepath.Join(b.TempDir(), "laptop.carehub"), testPassphrase, benchOptions())
	if err != nil {
		b.Fatal(err)
	}
	defer other.Close()
	card, err := other.DeviceCard()
	if err != nil {
		b.Fatal(err)
	}
	if err := s.AddPeer(card); err != nil {
		b.Fatal(err)
	}
	peers, err := s.Peers()
	if err != nil {
		b.Fatal(err)
	}
	var perDevice time.Duration
	for b.Loop() {
		all, err := s.ChangesWaitingAll()
		if err != nil || len(all) != 201 {
			b.Fatalf("%d devices counted, %v", len(all), err)
		}
		b.StopTimer()
		began := time.Now()
		for _, p := range peers {
			n, err := s.ChangesWaiting(p.Card.Device)
			if err != nil || n != all[p.Card.Device] {
				b.Fatalf("%s: %d alone, %d in the list (%v)", p.Card.Name, n, all[p.Card.Device], err)
			}
		}
		perDevice += time.Since(began)
		b.StartTimer()
	}
	b.ReportMetric(float64(perDevice.Nanoseconds())/float64(b.N), "per-device-ns/op")
}
