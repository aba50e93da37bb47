import { ArrowDown, ArrowUp, Check } from "lucide-react";
import type { LabRangeFlag } from "@/lib/validation/health";

const FLAGS = {
  high: { label: "Above normal range", icon: ArrowUp, className: "bg-red-100 text-red-900 ring-red-300" },
  low: { label: "Below normal range", icon: ArrowDown, className: "bg-amber-100 text-amber-950 ring-amber-300" },
  normal: { label: "In normal range", icon: Check, className: "bg-green-100 text-green-900 ring-green-300" },
} as const;

/** Out-of-range is said in words and an arrow, not by colour alone; nothing for an unknown range. */
export function LabFlag({ flag }: { flag: LabRangeFlag }) {
  if (flag === "unknown") return null;
  const { label, icon: Icon, className } = FLAGS[flag];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-semibold ring-1 ring-inset ${className}`} data-flag={flag}>
      <Icon aria-hidden className="size-4" />
      {label}
    </span>
  );
}
