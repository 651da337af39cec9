package checker

import (
	"strconv"
	"strings"
)

// date is a calendar date found in the text.
type date struct {
	y, m, d      int
	t0, t1       int // tokens, including any weekday
	wd           int // weekday written beside it (0 Monday … 6 Sunday), or -1
	wdTok        int // token of the written weekday
	yearInferred bool
	noYear       bool // no year written and none could be inferred
}

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]int{
	"monday": 0, "mon": 0, "mondays": 0, "tuesday": 1, "tue": 1, "tues": 1, "tuesdays": 1,
	"wednesday": 2, "wed": 2, "weds": 2, "wednesdays": 2, "thursday": 3, "thu": 3, "thur": 3,
	"thurs": 3, "thursdays": 3, "friday": 4, "fri": 4, "fridays": 4, "saturday": 5, "sat": 5,
	"saturdays": 5, "sunday": 6, "sun": 6, "sundays": 6,
}

var weekdayFull = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
var monthFull = []string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var numberWordValue = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20, "twenty-four": 24, "fifty-two": 52}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// weekdayOf returns 0 for Monday … 6 for Sunday.
func weekdayOf(y, m, d int) int {
	n := daysFromCivil(y, m, d)
	return ((n+3)%7 + 7) % 7
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func (t date) days() int { return daysFromCivil(t.y, t.m, t.d) }

// String gives the date as the handbook writes it: "3 March 2027".
func (t date) String() string {
	return strconv.Itoa(t.d) + " " + monthFull[t.m] + " " + strconv.Itoa(t.y)
}

// addInterval adds whole months (clamping the day) or weeks.
func addInterval(t date, iv Interval) date {
	if iv.Unit == Weeks {
		return fromDays(t.days() + 7*iv.Count)
	}
	m := t.m - 1 + iv.Count
	y := t.y + m/12
	m = m%12 + 1
	d := min(t.d, daysIn(y, m))
	return date{y: y, m: m, d: d, wd: -1}
}

// fromDays is the inverse of daysFromCivil.
func fromDays(z int) date {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return date{y: y, m: m, d: d, wd: -1}
}

// dayNumber reads "3", "03", "3rd", "21st".
func dayNumber(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			w = w[:len(w)-2]
			break
		}
	}
	n, ok := digits(w)
	if !ok || len(w) > 2 {
		return 0, false
	}
	if n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

func yearNumber(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n, ok := digits(w)
	if !ok || n < 1900 || n > 2199 {
		return 0, false
	}
	return n, true
}

// findDates finds every date in the document, in text order, and fills in
// missing years from the nearest date that has one.
func (d *document) findDates() []date {
	var out []date
	n := len(d.toks)
	for i := 0; i < n; i++ {
		t := d.toks[i]
		if t.kind != tNum {
			continue
		}
		w := d.w(i)
		// Numeric dates: 12/03/2027, 12.03.2027, 12-03-27.
		if strings.Count(w, "/") == 2 || strings.Count(w, ".") == 2 || strings.Count(w, "-") == 2 {
			sep := "/"
			if strings.Count(w, ".") == 2 {
				sep = "."
			} else if strings.Count(w, "-") == 2 {
				sep = "-"
			}
			p := strings.Split(w, sep)
			dd, ok1 := digits(p[0])
			mm, ok2 := digits(p[1])
			yy, ok3 := digits(p[2])
			if ok1 && ok2 && ok3 && len(p[2]) != 3 && len(p[2]) <= 4 {
				if len(p[2]) <= 2 {
					yy += 2000
				}
				if mm >= 1 && mm <= 12 && dd >= 1 && dd <= daysIn(yy, mm) && yy >= 1900 {
					out = append(out, d.withWeekday(date{y: yy, m: mm, d: dd, t0: i, t1: i + 1, wd: -1}))
				}
			}
			continue
		}
		day, ok := dayNumber(w)
		if !ok {
			continue
		}
		j := i + 1
		if d.w(j) == "of" {
			j++
		}
		m, ok := monthNames[d.w(j)]
		if !ok || d.w(j) == "may" && !d.toks[j].cap {
			continue
		}
		if len(d.w(j)) <= 4 && d.w(j+1) == "." {
			j++
		}
		dt := date{m: m, d: day, t0: i, t1: j + 1, wd: -1}
		k := j + 1
		if d.w(k) == "," {
			k++
		}
		if y, ok := yearNumber(d.w(k)); ok {
			dt.y = y
			dt.t1 = k + 1
		} else {
			dt.noYear = true
		}
		if dt.noYear || day <= daysIn(dt.y, m) {
			out = append(out, d.withWeekday(dt))
		}
		i = dt.t1 - 1
	}
	// Month-first dates: "March 12, 2027".
	dayFirst := len(out)
	for i := 0; i+1 < n; i++ {
		if !d.toks[i].cap {
			continue
		}
		m, ok := monthNames[d.w(i)]
		if !ok {
			continue
		}
		day, ok := dayNumber(d.w(i + 1))
		if !ok {
			continue
		}
		k := i + 2
		if d.w(k) == "," {
			k++
		}
		y, ok := yearNumber(d.w(k))
		if !ok || day > daysIn(y, m) || overlapsDate(out[:dayFirst], i) {
			continue
		}
		out = append(out, d.withWeekday(date{y: y, m: m, d: day, t0: i, t1: k + 1, wd: -1}))
	}
	sortDates(out)
	// Infer missing years from the nearest written year before, else after.
	for i := range out {
		if !out[i].noYear {
			continue
		}
		ref := -1
		for j := i - 1; j >= 0; j-- {
			if !out[j].noYear {
				ref = j
				break
			}
		}
		if ref < 0 {
			for j := i + 1; j < len(out); j++ {
				if !out[j].noYear {
					ref = j
					break
				}
			}
		}
		if ref < 0 {
			continue
		}
		y := out[ref].y
		if ref < i && out[i].m < out[ref].m-2 {
			y++ // "12 March" after "3 December 2027" is next year
		}
		if out[i].d <= daysIn(y, out[i].m) {
			out[i].y = y
			out[i].noYear = false
			out[i].yearInferred = true
		}
	}
	kept := out[:0]
	for _, t := range out {
		if !t.noYear {
			kept = append(kept, t)
		}
	}
	return kept
}

