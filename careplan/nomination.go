package careplan

import (
	"errors"
	"fmt"
	"strings"
)

// Nomination is a GP practice's request that the hub take a person on.
type Nomination struct {
	On        Date               `json:"on"`
	Practice  Practice           `json:"practice"`
	Clinician string             `json:"clinician"` // the nominating clinician
	Reason    string             `json:"reason"`
	Judgement *ClinicalJudgement `json:"judgement,omitempty"` // only when fewer than three LTCs
}

// ClinicalJudgement records why someone with fewer than three long-term conditions was taken
// on, and who decided.
type ClinicalJudgement struct {
	Reason string `json:"reason"`
	By     string `json:"by"`
}

// MinConditions is the number of long-term conditions that makes a person eligible without a
// clinical-judgement reason.
const MinConditions = 3

// Sentinel errors for nominations and eligibility.
var (
	ErrTooFewConditions    = errors.New("fewer than three long-term conditions needs a clinical-judgement reason and who made it")
	ErrNominationBeforeDOB = errors.New("the nomination date is before the date of birth")
	ErrNominationInFuture  = errors.New("the nomination date is in the future")
)

// CheckEligibility applies the hub's rule: three or more long-term conditions, or fewer with a
// recorded clinical-judgement reason and the name of who made it.
func CheckEligibility(conditions []string, judgement *ClinicalJudgement) error {
	if distinct(conditions) >= MinConditions {
		return nil
	}
	if judgement != nil && strings.TrimSpace(judgement.Reason) != "" && strings.TrimSpace(judgement.By) != "" {
		return nil
	}
	return fmt.Errorf("%d condition(s): %w", distinct(conditions), ErrTooFewConditions)
}

func distinct(codes []string) int {
	seen := map[string]bool{}
	for _, c := range codes {
		seen[c] = true
	}
	return len(seen)
}

// Validate checks the nomination's dates against the person's date of birth and today.
func (n Nomination) Validate(born, today Date) error {
	if n.On.IsZero() {
		return nil // not every record starts from a nomination form (imports, re-referrals)
	}
	if !born.IsZero() && n.On.Before(born) {
		return ErrNominationBeforeDOB
	}
	if n.On.After(today) {
		return ErrNominationInFuture
	}
	return nil
}
