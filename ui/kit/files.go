package kit

import (
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FileChooser asks the user which file to save or open. The screens go through it so that
// tests can choose a path without driving a file dialog.
type FileChooser interface {
	// OpenFile asks for an existing file with one of exts (".png"); chosen is not called on
	// cancel.
	OpenFile(w fyne.Window, exts []string, chosen func(path string))
	// SaveFile asks for a file to save, suggesting name; chosen is not called on cancel.
	SaveFile(w fyne.Window, title, name string, chosen func(path string))
	// Folder asks for a folder; chosen is not called on cancel.
	Folder(w fyne.Window, chosen func(path string))
}

// FyneFiles asks with Fyne's own file dialogs.
type FyneFiles struct{}

var _ FileChooser = FyneFiles{}

// SaveFile shows Fyne's save dialog, offering only files of name's kind.
func (FyneFiles) SaveFile(w fyne.Window, title, name string, chosen func(string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		// The dialog opens the file it names; the app writes beside it and renames into
		// place, so the handle is only needed for its path.
		path := wc.URI().Path()
		wc.Close()
		chosen(path)
	}, w)
	d.SetTitleText(title)
	d.SetFileName(name)
	// Offer only files of the kind being saved: plans are PDFs, the evaluators' export a CSV.
	if ext := filepath.Ext(name); ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Show()
}

// OpenFile shows Fyne's open dialog, offering only files ending in one of exts.
func (FyneFiles) OpenFile(w fyne.Window, exts []string, chosen func(string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		// The screen reads the file in its worker, so only the path is needed here.
		path := rc.URI().Path()
		rc.Close()
		chosen(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

// Folder shows Fyne's folder dialog.
func (FyneFiles) Folder(w fyne.Window, chosen func(string)) {
	dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		chosen(dir.Path())
	}, w).Show()
}

// QuietFileDialogs wraps the log's writer so that Fyne's file dialogs no longer log, each time
// one opens, that the computer has no Videos or Documents folder ("Getting favorite
// locations"): the dialog's sidebar simply leaves such a folder out, nothing has gone wrong,
// and a log full of such lines hides the ones that matter. Every other line passes through.
// The desktop app installs it once at start (log.SetOutput); log.Logger serialises writes.
func QuietFileDialogs(w io.Writer) io.Writer { return &favouritesFilter{out: w} }

// favouritesFilter drops Fyne's "Getting favorite locations" report: its first line and the
// Cause and At lines fyne.LogError writes after it.
type favouritesFilter struct {
	out      io.Writer
	dropping bool
}

func (f *favouritesFilter) Write(p []byte) (int, error) {
	line := string(p)
	switch {
	case strings.Contains(line, "Fyne error:") && strings.Contains(line, "Getting favorite locations"):
		f.dropping = true
		return len(p), nil
	case f.dropping && strings.Contains(line, "  Cause:"):
		return len(p), nil
	case f.dropping && strings.Contains(line, "  At:"):
		f.dropping = false
		return len(p), nil
	}
	f.dropping = false
	return f.out.Write(p)
}
