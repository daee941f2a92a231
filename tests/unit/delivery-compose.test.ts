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

const WHOLE = [CLIENT, HETU, "24.5.2012", CASE_OID, "2840015.15.2026"];
const SECRETS = [...WHOLE, "Öhman", "Ohman", HETU.slice(0, 6)];
/**
 * The message without its random parts: base64 blocks (ciphertext), uuids and MIME boundaries.
 * They hold a surname or six digits by chance about once in 12,000 runs; what is left (headers,
 * part headers, file names, preambles) must hold no part of the client data.
 */
const unrandom = (s: string) =>
  s
    .replace(/^[A-Za-z0-9+/]{40,}\r?$(?:\n^[A-Za-z0-9+/=]*\r?$)*/gm, "#")
    .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|=_[0-9a-f]{36}/g, "#");
/** Header values as a mail client shows them: RFC 2047 words (UTF-8, B, as mime.ts writes them). */
const decodeWords = (s: string) =>
  s.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=(?:\r\n[ \t]+(?==\?))?/gi, (_, b64: string) =>
    Buffer.from(b64, "base64").toString("utf8"),
  );

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
          const raw = m.raw.toString("utf8");
          const parsed = await simpleParser(m.raw);
          const text = `${parsed.text ?? ""}\n${parsed.html || ""}`;
          for (const s of SECRETS) {
            expect(unrandom(decodeWords(raw))).not.toContain(s);
            expect(parsed.subject ?? "").not.toContain(s);
            expect(m.subject).not.toContain(s);
            // Nor in any text part (a pickup notice's, decoded).
            expect(text).not.toContain(s);
          }
          // Whole values nowhere at all: encrypted bodies hide them, pickup notices never carry them.
          for (const s of WHOLE) expect(raw).not.toContain(s);
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
