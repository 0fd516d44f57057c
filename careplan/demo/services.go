package demo

import "carehub/careplan"

// Services is a made-up directory of community services for a demo hub, so the plan editor
// has something to signpost to. Names are invented; the phone numbers are in Ofcom's range
// kept for drama (01632 960xxx), so none of them rings anyone.
func Services() []careplan.Service {
	return []careplan.Service{
		{Name: "Community Connectors (demo)", Offers: "A local connector who helps find groups, clubs and volunteering", Area: "Mendip", Contact: "01632 960101"},
		{Name: "Walking for Health (demo)", Offers: "Short, led walks at an easy pace", Area: "Frome and Shepton Mallet", Contact: "01632 960102"},
		{Name: "Breathe Easy Group (demo)", Offers: "Monthly support group for people living with a lung condition", Area: "Taunton Deane", Contact: "01632 960103"},
		{Name: "Lunch Club at the Methodist Hall (demo)", Offers: "Hot lunch and company every Wednesday; transport can be arranged", Area: "Yeovil", Contact: "01632 960104"},
		{Name: "Strength and Balance Classes (demo)", Offers: "Twelve-week falls prevention exercise course", Area: "South Somerset", Contact: "01632 960105"},
		{Name: "Carers' Support Service (demo)", Offers: "Advice, a carer's assessment and breaks for unpaid carers", Area: "Somerset", Contact: "01632 960106"},
		{Name: "Talking Therapies self-referral (demo)", Offers: "Talking therapy for low mood and anxiety; people can refer themselves", Area: "Somerset", Contact: "01632 960107"},
	}
}
