import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/actor";
import { EmptyState, PageHeader } from "@/components/Page";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("deliveries.title");

export default async function DeliveriesPage() {
  await requirePage("/deliveries");
  const t = await getTranslations("deliveries");
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
