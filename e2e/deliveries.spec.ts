import { expect, test } from "@playwright/test";
import { DEMO_USERS, seedId } from "@/db/seed/demo";
import { signInAs, signOut, visit } from "./support/fixtures";

const MESSAGE_URL = `/provider/messages/${seedId("outbox:pickup:0")}`;
const CASE_OID = "1.2.246.10.2840015.15.2026.1000";

test("staff see the seeded delivery as sent for portal pickup, and can filter", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.projectStaff);
  const response = await visit(page, "/deliveries");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lähetykset");
  const row = page.locator("tbody tr", { hasText: CASE_OID });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Anna Virtanen");
  await expect(row).toContainText("anna.virtanen@kotikallio.example");
  await expect(row).toContainText("Nouto portaalista");
  await expect(row.getByTestId("delivery-status")).toHaveText("Lähetetty");
  await expect(row).toContainText("250 2.0.0 Ok: queued (demo)");
  await expect(row.getByRole("link", { name: CASE_OID })).toHaveAttribute(
    "href",
    `/cases/${seedId("case:0")}`,
  );

  // Filters are links that keep each other in the URL.
  const statusNav = page.getByRole("navigation", { name: "Suodata tilan mukaan" });
  await statusNav.getByRole("link", { name: "Epäonnistunut" }).click();
  await expect(page).toHaveURL(/\/deliveries\?status=failed$/);
  await expect(statusNav.getByRole("link", { name: "Epäonnistunut" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.locator("tbody tr", { hasText: CASE_OID })).toHaveCount(0);
  await page
    .getByRole("navigation", { name: "Suodata lähetystavan mukaan" })
    .getByRole("link", { name: "Nouto portaalista" })
    .click();
  await expect(page).toHaveURL(/\/deliveries\?status=failed&method=pickup$/);
  await visit(page, "/deliveries?status=sent&method=pickup");
  await expect(page.locator("tbody tr", { hasText: CASE_OID })).toHaveCount(1);
});

test("the contact opens her message in the portal; another provider's contact gets 404", async ({
  page,
}) => {
  await signInAs(page, DEMO_USERS.providerContact);
  await visit(page, "/provider/messages");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Viestit");
  const link = page.getByRole("link", { name: "Asian OID" }).first();
  await expect(link).toHaveAttribute("href", MESSAGE_URL);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${MESSAGE_URL}$`));
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("pickup-text")).toContainText(CASE_OID);
  await visit(page, MESSAGE_URL);
  await expect(page.getByTestId("pickup-text")).toContainText(CASE_OID);
  await visit(page, "/provider/messages");
  await expect(page.locator("tbody tr").first()).toContainText("Luettu");
  await signOut(page);

  await signInAs(page, DEMO_USERS.providerContact2);
  const foreign = await visit(page, MESSAGE_URL);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sivua ei löytynyt");
  await expect(page.getByText(CASE_OID)).toHaveCount(0);
});
