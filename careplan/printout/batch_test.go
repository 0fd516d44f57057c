package printout

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"carehub/careplan"
)

func shortCopy() Copy {
	return Copy{
		Patient: careplan.Patient{ID: "p-3", NHSNumber: "4010232137", GivenName: "Ffion", FamilyName: "Ellis-Ng",
			DateOfBirth: careplan.NewDate(1961, time.January, 30)},
		Plan: careplan.Plan{Version: 1, State: careplan.PlanAgreed, AboutMe: "I keep bees.",
			ReviewDate: careplan.NewDate(2026, time.June, 1),
			Agreement:  &careplan.Agreement{By: "Priya Shah", On: careplan.NewDate(2026, time.January, 2)}},
	}
}

func TestBatchNumbersPagesPerPerson(t *testing.T) {
	copies := []Copy{sianCopy(), shortCopy(), longCopy()}
	names := []string{"Siân O'Brien", "Ffion Ellis-Ng", "Siân O'Brien"}
	var counts []int
	for _, c := range copies {
		counts = append(counts, len(layoutFor(t, c, false)))
	}
	var buf bytes.Buffer
	var calls []string
	n, err := WriteBatch(&buf, copies, testOptions(false), func(done, total int) bool {
		calls = append(calls, fmt.Sprint(done, "/", total))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := counts[0] + counts[1] + counts[2]; n != want {
		t.Fatalf("%d pages, want %d", n, want)
	}
	if strings.Join(calls, " ") != "1/3 2/3 3/3" {
		t.Errorf("progress calls %q", calls)
	}
	text := pdfText(t, buf.Bytes(), n)
	at := 0
	for person, k := range counts {
		for i := 1; i <= k; i++ {
			page := text[at]
			if want := fmt.Sprintf("Page %d of %d", i, k); !strings.Contains(page, want) {
				t.Errorf("person %d, page %d: lacks %q", person+1, i, want)
			}
			if !strings.Contains(page, names[person]) {
				t.Errorf("person %d, page %d: lacks the name %q", person+1, i, names[person])
			}
			at++
		}
	}
	if !strings.Contains(text[counts[0]], "401 023 2137") || !strings.Contains(text[counts[0]], "If I become unwell") {
		t.Error("the second person does not start on a new page with their own crisis page")
	}
}

func TestBatchCancel(t *testing.T) {
	var buf bytes.Buffer
	copies := []Copy{sianCopy(), shortCopy(), longCopy()}
	n, err := WriteBatch(&buf, copies, testOptions(false), func(done, total int) bool { return done < 2 })
	if !errors.Is(err, ErrCancelled) {
		t.Fatalf("err = %v, want ErrCancelled", err)
	}
	if n != 0 || buf.Len() != 0 {
		t.Errorf("a cancelled batch wrote %d pages, %d bytes", n, buf.Len())
	}
	if _, err := WriteBatch(&buf, nil, testOptions(false), nil); !errors.Is(err, ErrNothingToPrint) {
		t.Errorf("empty batch: err = %v", err)
	}
}

func TestBatchHonoursEachPersonsLargePrintNeed(t *testing.T) {
	needy := sianCopy()
	needy.Patient.Needs.LargePrint = true
	var one, batch bytes.Buffer
	nOne, err := Write(&one, needy, testOptions(false))
	if err != nil {
		t.Fatal(err)
	}
	nBatch, err := WriteBatch(&batch, []Copy{needy}, testOptions(false), nil)
	if err != nil {
		t.Fatal(err)
	}
	if nLarge := len(layoutFor(t, needy, true)); nBatch != nLarge || nBatch <= nOne {
		t.Errorf("batch %d pages, large %d, standard %d: the batch should use large print", nBatch, nLarge, nOne)
	}
}

// TestConcurrentPrints shares one set of font bytes between prints running at once, as the
// app may when a batch runs while a single plan is printed: no state may be shared.
func TestConcurrentPrints(t *testing.T) {
	want, _ := writePDF(t, sianCopy(), testOptions(false))
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			var buf bytes.Buffer
			_, err := Write(&buf, sianCopy(), testOptions(false))
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("a concurrent print differs")
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
