package ui

import (
	"fmt"
	"time"

	"carehub/careplan/devices"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// File kinds the Sync screen saves and opens. An acknowledgement is a bundle too (of kind
// "ack"), so one extension covers both.
const (
	cardExt   = ".card"
	bundleExt = ".chb"
)

// syncScreen pairs this device with others and carries bundles between them: this device's
// name and card, the paired devices with what each is waiting for, and import. Export and
// import run in the worker with a progress bar; while one runs every button is off, so the
// same bundle is never made twice at once.
type syncScreen struct {
	sync        Sync
	work        worker
	files       kit.FileChooser
	w           fyne.Window
	now         func() time.Time // names bundle files
	onBack      func()
	onChanged   func()       // an import changed records: the caseload and conflict count are stale
	onConflicts func()       // nil when this session cannot open the Conflicts screen
	publishing  *publishPart // the shared care record; nil for those who may not publish

	this    devices.Device
	devices []devices.Device
	busy    bool

	back      *widget.Button
	thisName  *widget.Label
	thisPrint *widget.Label // this device's fingerprint, for the other device to compare
	rename    *widget.Button
	saveCard  *widget.Button
	addDevice *widget.Button
	importer  *widget.Button
	rows      map[string]*deviceRow // by device id, so tests and handlers reach a row's button
	list      *fyne.Container       // the paired devices, or a line saying there are none
	progress  *widget.ProgressBar
	doing     *widget.Label // what is running: "Making the bundle for …"
	problem   *widget.Label // the screen could not be read
	renaming  *renameDialog
	comparing *compareDialog // the card being added, before it is trusted
	unpairing *unpairDialog  // the device about to be unpaired
	result    *resultDialog  // the last outcome shown
	scroll    *container.Scroll
	root      fyne.CanvasObject
}

// newSyncScreen makes the Sync screen; publish is nil for those who may not publish to the
// shared care record, who then see no such section.
func newSyncScreen(sync Sync, publish Publish, work worker, files kit.FileChooser, w fyne.Window, now func() time.Time,
	onBack, onChanged, onConflicts func()) *syncScreen {
	s := &syncScreen{sync: sync, work: work, files: files, w: w, now: now, onBack: onBack,
		onChanged: onChanged, onConflicts: onConflicts, rows: map[string]*deviceRow{}}
	s.back = widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	s.thisName = widget.NewLabel("")
	s.thisName.TextStyle.Bold = true
	s.thisPrint = widget.NewLabel("")
	s.thisPrint.Selectable = true
	s.rename = widget.NewButtonWithIcon("Rename…", theme.DocumentCreateIcon(), s.onRename)
	s.saveCard = widget.NewButtonWithIcon("Save device card…", theme.DocumentSaveIcon(), s.onSaveCard)
	s.addDevice = widget.NewButtonWithIcon("Add device from card…", theme.ContentAddIcon(), s.onAddDevice)
	s.importer = widget.NewButtonWithIcon("Import bundle or acknowledgement…", theme.DownloadIcon(), s.onImport)
	s.importer.Importance = widget.HighImportance
	s.list = container.NewVBox()
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.doing = widget.NewLabel("")
	s.doing.Hide()
	s.problem = kit.NewProblemLabel()

	title := kit.Subheading("Sync: carry changes between devices", widget.MediumImportance)
	form := container.NewVBox(
		kit.Section("This device",
			container.NewHBox(s.thisName, s.rename),
			s.thisPrint,
			kit.Quiet("Another device pairs with this one by adding its card. A card holds no patient data. "+
				"Read this fingerprint to whoever adds the card: theirs must show the same."),
			container.NewHBox(s.saveCard)),
		kit.Section("Paired devices", s.list, container.NewHBox(s.addDevice)),
		kit.Section("Bring changes in",
			kit.Quiet("Import a bundle made for this device, or the acknowledgement a device gave back for a bundle from here."),
			container.NewHBox(s.importer)),
		s.doing, s.progress, s.problem,
	)
	if publish != nil {
		s.publishing = newPublishPart(publish, work, w, s.claim, s.release, s.isBusy)
		form.Add(widget.NewSeparator())
		form.Add(s.publishing.root)
	}
	s.scroll = container.NewVScroll(container.NewPadded(form))
	s.root = container.NewBorder(container.NewHBox(s.back, title), nil, nil, nil, s.scroll)
	return s
}

func (s *syncScreen) onBackTapped() { s.onBack() }

// load reads this device and the paired devices, and where the shared record is. The buttons
// stay off until they are read, so no job starts against a list that is about to change.
func (s *syncScreen) load() {
	if s.publishing != nil {
		s.publishing.load()
	}
	s.setBusy(true)
	var (
		this   devices.Device
		paired []devices.Device
		err    error
	)
	s.work.run(func() {
		if this, err = s.sync.ThisDevice(); err == nil {
			paired, err = s.sync.Devices()
		}
	}, func() { s.loaded(this, paired, err) })
}

func (s *syncScreen) loaded(this devices.Device, paired []devices.Device, err error) {
	s.setBusy(false)
	if err != nil {
		kit.SetProblem(s.problem, fmt.Sprintf("The devices could not be read: %s", kit.OneLine(err)))
		return
	}
	kit.SetProblem(s.problem, "")
	s.this, s.devices = this, paired
	s.thisName.SetText(this.Name)
	s.thisPrint.SetText("Fingerprint: " + this.Fingerprint)
	s.showDevices()
}

// showDevices builds one row per paired device.
func (s *syncScreen) showDevices() {
	s.rows = map[string]*deviceRow{}
	s.list.Objects = nil
	if len(s.devices) == 0 {
		s.list.Add(kit.Quiet("No devices are paired with this one yet. Add another device's card to pair with it."))
	}
	for _, d := range s.devices {
		r := newDeviceRow(d, s.onMakeBundle, s.onUnpair)
		s.rows[d.ID] = r
		s.list.Add(r.root)
	}
	s.list.Refresh()
	kit.Relayout(s.root)
}

// setBusy turns every action off while a job runs, and back on when it ends.
func (s *syncScreen) setBusy(on bool) {
	s.busy = on
	controls := []fyne.Disableable{s.back, s.rename, s.saveCard, s.addDevice, s.importer}
	for _, r := range s.rows {
		if r.device.Unpaired.IsZero() {
			controls = append(controls, r.bundle, r.unpair)
		}
	}
	for _, c := range controls {
		if on {
			c.Disable()
		} else {
			c.Enable()
		}
	}
	if s.publishing != nil {
		s.publishing.enable(!on)
	}
}

// claim takes the screen for a job that shows its own progress (publishing): every other
// action is off until release. It returns false when another job is already running.
func (s *syncScreen) claim() bool {
	if s.busy {
		return false
	}
	s.setBusy(true)
	kit.SetProblem(s.problem, "")
	return true
}

// release gives the screen back after a claimed job.
func (s *syncScreen) release() { s.setBusy(false) }

// isBusy reports whether a job is running.
func (s *syncScreen) isBusy() bool { return s.busy }

// start marks a job as running, with a progress bar when it reports progress. It returns
// false when another job is already running.
func (s *syncScreen) start(doing string, withProgress bool) bool {
	if s.busy {
		return false
	}
	s.setBusy(true)
	kit.SetProblem(s.problem, "")
	s.doing.SetText(doing)
	s.doing.Show()
	s.progress.SetValue(0)
	s.progress.Hidden = !withProgress
	kit.Relayout(s.root)
	return true
}

// end marks the running job as over.
func (s *syncScreen) end() {
	s.setBusy(false)
	s.doing.Hide()
	s.progress.Hide()
	kit.Relayout(s.root)
}

// finish ends a job and shows its outcome: lines, or the error's own first line.
func (s *syncScreen) finish(title string, lines []string, conflicts int, err error) {
	s.end()
	if err != nil {
		s.result = showResult(s.w, title, []string{kit.OneLine(err)}, true, nil)
		return
	}
	var onConflicts func()
	if conflicts > 0 && s.onConflicts != nil {
		onConflicts = s.onConflicts
	}
	s.result = showResult(s.w, title, lines, false, onConflicts)
}

// progressFunc moves the progress bar as a job reports.
func (s *syncScreen) progressFunc() func(done, total int) { return percentProgress(s.work, s.progress) }

// percentProgress moves bar as a job reports, posting only whole-percent changes so a bundle
// of thousands of records does not flood the UI goroutine. The func it returns is called off
// it.
func percentProgress(work worker, bar *widget.ProgressBar) func(done, total int) {
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		pct := done * 100 / total
		if pct == last {
			return
		}
		last = pct
		work.post(func() { bar.SetValue(float64(pct) / 100) })
	}
}

