import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { expectAccessible, signInAs, visit } from "./support/fixtures";

async function oidcLogin(page: Page, login: string) {
  await page.getByRole("button", { name: /Kirjaudu: Järvi-Pohjan Entra ID/ }).click();
  // The OIDC provider's own login and consent forms (not part of the portal).
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any");
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /Continue|Authorize/ });
  if (await consent.isVisible({ timeout: 3000 }).catch(() => false)) await consent.click();
}

test("staff sign in through the organiser's OIDC provider, with the role from the claim, and return where they were going", async ({
  page,
}) => {
  await page.goto("/windows");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fwindows/);
  await oidcLogin(page, "kasittelija");
  await expect(page).toHaveURL(/\/windows$/);
  await expect(page.getByText("Kaisa Käsittelijä")).toBeVisible();
  await expect(page.getByText(/Omatyöntekijä · Järvi-Pohjan hyvinvointialue/)).toBeVisible();
  await expectAccessible(page);
  // Caseworkers may not read the audit trail.
  const r = await page.goto("/audit");
  expect(r?.status()).toBe(403);
});

test("the highest mapped role wins and an admin reaches settings", async ({ page }) => {
  await page.goto("/signin?callbackUrl=%2Fsettings");
  await oidcLogin(page, "paakayttaja");
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("cell", { name: "Järvi-Pohjan Entra ID" })).toBeVisible();
});

test("an account without a portal role claim is refused, and the refusal is audited", async ({
  page,
}) => {
  await page.goto("/signin");
  await oidcLogin(page, "ulkopuolinen");
  await expect(page).toHaveURL(/\/signin\/error/);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fcases/);

  await signInAs(page, DEMO_USERS.admin);
  await visit(page, "/audit?action=auth.sign_in.oidc&outcome=denied");
  await expect(
    page.locator("tbody tr", { hasText: "oidc_subject ulkopuolinen" }).first(),
  ).toBeVisible();
});
