import { Box, Chip, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import type { OidStatus as Status } from "@/db/schema";

const COLORS: Record<Status, "default" | "success" | "warning" | "error" | "info"> = {
  missing: "default",
  submitted: "info",
  verified: "success",
  needs_attention: "warning",
  returned: "error",
};

const REASONS = [
  "not_in_register",
  "inactive",
  "not_social_service_unit",
  "other_business_id",
  "organisation_unit",
];

/** An OID's status with, when it needs correcting, the reason in words. */
export async function OidStatusView({
  status,
  reason,
  late,
}: {
  status: Status;
  reason: string | null;
  late?: boolean;
}) {
  const t = await getTranslations("registry");
  const reasonText = reason
    ? REASONS.includes(reason)
      ? t(`reasons.${reason}` as "reasons.inactive")
      : reason
    : null;
  return (
    <Box>
      <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap" }}>
        <Chip size="small" color={COLORS[status]} label={t(`oidStatus.${status}`)} />
        {late && <Chip size="small" variant="outlined" label={t("late")} />}
      </Box>
      {reasonText && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {reasonText}
        </Typography>
      )}
    </Box>
  );
}
