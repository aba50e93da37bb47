// The sharing-pair lock key of a (patient, invited address): invitations of one
// address by one patient queue up instead of racing (the partial unique index
// of the migration backs this up). Never a user id, so it cannot collide with one.
export const invitationLockKey = (email: string) => `invitation:${email.toLowerCase()}`;
