package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"carehub/careplan/access"
	"carehub/careplan/fhir"
	"carehub/ui/kit"
)

// How carehub signs in to the shared record, as the Settings screen offers it.
const (
	authBearerChoice = "A bearer token from an environment variable"
	authClientChoice = "OAuth2 client credentials with a signed JWT"
)

// keyFileExtensions are the files offered when choosing the private key.
var keyFileExtensions = []string{".pem", ".key"}

// sharedRecordPart is the Settings screen's "Shared record (FHIR server)" section, for an
// administrator: where the county's shared care record is and how carehub signs in to it,
// saved through the Publish service. No secret is ever shown back: a bearer token stays in its
// environment variable, and of a private key kept in the store the screen says only that it
// is there.
type sharedRecordPart struct {
	publish Publish
	work    worker
	files   kit.FileChooser
	w       fyne.Window

	kept fhir.Connection // as last read or saved

	url        *kit.Entry
	auth       *widget.RadioGroup
	tokenVar   *kit.Entry
	tokenHint  *widget.Label // which variable the token is read from
	tokenURL   *kit.Entry
	clientID   *kit.Entry
	keyID      *kit.Entry
	keyFile    *kit.Entry
	chooseKey  *widget.Button
	keyInStore *widget.Check
	keyHint    *widget.Label // whether a key is kept in the store already

	bearerRows, clientRows                                                []*kit.Row
	urlProblem, authProblem, tokenURLProblem, clientIDProblem, keyProblem *widget.Label

	save *widget.Button
	said *widget.Label
	root fyne.CanvasObject
}

func newSharedRecordPart(p Publish, work worker, files kit.FileChooser, w fyne.Window) *sharedRecordPart {
	s := &sharedRecordPart{publish: p, work: work, files: files, w: w}
	s.url = kit.NewEntry("https://fhir.example.nhs.uk/R4")
	s.auth = widget.NewRadioGroup([]string{authBearerChoice, authClientChoice}, s.onAuthChanged)
	s.tokenVar = kit.NewEntry(fhir.DefaultTokenVar)
	s.tokenVar.OnChanged = s.onTokenVarChanged
	s.tokenHint = kit.Quiet("")
	s.tokenURL = kit.NewEntry("https://auth.example.nhs.uk/token")
	s.clientID = kit.NewEntry("As the county registered carehub")
	s.keyID = kit.NewEntry("The kid the county knows the public key by")
	s.keyFile = kit.NewEntry("The private key's PEM file")
	s.chooseKey = widget.NewButtonWithIcon("Choose…", theme.FolderOpenIcon(), s.onChooseKey)
	s.keyInStore = widget.NewCheck("Keep the key itself in the store, sealed", nil)
	s.keyHint = kit.Quiet("")
	s.keyHint.Hide()
	for _, l := range []**widget.Label{&s.urlProblem, &s.authProblem, &s.tokenURLProblem, &s.clientIDProblem, &s.keyProblem} {
		*l = kit.NewProblemLabel()
	}
	s.save = widget.NewButtonWithIcon("Save shared record settings", theme.DocumentSaveIcon(), s.onSave)
	s.said = kit.NewProblemLabel()
	s.root = s.layout()
	s.fill(fhir.Connection{})
	return s
}

// layout lays the fields out; the rows of the way of signing in not chosen are hidden.
func (s *sharedRecordPart) layout() fyne.CanvasObject {
	s.bearerRows = []*kit.Row{{}}
	s.clientRows = []*kit.Row{{}, {}, {}, {}}
	key := container.NewBorder(nil, nil, nil, s.chooseKey, s.keyFile)
	grid := kit.Grid(
		kit.Field{Name: "Server address", Widget: s.url, Problem: s.urlProblem},
		kit.Field{Name: "Signs in with", Widget: s.auth, Problem: s.authProblem},
		kit.Field{Name: "Token variable", Widget: container.NewVBox(s.tokenVar, s.tokenHint), Row: s.bearerRows[0]},
		kit.Field{Name: "Token endpoint", Widget: s.tokenURL, Problem: s.tokenURLProblem, Row: s.clientRows[0]},
		kit.Field{Name: "Client id", Widget: s.clientID, Problem: s.clientIDProblem, Row: s.clientRows[1]},
		kit.Field{Name: "Key id", Widget: s.keyID, Row: s.clientRows[2]},
		kit.Field{Name: "Private key", Widget: container.NewVBox(key, s.keyInStore, s.keyHint), Problem: s.keyProblem, Row: s.clientRows[3]},
	)
	return kit.Section("Shared record (FHIR server)",
		kit.Quiet("Where coordinators publish consenting people's agreed plans, so their GP, out-of-hours and A&E see them. "+
			"The county's integration lead gives you the address and how carehub signs in."),
		grid, s.said, container.NewHBox(s.save))
}

// load reads the server as set up.
func (s *sharedRecordPart) load() {
	var (
		c   fhir.Connection
		err error
	)
	s.work.run(func() { c, err = s.publish.Connection() }, func() {
		if err != nil {
			s.say("The shared record's settings could not be read: "+kit.OneLine(err), widget.DangerImportance)
			return
		}
		s.fill(c)
	})
}

