"use client";

import { Box, Button, List, ListItem, TextField } from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { FormStatus } from "./FormStatus";
import { Link } from "./Link";
import { useFieldErrors } from "./useFieldErrors";

/** Search by identity code. The code is posted, never put in a URL, and not kept in the form. */
export function FindClientCases({
  action,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (f.has("hetu")) input.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const found = state.status === "success" ? (state.data as { id: string; caseOid: string }[]) : [];
  return (
    <Box component="form" action={formAction} noValidate aria-label={t("cases.findTitle")}>
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-start" }}>
        <TextField
          id="find-hetu"
          name="hetu"
          label={t("cases.hetu")}
          autoComplete="off"
          inputRef={input}
          error={f.has("hetu")}
          helperText={f.text("hetu", t("cases.hetu"))}
        />
        <Button type="submit" variant="outlined" disabled={pending} sx={{ mt: 1 }}>
          {t("cases.find")}
        </Button>
      </Box>
      <FormStatus state={state} />
      {found.length > 0 && (
        <List aria-label={t("cases.findTitle")}>
          {found.map((c) => (
            <ListItem key={c.id}>
              <Link href={`/cases/${c.id}`}>{c.caseOid}</Link>
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
