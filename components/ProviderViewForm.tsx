"use client";

import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  TextField,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
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
    <Box
      component="form"
      action={formAction}
      noValidate
      aria-label={t("registry.organiserView")}
      sx={{ display: "grid", gap: 2 }}
    >
      <input type="hidden" name="providerId" value={provider.id} />
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap" }}>
        <TextField
          id="pv-relationship"
          name="relationship"
          select
          label={t("providers.relationship")}
          defaultValue={f.values.relationship ?? provider.relationship}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="contract">{t("providers.relationshipValues.contract")}</MenuItem>
          <MenuItem value="invited">{t("providers.relationshipValues.invited")}</MenuItem>
        </TextField>
        <TextField
          id="pv-review"
          name="reviewState"
          select
          label={t("providers.reviewState")}
          defaultValue={f.values.reviewState ?? provider.reviewState}
          sx={{ minWidth: 200 }}
        >
          {(["not_reviewed", "needs_attention", "reviewed"] as const).map((r) => (
            <MenuItem key={r} value={r}>
              {t(`providers.reviewStates.${r}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <FormLabel component="legend">{t("providers.contractForms")}</FormLabel>
        <FormGroup row>
          <FormControlLabel
            control={
              <Checkbox
                name="purchasedService"
                defaultChecked={had("purchasedService", provider.purchasedService)}
              />
            }
            label={t("providers.purchasedService")}
          />
          <FormControlLabel
            control={
              <Checkbox
                name="serviceVoucher"
                defaultChecked={had("serviceVoucher", provider.serviceVoucher)}
              />
            }
            label={t("providers.serviceVoucher")}
          />
        </FormGroup>
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
        <FormLabel component="legend">{t("registry.services")}</FormLabel>
        <FormGroup row>
          {services.map((s) => (
            <FormControlLabel
              key={s.code}
              control={
                <Checkbox
                  name={`service:${s.code}`}
                  defaultChecked={had(`service:${s.code}`, provider.services.includes(s.code))}
                />
              }
              label={s.label}
            />
          ))}
        </FormGroup>
      </Box>
      <TextField
        id="pv-notes"
        name="notes"
        label={t("providers.notes")}
        multiline
        minRows={2}
        defaultValue={f.values.notes ?? provider.notes ?? ""}
        error={f.has("notes")}
        helperText={f.text("notes", t("providers.notes"), { max: 2000 })}
      />
      <FormStatus state={state} />
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {pending ? t("common.saving") : t("common.save")}
        </Button>
      </Box>
    </Box>
  );
}
