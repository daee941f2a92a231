import fi from "./messages/fi.json";
import sv from "./messages/sv.json";
import en from "./messages/en.json";
import { oidMessages } from "@/lib/oid/messages";
import type { Locale } from "./locales";

// OID messages live beside the OID validator (one home for that rule).
export type Messages = typeof fi & { oid: (typeof oidMessages)["fi"] };
export const allMessages: Record<Locale, Messages> = {
  fi: { ...fi, oid: oidMessages.fi },
  sv: { ...sv, oid: oidMessages.sv },
  en: { ...en, oid: oidMessages.en },
};
