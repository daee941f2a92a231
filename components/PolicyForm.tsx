"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/auth/action";
import { socialServiceCodes } from "@/lib/catalogue/services";
import { HOME_CARE, type PolicySettings } from "@/lib/eligibility/policy";
import { buttonClass } from "./button-class";
import { Checkbox, TextInput } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

const DAY_FIELDS = ["daysBeforeStart", "daysAfterEnd"] as const;
const DATE_FIELDS = ["goLiveDate", "caseNumberDeadline", "useByDate"] as const;
type TextFieldName = (typeof DAY_FIELDS)[number] | (typeof DATE_FIELDS)[number];

/** Form field names in the order they appear (the first invalid one gets focus). */
const FIELD_ORDER: string[] = [
  ...DAY_FIELDS,
  ...DATE_FIELDS,
  ...socialServiceCodes.map((c) => `needsCis:${c}`),
];

const idOf = (name: string) => `policy-${name.replace(/\W+/g, "-")}`;

/**
 * The organiser's eligibility policy (lib/policy/actions.ts savePolicyAction): window lengths,
 * key dates and which services need a client information system. Field errors arrive as
 * message keys translated with the field's own label; the first invalid field gets focus and
 * the outcome is announced through FormStatus. `version` is the version being edited, sent
 * back so a save over someone else's newer version is refused.
 */
export function PolicyForm({
  action,
  settings,
  version,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  settings: PolicySettings;
  version: number;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);

  useEffect(() => {
    if (state.status !== "error") return;
    const first = FIELD_ORDER.find((k) => f.has(k));
    if (first) document.getElementById(idOf(first))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  const restored = Object.keys(f.values).length > 0;
  const value = (name: TextFieldName) => f.values[name] ?? String(settings[name]);
  const checked = (code: string) =>
    restored ? f.values[`needsCis:${code}`] === "on" : settings.needsCis[code] === true;

  const textField = (name: TextFieldName, type: "text" | "date", help?: string) => {
    const label = t(`policy.${name}`);
    return (
      <TextInput
        key={name}
        id={idOf(name)}
        name={name}
        type={type}
        label={label}
        required
        defaultValue={value(name)}
        error={f.text(name, label)}
        helperText={help}
        inputMode={type === "text" ? "numeric" : undefined}
        autoComplete={type === "text" ? "off" : undefined}
      />
    );
  };

  return (
    <form
      action={formAction}
      noValidate
      aria-label={t("policy.formLabel")}
      className={layout.sections}
    >
      <input type="hidden" name="expectedVersion" value={String(version)} />

      <fieldset className={layout.fieldset} aria-describedby="policy-window-help">
        <legend className={layout.legend}>{t("policy.windowSection")}</legend>
        <p id="policy-window-help" className={`${layout.help} ${layout.spaced}`}>
          {t("policy.windowHelp")}
        </p>
        <div className={`${styles.row} ${layout.minWidth240}`}>
          {DAY_FIELDS.map((name) => textField(name, "text"))}
        </div>
      </fieldset>

      <fieldset className={layout.fieldset}>
        <legend className={`${layout.legend} ${layout.spaced}`}>{t("policy.datesSection")}</legend>
        <div className={`${styles.row} ${layout.minWidth240}`}>
          {DATE_FIELDS.map((name) => textField(name, "date", t(`policy.${name}Help`)))}
        </div>
      </fieldset>

      <fieldset className={layout.fieldset} aria-describedby="policy-services-help">
        <legend className={layout.legend}>{t("policy.servicesSection")}</legend>
        <p id="policy-services-help" className={layout.help}>
          {t("policy.servicesHelp")}
        </p>
        <div className={layout.checkColumn}>
          {socialServiceCodes.map((code) => {
            const name = `needsCis:${code}`;
            const label = t(`services.${code}`);
            const error = f.text(name, label);
            const help = error ?? (code === HOME_CARE ? t("policy.homeCareHelp") : undefined);
            const helpId = `${idOf(name)}-help`;
            return (
              <div key={code}>
                <Checkbox
                  id={idOf(name)}
                  name={name}
                  label={label}
                  defaultChecked={checked(code)}
                  aria-describedby={help ? helpId : undefined}
                />
                {help && (
                  <p
                    id={helpId}
                    className={`${error ? styles.error : styles.helper} ${layout.checkHelp}`}
                  >
                    {help}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>

      <FormStatus state={state} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass("contained")}>
          {pending ? t("common.saving") : t("policy.save")}
        </button>
      </div>
    </form>
  );
}
