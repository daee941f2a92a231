"use client";

import {
  Alert,
  Box,
  Button,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import type { ActionState } from "@/lib/auth/action";
import type { ImportPlan } from "@/lib/registry/import";
import { MAX_MB } from "@/lib/registry/upload";
import { TABLE_CAPTION_STYLE } from "./DataTable";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * Check a CSV file (dry run), read every row's errors, then import it. The
 * same file goes to both steps; the server plans it again before applying.
 */
export function CsvImport({ dryRun, apply }: { dryRun: Action; apply: Action }) {
  const t = useTranslations();
  const input = useRef<HTMLInputElement>(null);
  const [pending, start] = useTransition();
  const [mode, setMode] = useState<"dry" | "apply" | null>(null);
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const [checkedName, setCheckedName] = useState<string | null>(null);

  function run(kind: "dry" | "apply") {
    const file = input.current?.files?.[0];
    if (!file) {
      setState({ status: "error", message: "import.chooseFile" });
      input.current?.focus();
      return;
    }
    // Checked here too: a file over the server action's body limit never reaches the server check.
    if (file.size > MAX_MB * 1024 * 1024) {
      setState({ status: "error", message: "import.tooLarge", params: { max: MAX_MB } });
      input.current?.focus();
      return;
    }
    const form = new FormData();
    form.set("file", file);
    setMode(kind);
    start(async () => {
      const result = await (kind === "dry" ? dryRun : apply)({ status: "idle" }, form);
      setState(result);
      setCheckedName(kind === "dry" && result.status === "success" ? file.name : null);
    });
  }

  const plan = state.status !== "idle" ? ((state as { data?: ImportPlan }).data ?? null) : null;
  const fieldLabel = (f: string) => t(`import.fields.${f}` as "import.fields.file");
  return (
    <Box sx={{ display: "grid", gap: 2 }}>
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <label htmlFor="csv-file">
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {t("import.file")}
          </Typography>
        </label>
        <input
          id="csv-file"
          ref={input}
          type="file"
          accept=".csv,text/csv"
          onChange={() => {
            setCheckedName(null);
            setState({ status: "idle" });
          }}
        />
        <Button variant="outlined" onClick={() => run("dry")} disabled={pending}>
          {t("import.dryRun")}
        </Button>
        <Button variant="contained" onClick={() => run("apply")} disabled={pending || !checkedName}>
          {t("import.apply")}
        </Button>
      </Box>
      {pending && (
        <LinearProgress
          aria-label={mode === "apply" ? t("import.applying") : t("import.checking")}
        />
      )}
      <div aria-live="polite" role="status">
        {state.status !== "idle" && (
          <Alert severity={state.status === "success" ? "success" : "error"}>
            {t(state.message as "import.applied", state.params ?? {})}
            {plan && (
              <>
                {" "}
                {t("import.summary", {
                  rows: plan.rows,
                  pn: plan.providers.new,
                  pu: plan.providers.updated,
                  un: plan.units.new,
                  uu: plan.units.updated,
                  cn: plan.contacts.new,
                  cu: plan.contacts.updated,
                })}
              </>
            )}
          </Alert>
        )}
      </div>
      {plan && plan.issues.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption style={TABLE_CAPTION_STYLE}>{t("import.issuesCaption")}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t("import.line")}</TableCell>
                <TableCell scope="col">{t("import.field")}</TableCell>
                <TableCell scope="col">{t("import.problem")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plan.issues.map((i, n) => (
                <TableRow key={n}>
                  <TableCell>{i.line}</TableCell>
                  <TableCell>{fieldLabel(i.field)}</TableCell>
                  <TableCell>
                    {t(i.key as "validation.required", {
                      field: fieldLabel(i.field),
                      value: "",
                      line: "",
                      example: "",
                      found: "",
                      expected: "",
                      unit: "",
                      max: 0,
                      ...(i.params ?? {}),
                    })}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
