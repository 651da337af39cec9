package preview

import "sync"

// Event is one message to the pages: Type is the SSE event name ("reload",
// "css" or "error") and Data its JSON payload, on one line.
type Event struct {
	Type string
	Data string
}

// clientBuffer is how many events a stream may fall behind before it is
// dropped: a page that cannot keep up will reconnect and catch up.
const clientBuffer = 8

// Hub fans events out to every open event stream. The zero value is not
// usable; call NewHub.
type Hub struct {
	mu      sync.Mutex
	clients map[chan Event]struct{}
	closed  bool
}

// NewHub returns an open hub.
func NewHub() *Hub {
	return &Hub{clients: map[chan Event]struct{}{}}
}

// Register adds a stream. The channel is closed when the stream is dropped
// (too slow) or the hub closes; ok is false when the hub is already closed.
func (h *Hub) Register() (ch chan Event, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch = make(chan Event, clientBuffer)
	h.clients[ch] = struct{}{}
	return ch, true
}

// Unregister removes a stream that has gone away. It is safe to call after
// the hub dropped or closed the stream.
func (h *Hub) Unregister(ch chan Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[ch]; ok {
		delete(h.clients, ch)
		close(ch)
	}
}

// Broadcast sends ev to every stream without waiting; a stream whose
// buffer is full is dropped rather than allowed to hold up the rest.
func (h *Hub) Broadcast(ev Event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.clients {
		select {
		case ch <- ev:
		default:
			delete(h.clients, ch)
			close(ch)
		}
	}
}

// Len returns the number of open streams.
func (h *Hub) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// Close ends every stream and refuses new ones.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.clients {
		delete(h.clients, ch)
		close(ch)
	}
}
