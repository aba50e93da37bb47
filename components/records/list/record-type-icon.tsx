// One icon per kind of file, always with the type in words next to it for screen readers.
import { File, FileImage, FileScan, FileText, FileType } from "lucide-react";

export function RecordTypeIcon({ mimeType, className }: { mimeType: string; className?: string }) {
  const Icon =
    mimeType === "application/dicom"
      ? FileScan
      : mimeType.startsWith("image/")
        ? FileImage
        : mimeType === "text/plain"
          ? FileType
          : mimeType === "application/pdf" || mimeType.includes("wordprocessingml")
            ? FileText
            : File;
  return <Icon aria-hidden className={className} />;
}
