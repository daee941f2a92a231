"use client";

import {
  Alert,
  Box,
  Button,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import type { ClientAccessView } from "@/lib/audit/actions";
import { TABLE_CAPTION_STYLE } from "./DataTable";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

type Result = {
  rows: ClientAccessView[];
  range: { from: string; to: string };
  truncated: boolean;
  max?: number;
};

const COLUMNS = [
  "at",
  "who",
  "organisation",
  "what",
  "kind",
  "target",
  "purpose",
  "outcome",
] as const;

/**
 * Who saw or was sent one client's data in a date range. The identity code is posted (server
 * action), never put in a URL, and not kept in the form after the search.
 */
export function ClientAccessSearch({
  action,
  defaultFrom,
  defaultTo,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  defaultFrom: string;
  defaultTo: string;
}) {
  const t = useTranslations();
  // The "auditView" namespace is merged separately: untyped keys.
  const tv = (key: string, values?: Record<string, string | number>) =>
    t(`auditView.clientAccess.${key}` as never, values as never);
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const f = useFieldErrors(state);
  const hetuInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (f.has("hetu")) hetuInput.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  const result = state.status === "success" ? (state.data as Result) : null;
  const values = state.status === "error" ? (state.values ?? {}) : {};
  return (
    <Box component="form" action={formAction} noValidate aria-label={tv("title")}>
      <Box sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "flex-start" }}>
        <TextField
          id="client-access-hetu"
          name="hetu"
          label={tv("hetu")}
          autoComplete="off"
          inputRef={hetuInput}
          error={f.has("hetu")}
          helperText={f.text("hetu", tv("hetu"))}
        />
        <TextField
          id="client-access-from"
          name="from"
          type="date"
          label={tv("from")}
          defaultValue={values.from ?? defaultFrom}
          key={`from-${state.status}`}
          error={f.has("from")}
          helperText={f.text("from", tv("from"))}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          id="client-access-to"
          name="to"
          type="date"
          label={tv("to")}
          defaultValue={values.to ?? defaultTo}
          key={`to-${state.status}`}
          error={f.has("to")}
          helperText={f.text("to", tv("to"))}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant="contained" disabled={pending} sx={{ mt: 1 }}>
          {tv("search")}
        </Button>
      </Box>
      <Box sx={{ mt: 2 }}>
        <FormStatus state={state} />
      </Box>
      {result?.truncated && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {tv("truncated", { max: result.max ?? result.rows.length })}
        </Alert>
      )}
      {result && result.rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined" sx={{ mt: 2 }}>
          <Table size="small">
            <caption style={TABLE_CAPTION_STYLE}>{tv("caption", result.range)}</caption>
            <TableHead>
              <TableRow>
                {COLUMNS.map((c) => (
                  <TableCell key={c} scope="col" sx={{ fontWeight: 600 }}>
                    {tv(c)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id} hover>
                  <TableCell>{r.at}</TableCell>
                  <TableCell>
                    {r.who}
                    {r.role && (
                      <Box component="span" sx={{ display: "block", color: "text.secondary" }}>
                        {r.role}
                      </Box>
                    )}
                  </TableCell>
                  <TableCell>{r.organisation}</TableCell>
                  <TableCell>
                    {r.what}{" "}
                    <Box component="code" sx={{ color: "text.secondary", fontSize: "0.75rem" }}>
                      {r.code}
                    </Box>
                  </TableCell>
                  <TableCell>{r.kind}</TableCell>
                  <TableCell>{r.target}</TableCell>
                  <TableCell>{r.purpose}</TableCell>
                  <TableCell>{r.outcome}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
