package preview

import "testing"

func TestHubDropsSlowClientsAndCloses(t *testing.T) {
	h := NewHub()
	slow, _ := h.Register()
	fast, _ := h.Register()
	for i := 0; i < clientBuffer+1; i++ {
		h.Broadcast(Event{Type: "reload"})
		<-fast // the fast client keeps up
	}
	if got := h.Len(); got != 1 {
		t.Fatalf("after overrunning one client: got %d streams, want 1", got)
	}
	n := 0
	for range slow { // closed once dropped, after what it had buffered
		n++
	}
	if n != clientBuffer {
		t.Errorf("slow client received %d events before being dropped, want %d", n, clientBuffer)
	}
	h.Unregister(slow) // after a drop: must not panic
	h.Close()
	if _, ok := <-fast; ok {
		t.Error("Close left a stream open")
	}
	if _, ok := h.Register(); ok {
		t.Error("Register after Close: got ok, want refused")
	}
	h.Broadcast(Event{Type: "reload"}) // after Close: a no-op
	h.Unregister(fast)
}
