package careplan

import (
	"reflect"
	"testing"
)

func TestWhoToCallPutsTheKeyWorkerFirst(t *testing.T) {
	p := Patient{Team: CareTeam{KeyWorkerID: "kw1", KeyWorker: "Sam Green"},
		Carers: []Carer{{Name: "Zoë D'Arcy", Relationship: "daughter", Phone: "07700 900123"}}}
	plan := Plan{People: []Person{
		{Name: "Dr Alun Price", Role: "GP", Organisation: "Hendford Lodge", Phone: "01935 470200"},
		{Name: "Sam Green", Role: "Key worker", Organisation: "South Somerset Symphony Hub"},
		{Name: "Zoë D'Arcy", Role: "Daughter", Phone: "07700 900123"},
	}}
	staff := StaffMember{ID: "kw1", Name: "Sam Green", Role: RoleKeyWorker, Phone: "01935 384000"}
	want := []Call{
		{"Sam Green", "My key worker, South Somerset Symphony Hub", "01935 384000"},
		{"Dr Alun Price", "GP, Hendford Lodge", "01935 470200"},
		{"Zoë D'Arcy", "Daughter", "07700 900123"},
		{"NHS 111", "Urgent help when it is not an emergency", "111"},
		{"Emergency services", "Ambulance in an emergency", "999"},
	}
	if got := WhoToCall(plan, p, staff); !reflect.DeepEqual(got, want) {
		t.Errorf("WhoToCall:\n got %q\nwant %q", got, want)
	}

	// Without the staff record (a store that does not hold it), the care team's name and the
	// plan's own number for them; with no number anywhere, the row still says who they are.
	plan.People[1].Phone = "01935 000111"
	if got := WhoToCall(plan, p, StaffMember{})[0]; got != (Call{"Sam Green", "My key worker, South Somerset Symphony Hub", "01935 000111"}) {
		t.Errorf("key worker from the care team and plan: %q", got)
	}
	if got := WhoToCall(Plan{}, p, StaffMember{})[0]; got != (Call{"Sam Green", "My key worker", KeyWorkerNoPhone}) {
		t.Errorf("key worker with no number: %q", got)
	}
	// Nobody assigned: no key worker row.
	if got := WhoToCall(Plan{}, Patient{}, StaffMember{}); len(got) != 2 || got[0].Name != "NHS 111" {
		t.Errorf("no key worker: %q", got)
	}
}
