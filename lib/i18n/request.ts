import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { allMessages } from "./messages";
import { defaultLocale, isLocale, LOCALE_COOKIE, TIME_ZONE } from "./locales";

// No locale in the URL: the language is a preference kept in a cookie, Finnish by default.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  return { locale, messages: allMessages[locale], timeZone: TIME_ZONE };
});
