import { expect, test } from "@playwright/test";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import { pick, signInAs, visit } from "./support/fixtures";

test("project staff keep systems, their own view of a provider and new providers", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.projectStaff);

  await visit(page, "/providers/systems");
  const nursebuddy = page.getByRole("region", { name: "Nursebuddy" });
  const form = nursebuddy.getByRole("form");
  await pick(form.getByLabel("Käyttöönottokoe"), "Läpäisty");
  await form.getByLabel("Kokeen päivä").fill("");
  await form.getByRole("button", { name: "Tallenna" }).click();
  await expect(form.getByText("Kokeen päivä: pakollinen tieto.")).toBeVisible();
  await form.getByLabel("Kokeen päivä").fill("2026-06-02");
  await form.getByRole("button", { name: "Tallenna" }).click();
  await expect(form.getByRole("status")).toContainText("Järjestelmän tiedot tallennettu.");
  await page.reload();
  await expect(page.getByRole("region", { name: "Nursebuddy" })).toContainText("Läpäisty 2.6.2026");

  await visit(page, `/providers/${seedId("provider:3")}`);
  const viewForm = page.getByRole("form", { name: "Hyvinvointialueen tiedot" });
  await viewForm.getByLabel("Turvapalvelut").check();
  await viewForm.getByLabel("Muistiinpanot").fill("Turvapalvelut lisätty sopimukseen 1.6.2026.");
  await viewForm.getByRole("button", { name: "Tallenna" }).click();
  await expect(viewForm.getByRole("status")).toContainText("tallennettu");
  await page.reload();
  await expect(page.getByText("Turvapalvelut lisätty sopimukseen 1.6.2026.").first()).toBeVisible();
  await expect(page.locator("tr", { hasText: "services" }).first()).toContainText(
    "safety_services",
  );

  // Staff maintain the provider's units with the same OID rules as the provider.
  await page.getByText("Lisää palveluyksikkö", { exact: true }).first().click();
  const unitForm = page.getByRole("form", { name: "Lisää palveluyksikkö" });
  await unitForm.locator('input[name="name"]').fill("Lehmus, Lahti (kotihoito)");
  await unitForm.getByLabel("Kunta").fill("Lahti");
  await unitForm.getByLabel("Palveluyksikön OID").fill("1.2.246.10.1234.10.1");
  await unitForm.getByRole("button", { name: "Lisää palveluyksikkö" }).click();
  await expect(unitForm.getByText("Palveluyksikön OID:", { exact: false }).first()).toBeVisible();
  await expect(unitForm.getByLabel("Palveluyksikön OID")).toBeFocused();

  await visit(page, "/providers");
  const add = page.getByRole("form", { name: "Lisää palveluntuottaja" });
  await add.getByLabel("Nimi").fill("Uusi Hoiva Oy");
  await add.getByLabel("Y-tunnus").fill("1234567-8");
  await add.getByRole("button", { name: "Lisää palveluntuottaja" }).click();
  await expect(add.getByText("Y-tunnus: anna Y-tunnus muodossa 1234567-8")).toBeVisible();
  await expect(add.getByLabel("Y-tunnus")).toBeFocused();
  await add.getByLabel("Y-tunnus").fill("7654329-8");
  await add.getByRole("button", { name: "Lisää palveluntuottaja" }).click();
  await expect(add.getByRole("status")).toContainText("Palveluntuottaja Uusi Hoiva Oy lisätty.");
});
