package printout

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2/theme"

	"carehub/careplan"
	"carehub/pam"
)

// created is the fixed print time, so golden PDFs are reproducible.
var created = time.Date(2026, time.March, 5, 10, 30, 0, 0, time.UTC)

// testFonts are Fyne's bundled Noto Sans, as the app passes them.
var testFonts = sync.OnceValue(func() Fonts {
	return Fonts{Regular: theme.DefaultTextFont().Content(), Bold: theme.DefaultTextBoldFont().Content()}
})

func testOptions(large bool) Options {
	return Options{LargePrint: large, Fonts: testFonts(), Created: created, Hub: "South Somerset Symphony Hub"}
}

// Internal ids and codes that must never reach the paper.
const (
	sianID    = "5f0c6a2e-1b7d-4c8e-9a21-3d4e5f607182"
	sianPlan  = "9b1d2c3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e"
	goalWalk  = "c0ffee00-1234-4abc-8def-0123456789ab"
	goalFrien = "deadbeef-5678-4abc-8def-0123456789ab"
)

func sian() careplan.Patient {
	return careplan.Patient{
		ID:          sianID,
		NHSNumber:   "9449305552",
		GivenName:   "Siân",
		FamilyName:  "O'Brien",
		DateOfBirth: careplan.NewDate(1948, time.July, 12),
		Contact:     careplan.ContactDetails{Address: "4 Church Lane, Yeovil", Postcode: "BA20 1AA", Phone: "01935 100200"},
		Practice:    careplan.Practice{Name: "Hendford Lodge Medical Centre", ODSCode: "L85001"},
		Carers:      []careplan.Carer{{Name: "Zoë D'Arcy", Relationship: "daughter", Phone: "07700 900123"}},
		Conditions:  []string{"44054006", "13645005", "84114007"},
		Status:      careplan.StatusActive,
		Team:        careplan.CareTeam{KeyWorkerID: "kw-7f3a", KeyWorker: "Sam Green", Coordinator: "Priya Shah"},
	}
}

func sianAgreedPlan() careplan.Plan {
	return careplan.Plan{
		ID:        sianPlan,
		PatientID: sianID,
		Version:   2,
		State:     careplan.PlanAgreed,
		AboutMe: "I live on my own in Yeovil since my husband died. I have diabetes, COPD and heart " +
			"failure. My daughter Zoë comes on Sundays. I used to sing in the chapel choir and I miss it.",
		WhatMatters: "Staying in my own home. Seeing my grandchildren. Not going back into hospital.",
		Strengths:   "I am stubborn in a good way. I know my medicines well. Zoë and my neighbour help me.",
		Goals: []careplan.Goal{
			{ID: goalWalk, Domain: careplan.DomainMovement, InMyWords: "I want to walk to the post office on my own by the summer",
				Importance: careplan.Score(8), Confidence: careplan.Score(6), Actions: []careplan.Action{
					{ID: "a1", What: "Walk to the end of the road and back every morning", Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient},
						Due: careplan.NewDate(2026, time.April, 1), Status: careplan.ActionOpen},
					{ID: "a2", What: "Refer to the falls prevention class at the leisure centre", Owner: careplan.ActionOwner{Kind: careplan.OwnerKeyWorker, Name: "Sam Green"},
						Due: careplan.NewDate(2026, time.March, 10), Status: careplan.ActionDone, DoneOn: careplan.NewDate(2026, time.March, 4)},
					{ID: "a3", What: "Borrow a walking frame", Owner: careplan.ActionOwner{Kind: careplan.OwnerCarer, Name: "Zoë D'Arcy"},
						Due: careplan.NewDate(2026, time.February, 1), Status: careplan.ActionDropped},
				}},
			{ID: goalFrien, Domain: careplan.DomainSocial, InMyWords: "I want to sing again with other people",
				Importance: careplan.Score(9), Confidence: careplan.Score(5), Actions: []careplan.Action{
					{ID: "a4", What: "Go to the Singing for Better Breathing group with Zoë", Owner: careplan.ActionOwner{Kind: careplan.OwnerPatient},
						Due: careplan.NewDate(2026, time.May, 1), Status: careplan.ActionOpen},
				}},
		},
		Support: []careplan.Signpost{{Name: "Singing for Better Breathing", Area: "Yeovil", Offers: "A weekly singing group for people with lung conditions",
			Contact: "01935 555010", GoalIDs: []string{goalFrien}}},
		Contingency: careplan.Contingency{
			Green: careplan.Green{WhatIDo: "Take my inhalers morning and night. Weigh myself every morning. Walk a little every day."},
			Amber: careplan.Amber{WarningSigns: "More breathless than usual, ankles swelling, weight up 2 kg in 3 days.",
				WhatIDo: "Start my rescue pack as the nurse showed me. Rest and sit upright.", WhoICall: "Sam Green, my key worker, or the surgery."},
			Red: careplan.Red{WhoToCall: "Call 999 if I have chest pain or cannot catch my breath.",
				WhatTheyNeedToKnow: "I have heart failure and COPD. My medicines list is on the fridge. Zoë has a key."},
		},
		People: []careplan.Person{
			{Name: "Sam Green", Role: "Key worker", Organisation: "South Somerset Symphony Hub", Phone: "01935 384000"},
			{Name: "Dr Alun Price", Role: "GP", Organisation: "Hendford Lodge Medical Centre", Phone: "01935 470200"},
			{Name: "Zoë D'Arcy", Role: "Daughter and carer", Phone: "07700 900123"},
		},
		ReviewDate: careplan.NewDate(2026, time.September, 3),
		Agreement:  &careplan.Agreement{By: "Sam Green", On: careplan.NewDate(2026, time.March, 3), At: time.Date(2026, time.March, 3, 14, 0, 0, 0, time.UTC), PAMLevel: 3},
	}
}

