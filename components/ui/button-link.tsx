import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

const variants = {
  primary: "bg-accent-700 text-white hover:bg-accent-800",
  secondary: "bg-white text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
} as const;

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: keyof typeof variants };

/** A link styled as a button, with a touch target of at least 44 px. */
export function ButtonLink({ variant = "primary", className, ...props }: ButtonLinkProps) {
  return (
    <Link
      className={cn(
        "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 py-2.5 text-base font-semibold transition-colors",
        variants[variant],
        className,
      )}
      {...props}
    />
  );
}
