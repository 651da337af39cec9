package docx

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

func deflate(t testing.TB, data []byte, level int) []byte {
	var b bytes.Buffer
	w, err := flate.NewWriter(&b, level)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// TestInflateMatchesStandardLibrary decodes what compress/flate writes at
// every level, from stored blocks to Huffman-only, for text, random bytes
// and long repeats.
func TestInflateMatchesStandardLibrary(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	random := make([]byte, 100_000)
	for i := range random {
		random[i] = byte(r.IntN(256))
	}
	agreement, _ := os.ReadFile("../testdata/agreements/01-neglect-numbered-good.txt")
	inputs := map[string][]byte{
		"empty":     nil,
		"one byte":  []byte("x"),
		"agreement": bytes.Repeat(agreement, 20),
		"random":    random,
		"repeats":   bytes.Repeat([]byte("ab"), 200_000),
		"xml":       []byte(strings.Repeat(`<w:p><w:r><w:t xml:space="preserve">Sarah will ring Gareth by 10am.</w:t></w:r></w:p>`, 2000)),
	}
	for name, data := range inputs {
		for _, level := range []int{flate.NoCompression, flate.HuffmanOnly, flate.BestSpeed, flate.DefaultCompression, flate.BestCompression} {
			got, err := inflate(deflate(t, data, level), 1<<30)
			if err != nil || !bytes.Equal(got, data) {
				t.Errorf("%s at level %d: %v, %d bytes back of %d", name, level, err, len(got), len(data))
			}
		}
	}
	if _, err := inflate(deflate(t, inputs["repeats"], 6), 1000); err != errTooBig {
		t.Errorf("over the limit: got %v, want errTooBig", err)
	}
	for _, bad := range [][]byte{nil, {0xff}, {0x07}, {0x00, 0x01, 0x00, 0x00, 0x00}} {
		if _, err := inflate(bad, 1<<20); err == nil {
			t.Errorf("%x inflated without error", bad)
		}
	}
}

// FuzzInflate: on any input, inflate never panics, and whenever
// compress/flate decodes the input, inflate gives the same bytes.
func FuzzInflate(f *testing.F) {
	f.Add(deflate(f, []byte("Sarah will attend every Tuesday."), 6))
	f.Add(deflate(f, bytes.Repeat([]byte("abc"), 100), 9))
	f.Add(deflate(f, []byte("stored"), 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := inflate(data, 1<<20)
		want, wantErr := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data)), 1<<20+1))
		if wantErr == nil && len(want) <= 1<<20 {
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("compress/flate gives %d bytes; inflate gives %d bytes, %v", len(want), len(got), err)
			}
		}
	})
}
