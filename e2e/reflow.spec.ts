import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import type { Role } from "@/db/schema";
import { expectAccessible, signInAs } from "./support/fixtures";

// WCAG 1.4.10 Reflow and 1.4.4 Resize text: at 320 CSS px and at 200 % zoom of a 1280 × 800
// screen (a 640 × 400 layout viewport) no page scrolls sideways, no text is cut off, and the
// navigation is reachable. Data tables may scroll inside their own named, focusable region.

test.describe.configure({ timeout: 240_000 });

const SIZES = [
  { name: "320px", width: 320, height: 640 },
  { name: "zoom200", width: 640, height: 400 },
] as const;

const PAGES: Record<Role, { user: string; urls: string[] }> = {
  caseworker: {
    user: DEMO_USERS.caseworker,
    urls: [
      "/cases",
      "/cases/new",
      `/cases/${seedId("case:1")}`,
      "/windows",
      "/providers",
      `/providers/${seedId("provider:0")}`,
      "/deliveries",
      "/accessibility",
    ],
  },
  project_staff: {
    user: DEMO_USERS.projectStaff,
    urls: [
      "/readiness",
      "/providers?stage=invited",
      "/providers/campaign",
      "/audit",
      "/deliveries",
    ],
  },
  admin: {
    user: DEMO_USERS.admin,
    urls: ["/settings", "/settings/policy", "/providers/systems", "/audit", "/cases/golive"],
  },
  provider_contact: {
    user: DEMO_USERS.providerContact,
    urls: [
      "/provider/units",
      `/provider/units/${seedId("unit:0:1")}`,
      "/provider/contacts",
      "/provider/system",
      "/provider/windows",
      "/provider/messages",
    ],
  },
};

/** Everything that breaks reflow on the current page, as readable lines (empty = fine). */
async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
      // Name the innermost boxes that stick out, to say what to fix.
      const out = [...document.body.querySelectorAll("*")].filter(
        (el) => el.getBoundingClientRect().right > root.clientWidth + 1 && el.checkVisibility(),
      );
      for (const el of out.filter((el) => !out.some((o) => o !== el && el.contains(o))).slice(0, 5))
        problems.push(
          `sticks out: ${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 3).join(".")} (right ${Math.round(el.getBoundingClientRect().right)})`,
        );
    }
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 2).join(".")} "${(el.textContent ?? "").trim().slice(0, 50)}"`;
    /** Inside a sideways-scrolling region (a data table's own scroll area). */
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if ((o === "auto" || o === "scroll") && p !== root) return true;
      }
      return false;
    };
    const hiddenForScreenReadersOnly = (el: Element) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return (r.width <= 1 && r.height <= 1) || s.clip === "rect(0px, 0px, 0px, 0px)";
    };
    for (const el of document.body.querySelectorAll("*")) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
      if (el.closest("svg, [aria-hidden=true]") || hiddenForScreenReadersOnly(el)) continue;
      const hasText = [...el.childNodes].some(
        (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").trim() !== "",
      );
      if (!hasText) continue;
      const s = getComputedStyle(el);
      const clips =
        s.overflowX === "hidden" || s.overflowX === "clip" || s.textOverflow === "ellipsis";
      if (clips && el.scrollWidth > el.clientWidth + 1 && !inScroller(el))
        problems.push(`text cut off: ${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 && !inScroller(el) && r.left > -1000)
        problems.push(`text past the right edge: ${describe(el)} (right ${Math.round(r.right)})`);
    }
    // A table that overflows must scroll in its own named region reachable by keyboard.
    for (const table of document.querySelectorAll("table")) {
      let scroller: HTMLElement | null = null;
      for (let p = table.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll") {
          scroller = p;
          break;
        }
      }
      if (!scroller) continue;
      if (scroller.scrollWidth > scroller.clientWidth + 1) {
        const named =
          scroller.getAttribute("aria-label") || scroller.getAttribute("aria-labelledby");
        if (scroller.getAttribute("role") !== "region" || !named || scroller.tabIndex !== 0)
          problems.push(`scrolling table without a named, focusable region: ${describe(table)}`);
      }
    }
    return problems;
  });
}

for (const role of Object.keys(PAGES) as Role[]) {
  test(`reflow at 320 px and 200 % zoom: ${role}`, async ({ page }) => {
    await signInAs(page, PAGES[role].user);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const url of PAGES[role].urls) {
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        const context = `${role} ${url} at ${size.name}`;
        // Polled: table regions settle once the page's scripts have measured them.
        await expect.poll(() => reflowProblems(page), { message: context }).toEqual([]);
        if (size.width === 320) {
          await expectAccessible(page, context);
          const file = `${role}${url.replace(/[^a-z0-9]+/gi, "_")}.png`;
          await page.screenshot({ path: `test-results/reflow/${file}`, fullPage: true });
        }
      }
      // The navigation folds behind a menu button that opens it, with every link on screen.
      await page.goto(PAGES[role].urls[0]!);
      await page.waitForLoadState("networkidle");
      const menu = page.getByRole("button", { name: "Valikko" });
      await expect(menu).toBeVisible();
      await expect(menu).toHaveAttribute("aria-expanded", "false");
      const nav = page.getByRole("navigation", { name: "Päävalikko" });
      await expect(nav).toBeHidden();
      await menu.focus();
      await page.keyboard.press("Enter");
      await expect(menu).toHaveAttribute("aria-expanded", "true");
      await expect(nav).toBeVisible();
      for (const link of await nav.getByRole("link").all()) {
        const box = (await link.boundingBox())!;
        expect(
          box.x >= 0 && box.x + box.width <= size.width + 1,
          `nav link fits ${size.name}`,
        ).toBe(true);
      }
      expect(await reflowProblems(page), `${role} menu open at ${size.name}`).toEqual([]);
      if (size.width === 320)
        await page.screenshot({ path: `test-results/reflow/${role}_menu.png`, fullPage: true });
    }
  });
}

test("reflow of the public pages and the footer links on every size", async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const url of ["/signin", "/accessibility"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      expect(await reflowProblems(page), `${url} at ${size.name}`).toEqual([]);
      if (size.width === 320)
        await page.screenshot({
          path: `test-results/reflow/public${url.replace(/\W+/g, "_")}.png`,
          fullPage: true,
        });
    }
  }
});
