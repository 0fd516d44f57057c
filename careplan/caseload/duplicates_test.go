package caseload

import (
	"testing"
	"time"

	"carehub/careplan"
)

func TestDuplicateChecks(t *testing.T) {
	born := careplan.NewDate(1948, time.March, 3)
	ix := New([]careplan.CaseloadEntry{
		{PatientID: "a", GivenName: "Siân", FamilyName: "O'Brien", DateOfBirth: born, NHSNumber: "9990001001"},
		{PatientID: "b", GivenName: "Sian", FamilyName: "OBrien", DateOfBirth: born.AddDays(1), NHSNumber: "9990001002"},
	})
	if e, ok := ix.ByNHS("9990001001"); !ok || e.PatientID != "a" {
		t.Errorf("ByNHS = %+v, %v", e, ok)
	}
	if _, ok := ix.ByNHS("9990009999"); ok {
		t.Error("ByNHS found someone who is not there")
	}
	got := ix.Lookalikes("SIAN", "o brien", born, "9990002000")
	if len(got) != 1 || got[0].PatientID != "a" {
		t.Errorf("lookalikes = %+v", got)
	}
	if got := ix.Lookalikes("Siân", "O'Brien", born, "9990001001"); len(got) != 0 {
		t.Errorf("the same NHS number is not a lookalike but the same person: %+v", got)
	}
}