func sianPAMs() []pam.Assessment {
	return []pam.Assessment{
		{ID: "p1", PatientID: sianID, Score: 523, Level: pam.Level2, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2025, time.March, 1), RecordedBy: "Sam Green"},
		{ID: "p2", PatientID: sianID, Score: 551, Level: pam.Level2, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2025, time.September, 2), RecordedBy: "Sam Green"},
		{ID: "p3", PatientID: sianID, Score: 584, Level: pam.Level3, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2026, time.March, 3), RecordedBy: "Sam Green"},
		// Entered in error and a Carer PAM: neither belongs on Siân's chart.
		{ID: "p4", PatientID: sianID, Score: 900, Level: pam.Level4, Instrument: pam.PAM13, TakenOn: careplan.NewDate(2026, time.January, 3), RecordedBy: "Sam Green",
			InError: &pam.EnteredInError{Reason: "typed for the wrong person", By: "Sam Green"}},
		{ID: "p5", PatientID: sianID, Score: 300, Level: pam.Level1, Instrument: pam.CarerPAM, CarerName: "Zoë D'Arcy", TakenOn: careplan.NewDate(2026, time.February, 3), RecordedBy: "Sam Green"},
	}
}

func sianCopy() Copy {
	return Copy{Patient: sian(), Plan: sianAgreedPlan(), Assessments: sianPAMs()}
}

// longCopy is a plan far longer than any real one: 3,000 characters about me, 12 goals with
// 40 actions, and words too long for a line.
func longCopy() Copy {
	c := sianCopy()
	var about strings.Builder
	for about.Len() < 3000 {
		about.WriteString("I have lived in Somerset all my life and I like to tell people about it. ")
	}
	about.WriteString("Pneumonoultramicroscopicsilicovolcanoconiosis-and-antidisestablishmentarianism-and-more-words-with-no-spaces-at-all-that-will-not-fit.")
	c.Plan.AboutMe = about.String()
	c.Plan.Goals = nil
	domains := careplan.Domains()
	actions := 0
	for g := 0; g < 12; g++ {
		goal := careplan.Goal{ID: fmt.Sprintf("goal-%d", g), Domain: domains[g%len(domains)],
			InMyWords:  fmt.Sprintf("Goal words number %d: I want to keep going with the things I enjoy, like gardening and seeing friends", g+1),
			Importance: careplan.Score(g % 11), Confidence: careplan.Score((g * 3) % 11)}
		n := 3
		if g < 4 {
			n = 4
		}
		for a := 0; a < n; a++ {
			actions++
			what := fmt.Sprintf("Action %d: phone the community transport scheme to book a lift to the day centre on Tuesdays", actions)
			if actions%7 == 0 {
				what += " https://www.example.nhs.uk/a/very/long/address/that/has/no/spaces/in/it/at/all/and/keeps/going/on"
			}
			goal.Actions = append(goal.Actions, careplan.Action{ID: fmt.Sprintf("act-%d", actions), What: what,
				Owner: careplan.ActionOwner{Kind: careplan.OwnerService, Name: "Health Connections Mendip"},
				Due:   careplan.NewDate(2026, time.Month(1+a), 10), Status: careplan.ActionOpen})
		}
		c.Plan.Goals = append(c.Plan.Goals, goal)
	}
	return c
}
