import type { Role } from "@/db/schema";

/**
 * The one list of who may do what. Every page calls requirePage() with its key
 * and every server action is wrapped with its key; the authorization matrix
 * tests are generated from these tables, so a route without an entry cannot
 * be written without failing them.
 */
const STAFF: readonly Role[] = ["caseworker", "project_staff", "admin"];
const PROJECT: readonly Role[] = ["project_staff", "admin"];
const ADMIN: readonly Role[] = ["admin"];
/** Who keeps cases and access windows: case workers, and admins (who may also override). */
const CASEWORK: readonly Role[] = ["caseworker", "admin"];
const PROVIDER: readonly Role[] = ["provider_contact"];
const ANY: readonly Role[] = ["caseworker", "project_staff", "admin", "provider_contact"];

export const pageAccess = {
  "/": ANY,
  "/providers": STAFF,
  "/providers/[id]": STAFF,
  "/providers/[id]/report": STAFF,
  "/providers/register": PROJECT,
  "/providers/campaign": PROJECT,
  "/providers/import": PROJECT,
  "/providers/systems": STAFF,
  "/cases": STAFF,
  "/cases/new": CASEWORK,
  "/cases/[id]": STAFF,
  "/cases/golive": PROJECT,
  "/windows": STAFF,
  "/deliveries": STAFF,
  "/deliveries/batch": PROJECT,
  "/readiness": PROJECT,
  "/readiness/reminders": PROJECT,
  "/audit": PROJECT,
  "/settings": ADMIN,
  "/settings/policy": ADMIN,
  "/settings/users": ADMIN,
  "/mailbox": STAFF,
  "/provider/units": PROVIDER,
  "/provider/units/[id]": PROVIDER,
  "/provider/contacts": PROVIDER,
  "/provider/system": PROVIDER,
  "/provider/windows": PROVIDER,
  "/provider/messages": PROVIDER,
  "/provider/messages/[id]": PROVIDER,
} as const satisfies Record<string, readonly Role[]>;

export type PageKey = keyof typeof pageAccess;

export const actionAccess = {
  "provider.updateContact": PROVIDER,
  "provider.saveUnit": PROVIDER,
  "registry.reviewOid": PROJECT,
  "campaign.open": PROJECT,
  "campaign.invite": PROJECT,
  "import.dryRun": PROJECT,
  "import.apply": PROJECT,
  "registry.updateProviderView": PROJECT,
  "registry.addProvider": PROJECT,
  "registry.saveSystemStatus": PROJECT,
  "registry.addSystem": PROJECT,
  "registry.saveUnit": PROJECT,
  "registry.saveContact": PROJECT,
  "cases.create": CASEWORK,
  "cases.addImplementation": CASEWORK,
  "cases.setImplementationEnd": CASEWORK,
  "cases.attachUnit": CASEWORK,
  "clients.reveal": CASEWORK,
  "clients.search": CASEWORK,
  "windows.openNow": CASEWORK,
  "windows.closeNow": CASEWORK,
  "windows.changeDates": CASEWORK,
  "windows.reissue": CASEWORK,
  "policy.save": ADMIN,
  "deliveries.send": CASEWORK,
  "deliveries.retry": STAFF,
  "deliveries.batch": PROJECT,
  "settings.deliveryIdentifier": ADMIN,
  "settings.providerTotp": ADMIN,
  "users.disable": ADMIN,
  "users.enable": ADMIN,
  "users.resetTotp": ADMIN,
  "reminders.saveSchedule": PROJECT,
  "reminders.runNow": PROJECT,
  "audit.clientAccess": PROJECT,
} as const satisfies Record<string, readonly Role[]>;

export type ActionKey = keyof typeof actionAccess;

/** Route handlers (route.ts files under app/api) other than the Auth.js endpoints. */
export const routeAccess = {
  "/api/sote-register": PROJECT,
  "/api/golive": PROJECT,
  "/api/export": STAFF,
} as const satisfies Record<string, readonly Role[]>;

export type RouteKey = keyof typeof routeAccess;

export function mayCallRoute(role: Role, route: RouteKey): boolean {
  return (routeAccess[route] as readonly Role[]).includes(role);
}

/** Pages that exist only in demo mode. */
export const demoOnlyPages: readonly PageKey[] = ["/mailbox"];

export function mayOpenPage(role: Role, page: PageKey): boolean {
  return (pageAccess[page] as readonly Role[]).includes(role);
}

export function mayRunAction(role: Role, action: ActionKey): boolean {
  return (actionAccess[action] as readonly Role[]).includes(role);
}

/** The route check for the data layer behind a route handler. */
export function actorMayCall(actor: { role: string | null }, route: RouteKey): boolean {
  return (routeAccess[route] as readonly string[]).includes(actor.role ?? "");
}

/** The same check for the data layer, whose actors may have no role at all. */
export function actorMay(actor: { role: string | null }, action: ActionKey): boolean {
  return (actionAccess[action] as readonly string[]).includes(actor.role ?? "");
}

/** Where each role lands after sign-in. */
export function homeFor(role: Role): string {
  switch (role) {
    case "provider_contact":
      return "/provider/units";
    case "project_staff":
      return "/providers";
    default:
      return "/cases";
  }
}
