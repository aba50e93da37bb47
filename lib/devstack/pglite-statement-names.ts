// Keeps named prepared statements apart per client connection on PGlite.
//
// Real Postgres gives every connection its own backend, so two connections may
// both prepare a statement called "get-limit". PGlite is one backend for all
// connections: the second Parse fails with `prepared statement "..." already
// exists`, and so does the first one after a reconnect (the old statement
// lives on). node-postgres uses named statements whenever a query has a `name`
// (rate-limiter-flexible's Postgres store does). So each statement name is
// prefixed with the connection's id in the wire messages that carry one:
// Parse, Bind, and Describe/Close of a statement. The unnamed statement ("")
// is left alone; it is replaced by every Parse, as on any backend.
//
// Statements of closed connections are not deallocated: a few per connection,
// and pooled connections are long-lived, so the leak is negligible in dev.

const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const DESCRIBE = 0x44; // 'D'
const CLOSE = 0x43; // 'C'
const STATEMENT = 0x53; // 'S' (as opposed to 'P', portal)

/** Returns `message` (one complete frontend message) with its statement name scoped to `connectionId`. */
export function scopeStatementNames(connectionId: number, message: Uint8Array): Uint8Array {
  if (message.length < 6) return message;
  const type = message[0];
  // Offset of the statement name's first byte, after the 5-byte header.
  let at: number;
  if (type === PARSE) {
    at = 5;
  } else if (type === BIND) {
    at = message.indexOf(0, 5) + 1; // skip the portal name
    if (at === 0) return message;
  } else if ((type === DESCRIBE || type === CLOSE) && message[5] === STATEMENT) {
    at = 6;
  } else {
    return message;
  }
  const end = message.indexOf(0, at);
  if (end <= at) return message; // unnamed statement, or malformed: leave to Postgres

  // A prefix, not a suffix: Postgres truncates names to 63 bytes.
  const prefix = Buffer.from(`c${connectionId}:`);
  const scoped = Buffer.concat([message.subarray(0, at), prefix, message.subarray(at)]);
  scoped.writeInt32BE(scoped.length - 1, 1); // the length excludes the type byte
  return new Uint8Array(scoped.buffer, scoped.byteOffset, scoped.length);
}
