"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { buttonClass } from "./button-class";
import { Checkbox, SelectInput, TextArea, TextInput } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";
import pageStyles from "./Page.module.css";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

export type ContactFormValues = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  language: string;
  title: string | null;
  receivesCaseOids: boolean;
  keyDescription: string | null;
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const FIELDS = ["name", "email", "title", "phone", "language", "encryptionKey"] as const;
const MAX: Record<string, number> = { name: 200, title: 200, phone: 30, email: 254 };

/**
 * Add or edit a contact person, with the public key for encrypted mail. Errors
 * arrive as message keys, translated with the field's own label; the first
 * invalid field gets focus and the outcome is announced in a live region.
 */
export function ContactForm({
  contact,
  action,
  hidden,
}: {
  contact: ContactFormValues | null;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** Extra hidden fields, e.g. the provider id on the staff side. */
  hidden?: Record<string, string>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const refs = useRef<Record<string, Control | null>>({});

  useEffect(() => {
    if (state.status !== "error") return;
    const first = FIELDS.find((k) => f.has(k));
    if (first) refs.current[first]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const label = (k: (typeof FIELDS)[number]) =>
    k === "encryptionKey" ? t("keys.label") : t(`contacts.${k}`);
  const err = (k: (typeof FIELDS)[number]) => f.text(k, label(k), { max: MAX[k] ?? 0 });
  const idp = `contact-${contact?.id ?? "new"}`;
  const checked = (name: string, fallback: boolean) =>
    Object.keys(f.values).length > 0 ? f.values[name] === "on" : fallback;

  return (
    <form action={formAction} noValidate aria-labelledby={`${idp}-h`} className={styles.form}>
      <h3 id={`${idp}-h`} className={layout.heading}>
        {contact
          ? t("providerSide.editContact", { name: contact.name })
          : t("providerSide.addContact")}
      </h3>
      <input type="hidden" name="contactId" value={contact?.id ?? ""} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className={layout.columns}>
        <TextInput
          id={`${idp}-name`}
          name="name"
          label={label("name")}
          required
          defaultValue={f.values.name ?? contact?.name ?? ""}
          ref={(el) => {
            refs.current.name = el;
          }}
          error={err("name")}
        />
        <TextInput
          id={`${idp}-email`}
          name="email"
          type="email"
          autoComplete="email"
          label={label("email")}
          required
          defaultValue={f.values.email ?? contact?.email ?? ""}
          ref={(el) => {
            refs.current.email = el;
          }}
          error={err("email")}
        />
        <TextInput
          id={`${idp}-title`}
          name="title"
          label={label("title")}
          defaultValue={f.values.title ?? contact?.title ?? ""}
          ref={(el) => {
            refs.current.title = el;
          }}
          error={err("title")}
        />
        <TextInput
          id={`${idp}-phone`}
          name="phone"
          type="tel"
          autoComplete="tel"
          label={label("phone")}
          defaultValue={f.values.phone ?? contact?.phone ?? ""}
          ref={(el) => {
            refs.current.phone = el;
          }}
          error={err("phone")}
        />
        <SelectInput
          id={`${idp}-language`}
          name="language"
          label={label("language")}
          defaultValue={f.values.language ?? contact?.language ?? "fi"}
          ref={(el) => {
            refs.current.language = el;
          }}
          error={err("language")}
          options={(["fi", "sv", "en"] as const).map((l) => ({
            value: l,
            label: t(`languages.${l}`),
          }))}
        />
        <div className={styles.besideFields}>
          {/* Unchecked boxes send nothing; this hidden value makes "off" explicit. */}
          <input type="hidden" name="receivesCaseOids" value="off" />
          <Checkbox
            id={`${idp}-receivesCaseOids`}
            name="receivesCaseOids"
            label={t("contacts.receivesCaseOids")}
            defaultChecked={checked("receivesCaseOids", contact?.receivesCaseOids ?? false)}
          />
        </div>
      </div>
      <p className={pageStyles.note}>
        {t("providerSide.currentKey")}: {contact?.keyDescription ?? t("providerSide.noKey")}
      </p>
      <div className={layout.key}>
        <TextArea
          id={`${idp}-key`}
          name="encryptionKey"
          label={label("encryptionKey")}
          rows={3}
          spellCheck={false}
          defaultValue={f.values.encryptionKey ?? ""}
          ref={(el) => {
            refs.current.encryptionKey = el;
          }}
          error={err("encryptionKey")}
          helperText={t("keys.help")}
        />
      </div>
      {contact?.keyDescription && (
        <Checkbox
          id={`${idp}-removeKey`}
          name="removeKey"
          label={t("providerSide.removeKey")}
          defaultChecked={checked("removeKey", false)}
        />
      )}
      <FormStatus state={state} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass("contained")}>
          {pending ? t("common.saving") : contact ? t("common.save") : t("providerSide.addContact")}
        </button>
      </div>
    </form>
  );
}
