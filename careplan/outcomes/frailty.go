package outcomes

// Frailty is a Clinical Frailty Scale v2.0 (Rockwood) score: a clinical judgement, 1-9.
type Frailty struct {
	Score int `json:"score"`
}

// FrailtyLabels are the CFS v2.0 descriptions, index = score.
func FrailtyLabels() [10]string {
	return [10]string{"", "very fit", "fit", "managing well", "living with very mild frailty",
		"living with mild frailty", "living with moderate frailty", "living with severe frailty",
		"living with very severe frailty", "terminally ill"}
}

// Label is the score's CFS description.
func (f Frailty) Label() string {
	if f.Score < 1 || f.Score > 9 {
		return "not a CFS score"
	}
	return FrailtyLabels()[f.Score]
}

func (f Frailty) validate() error {
	if f.Score < 1 || f.Score > 9 {
		return ErrFrailty
	}
	return nil
}
