import { expect, test, type Page } from "@playwright/test";
import { TOTP } from "otpauth";
import { DEMO_USERS } from "@/db/seed/demo";
import { mailFiles, signInAs, visit, waitForMail } from "./support/fixtures";

const CONTACT = "anna.virtanen@kotikallio.example";

async function setRequirement(page: Page, on: boolean) {
  await visit(page, "/settings");
  const form = page.getByRole("form", { name: "Palveluntuottajien kaksivaiheinen tunnistus" });
  const box = form.getByLabel(
    "Edellytä kaksivaiheista tunnistusta palveluntuottajien yhteyshenkilöiltä",
  );
  if (on) await box.check();
  else await box.uncheck();
  await form.getByRole("button", { name: "Tallenna" }).click();
  await expect(form.getByRole("status")).toContainText("Asetus tallennettu");
}

const codeFor = (secret: string, offsetSeconds = 0) =>
  new TOTP({ secret, digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: Date.now() + offsetSeconds * 1000,
  });

test("required TOTP: a contact enrols after the magic link, a wrong code is refused, nothing works before", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  await signInAs(page, DEMO_USERS.admin);
  await setRequirement(page, true);

  const contact = await browser.newContext();
  const c = await contact.newPage();
  const before = await mailFiles();
  await c.goto("/signin?callbackUrl=%2Fprovider%2Funits");
  await c.getByLabel("Sähköpostiosoite").fill(CONTACT);
  await c.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
  await expect(c.getByRole("heading", { level: 1 })).toHaveText("Tarkista sähköpostisi");
  const link = /https?:\/\/\S+/.exec((await waitForMail(CONTACT, before)).text)?.[0];
  await c.goto(link!);
  await expect(c).toHaveURL(/\/signin\/totp\?callbackUrl=%2Fprovider%2Funits$/);
  await visit(c, c.url());
  await expect(c.getByRole("heading", { level: 1 })).toHaveText(
    "Ota kaksivaiheinen tunnistus käyttöön",
  );
  await expect(c.getByRole("img", { name: /QR-koodi/ })).toBeVisible();
  const secret = ((await c.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // Before the second factor no portal page or route answers.
  await c.goto("/provider/contacts");
  await expect(c).toHaveURL(/\/signin\/totp\?callbackUrl=%2Fprovider%2Fcontacts$/);
  expect((await c.request.get("/api/export?list=providers&format=csv")).status()).toBe(401);

  const code = c.getByRole("textbox", { name: "Vahvistuskoodi" });
  // Not a code of the steps the server accepts now (one either side), nor of the next step.
  const near = [-30, 0, 30, 60].map((s) => codeFor(secret, s));
  const wrong = ["000000", "111111", "222222", "333333", "444444"].find((w) => !near.includes(w))!;
  await code.fill(wrong);
  await c.getByRole("button", { name: "Ota käyttöön" }).click();
  await expect(c.getByText("Vahvistuskoodi: koodi on väärä tai jo käytetty.")).toBeVisible();
  await expect(code).toBeFocused();
  await expectOnTotpPage(c);

  await code.fill(codeFor(secret));
  await c.getByRole("button", { name: "Ota käyttöön" }).click();
  await expect(c).toHaveURL(/\/provider\/contacts$/);
  await visit(c, "/provider/units");
  await expect(c.getByRole("heading", { level: 1 })).toBeVisible();
  await contact.close();

  // The next sign-in asks for a code; the next time step's code (clock drift allowed) works.
  const again = await browser.newContext();
  const a = await again.newPage();
  await a.goto("/signin");
  await a
    .locator(`form:has(input[name="userId"][value="${DEMO_USERS.providerContact}"]) button`)
    .click();
  await expect(a).toHaveURL(/\/signin\/totp/);
  await visit(a, a.url());
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Kaksivaiheinen tunnistus");
  // The next step's code, as the enrolment used this step's. Should it repeat this or the last
  // step's code, the server would match that used step first: then wait for the next step.
  let next = codeFor(secret, 30);
  if ([0, -30].some((s) => codeFor(secret, s) === next)) {
    await a.waitForTimeout(30_500 - (Date.now() % 30_000));
    next = codeFor(secret);
  }
  await a.getByRole("textbox", { name: "Vahvistuskoodi" }).fill(next);
  await a.getByRole("button", { name: "Vahvista" }).click();
  await expect(a).toHaveURL(/\/provider\/units$/);

  // The admin resets the contact's second factor: their session ends.
  await visit(page, "/settings/users?q=Virtanen");
  const row = page.getByRole("row").filter({ hasText: "Anna Virtanen" });
  await expect(row).toContainText("Kaksivaiheinen tunnistus");
  await row.getByRole("button", { name: "Nollaa kaksivaiheinen tunnistus: Anna Virtanen" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Nollaa" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Kaksivaiheinen tunnistus nollattiin" }),
  ).toBeVisible();
  await expect(row.getByText("Kaksivaiheinen tunnistus", { exact: true })).toHaveCount(0);
  await a.goto("/provider/units");
  await expect(a).toHaveURL(/\/signin\?ended=1/);
  await again.close();

  // Back to the default for the rest of the suite.
  await setRequirement(page, false);
});

async function expectOnTotpPage(p: Page) {
  await expect(p).toHaveURL(/\/signin\/totp/);
}
