// Everything that follows an opened emergency access, inside the transaction
// that opened it (so it commits with the grant or not at all). The
// notifications issue adds here: jobs that tell the patient and the admins at
// once (in-app and email), written with enqueueJob({ ..., tx }).
import type { Tx } from "@/lib/db";
import { notifyEmergencyAccess } from "@/lib/notifications/events/sharing-events";

export async function afterEmergencyAccess(options: { grantId: string; tx: Tx }): Promise<void> {
  // The patient and every active admin; a security event, so always in the app and by email.
  await notifyEmergencyAccess({ grantId: options.grantId, tx: options.tx });
}
