import { NextResponse, type NextRequest } from "next/server";
import { buildCsp, makeNonce, requestIdFrom } from "@/lib/security/csp";

/**
 * Runs before every page, API route and server action: a fresh CSP nonce and a request id
 * per request (ADR 0012). Next reads the nonce from the request's CSP header and puts it on
 * its own scripts; the layout passes it to Emotion.
 */
export function proxy(request: NextRequest) {
  const nonce = makeNonce();
  const csp = buildCsp(nonce, process.env.NODE_ENV === "development");
  const requestId = requestIdFrom(request.headers.get("x-request-id"));

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-request-id", requestId);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-request-id", requestId);
  return response;
}

export const config = {
  // Build assets are immutable files: no nonce to give them.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
