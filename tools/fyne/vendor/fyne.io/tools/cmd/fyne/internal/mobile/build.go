// Copyright 2015 The Go Authors.  All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

//go:generate go run gendex/gendex.go -o dex.go -s ../../../../../fyne

package mobile

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"

	"fyne.io/tools/cmd/fyne/internal/goos"
	"fyne.io/tools/cmd/fyne/internal/metadata"
	"fyne.io/tools/cmd/fyne/internal/util"

	"golang.org/x/tools/go/packages"
)

var tmpdir string

var cmdBuild = &command{
	run:  runBuild,
	Name: "build",
}

const (
	minAndroidAPI = 21
)

func runBuild(cmd *command) error {
	_, err := runBuildImpl(cmd)
	return err
}

// AppOutputName provides the name of a build resource for a given os - "ios" or "android".
func AppOutputName(os, name string, release bool) string {
	if goos.IsAndroid(os) {
		if release {
			return androidPkgName(name) + ".aab"
		}
		return androidPkgName(name) + ".apk"
	}
	if goos.IsIOS(os) {
		return rfc1034Label(name) + ".app"
	}
	return ""
}

const (
	androidTargetRelease = 36
	androidTargetDebug   = 29
	pkgMain              = "main"
)

// runBuildImpl builds a package for mobiles based on the given commands.
// runBuildImpl returns a built package information and an error if exists.
func runBuildImpl(cmd *command) (*packages.Package, error) {
	cleanup, err := buildEnvInit()
	if err != nil {
		return nil, err
	}
	defer cleanup()

	args := cmd.Flag.Args()

	targetOS, targetArchs, err := parseBuildTarget(buildTarget)
	if err != nil {
		return nil, fmt.Errorf(`invalid -os=%q: %v`, buildTarget, err)
	}

	var buildPath string
	switch len(args) {
	case 0:
		buildPath = "."
	case 1:
		buildPath = args[0]
	default:
		os.Exit(1)
	}
	pkgs, err := packages.Load(packagesConfig(targetOS, targetArchs[0]), buildPath)
	if err != nil {
		return nil, err
	}
	// len(pkgs) can be more than 1 e.g., when the specified path includes `...`.
	if len(pkgs) != 1 {
		os.Exit(1)
	}

	pkg := pkgs[0]

	if pkg.Name != pkgMain && buildO != "" {
		return nil, errors.New("cannot set -o when building non-main package")
	}
	if buildBundleID == "" {
		return nil, errors.New("value for -appID is required for a mobile package")
	}

	if buildVerbose {
		printcmd("Building %s for %s", pkg.PkgPath, buildTarget)
	}

	var nmpkgs map[string]bool
	switch targetOS {
	case goos.Android:
		if pkg.Name != pkgMain {
			for _, arch := range targetArchs {
				if err := goBuild(pkg.PkgPath, androidEnv[arch]); err != nil {
					return nil, err
				}
			}
			return pkg, nil
		}
		target := androidTargetRelease
		if !buildRelease {
			target = androidTargetDebug // TODO once we have gomobile debug signing working for v2 android signs
		}
		nmpkgs, err = goAndroidBuild(pkg, buildBundleID, targetArchs, cmd.IconPath, cmd.AppName, cmd.Version, cmd.Build,
			target, buildRelease, cmd.iconFG, cmd.iconBG, cmd.iconMono, cmd.capabilities, cmd.splash)
		if err != nil {
			return nil, err
		}
	case goos.Darwin:
		if !xcodeAvailable() {
			return nil, errors.New("-os=ios requires XCode")
		}
		if buildRelease {
			if len(allArchs["ios"]) > 2 {
				targetArchs = []string{"arm", "arm64"}
			} else {
				targetArchs = []string{"arm64"}
			}
		}

		if pkg.Name != pkgMain {
			for _, arch := range targetArchs {
				if err := goBuild(pkg.PkgPath, darwinEnv[arch]); err != nil {
					return nil, err
				}
			}
			return pkg, nil
		}
		nmpkgs, err = goIOSBuild(pkg, buildBundleID, targetArchs, cmd.AppName, cmd.Version, cmd.Build, buildRelease, cmd.Cert, cmd.Profile, cmd.capabilities)
		if err != nil {
			return nil, err
		}
	}

	if !nmpkgs["fyne.io/fyne/v2/internal/driver/mobile/app"] {
		return nil, fmt.Errorf(`%s does not import "fyne.io/fyne/v2/internal/driver/mobile/app"`, pkg.PkgPath)
	}

	return pkg, nil
}

