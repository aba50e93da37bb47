// An audit event in plain words for the patient it is about: what the actor
// did ("viewed “MRI knee”"), without the actor (the page puts the name first)
// and without the time (shown in the reader's time zone by the page).
export interface ActivityFacts {
  action: string;
  outcome: "ALLOWED" | "DENIED";
  /** The record's name when the event is about one that still exists. */
  recordName: string | null;
  /** The other person an event is about (the clinician a grant is for), by name. */
  otherName: string | null;
  /** Whether the patient is the actor ("you shared ..." vs "... asked for access"). */
  byPatient: boolean;
}

const quoted = (name: string | null) => (name ? `“${name}”` : "a record");

export function describeActivity(facts: ActivityFacts): string {
  const record = quoted(facts.recordName);
  const other = facts.otherName ?? "a clinician";
  const phrases: Record<string, string> = {
    "record.viewed": `viewed ${record}`,
    "record.previewed": `opened ${record}`,
    "record.downloaded": `downloaded ${record}`,
    "record.thumbnails_listed": "looked at previews of your records",
    "record.search_results_shown": "saw some of your records in search results",
    "record.uploaded": `uploaded ${record}`,
    "record.upload_slot_issued": "started an upload",
    "record.metadata_corrected": `corrected the details of ${record}`,
    "record.archived": `archived ${record}`,
    "record.restored": `restored ${record}`,
    "record.deleted": `deleted ${facts.recordName ? record : "a record"}`,
    "health_data.viewed": "viewed your health data",
    "health_entry.viewed": "viewed an entry of your health data",
    "health_entry.created": "added an entry to your health data",
    "health_entry.updated": "changed an entry of your health data",
    "health_entry.removed": "removed an entry from your health data",
    "health_entry.change_proposed": "proposed a change to your health data",
    "grant.created": facts.byPatient ? `shared your records with ${other}` : `gave ${other} access to your records`,
    "grant.updated": `changed what ${other} can see`,
    "grant.revoked": `stopped sharing with ${other}`,
    "grant.expired": `ended the access of ${other} (the end date passed)`,
    "access_request.created": "asked for access to your records",
    "access_request.approved": `approved the access request of ${other}`,
    "access_request.denied": `declined the access request of ${other}`,
    "access_request.cancelled": "withdrew a request for access",
    "emergency.opened": "opened your records with emergency access",
    "emergency.ended": facts.byPatient ? `ended the emergency access of ${other}` : "ended an emergency access to your records",
    "proposal.created": `proposed a change to ${record}`,
    "proposal.approved": `approved a proposed change to ${facts.recordName ? record : "your data"}`,
    "proposal.rejected": `declined a proposed change to ${facts.recordName ? record : "your data"}`,
    "proposal.outdated": `approved a proposed change to ${facts.recordName ? record : "your data"}, but it was out of date and nothing changed`,
  };
  if (facts.outcome === "DENIED") {
    const tried: Record<string, string> = {
      "record.viewed": `view ${record}`,
      "record.previewed": `open ${record}`,
      "record.downloaded": `download ${record}`,
      "record.metadata_corrected": `change the details of ${record}`,
      "proposal.created": `propose a change to ${record}`,
      "emergency.opened": "open your records with emergency access",
      "access_request.created": "ask for access to your records",
    };
    return `tried to ${tried[facts.action] ?? "access your data"} and was refused`;
  }
  return phrases[facts.action] ?? fallback(facts.action);
}

/** "data_export.requested" -> "data export requested". */
function fallback(action: string): string {
  if (/export/.test(action)) return /download/.test(action) ? "downloaded an export of your data" : "exported your data";
  return action.replace(/[._]+/g, " ").trim();
}
