import { Ban, CircleCheck, Clock } from "lucide-react";
import type { UserStatus } from "@/lib/generated/prisma/enums";
import { cn } from "@/components/ui/cn";

const STATUS = {
  ACTIVE: { icon: CircleCheck, label: "Active", className: "bg-green-50 text-green-800 ring-green-200" },
  PENDING_VERIFICATION: { icon: Clock, label: "Pending verification", className: "bg-amber-50 text-amber-900 ring-amber-200" },
  SUSPENDED: { icon: Ban, label: "Suspended", className: "bg-red-50 text-red-800 ring-red-200" },
} as const satisfies Record<UserStatus, unknown>;

export const statusLabel = (status: UserStatus) => STATUS[status].label;

/** An account's status as icon and word, so it never depends on colour alone. */
export function AccountStatusBadge({ status }: { status: UserStatus }) {
  const { icon: Icon, label, className } = STATUS[status];
  return (
    <span className={cn("inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset", className)}>
      <Icon aria-hidden className="size-4" />
      {label}
    </span>
  );
}
