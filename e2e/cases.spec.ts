import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_USERS, demoHetu } from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { addDays, helsinkiToday } from "@/lib/windows/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import { E2E } from "./support/env";
import { expectAccessible, pick, signInAs, visit } from "./support/fixtures";

// A temporary identity code (individual number 900–999), as test data must use.
const HETU = `150385-977${hetuCheckCharacter("150385977")}`;

test("a case worker creates a case, attaches a unit, opens the window and ends the service", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.caseworker);
  await visit(page, "/cases");
  await page.getByRole("link", { name: "Uusi asia" }).click();
  await page.waitForURL("**/cases/new");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Uusi asia" });
  await form.getByLabel("Asian OID").fill("1.2.246.10.2840015.15.2026.7001");
  await pick(form.getByLabel("Palvelutehtävä"), "Ikääntyneiden palvelut");
  await form.getByLabel("Asiakkaan nimi").fill("Elli Esimerkki");
  // A wrong check character is named and nothing is saved.
  await form.getByLabel("Henkilötunnus").fill(HETU.slice(0, 10) + "X");
  await form.getByRole("button", { name: "Tallenna asia" }).click();
  await expect(form.getByText("Henkilötunnus: tarkistusmerkki ei täsmää")).toBeVisible();
  await expect(form.getByLabel("Henkilötunnus")).toBeFocused();
  await form.getByLabel("Henkilötunnus").fill(HETU);
  await form.getByRole("button", { name: "Tallenna asia" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  // No identity code in the address.
  expect(page.url()).not.toContain(HETU);
  await expect(
    page.getByRole("heading", { name: "Asia 1.2.246.10.2840015.15.2026.7001" }),
  ).toBeVisible();
  await expectAccessible(page);

  // The client is masked until revealed (and the reveal is audited on the server).
  await expect(page.getByTestId("client-name")).toHaveText("E. E.");
  await expect(page.getByTestId("client-hetu")).toHaveText("150385-****");
  await page.getByRole("button", { name: "Näytä asiakkaan tiedot" }).click();
  await expect(page.getByTestId("client-hetu")).toHaveText(HETU);
  await expect(page.getByTestId("client-name")).toHaveText("Elli Esimerkki");

  // A service implementation that starts in ten days.
  const today = helsinkiToday();
  const start = addDays(today, 10);
  await page.getByText("Lisää palvelun toteutus", { exact: true }).first().click();
  const implForm = page.getByRole("form", { name: "Lisää palvelun toteutus" });
  await pick(implForm.getByLabel("Sosiaalipalvelu"), "Yhteisöllinen asuminen");
  await implForm.getByLabel("Palvelu alkaa").fill(start);
  await implForm.getByRole("button", { name: "Lisää palvelun toteutus" }).click();
  await expect(implForm.getByRole("status")).toContainText("Palvelun toteutus lisätty.");
  const impl = page.getByTestId("implementation");
  await expect(impl).toContainText(`Yhteisöllinen asuminen, ${formatCalendarDate(start)} – Jatkuu`);

  // Attach an eligible unit of Kotikallio Oy: the window is proposed from 7 days before the start.
  await impl.locator("summary", { hasText: "Liitä palveluyksikkö" }).click();
  const attach = impl.getByRole("form", { name: "Liitä palveluyksikkö: Yhteisöllinen asuminen" });
  // An ineligible unit says so in the list, and picking it is refused with the reasons.
  await pick(attach.getByLabel("Palveluyksikkö"), /ei täytä ehtoja/);
  await attach.getByRole("button", { name: "Liitä palveluyksikkö" }).click();
  await expect(attach.getByRole("status")).toContainText("Palveluyksikköä ei voi liittää");
  await pick(attach.getByLabel("Palveluyksikkö"), /Kotikallio Oy$/);
  await attach.getByRole("button", { name: "Liitä palveluyksikkö" }).click();
  await expect(attach.getByRole("status")).toContainText("Palveluyksikkö liitetty.");
  const window = impl.getByTestId("window");
  await expect(window).toHaveCount(1);
  await expect(window.getByTestId("window-state")).toHaveText("Suunniteltu");
  await expect(window.getByTestId("window-period")).toContainText(
    `Alkaa: ${formatCalendarDate(addDays(start, -7))}`,
  );
  await expect(window.getByTestId("window-closes")).toHaveText("Toistaiseksi");
  await expectAccessible(page);

  // Open it now.
  await window.getByRole("button", { name: "Avaa nyt" }).click();
  await expect(window.getByTestId("window-state")).toHaveText("Avoinna");
  // The server's today: the one taken above, or the next if midnight passed meanwhile.
  const openedOn = [today, helsinkiToday()].map((d) =>
    formatCalendarDate(d).replaceAll(".", "\\."),
  );
  await expect(window.getByTestId("window-period")).toContainText(
    new RegExp(`Alkaa: (${openedOn.join("|")})`),
  );

  // End the service: the closing date moves to 14 days after the end.
  const end = addDays(start, 60);
  const endForm = impl.getByRole("form", {
    name: "Palvelun päättymispäivä: Yhteisöllinen asuminen",
  });
  await endForm.getByLabel("Palvelu päättyy").fill(end);
  await endForm.getByRole("button", { name: "Tallenna päättymispäivä" }).click();
  await expect(endForm.getByRole("status")).toContainText("Päättymispäivä tallennettu.");
  await expect(endForm.getByRole("status")).toContainText(
    "Käyttöoikeusjakson päättymispäivä siirtyi.",
  );
  await expect(window.getByTestId("window-closes")).toHaveText(
    formatCalendarDate(addDays(end, 14)),
  );
  // Dates changed by hand stay within the policy: the field names the latest allowed day.
  await window.locator("summary", { hasText: "Muuta päiviä" }).click();
  const dates = window.getByRole("form", { name: /Käyttöoikeusjakson päivät/ });
  await dates.getByLabel("Päättyy").fill(addDays(end, 20));
  await dates.getByRole("button", { name: "Tallenna päivät" }).click();
  await expect(
    dates.getByText(`myöhäisin sallittu päättymispäivä on ${formatCalendarDate(addDays(end, 14))}`),
  ).toBeVisible();
  await dates.getByLabel("Päättyy").fill(addDays(end, 10));
  await dates.getByRole("button", { name: "Tallenna päivät" }).click();
  await expect(window.getByTestId("window-closes")).toHaveText(
    formatCalendarDate(addDays(end, 10)),
  );

  // The window is on the list of windows opening or closing soon? It opened today: yes.
  await visit(page, "/windows?view=upcoming");
  await expect(
    page.getByRole("row", { name: /1\.2\.246\.10\.2840015\.15\.2026\.7001/ }),
  ).toBeVisible();

  // Finding the client's cases by identity code posts the code; it never enters the address.
  await visit(page, "/cases");
  await page.locator("summary", { hasText: "Hae asiakkaan asiat" }).click();
  const find = page.getByRole("form", { name: "Hae asiakkaan asiat" });
  await find.getByLabel("Henkilötunnus").fill(HETU);
  await find.getByRole("button", { name: "Hae" }).click();
  await expect(find.getByRole("status")).toContainText("Löytyi 1 asia.");
  await find.getByRole("link", { name: "1.2.246.10.2840015.15.2026.7001" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  // The birth date alone is looked for outside the case's id (random hex could hold it).
  expect(page.url()).not.toContain(HETU);
  expect(page.url().replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/, "#")).not.toContain(
    HETU.slice(0, 6),
  );

  // Nothing the server printed during the run contains the identity codes.
  const log = readFileSync(E2E.logFile, "utf8");
  expect(log).not.toContain(HETU);
  expect(log).not.toContain("Elli Esimerkki");
  expect(log).not.toContain(demoHetu(0));
});

test("the end date moves the closing date of a proposed window", async ({ page }) => {
  await signInAs(page, DEMO_USERS.caseworker);
  await visit(page, "/cases/new");
  const form = page.getByRole("form", { name: "Uusi asia" });
  await form.getByLabel("Asian OID").fill("1.2.246.10.2840015.15.2026.7002");
  await pick(form.getByLabel("Palvelutehtävä"), "Vammaispalvelut");
  await form.getByLabel("Asiakkaan nimi").fill("Pekka Testinen");
  await form.getByLabel("Henkilötunnus").fill(`010101A978${hetuCheckCharacter("010101978")}`);
  await form.getByRole("button", { name: "Tallenna asia" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

  const start = addDays(helsinkiToday(), 30);
  await page.getByText("Lisää palvelun toteutus", { exact: true }).first().click();
  const implForm = page.getByRole("form", { name: "Lisää palvelun toteutus" });
  await pick(implForm.getByLabel("Sosiaalipalvelu"), "Yhteisöllinen asuminen");
  await implForm.getByLabel("Palvelu alkaa").fill(start);
  await implForm.getByRole("button", { name: "Lisää palvelun toteutus" }).click();
  const impl = page.getByTestId("implementation");
  await impl.locator("summary", { hasText: "Liitä palveluyksikkö" }).click();
  const attach = impl.getByRole("form", { name: /Liitä palveluyksikkö/ });
  await pick(attach.getByLabel("Palveluyksikkö"), /Kotikallio Oy$/);
  await attach.getByRole("button", { name: "Liitä palveluyksikkö" }).click();
  const window = impl.getByTestId("window");
  await expect(window.getByTestId("window-closes")).toHaveText("Toistaiseksi");

  const end = addDays(start, 45);
  const endForm = impl.getByRole("form", { name: /Palvelun päättymispäivä/ });
  await endForm.getByLabel("Palvelu päättyy").fill(end);
  await endForm.getByRole("button", { name: "Tallenna päättymispäivä" }).click();
  await expect(endForm.getByRole("status")).toContainText(
    "Käyttöoikeusjakson päättymispäivä siirtyi.",
  );
  await expect(window.getByTestId("window-closes")).toHaveText(
    formatCalendarDate(addDays(end, 14)),
  );
  await expect(window).toContainText("Palveluntuottajan on poistettava asiakkaan tiedot");
});

test("a provider contact sees its own units' windows without client identities", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.providerContact);
  await visit(page, "/provider/windows");
  await expect(page.getByRole("heading", { name: "Käyttöoikeudet", level: 1 })).toBeVisible();
  const body = await page.locator("main").innerText();
  expect(body).not.toMatch(/\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/);
  expect(body).not.toContain("Elli Esimerkki");
});
