package fhir

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// Every resource of a person's export (Patient, Conditions, CareTeam, Goals, Observations,
// CarePlan, Consents, Encounters) has a hand-written encoder: encoding/json found their
// fields by reflection each time; these hand-written encoders append exactly the bytes
// json.Encoder would (field order, omitempty, HTML-safe string escapes, float formatting), so a
// file is the same whichever encodes it (TestDirectEncodingIsEncodingJSON). A resource type
// without one still goes through encoding/json.

// directEncoder is a resource that can append its own JSON.
type directEncoder interface {
	appendJSON(b []byte) []byte
}

// appendEntry appends the transaction entry for r (EntryFor(r), already relinked) as
// json.Encoder writes it, without its newline.
func appendEntry(b []byte, e Entry, r directEncoder) []byte {
	b = append(b, `{"fullUrl":`...)
	b = appendString(b, e.FullURL)
	b = append(b, `,"resource":`...)
	b = r.appendJSON(b)
	b = append(b, `,"request":{"method":`...)
	b = appendString(b, e.Request.Method)
	b = append(b, `,"url":`...)
	b = appendString(b, e.Request.URL)
	return append(b, "}}"...)
}

func (r *ObservationResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	b = append(b, `,"status":`...)
	b = appendString(b, r.Status)
	b = append(b, `,"category":`...)
	b = appendListOrNull(b, r.Category, CodeableConcept.appendJSON)
	b = append(b, `,"code":`...)
	b = r.Code.appendJSON(b)
	b = append(b, `,"subject":`...)
	b = appendPtr(b, r.Subject, Reference.appendJSON)
	if r.EffectiveDateTime != "" {
		b = append(b, `,"effectiveDateTime":`...)
		b = appendString(b, r.EffectiveDateTime)
	}
	if len(r.Performer) > 0 {
		b = append(b, `,"performer":`...)
		b = appendList(b, r.Performer, Reference.appendJSON)
	}
	if r.ValueQuantity != nil {
		b = append(b, `,"valueQuantity":`...)
		b = r.ValueQuantity.appendJSON(b)
	}
	if r.ValueInteger != nil {
		b = append(b, `,"valueInteger":`...)
		b = strconv.AppendInt(b, int64(*r.ValueInteger), 10)
	}
	if r.Method != nil {
		b = append(b, `,"method":`...)
		b = r.Method.appendJSON(b)
	}
	if len(r.Note) > 0 {
		b = append(b, `,"note":`...)
		b = appendList(b, r.Note, Annotation.appendJSON)
	}
	if len(r.Component) > 0 {
		b = append(b, `,"component":`...)
		b = appendList(b, r.Component, Component.appendJSON)
	}
	return append(b, '}')
}

func (r *EncounterResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	b = append(b, `,"status":`...)
	b = appendString(b, r.Status)
	b = append(b, `,"class":`...)
	b = r.Class.appendJSON(b)
	if len(r.Type) > 0 {
		b = append(b, `,"type":`...)
		b = appendList(b, r.Type, CodeableConcept.appendJSON)
	}
	b = append(b, `,"subject":`...)
	b = appendPtr(b, r.Subject, Reference.appendJSON)
	if len(r.Participant) > 0 {
		b = append(b, `,"participant":`...)
		b = appendList(b, r.Participant, EncounterParticipant.appendJSON)
	}
	if r.Period != nil {
		b = append(b, `,"period":`...)
		b = r.Period.appendJSON(b)
	}
	if r.Length != nil {
		b = append(b, `,"length":`...)
		b = r.Length.appendJSON(b)
	}
	return append(b, '}')
}

func (r *ConditionResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	b = append(b, `,"clinicalStatus":`...)
	b = r.ClinicalStatus.appendJSON(b)
	b = append(b, `,"verificationStatus":`...)
	b = r.VerificationStatus.appendJSON(b)
	b = append(b, `,"category":`...)
	b = appendListOrNull(b, r.Category, CodeableConcept.appendJSON)
	b = append(b, `,"code":`...)
	b = r.Code.appendJSON(b)
	b = append(b, `,"subject":`...)
	b = appendPtr(b, r.Subject, Reference.appendJSON)
	if r.RecordedDate != "" {
		b = append(b, `,"recordedDate":`...)
		b = appendString(b, r.RecordedDate)
	}
	return append(b, '}')
}

