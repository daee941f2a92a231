import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, businessIdFor } from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { organisationOidRoot } from "@/lib/providers/businessId";
import { expectAccessible, signInAs, visit } from "./support/fixtures";

function hetu(n: number): string {
  const body = `1${n % 10}0${1 + (n % 9)}70`;
  const ind = String(950 + n);
  return `${body}-${ind}${hetuCheckCharacter(`${body}${ind}`)}`;
}
/** The first unit of demo provider i (see db/seed/demo.ts). */
const unitOid = (i: number) => `${organisationOidRoot(businessIdFor(i))}.10.${100000 + 11 + i}`;

const HEADER =
  "Asian OID;Asiakkaan nimi;Henkilötunnus;Palvelutehtävä;Sosiaalipalvelu;Palveluyksikön OID;Alkupäivä;Loppupäivä";
const rows = (badHetu = false) =>
  [
    HEADER,
    // Kotikallio (provider 0): eligible, an existing client since March 2025.
    `1.2.246.10.2840015.15.2026.8001;Liisa Käyttöönotto;${hetu(1)};Ikääntyneiden palvelut;Yhteisöllinen asuminen;${unitOid(0)};1.3.2025;`,
    // Provider 2 produces only home care and its system is not tested: refused.
    `1.2.246.10.2840015.15.2026.8002;Veikko Käyttöönotto;${badHetu ? "010101-0000" : hetu(2)};Ikääntyneiden palvelut;Kotihoito;${unitOid(2)};1.4.2025;`,
    // An OID no unit in the registry has: refused.
    `1.2.246.10.2840015.15.2026.8003;Saara Käyttöönotto;${hetu(3)};Vammaispalvelut;Perhehoito;1.2.246.10.9999999.10.1;1.5.2025;31.12.2026`,
  ].join("\r\n");

async function upload(page: Page, csv: string, name: string) {
  await page.getByLabel("CSV-tiedosto").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
}

test("project staff check and apply the go-live file; a second run opens nothing twice", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  await visit(page, "/cases/golive");
  await expect(page.getByText("Hyvinvointialueen käyttöönottopäivä on 15.6.2026.")).toBeVisible();

  // A malformed row: reported with its line number, and applying stays impossible.
  await upload(page, rows(true), "kayttoonotto-virhe.csv");
  await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
  await expect(page.getByRole("status")).toContainText("Tiedostossa on 1 virhe.");
  const issues = page.getByRole("table", { name: "Virheelliset rivit" });
  await expect(issues.getByRole("row").nth(1)).toContainText("3");
  await expect(issues).toContainText("Henkilötunnus");
  await expect(page.getByRole("button", { name: "Avaa oikeudet" })).toBeDisabled();
  await expectAccessible(page);

  // The corrected file: one window would open, two rows are refused, grouped by provider.
  await upload(page, rows(), "kayttoonotto.csv");
  await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
  await expect(page.getByRole("status")).toContainText("Tarkistus valmis.");
  const summary = page.getByRole("table", { name: "Yhteenveto" });
  await expect(summary.getByRole("row", { name: /Avattavia oikeuksia/ })).toContainText("1");
  await expect(summary.getByRole("row", { name: /Hylättyjä rivejä/ })).toContainText("2");
  const byProvider = page.getByRole("table", { name: "Hylätyt rivit palveluntuottajittain" });
  await expect(byProvider).toContainText("Palveluyksikköä ei löydy rekisteristä");
  await expect(byProvider.getByRole("row")).toHaveCount(3);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Avaa oikeudet" }).click();
  await expect(page.getByRole("status")).toContainText("Valmis. Oikeudet on avattu.");
  await expect(summary.getByRole("row", { name: /Avattuja oikeuksia/ })).toContainText("1");

  // Running the same file again opens nothing twice.
  await upload(page, rows(), "kayttoonotto.csv");
  await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
  await expect(page.getByRole("status")).toContainText("Tarkistus valmis.");
  await expect(summary.getByRole("row", { name: /Avattavia oikeuksia/ })).toContainText("0");
  await expect(summary.getByRole("row", { name: /Jo aiemmin avattuja/ })).toContainText("1");

  // The opened window is on the windows list.
  await visit(page, "/windows?view=open");
  await expect(page.getByRole("row", { name: /2026\.8001/ })).toContainText("Avoinna");
});
