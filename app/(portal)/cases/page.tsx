import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { mayOpenPage, mayRunAction } from "@/lib/auth/access";
import { findByHetuAction } from "@/lib/cases/actions";
import { Disclosure } from "@/components/Disclosure";
import { FindClientCases } from "@/components/FindClientCases";
import { requirePage } from "@/lib/auth/actor";
import { countCases, LIST_PAGE_SIZE, listCases } from "@/lib/cases/queries";
import { listPageSchema } from "@/lib/cases/schemas";
import { Pager } from "@/components/Pager";
import { formatDate } from "@/lib/i18n/format";
import { ButtonRow, PageHeader } from "@/components/Page";
import styles from "@/components/Page.module.css";
import { DataTable } from "@/components/DataTable";
import { LinkButton } from "@/components/Link";
import { titled } from "@/components/metadata";
import { ExportButtons } from "@/components/ExportButtons";

export const generateMetadata = titled("cases.title");

export default async function CasesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/cases");
  const page = listPageSchema.parse((await searchParams).page ?? 1);
  const db = getDb();
  const [rows, total] = await Promise.all([
    listCases(db, actor, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE),
    countCases(db, actor),
  ]);
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("cases.title")}
        intro={t("cases.intro")}
        actions={
          <ButtonRow>
            <ExportButtons list="cases" />
            {mayOpenPage(actor.role, "/cases/golive") && (
              <LinkButton href="/cases/golive" variant="outlined">
                {t("cases.golive")}
              </LinkButton>
            )}
            {mayOpenPage(actor.role, "/cases/new") && (
              <LinkButton href="/cases/new" variant="contained">
                {t("cases.newCase")}
              </LinkButton>
            )}
          </ButtonRow>
        }
      />
      {mayRunAction(actor.role, "clients.search") && (
        <Disclosure summary={t("cases.findTitle")}>
          <p className={`${styles.note} ${styles.spaced}`}>{t("cases.findIntro")}</p>
          <FindClientCases action={findByHetuAction} />
        </Disclosure>
      )}
      <div className={styles.gap} />
      <DataTable
        caption={t("cases.title")}
        empty={t("common.noResults")}
        columns={[
          { key: "caseOid", label: t("cases.caseOid") },
          { key: "serviceTask", label: t("cases.serviceTask") },
          { key: "responsible", label: t("cases.responsible") },
          { key: "windows", label: t("cases.windows"), align: "right" },
          { key: "created", label: t("cases.created") },
        ]}
        rows={rows.map((r) => ({
          id: r.id,
          cells: {
            caseOid: { href: `/cases/${r.id}`, text: r.caseOid },
            serviceTask: t(`cases.serviceTasks.${r.serviceTask}`),
            responsible: r.responsible ?? "",
            windows: r.windows,
            created: formatDate(r.createdAt),
          },
        }))}
      />
      <Pager page={page} total={total} pageSize={LIST_PAGE_SIZE} basePath="/cases" query={{}} />
    </>
  );
}
