// Command distcheck inspects the Windows program `make package` built, which cannot be run on
// the build machine: it must be a GUI program (no console window) for x86-64, carry its icon,
// the version details Windows shows under Properties > Details, and the commit it was stamped
// with.
//
//	go run ./tools/distcheck -version 0.1.0 -build 1 -commit 0123456789ab dist/carehub-0.1.0-windows-amd64.exe
package main

import (
	"bytes"
	"debug/pe"
	"errors"
	"flag"
	"fmt"
	"os"
)

func main() {
	version := flag.String("version", "", "FyneApp.toml's Version, e.g. 0.1.0")
	build := flag.Int("build", 0, "FyneApp.toml's Build")
	commit := flag.String("commit", "", "the commit the program should be stamped with")
	flag.Parse()
	if flag.NArg() != 1 || *version == "" || *build <= 0 {
		fmt.Fprintln(os.Stderr, "usage: distcheck -version V -build N [-commit C] FILE.exe")
		os.Exit(2)
	}
	if err := check(flag.Arg(0), *version, *build, *commit); err != nil {
		fmt.Fprintf(os.Stderr, "distcheck: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	fmt.Printf("distcheck: %s is a Windows GUI program for x86-64, version %s.%d, with its icon\n",
		flag.Arg(0), *version, *build)
}

// check opens the program and checks its header, resources and stamp.
func check(path, version string, build int, commit string) error {
	f, err := pe.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := checkHeader(f); err != nil {
		return err
	}
	res, err := resources(f)
	if err != nil {
		return err
	}
	if len(res[rtGroupIcon]) == 0 {
		return errors.New("no icon resource")
	}
	if len(res[rtVersion]) == 0 {
		return errors.New("no version resource")
	}
	vi, err := parseVersionInfo(res[rtVersion][0])
	if err != nil {
		return err
	}
	want := fmt.Sprintf("%s.%d", fullVersion(version), build)
	if vi.fileVersion != want || vi.productVersion != want {
		return fmt.Errorf("version resource says file %s, product %q; FyneApp.toml says %s",
			vi.fileVersion, vi.productVersion, want)
	}
	if commit != "" {
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !bytes.Contains(body, []byte(commit)) {
			return fmt.Errorf("not stamped with commit %s", commit)
		}
	}
	return nil
}

// checkHeader wants a 64-bit x86 program for the Windows GUI subsystem: a console program
// would open a black window beside the app on every start.
func checkHeader(f *pe.File) error {
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine %#x, want x86-64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return errors.New("not a PE32+ (64-bit) program")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem %d, want the Windows GUI (%d)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	return nil
}

// fullVersion pads "1" or "1.2" to three numbers, as fyne package does for Windows.
func fullVersion(v string) string {
	switch n := bytes.Count([]byte(v), []byte(".")); n {
	case 0:
		return v + ".0.0"
	case 1:
		return v + ".0"
	}
	return v
}
