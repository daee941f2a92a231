import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import { signInAs, signOut, visit } from "./support/fixtures";

function certificate(dir: string, email: string): string {
  const out = path.join(dir, `${email}.pem`);
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "365",
      "-subj",
      `/CN=${email}`,
      "-keyout",
      path.join(dir, `${email}.key`),
      "-out",
      out,
      "-addext",
      "keyUsage=digitalSignature,keyEncipherment",
      "-addext",
      "extendedKeyUsage=emailProtection",
      "-addext",
      `subjectAltName=email:${email}`,
    ],
    { stdio: "ignore" },
  );
  return readFileSync(out, "utf8");
}

test("a contact stores an S/MIME certificate for encrypted mail; a certificate for another address is refused", async ({
  page,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "keys-e2e-"));
  try {
    await signInAs(page, DEMO_USERS.providerContact);
    await visit(page, "/provider/contacts");
    const form = page.getByRole("form", { name: "Muokkaa yhteyshenkilöä: Anna Virtanen" });
    const keyField = form.getByLabel("Salausavain (S/MIME-varmenne tai OpenPGP-julkinen avain)");

    await keyField.fill(certificate(dir, "someone.else@kotikallio.example"));
    await form.getByRole("button", { name: "Tallenna" }).click();
    await expect(
      form.getByText("anna.virtanen@kotikallio.example", { exact: false }).first(),
    ).toBeVisible();
    await expect(keyField).toBeFocused();
    await expect(form.getByRole("status")).toContainText("Tarkista lomakkeen tiedot");

    await keyField.fill(certificate(dir, "anna.virtanen@kotikallio.example"));
    await form.getByRole("button", { name: "Tallenna" }).click();
    await expect(form.getByRole("status")).toContainText("Yhteyshenkilön tiedot tallennettu.");
    await page.reload();
    await expect(
      page.getByText(/Tallennettu avain: S\/MIME-varmenne, voimassa/).first(),
    ).toBeVisible();
    await visit(page, "/provider/contacts");

    // Staff see which delivery method the contact will get.
    await signOut(page);
    await signInAs(page, DEMO_USERS.caseworker);
    await visit(page, `/providers/${seedId("provider:0")}`);
    await expect(page.locator("tr", { hasText: "anna.virtanen@kotikallio.example" })).toContainText(
      "S/MIME-varmenne",
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
