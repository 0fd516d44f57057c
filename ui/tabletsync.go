package ui

import (
	"fmt"
	"time"

	"carehub/careplan/myplan"
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// tabletSyncTools are what the tablet's file buttons need. A nil *tabletSyncTools means the
// app carries no files to or from the tablet, and the buttons are not shown.
type tabletSyncTools struct {
	sync  TabletSync
	files kit.FileChooser
	w     fyne.Window
	now   func() time.Time // dates the check-ins file's name
}

// tabletSyncBar is the tablet's two file buttons: a newer plan in from the hub, the patient's
// check-ins out to it. The patient carries the files themselves, so every result is said in
// their words, with what to do next. While one runs both buttons are off.
type tabletSyncBar struct {
	tools     *tabletSyncTools
	work      worker
	onUpdated func() // the file may have changed the plan: read it again

	update   *widget.Button
	send     *widget.Button
	doing    *widget.Label
	progress *widget.ProgressBar
	result   *resultDialog // the last outcome shown
	root     fyne.CanvasObject
}

func newTabletSyncBar(tools *tabletSyncTools, work worker, onUpdated func()) *tabletSyncBar {
	b := &tabletSyncBar{tools: tools, work: work, onUpdated: onUpdated}
	b.update = widget.NewButtonWithIcon("Update my plan from a file…", theme.DownloadIcon(), b.onUpdate)
	b.update.Importance = widget.HighImportance
	b.send = widget.NewButtonWithIcon("Send my check-ins…", theme.UploadIcon(), b.onSend)
	b.doing = widget.NewLabel("")
	b.doing.Hide()
	b.progress = widget.NewProgressBar()
	b.progress.Hide()
	b.root = container.NewVBox(container.NewHBox(b.update, b.send), b.doing, b.progress)
	return b
}

func (b *tabletSyncBar) onUpdate() {
	b.tools.files.OpenFile(b.tools.w, []string{bundleExt}, b.updateFrom)
}

func (b *tabletSyncBar) updateFrom(path string) {
	b.start("Reading the file from your key worker…")
	var (
		res myplan.Update
		err error
	)
	progress := b.progressFunc()
	b.work.run(func() { res, err = b.tools.sync.UpdateFromFile(path, progress) }, func() {
		b.end()
		if err != nil {
			b.result = showResult(b.tools.w, "Your plan was not updated", []string{kit.OneLine(err),
				"Please ask your key worker for a new file."}, true, nil)
			return
		}
		b.result = showResult(b.tools.w, "Your plan", updateLines(res), false, nil)
		b.onUpdated()
	})
}

// updateLines says what a file from the hub did, in the patient's words.
func updateLines(res myplan.Update) []string {
	var lines []string
	switch res.Outcome {
	case myplan.PlanUpdated:
		lines = append(lines, "Your plan has been updated.")
	case myplan.PlanRemoved:
		lines = append(lines, planNotHereText)
	case myplan.CheckInsReceived:
		lines = append(lines, "Your key worker has your check-ins. Your plan has not changed.")
	default:
		lines = append(lines, "Your plan is up to date.")
	}
	if res.AckPath != "" {
		lines = append(lines, "Give this file back to your key worker: "+res.AckPath)
	}
	return lines
}

// showSend shows or hides "Send my check-ins…": hidden while the tablet holds no plan.
func (b *tabletSyncBar) showSend(show bool) {
	if show {
		b.send.Show()
	} else {
		b.send.Hide()
	}
}

func (b *tabletSyncBar) onSend() {
	name := "carehub-checkins-" + b.tools.now().Format("20060102") + bundleExt
	b.tools.files.SaveFile(b.tools.w, "Save my check-ins", name, b.sendTo)
}

func (b *tabletSyncBar) sendTo(path string) {
	b.start("Saving your check-ins…")
	var (
		n   int
		err error
	)
	progress := b.progressFunc()
	b.work.run(func() { n, err = b.tools.sync.SendCheckIns(path, progress) }, func() {
		b.end()
		if err != nil {
			b.result = showResult(b.tools.w, "Your check-ins were not saved", []string{kit.OneLine(err),
				"Please ask your key worker."}, true, nil)
			return
		}
		b.result = showResult(b.tools.w, "Your check-ins", []string{checkInsSavedText(n, path),
			"Give this file to your key worker."}, false, nil)
	})
}

func checkInsSavedText(n int, path string) string {
	switch n {
	case 0:
		return "You have no check-ins to send yet. The file is saved at " + path + "."
	case 1:
		return "Your check-in is saved at " + path + "."
	}
	return fmt.Sprintf("Your %d check-ins are saved at %s.", n, path)
}

// start turns both buttons off and shows what is happening, so a file is never read or
// written twice at once.
func (b *tabletSyncBar) start(doing string) {
	b.update.Disable()
	b.send.Disable()
	b.doing.SetText(doing)
	b.doing.Show()
	b.progress.SetValue(0)
	b.progress.Show()
}

func (b *tabletSyncBar) end() {
	b.update.Enable()
	b.send.Enable()
	b.doing.Hide()
	b.progress.Hide()
}

// progressFunc moves the progress bar as the job reports.
func (b *tabletSyncBar) progressFunc() func(done, total int) {
	return percentProgress(b.work, b.progress)
}
