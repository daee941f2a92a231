import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { E2E } from "./support/env";
import { signInAs, visit } from "./support/fixtures";

// The accessibility statement as the Act on the Provision of Digital Services (306/2019) asks:
// status, known non-conformities with reasons, how and when assessed, the feedback channel with
// its response time and the supervisory authority with its contact details, in every language.
const EXPECTED = {
  fi: {
    h1: "Saavutettavuusseloste",
    sections: [
      "Saavutettavuuden tila",
      "Sisällöt, jotka eivät ole saavutettavia",
      "Miten saavutettavuus on arvioitu",
      "Palaute ja yhteystiedot",
      "Valvontaviranomainen",
    ],
    facts: ["osittain", "Syy:", "itsearvio", "laadittu 23.11.2026", "14 päivän", "Traficom"],
    feedback: "Lähetä saavutettavuuspalautetta",
  },
  sv: {
    h1: "Tillgänglighetsutlåtande",
    sections: [
      "Tillgänglighetsstatus",
      "Innehåll som inte är tillgängligt",
      "Hur tillgängligheten har bedömts",
      "Respons och kontaktuppgifter",
      "Tillsynsmyndighet",
    ],
    facts: ["delvis", "Orsak:", "självbedömning", "upprättats 23.11.2026", "14 dagar", "Traficom"],
    feedback: "Skicka respons om tillgängligheten",
  },
  en: {
    h1: "Accessibility statement",
    sections: [
      "Compliance status",
      "Non-accessible content",
      "How accessibility was assessed",
      "Feedback and contact information",
      "Supervisory authority",
    ],
    facts: [
      "partially",
      "Reason:",
      "self-assessment",
      "prepared on 23.11.2026",
      "14 days",
      "Traficom",
    ],
    feedback: "Send accessibility feedback",
  },
} as const;

for (const [locale, want] of Object.entries(EXPECTED)) {
  test(`the accessibility statement is complete in ${locale}`, async ({ page, context }) => {
    await context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: E2E.baseURL }]);
    await visit(page, "/accessibility");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(want.h1);
    await expect(page).toHaveTitle(new RegExp(want.h1));
    const main = page.getByRole("main");
    for (const s of want.sections)
      await expect(main.getByRole("heading", { level: 2, name: s })).toBeVisible();
    for (const fact of want.facts) await expect(main).toContainText(fact);
    // The configured feedback address, as text and as a link.
    await expect(main).toContainText(E2E.feedbackEmail);
    await expect(main.getByRole("link", { name: want.feedback })).toHaveAttribute(
      "href",
      `mailto:${E2E.feedbackEmail}`,
    );
    // At least one known non-conformity, each with a WCAG criterion.
    const issues = main.getByRole("region", { name: want.sections[1] }).getByRole("listitem");
    expect(await issues.count()).toBeGreaterThan(0);
    for (const item of await issues.all()) await expect(item).toContainText(/WCAG \d\.\d\.\d/);
  });
}

test("the footer links to the statement and to feedback, signed out and in every role", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // visit() checks both footer links on every page it opens (every spec, every role).
  await visit(page, "/signin");
  await page.getByRole("contentinfo").getByRole("link", { name: "Saavutettavuusseloste" }).click();
  await page.waitForURL(/\/accessibility$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Saavutettavuusseloste");
  for (const user of [
    DEMO_USERS.caseworker,
    DEMO_USERS.projectStaff,
    DEMO_USERS.admin,
    DEMO_USERS.providerContact,
  ]) {
    await page.context().clearCookies();
    await signInAs(page, user);
    await visit(page, new URL(page.url()).pathname);
    await visit(page, "/accessibility");
  }
});
