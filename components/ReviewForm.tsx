"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
import { buttonClass } from "./button-class";
import { TextArea } from "./Field";
import layout from "./Form.module.css";
import { FormStatus } from "./FormStatus";
import { useFieldErrors } from "./useFieldErrors";

/** Staff accept a unit's OID or return it with a reason. */
export function ReviewForm({
  unitId,
  unitName,
  action,
}: {
  unitId: string;
  unitName: string;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, { status: "idle" } as ActionState);
  const [returning, setReturning] = useState(false);
  const f = useFieldErrors(state);
  const reasonLabel = t("registry.returnReason");
  return (
    <form
      action={formAction}
      noValidate
      className={layout.review}
      aria-label={`${t("registry.review")}: ${unitName}`}
    >
      <input type="hidden" name="unitId" value={unitId} />
      {returning && (
        <TextArea
          id={`reason-${unitId}`}
          name="reason"
          label={reasonLabel}
          required
          autoFocus
          error={f.text("reason", reasonLabel, { max: 1000 })}
        />
      )}
      <div className={layout.buttons}>
        {!returning && (
          <button
            type="submit"
            name="decision"
            value="verify"
            disabled={pending}
            className={buttonClass("contained", "small")}
          >
            {t("registry.verify")}
          </button>
        )}
        {returning ? (
          <>
            <button
              type="submit"
              name="decision"
              value="return"
              disabled={pending}
              className={`${buttonClass("contained", "small")} ${layout.danger}`}
            >
              {t("registry.return")}
            </button>
            <button
              type="button"
              onClick={() => setReturning(false)}
              className={buttonClass("text", "small")}
            >
              {t("common.cancel")}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setReturning(true)}
            className={buttonClass("outlined", "small")}
          >
            {t("registry.return")}
          </button>
        )}
      </div>
      <FormStatus state={state} />
    </form>
  );
}
