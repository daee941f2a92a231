import { StatusPage } from "@/components/StatusPage";

/**
 * A fallback only: unknown addresses end in app/(portal)/[...missing] and the route groups have
 * their own boundaries, inside their frames. Frameless because Next.js renders the root
 * not-found boundary into every response (ADR 18).
 */
export default function NotFound() {
  return <StatusPage kind="notFound" />;
}
