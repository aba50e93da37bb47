-- Written by hand (no schema change): appending to the audit chain in one
-- statement. Before, the app sent five (BEGIN, the chain's advisory lock, read
-- the last hash, INSERT, COMMIT) and held the app-wide lock across three round
-- trips, which serialised every audited request under load.
--
-- The caller passes the row's fields and their canonical JSON (lib/audit/
-- hash-chain.ts); the hash is sha256(previous hash || '\n' || canonical JSON),
-- byte for byte what hashAuditEvent computes, so `npm run audit:verify` checks
-- old and new rows alike. A VOLATILE plpgsql function takes a new snapshot per
-- statement (READ COMMITTED), so the last hash is read after the lock is held:
-- a row committed while this call waited is seen and chained to.
CREATE FUNCTION "append_audit_event"(
  p_occurred_at TIMESTAMP(3),
  p_actor_id TEXT,
  p_actor_role "Role",
  p_action TEXT,
  p_patient_id TEXT,
  p_target_type TEXT,
  p_target_id TEXT,
  p_outcome "AuditOutcome",
  p_ip_address TEXT,
  p_user_agent TEXT,
  p_details JSONB,
  p_canonical TEXT
) RETURNS BIGINT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous TEXT;
  appended BIGINT;
BEGIN
  -- Any constant shared by all writers; held until the caller's transaction ends.
  PERFORM pg_advisory_xact_lock(7238401);
  SELECT "hash" INTO previous FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  INSERT INTO "AuditEvent" (
    "occurredAt", "actorId", "actorRole", "action", "patientId", "targetType", "targetId",
    "outcome", "ipAddress", "userAgent", "details", "prevHash", "hash"
  ) VALUES (
    p_occurred_at, p_actor_id, p_actor_role, p_action, p_patient_id, p_target_type, p_target_id,
    p_outcome, p_ip_address, p_user_agent, p_details, previous,
    encode(sha256(convert_to(previous || E'\n' || p_canonical, 'UTF8')), 'hex')
  ) RETURNING "id" INTO appended;
  RETURN appended;
END;
$$;
