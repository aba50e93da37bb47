// The common-password check for new passwords (NIST SP 800-63B 5.1.1.2:
// refuse values from breach corpuses). The list is zxcvbn-ts's
// dictionary["passwords-common"] (~49k entries from leaked-password corpuses,
// all lower case ASCII), decompressed once on first use and kept as a Set.
// Server-only: it is ~0.5 MB and must not be bundled for browsers.
import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";
import { normalizePassword } from "@/lib/validation/auth";

let commonPasswords: ReadonlySet<string> | undefined;

function loadCommonPasswords(): ReadonlySet<string> {
  // Every entry is kept, not only those >= 12 characters: the length rule already
  // refuses shorter ones, and a complete list keeps this function's answer true
  // to its name for any caller.
  commonPasswords ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return commonPasswords;
}

/**
 * True if the password (after the same NFKC normalization used for hashing,
 * compared case-insensitively) is in the common-passwords list, so
 * "PASSWORD1234" and full-width "ｐａｓｓｗｏｒｄ１２３４" are refused like "password1234".
 */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(normalizePassword(password).toLowerCase());
}
