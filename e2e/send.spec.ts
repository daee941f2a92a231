import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import { E2E } from "./support/env";
import { mailFiles, signInAs, signOut, visit, waitForMail } from "./support/fixtures";

const MIKKO = "mikko.nieminen@hoivakoti-kuusela.example";

function certificate(dir: string, email: string) {
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
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
      key,
      "-out",
      cert,
      "-addext",
      "keyUsage=digitalSignature,keyEncipherment",
      "-addext",
      "extendedKeyUsage=emailProtection",
      "-addext",
      `subjectAltName=email:${email}`,
    ],
    { stdio: "ignore" },
  );
  return { cert, key, pem: readFileSync(cert, "utf8") };
}

test("a case worker sends the case OID; the sink receives S/MIME that openssl opens; the status turns to sent", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "send-e2e-"));
  try {
    // The provider's contact stores a certificate and receives case OIDs.
    const id = certificate(dir, MIKKO);
    await signInAs(page, DEMO_USERS.providerContact2);
    await visit(page, "/provider/contacts");
    const form = page.getByRole("form", { name: /Muokkaa yhteyshenkilöä: Mikko Nieminen/ });
    await form.getByLabel("Salausavain (S/MIME-varmenne tai OpenPGP-julkinen avain)").fill(id.pem);
    await form.getByLabel("Vastaanottaa asioiden OID-tunnukset").check();
    await form.getByRole("button", { name: "Tallenna" }).click();
    await expect(form.getByRole("status")).toContainText("Yhteyshenkilön tiedot tallennettu.");
    await signOut(page);

    // The case worker sees who gets the message and how, then sends it.
    await signInAs(page, DEMO_USERS.caseworker);
    await visit(page, `/cases/${seedId("case:1")}`);
    const window = page.getByTestId("window").first();
    await expect(window.getByTestId("recipients")).toContainText(
      `Mikko Nieminen (${MIKKO}): S/MIME-salattu sähköposti`,
    );
    const seen = await mailFiles();
    const send = window.getByRole("form", { name: /Lähetä asian OID/ });
    // A double click still sends one message per recipient.
    await send.getByRole("button", { name: "Lähetä asian OID" }).dblclick();
    await expect(send.getByRole("status")).toContainText("lähetysjonossa");

    const mail = await waitForMail(MIKKO, seen, 30_000);
    // Headers carry no case OID and no client name.
    const headers = mail.raw.toString("latin1").split("\r\n\r\n")[0]!;
    expect(headers).not.toContain("2840015.15.2026");
    expect(headers).toContain("application/pkcs7-mime");
    const file = path.join(dir, "received.eml");
    writeFileSync(file, mail.raw);
    const inner = execFileSync("openssl", [
      "cms",
      "-decrypt",
      "-in",
      file,
      "-recip",
      id.cert,
      "-inkey",
      id.key,
    ]);
    const content = await simpleParser(inner);
    expect(content.text).toContain("1.2.246.10.2840015.15.2026.1001");

    // A double click made one message to Mikko, not two.
    await page.waitForTimeout(3000);
    const fresh = [...(await mailFiles())].filter((f) => !seen.has(f));
    const recipients = await Promise.all(
      fresh.map(async (f) => (await simpleParser(readFileSync(path.join(E2E.mailDir, f)))).to),
    );
    expect(recipients.filter((to) => JSON.stringify(to).includes(MIKKO))).toHaveLength(1);

    // The Deliveries view shows it as sent.
    await expect(async () => {
      await visit(page, "/deliveries");
      await expect(page.getByRole("row", { name: new RegExp(MIKKO) }).first()).toContainText(
        /Lähetetty/,
      );
    }).toPass({ timeout: 20_000 });
    // …and so does the case's own delivery history.
    await visit(page, `/cases/${seedId("case:1")}`);
    await expect(
      page.getByRole("table", { name: "Lähetykset" }).getByRole("row", { name: new RegExp(MIKKO) }),
    ).toContainText("Lähetetty");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
