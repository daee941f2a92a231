"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { useFocusKeeper } from "./useFocusKeeper";
import styles from "./AppShell.module.css";
import linkStyles from "./Link.module.css";
import { Link, RouteLink } from "./Link";

export type NavItem = { href: string; label: string };

export type ShellLabels = {
  title: string;
  skipToContent: string;
  mainNav: string;
  signOut: string;
  language: string;
  languages: Record<"fi" | "sv" | "en", string>;
  footer: string;
  accessibility: string;
  feedback: string;
  feedbackEmail: string;
  menu: string;
  demoBanner?: string;
};

export function AppShell({
  nav,
  user,
  locale,
  labels,
  signOutAction,
  children,
}: {
  nav: NavItem[];
  user?: { name: string; role: string; organisation?: string };
  locale: string;
  labels: ShellLabels;
  signOutAction?: () => Promise<void>;
  children: ReactNode;
}) {
  const pathname = usePathname();
  useFocusKeeper();
  // Below the md breakpoint the navigation folds behind a menu button (320 px, 200 % zoom).
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    // Following a link closes the menu (the keeper moves focus to the new page's heading).
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {labels.skipToContent}
      </a>
      {labels.demoBanner && (
        <div className={styles.demo}>
          <p>{labels.demoBanner}</p>
        </div>
      )}
      <header className={styles.header}>
        <div className={styles.toolbar}>
          <RouteLink href="/" className={styles.title}>
            {labels.title}
          </RouteLink>
          {nav.length > 0 && (
            <button
              type="button"
              className={`${styles.button} ${styles.menuButton}`}
              aria-expanded={menuOpen}
              aria-controls="main-nav"
              onClick={() => setMenuOpen((o) => !o)}
            >
              {labels.menu}
            </button>
          )}
          <LanguageSwitcher locale={locale} label={labels.language} names={labels.languages} />
          {user && (
            <div className={styles.user}>
              <div className={styles.who}>
                <p className={styles.name}>{user.name}</p>
                <p className={styles.role}>
                  {user.role}
                  {user.organisation ? ` · ${user.organisation}` : ""}
                </p>
              </div>
              {signOutAction && (
                <form action={signOutAction}>
                  <button type="submit" className={`${styles.button} ${styles.small}`}>
                    {labels.signOut}
                  </button>
                </form>
              )}
            </div>
          )}
        </div>
      </header>
      <div className={styles.body}>
        {nav.length > 0 && (
          <nav
            id="main-nav"
            aria-label={labels.mainNav}
            className={menuOpen ? `${styles.nav} ${styles.navOpen}` : styles.nav}
          >
            <ul className={styles.navList}>
              {nav.map((item) => {
                const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
                return (
                  <li key={item.href}>
                    <RouteLink
                      href={item.href}
                      className={styles.navLink}
                      aria-current={current ? "page" : undefined}
                    >
                      {item.label}
                    </RouteLink>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1} className={styles.main}>
          {children}
        </main>
      </div>
      <footer className={styles.footer}>
        <div className={styles.footerRow}>
          <p>{labels.footer}</p>
          <Link href="/accessibility">{labels.accessibility}</Link>
          <a href={`mailto:${labels.feedbackEmail}`} className={linkStyles.link}>
            {labels.feedback}
          </a>
        </div>
      </footer>
    </div>
  );
}
