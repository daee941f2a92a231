import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { generateKey } from "openpgp";

/** Throwaway key material for delivery tests, and the external tools that must read the mail. */
export type SmimeIdentity = { certPem: string; keyPem: string };

const DAY = 24 * 60 * 60 * 1000;

export function selfSignedSmime(email: string, commonName: string): SmimeIdentity {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = "01" + forge.util.bytesToHex(forge.random.getBytesSync(8));
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + 365 * DAY);
  const name = [
    { name: "countryName", value: "FI" },
    { name: "organizationName", value: "Testi Oy" },
    { name: "commonName", value: commonName },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
    { name: "extKeyUsage", emailProtection: true },
    { name: "subjectAltName", altNames: [{ type: 1, value: email }] },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return {
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

export async function pgpKeyPair(email: string, name: string) {
  return generateKey({
    type: "ecc",
    curve: "curve25519Legacy",
    userIDs: [{ name, email }],
    format: "armored",
  });
}

export function hasTool(cmd: string): boolean {
  return spawnSync(cmd, ["--version"]).status === 0 || spawnSync(cmd, ["version"]).status === 0;
}

/** A scratch folder with a private GnuPG home; call cleanup() when done. */
export function scratch() {
  const dir = mkdtempSync(path.join(tmpdir(), "delivery-"));
  const gnupgHome = mkdtempSync(path.join(tmpdir(), "gpg-"));
  const env = { ...process.env, GNUPGHOME: gnupgHome };
  const file = (name: string, data: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  return {
    dir,
    file,
    /** openssl cms -decrypt on the exact bytes; returns the decrypted MIME entity. */
    opensslDecrypt(raw: Buffer, id: SmimeIdentity): Buffer {
      const msg = file(`m-${Math.random()}.eml`, raw);
      return execFileSync("openssl", [
        "cms",
        "-decrypt",
        "-in",
        msg,
        "-recip",
        file("cert.pem", id.certPem),
        "-inkey",
        file("key.pem", id.keyPem),
      ]);
    },
    gpgImport(armoredPrivateKey: string) {
      execFileSync("gpg", ["--batch", "--import", file("secret.asc", armoredPrivateKey)], {
        env,
        stdio: "pipe",
      });
    },
    /** gpg --decrypt on the armored part of a PGP/MIME message. */
    gpgDecrypt(raw: Buffer): Buffer {
      const text = raw.toString("latin1");
      const armored = text.slice(
        text.indexOf("-----BEGIN PGP MESSAGE-----"),
        text.indexOf("-----END PGP MESSAGE-----") + "-----END PGP MESSAGE-----".length,
      );
      return execFileSync(
        "gpg",
        ["--batch", "--pinentry-mode", "loopback", "--decrypt", file("m.asc", armored)],
        { env, stdio: ["ignore", "pipe", "pipe"] },
      );
    },
    cleanup() {
      spawnSync("gpgconf", ["--homedir", gnupgHome, "--kill", "gpg-agent"], { env });
      rmSync(dir, { recursive: true, force: true });
      rmSync(gnupgHome, { recursive: true, force: true });
    },
  };
}
