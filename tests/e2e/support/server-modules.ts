// Lets Playwright specs use the factories (tests/factories) and the app's
// server-side helpers they build on (password hashing, TOTP secrets sealed with
// ENCRYPTION_KEY, recovery-code hashes), so rows written here are exactly what
// the app itself would write.
//
// Those modules import the `server-only` marker, which throws unless Node runs
// with the "react-server" condition (Next does; Jest maps it away). Playwright's
// workers run plain Node, so the marker is resolved to an empty module here.
// Import this file before anything from lib/ or tests/factories.
const marker = require.resolve("server-only");
require.cache[marker] = { id: marker, filename: marker, loaded: true, exports: {} } as unknown as NodeModule;

export {};
