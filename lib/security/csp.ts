/**
 * The Content-Security-Policy and request id that proxy.ts puts on every page and API
 * response (ADR 0012). Kept free of Node-only imports so the proxy can use it.
 */

/** A fresh, unguessable nonce (128 random bits, base64) for one request. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function buildCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    // Only scripts carrying this response's nonce run, and the scripts they load
    // ('strict-dynamic'); React needs eval for its dev-mode stack traces only.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Emotion's <style> tags get the nonce through AppRouterCacheProvider.
    `style-src 'self' 'nonce-${nonce}'`,
    `style-src-elem 'self' 'nonce-${nonce}'`,
    // React style props (MUI's progress bars, chart SVG, visually hidden captions) render as
    // style attributes, which cannot carry a nonce; attributes cannot run script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Incoming request ids are kept only when they are short, plain tokens (no log injection). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
