import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "@/db/seed/demo";
import { signInAs, visit } from "./support/fixtures";

// Unknown addresses end in app/(portal)/[...missing]: a 404 in the portal's frame with the
// signed-in person's navigation, although the root not-found boundary has no frame (ADR 18).
test("an unknown address answers 404 in the portal's frame, signed out and signed in", async ({
  page,
}) => {
  const out = await visit(page, "/ei/tallaista/sivua");
  expect(out?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sivua ei löytynyt");
  await expect(page.getByRole("navigation", { name: "Päävalikko" })).toHaveCount(0);

  await signInAs(page, DEMO_USERS.caseworker);
  const signedIn = await visit(page, "/cases/ei/tallaista");
  expect(signedIn?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sivua ei löytynyt");
  const nav = page.getByRole("navigation", { name: "Päävalikko" });
  await expect(nav.getByRole("link", { name: "Asiat" })).toBeVisible();
  await page.getByRole("link", { name: "Etusivulle" }).click();
  await expect(page).toHaveURL(/\/cases$/);
});
