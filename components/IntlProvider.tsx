"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { allMessages } from "@/lib/i18n/messages";
import { TIME_ZONE, type Locale } from "@/lib/i18n/locales";
import { CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";

// The client components' translations come with this module's (cached, hashed) script instead
// of being serialised into every page's RSC payload and HTML: that was 65 KB per response and
// about a third of a simple page's server time (ADR 13, HTTP addendum).
const clientMessages = Object.fromEntries(
  Object.entries(allMessages).map(([locale, messages]) => [
    locale,
    Object.fromEntries(
      CLIENT_NAMESPACES.map((ns) => [ns, (messages as Record<string, unknown>)[ns]]),
    ),
  ]),
) as Record<Locale, Record<string, unknown>>;

export function IntlProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={clientMessages[locale] as never}
      timeZone={TIME_ZONE}
    >
      {children}
    </NextIntlClientProvider>
  );
}
