/**
 * Planning of the go-live bulk step (DOMAIN rule 4): for each validated CSV row, what applying
 * the file would do. No I/O, and deterministic apart from `newId` (ids for the rows to be
 * inserted): the caller loads the state it needs (./apply.ts) and gets back a summary for people
 * and the rows to write. The dry run and the apply run the same function, so their counts are
 * equal.
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

export type ExistingResource = {
  id: string;
  unitId: string;
  /** It has a live (not invalidated) window. */
  live: boolean;
};
export type ExistingImplementation = {
  id: string;
  service: string;
  startsOn: string;
  resources: ExistingResource[];
};

/**
 * What the organiser already has, as far as the file's rows touch it. Implementations hang off
 * their case and resources off their implementation: a case has one or two of each, so a row
 * finds its own with one lookup by case id and a short scan. (At 300,000 rows, two lookups in
 * maps keyed by joined strings cost more than the rest of the planning; ADR 13.)
 */
export type ExistingState = {
  /** By case OID, in any organiser (case OIDs are national). */
  cases: Map<
    string,
    { id: string; organiserId: string; clientId: string | null; serviceTask: ServiceTask }
  >;
  /** Client id by identity-code lookup hash (the organiser's clients only). */
  clients: Map<string, string>;
  /** The organiser's implementations by case id, each with its resources. */
  implementations: Map<string, ExistingImplementation[]>;
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

export type GoLivePlan = { summary: GoLiveSummary; writes: GoLiveWrites };

/** An implementation during planning: one that exists, or one this file creates (`write`). */
type PlannedImplementation = ExistingImplementation & {
  write?: GoLiveWrites["implementations"][number];
};

/** Sorted, de-duplicated reasons in the order of refusalReasons. */
function ordered(reasons: Iterable<RefusalReason>): RefusalReason[] {
  const set = new Set(reasons);
  return refusalReasons.filter((r) => set.has(r));
}

/**
 * Plans the rows. `existing` is taken over and updated as rows create clients, implementations
 * and resources and open windows (later rows of the file see what earlier ones did): pass state
 * loaded for this call only.
 */
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
  const clientIds = existing.clients;
  // Cases created or given a client by earlier rows of this file.
  const caseIds = new Map<string, { id: string; clientId: string | null }>();
  const byCase = existing.implementations as Map<string, PlannedImplementation[]>;
  const findImplementation = (caseId: string, service: string, startsOn: string) =>
    byCase.get(caseId)?.find((i) => i.service === service && i.startsOn === startsOn);

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
      const resource = findImplementation(theCase.id, row.service, row.startsOn)?.resources.find(
        (r) => r.unitId === unit.unitId,
      );
      if (resource?.live) {
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
    let implementation = findImplementation(caseRef.id, row.service, row.startsOn);
    if (!implementation) {
      const write = {
        id: newId(),
        caseId: caseRef.id,
        service: row.service,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      };
      implementation = {
        id: write.id,
        service: row.service,
        startsOn: row.startsOn,
        resources: [],
        write,
      };
      const list = byCase.get(caseRef.id);
      if (list) list.push(implementation);
      else byCase.set(caseRef.id, [implementation]);
      writes.implementations.push(write);
    } else {
      // Two units of one new implementation: it lasts as long as the longest of them.
      const impl = implementation.write;
      if (impl && impl.endsOn !== null && (row.endsOn === null || row.endsOn > impl.endsOn))
        impl.endsOn = row.endsOn;
    }
    let resource = implementation.resources.find((r) => r.unitId === unit.unitId);
    if (!resource) {
      resource = { id: newId(), unitId: unit.unitId, live: false };
      implementation.resources.push(resource);
      writes.resources.push({
        id: resource.id,
        implementationId: implementation.id,
        serviceUnitId: unit.unitId,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
      });
    }
    if (resource.live) {
      // An earlier row of this file opens the same window.
      summary.already++;
      continue;
    }
    resource.live = true;
    writes.windows.push({
      id: newId(),
      caseId: caseRef.id,
      serviceUnitId: unit.unitId,
      implementationId: implementation.id,
      resourceId: resource.id,
      opensOn: proposal.opensOn,
      closesOn: proposal.closesOn,
      state,
      existingClient,
    });
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
  return { summary, writes };
}
