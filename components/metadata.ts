import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

/** A page's <title> from the same message as its heading (WCAG 2.4.2). */
export function titled(key: string) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations();
    return { title: t(key as "app.title") };
  };
}
