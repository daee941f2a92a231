import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { _createCache } from "use-intl/core";
import { allMessages } from "./messages";
import { defaultLocale, isLocale, LOCALE_COOKIE, TIME_ZONE, type Locale } from "./locales";

/**
 * One message-format cache per language for the whole process. next-intl makes a new one for
 * every request, so each `t()` with values parsed its ICU message again (about 3 % of a list
 * page's server time). The messages, the time zone and the formats never change while the
 * process runs, so a parsed message can be reused by every request. `_cache` is use-intl's
 * internal, undocumented option of `createTranslator`; next-intl passes it on with the rest of
 * this configuration, which tests/unit/i18n-cache.test.ts checks against next-intl's own code.
 */
export const messageCaches = new Map<Locale, ReturnType<typeof _createCache>>();
function processCache(locale: Locale) {
  let c = messageCaches.get(locale);
  if (!c) messageCaches.set(locale, (c = _createCache()));
  return c;
}

// No locale in the URL: the language is a preference kept in a cookie, Finnish by default.
export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(fromCookie) ? fromCookie : defaultLocale;
  const config = {
    locale,
    messages: allMessages[locale],
    timeZone: TIME_ZONE,
    _cache: processCache(locale),
  };
  return config;
});