func (s *syncScreen) onRename() {
	if s.busy {
		return
	}
	s.renaming = newRenameDialog(s.w, s.this.Name, s.renameTo)
}

func (s *syncScreen) renameTo(name string) {
	if !s.start("Renaming this device…", false) {
		return
	}
	var err error
	s.work.run(func() { err = s.sync.RenameDevice(name) }, func() {
		if err != nil {
			s.finish("This device was not renamed", nil, 0, err)
			return
		}
		s.end() // nothing to say: the new name is on the screen once read back
		s.load()
	})
}

func (s *syncScreen) onSaveCard() {
	s.files.SaveFile(s.w, "Save this device's card", fileSafe("carehub-"+s.this.Name)+cardExt, s.saveCardTo)
}

func (s *syncScreen) saveCardTo(path string) {
	if !s.start("Saving this device's card…", false) {
		return
	}
	var err error
	s.work.run(func() { err = s.sync.SaveCard(path) }, func() {
		s.finish(cardSavedTitle(err), []string{
			"This device's card is saved at " + path + ".",
			"Add it on the other device with \"Add device from card…\", and add that device's card here.",
		}, 0, err)
	})
}

func cardSavedTitle(err error) string {
	if err != nil {
		return "The device card was not saved"
	}
	return "Device card saved"
}

