// Asks our API for a short read SAS for one record (the server checks access
// and writes the audit row first). The URL carries a signature: it is used
// right away and never logged, stored or put in the page's own URL.

export type RecordUrlKind = "preview" | "download";

export class RecordUrlError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "RecordUrlError";
  }
}

export async function requestRecordUrl(recordId: string, kind: RecordUrlKind): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`/api/records/${encodeURIComponent(recordId)}/${kind}`, { method: "POST", headers: { Accept: "application/json" }, cache: "no-store" });
  } catch {
    throw new RecordUrlError("We could not reach MedVault. Check your connection and try again.", 0);
  }
  const body = (await response.json().catch(() => null)) as { url?: string; error?: { message?: string } } | null;
  if (!response.ok || !body?.url) {
    throw new RecordUrlError(body?.error?.message ?? "Something went wrong on our side. Please try again.", response.status);
  }
  return body.url;
}
