package store

import (
	"testing"
	"time"

	"github.com/google/uuid"

	"carehub/store/bundle"
)

// tabletCardFor makes the card of a tablet for patientID, as tablet set-up would.
func tabletCardFor(t testing.TB, patientID string) bundle.Card {
	t.Helper()
	id, err := bundle.NewIdentity(uuid.New())
	if err != nil {
		t.Fatal(err)
	}
	return id.Card("Tablet "+patientID[:8], bundle.RoleTablet, patientID)
}

// The Sync screen's counts, read in one pass over the log for every device, are what each
// device's own count says, whatever each has acknowledged.
func TestWaitingForEveryDeviceIsEachDevicesOwnCount(t *testing.T) {
	hub, clock := newTestStore(t)
	laptop, _ := newTestStore(t)
	pair(t, hub, laptop)
	var tablets []uuid.UUID
	for i := range 3 {
		p, _ := agreedOn(t, hub, clock, 40+i)
		card := tabletCardFor(t, p.ID)
		if err := hub.AddPeer(card); err != nil {
			t.Fatal(err)
		}
		tablets = append(tablets, card.Device)
	}
	carry(t, hub, laptop) // the laptop is up to date; the tablets have never acknowledged
	clock.Set(clock.Now().Add(time.Hour))
	enrolled(t, hub, 50) // one more person: the laptop waits for them, no tablet does

	all, err := hub.ChangesWaitingAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 {
		t.Fatalf("counts for %d devices, want 4", len(all))
	}
	for device, n := range all {
		own, err := hub.ChangesWaiting(device)
		if err != nil || own != n {
			t.Errorf("device %s: %d in the list, %d on its own (%v)", device, n, own, err)
		}
	}
	if all[laptop.origin] != 2 {
		t.Errorf("the laptop waits for %d, want the new person and their plan", all[laptop.origin])
	}
	for _, tab := range tablets {
		if all[tab] != 2 {
			t.Errorf("a tablet waits for %d, want its patient and their agreed plan", all[tab])
		}
	}
	closeAndCheck(t, hub)
}
