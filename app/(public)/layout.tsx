import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { AppShell } from "@/components/AppShell";
import { shellLabels } from "@/components/shellProps";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const [labels, locale] = await Promise.all([shellLabels(), getLocale()]);
  return (
    <AppShell nav={[]} locale={locale} labels={labels}>
      {children}
    </AppShell>
  );
}
