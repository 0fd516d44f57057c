package app

import (
	"errors"
	"fmt"

	"carehub/careplan"
	"carehub/store"
)

// errTabletWho refuses to set up a tablet for a person the hub cannot find.
var errTabletWho = errors.New("there is nobody on the hub with that NHS number")

// runTabletSetup is `carehub tablet-setup`: it writes one patient's tablet store from the hub's.
func runTabletSetup(env Env, args []string) error {
	fs := newFlags("tablet-setup")
	db := fs.String("db", "", "the hub's store")
	patient := fs.String("patient", "", "the patient's NHS number")
	out := fs.String("out", "", "the new tablet store")
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, f := range []struct{ v, name string }{{*db, "db"}, {*patient, "patient"}, {*out, "out"}} {
		if err := need(fs, f.v, f.name); err != nil {
			return err
		}
	}
	nhs, err := careplan.ParseNHSNumber(*patient)
	if err != nil {
		return fmt.Errorf("%w: tablet-setup: %v", errUsage, err)
	}
	if err := refuseOutput(fs, "out", *out, *db, false); err != nil {
		return err
	}
	tabletPass, err := passphrase(env, NewPassphraseVar)
	if err != nil {
		return err
	}
	hub, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer hub.Close()
	// The app's save dialog asks before replacing a file; the command line cannot, so it
	// refuses instead.
	if store.Exists(*out) {
		// A carehub store or a folder was refused before unlocking (refuseOutput).
		return fmt.Errorf("%s: %w", *out, store.ErrOtherFileThere)
	}
	svc := services(env, hub)
	p, err := svc.Records.PatientByNHS(nhs)
	if errors.Is(err, store.ErrNotFound) {
		return errTabletWho
	}
	if err != nil {
		return err
	}
	if err := svc.TabletSetup.SetUpTablet(p.ID, *out, tabletPass); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "tablet store for %s written to %s\n", nhs.Display(), *out)
	return nil
}
