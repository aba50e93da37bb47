// Every kind of notification, in one place: what the preferences page calls it,
// and which kinds are security events. Security events are always delivered in
// the app AND by email, whatever the user's preferences say, because they tell
// the user that someone may be using their account or their records:
//   NEW_SIGN_IN        a sign-in from a device not seen before
//   EMERGENCY_ACCESS   someone opened the records with "break the glass"
//   ACCOUNT_SUSPENDED  an admin suspended the account
//   ACCOUNT_VERIFIED   an admin changed the account's standing (clinicians)
// Everything else is on by default (in the app and by email) and can be turned
// off per type; uploads can come as one daily digest mail instead.
// Safe to import from client components (no server code).
import type { NotificationType } from "@/lib/generated/prisma/enums";

export interface NotificationTypeInfo {
  type: NotificationType;
  label: string;
  description: string;
  security: boolean;
  /** Whether the email may come as one daily digest instead of one mail each. */
  digest: boolean;
}

const info = (type: NotificationType, label: string, description: string, flags: { security?: boolean; digest?: boolean } = {}): NotificationTypeInfo => ({
  type,
  label,
  description,
  security: flags.security ?? false,
  digest: flags.digest ?? false,
});

export const NOTIFICATION_TYPES: readonly NotificationTypeInfo[] = [
  info("RECORD_UPLOADED", "New records", "A clinician added a record to your vault.", { digest: true }),
  info("GRANT_CREATED", "Access shared with you", "A patient shared records with you."),
  info("GRANT_CHANGED", "Sharing changed", "The terms of a share you are part of changed."),
  info("GRANT_REVOKED", "Sharing ended", "A patient stopped sharing records with you."),
  info("GRANT_EXPIRING", "Sharing ends soon", "A share you are part of ends within three days."),
  info("GRANT_EXPIRED", "Sharing ended by date", "A share you are part of reached its end date."),
  info("ACCESS_REQUESTED", "Access requests", "A clinician asked for access to your records."),
  info("ACCESS_APPROVED", "Request approved", "A patient approved your access request."),
  info("ACCESS_DENIED", "Request declined", "A patient declined your access request."),
  info("EDIT_PROPOSED", "Proposed changes", "A clinician proposed a change to your health data."),
  info("EDIT_APPROVED", "Change accepted", "A patient accepted a change you proposed."),
  info("EDIT_REJECTED", "Change declined", "A patient declined a change you proposed."),
  info("EXPORT_READY", "Export ready", "An export you asked for is ready to download."),
  info("NEW_SIGN_IN", "New sign-in", "A sign-in to your account was started from a new device.", { security: true }),
  info("EMERGENCY_ACCESS", "Emergency access", "A clinician opened records with emergency access.", { security: true }),
  info("ACCOUNT_VERIFIED", "Account verified", "An admin verified your clinician account.", { security: true }),
  info("ACCOUNT_SUSPENDED", "Account suspended", "An admin suspended your account.", { security: true }),
  info("ACCOUNT_DELETED", "Closed accounts", "Someone you share records with deleted their account."),
];

const BY_TYPE = new Map(NOTIFICATION_TYPES.map((entry) => [entry.type, entry]));

export function notificationTypeInfo(type: NotificationType): NotificationTypeInfo {
  return BY_TYPE.get(type)!;
}

export const isSecurityNotification = (type: NotificationType): boolean => notificationTypeInfo(type).security;