func (r *GoalResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	if len(r.Extension) > 0 {
		b = append(b, `,"extension":`...)
		b = appendList(b, r.Extension, Extension.appendJSON)
	}
	b = append(b, `,"lifecycleStatus":`...)
	b = appendString(b, r.LifecycleStatus)
	if r.AchievementStatus != nil {
		b = append(b, `,"achievementStatus":`...)
		b = r.AchievementStatus.appendJSON(b)
	}
	if len(r.Category) > 0 {
		b = append(b, `,"category":`...)
		b = appendList(b, r.Category, CodeableConcept.appendJSON)
	}
	b = append(b, `,"description":`...)
	b = r.Description.appendJSON(b)
	b = append(b, `,"subject":`...)
	b = appendPtr(b, r.Subject, Reference.appendJSON)
	if r.StatusDate != "" {
		b = append(b, `,"statusDate":`...)
		b = appendString(b, r.StatusDate)
	}
	if r.StatusReason != "" {
		b = append(b, `,"statusReason":`...)
		b = appendString(b, r.StatusReason)
	}
	return append(b, '}')
}

func (r *ConsentResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	b = append(b, `,"status":`...)
	b = appendString(b, r.Status)
	b = append(b, `,"scope":`...)
	b = r.Scope.appendJSON(b)
	b = append(b, `,"category":`...)
	b = appendListOrNull(b, r.Category, CodeableConcept.appendJSON)
	b = append(b, `,"patient":`...)
	b = appendPtr(b, r.Patient, Reference.appendJSON)
	if r.DateTime != "" {
		b = append(b, `,"dateTime":`...)
		b = appendString(b, r.DateTime)
	}
	b = append(b, `,"policyRule":`...)
	b = r.PolicyRule.appendJSON(b)
	if r.Provision != nil {
		b = append(b, `,"provision":`...)
		b = r.Provision.appendJSON(b)
	}
	return append(b, '}')
}

func (x Provision) appendJSON(b []byte) []byte {
	b = append(b, `{"type":`...)
	b = appendString(b, x.Type)
	if x.Period != nil {
		b = append(b, `,"period":`...)
		b = x.Period.appendJSON(b)
	}
	if len(x.Actor) > 0 {
		b = append(b, `,"actor":`...)
		b = appendList(b, x.Actor, ConsentActor.appendJSON)
	}
	return append(b, '}')
}

func (x ConsentActor) appendJSON(b []byte) []byte {
	b = append(b, `{"role":`...)
	b = x.Role.appendJSON(b)
	b = append(b, `,"reference":`...)
	b = x.Reference.appendJSON(b)
	return append(b, '}')
}

func (r *CareTeamResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	b = append(b, `,"status":`...)
	b = appendString(b, r.Status)
	if r.Name != "" {
		b = append(b, `,"name":`...)
		b = appendString(b, r.Name)
	}
	b = append(b, `,"subject":`...)
	b = appendPtr(b, r.Subject, Reference.appendJSON)
	if len(r.Participant) > 0 {
		b = append(b, `,"participant":`...)
		b = appendList(b, r.Participant, Participant.appendJSON)
	}
	return append(b, '}')
}

func (x Participant) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	if len(x.Role) > 0 {
		o.key("role")
		o.b = appendList(o.b, x.Role, CodeableConcept.appendJSON)
	}
	if x.Member != nil {
		o.key("member")
		o.b = x.Member.appendJSON(o.b)
	}
	if x.OnBehalfOf != nil {
		o.key("onBehalfOf")
		o.b = x.OnBehalfOf.appendJSON(o.b)
	}
	return append(o.b, '}')
}

func (r *CarePlanResource) appendJSON(b []byte) []byte {
	b = r.Base.appendFields(b)
	if len(r.Extension) > 0 {
		b = append(b, `,"extension":`...)
		b = appendList(b, r.Extension, Extension.appendJSON)
	}
	b = append(b, `,"status":`...)
	b = appendString(b, r.Status)
	b = append(b, `,"intent":`...)
	b = appendString(b, r.Intent)
	o := object{b: b, more: true}
	o.str("title", r.Title)
	o.str("description", r.Description)
	o.key("subject")
	o.b = appendPtr(o.b, r.Subject, Reference.appendJSON)
	if r.Period != nil {
		o.key("period")
		o.b = r.Period.appendJSON(o.b)
	}
	o.str("created", r.Created)
	if r.Author != nil {
		o.key("author")
		o.b = r.Author.appendJSON(o.b)
	}
	o.refs("careTeam", r.CareTeam)
	o.refs("addresses", r.Addresses)
	o.refs("supportingInfo", r.SupportingInfo)
	o.refs("goal", r.Goal)
	if len(r.Activity) > 0 {
		o.key("activity")
		o.b = appendList(o.b, r.Activity, CarePlanActivity.appendJSON)
	}
	if len(r.Note) > 0 {
		o.key("note")
		o.b = appendList(o.b, r.Note, Annotation.appendJSON)
	}
	return append(o.b, '}')
}

