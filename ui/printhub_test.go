package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"

	"carehub/careplan"
	"carehub/careplan/caseload"
	"carehub/careplan/printout"
	"carehub/ui/kit"
)

// fakeFiles stands in for the file dialogs: it records what was asked and chooses path.
type fakeFiles struct {
	path      string // what the user chooses; "" cancels
	saveTitle string
	saveName  string
	saves     int
	folders   int
	opens     int
}

var _ kit.FileChooser = (*fakeFiles)(nil)

func (f *fakeFiles) SaveFile(_ fyne.Window, title, name string, chosen func(string)) {
	f.saves++
	f.saveTitle, f.saveName = title, name
	if f.path != "" {
		chosen(f.path)
	}
}

func (f *fakeFiles) OpenFile(_ fyne.Window, _ []string, chosen func(string)) {
	f.opens++
	if f.path != "" {
		chosen(f.path)
	}
}

func (f *fakeFiles) Folder(_ fyne.Window, chosen func(string)) {
	f.folders++
	if f.path != "" {
		chosen(f.path)
	}
}

// printingSession is a signed-in session over a test hub holding r, with the file dialogs
// faked (the plans are really printed, into a temporary folder). opened collects the files
// handed to the system's viewer.
func printingSession(t *testing.T, r *people, files *fakeFiles, edit ...func(*Config)) (s *session, w fyne.Window, opened *[]string, h *testHub) {
	t.Helper()
	opened = new([]string)
	h = newTestHub(t, r)
	edit = append([]func(*Config){func(c *Config) {
		c.OpenFile = func(path string) error { *opened = append(*opened, path); return nil }
	}}, edit...)
	s, w = h.session(t, catCoordinator, edit...)
	s.files = files
	if s.caseload == nil {
		t.Fatal("the caseload did not open after unlocking")
	}
	return s, w, opened, h
}

// batchOn shows the batch screen alone in a test window over a hub of batchPeople, signed in
// as a coordinator, with the given printing (the real service, or one watching it) and worker.
func batchOn(t *testing.T, files *fakeFiles, work worker, watch ...func(Printing) Printing) (*batchScreen, fyne.Window, *[]string) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, layout.NewSpacer())
	w.Resize(testWindowSize())
	h := newTestHub(t, batchHub())
	h.signIn(t, catCoordinator)
	var printing Printing = h.svc.Printing
	for _, wrap := range watch {
		printing = wrap(printing)
	}
	opened := new([]string)
	tools := &printTools{printing: printing, files: files, w: w,
		openFile: func(path string) error { *opened = append(*opened, path); return nil }}
	entries, err := h.svc.Records.Caseload()
	if err != nil {
		t.Fatal(err)
	}
	s := newBatchScreen(tools, work, fixedToday(), keyWorkersIn(caseload.New(entries)), func() {})
	w.SetContent(s.root)
	s.refreshPreview()
	return s, w, opened
}

// batchHub is six open people due for review within the batch screen's first range, soonest
// first (the first six of caseloadPeople): four with an agreed plan, and Zoë and Seán with a
// draft only. Siân and Zoë are Rhian Davies's; the others Sam Green's.
func batchHub() *people {
	r := &people{staff: testStaff(), services: testServices()}
	for i, name := range caseloadPeople()[:6] {
		p := fullPatient(pid(fmt.Sprintf("p%02d", i+1)), testNHSNumber(100+i*37))
		p.GivenName, p.FamilyName, p.PreferredName = name[0], name[1], ""
		p.Needs, p.Team.KeyWorker = careplan.CommunicationNeeds{}, "Sam Green"
		if i < 2 {
			p.Team.KeyWorker = "Rhian Davies"
		}
		review := fixedToday().AddDays(-20 + i*7)
		plan := agreedPlan(p.ID, review)
		if i == 1 || i == 4 {
			plan = draftPlan(p.ID)
			plan.ReviewDate = review
		}
		r.add(p, []careplan.Plan{plan}, nil)
	}
	return r
}

// watchedBatch is the real printing service, with a look at the batch screen after each plan
// a batch prints (during is called with how many are done): to see the screen mid-run.
type watchedBatch struct {
	Printing
	during func(done int)
}

func (p watchedBatch) PrintBatch(people []printout.BatchPerson, out printout.BatchOutput, progress func(done, total int) bool) (printout.BatchResult, error) {
	return p.Printing.PrintBatch(people, out, func(done, total int) bool {
		goOn := progress(done, total)
		if done > 0 {
			p.during(done)
		}
		return goOn
	})
}

// printingIn runs fn (which prints to a relative path) in dir, then returns to the package's
// folder, where the goldens are: the path the screen shows then stays the same from run to run.
func printingIn(t *testing.T, dir string, fn func()) {
	t.Helper()
	back, err := os.Getwd()
	must(t, err)
	must(t, os.Chdir(dir))
	defer func() { must(t, os.Chdir(back)) }()
	fn()
}

// printedFile reports whether a whole PDF is at path.
func printedFile(t *testing.T, path string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	return err == nil && len(b) > 4 && string(b[:4]) == "%PDF"
}

// leftInDir lists what is in dir, for checking nothing half-written stays behind.
func leftInDir(t *testing.T, dir string) []string {
	t.Helper()
	found, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
	return append(found, hidden...)
}
