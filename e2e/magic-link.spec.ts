import { expect, test } from "@playwright/test";
import { mailFiles, signInAs, visit, waitForMail } from "./support/fixtures";
import { DEMO_USERS } from "@/db/seed/demo";

const CONTACT = "anna.virtanen@kotikallio.example";

test("a provider contact signs in with a single-use magic link", async ({ page, context }) => {
  const before = await mailFiles();
  await page.goto("/signin?callbackUrl=%2Fprovider%2Fcontacts");
  await page.getByLabel("Sähköpostiosoite").fill(CONTACT);
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tarkista sähköpostisi");
  await visit(page, page.url());

  const mail = await waitForMail(CONTACT, before);
  expect(mail.subject).toBe("Kirjautumislinkki: Rekisterinkäyttöoikeusportaali");
  const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
  expect(link).toContain("/api/auth/callback/nodemailer");

  await page.goto(link!);
  await expect(page).toHaveURL(/\/provider\/contacts$/);
  await expect(page.getByText("Anna Virtanen").first()).toBeVisible();

  // The same link does not work twice, not even in a fresh browser.
  await context.clearCookies();
  await page.goto(link!);
  await expect(page).toHaveURL(/\/signin\/error/);
  await visit(page, page.url());
  await page.goto("/provider/units");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  const before = await mailFiles();
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill("nobody@unknown.example");
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tarkista sähköpostisi");
  // A staff address is not a provider contact either.
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill("aino.aaltonen@jarvipohja.example");
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tarkista sähköpostisi");
  await page.waitForTimeout(1000);
  expect(await mailFiles()).toEqual(before);
});

test("a malformed address is refused with a message naming the field", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill("not-an-address");
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Sähköpostiosoite: anna sähköpostiosoite muodossa" }),
  ).toBeVisible();
  await expect(page.getByLabel("Sähköpostiosoite")).toBeFocused();
  await expectNoNewPage(page);
});

async function expectNoNewPage(page: import("@playwright/test").Page) {
  await expect(page).toHaveURL(/\/signin$/);
}

test("staff can read the demo mailbox and follow the link from there", async ({
  page,
  browser,
}) => {
  const before = await mailFiles();
  await page.goto("/signin");
  await page.getByLabel("Sähköpostiosoite").fill(CONTACT);
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await waitForMail(CONTACT, before);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, DEMO_USERS.projectStaff);
  await visit(staff, "/mailbox");
  const article = staff.getByRole("article").first();
  await expect(article).toContainText(CONTACT);
  const href = await article.getByRole("link").first().getAttribute("href");
  expect(href).toContain("/api/auth/callback/nodemailer");
  await staffContext.close();
});
