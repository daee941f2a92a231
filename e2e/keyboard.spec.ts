import { expect, test, type Page } from "@playwright/test";
import { businessIdFor } from "@/db/seed/demo";
import { hetuCheckCharacter } from "@/lib/clients/hetu";
import { organisationOidRoot } from "@/lib/providers/businessId";
import { addDays, helsinkiToday } from "@/lib/windows/dates";
import { expectAccessible } from "./support/fixtures";
import {
  chooseOption,
  expectVisibleFocus,
  keyboardSignIn,
  tabTo,
  typeDate,
  typeInto,
} from "./support/keyboard";

// Every main task with the keyboard alone: no clicks, no fill(). At every Tab stop the focus
// must be visible (tabTo checks it), and after every action it must be somewhere, not <body>.

test.describe.configure({ timeout: 240_000 });

async function pressEnterAndSettle(page: Page) {
  await page.keyboard.press("Enter");
  await page.waitForLoadState("networkidle");
}

test("sign-in page: the skip link comes first, is visible and moves focus to the main content", async ({
  page,
}) => {
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Siirry pääsisältöön" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await expectVisibleFocus(page, "on the skip link");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
  await expectVisibleFocus(page, "after the skip link");
  // The next Tab stop is inside the main content, not back in the header.
  await page.keyboard.press("Tab");
  expect(
    await page.evaluate(() => document.getElementById("main")!.contains(document.activeElement)),
  ).toBe(true);

  // The demo sign-in button, then the next page: focus is on its heading, not lost.
  await tabTo(page, page.getByRole("button", { name: /Kirjaudu: Aino Aaltonen/ }));
  await pressEnterAndSettle(page);
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  await expectVisibleFocus(page, "after signing in");
});

