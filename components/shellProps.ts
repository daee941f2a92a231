import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { getConfig } from "@/lib/config";
import { mayOpenPage, type PageKey } from "@/lib/auth/access";
import type { Actor, OrganisationName } from "@/lib/auth/actor";
import { isLocale } from "@/lib/i18n/locales";
import type { NavItem, ShellLabels } from "./AppShell";

const STAFF_NAV: { page: PageKey; key: string }[] = [
  { page: "/providers", key: "providers" },
  { page: "/cases", key: "cases" },
  { page: "/windows", key: "windows" },
  { page: "/deliveries", key: "deliveries" },
  { page: "/readiness", key: "readiness" },
  { page: "/audit", key: "audit" },
  { page: "/settings", key: "settings" },
  { page: "/mailbox", key: "mailbox" },
];

const PROVIDER_NAV: { page: PageKey; key: string }[] = [
  { page: "/provider/units", key: "units" },
  { page: "/provider/contacts", key: "contacts" },
  { page: "/provider/system", key: "system" },
  { page: "/provider/windows", key: "providerWindows" },
  { page: "/provider/messages", key: "providerMessages" },
];

export async function shellLabels(): Promise<ShellLabels> {
  const t = await getTranslations();
  return {
    title: t("app.title"),
    skipToContent: t("app.skipToContent"),
    mainNav: t("app.mainNav"),
    signOut: t("common.signOut"),
    language: t("common.language"),
    languages: { fi: t("languages.fi"), sv: t("languages.sv"), en: t("languages.en") },
    footer: t("app.footer"),
    accessibility: t("app.accessibility"),
    feedback: t("app.feedback"),
    feedbackEmail: getConfig().accessibilityFeedbackEmail,
    menu: t("app.menu"),
    demoBanner: getConfig().demoMode ? t("app.demoBanner") : undefined,
  };
}

/** Navigation shows only what the actor's role may open (the pages check again themselves). */
export async function shellNav(actor: Actor | null): Promise<NavItem[]> {
  if (!actor) return [];
  const t = await getTranslations("nav");
  const demo = getConfig().demoMode;
  const items = actor.role === "provider_contact" ? PROVIDER_NAV : STAFF_NAV;
  return items
    .filter((i) => mayOpenPage(actor.role, i.page) && (i.page !== "/mailbox" || demo))
    .map((i) => ({ href: i.page, label: t(i.key) }));
}

/** Who is signed in, for the frame: name, role and organisation (read with the session). */
export async function shellUser(actor: Actor | null, organisation?: OrganisationName) {
  if (!actor) return undefined;
  const [t, locale] = await Promise.all([getTranslations("roles"), getLocale()]);
  return {
    name: actor.name,
    role: t(actor.role),
    organisation: organisation && isLocale(locale) ? organisation[locale] : undefined,
  };
}
