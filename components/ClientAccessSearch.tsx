"use client";

import {
  Alert,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import type { ClientAccessView } from "@/lib/audit/actions";
import { buttonClass } from "./button-class";
import { TABLE_CAPTION_STYLE } from "./DataTable";
import { TextInput } from "./Field";
import styles from "./Field.module.css";
import layout from "./Form.module.css";
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
    <form action={formAction} noValidate aria-label={tv("title")} className={styles.form}>
      <div className={styles.row}>
        <TextInput
          id="client-access-hetu"
          name="hetu"
          label={tv("hetu")}
          autoComplete="off"
          ref={hetuInput}
          error={f.text("hetu", tv("hetu"))}
        />
        <TextInput
          id="client-access-from"
          name="from"
          type="date"
          label={tv("from")}
          defaultValue={values.from ?? defaultFrom}
          key={`from-${state.status}`}
          error={f.text("from", tv("from"))}
        />
        <TextInput
          id="client-access-to"
          name="to"
          type="date"
          label={tv("to")}
          defaultValue={values.to ?? defaultTo}
          key={`to-${state.status}`}
          error={f.text("to", tv("to"))}
        />
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass("contained")} ${styles.besideFields}`}
        >
          {tv("search")}
        </button>
      </div>
      <FormStatus state={state} />
      {result?.truncated && (
        <Alert severity="warning">
          {tv("truncated", { max: result.max ?? result.rows.length })}
        </Alert>
      )}
      {result && result.rows.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
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
                    {r.role && <span className={layout.secondaryLine}>{r.role}</span>}
                  </TableCell>
                  <TableCell>{r.organisation}</TableCell>
                  <TableCell>
                    {r.what} <code className={layout.code}>{r.code}</code>
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
    </form>
  );
}
