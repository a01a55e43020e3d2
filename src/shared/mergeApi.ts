// The mail-merge part of the sidebar<->server contract: templates, preview, send, letters (JSON-safe payloads).

/** Server functions of the mail merge, merged into ServerApi. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MergeApi {}