// fill shows a connection as kept. A key kept in the store is said to be there, never shown.
func (s *sharedRecordPart) fill(c fhir.Connection) {
	s.kept = c
	s.url.SetText(c.URL)
	s.auth.SetSelected(authChoice(c.Auth))
	s.tokenVar.SetText(c.TokenVar)
	s.tokenURL.SetText(c.TokenURL)
	s.clientID.SetText(c.ClientID)
	s.keyID.SetText(c.KeyID)
	s.keyFile.SetText(c.KeyFile)
	s.keyInStore.SetChecked(c.KeyInStore)
	if c.KeyInStore {
		s.keyHint.SetText("A private key is kept in the store, sealed. Choose a file only to replace it.")
		s.keyHint.Show()
	} else {
		s.keyHint.Hide()
	}
	s.onTokenVarChanged(s.tokenVar.Text)
	s.showRows()
}

// authChoice is how a way of signing in is offered; bearer unless set otherwise.
func authChoice(auth string) string {
	if auth == fhir.AuthClientCredentials {
		return authClientChoice
	}
	return authBearerChoice
}

func (s *sharedRecordPart) onAuthChanged(string) { s.showRows() }

// showRows shows the fields of the way of signing in chosen.
func (s *sharedRecordPart) showRows() {
	client := s.auth.Selected == authClientChoice
	for _, r := range s.bearerRows {
		r.Show(!client)
	}
	for _, r := range s.clientRows {
		r.Show(client)
	}
	kit.Relayout(s.root)
}

// onTokenVarChanged says which variable the token will be read from, as it is typed.
func (s *sharedRecordPart) onTokenVarChanged(name string) {
	v := fhir.Connection{TokenVar: name}.TokenVariable()
	s.tokenHint.SetText("carehub reads the token from " + v + " on this computer at each publish; it is never kept in the store. " +
		"When " + v + " is not set, no token is sent.")
}

func (s *sharedRecordPart) onChooseKey() {
	s.files.OpenFile(s.w, keyFileExtensions, s.onKeyChosen)
}

func (s *sharedRecordPart) onKeyChosen(path string) { s.keyFile.SetText(path) }

// read is the connection as entered.
func (s *sharedRecordPart) read() fhir.Connection {
	c := fhir.Connection{URL: strings.TrimSpace(s.url.Text), Auth: fhir.AuthBearer, TokenVar: strings.TrimSpace(s.tokenVar.Text)}
	if s.auth.Selected == authClientChoice {
		c = fhir.Connection{URL: c.URL, Auth: fhir.AuthClientCredentials, TokenURL: strings.TrimSpace(s.tokenURL.Text),
			ClientID: strings.TrimSpace(s.clientID.Text), KeyID: strings.TrimSpace(s.keyID.Text),
			KeyFile: strings.TrimSpace(s.keyFile.Text), KeyInStore: s.keyInStore.Checked}
	}
	return c
}

// onSave checks what was entered with the domain's rules, says each problem under its field,
// and saves through the service only when there are none; the key file is read there.
func (s *sharedRecordPart) onSave() {
	c := s.read()
	problems := kit.Problems{}
	s.words(problems, c.Validate())
	if !s.show(problems) {
		s.say("", widget.MediumImportance)
		return
	}
	s.save.Disable()
	var (
		kept fhir.Connection
		err  error
	)
	s.work.run(func() { kept, err = s.publish.Connect(c) }, func() { s.saved(kept, err) })
}

func (s *sharedRecordPart) saved(kept fhir.Connection, err error) {
	s.save.Enable()
	if err != nil {
		problems := kit.Problems{}
		s.words(problems, err)
		switch {
		case !s.show(problems):
			s.say("Not saved: put right what is marked above.", widget.DangerImportance)
		case errors.Is(err, access.ErrNotAllowed):
			s.say("Not saved: only a hub administrator sets up the shared record.", widget.DangerImportance)
		default:
			s.say("Not saved: "+kit.OneLine(err), widget.DangerImportance)
		}
		return
	}
	s.fill(kept)
	s.say("Saved. Coordinators publish to "+kept.URL+" from the Sync screen.", widget.SuccessImportance)
}

// words puts each of the domain's and the service's problems in words under its field.
func (s *sharedRecordPart) words(p kit.Problems, err error) {
	p.When(err, fhir.ErrServerURL, s.urlProblem,
		"Enter the server's full address, starting https:// (or http:// on the hub's own network), such as https://fhir.example.nhs.uk/R4.")
	p.When(err, fhir.ErrAuthKind, s.authProblem, "Choose how carehub signs in.")
	p.When(err, fhir.ErrTokenURL, s.tokenURLProblem, "Enter the token endpoint's full https:// address.")
	p.When(err, fhir.ErrClientID, s.clientIDProblem, "Enter carehub's client id, as the county registered it.")
	p.When(err, fhir.ErrNoKey, s.keyProblem, "Choose the hub's private key file (a .pem file).")
	p.When(err, fhir.ErrKeyFile, s.keyProblem, "That key file cannot be read: check it is there and that this account may open it.")
	p.When(err, fhir.ErrPrivateKey, s.keyProblem,
		"That file is not an RSA private key carehub can sign with (PEM, PKCS #1 or #8, at least 2048 bits).")
}

// show puts each problem under its field and clears the rest; it reports whether there were
// none.
func (s *sharedRecordPart) show(p kit.Problems) bool {
	for _, l := range []*widget.Label{s.urlProblem, s.authProblem, s.tokenURLProblem, s.clientIDProblem, s.keyProblem} {
		kit.SetProblem(l, p[l])
	}
	kit.Relayout(s.root)
	return len(p) == 0
}

// say shows the section's own line: saved, or why not.
func (s *sharedRecordPart) say(text string, importance widget.Importance) {
	s.said.Importance = importance
	kit.SetProblem(s.said, text)
}
