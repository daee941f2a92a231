"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { applyImport, planImport } from "./import";

const MAX_BYTES = 20 * 1024 * 1024;

async function fileBytes(form: FormData): Promise<Uint8Array | null> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0 || file.size > MAX_BYTES) return null;
  return new Uint8Array(await file.arrayBuffer());
}

/** Checks a CSV file against the rules and the database; changes nothing. */
export const dryRunImport = validatedAction(
  "import.dryRun",
  z.object({}),
  async (_input, _actor, _raw, form) => {
    const bytes = await fileBytes(form);
    if (!bytes) return { status: "error", message: "import.chooseFile" };
    const { plan } = await planImport(getDb(), bytes);
    return plan.issues.length > 0
      ? {
          status: "error",
          message: "import.issuesFound",
          params: { count: plan.issues.length },
          data: plan,
        }
      : { status: "success", message: "import.noIssues", data: plan, at: Date.now() };
  },
);

/** Applies a CSV file all or nothing. */
export const applyImportAction = validatedAction(
  "import.apply",
  z.object({}),
  async (_input, actor, _raw, form) => {
    const bytes = await fileBytes(form);
    if (!bytes) return { status: "error", message: "import.chooseFile" };
    const { applied, plan } = await applyImport(getDb(), actor, bytes);
    if (!applied) return { status: "error", message: "import.notApplied", data: plan };
    revalidatePath("/providers");
    return { status: "success", message: "import.applied", data: plan, at: Date.now() };
  },
);
