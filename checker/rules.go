package checker

// Rule kinds in the catalogue.
const (
	RuleCriterion = "criterion"
	RuleFlag      = "flag"
	RuleFinding   = "finding"
)

// Rule describes one criterion, flag or finding rule: what the handbook's
// checker page and `handbook rules` list, and what the site build checks
// links for.
type Rule struct {
	ID        string
	Kind      string // RuleCriterion, RuleFlag or RuleFinding
	Criterion string // for findings: the criterion they count against ("" if none)
	Title     string
	Guidance  string // path relative to the handbook root, e.g. "good-written-agreements/#review"
	// AppliesTo lists the document kinds a criterion is judged for.
	AppliesTo []string
}

var (
	both          = []string{KindAgreement, KindUndertaking}
	agreementOnly = []string{KindAgreement}
	undertaking   = []string{KindUndertaking}
)

// catalogue is every rule in report order: criteria in the contract's
// order, then flags, then finding rules.
var catalogue = []Rule{
	{ID: "aim", Kind: RuleCriterion, Title: "Clear about its aim", Guidance: "good-written-agreements/#aim", AppliesTo: agreementOnly},
	{ID: "specific", Kind: RuleCriterion, Title: "Specific: who does what, in words that cannot be misread", Guidance: "good-written-agreements/#specific", AppliesTo: both},
	{ID: "measurable", Kind: RuleCriterion, Title: "Measurable: others can tell whether it was done", Guidance: "good-written-agreements/#measurable", AppliesTo: agreementOnly},
	{ID: "achievable", Kind: RuleCriterion, Title: "Achievable and realistic", Guidance: "good-written-agreements/#achievable", AppliesTo: agreementOnly},
	{ID: "time_limited", Kind: RuleCriterion, Title: "Time-limited: a start and an end", Guidance: "good-written-agreements/#time-limited", AppliesTo: agreementOnly},
	{ID: "timescales", Kind: RuleCriterion, Title: "Clear about timescales for each action", Guidance: "good-written-agreements/#timescales", AppliesTo: agreementOnly},
	{ID: "balanced", Kind: RuleCriterion, Title: "Balanced: professionals commit too", Guidance: "good-written-agreements/#balanced", AppliesTo: agreementOnly},
	{ID: "support", Kind: RuleCriterion, Title: "Clear about support for the family", Guidance: "good-written-agreements/#support", AppliesTo: agreementOnly},
	{ID: "plans", Kind: RuleCriterion, Title: "Built on an existing plan", Guidance: "good-written-agreements/#plans", AppliesTo: agreementOnly},
	{ID: "consequences", Kind: RuleCriterion, Title: "Clear about consequences, for everyone", Guidance: "good-written-agreements/#consequences", AppliesTo: both},
	{ID: "breach_contact", Kind: RuleCriterion, Title: "Says whom to contact if it is broken", Guidance: "written-undertakings/#breach-contact", AppliesTo: undertaking},
	{ID: "copies", Kind: RuleCriterion, Title: "Says which agencies get a signed copy", Guidance: "written-undertakings/#copies", AppliesTo: undertaking},
	{ID: "contingency", Kind: RuleCriterion, Title: "Clear about what happens if things go wrong", Guidance: "good-written-agreements/#contingency", AppliesTo: agreementOnly},
	{ID: "plain_language", Kind: RuleCriterion, Title: "Written in plain language", Guidance: "good-written-agreements/#plain-language", AppliesTo: both},
	{ID: "review", Kind: RuleCriterion, Title: "Clear about when it will be reviewed", Guidance: "good-written-agreements/#review", AppliesTo: both},
	{ID: "signed", Kind: RuleCriterion, Title: "Signed and dated by everyone", Guidance: "good-written-agreements/#signed", AppliesTo: both},
	{ID: "consistent", Kind: RuleCriterion, Title: "Consistent: does not contradict itself", Guidance: "good-written-agreements/#consistent", AppliesTo: both},

	{ID: "domestic_abuse", Kind: RuleFlag, Title: "Domestic abuse: use a safety plan", Guidance: "agreements-undertakings-and-safety-plans/#domestic-abuse"},
	{ID: "case_closure", Kind: RuleFlag, Title: "Case closure: use a written undertaking, if anything", Guidance: "when-never-to-use/#case-closure"},
	{ID: "coercion", Kind: RuleFlag, Title: "Coercion: an agreement cannot force anyone", Guidance: "when-never-to-use/#coercion"},
	{ID: "previous_breach", Kind: RuleFlag, Title: "An earlier agreement was broken: review the plan instead", Guidance: "when-never-to-use/#previous-breach"},
	{ID: "substitute_for_orders", Kind: RuleFlag, Title: "Not a substitute for orders or child protection planning", Guidance: "when-never-to-use/#substitute-for-orders"},
	{ID: "reassure_professionals", Kind: RuleFlag, Title: "Not a way to reassure professionals", Guidance: "when-never-to-use/#reassure-professionals"},
	{ID: "out_of_control", Kind: RuleFlag, Title: "Not a control on a situation that is out of control", Guidance: "when-never-to-use/#out-of-control"},

	{ID: "vague-term", Kind: RuleFinding, Criterion: "specific", Title: "A word in a commitment that can be read many ways", Guidance: "good-written-agreements/#specific"},
	{ID: "absolute", Kind: RuleFinding, Criterion: "achievable", Title: "An absolute demand no one can keep", Guidance: "good-written-agreements/#achievable"},
	{ID: "child-actor", Kind: RuleFinding, Criterion: "achievable", Title: "A commitment that rests on a young child", Guidance: "good-written-agreements/#achievable"},
	{ID: "undefined-acronym", Kind: RuleFinding, Criterion: "plain_language", Title: "An acronym that is not explained", Guidance: "good-written-agreements/#plain-language"},
	{ID: "jargon", Kind: RuleFinding, Criterion: "plain_language", Title: "Professional jargon", Guidance: "good-written-agreements/#plain-language"},
	{ID: "long-sentence", Kind: RuleFinding, Criterion: "plain_language", Title: "A sentence too long to follow easily", Guidance: "good-written-agreements/#plain-language"},
	{ID: "placeholder", Kind: RuleFinding, Title: "Template text left in the draft", Guidance: "good-written-agreements/#finished"},
	{ID: "wrong-weekday", Kind: RuleFinding, Criterion: "consistent", Title: "A weekday that does not match its date", Guidance: "good-written-agreements/#consistent"},
	{ID: "end-before-start", Kind: RuleFinding, Criterion: "consistent", Title: "An end date before the start date", Guidance: "good-written-agreements/#consistent"},
	{ID: "review-after-end", Kind: RuleFinding, Criterion: "consistent", Title: "A review after the agreement ends", Guidance: "good-written-agreements/#consistent"},
	{ID: "clashing-days", Kind: RuleFinding, Criterion: "consistent", Title: "Different days given for the same arrangement", Guidance: "good-written-agreements/#consistent"},
}

// Rules returns every rule in report order. The slice is a copy.
func Rules() []Rule {
	out := make([]Rule, len(catalogue))
	copy(out, catalogue)
	return out
}
