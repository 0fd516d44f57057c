package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/ui/kit"
)

// Settings keeps each person's own settings and the hub's name and logo.
type Settings interface {
	// Preferences are the signed-in person's own settings.
	Preferences() (access.Preferences, error)
	// SavePreferences keeps them with their account.
	SavePreferences(p access.Preferences) error
	// HubName is the hub's name as screens and printed plans show it.
	HubName() (string, error)
	// SetHubName changes it; only an administrator may.
	SetHubName(name string) error
	// HubLogo is the hub's logo, a PNG or JPEG, or nil when it has none.
	HubLogo() ([]byte, error)
	// SetHubLogo changes it, or removes it when logo is empty; only an administrator may.
	SetHubLogo(logo []byte) error
}

// userTheme is the default theme at a person's text size, in their choice of light or dark.
type userTheme struct {
	scaledTheme
	variant access.Theme
}

// Color forces the variant the person chose, or follows the computer's.
func (t userTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch t.variant {
	case access.ThemeLight:
		v = theme.VariantLight
	case access.ThemeDark:
		v = theme.VariantDark
	}
	return t.scaledTheme.Color(n, v)
}

// applyPreferences sets the app's theme from a person's settings.
func applyPreferences(a fyne.App, p access.Preferences) {
	a.Settings().SetTheme(userTheme{scaledTheme: scaledTheme{Theme: theme.DefaultTheme(), scale: p.TextSize.Scale()}, variant: p.Theme})
}

// settingsScreen changes a person's own text size and theme, and for an administrator the
// hub's name and logo and the shared record's server.
type settingsScreen struct {
	settings Settings
	work     worker
	app      fyne.App
	files    kit.FileChooser
	w        fyne.Window
	onBack   func()
	onHub    func(name string, logo []byte) // tells the caseload what the hub now looks like
	admin    bool

	// What is saved, as last read or written: the screen's source of truth, not its widgets.
	hubName string
	logo    []byte

	size    *widget.RadioGroup
	variant *widget.RadioGroup
	hub     *kit.Entry
	save    *widget.Button
	said    *widget.Label
	scroll  *container.Scroll
	root    fyne.CanvasObject

	// The logo's controls, only for an administrator (nil otherwise). A chosen logo is saved
	// at once, so Save is only for the fields above it.
	logoShown  *fyne.Container // the logo, or words saying there is none
	chooseLogo *widget.Button
	removeLogo *widget.Button
	logoSaid   *widget.Label

	// The shared record's server, only for an administrator (nil otherwise); saved on its own.
	shared *sharedRecordPart
	// The app's backups, for coordinators and administrators (nil otherwise).
	backups *backupPart
}

// newSettingsScreen makes the Settings screen; publish is the shared record's service for an
// administrator, and nil for anyone else, who then sees no such section; backups likewise for
// coordinators and administrators.
func newSettingsScreen(st Settings, publish Publish, backups Backups, work worker, a fyne.App, files kit.FileChooser, w fyne.Window, admin bool,
	onBack func(), onHub func(name string, logo []byte)) *settingsScreen {
	s := &settingsScreen{settings: st, work: work, app: a, files: files, w: w, admin: admin, onBack: onBack, onHub: onHub}
	var sizes, themes []string
	for _, t := range access.TextSizes() {
		sizes = append(sizes, string(t))
	}
	for _, t := range access.Themes() {
		themes = append(themes, string(t))
	}
	s.size = widget.NewRadioGroup(sizes, nil)
	s.size.Horizontal = true
	s.variant = widget.NewRadioGroup(themes, nil)
	s.variant.Horizontal = true
	s.hub = kit.NewTextEntry()
	s.hub.SetPlaceHolder("The hub's name, as printed on plans")
	s.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), s.onSave)
	s.save.Importance = widget.HighImportance
	s.said = kit.NewProblemLabel()
	fields := []kit.Field{{Name: "Text size", Widget: s.size}, {Name: "Theme", Widget: s.variant}}
	if admin {
		fields = append(fields, kit.Field{Name: "Hub name", Widget: s.hub}, s.logoField())
	}
	back := widget.NewButtonWithIcon("Back to caseload", theme.NavigateBackIcon(), s.onBackTapped)
	form := container.NewVBox(kit.Subheading("Settings", widget.MediumImportance), kit.Grid(fields...), s.said, container.NewHBox(s.save))
	if backups != nil {
		s.backups = newBackupPart(backups, work, files, w)
		form.Add(widget.NewSeparator())
		form.Add(s.backups.root)
	}
	if publish != nil {
		s.shared = newSharedRecordPart(publish, work, files, w)
		form.Add(widget.NewSeparator())
		form.Add(s.shared.root)
	}
	s.scroll = container.NewVScroll(container.New(&kit.ReadingWidth{Max: 640}, form))
	s.root = container.NewBorder(container.NewHBox(back), nil, nil, nil, s.scroll)
	return s
}

func (s *settingsScreen) onBackTapped() { s.onBack() }

// load reads the current settings in the worker.
func (s *settingsScreen) load() {
	if s.shared != nil {
		s.shared.load()
	}
	if s.backups != nil {
		s.backups.load()
	}
	var (
		p    access.Preferences
		hub  string
		logo []byte
		err  error
	)
	admin := s.admin
	s.work.run(func() {
		if p, err = s.settings.Preferences(); err == nil {
			hub, err = s.settings.HubName()
		}
		if err == nil && admin {
			logo, err = s.settings.HubLogo()
		}
	}, func() { s.loaded(p, hub, logo, err) })
}

func (s *settingsScreen) loaded(p access.Preferences, hub string, logo []byte, err error) {
	if err != nil {
		kit.SetProblem(s.said, fmt.Sprintf("The settings could not be read: %v", err))
		return
	}
	s.hubName = hub
	if s.admin {
		s.showLogo(logo)
	}
	size, variant := p.TextSize, p.Theme
	if size == "" {
		size = access.TextNormal
	}
	if variant == "" {
		variant = access.ThemeSystem
	}
	s.size.SetSelected(string(size))
	s.variant.SetSelected(string(variant))
	s.hub.SetText(hub)
}

func (s *settingsScreen) onSave() {
	p := access.Preferences{TextSize: access.TextSize(s.size.Selected), Theme: access.Theme(s.variant.Selected)}
	hub := strings.TrimSpace(s.hub.Text)
	admin := s.admin
	s.save.Disable()
	var err error
	s.work.run(func() {
		if err = s.settings.SavePreferences(p); err == nil && admin {
			err = s.settings.SetHubName(hub)
		}
	}, func() { s.saved(p, hub, err) })
}

func (s *settingsScreen) saved(p access.Preferences, hub string, err error) {
	s.save.Enable()
	if err != nil {
		s.said.Importance = widget.DangerImportance
		kit.SetProblem(s.said, fmt.Sprintf("Not saved: %v", err))
		return
	}
	if s.admin {
		s.hubName = hub
		s.hubChanged()
	}
	applyPreferences(s.app, p)
	s.said.Importance = widget.SuccessImportance
	kit.SetProblem(s.said, "Saved.")
}
