"use client";

import { Box, Button, Typography } from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FormStatus } from "./FormStatus";

/**
 * The client's name and identity code, masked until the case worker asks to see them. The
 * server decrypts and audits each reveal; the values live only in this component's state.
 */
export function RevealClient({
  caseId,
  masked,
  action,
  canReveal,
}: {
  caseId: string;
  masked: { name: string; hetu: string };
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  canReveal: boolean;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const shown =
    state.status === "success" ? (state.data as { name: string; hetu: string }) : masked;
  return (
    <Box sx={{ display: "grid", gap: 1 }}>
      <Box
        component="dl"
        sx={{ m: 0, display: "grid", gridTemplateColumns: "max-content 1fr", gap: 1 }}
      >
        <Typography component="dt" sx={{ fontWeight: 600 }}>
          {t("cases.clientName")}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="client-name">
          {shown.name}
        </Typography>
        <Typography component="dt" sx={{ fontWeight: 600 }}>
          {t("cases.hetu")}
        </Typography>
        <Typography component="dd" sx={{ m: 0 }} data-testid="client-hetu">
          {shown.hetu}
        </Typography>
      </Box>
      {canReveal && state.status !== "success" && (
        <Box
          component="form"
          action={formAction}
          sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}
        >
          <input type="hidden" name="caseId" value={caseId} />
          <Button type="submit" variant="outlined" disabled={pending}>
            {t("cases.reveal")}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t("cases.revealNote")}
          </Typography>
        </Box>
      )}
      <FormStatus state={state} />
    </Box>
  );
}
