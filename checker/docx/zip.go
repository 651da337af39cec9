package docx

import (
	"hash/crc32"
	"strconv"
)

// A zip file is read from its end: the end-of-central-directory record
// points at the central directory, which lists each entry with its sizes
// and where its local header is. Only what a .docx uses is supported:
// stored and deflated entries, no zip64 (a .docx under the size limit
// never needs it), no zip encryption (Word encrypts differently; see
// sniff).

const (
	sigEOCD    = 0x06054b50
	sigCentral = 0x02014b50
	sigLocal   = 0x04034b50
)

// entry is one file in the zip.
type entry struct {
	name     string
	method   uint16
	flags    uint16
	crc      uint32
	packed   uint64
	size     uint64
	headerAt uint64
	dirAt    int       // where its record in the central directory starts
	_        [0]func() // not comparable: no equality function in the page's module
}

// archive is a zip file's directory, with a budget for how many bytes may
// be unpacked from it in all.
type archive struct {
	data    []byte
	entries map[string]entry
	budget  int64
	dirEnd  int // where the end-of-central-directory record starts
}

// u16 and u32 read little-endian numbers (encoding/binary would link
// reflect into the page's WebAssembly).
func u16(b []byte, at int) uint16 { return uint16(b[at]) | uint16(b[at+1])<<8 }
func u32(b []byte, at int) uint32 {
	return uint32(b[at]) | uint32(b[at+1])<<8 | uint32(b[at+2])<<16 | uint32(b[at+3])<<24
}

// openZip reads the directory of a zip file.
func openZip(data []byte, lim Limits) (*archive, error) {
	// The end record is 22 bytes plus a comment of up to 65,535.
	from := max(0, len(data)-(22+65535))
	end := -1
	for i := len(data) - 22; i >= from; i-- {
		if u32(data, i) == sigEOCD {
			end = i
			break
		}
	}
	if end < 0 {
		return nil, fail(ErrDamaged, "the end of the zip container is missing (is the file complete?)")
	}
	count := int(u16(data, end+10))
	dirSize := int64(u32(data, end+12))
	dirAt := int64(u32(data, end+16))
	if count == 0xffff || dirAt == 0xffffffff {
		return nil, fail(ErrDamaged, "zip64 containers are not supported")
	}
	if count > lim.MaxParts {
		return nil, fail(ErrTooLarge, "it holds "+strconv.Itoa(count)+" parts; the limit is "+strconv.Itoa(lim.MaxParts))
	}
	if dirAt+dirSize > int64(end) {
		return nil, fail(ErrDamaged, "the zip directory points outside the file")
	}
	a := &archive{data: data, entries: make(map[string]entry, count), budget: lim.MaxUnpacked, dirEnd: end}
	at := int(dirAt)
	for range count {
		if at+46 > end || u32(data, at) != sigCentral {
			return nil, fail(ErrDamaged, "the zip directory is broken")
		}
		nameLen, extraLen, commentLen := int(u16(data, at+28)), int(u16(data, at+30)), int(u16(data, at+32))
		if at+46+nameLen > end {
			return nil, fail(ErrDamaged, "the zip directory is broken")
		}
		e := entry{
			name:     string(data[at+46 : at+46+nameLen]),
			flags:    u16(data, at+8),
			method:   u16(data, at+10),
			crc:      u32(data, at+16),
			packed:   uint64(u32(data, at+20)),
			size:     uint64(u32(data, at+24)),
			headerAt: uint64(u32(data, at+42)),
			dirAt:    at,
		}
		a.entries[e.name] = e
		at += 46 + nameLen + extraLen + commentLen
	}
	return a, nil
}

// has reports whether the zip holds a file of that name.
func (a *archive) has(name string) bool {
	_, ok := a.entries[name]
	return ok
}

// read unpacks one file, counting its bytes against the archive's budget
// as it goes: the sizes the directory states are not trusted.
func (a *archive) read(name string) ([]byte, error) {
	e, ok := a.entries[name]
	if !ok {
		return nil, fail(ErrNotDocx, name+" is missing")
	}
	if e.flags&1 != 0 {
		return nil, ErrEncrypted
	}
	at := e.headerAt
	if at+30 > uint64(len(a.data)) || u32(a.data, int(at)) != sigLocal {
		return nil, fail(ErrDamaged, name+" cannot be found in the zip container")
	}
	start := at + 30 + uint64(u16(a.data, int(at)+26)) + uint64(u16(a.data, int(at)+28))
	if start+e.packed > uint64(len(a.data)) {
		return nil, fail(ErrDamaged, name+" is cut short")
	}
	packed := a.data[start : start+e.packed]
	var out []byte
	switch e.method {
	case 0:
		if int64(len(packed)) > a.budget {
			return nil, fail(ErrTooLarge, "it unpacks to more than "+megabytes(a.budget))
		}
		out = packed
	case 8:
		var err error
		out, err = inflate(packed, int(min(a.budget, 1<<40)))
		if err == errTooBig {
			return nil, fail(ErrTooLarge, "it unpacks to more than "+megabytes(a.budget))
		}
		if err != nil {
			return nil, fail(ErrDamaged, name+" cannot be unpacked ("+err.Error()+")")
		}
	default:
		return nil, fail(ErrDamaged, name+" is compressed in a way Word does not use (method "+strconv.Itoa(int(e.method))+")")
	}
	a.budget -= int64(len(out))
	if uint64(len(out)) != e.size || crc32.ChecksumIEEE(out) != e.crc {
		return nil, fail(ErrDamaged, name+" does not match its checksum")
	}
	return out, nil
}

func megabytes(n int64) string {
	return strconv.FormatInt((n+(1<<20)-1)>>20, 10) + " MB"
}
