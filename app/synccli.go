package app

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"carehub/app/service"
	"carehub/careplan/devices"
	"carehub/store"
	"carehub/store/bundle"
)

// runDevice is `carehub device card|add|list|unpair`: pairing this store with other devices.
func runDevice(env Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: device needs card, add, list or unpair", errUsage)
	}
	switch args[0] {
	case "card":
		return runDeviceCard(env, args[1:])
	case "add":
		return runDeviceAdd(env, args[1:])
	case "list":
		return onStore(env, args[1:], "device list", func(st *store.Store) error { return listDevices(env, services(env, st)) })
	case "unpair":
		return runDeviceUnpair(env, args[1:])
	}
	return fmt.Errorf("%w: device %q: use card, add, list or unpair", errUsage, args[0])
}

func runDeviceCard(env Env, args []string) error {
	fs := newFlags("device card")
	db := fs.String("db", "", "the store")
	out := fs.String("out", "", "the card file to write")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needAll(fs, [2]string{"db", *db}, [2]string{"out", *out}); err != nil {
		return err
	}
	if err := refuseOutput(fs, "out", *out, *db, false); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	card, err := services(env, st).Sync.WriteCard(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "device card of %s (%s, device %s) written to %s\n", card.Name, card.Role, card.Device, *out)
	fmt.Fprintf(env.Stdout, "fingerprint %s: the device that adds this card should show the same\n", card.Fingerprint())
	return nil
}

func runDeviceAdd(env Env, args []string) error {
	fs := newFlags("device add")
	db := fs.String("db", "", "the store")
	cardPath := fs.String("card", "", "the other device's card file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needAll(fs, [2]string{"db", *db}, [2]string{"card", *cardPath}); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	card, err := services(env, st).Sync.AddCard(*cardPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "paired with %s (%s, device %s)\n", card.Name, card.Role, card.Device)
	fmt.Fprintf(env.Stdout, "fingerprint %s: compare it with what that device shows (carehub device card, or its Sync screen); if they differ, the card is not from that device: unpair it (carehub device unpair)\n", card.Fingerprint())
	return nil
}

// runDeviceUnpair is `carehub device unpair`: a lost laptop's or tablet's bundles are refused
// from then on.
func runDeviceUnpair(env Env, args []string) error {
	fs := newFlags("device unpair")
	db := fs.String("db", "", "the store")
	which := fs.String("device", "", "the paired device (id or name)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needAll(fs, [2]string{"db", *db}, [2]string{"device", *which}); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := services(env, st)
	peer, err := svc.Sync.FindDevice(*which)
	if err != nil {
		return err
	}
	if err := svc.Sync.Unpair(peer.Card.Device.String()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "unpaired %s (device %s): its bundles are refused from now on\n", peer.Card.Name, peer.Card.Device)
	return nil
}

func listDevices(env Env, svc *service.Set) error {
	paired, err := svc.Sync.Devices()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "device\tname\trole\tfingerprint\tlast sent\tlast received\twaiting")
	for _, d := range paired {
		role := bundle.RoleHub
		if d.Tablet {
			role = bundle.RoleTablet
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d%s\n", d.ID, d.Name, role, d.Fingerprint, when(d.LastSent), when(d.LastReceived), d.Waiting, deviceMarks(d))
	}
	return w.Flush()
}

// deviceMarks says what is wrong with a paired device, if anything, as a last column.
func deviceMarks(d devices.Device) string {
	var marks []string
	if !d.Unpaired.IsZero() {
		marks = append(marks, "UNPAIRED "+when(d.Unpaired))
	}
	if !d.CutShort.IsZero() {
		marks = append(marks, "HISTORY CUT SHORT "+when(d.CutShort))
	}
	if len(marks) == 0 {
		return ""
	}
	return "\t" + strings.Join(marks, "; ")
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2 Jan 2006 15:04")
}

// runSync is `carehub sync export|import`.
func runSync(env Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: sync needs export or import", errUsage)
	}
	switch args[0] {
	case "export":
		return runSyncExport(env, args[1:])
	case "import":
		return runSyncImport(env, args[1:])
	}
	return fmt.Errorf("%w: sync %q: use export or import", errUsage, args[0])
}

func runSyncExport(env Env, args []string) error {
	fs := newFlags("sync export")
	db := fs.String("db", "", "the store")
	to := fs.String("to", "", "the paired device (id or name)")
	out := fs.String("out", "", "the bundle file to write")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needAll(fs, [2]string{"db", *db}, [2]string{"to", *to}, [2]string{"out", *out}); err != nil {
		return err
	}
	if err := refuseOutput(fs, "out", *out, *db, false); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc := services(env, st)
	peer, err := svc.Sync.FindDevice(*to)
	if err != nil {
		return err
	}
	res, err := svc.Sync.ExportBundle(peer.Card.Device, *out, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s; written to %s\n", service.ExportSummary(res), *out)
	return nil
}

func runSyncImport(env Env, args []string) error {
	fs := newFlags("sync import")
	db := fs.String("db", "", "the store")
	in := fs.String("in", "", "the bundle or acknowledgement to import")
	ack := fs.String("ack", "", "where to write the acknowledgement (default: beside the bundle, ending .ack.chb)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needAll(fs, [2]string{"db", *db}, [2]string{"in", *in}); err != nil {
		return err
	}
	if *ack == "" {
		*ack = service.AckPathFor(*in)
	}
	if err := refuseOutput(fs, "ack", *ack, *db, false, *in); err != nil {
		return err
	}
	st, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := services(env, st).Sync.ImportFile(*in, *ack, nil)
	if errors.Is(err, service.ErrAckNotWritten) {
		fmt.Fprintln(env.Stdout, service.ImportSummary(res)) // it was imported; only the ack is missing
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, service.ImportSummary(res))
	if !res.Ack {
		fmt.Fprintf(env.Stdout, "acknowledgement for %s written to %s\n", res.From.Name, *ack)
	}
	return nil
}

// needAll checks each required flag in turn: each pair is the flag's name and its value.
func needAll(fs *flag.FlagSet, flags ...[2]string) error {
	for _, f := range flags {
		if err := need(fs, f[1], f[0]); err != nil {
			return err
		}
	}
	return nil
}
