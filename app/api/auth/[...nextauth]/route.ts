import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { limitAuthPost } from "@/lib/auth/endpoint-limits";

// Auth.js's own endpoints (sign-in callbacks, CSRF, session); they authenticate, so no role applies.
export const { GET } = handlers;

/** Direct POSTs to the sign-in endpoints count against the same database limits as the pages. */
export async function POST(request: NextRequest): Promise<Response> {
  return (await limitAuthPost(request)) ?? handlers.POST(request);
}
