"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { validatedAction, type ActionState } from "@/lib/auth/action";
import { ClientKeyMissing } from "@/lib/clients/store";
import { formatCalendarDate } from "@/lib/i18n/format";
import type { IneligibleReason } from "@/lib/eligibility/policy";
import { changeDates, closeNow, openNow, reissue } from "@/lib/windows/operations";
import {
  addImplementation,
  attachUnit,
  createCase,
  findCasesByHetu,
  revealClient,
  setImplementationEnd,
  type CaseResult,
} from "./operations";
import {
  attachUnitSchema,
  implementationEndSchema,
  implementationSchema,
  newCaseSchema,
  reissueSchema,
  findByHetuSchema,
  revealSchema,
  windowDatesSchema,
  windowVersionSchema,
} from "./schemas";

/** Eligibility reasons in the user's language, for the refusal message. */
async function reasonsText(reasons: IneligibleReason[] | undefined): Promise<string> {
  if (!reasons?.length) return "";
  const t = await getTranslations("eligibility");
  return reasons.map((r) => t(r)).join(" ");
}

/** Dates in messages as the user reads them (d.M.yyyy). */
function shown(params: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([k, v]) => [
      k,
      /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatCalendarDate(v) : v,
    ]),
  );
}

async function toState(
  r: CaseResult,
  raw: Record<string, string>,
  success: string,
  path?: string,
): Promise<ActionState> {
  if (!r.ok) {
    const params = shown(r.params);
    return {
      status: "error",
      message: r.message,
      params: { ...params, reasons: await reasonsText(r.reasons) },
      fieldErrors: r.fieldErrors,
      fieldParams: Object.fromEntries(Object.keys(r.fieldErrors ?? {}).map((f) => [f, params])),
      values: raw,
    };
  }
  // Dynamic routes are revalidated as the page pattern.
  if (path) revalidatePath(path, path.includes("[") ? "page" : undefined);
  return { status: "success", message: success, at: Date.now() };
}

export const createCaseAction = validatedAction(
  "cases.create",
  newCaseSchema,
  async (input, actor, raw) => {
    let r: CaseResult;
    try {
      r = await createCase(getDb(), actor, input);
    } catch (e) {
      if (!(e instanceof ClientKeyMissing)) throw e;
      r = { ok: false, message: "cases.keyMissing" };
    }
    // Never echo the identity code back into the form state.
    const { hetu: _hetu, ...safe } = raw;
    void _hetu;
    if (!r.ok) return toState(r, safe, "");
    revalidatePath("/cases");
    redirect(`/cases/${r.id}`);
  },
);

export const addImplementationAction = validatedAction(
  "cases.addImplementation",
  implementationSchema,
  async (input, actor, raw) =>
    toState(
      await addImplementation(getDb(), actor, input),
      raw,
      "cases.implementationAdded",
      `/cases/${input.caseId}`,
    ),
);

export const setImplementationEndAction = validatedAction(
  "cases.setImplementationEnd",
  implementationEndSchema,
  async (input, actor, raw) => {
    const r = await setImplementationEnd(getDb(), actor, input);
    const state = await toState(r, raw, "cases.endSaved", "/cases/[id]");
    if (state.status === "success") state.params = { moved: r.ok ? (r.moved ?? 0) : 0 };
    return state;
  },
);

export const attachUnitAction = validatedAction(
  "cases.attachUnit",
  attachUnitSchema,
  async (input, actor, raw) => {
    const r = await attachUnit(getDb(), actor, input);
    return toState(
      r,
      raw,
      r.ok && r.override ? "cases.attachedOverride" : "cases.attached",
      "/cases/[id]",
    );
  },
);

export const revealClientAction = validatedAction(
  "clients.reveal",
  revealSchema,
  async (input, actor) => {
    const r = await revealClient(getDb(), actor, input).catch((e: unknown) => {
      if (e instanceof ClientKeyMissing) return { ok: false as const, message: "cases.keyMissing" };
      throw e;
    });
    if (!r.ok) return { status: "error", message: r.message };
    return {
      status: "success",
      message: "cases.revealed",
      data: { name: r.name, hetu: r.hetu },
      at: Date.now(),
    };
  },
);

export const openNowAction = validatedAction(
  "windows.openNow",
  windowVersionSchema,
  async (input, actor, raw) =>
    toState(await openNow(getDb(), actor, input), raw, "windows.opened", "/cases/[id]"),
);

export const closeNowAction = validatedAction(
  "windows.closeNow",
  windowVersionSchema,
  async (input, actor, raw) =>
    toState(await closeNow(getDb(), actor, input), raw, "windows.closed", "/cases/[id]"),
);

export const changeDatesAction = validatedAction(
  "windows.changeDates",
  windowDatesSchema,
  async (input, actor, raw) =>
    toState(await changeDates(getDb(), actor, input), raw, "windows.datesSaved", "/cases/[id]"),
);

export const reissueAction = validatedAction(
  "windows.reissue",
  reissueSchema,
  async (input, actor, raw) =>
    toState(await reissue(getDb(), actor, input), raw, "windows.reissued", "/cases/[id]"),
);

/** Finds a client's cases by identity code; a POST, so the code never appears in a URL. */
export const findByHetuAction = validatedAction(
  "clients.search",
  findByHetuSchema,
  async (input, actor) => {
    let rows: { id: string; caseOid: string }[];
    try {
      rows = await findCasesByHetu(getDb(), actor, input.hetu);
    } catch (e) {
      if (!(e instanceof ClientKeyMissing)) throw e;
      return { status: "error", message: "cases.keyMissing" };
    }
    return {
      status: "success",
      message: "cases.found",
      params: { count: rows.length },
      data: rows.map((r) => ({ id: r.id, caseOid: r.caseOid })),
      at: Date.now(),
    };
  },
);
