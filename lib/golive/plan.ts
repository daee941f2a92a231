/**
 * Planning of the go-live bulk step (DOMAIN rule 4): for each validated CSV row, what applying
 * the file would do. Pure apart from `newId` (ids for the rows to be inserted): the caller loads
 * the state it needs (./apply.ts) and gets back per-row outcomes, a summary for people and the
 * rows to write. The dry run and the apply run the same function, so their counts are equal.
 *
 * Outcomes per row:
 * - `open`: a window would be created (with the client, case, implementation and resource it
 *   needs, where they do not exist yet);
 * - `already`: a live (not invalidated) window already exists for that case, service, start date
 *   and unit, or an earlier row of the file opens it: nothing is opened twice;
 * - `refused`: with every reason that applies, in the order of `refusalReasons`.
 */
import type { ServiceTask } from "@/db/schema/cases";
import type { UnitFacts } from "@/lib/eligibility/facts";
import {
  decideAccess,
  ineligibleReasons,
  type IneligibleReason,
  type PolicySettings,
} from "@/lib/eligibility/policy";
import { proposeWindow, stateOn, type WindowProposal, type WindowState } from "@/lib/windows/rules";
import type { GoLiveRow } from "./csv";

export const refusalReasons = [
  "case_other_organiser",
  "unknown_unit",
  "case_other_client",
  ...ineligibleReasons,
  "ended_before_go_live",
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export type RowOutcome =
  | { line: number; outcome: "open"; state: WindowState }
  | { line: number; outcome: "already" }
  | { line: number; outcome: "refused"; reasons: RefusalReason[] };

export type ProviderRefusals = {
  /** null: rows whose unit OID is not in the organiser's registry. */
  providerId: string | null;
  providerName: string | null;
  /** Refused rows of this provider. */
  refused: number;
  /** Rows per reason (a row with two reasons counts under both). */
  reasons: Partial<Record<RefusalReason, number>>;
};

export type GoLiveSummary = {
  rows: number;
  open: number;
  already: number;
  refused: number;
  /** The windows to open, by their state today. */
  windows: { open: number; planned: number; closed: number };
  created: {
    clients: number;
    cases: number;
    /** Existing cases with no client yet that get the row's client. */
    casesLinked: number;
    implementations: number;
    resources: number;
    windows: number;
  };
  byReason: { reason: RefusalReason; rows: number }[];
  byProvider: ProviderRefusals[];
};

/** What the organiser already has, as far as the file's rows touch it. */
export type ExistingState = {
  /** By case OID, in any organiser (case OIDs are national). */
  cases: Map<
    string,
    { id: string; organiserId: string; clientId: string | null; serviceTask: ServiceTask }
  >;
  /** Client id by identity-code lookup hash (the organiser's clients only). */
  clients: Map<string, string>;
  /** Implementation id by `${caseId}|${service}|${startsOn}`. */
  implementations: Map<string, string>;
  /** Resource id by `${implementationId}|${serviceUnitId}`. */
  resources: Map<string, string>;
  /** Resources that have a live (not invalidated) window. */
  liveResources: Set<string>;
};

export type PlanRow = GoLiveRow & { hetuHash: string };

export type GoLiveWrites = {
  clients: { id: string; hetuHash: string; name: string; hetu: string }[];
  cases: { id: string; caseOid: string; serviceTask: ServiceTask; clientId: string }[];
  caseLinks: { caseId: string; clientId: string }[];
  implementations: {
    id: string;
    caseId: string;
    service: string;
    startsOn: string;
    endsOn: string | null;
  }[];
  resources: {
    id: string;
    implementationId: string;
    serviceUnitId: string;
    startsOn: string;
    endsOn: string | null;
  }[];
  windows: {
    id: string;
    caseId: string;
    serviceUnitId: string;
    implementationId: string;
    resourceId: string;
    opensOn: string;
    closesOn: string | null;
    state: WindowState;
    existingClient: boolean;
  }[];
};

export type GoLivePlan = { outcomes: RowOutcome[]; summary: GoLiveSummary; writes: GoLiveWrites };

export const implementationKey = (caseId: string, service: string, startsOn: string) =>
  `${caseId}|${service}|${startsOn}`;
export const resourceKey = (implementationId: string, unitId: string) =>
  `${implementationId}|${unitId}`;

/** Sorted, de-duplicated reasons in the order of refusalReasons. */
function ordered(reasons: Iterable<RefusalReason>): RefusalReason[] {
  const set = new Set(reasons);
  return refusalReasons.filter((r) => set.has(r));
}

export function planGoLiveRows(input: {
  organiserId: string;
  rows: PlanRow[];
  /** The organiser's units with an OID, by OID (lib/eligibility/facts.ts). */
  units: Map<string, UnitFacts>;
  existing: ExistingState;
  settings: PolicySettings;
  today: string;
  newId: () => string;
}): GoLivePlan {
  const { organiserId, units, existing, settings, today, newId } = input;
  const writes: GoLiveWrites = {
    clients: [],
    cases: [],
    caseLinks: [],
    implementations: [],
    resources: [],
    windows: [],
  };
  // Ids of things created by earlier rows of this file.
  const clientIds = new Map(existing.clients);
  const caseIds = new Map<string, { id: string; clientId: string | null }>();
  const implementationIds = new Map(existing.implementations);
  const implementationRows = new Map<string, GoLiveWrites["implementations"][number]>();
  const resourceIds = new Map(existing.resources);
  const live = new Set(existing.liveResources);

  const outcomes: RowOutcome[] = [];
  const summary: GoLiveSummary = {
    rows: input.rows.length,
    open: 0,
    already: 0,
    refused: 0,
    windows: { open: 0, planned: 0, closed: 0 },
    created: { clients: 0, cases: 0, casesLinked: 0, implementations: 0, resources: 0, windows: 0 },
    byReason: [],
    byProvider: [],
  };
  const byReason = new Map<RefusalReason, number>();
  const byProvider = new Map<string | null, ProviderRefusals>();
  const decisions = new Map<UnitFacts, Map<string, IneligibleReason[]>>();
  const dateCache = new Map<
    string,
    { existingClient: boolean; proposal: WindowProposal; ended: boolean; state: WindowState }
  >();

  const refuse = (row: PlanRow, unit: UnitFacts | undefined, reasons: RefusalReason[]) => {
    const sorted = ordered(reasons);
    outcomes.push({ line: row.line, outcome: "refused", reasons: sorted });
    summary.refused++;
    const key = unit?.providerId ?? null;
    let group = byProvider.get(key);
    if (!group) {
      group = {
        providerId: key,
        providerName: unit?.providerName ?? null,
        refused: 0,
        reasons: {},
      };
      byProvider.set(key, group);
    }
    group.refused++;
    for (const r of sorted) {
      group.reasons[r] = (group.reasons[r] ?? 0) + 1;
      byReason.set(r, (byReason.get(r) ?? 0) + 1);
    }
  };

  for (const row of input.rows) {
    const unit = units.get(row.unitOid);
    const found = existing.cases.get(row.caseOid);
    // Another welfare area's case: refused with that one reason, nothing else is looked at.
    if (found && found.organiserId !== organiserId) {
      refuse(row, unit, ["case_other_organiser"]);
      continue;
    }
    const reasons: RefusalReason[] = [];
    if (!unit) reasons.push("unknown_unit");

    const clientId = clientIds.get(row.hetuHash) ?? null;
    const theCase = found ? (caseIds.get(row.caseOid) ?? found) : caseIds.get(row.caseOid);
    if (theCase && theCase.clientId !== null && theCase.clientId !== clientId)
      reasons.push("case_other_client");

    // A live window for this case, service, start and unit: nothing to open.
    if (reasons.length === 0 && unit && theCase) {
      const implementationId = implementationIds.get(
        implementationKey(theCase.id, row.service, row.startsOn),
      );
      const resourceId =
        implementationId && resourceIds.get(resourceKey(implementationId, unit.unitId));
      if (resourceId && live.has(resourceId)) {
        outcomes.push({ line: row.line, outcome: "already" });
        summary.already++;
        continue;
      }
    }

    if (unit) {
      let byService = decisions.get(unit);
      if (!byService) decisions.set(unit, (byService = new Map()));
      let ineligible = byService.get(row.service);
      if (!ineligible) {
        ineligible = decideAccess(
          unit.facts,
          { service: row.service, voucher: false },
          settings,
        ).reasons;
        byService.set(row.service, ineligible);
      }
      if (ineligible.length > 0) reasons.push(...ineligible);
    }

    // Many rows share their dates: each pair of dates is worked out once.
    const datesKey = `${row.startsOn}|${row.endsOn ?? ""}`;
    let dates = dateCache.get(datesKey);
    if (!dates) {
      // In service before go-live: an existing client, whose access opens on the go-live date.
      // A service that starts later opens daysBeforeStart days before it starts (rule 4).
      const existingClient = row.startsOn < settings.goLiveDate;
      const proposal = proposeWindow({
        serviceStart: row.startsOn,
        serviceEnd: row.endsOn,
        existingClient,
        goLiveDate: settings.goLiveDate,
        daysBeforeStart: settings.daysBeforeStart,
        daysAfterEnd: settings.daysAfterEnd,
      });
      const ended = proposal.closesOn !== null && proposal.closesOn < proposal.opensOn;
      dates = {
        existingClient,
        proposal,
        ended,
        state: ended ? "closed" : stateOn({ ...proposal, invalidated: false }, today),
      };
      dateCache.set(datesKey, dates);
    }
    const { existingClient, proposal, state } = dates;
    if (dates.ended) reasons.push("ended_before_go_live");

    if (reasons.length > 0 || !unit) {
      refuse(row, unit, reasons);
      continue;
    }

    // Open: create what is missing, in dependency order.
    let client = clientId;
    if (client === null) {
      client = newId();
      clientIds.set(row.hetuHash, client);
      writes.clients.push({
        id: client,
        hetuHash: row.hetuHash,
        name: row.clientName,
        hetu: row.hetu,
      });
    }
    let caseRef = theCase;
    if (!caseRef) {
      caseRef = { id: newId(), clientId: client };
      caseIds.set(row.caseOid, caseRef);
      writes.cases.push({
        id: caseRef.id,
        caseOid: row.caseOid,
        serviceTask: row.serviceTask,
        clientId: client,
      });
    } else if (caseRef.clientId === null) {
      caseRef = { id: caseRef.id, clientId: client };
      caseIds.set(row.caseOid, caseRef);
      writes.caseLinks.push({ caseId: caseRef.id, clientId: client });
    }
    const iKey = implementationKey(caseRef.id, row.service, row.startsOn);
    let implementationId = implementationIds.get(iKey);
    if (!implementationId) {
      implementationId = newId();
      implementationIds.set(iKey, implementationId);
      const impl = {
        id: implementationId,
        caseId: caseRef.id,
        service: row.service,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      };
      implementationRows.set(iKey, impl);
      writes.implementations.push(impl);
    } else {
      // Two units of one new implementation: it lasts as long as the longest of them.
      const impl = implementationRows.get(iKey);
      if (impl && impl.endsOn !== null && (row.endsOn === null || row.endsOn > impl.endsOn))
        impl.endsOn = row.endsOn;
    }
    const rKey = resourceKey(implementationId, unit.unitId);
    let resourceId = resourceIds.get(rKey);
    if (!resourceId) {
      resourceId = newId();
      resourceIds.set(rKey, resourceId);
      writes.resources.push({
        id: resourceId,
        implementationId,
        serviceUnitId: unit.unitId,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      });
    }
    if (live.has(resourceId)) {
      // An earlier row of this file opens the same window.
      outcomes.push({ line: row.line, outcome: "already" });
      summary.already++;
      continue;
    }
    live.add(resourceId);
    writes.windows.push({
      id: newId(),
      caseId: caseRef.id,
      serviceUnitId: unit.unitId,
      implementationId,
      resourceId,
      opensOn: proposal.opensOn,
      closesOn: proposal.closesOn,
      state,
      existingClient,
    });
    outcomes.push({ line: row.line, outcome: "open", state });
    summary.open++;
    if (state === "open" || state === "planned" || state === "closed") summary.windows[state]++;
  }

  summary.created = {
    clients: writes.clients.length,
    cases: writes.cases.length,
    casesLinked: writes.caseLinks.length,
    implementations: writes.implementations.length,
    resources: writes.resources.length,
    windows: writes.windows.length,
  };
  summary.byReason = refusalReasons
    .filter((r) => byReason.has(r))
    .map((r) => ({ reason: r, rows: byReason.get(r)! }));
  summary.byProvider = [...byProvider.values()].sort(
    (a, b) =>
      b.refused - a.refused ||
      (a.providerName ?? "\uffff").localeCompare(b.providerName ?? "\uffff", "fi"),
  );
  return { outcomes, summary, writes };
}
