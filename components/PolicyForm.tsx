"use client";

import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  TextField,
  Typography,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/auth/action";
import { socialServiceCodes } from "@/lib/catalogue/services";
import { HOME_CARE, type PolicySettings } from "@/lib/eligibility/policy";
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
      <TextField
        key={name}
        id={idOf(name)}
        name={name}
        type={type}
        label={label}
        required
        defaultValue={value(name)}
        error={f.has(name)}
        helperText={f.text(name, label) ?? help}
        slotProps={
          type === "date"
            ? { inputLabel: { shrink: true } }
            : { htmlInput: { inputMode: "numeric", autoComplete: "off" } }
        }
        sx={{ minWidth: 240 }}
      />
    );
  };

  const fieldset = { border: 0, p: 0, m: 0, minWidth: 0 } as const;

  return (
    <Box
      component="form"
      action={formAction}
      noValidate
      aria-label={t("policy.formLabel")}
      sx={{ display: "grid", gap: 3 }}
    >
      <input type="hidden" name="expectedVersion" value={String(version)} />

      <Box component="fieldset" sx={fieldset} aria-describedby="policy-window-help">
        <FormLabel component="legend" sx={{ fontWeight: 600, mb: 1 }}>
          {t("policy.windowSection")}
        </FormLabel>
        <Typography id="policy-window-help" color="text.secondary" sx={{ mb: 2 }}>
          {t("policy.windowHelp")}
        </Typography>
        <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-start" }}>
          {DAY_FIELDS.map((name) => textField(name, "text"))}
        </Box>
      </Box>

      <Box component="fieldset" sx={fieldset}>
        <FormLabel component="legend" sx={{ fontWeight: 600, mb: 2 }}>
          {t("policy.datesSection")}
        </FormLabel>
        <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-start" }}>
          {DATE_FIELDS.map((name) => textField(name, "date", t(`policy.${name}Help`)))}
        </Box>
      </Box>

      <Box component="fieldset" sx={fieldset} aria-describedby="policy-services-help">
        <FormLabel component="legend" sx={{ fontWeight: 600, mb: 1 }}>
          {t("policy.servicesSection")}
        </FormLabel>
        <Typography id="policy-services-help" color="text.secondary" sx={{ mb: 1 }}>
          {t("policy.servicesHelp")}
        </Typography>
        <FormGroup>
          {socialServiceCodes.map((code) => {
            const name = `needsCis:${code}`;
            const label = t(`services.${code}`);
            const error = f.text(name, label);
            const help = error ?? (code === HOME_CARE ? t("policy.homeCareHelp") : undefined);
            const helpId = `${idOf(name)}-help`;
            return (
              <Box key={code}>
                <FormControlLabel
                  control={
                    <Checkbox
                      id={idOf(name)}
                      name={name}
                      defaultChecked={checked(code)}
                      slotProps={{
                        input: help ? { "aria-describedby": helpId } : undefined,
                      }}
                    />
                  }
                  label={label}
                />
                {help && (
                  <FormHelperText id={helpId} error={Boolean(error)} sx={{ mt: -0.5, ml: 4 }}>
                    {help}
                  </FormHelperText>
                )}
              </Box>
            );
          })}
        </FormGroup>
      </Box>

      <FormStatus state={state} />
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {pending ? t("common.saving") : t("policy.save")}
        </Button>
      </Box>
    </Box>
  );
}
