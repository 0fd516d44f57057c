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

// quitShortcut is Ctrl+Q (Cmd+Q on a Mac), which quits carehub from any screen.
func quitShortcut() *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
}

// lockScreen asks the signed-in person for their passphrase again, or lets someone else sign
// in in their place ("sign in as someone else"). It shows names and nothing about any patient.
type lockScreen struct {
	vault      Vault
	work       worker
	me         string // who is signed in
	onUnlock   func() // the signed-in person is back: uncover their screen
	onSwitched func() // someone else signed in: the session underneath is closed
	// onSwitching and onStayed hold the covered screens' work while someone else signs in,
	// and let it go on if they could not (nil: nothing to hold).
	onSwitching, onStayed func()
	busy                  bool

	who        *widget.Select // who is signing in; nil when the store lists no names
	passphrase *widget.Entry
	submit     *widget.Button
	problem    *widget.Label
	root       fyne.CanvasObject
}

func newLockScreen(v Vault, work worker, me string, onUnlock, onSwitched func()) *lockScreen {
	s := &lockScreen{vault: v, work: work, me: me, onUnlock: onUnlock, onSwitched: onSwitched}
	title := widget.NewLabel("carehub is locked")
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	s.passphrase = widget.NewPasswordEntry()
	s.passphrase.SetPlaceHolder("Passphrase")
	s.passphrase.OnSubmitted = s.onSubmitted
	s.submit = widget.NewButton("Unlock", s.onSubmit)
	s.submit.Importance = widget.HighImportance
	s.problem = kit.NewProblemLabel()
	// Short lines, unwrapped: a wrapped label here would be measured before its width is known.
	texts := []string{"Signed in: " + me, "Type your passphrase to carry on where you were."}
	names, _ := v.Names() // no list (a tablet, the shared passphrase): only the same person
	if someoneElse(names, me) {
		texts = append(texts, "To sign in as someone else, choose your name.")
		s.who = widget.NewSelect(names, s.onChosen)
		s.who.SetSelected(me)
	} else {
		texts = append(texts, "Anyone else: close carehub and sign in as yourself.")
	}
	form := container.NewVBox(title)
	for _, text := range texts {
		l := widget.NewLabel(text)
		l.Alignment = fyne.TextAlignCenter
		form.Add(l)
	}
	form.Add(layout.NewSpacer())
	if s.who != nil {
		form.Add(s.who)
	}
	for _, o := range []fyne.CanvasObject{s.passphrase, s.submit, s.problem} {
		form.Add(o)
	}
	s.root = container.New(&kit.ReadingWidth{Max: 460}, form)
	return s
}

// someoneElse reports whether names holds anyone but me.
func someoneElse(names []string, me string) bool {
	for _, n := range names {
		if n != me {
			return true
		}
	}
	return false
}

// switching reports whether someone other than the signed-in person is signing in.
func (s *lockScreen) switching() bool {
	return s.who != nil && s.who.Selected != "" && s.who.Selected != s.me
}

// onChosen says on the button what it will do: uncover this session, or start another's.
func (s *lockScreen) onChosen(string) {
	if s.switching() {
		s.submit.SetText("Sign in as " + s.who.Selected)
	} else {
		s.submit.SetText("Unlock")
	}
	s.problem.Hide()
}

func (s *lockScreen) onSubmitted(string) { s.onSubmit() }

// onSubmit checks the passphrase off the UI goroutine: it derives a key, which takes a moment
// (longer after repeated wrong tries). Someone else's passphrase signs them in instead.
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
	if s.switching() {
		name := s.who.Selected
		call(s.onSwitching)
		s.work.run(func() { err = s.vault.SwitchTo(name, pass) }, func() {
			if err != nil {
				call(s.onStayed)
			}
			s.checked(err, s.onSwitched)
		})
		return
	}
	s.work.run(func() { err = s.vault.Unlock(pass) }, func() { s.checked(err, s.onUnlock) })
}

func (s *lockScreen) checked(err error, then func()) {
	s.busy = false
	s.submit.Enable()
	s.passphrase.SetText("")
	if err != nil {
		kit.SetProblem(s.problem, err.Error())
		kit.Relayout(s.root)
		return
	}
	then()
}

// call calls fn unless it is nil.
func call(fn func()) {
	if fn != nil {
		fn()
	}
}
