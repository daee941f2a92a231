"use client";

import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FormStatus } from "./FormStatus";

/**
 * One user-administration action (disable, enable, reset the second factor) behind a
 * confirmation dialog: the form is only submitted from the dialog's confirm button.
 */
export function ConfirmUserAction({
  action,
  userId,
  name,
  kind,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  userId: string;
  name: string;
  kind: "disable" | "enable" | "resetTotp";
}) {
  const t = useTranslations("users");
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const formId = useId();
  return (
    <Box>
      <Button
        size="small"
        variant="outlined"
        color={kind === "enable" ? "primary" : "error"}
        onClick={() => setOpen(true)}
        disabled={pending}
        aria-label={t(`${kind}Label`, { name })}
      >
        {t(kind)}
      </Button>
      <form id={formId} action={formAction} onSubmit={() => setOpen(false)}>
        <input type="hidden" name="userId" value={userId} />
      </form>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{t(`${kind}Title`, { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t(`${kind}Confirm`, { name })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
          <Button
            type="submit"
            form={formId}
            variant="contained"
            color={kind === "enable" ? "primary" : "error"}
          >
            {t(`${kind}Do`)}
          </Button>
        </DialogActions>
      </Dialog>
      <FormStatus state={state} />
    </Box>
  );
}
