import { expect, test, type Page } from "@playwright/test";
import { expectNoCspViolations, mailFiles, signInAs, visit } from "./support/fixtures";
import { E2E } from "./support/env";
import { DEMO_USERS, seedId } from "@/db/seed/demo";

const SECURITY_HEADERS: Record<string, string | RegExp> = {
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "content-security-policy":
    /^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic';.*object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'$/,
};

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    if (typeof value === "string") expect(headers[name], `${name} on ${where}`).toBe(value);
    else expect(headers[name], `${name} on ${where}`).toMatch(value);
  }
}

/**
 * Rate-limit tests come from another loopback address (127.0.0.2) so that their per-IP
 * counts never touch the rest of the suite, which runs from 127.0.0.1 / ::1.
 */
const OTHER_CLIENT = `http://127.0.0.2:${E2E.port}`;

async function requestLink(page: Page, email: string) {
  await page.goto(`${OTHER_CLIENT}/signin`);
  await page.getByLabel("Sähköpostiosoite").fill(email);
  await page.getByRole("button", { name: "Lähetä kirjautumislinkki" }).click();
}

test("security headers on the sign-in page, a signed-in page and an API route", async ({
  page,
}) => {
  const signin = await visit(page, "/signin");
  expectSecurityHeaders(await signin!.allHeaders(), "/signin");
  expect((await signin!.allHeaders())["cache-control"]).toContain("no-store");

  await signInAs(page, DEMO_USERS.caseworker);
  const casePage = await visit(page, `/cases/${seedId("case:0")}`);
  expect(casePage!.status()).toBe(200);
  const caseHeaders = await casePage!.allHeaders();
  expectSecurityHeaders(caseHeaders, "a case page");
  expect(caseHeaders["cache-control"]).toContain("no-store");
  await expect(page.locator("h1")).toBeVisible();

  const api = await page.request.get("/api/health");
  expectSecurityHeaders(api.headers(), "/api/health");
});

function nonceOf(csp: string | undefined): string {
  const m = /script-src [^;]*'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "");
  expect(m, `a script nonce in ${csp}`).not.toBeNull();
  return m![1]!;
}

test("every response gets its own nonce, and every script in the HTML carries it", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const res = await request.get("/signin");
    expect(res.status()).toBe(200);
    const csp = res.headers()["content-security-policy"]!;
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = nonceOf(csp);
    nonces.add(nonce);

    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    const inline = scripts.filter((attrs) => !/\bsrc=/.test(attrs));
    expect(inline.length, "Next's inline bootstrap scripts").toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
    // Emotion's style tags carry it too.
    const styles = [...html.matchAll(/<style\b([^>]*)>/g)].map((m) => m[1]!);
    expect(styles.length, "Emotion's style tags").toBeGreaterThan(0);
    for (const attrs of styles) expect(attrs).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);
});

test("a resource from another origin is blocked, and visit()'s CSP check reports it", async ({
  page,
}) => {
  await visit(page, "/signin");
  await page.evaluate((src) => {
    const img = document.createElement("img");
    img.src = src;
    img.alt = "";
    document.body.append(img);
  }, `${OTHER_CLIENT}/csp-probe.png`);
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __cspViolations?: { directive: string }[] }).__cspViolations
            ?.map((v) => v.directive)
            .join(",") ?? "",
      ),
    )
    .toBe("img-src");
  // The check every visit() runs fails on it.
  await expect(expectNoCspViolations(page)).rejects.toThrow(/CSP violations/);
});

test("the health endpoint answers 200 JSON without signing in, never cached", async ({
  request,
}) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(await res.json()).toEqual({ status: "ok" });
});

test("over the per-address limit the answer stays the same, but no mail is sent", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A provider contact no other test asks links for: five links arrive, the sixth does not.
  const address = "mikko.nieminen@hoivakoti-kuusela.example";
  const before = await mailFiles();
  for (let i = 1; i <= 6; i++) {
    await requestLink(page, address);
    await expect(page.getByRole("heading", { level: 1 }), `request ${i}`).toHaveText(
      "Tarkista sähköpostisi",
    );
  }
  await expect
    .poll(async () => [...(await mailFiles())].filter((f) => !before.has(f)).length, {
      timeout: 15_000,
    })
    .toBe(5);
  await page.waitForTimeout(1500);
  expect([...(await mailFiles())].filter((f) => !before.has(f))).toHaveLength(5);
});

test("over the per-IP limit the magic-link form refuses with an alert", async ({ page }) => {
  test.setTimeout(180_000);
  // 6 requests came from this client in the test above; 30 are allowed per 15 minutes.
  for (let i = 0; ; i++) {
    await requestLink(page, `nobody-${i}@unknown.example`);
    const heading = page.getByRole("heading", { level: 1 }).filter({
      hasText: "Tarkista sähköpostisi",
    });
    // (Next.js's route announcer is also role="alert": only the form's own counts.)
    const alert = page.locator("form").getByRole("alert");
    await expect(heading.or(alert)).toBeVisible();
    if (await alert.isVisible()) break;
    expect(i, "the limit must have been reached by now").toBeLessThan(31);
  }
  await expect(page.locator("form").getByRole("alert")).toContainText(
    /Liian monta yritystä\. Yritä uudelleen \d+ minuutin kuluttua\./,
  );
  await expect(page).toHaveURL(/\/signin$/);
});
