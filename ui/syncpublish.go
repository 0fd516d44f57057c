package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/fhir"
	"carehub/ui/kit"
)

// Publish is what the Sync screen's "Publish to the shared record" and the Settings screen's
// shared-record section need: where the county's shared care record is, publishing to it, and
// setting it up.
type Publish interface {
	// Connection is the server as set up (not Configured when none is), without any secret,
	// and when carehub last published there.
	Connection() (fhir.Connection, error)
	// Push publishes what changed since the last publish, telling progress after each person.
	// Cancelling ctx stops it after the person being sent (fhir.ErrPushStopped); a server that
	// cannot be reached stops it (fhir.ErrUnreachable). The result counts what was done either
	// way.
	Push(ctx context.Context, progress func(done, total int)) (fhir.PushResult, error)
	// Connect sets the server up (an administrator only), reading and checking a key file now
	// (fhir.ErrKeyFile, fhir.ErrPrivateKey), and returns it as kept.
	Connect(c fhir.Connection) (fhir.Connection, error)
}

// noServerText is what a coordinator reads when nobody has set the shared record up yet.
const noServerText = "No shared record is set up yet. An administrator sets up the shared record in Settings."

// publishPart is the Sync screen's shared-record section, for coordinators and administrators:
// which server, when carehub last published there, and Publish, which runs in the worker with a
// bar that moves per person and a Cancel that stops after the person being sent, then says what
// was sent and who was not, one line each.
type publishPart struct {
	publish Publish
	work    worker
	w       fyne.Window
	claim   func() bool // takes the Sync screen's one job at a time; false when another runs
	release func()
	busy    func() bool // whether the Sync screen has a job running

	conn        fhir.Connection
	done, total int                // progress of the publish under way, for its summary
	stop        context.CancelFunc // stops the publish under way after the person being sent

	server   *widget.Label
	last     *widget.Label
	notSetUp *widget.Label
	button   *widget.Button
	cancel   *widget.Button
	doing    *widget.Label
	progress *widget.ProgressBar
	result   *publishResult // the last outcome shown
	root     fyne.CanvasObject
}

func newPublishPart(p Publish, work worker, w fyne.Window, claim func() bool, release func(), busy func() bool) *publishPart {
	pp := &publishPart{publish: p, work: work, w: w, claim: claim, release: release, busy: busy}
	pp.notSetUp = kit.NewProblemLabel()
	pp.notSetUp.Importance = widget.WarningImportance
	pp.button = widget.NewButtonWithIcon("Publish to the shared record", theme.UploadIcon(), pp.onPublish)
	pp.button.Importance = widget.HighImportance
	pp.button.Disable() // until the server is read
	pp.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), pp.onCancel)
	pp.cancel.Hide()
	pp.doing = widget.NewLabel("")
	pp.doing.Hide()
	pp.progress = widget.NewProgressBar()
	pp.progress.Hide()
	facts := &kit.Facts{}
	pp.server = facts.Add("Server", "")
	pp.last = facts.Add("Last published", "")
	pp.root = kit.Section("Shared care record",
		kit.Quiet("Sends the agreed plans of people who consent to share with professionals to the county's shared care record, "+
			"where their GP, out-of-hours and A&E see them. Only what changed since the last publish is sent."),
		facts.Grid(), pp.notSetUp, container.NewHBox(pp.button, pp.cancel), pp.doing, pp.progress)
	return pp
}

// load reads where the shared record is and when carehub last published there.
func (p *publishPart) load() {
	var (
		c   fhir.Connection
		err error
	)
	p.work.run(func() { c, err = p.publish.Connection() }, func() { p.loaded(c, err) })
}

func (p *publishPart) loaded(c fhir.Connection, err error) {
	p.conn = c
	switch {
	case err != nil:
		p.conn = fhir.Connection{}
		kit.SetProblem(p.notSetUp, "The shared record's settings could not be read: "+kit.OneLine(err))
	case !c.Configured():
		kit.SetProblem(p.notSetUp, noServerText)
	default:
		kit.SetProblem(p.notSetUp, "")
	}
	p.server.SetText(serverText(p.conn))
	p.last.SetText(whenText(p.conn.LastPublished))
	p.enable(!p.busy())
}

