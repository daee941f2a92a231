import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import type { Executor } from "@/db";
import type { AuditActor } from "@/lib/audit";
import { listChanges } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/i18n/format";
import { TABLE_CAPTION_STYLE } from "./DataTable";
import { ScrollRegion } from "./ScrollRegion";

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "–";
  if (typeof v === "boolean") return v ? "✓" : "✗";
  return String(v);
}

/** Who changed which field when, old → new, from the audit trail. */
export async function ChangeHistory({
  db,
  actor,
  entities,
}: {
  db: Executor;
  actor: AuditActor;
  entities: { type: string; ids: string[] }[];
}) {
  const rows = await listChanges(db, actor, entities);
  const t = await getTranslations();
  const lines = rows.flatMap((r) => {
    const changes = (
      r.details as { changes?: Record<string, { from: unknown; to: unknown }> } | null
    )?.changes;
    return changes
      ? Object.entries(changes).map(([field, c]) => ({ key: `${r.id}-${field}`, r, field, c }))
      : [];
  });
  if (lines.length === 0) return <Typography>{t("registry.historyEmpty")}</Typography>;
  return (
    <ScrollRegion label={t("registry.history")}>
      <Table size="small">
        <caption style={TABLE_CAPTION_STYLE}>{t("registry.history")}</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">{t("audit.at")}</TableCell>
            <TableCell scope="col">{t("audit.actor")}</TableCell>
            <TableCell scope="col">{t("audit.action")}</TableCell>
            <TableCell scope="col">{t("registry.field")}</TableCell>
            <TableCell scope="col">{t("registry.change")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lines.map(({ key, r, field, c }) => (
            <TableRow key={key}>
              <TableCell>{formatDateTime(r.at)}</TableCell>
              <TableCell>{r.actorName ?? t("audit.system")}</TableCell>
              <TableCell>
                <code>{r.action}</code>
              </TableCell>
              <TableCell>
                <code>{field}</code>
              </TableCell>
              <TableCell sx={{ wordBreak: "break-all" }}>
                {show(c.from)} → {show(c.to)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
