/**
 * Filters of the staff's provider list (/providers), shared by the page, the readiness
 * dashboard's links and the exports: the list's own search, OID status and sort, plus the
 * readiness filters (funnel stage reached or stopped at, client information system, service task,
 * pending deployment test). Parsing never throws: an unknown value is dropped, not an error.
 */
import { z } from "zod";
import { oidStatuses, serviceTasks } from "@/db/schema";
import { single } from "@/lib/i18n/pick";

/**
 * The go-live readiness funnel, in order. A provider reaches a stage when it meets that stage's
 * condition and the conditions of every stage before it (lib/readiness/queries.ts).
 */
export const readinessStages = [
  "invited",
  "oid_submitted",
  "oid_verified",
  "system_tested",
  "kanta_in_use",
  "eligible",
  "access_opened",
  "case_numbers_delivered",
] as const;
export type ReadinessStage = (typeof readinessStages)[number];

/** `cis=none`: providers none of whose units has a client information system. */
export const NO_CIS = "none";
/** `task=none`: providers with no access window on any of the organiser's cases yet. */
export const NO_TASK = "none";

export const providerSorts = ["name", "businessId", "attention"] as const;
export type ProviderSort = (typeof providerSorts)[number];

export const providerFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(oidStatuses).optional().catch(undefined),
  sort: z.enum(providerSorts).catch("name").default("name"),
  page: z.coerce.number().int().min(1).max(100000).catch(1).default(1),
  /** Providers that reached this funnel stage. */
  stage: z.enum(readinessStages).optional().catch(undefined),
  /** Providers that reached the stage before this one but not this one. */
  stoppedAt: z.enum(readinessStages).optional().catch(undefined),
  /** Providers with a unit on this client information system (id), or NO_CIS. */
  cis: z
    .union([z.literal(NO_CIS), z.uuid()])
    .optional()
    .catch(undefined),
  /** Providers with an access window on a case of this service task, or NO_TASK. */
  task: z
    .enum([...serviceTasks, NO_TASK])
    .optional()
    .catch(undefined),
  /**
   * Providers that this system's pending deployment test would make eligible: not eligible now,
   * and the only thing missing under rule 3 is a passed test of this system (id).
   */
  unblockedBy: z.uuid().optional().catch(undefined),
});

export type ProviderFilters = z.infer<typeof providerFilterSchema>;

/** The filter keys beyond the list's own search, status and sort. */
export const readinessFilterKeys = ["stage", "stoppedAt", "cis", "task", "unblockedBy"] as const;
export type ReadinessFilterKey = (typeof readinessFilterKeys)[number];

/** Reads the provider list's filters from a page's search params (first value of repeats). */
export function parseProviderFilters(
  searchParams: Record<string, string | string[] | undefined>,
): ProviderFilters {
  const value = (k: string) => single(searchParams[k])?.trim() || undefined;
  return providerFilterSchema.parse({
    q: value("q"),
    status: value("status"),
    sort: value("sort"),
    page: value("page"),
    stage: value("stage"),
    stoppedAt: value("stoppedAt"),
    cis: value("cis"),
    task: value("task"),
    unblockedBy: value("unblockedBy"),
  });
}

/** The filters as query parameters (no page; the default sort left out), for links and paging. */
export function providerFilterQuery(
  filters: Partial<ProviderFilters>,
): Record<string, string | undefined> {
  return {
    q: filters.q || undefined,
    status: filters.status,
    sort: filters.sort && filters.sort !== "name" ? filters.sort : undefined,
    stage: filters.stage,
    stoppedAt: filters.stoppedAt,
    cis: filters.cis,
    task: filters.task,
    unblockedBy: filters.unblockedBy,
  };
}

/** A link to the provider list with these filters, e.g. /providers?stage=eligible&cis=… */
export function providersHref(filters: Partial<ProviderFilters> = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(providerFilterQuery(filters))) if (v) qs.set(k, v);
  const s = qs.toString();
  return s ? `/providers?${s}` : "/providers";
}