test("case worker: creates a case, adds a service, attaches a unit, opens the window and sends the case OID", async ({
  page,
}) => {
  await keyboardSignIn(page, "Aino Aaltonen");
  await page.goto("/cases");
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByRole("link", { name: "Uusi asia" }));
  await pressEnterAndSettle(page);
  await page.waitForURL("**/cases/new");
  await expectVisibleFocus(page, "after opening the new-case page");

  const form = page.getByRole("form", { name: "Uusi asia" });
  const oid = "1.2.246.10.2840015.15.2026.7301";
  await typeInto(page, form.getByLabel("Asian OID"), oid);
  await chooseOption(
    page,
    form.getByRole("combobox", { name: "Palvelutehtävä" }),
    "Ikääntyneiden palvelut",
  );
  await typeInto(page, form.getByLabel("Asiakkaan nimi"), "Kaisa Näppäin");
  const hetu = `120490-981${hetuCheckCharacter("120490981")}`;
  await typeInto(page, form.getByLabel("Henkilötunnus"), hetu.slice(0, 10) + "X");
  await tabTo(page, form.getByRole("button", { name: "Tallenna asia" }));
  await page.keyboard.press("Enter");
  // An error: focus goes to the first invalid field, which says what is wrong.
  await expect(form.getByText("Henkilötunnus: tarkistusmerkki ei täsmää")).toBeVisible();
  await expect(form.getByLabel("Henkilötunnus")).toBeFocused();
  await expectVisibleFocus(page, "on the invalid field");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(hetu);
  await tabTo(page, form.getByRole("button", { name: "Tallenna asia" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1, name: `Asia ${oid}` })).toBeVisible();
  await expectVisibleFocus(page, "after creating the case");

  // A service implementation starting in ten days, from a disclosure opened with Enter.
  await tabTo(page, page.locator("summary", { hasText: "Lisää palvelun toteutus" }));
  await page.keyboard.press("Enter");
  const implForm = page.getByRole("form", { name: "Lisää palvelun toteutus" });
  await chooseOption(
    page,
    implForm.getByRole("combobox", { name: "Sosiaalipalvelu" }),
    "Yhteisöllinen asuminen",
  );
  await tabTo(page, implForm.getByLabel("Palvelu alkaa"));
  await typeDate(page, implForm.getByLabel("Palvelu alkaa"), addDays(helsinkiToday(), 10));
  await tabTo(page, implForm.getByRole("button", { name: "Lisää palvelun toteutus" }));
  await page.keyboard.press("Enter");
  await expect(implForm.getByRole("status")).toContainText("Palvelun toteutus lisätty.");
  await expect(implForm.getByRole("status")).toBeFocused();
  await expectVisibleFocus(page, "after adding the service");

  // Attach Kotikallio Oy's unit.
  const impl = page.getByTestId("implementation");
  await tabTo(page, impl.locator("summary", { hasText: "Liitä palveluyksikkö" }));
  await page.keyboard.press("Enter");
  const attach = impl.getByRole("form", { name: /Liitä palveluyksikkö/ });
  await chooseOption(
    page,
    attach.getByRole("combobox", { name: "Palveluyksikkö" }),
    /Kotikallio Oy$/,
  );
  await tabTo(page, attach.getByRole("button", { name: "Liitä palveluyksikkö" }));
  await page.keyboard.press("Enter");
  await expect(attach.getByRole("status")).toContainText("Palveluyksikkö liitetty.");
  await expectVisibleFocus(page, "after attaching the unit");

  // Open the window now: the button turns into "close now"; focus stays with the outcome.
  const window = impl.getByTestId("window");
  await tabTo(page, window.getByRole("button", { name: "Avaa nyt" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(window.getByTestId("window-state")).toHaveText("Avoinna");
  await expect(window.getByRole("button", { name: "Sulje nyt" })).toBeVisible();
  await expect(window.getByText("Käyttöoikeus avattu tästä päivästä alkaen.")).toBeVisible();
  await expectVisibleFocus(page, "after opening the window");

  // Send the case OID to the unit's contact.
  const send = window.getByRole("form", { name: /Lähetä asian OID/ });
  await tabTo(page, send.getByRole("button", { name: "Lähetä asian OID" }), { max: 40 });
  await page.keyboard.press("Enter");
  await expect(send.getByRole("status")).toContainText("lähetysjonossa");
  await expect(send.getByRole("status")).toBeFocused();
  await expectVisibleFocus(page, "after sending the case OID");
  await expectAccessible(page);
});

test("provider contact: adds a unit with its OID, correcting a wrong one", async ({ page }) => {
  await keyboardSignIn(page, "Anna Virtanen");
  await page.goto("/provider/units");
  await page.waitForLoadState("networkidle");
  const add = page.getByRole("form", { name: "Lisää palveluyksikkö" });
  const root = organisationOidRoot(businessIdFor(0));
  await typeInto(page, add.getByLabel("Palveluyksikkö", { exact: false }).first(), "Näppäinkoti");
  await typeInto(page, add.getByLabel("Kunta"), "Tampere");
  // The organisation's own root is not a service unit OID: the field says so and has focus.
  await typeInto(page, add.getByLabel("Palveluyksikön OID"), root);
  await tabTo(page, add.getByRole("button", { name: "Lisää palveluyksikkö" }));
  await page.keyboard.press("Enter");
  await expect(add.getByLabel("Palveluyksikön OID")).toBeFocused();
  await expect(add.getByLabel("Palveluyksikön OID")).toHaveAttribute("aria-invalid", "true");
  await expectVisibleFocus(page, "on the invalid OID");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(`${root}.10.7301`);
  await tabTo(page, add.getByRole("button", { name: "Lisää palveluyksikkö" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Näppäinkoti" })).toBeVisible();
  await expect(add.getByRole("status")).toBeFocused();
  await expectVisibleFocus(page, "after adding the unit");
  // The add form is empty again for the next unit.
  await expect(add.getByLabel("Kunta")).toHaveValue("");
});

test("project staff: readiness dashboard, a funnel number to the filtered list, removing the filter", async ({
  page,
}) => {
  await keyboardSignIn(page, "Pekka Projektinen");
  await tabTo(
    page,
    page.getByRole("navigation", { name: /.+/ }).getByRole("link", { name: "Valmius" }),
  );
  await pressEnterAndSettle(page);
  await page.waitForURL(/\/readiness$/);
  await expectVisibleFocus(page, "after opening the dashboard");

  const verified = page
    .getByRole("table", { name: "Palveluntuottajat valmiusvaiheittain" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: "OID tarkistettu", exact: true }) })
    .getByRole("link")
    .first();
  await tabTo(page, verified, { max: 250 });
  await pressEnterAndSettle(page);
  await page.waitForURL(/\/providers\?stage=oid_verified$/);
  await expectVisibleFocus(page, "after following the funnel number");

  const chip = page.getByRole("link", { name: /^Suodatus: OID tarkistettu/ });
  await tabTo(page, chip);
  await pressEnterAndSettle(page);
  await page.waitForURL(/\/providers$/);
  await expect(page.getByRole("link", { name: /^Suodatus:/ })).toHaveCount(0);
  await expectVisibleFocus(page, "after removing the filter");
});

test("admin: changes a policy setting; a bad value sends focus to the field", async ({ page }) => {
  await keyboardSignIn(page, "Helena Hallinto");
  await page.goto("/settings");
  await page.waitForLoadState("networkidle");
  await tabTo(page, page.getByRole("link", { name: "Rekisterinkäyttöoikeuden periaatteet" }));
  await pressEnterAndSettle(page);
  await page.waitForURL(/\/settings\/policy$/);
  await expectVisibleFocus(page, "after opening the policy page");

  const form = page.getByRole("form", { name: "Periaatteiden muokkaus" });
  const days = form.getByLabel("Päiviä palvelun päättymisen jälkeen");
  const original = await days.inputValue();
  await typeInto(page, days, "kaksi");
  await tabTo(page, form.getByRole("button", { name: "Tallenna periaatteet" }));
  await page.keyboard.press("Enter");
  await expect(days).toBeFocused();
  await expect(days).toHaveAttribute("aria-invalid", "true");
  await expectVisibleFocus(page, "on the invalid policy field");

  for (const value of [String(Number(original) + 1), original]) {
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(value);
    await tabTo(page, form.getByRole("button", { name: "Tallenna periaatteet" }));
    await page.keyboard.press("Enter");
    await expect(form.getByRole("status")).toContainText("Periaatteet tallennettiin versiona");
    await expect(form.getByRole("status")).toBeFocused();
    await expectVisibleFocus(page, "after saving the policy");
    await expect(days).toHaveValue(value);
    // Back to the field for the next value.
    await tabTo(page, days, { back: true });
  }
});

test("the language switch works with the keyboard and keeps focus", async ({ page }) => {
  await keyboardSignIn(page, "Aino Aaltonen");
  const languages = page.getByRole("group", { name: /^(Kieli|Språk)$/ });
  const swedish = languages.getByRole("button", { name: "svenska" });
  await tabTo(page, swedish);
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("group", { name: "Språk" })).toBeVisible();
  // Focus stays on the pressed button, which now marks the current language.
  await expect(swedish).toBeFocused();
  await expect(swedish).toHaveAttribute("aria-current", "true");
  await expectVisibleFocus(page, "after switching to Swedish");
  // Back to Finnish from where focus already is.
  const finnish = languages.getByRole("button", { name: "suomi" });
  await tabTo(page, finnish, { back: true });
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(finnish).toBeFocused();
  await expect(finnish).toHaveAttribute("aria-current", "true");
  await expect(swedish).not.toHaveAttribute("aria-current");
  await expectVisibleFocus(page, "after switching back to Finnish");
});