var nmRE = regexp.MustCompile(`[0-9a-f]{8} t _?(?:.*/vendor/)?(fyne.io/fyne/v2/internal/driver/mobile.*/[^.]*)`)

func extractPkgs(nm string, path string) (map[string]bool, error) {
	if buildN {
		return map[string]bool{"fyne.io/fyne/v2/internal/driver/mobile/app": true}, nil
	}
	r, w := io.Pipe()
	cmd := exec.Command(nm, path)
	cmd.Stdout = w
	cmd.Stderr = os.Stderr

	nmpkgs := make(map[string]bool)
	errc := make(chan error, 1)
	go func() {
		s := bufio.NewScanner(r)
		for s.Scan() {
			if res := nmRE.FindStringSubmatch(s.Text()); res != nil {
				nmpkgs[res[1]] = true
			}
		}
		errc <- s.Err()
	}()

	fmtErr := func(err error) error {
		return fmt.Errorf("%s %s: %v", nm, path, err)
	}

	err := cmd.Run()
	if err != nil {
		return nil, fmtErr(err)
	}

	err = w.Close()
	if err != nil {
		return nil, fmtErr(err)
	}

	if err := <-errc; err != nil {
		return nil, fmtErr(err)
	}
	return nmpkgs, nil
}

var xout io.Writer = os.Stderr

func printcmd(format string, args ...any) {
	cmd := fmt.Sprintf(format+"\n", args...)
	if tmpdir != "" {
		cmd = strings.ReplaceAll(cmd, tmpdir, "$WORK")
	}
	if androidHome := os.Getenv("ANDROID_HOME"); androidHome != "" {
		cmd = strings.ReplaceAll(cmd, androidHome, "$ANDROID_HOME")
	}
	if gomobilepath != "" {
		cmd = strings.ReplaceAll(cmd, gomobilepath, "$GOMOBILE")
	}
	if gopath := goEnv("GOPATH"); gopath != "" {
		cmd = strings.ReplaceAll(cmd, gopath, "$GOPATH")
	}
	if env := os.Getenv("HOMEPATH"); env != "" {
		cmd = strings.ReplaceAll(cmd, env, "$HOMEPATH")
	}
	fmt.Fprint(xout, cmd)
}

// "Build flags", used by multiple commands.
var (
	buildA          bool        // -a
	buildI          bool        // -i
	buildN          bool        // -n
	buildV          bool        // -v
	buildX          bool        // -x
	buildO          string      // -o
	buildGcflags    string      // -gcflags
	buildLdflags    string      // -ldflags
	buildRelease    bool        // -release
	buildTarget     string      // -os
	buildTrimpath   bool        // -trimpath
	buildWork       bool        // -work
	buildBundleID   string      // -bundleid
	buildIOSVersion string      // -iosversion
	buildAndroidAPI int         // -androidapi
	buildTags       stringsFlag // -tags

	// buildVerbose reports the steps that are run for the fyne --verbose flag.
	// In contrast to buildV it does not turn on the output of the tools that
	// are called, which lists every compiled package and generated file.
	buildVerbose bool
)

// RunNewBuild executes a new mobile build for the specified configuration
func RunNewBuild(target, appID, icon, name, version string, build int, release, distribution bool, cert, profile string,
	tags []string, iconFG, iconBG, iconMono string, verbose bool, capabilities metadata.Capabilities, splash *metadata.Splash,
) error {
	buildTarget = target
	buildBundleID = appID
	buildRelease = distribution
	buildTags = tags
	buildVerbose = verbose
	if release {
		buildLdflags = "-w"
		buildTrimpath = true
	}

	cmd := cmdBuild
	cmd.Flag = flag.FlagSet{}
	cmd.IconPath = icon
	cmd.AppName = name
	cmd.Version = version
	cmd.Build = build
	cmd.Cert = cert
	cmd.Profile = profile

	cmd.iconFG = iconFG
	cmd.iconBG = iconBG
	cmd.iconMono = iconMono
	cmd.capabilities = capabilities
	cmd.splash = splash
	return runBuild(cmd)
}

func addBuildFlags(cmd *command) {
	cmd.Flag.StringVar(&buildO, "o", "", "")
	cmd.Flag.StringVar(&buildGcflags, "gcflags", "", "")
	cmd.Flag.StringVar(&buildLdflags, "ldflags", "", "")
	cmd.Flag.StringVar(&buildTarget, "os", "android", "")
	cmd.Flag.StringVar(&buildBundleID, "bundleid", "", "")
	cmd.Flag.StringVar(&buildIOSVersion, "iosversion", "13.0", "")
	cmd.Flag.IntVar(&buildAndroidAPI, "androidapi", minAndroidAPI, "")

	cmd.Flag.BoolVar(&buildA, "a", false, "")
	cmd.Flag.BoolVar(&buildI, "i", false, "")
	cmd.Flag.BoolVar(&buildTrimpath, "trimpath", false, "")
	cmd.Flag.Var(&buildTags, "tags", "")
}

