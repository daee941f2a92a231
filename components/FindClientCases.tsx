"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { ActionState } from "@/lib/auth/action";
import { buttonClass } from "./button-class";
import { TextInput } from "./Field";
import styles from "./Field.module.css";
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
    <form action={formAction} noValidate aria-label={t("cases.findTitle")} className={styles.form}>
      <div className={styles.row}>
        <TextInput
          id="find-hetu"
          name="hetu"
          label={t("cases.hetu")}
          autoComplete="off"
          ref={input}
          error={f.text("hetu", t("cases.hetu"))}
        />
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass("outlined")} ${styles.besideFields}`}
        >
          {t("cases.find")}
        </button>
      </div>
      <FormStatus state={state} />
      {found.length > 0 && (
        <ul aria-label={t("cases.findTitle")}>
          {found.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}`}>{c.caseOid}</Link>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
