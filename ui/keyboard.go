package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard, wherever focus is. Fyne hands a key to the focused widget first, and a text
// field keeps every Ctrl+key it does not know: a shortcut added to the canvas alone never
// fires while someone is typing. The window's menu is asked before the focused widget, so
// the app's shortcuts are menu items too. Escape, which a widget swallows, reaches the window
// from carehub's own text fields (kit.Entry), and closes the dialog on top.

// addKeyboard listens for the keys that work on every screen.
func (s *session) addKeyboard() {
	s.w.Canvas().SetOnTypedKey(s.onTypedKey)
	s.w.Canvas().AddShortcut(quitShortcut(), s.onQuitShortcut)
	s.addMenuShortcut("Quit carehub", quitShortcut(), s.quitNow)
	s.markQuit("Quit carehub")
	s.w.SetMainMenu(s.w.MainMenu())
}

func (s *session) onQuitShortcut(fyne.Shortcut) { s.quitNow() }

// quitNow quits carehub, from any screen, locked or not: the app closes the store on the way
// out, as closing the window does.
func (s *session) quitNow() { s.quit() }

// markQuit tells the desktop driver which item of the first menu quits, so it adds no second
// Quit of its own.
func (s *session) markQuit(label string) {
	for _, it := range s.w.MainMenu().Items[0].Items {
		if it.Label == label {
			it.IsQuit = true
		}
	}
}

// onTypedKey handles a key nothing focused took: Escape closes the dialog on top.
func (s *session) onTypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		s.closeTopDialog()
	}
}

// closeTopDialog closes the dialog (or menu) on top of the window, as its Cancel would,
// saving nothing. A form made with kit.Form catches Escape itself, to run its own Cancel.
func (s *session) closeTopDialog() {
	if top := s.w.Canvas().Overlays().Top(); top != nil {
		top.Hide()
	}
}

// addMenuShortcut puts action in the window's first menu with its shortcut, so the shortcut
// works whatever has focus. Signing in again replaces the item rather than adding another.
func (s *session) addMenuShortcut(label string, sc fyne.Shortcut, action func()) {
	menu := s.w.MainMenu()
	if menu == nil {
		menu = fyne.NewMainMenu(fyne.NewMenu("File"))
	}
	if len(menu.Items) == 0 {
		menu.Items = append(menu.Items, fyne.NewMenu("File"))
	}
	first := menu.Items[0]
	item := fyne.NewMenuItem(label, action)
	item.Shortcut = sc
	for i, it := range first.Items {
		if it.Label == label {
			first.Items[i] = item
			s.w.SetMainMenu(menu)
			return
		}
	}
	// Quit stays last: the desktop driver adds a Quit of its own unless the last item is one.
	if n := len(first.Items); n > 0 && first.Items[n-1].IsQuit {
		first.Items = append(first.Items[:n-1], item, first.Items[n-1])
	} else {
		first.Items = append(first.Items, item)
	}
	s.w.SetMainMenu(menu)
}

// findShortcut is Ctrl+F: back to the caseload with the search box ready to type in.
func findShortcut() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
}

// nextTabShortcut is Ctrl+Tab: the next tab of a person's record (Fyne's tabs cannot be
// reached with Tab).
func nextTabShortcut() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}
}

// addHubShortcuts gives the hub's screens their keys once someone has signed in.
func (s *session) addHubShortcuts() {
	s.addMenuShortcut("Find a person", findShortcut(), s.findPerson)
	s.addMenuShortcut("Next tab", nextTabShortcut(), s.nextTab)
}

// findPerson shows the caseload, if it is not showing, and puts the cursor in its search.
func (s *session) findPerson() {
	if s.caseload == nil || s.lock.locked {
		return
	}
	if s.w.Content() != s.caseload.root {
		s.showCaseload()
	}
	s.w.Canvas().Focus(s.caseload.search)
}

// nextTab moves to the next tab of the record on screen, round to the first.
func (s *session) nextTab() {
	if s.patient == nil || s.lock.locked || s.w.Content() != s.patient.root || s.patient.tabs == nil {
		return
	}
	tabs := s.patient.tabs
	tabs.SelectIndex((tabs.SelectedIndex() + 1) % len(tabs.Items))
}
