"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { buttonClass } from "./button-class";
import { Checkbox, SelectInput, TextArea, TextInput } from "./Field";
import styles from "./Field.module.css";
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

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * A small form: a few native fields (ADR 20), one submit button, errors per field and a live
 * outcome message.
 */
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
  const t = useTranslations("common");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const refs = useRef<Record<string, Control | null>>({});
  useEffect(() => {
    const first = fields.find((x) => f.has(x.name));
    if (first) refs.current[first.name]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const submitted = Object.keys(f.values).length > 0;
  return (
    <form action={formAction} noValidate aria-label={ariaLabel} className={styles.form}>
      <div className={styles.row}>
        {fields.map((x) => {
          if (x.type === "hidden")
            return <input key={x.name} type="hidden" name={x.name} value={x.defaultValue ?? ""} />;
          const id = `${ariaLabel}-${x.name}`.replace(/\W+/g, "-");
          const ref = (el: Control | null) => {
            refs.current[x.name] = el;
          };
          if (x.type === "checkbox")
            return (
              <Checkbox
                key={x.name}
                id={id}
                name={x.name}
                label={x.label}
                ref={ref}
                defaultChecked={submitted ? f.values[x.name] === "on" : x.defaultValue === "on"}
              />
            );
          const common = {
            id,
            name: x.name,
            label: x.label,
            required: x.required,
            defaultValue: f.values[x.name] ?? x.defaultValue ?? "",
            error: f.text(x.name, x.label),
            helperText: x.helperText,
            autoComplete: x.autoComplete,
          };
          if (x.type === "select") {
            const options = x.options ?? [];
            // Nothing is chosen for the user: without a value the list starts at "Choose".
            const empty = options.some((o) => o.value === "")
              ? []
              : [{ value: "", label: t("choose") }];
            return (
              <SelectInput key={x.name} {...common} ref={ref} options={[...empty, ...options]} />
            );
          }
          if (x.type === "textarea") return <TextArea key={x.name} {...common} ref={ref} grow />;
          return <TextInput key={x.name} {...common} ref={ref} type={x.type ?? "text"} />;
        })}
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass("contained")} ${fields.some((x) => x.type !== "hidden") ? styles.besideFields : ""}`}
        >
          {submit}
        </button>
      </div>
      <FormStatus state={state} />
    </form>
  );
}
