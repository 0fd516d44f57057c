package evaluation

import (
	"time"

	"carehub/careplan"
	"carehub/careplan/outcomes"
	"carehub/pam"
)

// The hand-made cohort the tests work from. The period is 1 Jan to 23 Nov 2026 and the
// practice is Quantock Surgery; every figure expected of it is worked out by hand in
// TestBuildHandCohort.

func day(y int, m time.Month, d int) careplan.Date { return careplan.NewDate(y, m, d) }

func period() Filter {
	return Filter{From: day(2026, time.January, 1), To: day(2026, time.November, 23), Practice: "Quantock Surgery"}
}

func pam13(score pam.Score, level pam.Level, on careplan.Date) pam.Assessment {
	return pam.Assessment{Score: score, Level: level, Instrument: pam.PAM13, TakenOn: on, RecordedBy: "Pat Recorder", Source: "paper form"}
}

func inError(a pam.Assessment) pam.Assessment {
	a.InError = &pam.EnteredInError{Reason: "typed for the wrong person", By: "Ravi Checker"}
	return a
}

func carerPAM(score pam.Score, level pam.Level, on careplan.Date) pam.Assessment {
	a := pam13(score, level, on)
	a.Instrument, a.CarerName = pam.CarerPAM, "Colin Carer"
	return a
}

func ucla(lack, leftOut, isolated int, on careplan.Date) outcomes.Record {
	return outcomes.Record{Measure: outcomes.MeasureLoneliness, TakenOn: on, RecordedBy: "Pat Recorder",
		Loneliness: &outcomes.Loneliness{LackCompanionship: lack, LeftOut: leftOut, Isolated: isolated, HowOften: outcomes.Occasionally}}
}

func ons4(life, worthwhile, happy, anxious int, on careplan.Date) outcomes.Record {
	return outcomes.Record{Measure: outcomes.MeasureWellbeing, TakenOn: on, RecordedBy: "Pat Recorder",
		Wellbeing: &outcomes.Wellbeing{LifeSatisfaction: life, Worthwhile: worthwhile, Happy: happy, Anxious: anxious}}
}

func cfs(score int, on careplan.Date) outcomes.Record {
	return outcomes.Record{Measure: outcomes.MeasureFrailty, TakenOn: on, RecordedBy: "Pat Recorder", Frailty: &outcomes.Frailty{Score: score}}
}

// entry is a caseload row at Quantock Surgery with key worker Jo Marsh, born 14 June 1950
// (75 on 1 Jan 2026: age band 70-79).
func entry(given, nhs string) careplan.CaseloadEntry {
	return careplan.CaseloadEntry{
		PatientID: "id-" + given, NHSNumber: careplan.NHSNumber(nhs), GivenName: given, FamilyName: "Fairweather",
		PreferredName: given + "ie", DateOfBirth: day(1950, time.June, 14), Status: careplan.StatusActive,
		KeyWorker: "Jo Marsh", Coordinator: "Alex Hill", Practice: "Quantock Surgery",
	}
}

