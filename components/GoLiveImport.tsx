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
import { useRef, useState } from "react";
import type { GoLiveProgress, GoLiveResult } from "@/lib/golive/apply";
import type { RefusalReason } from "@/lib/golive/plan";
import { TABLE_CAPTION_STYLE } from "./DataTable";

type Mode = "dry" | "apply";
type Failure = { key: string; max?: number };

/** How many malformed rows the table shows; the rest are counted. */
const SHOWN_ISSUES = 200;
const OWN_REASONS = new Set<RefusalReason>([
  "case_other_organiser",
  "unknown_unit",
  "case_other_client",
  "ended_before_go_live",
]);

const fileKey = (f: File) => `${f.name}|${f.size}|${f.lastModified}`;

/**
 * POSTs the file as the raw body with XMLHttpRequest, which reports upload progress as well as
 * the streamed answer: each complete NDJSON line goes to onLine as soon as it arrives.
 */
function post(
  url: string,
  file: File,
  onUpload: (loaded: number) => void,
  onLine: (line: string) => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    const drain = (all: boolean) => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      for (let nl = text.indexOf("\n", read); nl !== -1; nl = text.indexOf("\n", read)) {
        const line = text.slice(read, nl).trim();
        read = nl + 1;
        if (line) onLine(line);
      }
      if (all && read < text.length) {
        const line = text.slice(read).trim();
        read = text.length;
        if (line) onLine(line);
      }
    };
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("x-file-size", String(file.size));
    xhr.upload.onprogress = (e) => onUpload(e.loaded);
    xhr.onprogress = () => drain(false);
    xhr.onload = () => {
      drain(true);
      resolve({ status: xhr.status, text: xhr.status === 200 ? "" : xhr.responseText });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(file);
  });
}

/**
 * The go-live bulk step: check a CSV file (dry run), read what would open and what is refused,
 * then open access with the same file. The file is sent as the raw request body and the server
 * answers with NDJSON progress lines and a result, so a large file shows real progress.
 */
