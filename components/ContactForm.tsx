"use client";

import { Alert, Box, Button, MenuItem, TextField, Typography } from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";

type Contact = {
  id: string;
  name: string;
  phone: string | null;
  language: string;
  title: string | null;
};

const FIELDS = ["name", "title", "phone", "language"] as const;
const MAX: Record<string, number> = { name: 200, title: 200, phone: 30 };

/**
 * Edit form for one contact person. Errors arrive as message keys and are
 * translated here with the field's own label; the first invalid field gets focus
 * and the outcome is announced through a live region.
 */
export function ContactForm({
  contact,
  action,
}: {
  contact: Contact;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const refs = useRef<Record<string, HTMLInputElement | null>>({});
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};

  useEffect(() => {
    if (state.status !== "error") return;
    const first = FIELDS.find((f) => errors[f]);
    if (first) refs.current[first]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const label = (f: (typeof FIELDS)[number]) => t(`contacts.${f}`);
  const errorText = (f: (typeof FIELDS)[number]) => {
    const key = errors[f];
    return key
      ? t(`validation.${key}` as "validation.required", { field: label(f), max: MAX[f] ?? 0 })
      : undefined;
  };
  const idp = `contact-${contact.id}`;

  return (
    <Box
      component="form"
      action={formAction}
      noValidate
      aria-labelledby={`${idp}-h`}
      sx={{ display: "grid", gap: 2 }}
    >
      <Typography variant="h3" id={`${idp}-h`}>
        {t("providerSide.editContact", { name: contact.name })}
      </Typography>
      <input type="hidden" name="contactId" value={contact.id} />
      <Box sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" } }}>
        <TextField
          id={`${idp}-name`}
          name="name"
          label={label("name")}
          required
          defaultValue={values.name ?? contact.name}
          inputRef={(el) => {
            refs.current.name = el;
          }}
          error={Boolean(errors.name)}
          helperText={errorText("name")}
        />
        <TextField
          id={`${idp}-title`}
          name="title"
          label={label("title")}
          defaultValue={values.title ?? contact.title ?? ""}
          inputRef={(el) => {
            refs.current.title = el;
          }}
          error={Boolean(errors.title)}
          helperText={errorText("title")}
        />
        <TextField
          id={`${idp}-phone`}
          name="phone"
          type="tel"
          autoComplete="tel"
          label={label("phone")}
          defaultValue={values.phone ?? contact.phone ?? ""}
          inputRef={(el) => {
            refs.current.phone = el;
          }}
          error={Boolean(errors.phone)}
          helperText={errorText("phone")}
        />
        <TextField
          id={`${idp}-language`}
          name="language"
          select
          label={label("language")}
          defaultValue={values.language ?? contact.language}
          inputRef={(el) => {
            refs.current.language = el;
          }}
          error={Boolean(errors.language)}
          helperText={errorText("language")}
        >
          {(["fi", "sv", "en"] as const).map((l) => (
            <MenuItem key={l} value={l}>
              {t(`languages.${l}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <div aria-live="polite" role="status">
        {state.status === "success" && (
          <Alert severity="success">{t(state.message as "providerSide.contactSaved")}</Alert>
        )}
        {state.status === "error" && (
          <Alert severity="error">{t(state.message as "validation.invalid")}</Alert>
        )}
      </div>
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      </Box>
    </Box>
  );
}
