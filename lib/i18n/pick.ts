/** Picks the organiser name in the current language. */
export function orgName(o: { nameFi: string; nameSv: string; nameEn: string }, locale: string) {
  return locale === "sv" ? o.nameSv : locale === "en" ? o.nameEn : o.nameFi;
}

export function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
