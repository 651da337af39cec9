package search

import (
	"strings"
	"unicode"
)

// Words splits text into lower-case words of letters and numbers.
// Apostrophes are dropped, so "child's" is "childs" and "don't" is
// "dont"; everything else separates words. search.js's words() does the
// same.
func Words(text string) []string {
	text = strings.ToLower(text)
	if strings.ContainsAny(text, "'’") {
		text = strings.NewReplacer("'", "", "’", "").Replace(text)
	}
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// stopWords are too common to help a search: they are not indexed, and a
// query ignores them. The index carries the list, so the page needs no
// copy of it.
var stopWords = []string{
	"a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
	"do", "does", "for", "from", "had", "has", "have", "he", "her", "his",
	"if", "in", "into", "is", "it", "its", "me", "my", "no", "not", "of",
	"on", "or", "our", "she", "so", "that", "the", "their", "them", "then",
	"there", "these", "they", "this", "those", "to", "us", "was", "we",
	"were", "what", "when", "which", "who", "will", "with", "you", "your",
}

var stopSet = func() map[string]bool {
	m := make(map[string]bool, len(stopWords))
	for _, w := range stopWords {
		m[w] = true
	}
	return m
}()

// IsStopWord reports whether a word (as Words returns it) is left out of
// the index.
func IsStopWord(w string) bool { return stopSet[w] }

// irregular maps plurals that suffix rules cannot reach.
var irregular = map[string]string{
	"children": "child", "people": "person", "women": "woman", "men": "man",
}

// Stem reduces a lower-case word to a stem shared by its common English
// forms: plurals (agreements, families), past tenses (reviewed, agreed,
// tried) and -ing forms (reviewing, supervising), and a final e
// (supervise, agree). It is deliberately light, nearer an S-stemmer than
// Porter's: a reader typing "agree" expects "agreement" by prefix, not
// "agreeable" and "agreement" merged into one stem. search.js's stem()
// is the same algorithm, line for line; a browser test holds them equal.
func Stem(word string) string {
	if s, ok := irregular[word]; ok {
		return s
	}
	w := []rune(word)
	if len(w) <= 3 {
		return word
	}
	switch {
	case hasSuffix(w, "ies") && len(w) > 4:
		w = append(w[:len(w)-3], 'y')
	case hasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case hasSuffix(w, "ss") || hasSuffix(w, "us") || hasSuffix(w, "is"):
	case hasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	switch {
	case hasSuffix(w, "eed"):
		if len(w) > 4 {
			w = w[:len(w)-1]
		}
	case hasSuffix(w, "ied") && len(w) > 4:
		w = append(w[:len(w)-3], 'y')
	case hasSuffix(w, "ed"):
		w = cutEnding(w, 2)
	case hasSuffix(w, "ing"):
		w = cutEnding(w, 3)
	}
	if len(w) > 3 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	return string(w)
}

// cutEnding removes an -ed or -ing ending of n letters when a vowel is
// left before it ("bring" and "shed" keep theirs), and undoubles a final
// consonant (stopped, planned; but called, missed).
func cutEnding(w []rune, n int) []rune {
	r := w[:len(w)-n]
	if !hasVowel(r) {
		return w
	}
	if len(r) < 3 {
		if n == 2 {
			return w[:len(w)-1] // used -> use
		}
		return r // doing -> do
	}
	last := r[len(r)-1]
	if last == r[len(r)-2] && !strings.ContainsRune("aeiouylsz", last) {
		r = r[:len(r)-1]
	}
	return r
}

func hasSuffix(w []rune, s string) bool {
	if len(w) < len(s) {
		return false
	}
	return string(w[len(w)-len(s):]) == s
}

func hasVowel(w []rune) bool {
	for _, r := range w {
		if strings.ContainsRune("aeiouy", r) {
			return true
		}
	}
	return false
}
