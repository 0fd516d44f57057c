package app

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"

	"carehub/app/service"
	"carehub/careplan/access"
	"carehub/store"
)

// errBackupWhileOpen says how to back up a store the app has open: the app makes the backup.
var errBackupWhileOpen = errors.New("this store is open in carehub (or another carehub command is using it), so a backup cannot be made from here: " +
	"in the app, a coordinator or administrator makes one with Settings → Backups → Back up now; or close carehub and run this again")

// maxDemoPatients keeps a mistyped --patients from filling a disk.
const maxDemoPatients = 100_000

func runDemo(env Env, args []string) error {
	fs := newFlags("demo")
	db := fs.String("db", "", "the new store to fill")
	n := fs.Int("patients", 0, "how many synthetic patients")
	seed := fs.Uint64("seed", 1, "the same seed gives the same hub")
	admin := fs.String("admin", "Demo Administrator", "the name of the demo hub's administrator (passphrase from "+PassphraseVar+")")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	if *n < 1 || *n > maxDemoPatients {
		return fmt.Errorf("%w: demo --patients must be between 1 and %d", errUsage, maxDemoPatients)
	}
	// The whole demo hub is written before the store is moved into place: an interrupted demo
	// leaves no store, not part of one.
	st, err := createStore(env, *db, *admin, "", func(st *store.Store) error {
		return services(env, st).Demo.Load(*seed, *n, nil)
	})
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%d synthetic patients written to %s\n", *n, *db)
	return nil
}

// runCreate makes a new, empty store: a second hub laptop, for instance, which then pairs with
// the first and takes everything from it by bundle. The store's first account is the hub
// administrator --admin (or --user) names, whose passphrase is CAREHUB_PASSPHRASE: no store is
// made with a shared passphrase any more.
func runCreate(env Env, args []string) error {
	fs := newFlags("create")
	db := fs.String("db", "", "the new store")
	admin := fs.String("admin", "", "the name of the store's first hub administrator")
	coordinates := fs.Bool("coordinator", false, "the administrator also coordinates care (nominates, edits records, is on the staff list)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	name := *admin
	if strings.TrimSpace(name) == "" {
		name = env.Getenv(UserVar)
	}
	var also access.Role
	if *coordinates {
		also = access.Coordinator
	}
	st, err := createStore(env, *db, name, also, nil)
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "empty store written to %s\n", *db)
	return nil
}

// onStore runs a command whose only flag is --db: it opens the store, runs fn, and closes it.
func onStore(env Env, args []string, name string, fn func(st *store.Store) error) error {
	fs := newFlags(name)
	db := fs.String("db", "", "the store")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(st)
}

// runCheck opens the store even when its history does not hold together (which refuses every
// other command), so it can say where.
func runCheck(env Env, args []string) error {
	fs := newFlags("check")
	db := fs.String("db", "", "the store")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	st, err := openStoreWith(env, *db, store.Options{Now: env.Now, Inspect: true})
	if err != nil {
		return err
	}
	defer st.Close()
	return checkStore(env, services(env, st))
}

func checkStore(env Env, svc *service.Set) error {
	rep, err := svc.Backup.Check()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, c := range rep.Counts {
		fmt.Fprintf(w, "%s\t%d\n", c.Kind, c.Count)
	}
	w.Flush()
	if len(rep.ToPutRight) > 0 {
		// Not damage: records saved before status was held to consent, for a coordinator to put
		// right on each person's screen (Consent…, Status…).
		fmt.Fprintf(env.Stdout, "consent to put right (status and consent to join disagree, from before carehub checked them):\n")
		for _, p := range rep.ToPutRight {
			fmt.Fprintln(env.Stdout, "  "+p)
		}
	}
	if len(rep.Problems) > 0 {
		for _, p := range rep.Problems {
			fmt.Fprintln(env.Stdout, "problem: "+p)
		}
		return fmt.Errorf("the store has %d problem(s): restore from a backup and ask for help", len(rep.Problems))
	}
	fmt.Fprintln(env.Stdout, "ok")
	return nil
}

func runList(env Env, args []string) error {
	return onStore(env, args, "list", func(st *store.Store) error { return listPatients(env, services(env, st)) })
}

func listPatients(env Env, svc *service.Set) error {
	rows, err := svc.Records.ListCaseload()
	if err != nil {
		return err
	}
	sort.Slice(rows, func(i, j int) bool {
		if a, b := rows[i].SortName(), rows[j].SortName(); a != b {
			return a < b
		}
		return rows[i].NHSNumber < rows[j].NHSNumber
	})
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	for _, r := range rows {
		kw := r.KeyWorker
		if kw == "" {
			kw = "(no key worker)"
		}
		fmt.Fprintf(w, "%s\t%s %s\t%s\t%s\n", r.NHSNumber.Display(), r.GivenName, r.FamilyName, r.Status, kw)
	}
	return w.Flush()
}

func runBackup(env Env, args []string) error {
	fs := newFlags("backup")
	db := fs.String("db", "", "the store to back up")
	out := fs.String("out", "", "where to write the copy")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := need(fs, *db, "db"); err != nil {
		return err
	}
	if err := need(fs, *out, "out"); err != nil {
		return err
	}
	if err := refuseOutput(fs, "out", *out, *db, false); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if errors.Is(err, store.ErrAlreadyOpen) {
		return errBackupWhileOpen
	}
	if err != nil {
		return err
	}
	defer st.Close()
	if err := services(env, st).Backup.Backup(*out); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "backup written to %s\n", *out)
	return nil
}
