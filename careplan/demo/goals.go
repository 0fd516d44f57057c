package demo

import "carehub/careplan"

// goalIdea is a goal as people put it in their own words, with the kinds of action that tend
// to go with it. fits lists the conditions it suits (empty: anyone).
type goalIdea struct {
	domain  careplan.Domain
	words   string
	fits    []string
	actions []actionIdea
}

// actionIdea is a step towards a goal. For a service, service names it; "" means the local
// social prescribing service.
type actionIdea struct {
	what    string
	owner   careplan.OwnerKind
	service string
}

const (
	wellbeingService = "Somerset Wellbeing Service"
	ageUK            = "Age UK Somerset"
	talkingTherapies = "Somerset Talking Therapies"
	alzheimers       = "Alzheimer's Society Somerset"
	breatheEasy      = "Breathe Easy Somerset"
	falls            = "Somerset falls prevention service"
	citizensAdvice   = "Citizens Advice Somerset"
	localConnector   = "" // the local social prescribing service
)

// goalIdeas lists the goals synthetic people set.
func goalIdeas() []goalIdea {
	p, kw, carer, svc := careplan.OwnerPatient, careplan.OwnerKeyWorker, careplan.OwnerCarer, careplan.OwnerService
	return []goalIdea{
		{careplan.DomainMovement, "I want to walk to the post office on my own again", nil, []actionIdea{
			{"Walk to the end of the road and back every morning", p, ""},
			{"Refer to the falls prevention exercise class", kw, ""},
			{"Walk with me on Sundays", carer, ""},
			{"Strength and balance class, Tuesdays", svc, falls},
		}},
		{careplan.DomainMovement, "I'd like to get back to my garden", []string{"396275006", "69896004", "82423001"}, []actionIdea{
			{"Ask the OT about a kneeler and long-handled tools", kw, ""},
			{"Ten minutes in the garden on dry days", p, ""},
			{"Put me in touch with the community garden group", svc, localConnector},
		}},
		{careplan.DomainMovement, "I don't want to fall again", []string{"49049000", "230690007", "266257000", "24700007"}, []actionIdea{
			{"Home falls assessment", kw, ""},
			{"Wear my pendant alarm every day", p, ""},
			{"Fit a second stair rail", carer, ""},
			{"Strength and balance programme", svc, falls},
		}},
		{careplan.DomainMovement, "I want to be able to get to chapel on Sundays", nil, []actionIdea{
			{"Find out about community transport", svc, localConnector},
			{"Practise the steps at the back door with my frame", p, ""},
		}},
		{careplan.DomainBody, "I want to stop ending up in hospital with my chest", []string{"13645005", "195967001"}, []actionIdea{
			{"Check my rescue pack is in date", p, ""},
			{"Set up home oxygen monitoring on the tablet", kw, ""},
			{"Join the Breathe Easy group", svc, breatheEasy},
			{"Pulmonary rehab referral", kw, ""},
		}},
		{careplan.DomainBody, "I want to understand my sugars so I feel in control", []string{"44054006"}, []actionIdea{
			{"Write my readings in the diary each morning", p, ""},
			{"Book the diabetes education course", kw, ""},
			{"Remind me to check my feet", carer, ""},
		}},
		{careplan.DomainBody, "I want to notice early when my heart is struggling", []string{"84114007", "49436004"}, []actionIdea{
			{"Weigh myself every morning and note it down", p, ""},
			{"Set up telehealth blood pressure and weight readings", kw, ""},
			{"Phone the heart failure nurse if I put on 2 kg in 3 days", p, ""},
		}},
		{careplan.DomainBody, "I'd like to stop smoking before my grandson's wedding", []string{"13645005", "195967001", "53741008"}, []actionIdea{
			{"Set a quit date", p, ""},
			{"Stop smoking support and patches", svc, wellbeingService},
			{"Keep the house smoke-free", carer, ""},
		}},
		{careplan.DomainBody, "I want my pain to be manageable so I can sleep", []string{"82423001", "396275006", "69896004"}, []actionIdea{
			{"Medication review with the practice pharmacist", kw, ""},
			{"Try the pain management course", svc, localConnector},
			{"Keep a pain and sleep diary for two weeks", p, ""},
		}},
		{careplan.DomainBody, "I want to take my tablets right every day", nil, []actionIdea{
			{"Ask the pharmacy for a dosette box", kw, ""},
			{"Fill the dosette box every Sunday", carer, ""},
			{"Tick the chart on the fridge", p, ""},
		}},
		{careplan.DomainMind, "I want to feel less low and worried", []string{"35489007"}, []actionIdea{
			{"Self-refer to talking therapies", p, ""},
			{"Talking therapy sessions", svc, talkingTherapies},
			{"Check in by phone every fortnight", kw, ""},
		}},
		{careplan.DomainMind, "I want to stay in my own home as long as I can", []string{"52448006"}, []actionIdea{
			{"Memory clinic follow-up", kw, ""},
			{"Dementia adviser visit", svc, alzheimers},
			{"Sort out lasting power of attorney", carer, ""},
			{"Put labels on the kitchen cupboards", carer, ""},
		}},
		{careplan.DomainMind, "I want to stop worrying about money", nil, []actionIdea{
			{"Benefits check", svc, citizensAdvice},
			{"Help with the Attendance Allowance form", kw, ""},
		}},
		{careplan.DomainMind, "I'd like to get back to doing my crosswords and reading", nil, []actionIdea{
			{"Large print books from the mobile library", svc, localConnector},
			{"Eye test at home", kw, ""},
		}},
		{careplan.DomainSocial, "I want to see my friends at the lunch club again", nil, []actionIdea{
			{"Find a lift to the lunch club", svc, localConnector},
			{"Ring the club to say I'm coming back", p, ""},
			{"Come with me the first time", carer, ""},
		}},
		{careplan.DomainSocial, "I've been lonely since I was widowed and want to get out more", nil, []actionIdea{
			{"Befriending service", svc, ageUK},
			{"Go to the Men's Shed open morning", p, ""},
			{"Ask about the community bus timetable", kw, ""},
		}},
		{careplan.DomainSocial, "I want to video call my grandchildren in Australia", nil, []actionIdea{
			{"Show me how to use the tablet for video calls", kw, ""},
			{"Digital buddy sessions", svc, ageUK},
		}},
		{careplan.DomainSocial, "I'd like my daughter to have a break from caring", nil, []actionIdea{
			{"Carer's assessment for my daughter", kw, ""},
			{"Day centre on Wednesdays", svc, localConnector},
		}},
		{careplan.DomainNutrition, "I want to eat properly and stop losing weight", nil, []actionIdea{
			{"Dietitian referral", kw, ""},
			{"Weigh myself every Monday", p, ""},
			{"Cook a proper meal with me twice a week", carer, ""},
			{"Community meals delivery", svc, ageUK},
		}},
		{careplan.DomainNutrition, "I want to lose a stone so my knees hurt less", []string{"396275006", "44054006", "38341003"}, []actionIdea{
			{"Healthy weight programme", svc, wellbeingService},
			{"Swap biscuits for fruit in the afternoons", p, ""},
		}},
		{careplan.DomainNutrition, "I want to cut down on salt for my blood pressure", []string{"38341003", "84114007", "709044004"}, []actionIdea{
			{"Read the labels when I shop", p, ""},
			{"Bring the home blood pressure machine", kw, ""},
		}},
		{careplan.DomainNutrition, "I want to drink enough so I don't get muddled", []string{"52448006", "709044004"}, []actionIdea{
			{"Leave a jug of squash where I can see it", carer, ""},
			{"Eight cups a day chart on the fridge", p, ""},
		}},
	}
}

// conditionWeights are rough relative prevalences of the hub's conditions among people with
// three or more, so hypertension and diabetes are common and multiple sclerosis rare.
func conditionWeights() map[string]int {
	return map[string]int{
		"38341003": 30, "44054006": 22, "396275006": 20, "709044004": 14, "13645005": 14,
		"35489007": 14, "53741008": 12, "49436004": 12, "82423001": 12, "84114007": 10,
		"195967001": 10, "52448006": 8, "363346000": 8, "230690007": 6, "266257000": 4,
		"69896004": 4, "49049000": 3, "24700007": 2, "84757009": 2,
	}
}
