import fi from "./messages/fi.json";
import sv from "./messages/sv.json";
import en from "./messages/en.json";
import type { Locale } from "./locales";

export type Messages = typeof fi;
export const allMessages: Record<Locale, Messages> = { fi, sv, en };
