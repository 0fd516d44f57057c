package access

// MakesBackups reports whether the user may back the store up from the app and set where and
// how often the app does it by itself: a backup is a whole copy of the hub's records, so only
// those who run the hub make one.
func (u User) MakesBackups() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(Administrator))
}