// handCohort is nine people. In brief (scores in points, L = reported level):
//
//	Ada  PAM 44.0 L1 → 48.5 L2 (+4.5), an 80.0 L4 between them entered in error;
//	     UCLA 7 → 5; ONS4 (4,5,3,7) → (6,6,5,5); CFS 5 → 5
//	Bea  PAM 50.0 L2 → 52.9 L2 (+2.9), a Carer PAM 70.0 L4 after them; UCLA 6 → 6
//	Cy   PAM 40.0 L1 on 1 Jan → 60.0 L3 on 23 Nov (+20.0), both on the period's edges; a PAM on
//	     31 Dec 2025 and one on 24 Nov 2026 lie outside it; UCLA 4 → 3
//	Dee  PAM 60.0 L3 → 70.0 L4 (+10.0), key worker Sam Green; ONS4 (7,8,7,2) → (8,8,8,1)
//	Eve  PAM 75.0 L4 → 65.0 L3 (−10.0); CFS 6 → 7; she has been discharged
//	Fay  one PAM 55.0 L2 and one UCLA 5: nothing to compare
//	Gus  another practice: PAM 40.0 L1 → 70.0 L4
//	Hal  nothing recorded
//	Ida  only records entered in error
func handCohort() []Person {
	jan1, nov23 := day(2026, time.January, 1), day(2026, time.November, 23)
	ada := Person{Entry: entry("Ada", "9990000018"),
		Assessments: []pam.Assessment{
			pam13(440, pam.Level1, day(2026, time.February, 10)),
			inError(pam13(800, pam.Level4, day(2026, time.May, 1))),
			pam13(485, pam.Level2, day(2026, time.August, 10)),
		},
		Outcomes: []outcomes.Record{
			ucla(3, 2, 2, day(2026, time.February, 10)), ons4(4, 5, 3, 7, day(2026, time.February, 10)), cfs(5, day(2026, time.February, 10)),
			ucla(2, 2, 1, day(2026, time.August, 10)), ons4(6, 6, 5, 5, day(2026, time.August, 10)), cfs(5, day(2026, time.August, 10)),
		}}
	bea := Person{Entry: entry("Bea", "9990000026"),
		// Out of date order on purpose: the report must not rely on it.
		Assessments: []pam.Assessment{
			carerPAM(700, pam.Level4, day(2026, time.September, 1)),
			pam13(529, pam.Level2, day(2026, time.July, 15)),
			pam13(500, pam.Level2, day(2026, time.January, 15)),
		},
		Outcomes: []outcomes.Record{ucla(2, 2, 2, day(2026, time.January, 15)), ucla(3, 2, 1, day(2026, time.July, 15))}}
	cy := Person{Entry: entry("Cy", "9990000034"),
		Assessments: []pam.Assessment{
			pam13(300, pam.Level1, day(2025, time.December, 31)),
			pam13(400, pam.Level1, jan1),
			pam13(600, pam.Level3, nov23),
			pam13(900, pam.Level4, day(2026, time.November, 24)),
		},
		Outcomes: []outcomes.Record{ucla(2, 1, 1, jan1), ucla(1, 1, 1, nov23)}}
	dee := Person{Entry: entry("Dee", "9990000042"),
		Assessments: []pam.Assessment{pam13(600, pam.Level3, day(2026, time.March, 1)), pam13(700, pam.Level4, day(2026, time.September, 1))},
		Outcomes:    []outcomes.Record{ons4(7, 8, 7, 2, day(2026, time.March, 1)), ons4(8, 8, 8, 1, day(2026, time.September, 1))}}
	dee.Entry.KeyWorker = "Sam Green"
	eve := Person{Entry: entry("Eve", "9990000050"),
		Assessments: []pam.Assessment{pam13(750, pam.Level4, day(2026, time.April, 1)), pam13(650, pam.Level3, day(2026, time.October, 1))},
		Outcomes:    []outcomes.Record{cfs(6, day(2026, time.April, 1)), cfs(7, day(2026, time.October, 1))}}
	eve.Entry.Status = careplan.StatusDischarged
	fay := Person{Entry: entry("Fay", "9990000069"),
		Assessments: []pam.Assessment{pam13(550, pam.Level2, day(2026, time.May, 5))},
		Outcomes:    []outcomes.Record{ucla(2, 2, 1, day(2026, time.May, 5))}}
	gus := Person{Entry: entry("Gus", "9990000077"),
		Assessments: []pam.Assessment{pam13(400, pam.Level1, day(2026, time.February, 1)), pam13(700, pam.Level4, day(2026, time.August, 1))}}
	gus.Entry.Practice = "Wellington Medical Centre"
	hal := Person{Entry: entry("Hal", "9990000085")}
	ida := Person{Entry: entry("Ida", "9990000093"),
		Assessments: []pam.Assessment{inError(pam13(500, pam.Level2, day(2026, time.March, 3))), inError(pam13(600, pam.Level3, day(2026, time.June, 3)))},
		Outcomes:    []outcomes.Record{markOutcomeInError(ucla(3, 3, 3, day(2026, time.March, 3)))}}
	return []Person{ada, bea, cy, dee, eve, fay, gus, hal, ida}
}

func markOutcomeInError(r outcomes.Record) outcomes.Record {
	r.InError = &outcomes.EnteredInError{Reason: "wrong person", By: "Ravi Checker"}
	return r
}
