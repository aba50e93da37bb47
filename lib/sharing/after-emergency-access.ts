// Everything that follows an opened emergency access, inside the transaction
// that opened it (so it commits with the grant or not at all). The
// notifications issue adds here: jobs that tell the patient and the admins at
// once (in-app and email), written with enqueueJob({ ..., tx }).
import type { Tx } from "@/lib/db";

export async function afterEmergencyAccess(options: { grantId: string; tx: Tx }): Promise<void> {
  void options;
}
