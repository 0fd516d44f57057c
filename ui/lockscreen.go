package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// lockShortcut is Ctrl+L (Cmd+L on a Mac), which locks the window from any screen.
func lockShortcut() *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
}

// lockScreen asks the signed-in person for their passphrase again. It shows their name and
// nothing about any patient.
type lockScreen struct {
	vault    Vault
	work     worker
	onUnlock func()
	busy     bool

	passphrase *widget.Entry
	submit     *widget.Button
	problem    *widget.Label
	root       fyne.CanvasObject
}

func newLockScreen(v Vault, work worker, who string, onUnlock func()) *lockScreen {
	s := &lockScreen{vault: v, work: work, onUnlock: onUnlock}
	title := widget.NewLabel("carehub is locked")
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	// Short lines, unwrapped: a wrapped label here would be measured before its width is known.
	var lines []fyne.CanvasObject
	for _, text := range []string{"Signed in: " + who, "Type your passphrase to carry on where you were.", "Anyone else: close carehub and sign in as yourself."} {
		l := widget.NewLabel(text)
		l.Alignment = fyne.TextAlignCenter
		lines = append(lines, l)
	}
	s.passphrase = widget.NewPasswordEntry()
	s.passphrase.SetPlaceHolder("Passphrase")
	s.passphrase.OnSubmitted = s.onSubmitted
	s.submit = widget.NewButton("Unlock", s.onSubmit)
	s.submit.Importance = widget.HighImportance
	s.problem = kit.NewProblemLabel()
	form := container.NewVBox(title)
	for _, l := range lines {
		form.Add(l)
	}
	for _, o := range []fyne.CanvasObject{layout.NewSpacer(), s.passphrase, s.submit, s.problem} {
		form.Add(o)
	}
	s.root = container.New(&kit.ReadingWidth{Max: 460}, form)
	return s
}

func (s *lockScreen) onSubmitted(string) { s.onSubmit() }

// onSubmit checks the passphrase off the UI goroutine: it derives a key, which takes a moment
// (longer after repeated wrong tries).
func (s *lockScreen) onSubmit() {
	if s.busy {
		return
	}
	pass := s.passphrase.Text
	if pass == "" {
		kit.SetProblem(s.problem, errPassphraseMissing.Error())
		return
	}
	s.busy = true
	s.submit.Disable()
	var err error
	s.work.run(func() { err = s.vault.Unlock(pass) }, func() { s.checked(err) })
}

func (s *lockScreen) checked(err error) {
	s.busy = false
	s.submit.Enable()
	s.passphrase.SetText("")
	if err != nil {
		kit.SetProblem(s.problem, err.Error())
		kit.Relayout(s.root)
		return
	}
	s.onUnlock()
}
