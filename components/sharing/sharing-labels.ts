// Plain words for grant levels and scopes, shared by the patient's sharing page
// and the clinician's pages.
import { categoryLabel } from "@/components/records/detail/labels";
import type { GrantLevel, GrantScope } from "@/lib/generated/prisma/enums";

export const LEVEL_OPTIONS: readonly { value: GrantLevel; label: string; explanation: string }[] = [
  { value: "VIEW", label: "View only", explanation: "They can open and read the records on screen. They cannot save copies." },
  { value: "DOWNLOAD", label: "View and download", explanation: "They can also save copies of the files to their own device." },
  { value: "CONTRIBUTE", label: "Contribute new records", explanation: "They can view, download and add new records to your vault, such as a letter or a scan." },
  { value: "PROPOSE_EDITS", label: "Propose edits", explanation: "They can view, download and suggest corrections. Nothing changes until you approve it." },
];

export const levelLabel = (level: GrantLevel) => LEVEL_OPTIONS.find((option) => option.value === level)?.label ?? level;

export const SCOPE_OPTIONS: readonly { value: GrantScope; label: string; explanation: string }[] = [
  { value: "ALL", label: "Everything", explanation: "All your records, including ones you add later." },
  { value: "CATEGORIES", label: "Chosen categories", explanation: "Only records in the categories you tick, including later ones." },
  { value: "RECORDS", label: "Chosen records", explanation: "Only the records you tick." },
];

/** "All records", "Lab result and Imaging", "3 chosen records". */
export function scopeText(grant: { scope: GrantScope; categories: readonly string[]; recordCount?: number; recordIds?: readonly string[] }): string {
  if (grant.scope === "ALL") return "All records";
  if (grant.scope === "CATEGORIES") {
    const names = grant.categories.map((category) => categoryLabel(category));
    if (names.length <= 1) return names[0] ? `${names[0]} records` : "No categories";
    return `${names.slice(0, -1).join(", ")} and ${names.at(-1)} records`;
  }
  const count = grant.recordCount ?? grant.recordIds?.length ?? 0;
  return `${count} chosen ${count === 1 ? "record" : "records"}`;
}

export const ROLE_LABELS: Record<string, string> = { PHYSICIAN: "Physician", NURSE: "Nurse", STAFF: "Clinic staff" };
export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;
