import { Paper } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { serviceTasks } from "@/db/schema";
import { requirePage } from "@/lib/auth/actor";
import { createCaseAction } from "@/lib/cases/actions";
import { PageHeader } from "@/components/Page";
import { SimpleActionForm } from "@/components/SimpleActionForm";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("cases.newTitle");

export default async function NewCasePage() {
  await requirePage("/cases/new");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("cases.newTitle")} intro={t("cases.newIntro")} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <SimpleActionForm
          action={createCaseAction}
          ariaLabel={t("cases.newTitle")}
          submit={t("cases.create")}
          fields={[
            { name: "caseOid", label: t("cases.caseOid"), required: true },
            {
              name: "serviceTask",
              label: t("cases.serviceTask"),
              type: "select",
              required: true,
              options: serviceTasks.map((s) => ({ value: s, label: t(`cases.serviceTasks.${s}`) })),
            },
            { name: "clientName", label: t("cases.clientName"), required: true },
            { name: "hetu", label: t("cases.hetu"), required: true, autoComplete: "off" },
          ]}
        />
      </Paper>
    </>
  );
}
