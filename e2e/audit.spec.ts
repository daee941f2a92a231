import { expect, test } from "@playwright/test";
import { DEMO_USERS, demoHetu } from "@/db/seed/demo";
import { helsinkiToday } from "@/lib/windows/dates";
import { expectAccessible, pick, signInAs, visit } from "./support/fixtures";

test("project staff filter the audit log by action and date", async ({ page }) => {
  // Signing in writes today's "auth.sign_in.demo" row for this user. The range runs from the
  // day the test starts to the day of the search, so a run across midnight still finds it.
  const from = helsinkiToday();
  await signInAs(page, DEMO_USERS.projectStaff);
  await visit(page, "/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Lokitiedot" })).toBeVisible();

  const search = page.getByRole("search");
  // The action select (its label is "Tapahtuma"; the raw key until the namespace is merged).
  await pick(
    search.getByRole("combobox", { name: /Tapahtuma|auditView\.action\b/ }),
    "Kirjautuminen (esittelytunnus)",
  );
  const to = helsinkiToday();
  await search.locator("input#from").fill(from);
  await search.locator("input#to").fill(to);
  await search.getByRole("button", { name: "Hae", exact: true }).click();
  await page.waitForURL(
    (u) =>
      u.pathname === "/audit" &&
      u.searchParams.get("action") === "auth.sign_in.demo" &&
      u.searchParams.get("from") === from &&
      u.searchParams.get("to") === to,
  );
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);

  const table = page.getByRole("table", { name: "Lokitiedot" });
  const rows = table.getByRole("row");
  expect(await rows.count()).toBeGreaterThan(1);
  for (const row of (await rows.all()).slice(1))
    await expect(row).toContainText("auth.sign_in.demo");

  // The export link carries the same filters.
  const csv = page.getByRole("link", { name: "Lataa CSV: Lokitiedot" });
  await expect(csv).toHaveAttribute("href", /action=auth\.sign_in\.demo/);
  await expect(csv).toHaveAttribute("href", new RegExp(`from=${from}`));

  // A range in the future has no rows.
  await visit(page, "/audit?action=auth.sign_in.demo&from=2099-01-01&to=2099-12-31");
  await expect(page.getByText("Ei tuloksia.", { exact: true })).toBeVisible();
});

test("the client-access search posts the identity code and is itself audited", async ({ page }) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  await visit(page, "/audit");
  await page.locator("details > summary").first().click();
  await page.locator("#client-access-hetu").fill(demoHetu(0));
  await page.locator("#client-access-hetu").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /\S/ }).first()).toBeVisible();
  expect(page.url()).not.toContain(demoHetu(0));
  await expect(page.locator("#client-access-hetu")).not.toHaveValue(demoHetu(0));
  await expectAccessible(page);

  await visit(page, "/audit?action=audit.clientAccess");
  const table = page.getByRole("table", { name: "Lokitiedot" });
  await expect(table.getByRole("row").nth(1)).toContainText("audit.clientAccess");
  await expect(page.locator("body")).not.toContainText(demoHetu(0));
});
