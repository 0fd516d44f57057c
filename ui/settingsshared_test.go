package ui

import (
	"carehub/ui/kit"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"carehub/app/service/servicetest"
	"carehub/careplan/access"
	"carehub/careplan/fhir"
)

// sharedSettings is user's Settings screen, with the file dialog choosing path, and its
// shared-record section (nil when they have none).
func sharedSettings(t *testing.T, h *testHub, user access.User, path string) (*session, *sharedRecordPart) {
	t.Helper()
	s, _ := h.session(t, user)
	s.files = &fakeFiles{path: path}
	test.Tap(s.caseload.settingsButton)
	return s, s.settings.shared
}

// kept is the shared record's settings as the hub holds them, read through the service.
func kept(t *testing.T, h *testHub) fhir.Connection {
	t.Helper()
	c, err := h.svc.Publish.Connection()
	must(t, err)
	return c
}

// texts is every text the section shows, in labels and fields.
func texts(o fyne.CanvasObject) string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		case *kit.Entry:
			out = append(out, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return strings.Join(out, "\n")
}

// Only an administrator has the section; a coordinator's Settings screen has none.
func TestSharedRecordSettingsOnlyForAdministrators(t *testing.T) {
	h := publishHub(t, 0, "")
	if _, part := sharedSettings(t, h, catCoordinator, ""); part != nil {
		t.Error("a coordinator can set up the shared record")
	}
	h = publishHub(t, 0, "")
	if _, part := sharedSettings(t, h, adaAdmin, ""); part == nil {
		t.Error("an administrator cannot set up the shared record")
	}
}

// An administrator sets up client credentials with the key kept in the store: the section then
// says a key is kept there, and nothing it shows holds the key; opening Settings again shows
// what was kept.
func TestSharedRecordSavesClientCredentials(t *testing.T) {
	h := publishHub(t, 0, "")
	keyFile := servicetest.PrivateKeyFile(t)
	s, part := sharedSettings(t, h, adaAdmin, keyFile)
	if part.auth.Selected != authBearerChoice || part.clientRows[0].Visible() || !part.bearerRows[0].Visible() {
		t.Fatalf("a new set-up offers %q", part.auth.Selected)
	}
	test.Type(part.url, "https://FHIR.example.nhs.uk/R4/")
	part.auth.SetSelected(authClientChoice)
	if !part.clientRows[0].Visible() || part.bearerRows[0].Visible() {
		t.Fatal("client credentials' fields are not shown")
	}
	test.Type(part.tokenURL, "https://auth.example.nhs.uk/token")
	test.Type(part.clientID, "carehub-mendip")
	test.Type(part.keyID, "hub-2026")
	test.Tap(part.chooseKey)
	if part.keyFile.Text != keyFile {
		t.Fatalf("the chosen key file shows as %q", part.keyFile.Text)
	}
	part.keyInStore.SetChecked(true)
	test.Tap(part.save)
	if part.said.Text != "Saved. Coordinators publish to https://fhir.example.nhs.uk/R4 from the Sync screen." {
		t.Fatalf("saving said %q", part.said.Text)
	}
	got := kept(t, h)
	if got.URL != exampleServer || got.Auth != fhir.AuthClientCredentials || got.ClientID != "carehub-mendip" || !got.KeyInStore || got.KeyFile != "" {
		t.Errorf("kept %+v", got)
	}
	pemText, err := os.ReadFile(keyFile)
	must(t, err)
	if shown := texts(s.settings.root); strings.Contains(shown, "PRIVATE KEY") || strings.Contains(shown, strings.Split(string(pemText), "\n")[1]) {
		t.Error("the screen shows the private key")
	}
	if part.keyFile.Text != "" || !part.keyHint.Visible() || !strings.HasPrefix(part.keyHint.Text, "A private key is kept in the store, sealed.") {
		t.Errorf("after saving: file %q, hint %q", part.keyFile.Text, part.keyHint.Text)
	}
	test.AssertObjectRendersToMarkup(t, "settings_shared_record.xml", part.root)

	// Back and in again: what was kept is shown, and saving again keeps the key in the store.
	test.Tap(s.caseload.settingsButton)
	part = s.settings.shared
	if part.url.Text != exampleServer || part.clientID.Text != "carehub-mendip" || part.auth.Selected != authClientChoice || !part.keyInStore.Checked {
		t.Fatalf("reopened: %q %q %q", part.url.Text, part.clientID.Text, part.auth.Selected)
	}
	part.clientID.SetText("carehub-mendip-2")
	test.Tap(part.save)
	if got := kept(t, h); got.ClientID != "carehub-mendip-2" || !got.KeyInStore {
		t.Errorf("saving again kept %+v (%q)", got, part.said.Text)
	}
}

