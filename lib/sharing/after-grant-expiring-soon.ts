// Called once per grant by sweepExpiredGrants when it ends within the reminder
// window, inside the transaction that marks reminderSentAt. The notifications
// issue adds here: a job that reminds the patient (and the clinician) that the
// share ends, written with enqueueJob({ ..., tx }).
import type { Tx } from "@/lib/db";
import { notifyGrantExpiring } from "@/lib/notifications/events/sharing-events";

export async function afterGrantExpiringSoon(options: { grantId: string; tx: Tx }): Promise<void> {
  // The patient and the clinician, in the app and by email (per their preferences).
  await notifyGrantExpiring({ grantId: options.grantId, tx: options.tx });
}
