// How a record's uploader (or the author of a change) is named once their
// account has been deleted: Record.uploadedById and RecordVersion.changedById
// become null (ON DELETE SET NULL) and the record stays with its patient.
// No database access here: client components may import it.
export const FORMER_CLINICIAN = "A former clinician";
