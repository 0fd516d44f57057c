package commands

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/go-ole/go-ole"
	"github.com/go-ole/go-ole/oleutil"
)

func linkToStartMenu(path, name string) error {
	ole.CoInitializeEx(0, ole.COINIT_APARTMENTTHREADED|ole.COINIT_SPEED_OVER_MEMORY)
	oleShellObject, err := oleutil.CreateObject("WScript.Shell")
	if err != nil {
		return err
	}
	defer oleShellObject.Release()
	wshell, err := oleShellObject.QueryInterface(ole.IID_IDispatch)
	if err != nil {
		return err
	}
	defer wshell.Release()

	home, _ := os.UserHomeDir()
	dst := filepath.Join(home, "AppData", "Roaming", "Microsoft", "Windows", "Start Menu", "Programs", name+".lnk")
	cs, err := oleutil.CallMethod(wshell, "CreateShortcut", dst)
	if err != nil {
		return err
	}
	dispatch := cs.ToIDispatch()

	oleutil.PutProperty(dispatch, "TargetPath", path)
	_, err = oleutil.CallMethod(dispatch, "Save")
	return err
}

func postInstall(i *Installer) error {
	p := i.Packager
	appName := p.Name
	appExe := p.Name
	if filepath.Ext(p.Name) == ".exe" {
		appName = p.Name[:len(p.Name)-4]
	} else {
		appExe = appExe + ".exe"
	}
	path := filepath.Join(i.installDir, appExe)
	if i.verbose {
		fmt.Println("Creating start menu link to", path)
	}
	return linkToStartMenu(path, appName)
}
