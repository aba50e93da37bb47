import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { refuseThrottledSignIn } from "@/lib/auth/sign-in/refuse-throttled-sign-in";

export const { GET } = handlers;

export async function POST(request: NextRequest) {
  return (await refuseThrottledSignIn(request)) ?? handlers.POST(request);
}
