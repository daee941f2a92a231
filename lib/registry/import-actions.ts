"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { validatedAction } from "@/lib/auth/action";
import { applyImport, planImport } from "./import";
import { checkCsvUpload } from "./upload";

/** Checks a CSV file against the rules and the database; changes nothing. */
export const dryRunImport = validatedAction(
  "import.dryRun",
  z.object({}),
  async (_input, _actor, _raw, form) => {
    const file = await checkCsvUpload(form.get("file"));
    if (!file.ok) return { status: file.status, message: file.message, params: file.params };
    const { plan } = await planImport(getDb(), file.bytes);
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
    const file = await checkCsvUpload(form.get("file"));
    if (!file.ok) return { status: file.status, message: file.message, params: file.params };
    const { applied, plan } = await applyImport(getDb(), actor, file.bytes);
    if (!applied) return { status: "error", message: "import.notApplied", data: plan };
    revalidatePath("/providers");
    return { status: "success", message: "import.applied", data: plan, at: Date.now() };
  },
);
