"use server";

import { signOutCurrent } from "@/lib/auth/sign-out/sign-out-current";

export async function signOutAction() {
  await signOutCurrent();
}
