import { expect, test } from "@playwright/test";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import { signInAs, signOut, visit } from "./support/fixtures";

test("a provider contact cannot open another provider's unit by changing the id in the URL", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.providerContact);
  const own = await visit(page, `/provider/units/${seedId("unit:0:1")}`);
  expect(own?.status()).toBe(200);
  const foreign = await visit(page, `/provider/units/${seedId("unit:1:1")}`);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sivua ei löytynyt");
  const junk = await page.goto("/provider/units/not-a-uuid");
  expect(junk?.status()).toBe(404);
});

test("a provider contact cannot change another provider's contact by changing the id in the form", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.providerContact);
  await visit(page, "/provider/contacts");
  const form = page.locator("form", { has: page.locator('input[name="contactId"]') }).first();
  // Tamper with the hidden id as an attacker would.
  await form.locator('input[name="contactId"]').evaluate((el, id) => {
    (el as HTMLInputElement).value = id;
  }, seedId("contact:1:0"));
  await form.getByLabel("Nimi").fill("Kaapattu Nimi");
  await form.getByRole("button", { name: "Tallenna" }).click();
  await expect(form.getByRole("status")).toContainText(
    "Tietoa ei löytynyt tai sinulla ei ole oikeutta muuttaa sitä",
  );
  await signOut(page);

  // The other provider's contact is unchanged.
  await signInAs(page, DEMO_USERS.providerContact2);
  await page.goto("/provider/contacts");
  await expect(page.getByText("Kaapattu Nimi")).toHaveCount(0);
  await signOut(page);

  // And both attempts are in the audit trail the organiser's admin reads.
  await signInAs(page, DEMO_USERS.admin);
  await visit(page, "/audit?action=provider.&outcome=denied");
  const rows = page.locator("tbody tr");
  await expect(rows.filter({ hasText: "provider.updateContact" }).first()).toContainText(
    seedId("contact:1:0"),
  );
  await expect(rows.filter({ hasText: "provider.unit.view" }).first()).toContainText(
    "Anna Virtanen",
  );
  await expect(rows.filter({ hasText: "Onnistui" })).toHaveCount(0);
});

test("a provider contact edits its own contact person with validation and a saved message", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.providerContact);
  await page.goto("/provider/contacts");
  const form = page.locator("form", { has: page.locator('input[name="contactId"]') }).first();
  await form.getByLabel("Puhelin").fill("soita minulle");
  await form.getByRole("button", { name: "Tallenna" }).click();
  await expect(form.getByText("Puhelin: anna puhelinnumero muodossa")).toBeVisible();
  await expect(form.getByLabel("Puhelin")).toBeFocused();
  await form.getByLabel("Puhelin").fill("+358 40 111 2233");
  await form.getByRole("button", { name: "Tallenna" }).click();
  await expect(form.getByRole("status")).toContainText("Yhteyshenkilön tiedot tallennettu.");
  await page.reload();
  await expect(page.locator('input[value="+358 40 111 2233"]')).toHaveCount(1);
  await visit(page, "/provider/contacts");
});
