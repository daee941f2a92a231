"use client";

import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
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
  const refs = useRef<Record<string, HTMLInputElement | HTMLTextAreaElement | null>>({});

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
    <Box
      component="form"
      action={formAction}
      noValidate
      aria-labelledby={`${idp}-h`}
      sx={{ display: "grid", gap: 2 }}
    >
      <Typography variant="h3" id={`${idp}-h`}>
        {contact
          ? t("providerSide.editContact", { name: contact.name })
          : t("providerSide.addContact")}
      </Typography>
      <input type="hidden" name="contactId" value={contact?.id ?? ""} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" } }}>
        <TextField
          id={`${idp}-name`}
          name="name"
          label={label("name")}
          required
          defaultValue={f.values.name ?? contact?.name ?? ""}
          inputRef={(el: HTMLInputElement | HTMLTextAreaElement | null) => {
            refs.current.name = el;
          }}
          error={f.has("name")}
          helperText={err("name")}
        />
        <TextField
          id={`${idp}-email`}
          name="email"
          type="email"
          autoComplete="email"
          label={label("email")}
          required
          defaultValue={f.values.email ?? contact?.email ?? ""}
          inputRef={(el: HTMLInputElement | HTMLTextAreaElement | null) => {
            refs.current.email = el;
          }}
          error={f.has("email")}
          helperText={err("email")}
        />
        <TextField
          id={`${idp}-title`}
          name="title"
          label={label("title")}
          defaultValue={f.values.title ?? contact?.title ?? ""}
          inputRef={(el: HTMLInputElement | HTMLTextAreaElement | null) => {
            refs.current.title = el;
          }}
          error={f.has("title")}
          helperText={err("title")}
        />
        <TextField
          id={`${idp}-phone`}
          name="phone"
          type="tel"
          autoComplete="tel"
          label={label("phone")}
          defaultValue={f.values.phone ?? contact?.phone ?? ""}
          inputRef={(el: HTMLInputElement | HTMLTextAreaElement | null) => {
            refs.current.phone = el;
          }}
          error={f.has("phone")}
          helperText={err("phone")}
        />
        <TextField
          id={`${idp}-language`}
          name="language"
          select
          label={label("language")}
          defaultValue={f.values.language ?? contact?.language ?? "fi"}
          inputRef={(el: HTMLInputElement | HTMLTextAreaElement | null) => {
            refs.current.language = el;
          }}
          error={f.has("language")}
          helperText={err("language")}
        >
          {(["fi", "sv", "en"] as const).map((l) => (
            <MenuItem key={l} value={l}>
              {t(`languages.${l}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box>
          {/* Unchecked boxes send nothing; this hidden value makes "off" explicit. */}
          <input type="hidden" name="receivesCaseOids" value="off" />
          <FormControlLabel
            control={
              <Checkbox
                name="receivesCaseOids"
                defaultChecked={checked("receivesCaseOids", contact?.receivesCaseOids ?? false)}
              />
            }
            label={t("contacts.receivesCaseOids")}
          />
        </Box>
      </Box>
      <Typography variant="body2">
        {t("providerSide.currentKey")}: {contact?.keyDescription ?? t("providerSide.noKey")}
      </Typography>
      {/* A long label: above the field, where it can wrap on a phone (a floating label is cut). */}
      <Typography
        component="label"
        htmlFor={`${idp}-key`}
        variant="body2"
        sx={{ fontWeight: 600, mb: -1.5 }}
      >
        {label("encryptionKey")}
      </Typography>
      <TextField
        id={`${idp}-key`}
        name="encryptionKey"
        multiline
        minRows={3}
        defaultValue={f.values.encryptionKey ?? ""}
        inputRef={(el: HTMLInputElement | HTMLTextAreaElement | null) => {
          refs.current.encryptionKey = el;
        }}
        error={f.has("encryptionKey")}
        helperText={err("encryptionKey") ?? t("keys.help")}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: "monospace" } } }}
      />
      {contact?.keyDescription && (
        <FormControlLabel
          control={<Checkbox name="removeKey" defaultChecked={checked("removeKey", false)} />}
          label={t("providerSide.removeKey")}
        />
      )}
      <FormStatus state={state} />
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {pending ? t("common.saving") : contact ? t("common.save") : t("providerSide.addContact")}
        </Button>
      </Box>
    </Box>
  );
}
