// Package preview is the server behind `handbook serve`: it builds the
// handbook into memory, serves it on a loopback port, watches the content
// folder and rebuilds after every save, and tells open pages to reload over
// Server-Sent Events.
//
// The parts, one file each: a Hub fans build events out to the open event
// streams; a batcher turns the bursts of file-system events an editor's
// save produces into one rebuild; a watcher feeds it from fsnotify; the
// Server owns the current build (swapped whole, so a request never sees a
// half-built site) and the HTTP handler that serves it.
package preview
