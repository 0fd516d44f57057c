package app

import (
	"fmt"
)

// runExport writes the hub's records for another system. The only format so far is FHIR R4
// (UK Core): "export fhir --db FILE --out FILE [--all] [--per-person]".
func runExport(env Env, args []string) error {
	if len(args) == 0 || args[0] != "fhir" {
		return fmt.Errorf("%w: export needs a format: carehub export fhir --db FILE --out FILE [--all] [--per-person]", errUsage)
	}
	fs := newFlags("export fhir")
	db := fs.String("db", "", "the store to export")
	out := fs.String("out", "", "the file to write: a Bundle, or NDJSON when it ends .ndjson")
	all := fs.Bool("all", false, "include people who have not consented to share with professionals")
	perPerson := fs.Bool("per-person", false, "one transaction Bundle per person, in the folder --out")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	for _, req := range []struct{ value, name string }{{*db, "db"}, {*out, "out"}} {
		if err := need(fs, req.value, req.name); err != nil {
			return err
		}
	}
	// The rename at the end of the write would put the export in place of the store.
	if err := refuseOutput(fs, "out", *out, *db, *perPerson); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	export := services(env, st).Export
	write := export.FHIR
	if *perPerson {
		write = export.FHIRPerPerson
	}
	res, err := write(*out, *all)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d people (%d resources) written to %s; %d without consent to share left out\n",
		res.People, res.Resources, *out, res.Withheld)
	return nil
}
