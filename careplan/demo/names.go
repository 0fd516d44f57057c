package demo

// The name lists mix the common with names that trip up software: diacritics (Siân, Zoë,
// Renée), apostrophes (O'Brien, D'Arcy), spaces (Ní Bhriain) and hyphens, so search, sorting
// and printing are exercised on realistic text. They are functions, not package variables, so
// nothing can change them between generators.

// femaleGivenNames are given names for women aged 45-95 in Somerset today.
func femaleGivenNames() []string {
	return []string{
		"Margaret", "Susan", "Patricia", "Christine", "Elizabeth", "Mary", "Jean", "Linda",
		"Janet", "Carol", "Sandra", "Barbara", "Ann", "Jennifer", "Pauline", "Maureen",
		"Valerie", "Sheila", "Gillian", "Julie", "Karen", "Deborah", "Helen", "Joan",
		"Dorothy", "Irene", "Sarah", "Alison", "Wendy", "Brenda", "Rosemary", "Shirley",
	}
}

// distinctiveFemaleNames are women's names with accents and spellings that software mangles.
func distinctiveFemaleNames() []string {
	return []string{
		"Siân", "Zoë", "Rhiannon", "Aoife", "Chloë", "Renée", "Siobhán", "Bronwen",
		"Gwenllïan", "Niamh", "Noëlle", "Åsa", "Małgorzata", "Agnieszka", "Dóra", "Éabha",
	}
}

// maleGivenNames are given names for men aged 45-95 in Somerset today.
func maleGivenNames() []string {
	return []string{
		"John", "David", "Michael", "Peter", "Robert", "William", "Richard", "Brian",
		"Alan", "Anthony", "Stephen", "Christopher", "Paul", "Kenneth", "Keith", "Colin",
		"Graham", "Trevor", "Roger", "Geoffrey", "Derek", "Raymond", "Terence", "Malcolm",
		"Ian", "Martin", "Nigel", "Clive", "Gareth", "Dennis", "Roy", "Barry",
	}
}

// distinctiveMaleNames are men's names with accents and spellings that software mangles.
func distinctiveMaleNames() []string {
	return []string{
		"Seán", "Dafydd", "Rhodri", "Ciarán", "Eoin", "Iestyn", "Padraig", "José",
		"Zbigniew", "Tomás", "Øyvind", "Jürgen", "Łukasz", "Rónán",
	}
}

// familyNames are surnames, common ones listed more than once so they come up more often.
func familyNames() []string {
	return []string{
		"Smith", "Smith", "Smith", "Jones", "Jones", "Williams", "Williams", "Brown", "Brown",
		"Taylor", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
		"Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green",
		"Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
		"Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker",
		"Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
		"Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook",
		"Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller",
		"Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams",
		"Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers",
		"Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer",
		"Holmes", "Mills", "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker",
		"Fisher", "Stevens", "Jenkins", "Dixon", "Fletcher", "Pearce", "Hole", "Chedzoy",
		"Coombes", "Vowles", "Puddy", "Gooding", "Hembrow", "Perrett", "Tucker", "Dyer",
	}
}

// distinctiveFamilyNames are surnames with apostrophes, spaces, hyphens and accents.
func distinctiveFamilyNames() []string {
	return []string{
		"O'Brien", "O'Brien", "O'Connor", "O'Neill", "D'Arcy", "D'Souza", "Ní Bhriain",
		"Mac Giolla Phádraig", "Fitzgerald-O'Hara", "Smith-Jones", "Brontë", "Müller",
		"Nowak", "Wiśniewski", "Kowalczyk", "Lefèvre", "Ferreira", "Gonçalves", "Öztürk",
		"Ó Súilleabháin", "ap Rhys", "de la Mare", "Le Sueur", "McAllister", "MacLeod",
	}
}

// preferredNames gives the name someone goes by, for given names that often have one.
func preferredNames() map[string][]string {
	return map[string][]string{
		"Margaret":    {"Peggy", "Maggie", "Meg"},
		"Elizabeth":   {"Betty", "Liz", "Beth"},
		"Patricia":    {"Pat", "Trish"},
		"Susan":       {"Sue"},
		"Jennifer":    {"Jenny"},
		"Dorothy":     {"Dot"},
		"William":     {"Bill", "Billy"},
		"Robert":      {"Bob", "Rob"},
		"Richard":     {"Dick", "Rick"},
		"Anthony":     {"Tony"},
		"Christopher": {"Chris"},
		"Kenneth":     {"Ken"},
		"Terence":     {"Terry"},
		"Geoffrey":    {"Geoff"},
		"Dafydd":      {"Dai"},
		"Małgorzata":  {"Gosia"},
		"Zbigniew":    {"Zbyszek"},
	}
}

// staffNames are the hub's staff, in the order Staff hands out roles.
func staffNames() []string {
	return []string{
		"Kerry Hole", "Sam Green", "Bethan Lloyd-Evans", "Tomasz Nowicki", "Jo Pearce",
		"Ade Okafor", "Róisín Kavanagh", "Lucy Vowles",
		"Helen Tucker", "Mark D'Souza", "Gail Perrett",
		"Dr Anjali Rao",
	}
}

// gpSurnames are for the practices' nominating GPs.
func gpSurnames() []string {
	return []string{"Rees", "Hart", "Osei", "MacDonald", "Fenwick", "Chaudhry", "Beaumont",
		"Lim", "Ó Briain", "Stanton", "Whitlock", "Adeyemi"}
}

// relationships are how unpaid carers are related to the person.
func relationships() []string {
	return []string{"wife", "husband", "daughter", "son", "partner", "daughter-in-law",
		"neighbour", "friend", "sister", "brother", "granddaughter"}
}

// interpreterLanguages are the languages hubs most often book interpreters for.
func interpreterLanguages() []string {
	return []string{"Polish", "Portuguese", "Romanian", "Bulgarian", "Lithuanian",
		"British Sign Language", "Bengali", "Cantonese", "Turkish", "Arabic"}
}

// otherNeeds are the notes staff add about how to communicate with someone.
func otherNeeds() []string {
	return []string{
		"Hard of hearing: face me when you speak",
		"Partially sighted: please phone rather than write",
		"Easy-read information, please",
		"Best reached in the mornings",
		"Please speak to my daughter first",
	}
}
