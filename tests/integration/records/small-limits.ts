// Imported first by limits.test.ts: tiny limits, set before lib/env parses (and caches) them.
process.env.UPLOAD_MAX_BYTES_DOCUMENT = "2048";
process.env.UPLOAD_MAX_BYTES_IMAGING = "4096";
