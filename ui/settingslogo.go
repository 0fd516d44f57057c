package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/ui/kit"
)

// logoField is the settings form's row for the hub's logo: the logo as it is now, and buttons
// to choose another or remove it.
func (s *settingsScreen) logoField() kit.Field {
	s.logoShown = container.NewStack()
	s.chooseLogo = widget.NewButtonWithIcon("Choose logo…", theme.FileImageIcon(), s.onChooseLogo)
	s.removeLogo = widget.NewButtonWithIcon("Remove logo", theme.DeleteIcon(), s.onRemoveLogo)
	s.logoSaid = kit.NewProblemLabel()
	s.showLogo(nil)
	return kit.Field{Name: "Hub logo", Widget: container.NewHBox(s.logoShown, s.chooseLogo, s.removeLogo), Problem: s.logoSaid}
}

// showLogo shows the saved logo, or says there is none.
func (s *settingsScreen) showLogo(logo []byte) {
	s.logo = logo
	var shown fyne.CanvasObject
	if len(logo) == 0 {
		none := widget.NewLabel("No logo")
		none.Importance = widget.LowImportance
		shown = none
		s.removeLogo.Disable()
	} else {
		shown = hubLogoImage(logo)
		s.removeLogo.Enable()
	}
	s.logoShown.Objects = []fyne.CanvasObject{shown}
	s.logoShown.Refresh()
}

func (s *settingsScreen) onChooseLogo() {
	s.files.OpenFile(s.w, logoExtensions(), s.onLogoFileChosen)
}

// onLogoFileChosen reads, checks and saves the chosen picture in the worker; a file that is
// not a usable picture is never passed on to be saved.
func (s *settingsScreen) onLogoFileChosen(path string) {
	s.setLogoBusy(true)
	var (
		logo []byte
		err  error
	)
	s.work.run(func() {
		if logo, err = readLogo(path); err == nil {
			err = s.settings.SetHubLogo(logo)
		}
	}, func() { s.logoSaved(logo, err, "Logo saved.") })
}

func (s *settingsScreen) onRemoveLogo() {
	s.setLogoBusy(true)
	var err error
	s.work.run(func() { err = s.settings.SetHubLogo(nil) },
		func() { s.logoSaved(nil, err, "Logo removed.") })
}

// logoSaved shows the outcome of choosing or removing a logo. On failure the logo shown stays
// the one that is saved.
func (s *settingsScreen) logoSaved(logo []byte, err error, done string) {
	s.setLogoBusy(false)
	if err != nil {
		s.logoSaid.Importance = widget.DangerImportance
		kit.SetProblem(s.logoSaid, logoProblem(err))
		s.showLogo(s.logo)
		return
	}
	s.showLogo(logo)
	s.logoSaid.Importance = widget.SuccessImportance
	kit.SetProblem(s.logoSaid, done)
	s.hubChanged()
}

// setLogoBusy stops a second choice while one is being saved.
func (s *settingsScreen) setLogoBusy(busy bool) {
	if busy {
		s.chooseLogo.Disable()
		s.removeLogo.Disable()
		return
	}
	s.chooseLogo.Enable()
	if len(s.logo) > 0 {
		s.removeLogo.Enable()
	}
}

// hubChanged tells the caseload the hub's saved name and logo.
func (s *settingsScreen) hubChanged() {
	if s.onHub != nil {
		s.onHub(s.hubName, s.logo)
	}
}
