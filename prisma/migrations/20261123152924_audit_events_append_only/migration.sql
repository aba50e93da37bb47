-- Written by hand (no schema change): the audit trail is append-only in the
-- database itself, not only by convention in lib/audit. Two layers:
--  1. Triggers that refuse UPDATE, DELETE and TRUNCATE of "AuditEvent" for
--     every role, the table owner included. Only a superuser can step around
--     them (session_replication_role = replica), and a row changed that way
--     still breaks the hash chain that `npm run audit:verify` walks.
--  2. The privileges themselves: no role but the owner keeps UPDATE, DELETE or
--     TRUNCATE on the table. Production runs the app as a non-owner role that
--     holds SELECT and INSERT only on it (README, "Audit trail"), so the app
--     can neither change rows nor drop the triggers.

CREATE FUNCTION "audit_event_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_refuse_change"();

REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM PUBLIC;

-- Any role already granted these privileges (e.g. by a blanket GRANT ... ON ALL
-- TABLES before this migration) loses them; the owner keeps its implicit rights.
DO $$
DECLARE
  grantee_name text;
BEGIN
  FOR grantee_name IN
    SELECT DISTINCT grantee FROM information_schema.role_table_grants
    WHERE table_schema = current_schema() AND table_name = 'AuditEvent'
      AND privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
      AND grantee <> 'PUBLIC'
      AND grantee <> (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '"AuditEvent"'::regclass)
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM %I', grantee_name);
  END LOOP;
END;
$$;
