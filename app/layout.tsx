import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ThemeRegistry } from "@/components/ThemeRegistry";
import type { Locale } from "@/lib/i18n/locales";

const CLIENT_NAMESPACES = [
  "common",
  "users",
  "totp",
  "validation",
  "contacts",
  "providerSide",
  "languages",
  "errors",
  "oid",
  "units",
  "registry",
  "import",
  "providers",
  "keys",
  "hetu",
  "eligibility",
  "policySettings",
  "golive",
  "policy",
  "cases",
  "windows",
  "services",
  "delivery",
  "outbox",
  "batch",
  "dashboard",
  "reminders",
  "exports",
  "auditView",
];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s – ${t("short")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  // proxy.ts's per-request CSP nonce, so Emotion's <style> tags are allowed (ADR 0012).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // Only the namespaces client components translate go to the browser.
  const clientMessages = Object.fromEntries(
    CLIENT_NAMESPACES.map((ns) => [ns, (messages as Record<string, unknown>)[ns]]),
  );
  return (
    <html lang={locale}>
      <body>
        <AppRouterCacheProvider options={{ nonce }}>
          <NextIntlClientProvider messages={clientMessages}>
            <ThemeRegistry locale={locale}>{children}</ThemeRegistry>
          </NextIntlClientProvider>
        </AppRouterCacheProvider>
      </body>
    </html>
  );
}
