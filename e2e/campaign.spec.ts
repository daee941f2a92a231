import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_USERS, businessIdFor, demoUnitOids, seedId } from "@/db/seed/demo";
import { organisationOidRoot } from "@/lib/providers/businessId";
import { helsinkiDate } from "@/lib/i18n/today";
import { writeSyntheticExport } from "@/lib/sote/generate";
import { mailFiles, signInAs, visit, waitForMail } from "./support/fixtures";

const CONTACT = "anna.virtanen@kotikallio.example";
const ROOT = organisationOidRoot(businessIdFor(0));
const NEW_OID = `${ROOT}.10.4242`;

test.describe.configure({ timeout: 120_000 });

test("campaign: staff open it and upload the register, the contact corrects a .10.0 OID, staff see it verified", async ({
  browser,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sote-e2e-"));
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  try {
    // 1. Project staff open a campaign that is running today and invite every contact.
    await signInAs(staff, DEMO_USERS.projectStaff);
    await visit(staff, "/providers/campaign");
    const today = helsinkiDate();
    const newCampaign = staff.getByRole("form", { name: "Uusi kampanja" });
    await newCampaign.getByLabel("Alkaa").fill(today);
    await newCampaign.getByLabel("Päättyy").fill(`${Number(today.slice(0, 4)) + 1}-06-15`);
    await newCampaign.getByRole("button", { name: "Avaa kampanja" }).click();
    await expect(newCampaign.getByRole("status")).toContainText("Kampanja avattu.");
    const before = await mailFiles();
    await staff.getByRole("button", { name: "Lähetä kutsut yhteyshenkilöille" }).first().click();
    await expect(staff.getByRole("status").filter({ hasText: "Kutsuttu" })).toContainText(
      "epäonnistui 0",
      { timeout: 30_000 },
    );
    await visit(staff, "/providers/campaign");

    // 2. They upload the latest SOTE register export, which has the unit's real OID.
    const file = path.join(dir, "sote.xml");
    await writeSyntheticExport(file, {
      entries: 500,
      seed: 11,
      include: [
        // A real export lists every registered unit: the demo's own units stay verified.
        ...demoUnitOids().map((u) => ({
          oid: u.oid,
          active: true,
          longName: u.name,
          hierarchyLevel: "1",
          parentOid: `${organisationOidRoot(u.businessId)}.10.0`,
          businessId: u.businessId,
          sector: "2 Yksityinen",
          socialServiceUnit: true,
        })),
        {
          oid: NEW_OID,
          active: true,
          longName: "Kotikallio, Nokia",
          hierarchyLevel: "1",
          parentOid: `${ROOT}.10.0`,
          businessId: businessIdFor(0),
          sector: "2 Yksityinen",
          socialServiceUnit: true,
        },
      ],
    });
    await visit(staff, "/providers/register");
    await staff.getByLabel("Rekisterin poiminta (XML)").setInputFiles(file);
    await staff.getByRole("button", { name: "Lataa ja tarkista" }).click();
    await expect(staff.getByRole("status").filter({ hasText: "Tuotu" })).toContainText(
      "Tuotu 500 merkintää",
    );
    await visit(staff, "/providers/register");

    // 3. The contact signs in from the invitation e-mail.
    const invitation = await waitForMail(CONTACT, before);
    expect(invitation.subject).toContain("OID-tunnusten ilmoittaminen");
    const link = /https?:\/\/\S+\/signin\S*/.exec(invitation.text)?.[0];
    expect(link).toBeTruthy();
    const contactCtx = await browser.newContext();
    const contact = await contactCtx.newPage();
    await contact.goto(link!);
    const beforeLink = await mailFiles();
    await contact.getByLabel("Sähköpostiosoite").fill(CONTACT);
    await contact.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
    const magic = await waitForMail(CONTACT, beforeLink);
    await contact.goto(/https?:\/\/\S+/.exec(magic.text)![0]);
    await expect(contact).toHaveURL(/\/provider\/units$/);
    await visit(contact, "/provider/units");

    // 4. The contact submits the organisation-unit OID, reads why it is wrong, then the right one.
    const add = contact.getByRole("form", { name: "Lisää palveluyksikkö" });
    await add.getByLabel("Palveluyksikkö", { exact: false }).first().fill("Kotikallio, Nokia");
    await add.getByLabel("Kunta").fill("Nokia");
    await add.getByLabel("Palveluyksikön OID").fill(` ${ROOT}.10.0 `);
    await add.getByRole("button", { name: "Lisää palveluyksikkö" }).click();
    await expect(add.getByText("toimintayksikön", { exact: false }).first()).toBeVisible();
    await expect(add.getByLabel("Palveluyksikön OID")).toBeFocused();
    await expectNoUnit(contact, "Kotikallio, Nokia");
    await add.getByLabel("Palveluyksikön OID").fill(`urn:oid:${NEW_OID}`);
    await add.getByRole("button", { name: "Lisää palveluyksikkö" }).click();
    const saved = contact.getByRole("region", { name: "Kotikallio, Nokia" });
    await expect(saved).toBeVisible();
    await expect(saved.getByText("Tarkistettu").first()).toBeVisible();
    await visit(contact, "/provider/units");

    // 5. Staff see the unit verified against the uploaded snapshot, with its history.
    await visit(staff, `/providers/${seedId("provider:0")}`);
    const row = staff.locator("tr", { hasText: NEW_OID }).first();
    await expect(row).toContainText("Tarkistettu");
    await expect(staff.locator("tr", { hasText: "provider.addUnit" }).first()).toBeVisible();
    await contactCtx.close();
  } finally {
    await staffCtx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function expectNoUnit(page: import("@playwright/test").Page, name: string) {
  await expect(page.getByRole("region", { name })).toHaveCount(0);
}

test("staff return an OID with a reason that reaches the contact by e-mail and on the page", async ({
  page,
  browser,
}) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  await visit(page, `/providers/${seedId("provider:1")}`);
  const before = await mailFiles();
  const review = page.getByRole("form", { name: /Tarkistus:/ }).first();
  await review.getByRole("button", { name: "Palauta korjattavaksi" }).click();
  await review.getByRole("button", { name: "Palauta korjattavaksi" }).click();
  await expect(
    review.getByText("Palautuksen syy yhteyshenkilölle: pakollinen tieto."),
  ).toBeVisible();
  await review
    .getByLabel("Palautuksen syy yhteyshenkilölle")
    .fill("OID kuuluu toiselle yksikölle, tarkista rekisteristä.");
  await review.getByRole("button", { name: "Palauta korjattavaksi" }).click();
  await expect(review.getByRole("status")).toContainText("OID palautettu");
  const mail = await waitForMail("mikko.nieminen@hoivakoti-kuusela.example", before);
  expect(mail.text).toContain("OID kuuluu toiselle yksikölle");

  const ctx = await browser.newContext();
  const contact = await ctx.newPage();
  await signInAs(contact, DEMO_USERS.providerContact2);
  await visit(contact, "/provider/units");
  await expect(
    contact.getByText("OID kuuluu toiselle yksikölle, tarkista rekisteristä."),
  ).toBeVisible();
  await ctx.close();
});
