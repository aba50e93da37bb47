import type { ReactNode } from "react";
import { categoryLabel, formatSize, modalityLabel, typeLabel } from "./labels";
import { LocalTime } from "./local-time";
import type { RecordView } from "./record-view";

function Fact({ term, children, corrected }: { term: string; children: ReactNode; corrected?: boolean }) {
  return (
    <div className="flex flex-col gap-0.5 border-b border-slate-100 py-2 last:border-b-0 sm:flex-row sm:gap-4">
      <dt className="shrink-0 text-sm font-medium text-slate-600 sm:w-36">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">
        {children}
        {corrected ? <span className="ml-2 text-sm text-slate-600">(corrected by you)</span> : null}
      </dd>
    </div>
  );
}

const unknown = <span className="text-slate-600">Not known</span>;

/** What MedVault knows about the record. Every value is rendered as text (React escapes it). */
export function RecordFacts({ record }: { record: RecordView }) {
  const imaging = [record.modality ? modalityLabel(record.modality) : null, record.bodyPart].filter(Boolean).join(", ");
  const corrected = new Set(record.correctedFields);
  return (
    <dl className="rounded-lg border border-slate-200 bg-white px-3">
      <Fact term="Category" corrected={corrected.has("category")}>
        {categoryLabel(record.category)}
        {imaging ? <span className="text-slate-700"> · {imaging}</span> : null}
      </Fact>
      <Fact term="Date of service" corrected={corrected.has("dateOfService")}>
        {record.dateOfService ? <LocalTime iso={record.dateOfService} /> : unknown}
      </Fact>
      <Fact term="Provider">{record.sourceProvider ?? unknown}</Fact>
      <Fact term="Tags" corrected={corrected.has("tags")}>
        {record.tags.length ? (
          <ul className="flex flex-wrap gap-1.5" aria-label="Tags">
            {record.tags.map((tag) => (
              <li key={tag} className="rounded-full bg-accent-50 px-2.5 py-0.5 text-sm text-accent-900 ring-1 ring-inset ring-accent-100">
                {tag}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-600">None</span>
        )}
      </Fact>
      <Fact term="Type">{typeLabel(record.mimeType)}</Fact>
      <Fact term="Size">{formatSize(record.sizeBytes)}</Fact>
      <Fact term="Uploaded by">
        {record.uploadedBy}, <LocalTime iso={record.createdAt} withTime />
      </Fact>
    </dl>
  );
}
