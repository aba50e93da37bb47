// Words for the record enums as they are indexed and shown in search (so a
// search for "lab result" or "x-ray" finds what the patient sees labelled so).
import { IMAGING_MODALITY_LABELS, RECORD_CATEGORY_LABELS } from "@/lib/records/labels";

export const SEARCH_CATEGORY_LABELS = RECORD_CATEGORY_LABELS;
export const SEARCH_MODALITY_LABELS = IMAGING_MODALITY_LABELS;
