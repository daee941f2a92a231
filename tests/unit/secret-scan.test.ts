import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findSecrets, scanDir } from "@/e2e/support/secrets";

const SECRETS = {
  AUTH_SECRET: "planted-auth-secret-0123456789",
  SMTP_URL: "smtp://127.0.0.1:2920",
};

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function tree(files: Record<string, string | Buffer>) {
  dir = await mkdtemp(path.join(tmpdir(), "secret-scan-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

describe("the bundle secret scan", () => {
  it("finds a secret planted deep in a chunk, and names the file but not the secret", async () => {
    const root = await tree({
      "chunks/app/a.js": "console.log('clean')",
      "chunks/app/deep/b.js": `var x="${SECRETS.AUTH_SECRET}";`,
      "css/c.css": "body{}",
    });
    const { files, findings } = await scanDir(root, SECRETS);
    expect(files).toBe(3);
    expect(findings).toEqual([
      { where: path.join("chunks", "app", "deep", "b.js"), secret: "AUTH_SECRET" },
    ]);
    expect(JSON.stringify(findings)).not.toContain(SECRETS.AUTH_SECRET);
  });

  it("finds private key markers and secrets inside binary files", async () => {
    const root = await tree({
      "media/key.js": "-----BEGIN RSA PRIVATE KEY-----\nMIIE",
      "media/pgp.txt": "-----BEGIN PGP PRIVATE KEY BLOCK-----",
      "media/font.woff2": Buffer.concat([
        Buffer.from([0, 255, 1, 2]),
        Buffer.from(SECRETS.SMTP_URL),
        Buffer.from([0]),
      ]),
    });
    const { findings } = await scanDir(root, SECRETS);
    expect(findings.map((f) => `${path.basename(f.where)} ${f.secret}`).sort()).toEqual([
      "font.woff2 SMTP_URL",
      "key.js PRIVATE KEY",
      "pgp.txt BEGIN PGP PRIVATE",
      "pgp.txt PRIVATE KEY",
    ]);
  });

  it("passes a clean tree and refuses secrets too short to search for", async () => {
    const root = await tree({ "a.js": "nothing here" });
    expect((await scanDir(root, SECRETS)).findings).toEqual([]);
    expect(() => findSecrets("x", "a.js", { K: "short" })).toThrow(/too short/);
  });
});
