import "next-auth";

declare module "next-auth" {
  interface Session {
    /** Token of the server-side session row; see lib/auth/sessions. */
    sid?: string;
  }
}
