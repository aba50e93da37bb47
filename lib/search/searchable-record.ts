// The record columns engines index, read from Postgres (the source of truth).
import type { Prisma } from "@/lib/generated/prisma/client";

export const SEARCHABLE_RECORD_SELECT = {
  id: true,
  ownerId: true,
  originalName: true,
  mimeType: true,
  status: true,
  category: true,
  dateOfService: true,
  modality: true,
  bodyPart: true,
  sourceProvider: true,
  keywords: true,
  tags: true,
  extractedText: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.RecordSelect;
