// One Meilisearch document per record: the searchable text (same pieces as the
// Postgres engine's weights, in ranking order) and the facts filters and the
// server-built access filter need. Dates are whole days since 1970 so range
// filters are numeric.
import { buildSearchDocument } from "../search-document";
import { SEARCH_CATEGORY_LABELS, SEARCH_MODALITY_LABELS } from "../labels";
import type { SearchableRecord } from "../types";

export interface MeiliRecordDocument {
  id: string;
  ownerId: string;
  status: string;
  category: string | null;
  modality: string | null;
  providerKey: string | null;
  dateOfService: number | null;
  createdAt: number;
  title: string;
  tags: string[];
  categoryLabel: string;
  sourceProvider: string;
  modalityLabel: string;
  bodyPart: string;
  keywords: string[];
  dicomText: string;
  content: string;
}

export const MEILI_SETTINGS = {
  // Order = importance (Meilisearch's "attribute" ranking rule): A, then B, then C.
  searchableAttributes: ["title", "tags", "categoryLabel", "sourceProvider", "modalityLabel", "bodyPart", "keywords", "dicomText", "content"],
  filterableAttributes: ["id", "ownerId", "status", "category", "modality", "providerKey", "dateOfService"],
  sortableAttributes: ["dateOfService", "createdAt"],
  displayedAttributes: ["id", "title", "categoryLabel", "sourceProvider", "modalityLabel", "bodyPart", "keywords", "dicomText", "content"],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

export function toMeiliDocument(record: SearchableRecord): MeiliRecordDocument {
  const doc = buildSearchDocument(record);
  return {
    id: record.id,
    ownerId: record.ownerId,
    status: record.status,
    category: record.category,
    modality: record.modality,
    providerKey: record.sourceProvider ? record.sourceProvider.trim().toLowerCase() : null,
    dateOfService: record.dateOfService ? Math.floor(record.dateOfService.getTime() / 86_400_000) : null,
    createdAt: record.createdAt.getTime(),
    title: doc.title,
    tags: record.tags,
    categoryLabel: record.category ? SEARCH_CATEGORY_LABELS[record.category] : "",
    sourceProvider: record.sourceProvider ?? "",
    modalityLabel: record.modality ? SEARCH_MODALITY_LABELS[record.modality] : "",
    bodyPart: record.bodyPart ?? "",
    keywords: record.keywords,
    dicomText: doc.dicomText,
    content: doc.content,
  };
}
