package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"carehub/careplan/backups"
)

// backupPlanRec is the backup schedule as kept, in clear in the meta bucket: a folder and two
// numbers identify no one.
type backupPlanRec struct {
	Folder   string    `json:"folder"`
	Keep     int       `json:"keep"`
	Daily    bool      `json:"daily"`
	Last     time.Time `json:"last,omitzero"`
	LastPath string    `json:"lastPath,omitempty"`
}

// BackupPlan is where and how often the running app backs this store up, and when it last did
// (a Keep of backups.DefaultKeep and no folder until the hub chooses).
func (s *Store) BackupPlan() (backups.Status, error) {
	var rec backupPlanRec
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		rec, err = readBackupPlan(tx)
		return err
	})
	return backups.Status{Plan: backups.Plan{Folder: rec.Folder, Keep: rec.Keep, Daily: rec.Daily}, Last: rec.Last, LastPath: rec.LastPath}, err
}

func readBackupPlan(tx *bolt.Tx) (backupPlanRec, error) {
	rec := backupPlanRec{Keep: backups.DefaultKeep}
	meta, err := bucket(tx, bucketMeta)
	if err != nil {
		return rec, err
	}
	if v := meta.Get([]byte(metaBackupPlan)); v != nil {
		if err := json.Unmarshal(v, &rec); err != nil {
			return rec, damaged("the backup schedule is not readable")
		}
	}
	return rec, nil
}

func (w *writer) putBackupPlan(rec backupPlanRec) error {
	meta, err := bucket(w.tx, bucketMeta)
	if err != nil {
		return err
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	return meta.Put([]byte(metaBackupPlan), b)
}

// SetBackupPlan sets where and how often the running app backs this store up, audited.
func (s *Store) SetBackupPlan(p backups.Plan) error {
	p.Folder = strings.TrimSpace(p.Folder)
	if err := p.Check(); err != nil {
		return err
	}
	return s.update(func(w *writer) error {
		rec, err := readBackupPlan(w.tx)
		if err != nil {
			return err
		}
		rec.Folder, rec.Keep, rec.Daily = p.Folder, p.Keep, p.Daily
		if err := w.putBackupPlan(rec); err != nil {
			return err
		}
		return w.audit(AuditUpdated, "", "", auditNote{detail: fmt.Sprintf("backup schedule: %s, keep %d, daily %v", p.Folder, p.Keep, p.Daily)})
	})
}

// NoteBackup records, and audits, a backup the app made at path at the time at (by the
// clock the schedule is kept by): a whole copy of the hub's records has left the store.
func (s *Store) NoteBackup(path string, at time.Time) error {
	return s.update(func(w *writer) error {
		rec, err := readBackupPlan(w.tx)
		if err != nil {
			return err
		}
		rec.Last, rec.LastPath = at, path
		if err := w.putBackupPlan(rec); err != nil {
			return err
		}
		return w.audit(AuditReport, "", "", auditNote{detail: "backup made: " + path})
	})
}
