"use client";

import { Box, Button, Typography } from "@mui/material";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { sendBatchAction } from "@/lib/delivery/batch-actions";
import { FormStatus } from "./FormStatus";

/** A random v4 uuid; getRandomValues also works where randomUUID is missing (plain HTTP). */
function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The send form of the case-number batch. Its request key is made once per page load, so pressing
 * the button again (or a double click) queues nothing new; on success the page shows the
 * progress of the batch (?batch=id).
 */
export function BatchSend({ messages }: { messages: number }) {
  const t = useTranslations("batch.send");
  const router = useRouter();
  // Kept in state, not rendered: the key never differs between server and client HTML.
  const [requestKey] = useState(newRequestKey);
  const [state, formAction, pending] = useActionState(
    (prev: ActionState, form: FormData) => {
      form.set("requestKey", requestKey);
      return sendBatchAction(prev, form);
    },
    { status: "idle" } as ActionState,
  );

  useEffect(() => {
    if (state.status !== "success") return;
    const data = state.data as { batchId?: unknown } | undefined;
    if (typeof data?.batchId === "string")
      router.push(`/deliveries/batch?batch=${encodeURIComponent(data.batchId)}`);
  }, [state, router]);

  return (
    <Box
      component="form"
      action={formAction}
      aria-label={t("form")}
      sx={{ display: "grid", gap: 2 }}
    >
      <Typography id="batch-send-hint" color="text.secondary" sx={{ maxWidth: "70ch" }}>
        {t("hint")}
      </Typography>
      <Box sx={{ display: "flex", gap: 2, alignItems: "center", flexWrap: "wrap" }}>
        <Button
          type="submit"
          variant="contained"
          disabled={pending || messages === 0}
          aria-describedby="batch-send-hint"
        >
          {t("button", { count: messages })}
        </Button>
        {pending && (
          <Typography role="status" variant="body2">
            {t("pending")}
          </Typography>
        )}
      </Box>
      <FormStatus state={state} />
    </Box>
  );
}

/** Refreshes the server-rendered page every two seconds while `active` (a batch is still sending). */
export function BatchAutoRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
