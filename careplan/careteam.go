package careplan

// Role is what a member of the hub's staff does.
type Role string

// Hub roles.
const (
	RoleKeyWorker   Role = "key worker"
	RoleCoordinator Role = "coordinator"
	RoleHubGP       Role = "hub GP"
)

// Specialism is a key worker's area of expertise.
type Specialism string

// The Symphony hubs' key-worker specialisms.
const (
	SpecSmoking      Specialism = "smoking cessation"
	SpecDementia     Specialism = "dementia"
	SpecFalls        Specialism = "falls"
	SpecTelehealth   Specialism = "telehealth"
	SpecTherapy      Specialism = "therapy support"
	SpecDischarge    Specialism = "community hospitals and discharge co-ordination"
	SpecMentalHealth Specialism = "mental health"
)

// Specialisms lists every key-worker specialism.
func Specialisms() []Specialism {
	return []Specialism{SpecSmoking, SpecDementia, SpecFalls, SpecTelehealth, SpecTherapy,
		SpecDischarge, SpecMentalHealth}
}

// StaffMember is someone on the hub's staff.
type StaffMember struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Role        Role         `json:"role"`
	Specialisms []Specialism `json:"specialisms,omitempty"`
	Phone       string       `json:"phone,omitempty"`
	Active      bool         `json:"active"`
}

// CareTeam is who at the hub looks after a person. Names are kept beside ids so a plan still
// reads correctly if a staff record is later changed.
type CareTeam struct {
	KeyWorkerID   string `json:"keyWorkerId,omitempty"`
	KeyWorker     string `json:"keyWorker,omitempty"`
	CoordinatorID string `json:"coordinatorId,omitempty"`
	Coordinator   string `json:"coordinator,omitempty"`
}
