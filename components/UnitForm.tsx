"use client";

import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
  Typography,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
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
  const refs = useRef<Record<string, HTMLInputElement | null>>({});
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
    <Box
      component="form"
      action={formAction}
      noValidate
      aria-labelledby={`${idp}-h`}
      sx={{ display: "grid", gap: 2 }}
    >
      <Typography variant="h3" id={`${idp}-h`}>
        {unit ? t("registry.editUnit", { name: unit.name }) : t("registry.addUnit")}
      </Typography>
      <input type="hidden" name="unitId" value={unit?.id ?? ""} />
      {Object.entries(hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="version" value={unit?.version ?? 0} />
      <Box
        key={resets}
        sx={{ display: "grid", gap: 2, gridTemplateColumns: { xs: "1fr", md: "1fr 1fr" } }}
      >
        <TextField
          id={`${idp}-name`}
          name="name"
          label={label.name}
          required
          defaultValue={v("name", unit?.name ?? "")}
          inputRef={(el) => {
            refs.current.name = el;
          }}
          error={f.has("name")}
          helperText={f.text("name", label.name, { max: 200 })}
        />
        <TextField
          id={`${idp}-municipality`}
          name="municipality"
          label={label.municipality}
          required
          defaultValue={v("municipality", unit?.municipality ?? "")}
          inputRef={(el) => {
            refs.current.municipality = el;
          }}
          error={f.has("municipality")}
          helperText={f.text("municipality", label.municipality, { max: 100 })}
        />
        <TextField
          id={`${idp}-oid`}
          name="oid"
          label={label.oid}
          defaultValue={v("oid", unit?.oid ?? "")}
          inputRef={(el) => {
            refs.current.oid = el;
          }}
          error={f.has("oid")}
          helperText={f.text("oid", label.oid) ?? t("registry.oidHelp", { example })}
          slotProps={{
            htmlInput: { spellCheck: false, autoComplete: "off", inputMode: "decimal" },
          }}
          sx={{ gridColumn: { md: "1 / -1" } }}
        />
        <TextField
          id={`${idp}-cis`}
          name="cisId"
          select
          label={label.cisId}
          defaultValue={v("cisId", unit?.cisId ?? "")}
          inputRef={(el) => {
            refs.current.cisId = el;
          }}
          error={f.has("cisId")}
          helperText={f.text("cisId", label.cisId)}
        >
          <MenuItem value="">{t("registry.noCis")}</MenuItem>
          {systems.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ display: "flex", gap: 2, alignItems: "flex-start", flexWrap: "wrap" }}>
          <FormControlLabel
            control={
              <Checkbox
                name="kantaInUse"
                defaultChecked={
                  f.values.kantaInUse !== undefined
                    ? f.values.kantaInUse === "on"
                    : (unit?.kantaInUse ?? false)
                }
              />
            }
            label={t("registry.kantaInUse")}
          />
          <TextField
            id={`${idp}-kantaSince`}
            name="kantaSince"
            type="date"
            label={label.kantaSince}
            defaultValue={v("kantaSince", unit?.kantaSince ?? "")}
            inputRef={(el) => {
              refs.current.kantaSince = el;
            }}
            error={f.has("kantaSince")}
            helperText={f.text("kantaSince", label.kantaSince)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Box>
      </Box>
      <FormStatus state={state} />
      <Box>
        <Button type="submit" variant="contained" disabled={pending}>
          {pending ? t("common.saving") : unit ? t("common.save") : t("registry.addUnit")}
        </Button>
      </Box>
    </Box>
  );
}
