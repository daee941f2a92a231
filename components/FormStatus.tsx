"use client";

import { Alert } from "@mui/material";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/action";

/** A form's outcome, translated and announced through a polite live region. */
export function FormStatus({ state }: { state: ActionState }) {
  const t = useTranslations();
  return (
    <div aria-live="polite" role="status">
      {state.status !== "idle" && (
        <Alert severity={state.status === "success" ? "success" : "error"}>
          {t(state.message as "validation.invalid", state.params ?? {})}
        </Alert>
      )}
    </div>
  );
}