// A bearer token: the section says which variable it is read from, as it is typed, and keeps
// only the variable's name.
func TestSharedRecordSavesABearerTokenVariable(t *testing.T) {
	h := publishHub(t, 0, "")
	_, part := sharedSettings(t, h, adaAdmin, "")
	if !strings.Contains(part.tokenHint.Text, "reads the token from CAREHUB_FHIR_TOKEN") {
		t.Errorf("hint %q", part.tokenHint.Text)
	}
	test.Type(part.url, "http://10.20.0.5:8080/fhir")
	test.Type(part.tokenVar, "MENDIP_FHIR_TOKEN")
	if !strings.HasPrefix(part.tokenHint.Text, "carehub reads the token from MENDIP_FHIR_TOKEN on this computer at each publish; it is never kept in the store.") {
		t.Errorf("hint %q", part.tokenHint.Text)
	}
	test.Tap(part.save)
	if got := kept(t, h); got.URL != "http://10.20.0.5:8080/fhir" || got.Auth != fhir.AuthBearer || got.TokenVar != "MENDIP_FHIR_TOKEN" {
		t.Errorf("kept %+v (%q)", got, part.said.Text)
	}
}

// What is wrong is said under its field in the administrator's words, and nothing is kept:
// an address that is not http(s), client credentials missing their parts, a key file that
// cannot be read or is not an RSA private key.
func TestSharedRecordSaysWhatIsWrong(t *testing.T) {
	h := publishHub(t, 0, "")
	notAKey := filepath.Join(t.TempDir(), "notes.pem")
	must(t, os.WriteFile(notAKey, []byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), 0o600))
	_, part := sharedSettings(t, h, adaAdmin, "")

	test.Type(part.url, "ftp://fhir.example.nhs.uk")
	test.Tap(part.save)
	if !part.urlProblem.Visible() || !strings.HasPrefix(part.urlProblem.Text, "Enter the server's full address, starting https://") {
		t.Errorf("an ftp address: %q", part.urlProblem.Text)
	}

	part.url.SetText(exampleServer)
	part.auth.SetSelected(authClientChoice)
	test.Tap(part.save)
	for l, want := range map[*widget.Label]string{
		part.urlProblem:      "",
		part.tokenURLProblem: "Enter the token endpoint's full https:// address.",
		part.clientIDProblem: "Enter carehub's client id, as the county registered it.",
		part.keyProblem:      "Choose the hub's private key file (a .pem file).",
	} {
		if l.Text != want || l.Visible() != (want != "") {
			t.Errorf("problem %q (shown %v), want %q", l.Text, l.Visible(), want)
		}
	}

	part.tokenURL.SetText("https://auth.example.nhs.uk/token")
	part.clientID.SetText("carehub-mendip")
	for file, want := range map[string]string{
		filepath.Join(t.TempDir(), "gone.pem"): "That key file cannot be read: check it is there and that this account may open it.",
		notAKey:                                "That file is not an RSA private key carehub can sign with (PEM, PKCS #1 or #8, at least 2048 bits).",
	} {
		part.keyFile.SetText(file)
		test.Tap(part.save)
		if part.keyProblem.Text != want || part.said.Text != "Not saved: put right what is marked above." {
			t.Errorf("%s: %q / %q", filepath.Base(file), part.keyProblem.Text, part.said.Text)
		}
	}
	if kept(t, h).Configured() {
		t.Error("settings with problems were kept")
	}
}
