package careplan

import "strings"

// Call is one row of "who to call": a name, who they are to the person, and their number.
type Call struct {
	Name  string
	Who   string
	Phone string
}

// KeyWorkerNoPhone stands in the phone column for a key worker whose number is not recorded,
// so the row still says who the person's key worker is.
const KeyWorkerNoPhone = "Not recorded yet: ask the hub"

// WhoToCall lists the numbers a person needs in a crisis, in the order the printed plan and
// the tablet both show them: their key worker first (keyWorker is their staff record, zero
// when none is assigned or it cannot be read; the care team's name and the plan's own entry
// for them fill any gap), then everyone else in the plan with a phone number, then carers not
// already listed, then NHS 111 and 999, which are always there.
func WhoToCall(plan Plan, p Patient, keyWorker StaffMember) []Call {
	var out []Call
	seen := map[string]bool{}
	if kw, ok := keyWorkerCall(plan, p, keyWorker); ok {
		out = append(out, kw)
		seen[kw.Name] = true
	}
	for _, person := range plan.People {
		if blank(person.Phone) || seen[person.Name] {
			continue
		}
		out = append(out, Call{person.Name, joinWho(person.Role, person.Organisation), person.Phone})
		seen[person.Name] = true
	}
	for _, c := range p.Carers {
		if blank(c.Phone) || seen[c.Name] {
			continue
		}
		who := "Carer"
		if !blank(c.Relationship) {
			who += " (" + c.Relationship + ")"
		}
		out = append(out, Call{c.Name, who, c.Phone})
	}
	return append(out,
		Call{"NHS 111", "Urgent help when it is not an emergency", "111"},
		Call{"Emergency services", "Ambulance in an emergency", "999"})
}

// keyWorkerCall is the key worker's row: the staff record's name and phone, else the care
// team's name, with the plan's own phone for them when the staff record has none.
func keyWorkerCall(plan Plan, p Patient, kw StaffMember) (Call, bool) {
	name := strings.TrimSpace(kw.Name)
	if name == "" {
		name = strings.TrimSpace(p.Team.KeyWorker)
	}
	if name == "" {
		return Call{}, false
	}
	c := Call{Name: name, Who: "My key worker", Phone: strings.TrimSpace(kw.Phone)}
	for _, person := range plan.People {
		if person.Name != name {
			continue
		}
		if c.Phone == "" {
			c.Phone = strings.TrimSpace(person.Phone)
		}
		if !blank(person.Organisation) {
			c.Who += ", " + person.Organisation
		}
		break
	}
	if c.Phone == "" {
		c.Phone = KeyWorkerNoPhone
	}
	return c, true
}

func joinWho(role, org string) string {
	switch {
	case blank(org):
		return role
	case blank(role):
		return org
	}
	return role + ", " + org
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }
