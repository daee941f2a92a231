import fi from "./messages/fi.json";
import sv from "./messages/sv.json";
import en from "./messages/en.json";
import { oidMessages } from "@/lib/oid/messages";
import { keyMessages } from "@/lib/keys/messages";
import { hetuMessages } from "@/lib/clients/messages";
import { eligibilityMessages, policySettingsMessages } from "@/lib/eligibility/messages";
import { goliveMessages } from "@/lib/golive/messages";
import { policyMessages } from "@/lib/policy/messages";
import { deliveryMessages } from "@/lib/delivery/messages";
import { outboxMessagesText } from "@/lib/delivery/view-messages";
import { batchMessages } from "@/lib/delivery/batch-messages";
import { dashboardMessages } from "@/lib/readiness/messages";
import { reminderMessages } from "@/lib/reminders/messages";
import { exportMessages } from "@/lib/exports/messages";
import { auditViewMessages } from "@/lib/audit/messages";
import type { Locale } from "./locales";

// Rule-specific messages live beside their rules (one home each) and are merged here as
// namespaces: oid, keys, hetu, eligibility, policySettings, golive, policy, delivery, outbox, batch, dashboard, reminders, exports, auditView.
export type Messages = typeof fi & {
  oid: (typeof oidMessages)["fi"];
  keys: (typeof keyMessages)["fi"];
  hetu: (typeof hetuMessages)["fi"];
  eligibility: (typeof eligibilityMessages)["fi"];
  policySettings: (typeof policySettingsMessages)["fi"];
  golive: (typeof goliveMessages)["fi"];
  policy: (typeof policyMessages)["fi"];
  delivery: (typeof deliveryMessages)["fi"];
  outbox: (typeof outboxMessagesText)["fi"];
  batch: (typeof batchMessages)["fi"];
  dashboard: (typeof dashboardMessages)["fi"];
  reminders: (typeof reminderMessages)["fi"];
  exports: (typeof exportMessages)["fi"];
  auditView: (typeof auditViewMessages)["fi"];
};

function build(locale: Locale, base: typeof fi): Messages {
  return {
    ...base,
    oid: oidMessages[locale],
    keys: keyMessages[locale],
    hetu: hetuMessages[locale],
    eligibility: eligibilityMessages[locale],
    policySettings: policySettingsMessages[locale],
    golive: goliveMessages[locale],
    policy: policyMessages[locale],
    delivery: deliveryMessages[locale],
    outbox: outboxMessagesText[locale],
    batch: batchMessages[locale],
    dashboard: dashboardMessages[locale],
    reminders: reminderMessages[locale],
    exports: exportMessages[locale],
    auditView: auditViewMessages[locale],
  };
}

export const allMessages: Record<Locale, Messages> = {
  fi: build("fi", fi),
  sv: build("sv", sv as typeof fi),
  en: build("en", en as typeof fi),
};
