package checker

// Kinds of document (contract section 1).
const (
	KindAgreement   = "agreement"
	KindUndertaking = "undertaking"
	KindSafetyPlan  = "safety_plan"
	KindUnknown     = "unknown"
)

// Criterion statuses (contract section 2).
const (
	StatusMet           = "met"
	StatusPartly        = "partly"
	StatusMissing       = "missing"
	StatusNotApplicable = "not_applicable"
)

// Finding severities.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
	SeverityInfo    = "info"
)

// Parties to a commitment.
const (
	PartyFamily       = "family"
	PartyProfessional = "professional"
)

// ReportVersion is the version of the JSON report's shape.
const ReportVersion = 1

// Report is the checker's verdict on one text, exactly the JSON object of
// the checker contract (section 4). Every slice is non-nil so that the JSON
// holds empty arrays rather than null.
type Report struct {
	Version     int
	Kind        string
	Summary     string
	Settings    string // short hash of the settings used
	Criteria    []Criterion
	Flags       []Flag
	Screening   []Screening // one per screening question that applies to the kind
	Findings    []Finding
	Commitments []Commitment
	Stats       Stats
}

// Span is a half-open range of byte offsets into the text as given.
type Span struct {
	Start, End int
}

// Criterion is one checklist item and its status.
type Criterion struct {
	ID       string
	Title    string
	Status   string
	Message  string
	Guidance string
	Evidence []Span
}

// Flag is a situation in which a written agreement should not be used.
type Flag struct {
	ID       string
	Title    string
	Message  string
	Guidance string
	Evidence []Span
}

// Finding is one located problem in the text, in the manner of a linter.
type Finding struct {
	Rule      string
	Criterion string
	Severity  string
	Start     int
	End       int
	Line      int // 1-based
	Column    int // 1-based, counted in characters
	Message   string
}

// Commitment is one thing someone undertakes to do.
type Commitment struct {
	Party     string // PartyFamily or PartyProfessional
	Actor     string
	Start     int
	End       int
	Timescale string // "" when none is given
	Checkable bool
}

// Stats are counts and readability figures for the whole text.
type Stats struct {
	Words       int
	Sentences   int
	ReadingEase float64 // Flesch reading ease, rounded to one decimal place
}