func (s *syncScreen) onAddDevice() {
	s.files.OpenFile(s.w, []string{cardExt}, s.addDeviceFrom)
}

// addDeviceFrom reads the card first and asks for its fingerprint to be compared with what
// the device itself shows: a card swapped on the way (the right name, someone else's keys)
// would otherwise be trusted with the whole hub.
func (s *syncScreen) addDeviceFrom(path string) {
	if !s.start("Reading the card…", false) {
		return
	}
	var (
		d   devices.Device
		err error
	)
	s.work.run(func() { d, err = s.sync.ReadCard(path) }, func() {
		if err != nil {
			s.finish("The device was not added", nil, 0, err)
			return
		}
		s.end()
		s.comparing = newCompareDialog(s.w, d, func() { s.pairWith(path) })
	})
}

// pairWith pairs with the card at path once its fingerprint has been compared.
func (s *syncScreen) pairWith(path string) {
	if !s.start("Pairing with the device on that card…", false) {
		return
	}
	var (
		d   devices.Device
		err error
	)
	s.work.run(func() { d, err = s.sync.AddDevice(path) }, func() {
		if err != nil {
			s.finish("The device was not added", nil, 0, err)
			return
		}
		s.finish("Device paired", []string{
			"This device is now paired with " + d.Name + " (fingerprint " + d.Fingerprint + ").",
			"Make sure " + d.Name + " has added this device's card too, and compared this device's fingerprint.",
		}, 0, nil)
		s.load()
	})
}

// onUnpair asks before unpairing a device: a lost laptop's bundles are refused from then on.
func (s *syncScreen) onUnpair(d devices.Device) {
	if s.busy {
		return
	}
	s.unpairing = newUnpairDialog(s.w, d, func() { s.unpair(d) })
}

func (s *syncScreen) unpair(d devices.Device) {
	if !s.start("Unpairing "+d.Name+"…", false) {
		return
	}
	var err error
	s.work.run(func() { err = s.sync.Unpair(d.ID) }, func() {
		if err != nil {
			s.finish(d.Name+" was not unpaired", nil, 0, err)
			return
		}
		s.finish("Device unpaired", []string{
			d.Name + " is unpaired: bundles and acknowledgements from it are refused from now on, and no bundle is made for it.",
			"Its row stays, marked, so you can see when it was unpaired.",
		}, 0, nil)
		s.load()
	})
}

func (s *syncScreen) onMakeBundle(d devices.Device) {
	if s.busy {
		return
	}
	name := bundleFileName(d.Name, s.now())
	s.files.SaveFile(s.w, "Save the bundle for "+d.Name, name, func(path string) { s.exportTo(d, path) })
}

func (s *syncScreen) exportTo(d devices.Device, path string) {
	if !s.start("Making the bundle for "+d.Name+"…", true) {
		return
	}
	var (
		res devices.SyncResult
		err error
	)
	progress := s.progressFunc()
	s.work.run(func() { res, err = s.sync.Export(d.ID, path, progress) }, func() {
		if err != nil {
			s.finish("The bundle was not made", nil, 0, err)
			return
		}
		s.finish("Bundle made", []string{res.Summary,
			"Saved at " + path + ". Take it to " + d.Name + " and import it there."}, 0, nil)
		s.load() // the device's last-sent time has moved
	})
}

func (s *syncScreen) onImport() {
	s.files.OpenFile(s.w, []string{bundleExt}, s.importFrom)
}

func (s *syncScreen) importFrom(path string) {
	if !s.start("Importing…", true) {
		return
	}
	var (
		res devices.SyncResult
		err error
	)
	progress := s.progressFunc()
	s.work.run(func() { res, err = s.sync.Import(path, progress) }, func() {
		if err != nil {
			s.finish("Nothing was imported", nil, 0, err)
			return
		}
		s.finish("Imported", importLines(res), res.Conflicts, nil)
		s.onChanged()
		s.load()
	})
}

// importLines says what an import did and what the person must do next.
func importLines(res devices.SyncResult) []string {
	lines := []string{res.Summary}
	if res.AckPath != "" {
		lines = append(lines, "Give this acknowledgement back to the sending device: "+res.AckPath)
	}
	switch {
	case res.Conflicts == 1:
		lines = append(lines, "1 conflict needs a coordinator: open Conflicts")
	case res.Conflicts > 1:
		lines = append(lines, fmt.Sprintf("%d conflicts need a coordinator: open Conflicts", res.Conflicts))
	}
	return lines
}
