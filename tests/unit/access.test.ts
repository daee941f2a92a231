import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  actionAccess,
  homeFor,
  mayOpenPage,
  mayRunAction,
  pageAccess,
  routeAccess,
  type PageKey,
} from "@/lib/auth/access";
import { roles } from "@/db/schema";

const root = path.resolve(import.meta.dirname, "../..");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** app/(group)/a/[id]/page.tsx -> /a/[id] */
function routeOf(file: string): string {
  const rel = path.relative(path.join(root, "app"), path.dirname(file));
  const parts = rel.split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${parts.join("/")}`;
}

const pages = walk(path.join(root, "app")).filter((f) => f.endsWith("page.tsx"));
/**
 * Unknown addresses (ADR 18): inside the portal group for its frame, but it opens nothing, so it
 * has no access entry; the test below holds it to answering 404 and reading no data.
 */
const MISSING_ROUTE = "/[...missing]";
const portalPages = pages.filter(
  (f) => f.includes(`${path.sep}(portal)${path.sep}`) && routeOf(f) !== MISSING_ROUTE,
);
const missingPage = pages.find((f) => routeOf(f) === MISSING_ROUTE)!;
const publicPages = pages.filter((f) => !portalPages.includes(f) && f !== missingPage);

/** Pages anyone may open: sign-in and the accessibility statement. */
const PUBLIC_ROUTES = [
  "/signin",
  "/signin/check-email",
  "/signin/error",
  "/signin/totp",
  "/accessibility",
];
/** Server actions anyone may call (they authenticate or only set a preference). */
const PUBLIC_ACTIONS = [
  "setLocale",
  "requestMagicLink",
  "signInDemo",
  "signInOidc",
  "signOutAction",
  // Signed in but before the second factor: checks its own Origin and session (lib/auth/totp-actions.ts).
  "verifyTotpAction",
];

describe("authorization table covers every route and action", () => {
  it("every signed-in page has an entry and checks exactly that entry on the server", () => {
    expect(portalPages.length).toBeGreaterThan(5);
    for (const file of portalPages) {
      const route = routeOf(file) as PageKey;
      expect(pageAccess, `missing pageAccess entry for ${route}`).toHaveProperty([route]);
      const src = readFileSync(file, "utf8");
      const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(src, `${route} must call requirePage("${route}")`).toMatch(
        new RegExp(`requirePage\\(\\s*"${escaped}"`),
      );
    }
  });

  it("the page for unknown addresses only answers 404 and reads nothing", () => {
    const src = readFileSync(missingPage, "utf8");
    expect(src).toMatch(/\bnotFound\(\)/);
    expect(src).not.toMatch(/from "@\/(db|lib)\//);
  });

  it("every table entry is a real page", () => {
    const routes = portalPages.map(routeOf);
    for (const key of Object.keys(pageAccess)) expect(routes).toContain(key);
  });

  it("pages outside the signed-in group are exactly the public ones", () => {
    expect(publicPages.map(routeOf).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("every server action is wrapped with a table entry or is a known public action", () => {
    const files = [...walk(path.join(root, "lib")), ...walk(path.join(root, "app"))].filter(
      (f) => /\.tsx?$/.test(f) && /^["']use server["']/.test(readFileSync(f, "utf8").trimStart()),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/export (?:async function|const) (\w+)/g)) {
        const name = m[1]!;
        if (PUBLIC_ACTIONS.includes(name)) continue;
        const wrapped = new RegExp(`export const ${name} = validatedAction\\(\\s*"([\\w.]+)"`).exec(
          src,
        );
        expect(
          wrapped,
          `${name} in ${path.relative(root, f)} must use validatedAction`,
        ).not.toBeNull();
        expect(actionAccess).toHaveProperty([wrapped![1]!]);
      }
    }
  });

  it("every route handler has an entry and checks it, except the public exceptions", () => {
    const PUBLIC_ROUTE_HANDLERS = [
      "/api/auth/[...nextauth]", // Auth.js's own endpoints
      "/api/health", // load balancer health check: no data, no auth
    ];
    const handlers = walk(path.join(root, "app")).filter((f) => f.endsWith("route.ts"));
    const routes = handlers.map(routeOf).filter((r) => !PUBLIC_ROUTE_HANDLERS.includes(r));
    expect(routes.sort()).toEqual(Object.keys(routeAccess).sort());
    for (const f of handlers) {
      const route = routeOf(f);
      if (PUBLIC_ROUTE_HANDLERS.includes(route)) continue;
      expect(readFileSync(f, "utf8"), route).toMatch(new RegExp(`requireRoute\\(\\s*"${route}"`));
    }
  });
});

describe("role decisions", () => {
  it("staff and provider areas are disjoint", () => {
    for (const page of Object.keys(pageAccess) as PageKey[]) {
      if (page === "/") continue;
      const staff = mayOpenPage("caseworker", page) || mayOpenPage("admin", page);
      const provider = mayOpenPage("provider_contact", page);
      expect(staff && provider, page).toBe(false);
    }
  });
  it("only admins open settings; caseworkers do not see audit or readiness", () => {
    expect(roles.filter((r) => mayOpenPage(r, "/settings"))).toEqual(["admin"]);
    expect(mayOpenPage("caseworker", "/audit")).toBe(false);
    expect(mayOpenPage("project_staff", "/audit")).toBe(true);
    expect(mayOpenPage("caseworker", "/readiness")).toBe(false);
  });
  it("only provider contacts update provider contacts", () => {
    expect(roles.filter((r) => mayRunAction(r, "provider.updateContact"))).toEqual([
      "provider_contact",
    ]);
  });
  it("each role's home page is one it may open", () => {
    for (const r of roles) expect(mayOpenPage(r, homeFor(r) as PageKey)).toBe(true);
  });
});
