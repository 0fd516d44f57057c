package outcomes

// Wellbeing holds the four ONS personal wellbeing answers, each 0-10. They are never added
// up: ONS reports each question separately.
type Wellbeing struct {
	LifeSatisfaction int `json:"lifeSatisfaction"` // how satisfied with your life nowadays
	Worthwhile       int `json:"worthwhile"`       // how far the things you do are worthwhile
	Happy            int `json:"happy"`            // how happy yesterday
	Anxious          int `json:"anxious"`          // how anxious yesterday (lower is better)
}

// PositiveBand reads a life satisfaction, worthwhile or happy answer with the ONS thresholds: for life satisfaction, worthwhile and happy,
// (0-4 low, 5-6 medium, 7-8 high, 9-10 very high).
func PositiveBand(answer int) string {
	switch {
	case answer <= 4:
		return "low"
	case answer <= 6:
		return "medium"
	case answer <= 8:
		return "high"
	}
	return "very high"
}

// AnxietyBand reads the anxiety answer with the ONS thresholds (lower is better).
func AnxietyBand(answer int) string {
	switch {
	case answer <= 1:
		return "very low"
	case answer <= 3:
		return "low"
	case answer <= 5:
		return "medium"
	}
	return "high"
}

func (w Wellbeing) validate() error {
	for _, a := range []int{w.LifeSatisfaction, w.Worthwhile, w.Happy, w.Anxious} {
		if a < 0 || a > 10 {
			return ErrWellbeing
		}
	}
	return nil
}
