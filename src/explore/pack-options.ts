// How the server packs a run's outcome and the page unpacks it (MessagePack):
// plain objects, and typed arrays kept as typed arrays of the same kind.

export const PACK_OPTIONS = { useRecords: false, moreTypes: true } as const;
