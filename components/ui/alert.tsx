import type { ReactNode } from "react";
import { CircleAlert, CircleCheck, Info } from "lucide-react";
import { cn } from "./cn";

const tones = {
  error: { icon: CircleAlert, label: "Error", className: "border-red-200 bg-red-50 text-red-800" },
  success: { icon: CircleCheck, label: "Done", className: "border-green-200 bg-green-50 text-green-800" },
  info: { icon: Info, label: "Note", className: "border-sky-200 bg-sky-50 text-sky-900" },
} as const;

/** A message whose meaning is carried by an icon and a word, never by colour alone. */
export function Alert({ tone, children }: { tone: keyof typeof tones; children: ReactNode }) {
  const { icon: Icon, label, className } = tones[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("flex gap-3 rounded-lg border p-3", className)}>
      <Icon aria-hidden className="mt-0.5 size-5 shrink-0" />
      <p>
        <span className="sr-only">{label}: </span>
        {children}
      </p>
    </div>
  );
}
