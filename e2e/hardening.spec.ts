import { expect, test, type Page, type Request } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { chosen, expectAccessible, pick, signInAs, visit } from "./support/fixtures";
import { E2E } from "./support/env";

const identifierForm = (page: Page) =>
  page.getByRole("form", { name: "Asiakkaan tunniste viesteissä" });

async function chooseIdentifier(page: Page, option: "Syntymäaika" | "Henkilötunnus") {
  await pick(identifierForm(page).getByLabel("Tunniste"), option);
}

/** What the identifier select currently shows after a fresh load of /settings. */
async function savedIdentifier(page: Page): Promise<string> {
  await page.goto("/settings");
  return chosen(identifierForm(page).getByLabel("Tunniste"));
}

test("a server action replayed with a foreign or missing Origin is refused and changes nothing", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.admin);
  await visit(page, "/settings");
  expect(await savedIdentifier(page)).toBe("Syntymäaika");

  // Capture the real server-action POST the form makes, and keep it from reaching the server.
  let captured: Request | null = null;
  await page.route("**/settings", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
    } else await route.continue();
  });
  await chooseIdentifier(page, "Henkilötunnus");
  await identifierForm(page).getByRole("button", { name: "Tallenna" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/settings");
  const request = captured as unknown as Request;
  const body = request.postDataBuffer()!;
  const headers = { ...request.headers() };
  expect(headers["next-action"]).toMatch(/^[0-9a-f]{40,}$/);
  expect(headers.origin).toBe(E2E.baseURL);
  delete headers.origin;
  delete headers.cookie;

  const replay = (extra: Record<string, string>) =>
    page.request.post("/settings", {
      headers: { ...headers, ...extra },
      data: body,
      maxRedirects: 0,
    });
  // A foreign Origin: Next itself aborts it (Origin does not match Host)…
  const foreign = await replay({ origin: "https://evil.example" });
  expect(await foreign.text()).not.toContain("outbox.identifier.saved");
  expect(await savedIdentifier(page)).toBe("Syntymäaika");
  // …and when Host is forged to match it, the portal's own check (against APP_URL) does.
  // No Origin at all passes Next's check; the portal refuses it.
  for (const extra of [
    { origin: "https://evil.example", host: "evil.example" },
    {} as Record<string, string>,
  ]) {
    const res = await replay(extra);
    expect(await res.text(), JSON.stringify(extra)).toContain("validation.origin");
    expect(await savedIdentifier(page), JSON.stringify(extra)).toBe("Syntymäaika");
  }
  // The same request from the portal's own origin goes through.
  const ok = await replay({ origin: E2E.baseURL });
  expect(await ok.text()).toContain("outbox.identifier.saved");
  expect(await savedIdentifier(page)).toBe("Henkilötunnus");

  // Put the setting back through the page, for the rest of the suite.
  await chooseIdentifier(page, "Syntymäaika");
  await identifierForm(page).getByRole("button", { name: "Tallenna" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tunniste tallennettu" })).toBeVisible();
  expect(await savedIdentifier(page)).toBe("Syntymäaika");
});

test("x-middleware-subrequest bypasses nothing: pages still redirect, routes still answer 401", async ({
  request,
}) => {
  for (const value of [
    "middleware",
    "middleware:middleware:middleware:middleware:middleware",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  ]) {
    const headers = { "x-middleware-subrequest": value };
    for (const path of ["/cases", "/settings/users", "/provider/units"]) {
      const res = await request.get(path, { headers, maxRedirects: 0 });
      expect(res.status(), `${path} with ${value}`).toBe(307);
      expect(res.headers().location, `${path} with ${value}`).toMatch(
        new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}$`),
      );
    }
    const exp = await request.get("/api/export?list=providers&format=csv", { headers });
    expect(exp.status(), `export with ${value}`).toBe(401);
    const golive = await request.post("/api/golive", { headers, multipart: { mode: "dryRun" } });
    expect(golive.status(), `golive with ${value}`).toBe(401);
  }
});

test("the session cookie is HttpOnly and SameSite=Lax (no prefix or Secure on http://localhost)", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.caseworker);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "authjs.session-token");
  expect(session, cookies.map((c) => c.name).join(", ")).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/", secure: false });
  const csrf = cookies.find((c) => c.name === "authjs.csrf-token");
  if (csrf) expect(csrf).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("an admin disables a provider contact signed in elsewhere: their next request lands on sign-in", async ({
  browser,
  page,
}) => {
  const contact = await browser.newContext();
  const contactPage = await contact.newPage();
  await signInAs(contactPage, DEMO_USERS.providerContact2);
  await contactPage.goto("/provider/units");
  await expect(contactPage.getByRole("heading", { level: 1 })).toBeVisible();

  await signInAs(page, DEMO_USERS.admin);
  await visit(page, "/settings/users");
  await page.getByLabel("Hae nimellä, sähköpostilla tai palveluntuottajalla").fill("Nieminen");
  await page.getByRole("button", { name: "Hae" }).click();
  await expect(page).toHaveURL(/q=Nieminen/);
  const row = page.getByRole("row").filter({ hasText: "Mikko Nieminen" });
  await expect(row).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: "Aino Aaltonen" })).toHaveCount(0);
  await row.getByRole("button", { name: "Poista käytöstä: Mikko Nieminen" }).click();
  const dialog = page.getByRole("dialog", { name: "Poistetaanko Mikko Nieminen käytöstä?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "the disable dialog");
  // Cancelling changes nothing.
  await dialog.getByRole("button", { name: "Peruuta" }).click();
  await expect(dialog).toBeHidden();
  await contactPage.goto("/provider/contacts");
  await expect(contactPage).toHaveURL(/\/provider\/contacts$/);

  await row.getByRole("button", { name: "Poista käytöstä: Mikko Nieminen" }).click();
  await dialog.getByRole("button", { name: "Poista käytöstä" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Käyttäjä poistettiin käytöstä" }),
  ).toBeVisible();
  await expect(row).toContainText("Poistettu käytöstä");
  await visit(page, page.url());

  await contactPage.goto("/provider/units");
  await expect(contactPage).toHaveURL(/\/signin\?ended=1&callbackUrl=%2Fprovider%2Funits$/);
  await expect(
    contactPage.getByRole("alert").filter({ hasText: "Istuntosi päättyi" }),
  ).toBeVisible();
  // And the demo sign-in refuses a disabled user.
  await contactPage
    .locator(`form:has(input[name="userId"][value="${DEMO_USERS.providerContact2}"]) button`)
    .click();
  await expect(contactPage).toHaveURL(/\/signin/);
  await contact.close();

  // Enable again for the rest of the suite.
  await page
    .getByRole("row")
    .filter({ hasText: "Mikko Nieminen" })
    .getByRole("button", { name: "Ota käyttöön: Mikko Nieminen" })
    .click();
  await page
    .getByRole("dialog", { name: "Otetaanko Mikko Nieminen käyttöön?" })
    .getByRole("button", { name: "Ota käyttöön" })
    .click();
  await expect(
    page.getByRole("status").filter({ hasText: "Käyttäjä otettiin käyttöön" }),
  ).toBeVisible();
});

test("direct POSTs to Auth.js's magic-link endpoint count against the per-address limit", async ({
  playwright,
}) => {
  // Its own loopback address, so its per-IP count touches no other test.
  const api = await playwright.request.newContext({ baseURL: `http://127.0.0.3:${E2E.port}` });
  const email = `limit-${Date.now()}@unknown.example`;
  const locations: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const res = await api.post("/api/auth/signin/nodemailer", { form: { email }, maxRedirects: 0 });
    expect(res.status(), `POST ${i}`).toBeGreaterThanOrEqual(300);
    expect(res.status(), `POST ${i}`).toBeLessThan(400);
    locations.push(res.headers().location ?? "");
  }
  // Five reach Auth.js (which refuses them without a CSRF token); the sixth is stopped first
  // with the neutral "check your e-mail" answer.
  for (const l of locations.slice(0, 5)) expect(l).not.toContain("/signin/check-email");
  expect(locations[5]).toContain("/signin/check-email");
  await api.dispose();
});
