package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"handbook/checker/limits"
	"handbook/site"
)

// readLimited reads at most limit bytes from r, and says so, naming the
// limit, when there are more.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than the limit of %s", limits.Size(limit))
	}
	return b, nil
}

// inputLimit is the most an input may hold: a Word document may be larger
// than text, and is known by its name or its first bytes.
func inputLimit(name string, head []byte) int64 {
	if strings.EqualFold(filepath.Ext(name), ".docx") || bytes.HasPrefix(head, []byte("PK\x03\x04")) ||
		bytes.HasPrefix(head, []byte{0xd0, 0xcf, 0x11, 0xe0}) {
		return limits.WordFileBytes
	}
	return limits.TextBytes
}

// readInputFile reads a file named on the command line or found in a
// folder. It opens without blocking, so that a named pipe cannot hang the
// command, and refuses anything but an ordinary file, or one over its
// limit, before reading a byte of it: a link to /dev/zero or a 2 GB file
// costs nothing.
func readInputFile(name string) ([]byte, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, unwrapPathError(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPathError(err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not an ordinary file (%s)", site.FileKind(st.Mode()))
	}
	var head [4]byte
	n, _ := io.ReadFull(f, head[:])
	limit := inputLimit(name, head[:n])
	if st.Size() > limit {
		return nil, fmt.Errorf("larger than the limit of %s", limits.Size(limit))
	}
	rest, err := readLimited(f, limit-int64(n))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	return append(head[:n:n], rest...), nil
}

// readStdin reads standard input once, to the larger limit; a text over
// its own limit is refused after.
func readStdin(r io.Reader) ([]byte, error) {
	b, err := readLimited(r, max(limits.TextBytes, limits.WordFileBytes))
	if err != nil {
		return nil, err
	}
	if limit := inputLimit("-", b); int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than the limit of %s", limits.Size(limit))
	}
	return b, nil
}

var errStdinTwice = errors.New("- (standard input) is given more than once; it can be read only once")
