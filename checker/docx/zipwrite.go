package docx

import (
	"hash/crc32"
	"strconv"
)

// zipWriter writes a zip file: parts copied from another zip as they are,
// byte for byte, and parts stored (method 0) from their bytes. Storing
// costs a larger file, not a compressor in the page's WebAssembly; Word
// and LibreOffice open stored parts as they open deflated ones.
type zipWriter struct {
	out   []byte
	dir   []byte
	count int
}

// plainRecord is the central directory record a new part is written
// like when there is no part to copy it from: made by and needing zip 2.0,
// dated 1980-01-01, so that the same input gives the same bytes.
var plainRecord = []byte{4: 20, 6: 20, 14: 0x21, 45: 0}

func put16(b []byte, at, v int) { b[at], b[at+1] = byte(v), byte(v>>8) }
func put32(b []byte, at int, v uint32) {
	b[at], b[at+1], b[at+2], b[at+3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

// copyPart copies a part's local header, data and data descriptor, and
// its directory record with the new offset.
func (w *zipWriter) copyPart(a *archive, e entry) error {
	d := a.data
	at := int(e.headerAt)
	if at+30 > len(d) || u32(d, at) != sigLocal {
		return fail(ErrDamaged, e.name+" cannot be found in the zip container")
	}
	end := at + 30 + int(u16(d, at+26)) + int(u16(d, at+28)) + int(e.packed)
	if e.flags&8 != 0 { // sizes and checksum follow the data
		if end+4 <= len(d) && u32(d, end) == 0x08074b50 {
			end += 4
		}
		end += 12
	}
	rec := e.dirAt + 46 + int(u16(d, e.dirAt+28)) + int(u16(d, e.dirAt+30)) + int(u16(d, e.dirAt+32))
	if end > len(d) || rec > a.dirEnd {
		return fail(ErrDamaged, e.name+" is cut short")
	}
	r := append([]byte(nil), d[e.dirAt:rec]...)
	put32(r, 42, uint32(len(w.out)))
	w.out = append(w.out, d[at:end]...)
	w.dir = append(w.dir, r...)
	w.count++
	return nil
}

// store writes a part uncompressed, its dates and attributes taken from
// the directory record like (the part it replaces, or another).
func (w *zipWriter) store(name string, data []byte, like []byte) {
	var r [46]byte // its directory record
	copy(r[:], like)
	put32(r[:], 0, sigCentral)
	put16(r[:], 8, int(u16(like, 8))&0x800) // keep only "the name is UTF-8"
	put16(r[:], 10, 0)
	put32(r[:], 16, crc32.ChecksumIEEE(data))
	put32(r[:], 20, uint32(len(data)))
	put32(r[:], 24, uint32(len(data)))
	put32(r[:], 28, uint32(len(name))) // and no extra field
	put32(r[:], 32, 0)                 // no comment, disk 0
	put32(r[:], 42, uint32(len(w.out)))
	var l [30]byte // its local header: the same fields from "version needed" on
	put32(l[:], 0, sigLocal)
	copy(l[4:], r[6:30])
	w.out = append(append(append(w.out, l[:]...), name...), data...)
	w.dir = append(append(w.dir, r[:]...), name...)
	w.count++
}

// finish writes the directory and its end record.
func (w *zipWriter) finish() []byte {
	var end [22]byte
	put32(end[:], 0, sigEOCD)
	put16(end[:], 8, w.count)
	put16(end[:], 10, w.count)
	put32(end[:], 12, uint32(len(w.dir)))
	put32(end[:], 16, uint32(len(w.out)))
	return append(append(w.out, w.dir...), end[:]...)
}

// rewrite copies the archive with some parts replaced and others added
// at the end (in the order of added), each stored.
func (a *archive) rewrite(changed map[string][]byte, added []string) ([]byte, error) {
	w := &zipWriter{}
	like := plainRecord
	if e, ok := a.entries["word/document.xml"]; ok {
		like = a.data[e.dirAt : e.dirAt+46]
	}
	// The parts in the directory's order (insertion sort: few parts).
	var parts []entry
	for _, e := range a.entries {
		parts = append(parts, e)
		for j := len(parts) - 1; j > 0 && parts[j].dirAt < parts[j-1].dirAt; j-- {
			parts[j], parts[j-1] = parts[j-1], parts[j]
		}
	}
	for _, e := range parts {
		if data, ok := changed[e.name]; ok {
			w.store(e.name, data, a.data[e.dirAt:e.dirAt+46])
			continue
		}
		if err := w.copyPart(a, e); err != nil {
			return nil, err
		}
	}
	for _, name := range added {
		w.store(name, changed[name], like)
	}
	if w.count > 0xfffe {
		return nil, fail(ErrTooLarge, "it would hold "+strconv.Itoa(w.count)+" parts")
	}
	return w.finish(), nil
}
