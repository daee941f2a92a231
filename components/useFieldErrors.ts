"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/auth/action";

/**
 * Translates a form's field errors: keys without a namespace are under
 * "validation"; each message gets the field's own label and any extra values.
 */
export function useFieldErrors(state: ActionState) {
  const t = useTranslations();
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const params = state.status === "error" ? (state.fieldParams ?? {}) : {};
  const values = state.status === "error" ? (state.values ?? {}) : {};
  function text(field: string, label: string, extra: Record<string, string | number> = {}) {
    const key = errors[field];
    if (!key) return undefined;
    const full = key.includes(".") ? key : `validation.${key}`;
    return t(full as "validation.required", {
      field: label,
      max: 0,
      ...extra,
      ...(params[field] ?? {}),
    });
  }
  return { errors, values, text, has: (f: string) => Boolean(errors[f]) };
}
