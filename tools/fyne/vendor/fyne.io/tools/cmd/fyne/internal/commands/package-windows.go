package commands

import (
	"errors"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/tools/cmd/fyne/internal/templates"
	"fyne.io/tools/cmd/fyne/internal/util"
	"github.com/fyne-io/image/ico"
	"github.com/josephspurrier/goversioninfo"
)

type windowsData struct {
	Name            string
	CombinedVersion string
}

func (p *Packager) packageWindows(tags []string) error {
	exePath := filepath.Dir(p.exe)

	// convert icon
	img, err := os.Open(p.icon)
	if err != nil {
		return fmt.Errorf("failed to open source image: %w", err)
	}
	defer img.Close()
	srcImg, _, err := image.Decode(img)
	if err != nil {
		return fmt.Errorf("failed to decode source image: %w", err)
	}

	icoPath := filepath.Join(exePath, "FyneApp.ico")
	file, err := os.Create(icoPath)
	if err != nil {
		return fmt.Errorf("failed to open image file: %w", err)
	}

	err = ico.Encode(file, srcImg)
	if err != nil {
		return fmt.Errorf("failed to encode icon: %w", err)
	}

	err = file.Close()
	if err != nil {
		return fmt.Errorf("failed to close image file: %w", err)
	}

	// write manifest
	manifest := p.exe + ".manifest"
	manifestGenerated := false
	if _, err := os.Stat(manifest); os.IsNotExist(err) {
		manifestGenerated = true
		manifestFile, _ := os.Create(manifest)

		tplData := windowsData{
			Name:            encodeXMLString(p.Name),
			CombinedVersion: p.combinedVersion(),
		}
		err := templates.ManifestWindows.Execute(manifestFile, tplData)
		if err != nil {
			return fmt.Errorf("failed to write manifest template: %w", err)
		}
		manifestFile.Close()
	}

	// launch rsrc to generate the object file
	outPath := filepath.Join(p.srcDir, "fyne.syso")
	if p.verbose {
		fmt.Println("Generating resource file", relDir(outPath))
	}

	vi := &goversioninfo.VersionInfo{}
	vi.ProductName = p.Name
	vi.IconPath = icoPath
	vi.ManifestPath = manifest
	vi.StringFileInfo.ProductVersion = p.combinedVersion()
	vi.FileDescription = p.Name
	vi.FixedFileInfo.FileVersion = fixedVersionInfo(p.combinedVersion())

	vi.Build()
	vi.Walk()

	arch, ok := os.LookupEnv("GOARCH")
	if !ok {
		arch = runtime.GOARCH
	}

	err = vi.WriteSyso(outPath, arch)
	if err != nil {
		return fmt.Errorf("failed to write .syso file: %w", err)
	}
	defer os.Remove(outPath)

	err = os.Remove(icoPath)
	if err != nil {
		return fmt.Errorf("failed to remove icon: %w", err)
	} else if manifestGenerated {
		err := os.Remove(manifest)
		if err != nil {
			return fmt.Errorf("failed to remove manifest: %w", err)
		}
	}

	_, err = p.buildPackage(nil, tags)
	if err != nil {
		return fmt.Errorf("failed to rebuild after adding metadata: %w", err)
	}

	appName := filepath.Base(p.exe)
	if filepath.Base(p.exe) != p.Name {
		appName = p.Name
		if filepath.Ext(p.Name) != ".exe" {
			appName = appName + ".exe"
		}
		if err := os.Rename(filepath.Base(p.exe), appName); err != nil {
			return err
		}
	}

	if p.install {
		wd, err := os.Getwd()
		if err != nil {
			return errors.New("failed to locate current working directory")
		}
		appPath := filepath.Join(wd, appName)
		if p.verbose {
			fmt.Println("Installing", relPath(appPath), "to", relPath(filepath.Join(p.dir, appName)))
		}

		err = runAsAdminWindows("copy", appPath, filepath.Join(p.dir, appName))
		if err != nil {
			return fmt.Errorf("failed to run as administrator: %w", err)
		}
	} else if p.verbose {
		wd, err := os.Getwd()
		if err != nil {
			return errors.New("failed to locate current working directory")
		}

		fmt.Println("Packaging", relPath(filepath.Join(wd, appName)))
	}
	return nil
}

func escapePowerShellArguments(args ...string) string {
	cmd := "\"/c\""

	for idx, arg := range args {
		if idx == 0 {
			cmd += ",'" + arg
		} else {
			cmd += " \"" + arg + "\""
		}
	}
	if len(args) != 0 {
		cmd += "'"
	}

	return cmd
}

func runAsAdminWindows(args ...string) error {
	cmd := escapePowerShellArguments(args...)

	return exec.Command("powershell.exe", "Start-Process", "cmd.exe", "-Verb", "runAs", "-ArgumentList", cmd).Run()
}

func stripPreReleaseAndBuildInfo(v string) string {
	s := strings.Split(v, "-")[0]
	return strings.Split(s, "+")[0]
}

func fixedVersionInfo(ver string) (ret goversioninfo.FileVersion) {
	ret.Build = 1 // as 0,0,0,0 is not valid
	if len(ver) == 0 {
		return ret
	}
	refs := []*int{&ret.Major, &ret.Minor, &ret.Patch, &ret.Build}
	split := util.SplitDot(ver)
	for n, s := range split {
		if n >= len(refs) {
			break
		}
		setVersionField(refs[n], stripPreReleaseAndBuildInfo(s))
	}
	return ret
}

func setVersionField(to *int, ver string) {
	num, err := strconv.Atoi(ver)
	if err != nil {
		fyne.LogError("Failed to parse app version field", err)
		return
	}

	*to = num
}
