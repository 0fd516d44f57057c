package service

import (
	"fmt"

	"carehub/careplan"
	"carehub/careplan/demo"
	"carehub/store"
)

// demoBatch is how many synthetic people go into one transaction: big enough to load 30,000
// in seconds, small enough that progress moves.
const demoBatch = 500

// Demo fills an empty store with synthetic people, for trying carehub out and for benchmarks.
type Demo struct{ base }

// LoadDemo fills the store with the desktop's demo hub: patients synthetic people from seed 1,
// reporting progress after each batch.
func (d *Demo) LoadDemo(patients int, progress func(done, total int)) error {
	return d.Load(1, patients, progress)
}

// Load fills the store with n synthetic people from the given seed, reporting progress after
// each batch. The same seed and day always give the same hub.
func (d *Demo) Load(seed uint64, n int, progress func(done, total int)) error {
	st, err := d.store()
	if err != nil {
		return err
	}
	return loadDemo(st, seed, n, d.today(), progress)
}

// loadDemo is Load on an open store.
func loadDemo(st *store.Store, seed uint64, n int, today careplan.Date, progress func(done, total int)) error {
	g := demo.New(seed, today)
	err := st.Import(func(b *store.Batch) error {
		for _, m := range g.Staff() {
			if err := b.SaveStaff(&m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("loading demo staff: %w", err)
	}
	if err := loadDemoServices(st); err != nil {
		return fmt.Errorf("loading demo services: %w", err)
	}
	for done := 0; done < n; {
		size := min(demoBatch, n-done)
		err := st.Import(func(b *store.Batch) error {
			for range size {
				if err := b.SavePerson(g.Next()); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("loading demo patients: %w", err)
		}
		done += size
		if progress != nil {
			progress(done, n)
		}
	}
	return nil
}