// serverText names the server, or says there is none.
func serverText(c fhir.Connection) string {
	if !c.Configured() {
		return "none set up"
	}
	return c.URL
}

// enable turns Publish on when the screen is free and there is somewhere to publish to.
func (p *publishPart) enable(on bool) {
	if on && p.conn.Configured() {
		p.button.Enable()
		return
	}
	p.button.Disable()
}

func (p *publishPart) onPublish() {
	if !p.conn.Configured() || !p.claim() {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	p.stop, p.done, p.total = stop, 0, 0
	p.doing.SetText("Publishing to " + p.conn.URL + "…")
	p.doing.Show()
	p.progress.SetValue(0)
	p.progress.Show()
	p.cancel.SetText("Cancel")
	p.cancel.Enable()
	p.cancel.Show()
	kit.Relayout(p.root)
	var (
		res fhir.PushResult
		err error
	)
	progress := p.progressFunc()
	p.work.run(func() { res, err = p.publish.Push(ctx, progress) }, func() {
		stop()
		p.finished(res, err)
	})
}

// progressFunc moves the bar and the count after each person; it is called off the UI
// goroutine. Each person is a round trip to the server, so a post each is no flood.
func (p *publishPart) progressFunc() func(done, total int) {
	return func(done, total int) {
		p.work.post(func() {
			p.done, p.total = done, total
			p.progress.SetValue(float64(done) / float64(max(total, 1)))
			p.doing.SetText(fmt.Sprintf("Publishing to %s: %s of %s", p.conn.URL, thousands(done), plural(total, "person", "people")))
		})
	}
}

// onCancel asks the publish to stop once the person being sent is done, so nothing is left
// half-sent.
func (p *publishPart) onCancel() {
	if p.stop == nil {
		return
	}
	p.stop()
	p.cancel.SetText("Stopping after this person…")
	p.cancel.Disable()
}

// finished ends the publish, says what it did, and reads the last-published time again.
func (p *publishPart) finished(res fhir.PushResult, err error) {
	p.stop = nil
	p.doing.Hide()
	p.progress.Hide()
	p.cancel.Hide()
	kit.Relayout(p.root)
	p.release()
	o := publishOutcome(p.conn.URL, res, err, p.done)
	p.result = showPublishResult(p.w, o)
	p.load()
}

// publishResult says what a publish did: the counts, then each person not sent, one line
// each, in a list that scrolls when it is long.
type publishResult struct {
	title       string
	lines       []*widget.Label
	failures    []*widget.Label
	closeButton *widget.Button
	dialog      *dialog.CustomDialog
}

// failuresShown is how many failure lines fit before their list scrolls.
const failuresShown = 6

func showPublishResult(w fyne.Window, o publishSummary) *publishResult {
	r := &publishResult{title: o.title}
	body := container.NewVBox()
	for _, text := range o.lines {
		l := kit.Para(text)
		l.Selectable = true
		if o.failed {
			l.Importance = widget.DangerImportance
		}
		r.lines = append(r.lines, l)
		body.Add(l)
	}
	if len(o.failures) > 0 {
		body.Add(kit.Bold("Not sent: carehub tries them again at the next publish"))
		list := container.NewVBox()
		for _, text := range o.failures {
			l := kit.Para(text)
			l.Selectable = true
			l.Importance = widget.DangerImportance
			r.failures = append(r.failures, l)
			list.Add(l)
		}
		if len(o.failures) > failuresShown {
			scroll := container.NewVScroll(list)
			scroll.SetMinSize(fyne.NewSize(0, 260))
			body.Add(scroll)
		} else {
			body.Add(list)
		}
	}
	r.closeButton = widget.NewButton("Close", r.close)
	d := dialog.NewCustomWithoutButtons(o.title, body, w)
	d.SetButtons([]fyne.CanvasObject{r.closeButton})
	kit.FitDialog(d, kit.DialogWidth)
	d.Show()
	r.dialog = d
	return r
}

func (r *publishResult) close() { r.dialog.Hide() }
