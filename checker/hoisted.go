package checker

// Small word lists used inside the rules, built once.
var (
	selfReference      = phraseList("this agreement", "this contract")
	nonComplianceCues  = phraseList("non-compliance will", "non-compliance may", "failure to keep", "if not,")
	outOfHoursCues     = phraseList("in an emergency", "out of hours", "out-of-hours", "at night")
	startsThatDay      = phraseList("starts that day", "starts on that day", "starts then", "begins that day", "start on that day")
	undertakingEndCues = phraseList("ends when", "ends on", "will end", "ends once", "lasts until", "remain in place until", "stays in place until", "in force until")
	undertakingSelf    = phraseList("undertaking", "it", "this")
	lengthContext      = phraseList("agreement", "lasts", "last", "runs", "covers", "contract", "agreed on")
	lastsUntilContext  = phraseList("last", "lasts", "run", "runs", "agreement", "it", "this", "contract", "undertaking", "from")
	reviewSubject      = phraseList("this agreement", "agreement", "this undertaking", "undertaking", "it", "this", "contract")
	emailCue           = phraseList("@")
	undertakeVerbs     = phraseList("undertakes", "undertake")
	willWords          = phraseList("will not", "will")
)
