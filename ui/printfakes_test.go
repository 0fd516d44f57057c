package ui

import (
	"fmt"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/careplan/printout"
)

// printCall is one PrintPatient call.
type printCall struct {
	patientID    string
	draft, large bool
	path         string
}

// fakePrinting remembers what it was asked to print and prints nothing.
type fakePrinting struct {
	mu         sync.Mutex
	printed    []printCall
	pages      int   // what PrintPatient and PrintBatch report
	err        error // what PrintPatient returns
	people     []printout.BatchPerson
	selections []printout.BatchSelection
	batches    []printout.BatchOutput
	progressed int // progress calls in the last batch
	// during is called after each person in a batch, to look at the screen mid-run.
	during func(done int)
}

var _ Printing = (*fakePrinting)(nil)

// Offer follows the app's rules closely enough for the screens: the UI's job is to act on it.
func (f *fakePrinting) Offer(p careplan.Patient, plans []careplan.Plan) printout.Offer {
	a, agreed := careplan.LatestAgreed(plans)
	d, draft := careplan.LatestDraft(plans)
	return printout.Offer{Agreed: agreed, Draft: draft && (!agreed || d.Version > a.Version), LargePrint: p.Needs.LargePrint}
}

func (f *fakePrinting) PrintPatient(id string, draft, large bool, path string) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.printed = append(f.printed, printCall{id, draft, large, path})
	return f.pages, f.err
}

func (f *fakePrinting) PlansFor(sel printout.BatchSelection) ([]printout.BatchPerson, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.selections = append(f.selections, sel)
	return f.people, nil
}

func (f *fakePrinting) PrintBatch(people []printout.BatchPerson, out printout.BatchOutput, progress func(done, total int) bool) (printout.BatchResult, error) {
	f.mu.Lock()
	f.batches = append(f.batches, out)
	f.progressed = 0
	f.mu.Unlock()
	var res printout.BatchResult
	var todo []printout.BatchPerson
	for _, p := range people {
		if p.HasAgreed {
			todo = append(todo, p)
		} else {
			res.NoPlan = append(res.NoPlan, p)
		}
	}
	for i := range todo {
		f.progressed++
		if !progress(i+1, len(todo)) {
			return printout.BatchResult{}, fmt.Errorf("batch: %w", printout.ErrCancelled)
		}
		if f.during != nil {
			f.during(i + 1)
		}
	}
	res.Printed, res.Pages = len(todo), f.pages
	return res, nil
}

// fakeFiles stands in for the file dialogs: it records what was asked and chooses path.
type fakeFiles struct {
	path      string // what the user chooses; "" cancels
	saveTitle string
	saveName  string
	saves     int
	folders   int
	opens     int
}

var _ fileChooser = (*fakeFiles)(nil)

func (f *fakeFiles) saveFile(_ fyne.Window, title, name string, chosen func(string)) {
	f.saves++
	f.saveTitle, f.saveName = title, name
	if f.path != "" {
		chosen(f.path)
	}
}

func (f *fakeFiles) openFile(_ fyne.Window, _ []string, chosen func(string)) {
	f.opens++
	if f.path != "" {
		chosen(f.path)
	}
}

func (f *fakeFiles) folder(_ fyne.Window, chosen func(string)) {
	f.folders++
	if f.path != "" {
		chosen(f.path)
	}
}

// printingSession is an unlocked session whose app can print, with the file dialogs faked.
// opened collects the files handed to the system's viewer.
func printingSession(t *testing.T, r *fakeRecords, p *fakePrinting, files *fakeFiles) (s *session, w fyne.Window, opened *[]string) {
	t.Helper()
	opened = new([]string)
	v := &fakeVault{exists: true, right: "correct horse", records: r}
	s, w = newTestSession(t, Config{Vault: v, Printing: p,
		OpenFile: func(path string) error { *opened = append(*opened, path); return nil }})
	s.files = files
	test.Type(s.unlock.passphrase, "correct horse")
	test.Tap(s.unlock.submit)
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, w, opened
}

// batchOn shows the batch screen alone in a test window, with the given worker.
func batchOn(t *testing.T, p *fakePrinting, files *fakeFiles, work worker) (*batchScreen, fyne.Window, *[]string) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, layout.NewSpacer())
	w.Resize(testWindowSize())
	opened := new([]string)
	tools := &printTools{printing: p, files: files, w: w,
		openFile: func(path string) error { *opened = append(*opened, path); return nil }}
	entries, _ := testRecords().Caseload()
	s := newBatchScreen(tools, work, fixedToday(), keyWorkersIn(caseload.New(entries)), func() {})
	w.SetContent(s.root)
	s.refreshPreview()
	return s, w, opened
}

// batchPeople are six people due for review: four with an agreed plan and two without.
func batchPeople() []printout.BatchPerson {
	names := []string{"Siân O'Brien", "Zoë Clarke", "Renée Dubois", "José Álvarez", "Seán Murphy", "Björn Larsen"}
	out := make([]printout.BatchPerson, len(names))
	for i, n := range names {
		out[i] = printout.BatchPerson{PatientID: fmt.Sprintf("p%02d", i+1), NHSNumber: testNHSNumber(100 + i*37), Name: n, HasAgreed: i != 1 && i != 4}
	}
	return out
}
