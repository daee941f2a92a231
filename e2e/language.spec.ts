import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { signInAs, visit } from "./support/fixtures";

test("Finnish by default; Swedish and English switchable and complete", async ({ page }) => {
  await signInAs(page, DEMO_USERS.caseworker);
  await visit(page, "/windows?view=all");
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Käyttöoikeusjaksot");
  // Dates are d.M.yyyy.
  await expect(page.getByRole("cell", { name: "15.6.2026" }).first()).toBeVisible();

  await page.getByRole("group", { name: "Kieli" }).getByRole("button", { name: "svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("navigation", { name: /.+/ }).first()).toBeVisible();
  await visit(page, "/windows?view=all");
  await expect(page.getByRole("cell", { name: "15.6.2026" }).first()).toBeVisible();

  await page.getByRole("group", { name: "Språk" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await visit(page, "/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cases");

  await page
    .getByRole("group", { name: "Language" })
    .getByRole("button", { name: "suomi" })
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
});
