"use client";

import { Alert, Box, Button, LinearProgress, Typography } from "@mui/material";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type Outcome =
  | { kind: "ok"; entries: number; social: number; checked: number; changed: number }
  | { kind: "error"; key: string; detail?: string };

/**
 * Uploads the register export as the raw request body so the server can parse
 * it as a stream; the page refreshes with the new verdicts afterwards.
 */
export function RegisterUpload() {
  const t = useTranslations("registry");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function upload() {
    const file = input.current?.files?.[0];
    if (!file) {
      setOutcome({ kind: "error", key: "empty" });
      input.current?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const res = await fetch("/api/sote-register", {
        method: "POST",
        headers: {
          "content-type": "application/xml",
          "x-file-name": encodeURIComponent(file.name),
        },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (res.ok) {
        setOutcome({
          kind: "ok",
          entries: Number(body.entries),
          social: Number(body.socialServiceUnits),
          checked: Number(body.checked),
          changed: Number(body.changed),
        });
        router.refresh();
      } else {
        const key =
          typeof body.error === "string" ? body.error.replace(/^register\./, "") : "uploadFailed";
        setOutcome({
          kind: "error",
          key,
          detail: typeof body.detail === "string" ? body.detail : undefined,
        });
      }
    } catch {
      setOutcome({ kind: "error", key: "uploadFailed" });
    } finally {
      setBusy(false);
    }
  }

  const known = ["empty", "wrongType", "tooLarge", "badFormat", "uploadFailed"];
  return (
    <Box sx={{ display: "grid", gap: 2 }}>
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <label htmlFor="sote-file">
          <Typography component="span" sx={{ fontWeight: 600, mr: 1 }}>
            {t("file")}
          </Typography>
        </label>
        <input id="sote-file" ref={input} type="file" accept=".xml,application/xml,text/xml" />
        <Button variant="contained" onClick={upload} disabled={busy}>
          {busy ? t("uploading") : t("upload")}
        </Button>
      </Box>
      {busy && <LinearProgress aria-label={t("uploading")} />}
      <div aria-live="polite" role="status">
        {outcome?.kind === "ok" && (
          <Alert severity="success">
            {t("imported", {
              entries: outcome.entries,
              social: outcome.social,
              checked: outcome.checked,
              changed: outcome.changed,
            })}
          </Alert>
        )}
        {outcome?.kind === "error" && (
          <Alert severity="error">
            {t((known.includes(outcome.key) ? outcome.key : "uploadFailed") as "empty", {
              detail: outcome.detail ?? "",
            })}
          </Alert>
        )}
      </div>
    </Box>
  );
}
