import { expect, test } from "@playwright/test";
import { pageAccess, type PageKey } from "@/lib/auth/access";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import type { Role } from "@/db/schema";
import { signInAs, visit } from "./support/fixtures";

/** A concrete URL for every entry of the route table (dynamic segments from the demo seed). */
const URLS: Record<PageKey, string> = {
  "/": "/",
  "/providers": "/providers",
  "/providers/[id]": `/providers/${seedId("provider:0")}`,
  "/providers/[id]/report": `/providers/${seedId("provider:0")}/report`,
  "/providers/register": "/providers/register",
  "/providers/campaign": "/providers/campaign",
  "/providers/import": "/providers/import",
  "/providers/systems": "/providers/systems",
  "/cases": "/cases",
  "/cases/new": "/cases/new",
  "/cases/[id]": `/cases/${seedId("case:0")}`,
  "/cases/golive": "/cases/golive",
  "/windows": "/windows",
  "/deliveries": "/deliveries",
  "/deliveries/batch": "/deliveries/batch",
  "/readiness": "/readiness",
  "/readiness/reminders": "/readiness/reminders",
  "/audit": "/audit",
  "/settings": "/settings",
  "/settings/policy": "/settings/policy",
  "/settings/users": "/settings/users",
  "/mailbox": "/mailbox",
  "/provider/units": "/provider/units",
  "/provider/units/[id]": `/provider/units/${seedId("unit:0:1")}`,
  "/provider/contacts": "/provider/contacts",
  "/provider/system": "/provider/system",
  "/provider/windows": "/provider/windows",
  "/provider/messages": "/provider/messages",
  "/provider/messages/[id]": `/provider/messages/${seedId("outbox:pickup:0")}`,
};

// Each role visits every page with axe and the CSP check: allow for a slow, shared machine.
test.describe.configure({ timeout: 300_000 });

const USERS: Record<Role, string> = {
  caseworker: DEMO_USERS.caseworker,
  project_staff: DEMO_USERS.projectStaff,
  admin: DEMO_USERS.admin,
  provider_contact: DEMO_USERS.providerContact,
};

test("signed-out requests go to sign-in and remember where they were going", async ({ page }) => {
  for (const url of Object.values(URLS)) {
    await page.goto(url);
    await expect(page).toHaveURL(
      new RegExp(
        `/signin\\?callbackUrl=${encodeURIComponent(url).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
      ),
    );
  }
  await visit(page, "/signin");
  await visit(page, "/accessibility");
});

for (const role of Object.keys(USERS) as Role[]) {
  test(`role × page matrix: ${role}`, async ({ page }) => {
    await signInAs(page, USERS[role]);
    for (const key of Object.keys(pageAccess) as PageKey[]) {
      const allowed = (pageAccess[key] as readonly Role[]).includes(role);
      const response = await visit(page, URLS[key]);
      if (key === "/") {
        // The front page sends each role to its own home.
        expect(new URL(page.url()).pathname).not.toBe("/");
        continue;
      }
      expect(response?.status(), `${role} ${key}`).toBe(allowed ? 200 : 403);
      if (allowed) await expect(page.locator("h1")).toBeVisible();
      else await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ei käyttöoikeutta");
    }
  });
}
