import { randomUUID } from "node:crypto";
import { createTranslator } from "next-intl";
import type { DeliveryMethod } from "@/db/schema";
import { validateHetu } from "@/lib/clients/hetu";
import { allMessages } from "@/lib/i18n/messages";
import { formatCalendarDate } from "@/lib/i18n/format";
import { orgName } from "@/lib/i18n/pick";
import type { Locale } from "@/lib/i18n/locales";
import {
  buildPgpMessage,
  buildPlainNotice,
  buildSmimeMessage,
  type PlainPart,
  type SmimeSigner,
} from "./mime";

/**
 * Composes the messages of a delivery in the recipient's language. Subjects and notices are built
 * only from the organiser's name and the portal's address: never client data or a case OID.
 */
export type Recipient = {
  contactId: string;
  name: string;
  email: string;
  language: Locale;
  keyKind: "smime" | "pgp" | null;
  key: string | null;
  keyExpires: Date | null;
};

/** S/MIME or OpenPGP when the contact has a valid key on file, else portal pickup. */
export function methodFor(r: Pick<Recipient, "keyKind" | "key" | "keyExpires">, now = new Date()) {
  if (!r.keyKind || !r.key) return "pickup" as DeliveryMethod;
  if (r.keyExpires && r.keyExpires.getTime() <= now.getTime()) return "pickup" as DeliveryMethod;
  return r.keyKind as DeliveryMethod;
}

export type OrganiserNames = { nameFi: string; nameSv: string; nameEn: string };

export type CaseDetails = {
  caseOid: string;
  clientName: string;
  hetu: string;
  serviceTask: string;
  service: string;
  unitName: string;
  opensOn: string;
  closesOn: string | null;
};

export type ComposeContext = {
  organiser: OrganiserNames;
  identifier: "birth_date" | "hetu";
  from: string;
  appUrl: string;
  signer?: SmimeSigner;
  date?: Date;
};

export type Composed = {
  method: DeliveryMethod;
  subject: string;
  messageId: string;
  raw: Buffer;
  /** Portal pickup only: the content to seal and show after sign-in. */
  pickup?: { text: string; csv?: string; csvName?: string };
};

// One translator per locale: creating one costs milliseconds, and a batch composes thousands.
const translators = new Map<Locale, ReturnType<typeof makeTranslator>>();
const fullTranslators = new Map<Locale, ReturnType<typeof makeFullTranslator>>();

function makeTranslator(locale: Locale) {
  return createTranslator({ locale, messages: allMessages[locale], namespace: "delivery.mail" });
}

function makeFullTranslator(locale: Locale) {
  return createTranslator({ locale, messages: allMessages[locale] });
}

function translator(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = makeTranslator(locale)));
  return t;
}

function tr(locale: Locale) {
  let t = fullTranslators.get(locale);
  if (!t) fullTranslators.set(locale, (t = makeFullTranslator(locale)));
  return t;
}

/** The domain of the sender address, for Message-IDs. */
function domainOf(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m?.[1] ?? "portal.invalid";
}

export function newMessageId(from: string): string {
  return `<${randomUUID()}@${domainOf(from)}>`;
}

function identifierValue(ctx: ComposeContext, hetu: string): { label: string; value: string } {
  if (ctx.identifier === "hetu") return { label: "hetu", value: hetu };
  const v = validateHetu(hetu);
  return { label: "birthDate", value: v.ok ? formatCalendarDate(v.birthDate) : "" };
}

function caseLines(locale: Locale, ctx: ComposeContext, d: CaseDetails): string[] {
  const t = translator(locale);
  const all = tr(locale);
  const id = identifierValue(ctx, d.hetu);
  return [
    `${t("client")}: ${d.clientName}`,
    `${t(id.label as "hetu")}: ${id.value}`,
    `${t("serviceTask")}: ${all(`cases.serviceTasks.${d.serviceTask}` as "cases.title")}`,
    `${t("service")}: ${all(`services.${d.service}` as "services.home_care")}`,
    `${t("unit")}: ${d.unitName}`,
    `${t("caseOid")}: ${d.caseOid}`,
    `${t("window")}: ${formatCalendarDate(d.opensOn)} – ${d.closesOn ? formatCalendarDate(d.closesOn) : t("openEnded")}`,
  ];
}

