package service

import (
	"errors"
	"fmt"

	"carehub/careplan/access"
	"carehub/careplan/myplan"
	"carehub/store"
	"carehub/store/bundle"
)

// errNoHub is why a tablet cannot send check-ins: it is paired with no hub, which a tablet
// set up by the hub always is, so only a damaged or hand-made store gets here.
var errNoHub = errors.New("this tablet is not paired with a hub: ask your key worker to set it up again")

// TabletSync is the tablet screen's two file buttons: the same bundle import and
// export the hub's Sync screen uses (importSyncFile, exportSyncBundle), for the patient's own
// account, which may carry bundles for its own tablet (mayPair).
type TabletSync struct{ base }

// patientStore returns the open store when the patient is signed in: on a hub laptop these
// buttons would export to, or import from, the wrong device.
func (t *TabletSync) patientStore() (*store.Store, error) {
	st, err := t.store()
	if err != nil {
		return nil, err
	}
	if st.SignedIn().Role != access.Patient {
		return nil, fmt.Errorf("%w: these buttons are for a patient's own tablet", access.ErrNotAllowed)
	}
	return st, nil
}

// UpdateFromFile imports a bundle from the hub (or the hub's acknowledgement of check-ins)
// and writes the acknowledgement beside it for the patient to hand back.
func (t *TabletSync) UpdateFromFile(path string, progress func(done, total int)) (myplan.Update, error) {
	st, err := t.patientStore()
	if err != nil {
		return myplan.Update{}, err
	}
	ack := AckPathFor(path)
	res, err := importSyncFile(st, path, ack, progress)
	if err != nil {
		return myplan.Update{}, err
	}
	return tabletUpdate(res, ack), nil
}

// tabletUpdate says what an import did to the patient's plan. Any record new, updated or
// merged counts as an update: the patient cannot tell a plan from the records around it.
func tabletUpdate(res store.ImportResult, ack string) myplan.Update {
	switch {
	case res.Ack:
		return myplan.Update{Outcome: myplan.CheckInsReceived}
	case res.Removed:
		return myplan.Update{Outcome: myplan.PlanRemoved, AckPath: ack}
	case res.New+res.Updated+res.Merged > 0:
		return myplan.Update{Outcome: myplan.PlanUpdated, AckPath: ack}
	}
	return myplan.Update{Outcome: myplan.PlanUpToDate, AckPath: ack}
}

// SendCheckIns writes the bundle of the patient's check-ins for their hub to path.
func (t *TabletSync) SendCheckIns(path string, progress func(done, total int)) (int, error) {
	st, err := t.patientStore()
	if err != nil {
		return 0, err
	}
	hub, err := tabletHubPeer(st)
	if err != nil {
		return 0, err
	}
	res, err := exportSyncBundle(st, hub.Card.Device, path, progress)
	return res.CheckIns, err
}

// tabletHubPeer is the hub a tablet sends to: its only paired hub, or if it has been paired
// with several (set up again from another laptop), the one it last had a bundle from, which
// is the one looking after the patient now.
func tabletHubPeer(st *store.Store) (store.Peer, error) {
	peers, err := st.Peers()
	if err != nil {
		return store.Peer{}, err
	}
	var hub store.Peer
	found := false
	for _, p := range peers {
		if p.Card.Role != bundle.RoleHub {
			continue
		}
		if !found || p.LastReceived.After(hub.LastReceived) {
			hub, found = p, true
		}
	}
	if !found {
		return store.Peer{}, errNoHub
	}
	return hub, nil
}
