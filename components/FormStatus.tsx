"use client";

import { Alert } from "@mui/material";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";

/**
 * A form's outcome, translated and announced through a polite live region. Focus moves to the
 * outcome so a keyboard user finds it where they are (the form's own effect, which runs after
 * this one, moves focus on to the first invalid field instead when there is one).
 */
export function FormStatus({ state }: { state: ActionState }) {
  const t = useTranslations();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  return (
    <div aria-live="polite" role="status" tabIndex={-1} ref={ref}>
      {state.status !== "idle" && (
        <Alert severity={state.status === "success" ? "success" : "error"}>
          {t(state.message as "validation.invalid", state.params ?? {})}
        </Alert>
      )}
    </div>
  );
}
