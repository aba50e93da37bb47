import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "down" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
