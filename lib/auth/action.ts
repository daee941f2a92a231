import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db";
import { writeAudit } from "@/lib/audit";
import { getConfig } from "@/lib/config";
import { getSessionState, getSourceIp, signInUrl, type Actor } from "./actor";
import { mayRunAction, type ActionKey } from "./access";

/**
 * Result of a form action. Messages are message keys (lib/i18n/messages),
 * translated by the form; field errors are keys under "validation".
 */
export type ActionState =
  | { status: "idle" }
  | {
      status: "error";
      message: string;
      params?: Record<string, string | number>;
      /** Structured result for the form (e.g. an import plan); serialisable. */
      data?: unknown;
      fieldErrors?: Record<string, string>;
      /** Extra values for a field's message (e.g. the example OID). */
      fieldParams?: Record<string, Record<string, string>>;
      values?: Record<string, string>;
    }
  | {
      status: "success";
      message: string;
      params?: Record<string, string | number>;
      data?: unknown;
      at: number;
    };

export const idle: ActionState = { status: "idle" };

/**
 * Next checks Origin against Host but lets a request without Origin through; a browser always
 * sends Origin with a server action's POST, so only the portal's own origin is accepted.
 */
export async function originAllowed(): Promise<boolean> {
  return (await headers()).get("origin") === new URL(getConfig().appUrl).origin;
}

/** The answer to a refused Origin: audited as denied, nothing changed, a localized message. */
export async function refuseOrigin(action: string, actor: Actor | null): Promise<ActionState> {
  const origin = (await headers()).get("origin");
  await writeAudit(
    getDb(),
    actor ?? {
      userId: null,
      role: null,
      organiserId: null,
      providerId: null,
      sourceIp: await getSourceIp(),
    },
    {
      action,
      outcome: "denied",
      details: { reason: "origin", origin: origin ? origin.slice(0, 200) : null },
    },
  );
  return { status: "error", message: "validation.origin" };
}

/**
 * The one wrapper for server actions (after saas-starter's validatedActionWithUser):
 * authenticate, load the actor's role and scope, check the role against the
 * action table, validate input with zod, then hand a context to the operation.
 * The operation itself filters by the actor's scope and audits its change.
 */
export function validatedAction<S extends z.ZodType>(
  key: ActionKey,
  schema: S,
  operation: (
    input: z.infer<S>,
    actor: Actor,
    raw: Record<string, string>,
    form: FormData,
  ) => Promise<ActionState>,
) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const { actor, ended, mfa } = await getSessionState();
    if (!(await originAllowed())) return refuseOrigin(key, actor);
    // A session still waiting for its second factor may run no portal action.
    if (mfa) redirect("/signin/totp");
    if (!actor) redirect(signInUrl(null, ended));
    if (!mayRunAction(actor.role, key)) {
      await writeAudit(getDb(), actor, {
        action: key,
        outcome: "denied",
        details: { reason: "role" },
      });
      return { status: "error", message: "validation.forbidden" };
    }
    const raw: Record<string, string> = {};
    for (const [k, v] of formData.entries())
      if (typeof v === "string" && !k.startsWith("$")) raw[k] = v;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        fieldErrors[field] ??= issue.message;
      }
      return { status: "error", message: "validation.invalid", fieldErrors, values: raw };
    }
    return operation(parsed.data, actor, raw, formData);
  };
}
