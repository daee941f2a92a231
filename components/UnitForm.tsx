"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { buttonClass } from "./button-class";
import { Checkbox, SelectInput, TextInput } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

export type UnitFormValues = {
  id: string;
  version: number;
  name: string;
  municipality: string;
  oid: string | null;
  cisId: string | null;
  kantaInUse: boolean;
  kantaSince: string | null;
};

const ORDER = ["name", "oid", "municipality", "cisId", "kantaSince"] as const;

/** Add or edit a service unit; OID errors explain what is wrong and what the right OID looks like. */
export function UnitForm({
  unit,
  systems,
  example,
  action,
  hidden,
}: {
  unit: UnitFormValues | null;
  systems: { id: string; name: string }[];
  example: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  /** Extra hidden fields, e.g. the provider id on the staff side. */
  hidden?: Record<string, string>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const refs = useRef<Record<string, HTMLInputElement | HTMLSelectElement | null>>({});
  const idp = `unit-${unit?.id ?? "new"}`;
  // After an add, fresh empty fields (a new key) while the form and its outcome message stay,
  // so keyboard focus stays on the message instead of falling to the page.
  const [seen, setSeen] = useState(state);
  const [resets, setResets] = useState(0);
  if (seen !== state) {
    setSeen(state);
    if (state.status === "success" && !unit) setResets((r) => r + 1);
  }

  useEffect(() => {
    if (state.status !== "error") return;
    const first = ORDER.find((k) => f.has(k));
    if (first) refs.current[first]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const v = (k: keyof UnitFormValues, fallback: string) => f.values[k] ?? fallback;
  const label = {
    name: t("units.name"),
    oid: t("oid.label"),
    municipality: t("units.municipality"),
    cisId: t("units.cis"),
    kantaSince: t("registry.kantaSince"),
  };

  return (
    <form action={formAction} noValidate aria-labelledby={`${idp}-h`} className={styles.form}>
      <h3 id={`${idp}-h`} className={layout.heading}>
        {unit ? t("registry.editUnit", { name: unit.name }) : t("registry.addUnit")}
      </h3>
      <input type="hidden" name="unitId" value={unit?.id ?? ""} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="version" value={unit?.version ?? 0} />
      <div key={resets} className={layout.columnsMd}>
        <TextInput
          id={`${idp}-name`}
          name="name"
          label={label.name}
          required
          defaultValue={v("name", unit?.name ?? "")}
          ref={(el) => {
            refs.current.name = el;
          }}
          error={f.text("name", label.name, { max: 200 })}
        />
        <TextInput
          id={`${idp}-municipality`}
          name="municipality"
          label={label.municipality}
          required
          defaultValue={v("municipality", unit?.municipality ?? "")}
          ref={(el) => {
            refs.current.municipality = el;
          }}
          error={f.text("municipality", label.municipality, { max: 100 })}
        />
        <div className={layout.fullRow}>
          <TextInput
            id={`${idp}-oid`}
            name="oid"
            label={label.oid}
            defaultValue={v("oid", unit?.oid ?? "")}
            ref={(el) => {
              refs.current.oid = el;
            }}
            error={f.text("oid", label.oid)}
            helperText={t("registry.oidHelp", { example })}
            spellCheck={false}
            autoComplete="off"
            inputMode="decimal"
          />
        </div>
        <SelectInput
          id={`${idp}-cis`}
          name="cisId"
          label={label.cisId}
          defaultValue={v("cisId", unit?.cisId ?? "")}
          ref={(el) => {
            refs.current.cisId = el;
          }}
          error={f.text("cisId", label.cisId)}
          options={[
            { value: "", label: t("registry.noCis") },
            ...systems.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <div className={styles.row}>
          <div className={styles.besideFields}>
            <Checkbox
              id={`${idp}-kantaInUse`}
              name="kantaInUse"
              label={t("registry.kantaInUse")}
              defaultChecked={
                f.values.kantaInUse !== undefined
                  ? f.values.kantaInUse === "on"
                  : (unit?.kantaInUse ?? false)
              }
            />
          </div>
          <TextInput
            id={`${idp}-kantaSince`}
            name="kantaSince"
            type="date"
            label={label.kantaSince}
            defaultValue={v("kantaSince", unit?.kantaSince ?? "")}
            ref={(el) => {
              refs.current.kantaSince = el;
            }}
            error={f.text("kantaSince", label.kantaSince)}
          />
        </div>
      </div>
      <FormStatus state={state} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass("contained")}>
          {pending ? t("common.saving") : unit ? t("common.save") : t("registry.addUnit")}
        </button>
      </div>
    </form>
  );
}
