import fi from "./messages/fi.json";
import sv from "./messages/sv.json";
import en from "./messages/en.json";
import { oidMessages } from "@/lib/oid/messages";
import { keyMessages } from "@/lib/keys/messages";
import type { Locale } from "./locales";

// OID messages live beside the OID validator (one home for that rule).
export type Messages = typeof fi & {
  oid: (typeof oidMessages)["fi"];
  keys: (typeof keyMessages)["fi"];
};
export const allMessages: Record<Locale, Messages> = {
  fi: { ...fi, oid: oidMessages.fi, keys: keyMessages.fi },
  sv: { ...sv, oid: oidMessages.sv, keys: keyMessages.sv },
  en: { ...en, oid: oidMessages.en, keys: keyMessages.en },
};
