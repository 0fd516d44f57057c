// Command carehub is care coordination for complex-care hubs: the desktop app when run with
// no command, and the administrative commands operators and tests use (see README.md).
package main

import (
	"os"

	"carehub/app"
	"carehub/app/desktop"
	_ "carehub/app/locale" // before Fyne reads the locale: see the package comment
)

func main() {
	os.Exit(app.Main(app.System(os.Args[1:]), desktop.Run))
}
