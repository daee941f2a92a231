import { Paper, Stack } from "@mui/material";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requirePage } from "@/lib/auth/actor";
import { listOwnContacts } from "@/lib/providers/queries";
import { updateContact } from "@/lib/providers/actions";
import { PageHeader } from "@/components/Page";
import { ContactForm } from "@/components/ContactForm";
import { describeKey } from "@/lib/keys/describe";
import { titled } from "@/components/metadata";

export const generateMetadata = titled("providerSide.contactsTitle");

export default async function OwnContactsPage() {
  const actor = await requirePage("/provider/contacts");
  const contacts = await listOwnContacts(getDb(), actor);
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("providerSide.contactsTitle")} intro={t("providerSide.contactsIntro")} />
      <Stack spacing={3}>
        {contacts.map((c) => (
          <Paper key={c.id} variant="outlined" sx={{ p: 3 }}>
            <ContactForm
              contact={{
                id: c.id,
                name: c.name,
                email: c.email,
                phone: c.phone,
                language: c.language,
                title: c.title,
                receivesCaseOids: c.receivesCaseOids,
                keyDescription: describeKey(t as never, c),
              }}
              action={updateContact}
            />
          </Paper>
        ))}
        <Paper variant="outlined" sx={{ p: 3 }}>
          <ContactForm key={contacts.length} contact={null} action={updateContact} />
        </Paper>
      </Stack>
    </>
  );
}
