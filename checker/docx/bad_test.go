package docx

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestReadRefuses(t *testing.T) {
	good := newDocx(t, p("Sarah will attend."), nil)
	ole := append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 600)...)
	encrypted := append(append([]byte{}, ole...), encryptedStream...)

	// Flip a byte in the middle of the compressed document.
	badDeflate := append([]byte{}, good...)
	docAt := bytes.Index(badDeflate, []byte("word/document.xml")) + len("word/document.xml")
	for i := docAt; i < docAt+40 && i < len(badDeflate); i++ {
		badDeflate[i] ^= 0xff
	}

	// A zip bomb: 100 MB of spaces deflates to about 100 KB.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document><w:body><w:p><w:r><w:t>`))
	space := bytes.Repeat([]byte(" "), 1<<20)
	for range 100 {
		w.Write(space)
	}
	zw.Close()

	parts := map[string]string{"word/document.xml": "<w:document/>"}
	for i := range 30 {
		parts["word/media/image"+strconv.Itoa(i)+".png"] = "x"
	}
	manyParts := zipFiles(t, parts, zip.Store)

	zipEncrypted := append([]byte{}, good...)
	// Set the "encrypted" flag in every central directory entry.
	for i := bytes.Index(zipEncrypted, []byte("PK\x01\x02")); i >= 0; {
		zipEncrypted[i+8] |= 1
		next := bytes.Index(zipEncrypted[i+4:], []byte("PK\x01\x02"))
		if next < 0 {
			break
		}
		i += 4 + next
	}

	tests := []struct {
		name string
		data []byte
		lim  Limits
		want error
		says string
	}{
		{"empty", nil, Limits{}, ErrNotDocx, "not a Word document"},
		{"text", []byte("Sarah will attend."), Limits{}, ErrNotDocx, "not a Word document"},
		{"old .doc", ole, Limits{}, ErrNotDocx, "save it as .docx"},
		{"password-protected", encrypted, Limits{}, ErrEncrypted, "password"},
		{"zip encryption", zipEncrypted, Limits{}, ErrEncrypted, "password"},
		{"zip without a document", zipFiles(t, map[string]string{"a.txt": "hello"}, zip.Deflate), Limits{}, ErrNotDocx, "word/document.xml"},
		{"truncated", good[:len(good)/2], Limits{}, ErrDamaged, "damaged"},
		{"truncated end record", good[:len(good)-10], Limits{}, ErrDamaged, "damaged"},
		{"bad deflate", badDeflate, Limits{}, ErrDamaged, "damaged"},
		{"unterminated tag", zipFiles(t, map[string]string{"word/document.xml": `<w:document><w:p><w:r`}, zip.Deflate), Limits{}, ErrDamaged, "document.xml"},
		{"zip bomb", bomb.Bytes(), Limits{}, ErrTooLarge, "unpacks to more than 64 MB"},
		{"too many parts", manyParts, Limits{MaxParts: 20}, ErrTooLarge, "31 parts"},
		{"too large a file", good, Limits{MaxFileSize: int64(len(good) - 1)}, ErrTooLarge, "the limit is"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.data, tc.lim)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, %v; want %v", d, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.says) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q should say %q on one line", err, tc.says)
			}
		})
	}
}

func TestFiftyMegabytes(t *testing.T) {
	big := make([]byte, 50<<20+1)
	copy(big, "PK\x03\x04")
	_, err := Read(big, Limits{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "the limit is 50 MB") {
		t.Fatalf("got %v, want a refusal naming the 50 MB limit", err)
	}
}

func TestIsWordFile(t *testing.T) {
	ole := []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0}
	for _, b := range [][]byte{newDocx(t, p("x"), nil), ole} {
		if !IsWordFile(b) {
			t.Errorf("%.12q is not recognised", b)
		}
	}
	for _, b := range [][]byte{nil, []byte("PK\x03\x04 no document"), []byte("hello")} {
		if IsWordFile(b) {
			t.Errorf("%q is taken for a Word file", b)
		}
	}
}
