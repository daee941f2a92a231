import { Chip, Stack } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/i18n/format";
import { listManagedUsers } from "@/lib/users/admin";
import { disableUserAction, enableUserAction, resetTotpAction } from "@/lib/users/actions";
import { ConfirmUserAction } from "@/components/ConfirmUserAction";
import { DataTable } from "@/components/DataTable";
import { Link } from "@/components/Link";
import { PageHeader } from "@/components/Page";
import { TextInput } from "@/components/Field";
import fieldStyles from "@/components/Field.module.css";
import pageStyles from "@/components/Page.module.css";
import { buttonClass } from "@/components/button-class";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("users.title");

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePage("/settings/users");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const rows = await listManagedUsers(getDb(), actor, q);
  const t = await getTranslations();
  return (
    <>
      <PageHeader
        title={t("users.title")}
        actions={<Link href="/settings">{t("settings.title")}</Link>}
      />
      <form role="search" method="get" className={pageStyles.search}>
        <TextInput id="q" name="q" wide label={t("users.searchLabel")} defaultValue={q} />
        <button type="submit" className={`${buttonClass("contained")} ${fieldStyles.besideFields}`}>
          {t("common.search")}
        </button>
      </form>
      <DataTable
        caption={t("users.caption")}
        empty={t("common.noResults")}
        columns={[
          { key: "name", label: t("users.name") },
          { key: "email", label: t("users.email") },
          { key: "role", label: t("users.role") },
          { key: "lastSignIn", label: t("users.lastSignIn") },
          { key: "status", label: t("users.status") },
          { key: "actions", label: t("users.actions") },
        ]}
        rows={rows.map((u) => {
          const name = u.name ?? u.email ?? u.id;
          return {
            id: u.id,
            cells: {
              name,
              email: u.email ?? "",
              role: u.providerName
                ? `${t(`roles.${u.role ?? "provider_contact"}`)} · ${u.providerName}`
                : t(`roles.${u.role ?? "caseworker"}`),
              lastSignIn: u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t("users.never"),
              status: (
                <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
                  <Chip
                    size="small"
                    color={u.disabledAt ? "default" : "success"}
                    variant="outlined"
                    label={u.disabledAt ? t("users.statusDisabled") : t("users.statusActive")}
                  />
                  {u.totpConfirmed && (
                    <Chip size="small" variant="outlined" label={t("users.totpEnrolled")} />
                  )}
                </Stack>
              ),
              actions:
                u.id === actor.userId ? (
                  t("users.you")
                ) : (
                  <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap" }}>
                    {/* One instance across disable/enable, so its outcome message survives the refresh. */}
                    <ConfirmUserAction
                      action={u.disabledAt ? enableUserAction : disableUserAction}
                      userId={u.id}
                      name={name}
                      kind={u.disabledAt ? "enable" : "disable"}
                    />
                    {u.role === "provider_contact" && (
                      <ConfirmUserAction
                        action={resetTotpAction}
                        userId={u.id}
                        name={name}
                        kind="resetTotp"
                      />
                    )}
                  </Stack>
                ),
            },
          };
        })}
      />
    </>
  );
}
