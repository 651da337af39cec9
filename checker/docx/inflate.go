package docx

import "errors"

// inflate decodes raw DEFLATE data (RFC 1951), the compression of every
// part of a .docx. It is here, rather than compress/flate, because that
// package also holds the compressor, whose use of fmt would pull fmt, os
// and reflect into the checker page's WebAssembly: about 140 KB gzipped,
// more than the whole checker. It follows the shape of zlib's puff.c: clear
// rather than fast, and a Word document's text is small.
//
// At most limit bytes are written; more is errTooBig.

var (
	errTooBig  = errors.New("more than the limit")
	errCorrupt = errors.New("corrupt compressed data")
)

type inflater struct {
	src    []byte
	pos    int
	bitbuf uint32
	bitcnt uint
	out    []byte
	limit  int
}

func inflate(src []byte, limit int) ([]byte, error) {
	f := &inflater{src: src, limit: limit}
	for {
		last, err := f.bits(1)
		if err != nil {
			return nil, err
		}
		kind, err := f.bits(2)
		if err != nil {
			return nil, err
		}
		switch kind {
		case 0:
			err = f.stored()
		case 1:
			err = f.codes(&fixedLit, &fixedDist)
		case 2:
			err = f.dynamic()
		default:
			err = errCorrupt
		}
		if err != nil {
			return nil, err
		}
		if last == 1 {
			return f.out, nil
		}
	}
}

func (f *inflater) bits(n uint) (int, error) {
	for f.bitcnt < n {
		if f.pos >= len(f.src) {
			return 0, errCorrupt
		}
		f.bitbuf |= uint32(f.src[f.pos]) << f.bitcnt
		f.pos++
		f.bitcnt += 8
	}
	v := f.bitbuf & (1<<n - 1)
	f.bitbuf >>= n
	f.bitcnt -= n
	return int(v), nil
}

func (f *inflater) stored() error {
	f.bitbuf, f.bitcnt = 0, 0 // to the next byte
	if f.pos+4 > len(f.src) {
		return errCorrupt
	}
	n := int(f.src[f.pos]) | int(f.src[f.pos+1])<<8
	if n != ^(int(f.src[f.pos+2])|int(f.src[f.pos+3])<<8)&0xffff {
		return errCorrupt
	}
	f.pos += 4
	if f.pos+n > len(f.src) {
		return errCorrupt
	}
	if len(f.out)+n > f.limit {
		return errTooBig
	}
	f.out = append(f.out, f.src[f.pos:f.pos+n]...)
	f.pos += n
	return nil
}

// huffman is a canonical Huffman code: how many codes of each length, and
// the symbols in code order.
type huffman struct {
	count  [16]uint16
	symbol []uint16
}

// build makes a code from each symbol's code length; false if the lengths
// ask for more codes than there are.
func (h *huffman) build(lengths []uint8) bool {
	h.count = [16]uint16{}
	for _, l := range lengths {
		h.count[l]++
	}
	if int(h.count[0]) == len(lengths) {
		return true // no codes: allowed, decoding any symbol then fails
	}
	left := 1
	for l := 1; l < 16; l++ {
		left <<= 1
		left -= int(h.count[l])
		if left < 0 {
			return false
		}
	}
	var offs [16]uint16
	for l := 1; l < 15; l++ {
		offs[l+1] = offs[l] + h.count[l]
	}
	h.symbol = make([]uint16, len(lengths))
	for sym, l := range lengths {
		if l != 0 {
			h.symbol[offs[l]] = uint16(sym)
			offs[l]++
		}
	}
	return true
}

func (f *inflater) decode(h *huffman) (int, error) {
	code, first, index := 0, 0, 0
	for l := 1; l < 16; l++ {
		b, err := f.bits(1)
		if err != nil {
			return 0, err
		}
		code |= b
		count := int(h.count[l])
		if code-count < first {
			return int(h.symbol[index+(code-first)]), nil
		}
		index += count
		first = (first + count) << 1
		code <<= 1
	}
	return 0, errCorrupt
}

var (
	lenBase   = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lenExtra  = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase  = [30]uint16{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra = [30]uint8{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

	fixedLit, fixedDist = fixedCodes()
)

func fixedCodes() (lit, dist huffman) {
	var l [288]uint8
	for i := range l {
		switch {
		case i < 144:
			l[i] = 8
		case i < 256:
			l[i] = 9
		case i < 280:
			l[i] = 7
		default:
			l[i] = 8
		}
	}
	lit.build(l[:])
	var d [30]uint8
	for i := range d {
		d[i] = 5
	}
	dist.build(d[:])
	return lit, dist
}

// codes decodes literals and back-references until the end of the block.
func (f *inflater) codes(lit, dist *huffman) error {
	for {
		sym, err := f.decode(lit)
		if err != nil {
			return err
		}
		switch {
		case sym < 256:
			if len(f.out) >= f.limit {
				return errTooBig
			}
			f.out = append(f.out, byte(sym))
			continue
		case sym == 256:
			return nil
		}
		sym -= 257
		if sym >= 29 {
			return errCorrupt
		}
		extra, err := f.bits(uint(lenExtra[sym]))
		if err != nil {
			return err
		}
		n := int(lenBase[sym]) + extra
		ds, err := f.decode(dist)
		if err != nil {
			return err
		}
		if ds >= 30 {
			return errCorrupt
		}
		extra, err = f.bits(uint(distExtra[ds]))
		if err != nil {
			return err
		}
		back := int(distBase[ds]) + extra
		if back > len(f.out) {
			return errCorrupt
		}
		if len(f.out)+n > f.limit {
			return errTooBig
		}
		for range n { // byte by byte: the copy may overlap what it writes
			f.out = append(f.out, f.out[len(f.out)-back])
		}
	}
}

var codeOrder = [19]uint8{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

func (f *inflater) dynamic() error {
	nlen, err := f.bits(5)
	if err != nil {
		return err
	}
	ndist, err := f.bits(5)
	if err != nil {
		return err
	}
	ncode, err := f.bits(4)
	if err != nil {
		return err
	}
	nlen, ndist, ncode = nlen+257, ndist+1, ncode+4
	if nlen > 286 || ndist > 30 {
		return errCorrupt
	}
	var lengths [320]uint8
	for i := range ncode {
		v, err := f.bits(3)
		if err != nil {
			return err
		}
		lengths[codeOrder[i]] = uint8(v)
	}
	var lencode huffman
	if !lencode.build(lengths[:19]) {
		return errCorrupt
	}
	lengths = [320]uint8{}
	for i := 0; i < nlen+ndist; {
		sym, err := f.decode(&lencode)
		if err != nil {
			return err
		}
		if sym < 16 {
			lengths[i] = uint8(sym)
			i++
			continue
		}
		var rep, val int
		switch sym {
		case 16:
			if i == 0 {
				return errCorrupt
			}
			val = int(lengths[i-1])
			rep, err = f.bits(2)
			rep += 3
		case 17:
			rep, err = f.bits(3)
			rep += 3
		default:
			rep, err = f.bits(7)
			rep += 11
		}
		if err != nil {
			return err
		}
		if i+rep > nlen+ndist {
			return errCorrupt
		}
		for range rep {
			lengths[i] = uint8(val)
			i++
		}
	}
	if lengths[256] == 0 {
		return errCorrupt // no end-of-block code
	}
	var lit, dist huffman
	if !lit.build(lengths[:nlen]) || !dist.build(lengths[nlen:nlen+ndist]) {
		return errCorrupt
	}
	return f.codes(&lit, &dist)
}
