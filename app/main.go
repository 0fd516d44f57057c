package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	"carehub/app/service"
)

// errUsage marks a command line that could not be understood; the message says why.
var errUsage = errors.New("usage")

// command is one administrative command: its name, a one-line summary and how to run it.
type command struct {
	name    string
	summary string
	run     func(env Env, args []string) error
}

func commands() []command {
	return []command{
		{"demo", "demo --db FILE --patients N [--seed S] [--admin NAME]\n                                         fill a new store with synthetic patients (its administrator: Demo Administrator)", runDemo},
		{"create", "create --db FILE --admin NAME             a new, empty store (e.g. a second hub laptop, to pair and sync)", runCreate},
		{"check", "check --db FILE                          integrity check, a count per record kind, ok", runCheck},
		{"list", "list --db FILE                           one line per patient", runList},
		{"backup", "backup --db FILE --out FILE              consistent copy of a closed store (the app backs up an open one)", runBackup},
		{"print", "print --db FILE --patient NHSNO --out FILE.pdf [--large-print]\n" +
			"carehub print --db FILE --review-due-before DATE --out DIR", runPrint},
		{"tablet-setup", "tablet-setup --db FILE --patient NHSNO --out FILE\n" +
			"                                         a patient's tablet store (their records only; passphrase from " + NewPassphraseVar + ")", runTabletSetup},
		{"report", "report --db FILE --from DATE --to DATE [--practice NAME] [--key-worker NAME] [--csv FILE]\n" +
			"                                         evaluation summary, or the pseudonymised CSV for evaluators", runReport},
		{"device", "device card --db FILE --out CARD  /  device add --db FILE --card CARD  /  device list --db FILE\n" +
			"carehub device unpair --db FILE --device DEVICE   (a lost laptop or tablet: its bundles are refused from then on)\n" +
			"                                         pair this store with a hub laptop or a patient's tablet", runDevice},
		{"sync", "sync export --db FILE --to DEVICE --out FILE  /  sync import --db FILE --in FILE [--ack FILE]\n" +
			"                                         signed, encrypted bundles between paired devices", runSync},
		{"fhir", "fhir push --db FILE [--server URL]       publish consenting people's agreed plans to the shared-record FHIR server\n" +
			"carehub fhir connect --db FILE --server URL [--auth bearer|client-credentials --token-url URL --client-id ID --key-id KID --key-file PEM [--key-in-store]]\n" +
			"                                         set up the shared-record server (administrators); see docs/fhir-server.md", runFHIR},
		{"export", "export fhir --db FILE --out FILE [--all] [--per-person]\n" +
			"                                         FHIR R4 (UK Core) transaction Bundle, NDJSON if FILE ends .ndjson, or a folder of one Bundle per person", runExport},
		{"users", "users list|add|reset|deactivate|retire-shared --db FILE [--name NAME] [--role key-worker|coordinator|administrator] [--staff NAME]\n" +
			"                                         the hub's accounts (administrators; new passphrases from " + NewPassphraseVar + ")", runUsers},
		{"audit", "audit --db FILE [--patient NHSNO] [--from DATE] [--to DATE] [--csv FILE]\n" +
			"                                         the audit, read only (coordinators and administrators)", runAudit},
		{"version", "version                                  which carehub this is: version, commit, build date", runVersion},
	}
}

// Main runs carehub with the given environment and returns the process exit status: 0 on
// success, 1 when the command failed, 2 when the command line was not understood.
func Main(env Env, gui GUI) int {
	err := dispatch(env, gui)
	if err == nil {
		return 0
	}
	if errors.Is(err, errUsage) {
		// The sentinel only chooses the exit status; the operator needs the reason, not the
		// word "usage".
		fmt.Fprintln(env.Stderr, "carehub: "+strings.TrimPrefix(oneLine(err), errUsage.Error()+": "))
		return 2
	}
	fmt.Fprintln(env.Stderr, "carehub: "+oneLine(err))
	return 1
}

func dispatch(env Env, gui GUI) error {
	args := env.Args
	if len(args) > 0 && (args[0] == "--version" || args[0] == "-version") {
		return runVersion(env, args[1:])
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runApp(env, args, gui)
	}
	if args[0] == "help" {
		printHelp(env.Stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			env, rest, err := withUserFlag(env, args[1:])
			if err != nil {
				return err
			}
			return c.run(env, rest)
		}
	}
	return fmt.Errorf("%w: unknown command %q (try: carehub help)", errUsage, args[0])
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "carehub                      start the app (your own store)")
	fmt.Fprintln(w, "carehub --db FILE            start the app on that store")
	for _, c := range commands() {
		fmt.Fprintln(w, "carehub "+c.summary)
	}
	fmt.Fprintln(w, "Commands read the store's passphrase from "+PassphraseVar+".")
}

// runApp starts the desktop app, on --db if given.
func runApp(env Env, args []string, gui GUI) error {
	fs := newFlags("carehub")
	db := fs.String("db", "", "the store to open")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := screenAvailable(env.Getenv, runtime.GOOS, dialDisplay); err != nil {
		return err
	}
	return gui(*db)
}

// errNoScreen is what starting the app says where there is no desktop to open it on, as over
// SSH: one line instead of the windowing system's panic.
var errNoScreen = errors.New("the app needs a screen to open on, and none was found (DISPLAY is not set). " +
	"Start it from the desktop, or see carehub help for the commands")

// screenAvailable reports errNoScreen on an X11 or Wayland system with neither display set,
// and errDisplayUnreachable when only DISPLAY is set and its X server does not answer (dial
// connects to it). Windows and macOS always have a screen for a signed-in user.
func screenAvailable(getenv func(string) string, goos string, dial func(network, addr string) error) error {
	switch goos {
	case "windows", "darwin", "android", "ios":
		return nil
	}
	display, wayland := getenv("DISPLAY"), getenv("WAYLAND_DISPLAY")
	switch {
	case display == "" && wayland == "":
		return errNoScreen
	case display != "" && wayland == "":
		return xServerAnswers(display, dial)
	}
	return nil
}

// newFlags makes a flag set that reports problems as errors rather than printing usage text,
// so every failure is one clear line.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: %s: unexpected %q", errUsage, fs.Name(), fs.Arg(0))
	}
	return nil
}

// need reports a missing required flag in the user's words.
func need(fs *flag.FlagSet, value, flagName string) error {
	if strings.TrimSpace(value) == "" {
		return fmt.Errorf("%w: %s needs --%s", errUsage, fs.Name(), flagName)
	}
	return nil
}

// oneLine keeps a failure to a single line, however many problems it joins.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
}

// refuseOutput checks, before the store is even unlocked, that the file (or, with folder, the
// folder) named by --flagName may be written: never the store, another carehub store, an
// input, or a folder where a file is wanted (service.CheckOutput).
func refuseOutput(fs *flag.FlagSet, flagName, out, db string, folder bool, inputs ...string) error {
	err := service.CheckOutput(service.Output{Path: out, Store: db, Inputs: inputs, Folder: folder})
	if err != nil {
		return fmt.Errorf("%w: %s --%s %v", errUsage, fs.Name(), flagName, err)
	}
	return nil
}
