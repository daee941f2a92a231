import { handlers } from "@/lib/auth/auth";

// Auth.js's own endpoints (sign-in callbacks, CSRF, session); they authenticate, so no role applies.
export const { GET, POST } = handlers;
