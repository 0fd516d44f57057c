package careplan

// BuiltInTemplates are the starting templates carehub ships with, kept as data. The words are
// suggestions to talk through with the person and rewrite in their own words, not clinical
// guidance. A function, not a variable, so no caller can change another's copy.
func BuiltInTemplates() []Template {
	return []Template{
		{
			ID: "builtin-falls", BuiltIn: true, Name: "Falls and mobility",
			Description: "For someone who has fallen, or is worried about falling, and wants to stay on their feet.",
			Goals: []TemplateGoal{
				{Domain: DomainMovement, Suggestion: "I want to get about my home and garden without being afraid of falling", Actions: []TemplateAction{
					{What: "Try the chair-based strength exercises three times a week", Owner: OwnerPatient, WithinDays: 28},
					{What: "Refer to the community falls service for a strength and balance check", Owner: OwnerKeyWorker, WithinDays: 14},
				}},
				{Domain: DomainBody, Suggestion: "I want my home to be safer to move around in", Actions: []TemplateAction{
					{What: "Arrange a home safety visit (rails, lighting, rugs)", Owner: OwnerService, WithinDays: 28},
					{What: "Ask the GP practice for a medicines review of anything that makes me dizzy", Owner: OwnerKeyWorker, WithinDays: 21},
				}},
				{Domain: DomainSocial, Suggestion: "I want to know help will come if I do fall", Actions: []TemplateAction{
					{What: "Talk through a personal alarm and who holds a key", Owner: OwnerCarer, WithinDays: 14},
				}},
			},
		},
		{
			ID: "builtin-breathless", BuiltIn: true, Name: "Breathlessness with COPD and heart failure",
			Description: "For someone whose breathing limits what they do, living with COPD and heart failure.",
			Goals: []TemplateGoal{
				{Domain: DomainBody, Suggestion: "I want to spot when my breathing or my swelling is getting worse, before I end up in hospital", Actions: []TemplateAction{
					{What: "Weigh myself each morning and write it down", Owner: OwnerPatient, WithinDays: 7},
					{What: "Go through my rescue pack and when to use it", Owner: OwnerKeyWorker, WithinDays: 14},
				}},
				{Domain: DomainMovement, Suggestion: "I want to be able to walk a little further without stopping", Actions: []TemplateAction{
					{What: "Refer to pulmonary rehabilitation", Owner: OwnerKeyWorker, WithinDays: 21},
					{What: "Practise the breathing control exercise when I feel short of breath", Owner: OwnerPatient, WithinDays: 14},
				}},
				{Domain: DomainMind, Suggestion: "I want to feel less panicky when I get breathless", Actions: []TemplateAction{
					{What: "Try a breathlessness support group", Owner: OwnerService, WithinDays: 42},
				}},
			},
		},
		{
			ID: "builtin-lonely", BuiltIn: true, Name: "Loneliness and low mood",
			Description: "For someone who feels cut off from people or low in themselves.",
			Goals: []TemplateGoal{
				{Domain: DomainSocial, Suggestion: "I want to have someone to talk to most days", Actions: []TemplateAction{
					{What: "Meet the community connector to look at local groups", Owner: OwnerService, WithinDays: 21},
					{What: "Phone one friend or family member each week", Owner: OwnerPatient, WithinDays: 7},
				}},
				{Domain: DomainMind, Suggestion: "I want to feel more like myself again", Actions: []TemplateAction{
					{What: "Talk to the GP about how my mood has been", Owner: OwnerPatient, WithinDays: 14},
					{What: "Share information on talking therapies I can refer myself to", Owner: OwnerKeyWorker, WithinDays: 7},
				}},
				{Domain: DomainMovement, Suggestion: "I want to get out of the house more", Actions: []TemplateAction{
					{What: "Go for a short walk on dry days", Owner: OwnerPatient, WithinDays: 14},
				}},
			},
		},
		{
			ID: "builtin-diabetes-kidney", BuiltIn: true, Name: "Diabetes with kidney disease",
			Description: "For someone living with diabetes and chronic kidney disease.",
			Goals: []TemplateGoal{
				{Domain: DomainNutrition, Suggestion: "I want to understand what to eat and drink to look after my kidneys and my sugars", Actions: []TemplateAction{
					{What: "Refer to the dietitian", Owner: OwnerKeyWorker, WithinDays: 21},
					{What: "Keep a food diary for one week", Owner: OwnerPatient, WithinDays: 14},
				}},
				{Domain: DomainBody, Suggestion: "I want to keep on top of my checks so problems are caught early", Actions: []TemplateAction{
					{What: "Book the annual diabetes review with blood and urine tests", Owner: OwnerPatient, WithinDays: 28},
					{What: "Book a foot check", Owner: OwnerService, WithinDays: 42},
				}},
				{Domain: DomainMind, Suggestion: "I want to feel confident about my medicines", Actions: []TemplateAction{
					{What: "Ask the pharmacist for a medicines use review", Owner: OwnerKeyWorker, WithinDays: 28},
				}},
			},
		},
	}
}
