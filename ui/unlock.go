package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/ui/kit"
)

// Reasons a new passphrase is refused, in the words the unlock screen shows.
var (
	errPassphraseMissing  = errors.New("type the passphrase for this store")
	errPassphraseMismatch = errors.New("the two passphrases are not the same: type them again")
	errNameMissing        = errors.New("type your name: the audit shows who did what")
)

// checkNewPassphrase decides whether a passphrase and its confirmation can lock a new store or
// account: the passphrase policy is access's (the store holds to it too); the screen adds only
// that the two typed must match.
func checkNewPassphrase(passphrase, confirm string) error {
	if err := access.CheckNewPassphrase(passphrase); err != nil {
		return err
	}
	if passphrase != confirm {
		return errPassphraseMismatch
	}
	return nil
}

// unlockScreen asks for the store's passphrase, or on first run asks for a new one twice.
type unlockScreen struct {
	vault      Vault
	work       worker
	onUnlocked func()
	firstRun   bool
	busy       bool

	name       *widget.Entry  // only on first run: the hub administrator's name
	coordinate *widget.Check  // only on first run: the administrator also coordinates care
	who        *widget.Select // an existing store's active staff, when it lists them
	passphrase *widget.Entry
	confirm    *widget.Entry // only on first run
	submit     *widget.Button
	problem    *widget.Label
	root       fyne.CanvasObject
}

func newUnlockScreen(v Vault, work worker, onUnlocked func()) *unlockScreen {
	s := &unlockScreen{vault: v, work: work, onUnlocked: onUnlocked, firstRun: !v.Exists()}

	title := widget.NewLabel("carehub")
	title.SizeName = theme.SizeNameHeadingText
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	who := widget.NewLabel("Personalised care and support plans for the people a complex-care hub looks after.")
	who.Wrapping = fyne.TextWrapWord
	who.Alignment = fyne.TextAlignCenter

	s.passphrase = widget.NewPasswordEntry()
	s.passphrase.OnSubmitted = s.onSubmitted
	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance
	s.problem.Hide()

	form := container.NewVBox(title, who, layout.NewSpacer())
	if s.firstRun {
		s.name = widget.NewEntry()
		s.name.SetPlaceHolder("Your name")
		s.coordinate = widget.NewCheck("I also coordinate care (coordinator)", nil)
		s.coordinate.SetChecked(true) // in most hubs the person who sets carehub up also runs the caseload
		s.confirm = widget.NewPasswordEntry()
		s.confirm.OnSubmitted = s.onSubmitted
		s.passphrase.SetPlaceHolder("New passphrase")
		s.confirm.SetPlaceHolder("The same passphrase again")
		s.submit = widget.NewButton("Create store", s.onSubmit)
		heading := widget.NewLabel("Create the first account: yours")
		heading.TextStyle.Bold = true
		roles := widget.NewLabel("You will be the hub administrator: you add everyone else's account and look after settings and " +
			"backups. A coordinator nominates people and changes anyone's record; a key worker changes the records of the people " +
			"on their own caseload. If you coordinate care too, keep the box ticked.")
		roles.Wrapping = fyne.TextWrapWord
		hint := widget.NewLabel("Your passphrase: " + strings.ToLower(access.PassphraseRule[:1]) + access.PassphraseRule[1:])
		hint.Wrapping = fyne.TextWrapWord
		form.Add(heading)
		form.Add(roles)
		form.Add(s.name)
		form.Add(s.coordinate)
		form.Add(hint)
		form.Add(s.passphrase)
		form.Add(s.confirm)
	} else {
		s.passphrase.SetPlaceHolder("Passphrase")
		s.submit = widget.NewButton("Unlock", s.onSubmit)
		heading := widget.NewLabel("Type your own passphrase to sign in")
		heading.TextStyle.Bold = true
		form.Add(heading)
		s.addNames(form)
		form.Add(s.passphrase)
	}
	s.submit.Importance = widget.HighImportance
	form.Add(s.submit)
	form.Add(s.problem)

	s.root = container.New(&kit.ReadingWidth{Max: 460}, form)
	return s
}

// addNames offers the store's active staff to choose from, read before unlocking, so that
// only the chosen account's passphrase is tried (one key derivation however many accounts).
// With no name chosen, or no list (a tablet, an older store), the passphrase alone signs in.
func (s *unlockScreen) addNames(form *fyne.Container) {
	names, err := s.vault.Names()
	if err != nil {
		s.problem.SetText(err.Error())
		s.problem.Show()
	}
	if len(names) == 0 {
		return
	}
	s.who = widget.NewSelect(names, nil)
	s.who.PlaceHolder = "Choose your name"
	form.Add(s.who)
}

// chosen is the name chosen to sign in as, or "" for the passphrase alone.
func (s *unlockScreen) chosen() string {
	if s.who == nil {
		return ""
	}
	return s.who.Selected
}

func (s *unlockScreen) onSubmitted(string) { s.onSubmit() }

// onSubmit checks what was typed, then opens or creates the store off the UI goroutine, because
// deriving the key takes a noticeable moment.
func (s *unlockScreen) onSubmit() {
	if s.busy {
		return
	}
	pass := s.passphrase.Text
	if err := s.check(pass); err != nil {
		s.showProblem(err)
		return
	}
	s.setBusy(true)
	var err error
	open := s.vault.Open
	if name := s.chosen(); name != "" {
		open = func(pass string) error { return s.vault.OpenAs(name, pass) }
	}
	if s.firstRun {
		name, coordinates := strings.TrimSpace(s.name.Text), s.coordinate.Checked
		open = func(pass string) error { return s.vault.Create(name, pass, coordinates) }
	}
	s.work.run(func() { err = open(pass) }, func() { s.opened(err) })
}

func (s *unlockScreen) check(pass string) error {
	if s.firstRun {
		if strings.TrimSpace(s.name.Text) == "" {
			return errNameMissing
		}
		return checkNewPassphrase(pass, s.confirm.Text)
	}
	if pass == "" {
		return errPassphraseMissing
	}
	return nil
}

// opened runs on the UI goroutine with the result of opening the store.
func (s *unlockScreen) opened(err error) {
	s.setBusy(false)
	if err != nil {
		s.showProblem(err)
		return
	}
	// Clear the passphrase so it does not linger in a widget after unlocking.
	s.passphrase.SetText("")
	if s.confirm != nil {
		s.confirm.SetText("")
	}
	s.onUnlocked()
}

func (s *unlockScreen) showProblem(err error) {
	// The vault's errors are written for the user, so they are shown as they come.
	s.problem.SetText(err.Error())
	s.problem.Show()
	kit.Relayout(s.root)
}

func (s *unlockScreen) setBusy(busy bool) {
	s.busy = busy
	controls := []fyne.Disableable{s.submit, s.passphrase}
	if s.confirm != nil {
		controls = append(controls, s.confirm, s.name, s.coordinate)
	}
	if s.who != nil {
		controls = append(controls, s.who)
	}
	for _, d := range controls {
		if busy {
			d.Disable()
		} else {
			d.Enable()
		}
	}
	defer kit.Relayout(s.root)
	switch {
	case busy:
		s.problem.Hide()
		s.submit.SetText("Opening the store…")
	case s.firstRun:
		s.submit.SetText("Create store")
	default:
		s.submit.SetText("Unlock")
	}
}
