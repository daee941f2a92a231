import { notFound } from "next/navigation";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("errors.notFoundTitle");

/**
 * Any address no route matches: a 404 inside the portal's frame (app/(portal)/not-found.tsx),
 * with the navigation of whoever is signed in. Without this the root not-found would have to
 * draw the frame itself, and Next.js renders the root not-found into every response (ADR 18).
 */
export default function Missing(): never {
  notFound();
}
