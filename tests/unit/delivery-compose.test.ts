import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { composeBatchMessage, composeCaseMessage, type Recipient } from "@/lib/delivery/compose";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { pgpKeyPair, selfSignedSmime } from "../helpers/keys";

/** Every template, in every language and for every method: no client data outside the encryption. */
const HETU = `240512A983${hetuCheckCharacter("240512983")}`;
const CLIENT = "Åsa Öhman-Testinen";
const CASE_OID = "1.2.246.10.2840015.15.2026.4242";
const details = {
  caseOid: CASE_OID,
  clientName: CLIENT,
  hetu: HETU,
  serviceTask: "child_welfare",
  service: "family_care",
  unitName: "Perhekoti Testi",
  opensOn: "2026-06-15",
  closesOn: "2026-12-31",
};
const ctx = {
  organiser: {
    nameFi: "Järvi-Pohjan hyvinvointialue",
    nameSv: "Järvi-Pohja",
    nameEn: "Järvi-Pohja",
  },
  identifier: "birth_date" as const,
  from: "Portaali <noreply@hyvinvointialue.example>",
  appUrl: "https://portaali.example",
};
const smime = selfSignedSmime("r@provider.example", "R");

function headerBlock(raw: Buffer): string {
  const s = raw.toString("latin1");
  return s.slice(0, s.indexOf("\r\n\r\n"));
}

// Whole values are looked for in every byte. The short parts (a surname, the birth date's six
// digits) only where text is readable: random base64 and hex (ciphertext, boundaries, ids)
// contain them by chance about once in 12,000 runs.
const WHOLE = [CLIENT, HETU, CASE_OID, "2840015.15.2026"];
const SECRETS = [...WHOLE, "Öhman", "Ohman", HETU.slice(0, 6)];
/** Boundaries and ids are random hex; they are masked before looking for the short parts. */
const readable = (s: string) => s.replace(/[0-9a-f][0-9a-f-]{15,}/gi, "#");

describe("delivery templates keep client data inside the encryption", async () => {
  const pgp = await pgpKeyPair("r@provider.example", "R");
  const keys = {
    smime: { keyKind: "smime" as const, key: smime.certPem },
    pgp: { keyKind: "pgp" as const, key: pgp.publicKey },
    pickup: { keyKind: null, key: null },
  };
  for (const language of ["fi", "sv", "en"] as const)
    for (const method of ["smime", "pgp", "pickup"] as const)
      for (const template of ["case", "batch"] as const)
        it(`${template} message, ${method}, ${language}`, async () => {
          const r: Recipient = {
            contactId: "c",
            name: "Riikka Vastaanottaja",
            email: "r@provider.example",
            language,
            keyExpires: null,
            ...keys[method],
          };
          const m =
            template === "case"
              ? await composeCaseMessage(r, details, ctx)
              : await composeBatchMessage(r, [details, details], "2026-08-31", ctx);
          expect(m.method).toBe(method);
          const headers = headerBlock(m.raw);
          const parsed = await simpleParser(m.raw);
          const text = `${parsed.text ?? ""}\n${parsed.html || ""}`;
          for (const s of SECRETS) {
            expect(readable(headers)).not.toContain(s);
            expect(parsed.subject ?? "").not.toContain(s);
            expect(m.subject).not.toContain(s);
            // Not in any text part a mail client shows (a pickup notice's, decoded).
            expect(readable(text)).not.toContain(s);
          }
          // Nowhere in the raw bytes: encrypted bodies hide it, pickup notices never carry it.
          for (const s of WHOLE) expect(m.raw.toString("latin1")).not.toContain(s);
          expect(parsed.messageId).toBe(m.messageId);
          if (method === "pickup") {
            expect(parsed.text).toContain("https://portaali.example/provider/messages");
            // The content the contact will read after sign-in does have it.
            const content = `${m.pickup!.text}\n${m.pickup!.csv ?? ""}`;
            expect(content).toContain(template === "case" ? CASE_OID : "");
            if (template === "batch") expect(m.pickup!.csv).toContain(CASE_OID);
          }
        });

  it("a key that has expired falls back to portal pickup", async () => {
    const m = await composeCaseMessage(
      {
        contactId: "c",
        name: "R",
        email: "r@provider.example",
        language: "fi",
        keyKind: "smime",
        key: smime.certPem,
        keyExpires: new Date(Date.now() - 1000),
      },
      details,
      ctx,
    );
    expect(m.method).toBe("pickup");
  });
});
