package access

// PublishesSharedRecord reports whether the user may publish people's plans to the county's
// shared care record (carehub fhir push). Publishing sends consenting people's records out of
// the hub, like a sync bundle, so only those who run the hub do it: coordinators and
// administrators.
func (u User) PublishesSharedRecord() bool {
	return u.Active && (u.Has(Coordinator) || u.Has(Administrator) || u.Role == SharedHub)
}
