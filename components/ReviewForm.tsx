"use client";

import { Box, Button, TextField } from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

/** Staff accept a unit's OID or return it with a reason. */
export function ReviewForm({
  unitId,
  unitName,
  action,
}: {
  unitId: string;
  unitName: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const [returning, setReturning] = useState(false);
  const f = useFieldErrors(state);
  const reasonLabel = t("registry.returnReason");
  return (
    <Box
      component="form"
      action={formAction}
      noValidate
      sx={{ display: "grid", gap: 1, minWidth: 220 }}
      aria-label={`${t("registry.review")}: ${unitName}`}
    >
      <input type="hidden" name="unitId" value={unitId} />
      {returning && (
        <TextField
          id={`reason-${unitId}`}
          name="reason"
          size="small"
          multiline
          minRows={2}
          label={reasonLabel}
          required
          autoFocus
          error={f.has("reason")}
          helperText={f.text("reason", reasonLabel, { max: 1000 })}
        />
      )}
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        {!returning && (
          <Button
            type="submit"
            name="decision"
            value="verify"
            size="small"
            variant="contained"
            disabled={pending}
          >
            {t("registry.verify")}
          </Button>
        )}
        {returning ? (
          <>
            <Button
              type="submit"
              name="decision"
              value="return"
              size="small"
              variant="contained"
              color="error"
              disabled={pending}
            >
              {t("registry.return")}
            </Button>
            <Button size="small" onClick={() => setReturning(false)}>
              {t("common.cancel")}
            </Button>
          </>
        ) : (
          <Button size="small" variant="outlined" onClick={() => setReturning(true)}>
            {t("registry.return")}
          </Button>
        )}
      </Box>
      <FormStatus state={state} />
    </Box>
  );
}