export function GoLiveImport() {
  const t = useTranslations();
  const tr = (key: string, params?: Record<string, string | number>) =>
    t(key as "golive.title", params as never);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [progress, setProgress] = useState<GoLiveProgress | null>(null);
  const [result, setResult] = useState<GoLiveResult | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  /** Progress never runs backwards within a phase (upload and server reading both count bytes). */
  function show(p: GoLiveProgress) {
    setProgress((prev) => (prev && prev.phase === p.phase && prev.done > p.done ? prev : { ...p }));
  }

  async function run(mode: Mode) {
    const file = input.current?.files?.[0];
    if (!file) {
      setFailure({ key: "golive.chooseFile" });
      input.current?.focus();
      return;
    }
    setBusy(mode);
    setProgress(null);
    setResult(null);
    setFailure(null);
    try {
      let final: GoLiveResult | null = null;
      const { status, text } = await post(
        `/api/golive?mode=${mode}`,
        file,
        (loaded) => show({ phase: "read", done: loaded, total: file.size }),
        (line) => {
          const msg = JSON.parse(line) as
            | ({ type: "progress" } & GoLiveProgress)
            | ({ type: "result" } & GoLiveResult)
            | { type: "error"; error: string; max?: number };
          if (msg.type === "progress") show(msg);
          else if (msg.type === "result") final = msg;
          else setFailure({ key: msg.error, max: msg.max });
        },
      );
      if (status !== 200) {
        let body: { error?: unknown; max?: unknown } = {};
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          // not JSON
        }
        const key =
          status === 403
            ? "golive.errors.forbidden"
            : typeof body.error === "string" && body.error.startsWith("golive.")
              ? body.error
              : "golive.errors.failed";
        setFailure({ key, max: typeof body.max === "number" ? body.max : undefined });
        return;
      }
      const result = final as GoLiveResult | null;
      if (result) {
        setResult(result);
        if (result.error === "forbidden") setFailure({ key: "golive.errors.forbidden" });
        // Opening is offered only after a clean check of this very file.
        setChecked(mode === "dry" && result.ok ? fileKey(file) : null);
      } else {
        setFailure((f) => f ?? { key: "golive.errors.uploadFailed" });
      }
    } catch {
      setFailure({ key: "golive.errors.uploadFailed" });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  const mayApply = busy === null && checked !== null && checked === selected;
  const percent =
    progress && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : null;
  const phaseLabel = busy
    ? t(`golive.phase.${progress?.phase ?? "read"}` as "golive.phase.read")
    : "";
  const fieldLabel = (f: string) => t(`golive.fields.${f}` as "golive.fields.file");
  const reasonShort = (r: RefusalReason) =>
    t(`golive.reasonShort.${r}` as "golive.reasonShort.no_oid");
  const reasonLong = (r: RefusalReason) =>
    OWN_REASONS.has(r)
      ? t(`golive.reasons.${r}` as "golive.reasons.unknown_unit")
      : t(`eligibility.${r}` as "eligibility.no_oid");

  const summary = result?.summary ?? null;
  const applied = result?.mode === "apply" && result.applied;

  return (
    <Box sx={{ display: "grid", gap: 2 }}>
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <label htmlFor="golive-file">
          <Typography component="span" sx={{ fontWeight: 600 }}>
            {t("golive.file")}
          </Typography>
        </label>
        <input
          id="golive-file"
          ref={input}
          type="file"
          accept=".csv,text/csv"
          aria-describedby="golive-apply-hint"
          onChange={(e) => {
            const chosen = e.currentTarget.files?.[0];
            setSelected(chosen ? fileKey(chosen) : null);
            setChecked(null);
            setResult(null);
            setFailure(null);
          }}
        />
        <Button variant="outlined" onClick={() => run("dry")} disabled={busy !== null}>
          {t("golive.check")}
        </Button>
        <Button
          variant="contained"
          onClick={() => run("apply")}
          disabled={!mayApply}
          aria-describedby="golive-apply-hint"
        >
          {t("golive.apply")}
        </Button>
      </Box>
      <Typography id="golive-apply-hint" variant="body2" color="text.secondary">
        {t("golive.applyHint")}
      </Typography>

      {busy && (
        <Box>
          <Typography variant="body2" sx={{ mb: 0.5 }}>
            {phaseLabel}
            {percent !== null ? ` ${percent} %` : ""}
          </Typography>
          <LinearProgress
            variant={percent !== null ? "determinate" : "indeterminate"}
            value={percent ?? undefined}
            aria-label={phaseLabel}
          />
        </Box>
      )}

      <div aria-live="polite" role="status">
        {failure && <Alert severity="error">{tr(failure.key, { max: failure.max ?? 0 })}</Alert>}
        {result && !result.error && (
          <Alert severity={result.ok ? "success" : "error"}>
            {result.ok
              ? result.mode === "dry"
                ? `${t("golive.result.checked")} ${t("golive.result.checkedNoIssues")}`
                : t("golive.result.applied")
              : result.mode === "dry"
                ? t("golive.result.hasIssues", { count: result.issueCount })
                : t("golive.result.notApplied", { count: result.issueCount })}
          </Alert>
        )}
      </div>

      {summary && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption style={TABLE_CAPTION_STYLE}>{t("golive.summary.caption")}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t("golive.summary.item")}</TableCell>
                <TableCell scope="col" align="right">
                  {t("golive.summary.count")}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(
                [
                  ["records", result!.records, false],
                  [applied ? "opened" : "wouldOpen", summary.open, false],
                  ["openNow", summary.windows.open, true],
                  ["planned", summary.windows.planned, true],
                  ["closed", summary.windows.closed, true],
                  ["already", summary.already, false],
                  ["refused", summary.refused, false],
                  ["newClients", summary.created.clients, false],
                  ["newCases", summary.created.cases, false],
                ] as const
              ).map(([key, value, indent]) => (
                <TableRow key={key}>
                  <TableCell component="th" scope="row" sx={indent ? { pl: 4 } : undefined}>
                    {t(`golive.summary.${key}`)}
                  </TableCell>
                  <TableCell align="right">{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {summary && summary.byProvider.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption style={TABLE_CAPTION_STYLE}>{t("golive.byProvider.caption")}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t("golive.byProvider.provider")}</TableCell>
                <TableCell scope="col" align="right">
                  {t("golive.byProvider.refused")}
                </TableCell>
                <TableCell scope="col">{t("golive.byProvider.reasons")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {summary.byProvider.map((p) => (
                <TableRow key={p.providerId ?? "unknown"}>
                  <TableCell component="th" scope="row">
                    {p.providerName ?? t("golive.byProvider.unknownProvider")}
                  </TableCell>
                  <TableCell align="right">{p.refused}</TableCell>
                  <TableCell>
                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                      {(Object.entries(p.reasons) as [RefusalReason, number][]).map(([r, n]) => (
                        <li key={r}>
                          {t("golive.byProvider.reasonCount", { reason: reasonShort(r), count: n })}
                        </li>
                      ))}
                    </Box>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {summary && summary.byReason.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small">
            <caption style={TABLE_CAPTION_STYLE}>{t("golive.byReason.caption")}</caption>
            <TableHead>
              <TableRow>
                <TableCell scope="col">{t("golive.byReason.reason")}</TableCell>
                <TableCell scope="col" align="right">
                  {t("golive.byReason.rows")}
                </TableCell>
                <TableCell scope="col">{t("golive.byReason.explanation")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {summary.byReason.map((r) => (
                <TableRow key={r.reason}>
                  <TableCell component="th" scope="row">
                    {reasonShort(r.reason)}
                  </TableCell>
                  <TableCell align="right">{r.rows}</TableCell>
                  <TableCell>{reasonLong(r.reason)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {result && result.issues.length > 0 && (
        <>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small">
              <caption style={TABLE_CAPTION_STYLE}>{t("golive.issues.caption")}</caption>
              <TableHead>
                <TableRow>
                  <TableCell scope="col">{t("golive.issues.line")}</TableCell>
                  <TableCell scope="col">{t("golive.issues.field")}</TableCell>
                  <TableCell scope="col">{t("golive.issues.problem")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.issues.slice(0, SHOWN_ISSUES).map((i, n) => (
                  <TableRow key={n}>
                    <TableCell>{i.line}</TableCell>
                    <TableCell>{fieldLabel(i.field)}</TableCell>
                    <TableCell>
                      {tr(i.key, {
                        field: fieldLabel(i.field),
                        line: String(i.line),
                        value: "",
                        expected: "",
                        example: "",
                        found: "",
                        max: "",
                        ...(i.params ?? {}),
                      })}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {result.issueCount > Math.min(result.issues.length, SHOWN_ISSUES) && (
            <Typography>
              {t("golive.issues.more", {
                max: Math.min(result.issues.length, SHOWN_ISSUES),
                count: result.issueCount - Math.min(result.issues.length, SHOWN_ISSUES),
              })}
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}
