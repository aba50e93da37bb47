// Called once per grant by sweepExpiredGrants when it ends within the reminder
// window, inside the transaction that marks reminderSentAt. The notifications
// issue adds here: a job that reminds the patient (and the clinician) that the
// share ends, written with enqueueJob({ ..., tx }).
import type { Tx } from "@/lib/db";

export async function afterGrantExpiringSoon(options: { grantId: string; tx: Tx }): Promise<void> {
  void options;
}
