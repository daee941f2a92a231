"use client";

import { Alert } from "@mui/material";
import { useActionState, useEffect, useRef } from "react";
import { requestMagicLink, type SignInState } from "@/lib/auth/session-actions";
import { buttonClass } from "./button-class";
import { TextInput } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";

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
    <form action={action} noValidate className={`${styles.form} ${layout.narrow}`}>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextInput
        ref={input}
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        label={labels.email}
        required
        error={state.error === "email" ? labels.invalid : undefined}
        helperText={labels.help}
      />
      {state.error && (
        <Alert severity="error" role="alert">
          {state.message ?? labels.invalid}
        </Alert>
      )}
      <div>
        <button type="submit" disabled={pending} className={buttonClass("contained")}>
          {labels.submit}
        </button>
      </div>
    </form>
  );
}