func (x CarePlanActivity) appendJSON(b []byte) []byte {
	b = append(b, `{"detail":`...)
	b = x.Detail.appendJSON(b)
	return append(b, '}')
}

func (x ActivityDetail) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.refs("goal", x.Goal)
	o.key("status")
	o.b = appendString(o.b, x.Status)
	if x.ScheduledPeriod != nil {
		o.key("scheduledPeriod")
		o.b = x.ScheduledPeriod.appendJSON(o.b)
	}
	o.refs("performer", x.Performer)
	o.str("description", x.Description)
	return append(o.b, '}')
}

// appendJSON writes the Patient's own identifiers (NHS number first) in place of Base's, as
// encoding/json does with the shallower field.
func (r *PatientResource) appendJSON(b []byte) []byte {
	base := r.Base
	base.Identifier = nil
	b = base.appendFields(b)
	if len(r.Extension) > 0 {
		b = append(b, `,"extension":`...)
		b = appendList(b, r.Extension, Extension.appendJSON)
	}
	b = append(b, `,"identifier":`...)
	b = appendListOrNull(b, r.Identifier, Identifier.appendJSON)
	b = append(b, `,"active":`...)
	b = strconv.AppendBool(b, r.Active)
	o := object{b: b, more: true}
	if len(r.Name) > 0 {
		o.key("name")
		o.b = appendList(o.b, r.Name, HumanName.appendJSON)
	}
	if len(r.Telecom) > 0 {
		o.key("telecom")
		o.b = appendList(o.b, r.Telecom, ContactPoint.appendJSON)
	}
	o.str("birthDate", r.BirthDate)
	if r.DeceasedBoolean {
		o.key("deceasedBoolean")
		o.b = append(o.b, "true"...)
	}
	o.str("deceasedDateTime", r.DeceasedDateTime)
	if len(r.Address) > 0 {
		o.key("address")
		o.b = appendList(o.b, r.Address, Address.appendJSON)
	}
	if len(r.Contact) > 0 {
		o.key("contact")
		o.b = appendList(o.b, r.Contact, PatientContact.appendJSON)
	}
	if len(r.Communication) > 0 {
		o.key("communication")
		o.b = appendList(o.b, r.Communication, Communication.appendJSON)
	}
	o.refs("generalPractitioner", r.GeneralPractitioner)
	return append(o.b, '}')
}

func (x PatientContact) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	if len(x.Relationship) > 0 {
		o.key("relationship")
		o.b = appendList(o.b, x.Relationship, CodeableConcept.appendJSON)
	}
	if x.Name != nil {
		o.key("name")
		o.b = x.Name.appendJSON(o.b)
	}
	if len(x.Telecom) > 0 {
		o.key("telecom")
		o.b = appendList(o.b, x.Telecom, ContactPoint.appendJSON)
	}
	return append(o.b, '}')
}

func (x Communication) appendJSON(b []byte) []byte {
	b = append(b, `{"language":`...)
	b = x.Language.appendJSON(b)
	return append(b, '}')
}

func (x HumanName) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.str("use", x.Use)
	o.str("text", x.Text)
	o.str("family", x.Family)
	if len(x.Given) > 0 {
		o.key("given")
		o.b = appendList(o.b, x.Given, appendStringValue)
	}
	return append(o.b, '}')
}

func (x ContactPoint) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.str("system", x.System)
	o.str("value", x.Value)
	o.str("use", x.Use)
	return append(o.b, '}')
}

func (x Address) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.str("use", x.Use)
	o.str("text", x.Text)
	o.str("postalCode", x.PostalCode)
	return append(o.b, '}')
}

// appendFields opens the resource's object with Base's fields; the resource adds its own and
// closes it.
func (x *Base) appendFields(b []byte) []byte {
	b = append(b, `{"resourceType":`...)
	b = appendString(b, x.Type)
	if x.ID != "" {
		b = append(b, `,"id":`...)
		b = appendString(b, x.ID)
	}
	if x.Meta != nil {
		b = append(b, `,"meta":`...)
		b = x.Meta.appendJSON(b)
	}
	if len(x.Identifier) > 0 {
		b = append(b, `,"identifier":`...)
		b = appendList(b, x.Identifier, Identifier.appendJSON)
	}
	return b
}

func (x Meta) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if len(x.Profile) > 0 {
		b = append(b, `"profile":`...)
		b = appendList(b, x.Profile, appendStringValue)
	}
	return append(b, '}')
}

func (x Coding) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.str("system", x.System)
	o.str("code", x.Code)
	o.str("display", x.Display)
	return append(o.b, '}')
}

func (x CodeableConcept) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	if len(x.Coding) > 0 {
		o.key("coding")
		o.b = appendList(o.b, x.Coding, Coding.appendJSON)
	}
	o.str("text", x.Text)
	return append(o.b, '}')
}

