package backups

import (
	"errors"
	"testing"
	"time"
)

func TestADailyBackupIsDueADayAfterTheLastOrWhenThereIsNone(t *testing.T) {
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	p := Plan{Folder: "/backups", Keep: 7, Daily: true}
	for _, c := range []struct {
		last time.Time
		due  bool
	}{
		{time.Time{}, true},
		{now.Add(-23 * time.Hour), false},
		{now.Add(-24 * time.Hour), true},
		{now.Add(time.Hour), true}, // the clock went back: better one too many
	} {
		if got := p.Due(c.last, now); got != c.due {
			t.Errorf("last %v: due %v, want %v", c.last, got, c.due)
		}
	}
	if (Plan{Folder: "/backups", Keep: 7}).Due(time.Time{}, now) {
		t.Error("due without a daily schedule")
	}
	if (Plan{Keep: 7, Daily: true}).Due(time.Time{}, now) {
		t.Error("due with no folder")
	}
}

func TestAPlanNeedsAFolderAndASensibleNumberToKeep(t *testing.T) {
	for p, want := range map[Plan]error{
		{Keep: 3}:                     ErrNoFolder,
		{Folder: "/b", Keep: 0}:       ErrKeep,
		{Folder: "/b", Keep: 366}:     ErrKeep,
		{Folder: "/b", Keep: MaxKeep}: nil,
	} {
		if err := p.Check(); !errors.Is(err, want) {
			t.Errorf("%+v: %v, want %v", p, err, want)
		}
	}
}
