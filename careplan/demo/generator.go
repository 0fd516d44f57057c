// Package demo makes a synthetic complex-care hub: staff, and people with their nominations,
// consent, pathway history, care and support plans, PAM results and outcome measures (frailty,
// loneliness, wellbeing). It is for demonstrations,
// training and load tests, so nothing in it is real: NHS numbers are in the 999 range reserved
// for testing, phone numbers are in Ofcom's drama ranges, and practices are invented.
//
// The same seed and day always give the same hub, so a demo database, a screenshot or a
// benchmark can be rebuilt exactly.
package demo

import (
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/google/uuid"

	"carehub/careplan"
)

// Generator makes a synthetic hub, the same for the same seed and day. It is not safe for
// concurrent use: people come from one deterministic sequence.
type Generator struct {
	seed  uint64
	today careplan.Date
	rng   *rand.Rand
	orng  *rand.Rand // outcome measures and entered-in-error marks: see outcomegen.go
	crng  *rand.Rand // the contacts log: see contactgen.go
	ns    uuid.UUID  // namespace for this seed's ids
	next  int        // index of the next person
	staff []careplan.StaffMember
	used  map[careplan.NHSNumber]bool // NHS numbers already handed out
	t     tables
}

// MaxPeople is how many people one generator can make: the 999 test range holds about 909,000
// valid NHS numbers and each person needs a different one.
const MaxPeople = 900_000

// New returns a generator for a hub as it stands on today.
func New(seed uint64, today careplan.Date) *Generator {
	g := &Generator{
		seed:  seed,
		today: today,
		// Staff and people draw from separate streams, so Staff is the same however many
		// people have been made.
		rng:  rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)),
		orng: rand.New(rand.NewPCG(seed, 0x0c7c0e5)),
		crng: rand.New(rand.NewPCG(seed, 0xc0ffee)),
		used: map[careplan.NHSNumber]bool{},
		t:    newTables(),
	}
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], seed)
	g.ns = uuid.NewSHA1(uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://carehub.example/demo")), b[:])
	g.staff = g.makeStaff(rand.New(rand.NewPCG(seed, 0x5a17)))
	return g
}

// id derives a stable uuid for the n-th thing of a kind belonging to a person (person -1 for
// staff), so ids are the same on every run with the same seed.
func (g *Generator) id(kind string, person, n int) string {
	var b [64]byte
	buf := append(b[:0], kind...)
	buf = binary.BigEndian.AppendUint64(buf, uint64(int64(person)))
	buf = binary.BigEndian.AppendUint64(buf, uint64(int64(n)))
	return uuid.NewSHA1(g.ns, buf).String()
}

// Next returns the next synthetic person. It panics after MaxPeople people.
func (g *Generator) Next() Person {
	if g.next >= MaxPeople {
		panic(fmt.Sprintf("demo: a generator makes at most %d people", MaxPeople))
	}
	b := &builder{g: g, rng: g.rng, index: g.next}
	g.next++
	p := b.person()
	p.Contacts = g.makeContacts(p.Patient)
	return p
}

// nhsNumber returns an unused NHS number in the 999 test range with a valid check digit.
func (g *Generator) nhsNumber() careplan.NHSNumber {
	for {
		nine := fmt.Sprintf("999%06d", g.rng.IntN(1_000_000))
		check, ok := careplan.NHSCheckDigit(nine)
		if !ok {
			continue // these nine digits can have no valid check digit
		}
		n := careplan.NHSNumber(nine + string(rune('0'+check)))
		if !g.used[n] {
			g.used[n] = true
			return n
		}
	}
}

// pick returns a random element of a non-empty list.
func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// between returns a whole number from lo to hi inclusive.
func between(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// weighted returns an index into weights, chosen in proportion to them.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
