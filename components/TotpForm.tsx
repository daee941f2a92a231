"use client";

import { Box, Button, TextField } from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { verifyTotpAction } from "@/lib/auth/totp-actions";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

/** The six-digit code from the authenticator app, at enrolment and at each sign-in. */
export function TotpForm({ callbackUrl, submit }: { callbackUrl: string; submit: string }) {
  const t = useTranslations("totp");
  const [state, action, pending] = useActionState(verifyTotpAction, {
    status: "idle",
  } as ActionState);
  const f = useFieldErrors(state);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.status === "error") input.current?.focus();
  }, [state]);
  const label = t("codeLabel");
  return (
    <Box
      component="form"
      action={action}
      noValidate
      aria-label={t("formLabel")}
      sx={{ display: "grid", gap: 2, maxWidth: 420 }}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        inputRef={input}
        id="totp-code"
        name="code"
        label={label}
        required
        autoComplete="one-time-code"
        slotProps={{ htmlInput: { inputMode: "numeric", maxLength: 7 } }}
        error={f.has("code")}
        helperText={f.text("code", label) ?? t("codeHelp")}
      />
      <FormStatus state={state} />
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {submit}
        </Button>
      </Box>
    </Box>
  );
}
