import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppRouterCacheProvider } from "@mui/material-nextjs/v16-appRouter";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientNavigation } from "@/components/ClientNavigation";
import { IntlProvider } from "@/components/IntlProvider";
import { ThemeRegistry } from "@/components/ThemeRegistry";
import type { Locale } from "@/lib/i18n/locales";
// The theme's CSS variables and baseline, generated once instead of on every render (ADR 20).
import "./theme.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("title"), template: `%s – ${t("short")}` } };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  // proxy.ts's per-request CSP nonce, so Emotion's <style> tags are allowed (ADR 0012).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale}>
      <body>
        <ClientNavigation />
        <AppRouterCacheProvider options={{ nonce }}>
          <IntlProvider locale={locale}>
            <ThemeRegistry locale={locale}>{children}</ThemeRegistry>
          </IntlProvider>
        </AppRouterCacheProvider>
      </body>
    </html>
  );
}