func (x Identifier) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	if len(x.Extension) > 0 {
		o.key("extension")
		o.b = appendList(o.b, x.Extension, Extension.appendJSON)
	}
	o.str("system", x.System)
	o.str("value", x.Value)
	return append(o.b, '}')
}

func (x Reference) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.str("reference", x.Reference)
	if x.Identifier != nil {
		o.key("identifier")
		o.b = x.Identifier.appendJSON(o.b)
	}
	o.str("display", x.Display)
	return append(o.b, '}')
}

func (x Period) appendJSON(b []byte) []byte {
	o := object{b: append(b, '{')}
	o.str("start", x.Start)
	o.str("end", x.End)
	return append(o.b, '}')
}

func (x Extension) appendJSON(b []byte) []byte {
	b = append(b, `{"url":`...)
	b = appendString(b, x.URL)
	if len(x.Extension) > 0 {
		b = append(b, `,"extension":`...)
		b = appendList(b, x.Extension, Extension.appendJSON)
	}
	if x.ValueDate != "" {
		b = append(b, `,"valueDate":`...)
		b = appendString(b, x.ValueDate)
	}
	if x.ValueInteger != nil {
		b = append(b, `,"valueInteger":`...)
		b = strconv.AppendInt(b, int64(*x.ValueInteger), 10)
	}
	if x.ValueBoolean != nil {
		b = append(b, `,"valueBoolean":`...)
		b = strconv.AppendBool(b, *x.ValueBoolean)
	}
	if x.ValueCodeableConcept != nil {
		b = append(b, `,"valueCodeableConcept":`...)
		b = x.ValueCodeableConcept.appendJSON(b)
	}
	return append(b, '}')
}

func (x Annotation) appendJSON(b []byte) []byte {
	b = append(b, `{"text":`...)
	b = appendString(b, x.Text)
	return append(b, '}')
}

func (x Quantity) appendJSON(b []byte) []byte {
	b = append(b, `{"value":`...)
	b = appendFloat(b, x.Value)
	o := object{b: b, more: true}
	o.str("unit", x.Unit)
	o.str("system", x.System)
	o.str("code", x.Code)
	return append(o.b, '}')
}

func (x Component) appendJSON(b []byte) []byte {
	b = append(b, `{"code":`...)
	b = x.Code.appendJSON(b)
	if x.ValueInteger != nil {
		b = append(b, `,"valueInteger":`...)
		b = strconv.AppendInt(b, int64(*x.ValueInteger), 10)
	}
	if x.ValueConcept != nil {
		b = append(b, `,"valueCodeableConcept":`...)
		b = x.ValueConcept.appendJSON(b)
	}
	return append(b, '}')
}

func (x EncounterParticipant) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if x.Individual != nil {
		b = append(b, `"individual":`...)
		b = x.Individual.appendJSON(b)
	}
	return append(b, '}')
}

// object appends an object's members, a comma before each but the first.
type object struct {
	b    []byte
	more bool // a member has been written
}

func (o *object) key(name string) {
	if o.more {
		o.b = append(o.b, ',')
	}
	o.more = true
	o.b = append(o.b, '"')
	o.b = append(o.b, name...)
	o.b = append(o.b, '"', ':')
}

// str appends a string member, left out when empty (omitempty).
func (o *object) str(name, v string) {
	if v == "" {
		return
	}
	o.key(name)
	o.b = appendString(o.b, v)
}

// refs appends a list of references, left out when empty (omitempty).
func (o *object) refs(name string, rs []Reference) {
	if len(rs) == 0 {
		return
	}
	o.key(name)
	o.b = appendList(o.b, rs, Reference.appendJSON)
}

// appendList appends a JSON array of xs.
func appendList[T any](b []byte, xs []T, each func(T, []byte) []byte) []byte {
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(x, b)
	}
	return append(b, ']')
}

// appendListOrNull appends a list that is not omitempty: null when nil, as encoding/json.
func appendListOrNull[T any](b []byte, xs []T, each func(T, []byte) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	return appendList(b, xs, each)
}

// appendPtr appends *p, or null.
func appendPtr[T any](b []byte, p *T, each func(T, []byte) []byte) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	return each(*p, b)
}

func appendStringValue(s string, b []byte) []byte { return appendString(b, s) }

// appendFloat formats f as encoding/json does: shortest form, exponent only for very large or
// small magnitudes, with a one-digit negative exponent. NaN and infinities cannot occur in a
// measure (encoding/json refuses them); they are written as null here.
func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way json.Encoder does with HTML escaping on (its
// default): <, > and & as \u003c, \u003e, \u0026; U+2028 and U+2029 escaped; invalid UTF-8 as
// U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
