// Placeholder: the checker page script lands with the WebAssembly issue.
