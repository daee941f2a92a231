import { Chip, Typography } from "@mui/material";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listPickups } from "@/lib/delivery/operations";
import { formatDateTime } from "@/lib/i18n/format";
import { orgName } from "@/lib/i18n/pick";
import { DataTable } from "@/components/DataTable";
import { Link } from "@/components/Link";
import { PageHeader } from "@/components/Page";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("outbox.inbox.title");

export default async function ProviderMessagesPage() {
  const actor = await requirePage("/provider/messages");
  // Newest first; listPickups returns only this contact's own pickup messages.
  const rows = (await listPickups(getDb(), actor)).slice().reverse();
  const t = await getTranslations("outbox");
  const locale = await getLocale();
  return (
    <>
      <PageHeader title={t("inbox.title")} intro={t("inbox.intro")} />
      <DataTable
        caption={t("inbox.caption")}
        empty={t("inbox.none")}
        columns={[
          { key: "received", label: t("inbox.received") },
          { key: "organiser", label: t("inbox.organiser") },
          { key: "message", label: t("inbox.message") },
          { key: "subject", label: t("inbox.subject") },
          { key: "opened", label: t("inbox.opened") },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            received: formatDateTime(r.createdAt),
            organiser: orgName(
              { nameFi: r.organiserFi, nameSv: r.organiserSv, nameEn: r.organiserEn },
              locale,
            ),
            message: (
              <Link href={`/provider/messages/${r.id}`}>
                {r.kind === "batch"
                  ? t("kinds.batch", { count: r.caseCount })
                  : t("kinds.case_oid")}
              </Link>
            ),
            subject: r.subject,
            opened: r.pickedUpAt ? (
              t("inbox.openedAt", { date: formatDateTime(r.pickedUpAt) })
            ) : (
              <Chip size="small" color="info" label={t("inbox.notOpened")} />
            ),
          },
        }))}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2, maxWidth: "70ch" }}>
        {t("inbox.keyHint")}
      </Typography>
    </>
  );
}
