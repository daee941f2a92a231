"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { buttonClass } from "./button-class";
import { Checkbox, SelectInput, TextArea } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

/** The organiser's own details of a provider: relationship, contract forms, services, review, notes. */
export function ProviderViewForm({
  provider,
  services,
  action,
}: {
  provider: {
    id: string;
    relationship: string;
    purchasedService: boolean;
    serviceVoucher: boolean;
    reviewState: string;
    notes: string | null;
    services: string[];
  };
  services: { code: string; label: string }[];
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const had = (name: string, fallback: boolean) =>
    Object.keys(f.values).length > 0 ? f.values[name] === "on" : fallback;
  return (
    <form
      action={formAction}
      noValidate
      aria-label={t("registry.organiserView")}
      className={styles.form}
    >
      <input type="hidden" name="providerId" value={provider.id} />
      <div className={styles.row}>
        <SelectInput
          id="pv-relationship"
          name="relationship"
          label={t("providers.relationship")}
          defaultValue={f.values.relationship ?? provider.relationship}
          options={(["contract", "invited"] as const).map((r) => ({
            value: r,
            label: t(`providers.relationshipValues.${r}`),
          }))}
        />
        <SelectInput
          id="pv-review"
          name="reviewState"
          label={t("providers.reviewState")}
          defaultValue={f.values.reviewState ?? provider.reviewState}
          options={(["not_reviewed", "needs_attention", "reviewed"] as const).map((r) => ({
            value: r,
            label: t(`providers.reviewStates.${r}`),
          }))}
        />
      </div>
      <fieldset className={layout.fieldset}>
        <legend className={layout.legend}>{t("providers.contractForms")}</legend>
        <div className={layout.checks}>
          <Checkbox
            id="pv-purchasedService"
            name="purchasedService"
            label={t("providers.purchasedService")}
            defaultChecked={had("purchasedService", provider.purchasedService)}
          />
          <Checkbox
            id="pv-serviceVoucher"
            name="serviceVoucher"
            label={t("providers.serviceVoucher")}
            defaultChecked={had("serviceVoucher", provider.serviceVoucher)}
          />
        </div>
      </fieldset>
      <fieldset className={layout.fieldset}>
        <legend className={layout.legend}>{t("registry.services")}</legend>
        <div className={layout.checks}>
          {services.map((s) => (
            <Checkbox
              key={s.code}
              id={`pv-service-${s.code}`}
              name={`service:${s.code}`}
              label={s.label}
              defaultChecked={had(`service:${s.code}`, provider.services.includes(s.code))}
            />
          ))}
        </div>
      </fieldset>
      <TextArea
        id="pv-notes"
        name="notes"
        label={t("providers.notes")}
        defaultValue={f.values.notes ?? provider.notes ?? ""}
        error={f.text("notes", t("providers.notes"), { max: 2000 })}
      />
      <FormStatus state={state} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass("contained")}>
          {pending ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