func addBuildFlagsNVXWork(cmd *command) {
	cmd.Flag.BoolVar(&buildN, "n", false, "")
	cmd.Flag.BoolVar(&buildV, "v", false, "")
	cmd.Flag.BoolVar(&buildX, "x", false, "")
	cmd.Flag.BoolVar(&buildWork, "work", false, "")
}

func init() {
	addBuildFlags(cmdBuild)
	addBuildFlagsNVXWork(cmdBuild)
}

func goBuild(src string, env []string, args ...string) error {
	return goCmd("build", []string{src}, env, args...)
}

func goCmd(subcmd string, srcs []string, env []string, args ...string) error {
	return goCmdAt("", subcmd, srcs, env, args...)
}

func goCmdAt(at string, subcmd string, srcs []string, env []string, args ...string) error {
	cmd := exec.Command("go", subcmd)
	tags := buildTags
	targetOS, _, err := parseBuildTarget(buildTarget)
	if err != nil {
		return err
	}
	if targetOS == goos.Darwin {
		tags = append(tags, "ios")
	}
	if buildRelease {
		tags = append(tags, "release")
	}
	if len(tags) > 0 {
		cmd.Args = append(cmd.Args, "-tags", util.JoinComma(tags))
	}
	if buildV {
		cmd.Args = append(cmd.Args, "-v")
	}
	if subcmd != "install" && buildI {
		cmd.Args = append(cmd.Args, "-i")
	}
	if buildX {
		cmd.Args = append(cmd.Args, "-x")
	}
	if buildGcflags != "" {
		cmd.Args = append(cmd.Args, "-gcflags", buildGcflags)
	}
	if buildLdflags != "" {
		cmd.Args = append(cmd.Args, "-ldflags", buildLdflags)
	}
	if buildTrimpath {
		cmd.Args = append(cmd.Args, "-trimpath")
	}
	if buildWork {
		cmd.Args = append(cmd.Args, "-work")
	}
	cmd.Args = append(cmd.Args, args...)
	cmd.Args = append(cmd.Args, srcs...)
	cmd.Env = append([]string{}, env...)
	cmd.Dir = at
	return runCmd(cmd)
}

func parseBuildTarget(buildTarget string) (os string, archs []string, _ error) {
	if buildTarget == "" {
		return "", nil, errors.New(`invalid target ""`)
	}

	all := false
	archNames := []string{}
	for i, p := range util.SplitComma(buildTarget) {
		osarch := strings.SplitN(p, "/", 2) // len(osarch) > 0
		if !goos.IsAndroid(osarch[0]) && !goos.IsIOS(osarch[0]) {
			return "", nil, errors.New(`unsupported os`)
		}
		if osarch[0] == "iossimulator" {
			osarch[0] = goos.IOS
		}

		if i == 0 {
			os = osarch[0]
		}

		if os != osarch[0] {
			return "", nil, errors.New(`cannot target different OSes`)
		}

		if len(osarch) == 1 {
			all = true
		} else {
			archNames = append(archNames, osarch[1])
		}
	}

	// verify all archs are supported one while deduping.
	isSupported := func(os, arch string) bool {
		for _, a := range allArchs[os] {
			if a == arch {
				return true
			}
		}
		return false
	}

	seen := map[string]bool{}
	for _, arch := range archNames {
		if _, ok := seen[arch]; ok {
			continue
		}
		if !isSupported(os, arch) {
			return "", nil, fmt.Errorf(`unsupported arch: %q`, arch)
		}

		seen[arch] = true
		archs = append(archs, arch)
	}

	targetOS := os
	if os == goos.IOS {
		targetOS = goos.Darwin
	}

	if buildTarget == "iossimulator" {
		if before116 {
			// If the build target is iossimulator, and the go distribution also before
			// 1.16, then we can only build amd64 arch app for simulators. Because
			// arm64 simulators is only supported after go 1.16.
			allArchs[os] = []string{"amd64"}
		} else {
			// Otherwise, the iossimulator arch is depending on the host arch.
			allArchs[os] = []string{runtime.GOARCH}
		}
	}

	if all {
		return targetOS, allArchs[os], nil
	}
	return targetOS, archs, nil
}
