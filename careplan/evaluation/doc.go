// Package evaluation works out the figures a complex-care hub reports to commissioners for a
// "test and learn" pilot: how patient activation (PAM), loneliness, wellbeing and frailty
// changed across the cohort between each person's first and latest measurement in a period,
// and a pseudonymised CSV of the same for evaluators. It is pure: it reads what it is given
// and touches no store, file or screen.
//
// The rules, which docs/evaluation.md explains for evaluators:
//
//   - People in scope are those on the caseload who match the filter's practice and key worker
//     (the key worker currently named on the caseload), whatever their status.
//   - Only measurements that count (not entered in error) and were taken within the period
//     [From, To], both days included, are used. Nothing outside the period is looked at, so a
//     person's "first" PAM is their first one in the period, not their first ever.
//   - Patient activation uses PAM-13 and PAM-10 results with a valid level. A Carer PAM is about
//     the carer's activation, not the patient's, so it never counts here.
//   - "People with a first and a later PAM" have two or more counting PAMs in the period; each
//     change is the latest minus the first. Levels are the levels as reported by the licensed
//     tool, never recomputed from scores.
//   - Loneliness, wellbeing and frailty follow the same first-versus-latest rule, each measure
//     on its own: a person can be in the loneliness figures and not in the PAM ones.
//   - ONS4 wellbeing answers are averaged question by question and never added up: ONS reports
//     them separately, and anxiety runs the other way (lower is better).
//   - Service use (contacts and minutes per person per month) needs the contacts log, which is
//     not recorded yet; the report says so rather than showing a number.
package evaluation
