// jsmpeg reaches for `window` (performance, atob, WebAssembly); in a worker they live on `self`.
// Imported before jsmpeg so that its module code finds them.
const scope = globalThis as unknown as { window?: unknown };
scope.window ??= globalThis;
