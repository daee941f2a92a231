import { expect, type Locator, type Page } from "@playwright/test";

/** What has keyboard focus, and whether a sighted keyboard user can see it. */
export async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement)
      return { onBody: true, visible: false, describe: "body" };
    // The ring sits on the element itself or, for MUI's inputs, checkboxes and selects, on the
    // wrapper that draws the control (the real <input> there is transparent or borderless).
    const candidates = [
      el,
      el.closest(".MuiInputBase-root"),
      el.closest(".MuiButtonBase-root"),
    ].filter((x): x is HTMLElement => x instanceof HTMLElement);
    const visible = candidates.some((c) => {
      const s = getComputedStyle(c);
      return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
    });
    const r = el.getBoundingClientRect();
    const name =
      el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 60) ?? el.tagName;
    return {
      onBody: false,
      visible: visible && r.width > 0 && r.height > 0,
      describe: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${name}"`,
    };
  });
}

/** Focus is on an element (not <body>) and shows a focus indicator. */
export async function expectVisibleFocus(page: Page, context: string) {
  const s = await focusState(page);
  expect(s.onBody, `focus lost to <body> ${context}`).toBe(false);
  expect(s.visible, `no visible focus indicator on ${s.describe} ${context}`).toBe(true);
}

async function isFocused(target: Locator) {
  return target.evaluate((el) => {
    const a = document.activeElement;
    return a === el || (a !== null && el.contains(a));
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop that the focus
 * is visible. Fails if the target is not reached within `max` presses.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { back, max = 150 }: { back?: boolean; max?: number } = {},
) {
  if (await isFocused(target.first())) return;
  // Unless told, go the short way: backwards when the target comes before the focus.
  back ??= await target.first().evaluate((el) => {
    const a = document.activeElement;
    if (!a || a === document.body) return false;
    return Boolean(a.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
  });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const s = await focusState(page);
    if (!s.onBody) {
      expect(s.visible, `no visible focus indicator on ${s.describe}`).toBe(true);
    }
    if (await isFocused(target.first())) return;
  }
  throw new Error(`could not reach ${target} with ${back ? "Shift+Tab" : "Tab"} in ${max} presses`);
}

/** Tabs to a text field, clears it and types like a person. */
export async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
}

/**
 * Chooses the option named `name` with the keyboard: a native select steps from its first option
 * with the arrow keys; MUI's select opens with Enter and moves down its list.
 */
export async function chooseOption(page: Page, select: Locator, name: RegExp | string) {
  await tabTo(page, select);
  const native = await select.evaluate((el) => el.tagName === "SELECT");
  if (native) {
    // A closed native select steps through its options with the arrow keys.
    await page.keyboard.press("Home");
    const matches = (t: string) => (typeof name === "string" ? t.trim() === name : name.test(t));
    const text = () =>
      select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? "");
    for (let i = 0; i < 60 && !matches(await text()); i++) {
      await page.keyboard.press("ArrowDown");
    }
    expect(matches(await text()), `option ${String(name)} chosen`).toBe(true);
    await expect(select).toBeFocused();
    await expectVisibleFocus(page, "on a select");
    return;
  }
  await page.keyboard.press("Enter");
  const listbox = page.getByRole("listbox");
  await expect(listbox).toBeVisible();
  const wanted = listbox.getByRole("option", { name }).first();
  for (let i = 0; i < 60 && !(await isFocused(wanted)); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(wanted).toBeFocused();
  await expectVisibleFocus(page, "on a select option");
  await page.keyboard.press("Enter");
  await expect(listbox).toBeHidden();
  await expect(select).toBeFocused();
}

/** The demo sign-in with the keyboard: Tab to the person's button and press Enter. */
export async function keyboardSignIn(page: Page, name: string) {
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByRole("button", { name: new RegExp(`Kirjaudu: ${name}`) }));
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await page.waitForLoadState("networkidle");
}

/**
 * Types a yyyy-mm-dd date into the focused native date field, segment by segment. The order of
 * the segments follows the browser's language, so a probe date finds it first; Shift+Tab goes
 * back to the first segment (each segment is its own stop in Chromium).
 */
export async function typeDate(page: Page, field: Locator, iso: string) {
  await page.keyboard.type("01022030");
  const probe = await field.inputValue();
  const order = probe === "2030-02-01" ? "dmy" : probe === "2030-01-02" ? "mdy" : "ymd";
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  const [y, m, d] = iso.split("-") as [string, string, string];
  const parts = { d, m, y };
  for (const c of order) await page.keyboard.type(parts[c as "d" | "m" | "y"]);
  await expect(field).toHaveValue(iso);
}
