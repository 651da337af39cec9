package checker

// What each flag says: the situation the text shows, then what to do
// instead. A flag raised only by a screening answer has no text behind it,
// so it carries the advice alone.

var flagSituation = map[string]string{
	"domestic_abuse":         "The text shows domestic abuse between adults in this family, and an agreement cannot manage it: it puts the job of keeping the abuser away, or of not provoking them, on the adults in the relationship.",
	"case_closure":           "This agreement is made at, or to allow, the closure of the case. An agreement needs a social worker to review it, so it cannot be left in place when the work ends.",
	"coercion":               "The text shows someone being pressed to sign (\"if you do not sign…\", \"you have no choice\", signing as a condition). An agreement signed under threat is not an agreement.",
	"previous_breach":        "This agreement is written because an earlier one was broken. Another piece of paper will not change what happened.",
	"substitute_for_orders":  "This agreement is standing in for an order or for child protection planning that was sought and not obtained. That gives a dangerous illusion of compliance.",
	"reassure_professionals": "The stated purpose is to reassure professionals or managers. An agreement should say what will change for the child.",
	"out_of_control":         "This agreement tries to put controls around a situation that has been out of control. It is only a piece of paper.",
}

var flagAdvice = map[string]string{
	"domestic_abuse":         "Use a safety plan made with the person at risk and a domestic abuse service instead, and put what professionals will do about the abuser's behaviour in the child's plan.",
	"case_closure":           "If a specific risk remains at closure, write a written undertaking that names it, says who to contact if it is broken, and lists who gets a signed copy.",
	"coercion":               "Take out the threat; if the concern needs action the family will not agree to, use the proper route (a child protection conference, legal planning or the Public Law Outline).",
	"previous_breach":        "Review the plan with the family and your manager, and decide what else needs to happen, rather than writing the agreement again.",
	"substitute_for_orders":  "Go back to the plan and your manager about what will actually keep the child safe.",
	"reassure_professionals": "Deal with the professionals' concern itself, in the plan and in supervision.",
	"out_of_control":         "The situation needs a plan with real help and, if it is unsafe, a child protection response.",
}

// flagMessage is the message of a flag the text raised.
func flagMessage(id, noun string) string {
	s := flagSituation[id]
	if noun != "agreement" && len(s) > 15 && s[:15] == "The text shows " {
		return s + " " + flagAdvice[id]
	}
	return s + " " + flagAdvice[id]
}
