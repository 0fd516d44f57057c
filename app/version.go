package app

import "fmt"

// runVersion prints which carehub this is: the version in FyneApp.toml, the commit it was
// built from and when, as the app's About box shows them.
func runVersion(env Env, args []string) error {
	if err := parse(newFlags("version"), args); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, env.Build.String())
	return nil
}
