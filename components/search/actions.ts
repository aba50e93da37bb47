"use server";
// The search forms without JavaScript (the header box, the search page before
// it hydrates): post here, land on /search with the criteria in its address.
import { redirect } from "next/navigation";

const FIELDS = ["q", "category", "modality", "provider", "from", "to", "patient", "archived", "sort"] as const;

export async function openSearchAction(formData: FormData): Promise<void> {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string" && value.trim() !== "") params.set(field, value.trim().slice(0, 200));
  }
  redirect(`/search${params.size ? `?${params}` : ""}`);
}
