import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { signInAs, signOut, visit } from "./support/fixtures";

test("a session revoked on the server sends its holder to sign-in at the next request", async ({
  browser,
  page,
}) => {
  await signInAs(page, DEMO_USERS.caseworker);
  await visit(page, "/cases");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // A second browser holding the very same cookie signs out: that revokes the session row.
  // The first browser's JWT is still well-formed and unexpired; only the server knows it ended.
  const other = await browser.newContext();
  await other.addCookies(await page.context().cookies());
  const otherPage = await other.newPage();
  await otherPage.goto("/cases");
  await expect(otherPage.getByRole("heading", { level: 1 })).toBeVisible();
  await signOut(otherPage);
  await other.close();

  await page.goto("/windows");
  await expect(page).toHaveURL(/\/signin\?ended=1&callbackUrl=%2Fwindows$/);
  await expect(page.getByRole("alert").filter({ hasText: "Istuntosi päättyi" })).toBeVisible();
  await visit(page, page.url());
  // A route handler answers 401 to the same cookie.
  expect((await page.request.get("/api/export?list=providers&format=csv")).status()).toBe(401);
});