func overlapsDate(ds []date, tok int) bool {
	// Dates do not overlap, so only the last one starting at or before tok can hold it.
	i := firstDateFrom(ds, tok+1) - 1
	return i >= 0 && tok >= ds[i].t0 && tok < ds[i].t1
}

// firstDateFrom returns the index of the first date starting at or after
// token t (ds is in text order).
func firstDateFrom(ds []date, t int) int {
	lo, hi := 0, len(ds)
	for lo < hi {
		m := (lo + hi) / 2
		if ds[m].t0 < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func sortDates(ds []date) {
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].t0 < ds[j-1].t0; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

// withWeekday takes in a weekday written just before the date:
// "Monday 3 March", "Tues, 3rd March", "Friday the 5th of May".
func (d *document) withWeekday(t date) date {
	k := t.t0 - 1
	if d.w(k) == "the" {
		k--
	}
	if d.w(k) == "," {
		k--
	}
	if wd, ok := weekdayNames[d.w(k)]; ok && k >= 0 && !strings.HasSuffix(d.w(k), "s") || ok && k >= 0 && d.w(k) == "tues" || ok && d.w(k) == "thurs" || ok && d.w(k) == "weds" {
		if d.toks[k].line == d.toks[t.t0].line {
			t.wd = wd
			t.wdTok = k
			t.t0 = k
		}
	}
	return t
}

// timeWord reports whether w is a clock time: 9pm, 9.30am, 10:15, noon.
func timeWord(w string) bool {
	if w == "noon" || w == "midnight" || w == "midday" {
		return true
	}
	if strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm") {
		w = w[:len(w)-2]
		if w == "" {
			return false
		}
		for i := 0; i < len(w); i++ {
			if !(w[i] >= '0' && w[i] <= '9' || w[i] == '.' || w[i] == ':') {
				return false
			}
		}
		return w[0] >= '0' && w[0] <= '9'
	}
	if strings.Count(w, ":") == 1 {
		h, m, _ := strings.Cut(w, ":")
		_, ok1 := digits(h)
		_, ok2 := digits(m)
		return ok1 && ok2 && len(m) == 2
	}
	return false
}

var unitWords = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight", "fortnights": "fortnight",
	"month": "month", "months": "month", "year": "year", "years": "year", "hour": "hour", "hours": "hour",
	"minute": "minute", "minutes": "minute", "working": "day", "school": "day",
}

// quantity reads a count: "2", "two", "a".
func quantity(w string) (int, bool) {
	if n, ok := numberWordValue[w]; ok {
		return n, true
	}
	n, ok := digits(w)
	return n, ok && n > 0 && n < 1000
}

// intervalAt reads "N weeks" / "three months" / "a fortnight" at token i
// and returns it in days, with the tokens used.
func (d *document) intervalAt(i int) (days int, iv Interval, end int, ok bool) {
	n, ok := quantity(d.w(i))
	if !ok {
		if d.w(i) == "fortnight" {
			return 14, Interval{Count: 2, Unit: Weeks}, i + 1, true
		}
		return 0, Interval{}, i, false
	}
	j := i + 1
	if d.w(j) == "working" || d.w(j) == "school" || d.w(j) == "calendar" {
		j++
	}
	u, ok := unitWords[d.w(j)]
	if !ok || d.w(j) == "working" || d.w(j) == "school" {
		return 0, Interval{}, i, false
	}
	switch u {
	case "day":
		return n, Interval{}, j + 1, true
	case "week":
		return 7 * n, Interval{Count: n, Unit: Weeks}, j + 1, true
	case "fortnight":
		return 14 * n, Interval{Count: 2 * n, Unit: Weeks}, j + 1, true
	case "month":
		return n * 3044 / 100, Interval{Count: n, Unit: Months}, j + 1, true
	case "year":
		return 365 * n, Interval{Count: 12 * n, Unit: Months}, j + 1, true
	}
	return 0, Interval{}, i, false // hours and minutes are not lengths of an agreement
}

// intervalDays converts a setting to days for comparison with written
// intervals.
func intervalDays(iv Interval) int {
	if iv.Unit == Weeks {
		return 7 * iv.Count
	}
	return iv.Count * 3044 / 100
}

// digits reads a run of one to nine ASCII digits. It is strconv.Atoi
// without a sign and without the error value, which Atoi allocates for
// every word that is not a number.
func digits(w string) (int, bool) {
	if len(w) == 0 || len(w) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false
		}
		n = n*10 + int(w[i]-'0')
	}
	return n, true
}
