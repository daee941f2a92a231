import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { expectAccessible, signInAs, visit } from "./support/fixtures";

/** The funnel table's row of one stage. */
function funnelRow(page: Page, stage: string) {
  return page
    .getByRole("table", { name: "Palveluntuottajat valmiusvaiheittain" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: stage, exact: true }) });
}

/** The provider list's result count ("12 tulosta", "1 tulos", "Ei tuloksia"). */
function resultCount(page: Page, n: number) {
  const text = n === 0 ? "Ei tuloksia" : n === 1 ? "1 tulos" : `${n} tulosta`;
  return page.getByRole("navigation", { name: "Sivutus" }).getByText(text, { exact: true });
}

test("project staff see readiness and open the providers behind a number", async ({ page }) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  await visit(page, "/readiness");
  await expect(page.getByRole("heading", { level: 1, name: "Valmius" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Tärkeät päivämäärät, tänään/ })).toContainText(
    "15.6.2026",
  );
  await expect(page.getByRole("table", { name: /Tärkeät päivämäärät/ })).toContainText("1.1.2027");
  // The two charts are drawn in the browser; the server's HTML keeps only their space.
  await expect(page.locator(".MuiChartsSvgLayer-root")).toHaveCount(2);
  const serverHtml = await (await page.request.get("/readiness")).text();
  expect(serverHtml).not.toContain("MuiChartsSvgLayer");

  // Providers that reached "OID verified": the number links to the filtered list.
  const verified = funnelRow(page, "OID tarkistettu").getByRole("link").first();
  const n = Number(await verified.textContent());
  expect(n).toBeGreaterThan(0);
  await verified.click();
  await page.waitForURL(/\/providers\?stage=oid_verified$/);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  const chip = page.getByRole("link", { name: /^Suodatus: OID tarkistettu/ });
  await expect(chip).toBeVisible();
  await expect(chip).toContainText("Suodatus: OID tarkistettu ×");
  await expect(resultCount(page, n)).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Palveluntuottajat", exact: true }).getByRole("row"),
  ).toHaveCount(Math.min(n, 25) + 1);

  // …and the same filtered list downloads as CSV: a header and exactly those providers.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Lataa CSV: Palveluntuottajat" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^providers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(n + 1);
  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Lataa Excel (XLSX): Palveluntuottajat" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  // Removing the filter goes back to the whole list.
  await chip.click();
  await page.waitForURL(/\/providers$/);
  await expect(page.getByRole("link", { name: /^Suodatus:/ })).toHaveCount(0);

  // Those that stopped at the system test, and paging keeps a filter.
  await visit(page, "/readiness");
  const stopped = funnelRow(page, "Järjestelmä testattu").getByRole("link").nth(1);
  const m = Number(await stopped.textContent());
  await stopped.click();
  await page.waitForURL(/\/providers\?stoppedAt=system_tested$/);
  await expect(
    page.getByRole("link", { name: /^Suodatus: pysähtynyt vaiheeseen Järjestelmä testattu/ }),
  ).toBeVisible();
  await expect(resultCount(page, m)).toBeVisible();

  await visit(page, "/readiness");
  const invited = funnelRow(page, "Kutsuttu").getByRole("link").first();
  const all = Number(await invited.textContent());
  expect(all).toBeGreaterThan(25);
  await invited.click();
  await page.waitForURL(/\/providers\?stage=invited$/);
  await page.getByRole("link", { name: "Seuraava" }).click();
  await page.waitForURL(/\/providers\?stage=invited&page=2$/);
  await expect(page.getByRole("link", { name: /^Suodatus: Kutsuttu/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Palveluntuottajat", exact: true }).getByRole("row"),
  ).toHaveCount(all - 25 + 1);
});

test("a change made in the portal shows on the dashboard at once, although the dashboard was just viewed", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  const sagaStatus = () =>
    page
      .getByRole("table", { name: "Palveluntuottajat asiakastietojärjestelmittäin" })
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "Saga", exact: true }) })
      .getByRole("cell")
      .nth(1);
  const setSagaDate = async (date: string) => {
    await visit(page, "/providers/systems");
    const form = page.getByRole("region", { name: "Saga" }).getByRole("form");
    await form.getByLabel("Kokeen päivä").fill(date);
    await form.getByRole("button", { name: "Tallenna" }).click();
    await expect(form.getByRole("status")).toContainText("Järjestelmän tiedot tallennettu.");
  };

  // The server keeps a computed dashboard for a few seconds (lib/readiness/shared.ts); a write
  // through the portal must not be hidden behind it.
  await visit(page, "/readiness");
  await expect(sagaStatus()).toHaveText("Sovittu 10.6.2026");
  try {
    await setSagaDate("2026-06-12");
    await visit(page, "/readiness");
    await expect(sagaStatus()).toHaveText("Sovittu 12.6.2026");
  } finally {
    // The seeded date again, also when the check failed, for the tests after this one.
    await setSagaDate("2026-06-10");
  }
  await visit(page, "/readiness");
  await expect(sagaStatus()).toHaveText("Sovittu 10.6.2026");
});
