package careplan

import "testing"

func TestClosedRecordSaysWhyAndSince(t *testing.T) {
	d := func(s string) Date { return mustDate(t, s) }
	cases := []struct {
		name   string
		p      Patient
		closed bool
		stamp  string
	}{
		{"active", Patient{Status: StatusActive}, false, ""},
		{"nominated again after discharge", Patient{Status: StatusNominated, History: []StatusChange{
			{To: StatusDischarged, On: d("2026-01-02")}, {To: StatusNominated, On: d("2026-03-04")}}}, false, ""},
		{"died with a date of death", Patient{Status: StatusDied, History: []StatusChange{
			{To: StatusActive, On: d("2025-01-02")}, {To: StatusDied, On: d("2026-11-10"), DiedOn: d("2026-11-03")}}},
			true, "Record closed (died on 3 Nov 2026) — not a current plan"},
		{"died, date of death unknown", Patient{Status: StatusDied, History: []StatusChange{
			{To: StatusDied, On: d("2026-11-10")}}},
			true, "Record closed (died; the hub was told on 10 Nov 2026) — not a current plan"},
		{"discharged", Patient{Status: StatusDischarged, History: []StatusChange{
			{To: StatusDischarged, On: d("2026-10-01")}}},
			true, "Record closed (discharged on 1 Oct 2026) — not a current plan"},
		{"declined", Patient{Status: StatusDeclined, History: []StatusChange{
			{To: StatusDeclined, On: d("2026-02-05")}}},
			true, "Record closed (declined on 5 Feb 2026) — not a current plan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.p.Closure()
			if ok != c.closed {
				t.Fatalf("closed = %v, want %v", ok, c.closed)
			}
			if ok && got.Stamp() != c.stamp {
				t.Errorf("stamp %q, want %q", got.Stamp(), c.stamp)
			}
		})
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
