"use client";

import { Alert, Box, Button, TextField } from "@mui/material";
import { useActionState, useEffect, useRef } from "react";
import { requestMagicLink, type SignInState } from "@/lib/auth/session-actions";

export function MagicLinkForm({
  callbackUrl,
  labels,
}: {
  callbackUrl: string;
  labels: { email: string; help: string; submit: string; invalid: string };
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(requestMagicLink, {});
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.error) input.current?.focus();
  }, [state]);
  return (
    <Box
      component="form"
      action={action}
      noValidate
      sx={{ display: "grid", gap: 2, maxWidth: 420 }}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        inputRef={input}
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        label={labels.email}
        required
        error={state.error === "email"}
        helperText={state.error === "email" ? labels.invalid : labels.help}
      />
      {state.error && (
        <Alert severity="error" role="alert">
          {state.message ?? labels.invalid}
        </Alert>
      )}
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {labels.submit}
        </Button>
      </Box>
    </Box>
  );
}