async function seal(
  recipient: Recipient,
  ctx: ComposeContext,
  subject: string,
  part: PlainPart,
  pickupText: string,
  now: Date,
): Promise<Composed> {
  const method = methodFor(recipient, now);
  const messageId = newMessageId(ctx.from);
  const envelope = { from: ctx.from, to: recipient.email, subject, messageId, date: ctx.date };
  if (method === "smime")
    return {
      method,
      subject,
      messageId,
      raw: buildSmimeMessage({
        ...envelope,
        recipientCertPem: recipient.key!,
        signer: ctx.signer,
        part,
      }),
    };
  if (method === "pgp")
    return {
      method,
      subject,
      messageId,
      raw: await buildPgpMessage({ ...envelope, recipientArmoredKey: recipient.key!, part }),
    };
  const t = translator(recipient.language);
  const organiser = orgName(ctx.organiser, recipient.language);
  const pickupSubject = t("pickupSubject", { organiser });
  const notice = [
    t("greeting", { name: recipient.name }),
    "",
    t("pickupIntro", { organiser }),
    "",
    t("pickupLink", { url: `${ctx.appUrl}/provider/messages` }),
    "",
    t("pickupKeyHint"),
    "",
    t("signature", { organiser }),
  ].join("\n");
  const csv = part.attachments?.[0];
  return {
    method,
    subject: pickupSubject,
    messageId,
    raw: buildPlainNotice({ ...envelope, subject: pickupSubject, text: notice }),
    pickup: {
      text: pickupText,
      csv: csv ? String(csv.content) : undefined,
      csvName: csv?.filename,
    },
  };
}

/** One case OID to one contact person. */
export async function composeCaseMessage(
  recipient: Recipient,
  details: CaseDetails,
  ctx: ComposeContext,
  now = new Date(),
): Promise<Composed> {
  const locale = recipient.language;
  const t = translator(locale);
  const organiser = orgName(ctx.organiser, locale);
  const content = [t("caseIntro", { organiser }), "", ...caseLines(locale, ctx, details)].join(
    "\n",
  );
  const text = [
    t("greeting", { name: recipient.name }),
    "",
    content,
    "",
    t("encryptedNote"),
    "",
    t("signature", { organiser }),
  ].join("\n");
  return seal(recipient, ctx, t("caseSubject", { organiser }), { text }, content, now);
}

function csvCell(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** All of a provider's existing clients' case OIDs to one contact person, as a CSV inside. */
export async function composeBatchMessage(
  recipient: Recipient,
  rows: CaseDetails[],
  deadline: string,
  ctx: ComposeContext,
  now = new Date(),
): Promise<Composed> {
  const locale = recipient.language;
  const t = translator(locale);
  const all = tr(locale);
  const organiser = orgName(ctx.organiser, locale);
  const header = [
    t("csv.caseOid"),
    t("csv.client"),
    t("csv.identifier"),
    t("csv.service"),
    t("csv.unit"),
    t("csv.opensOn"),
    t("csv.closesOn"),
  ];
  const lines = rows.map((d) =>
    [
      d.caseOid,
      d.clientName,
      identifierValue(ctx, d.hetu).value,
      all(`services.${d.service}` as "services.home_care"),
      d.unitName,
      formatCalendarDate(d.opensOn),
      d.closesOn ? formatCalendarDate(d.closesOn) : "",
    ]
      .map(csvCell)
      .join(";"),
  );
  // A BOM so that Excel opens the UTF-8 file with the right characters.
  const csv = "\uFEFF" + [header.map(csvCell).join(";"), ...lines].join("\r\n") + "\r\n";
  const intro = t("batchIntro", {
    organiser,
    count: rows.length,
    deadline: formatCalendarDate(deadline),
  });
  const text = [
    t("greeting", { name: recipient.name }),
    "",
    intro,
    "",
    t("encryptedNote"),
    "",
    t("signature", { organiser }),
  ].join("\n");
  return seal(
    recipient,
    ctx,
    t("batchSubject", { organiser }),
    {
      text,
      attachments: [
        { filename: t("csvName"), contentType: "text/csv; charset=utf-8", content: csv },
      ],
    },
    intro,
    now,
  );
}
