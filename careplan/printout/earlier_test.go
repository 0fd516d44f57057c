package printout

import (
	"errors"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

// sianVersions is Siân's plan history: version 1 agreed in 2025, version 2 agreed in March
// 2026 (her current plan), and a draft of version 3 being written.
func sianVersions() []careplan.Plan {
	v1 := sianAgreedPlan()
	v1.Version, v1.ID = 1, "plan-v1"
	v1.WhatMatters = "Getting home from hospital."
	v1.Agreement = &careplan.Agreement{By: "Sam Green", On: careplan.NewDate(2025, time.March, 1)}
	v2 := sianAgreedPlan()
	v3 := sianAgreedPlan()
	v3.Version, v3.ID, v3.State, v3.Agreement = 3, "plan-v3", careplan.PlanDraft, nil
	return []careplan.Plan{v1, v2, v3}
}

func TestVersionToPrintSaysWhichVersionsAreEarlier(t *testing.T) {
	plans := sianVersions()
	for _, tc := range []struct {
		n       int
		earlier bool
	}{{1, true}, {2, false}, {3, false}} {
		p, earlier, err := VersionToPrint(plans, tc.n)
		if err != nil || p.Version != tc.n || earlier != tc.earlier {
			t.Errorf("version %d: got version %d earlier=%v err=%v, want earlier=%v", tc.n, p.Version, earlier, err, tc.earlier)
		}
	}
	if _, _, err := VersionToPrint(plans, 7); !errors.Is(err, ErrNoVersion) {
		t.Errorf("version 7 of 3: err %v, want ErrNoVersion", err)
	}
	// A draft older than the agreed plan (agreed elsewhere, say) is no longer the working draft.
	old := append(plans[:2:2], careplan.Plan{Version: 1, State: careplan.PlanDraft})
	if !Earlier(old, old[2]) {
		t.Error("a draft older than the agreed plan is not called earlier")
	}
	if got := EarlierStamp(plans[0]); got != "Version 1, agreed on 1 Mar 2025, not the current plan" {
		t.Errorf("stamp %q", got)
	}
	if got := EarlierStamp(old[2]); got != "Version 1, draft, not the current plan" {
		t.Errorf("draft stamp %q", got)
	}
}

// An earlier version printed for reference must never pass for the plan the person follows
// now (hazard H2c): every page says so in its header and footer and across the page.
func TestEarlierVersionIsStampedOnEveryPage(t *testing.T) {
	const stamp = "Version 2, agreed on 3 Mar 2026, not the current plan"
	for _, large := range []bool{false, true} {
		c := longCopy()
		c.Earlier = true
		pages := layoutFor(t, c, large)
		if len(pages) < 2 {
			t.Fatalf("large=%v: %d page(s); the test needs a plan of several", large, len(pages))
		}
		for i, pg := range pages {
			head, foot := zoneText(pg, zoneHeader), zoneText(pg, zoneFooter)
			if !strings.Contains(head, stamp) {
				t.Errorf("large=%v page %d: header %q lacks %q", large, i+1, head, stamp)
			}
			if !strings.Contains(foot, stamp) {
				t.Errorf("large=%v page %d: footer %q lacks %q", large, i+1, foot, stamp)
			}
			if !hasWatermark(pg, earlierWatermark) {
				t.Errorf("large=%v page %d: no %q across the page", large, i+1, earlierWatermark)
			}
		}
		if first := zoneText(pages[0], zoneContent); !strings.Contains(first, "Version 2, agreed on 3 Mar") {
			t.Errorf("large=%v: page 1 does not warn above the contingency plan: %q", large, first)
		}
		last := pageText(pages[len(pages)-1])
		if !strings.Contains(last, "Ask your key worker for your current plan.") || strings.Contains(last, "We will look at this plan") {
			t.Errorf("large=%v: the review section reads as a live plan: %q", large, last)
		}
		checkGeometry(t, pages, styleOf(large), "Siân O'Brien")
	}
	// The same version printed as the current plan says none of it.
	for i, pg := range layoutFor(t, longCopy(), false) {
		if text := pageText(pg); strings.Contains(text, "not the current plan") || hasWatermark(pg, earlierWatermark) {
			t.Errorf("page %d of the current plan is stamped as earlier", i+1)
		}
	}
}

// An earlier version's open actions are not chased: past their date they say what they said.
func TestEarlierVersionDoesNotCallActionsOverdue(t *testing.T) {
	c := overdueCopy()
	c.Earlier = true
	for i, pg := range layoutFor(t, c, false) {
		if text := pageText(pg); strings.Contains(text, "Overdue") || strings.Contains(text, "Review overdue") {
			t.Errorf("page %d of an earlier version says overdue: %q", i+1, text)
		}
	}
}
