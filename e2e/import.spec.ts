import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { organisationOidRoot } from "@/lib/providers/businessId";
import { signInAs, visit } from "./support/fixtures";

const HEADER =
  "Y-tunnus;Palveluntuottaja;Palveluyksikkö;OID;Kunta;Asiakastietojärjestelmä;Yhteyshenkilö;Sähköposti;Puhelin;Kieli;Vastaanottaa OID";
// 7654321-? : 7*7+6*9+5*10+4*5+3*8+2*4+1*2 = 207, 207 % 11 = 9, check digit 2.
const BID = "7654321-2";

test("staff check a CSV file, read each bad row's error, then import a corrected file", async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "csv-e2e-"));
  try {
    const bad = path.join(dir, "tuottajat.csv");
    writeFileSync(
      bad,
      `${HEADER}\n${BID};Palvelukoti Tuomi Oy;Tuomen koti;${organisationOidRoot(BID)}.10.0;Lahti;;Tiina Tuomi;tiina@tuomi.example;;fi;K\n`,
    );
    const good = path.join(dir, "tuottajat-korjattu.csv");
    writeFileSync(
      good,
      `${HEADER}\n${BID};Palvelukoti Tuomi Oy;Tuomen koti;${organisationOidRoot(BID)}.10.3;Lahti;;Tiina Tuomi;tiina@tuomi.example;;fi;K\n`,
    );
    await signInAs(page, DEMO_USERS.projectStaff);
    await visit(page, "/providers/import");
    await page.getByLabel("CSV-tiedosto").setInputFiles(bad);
    await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
    await expect(page.getByRole("status")).toContainText("1 virhe");
    const row = page.getByRole("row", { name: /^2 OID/ });
    await expect(row).toContainText("toimintayksikön");
    await expect(page.getByRole("button", { name: "Tuo tiedot" })).toBeDisabled();
    await visit(page, page.url());

    await page.getByLabel("CSV-tiedosto").setInputFiles(good);
    await page.getByRole("button", { name: "Tarkista tiedosto" }).click();
    await expect(page.getByRole("status")).toContainText("Palveluntuottajat: 1 uutta");
    await page.getByRole("button", { name: "Tuo tiedot" }).click();
    await expect(page.getByRole("status")).toContainText("Tiedot tuotu.");

    await visit(page, "/providers?q=Tuomi");
    await expect(page.getByRole("link", { name: "Palvelukoti Tuomi Oy" })).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
