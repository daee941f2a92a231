import { expect, test, type Request } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { expectAccessible, signInAs, visit } from "./support/fixtures";

const isPrefetch = (r: Request) => r.headers()["next-router-prefetch"] !== undefined;

test("links do not prefetch, and following one still navigates inside the page", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (isPrefetch(r)) prefetches.push(r.url());
  });

  // The provider list has a link per row, the navigation and the pager: none is prefetched
  // (ADR 23), not when they come into view and not on hover.
  await visit(page, "/providers");
  await page.mouse.wheel(0, 3000);
  const table = page.getByRole("table", { name: "Palveluntuottajat" });
  const first = table.getByRole("link").first();
  await first.hover();
  await page.getByRole("navigation", { name: "Päävalikko" }).getByRole("link").first().hover();
  await page.waitForTimeout(1500);
  expect(prefetches).toEqual([]);

  // A click is still a client-side navigation: the document stays, only the page changes.
  await page.evaluate(() => ((window as unknown as { __stay: boolean }).__stay = true));
  const name = (await first.textContent())!;
  await first.click();
  await page.waitForURL(/\/providers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __stay?: boolean }).__stay)).toBe(true);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page);
  expect(prefetches).toEqual([]);
});
