"use client";

import { Box, Button, Checkbox, FormControlLabel, MenuItem, TextField } from "@mui/material";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

export type SimpleField = {
  name: string;
  label: string;
  type?: "text" | "date" | "hidden" | "select" | "checkbox" | "textarea";
  defaultValue?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
  /** e.g. "off" for identity codes, so browsers do not remember them. */
  autoComplete?: string;
  helperText?: string;
};

/** A small form: a few fields, one submit button, errors per field and a live outcome message. */
export function SimpleActionForm({
  action,
  fields,
  submit,
  ariaLabel,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: SimpleField[];
  submit: string;
  ariaLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const refs = useRef<Record<string, HTMLInputElement | null>>({});
  useEffect(() => {
    const first = fields.find((x) => f.has(x.name));
    if (first) refs.current[first.name]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <Box
      component="form"
      action={formAction}
      noValidate
      aria-label={ariaLabel}
      sx={{ display: "grid", gap: 2 }}
    >
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-start" }}>
        {fields.map((x) =>
          x.type === "hidden" ? (
            <input key={x.name} type="hidden" name={x.name} value={x.defaultValue ?? ""} />
          ) : x.type === "checkbox" ? (
            <FormControlLabel
              key={x.name}
              sx={{ mt: 1 }}
              control={
                <Checkbox
                  name={x.name}
                  defaultChecked={
                    Object.keys(f.values).length > 0
                      ? f.values[x.name] === "on"
                      : x.defaultValue === "on"
                  }
                />
              }
              label={x.label}
            />
          ) : (
            <TextField
              key={x.name}
              id={`${ariaLabel}-${x.name}`.replace(/\W+/g, "-")}
              name={x.name}
              type={x.type === "select" || x.type === "textarea" ? undefined : (x.type ?? "text")}
              select={x.type === "select"}
              multiline={x.type === "textarea"}
              minRows={x.type === "textarea" ? 2 : undefined}
              sx={{
                minWidth: x.type === "select" ? 200 : undefined,
                flexGrow: x.type === "textarea" ? 1 : undefined,
              }}
              label={x.label}
              required={x.required}
              defaultValue={f.values[x.name] ?? x.defaultValue ?? ""}
              inputRef={(el) => {
                refs.current[x.name] = el;
              }}
              error={f.has(x.name)}
              helperText={f.text(x.name, x.label) ?? x.helperText}
              autoComplete={x.autoComplete}
              slotProps={
                x.type === "date" || x.type === "select"
                  ? { inputLabel: { shrink: true } }
                  : undefined
              }
            >
              {x.options?.map((o) => (
                <MenuItem key={o.value} value={o.value}>
                  {o.label}
                </MenuItem>
              ))}
            </TextField>
          ),
        )}
        <Button
          type="submit"
          variant="contained"
          disabled={pending}
          sx={{ mt: fields.some((x) => x.type !== "hidden") ? 1 : 0 }}
        >
          {submit}
        </Button>
      </Box>
      <FormStatus state={state} />
    </Box>
  );
}
