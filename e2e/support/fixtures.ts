import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page, type Response } from "@playwright/test";
import { simpleParser } from "mailparser";
import { E2E } from "./env";

/**
 * Waits until no finite CSS transition or animation is running. A contained button re-enabled
 * after its action fades from the disabled grey to its colour in 250 ms, and a dialog fades in:
 * axe caught both half-way and reported their white text as low contrast, which no user sees
 * once the page has settled. Endless ones (a spinner) are not waited for.
 */
async function settled(page: Page) {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== "running" || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
}

/** axe with the WCAG 2.1 A and AA rules; every page a test visits goes through this. */
export async function expectAccessible(page: Page, context = page.url()) {
  await settled(page);
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

/**
 * CSP violations seen on a page: the browser's `securitypolicyviolation` events (collected by an
 * init script in every document) and its console reports, which also cover earlier documents.
 */
const cspConsole = new WeakMap<Page, string[]>();

type CspReport = { directive: string; blocked: string; sample: string; source: string };

async function watchCsp(page: Page): Promise<string[]> {
  const seen = cspConsole.get(page);
  if (seen) return seen;
  const list: string[] = [];
  cspConsole.set(page, list);
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) {
      list.push(msg.text());
    }
  });
  // Runs in every document before the page's own scripts (DevTools-injected, so the CSP under
  // test does not block it).
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations?: CspReport[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations!.push({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  return list;
}

/** Fails on any CSP violation since the page opened (or since the last check). */
export async function expectNoCspViolations(page: Page, context = page.url()) {
  const events = await page
    .evaluate(() => (window as unknown as { __cspViolations?: CspReport[] }).__cspViolations ?? [])
    .catch(() => [] as CspReport[]);
  const consoleErrors = (await watchCsp(page)).splice(0);
  expect(
    [
      ...events.map((v) => `${v.directive} blocked ${v.blocked} ${v.sample} at ${v.source}`),
      ...consoleErrors,
    ],
    `CSP violations on ${context}`,
  ).toEqual([]);
}

/** Every page's footer links to the accessibility statement and to the feedback address. */
export async function expectFooterLinks(page: Page, context = page.url()) {
  const footer = page.getByRole("contentinfo");
  await expect(
    footer.getByRole("link", {
      name: /Saavutettavuusseloste|Tillgänglighetsutlåtande|Accessibility statement/,
    }),
    `statement link on ${context}`,
  ).toHaveAttribute("href", "/accessibility");
  await expect(
    footer.getByRole("link", { name: /palautetta|respons|feedback/i }),
    `feedback link on ${context}`,
  ).toHaveAttribute("href", `mailto:${E2E.feedbackEmail}`);
}

/**
 * Opens a page, waits for it to settle, runs axe on it, fails on any CSP violation and checks the
 * footer links.
 */
export async function visit(page: Page, url: string): Promise<Response | null> {
  await watchCsp(page);
  const response = await page.goto(url);
  await page.waitForLoadState("networkidle");
  await expectAccessible(page, url);
  await expectNoCspViolations(page, url);
  await expectFooterLinks(page, url);
  return response;
}

/** One-click demo sign-in over HTTP, as a person would do it. */
export async function signInAs(page: Page, userId: string) {
  await page.goto("/signin");
  await page
    .locator(`form:has(input[name="userId"][value="${userId}"]) button[type="submit"]`)
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /Kirjaudu ulos|Logga ut|Sign out/ }).click();
  await page.waitForURL(/\/signin/);
}

export type SinkMail = { file: string; to: string; subject: string; text: string; raw: Buffer };

async function readSink(): Promise<SinkMail[]> {
  let files: string[] = [];
  try {
    files = (await readdir(E2E.mailDir)).filter((f) => f.endsWith(".eml")).sort();
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => {
      const raw = await readFile(path.join(E2E.mailDir, file));
      const m = await simpleParser(raw);
      const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(",") : (m.to?.text ?? "");
      return { file, to, subject: m.subject ?? "", text: m.text ?? "", raw };
    }),
  );
}

export async function mailFiles(): Promise<Set<string>> {
  return new Set((await readSink()).map((m) => m.file));
}

/** Waits until the SMTP sink has received a new message for `to`. */
export async function waitForMail(
  to: string,
  seenBefore: Set<string>,
  timeoutMs = 15_000,
): Promise<SinkMail> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const found = (await readSink()).find((m) => !seenBefore.has(m.file) && m.to.includes(to));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
}

/** Chooses the option of a native select whose text is `name` (or matches it). */
export async function pick(select: Locator, name: string | RegExp) {
  const texts = (await select.locator("option").allTextContents()).map((t) => t.trim());
  const index = texts.findIndex((t) => (typeof name === "string" ? t === name : name.test(t)));
  if (index < 0) throw new Error(`no option ${String(name)} in ${texts.join(" | ")}`);
  await select.selectOption({ index });
}

/** The text of a native select's chosen option. */
export async function chosen(select: Locator): Promise<string> {
  return select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? "");
}
