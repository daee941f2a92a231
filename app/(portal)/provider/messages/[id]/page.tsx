import {
  Alert,
  Box,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from "@mui/material";
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import { organisers } from "@/db/schema";
import { auditOutOfScope, requirePage } from "@/lib/auth/actor";
import { pickUp } from "@/lib/delivery/operations";
import { formatDateTime } from "@/lib/i18n/format";
import { orgName } from "@/lib/i18n/pick";
import { TABLE_CAPTION_STYLE } from "@/components/DataTable";
import { Link } from "@/components/Link";
import { PageHeader, Section } from "@/components/Page";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("outbox.message.title");

/** The attachment's rows (semicolon-separated, UTF-8 with a BOM); null if it cannot be read. */
function csvRows(csv: string): string[][] | null {
  try {
    return parse(csv, {
      delimiter: ";",
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch {
    return null;
  }
}

export default async function ProviderMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePage(
    "/provider/messages/[id]",
    `/provider/messages/${encodeURIComponent(id)}`,
  );
  const messageId = z.uuid().safeParse(id);
  if (!messageId.success) {
    await auditOutOfScope(actor, "outbox_message", id, "deliveries.pickup");
    notFound();
  }
  // pickUp opens only the contact's own message and audits both the pickup and a refusal.
  const opened = await pickUp(getDb(), actor, messageId.data);
  if (!opened) notFound();
  const { message, content } = opened;
  const t = await getTranslations("outbox");
  const locale = await getLocale();
  const [org] = await getDb()
    .select({ nameFi: organisers.nameFi, nameSv: organisers.nameSv, nameEn: organisers.nameEn })
    .from(organisers)
    .where(eq(organisers.id, message.organiserId));
  const rows = content.csv ? csvRows(content.csv) : null;
  const [header, ...body] = rows ?? [];
  return (
    <>
      <Box sx={{ mb: 2 }}>
        <Link href="/provider/messages">{t("message.back")}</Link>
      </Box>
      <PageHeader title={t("message.title")} intro={message.subject} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography>
          <strong>{t("message.organiser")}:</strong> {org ? orgName(org, locale) : ""}
        </Typography>
        <Typography>
          <strong>{t("message.received")}:</strong> {formatDateTime(message.createdAt)}
        </Typography>
      </Paper>
      <Alert severity="info" sx={{ mt: 2 }}>
        {t("message.note")}
      </Alert>
      <Section title={t("message.content")}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography
            component="div"
            sx={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}
            data-testid="pickup-text"
          >
            {content.text}
          </Typography>
        </Paper>
      </Section>
      {content.csv && (
        <Section title={t("message.attachment", { name: content.csvName ?? "" })}>
          {header && body.length > 0 ? (
            <>
              <Typography sx={{ mb: 2 }}>
                {t("message.attachmentNote", { count: body.length })}
              </Typography>
              <TableContainer
                component={Paper}
                variant="outlined"
                tabIndex={0}
                role="region"
                aria-label={t("message.attachment", { name: content.csvName ?? "" })}
              >
                <Table size="small">
                  <caption style={TABLE_CAPTION_STYLE}>
                    {t("message.attachment", { name: content.csvName ?? "" })}
                  </caption>
                  <TableHead>
                    <TableRow>
                      {header.map((h, i) => (
                        <TableCell key={i} scope="col" sx={{ fontWeight: 600 }}>
                          {h}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {body.map((r, i) => (
                      <TableRow key={i}>
                        {header.map((_, j) => (
                          <TableCell key={j}>{r[j] ?? ""}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </>
          ) : (
            <Typography>{t("message.attachmentEmpty")}</Typography>
          )}
        </Section>
      )}
    </>
  );
}
