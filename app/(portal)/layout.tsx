import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { AppShell } from "@/components/AppShell";
import { shellLabels, shellNav, shellUser } from "@/components/shellProps";
import { getSessionState } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/session-actions";

// Signed-in pages: each page itself checks the role (requirePage); the layout only draws the frame.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { actor, organisation } = await getSessionState();
  const [labels, nav, user, locale] = await Promise.all([
    shellLabels(),
    shellNav(actor),
    shellUser(actor, organisation),
    getLocale(),
  ]);
  return (
    <AppShell
      nav={nav}
      user={user}
      locale={locale}
      labels={labels}
      signOutAction={actor ? signOutAction : undefined}
    >
      {children}
    </AppShell>
  );
}
