import { Box, Paper, Typography } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { requirePage } from "@/lib/auth/actor";
import { getConfig } from "@/lib/config";
import { listMailbox } from "@/lib/mail/mailbox";
import { formatDateTime } from "@/lib/i18n/format";
import { PageHeader } from "@/components/Page";
import { titled } from "@/components/metadata";

/** Demo mode only: what the local mail sink received, so a visitor can follow a magic link. */
export const generateMetadata = titled("mailbox.title");

export default async function MailboxPage() {
  await requirePage("/mailbox");
  const dir = getConfig().mailSinkDir;
  const mail = dir ? await listMailbox(dir, 50) : [];
  const t = await getTranslations("mailbox");
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {mail.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography>{t("empty")}</Typography>
        </Paper>
      ) : (
        <Box sx={{ display: "grid", gap: 2 }}>
          {mail.map((m) => (
            <Paper
              key={m.id}
              variant="outlined"
              component="article"
              aria-labelledby={`mail-${m.id}`}
              sx={{ p: 2 }}
            >
              <Typography variant="h2" id={`mail-${m.id}`} sx={{ fontSize: "1.1rem" }}>
                {m.subject}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t("to")}: {m.to} · {t("from")}: {m.from} · {m.date ? formatDateTime(m.date) : ""}
              </Typography>
              <Box
                component="pre"
                sx={{
                  whiteSpace: "pre-wrap",
                  wordBreak: "break-all",
                  fontFamily: "inherit",
                  mt: 1,
                  mb: 0,
                }}
              >
                {linkify(m.text)}
              </Box>
            </Paper>
          ))}
        </Box>
      )}
    </>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
