/**
 * Pure: a same-site path to return to after sign-in, or "/". Anything that
 * could leave the site (//host, /\host, control characters, absolute URLs)
 * falls back to "/".
 */
export function safeCallback(raw: unknown): string {
  const s = typeof raw === "string" ? raw : "";
  // Browsers drop tabs and newlines inside URLs: "/\t/evil" would become "//evil".
  if (!s.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(s)) return "/";
  try {
    const base = "http://portal.invalid";
    const u = new URL(s, base);
    if (u.origin !== base) return "/";
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return "/";
  }
}
