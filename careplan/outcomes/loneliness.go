package outcomes

// Loneliness holds the UCLA 3-item loneliness answers (the ONS national indicator: lack
// companionship, feel left out, feel isolated; 1 hardly ever or never, 2 some of the time,
// 3 often) and the ONS direct question "How often do you feel lonely?".
type Loneliness struct {
	LackCompanionship int      `json:"lackCompanionship"`
	LeftOut           int      `json:"leftOut"`
	Isolated          int      `json:"isolated"`
	HowOften          HowOften `json:"howOften"`
}

// HowOften answers the ONS direct loneliness question.
type HowOften string

// The ONS answer options, most lonely first.
const (
	OftenAlways   HowOften = "often-always"
	SomeOfTheTime HowOften = "some-of-the-time"
	Occasionally  HowOften = "occasionally"
	HardlyEver    HowOften = "hardly-ever"
	Never         HowOften = "never"
)

// HowOftenOptions lists the answers in the order they are offered.
func HowOftenOptions() []HowOften {
	return []HowOften{OftenAlways, SomeOfTheTime, Occasionally, HardlyEver, Never}
}

// Label is the answer as the person hears it.
func (h HowOften) Label() string {
	switch h {
	case OftenAlways:
		return "often or always"
	case SomeOfTheTime:
		return "some of the time"
	case Occasionally:
		return "occasionally"
	case HardlyEver:
		return "hardly ever"
	case Never:
		return "never"
	}
	return "not answered"
}

// UCLAAnswerLabels are the words for answers 1-3, index = answer.
func UCLAAnswerLabels() [4]string {
	return [4]string{"", "hardly ever or never", "some of the time", "often"}
}

// Total is the UCLA 3-item score, 3-9; higher is lonelier.
func (l Loneliness) Total() int { return l.LackCompanionship + l.LeftOut + l.Isolated }

// Band reads the total with the cut-off commonly used in research (6 or more: "lonely"). It is a
// reading aid, not an ONS definition; reports use the totals themselves.
func (l Loneliness) Band() string {
	if l.Total() >= 6 {
		return "lonely"
	}
	return "not lonely"
}

func (l Loneliness) validate() error {
	for _, a := range []int{l.LackCompanionship, l.LeftOut, l.Isolated} {
		if a < 1 || a > 3 {
			return ErrLoneliness
		}
	}
	for _, h := range HowOftenOptions() {
		if h == l.HowOften {
			return nil
		}
	}
	return ErrLonelyOften
}
