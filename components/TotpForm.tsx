"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { verifyTotpAction } from "@/lib/auth/totp-actions";
import { buttonClass } from "./button-class";
import { TextInput } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";
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
    <form
      action={action}
      noValidate
      aria-label={t("formLabel")}
      className={`${styles.form} ${layout.narrow}`}
    >
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextInput
        ref={input}
        id="totp-code"
        name="code"
        label={label}
        required
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={7}
        error={f.text("code", label)}
        helperText={t("codeHelp")}
      />
      <FormStatus state={state} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass("contained")}>
          {submit}
        </button>
      </div>
    </form>
  );
}
